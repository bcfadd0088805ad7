"""Asks for the scenario quake's magnitude, depth and date; decides nothing itself."""

from __future__ import annotations

import datetime as dt

from qgis.PyQt import uic
from qgis.PyQt.QtCore import QDate, Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from domain import policy
from img_qgis_plugin.gui.i18n import number_text, tr
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


# the counts of the "what changes" table, in column order after the area column
CHANGE_KEYS = ("reopen", "nulmeting", "new_in_effect_area")
#: the dialog grows to show every column, but never past this share of the screen
MAX_SCREEN_SHARE = 0.9


class CountItem(QTableWidgetItem):
    """A count that sorts as a number, shown the way the reader writes numbers."""

    def __init__(self, value: int) -> None:
        super().__init__(number_text(value))
        self.setData(Qt.ItemDataRole.UserRole, int(value))
        self.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def __lt__(self, other) -> bool:
        mine, theirs = self.data(Qt.ItemDataRole.UserRole), other.data(Qt.ItemDataRole.UserRole)
        if isinstance(mine, int) and isinstance(theirs, int):
            return mine < theirs
        return super().__lt__(other)


class ScenarioChangesDialog(QDialog):
    """ "Wat verandert er": the scenario's counts per municipality or PC4, changed rows first.

    Every column sorts (numbers as numbers); the order on opening is most changes first."""

    def __init__(self, title: str, summary: dict, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Wat verandert er – {title}").format(title=title))
        self.summary = summary
        layout = QVBoxLayout(self)
        totals = summary["totals"]
        self.totals_label = QLabel(
            tr("Heropenen: {reopen}, nulmeting: {nulmeting}, nieuw in effectgebied: {new}").format(
                reopen=number_text(totals["reopen"]),
                nulmeting=number_text(totals["nulmeting"]),
                new=number_text(totals["new_in_effect_area"]),
            ),
            self,
        )
        layout.addWidget(self.totals_label)
        self.by_combo = QComboBox(self)
        self.by_combo.addItem(tr("Per gemeente"), "per_municipality")
        if "per_pc4" in summary:
            self.by_combo.addItem(tr("Per postcode (PC4)"), "per_pc4")
        layout.addWidget(self.by_combo)
        self.table = QTableWidget(self)
        self.table.verticalHeader().setVisible(False)  # row numbers mean nothing here
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        # the plugin's own word: Qt's default would follow Qt's translation, not the plugin's
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Sluiten"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.by_combo.currentIndexChanged.connect(self.fill)
        self.fill()
        self.fit_to_table()

    def fit_to_table(self) -> None:
        """As wide as the table's columns (every column, "Totaal" too) and tall enough for its
        rows, up to 90% of the screen; beyond that the table scrolls."""
        table = self.table
        width = table.horizontalHeader().length() + 2 * table.frameWidth()
        width += table.verticalScrollBar().sizeHint().width()
        height = table.horizontalHeader().height() + table.verticalHeader().length()
        height += 2 * table.frameWidth() + table.horizontalScrollBar().sizeHint().height()
        margins = self.layout().contentsMargins()
        width += margins.left() + margins.right()
        others = self.layout().sizeHint().height() - table.sizeHint().height()
        height += others
        screen = self.screen() or QApplication.primaryScreen()
        if screen is not None:
            available = screen.availableGeometry()
            width = min(width, int(available.width() * MAX_SCREEN_SHARE))
            height = min(height, int(available.height() * MAX_SCREEN_SHARE))
        self.resize(max(width, self.minimumSizeHint().width()), max(height, 240))

    def fill(self, _index=None) -> None:
        key = self.by_combo.currentData()
        area_key = "municipality" if key == "per_municipality" else "pc4"
        header = tr("Gemeente") if key == "per_municipality" else tr("Postcode (PC4)")
        rows = sorted(
            self.summary.get(key, []),
            key=lambda r: (-sum(int(r[k]) for k in CHANGE_KEYS), str(r[area_key])),
        )
        table = self.table
        table.setSortingEnabled(False)  # filling a sorting table reorders rows mid-way
        table.clear()
        table.setColumnCount(2 + len(CHANGE_KEYS))
        table.setHorizontalHeaderLabels(
            [header, tr("Heropenen"), tr("Nulmeting"), tr("Nieuw in effectgebied"), tr("Totaal")]
        )
        # the domain counts per official boundary where the store has them ("" is then
        # outside them), else per the objects' own municipality / PC4 ("" unknown)
        official = self.summary.get("official_boundaries", {}).get(key, False)
        empty = tr("buiten de grenzen") if official else "—"
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            table.setItem(r, 0, QTableWidgetItem(str(row[area_key]) or empty))
            for c, count_key in enumerate(CHANGE_KEYS, start=1):
                table.setItem(r, c, CountItem(row[count_key]))
            table.setItem(r, 1 + len(CHANGE_KEYS), CountItem(sum(row[k] for k in CHANGE_KEYS)))
        table.setSortingEnabled(True)
        table.horizontalHeader().setSortIndicator(
            1 + len(CHANGE_KEYS), Qt.SortOrder.DescendingOrder
        )
        table.resizeColumnsToContents()
