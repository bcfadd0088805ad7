"""The "Scenario-beving" map tool on a real demo store: click, dialog values, layer, counts."""

from __future__ import annotations

import datetime as dt

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY, QgsProject
from qgis.PyQt.QtCore import QDate, Qt

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
    assert layer.name() == "Scenario ML 3,6 (2025-01-01)"  # the Dutch decimal comma
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
        layer.name().startswith("Scenario ML 3,0")
        for layer in QgsProject.instance().mapLayers().values()
    )


def _footprint(plugin, ml=3.6, day=dt.date(2025, 1, 1)):
    """The layers of one run as (group, epicentre, contours, objects) from the layer tree."""
    layer, summary = plugin.scenario.run(*EPICENTRE, ml, 3.0, day)
    group = QgsProject.instance().layerTreeRoot().findGroup(GROUP_NAME)
    scenario_group = group.findGroup(
        f"Scenario ML {ml:.1f} ({day.isoformat()})".replace(".", ",", 1)
    )
    assert scenario_group is not None
    layers = [node.layer() for node in scenario_group.findLayers()]
    return scenario_group, layers, layer, summary


def _colours(layer):
    """Fill and stroke colours of every symbol the layer's renderer can draw."""
    from qgis.core import QgsRenderContext

    out = set()
    for symbol in layer.renderer().symbols(QgsRenderContext()):
        for i in range(symbol.symbolLayerCount()):
            sl = symbol.symbolLayer(i)
            for getter in ("fillColor", "strokeColor", "color"):
                colour = getattr(sl, getter)()
                if colour.alpha() > 0:
                    out.add(colour.name())
    return out - {"#ffffff", "#000000", "#9e9e9e"}  # halos and "other" grey are shared


def test_the_scenario_is_a_footprint_of_epicentre_contours_and_objects(plugin, demo_store):
    from qgis.core import QgsWkbTypes

    from domain import policy
    from domain.groundmotion.gmpe import distance_for_pgv
    from domain.store.motion_settings import store_motion_settings

    assert plugin.open_store(str(demo_store))
    _group, layers, objects, _summary = _footprint(plugin)
    epicentre, contours = layers[0], layers[1]
    assert layers[2] is objects  # epicentre and contours drawn above the objects
    assert epicentre.geometryType() == QgsWkbTypes.GeometryType.PointGeometry
    assert contours.geometryType() == QgsWkbTypes.GeometryType.PolygonGeometry
    assert {lyr.crs().authid() for lyr in layers} == {"EPSG:28992"}
    (mark,) = list(epicentre.getFeatures())
    assert mark.geometry().asPoint() == QgsPointXY(*EPICENTRE)

    motion = plugin.controller.wanted_motion() or store_motion_settings(plugin.controller.store)
    rings = {f["threshold_mm_s"]: f for f in contours.getFeatures()}
    assert set(rings) == {2.0, 5.0}
    for threshold, feature in rings.items():
        # the domain's inverse of the ground-motion model, at the policy VS30
        radius = distance_for_pgv(
            3.6,
            3.0,
            policy.pgv_lowest_shown_as(threshold),
            policy.DEFAULT_VS30_M_S,
            motion.ground_motion(),
        )
        assert feature["radius_km"] == pytest.approx(radius)
        geometry = feature.geometry()
        assert geometry.area() == pytest.approx(3.14159265 * (radius * 1000) ** 2, rel=0.005)
        far = max(QgsPointXY(v).distance(QgsPointXY(*EPICENTRE)) for v in geometry.vertices())
        assert far == pytest.approx(radius * 1000, abs=1.0)
        assert "scenario" in feature["label"]
    assert rings[5.0]["radius_km"] < rings[2.0]["radius_km"]
    assert epicentre.labelsEnabled() and contours.labelsEnabled()
    assert "scenario" in mark["label"]

    plugin.scenario.remove_layers()
    assert (
        QgsProject.instance()
        .layerTreeRoot()
        .findGroup(GROUP_NAME)
        .findGroup("Scenario ML 3,6 (2025-01-01)")
        is None
    )


def test_the_scenario_palette_is_not_the_historic_quakes_one(plugin, demo_store):
    from qgis.core import QgsRenderContext, QgsVectorLayer

    from img_qgis_plugin.paths import resource

    assert plugin.open_store(str(demo_store))
    _group, layers, _objects, _summary = _footprint(plugin)
    quakes = QgsVectorLayer("Point?crs=EPSG:28992&field=counting:boolean", "q", "memory")
    ok = quakes.loadNamedStyle(resource("styles", "quakes.qml"))
    assert ok[1]
    historic = _colours(quakes)
    assert len(historic) >= 3
    for layer in layers:
        mine = _colours(layer)
        assert mine and not (mine & historic), layer.name()
    for symbol in layers[1].renderer().symbols(QgsRenderContext()):
        assert symbol.symbolLayer(0).brushStyle() == Qt.BrushStyle.NoBrush  # outlines only
        assert symbol.symbolLayer(0).strokeStyle() == Qt.PenStyle.DashLine


def test_what_changes_table_puts_changed_rows_first_and_sorts_numbers(qgis_app):
    from qgis.PyQt.QtCore import Qt

    from img_qgis_plugin.gui.scenario_dialog import ScenarioChangesDialog

    rows = [("Aa", 0, 0, 0), ("Bb", 9, 0, 0), ("Cc", 0, 0, 0), ("Dd", 10, 2, 1)]
    summary = {
        "totals": {"reopen": 19, "nulmeting": 2, "new_in_effect_area": 1},
        "per_municipality": [
            {"municipality": m, "reopen": r, "nulmeting": n, "new_in_effect_area": e}
            for m, r, n, e in rows
        ],
        "per_pc4": [{"pc4": "9919", "reopen": 1, "nulmeting": 0, "new_in_effect_area": 0}],
    }
    dialog = ScenarioChangesDialog("Scenario ML 3.6 (2025-01-01)", summary)
    try:
        table = dialog.table

        def column(c):
            return [table.item(r, c).text() for r in range(table.rowCount())]

        assert column(0)[:2] == ["Dd", "Bb"]  # changed rows first, most changes first
        assert set(column(0)[2:]) == {"Aa", "Cc"}
        table.sortItems(1, Qt.SortOrder.AscendingOrder)
        assert column(1) == ["0", "0", "9", "10"]  # numbers, not text ("10" < "9")
        table.sortItems(1, Qt.SortOrder.DescendingOrder)
        assert column(0)[:2] == ["Dd", "Bb"]
        dialog.by_combo.setCurrentIndex(dialog.by_combo.findData("per_pc4"))
        assert table.rowCount() == 1 and column(0) == ["9919"]
    finally:
        dialog.deleteLater()


def test_message_bar_opens_the_table_of_the_run(plugin, demo_store):
    assert plugin.open_store(str(demo_store))
    _group, _layers, _objects, summary = _footprint(plugin)
    runner = plugin.scenario
    assert runner.changes_button is not None
    runner.changes_button.click()
    dialog = runner.changes_dialog
    assert dialog is not None and dialog.table.rowCount() == len(summary["per_municipality"])
    shown = {dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())}
    assert shown == {m["municipality"] or "—" for m in summary["per_municipality"]}
    total_column = dialog.table.columnCount() - 1
    totals = [
        dialog.table.item(r, total_column).data(Qt.ItemDataRole.UserRole)
        for r in range(dialog.table.rowCount())
    ]
    assert totals == sorted(totals, reverse=True)
    assert sum(totals) == sum(summary["totals"].values())


def test_layer_names_write_the_magnitude_with_the_readers_decimal_mark(qgis_app):
    from domain.presentation.text_format import magnitude
    from img_qgis_plugin.gui.scenario_tool import layer_name

    assert magnitude(3.2, "nl") == "3,2" and magnitude(3.2, "en") == "3.2"
    assert magnitude(3, "nl") == "3,0"
    assert layer_name(3.2, dt.date(2026, 12, 2)) == "Scenario ML 3,2 (2026-12-02)"


def _style_colours(style: str) -> set[str]:
    """Every colour a store style's classes draw with (fill and outline)."""
    from qgis.core import QgsRenderContext, QgsVectorLayer

    from img_qgis_plugin.paths import resource

    layer = QgsVectorLayer("Point?crs=EPSG:28992&field=status:string", style, "memory")
    assert layer.loadNamedStyle(resource("styles", style))[1]
    out = set()
    for symbol in layer.renderer().symbols(QgsRenderContext()):
        for i in range(symbol.symbolLayerCount()):
            part = symbol.symbolLayer(i)
            out |= {part.fillColor().name(), part.strokeColor().name(), part.color().name()}
    return out


def test_the_epicentre_has_a_colour_of_its_own_and_a_haloed_label(qgis_app):
    from img_qgis_plugin.gui.scenario_tool import (
        CATEGORY_COLOURS,
        EPICENTRE_COLOUR,
        epicentre_layer,
    )

    taken = _style_colours("objects.qml") | _style_colours("quakes.qml")
    taken |= set(CATEGORY_COLOURS.values())
    assert len(taken) > 10  # the styles were read
    assert EPICENTRE_COLOUR.lower() not in taken
    layer = epicentre_layer(*EPICENTRE, 3.2, dt.date(2026, 12, 2))
    assert layer.renderer().symbol().color().name() == EPICENTRE_COLOUR.lower()
    text_format = layer.labeling().settings().format()
    assert text_format.buffer().enabled() and text_format.buffer().size() > 0
    assert list(layer.getFeatures())[0]["label"] == "scenario ML 3,2"


def test_what_changes_dialog_shows_every_column_without_row_numbers(qgis_app, qtbot):
    from qgis.PyQt.QtWidgets import QDialogButtonBox

    from img_qgis_plugin.gui.scenario_dialog import ScenarioChangesDialog

    summary = {
        "totals": {"reopen": 12345, "nulmeting": 2, "new_in_effect_area": 1},
        "per_municipality": [
            {
                "municipality": "Eemsdelta",
                "reopen": 12345,
                "nulmeting": 2,
                "new_in_effect_area": 1,
            }
        ],
    }
    dialog = ScenarioChangesDialog("Scenario ML 3,2 (2026-12-02)", summary)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.table
    assert not table.verticalHeader().isVisible()
    header = table.horizontalHeader()
    last = table.columnCount() - 1
    assert table.horizontalHeaderItem(last).text() == "Totaal"
    # as wide as every column ("Totaal" too) where the screen allows; the old fixed 560 px
    # cut the last column off
    margins = dialog.layout().contentsMargins()
    needed = header.length() + 2 * table.frameWidth() + margins.left() + margins.right()
    screen = dialog.screen().availableGeometry()
    assert needed > 560
    assert dialog.width() >= min(needed, int(screen.width() * 0.9))
    # a table wider than the screen: the dialog stops at 90% of it and the table scrolls
    summary["per_municipality"][0]["municipality"] = "Eemsdelta " * 40
    wide = ScenarioChangesDialog("Scenario ML 3,2 (2026-12-02)", summary)
    qtbot.addWidget(wide)
    screen = wide.screen().availableGeometry()
    assert wide.width() <= int(screen.width() * 0.9) < wide.table.horizontalHeader().length()
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    assert close.text() == "Sluiten"
    assert table.item(0, last).text() == "12.348"  # Dutch thousands
