"""With official boundaries in the store, the overview and the scenario count each object in the
boundary its point lies in. Checked against an independent count: the polygons read from the
boundary files with OGR, every object of the store tested against them with OGR's own
point-in-polygon, and every column computed by the planning tests' own SQL (no code under test).

The boundary files are SYNTHETIC geometry in the real CBS/PDOK layouts (tests/support/
boundary_files.py); the store is a demo store.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3

import pytest
from osgeo import ogr
from sqlalchemy import text

from domain.importers.boundaries import import_boundaries
from domain.planning.overview import COLUMNS, ScenarioQuake, regional_overview
from domain.store import open_store
from tests.support.boundary_files import write_gebiedsindelingen, write_pc4
from tests.unit.planning.test_overview import AS_OF, _sql_counts

OUTSIDE = "buiten de grenzen"


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("boundary_files")
    return {
        "gemeente": (
            write_gebiedsindelingen(folder / "cbsgebiedsindelingen.gpkg"),
            "cbs_gemeente_2024_gegeneraliseerd",
            "statcode",
            "statnaam",
        ),
        "pc4": (write_pc4(folder / "cbs_pc4_2024.gpkg"), "cbs_pc4_2024", "postcode4", None),
    }


@pytest.fixture(scope="module")
def demo(tmp_path_factory, files):
    from domain.demo import build_demo

    path = tmp_path_factory.mktemp("overview_boundaries") / "demo.gpkg"
    build_demo(str(path), objects=1500, seed=11)
    store = open_store(str(path))
    for kind, (file, *_rest) in files.items():
        import_boundaries(store, file, kinds=[kind])
    yield store
    store.close()


def _ogr_polygons(file, layer_name: str, code_field: str, name_field: str | None):
    """(code, name, OGR geometry) of every polygon in the file, by code."""
    ds = ogr.Open(str(file))
    layer = ds.GetLayerByName(layer_name)
    out = []
    for feature in layer:
        code = str(feature.GetField(code_field))
        name = feature.GetField(name_field) if name_field else code
        out.append((code, name, feature.GetGeometryRef().Clone()))
    ds = None
    return sorted(out)


def _independent_groups(store, polygons) -> dict[int, str | None]:
    """Object id → name of the first polygon (by code) holding its point, by OGR, over the
    store's objects read with plain sqlite3; None where no polygon holds it."""
    conn = sqlite3.connect(store.location.path)
    try:
        rows = conn.execute("SELECT id, x, y FROM objects ORDER BY id").fetchall()
    finally:
        conn.close()
    out = {}
    for oid, x, y in rows:
        point = ogr.Geometry(ogr.wkbPoint)
        point.AddPoint_2D(x, y)
        out[oid] = next((name for _c, name, geom in polygons if geom.Intersects(point)), None)
    return out


@pytest.fixture(scope="module")
def independent(demo, files, tmp_path_factory):
    """Per grouping: object → group by OGR, and every column counted by SQL on a copy of the
    store that carries that assignment in a table of its own."""
    out = {}
    for by, (file, layer, code_field, name_field) in files.items():
        groups = _independent_groups(demo, _ogr_polygons(file, layer, code_field, name_field))
        copy = tmp_path_factory.mktemp(f"independent_{by}") / "copy.gpkg"
        demo.engine.dispose()
        shutil.copy(demo.location.path, copy)
        with open_store(str(copy)) as store:
            with store.engine.begin() as conn:
                conn.execute(text("CREATE TABLE independent_group (id INTEGER, name TEXT)"))
                conn.execute(
                    text("INSERT INTO independent_group VALUES (:id, :name)"),
                    [{"id": oid, "name": name} for oid, name in groups.items()],
                )
            expression = "(SELECT g.name FROM independent_group g WHERE g.id = objects.id)"
            out[by] = (groups, _sql_counts(store, expression))
    return out


@pytest.mark.parametrize("by", ["gemeente", "pc4"])
def test_counts_per_boundary_equal_an_independent_spatial_count(demo, independent, by):
    groups, expected = independent[by]
    overview = regional_overview(demo, by=by, as_of=AS_OF)
    got = {r["group"]: {c: r[c] for c in COLUMNS} for r in overview.rows}
    assert set(got) == {name or OUTSIDE for name in expected}
    for name, counts in expected.items():
        assert got[name or OUTSIDE] == counts, name
    # both kinds of object are in the demo: inside some boundary, and outside all of them
    outside = sum(1 for name in groups.values() if name is None)
    assert 0 < outside < len(groups)
    assert overview.boundaries["outside"] == outside
    assert overview.boundaries["kind"] == by and overview.boundaries["years"] == [2024]
    assert overview.totals["objects"] == len(groups) == 1500
    assert len([g for g in got if g != OUTSIDE]) > 1


def test_the_groups_are_the_boundaries_not_the_objects_own_municipality(demo, independent):
    overview = regional_overview(demo, by="gemeente", as_of=AS_OF)
    names = {r["group"] for r in overview.rows}
    assert names <= {"Synthetisch West", "Synthetisch Midden", "Synthetisch Oost", OUTSIDE}
    with demo.engine.connect() as conn:
        own = {r[0] for r in conn.execute(text("SELECT DISTINCT municipality FROM objects"))}
    assert not names & own  # the demo's municipality texts are not what is counted
    english = regional_overview(demo, by="gemeente", as_of=AS_OF, lang="en")
    assert "outside the boundaries" in {r["group"] for r in english.rows}


def test_the_scenario_counts_per_the_same_boundaries(demo, independent):
    from domain.store.scenario import scenario_with_objects

    with demo.engine.connect() as conn:
        x, y = conn.execute(text("SELECT AVG(x), AVG(y) FROM objects")).one()
    outcome = scenario_with_objects(demo, float(x), float(y), 3.6, 3.0, AS_OF)
    summary = outcome.summary
    assert summary["official_boundaries"] == {"per_municipality": True, "per_pc4": True}
    for key, by, area in (
        ("per_municipality", "gemeente", "municipality"),
        ("per_pc4", "pc4", "pc4"),
    ):
        groups = independent[by][0]
        expected: dict[str, dict[str, int]] = {}
        for obj in outcome.objects:
            row = expected.setdefault(
                groups[obj.object_id] or "", {"reopen": 0, "nulmeting": 0, "new_in_effect_area": 0}
            )
            row["reopen"] += obj.reopen
            row["nulmeting"] += obj.nulmeting
            row["new_in_effect_area"] += obj.new_in_effect_area
        got = {
            r[area]: {k: r[k] for k in ("reopen", "nulmeting", "new_in_effect_area")}
            for r in summary[key]
        }
        assert got == expected, key
        assert len(got) > 1


def test_the_scenario_delta_is_counted_per_boundary_too(demo):
    with demo.engine.connect() as conn:
        x, y = conn.execute(text("SELECT AVG(x), AVG(y) FROM objects")).one()
    overview = regional_overview(demo, scenario=ScenarioQuake(float(x), float(y), 3.6, AS_OF))
    before = {r["group"]: r for r in overview.rows}
    after = {r["group"]: r for r in overview.after}
    assert set(before) == set(after)
    assert overview.delta_totals["may_claim_again"] > 0
    for row in overview.delta:
        assert row["group"] in before
        for c in COLUMNS:
            assert row[c] == after[row["group"]][c] - before[row["group"]][c]


def test_without_boundaries_the_objects_own_municipality_groups_them(tmp_path):
    from domain.demo import build_demo

    path = tmp_path / "plain.gpkg"
    build_demo(str(path), objects=300, seed=5)
    with open_store(str(path)) as store:
        overview = regional_overview(store, by="gemeente", as_of=dt.date(2026, 7, 1))
        with store.engine.connect() as conn:
            own = {r[0] for r in conn.execute(text("SELECT DISTINCT municipality FROM objects"))}
    assert overview.boundaries is None
    assert {r["group"] for r in overview.rows} == own


def test_overzicht_says_what_the_groups_are(demo, tmp_path):
    """The CLI's JSON carries the boundaries it grouped by and the text names the file; a store
    without boundaries says the groups are the objects' own text."""
    import json

    from domain.demo import build_demo
    from tests.support.cli import run_cli

    where = str(demo.location.path)
    run = run_cli("overzicht", where, "--json", check=True)
    grouped = json.loads(run.stdout)["boundaries"]
    assert grouped["kind"] == "gemeente" and grouped["files"] == ["cbsgebiedsindelingen.gpkg"]
    text_run = run_cli("overzicht", where, check=True)
    assert "cbsgebiedsindelingen.gpkg" in text_run.stdout.splitlines()[-1]

    plain = tmp_path / "plain.gpkg"
    build_demo(str(plain), objects=100, seed=5)
    assert json.loads(run_cli("overzicht", str(plain), "--json").stdout)["boundaries"] is None
    assert "import-boundaries" in run_cli("overzicht", str(plain)).stdout.splitlines()[-1]
