"""Area polygons and the GeoPackage they are written to."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pytest
import shapely
from osgeo import ogr
from shapely.geometry import Point, box

from domain.groundmotion.catalog import Catalog, Quake
from domain.groundmotion.exposure import exposure_at_scale
from domain.groundmotion.gmpe import distance_for_pgv
from domain.groundmotion.sources import default_outlines, load_outline
from domain.groundmotion.zones import Grid, computed_areas, mask_to_polygon, write_areas, zones_6km
from domain.importers.catalog import load_catalog
from tests.support.cli import run_cli

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


def test_gdal_opens_the_area_geopackage(tmp_path):
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
    definition = layer.GetLayerDefn()
    kinds = {
        definition.GetFieldDefn(i).GetName(): definition.GetFieldDefn(i).GetType()
        for i in range(definition.GetFieldCount())
    }
    assert kinds["area_km2"] == ogr.OFTReal and kinds["computed_at"] == ogr.OFTDateTime
    assert layer.GetGeomType() == ogr.wkbMultiPolygon
    effect = ds.GetLayerByName("effectgebied").GetNextFeature()
    assert effect.GetGeometryRef().GetArea() > 1e6


def test_cli_zones_writes_every_layer(tmp_path, groningen_catalog, field_outline):
    out = tmp_path / "zones.gpkg"
    run = run_cli(
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
        check=True,
    )
    data = json.loads(run.stdout)
    layers = {(r["layer"], r["name"]): r for r in data["layers"]}
    assert layers[("zone_6km", "Groningen")]["origin"] == "imported"
    assert layers[("zone_6km", "Norg")]["origin"] == "illustrative-approximation"
    assert layers[("effectgebied", "effectgebied")]["area_km2"] > 1000
    assert 0 < layers[("duurzaam_herstel_gebied", "duurzaam herstel")]["area_km2"] < 2000
    assert {layer.GetName() for layer in ogr.Open(str(out))} == {
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
