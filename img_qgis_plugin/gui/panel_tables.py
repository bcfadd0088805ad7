"""The object's claim history and the quakes that shook it, as read-only tables.

The quake marks use the thresholds of ``domain.policy`` (never numbers of their own) so the
table and the rules can never disagree about what "≥ 5 mm/s" means.
"""

from __future__ import annotations

import datetime as dt
import re

from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, Qt
from qgis.PyQt.QtGui import QBrush, QColor, QFont
from qgis.PyQt.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from domain import policy
from domain.presentation.object_view import quake_marks  # noqa: F401 - the rule lives in the domain
from img_qgis_plugin.gui.i18n import (
    NO_VALUE,
    day_text,
    euro_text,
    number_text,
    parse_day,
    pgv_text,
    quake_day,
    tr,
    ui_language,
    yes_no,
)

SIZE_BY_ROWS = 60  # columns are sized on the first rows only: enough, and fast for long tables
#: the value a cell sorts by (a number, an ISO date, a natural key), so that "€ 10.000" sorts
#: after "€ 8.450" and C-2022-900 before C-2022-10877, whatever the text looks like
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
REOPEN_BACKGROUND = QColor("#f8d7da")
STRONG_BACKGROUND = QColor("#fff3cd")


#: the claim schemes, outcomes and object uses (the store's codes) in words
SCHEME_LABELS = {
    "vaste_vergoeding": QT_TRANSLATE_NOOP("@default", "Vaste vergoeding"),
    "aanvullende_vaste_vergoeding": QT_TRANSLATE_NOOP("@default", "Aanvullende vaste vergoeding"),
    "maatwerk": QT_TRANSLATE_NOOP("@default", "Maatwerk"),
    "herstel_eigen_aannemer": QT_TRANSLATE_NOOP("@default", "Herstel met eigen aannemer (HEA)"),
    "herstel_aannemer_img": QT_TRANSLATE_NOOP("@default", "Herstel met aannemer IMG (HAI)"),
    "duurzaam_herstel": QT_TRANSLATE_NOOP("@default", "Duurzaam herstel"),
    "vaste_herhaalvergoeding": QT_TRANSLATE_NOOP("@default", "Vaste herhaalvergoeding"),
    "ims": QT_TRANSLATE_NOOP("@default", "Immateriële schade (IMS)"),
    "waardedaling": QT_TRANSLATE_NOOP("@default", "Waardedaling"),
    "aos": QT_TRANSLATE_NOOP("@default", "Acuut onveilige situatie (AOS)"),
}
OUTCOME_LABELS = {
    "toegekend": QT_TRANSLATE_NOOP("@default", "toegekend"),
    "deels_toegekend": QT_TRANSLATE_NOOP("@default", "deels toegekend"),
    "afgewezen": QT_TRANSLATE_NOOP("@default", "afgewezen"),
    "ingetrokken": QT_TRANSLATE_NOOP("@default", "ingetrokken"),
    "toegewezen": QT_TRANSLATE_NOOP("@default", "toegewezen"),
    "open": QT_TRANSLATE_NOOP("@default", "in behandeling"),
}
USE_LABELS = {
    "woning": QT_TRANSLATE_NOOP("@default", "woning"),
    "niet-woning": QT_TRANSLATE_NOOP("@default", "niet-woning"),
}


def code_label(labels: dict[str, str], code) -> str:
    """A store code in the reader's language by ``labels`` (``QT_TRANSLATE_NOOP`` texts); a
    code it does not know as it is, no code as NO_VALUE."""
    return tr(labels[code]) if code in labels else (code or NO_VALUE)


def scheme_label(scheme: str) -> str:
    return code_label(SCHEME_LABELS, scheme)


def outcome_label(outcome) -> str:
    """A claim's outcome code in the reader's language."""
    return code_label(OUTCOME_LABELS, outcome)


def use_label(use) -> str:
    """An object's use (woning, niet-woning) in the reader's language."""
    return code_label(USE_LABELS, use)


def objection_text(objection) -> str:
    if isinstance(objection, dict):
        if objection.get("decided"):
            return tr("afgehandeld {date}").format(date=day_text(objection["decided"]))
        return tr("loopt")
    if objection is None or objection is False:
        return tr("nee")
    if objection is True:
        return tr("ja")
    return str(objection)


def mark_text(mark: str) -> str:
    if mark == "ge_2":
        return tr("≥ {value} mm/s").format(value=number_text(policy.EFFECT_AREA_PGV_MM_S, 0))
    if mark == "ge_5":
        return tr("≥ {value} mm/s").format(value=number_text(policy.NULMETING_PGV_MM_S, 0))
    return tr("> {value} mm/s na finaal besluit").format(
        value=number_text(policy.REOPEN_PGV_MM_S, 0)
    )


def _table(
    parent, object_name: str, headers: list[str], sort_column: int, descending: bool
) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(object_name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    # a table is the one thing that scrolls sideways in the narrow panel: smoothly, not by
    # whole columns wider than the view
    table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    # the first order is the reader's usual one; a header click re-sorts
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    table.horizontalHeader().setSortIndicator(sort_column, order)
    table.setSortingEnabled(True)
    return table


class _Filling:
    """Fill a table with updates off and size the columns once (per-cell resizing is slow)."""

    def __init__(self, table: QTableWidget, rows: int) -> None:
        self.table = table
        self.rows = rows

    def __enter__(self) -> QTableWidget:
        self.table.setUpdatesEnabled(False)
        # rows would move while they are filled; the user's sort is applied again on exit
        self.table.setSortingEnabled(False)
        self.table.clearContents()
        self.table.setRowCount(self.rows)
        return self.table

    def __exit__(self, *exc) -> None:
        self.table.horizontalHeader().setResizeContentsPrecision(SIZE_BY_ROWS)
        self.table.resizeColumnsToContents()
        self.table.setSortingEnabled(True)
        self.table.setUpdatesEnabled(True)


def natural_key(value) -> tuple:
    """Sort key for codes with numbers in them: digits compare as numbers."""
    parts = re.split(r"(\d+)", str(value or ""))
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p.casefold()) for p in parts if p)


class SortItem(QTableWidgetItem):
    """A cell that sorts by its :data:`SORT_ROLE` value; empty values sort first."""

    def __lt__(self, other) -> bool:
        mine, theirs = self.data(SORT_ROLE), other.data(SORT_ROLE)
        if mine is None or theirs is None:
            if mine is None and theirs is None:
                return super().__lt__(other)
            return mine is None
        try:
            return mine < theirs
        except TypeError:  # mixed kinds in one column: fall back to the text
            return super().__lt__(other)


def _item(text: str, align_right: bool = False, sort=None) -> QTableWidgetItem:
    item = SortItem(text)
    if sort is not None:
        item.setData(SORT_ROLE, sort)
    if align_right:
        item.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
    return item


class _PanelTable:
    """A read-only table of the panel: its columns, its name and its first sort order."""

    #: the column headings (``QT_TRANSLATE_NOOP`` texts, shown translated)
    HEADERS: tuple[str, ...] = ()
    OBJECT_NAME = ""
    SORT_COLUMN = 0
    DESCENDING = False

    @classmethod
    def headers(cls) -> list[str]:
        return [tr(heading) for heading in cls.HEADERS]

    @classmethod
    def create(cls, parent) -> QTableWidget:
        return _table(
            parent, cls.OBJECT_NAME, cls.headers(), cls.SORT_COLUMN, descending=cls.DESCENDING
        )


class ClaimTable(_PanelTable):
    """Builds and fills the claim-history table."""

    HEADERS = (
        QT_TRANSLATE_NOOP("@default", "Meldingsnummer"),
        QT_TRANSLATE_NOOP("@default", "Regeling"),
        QT_TRANSLATE_NOOP("@default", "Ingediend"),
        QT_TRANSLATE_NOOP("@default", "Besluit"),
        QT_TRANSLATE_NOOP("@default", "Uitkomst"),
        QT_TRANSLATE_NOOP("@default", "Bedrag"),
        QT_TRANSLATE_NOOP("@default", "Behandelaar"),
        QT_TRANSLATE_NOOP("@default", "Finaal"),
        QT_TRANSLATE_NOOP("@default", "Bezwaar"),
        QT_TRANSLATE_NOOP("@default", "Langlopend"),
    )
    OBJECT_NAME = "ImgClaimTable"
    SORT_COLUMN = 2  # by the day submitted

    @staticmethod
    def fill(table: QTableWidget, claims: list[dict]) -> None:
        with _Filling(table, len(claims)):
            for row, claim in enumerate(claims):
                ClaimTable._fill_row(table, row, claim)

    @staticmethod
    def _fill_row(table: QTableWidget, row: int, claim: dict) -> None:
        number = claim.get("id")  # the claim number the Taskforce refers to
        number_item = _item(str(number) if number else NO_VALUE, sort=natural_key(number))
        number_item.setData(Qt.ItemDataRole.UserRole, number)
        handler = claim.get("handler")  # NAM, CVW, TCMG or IMG: who handled and paid
        overdue = bool(claim.get("overdue"))
        amount = claim.get("amount")
        cells = [
            number_item,
            _item(scheme_label(claim.get("scheme", ""))),
            _item(day_text(claim.get("submitted")), sort=_day_key(claim.get("submitted"))),
            _item(day_text(claim.get("decided")), sort=_day_key(claim.get("decided"))),
            _item(outcome_label(claim.get("outcome"))),
            _item(
                euro_text(amount),
                align_right=True,
                sort=float(amount) if amount is not None else None,
            ),
            _item(str(handler) if handler else NO_VALUE),
            _item(yes_no(claim.get("final"))),
            _item(objection_text(claim.get("objection"))),
            _item(("⚠ " + tr("ja")) if overdue else tr("nee")),
        ]
        for column, cell in enumerate(cells):
            if overdue:
                cell.setBackground(QBrush(STRONG_BACKGROUND))
            table.setItem(row, column, cell)


def _day_key(value) -> str | None:
    day = parse_day(value)
    return day.isoformat() if day else None


def _number_key(value) -> float | None:
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None


class QuakeTable(_PanelTable):
    """Builds and fills the table of quakes felt at the object, strongest marks highlighted."""

    HEADERS = (
        QT_TRANSLATE_NOOP("@default", "Datum"),
        QT_TRANSLATE_NOOP("@default", "Plaats"),
        QT_TRANSLATE_NOOP("@default", "ML"),
        QT_TRANSLATE_NOOP("@default", "Afstand (km)"),
        QT_TRANSLATE_NOOP("@default", "PGV (mm/s)"),
        QT_TRANSLATE_NOOP("@default", "Markering"),
    )
    OBJECT_NAME = "ImgQuakeTable"
    DESCENDING = True  # newest first

    @staticmethod
    def fill(
        table: QTableWidget, quakes: list[dict], last_final_decision: dt.date | None
    ) -> list[list[str]]:
        """Fill the rows (newest first, as the reader looks for recent events); return the marks."""
        ordered = sorted(quakes, key=lambda q: str(q.get("time") or ""), reverse=True)
        look = {
            "lang": ui_language(),
            "texts": {m: mark_text(m) for m in ("ge_2", "ge_5", "reopens")},
            "bold": None,
        }
        all_marks = []
        with _Filling(table, len(ordered)):
            for row, quake in enumerate(ordered):
                marks = QuakeTable._fill_row(table, row, quake, last_final_decision, look)
                all_marks.append(marks)
        return all_marks

    @staticmethod
    def _fill_row(
        table: QTableWidget, row: int, quake: dict, last_final_decision, look: dict
    ) -> list[str]:
        day = quake_day(quake.get("time"))  # Dutch date, as the rules compare it
        pgv = quake.get("pgv_mm_s")
        marks = quake_marks(pgv, day, last_final_decision)
        lang = look["lang"]
        km = quake.get("epicentral_km")
        cells = [
            # sorted by the UTC time: two quakes on one day keep their order
            _item(day.isoformat() if day else NO_VALUE, sort=str(quake.get("time") or "") or None),
            _item(str(quake.get("place") or NO_VALUE)),
            _item(number_text(quake.get("ml"), 1, lang), True, _number_key(quake.get("ml"))),
            _item(number_text(km, 1, lang), True, _number_key(km)),
            _item(pgv_text(pgv, lang), True, _number_key(pgv)),
            _item("; ".join(look["texts"][m] for m in marks), sort=len(marks)),
        ]
        cells[0].setData(Qt.ItemDataRole.UserRole, quake.get("event_id"))
        cells[0].setToolTip(str(quake.get("event_id", "")))
        for column, cell in enumerate(cells):
            if "reopens" in marks:
                cell.setBackground(QBrush(REOPEN_BACKGROUND))
                if look["bold"] is None:
                    look["bold"] = QFont(cell.font())
                    look["bold"].setBold(True)
                cell.setFont(look["bold"])
            elif "ge_5" in marks:
                cell.setBackground(QBrush(STRONG_BACKGROUND))
            table.setItem(row, column, cell)
        return marks
