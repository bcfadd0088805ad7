"""The plugin on a real demo GeoPackage: layers, panel, search, hand-off, concurrent change."""

from __future__ import annotations

import pytest
from qgis.core import QgsProject

import img_qgis_plugin
from domain.demo import build_demo
from domain.rules.handoff import HandOffDraft
from img_qgis_plugin.controller import result_object_id
from img_qgis_plugin.store_layers import GROUP_NAME


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.gpkg"
    summary = build_demo(str(path), objects=600, seed=3)
    return path, summary


@pytest.fixture
def plugin(qgis_iface, demo_store):
    plugin = img_qgis_plugin.classFactory(qgis_iface)
    plugin.initGui()
    assert plugin.open_store(str(demo_store[0]))
    yield plugin
    plugin.unload()
    QgsProject.instance().clear()


def _samples(demo_store):
    summary = demo_store[1]
    samples = (
        summary.sample_object_ids
        if hasattr(summary, "sample_object_ids")
        else summary["sample_object_ids"]
    )
    return samples


def test_open_store_adds_styled_layers_in_one_group_and_names_illustrative_ones(plugin):
    group = QgsProject.instance().layerTreeRoot().findGroup(GROUP_NAME)
    names = [node.name() for node in group.findLayers()]
    assert names[0] == "Objecten"
    assert any(n.startswith("Bevingen") and "synthetisch" in n for n in names)
    assert any(n.startswith("Diepe bodemdaling") and "illustratief" in n for n in names)
    objects = plugin.controller.layers["objects"]
    assert objects.isValid() and objects.featureCount() == 600
    assert objects.crs().authid() == "EPSG:28992"
    assert objects.renderer().type() == "categorizedSymbol"
    quakes = plugin.controller.layers["quakes"]
    assert quakes.temporalProperties().isActive()
    stored = QgsProject.instance().readEntry("img_qgis_plugin", "store", "")[0]
    assert stored == str(plugin.controller.where)


def test_show_object_fills_panel_with_id_claims_and_verdicts(plugin, demo_store):
    object_id = _samples(demo_store)["overdue_claim"]
    view = plugin.show_object(object_id)
    panel = plugin.panel
    assert panel.header["id"].text() == str(object_id)
    assert panel.claim_table.rowCount() == len(view["claims"]) > 0
    assert any(c["overdue"] for c in view["claims"])
    assert view["verdicts"]["deadlines"]["overdue"] is True
    # the read of personal data is audited
    from domain.store import open_store

    with open_store(str(demo_store[0])) as store:
        assert store.info()["counts"]["audit_log"] >= 1


def test_reopened_object_names_the_quake_that_reopens_it(plugin, demo_store):
    object_id = _samples(demo_store)["reopened_after_final"]
    view = plugin.show_object(object_id)
    verdict = view["verdicts"]["new_claim"]
    assert verdict["eligible"] is True and verdict["reopening_events"]
    reopening = set(verdict["reopening_events"])
    quakes = {q["event_id"]: q for q in view["quakes"]}
    assert all(quakes[e]["pgv_mm_s"] > 5 for e in reopening)


def test_locator_search_finds_object_by_postcode_and_number_and_opens_it(plugin, demo_store):
    object_id = _samples(demo_store)["never_claimed"]
    record = plugin.controller.store.read_object(object_id)
    address = record.addresses[0]
    query = f"{address.postcode[:4]} {address.postcode[4:]} {address.house_number}"
    results = plugin.search_objects(query, None, plugin.locator)
    ids = [result_object_id(r) for r in results]
    assert object_id in ids
    plugin.locator.triggerResult(results[ids.index(object_id)])
    assert plugin.panel.header["id"].text() == str(object_id)


def test_handoff_saved_and_concurrent_status_change_refused(plugin, demo_store):
    object_id = _samples(demo_store)["never_claimed"]
    plugin.show_object(object_id)
    draft = HandOffDraft(
        object_id=str(object_id),
        target="IVS",
        submitter="gemeente",
        reason_category="proces_vastgelopen",
        narrative="Herstel en versterking lopen door elkaar; bewoners zitten al twee jaar vast.",
        resident_consent=True,
    )
    plugin.panel.handoff_requested.emit(draft)
    handoffs = plugin.controller.store.read_object(object_id).handoffs
    assert len(handoffs) == 1 and handoffs[0].target == "IVS"
    first = handoffs[0]
    plugin.panel.handoff_status_requested.emit(first.id, first.version, "submitted")
    after = plugin.controller.store.read_object(object_id).handoffs[0]
    assert after.status == "submitted" and after.version == first.version + 1
    # a second user still holding the old version is refused; nothing is overwritten
    plugin.panel.handoff_status_requested.emit(first.id, first.version, "returned")
    final = plugin.controller.store.read_object(object_id).handoffs[0]
    assert final.status == "submitted" and final.version == after.version
    assert [h.status for h in final.history][-1] == "submitted"


def _keys(group):
    return [node.layer().customProperty("img_qgis_plugin/layer") for node in group.findLayers()]


def test_results_sit_above_the_area_fills_and_the_overview_above_every_plugin_layer(plugin):
    from img_qgis_plugin.reports.overview_layer import LAYER_PROPERTY, overview_layer

    group = QgsProject.instance().layerTreeRoot().findGroup(GROUP_NAME)
    keys = _keys(group)
    assert keys[:2] == ["objects", "quakes"]
    fills = [k for k in keys if k.startswith("areas_") or k == "parcels"]
    assert fills and keys[2:] == fills
    layer = overview_layer(plugin, "objects")
    nodes = group.findLayers()
    kinds = [
        n.layer().customProperty(LAYER_PROPERTY)
        or n.layer().customProperty("img_qgis_plugin/layer")
        for n in nodes
    ]
    # drawn top to bottom: the choropleth the planner asked for (results on top, so objects
    # and quake circles do not cover it), then objects, quakes and every fill as before
    assert nodes[0].layerId() == layer.id()
    assert kinds == ["overview", "objects", "quakes", *fills]
    assert layer.labeling().settings().priority == 10


def test_a_recompute_restyles_objects_without_losing_their_key_or_label_blocking(plugin):
    objects = plugin.controller.layers["objects"]
    settings = objects.labeling().settings()
    assert not settings.drawLabels and settings.obstacleSettings().isObstacle()
    objects.dataChanged.emit()  # what a recompute of the statuses signals
    assert objects.customProperty("img_qgis_plugin/layer") == "objects"
    settings = objects.labeling().settings()
    assert objects.labelsEnabled() and settings.obstacleSettings().isObstacle()
    # the legend is the present classes, in the interface language, again
    idx = objects.fields().indexFromName("status")
    present = {str(v) for v in objects.uniqueValues(idx)}
    assert {c.value() for c in objects.renderer().categories()} == present
    quakes = plugin.controller.layers["quakes"]
    assert "Vanaf 2026" not in {c.label() for c in quakes.renderer().categories()}


def test_object_legend_has_a_class_for_each_status_the_store_holds_and_no_other(plugin):
    from sqlalchemy import text

    from domain.rules.status import MAP_STATUSES, status_label

    with plugin.controller.store.engine.connect() as conn:
        held = {r[0] for r in conn.execute(text("SELECT DISTINCT status FROM objects"))}
    categories = plugin.controller.layers["objects"].renderer().categories()
    assert [c.value() for c in categories] == [s for s in MAP_STATUSES if s in held]
    assert [c.label() for c in categories] == [status_label(c.value(), "nl") for c in categories]


def test_toolbar_actions_have_distinct_icons(plugin):
    from qgis.PyQt.QtCore import QBuffer, QByteArray

    def png(action):
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QBuffer.OpenModeFlag.WriteOnly)
        assert action.icon().pixmap(32, 32).save(buffer, "PNG")
        return bytes(data)

    on_toolbar = plugin.toolbar.actions()
    assert len(on_toolbar) >= 4
    images = [png(a) for a in on_toolbar]
    assert len(set(images)) == len(images)
    # the menu-only actions too: no two actions look alike
    every = [png(a) for a in plugin.actions.values()]
    assert len(set(every)) == len(every)


def test_panel_writes_postcodes_as_9919_ak(plugin, demo_store):
    import re

    view = plugin.show_object(_samples(demo_store)["overdue_claim"])
    addresses = view["object"]["addresses"]
    assert addresses
    for address in addresses:
        assert re.search(r"\b\d{4} [A-Z]{2}\b", address), address
        assert not re.search(r"\b\d{4}[A-Z]{2}\b", address), address
