"""Dock widget for one object (claim history, quakes, verdicts, hand-offs)."""

from __future__ import annotations

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QLabel, QVBoxLayout, QWidget

PANEL_OBJECT_NAME = "ImgObjectPanel"


def tr(text: str) -> str:
    return QCoreApplication.translate("ObjectPanel", text)


class ObjectPanel(QgsDockWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(tr("Mijnbouwschade – object"), parent)
        self.setObjectName(PANEL_OBJECT_NAME)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.placeholder = QLabel(
            tr("Kies een object op de kaart met het identificatiegereedschap.")
        )
        self.placeholder.setWordWrap(True)
        layout.addWidget(self.placeholder)
        layout.addStretch(1)
        self.setWidget(body)
