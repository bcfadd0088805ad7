"""Regional overview as a choropleth: one polygon per municipality with the overview counts.

No official municipal boundaries are in the store, so each municipality is approximated by the
convex hull of its objects (a little buffered) and the layer says so ("benadering"). The counts
are the rows of ``domain.planning.overview.regional_overview``; nothing is counted here.
"""

from __future__ import annotations

import datetime as dt

import shapely
from qgis.core import (
    QgsClassificationQuantile,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsGraduatedSymbolRenderer,
    QgsProject,
    QgsStyle,
    QgsVectorLayer,
)
from sqlalchemy import text

from domain.planning.overview import COLUMNS, regional_overview
from img_qgis_plugin.gui.i18n import tr
from img_qgis_plugin.reports import layout_kit as kit
from img_qgis_plugin.reports.sources import resolve_store
from img_qgis_plugin.store_layers import GROUP_NAME, RD_NEW

HULL_BUFFER_M = 100.0
DEFAULT_COUNT = "never_claimed"
CLASSES = 5
LAYER_PROPERTY = "img_qgis_plugin/report"


def municipality_outlines(store) -> dict[str, object]:
    """Municipality name ("" when unknown) → buffered convex hull of its objects (shapely)."""
    points: dict[str, list] = {}
    with store.engine.connect() as conn:
        for name, x, y in conn.execute(text("SELECT municipality, x, y FROM objects")):
            points.setdefault(name or "", []).append((x, y))
    return {
        name: shapely.MultiPoint(xy).convex_hull.buffer(HULL_BUFFER_M)
        for name, xy in points.items()
    }


def overview_layer(
    source, count: str = DEFAULT_COUNT, as_of: dt.date | None = None, add_to_project: bool = True
) -> QgsVectorLayer:
    """The choropleth layer (memory, EPSG:28992), styled on ``count``, added to the group."""
    if count not in COLUMNS:
        raise ValueError(
            tr("Onbekende telling '{0}'; kies uit: {1}.").format(count, ", ".join(COLUMNS))
        )
    store = resolve_store(source)
    overview = regional_overview(store, by="gemeente", as_of=as_of)
    outlines = municipality_outlines(store)
    known = set(outlines) - {""}
    layer = QgsVectorLayer(
        f"MultiPolygon?crs={RD_NEW}", tr("Regionaal overzicht per gemeente (benadering)"), "memory"
    )
    fields = [QgsField("gemeente", kit.TEXT)]
    fields += [QgsField(column, kit.INT) for column in COLUMNS]
    layer.dataProvider().addAttributes(fields)
    layer.updateFields()
    features = []
    for row in overview.rows:
        outline = outlines.get(row["group"] if row["group"] in known else "")
        if outline is None:
            continue
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(shapely.to_wkt(outline)))
        feature.setAttributes([row["group"]] + [int(row[c]) for c in COLUMNS])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    style_on(layer, count)
    metadata = layer.metadata()
    metadata.setAbstract(
        tr(
            "Benadering: gemeentevlakken zijn de convexe omhullende van de objecten per gemeente, "
            "geen officiële grenzen. Peildatum {0}."
        ).format(overview.as_of.isoformat())
    )
    layer.setMetadata(metadata)
    layer.setCustomProperty(LAYER_PROPERTY, "overview")
    if add_to_project:
        add_to_group(layer)
    return layer


def style_on(layer: QgsVectorLayer, count: str) -> None:
    """Graduated fill on one count, quantile classes, a red ramp; half transparent."""
    renderer = QgsGraduatedSymbolRenderer(count)
    renderer.setClassificationMethod(QgsClassificationQuantile())
    renderer.updateClasses(layer, CLASSES)
    ramp = QgsStyle.defaultStyle().colorRamp("Reds")
    if ramp is not None:
        renderer.updateColorRamp(ramp)
    layer.setRenderer(renderer)
    layer.setOpacity(0.75)


def add_to_group(layer: QgsVectorLayer) -> None:
    project = QgsProject.instance()
    root = project.layerTreeRoot()
    group = root.findGroup(GROUP_NAME) or root.insertGroup(0, GROUP_NAME)
    for node in group.findLayers():  # one overview at a time
        if node.layer() is not None and node.layer().customProperty(LAYER_PROPERTY) == "overview":
            project.removeMapLayer(node.layerId())
    if project.addMapLayer(layer, False) is not None:
        group.addLayer(layer)
