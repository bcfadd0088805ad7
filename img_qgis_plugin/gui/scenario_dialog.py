"""Asks for the scenario quake's magnitude, depth and date; decides nothing itself."""

from __future__ import annotations

import datetime as dt

from qgis.PyQt import uic
from qgis.PyQt.QtCore import QDate
from qgis.PyQt.QtWidgets import QDialog

from domain import policy
from img_qgis_plugin.gui.i18n import tr
from img_qgis_plugin.paths import ui_file

FORM_CLASS, _ = uic.loadUiType(ui_file("scenario_dialog.ui"))


class ScenarioDialog(QDialog, FORM_CLASS):
    """ML (default 3.0), depth in km (default 3) and date (default today) for one epicentre."""

    def __init__(self, x: float, y: float, parent=None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        # the bounds are policy, shared with the overview and Processing; the .ui only lays out
        self.mlSpin.setRange(*policy.SCENARIO_ML_RANGE)
        self.mlSpin.setValue(policy.SCENARIO_ML_DEFAULT)
        self.depthSpin.setRange(*policy.SCENARIO_DEPTH_RANGE_KM)
        self.depthSpin.setValue(policy.DEFAULT_DEPTH_KM)
        self.epicentreLabel.setText(tr("Epicentrum (RD New): {x:.0f}, {y:.0f}").format(x=x, y=y))
        self.dateEdit.setDate(QDate.currentDate())

    def set_values(self, ml: float, depth_km: float, day: dt.date) -> None:
        self.mlSpin.setValue(float(ml))
        self.depthSpin.setValue(float(depth_km))
        self.dateEdit.setDate(QDate(day.year, day.month, day.day))

    def values(self) -> tuple[float, float, dt.date]:
        day = self.dateEdit.date()
        return (
            round(self.mlSpin.value(), 1),
            round(self.depthSpin.value(), 1),
            dt.date(day.year(), day.month(), day.day()),
        )
