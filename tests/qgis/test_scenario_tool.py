"""The "Scenario-beving" map tool on a real demo store: click, dialog values, layer, counts."""

from __future__ import annotations

import datetime as dt

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY, QgsProject
from qgis.PyQt.QtCore import QDate

import img_qgis_plugin
from domain.demo import build_demo
from domain.store import open_store
from domain.store.scenario import run_scenario
from img_qgis_plugin.gui.scenario_dialog import ScenarioDialog
from img_qgis_plugin.gui.scenario_tool import counts_text, to_rd
from img_qgis_plugin.store_layers import GROUP_NAME

EPICENTRE = (240000.0, 590000.0)


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("scenario") / "demo.gpkg"
    build_demo(str(path), objects=500, seed=4)
    return path


@pytest.fixture
def plugin(qgis_iface, demo_store):
    plugin = img_qgis_plugin.classFactory(qgis_iface)
    plugin.initGui()
    yield plugin
    plugin.unload()
    QgsProject.instance().clear()


def test_dialog_defaults_are_ml_3_depth_3_km_and_today(qgis_app):
    dialog = ScenarioDialog(*EPICENTRE)
    try:
        assert dialog.values() == (3.0, 3.0, dt.date.today())
        assert "240000, 590000" in dialog.epicentreLabel.text()
        dialog.set_values(3.6, 2.5, dt.date(2025, 1, 1))
        assert dialog.values() == (3.6, 2.5, dt.date(2025, 1, 1))
        dialog.dateEdit.setDate(QDate(2024, 2, 29))
        assert dialog.values()[2] == dt.date(2024, 2, 29)
    finally:
        dialog.deleteLater()


def test_tool_action_is_registered_and_needs_an_open_store(plugin):
    action = plugin.actions["scenario"]
    assert action.text() == "Scenario-beving"
    assert action in plugin.toolbar.actions()
    plugin.activate_scenario_tool()
    assert not action.isChecked()
    assert plugin.iface.mapCanvas().mapTool() is not plugin.scenario_tool
    assert plugin.scenario.run(*EPICENTRE, 3.0, 3.0, dt.date(2025, 1, 1)) is None


def test_click_adds_a_layer_in_the_group_with_the_store_counts(plugin, demo_store):
    assert plugin.open_store(str(demo_store))
    plugin.activate_scenario_tool()
    assert plugin.iface.mapCanvas().mapTool() is plugin.scenario_tool
    day = dt.date(2025, 1, 1)
    layer, summary = plugin.scenario.run(*EPICENTRE, 3.6, 3.0, day)

    group = QgsProject.instance().layerTreeRoot().findGroup(GROUP_NAME)
    assert group.findLayer(layer.id()) is not None
    assert layer.name() == "Scenario ML 3.6 (2025-01-01)"
    assert layer.crs().authid() == "EPSG:28992"
    assert layer.renderer().type() == "categorizedSymbol"
    assert {c.value() for c in layer.renderer().categories()} == {
        "reopen",
        "nulmeting",
        "new_in_effect_area",
        "other",
    }

    with open_store(str(demo_store)) as store:
        expected = run_scenario(store, *EPICENTRE, 3.6, 3.0, day)
    assert summary["totals"] == expected["totals"]
    assert summary["per_municipality"] == expected["per_municipality"]
    features = list(layer.getFeatures())
    assert layer.featureCount() == summary["affected"] > 0
    assert sum(bool(f["reopen"]) for f in features) == expected["totals"]["reopen"]
    # the category is the strongest consequence: reopen before nulmeting before new area
    for f in features:
        if f["reopen"]:
            assert f["category"] == "reopen"
        elif f["nulmeting"]:
            assert f["category"] == "nulmeting"
        elif f["new_in_effect_area"]:
            assert f["category"] == "new_in_effect_area"
        else:
            assert f["category"] == "other"
    text = counts_text(summary)
    assert f"Heropenen: {expected['totals']['reopen']}," in text
    assert len(text.splitlines()) == 1 + len(expected["per_municipality"])


def test_a_weak_far_quake_gives_an_empty_layer(plugin, demo_store):
    assert plugin.open_store(str(demo_store))
    layer, summary = plugin.scenario.run(120000.0, 480000.0, 2.0, 3.0, dt.date(2025, 1, 1))
    assert layer.featureCount() == 0 and summary["totals"]["nulmeting"] == 0


def test_a_click_in_wgs84_reaches_the_handler_in_rd(plugin, demo_store, monkeypatch):
    assert plugin.open_store(str(demo_store))
    canvas = plugin.iface.mapCanvas()
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    canvas.setDestinationCrs(wgs84)
    rd = QgsPointXY(*EPICENTRE)
    from qgis.core import QgsCoordinateTransform

    clicked = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:28992"), wgs84, QgsProject.instance()
    ).transform(rd)
    back = to_rd(clicked, wgs84)
    assert abs(back.x() - rd.x()) < 0.01 and abs(back.y() - rd.y()) < 0.01

    # the modal exec is replaced by "the person typed these values and pressed OK"
    def answer(dialog):
        dialog.set_values(3.0, 3.0, dt.date(2025, 1, 1))
        return True

    monkeypatch.setattr(ScenarioDialog, "exec", answer)
    received = []
    plugin.scenario_tool.epicentre_clicked.connect(lambda x, y: received.append((x, y)))
    plugin.scenario_tool.canvasClicked.emit(clicked, 1)
    assert len(received) == 1
    assert received[0] == pytest.approx(EPICENTRE, abs=0.01)
    assert any(
        layer.name().startswith("Scenario ML 3.0")
        for layer in QgsProject.instance().mapLayers().values()
    )
