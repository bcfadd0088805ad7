"""The regional overview for planners: the table, the choropleth, the CSV, and "what if" a quake.

Counting is ``domain.planning.regional_overview`` (with an optional ``ScenarioQuake``), run in a
``QgsTask`` on its own store connection; this dialog only asks, shows and exports. With a
scenario every count gets three columns: before, after the quake, and the change.
"""

from __future__ import annotations

import datetime as dt

from qgis.PyQt.QtCore import QDate, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
)

from domain import policy
from domain.errors import Cancelled
from domain.planning.overview import COLUMNS, ScenarioQuake
from domain.presentation.text_format import magnitude
from img_qgis_plugin.controller import say_no_store
from img_qgis_plugin.gui.i18n import number_text, tr, ui_language
from img_qgis_plugin.gui.panel_tables import SORT_ROLE, SortItem
from img_qgis_plugin.reports.overview_layer import (
    DEFAULT_COUNT,
    DELTA,
    count_fields,
    field_label,
    merged_rows,
    overview_layer,
    overview_table_csv,
    style_on,
)
from img_qgis_plugin.toolbelt.log_handler import log, log_exception

#: what the map is coloured on once a scenario is in: the change the issue asks about
SCENARIO_COUNT = f"{DELTA}may_claim_again"


def _spin(low: float, high: float, value: float, decimals: int, step: float, parent):
    spin = QDoubleSpinBox(parent)
    spin.setRange(low, high)
    spin.setDecimals(decimals)
    spin.setSingleStep(step)
    spin.setValue(value)
    return spin


def _date_edit(day: dt.date, parent) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate(day.year, day.month, day.day))
    return edit


def _day(edit: QDateEdit) -> dt.date:
    day = edit.date()
    return dt.date(day.year(), day.month(), day.day())


def _map_centre_rd(plugin, x: float, y: float) -> tuple[float, float]:
    """The epicentre to start from: the map's centre in RD New, else (x, y)."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject

    from domain.groundmotion.coordinates import RD_NEW

    try:
        canvas = plugin.iface.mapCanvas()
        transform = QgsCoordinateTransform(
            canvas.mapSettings().destinationCrs(),
            QgsCoordinateReferenceSystem(RD_NEW),
            QgsProject.instance(),
        )
        centre = transform.transform(canvas.extent().center())
    except Exception:  # no canvas, or a centre outside what RD New can express
        return x, y
    xmin, ymin, xmax, ymax = policy.NL_RD_BOUNDS_M
    if xmin <= centre.x() <= xmax and ymin <= centre.y() <= ymax:
        return centre.x(), centre.y()
    return x, y


class TableItem(SortItem):
    """A cell of the overview table: sorts by its value, and the total row stays last in
    either order (the header's sort indicator says which order Qt is sorting in)."""

    def __init__(self, text: str, sort=None, total: bool = False, number: bool = False) -> None:
        super().__init__(text)
        if sort is not None:
            self.setData(SORT_ROLE, sort)
        self.total = total
        if number:
            self.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def __lt__(self, other) -> bool:
        other_total = getattr(other, "total", False)
        if self.total != other_total:
            table = self.tableWidget()
            descending = (
                table is not None
                and table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
            )
            # ascending: the total is the largest; descending: the smallest, so last both ways
            return self.total == descending
        return super().__lt__(other)


class OverviewDialog(QDialog):
    """Non-modal: the planner keeps it open beside the map while the layer is restyled."""

    computed = pyqtSignal()

    def __init__(self, plugin, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Regionaal overzicht"))
        self.plugin = plugin
        self.overview = None
        self.layer = None
        self.task = None
        self._discard_task = False  # the running count is of a store no longer open
        layout = QVBoxLayout(self)
        form = QFormLayout()
        as_of = plugin.controller.as_of_date() if plugin.controller else None
        self.as_of_edit = _date_edit(as_of or dt.date.today(), self)
        form.addRow(tr("Peildatum:"), self.as_of_edit)
        self.by_combo = QComboBox(self)
        self.by_combo.addItem(tr("Per gemeente"), "gemeente")
        self.by_combo.addItem(tr("Per postcodegebied (PC4)"), "pc4")
        form.addRow(tr("Indeling:"), self.by_combo)
        layout.addLayout(form)

        self.scenario_box = QGroupBox(tr("Scenario-beving: wat verandert er als deze beving komt?"))
        self.scenario_box.setCheckable(True)
        self.scenario_box.setChecked(False)
        quake = QFormLayout(self.scenario_box)
        xmin, ymin, xmax, ymax = policy.NL_RD_BOUNDS_M
        x0, y0 = _map_centre_rd(plugin, (xmin + xmax) / 2, (ymin + ymax) / 2)
        self.x_spin = _spin(xmin, xmax, x0, 0, 100.0, self)
        self.y_spin = _spin(ymin, ymax, y0, 0, 100.0, self)
        self.ml_spin = _spin(*policy.SCENARIO_ML_RANGE, policy.SCENARIO_ML_DEFAULT, 1, 0.1, self)
        self.depth_spin = _spin(
            *policy.SCENARIO_DEPTH_RANGE_KM, policy.DEFAULT_DEPTH_KM, 1, 0.5, self
        )
        self.quake_date_edit = _date_edit(dt.date.today(), self)
        quake.addRow(tr("Epicentrum X (RD New):"), self.x_spin)
        quake.addRow(tr("Epicentrum Y (RD New):"), self.y_spin)
        quake.addRow(tr("Magnitude (ML)"), self.ml_spin)
        quake.addRow(tr("Diepte (km)"), self.depth_spin)
        quake.addRow(tr("Datum van de beving"), self.quake_date_edit)
        note = QLabel(tr("Met een scenario geldt de datum van de beving als peildatum."), self)
        note.setWordWrap(True)
        quake.addRow(note)
        layout.addWidget(self.scenario_box)

        actions = QHBoxLayout()
        self.compute_button = QPushButton(tr("Berekenen"), self)
        self.compute_button.clicked.connect(self.compute)
        self.count_combo = QComboBox(self)
        self.count_combo.currentIndexChanged.connect(self.restyle)
        self.csv_button = QPushButton(tr("CSV…"), self)
        self.csv_button.setEnabled(False)
        self.csv_button.clicked.connect(self.ask_csv)
        actions.addWidget(self.compute_button)
        actions.addWidget(QLabel(tr("Kleur naar:"), self))
        actions.addWidget(self.count_combo, 1)
        actions.addWidget(self.csv_button)
        layout.addLayout(actions)
        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.table = QTableWidget(0, 0, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self._fill_counts(False)
        self.resize(900, 600)

    # --- the scenario ----------------------------------------------------------------------
    def set_scenario(self, quake: ScenarioQuake | None, use: bool = True) -> None:
        """Fill the quake fields (``use`` ticks the scenario box); None unticks it."""
        if quake is None:
            self.scenario_box.setChecked(False)
            return
        self.x_spin.setValue(float(quake.x))
        self.y_spin.setValue(float(quake.y))
        self.ml_spin.setValue(float(quake.ml))
        if quake.depth_km is not None:
            self.depth_spin.setValue(float(quake.depth_km))
        self.quake_date_edit.setDate(QDate(quake.date.year, quake.date.month, quake.date.day))
        self.scenario_box.setChecked(use)

    def scenario(self) -> ScenarioQuake | None:
        if not self.scenario_box.isChecked():
            return None
        return ScenarioQuake(
            x=float(self.x_spin.value()),
            y=float(self.y_spin.value()),
            ml=round(self.ml_spin.value(), 1),
            date=_day(self.quake_date_edit),
            depth_km=round(self.depth_spin.value(), 1),
        )

    # --- computing -------------------------------------------------------------------------
    def compute(self):
        """Start the count as a task; the table and the layer follow when it is done."""
        from domain.store import open_store
        from img_qgis_plugin.reports.overview_layer import compute_overview
        from img_qgis_plugin.tasks import DomainTask, start

        controller = self.plugin.controller if self.plugin else None
        if controller is None or controller.store is None:
            say_no_store()
            return None
        if self.task is not None:
            return self.task
        where, quake, as_of = controller.where, self.scenario(), _day(self.as_of_edit)
        by = self.by_combo.currentData()
        lang = ui_language()  # read here: the task's thread does not ask Qt

        def work(progress, cancel):
            from domain.store.coverage import store_catalog_end

            with open_store(where) as store:  # SQLite connections belong to one thread
                overview = compute_overview(store, as_of, quake, lang, progress, cancel, by=by)
                return (*overview, store_catalog_end(store))

        self.compute_button.setEnabled(False)
        self.status.setText(tr("Bezig met tellen…"))
        self.task = start(DomainTask(tr("Regionaal overzicht"), work, self._done))
        return self.task

    def _done(self, result, error) -> None:
        self.task = None
        if self.plugin is None:  # closed with the plugin while counting
            return
        self.compute_button.setEnabled(True)
        discard, self._discard_task = self._discard_task, False
        if discard:  # counted on the previous store: the status already says why
            return
        if isinstance(error, Cancelled):
            self.status.setText(tr("Tellen gestopt op verzoek."))
            return
        if error is not None:
            self.status.setText(tr("Het overzicht kon niet worden gemaakt: {0}").format(error))
            return
        overview, outlines, self.catalog_end = result
        self.overview = overview
        self._fill_counts(overview.after is not None)
        self._fill_table()
        try:
            self.layer = overview_layer(
                self.plugin, self.count_combo.currentData(), computed=(overview, outlines)
            )
        except Exception as exc:
            log_exception(tr("Het overzicht kon niet worden gemaakt"), exc)
            return
        self.plugin.iface.mapCanvas().refresh()
        self.csv_button.setEnabled(True)
        self.status.setText(self._status_text())
        self.computed.emit()

    def _status_text(self) -> str:
        text = tr("Peildatum {0}; {1} groepen.").format(
            self.overview.as_of.isoformat(), len(self.overview.rows)
        )
        if getattr(self, "catalog_end", None) is not None:
            from domain.rules.coverage import known_text

            # counts that rest on the absence of later quakes can only be as new as this
            known = known_text(self.catalog_end, ui_language())
            text += f" {known[:1].upper()}{known[1:]}."
        if self.overview.scenario:
            text += " " + tr(
                "Scenario ML {0}: {1} objecten bereikt, {2} groepen veranderen."
            ).format(
                magnitude(self.overview.scenario["ml"], ui_language()),
                number_text(self.overview.scenario["objects_reached"]),
                len(self.overview.delta or ()),
            )
        return text

    # --- showing ---------------------------------------------------------------------------
    def _fill_counts(self, with_scenario: bool) -> None:
        """The colour choices; a new scenario shows its change first, else the choice stays."""
        current = self.count_combo.currentData()
        if with_scenario:
            keep = current is not None and current not in COLUMNS
            wanted = current if keep else SCENARIO_COUNT
        else:
            wanted = current if current in COLUMNS else DEFAULT_COUNT
        self.count_combo.blockSignals(True)
        self.count_combo.clear()
        for name in count_fields(with_scenario):
            self.count_combo.addItem(field_label(name), name)
        self.count_combo.setCurrentIndex(self.count_combo.findData(wanted))
        self.count_combo.blockSignals(False)

    def _fill_table(self) -> None:
        from domain.i18n import tr as domain_tr
        from domain.planning.overview import overview_header

        names = count_fields(self.overview.after is not None)
        rows = merged_rows(self.overview)
        total = {"group": domain_tr("ov.total", ui_language())}
        total.update({n: sum(int(r[n]) for r in rows) for n in names})
        header = overview_header(self.overview.by, ui_language())[:1]
        lang = ui_language()
        self.table.setSortingEnabled(False)  # filling a sorting table reorders rows mid-way
        self.table.clear()
        self.table.setColumnCount(1 + len(names))
        self.table.setHorizontalHeaderLabels(header + [field_label(n) for n in names])
        self.table.setRowCount(len(rows) + 1)
        for r, row in enumerate([*rows, total]):
            is_total = row is total
            group = str(row["group"])
            self.table.setItem(r, 0, TableItem(group, group.casefold(), is_total))
            for c, name in enumerate(names, start=1):
                value = int(row[name])
                shown = number_text(value, lang=lang)  # 1.234 in Dutch
                if name.startswith(DELTA) and value > 0:
                    shown = f"+{shown}"
                self.table.setItem(r, c, TableItem(shown, value, is_total, number=True))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.resizeColumnsToContents()

    def restyle(self, *args) -> None:
        """Colour the layer on the chosen count (or change) without counting again."""
        field = self.count_combo.currentData()
        if self.layer is None or field is None:
            return
        try:
            if self.layer.fields().indexOf(field) < 0:
                return
            style_on(self.layer, field)
            self.layer.triggerRepaint()
        except RuntimeError:  # the user removed the layer from the project
            self.layer = None

    # --- export ----------------------------------------------------------------------------
    def export_csv(self, path: str) -> str:
        return overview_table_csv(self.overview, path)

    def ask_csv(self) -> str:
        if self.overview is None:
            return ""
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Overzicht opslaan"), "regionaal_overzicht.csv", tr("CSV (*.csv)")
        )
        if not path:
            return ""
        if not path.lower().endswith(".csv"):
            path += ".csv"
        try:
            written = self.export_csv(path)
        except OSError as exc:
            log_exception(tr("Het overzicht kon niet worden opgeslagen"), exc)
            return ""
        log(tr("Overzicht opgeslagen: {0}").format(written), "success", push=True)
        return written

    def follow_store(self, why: str) -> None:
        """Another store was opened or the store closed: its numbers and map are gone; say why.
        A count still running on the old store is stopped and never shown."""
        if self.task is not None:
            self._discard_task = True
            self.task.cancel()
        self.overview = None
        self.layer = None  # it was in the store's layer group, removed with it
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self._fill_counts(False)
        self.csv_button.setEnabled(False)
        self.status.setText(why)

    def shutdown(self) -> None:
        """The plugin unloads: stop a running count and forget the plugin."""
        if self.task is not None:
            self.task.cancel()
        self.plugin = None
