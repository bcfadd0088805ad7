"""A card per verdict: the answer in colour, icon and words, expandable to every condition.

The card only shows what the rules engine said; it never re-derives an answer. Colour is never
the only carrier: each state has an icon and a word as well, for colour-blind readers and print.
"""

from __future__ import annotations

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from img_qgis_plugin.gui.i18n import html_text, tr

#: state -> (icon, colour)
STATE_LOOK = {
    "pass": ("✔", "#2e7d32"),
    "fail": ("✘", "#c62828"),
    "unknown": ("?", "#b26a00"),
}


def state_of(value) -> str:
    """'pass' for True/'pass', 'fail' for False/'fail', else 'unknown'."""
    if value is True or value == "pass":
        return "pass"
    if value is False or value == "fail":
        return "fail"
    return "unknown"


def condition_result_text(result: str) -> str:
    return {
        "pass": tr("voldaan"),
        "fail": tr("niet voldaan"),
        "unknown": tr("onbekend"),
    }[state_of(result)]


class VerdictCard(QFrame):
    """Title, answer line and a collapsible list of conditions with their reasons."""

    def __init__(self, key: str, title: str, parent=None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"verdict_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        top = QHBoxLayout()
        self.toggle = QToolButton(self)
        self.toggle.setObjectName(f"verdict_{key}_toggle")
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setToolTip(tr("Voorwaarden tonen of verbergen"))
        self.toggle.toggled.connect(self.set_expanded)
        self.title = QLabel(f"<b>{title}</b>", self)
        self.title.setWordWrap(True)
        top.addWidget(self.toggle)
        top.addWidget(self.title, 1)
        layout.addLayout(top)
        self.answer = QLabel(self)
        self.answer.setObjectName(f"verdict_{key}_answer")
        self.answer.setWordWrap(True)
        layout.addWidget(self.answer)
        self.details = QWidget(self)
        self.details.setObjectName(f"verdict_{key}_details")
        self.details_layout = QVBoxLayout(self.details)
        self.details_layout.setContentsMargins(18, 0, 0, 0)
        layout.addWidget(self.details)
        self.details.setVisible(False)
        self.condition_labels: list[QLabel] = []
        self.state = "unknown"
        self.deciding_reason = ""

    def set_expanded(self, expanded: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.details.setVisible(expanded)
        if self.toggle.isChecked() != expanded:
            self.toggle.setChecked(expanded)

    def set_verdict(
        self,
        state: str,
        answer: str,
        extra: list[str],
        conditions: list[dict],
        deciding: str | None = None,
    ) -> None:
        """``state`` pass/fail/unknown decides icon and colour; ``answer`` is the words for it;
        ``deciding`` the id of the condition that gives the answer (shown first, unfolded);
        ``extra`` lines (amounts, notes) follow it."""
        self.state = state_of(state)
        icon, colour = STATE_LOOK[self.state]
        text = f"<span style='color:{colour}'><b>{icon} {answer}</b></span>"
        reason = next(
            (c.get("reason") for c in conditions if deciding and c.get("id") == deciding), None
        )
        # the deciding reason right under the answer, visible on the folded card
        self.deciding_reason = str(reason) if reason else ""
        if reason:
            text += f"<br>{html_text(self.deciding_reason)}"
        for line in extra:
            text += f"<br>{line}"
        self.answer.setText(text)
        for label in self.condition_labels:
            self.details_layout.removeWidget(label)
            label.deleteLater()
        self.condition_labels = []
        for condition in conditions:
            result = state_of(condition.get("result"))
            c_icon, c_colour = STATE_LOOK[result]
            reason = html_text(str(condition.get("reason") or condition.get("id") or ""))
            label = QLabel(
                f"<span style='color:{c_colour}'>{c_icon} {condition_result_text(result)}</span>"
                f" — {reason}",
                self.details,
            )
            label.setObjectName(f"condition_{condition.get('id', '')}")
            label.setWordWrap(True)
            label.setProperty("result", result)
            self.details_layout.addWidget(label)
            self.condition_labels.append(label)
        if not conditions:
            label = QLabel(tr("Geen voorwaarden bekend."), self.details)
            label.setWordWrap(True)
            self.details_layout.addWidget(label)
            self.condition_labels.append(label)
