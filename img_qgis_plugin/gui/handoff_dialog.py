"""Dialog to prepare a hand-off to the IVS or the CBS for one object.

The rules for a complete hand-off live in ``domain.rules.handoff.validate_draft``; the dialog asks
them after every edit and puts each problem in red next to the field it concerns, so the person
sees what to fix where, and OK stays disabled until nothing is left.
"""

from __future__ import annotations

from qgis.PyQt import uic
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidgetItem

from domain.rules.handoff import (
    REASON_CATEGORIES,
    SUBMITTERS,
    TARGETS,
    HandOffDraft,
    reason_label,
    submitter_label,
    target_label,
    validate_draft,
)
from img_qgis_plugin.gui.i18n import day_text, tr, ui_language
from img_qgis_plugin.gui.panel_tables import scheme_label
from img_qgis_plugin.paths import ui_file

FORM_CLASS, _ = uic.loadUiType(ui_file("handoff_dialog.ui"))
ERROR_STYLE = "color:#c62828;"

#: draft field -> name of the error label beside its input
ERROR_LABELS = {
    "object_id": "objectError",
    "target": "targetError",
    "submitter": "submitterError",
    "reason_category": "reasonError",
    "narrative": "narrativeError",
    "resident_consent": "consentError",
    "linked_claim_ids": "claimsError",
}


class HandOffDialog(QDialog, FORM_CLASS):
    def __init__(
        self,
        object_id: str,
        claims: list[dict] | None = None,
        suggested_target: str | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.object_id = object_id
        self.claim_ids = [str(c.get("id")) for c in claims or []]
        self.lang = ui_language()
        self.objectLabel.setText(tr("Object: {object_id}").format(object_id=object_id or "—"))
        # the object is fixed by the panel; its error (if any) shows under the object line
        self.objectError = QLabel(self)
        self.objectError.setWordWrap(True)
        self.mainLayout.insertWidget(1, self.objectError)
        self._fill_combo(self.targetCombo, TARGETS, target_label)
        self._fill_combo(self.submitterCombo, SUBMITTERS, submitter_label)
        self._fill_combo(self.reasonCombo, REASON_CATEGORIES, reason_label)
        if suggested_target in TARGETS:
            self.targetCombo.setCurrentIndex(self.targetCombo.findData(suggested_target))
        for claim in claims or []:
            text = " · ".join(
                [
                    scheme_label(claim.get("scheme", "")),
                    day_text(claim.get("submitted")),
                    str(claim.get("id")),
                ]
            )
            item = QListWidgetItem(text, self.claimsList)
            item.setData(Qt.ItemDataRole.UserRole, str(claim.get("id")))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        for name in ERROR_LABELS.values():
            getattr(self, name).setStyleSheet(ERROR_STYLE)
        for combo in (self.targetCombo, self.submitterCombo, self.reasonCombo):
            combo.currentIndexChanged.connect(self.revalidate)
        self.narrativeEdit.textChanged.connect(self.revalidate)
        self.consentCheck.toggled.connect(self.revalidate)
        self.claimsList.itemChanged.connect(self.revalidate)
        self.problems = []
        self.revalidate()

    def _fill_combo(self, combo, values, label) -> None:
        combo.addItem(tr("— kies —"), "")
        for value in values:
            combo.addItem(label(value, self.lang), value)

    def ok_button(self):
        return self.buttonBox.button(QDialogButtonBox.StandardButton.Ok)

    def draft(self) -> HandOffDraft:
        """What the person filled in, as the domain's draft (valid once OK is enabled)."""
        linked = []
        for row in range(self.claimsList.count()):
            item = self.claimsList.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                linked.append(item.data(Qt.ItemDataRole.UserRole))
        return HandOffDraft(
            object_id=self.object_id,
            target=self.targetCombo.currentData() or "",
            submitter=self.submitterCombo.currentData() or "",
            reason_category=self.reasonCombo.currentData() or "",
            narrative=self.narrativeEdit.toPlainText(),
            resident_consent=self.consentCheck.isChecked(),
            linked_claim_ids=tuple(linked),
        )

    def revalidate(self, *_args) -> None:
        self.problems = validate_draft(self.draft(), lang=self.lang, known_claim_ids=self.claim_ids)
        messages: dict[str, list[str]] = {}
        for problem in self.problems:
            messages.setdefault(problem.field, []).append(problem.message)
        for field_name, label_name in ERROR_LABELS.items():
            label = getattr(self, label_name)
            text = "\n".join(messages.get(field_name, []))
            label.setText(text)
            label.setVisible(bool(text))
        self.ok_button().setEnabled(not self.problems)

    def error_text(self, field_name: str) -> str:
        """The message shown next to ``field_name`` (empty when that field is fine)."""
        return getattr(self, ERROR_LABELS[field_name]).text()
