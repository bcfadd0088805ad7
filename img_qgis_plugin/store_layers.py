"""The store's layers in QGIS: one group "Mijnbouwschade", Dutch names, styles from resources/.

Layers whose content is illustrative or synthetic say so in their name and in their metadata,
so nobody mistakes a demo polygon for an official boundary.
"""

from __future__ import annotations

from functools import partial

from qgis.core import (
    Qgis,
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsLayerMetadata,
    QgsProject,
    QgsRendererCategory,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from img_qgis_plugin.paths import resource

GROUP_NAME = "Mijnbouwschade"
RD_NEW = "EPSG:28992"
STATUS_FIELD = "status"
OBJECTS_STYLE = "objects.qml"
#: result layers: drawn above every area fill (and the overview choropleth, which sits
#: between them and the fills)
RESULT_LAYERS = ("objects", "quakes")

# store layer key → (Dutch name, style file); drawn top to bottom in this order: results
# (objects, quakes) first, then the area fills
LAYERS = (
    ("objects", "Objecten", OBJECTS_STYLE),
    ("quakes", "Bevingen", "quakes.qml"),
    ("areas_start_area", "Startgebieden", "start_area.qml"),
    ("parcels", "Percelen", "parcels.qml"),
    ("areas_subsidence", "Diepe bodemdaling", "subsidence.qml"),
    ("areas_dh_area", "Duurzaam herstel-gebied", "dh_area.qml"),
    ("areas_effect_area", "Effectgebied", "effect_area.qml"),
    ("areas_zone_6km", "6 km-zones", "zone_6km.qml"),
)
ORIGIN_LABELS = {"illustrative": "illustratief", "synthetic": "synthetisch"}
#: the layer names and origin marks above, listed so the translation finds them
LAYER_NAMES = (
    QT_TRANSLATE_NOOP("@default", "Objecten"),
    QT_TRANSLATE_NOOP("@default", "Bevingen"),
    QT_TRANSLATE_NOOP("@default", "Startgebieden"),
    QT_TRANSLATE_NOOP("@default", "Percelen"),
    QT_TRANSLATE_NOOP("@default", "Diepe bodemdaling"),
    QT_TRANSLATE_NOOP("@default", "Duurzaam herstel-gebied"),
    QT_TRANSLATE_NOOP("@default", "Effectgebied"),
    QT_TRANSLATE_NOOP("@default", "6 km-zones"),
    QT_TRANSLATE_NOOP("@default", "illustratief"),
    QT_TRANSLATE_NOOP("@default", "synthetisch"),
)


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)


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


def restyle_objects(layer: QgsVectorLayer) -> None:
    """Reload the object style (every class) and keep only the statuses present again."""
    layer.loadNamedStyle(resource("styles", OBJECTS_STYLE))
    show_present_statuses(layer)
    layer.triggerRepaint()


def _label_for(layer: QgsVectorLayer, base: str, synthetic_quakes: bool) -> tuple[str, str]:
    """Layer name and a metadata note: illustrative/synthetic content is named as such."""
    idx = layer.fields().indexFromName("origin")
    origins = set(layer.uniqueValues(idx)) if idx >= 0 else set()
    marks = sorted({ORIGIN_LABELS[o] for o in origins if o in ORIGIN_LABELS})
    if synthetic_quakes and base == "Bevingen":
        marks = sorted(set(marks) | {"synthetisch"})
    if not marks:
        return tr(base), ""
    mark = ", ".join(tr(m) for m in marks)
    note = tr("Deze laag bevat {0} gegevens, geen officiële bron.").format(mark)
    return f"{tr(base)} ({mark})", note


def styled_layer(source: tuple[str, str], name: str, style: str) -> QgsVectorLayer | None:
    """One store layer from ``(provider, uri)`` with its QML style, or None when QGIS cannot
    open it (the caller decides whether that is worth a message)."""
    provider, uri = source
    layer = QgsVectorLayer(uri, name, provider)
    if not layer.isValid():
        return None
    if not layer.crs().isValid():  # GeoPackage tables without a registered SRS
        layer.setCrs(QgsCoordinateReferenceSystem(RD_NEW))
    layer.loadNamedStyle(resource("styles", style))
    translate_legend(layer)
    show_present_statuses(layer)
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
    for key, name, style in LAYERS:
        if key not in uris:
            continue
        layer = styled_layer(uris[key], name, style)
        if layer is None:
            continue
        label, note = _label_for(layer, name, synthetic_quakes)
        layer.setName(label)
        if note:
            metadata = QgsLayerMetadata(layer.metadata())
            metadata.setAbstract(note)
            metadata.setKeywords({"herkomst": [note]})
            layer.setMetadata(metadata)
        layer.setCustomProperty("img_qgis_plugin/layer", key)
        if key == "quakes":
            _make_temporal(layer)
        if key == "objects":  # a recompute changes statuses: the legend follows
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
