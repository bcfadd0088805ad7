"""The scenario quake in the regional overview: layer fields, table, CSV and the follow-up button."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from qgis.core import QgsProject

import img_qgis_plugin
from domain.demo import build_demo
from domain.planning.overview import COLUMNS, ScenarioQuake, regional_overview

DAY = dt.date(2026, 6, 1)
QUAKE = ScenarioQuake(x=240000.0, y=590000.0, ml=3.6, date=DAY, depth_km=3.0)


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("overview") / "demo.gpkg"
    build_demo(str(path), objects=600, seed=3)
    return path


@pytest.fixture
def plugin(qgis_iface, demo_store):
    plugin = img_qgis_plugin.classFactory(qgis_iface)
    plugin.initGui()
    assert plugin.open_store(str(demo_store))
    yield plugin
    plugin.unload()
    QgsProject.instance().clear()


@pytest.fixture
def direct(plugin):
    """The overview computed straight from the store, without any of the adapter."""
    return regional_overview(plugin.controller.store, by="gemeente", scenario=QUAKE)


def delta_of(direct, group: str) -> dict:
    found = [row for row in direct.delta if row["group"] == group]
    return found[0] if found else {c: 0 for c in COLUMNS}


def test_layer_carries_before_after_and_change_per_municipality(plugin, direct):
    from img_qgis_plugin.reports.overview_layer import overview_layer

    layer = overview_layer(plugin, "delta_may_claim_again", scenario=QUAKE)
    names = layer.fields().names()
    for c in COLUMNS:
        assert {c, f"after_{c}", f"delta_{c}"} <= set(names)
    features = {f["gemeente"]: f for f in layer.getFeatures()}
    assert set(features) == {row["group"] for row in direct.rows}
    changed = {row["group"] for row in direct.delta}
    assert changed and set(features) - changed  # both kinds of municipality are in the demo
    after = {row["group"]: row for row in direct.after}
    for row in direct.rows:
        feature = features[row["group"]]
        expected = delta_of(direct, row["group"])
        for c in COLUMNS:
            assert feature[c] == row[c]
            assert feature[f"after_{c}"] == after[row["group"]][c]
            assert feature[f"delta_{c}"] == expected[c] == after[row["group"]][c] - row[c]
        if row["group"] not in changed:
            assert all(feature[f"delta_{c}"] == 0 for c in COLUMNS)
    # a quake only adds shaking: nobody loses the right to claim again, somebody gains it
    assert sum(f["delta_may_claim_again"] for f in features.values()) > 0
    assert sum(f["delta_objects"] for f in features.values()) == 0
    assert layer.renderer().classAttribute() == "delta_may_claim_again"
    # the short name says which quake; the full title (the layer's tooltip) says it in words
    assert layer.name().startswith("Gemeenten (benadering) ML 3,6: ")
    assert "scenario ML 3,6" in layer.metadata().title()
    assert layer.attributeAlias(names.index("delta_may_claim_again")) == (
        "Mag opnieuw melden – verandering"
    )


def test_change_fields_exist_only_with_a_scenario(plugin):
    from img_qgis_plugin.reports.overview_layer import overview_layer

    plain = overview_layer(plugin, "overdue", as_of=DAY)
    assert plain.fields().names() == ["gemeente", *COLUMNS]
    with pytest.raises(ValueError, match="delta_overdue"):
        overview_layer(plugin, "delta_overdue", as_of=DAY)


def test_dialog_counts_in_a_task_and_shows_table_layer_and_csv(plugin, direct, qtbot, tmp_path):
    dialog = plugin.show_regional_overview(scenario=QUAKE)
    assert dialog.scenario() == QUAKE
    qtbot.waitUntil(lambda: dialog.layer is not None, timeout=30_000)
    assert dialog.count_combo.currentData() == "delta_may_claim_again"
    assert dialog.layer.renderer().classAttribute() == "delta_may_claim_again"

    headers = [
        dialog.table.horizontalHeaderItem(i).text() for i in range(dialog.table.columnCount())
    ]
    assert headers[:4] == [
        "Gemeente",
        "Objecten",
        "Objecten – na scenario",
        "Objecten – verandering",
    ]
    assert len(headers) == 1 + 3 * len(COLUMNS)
    column = headers.index("Mag opnieuw melden – verandering")
    cells = {
        dialog.table.item(r, 0).text(): dialog.table.item(r, column).text()
        for r in range(dialog.table.rowCount())
    }
    for row in direct.rows:
        change = delta_of(direct, row["group"])["may_claim_again"]
        assert cells[row["group"]] == (f"+{change}" if change > 0 else str(change))
    assert cells["Totaal"] == f"+{direct.delta_totals['may_claim_again']}"

    path = dialog.export_csv(str(tmp_path / "overzicht.csv"))
    with open(path, encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f, delimiter=";"))
    assert table[0] == headers
    assert len(table) == 1 + len(direct.rows)  # the total is for the screen only
    by_group = {line[0]: line for line in table[1:]}
    for row in direct.rows:
        change = delta_of(direct, row["group"])
        line = by_group[row["group"]]
        for c in COLUMNS:
            assert int(line[headers.index(f"{dialog_label(c)} – verandering")]) == change[c]

    # colouring on another change restyles the same layer without counting again
    layer_id = dialog.layer.id()
    dialog.count_combo.setCurrentIndex(dialog.count_combo.findData("delta_in_effect_area"))
    assert dialog.layer.id() == layer_id
    assert dialog.layer.renderer().classAttribute() == "delta_in_effect_area"


def dialog_label(column: str) -> str:
    from domain.i18n import tr

    return tr(f"ov.col.{column}", "nl")


def test_without_scenario_the_table_has_one_column_per_count(plugin, qtbot):
    dialog = plugin.show_regional_overview()
    assert dialog.scenario() is None
    qtbot.waitUntil(lambda: dialog.layer is not None, timeout=30_000)
    assert dialog.table.columnCount() == 1 + len(COLUMNS)
    assert dialog.layer.fields().names() == ["gemeente", *COLUMNS]
    assert dialog.count_combo.count() == len(COLUMNS)


def test_scenario_tool_offers_the_overview_with_the_quake_filled_in(plugin, qtbot):
    runner = plugin.scenario
    layer, _ = runner.run(QUAKE.x, QUAKE.y, QUAKE.ml, QUAKE.depth_km, QUAKE.date)
    assert runner.last_scenario == QUAKE
    button = runner.overview_button
    assert button is not None and button.text() == "Gevolgen in regionaal overzicht"
    button.click()
    dialog = plugin.overview_dialog
    assert dialog is not None and dialog.scenario() == QUAKE
    qtbot.waitUntil(lambda: dialog.layer is not None, timeout=30_000)
    direct = regional_overview(plugin.controller.store, scenario=QUAKE)
    features = {f["gemeente"]: f for f in dialog.layer.getFeatures()}
    for row in direct.rows:
        assert (
            features[row["group"]]["delta_may_claim_again"]
            == (delta_of(direct, row["group"])["may_claim_again"])
        )


def test_a_fresh_overview_has_the_last_quake_ready_but_not_chosen(plugin):
    plugin.scenario.run(QUAKE.x, QUAKE.y, 3.1, 2.5, QUAKE.date)
    dialog = plugin.show_regional_overview(False)  # as the menu action calls it (checked=False)
    assert dialog.scenario() is None
    dialog.scenario_box.setChecked(True)
    assert dialog.scenario() == ScenarioQuake(QUAKE.x, QUAKE.y, 3.1, QUAKE.date, 2.5)


def test_per_pc4_the_dialog_counts_postcode_areas_with_their_change(plugin, qtbot, tmp_path):
    import shapely
    from sqlalchemy import text

    direct = regional_overview(plugin.controller.store, by="pc4", scenario=QUAKE)
    dialog = plugin.show_regional_overview(scenario=QUAKE)
    qtbot.waitUntil(lambda: dialog.layer is not None, timeout=30_000)
    first_layer = dialog.layer
    dialog.by_combo.setCurrentIndex(dialog.by_combo.findData("pc4"))
    dialog.compute()
    qtbot.waitUntil(lambda: dialog.layer is not first_layer, timeout=30_000)
    layer = dialog.layer
    assert layer.fields().names()[0] == "pc4" and "PC4" in layer.name()
    features = {f["pc4"]: f for f in layer.getFeatures()}
    assert set(features) == {row["group"] for row in direct.rows}
    assert len(features) > 5  # more postcode areas than municipalities in the demo
    for row in direct.rows:
        change = delta_of(direct, row["group"])
        assert features[row["group"]]["never_claimed"] == row["never_claimed"]
        assert features[row["group"]]["delta_may_claim_again"] == change["may_claim_again"]
    # each outline holds every object of its postcode area
    with plugin.controller.store.engine.connect() as conn:
        some = conn.execute(text("SELECT pc4, x, y FROM objects WHERE pc4 IS NOT NULL LIMIT 50"))
        for pc4, x, y in some:
            outline = shapely.from_wkt(features[pc4].geometry().asWkt())
            assert outline.contains(shapely.Point(x, y)), pc4
    header = dialog.table.horizontalHeaderItem(0).text()
    assert header == "PC4" or "postcode" in header.lower()
    path = dialog.export_csv(str(tmp_path / "pc4.csv"))
    with open(path, encoding="utf-8-sig", newline="") as f:
        assert len(list(csv.reader(f, delimiter=";"))) == 1 + len(direct.rows)


# --- official boundaries (issue 15 point 2) --------------------------------------------------
@pytest.fixture(scope="module")
def bounded_store(tmp_path_factory):
    """A demo store with boundaries imported: SYNTHETIC geometry in the real CBS/PDOK layouts
    (tests/support/boundary_files.py)."""
    from domain.importers.boundaries import import_boundaries
    from domain.store import open_store
    from tests.support.boundary_files import write_gebiedsindelingen, write_pc4

    folder = tmp_path_factory.mktemp("bounded")
    path = folder / "demo.gpkg"
    build_demo(str(path), objects=600, seed=3)
    with open_store(str(path)) as store:
        import_boundaries(store, write_gebiedsindelingen(folder / "cbsgebiedsindelingen.gpkg"))
        import_boundaries(store, write_pc4(folder / "cbs_pc4_2024.gpkg"))
    return path


@pytest.fixture
def bounded_plugin(qgis_iface, bounded_store):
    plugin = img_qgis_plugin.classFactory(qgis_iface)
    plugin.initGui()
    assert plugin.open_store(str(bounded_store))
    yield plugin
    plugin.unload()
    QgsProject.instance().clear()


@pytest.mark.parametrize("by,kind", [("gemeente", "gemeente"), ("pc4", "pc4")])
def test_with_boundaries_the_layer_draws_them_and_says_nothing_of_an_approximation(
    bounded_plugin, by, kind
):
    import shapely

    from domain.store.boundaries import read_boundaries
    from img_qgis_plugin.reports.overview_layer import TITLE_PROPERTY, overview_layer

    store = bounded_plugin.controller.store
    direct = regional_overview(store, by=by, as_of=DAY)
    layer = overview_layer(bounded_plugin, "objects", as_of=DAY, by=by)
    with store.engine.connect() as conn:
        polygons = {r.name: r.geometry for r in read_boundaries(conn, kind)}
    features = {f[by]: f for f in layer.getFeatures()}
    outside = "buiten de grenzen"
    # every counted boundary is drawn as its own polygon with the domain's count
    assert set(features) == {r["group"] for r in direct.rows} - {outside}
    assert len(features) > 1
    for row in direct.rows:
        if row["group"] == outside:
            continue
        drawn = shapely.from_wkb(bytes(features[row["group"]].geometry().asWkb()))
        assert drawn.equals(polygons[row["group"]]), row["group"]
        assert features[row["group"]]["objects"] == row["objects"]
    # the objects outside every boundary are counted, not drawn, and the layer says so
    assert direct.boundaries["outside"] > 0
    said = " ".join(
        [layer.name(), layer.customProperty(TITLE_PROPERTY), layer.metadata().abstract()]
    )
    assert "benadering" not in said.lower()
    assert "cbs" in layer.metadata().abstract().lower()
    assert f"{direct.boundaries['outside']} objecten liggen buiten deze grenzen" in said
    # still a labelled choropleth with whole-number classes and a title saying what is counted
    assert layer.labelsEnabled()
    ranges = layer.renderer().ranges()
    assert ranges and all(r.lowerValue() == int(r.lowerValue()) for r in ranges)
    assert layer.name().endswith(": Objecten")


def test_without_boundaries_the_hulls_stay_labelled_as_an_approximation(plugin):
    from img_qgis_plugin.reports.overview_layer import overview_layer

    layer = overview_layer(plugin, "objects", as_of=DAY)
    assert "(benadering)" in layer.name()
    assert layer.metadata().abstract().startswith("Benadering:")


def test_the_what_changes_table_calls_the_outside_group_by_its_name(bounded_plugin, qtbot):
    from domain.store.scenario import scenario_with_objects
    from img_qgis_plugin.gui.scenario_dialog import ScenarioChangesDialog

    store = bounded_plugin.controller.store
    # a strong quake by the uncovered north-east corner reaches objects in and outside
    outcome = scenario_with_objects(store, 262000.0, 600000.0, 3.6, 3.0, DAY)
    summary = outcome.summary
    assert summary["official_boundaries"]["per_municipality"]
    names = {row["municipality"] for row in summary["per_municipality"]}
    assert "" in names and names - {""}
    dialog = ScenarioChangesDialog("Scenario", summary)
    qtbot.addWidget(dialog)
    shown = {dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())}
    assert "buiten de grenzen" in shown and "—" not in shown
    assert shown - {"buiten de grenzen"} <= {
        "Synthetisch West",
        "Synthetisch Midden",
        "Synthetisch Oost",
    }


def test_overview_table_writes_dutch_numbers_right_aligned_and_sorts_by_value(plugin, qtbot):
    from types import SimpleNamespace

    from qgis.PyQt.QtCore import Qt

    dialog = plugin.show_regional_overview()
    qtbot.waitUntil(lambda: dialog.layer is not None, timeout=30_000)
    counts = {"Appingedam": 1234, "Bedum": 9, "Delfzijl": 56}
    rows = [{"group": g, **{c: v for c in COLUMNS}} for g, v in counts.items()]
    dialog.overview = SimpleNamespace(rows=rows, after=None, by="gemeente")
    dialog._fill_table()
    table = dialog.table
    column = 1 + list(COLUMNS).index("objects")

    def shown(c):
        return [table.item(r, c).text() for r in range(table.rowCount())]

    assert shown(column)[:3] == ["1.234", "9", "56"] and shown(column)[-1] == "1.299"
    assert table.item(0, column).textAlignment() & Qt.AlignmentFlag.AlignRight
    # by value, not as text ("9" > "56" > "1.234"); the total stays last either way
    table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    assert shown(column) == ["9", "56", "1.234", "1.299"]
    table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    assert shown(column) == ["1.234", "56", "9", "1.299"]
    assert shown(0)[-1] == "Totaal"
