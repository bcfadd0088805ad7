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
