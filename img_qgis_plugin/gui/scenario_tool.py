"""Map tool "Scenario-beving": click an epicentre, answer the dialog, see what would change.

The effect of the quake comes from the domain (``scenario_with_objects``); this module only
turns the click into RD New, the outcome into a memory layer in the Mijnbouwschade group and
the counts per municipality into a message. A scenario over half a million objects takes about
a second, so it runs directly rather than in a task. The message offers "Gevolgen in regionaal
overzicht": the same quake through the planners' overview (before, after, change).
"""

from __future__ import annotations

import datetime as dt

from qgis.core import (
    Qgis,
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsMarkerSymbol,
    QgsPointXY,
    QgsProject,
    QgsRendererCategory,
    QgsVectorLayer,
)
from qgis.gui import QgsMapToolEmitPoint
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QPushButton

from domain.planning.overview import ScenarioQuake
from img_qgis_plugin.gui.i18n import tr
from img_qgis_plugin.processing.scenario_features import (
    CATEGORIES,
    affected_features,
    category_labels,
    scenario_fields,
)
from img_qgis_plugin.store_layers import GROUP_NAME
from img_qgis_plugin.toolbelt.log_handler import LOG_TAG, log

RD_NEW = "EPSG:28992"
CATEGORY_COLOURS = {
    "reopen": "#c62828",
    "nulmeting": "#ef6c00",
    "new_in_effect_area": "#f9a825",
    "other": "#9e9e9e",
}


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
    return tr("Scenario ML {ml:.1f} ({day})").format(ml=ml, day=day.isoformat())


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
    for m in summary["per_municipality"]:
        lines.append(
            tr("{municipality}: heropenen {reopen}, nulmeting {nulmeting}, nieuw {new}").format(
                municipality=m["municipality"] or "—",
                reopen=m["reopen"],
                nulmeting=m["nulmeting"],
                new=m["new_in_effect_area"],
            )
        )
    return "\n".join(lines)


class ScenarioRunner:
    """Runs a scenario on the controller's open store and shows it; one layer per run.

    ``open_overview(quake)`` (a ``ScenarioQuake``), when given, is what the message's
    "Gevolgen in regionaal overzicht" button calls."""

    def __init__(self, controller, open_overview=None) -> None:
        self.controller = controller
        self.open_overview = open_overview
        self.layers: list[str] = []
        self.last_scenario = None  # ScenarioQuake of the last run, to pre-fill the overview
        self.overview_button: QPushButton | None = None

    def run(self, x: float, y: float, ml: float, depth_km: float, day: dt.date):
        """Compute, add the layer to the group and report; returns (layer, summary) or None."""
        from domain.errors import DomainError
        from domain.store.scenario_objects import scenario_with_objects

        store = self.controller.store
        if store is None:
            log(
                tr("Open eerst een opslag (menu Mijnbouwschade › Opslag openen…)."),
                "warning",
                push=True,
            )
            return None
        try:
            # the ground-motion settings the user chose (the store's own if they cannot be used)
            motion = self.controller.wanted_motion()
            outcome = scenario_with_objects(store, x, y, ml, depth_km, day, motion)
        except DomainError as exc:
            log(str(exc), "warning", push=True, duration=0)
            return None
        layer = scenario_layer(outcome, ml, day)
        project = QgsProject.instance()
        if project.addMapLayer(layer, False) is None:
            log(tr("De scenariolaag kon niet aan het project worden toegevoegd."), "warning", True)
            return None
        root = project.layerTreeRoot()
        group = root.findGroup(GROUP_NAME) or root.insertGroup(0, GROUP_NAME)
        group.insertLayer(0, layer)
        self.layers.append(layer.id())
        self.last_scenario = ScenarioQuake(x, y, ml, day, depth_km)
        message = layer_name(ml, day) + "\n" + counts_text(outcome.summary)
        if self.open_overview is None:
            log(message, "info", push=True, duration=0)
        else:
            log(message, "info")
            self._offer_overview(message, self.last_scenario)
        return layer, outcome.summary

    def _offer_overview(self, message: str, quake) -> None:
        """The counts in the message bar, with a button to the regional overview of this quake."""
        bar = self.controller.iface.messageBar()
        widget = bar.createMessage(LOG_TAG, message)
        button = QPushButton(tr("Gevolgen in regionaal overzicht"), widget)
        button.clicked.connect(lambda _=False, q=quake: self.open_overview(q))
        widget.layout().addWidget(button)
        bar.pushWidget(widget, Qgis.MessageLevel.Info, 0)
        self.overview_button = button

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
