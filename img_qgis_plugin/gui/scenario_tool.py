"""Map tool "Scenario-beving": click an epicentre, answer the dialog, see what would change.

The effect of the quake comes from the domain (``scenario_with_objects``); this module only
turns the click into RD New, the outcome into a footprint (epicentre, the domain's 2 and 5 mm/s
contours, the affected objects) in its own group inside the Mijnbouwschade group, and the counts
per municipality or PC4 into a sortable "Wat verandert er" table behind one message-bar line. A scenario over half a million objects takes about
a second, so it runs directly rather than in a task. The message offers "Gevolgen in regionaal
overzicht": the same quake through the planners' overview (before, after, change).
"""

from __future__ import annotations

import contextlib
import datetime as dt

from qgis.core import (
    Qgis,
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsField,
    QgsFillSymbol,
    QgsGeometry,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsPointXY,
    QgsProject,
    QgsRendererCategory,
    QgsTextBufferSettings,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.gui import QgsMapToolEmitPoint
from qgis.PyQt.QtCore import QMetaType, pyqtSignal
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QPushButton

from domain.groundmotion.coordinates import RD_NEW
from domain.planning.overview import ScenarioQuake
from domain.presentation.text_format import magnitude
from img_qgis_plugin.controller import say_no_store
from img_qgis_plugin.gui.i18n import number_text, tr, ui_language
from img_qgis_plugin.processing.scenario_features import (
    CATEGORIES,
    affected_features,
    category_labels,
    scenario_fields,
)
from img_qgis_plugin.store_layers import GROUP_NAME
from img_qgis_plugin.toolbelt.log_handler import LOG_TAG, log

# a scenario's own palette (purple/blue), so it never reads as the historic quakes' red-yellow
CATEGORY_COLOURS = {
    "reopen": "#6a1b9a",
    "nulmeting": "#3949ab",
    "new_in_effect_area": "#4fc3f7",
    "other": "#9e9e9e",
}
# dark teal: no object status (objects.qml), quake period (quakes.qml) or scenario category
# above uses it, so the mark reads as "the quake you clicked", not as a class
EPICENTRE_COLOUR = "#00796b"
# outline per contour threshold (mm/s): the 5 mm/s ring darker than the 2 mm/s ring
CONTOUR_COLOURS = {2.0: "#8e24aa", 5.0: "#1e3a8a"}


class ScenarioMapTool(QgsMapToolEmitPoint):
    """Emits the clicked point in RD New (whatever the canvas CRS)."""

    epicentre_clicked = pyqtSignal(float, float)

    def __init__(self, canvas) -> None:
        super().__init__(canvas)
        self.canvasClicked.connect(self._on_click)

    def _on_click(self, point, _button) -> None:
        rd = to_rd(point, self.canvas().mapSettings().destinationCrs())
        self.epicentre_clicked.emit(rd.x(), rd.y())


def to_rd(point, crs) -> QgsPointXY:
    target = QgsCoordinateReferenceSystem(RD_NEW)
    if not crs.isValid() or crs == target:
        return QgsPointXY(point)
    transform = QgsCoordinateTransform(crs, target, QgsProject.instance())
    return transform.transform(QgsPointXY(point))


def layer_name(ml: float, day: dt.date) -> str:
    """``Scenario ML 3,2 (2026-12-02)`` in Dutch: the magnitude in the reader's decimals."""
    return tr("Scenario ML {ml} ({day})").format(ml=ml_text(ml), day=day.isoformat())


def ml_text(ml: float) -> str:
    return magnitude(ml, ui_language())


def scenario_layer(outcome, ml: float, day: dt.date) -> QgsVectorLayer:
    """A memory point layer (RD New) of the affected objects, coloured by category."""
    layer = QgsVectorLayer(f"Point?crs={RD_NEW}", layer_name(ml, day), "memory")
    provider = layer.dataProvider()
    fields = scenario_fields()
    provider.addAttributes(fields.toList())
    layer.updateFields()
    provider.addFeatures(affected_features(outcome.objects, layer.fields()))
    layer.updateExtents()
    labels = category_labels()
    categories = []
    for key in CATEGORIES:
        symbol = QgsMarkerSymbol.createSimple(
            {
                "name": "circle",
                "color": CATEGORY_COLOURS[key],
                "size": "2.4",
                "outline_color": "#ffffff",
                "outline_width": "0.2",
            }
        )
        categories.append(QgsRendererCategory(key, symbol, labels[key]))
    layer.setRenderer(QgsCategorizedSymbolRenderer("category", categories))
    return layer


def epicentre_layer(x: float, y: float, ml: float, day: dt.date) -> QgsVectorLayer:
    """The scenario's epicentre as one labelled star (RD New)."""
    name = tr("Scenario-epicentrum ML {ml} ({day})").format(ml=ml_text(ml), day=day.isoformat())
    layer = QgsVectorLayer(f"Point?crs={RD_NEW}", name, "memory")
    provider = layer.dataProvider()
    provider.addAttributes([QgsField("label", QMetaType.Type.QString)])
    layer.updateFields()
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
    feature["label"] = tr("scenario ML {ml}").format(ml=ml_text(ml))
    provider.addFeatures([feature])
    layer.updateExtents()
    symbol = QgsMarkerSymbol.createSimple(
        {
            "name": "star",
            "color": EPICENTRE_COLOUR,
            "size": "6",
            "outline_color": "#ffffff",
            "outline_width": "0.4",
        }
    )
    layer.renderer().setSymbol(symbol)
    _label(layer)
    return layer


def contour_layer(contours, ml: float, day: dt.date) -> QgsVectorLayer:
    """The domain's PGV contours (``scenario_contours``) as dashed, unfilled, labelled rings."""
    name = tr("Scenario-contouren ML {ml} ({day})").format(ml=ml_text(ml), day=day.isoformat())
    layer = QgsVectorLayer(f"Polygon?crs={RD_NEW}", name, "memory")
    provider = layer.dataProvider()
    provider.addAttributes(
        [
            QgsField("threshold_mm_s", QMetaType.Type.Double),
            QgsField("radius_km", QMetaType.Type.Double),
            QgsField("vs30", QMetaType.Type.Double),
            QgsField("label", QMetaType.Type.QString),
        ]
    )
    layer.updateFields()
    features = []
    for contour in contours:
        if contour.geometry.is_empty:
            continue  # the quake nowhere reaches this PGV
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(contour.geometry.wkt))
        feature["threshold_mm_s"] = contour.threshold_mm_s
        feature["radius_km"] = contour.radius_km
        feature["vs30"] = contour.vs30
        feature["label"] = tr("scenario {pgv} mm/s").format(
            pgv=number_text(contour.threshold_mm_s, 0)
        )
        features.append(feature)
    provider.addFeatures(features)
    layer.updateExtents()
    categories = []
    for threshold, colour in CONTOUR_COLOURS.items():
        symbol = QgsFillSymbol.createSimple(
            {
                "style": "no",
                "outline_color": colour,
                "outline_width": "0.8",
                "outline_style": "dash",
            }
        )
        label = tr("scenario {pgv} mm/s").format(pgv=number_text(threshold, 0))
        categories.append(QgsRendererCategory(threshold, symbol, label))
    layer.setRenderer(QgsCategorizedSymbolRenderer("threshold_mm_s", categories))
    _label(layer, placement=Qgis.LabelPlacement.Line)
    return layer


def _label(layer: QgsVectorLayer, placement=None) -> None:
    settings = QgsPalLayerSettings()
    settings.fieldName = "label"
    if placement is not None:
        settings.placement = placement
    fmt = settings.format()
    fmt.setColor(QColor(EPICENTRE_COLOUR))
    halo = QgsTextBufferSettings()  # readable over objects, quakes and hatches alike
    halo.setEnabled(True)
    halo.setSize(1.0)
    halo.setColor(QColor("white"))
    fmt.setBuffer(halo)
    settings.setFormat(fmt)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def counts_text(summary: dict) -> str:
    """The counts per municipality as readable lines, totals first."""
    totals = summary["totals"]
    lines = [
        tr("Heropenen: {reopen}, nulmeting: {nulmeting}, nieuw in effectgebied: {new}").format(
            reopen=totals["reopen"],
            nulmeting=totals["nulmeting"],
            new=totals["new_in_effect_area"],
        )
    ]
    for row in summary["per_municipality"]:
        lines.append(
            tr("{municipality}: heropenen {reopen}, nulmeting {nulmeting}, nieuw {new}").format(
                municipality=row["municipality"] or "—",
                reopen=row["reopen"],
                nulmeting=row["nulmeting"],
                new=row["new_in_effect_area"],
            )
        )
    return "\n".join(lines)


class ScenarioRunner:
    """Runs a scenario on the controller's open store and shows it; one layer group per run.

    ``open_overview(quake)`` (a ``ScenarioQuake``), when given, is what the message's
    "Gevolgen in regionaal overzicht" button calls."""

    def __init__(self, controller, open_overview=None) -> None:
        self.controller = controller
        self.open_overview = open_overview
        self.layers: list[str] = []
        self.last_scenario = None  # ScenarioQuake of the last run, to pre-fill the overview
        self.overview_button: QPushButton | None = None
        self._message = None  # the message bar item with the counts of the last run
        self.changes_button: QPushButton | None = None
        self.changes_dialog = None  # the "what changes" table of the last run, when open
        self.groups: list[str] = []  # the per-run layer groups inside the Mijnbouwschade group
        self.footprint: list[QgsVectorLayer] = []  # epicentre, contours, objects of the last run
        self.last_summary: dict | None = None
        QgsProject.instance().layersRemoved.connect(self._forget_layers)

    def _forget_layers(self, layer_ids) -> None:
        """Scenario layers the user (or a store switch) removed are no longer ours."""
        gone = set(layer_ids)
        self.layers = [i for i in self.layers if i not in gone]

    def follow_store(self, reason: str) -> None:
        """Another store or none: the counts in the message bar were of the old one."""
        if reason in ("switched", "closed") and self._message is not None:
            with contextlib.suppress(RuntimeError):  # the user may have closed it already
                self.controller.iface.messageBar().popWidget(self._message)
            self._message = self.overview_button = self.changes_button = None
        if reason in ("switched", "closed"):
            self._close_changes()

    def shutdown(self) -> None:
        with contextlib.suppress(TypeError, RuntimeError):
            QgsProject.instance().layersRemoved.disconnect(self._forget_layers)

    def run(self, x: float, y: float, ml: float, depth_km: float, day: dt.date):
        """Compute, add the layer to the group and report; returns (layer, summary) or None."""
        from domain.errors import DomainError
        from domain.store.motion_settings import store_motion_settings
        from domain.store.scenario import scenario_with_objects

        store = self.controller.store
        if store is None:
            say_no_store()
            return None
        try:
            # the ground-motion settings the user chose (the store's own if they cannot be used)
            motion = self.controller.wanted_motion() or store_motion_settings(store)
            outcome = scenario_with_objects(store, x, y, ml, depth_km, day, motion)
        except DomainError as exc:
            log(str(exc), "warning", push=True, duration=0)
            return None
        from domain.groundmotion.scenario import scenario_contours

        layer = scenario_layer(outcome, ml, day)
        contours = scenario_contours(
            x, y, ml, outcome.summary["quake"]["depth_km"], motion.ground_motion()
        )
        # top to bottom: epicentre, contours, objects — the footprint stays readable
        footprint = [epicentre_layer(x, y, ml, day), contour_layer(contours, ml, day), layer]
        project = QgsProject.instance()
        for item in footprint:
            if project.addMapLayer(item, False) is None:
                log(
                    tr("De scenariolaag kon niet aan het project worden toegevoegd."),
                    "warning",
                    True,
                )
                return None
        root = project.layerTreeRoot()
        group = root.findGroup(GROUP_NAME) or root.insertGroup(0, GROUP_NAME)
        scenario_group = group.insertGroup(0, layer_name(ml, day))
        for item in footprint:
            scenario_group.addLayer(item)
            self.layers.append(item.id())
        self.groups.append(scenario_group.name())
        self.footprint = footprint
        self.last_scenario = ScenarioQuake(x, y, ml, day, depth_km)
        self.last_summary = outcome.summary
        log(layer_name(ml, day) + "\n" + counts_text(outcome.summary), "info")
        self._offer_changes(layer_name(ml, day), outcome.summary, self.last_scenario)
        return layer, outcome.summary

    def _offer_changes(self, title: str, summary: dict, quake) -> None:
        """One line in the message bar: the totals, the "what changes" table, the overview."""
        totals = summary["totals"]
        line = tr("{title}: heropenen {reopen}, nulmeting {nulmeting}, nieuw {new}").format(
            title=title,
            reopen=number_text(totals["reopen"]),
            nulmeting=number_text(totals["nulmeting"]),
            new=number_text(totals["new_in_effect_area"]),
        )
        bar = self.controller.iface.messageBar()
        widget = bar.createMessage(LOG_TAG, line)
        table_button = QPushButton(tr("Wat verandert er"), widget)
        table_button.clicked.connect(lambda _=False, t=title, s=summary: self.show_changes(t, s))
        widget.layout().addWidget(table_button)
        self.changes_button = table_button
        if self.open_overview is not None:
            button = QPushButton(tr("Gevolgen in regionaal overzicht"), widget)
            button.clicked.connect(lambda _=False, q=quake: self.open_overview(q))
            widget.layout().addWidget(button)
            self.overview_button = button
        bar.pushWidget(widget, Qgis.MessageLevel.Info, 0)
        self._message = widget

    def show_changes(self, title: str, summary: dict):
        """The sortable per-municipality / per-PC4 table of one run (non-modal)."""
        from img_qgis_plugin.gui.scenario_dialog import ScenarioChangesDialog

        self._close_changes()
        self.changes_dialog = ScenarioChangesDialog(
            title, summary, self.controller.iface.mainWindow()
        )
        self.changes_dialog.show()
        return self.changes_dialog

    def _close_changes(self) -> None:
        if self.changes_dialog is not None:
            with contextlib.suppress(RuntimeError):  # already deleted with its parent
                self.changes_dialog.close()
                self.changes_dialog.deleteLater()
            self.changes_dialog = None

    def ask_and_run(self, x: float, y: float, parent=None):
        """The tool's click handler: ask ML, depth and date, then run."""
        from img_qgis_plugin.gui.scenario_dialog import ScenarioDialog

        dialog = ScenarioDialog(x, y, parent)
        try:
            if not dialog.exec():
                return None
            ml, depth, day = dialog.values()
        finally:
            dialog.deleteLater()
        return self.run(x, y, ml, depth, day)

    def remove_layers(self) -> None:
        project = QgsProject.instance()
        for layer_id in self.layers:
            if project.mapLayer(layer_id) is not None:
                project.removeMapLayer(layer_id)
        self.layers = []
        group = project.layerTreeRoot().findGroup(GROUP_NAME)
        for name in self.groups:
            sub = group.findGroup(name) if group is not None else None
            if sub is not None and not sub.children():
                group.removeChildNode(sub)
        self.groups = []
