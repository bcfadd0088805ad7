"""Area polygons and the GeoPackage they are written to."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import shapely
from shapely.geometry import Point, Polygon, box

from domain.geopackage import (
    Layer,
    geometry_blob,
    list_layers,
    parse_geometry_blob,
    read_layer,
    write_geopackage,
)
from domain.groundmotion.catalog import Catalog, Quake, load_catalog
from domain.groundmotion.exposure import exposure_at_scale
from domain.groundmotion.gmpe import distance_for_pgv
from domain.groundmotion.sources import default_outlines, load_outline
from domain.zones import Grid, computed_areas, mask_to_polygon, write_areas, zones_6km

ROOT = Path(__file__).resolve().parents[3]
UTC = dt.timezone.utc


def test_mask_runs_become_one_polygon_per_connected_group():
    grid = Grid(1000.0, 2000.0, 100.0, nx=5, ny=4)
    mask = np.array(
        [
            [1, 1, 0, 0, 0],
            [0, 1, 1, 0, 0],
            [0, 0, 0, 0, 1],
            [0, 0, 0, 0, 1],
        ],
        dtype=bool,
    ).ravel()
    geom = mask_to_polygon(mask, grid)
    parts = list(shapely.get_parts(geom))
    assert len(parts) == 2
    assert geom.area == pytest.approx(6 * 100 * 100)
    assert geom.bounds == (1000.0, 2000.0, 1500.0, 2400.0)
    assert shapely.contains(geom, Point(1050, 2050))  # row 0, col 0
    assert not shapely.contains(geom, Point(1250, 2050))  # row 0, col 2
    assert mask_to_polygon(np.zeros(20, dtype=bool), grid).is_empty


def one_quake_catalog(ml=3.0):
    q = Quake(
        "q1", dt.datetime(2020, 1, 1, tzinfo=UTC), "Test", ml, 3.0, 240000.0, 590000.0, "Groningen"
    )
    return Catalog([q], [], "test")


def test_effect_area_of_one_quake_is_the_2_mm_s_disc():
    areas = {a.kind: a for a in computed_areas(one_quake_catalog(), cell=100.0)}
    effect = areas["effectgebied"].geometry
    radius = distance_for_pgv(3.0, 3.0, 2.0) * 1000
    disc = Point(240000, 590000).buffer(radius, quad_segs=64)
    assert effect.area == pytest.approx(disc.area, rel=0.02)
    assert effect.symmetric_difference(disc).area < 0.03 * disc.area
    assert areas["effectgebied"].origin == "computed"
    # one quake never makes the DH area (needs four ≥ 5 mm/s)
    assert areas["duurzaam_herstel"].geometry.is_empty


def test_dh_area_needs_four_quakes_before_2026():
    base = dict(place="T", ml=3.0, depth_km=3.0, x=240000.0, y=590000.0, source="Groningen")
    times = [dt.datetime(2020 + i, 1, 1, tzinfo=UTC) for i in range(3)]
    three = [Quake(f"q{i}", t, **base) for i, t in enumerate(times)]
    late = Quake("q9", dt.datetime(2026, 1, 1, tzinfo=UTC), **base)
    early = Quake("q8", dt.datetime(2025, 12, 31, tzinfo=UTC), **base)
    with_late = {a.kind: a for a in computed_areas(Catalog(three + [late]), cell=200.0)}
    assert with_late["duurzaam_herstel"].geometry.is_empty
    with_early = {a.kind: a for a in computed_areas(Catalog(three + [early]), cell=200.0)}
    dh = with_early["duurzaam_herstel"].geometry
    r5 = distance_for_pgv(3.0, 3.0, 5.0) * 1000
    assert dh.area == pytest.approx(np.pi * r5**2, rel=0.05)


def test_grid_agrees_with_exact_test_at_cell_centres(groningen_catalog):
    catalog = load_catalog(groningen_catalog)
    effect = {a.kind: a for a in computed_areas(catalog, cell=500.0)}["effectgebied"].geometry
    rng = np.random.default_rng(3)
    x = rng.uniform(220_000, 280_000, 400)
    y = rng.uniform(560_000, 620_000, 400)
    exact = exposure_at_scale(catalog, x, y).count_ge_2 > 0
    inside = shapely.contains_xy(effect, x, y)
    # the polygon is a raster picture: it may differ from the exact test only near the edge
    edge = shapely.distance(effect.boundary, shapely.points(x, y)) < 500 * 0.71
    assert (exact == inside)[~edge].all()
    assert exact.sum() > 50


def test_6km_zone_is_a_6000_m_buffer_with_the_outline_origin(field_outline):
    outlines = [load_outline(field_outline)] + default_outlines()[1:]
    zones = {z.name: z for z in zones_6km(outlines)}
    assert set(zones) == {"Groningen", "Norg", "Grijpskerk"}
    assert zones["Groningen"].origin == "imported"
    assert zones["Norg"].origin == "illustrative-approximation"
    assert "benadering" in zones["Norg"].label
    field = outlines[0].geometry
    assert field.area / 1e6 == pytest.approx(987, abs=5)
    g = zones["Groningen"].geometry
    probe_out = shapely.buffer(field, 6100).exterior.interpolate(0.3, normalized=True)
    probe_in = shapely.buffer(field, 5900).exterior.interpolate(0.3, normalized=True)
    assert g.contains(probe_in) and not g.contains(probe_out)
    from domain.groundmotion.sources import NORG_STORAGE_SITE_RD

    norg_centre = Point(*NORG_STORAGE_SITE_RD)
    assert zones["Norg"].geometry.contains(norg_centre)


def test_geometry_blob_header_and_round_trip():
    poly = box(10, 20, 30, 50)
    blob = geometry_blob(poly, 28992)
    assert blob[:2] == b"GP" and blob[2] == 0 and blob[3] == 0b00000011
    assert int.from_bytes(blob[4:8], "little") == 28992
    assert np.frombuffer(blob[8:40], "<f8").tolist() == [10.0, 30.0, 20.0, 50.0]
    assert parse_geometry_blob(blob).equals(poly)
    empty = geometry_blob(Polygon(), 28992)
    assert empty[3] & 0b00010000 and parse_geometry_blob(empty).is_empty


def test_geopackage_core_tables_rtree_and_attributes(tmp_path):
    path = tmp_path / "a.gpkg"
    a, b = box(0, 0, 10, 10), box(100, 100, 120, 130)
    write_geopackage(
        path,
        [
            Layer("vlakken", [a, b], {"naam": ["a", "b"], "n": [1, 2], "opp": [1.5, 2.5]}),
            Layer("leeg", [], {}),
        ],
    )
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA application_id").fetchone()[0] == 0x47504B47
    assert con.execute("PRAGMA user_version").fetchone()[0] == 10200
    srs = dict(con.execute("SELECT srs_id, definition FROM gpkg_spatial_ref_sys"))
    assert {-1, 0, 4326, 28992} <= set(srs) and "Amersfoort" in srs[28992]
    contents = con.execute(
        "SELECT data_type, min_x, min_y, max_x, max_y, srs_id FROM gpkg_contents WHERE table_name='vlakken'"
    ).fetchone()
    assert contents == ("features", 0.0, 0.0, 120.0, 130.0, 28992)
    assert con.execute("SELECT geometry_type_name, srs_id FROM gpkg_geometry_columns").fetchall()[
        0
    ] == (
        "MULTIPOLYGON",
        28992,
    )
    hits = con.execute(
        "SELECT id FROM rtree_vlakken_geom WHERE minx <= 105 AND maxx >= 105 AND miny <= 110 AND maxy >= 110"
    ).fetchall()
    assert hits == [(2,)]
    ext = con.execute("SELECT table_name, extension_name FROM gpkg_extensions").fetchall()
    assert ("vlakken", "gpkg_rtree_index") in ext
    con.close()
    features = read_layer(path, "vlakken")
    assert [f[1] for f in features] == [
        {"naam": "a", "n": 1, "opp": 1.5},
        {"naam": "b", "n": 2, "opp": 2.5},
    ]
    assert features[1][0].equals(b)
    assert list_layers(path) == ["leeg", "vlakken"]


def test_gdal_opens_the_area_geopackage(tmp_path):
    ogr = pytest.importorskip("osgeo.ogr", reason="GDAL's Python bindings are not installed")
    catalog = one_quake_catalog()
    path = write_areas(tmp_path / "zones.gpkg", computed_areas(catalog, cell=250.0) + zones_6km())
    ds = ogr.Open(str(path))
    names = sorted(ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount()))
    assert names == ["duurzaam_herstel_gebied", "effectgebied", "zone_6km"]
    layer = ds.GetLayerByName("zone_6km")
    assert layer.GetFeatureCount() == 3
    assert layer.GetSpatialRef().GetAuthorityCode(None) == "28992"
    origins = sorted(f.GetField("origin") for f in layer)
    assert origins == ["illustrative-approximation"] * 3
    effect = ds.GetLayerByName("effectgebied").GetNextFeature()
    assert effect.GetGeometryRef().GetArea() > 1e6


def test_cli_zones_writes_every_layer(tmp_path, groningen_catalog, field_outline):
    out = tmp_path / "zones.gpkg"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "domain",
            "zones",
            "--catalog",
            str(groningen_catalog),
            "--outlines",
            str(field_outline),
            "--out",
            str(out),
            "--cell",
            "400",
            "--json",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    data = json.loads(run.stdout)
    layers = {(r["layer"], r["name"]): r for r in data["layers"]}
    assert layers[("zone_6km", "Groningen")]["origin"] == "imported"
    assert layers[("zone_6km", "Norg")]["origin"] == "illustrative-approximation"
    assert layers[("effectgebied", "effectgebied")]["area_km2"] > 1000
    assert 0 < layers[("duurzaam_herstel_gebied", "duurzaam herstel")]["area_km2"] < 2000
    assert set(list_layers(out)) == {
        "effectgebied",
        "duurzaam_herstel_gebied",
        "zone_6km",
        "bronomtrekken",
    }


def test_outline_import_errors_are_located(tmp_path):
    from domain.errors import InputError

    bad = tmp_path / "norg.csv"
    bad.write_text("x,y\n1,2\nabc,3\n4,5\n7,1\n")
    with pytest.raises(InputError) as info:
        load_outline(bad)
    assert [(p.line, p.field) for p in info.value.problems] == [(3, "x,y")]
    geo = tmp_path / "grijpskerk.geojson"
    geo.write_text(
        json.dumps(
            {"type": "Feature", "properties": {}, "geometry": box(0, 0, 1, 1).__geo_interface__}
        )
    )
    assert load_outline(geo).name == "Grijpskerk"


def test_vs30_table_lookup_and_errors(tmp_path):
    from domain.errors import InputError
    from domain.groundmotion.vs30 import load_vs30_table, vs30_for
    from tests.conftest import shared_data

    table = load_vs30_table(shared_data("vs30_pc4.csv"))
    assert len(table) == 391 and table["8401"] == 307.33
    assert vs30_for(["8401", "8401 AB", "0000", None], table).tolist() == [
        307.33,
        307.33,
        200.0,
        200.0,
    ]
    bad = tmp_path / "vs30.csv"
    bad.write_text("pc4,vs30_m_s\n9981,250\n99,250\n9982,snel\n9983,10\n9981,260\n")
    with pytest.raises(InputError) as info:
        load_vs30_table(bad)
    assert [(p.line, p.field) for p in info.value.problems] == [
        (3, "pc4"),
        (4, "vs30_m_s"),
        (5, "vs30_m_s"),
        (6, "pc4"),
    ]
