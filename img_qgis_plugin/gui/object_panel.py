"""Dock widget for one object: who and what it is, its claims, the quakes that shook it, what it
is eligible for as of a date, and its hand-offs.

The panel shows a *view* (a plain dict assembled from the store and the rules engine) and
reports what the user asks for through signals; re-evaluation and writing are the plugin's job,
so no rule lives here.

It reads at QGIS's default dock width (``DEFAULT_DOCK_WIDTH``): texts wrap, the title (the
object's address) wraps with every address in its tooltip, the tabs move to the side with their
full texts when they do not fit on top, and only tables scroll sideways.
"""

from __future__ import annotations

import datetime as dt

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QDate, QSize, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from domain import policy
from img_qgis_plugin.gui.handoff_section import HandOffSection
from img_qgis_plugin.gui.i18n import (
    NO_VALUE,
    euro_text,
    html_text,
    number_text,
    parse_day,
    quake_day,
    tr,
    ui_language,
    yes_no,
)
from img_qgis_plugin.gui.panel_tables import ClaimTable, QuakeTable, use_label
from img_qgis_plugin.gui.pgv_chart import PgvChart
from img_qgis_plugin.gui.verdict_card import VerdictCard, state_of

PANEL_OBJECT_NAME = "ImgObjectPanel"
#: the width (logical px) the panels must read at: QMainWindow gives a dock added to the right
#: area its size hint, or the width of the dock already there; QGIS's own right-hand panels
#: (Processing Toolbox, Identify Results: a tree view) open at about 270-300 px, so a new dock
#: beside or below them gets no more than that
DEFAULT_DOCK_WIDTH = 300
#: at most this share of the width goes to the labels of the object's facts
LABEL_SHARE = 0.5
#: the object facts that can be long (several addresses, a status or catalogue sentence)
WRAPPED_HEADER_VALUES = ("addresses", "status", "catalog_end")
VERDICT_KEYS = (
    "vaste_vergoeding",
    "aanvullende_vaste_vergoeding",
    "new_claim",
    "duurzaam_herstel",
    "nulmeting",
)


def catalog_end_text(exposure: dict | None) -> str:
    """The view's catalogue end as "bevingen bekend t/m 26 januari 2022", in the panel's
    language."""
    from domain.rules.coverage import known_text

    end = parse_day((exposure or {}).get("catalog_end"))
    return known_text(end, ui_language()) if end else NO_VALUE


def coverage_hint(verdict: dict) -> str:
    """Why a verdict is open when it rests on quakes after the catalogue's end: the folded card
    would otherwise only say "data missing", which sends the reader to the object's data."""
    from domain.rules.coverage import known_text

    if verdict.get("eligible", verdict.get("required")) is not None:
        return ""
    for condition in verdict.get("conditions") or []:
        end = parse_day((condition.get("facts") or {}).get("catalog_end"))
        if condition.get("result") == "unknown" and end is not None:
            known = known_text(end, ui_language())
            return tr(
                "{known}; latere bevingen zijn niet bekend (Mijnbouwschade › Nieuwe bevingen "
                "ophalen)."
            ).format(known=known[:1].upper() + known[1:])
    return ""


def motion_text(motion: dict | None) -> str:
    """Which ground-motion settings the figures use; a warning when the user chose others."""
    if not motion:
        return ""
    text = tr("Trillingen berekend met: {settings}.").format(settings=html_text(motion["text"]))
    if motion.get("differs"):
        text += (
            "<br><b>"
            + tr(
                "Let op: u koos andere instellingen ({wanted}); de cijfers van deze opslag zijn "
                "daarmee nog niet herberekend."
            ).format(wanted=html_text(motion.get("wanted", "")))
            + "</b>"
        )
    return text


def reopening_quake_text(event, quakes: dict) -> str:
    """A reopening quake as the reader knows it: place, Dutch date, ML and PGV (the event id
    only when the view does not hold the quake)."""
    event_id = event.get("event_id") if isinstance(event, dict) else event
    quake = quakes.get(event_id) or (event if isinstance(event, dict) else None)
    if not quake or not quake.get("time"):
        return str(event_id)
    from domain.presentation import text_format
    from domain.rules.verdict import render

    lang = ui_language()
    day = quake_day(quake.get("time"))  # the Dutch calendar date, as the rules compare it
    pgv = quake.get("pgv_mm_s")
    return tr("{place}, {date}, ML {ml}, {pgv}").format(
        place=quake.get("place") or NO_VALUE,
        date=render(day, lang) if day else NO_VALUE,
        ml=number_text(quake.get("ml"), 1, lang),
        pgv=text_format.speed(pgv, lang) if pgv is not None else NO_VALUE,
    )


def _scrolled(widget: QWidget) -> QScrollArea:
    """A page that scrolls up and down only: its texts wrap to the width instead."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(widget)
    return area


def _one_line(label: QLabel) -> int:
    """Width of a plain-text label's text on one line, with its margins."""
    margins = label.contentsMargins()
    extra = margins.left() + margins.right() + 2 * label.margin()
    return label.fontMetrics().horizontalAdvance(label.text()) + extra + 1


class FactRows(QWidget):
    """Label–value rows, like a form: side by side where the value fits beside the labels,
    else the value under its label. The label column is as wide as the widest label but at
    most ``LABEL_SHARE`` of the width (labels wrap within it). Unlike QFormLayout's
    WrapLongRows, which checks each row against its own label while the column takes the
    widest, no short value is cut off ("€ 212.00") in a narrow dock."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        # the widget's minimum is the stacked one (minimumSizeHint), not this placement's
        self.grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.grid.setColumnStretch(1, 1)
        self.rows: list[tuple[QLabel, QLabel]] = []
        self._placed: tuple | None = None
        self._unlimited = self.maximumWidth()  # Qt's "no maximum"

    def add_row(self, label: QLabel, value: QLabel) -> None:
        label.setWordWrap(True)  # "Overlap with strengthening (NCG)" is wider than the dock
        label.setParent(self)
        value.setParent(self)
        self.rows.append((label, value))
        self.replan()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        # every row stacked: the widest single label or value
        widths = [w.minimumSizeHint().width() for row in self.rows for w in row]
        return QSize(max(widths, default=0), super().minimumSizeHint().height())

    def plan(self, width: int) -> tuple:
        """(label column width, the rows whose value goes under the label)."""
        spacing = max(0, self.grid.horizontalSpacing())
        labels = [label for label, _value in self.rows]
        # a wrapping label's size hint is already wrapped: measure its text on one line
        column = max((_one_line(label) for label in labels), default=0)
        # no wider than the share, never narrower than the longest word of a label
        floor = max((label.minimumSizeHint().width() for label in labels), default=0)
        column = max(floor, min(column, int(width * LABEL_SHARE)))
        room = width - column - spacing
        stacked = tuple(
            i for i, (_l, value) in enumerate(self.rows) if value.sizeHint().width() > room
        )
        return column, stacked

    def replan(self) -> None:
        """Place the rows for the current width (again: values change with each object)."""
        column, stacked = self.plan(self.width())
        if self._placed == (column, stacked):
            return
        self._placed = (column, stacked)
        for label, value in self.rows:
            self.grid.removeWidget(label)
            self.grid.removeWidget(value)
        line = 0
        for index, (label, value) in enumerate(self.rows):
            if index in stacked:
                label.setMaximumWidth(self._unlimited)
                self.grid.addWidget(label, line, 0, 1, 2)
                self.grid.addWidget(value, line + 1, 0, 1, 2)
                line += 2
            else:
                label.setMaximumWidth(column)
                self.grid.addWidget(label, line, 0)
                self.grid.addWidget(value, line, 1)
                line += 1
        self.grid.setColumnMinimumWidth(0, column)
        self.updateGeometry()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.replan()


class FittingTabs(QTabWidget):
    """Tabs on top while all their texts fit there; on the left side (texts whole, read
    upwards) in a narrow dock, instead of eliding them ("Overdr…") or hiding the last ones
    behind scroll arrows."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.tabBar().setElideMode(Qt.TextElideMode.ElideNone)
        self.tabBar().setExpanding(False)

    def tabs_length(self) -> int:
        """Length of the tab bar with every tab whole, laid out on top."""
        bar = self.tabBar()
        # a tab's long side is its text side, whichever side the bar is on; tabs are never
        # squeezed (no eliding), so the laid-out rectangles are their full sizes
        return sum(max(bar.tabRect(i).width(), bar.tabRect(i).height()) for i in range(bar.count()))

    def fit_tabs(self) -> None:
        # on top the bar spans the whole widget; the side position leaves the width unchanged,
        # so the choice cannot flip back and forth
        fits = self.tabs_length() <= self.width()
        wanted = QTabWidget.TabPosition.North if fits else QTabWidget.TabPosition.West
        if self.tabPosition() != wanted:
            self.setTabPosition(wanted)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit_tabs()

    def tabInserted(self, index: int) -> None:  # noqa: N802
        super().tabInserted(index)
        self.fit_tabs()


class ObjectPanel(QgsDockWidget):
    """``show_object(view)`` fills it; signals carry the user's requests to the plugin."""

    #: the user chose another assessment date (a ``datetime.date``)
    as_of_changed = pyqtSignal(object)
    #: hand-off id, the version the user saw, the requested status
    handoff_status_requested = pyqtSignal(object, int, str)
    #: the user completed the hand-off dialog (a ``domain.rules.handoff.HandOffDraft``)
    handoff_requested = pyqtSignal(object)
    #: the user asked for the case dossier (PDF) of the object shown (its id)
    dossier_requested = pyqtSignal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(tr("Mijnbouwschade – object"), parent)
        self.setObjectName(PANEL_OBJECT_NAME)
        self.view: dict | None = None
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)

        # the object's name and what to do with it; the name wraps (the dock title bar would
        # cut it), every address in the tooltip
        title_row = QHBoxLayout()
        self.title_label = QLabel("", body)
        self.title_label.setObjectName("ImgObjectTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bold = self.title_label.font()
        bold.setBold(True)
        self.title_label.setFont(bold)
        self.title_label.setVisible(False)
        title_row.addWidget(self.title_label, 1)
        self.dossier_button = QPushButton(tr("Dossier (PDF)…"), body)
        self.dossier_button.setObjectName("ImgDossierButton")
        self.dossier_button.setToolTip(tr("Dossier van dit object als PDF opslaan"))
        self.dossier_button.setEnabled(False)
        self.dossier_button.clicked.connect(self._emit_dossier)
        title_row.addWidget(self.dossier_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(title_row)

        top = QHBoxLayout()
        self.as_of_label = QLabel(tr("Peildatum:"), body)
        self.as_of_edit = QDateEdit(QDate.currentDate(), body)
        self.as_of_edit.setObjectName("ImgAsOfDate")
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDisplayFormat("yyyy-MM-dd")
        self.as_of_edit.setToolTip(tr("Oordelen gelden op deze datum; latere feiten tellen niet."))
        self.as_of_edit.dateChanged.connect(self._emit_as_of)
        top.addWidget(self.as_of_label)
        top.addWidget(self.as_of_edit)
        top.addStretch(1)
        layout.addLayout(top)

        self.placeholder = QLabel(
            tr("Kies een object op de kaart met het identificatiegereedschap."), body
        )
        self.placeholder.setWordWrap(True)
        layout.addWidget(self.placeholder)

        self.tabs = FittingTabs(body)
        self.tabs.setObjectName("ImgPanelTabs")
        self.tabs.addTab(self._build_object_tab(), tr("Object"))
        self.claim_table = ClaimTable.create(self)
        self.tabs.addTab(self.claim_table, tr("Meldingen"))
        self.tabs.addTab(self._build_quake_tab(), tr("Bevingen"))
        self.handoffs = HandOffSection(self)
        self.handoffs.status_change_requested.connect(self.handoff_status_requested)
        self.handoffs.new_handoff_requested.connect(self.open_handoff_dialog)
        self.tabs.addTab(_scrolled(self.handoffs), tr("Overdracht"))
        self.tabs.setVisible(False)
        layout.addWidget(self.tabs, 1)
        self.setWidget(body)

    # --- building -----------------------------------------------------------------------
    def _build_object_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.facts = FactRows(page)
        self.header: dict[str, QLabel] = {}
        rows = [
            ("addresses", tr("Adres(sen)")),
            ("kadastrale_aanduiding", tr("Kadastrale aanduiding")),
            ("id", tr("Object-id")),
            ("construction_year", tr("Bouwjaar")),
            ("use", tr("Gebruik")),
            ("woz_value", tr("WOZ-waarde")),
            ("rijksmonument", tr("Rijksmonument")),
            ("in_ncg_programme", tr("Samenloop (NCG)")),
            # the class the map shows, taken from the verdicts below (domain.rules.status)
            ("status", tr("Kaartstatus")),
            # up to which day quakes are known: a "no" cannot rest on later ones
            ("catalog_end", tr("Bevingscatalogus")),
        ]
        for key, title in rows:
            value = QLabel(NO_VALUE, page)
            value.setObjectName(f"header_{key}")
            # long texts wrap; a short value stays whole and goes under its label when the
            # two do not fit side by side
            value.setWordWrap(key in WRAPPED_HEADER_VALUES)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts.add_row(QLabel(title, page), value)
            self.header[key] = value
        layout.addWidget(self.facts)
        self.motion_label = QLabel("", page)
        self.motion_label.setObjectName("ImgMotionSettings")
        self.motion_label.setWordWrap(True)
        layout.addWidget(self.motion_label)
        self.verdict_cards: dict[str, VerdictCard] = {}
        titles = {
            "vaste_vergoeding": tr("Vaste vergoeding"),
            "aanvullende_vaste_vergoeding": tr("Aanvullende vaste vergoeding"),
            "new_claim": tr("Nieuwe melding na finaal besluit"),
            "duurzaam_herstel": tr("Duurzaam herstel"),
            "nulmeting": tr("Nulmeting"),
        }
        for key in VERDICT_KEYS:
            card = VerdictCard(key, titles[key], page)
            layout.addWidget(card)
            self.verdict_cards[key] = card
        layout.addStretch(1)
        return _scrolled(page)

    def _build_quake_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.chart = PgvChart(page)
        layout.addWidget(self.chart)
        self.quake_table = QuakeTable.create(page)
        layout.addWidget(self.quake_table, 1)
        return page

    # --- filling ------------------------------------------------------------------------
    def show_object(self, view: dict) -> None:
        """Show one object's view; see the module docstring for where the view comes from."""
        self.view = view
        self.dossier_button.setEnabled(True)
        self.placeholder.setVisible(False)
        self.tabs.setVisible(True)
        as_of = parse_day(view.get("as_of"))
        if as_of is not None:
            self.as_of_edit.blockSignals(True)
            self.as_of_edit.setDate(QDate(as_of.year, as_of.month, as_of.day))
            self.as_of_edit.blockSignals(False)
        self._fill_header(view.get("object", {}))
        self.header["status"].setText((view.get("status") or {}).get("label") or NO_VALUE)
        self.header["catalog_end"].setText(catalog_end_text(view.get("exposure")))
        claims = view.get("claims", [])
        ClaimTable.fill(self.claim_table, claims)
        last_final = parse_day(view.get("last_final_decision"))
        marks = QuakeTable.fill(self.quake_table, view.get("quakes", []), last_final)
        self._fill_chart(view.get("quakes", []), claims, last_final, marks)
        self._fill_verdicts(view.get("verdicts", {}))
        self.motion_label.setText(motion_text(view.get("motion")))
        self.motion_label.setVisible(bool(view.get("motion")))
        self.handoffs.fill(
            view.get("handoffs", []), view.get("handoff_suggestion"), view.get("claims", [])
        )

    def clear(self, why: str) -> None:
        """Show no object, and why (the store it came from was closed or replaced)."""
        self.view = None
        self.dossier_button.setEnabled(False)
        self.title_label.clear()
        self.title_label.setToolTip("")
        self.title_label.setVisible(False)
        self.tabs.setVisible(False)
        self.placeholder.setText(why)
        self.placeholder.setVisible(True)

    def _fill_header(self, obj: dict) -> None:
        addresses = obj.get("addresses") or []
        year = obj.get("construction_year")
        values = {
            "addresses": "\n".join(addresses) if addresses else NO_VALUE,
            "kadastrale_aanduiding": obj.get("kadastrale_aanduiding") or NO_VALUE,
            "id": str(obj.get("id", NO_VALUE)),
            "construction_year": str(year) if year else NO_VALUE,
            "use": use_label(obj.get("use")),
            "woz_value": euro_text(obj.get("woz_value")),
            "rijksmonument": yes_no(obj.get("rijksmonument")),
            "in_ncg_programme": yes_no(obj.get("in_ncg_programme")),
        }
        for key, text in values.items():
            self.header[key].setText(text)
        name = addresses[0] if addresses else tr("Object {id}").format(id=values["id"])
        # short, so the dock's title bar is not cut off: the address is the panel's headline
        self.setWindowTitle(tr("Mijnbouwschade – object {id}").format(id=values["id"]))
        self.title_label.setText(name)
        self.title_label.setToolTip("\n".join(addresses) if addresses else name)
        self.title_label.setVisible(True)
        self.facts.replan()  # the new values may fit beside their labels, or no longer

    def _fill_chart(self, quakes, claims, last_final, marks) -> None:
        ordered = sorted(quakes, key=lambda quake: str(quake.get("time") or ""), reverse=True)
        points = [
            (quake_day(quake.get("time")), quake.get("pgv_mm_s") or 0, "reopens" in its_marks)
            for quake, its_marks in zip(ordered, marks)
        ]
        thresholds = [
            (policy.EFFECT_AREA_PGV_MM_S, f"{number_text(policy.EFFECT_AREA_PGV_MM_S)} mm/s"),
            (policy.NULMETING_PGV_MM_S, f"{number_text(policy.NULMETING_PGV_MM_S)} mm/s"),
        ]
        decisions = [
            (parse_day(claim.get("decided")), bool(claim.get("final")))
            for claim in claims
            if claim.get("decided")
        ]
        if last_final is not None and (last_final, True) not in decisions:
            decisions.append((last_final, True))
        self.chart.set_data(points, thresholds, decisions)

    def _fill_verdicts(self, verdicts: dict) -> None:
        for key, card in self.verdict_cards.items():
            verdict = verdicts.get(key)
            if verdict is None:
                card.set_verdict("unknown", tr("Geen oordeel beschikbaar"), [], [])
                continue
            conditions = verdict.get("conditions", [])
            if key == "nulmeting":
                required = verdict.get("required")
                answer = {
                    True: tr("Nulmeting nodig"),
                    False: tr("Geen nulmeting nodig"),
                }.get(required, tr("Onbepaald"))
                # a needed survey is an action to take, shown as attention, not as failure
                state = {True: "unknown", False: "pass"}.get(required, "unknown")
                card.set_verdict(
                    state,
                    answer,
                    self._verdict_extra(key, verdict),
                    conditions,
                    verdict.get("deciding"),
                )
                continue
            eligible = verdict.get("eligible")
            answer = {
                True: tr("Komt in aanmerking"),
                False: tr("Komt niet in aanmerking"),
            }.get(eligible, tr("Onbepaald: gegevens ontbreken"))
            card.set_verdict(
                state_of(eligible),
                answer,
                self._verdict_extra(key, verdict),
                conditions,
                verdict.get("deciding"),
            )

    def _verdict_extra(self, key: str, verdict: dict) -> list[str]:
        extra = []
        if verdict.get("amount_eur") is not None and verdict.get("eligible") is not False:
            extra.append(tr("Bedrag: {amount}").format(amount=euro_text(verdict["amount_eur"])))
        if key == "new_claim":
            events = verdict.get("reopening_events") or []
            quakes = {q.get("event_id"): q for q in (self.view or {}).get("quakes", [])}
            names = [html_text(reopening_quake_text(e, quakes)) for e in events]
            if names:
                extra.append(tr("Heropend door: {events}").format(events="; ".join(names)))
            blocked = verdict.get("blocked_by")
            if blocked:
                blocked_text = blocked if isinstance(blocked, str) else ", ".join(map(str, blocked))
                extra.append(tr("Geblokkeerd door: {what}").format(what=html_text(blocked_text)))
        for note in verdict.get("notes") or []:
            if note.get("reason"):
                extra.append("ℹ " + html_text(str(note["reason"])))
        coverage = coverage_hint(verdict)
        if coverage:
            extra.append("ℹ " + html_text(coverage))
        return extra

    # --- requests -----------------------------------------------------------------------
    def _emit_dossier(self) -> None:
        if self.view is not None:
            self.dossier_requested.emit(int(self.view["object"]["id"]))

    def _emit_as_of(self, date: QDate) -> None:
        self.as_of_changed.emit(dt.date(date.year(), date.month(), date.day()))

    def make_handoff_dialog(self):
        """The hand-off dialog for the shown object, preset to the suggested target."""
        from img_qgis_plugin.gui.handoff_dialog import HandOffDialog

        view = self.view or {}
        suggestion = view.get("handoff_suggestion") or {}
        return HandOffDialog(
            object_id=str((view.get("object") or {}).get("id", "")),
            claims=view.get("claims", []),
            suggested_target=suggestion.get("target") if suggestion.get("suggested") else None,
            parent=self,
        )

    def open_handoff_dialog(self) -> None:
        if self.view is None:
            return
        from img_qgis_plugin.toolbelt.log_handler import log

        shown = self.view
        dialog = self.make_handoff_dialog()
        try:
            if not dialog.exec():
                return
            if self.view is not shown:  # another store or object came while it was open
                log(
                    tr(
                        "De opslag of het object is gewisseld terwijl het overdrachtvenster "
                        "open stond; de overdracht is niet vastgelegd."
                    ),
                    "warning",
                    push=True,
                    duration=0,
                )
                return
            self.handoff_requested.emit(dialog.draft())
        finally:
            dialog.deleteLater()
