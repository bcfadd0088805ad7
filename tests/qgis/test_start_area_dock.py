"""The door-to-door list in QGIS: filters, selection in step with the map, exports."""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import QgsProject

import img_qgis_plugin
from domain.demo import build_demo
from domain.planning import visit_list


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("visits") / "demo.gpkg"
    build_demo(str(path), objects=600, seed=3)
    return path


@pytest.fixture
def dock(qgis_iface, demo_store):
    plugin = img_qgis_plugin.classFactory(qgis_iface)
    plugin.initGui()
    assert plugin.open_store(str(demo_store))
    plugin.show_start_area_list()
    yield plugin.start_area_dock
    plugin.unload()
    QgsProject.instance().clear()


def test_list_matches_the_domain_and_filters_by_situation(dock):
    assert not dock.isHidden() and dock.area_combo.count() == 3
    area_id = dock.area_combo.itemData(0)
    dock.load(area_id)
    expected = visit_list(dock.store, area_id)
    assert dock.table.rowCount() == len(expected.rows) > 0
    assert dock.table.item(0, 0).text() == "1"
    assert "km" in dock.summary.text()
    counts = {}
    for row in expected.rows:
        for code in row.situation_codes:
            counts[code] = counts.get(code, 0) + 1
    code = next(c for c, n in sorted(counts.items()) if n < len(expected.rows))
    dock.load(area_id, [code])
    filtered = dock.visits.rows
    assert dock.table.rowCount() == len(filtered) == counts[code]
    assert all(code in row.situation_codes for row in filtered)


def test_selecting_a_start_area_on_the_map_picks_it_and_lists_it(dock):
    areas = dock.start_areas_layer
    assert areas is not None
    last = dock.area_combo.itemData(dock.area_combo.count() - 1)
    areas.selectByExpression(f'"id" = {int(last)}')
    assert dock.area_combo.currentData() == last
    assert [r.object_id for r in dock.visits.rows] == [
        r.object_id for r in visit_list(dock.store, last).rows
    ]
    # two areas at once is no choice: the list stays as it was
    first = dock.area_combo.itemData(0)
    areas.selectByExpression(f'"id" IN ({int(first)}, {int(last)})')
    assert dock.area_combo.currentData() == last


def test_selection_follows_from_list_to_map_and_back(dock):
    dock.load(dock.area_combo.itemData(0))
    dock.table.selectRow(2)
    chosen = dock.selected_object_ids()
    layer = dock.objects_layer
    assert {int(f["id"]) for f in layer.getSelectedFeatures()} == chosen
    other = int(dock.table.item(5, 0).data(0x0100))
    layer.selectByExpression(f'"id" = {other}')
    assert dock.selected_object_ids() == {other}


def test_exports_write_csv_xlsx_and_route(dock, tmp_path):
    dock.load(dock.area_combo.itemData(1))
    csv = dock.export("csv", str(tmp_path / "lijst.csv"))
    assert Path(csv).read_bytes()[:3] == b"\xef\xbb\xbf"
    assert (tmp_path / "lijst.csv").read_text(encoding="utf-8-sig").count(
        "\n"
    ) > dock.table.rowCount()
    assert dock.export("xlsx", str(tmp_path / "lijst.xlsx")).endswith(".xlsx")
    from domain.geopackage import list_layers

    route = dock.export("gpkg", str(tmp_path / "route.gpkg"))
    assert len(list_layers(route)) == 2
