"""Catalogue import: every layout, attribution to the counting sources, and all-or-nothing errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pyproj import Transformer

from domain.errors import InputError
from domain.groundmotion.sources import default_outlines, load_outline
from domain.importers.catalog import load_catalog, read_catalog_file

FIXTURES = Path(__file__).parent / "fixtures"
UTC = dt.timezone.utc
TO_RD = Transformer.from_crs("EPSG:4326", "EPSG:28992", always_xy=True)
GRONINGEN_HEADER = "event_id,place,time,ml,depth_km,rd_x,rd_y,field\n"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_groningen_file_counts_groningen_and_excludes_annerveen(groningen_catalog):
    catalog = load_catalog(groningen_catalog)
    assert len(catalog.quakes) == 1460
    assert len(catalog.excluded) == 14
    assert all(q.source == "Groningen" for q in catalog.quakes)
    assert all(q.source == "Annerveen" and "Annerveen" in why for q, why in catalog.excluded)
    times = [q.time for q in catalog.quakes]
    assert times == sorted(times)
    huizinge = catalog.by_id("knmi2012qcdh")
    # the Groningen export is Dutch local time: 20:30:33 CEST is 18:30:33 UTC
    assert huizinge.time == dt.datetime(2012, 8, 16, 18, 30, 33, tzinfo=UTC)
    assert (huizinge.x, huizinge.y, huizinge.ml, huizinge.depth_km) == (
        240544.0,
        596199.0,
        3.6,
        3.0,
    )
    arrays = catalog.as_arrays()
    assert len(arrays) == 1460 and arrays.time.dtype == "datetime64[s]"


def test_nl_file_gets_stable_ids_and_outline_attribution(nl_catalog, field_outline):
    first = load_catalog(nl_catalog)
    again = load_catalog(nl_catalog)
    assert [q.event_id for q in first.quakes] == [q.event_id for q in again.quakes]
    assert len({q.event_id for q in first.quakes}) == len(first.quakes)
    assert first.quakes[0].time.tzinfo is not None
    # Assen 1986 lies outside every source: excluded with a reason
    assen = [q for q, why in first.excluded if q.place == "Assen"]
    assert assen and all(q.source == "" for q in assen)
    # with the real Groningen outline, Huizinge still counts as Groningen
    outlines = [load_outline(field_outline)] + default_outlines()[1:]
    catalog = load_catalog(nl_catalog, outlines)
    huizinge = [q for q in catalog.quakes if q.place == "Huizinge" and q.ml == 3.6]
    assert len(huizinge) == 1 and huizinge[0].source == "Groningen"
    x, y = TO_RD.transform(6.672, 53.345)
    assert huizinge[0].x == pytest.approx(x, abs=0.01)


def test_outline_buffer_decides_attribution(tmp_path):
    from domain.groundmotion.sources import NORG_STORAGE_SITE_RD

    # Norg approximation: ellipse 2.5 x 1.8 km around the Langelo site; margin 2000 m
    cx, cy = NORG_STORAGE_SITE_RD
    x_in, x_out = cx + 2500 + 1900, cx + 2500 + 2100
    lat_lon = Transformer.from_crs("EPSG:28992", "EPSG:4326", always_xy=True)
    rows = []
    for name, x in (("binnen", x_in), ("buiten", x_out)):
        lon, lat = lat_lon.transform(x, cy)
        rows.append(f"2001-01-0{len(rows) + 1},{name},2.0,3.0,{lat:.6f},{lon:.6f}\n")
    path = write(tmp_path, "nl.csv", "date,place,ml,depth_km,lat,lon\n" + "".join(rows))
    catalog = load_catalog(path)
    assert [q.place for q in catalog.quakes] == ["binnen"]
    assert catalog.quakes[0].source == "Norg"
    assert [q.place for q, _ in catalog.excluded] == ["buiten"]


def test_all_induced_layout_with_both_time_forms():
    parsed = read_catalog_file(FIXTURES / "all_induced_sample.csv")
    assert parsed.layout == "all_induced" and not parsed.has_field
    by_place = {q.place: q for q in parsed.quakes}
    assert by_place["Huizinge"].time == dt.datetime(2012, 8, 16, 20, 30, 33, tzinfo=UTC)
    assert by_place["Langelo"].time == dt.datetime(1993, 3, 5, 9, 33, 7, tzinfo=UTC)
    assert by_place["Roswinkel"].time == dt.datetime(2002, 1, 1, 1, 2, 3, 500000, tzinfo=UTC)


def test_fdsn_text_layout():
    parsed = read_catalog_file(FIXTURES / "fdsn_page2.txt")
    assert parsed.layout == "fdsn_text"
    roden = [q for q in parsed.quakes if q.event_id == "knmi1996test"][0]
    assert roden.depth_km is None and roden.place == "Roden"
    assert roden.time == dt.datetime(1996, 9, 2, 10, 11, 12, 500000, tzinfo=UTC)


def test_quakeml_uses_preferred_origin_and_converts_units_and_time():
    parsed = read_catalog_file(FIXTURES / "quakeml_two_events.xml")
    assert parsed.layout == "quakeml"
    q = {q.event_id: q for q in parsed.quakes}
    assert set(q) == {"knmi2012qcdh", "knmi2018anwg"}
    assert q["knmi2012qcdh"].depth_km == 3.0  # metres in QuakeML
    assert q["knmi2012qcdh"].place == "Huizinge"
    x, y = TO_RD.transform(6.672, 53.345)
    assert (q["knmi2012qcdh"].x, q["knmi2012qcdh"].y) == (round(x, 2), round(y, 2))
    assert q["knmi2018anwg"].time == dt.datetime(2018, 1, 8, 14, 0, 52, tzinfo=UTC)
    assert q["knmi2018anwg"].depth_km is None


def test_duplicate_rows_with_same_values_are_merged(tmp_path):
    row = "knmi2012qcdh,Huizinge,2012-08-16T20:30:33,3.6,3,240544,596199,Groningen\n"
    catalog = load_catalog(write(tmp_path, "g.csv", GRONINGEN_HEADER + row + row))
    assert len(catalog.quakes) == 1


def problems_of(path: Path):
    with pytest.raises(InputError) as info:
        load_catalog(path)
    return info.value.problems


def test_missing_columns_are_listed(tmp_path):
    path = write(tmp_path, "g.csv", "event_id,place,time,ml,rd_x,rd_y\nx,y,2012-01-01,1,2,3\n")
    problems = problems_of(path)
    assert {p.field for p in problems} == {"depth_km", "field"}
    assert all(p.line == 1 and p.file == "g.csv" for p in problems)


def test_every_bad_value_is_reported_once_and_nothing_is_imported(tmp_path):
    rows = [
        "a1,Ok,2012-08-16T20:30:33,2.0,3,240544,596199,Groningen",  # line 2 fine
        "a2,Getal,2012-08-16T20:30:33,twee,3,240544,596199,Groningen",  # 3 ml unparseable
        "a3,Hoog,2012-08-16T20:30:33,7.1,3,240544,596199,Groningen",  # 4 ML above 7
        "a4,Laag,2012-08-16T20:30:33,-2.1,3,240544,596199,Groningen",  # 5 ML below -2
        "a5,Diep,2012-08-16T20:30:33,2.0,10.5,240544,596199,Groningen",  # 6 depth > 10
        "a6,Negatief,2012-08-16T20:30:33,2.0,-0.5,240544,596199,Groningen",  # 7 depth < 0
        "a7,Buitenland,2012-08-16T20:30:33,2.0,3,400000,596199,Groningen",  # 8 outside NL
        "a8,Tijd,16-08-2012,2.0,3,240544,596199,Groningen",  # 9 time unparseable
        "a1,Ok,2012-08-16T20:30:33,2.1,3,240544,596199,Groningen",  # 10 id repeated, differs
        "a9,Rand,2012-08-16T20:30:33,7.0,10,240544,596199,Groningen",  # 11 edges allowed
        "a10,Rand,2012-08-16T20:30:33,-2.0,0,240544,596199,Groningen",  # 12 edges allowed
    ]
    path = write(tmp_path, "g.csv", GRONINGEN_HEADER + "\n".join(rows) + "\n")
    problems = problems_of(path)
    located = sorted((p.line, p.field) for p in problems)
    assert located == [
        (3, "ml"),
        (4, "ml"),
        (5, "ml"),
        (6, "depth_km"),
        (7, "depth_km"),
        (8, "rd_x,rd_y"),
        (9, "time"),
        (10, "event_id"),
    ]
    assert all(p.hint for p in problems)
    assert "regel 2" in [p for p in problems if p.line == 10][0].message


def test_wgs84_outside_netherlands_is_rejected(tmp_path):
    path = write(
        tmp_path, "nl.csv", "date,place,ml,depth_km,lat,lon\n2001-01-01,Parijs,2.0,3,48.85,2.35\n"
    )
    problems = problems_of(path)
    assert [(p.line, p.field) for p in problems] == [(2, "lat,lon")]


def test_fdsn_and_all_induced_errors_are_located(tmp_path):
    fdsn = (FIXTURES / "fdsn_page1.txt").read_text().splitlines()
    fdsn[2] = fdsn[2].replace("|3.4|KNMI|Zeerijp", "|x|KNMI|Zeerijp")
    problems = problems_of(write(tmp_path, "f.txt", "\n".join(fdsn)))
    assert [(p.line, p.field) for p in problems] == [(3, "Magnitude")]
    old = (
        "YYMMDD,TIME,LOCATION,LAT,LON,DEPTH,MAG,EVALMODE\n120816,25:99,Huizinge,53.3,6.6,3,3.6,m\n"
    )
    problems = problems_of(write(tmp_path, "a.csv", old))
    assert [(p.line, p.field) for p in problems] == [(2, "TIME")]


def test_broken_quakeml_and_unknown_layout(tmp_path):
    assert problems_of(write(tmp_path, "q.xml", "<quakeml><event>"))[0].file == "q.xml"
    problems = problems_of(write(tmp_path, "x.csv", "a,b,c\n1,2,3\n"))
    assert "niet herkend" in problems[0].message


def test_storage_approximations_sit_on_the_storages_real_catalogue(nl_catalog):
    """Langelo 1993 lies by the Norg storage and counts; the two Kollum quakes in Friesland,
    some 10 km west of the Grijpskerk storage, do not count as Grijpskerk."""
    from domain.groundmotion.sources import default_outlines

    catalog = load_catalog(nl_catalog)
    counted = {(q.place, q.time.date().isoformat()): q.source for q in catalog.quakes}
    assert counted[("Langelo", "1993-03-05")] == "Norg"
    excluded = [q for q, _ in catalog.excluded if q.place == "Kollum"]
    assert sorted(q.time.date().isoformat() for q in excluded) == ["2012-10-16", "2016-10-30"]
    assert not any(place == "Kollum" for place, _ in counted)
    labels = {o.name: o.label for o in default_outlines()}
    assert "benadering" in labels["Norg"] and "Langelo" in labels["Norg"]
    assert "benadering" in labels["Grijpskerk"]
