"""*Nieuwe bevingen ophalen* in QGIS: a task on a demo store with a local catalogue file, ending
in a dock that lists the objects per group, selects them on the map and exports them."""

from __future__ import annotations

import pytest
from qgis.core import QgsProject
from sqlalchemy import text

import img_qgis_plugin
from domain.demo import build_demo
from domain.store.catalog_update_report import changes_header
from img_qgis_plugin.gui.i18n import ui_language

HEADER = "event_id,place,time,ml,depth_km,rd_x,rd_y,field"


@pytest.fixture
def plugin(qgis_iface, tmp_path):
    path = tmp_path / "demo.gpkg"
    build_demo(str(path), objects=300, seed=5)
    plugin = img_qgis_plugin.classFactory(qgis_iface)
    plugin.initGui()
    assert plugin.open_store(str(path))
    yield plugin
    plugin.unload()
    QgsProject.instance().clear()


def _decided_object(store) -> tuple[int, float, float]:
    """A finally decided object no decision after 2025 reopened yet."""
    with store.engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT o.id, o.x, o.y FROM objects o WHERE o.status = 'final' AND NOT EXISTS "
                "(SELECT 1 FROM claims c WHERE c.object_id = o.id AND c.decided >= '2025-01-01') "
                "ORDER BY o.id"
            )
        ).first()
    assert row is not None
    return int(row[0]), float(row[1]), float(row[2])


def test_new_quakes_from_a_file_end_in_a_selectable_exportable_list(plugin, qtbot, tmp_path):
    assert "new_quakes" in plugin.actions
    controller = plugin.controller
    object_id, x, y = _decided_object(controller.store)
    catalogue = tmp_path / "nacht.csv"
    catalogue.write_text(
        f"{HEADER}\nknmi2025qgis,test,2025-06-03T01:00:00,2.6,3.0,{x:.0f},{y:.0f},Groningen\n",
        encoding="utf-8",
    )
    task = plugin.catalog_update.run(path=str(catalogue))
    assert task is not None
    qtbot.waitUntil(lambda: plugin.catalog_update.task is None, timeout=60_000)
    dock = plugin.catalog_update_dock
    result = plugin.catalog_update.last
    assert result is not None and result.added == 1, "the task did not finish"
    assert not dock.isHidden()
    listed = dock.group_items()
    assert list(listed) == ["reopened", "new_effect_area", "new_dh_count"]
    assert object_id in listed["reopened"]
    assert "1" in dock.summary.text()

    # select one group on the map: the objects layer holds exactly those objects selected
    layer = controller.layers["objects"]
    dock.tree.topLevelItem(0).setSelected(True)
    assert dock.select_on_map() == len(listed["reopened"])
    selected = {int(f["id"]) for f in layer.selectedFeatures()}
    assert selected == set(listed["reopened"])

    target = tmp_path / "nacht_export.csv"
    assert dock.export_csv(str(target)) == str(target)
    rows = target.read_text(encoding="utf-8-sig").splitlines()
    assert rows[0].split(";") == changes_header(ui_language())  # the interface's language
    assert any(f";{object_id};" in r and ";knmi2025qgis;" in r for r in rows[1:])

    # the map status was recomputed: the layer reads it from the store
    with controller.store.engine.connect() as conn:
        status = conn.execute(
            text("SELECT status FROM objects WHERE id = :i"), {"i": object_id}
        ).scalar()
    feature = next(layer.getFeatures(f'"id" = {object_id}'))
    assert feature["status"] == status != "final"


def test_a_bad_file_leaves_the_store_and_shows_no_list(plugin, qtbot, tmp_path):
    controller = plugin.controller
    with controller.store.engine.connect() as conn:
        before = conn.execute(text("SELECT COUNT(*) FROM quakes")).scalar()
    bad = tmp_path / "kapot.csv"
    bad.write_text(f"{HEADER}\nknmi2025bad,test,2025-06-03T01:00:00,twee,3.0,1,2,Groningen\n")
    plugin.catalog_update.run(path=str(bad))
    qtbot.waitUntil(lambda: plugin.catalog_update.task is None, timeout=60_000)
    assert plugin.catalog_update.last is None
    assert plugin.catalog_update_dock.isHidden()
    with controller.store.engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM quakes")).scalar() == before
