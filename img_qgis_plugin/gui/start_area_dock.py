"""Door-to-door planning in a start area: the visit list, its filters, and the map in step.

Selecting rows selects the objects on the map and selecting objects on the map selects their
rows. The list, the situations and the walking order come from ``domain.planning``. The area is
a stored start area or one drawn on the map ("Gebied tekenen"); both go the same way.
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
from img_qgis_plugin.gui.start_area_draw import StartAreaDrawTool
from img_qgis_plugin.toolbelt.log_handler import log, log_exception

PANEL_OBJECT_NAME = "ImgStartAreaPanel"
ALL = ""


class StartAreaDock(QgsDockWidget):
    def __init__(self, parent=None, canvas=None) -> None:
        super().__init__(tr("Mijnbouwschade – startgebied"), parent)
        self.setObjectName(PANEL_OBJECT_NAME)
        self.store = None
        self.objects_layer = None
        self.atlas_source = None
        self.situations = None
        self.start_areas_layer = None
        self.visits = None
        self.area = None  # what the list was made for: a start-area id or a drawn WKT
        self.as_of = None
        self.drawn_wkt = ""
        self._syncing = False
        self.canvas = canvas
        self.draw_tool = StartAreaDrawTool(canvas) if canvas is not None else None
        self._previous_tool = None
        if self.draw_tool is not None:
            self.draw_tool.area_drawn.connect(self.use_drawn_area)
            self.draw_tool.cancelled.connect(self._restore_map_tool)
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
        self.draw_button = QPushButton(tr("Gebied tekenen"), body)
        self.draw_button.setToolTip(
            tr(
                "Klik links voor elk hoekpunt, rechts of dubbel om te sluiten; Backspace haalt "
                "het laatste punt weg, Esc stopt."
            )
        )
        self.draw_button.setEnabled(False)
        self.draw_button.clicked.connect(self.start_drawing)
        pick.addWidget(self.draw_button)
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
        kinds = (
            ("csv", tr("CSV…")),
            ("xlsx", tr("Excel…")),
            ("gpkg", tr("Route (GeoPackage)…")),
            ("pdf", tr("Atlas (PDF)…")),
        )
        for kind, label in kinds:
            button = QPushButton(label, body)
            button.clicked.connect(lambda _=False, k=kind: self.ask_export(k))
            button.setEnabled(False)
            exports.addWidget(button)
            self.export_buttons[kind] = button
        layout.addLayout(exports)
        self.setWidget(body)

    # --- store and map -------------------------------------------------------------------
    def set_store(self, store, objects_layer, atlas_source=None, start_areas_layer=None) -> None:
        """Show the start areas of ``store``; ``atlas_source`` (the plugin or its controller)
        lets the atlas reuse the styled map layers, else it makes its own for the export.
        Selecting one area in ``start_areas_layer`` on the map picks it here."""
        if self.objects_layer is not None:
            with contextlib.suppress(TypeError, RuntimeError):
                self.objects_layer.selectionChanged.disconnect(self._map_selected)
        if self.start_areas_layer is not None:
            with contextlib.suppress(TypeError, RuntimeError):
                self.start_areas_layer.selectionChanged.disconnect(self._area_selected)
        self.store, self.objects_layer, self.visits = store, objects_layer, None
        self.start_areas_layer = start_areas_layer
        self.atlas_source = atlas_source
        self.area, self.drawn_wkt = None, ""
        self.area_combo.clear()
        self.table.setRowCount(0)
        self.summary.setText("")
        for button in self.export_buttons.values():
            button.setEnabled(False)
        self.draw_button.setEnabled(store is not None and self.draw_tool is not None)
        if store is None:
            self.stop_drawing()
            return
        with store.engine.connect() as conn:
            rows = conn.execute(
                text("SELECT id, name FROM areas WHERE kind = 'start_area' ORDER BY name, id")
            ).all()
        for area_id, name in rows:
            self.area_combo.addItem(str(name or area_id), int(area_id))
        if objects_layer is not None:
            objects_layer.selectionChanged.connect(self._map_selected)
        if start_areas_layer is not None:
            start_areas_layer.selectionChanged.connect(self._area_selected)

    def follow_store(self, controller, why: str) -> None:
        """The open store changed or its layers went: bind to what is open now (or to
        nothing) and say why the list is empty. A dock never used stays as it is."""
        if self.store is None:
            return
        self.stop_drawing()
        store = controller.store if controller is not None else None
        layers = controller.layers if store is not None else {}
        self.set_store(
            store,
            layers.get("objects"),
            controller if store is not None else None,
            layers.get("areas_start_area"),
        )
        self.summary.setText(why)

    def _area_selected(self, *args) -> None:
        """One start area selected on the map: pick it and make its list."""
        if self.start_areas_layer is None:
            return
        selected = self.start_areas_layer.selectedFeatureIds()
        if self.store is None or len(selected) != 1:
            return
        feature = self.start_areas_layer.getFeature(selected[0])
        index = self.area_combo.findData(int(feature["id"]))
        if index >= 0:
            self.area_combo.setCurrentIndex(index)
            self.load_current()

    def load_current(self) -> None:
        area = self.area_combo.currentData()
        if area is not None:
            code = self.situation_combo.currentData()
            self.load(area, [code] if code else None)

    def load(self, area, situations: list[str] | None = None, as_of=None) -> None:
        """Fill the list for ``area`` — a start-area id or a polygon WKT in EPSG:28992 — with
        only the given situation codes, when given."""
        area = area if isinstance(area, str) and not area.strip().isdigit() else int(area)
        self.visits = visit_list(
            self.store, area, situations=situations, as_of=as_of, lang=ui_language()
        )
        self.area, self.as_of, self.situations = area, as_of, situations
        rows = self.visits.rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = (
                str(row.order),
                f"{row.address}, {row.place}",
                ", ".join(row.situations),
                row.reason,
            )
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

    # --- drawing an area -----------------------------------------------------------------
    def start_drawing(self) -> None:
        """Put the draw tool on the canvas; the tool that was active comes back afterwards."""
        if self.draw_tool is None or self.store is None:
            return
        current = self.canvas.mapTool()
        if current is not self.draw_tool:
            self._previous_tool = current
        self.canvas.setMapTool(self.draw_tool)
        log(
            tr("Teken het gebied: links klikken per hoekpunt, rechts klikken om te sluiten."),
            "info",
            push=True,
        )

    def stop_drawing(self) -> None:
        if self.draw_tool is not None:
            self.draw_tool.reset()
            self._restore_map_tool()

    def remove_draw_tool(self) -> None:
        """Take the draw tool off the canvas and delete it (the plugin unloads)."""
        if self.draw_tool is not None:
            self._previous_tool = None  # it may be going away with the plugin as well
            self.draw_tool.reset()
            if self.canvas.mapTool() is self.draw_tool:
                self.canvas.unsetMapTool(self.draw_tool)
            self.draw_tool.deleteLater()
            self.draw_tool = None

    def use_drawn_area(self, wkt: str) -> None:
        """The drawn polygon becomes the entry "Getekend gebied" and its list is made."""
        self._restore_map_tool()
        if self.store is None:  # the store closed while drawing
            self.summary.setText(
                tr("Open eerst een opslag (menu Mijnbouwschade › Opslag openen…).")
            )
            return
        self.drawn_wkt = wkt
        index = self.drawn_index()
        if index < 0:
            self.area_combo.addItem(tr("Getekend gebied"), wkt)
            index = self.area_combo.count() - 1
        else:
            self.area_combo.setItemData(index, wkt)
        self.area_combo.setCurrentIndex(index)
        try:
            self.load_current()
        except Exception as exc:
            log_exception(tr("De bezoeklijst kon niet worden gemaakt"), exc)

    def drawn_index(self) -> int:
        for index in range(self.area_combo.count()):
            if isinstance(self.area_combo.itemData(index), str):
                return index
        return -1

    def _restore_map_tool(self) -> None:
        if self.canvas is None or self.canvas.mapTool() is not self.draw_tool:
            return
        if self._previous_tool is not None:
            self.canvas.setMapTool(self._previous_tool)
        else:
            self.canvas.unsetMapTool(self.draw_tool)
        self._previous_tool = None

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
        except RuntimeError:  # the layer went without a word (deleted): no map to follow
            self.objects_layer = None
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
        """Write the current list as CSV, XLSX, a route GeoPackage or the atlas PDF; returns
        the path."""
        if kind == "pdf":
            from img_qgis_plugin.reports.atlas import export_startarea_atlas

            source = self.atlas_source if self.atlas_source is not None else self.store
            return export_startarea_atlas(
                source, self.area, path, as_of=self.as_of, situations=self.situations
            )
        writer = {"csv": visits_csv, "xlsx": visits_xlsx, "gpkg": route_geopackage}[kind]
        return str(writer(self.visits, path, lang=ui_language()))

    def ask_export(self, kind: str) -> str:
        filters = {
            "csv": tr("CSV (*.csv)"),
            "xlsx": tr("Excel (*.xlsx)"),
            "gpkg": tr("GeoPackage (*.gpkg)"),
            "pdf": tr("PDF (*.pdf)"),
        }
        path, _ = QFileDialog.getSaveFileName(self, tr("Bezoeklijst opslaan"), "", filters[kind])
        if not path:
            return ""
        if not path.lower().endswith(f".{kind}"):
            path += f".{kind}"
        try:
            written = self.export(kind, path)
        except Exception as exc:
            log_exception(tr("De bezoeklijst kon niet worden opgeslagen"), exc)
            return ""
        log(tr("Bezoeklijst opgeslagen: {0}").format(written), "success", push=True)
        return written
