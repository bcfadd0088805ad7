"""The store's layers in QGIS: one group "Mijnbouwschade", Dutch names, styles from resources/.

Layers whose content is illustrative or synthetic say so in their name and in their metadata,
so nobody mistakes a demo polygon for an official boundary.
"""

from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsLayerMetadata,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication

from img_qgis_plugin.paths import resource

GROUP_NAME = "Mijnbouwschade"
RD_NEW = "EPSG:28992"

# store layer key → (Dutch name, style file); drawn top to bottom in this order
LAYERS = (
    ("objects", "Objecten", "objects.qml"),
    ("quakes", "Bevingen", "quakes.qml"),
    ("areas_start_area", "Startgebieden", "start_area.qml"),
    ("parcels", "Percelen", "parcels.qml"),
    ("areas_subsidence", "Diepe bodemdaling", "subsidence.qml"),
    ("areas_dh_area", "Duurzaam herstel-gebied", "dh_area.qml"),
    ("areas_effect_area", "Effectgebied", "effect_area.qml"),
    ("areas_zone_6km", "6 km-zones", "zone_6km.qml"),
)
ORIGIN_LABELS = {"illustrative": "illustratief", "synthetic": "synthetisch"}


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)


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
