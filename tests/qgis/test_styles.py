"""The layer styles load on layers of the store's shape and show Dutch legend labels."""

from __future__ import annotations

import pytest
from qgis.core import (
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeature,
    QgsGeometry,
    QgsRenderContext,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDateTime

from domain.rules.status import MAP_STATUSES, status_label
from img_qgis_plugin.paths import resource

AREA_FIELDS = "field=id:integer&field=kind:string&field=name:string&field=origin:string"


def _load(uri: str, style: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(uri, style, "memory")
    assert layer.isValid()
    message, ok = layer.loadNamedStyle(resource("styles", style))
    assert ok, message
    return layer


def _categories(layer):
    return {c.value(): c.label() for c in layer.renderer().categories()}


def test_the_plugin_names_and_styles_exactly_the_store_layers_of_the_domain(qgis_app):
    from domain.store.layers import LAYERS
    from img_qgis_plugin.store_layers import LAYER_LOOKS

    missing, unknown = set(LAYERS) - set(LAYER_LOOKS), set(LAYER_LOOKS) - set(LAYERS)
    assert not missing, f"store layers without a name and style in the plugin: {missing}"
    assert not unknown, f"plugin layers the store does not have: {unknown}"
    for key, look in LAYER_LOOKS.items():
        layer = _load(f"{LAYERS[key].geometry}?crs=EPSG:28992", look.style)
        assert layer.renderer() is not None, key


def test_objects_style_has_every_map_status(qgis_app):
    layer = _load("Point?crs=EPSG:28992&field=id:integer&field=status:string", "objects.qml")
    assert layer.renderer().classAttribute() == "status"
    # the legend names every class of the domain's mapping, in its order and with its labels
    assert [c.value() for c in layer.renderer().categories()] == list(MAP_STATUSES)
    assert _categories(layer) == {s: status_label(s, "nl") for s in MAP_STATUSES}
    assert _categories(layer)["dh_to_check"] == "Duurzaam herstel: na te gaan"
    # colour is not the only carrier: each status has its own marker shape
    categories = layer.renderer().categories()
    shapes = {c.symbol().symbolLayer(0).shape() for c in categories}
    assert len(shapes) == len(MAP_STATUSES)


def test_quakes_style_sizes_by_ml_and_colours_by_period(qgis_app):
    layer = _load(
        "Point?crs=EPSG:28992&field=event_id:string&field=time:datetime&field=ml:double"
        "&field=counting:boolean",
        "quakes.qml",
    )
    renderer = layer.renderer()
    assert '"time"' in renderer.classAttribute()
    assert set(_categories(layer).values()) == {
        "Vóór 2012",
        "2012 – 2017",
        "2018 – 2025",
        "Vanaf 2026",
        "Telt niet (andere bron)",
    }
    categories = renderer.categories()  # keep the copies alive while reading their symbols
    for category in categories:
        assert '"ml"' in category.symbol().dataDefinedSize().expressionString()
    # a 2018 counting quake falls in its period's category
    feature = QgsFeature(layer.fields())
    when = QDateTime.fromString("2018-01-08T14:00:52", "yyyy-MM-ddTHH:mm:ss")
    feature.setAttributes(["knmi2018", when, 3.4, True])
    feature.setGeometry(QgsGeometry.fromWkt("POINT(246000 597000)"))
    assert _period_label(layer, feature) == "2018 – 2025"
    feature.setAttributes(["knmi1994", when.addYears(-24), 2.7, True])
    assert _period_label(layer, feature) == "Vóór 2012"
    feature.setAttributes(["norg2018", when, 1.2, False])
    assert _period_label(layer, feature) == "Telt niet (andere bron)"


def _period_label(layer, feature) -> str:
    renderer = layer.renderer()
    expression_context = QgsExpressionContext()
    expression_context.appendScope(QgsExpressionContextUtils.layerScope(layer))
    expression_context.setFeature(feature)
    context = QgsRenderContext()
    context.setExpressionContext(expression_context)
    renderer.startRender(context, layer.fields())
    try:
        keys = renderer.legendKeysForFeature(feature, context)
    finally:
        renderer.stopRender(context)
    items = {item.ruleKey(): item.label() for item in renderer.legendSymbolItems()}
    return ", ".join(items[key] for key in keys)


@pytest.mark.parametrize(
    ("style", "title"),
    [
        ("effect_area.qml", "Effectgebied"),
        ("subsidence.qml", "Diepe bodemdaling"),
        ("dh_area.qml", "Gebied Duurzaam herstel"),
        ("zone_6km.qml", "Zone van 6 km"),
        ("start_area.qml", "Startgebied"),
    ],
)
def test_area_styles_name_their_origin(qgis_app, style, title):
    layer = _load(f"MultiPolygon?crs=EPSG:28992&{AREA_FIELDS}", style)
    assert layer.renderer().classAttribute() == "origin"
    assert _categories(layer) == {
        "computed": f"{title} (berekend)",
        "imported": f"{title} (ingelezen)",
        "illustrative": f"{title} (illustratief)",
        "": title,
    }


def test_parcels_style_loads(qgis_app):
    layer = _load(
        "MultiPolygon?crs=EPSG:28992&field=id:integer&field=object_id:integer"
        "&field=kadastrale_aanduiding:string",
        "parcels.qml",
    )
    assert list(_categories(layer).values()) == ["Kadastraal perceel"]
    assert layer.hasScaleBasedVisibility()


def _objects_with(statuses):
    layer = QgsVectorLayer(
        "Point?crs=EPSG:28992&field=id:integer&field=status:string", "objects", "memory"
    )
    features = []
    for i, status in enumerate(statuses):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([i, status])
        feature.setGeometry(QgsGeometry.fromWkt(f"POINT({240000 + i} 590000)"))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def test_object_legend_lists_only_statuses_present_in_domain_order(qgis_app):
    from img_qgis_plugin.store_layers import restyle_objects

    layer = _objects_with(["final", "no_claim", "final", "dh_eligible"])
    restyle_objects(layer)
    values = [c.value() for c in layer.renderer().categories()]
    assert values == ["no_claim", "final", "dh_eligible"]  # MAP_STATUSES order, no absentees
    assert [c.label() for c in layer.renderer().categories()] == [
        status_label(s, "nl") for s in values
    ]
    # each kept class keeps its own marker from the style
    assert len({c.symbol().symbolLayer(0).shape() for c in layer.renderer().categories()}) == 3
    # a new status appears (a hand-off started): restyling brings its class back
    feature = QgsFeature(layer.fields())
    feature.setAttributes([9, "handoff_running"])
    feature.setGeometry(QgsGeometry.fromWkt("POINT(240100 590000)"))
    layer.dataProvider().addFeatures([feature])
    restyle_objects(layer)
    assert [c.value() for c in layer.renderer().categories()][-1] == "handoff_running"


# --- one readable scheme on the canvas, like the dossier (issue 15 point 3) ------------------
AREA_STYLES = ("effect_area.qml", "dh_area.qml", "subsidence.qml", "start_area.qml", "zone_6km.qml")


def _area_parts(style: str):
    from qgis.core import QgsLinePatternFillSymbolLayer, QgsSimpleFillSymbolLayer

    layer = _load(f"MultiPolygon?crs=EPSG:28992&{AREA_FIELDS}", style)
    categories = layer.renderer().categories()  # keep the copies alive
    fills, hatches = [], []
    for category in categories:
        symbol = category.symbol()
        for i in range(symbol.symbolLayerCount()):
            part = symbol.symbolLayer(i)
            if isinstance(part, QgsSimpleFillSymbolLayer) and part.brushStyle() != 0:
                fills.append(part.color())
            if isinstance(part, QgsLinePatternFillSymbolLayer):
                hatches.append(part.lineAngle())
    return layer, fills, hatches


def test_only_the_effect_area_is_filled_and_the_hatches_cross(qgis_app):
    parts = {style: _area_parts(style) for style in AREA_STYLES}
    filled = [style for style, (_layer, fills, _h) in parts.items() if fills]
    # overlapping translucent fills mixed into olive: one light fill is left
    assert filled == ["effect_area.qml"]
    assert all(colour.alpha() <= 60 for colour in parts["effect_area.qml"][1])
    dh, subsidence = set(parts["dh_area.qml"][2]), set(parts["subsidence.qml"][2])
    assert len(dh) == len(subsidence) == 1 and dh != subsidence  # opposite directions
    assert (dh.pop() + subsidence.pop()) % 180 == 0
    for style in ("start_area.qml", "zone_6km.qml"):
        assert not parts[style][2]  # outlines only


def test_area_labels_avoid_obstacles_and_show_only_when_mostly_in_view(qgis_app):
    from qgis.core import Qgis, QgsPalLayerSettings

    from img_qgis_plugin.reports.overview_layer import LABEL_PRIORITY

    # a start area's name may sit around the area: three close start areas all get a name
    placements = {
        "start_area.qml": Qgis.LabelPlacement.AroundPoint,
        "subsidence.qml": Qgis.LabelPlacement.Horizontal,
    }
    for style, placement in placements.items():
        layer = _load(f"MultiPolygon?crs=EPSG:28992&{AREA_FIELDS}", style)
        assert layer.labelsEnabled(), style
        settings = layer.labeling().settings()
        assert settings.placement == placement, style
        assert settings.priority < LABEL_PRIORITY  # the overview's labels win
        show = settings.dataDefinedProperties().property(QgsPalLayerSettings.Property.Show)
        assert show.isActive() and "@map_extent" in show.expressionString(), style


def _quakes_with(rows):
    layer = QgsVectorLayer(
        "Point?crs=EPSG:28992&field=event_id:string&field=time:datetime&field=ml:double"
        "&field=counting:boolean",
        "quakes",
        "memory",
    )
    features = []
    for i, (stamp, counting) in enumerate(rows):
        feature = QgsFeature(layer.fields())
        when = QDateTime.fromString(stamp, "yyyy-MM-ddTHH:mm:ss")
        feature.setAttributes([f"q{i}", when, 2.5, counting])
        feature.setGeometry(QgsGeometry.fromWkt(f"POINT({240000 + i} 590000)"))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def test_quake_legend_lists_only_the_periods_present(qgis_app):
    from img_qgis_plugin.store_layers import QUAKES_STYLE, restyle

    layer = _quakes_with([("2011-03-01T10:00:00", True), ("2019-05-22T03:49:00", True)])
    restyle(layer, QUAKES_STYLE)
    assert list(_categories(layer).values()) == ["Vóór 2012", "2018 – 2025"]
    # a quake of 2026 and one of another source arrive: their classes come back, in order
    more = _quakes_with([("2026-02-01T12:00:00", True), ("2020-01-01T00:00:00", False)])
    layer.dataProvider().addFeatures(list(more.getFeatures()))
    restyle(layer, QUAKES_STYLE)
    assert list(_categories(layer).values()) == [
        "Vóór 2012",
        "2018 – 2025",
        "Vanaf 2026",
        "Telt niet (andere bron)",
    ]


def test_restyling_objects_keeps_the_store_key_and_the_label_blocking(qgis_app):
    from img_qgis_plugin.store_layers import LAYER_PROPERTY, block_labels, restyle_objects

    layer = _objects_with(["final", "no_claim"])
    layer.setCustomProperty(LAYER_PROPERTY, "objects")
    block_labels(layer)
    restyle_objects(layer)
    # the style's <customproperties> used to wipe the key every tool finds the layer by
    assert layer.customProperty(LAYER_PROPERTY) == "objects"
    settings = layer.labeling().settings()
    assert layer.labelsEnabled() and not settings.drawLabels
    assert settings.obstacleSettings().isObstacle()
    assert settings.obstacleSettings().factor() == 2.0
    assert [c.value() for c in layer.renderer().categories()] == ["no_claim", "final"]


def _label_rects(layers, extent):
    from qgis.core import QgsMapRendererSequentialJob, QgsMapSettings
    from qgis.PyQt.QtCore import QSize

    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(layers[0].crs())
    settings.setOutputSize(QSize(600, 600))
    settings.setExtent(extent)
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    return [label.labelRect for label in job.takeLabelingResults().allLabels()]


def test_an_area_label_is_not_placed_on_an_object(qgis_app):
    """Rendered: an area labelled where an object sits moves its label off the object once
    the objects block labels (the object hidden under "Startgebied Loppersum")."""
    from qgis.core import QgsPointXY, QgsRectangle

    from img_qgis_plugin.store_layers import block_labels

    areas = QgsVectorLayer(f"MultiPolygon?crs=EPSG:28992&{AREA_FIELDS}", "areas", "memory")
    assert areas.loadNamedStyle(resource("styles", "start_area.qml"))[1]
    area = QgsFeature(areas.fields())
    area.setAttributes([1, "start_area", "Startgebied Loppersum (illustratief)", "illustrative"])
    area.setGeometry(QgsGeometry.fromWkt("POLYGON((0 0, 400 0, 400 200, 0 200, 0 0))"))
    areas.dataProvider().addFeatures([area])
    extent = QgsRectangle(-50, -150, 450, 350)
    (free,) = _label_rects([areas], extent)
    # an object exactly where the label went unobstructed
    objects = _objects_with(["final"])
    spot = free.center()
    objects.dataProvider().changeGeometryValues(
        {next(objects.getFeatures()).id(): QgsGeometry.fromPointXY(QgsPointXY(spot))}
    )
    objects.setCrs(areas.crs())
    assert objects.loadNamedStyle(resource("styles", "objects.qml"))[1]
    assert any(r.contains(spot) for r in _label_rects([objects, areas], extent))  # no blocking
    block_labels(objects)
    rects = _label_rects([objects, areas], extent)
    assert rects and not any(r.contains(spot) for r in rects)
    # at regional scale the objects block nothing: dense clusters would drop every label
    regional = QgsRectangle(-30000, -30000, 30400, 30200)
    (alone,) = _label_rects([areas], regional)
    assert [r.toString(0) for r in _label_rects([objects, areas], regional)] == [alone.toString(0)]
    # the name stays beside its area (within a label's length of the centre)
    assert alone.center().distance(QgsPointXY(200, 100)) < alone.width()
