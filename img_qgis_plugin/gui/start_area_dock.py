"""Door-to-door planning in a start area: the visit list, its filters, and the map in step.

Selecting rows selects the objects on the map and selecting objects on the map selects their
rows. The list, the situations and the walking order come from ``domain.planning``.
"""

from __future__ import annotations

import contextlib

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import text

from domain.planning import SITUATIONS, route_geopackage, visit_list, visits_csv, visits_xlsx
from domain.planning.texts import situation_label
from img_qgis_plugin.gui.i18n import number_text, tr, ui_language

PANEL_OBJECT_NAME = "ImgStartAreaPanel"
ALL = ""


class StartAreaDock(QgsDockWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(tr("Mijnbouwschade – startgebied"), parent)
        self.setObjectName(PANEL_OBJECT_NAME)
        self.store = None
        self.objects_layer = None
        self.visits = None
        self._syncing = False
        body = QWidget(self)
        layout = QVBoxLayout(body)
        pick = QHBoxLayout()
        self.area_combo = QComboBox(body)
        self.situation_combo = QComboBox(body)
        self.situation_combo.addItem(tr("Alle situaties"), ALL)
        for code in SITUATIONS:
            self.situation_combo.addItem(situation_label(code, ui_language()), code)
        self.make_button = QPushButton(tr("Bezoeklijst maken"), body)
        self.make_button.clicked.connect(self.load_current)
        pick.addWidget(QLabel(tr("Startgebied:"), body))
        pick.addWidget(self.area_combo, 1)
        pick.addWidget(self.situation_combo, 1)
        pick.addWidget(self.make_button)
        layout.addLayout(pick)
        self.summary = QLabel("", body)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        headers = [tr("Volgorde"), tr("Adres"), tr("Situatie"), tr("Reden van bezoek")]
        self.table = QTableWidget(0, len(headers), body)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._rows_selected)
        layout.addWidget(self.table, 1)
        exports = QHBoxLayout()
        self.export_buttons = {}
        for kind, label in (("csv", tr("CSV…")), ("xlsx", tr("Excel…")),
                            ("gpkg", tr("Route (GeoPackage)…"))):  # fmt: skip
            button = QPushButton(label, body)
            button.clicked.connect(lambda _=False, k=kind: self.ask_export(k))
            button.setEnabled(False)
            exports.addWidget(button)
            self.export_buttons[kind] = button
        layout.addLayout(exports)
        self.setWidget(body)

    # --- store and map -------------------------------------------------------------------
    def set_store(self, store, objects_layer) -> None:
        if self.objects_layer is not None:
            with contextlib.suppress(TypeError, RuntimeError):
                self.objects_layer.selectionChanged.disconnect(self._map_selected)
        self.store, self.objects_layer, self.visits = store, objects_layer, None
        self.area_combo.clear()
        self.table.setRowCount(0)
        if store is None:
            return
        with store.engine.connect() as conn:
            rows = conn.execute(
                text("SELECT id, name FROM areas WHERE kind = 'start_area' ORDER BY name, id")
            ).all()
        for area_id, name in rows:
            self.area_combo.addItem(str(name or area_id), int(area_id))
        if objects_layer is not None:
            objects_layer.selectionChanged.connect(self._map_selected)

    def load_current(self) -> None:
        area_id = self.area_combo.currentData()
        if area_id is not None:
            code = self.situation_combo.currentData()
            self.load(area_id, [code] if code else None)

    def load(self, area_id: int, situations: list[str] | None = None, as_of=None) -> None:
        """Fill the list for ``area_id`` (only the given situation codes, when given)."""
        self.visits = visit_list(
            self.store, int(area_id), situations=situations, as_of=as_of, lang=ui_language()
        )
        rows = self.visits.rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = (str(row.order), f"{row.address}, {row.place}", ", ".join(row.situations),
                      row.reason)  # fmt: skip
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, row.object_id)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.summary.setText(
            tr("{0} adressen; looproute {1} km (in adresvolgorde {2} km).").format(
                len(rows),
                number_text(self.visits.route_length_m / 1000, 1),
                number_text(self.visits.address_order_length_m / 1000, 1),
            )
        )
        for button in self.export_buttons.values():
            button.setEnabled(bool(rows))

    # --- selection in step ---------------------------------------------------------------
    def selected_object_ids(self) -> set[int]:
        return {
            int(self.table.item(index.row(), 0).data(Qt.ItemDataRole.UserRole))
            for index in self.table.selectionModel().selectedRows()
        }

    def _rows_selected(self) -> None:
        if self._syncing or self.objects_layer is None:
            return
        ids = sorted(self.selected_object_ids())
        self._syncing = True
        try:
            if ids:
                self.objects_layer.selectByExpression(f'"id" IN ({",".join(map(str, ids))})')
            else:
                self.objects_layer.removeSelection()
        finally:
            self._syncing = False

    def _map_selected(self, *args) -> None:
        if self._syncing or self.objects_layer is None:
            return
        ids = {int(f["id"]) for f in self.objects_layer.getSelectedFeatures()}
        self._syncing = True
        try:
            self.table.clearSelection()
            mode = self.table.selectionMode()
            self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
            for r in range(self.table.rowCount()):
                if int(self.table.item(r, 0).data(Qt.ItemDataRole.UserRole)) in ids:
                    self.table.selectRow(r)
            self.table.setSelectionMode(mode)
        finally:
            self._syncing = False

    # --- exports -------------------------------------------------------------------------
    def export(self, kind: str, path: str) -> str:
        """Write the current list as CSV, XLSX or a route GeoPackage; returns the path."""
        writer = {"csv": visits_csv, "xlsx": visits_xlsx, "gpkg": route_geopackage}[kind]
        return str(writer(self.visits, path, lang=ui_language()))

    def ask_export(self, kind: str) -> str:
        filters = {"csv": tr("CSV (*.csv)"), "xlsx": tr("Excel (*.xlsx)"),
                   "gpkg": tr("GeoPackage (*.gpkg)")}  # fmt: skip
        path, _ = QFileDialog.getSaveFileName(self, tr("Bezoeklijst opslaan"), "", filters[kind])
        if not path:
            return ""
        if not path.lower().endswith(f".{kind}"):
            path += f".{kind}"
        return self.export(kind, path)
