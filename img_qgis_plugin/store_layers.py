"""The store's layers in QGIS: one group "Mijnbouwschade", Dutch names, styles from resources/.

Layers whose content is illustrative or synthetic say so in their name and in their metadata,
so nobody mistakes a demo polygon for an official boundary.
"""

from __future__ import annotations

from functools import partial
from typing import NamedTuple

from qgis.core import (
    Qgis,
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsLabelObstacleSettings,
    QgsLayerMetadata,
    QgsMapLayer,
    QgsPalLayerSettings,
    QgsProject,
    QgsProperty,
    QgsRendererCategory,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
    QgsVectorLayerUtils,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from domain.groundmotion.coordinates import RD_NEW
from img_qgis_plugin.gui.i18n import tr
from img_qgis_plugin.paths import resource
from img_qgis_plugin.toolbelt.log_handler import log

GROUP_NAME = "Mijnbouwschade"
STATUS_FIELD = "status"
OBJECTS_STYLE = "objects.qml"
QUAKES_STYLE = "quakes.qml"
LAYER_PROPERTY = "img_qgis_plugin/layer"
#: how strongly an object keeps area labels off itself (QGIS's scale runs 0 to 2)
OBSTACLE_FACTOR = 2.0
#: objects block labels from this scale in (a street, 1:25.000 and closer): at regional scale
#: 20,000 blocking points leave an area label nowhere to go and QGIS would drop it
OBSTACLE_MAX_SCALE = 25000
#: result layers: drawn above every area fill (and the overview choropleth, which sits
#: between them and the fills)
RESULT_LAYERS = ("objects", "quakes")


class LayerLook(NamedTuple):
    """What QGIS adds to a store layer: its (Dutch) name and its QML style in resources/styles."""

    name: str
    style: str


#: store layer key (``domain.store.layers.LAYERS`` has the table, geometry and filter) → look;
#: drawn top to bottom in this order: results (objects, quakes) first, then the area fills
LAYER_LOOKS: dict[str, LayerLook] = {
    "objects": LayerLook(QT_TRANSLATE_NOOP("@default", "Objecten"), OBJECTS_STYLE),
    "quakes": LayerLook(QT_TRANSLATE_NOOP("@default", "Bevingen"), QUAKES_STYLE),
    "areas_start_area": LayerLook(QT_TRANSLATE_NOOP("@default", "Startgebieden"), "start_area.qml"),
    "parcels": LayerLook(QT_TRANSLATE_NOOP("@default", "Percelen"), "parcels.qml"),
    "areas_subsidence": LayerLook(
        QT_TRANSLATE_NOOP("@default", "Diepe bodemdaling"), "subsidence.qml"
    ),
    "areas_dh_area": LayerLook(
        QT_TRANSLATE_NOOP("@default", "Duurzaam herstel-gebied"), "dh_area.qml"
    ),
    "areas_effect_area": LayerLook(
        QT_TRANSLATE_NOOP("@default", "Effectgebied"), "effect_area.qml"
    ),
    "areas_zone_6km": LayerLook(QT_TRANSLATE_NOOP("@default", "6 km-zones"), "zone_6km.qml"),
}
#: the mark a layer's name gets for content of that origin
ORIGIN_LABELS = {
    "illustrative": QT_TRANSLATE_NOOP("@default", "illustratief"),
    "synthetic": QT_TRANSLATE_NOOP("@default", "synthetisch"),
}


#: the legend classes of the styles in resources/styles, listed so the translation finds them
LEGEND_LABELS = (
    QT_TRANSLATE_NOOP("@default", "Diepe bodemdaling (berekend)"),
    QT_TRANSLATE_NOOP("@default", "Diepe bodemdaling (illustratief)"),
    QT_TRANSLATE_NOOP("@default", "Diepe bodemdaling (ingelezen)"),
    QT_TRANSLATE_NOOP("@default", "Diepe bodemdaling"),
    QT_TRANSLATE_NOOP("@default", "Duurzaam herstel"),
    QT_TRANSLATE_NOOP("@default", "Duurzaam herstel: na te gaan"),
    QT_TRANSLATE_NOOP("@default", "Effectgebied (berekend)"),
    QT_TRANSLATE_NOOP("@default", "Effectgebied (illustratief)"),
    QT_TRANSLATE_NOOP("@default", "Effectgebied (ingelezen)"),
    QT_TRANSLATE_NOOP("@default", "Effectgebied"),
    QT_TRANSLATE_NOOP("@default", "Finaal besloten"),
    QT_TRANSLATE_NOOP("@default", "Gebied Duurzaam herstel (berekend)"),
    QT_TRANSLATE_NOOP("@default", "Gebied Duurzaam herstel (illustratief)"),
    QT_TRANSLATE_NOOP("@default", "Gebied Duurzaam herstel (ingelezen)"),
    QT_TRANSLATE_NOOP("@default", "Gebied Duurzaam herstel"),
    QT_TRANSLATE_NOOP("@default", "Geen melding"),
    QT_TRANSLATE_NOOP("@default", "Kadastraal perceel"),
    QT_TRANSLATE_NOOP("@default", "Mag opnieuw melden"),
    QT_TRANSLATE_NOOP("@default", "Melding loopt"),
    QT_TRANSLATE_NOOP("@default", "Overdracht loopt"),
    QT_TRANSLATE_NOOP("@default", "Startgebied (berekend)"),
    QT_TRANSLATE_NOOP("@default", "Startgebied (illustratief)"),
    QT_TRANSLATE_NOOP("@default", "Startgebied (ingelezen)"),
    QT_TRANSLATE_NOOP("@default", "Startgebied"),
    QT_TRANSLATE_NOOP("@default", "Telt niet (andere bron)"),
    QT_TRANSLATE_NOOP("@default", "Vanaf 2026"),
    QT_TRANSLATE_NOOP("@default", "Vóór 2012"),
    QT_TRANSLATE_NOOP("@default", "Zone van 6 km (berekend)"),
    QT_TRANSLATE_NOOP("@default", "Zone van 6 km (illustratief)"),
    QT_TRANSLATE_NOOP("@default", "Zone van 6 km (ingelezen)"),
    QT_TRANSLATE_NOOP("@default", "Zone van 6 km"),
)


def translate_legend(layer: QgsVectorLayer) -> None:
    """The style's (Dutch) legend classes in the interface language; a map status class
    carries the domain's own label, the words the panel's "Kaartstatus" and the counts use."""
    from domain.rules.status import MAP_STATUSES, status_label
    from img_qgis_plugin.gui.i18n import ui_language

    renderer = layer.renderer()
    if renderer is None or renderer.type() != "categorizedSymbol":
        return
    lang = ui_language()
    for i, category in enumerate(renderer.categories()):
        value = category.value()
        if isinstance(value, str) and value in MAP_STATUSES:
            renderer.updateCategoryLabel(i, status_label(value, lang))
        else:
            renderer.updateCategoryLabel(i, tr(category.label()))


def show_present_statuses(layer: QgsVectorLayer) -> None:
    """The object layer's legend: one class per map status the layer holds, in the domain's
    order and with its labels (``MAP_STATUSES``/``status_label``); a status no object has is
    left out. Symbols come from the style; call again when the statuses change."""
    from domain.rules.status import MAP_STATUSES, status_label
    from img_qgis_plugin.gui.i18n import ui_language

    renderer = layer.renderer()
    idx = layer.fields().indexFromName(STATUS_FIELD)
    if renderer is None or renderer.type() != "categorizedSymbol" or idx < 0:
        return
    if renderer.classAttribute() != STATUS_FIELD:
        return
    # clone while the category copies live: their symbols go with them
    symbols = {c.value(): c.symbol().clone() for c in renderer.categories() if c.symbol()}
    present = {str(v) for v in layer.uniqueValues(idx) if v is not None}
    lang = ui_language()
    categories = [
        QgsRendererCategory(status, symbols[status], status_label(status, lang))
        for status in MAP_STATUSES
        if status in present and symbols.get(status) is not None
    ]
    layer.setRenderer(QgsCategorizedSymbolRenderer(STATUS_FIELD, categories))


def show_present_classes(layer: QgsVectorLayer) -> None:
    """A categorised legend on an expression (the quakes' periods): only the classes some
    feature falls in, in the style's order, labels and symbols kept; the object layer's
    statuses go through :func:`show_present_statuses`."""
    renderer = layer.renderer()
    if renderer is None or renderer.type() != "categorizedSymbol":
        return
    if layer.fields().indexFromName(renderer.classAttribute()) >= 0:
        return  # a plain field: the status legend handles the one layer that has one
    values, ok = QgsVectorLayerUtils.getValues(layer, renderer.classAttribute())
    if not ok:
        return
    present = {str(v) for v in values if v is not None}
    categories = renderer.categories()  # keep the copies alive while cloning their symbols
    kept = [
        QgsRendererCategory(c.value(), c.symbol().clone(), c.label())
        for c in categories
        if str(c.value()) in present and c.symbol() is not None
    ]
    layer.setRenderer(QgsCategorizedSymbolRenderer(renderer.classAttribute(), kept))


def block_labels(layer: QgsVectorLayer) -> None:
    """QGIS's "blocking" labelling: the layer draws no labels of its own but keeps other
    layers' labels (start areas, subsidence) off its features, so a label never hides the
    object a reader zoomed to; at regional scale the area labels are placed freely."""
    settings = QgsPalLayerSettings()
    settings.drawLabels = False
    obstacle = QgsLabelObstacleSettings()
    obstacle.setIsObstacle(True)
    obstacle.setFactor(OBSTACLE_FACTOR)
    settings.setObstacleSettings(obstacle)
    properties = settings.dataDefinedProperties()
    # by the weight (0 to 10), not by "is obstacle": QGIS does not evaluate the latter for a
    # layer that only blocks
    properties.setProperty(
        QgsPalLayerSettings.Property.ObstacleFactor,
        QgsProperty.fromExpression(
            f"CASE WHEN @map_scale <= {OBSTACLE_MAX_SCALE} THEN 10 ELSE 0 END"
        ),
    )
    settings.setDataDefinedProperties(properties)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def restyle(layer: QgsVectorLayer, style: str) -> None:
    """Reload a store layer's symbols (every class) and keep only the classes present again.

    Only the symbology is reloaded: the style's custom properties would wipe the layer's store
    key, and its labelling the object layer's blocking set in code."""
    key = layer.customProperty(LAYER_PROPERTY)
    # by keyword: a second positional argument is another overload's "from local db" flag
    _message, loaded = layer.loadNamedStyle(
        resource("styles", style), categories=QgsMapLayer.StyleCategory.Symbology
    )
    if not loaded:  # an unreadable style file: keep the symbols the layer has
        return
    if key is not None:  # belt and braces: the key is how every tool finds its layer
        layer.setCustomProperty(LAYER_PROPERTY, key)
    translate_legend(layer)
    show_present_statuses(layer)
    show_present_classes(layer)
    layer.triggerRepaint()


def restyle_objects(layer: QgsVectorLayer) -> None:
    """Reload the object style (every class) and keep only the statuses present again."""
    restyle(layer, OBJECTS_STYLE)


def _label_for(layer: QgsVectorLayer, key: str, synthetic_quakes: bool) -> tuple[str, str]:
    """Layer name and a metadata note: illustrative/synthetic content is named as such."""
    idx = layer.fields().indexFromName("origin")
    origins = set(layer.uniqueValues(idx)) if idx >= 0 else set()
    if synthetic_quakes and key == "quakes":
        origins.add("synthetic")
    marks = sorted({ORIGIN_LABELS[origin] for origin in origins if origin in ORIGIN_LABELS})
    name = tr(LAYER_LOOKS[key].name)
    if not marks:
        return name, ""
    mark = ", ".join(tr(m) for m in marks)
    note = tr("Deze laag bevat {0} gegevens, geen officiële bron.").format(mark)
    return f"{name} ({mark})", note


def styled_layer(source: tuple[str, str], name: str, style: str) -> QgsVectorLayer | None:
    """One store layer from ``(provider, uri)`` with its QML style, or None when QGIS cannot
    open it (the caller decides whether that is worth a message)."""
    provider, uri = source
    layer = QgsVectorLayer(uri, name, provider)
    if not layer.isValid():
        return None
    if not layer.crs().isValid():  # GeoPackage tables without a registered SRS
        layer.setCrs(QgsCoordinateReferenceSystem(RD_NEW))
    message, loaded = layer.loadNamedStyle(resource("styles", style))
    if not loaded:  # the layer still works with QGIS's default symbols
        log(tr("Stijl {0} niet geladen: {1}").format(style, message), level="warning")
    translate_legend(layer)
    show_present_statuses(layer)
    show_present_classes(layer)
    return layer


def add_store_layers(uris: dict, synthetic_quakes: bool = False) -> dict[str, QgsVectorLayer]:
    """Add the store's layers to the project in a fresh group; return them by store key."""
    project = QgsProject.instance()
    root = project.layerTreeRoot()
    old = root.findGroup(GROUP_NAME)
    if old is not None:
        remove_store_layers()
    group = root.insertGroup(0, GROUP_NAME)
    layers: dict[str, QgsVectorLayer] = {}
    for key, look in LAYER_LOOKS.items():
        if key not in uris:
            continue
        layer = styled_layer(uris[key], look.name, look.style)
        if layer is None:
            continue
        label, note = _label_for(layer, key, synthetic_quakes)
        layer.setName(label)
        if note:
            metadata = QgsLayerMetadata(layer.metadata())
            metadata.setAbstract(note)
            metadata.setKeywords({"herkomst": [note]})
            layer.setMetadata(metadata)
        layer.setCustomProperty(LAYER_PROPERTY, key)
        if key == "quakes":
            _make_temporal(layer)
            # a catalogue update may bring a new period: the legend follows
            layer.dataChanged.connect(partial(restyle, layer, QUAKES_STYLE))
        if key == "objects":  # a recompute changes statuses: the legend follows
            block_labels(layer)
            layer.dataChanged.connect(partial(restyle_objects, layer))
        if project.addMapLayer(layer, False) is None:
            continue
        group.addLayer(layer)
        layers[key] = layer
    return layers


def _make_temporal(layer: QgsVectorLayer) -> None:
    """Quakes appear in QGIS's temporal controller by their time."""
    props = layer.temporalProperties()
    props.setMode(Qgis.VectorTemporalMode.FeatureDateTimeInstantFromField)
    props.setStartField("time")
    props.setIsActive(True)


def remove_store_layers() -> None:
    project = QgsProject.instance()
    root = project.layerTreeRoot()
    group = root.findGroup(GROUP_NAME)
    if group is None:
        return
    ids = [node.layerId() for node in group.findLayers()]
    root.removeChildNode(group)
    project.removeMapLayers(ids)
