"""Source outlines as NLOG publishes gas fields: imported into the store, the 6 km zones and the
attribution of quakes follow; files without a usable field name are refused with the names found."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import shapely
from pyproj import Transformer
from sqlalchemy import text

from domain.errors import InputError
from domain.groundmotion.sources import NORG_STORAGE_SITE_RD
from domain.importers.outlines import import_outlines, source_of
from domain.store.areas import stored_outlines
from domain.store.compute import import_catalog
from tests.support.cli import run_cli
from tests.unit.store.conftest import snapshot
from tests.unit.store.fixtures import write_csv, write_geojson, write_shapefile

#: a made-up Norg outline 6 km east of the storage's surface site: a quake there counts only
#: once this outline is imported (the built-in approximation lies around Langelo)
EAST = (NORG_STORAGE_SITE_RD[0] + 9000.0, NORG_STORAGE_SITE_RD[1])


def _norg_east():
    x, y = EAST
    return shapely.box(x - 2000, y - 1500, x + 2000, y + 1500)


def _nlog_file(tmp_path: Path) -> Path:
    return write_geojson(
        tmp_path / "nlog_gasvelden.geojson",
        [
            (_norg_east(), {"FIELD_NAME": "NORG UGS"}),
            (shapely.box(230000, 550000, 232000, 552000), {"FIELD_NAME": "ANNERVEEN"}),
        ],
        crs="EPSG:28992",
    )


def _quake_csv(tmp_path: Path) -> Path:
    to_wgs = Transformer.from_crs("EPSG:28992", "EPSG:4326", always_xy=True)
    lon, lat = to_wgs.transform(*EAST)
    return write_csv(
        tmp_path / "nl.csv",
        ["date", "place", "ml", "depth_km", "lat", "lon"],
        [["2001-05-01", "Oost", "2.0", "3.0", f"{lat:.6f}", f"{lon:.6f}"]],
    )


def test_field_names_match_sources_as_whole_words():
    assert source_of("NORG UGS") == "Norg"
    assert source_of("Groningen") == "Groningen"
    assert source_of("GRIJPSKERK") == "Grijpskerk"
    assert source_of("NORGESWEG") is None and source_of("ANNERVEEN") is None


def test_imported_outline_draws_the_zone_and_decides_what_counts(empty_store, tmp_path):
    store = empty_store
    quakes = _quake_csv(tmp_path)
    import_catalog(store, quakes)
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM quakes WHERE counting")).scalar() == 0
    report = import_outlines(store, _nlog_file(tmp_path))
    assert report.counts["outlines"] == 1 and report.skipped == {"other_fields": 1}
    assert any("NORG UGS" in c for c in report.changes)
    with store.engine.connect() as conn:
        outlines = {o.name: o for o in stored_outlines(conn)}
        zones = dict(
            conn.execute(text("SELECT name, origin FROM areas WHERE kind = 'zone_6km'")).all()
        )
    assert outlines["Norg"].origin == "imported"
    assert outlines["Norg"].geometry.contains(shapely.Point(*EAST))
    assert outlines["Grijpskerk"].origin == "illustrative-approximation"
    assert zones["6 km-zone Norg"] == "computed"
    assert any("Grijpskerk" in name and origin == "illustrative" for name, origin in zones.items())
    # the next catalogue import attributes the quake with the imported outline
    import_catalog(store, quakes)
    with store.engine.connect() as conn:
        row = conn.execute(text("SELECT source, counting FROM quakes")).one()
    assert (row[0], bool(row[1])) == ("Norg", True)


def test_file_without_a_counting_field_is_refused_and_changes_nothing(empty_store, tmp_path):
    path = write_geojson(
        tmp_path / "other.geojson",
        [(shapely.box(230000, 550000, 232000, 552000), {"FIELD_NAME": "ANNERVEEN"})],
        crs="EPSG:28992",
    )
    before = snapshot(empty_store)
    with pytest.raises(InputError) as err:
        import_outlines(empty_store, path)
    assert snapshot(empty_store) == before
    (problem,) = err.value.problems
    assert "ANNERVEEN" in problem.message and problem.field == "FIELD_NAME"
    assert "--field-name-column" in problem.hint
    with pytest.raises(InputError) as err:
        import_outlines(empty_store, path, field_name_column="VELD")
    assert err.value.problems[0].field == "VELD"


def test_shapefile_through_the_cli(tmp_path):
    from domain.store import create_store

    where = tmp_path / "s.gpkg"
    create_store(str(where)).close()
    shp = write_shapefile(
        tmp_path / "velden.shp",
        [(_norg_east(), {"VELDNAAM": "Norg"}), (_norg_east().buffer(-500), {"VELDNAAM": "Norg"})],
        prj=None,
        fields=None,
    )
    done = run_cli(
        "import-outlines",
        str(where),
        str(shp),
        "--json",
        "--field-name-column",
        "VELDNAAM",
        "--crs",
        "EPSG:28992",
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["counts"]["outlines"] == 1
    assert any("Norg: 2" in c for c in out["changes"])
