"""The object panel shows exactly what the view says, and reports requests through signals."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from qgis.PyQt.QtCore import QCoreApplication, QDate, QPoint, Qt, QTranslator
from qgis.PyQt.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QWidget,
)

from img_qgis_plugin.gui.i18n import html_text
from img_qgis_plugin.gui.object_panel import DEFAULT_DOCK_WIDTH, PANEL_OBJECT_NAME, ObjectPanel
from img_qgis_plugin.gui.panel_tables import quake_marks
from tests.qgis.panel_views import loppersum_view

TS_FILE = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "img_qgis_plugin_en.ts"


@pytest.fixture
def panel(qgis_app, qtbot):
    widget = ObjectPanel()
    qtbot.addWidget(widget)
    widget.resize(400, 800)
    widget.show_object(loppersum_view())
    return widget


def _column(table, column):
    return [table.item(row, column).text() for row in range(table.rowCount())]


def test_panel_keeps_its_object_name_and_starts_with_a_hint(qgis_app, qtbot):
    widget = ObjectPanel()
    qtbot.addWidget(widget)
    assert widget.objectName() == PANEL_OBJECT_NAME
    assert not widget.tabs.isVisibleTo(widget)
    assert widget.placeholder.isVisibleTo(widget)


def test_header_shows_the_object(panel):
    header = panel.header
    assert header["addresses"].text() == (
        "Badweg 12, 9919 AK Loppersum\nBadweg 12a, 9919 AK Loppersum"
    )
    assert header["kadastrale_aanduiding"].text() == "LPS00 B 6931"
    assert header["id"].text() == "100234"
    assert header["construction_year"].text() == "1928"
    assert header["use"].text() == "woning"
    assert header["woz_value"].text() == "€ 212.000"
    assert header["rijksmonument"].text() == "nee"
    assert header["in_ncg_programme"].text() == "ja"
    # the dock's title bar stays short enough not to be cut off; the address heads the body
    assert panel.windowTitle() == "Mijnbouwschade – object 100234"
    assert panel.title_label.text() == "Badweg 12, 9919 AK Loppersum"


def _header(table) -> list[str]:
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


def test_claims_table_rows_and_texts(panel):
    table = panel.claim_table
    assert table.rowCount() == 3
    assert _header(table)[:7] == [
        "Meldingsnummer",
        "Regeling",
        "Ingediend",
        "Besluit",
        "Uitkomst",
        "Bedrag",
        "Behandelaar",
    ]
    assert _column(table, 0) == ["C-2019-00412", "C-2022-10877", "C-2025-03310"]
    assert _column(table, 1) == [
        "Maatwerk",
        "Vaste vergoeding",
        "Herstel met eigen aannemer (HEA)",
    ]
    assert _column(table, 2) == ["2019-04-02", "2022-03-01", "2025-02-10"]
    assert _column(table, 3) == ["2020-01-15", "2022-04-12", "—"]
    assert _column(table, 5) == ["€ 8.450", "€ 10.000", "—"]
    assert _column(table, 6) == ["CVW", "IMG", "—"]
    assert _column(table, 7) == ["nee", "ja", "nee"]
    assert _column(table, 8) == ["nee", "nee", "ja"]
    assert _column(table, 9)[2].endswith("ja") and "⚠" in _column(table, 9)[2]
    assert _column(table, 9)[:2] == ["nee", "nee"]
    assert table.item(1, 0).data(Qt.ItemDataRole.UserRole) == "C-2022-10877"


def test_claim_table_sorts_by_value_not_by_text(qgis_app, qtbot):
    widget = ObjectPanel()
    qtbot.addWidget(widget)
    view = loppersum_view()
    # numbers where text order differs from value order: 900 < 10877, € 9.000 < € 10.000
    view["claims"][0].update(id="C-2022-900", amount=9000, submitted="2022-02-01")
    view["claims"][2].update(id="C-2022-1200", amount=950)
    widget.show_object(view)
    table = widget.claim_table
    assert table.isSortingEnabled()
    table.sortItems(0, Qt.SortOrder.AscendingOrder)
    assert _column(table, 0) == ["C-2022-900", "C-2022-1200", "C-2022-10877"]
    table.sortItems(5, Qt.SortOrder.AscendingOrder)
    assert _column(table, 5) == ["€ 950", "€ 9.000", "€ 10.000"]
    table.sortItems(3, Qt.SortOrder.DescendingOrder)
    assert _column(table, 3) == ["2022-04-12", "2020-01-15", "—"]
    # the next object keeps the reader's chosen order
    widget.show_object(loppersum_view())
    assert _column(table, 0) == ["C-2022-10877", "C-2019-00412", "C-2025-03310"]


def test_quake_table_sorts_numbers_as_numbers(panel):
    table = panel.quake_table
    assert table.isSortingEnabled()
    table.sortItems(4, Qt.SortOrder.DescendingOrder)  # PGV: 31,9 above 9,8 (text would not)
    assert _column(table, 4) == ["31,90", "27,40", "9,80", "5,02", "5,00", "1,99"]
    table.sortItems(3, Qt.SortOrder.AscendingOrder)  # distance
    assert _column(table, 3)[:2] == ["1,4", "2,0"]
    table.sortItems(0, Qt.SortOrder.AscendingOrder)
    assert _column(table, 0)[0] == "2012-08-16"


def test_quake_table_marks_thresholds_and_reopening(panel):
    table = panel.quake_table
    assert table.rowCount() == 6
    assert _column(table, 0) == [
        "2025-09-04",  # 22:45 UTC on 3 September: the 4th in Groningen, the date rules compare
        "2024-06-01",
        "2023-05-20",
        "2022-04-12",
        "2018-01-08",
        "2012-08-16",
    ]
    marks = _column(table, 5)
    assert marks[0] == ""  # 1.99 mm/s: below 2
    assert marks[1] == "≥ 5 mm/s"  # exactly 5 after the decision: strong, does not reopen
    assert marks[2] == "≥ 5 mm/s; > 5 mm/s na finaal besluit"  # 5.02 after the decision
    assert marks[3] == "≥ 5 mm/s"  # on the decision day itself: does not reopen
    assert marks[5] == "≥ 5 mm/s"  # before the decision
    assert table.item(2, 0).font().bold()
    assert not table.item(1, 0).font().bold()
    assert _column(table, 4)[2] == "5,02"
    assert _column(table, 2)[4] == "3,4"


def test_quake_marks_at_the_two_mm_s_boundary():
    day = dt.date(2020, 1, 1)
    assert quake_marks(2.0, day, None) == ["ge_2"]
    assert quake_marks(1.994, day, None) == []  # shown as 1,99
    assert quake_marks(1.995, day, None) == ["ge_2"]  # shown as 2,00: one rounding rule
    assert quake_marks(4.99, day, None) == ["ge_2"]
    assert quake_marks(5.0, day, None) == ["ge_5"]
    assert quake_marks(5.01, day, dt.date(2019, 12, 31)) == ["ge_5", "reopens"]
    assert quake_marks(5.01, day, day) == ["ge_5"]
    assert quake_marks(None, day, None) == []


def test_chart_gets_quakes_thresholds_and_decisions(panel):
    chart = panel.chart
    assert len(chart.quakes) == 6
    highlighted = [day for day, _, h in chart.quakes if h]
    assert highlighted == [dt.date(2023, 5, 20)]
    assert [value for value, _ in chart.thresholds] == [2.0, 5.0]
    assert (dt.date(2022, 4, 12), True) in chart.decisions
    assert (dt.date(2020, 1, 15), False) in chart.decisions
    # log scale: 10 mm/s lies halfway between 1 and 100 on screen
    chart.resize(400, 220)
    low, high = chart.pgv_range()
    assert (low, high) == (1.0, 100.0)
    top = chart.to_point(dt.date(2020, 1, 1), 100).y()
    bottom = chart.to_point(dt.date(2020, 1, 1), 1).y()
    middle = chart.to_point(dt.date(2020, 1, 1), 10).y()
    assert middle == pytest.approx((top + bottom) / 2)
    assert not chart.grab().isNull()


def test_ineligible_verdict_card_shows_the_failing_reason(panel, qtbot):
    card = panel.verdict_cards["vaste_vergoeding"]
    assert card.state == "fail"
    assert "✘" in card.answer.text() and "Komt niet in aanmerking" in card.answer.text()
    assert not card.details.isVisibleTo(card)
    card.toggle.click()
    assert card.details.isVisibleTo(card)
    texts = [label.text() for label in card.details.findChildren(QLabel)]
    failing = [t for t in texts if "niet voldaan" in t]
    assert len(failing) == 1
    assert "Er is al eerder schade gemeld op dit object" in failing[0]
    results = [label.property("result") for label in card.condition_labels]
    assert results == ["fail", "pass"]
    assert "Situatie A: ten minste 8,5 mm/s." in card.answer.text()


def test_other_verdict_cards(panel):
    new_claim = panel.verdict_cards["new_claim"]
    assert new_claim.state == "pass"
    # the reopening quake by place, Dutch date, ML and PGV, not by its event id
    assert "Heropend door: Loppersum, 20 mei 2023, ML 2,4, 5,02 mm/s" in new_claim.answer.text()
    assert "knmi2023cczz" not in new_claim.answer.text()
    dh = panel.verdict_cards["duurzaam_herstel"]
    assert dh.state == "unknown" and "Onbepaald" in dh.answer.text()
    assert [label.property("result") for label in dh.condition_labels] == ["pass", "unknown"]
    assert "Nulmeting nodig" in panel.verdict_cards["nulmeting"].answer.text()


def test_missing_verdict_is_said_not_guessed(qgis_app, qtbot):
    widget = ObjectPanel()
    qtbot.addWidget(widget)
    view = loppersum_view()
    del view["verdicts"]["duurzaam_herstel"]
    widget.show_object(view)
    card = widget.verdict_cards["duurzaam_herstel"]
    assert card.state == "unknown" and "Geen oordeel beschikbaar" in card.answer.text()


def test_as_of_date_from_view_and_signal_on_change(panel, qtbot):
    assert panel.as_of_edit.date() == QDate(2026, 3, 1)
    with qtbot.waitSignal(panel.as_of_changed, timeout=1000) as blocker:
        panel.as_of_edit.setDate(QDate(2025, 12, 31))
    assert blocker.args == [dt.date(2025, 12, 31)]


def test_showing_a_view_does_not_emit_as_of_changed(panel, qtbot):
    view = loppersum_view()
    view["as_of"] = "2024-01-01"
    with qtbot.assertNotEmitted(panel.as_of_changed):
        panel.show_object(view)
    assert panel.as_of_edit.date() == QDate(2024, 1, 1)


def test_handoffs_with_history_and_only_allowed_status_buttons(panel, qtbot):
    section = panel.handoffs
    assert len(section.boxes) == 2
    running = section.boxes[0]
    assert "IVS" in running.title() and "In behandeling" in running.title()
    assert "versie 3" in running.title()
    history = running.findChild(QLabel, "history").text()
    assert "burgemeester Eemsdelta" in history and "Aangeleverd met dossieroverzicht" in history
    names = [b.objectName() for b in section.status_buttons[17]]
    assert names == ["to_proposal_to_residents", "to_returned"]
    assert section.status_buttons[9] == []  # closed: no way on
    assert running.findChildren(QPushButton)[0].text() == "→ Voorstel aan bewoners"
    with qtbot.waitSignal(panel.handoff_status_requested, timeout=1000) as blocker:
        section.status_buttons[17][1].click()
    assert blocker.args == [17, 3, "returned"]


def test_suggestion_is_a_hint_listing_the_signals(qgis_app, qtbot):
    panel = ObjectPanel()
    qtbot.addWidget(panel)
    view = loppersum_view()
    view["handoffs"] = [h for h in view["handoffs"] if h["status"] == "closed"]
    panel.show_object(view)
    hint = panel.handoffs.hint
    assert hint.isVisibleTo(panel.handoffs)
    assert "overdracht aan IVS" in hint.text()
    assert "loopt langer dan 26 weken" in hint.text()
    assert "de beslissing ligt bij u" in hint.text()
    assert "het IVS past het best" in hint.text()


@pytest.mark.parametrize("status", ["concept", "in_progress", "carried_out"])
def test_suggestion_gone_once_a_handoff_exists(qgis_app, qtbot, status):
    widget = ObjectPanel()
    qtbot.addWidget(widget)
    view = loppersum_view()
    view["handoffs"][0]["status"] = status
    widget.show_object(view)
    assert not widget.handoffs.hint.isVisibleTo(widget.handoffs)
    # only closed or returned ones: the suggestion is back
    view["handoffs"][0]["status"] = "returned"
    widget.show_object(view)
    assert widget.handoffs.hint.isVisibleTo(widget.handoffs)


def test_saved_handoff_shows_narrative_claims_history_and_concept(qgis_app, qtbot):
    widget = ObjectPanel()
    qtbot.addWidget(widget)
    view = loppersum_view()
    view["handoffs"][0].update(
        status="concept",
        narrative="Bewoners wachten al twee jaar.\nZie bijlage.",
        linked_claim_ids=["C-2025-03310", "C-2019-00412"],
    )
    widget.show_object(view)
    box = widget.handoffs.boxes[0]
    assert "Concept" in box.title() and "In behandeling" not in box.title()
    assert "nog niet ingediend" in box.findChild(QLabel, "concept_note").text()
    narrative = box.findChild(QLabel, "narrative").text()
    assert "Bewoners wachten al twee jaar.<br>Zie bijlage." in narrative
    linked = box.findChild(QLabel, "linked_claims").text()
    assert "C-2025-03310 (Herstel met eigen aannemer (HEA))" in linked
    assert "C-2019-00412 (Maatwerk)" in linked
    assert "Aangeleverd met dossieroverzicht" in box.findChild(QLabel, "history").text()
    assert [b.objectName() for b in widget.handoffs.status_buttons[17]] == ["to_submitted"]
    closed = widget.handoffs.boxes[1]
    assert closed.findChild(QLabel, "concept_note") is None
    assert "geen" in closed.findChild(QLabel, "linked_claims").text()


def test_no_suggestion_no_hint(qgis_app, qtbot):
    widget = ObjectPanel()
    qtbot.addWidget(widget)
    view = loppersum_view()
    view["handoff_suggestion"] = {"suggested": False, "target": None, "signals": []}
    view["handoffs"] = []
    widget.show_object(view)
    assert not widget.handoffs.hint.isVisibleTo(widget.handoffs)
    assert widget.handoffs.empty.isVisibleTo(widget.handoffs)


def test_handoff_dialog_from_panel_is_preset_to_the_suggestion(panel, qtbot):
    dialog = panel.make_handoff_dialog()
    qtbot.addWidget(dialog)
    assert dialog.object_id == "100234"
    assert dialog.targetCombo.currentData() == "IVS"
    assert dialog.claimsList.count() == 3


def test_panel_shows_the_rules_engines_own_verdicts(qgis_app, qtbot):
    """Contract with domain.rules: its JSON goes into the panel unchanged."""
    from domain.rules import BuildingObject, Case, Claim, Ownership, Shaking, assess

    final_day = dt.date(2022, 4, 12)
    case = Case(
        as_of=dt.date(2026, 3, 1),
        object=BuildingObject(
            id="100234",
            construction_year=1928,
            small=False,
            use="woning",
            woz_value=212000,
            rijksmonument=False,
            in_subsidence_area=False,
            within_6km_zone=True,
            in_ncg_programme=True,
            place="Loppersum",
        ),
        owners=(Ownership("P1", True, "eigendom", dt.date(1990, 1, 1), None, True),),
        applicant="P1",
        prior_applications=0,
        whole_object=True,
        claims=(
            Claim(
                "C-2022-10877",
                "vaste_vergoeding",
                dt.date(2022, 3, 1),
                final_day,
                "toegekend",
                10000,
                True,
            ),
        ),
        shakings=(
            Shaking("knmi2018bbjm", dt.datetime(2018, 1, 8, 14, 0), "Zeerijp", 3.4, 31.9, 3.2),
            Shaking("knmi2023cczz", dt.datetime(2023, 5, 20, 3, 12), "Loppersum", 2.4, 5.02, 2.0),
        ),
    )
    verdicts = assess(case).as_dict("nl")["verdicts"]
    assert verdicts["vaste_vergoeding"]["eligible"] is False
    view = loppersum_view()
    view["verdicts"] = verdicts
    widget = ObjectPanel()
    qtbot.addWidget(widget)
    widget.show_object(view)
    card = widget.verdict_cards["vaste_vergoeding"]
    assert card.state == "fail"
    failing = [
        c["reason"] for c in verdicts["vaste_vergoeding"]["conditions"] if c["result"] == "fail"
    ]
    assert failing
    shown = [label.text() for label in card.condition_labels]
    for reason in failing:
        assert any(reason in text and "niet voldaan" in text for text in shown)
    new_claim = widget.verdict_cards["new_claim"]
    assert new_claim.state == "pass"
    assert "Heropend door: Loppersum, 20 mei 2023" in new_claim.answer.text()
    # the engine names the deciding condition; the folded card shows it first
    deciding = {c["id"]: c["reason"] for c in verdicts["new_claim"]["conditions"]}[
        verdicts["new_claim"]["deciding"]
    ]
    assert verdicts["new_claim"]["deciding"] == "reopening_quake"
    assert new_claim.deciding_reason == deciding
    lines = new_claim.answer.text().split("<br>")
    assert html_text(deciding) == lines[1]
    vv = verdicts["vaste_vergoeding"]
    first_fail = next(c for c in vv["conditions"] if c["result"] == "fail")
    assert vv["deciding"] == first_fail["id"]
    assert card.answer.text().split("<br>")[1] == html_text(first_fail["reason"])


def test_panel_shows_the_map_status_its_verdicts_give(qgis_app, qtbot, tmp_path):
    from domain.demo import build_demo
    from domain.demo.people import DEMO_AS_OF
    from domain.presentation.object_view import object_view
    from domain.rules.status import status_label
    from domain.store import open_store

    summary = build_demo(str(tmp_path / "d.gpkg"), objects=300, seed=4)
    store = open_store(str(tmp_path / "d.gpkg"))
    try:
        record = store.read_object(summary.sample_object_ids["dh_to_check"])
        view = object_view(record, DEMO_AS_OF, lang="nl")
    finally:
        store.close()
    widget = ObjectPanel()
    qtbot.addWidget(widget)
    widget.show_object(view)
    assert record.status == "dh_to_check" == view["status"]["code"]
    assert widget.header["status"].text() == status_label("dh_to_check", "nl")
    assert widget.header["status"].text() == "Duurzaam herstel: na te gaan"


def test_top_up_card_shows_the_amount_and_its_source(qgis_app, qtbot):
    from domain.rules import assess
    from domain.rules.facts import Claim
    from tests.unit.rules.factory import base_case

    award = Claim(
        "m1",
        "maatwerk",
        dt.date(2020, 1, 6),
        dt.date(2020, 6, 1),
        "toegekend",
        3000,
        handler="IMG",
    )
    case = base_case(as_of=dt.date(2026, 3, 1), claims=(award,))
    verdict = assess(case).as_dict("nl")["verdicts"]["aanvullende_vaste_vergoeding"]
    widget = ObjectPanel()
    qtbot.addWidget(widget)
    view = loppersum_view()
    view["verdicts"]["aanvullende_vaste_vergoeding"] = verdict
    widget.show_object(view)
    card = widget.verdict_cards["aanvullende_vaste_vergoeding"]
    assert card.state == "pass"
    assert "Komt in aanmerking" in card.answer.text() and "€ 7.000" in card.answer.text()
    assert [label.property("result") for label in card.condition_labels] == ["pass"] * 3


def test_an_open_verdict_resting_on_the_catalogue_end_says_so_on_the_folded_card(qgis_app, qtbot):
    widget = ObjectPanel()
    qtbot.addWidget(widget)
    view = loppersum_view()
    coverage = {
        "id": "catalog_coverage",
        "result": "unknown",
        "reason": "De bevingscatalogus loopt tot en met 26 januari 2022.",
        "facts": {"catalog_end": "2022-01-26"},
    }
    view["verdicts"]["new_claim"] = {"eligible": None, "conditions": [coverage]}
    widget.show_object(view)
    card = widget.verdict_cards["new_claim"]
    assert not card.details.isVisibleTo(card)  # folded: the answer line must say why
    assert "Bevingen bekend t/m 26 januari 2022" in card.answer.text()
    assert "Nieuwe bevingen ophalen" in card.answer.text()
    # a decided verdict needs no hint, whatever its conditions' facts
    view["verdicts"]["new_claim"] = {"eligible": False, "conditions": [coverage]}
    widget.show_object(view)
    assert "bekend t/m" not in widget.verdict_cards["new_claim"].answer.text()


def test_the_dossier_names_an_owners_right_in_words(qgis_app):
    from types import SimpleNamespace

    from img_qgis_plugin.reports.dossier import owner_text

    owner = SimpleNamespace(
        person_id="P0000031", right="erfpacht", natural_person=True, legal_name=None
    )
    assert owner_text(owner, "taskforce") == "P0000031 (erfpacht)"
    owner.right = None
    assert owner_text(owner, "taskforce") == "P0000031 (—)"


# --- at QGIS's default dock width -----------------------------------------------------------
@pytest.fixture(params=["nl", "en"])
def language(request, qgis_app, tmp_path):
    """The panel in Dutch (no translator) or English (the .ts compiled for the test)."""
    if request.param == "nl":
        yield "nl"
        return
    lrelease = shutil.which("lrelease")
    assert lrelease, "lrelease is missing (Debian package qttools5-dev-tools)"
    qm = tmp_path / "img_qgis_plugin_en.qm"
    subprocess.run([lrelease, "-silent", str(TS_FILE), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield "en"
    QCoreApplication.removeTranslator(translator)


def _docked_panel(qtbot, width: int) -> tuple[QMainWindow, ObjectPanel]:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QLabel("kaart"))
    window.resize(1280, 1000)
    panel = ObjectPanel(window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
    panel.show_object(loppersum_view())
    window.show()
    QApplication.processEvents()
    window.resizeDocks([panel], [width], Qt.Orientation.Horizontal)
    QApplication.processEvents()
    return window, panel


def _clipped(panel) -> list[str]:
    """Visible widgets that end past the dock's right edge, and labels whose text does not fit
    (a wrapped one too low for its lines, an unwrapped one narrower than its text)."""
    out = []
    for widget in panel.findChildren(QWidget):
        if not widget.isVisibleTo(panel) or widget.isWindow():
            continue
        name = f"{type(widget).__name__} {widget.objectName()!r}"
        right = widget.mapTo(panel, QPoint(0, 0)).x() + widget.width()
        if right > panel.width():
            out.append(f"{name} ends at {right} > {panel.width()}")
        if isinstance(widget, QLabel) and widget.text():
            text = widget.text()[:40]
            if widget.wordWrap():
                if widget.height() < widget.heightForWidth(widget.width()):
                    out.append(f"{name} {text!r}: {widget.height()} px for its lines")
            elif widget.width() < widget.minimumSizeHint().width():
                out.append(f"{name} {text!r}: {widget.width()} px, text needs more")
    return out


def _sideways_scrolling(panel) -> list[str]:
    """Scroll areas other than tables whose contents are wider than they are."""
    out = []
    for area in panel.findChildren(QScrollArea):
        if area.isVisibleTo(panel) and area.widget().width() > area.viewport().width():
            out.append(f"{area.widget().width()} > {area.viewport().width()}")
    return out


def test_panel_reads_at_the_default_dock_width(language, qtbot):
    window, panel = _docked_panel(qtbot, DEFAULT_DOCK_WIDTH)
    assert panel.minimumSizeHint().width() <= DEFAULT_DOCK_WIDTH
    assert panel.width() == DEFAULT_DOCK_WIDTH  # the window could give it that width
    if language == "en":
        assert panel.tabs.tabText(1) == "Claims"
        assert any(
            label.text() == "Overlap with strengthening (NCG)"
            for label in panel.findChildren(QLabel)
        )
    # every tab whole: inside the bar, as long as its text (nothing elided or scrolled away)
    bar = panel.tabs.tabBar()
    assert bar.elideMode() == Qt.TextElideMode.ElideNone
    for index in range(panel.tabs.count()):
        rect = bar.tabRect(index)
        assert bar.rect().contains(rect), (panel.tabs.tabText(index), rect, bar.rect())
        long_side = max(rect.width(), rect.height())
        assert long_side > bar.fontMetrics().horizontalAdvance(panel.tabs.tabText(index))
    # the title: the first address, wrapped to the width, every address in the tooltip
    title = panel.title_label
    assert title.isVisibleTo(panel) and title.text() == "Badweg 12, 9919 AK Loppersum"
    assert title.wordWrap() and title.height() >= title.heightForWidth(title.width())
    assert title.toolTip().splitlines() == loppersum_view()["object"]["addresses"]
    # on every tab nothing sticks out or is cut, and only the tables scroll sideways
    for index in range(panel.tabs.count()):
        panel.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        assert _clipped(panel) == [], panel.tabs.tabText(index)
        assert _sideways_scrolling(panel) == [], panel.tabs.tabText(index)
    # unfolded verdict cards wrap their conditions as well
    panel.tabs.setCurrentIndex(0)
    for card in panel.verdict_cards.values():
        card.set_expanded(True)
    QApplication.processEvents()
    assert _clipped(panel) == [] and _sideways_scrolling(panel) == []
    window.close()


def test_tabs_sit_on_top_when_they_fit(language, qtbot):
    window, panel = _docked_panel(qtbot, 3 * DEFAULT_DOCK_WIDTH)
    bar = panel.tabs.tabBar()
    assert panel.tabs.tabPosition() == panel.tabs.TabPosition.North
    assert all(bar.rect().contains(bar.tabRect(i)) for i in range(panel.tabs.count()))
    # narrowed, they move to the side rather than lose a tab behind scroll arrows
    window.resizeDocks([panel], [DEFAULT_DOCK_WIDTH], Qt.Orientation.Horizontal)
    QApplication.processEvents()
    assert panel.tabs.tabPosition() == panel.tabs.TabPosition.West
    assert all(bar.rect().contains(bar.tabRect(i)) for i in range(panel.tabs.count()))
    window.close()


def test_a_cleared_panel_has_no_title(panel):
    panel.clear("De opslag is gesloten.")
    assert not panel.title_label.isVisibleTo(panel) and panel.title_label.text() == ""
    view = loppersum_view()
    view["object"]["addresses"] = []
    panel.show_object(view)
    assert panel.title_label.text() == "Object 100234" == panel.title_label.toolTip()
