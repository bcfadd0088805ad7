"""Every dock, dialog and map tool follows the open store: open A, use it, open B (or remove
the store's layers), use it again — no Python error from a stale widget, no rows of A."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from qgis.core import QgsPointXY, QgsProject
from qgis.gui import QgsMapMouseEvent
from qgis.PyQt.QtCore import QEvent, QPoint, Qt
from sqlalchemy import text

import img_qgis_plugin
from domain.demo import build_demo
from domain.planning import visit_list
from img_qgis_plugin.controller import store_change_text
from img_qgis_plugin.store_layers import GROUP_NAME


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    base = tmp_path_factory.mktemp("switch")
    a, b = base / "a.gpkg", base / "b.gpkg"
    build_demo(str(a), objects=400, seed=3)
    build_demo(str(b), objects=300, seed=5)
    return a, b


@pytest.fixture
def plugin(qgis_iface, stores):
    plugin = img_qgis_plugin.classFactory(qgis_iface)
    plugin.initGui()
    assert plugin.open_store(str(stores[0]))
    yield plugin
    plugin.unload()
    QgsProject.instance().clear()


def _start_area_ids(store) -> list[int]:
    with store.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT id FROM areas WHERE kind = 'start_area' ORDER BY name, id")
        ).all()
    return [int(r[0]) for r in rows]


def _remove_store_layers_by_hand() -> None:
    """What a user does in the layer panel: the group's layers deleted from the project."""
    project = QgsProject.instance()
    group = project.layerTreeRoot().findGroup(GROUP_NAME)
    project.removeMapLayers([node.layerId() for node in group.findLayers()])


def _use_dock(plugin) -> None:
    """Make the list of the first start area and click its first row."""
    dock = plugin.start_area_dock
    dock.load(dock.area_combo.itemData(0))
    assert dock.table.rowCount() > 0
    dock.table.selectRow(0)  # the slot selects on the map


def test_clicking_row_one_after_a_switch_raises_nothing(plugin, stores):
    """The reported crash: the list of store A, store B opened, row 1 clicked."""
    plugin.show_start_area_list()
    _use_dock(plugin)
    assert plugin.open_store(str(stores[1]))
    dock = plugin.start_area_dock
    dock.table.clearSelection()
    if dock.table.rowCount():  # only a stale list has rows here; clicking it must not fail
        dock.table.selectRow(0)
    assert dock.table.rowCount() == 0


def test_start_area_dock_rebinds_to_the_new_store(plugin, stores):
    plugin.show_start_area_list()
    dock = plugin.start_area_dock
    _use_dock(plugin)
    assert plugin.open_store(str(stores[1]))
    store_b = plugin.controller.store
    assert dock.table.rowCount() == 0 and dock.visits is None  # no rows of store A
    assert dock.store is store_b
    assert dock.objects_layer is plugin.controller.layers["objects"]
    assert [dock.area_combo.itemData(i) for i in range(dock.area_combo.count())] == (
        _start_area_ids(store_b)
    )
    assert dock.summary.text() == store_change_text("switched")
    _use_dock(plugin)
    area = dock.area_combo.itemData(0)
    assert [r.object_id for r in dock.visits.rows] == [
        r.object_id for r in visit_list(store_b, area).rows
    ]
    chosen = dock.selected_object_ids()
    selected = {int(f["id"]) for f in dock.objects_layer.getSelectedFeatures()}
    assert chosen and selected == chosen


def test_start_area_dock_survives_removed_layers(plugin):
    plugin.show_start_area_list()
    dock = plugin.start_area_dock
    _use_dock(plugin)
    _remove_store_layers_by_hand()
    assert dock.table.rowCount() == 0
    assert dock.objects_layer is None and dock.start_areas_layer is None
    assert dock.summary.text() == store_change_text("layers_removed")
    _use_dock(plugin)  # the list still comes from the open store, without a map to select on


def test_start_area_draw_tool_stops_when_the_store_changes(plugin, stores):
    plugin.show_start_area_list()
    dock = plugin.start_area_dock
    dock.start_drawing()
    canvas = plugin.iface.mapCanvas()
    assert canvas.mapTool() is dock.draw_tool
    assert plugin.open_store(str(stores[1]))
    assert canvas.mapTool() is not dock.draw_tool
    extent = plugin.controller.layers["objects"].extent()
    wkt = (
        f"POLYGON(({extent.xMinimum()} {extent.yMinimum()},{extent.xMaximum()} "
        f"{extent.yMinimum()},{extent.xMaximum()} {extent.yMaximum()},{extent.xMinimum()} "
        f"{extent.yMinimum()}))"
    )
    dock.use_drawn_area(wkt)
    assert dock.visits is not None and dock.store is plugin.controller.store


def test_object_panel_clears_and_says_why(plugin, stores):
    panel = plugin.panel
    with plugin.controller.store.engine.connect() as conn:
        object_id = int(conn.execute(text("SELECT min(id) FROM objects")).scalar())
    assert plugin.show_object(object_id) is not None
    assert panel.view is not None and panel.tabs.isVisibleTo(panel)
    assert plugin.open_store(str(stores[1]))
    assert panel.view is None and not panel.tabs.isVisibleTo(panel)
    assert not panel.dossier_button.isEnabled()
    assert panel.placeholder.text() == store_change_text("switched")
    with plugin.controller.store.engine.connect() as conn:
        other = int(conn.execute(text("SELECT min(id) FROM objects")).scalar())
    assert plugin.show_object(other) is not None
    assert panel.header["id"].text() == str(other)


def test_handoff_dialog_left_open_across_a_switch_saves_nothing(plugin, stores, monkeypatch):
    panel = plugin.panel
    with plugin.controller.store.engine.connect() as conn:
        object_id = int(conn.execute(text("SELECT min(id) FROM objects")).scalar())
    plugin.show_object(object_id)
    emitted = []
    panel.handoff_requested.connect(emitted.append)

    class SwitchingDialog:
        def exec(self):
            assert plugin.open_store(str(stores[1]))  # e.g. a project with another store
            return 1

        def draft(self):
            raise AssertionError("the draft of store A must not reach store B")

        def deleteLater(self):  # noqa: N802
            pass

    monkeypatch.setattr(panel, "make_handoff_dialog", SwitchingDialog)
    panel.open_handoff_dialog()
    assert emitted == []


def test_overview_dialog_forgets_the_old_numbers(plugin, stores, qtbot):
    dialog = plugin.show_regional_overview()
    qtbot.waitUntil(lambda: dialog.layer is not None, timeout=30_000)
    assert dialog.table.rowCount() > 0 and dialog.csv_button.isEnabled()
    assert plugin.open_store(str(stores[1]))
    assert dialog.overview is None and dialog.layer is None
    assert dialog.table.rowCount() == 0 and not dialog.csv_button.isEnabled()
    assert dialog.status.text() == store_change_text("switched")
    dialog.restyle()
    dialog.compute()
    qtbot.waitUntil(lambda: dialog.layer is not None, timeout=30_000)
    assert dialog.overview is not None and dialog.table.rowCount() > 0


def test_overview_count_running_during_a_switch_is_not_shown(plugin, stores, qtbot):
    dialog = plugin.show_regional_overview()  # counting store A in a task
    assert dialog.task is not None
    assert plugin.open_store(str(stores[1]))
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)
    assert dialog.overview is None and dialog.table.rowCount() == 0
    assert dialog.compute_button.isEnabled()


def test_overview_dialog_after_its_layer_was_removed(plugin, qtbot):
    dialog = plugin.show_regional_overview()
    qtbot.waitUntil(lambda: dialog.layer is not None, timeout=30_000)
    _remove_store_layers_by_hand()
    dialog.count_combo.setCurrentIndex((dialog.count_combo.currentIndex() + 1) % 2)
    assert dialog.layer is None


def _fake_update(object_id: int):
    change = SimpleNamespace(
        object_id=object_id,
        address="Straat 1",
        place="Loppersum",
        municipality="Eemsdelta",
        event_id="knmi2025x",
        quake_date=dt.date(2025, 6, 3),
        pgv_mm_s=2.5,
    )
    return SimpleNamespace(
        added=1,
        added_counting=1,
        already_present=0,
        objects_recomputed=1,
        changes=[change],
        group=lambda name: [change] if name == "reopened" else [],
        object_ids=lambda: [object_id],
    )


def test_new_quakes_dock_clears_on_switch_and_on_removed_layers(plugin, stores):
    dock = plugin.catalog_update_dock
    with plugin.controller.store.engine.connect() as conn:
        object_id = int(conn.execute(text("SELECT min(id) FROM objects")).scalar())
    dock.show_update(_fake_update(object_id), plugin.controller)
    assert dock.select_on_map() == 1
    assert plugin.open_store(str(stores[1]))
    assert dock.tree.topLevelItemCount() == 0 and dock.catalog_update is None
    assert not dock.select_button.isEnabled()
    assert dock.summary.text() == store_change_text("switched")
    assert dock.select_on_map([object_id]) == 1  # the new store's objects layer
    # the objects layer removed: the list (an update is not repeated) stays, the map link goes
    dock.show_update(_fake_update(object_id), plugin.controller)
    _remove_store_layers_by_hand()
    assert dock.group_items()["reopened"] == [object_id]
    assert not dock.select_button.isEnabled() and dock.export_button.isEnabled()
    assert dock.summary.text().endswith(store_change_text("layers_removed"))
    assert dock.select_on_map([object_id]) == 0


def _click(canvas):
    return QgsMapMouseEvent(
        canvas,
        QEvent.Type.MouseButtonRelease,
        QPoint(5, 5),
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )


def test_identify_tool_follows_the_store_and_its_layers(plugin, stores):
    tool = plugin.identify_tool
    canvas = plugin.iface.mapCanvas()
    assert plugin.open_store(str(stores[1]))
    assert tool.objects_layer is plugin.controller.layers["objects"]
    assert tool.parcels_layer is plugin.controller.layers.get("parcels")
    _remove_store_layers_by_hand()
    assert tool.objects_layer is None and tool.parcels_layer is None
    tool.canvasReleaseEvent(_click(canvas))  # no deleted layer is asked


def test_scenario_runner_forgets_the_old_layers(plugin, stores):
    runner = plugin.scenario
    extent = plugin.controller.layers["objects"].extent()
    centre = QgsPointXY(extent.center())
    assert runner.run(centre.x(), centre.y(), 3.0, 3.0, dt.date(2026, 1, 5)) is not None
    assert runner.layers
    assert plugin.open_store(str(stores[1]))
    assert runner.layers == []
    assert runner.run(centre.x(), centre.y(), 3.0, 3.0, dt.date(2026, 1, 5)) is not None
    _remove_store_layers_by_hand()
    assert runner.layers == []
    runner.remove_layers()


def test_locator_result_of_the_previous_store_is_not_opened(plugin, stores):
    store_a = plugin.controller.store
    with store_a.engine.connect() as conn:
        object_id = int(conn.execute(text("SELECT min(id) FROM objects")).scalar())
    hits = plugin.search_objects(str(object_id), None, plugin.locator)
    assert hits
    assert plugin.open_store(str(stores[1]))
    plugin.locator.triggerResult(hits[0])
    assert plugin.panel.view is None and plugin.controller.object_id is None
    fresh = plugin.search_objects(str(object_id), None, plugin.locator)
    plugin.locator.triggerResult(fresh[0])
    assert plugin.panel.view is not None


def test_closing_the_store_empties_every_widget_and_says_so(plugin, qtbot):
    plugin.show_start_area_list()
    _use_dock(plugin)
    with plugin.controller.store.engine.connect() as conn:
        object_id = int(conn.execute(text("SELECT min(id) FROM objects")).scalar())
    plugin.show_object(object_id)
    plugin.controller.close_store()
    why = store_change_text("closed")
    dock = plugin.start_area_dock
    assert dock.store is None and dock.table.rowCount() == 0 and dock.summary.text() == why
    assert plugin.panel.view is None and plugin.panel.placeholder.text() == why
    assert plugin.identify_tool.objects_layer is None
    dock.start_drawing()  # no store: nothing starts
    assert plugin.iface.mapCanvas().mapTool() is not dock.draw_tool
    assert plugin.show_regional_overview() is None
