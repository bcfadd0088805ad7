"""The hand-off dialog: each problem next to its field, OK only when valid, draft() as entered."""

from __future__ import annotations

import pytest
from qgis.PyQt.QtCore import Qt

from domain.rules.handoff import HandOffDraft
from img_qgis_plugin.gui.handoff_dialog import HandOffDialog
from tests.qgis.panel_views import loppersum_view

NARRATIVE = "Herstel ligt sinds februari 2025 stil; versterkingsadvies en schadeherstel botsen."


@pytest.fixture
def dialog(qgis_app, qtbot):
    widget = HandOffDialog(object_id="100234", claims=loppersum_view()["claims"])
    qtbot.addWidget(widget)
    return widget


def _select(combo, value):
    combo.setCurrentIndex(combo.findData(value))


def _fill_valid(dialog):
    _select(dialog.targetCombo, "IVS")
    _select(dialog.submitterCombo, "gemeente")
    _select(dialog.reasonCombo, "proces_vastgelopen")
    dialog.narrativeEdit.setPlainText(NARRATIVE)
    dialog.consentCheck.setChecked(True)


def test_empty_dialog_lists_problems_beside_fields_and_disables_ok(dialog):
    assert not dialog.ok_button().isEnabled()
    assert "ten minste 30 tekens" in dialog.error_text("narrative")
    assert dialog.error_text("target")
    assert dialog.error_text("submitter")
    assert dialog.error_text("reason_category")
    assert "instemmen" in dialog.error_text("resident_consent")
    assert dialog.error_text("object_id") == ""
    # the narrative message sits in the row right below the narrative field
    form = dialog.formLayout
    row_field, _ = form.getWidgetPosition(dialog.narrativeEdit)
    row_error, _ = form.getWidgetPosition(dialog.narrativeError)
    assert row_error == row_field + 1
    assert "c62828" in dialog.narrativeError.styleSheet()


def test_valid_entry_enables_ok_and_clears_messages(dialog):
    _fill_valid(dialog)
    assert dialog.ok_button().isEnabled()
    for field in ("target", "submitter", "reason_category", "narrative", "resident_consent"):
        assert dialog.error_text(field) == ""
    assert dialog.narrativeError.isHidden() and dialog.consentError.isHidden()


def test_only_the_narrative_missing_keeps_ok_disabled(dialog):
    _fill_valid(dialog)
    dialog.narrativeEdit.setPlainText("Te kort verhaal.")
    assert not dialog.ok_button().isEnabled()
    assert "(nu 16)" in dialog.error_text("narrative")
    assert dialog.error_text("submitter") == ""
    assert not dialog.narrativeError.isHidden()
    assert dialog.submitterError.isHidden()


def test_unchecking_consent_disables_ok(dialog):
    _fill_valid(dialog)
    dialog.consentCheck.setChecked(False)
    assert not dialog.ok_button().isEnabled()
    assert dialog.error_text("resident_consent")


def test_cbs_with_a_stuck_process_reason_is_refused_at_the_reason(dialog):
    _fill_valid(dialog)
    _select(dialog.targetCombo, "CBS")
    assert not dialog.ok_button().isEnabled()
    assert "CBS" in dialog.error_text("reason_category")
    _select(dialog.reasonCombo, "schrijnende_situatie")
    assert dialog.ok_button().isEnabled()


def test_draft_returns_what_was_entered_with_checked_claims(dialog):
    _fill_valid(dialog)
    dialog.claimsList.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.claimsList.item(2).setCheckState(Qt.CheckState.Checked)
    assert dialog.draft() == HandOffDraft(
        object_id="100234",
        target="IVS",
        submitter="gemeente",
        reason_category="proces_vastgelopen",
        narrative=NARRATIVE,
        resident_consent=True,
        linked_claim_ids=("C-2019-00412", "C-2025-03310"),
    )
    assert dialog.ok_button().isEnabled()


def test_claim_list_shows_scheme_date_and_id(dialog):
    texts = [dialog.claimsList.item(i).text() for i in range(dialog.claimsList.count())]
    assert texts[1] == "Vaste vergoeding · 2022-03-01 · C-2022-10877"
    assert all(dialog.claimsList.item(i).checkState() == Qt.CheckState.Unchecked for i in range(3))


def test_missing_object_is_shown_under_the_object_line(qgis_app, qtbot):
    widget = HandOffDialog(object_id="", claims=[])
    qtbot.addWidget(widget)
    assert "object" in widget.error_text("object_id").lower()
    assert not widget.ok_button().isEnabled()
