"""Existing hand-offs with their history, and the buttons that move a status one allowed step.

Which steps are allowed comes from ``domain.rules.handoff``; the section only offers them and reports
the choice (hand-off id, the version the user saw, the new status) so the store can refuse a
change made on an outdated view instead of overwriting someone else's work.
"""

from __future__ import annotations

from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from domain.rules.handoff import (
    INITIAL_STATUS,
    answers_suggestion,
    next_statuses,
    reason_label,
    status_label,
    submitter_label,
    target_label,
)
from img_qgis_plugin.gui.i18n import NO_VALUE, day_text, html_text, tr, ui_language


def suggestion_text(suggestion: dict | None) -> str:
    """Hint text for the domain's suggestion; empty when nothing is suggested."""
    if not suggestion or not suggestion.get("suggested"):
        return ""
    target = suggestion.get("target")
    head = (
        tr("Suggestie: overweeg een overdracht aan {target}.").format(target=target)
        if target
        else tr("Suggestie: overweeg een overdracht.")
    )
    reasons = [
        html_text(str(s.get("reason") or s.get("id") or "")) for s in suggestion.get("signals", [])
    ]
    reasons += [html_text(str(n.get("reason") or "")) for n in suggestion.get("notes") or []]
    lines = "".join(f"<li>{r}</li>" for r in reasons if r)
    note = tr("Dit is een hint; de beslissing ligt bij u.")
    return f"<b>{html_text(head)}</b><ul>{lines}</ul><i>{html_text(note)}</i>"


class HandOffBox(QFrame):
    """One hand-off: a framed box whose heading (target, status, version) wraps, unlike a
    group box title, which would widen the narrow panel."""

    def __init__(self, heading: str, parent=None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QLabel(heading, self)
        self.heading.setObjectName("heading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        bold = self.heading.font()
        bold.setBold(True)
        self.heading.setFont(bold)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.heading)

    def title(self) -> str:
        """The heading, as a group box names its title."""
        return self.heading.text()


class HandOffSection(QWidget):
    """Lists the object's hand-offs; emits :attr:`status_change_requested` on a status button."""

    status_change_requested = pyqtSignal(object, int, str)
    new_handoff_requested = pyqtSignal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 4, 2, 4)  # the page is narrow: room for the buttons
        self.hint = QLabel(self)
        self.hint.setObjectName("ImgHandOffHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("background:#eef4fb; border:1px solid #9bb8d9; padding:4px;")
        self.hint.setVisible(False)
        layout.addWidget(self.hint)
        self.new_button = QPushButton(tr("Overdragen aan IVS/CBS…"), self)
        self.new_button.setObjectName("ImgNewHandOffButton")
        self.new_button.clicked.connect(self.new_handoff_requested)
        layout.addWidget(self.new_button)
        self.empty = QLabel(tr("Voor dit object is nog geen overdracht vastgelegd."), self)
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self.list_layout = QVBoxLayout()
        layout.addLayout(self.list_layout)
        layout.addStretch(1)
        self.boxes: list[HandOffBox] = []
        self.claims: dict = {}
        self.status_buttons: dict[object, list[QPushButton]] = {}

    def fill(
        self, handoffs: list[dict], suggestion: dict | None, claims: list[dict] | None = None
    ) -> None:
        """``claims`` (the view's) name the linked claims by number and scheme."""
        # once a hand-off exists (not closed or returned) the suggestion has been answered
        answered = answers_suggestion(h.get("status", "") for h in handoffs)
        text = "" if answered else suggestion_text(suggestion)
        self.hint.setText(text)
        self.hint.setVisible(bool(text))
        for box in self.boxes:
            self.list_layout.removeWidget(box)
            box.deleteLater()
        self.boxes = []
        self.status_buttons = {}
        self.empty.setVisible(not handoffs)
        self.claims = {c.get("id"): c for c in claims or []}
        for handoff in handoffs:
            box = self._box(handoff)
            self.list_layout.addWidget(box)
            self.boxes.append(box)

    def _box(self, handoff: dict) -> HandOffBox:
        lang = ui_language()
        status = handoff.get("status", "")
        title = tr("{target} – {status} (versie {version})").format(
            target=handoff.get("target", NO_VALUE),
            status=status_label(status, lang),
            version=handoff.get("version", NO_VALUE),
        )
        box = HandOffBox(title, self)
        box.setObjectName(f"handoff_{handoff.get('id')}")
        layout = box.layout()
        facts = QLabel(
            "<br>".join(
                [
                    html_text(target_label(handoff.get("target", ""), lang)),
                    tr("Indiener: {who}").format(
                        who=html_text(submitter_label(handoff.get("submitter", ""), lang))
                    ),
                    tr("Reden: {reason}").format(
                        reason=html_text(reason_label(handoff.get("reason_category", ""), lang))
                    ),
                ]
            ),
            box,
        )
        facts.setWordWrap(True)
        layout.addWidget(facts)
        if status == INITIAL_STATUS:
            # a concept has not gone out: say so, so nobody reads it as running
            draft = QLabel(tr("Concept: nog niet ingediend, dus nog niet lopend."), box)
            draft.setObjectName("concept_note")
            draft.setWordWrap(True)
            draft.setStyleSheet("color:#6b6b6b; font-style:italic;")
            layout.addWidget(draft)
        narrative = QLabel(self._narrative_html(handoff), box)
        narrative.setObjectName("narrative")
        narrative.setWordWrap(True)
        layout.addWidget(narrative)
        linked = QLabel(self._linked_html(handoff.get("linked_claim_ids") or []), box)
        linked.setObjectName("linked_claims")
        linked.setWordWrap(True)
        layout.addWidget(linked)
        history = QLabel(self._history_html(handoff.get("history", []), lang), box)
        history.setObjectName("history")
        history.setWordWrap(True)
        layout.addWidget(history)
        # one under the other: two status names side by side do not fit the default width
        buttons = QVBoxLayout()
        self.status_buttons[handoff.get("id")] = []
        for new_status in next_statuses(status):
            button = QPushButton("→ " + status_label(new_status, lang), box)
            button.setObjectName(f"to_{new_status}")
            button.setToolTip(
                tr("Status wijzigen naar '{status}'").format(status=status_label(new_status, lang))
            )
            button.clicked.connect(
                lambda _=False, h=handoff, s=new_status: self.status_change_requested.emit(
                    h.get("id"), int(h.get("version") or 0), s
                )
            )
            buttons.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            self.status_buttons[handoff.get("id")].append(button)
        layout.addLayout(buttons)
        return box

    @staticmethod
    def _narrative_html(handoff: dict) -> str:
        text = str(handoff.get("narrative") or "").strip()
        if not text:
            return tr("Toelichting: {text}").format(text=NO_VALUE)
        body = html_text(text).replace("\n", "<br>")
        return tr("Toelichting:") + "<br><i>" + body + "</i>"

    def _linked_html(self, claim_ids: list) -> str:
        if not claim_ids:
            return tr("Gekoppelde meldingen: {claims}").format(claims=tr("geen"))
        from img_qgis_plugin.gui.panel_tables import scheme_label

        names = []
        for claim_id in claim_ids:
            claim = self.claims.get(claim_id)
            name = str(claim_id)
            if claim:
                name += f" ({scheme_label(claim.get('scheme', ''))})"
            names.append(html_text(name))
        return tr("Gekoppelde meldingen: {claims}").format(claims=", ".join(names))

    @staticmethod
    def _history_html(history: list[dict], lang: str) -> str:
        if not history:
            return tr("Geen geschiedenis vastgelegd.")
        rows = []
        for step in history:
            line = f"{day_text(step.get('at'))} · <b>{html_text(status_label(step.get('status', ''), lang))}</b>"
            if step.get("by"):
                line += " · " + html_text(str(step["by"]))
            if step.get("note"):
                line += f"<br>&nbsp;&nbsp;<i>{html_text(str(step['note']))}</i>"
            rows.append(line)
        return tr("Geschiedenis:") + "<br>" + "<br>".join(rows)
