"""Catalogue times and coverage in the store: each layout's time zone, ``--time-zone`` and
``--catalog-end`` on import-catalog, ``catalog_end`` in ``store_info``, and quake times stored
as GeoPackage DATETIME text that GDAL reads without a warning (PostGIS: plain UTC timestamps)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import text

from domain.cli import main
from domain.errors import InputError
from domain.importers.catalog import load_catalog
from domain.store.compute import import_catalog
from domain.store.coverage import stored_catalog_end
from domain.store.exposure import catalog_from_store

UTC = dt.timezone.utc
G_HEADER = "event_id,place,time,ml,depth_km,rd_x,rd_y,field\n"
F_HEADER = (
    "#EventID|Time|Latitude|Longitude|Depth/km|Author|Catalog|Contributor|ContributorID|"
    "MagType|Magnitude|MagAuthor|EventLocationName|EventType\n"
)
NL_HEADER = "date,place,ml,depth_km,lat,lon\n"
AI_HEADER = "YYMMDD,TIME,LOCATION,LAT,LON,DEPTH,MAG,EVALMODE\n"


def write(tmp_path, name: str, content: str):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def fdsn_row(event_id: str, time: str) -> str:
    return (
        f"{event_id}|{time}|53.345|6.672|3.0|KNMI|KNMI|KNMI|{event_id}|ML|2.0|KNMI|Huizinge|"
        "induced or triggered event\n"
    )


def test_groningen_export_is_dutch_local_time(groningen_catalog):
    # Huizinge 20:30:33 summer time (CEST) is 18:30:33 UTC
    huizinge = load_catalog(groningen_catalog).by_id("knmi2012qcdh")
    assert huizinge.time == dt.datetime(2012, 8, 16, 18, 30, 33, tzinfo=UTC)


def test_each_layout_reads_its_own_time_zone(tmp_path):
    groningen = write(
        tmp_path,
        "g.csv",
        G_HEADER + "k1,Loppersum,2021-01-10T00:30:00,2.0,3,240544,596199,Groningen\n",
    )
    assert load_catalog(groningen).by_id("k1").time == dt.datetime(2021, 1, 9, 23, 30, tzinfo=UTC)
    fdsn = write(tmp_path, "f.txt", F_HEADER + fdsn_row("f1", "2021-01-10T00:30:00.000"))
    assert load_catalog(fdsn).by_id("f1").time == dt.datetime(2021, 1, 10, 0, 30, tzinfo=UTC)
    # a time that names its offset keeps it, whatever the layout
    named = write(
        tmp_path,
        "g2.csv",
        G_HEADER + "k2,Loppersum,2021-01-10T00:30:00Z,2.0,3,240544,596199,Groningen\n",
    )
    assert load_catalog(named).by_id("k2").time == dt.datetime(2021, 1, 10, 0, 30, tzinfo=UTC)


def test_layouts_without_a_zone_take_time_zone_default_utc(tmp_path):
    nl = write(tmp_path, "nl.csv", NL_HEADER + "2021-07-10,Huizinge,2.0,3.0,53.345,6.672\n")
    (q,) = load_catalog(nl).quakes
    assert q.time == dt.datetime(2021, 7, 10, 0, 0, tzinfo=UTC)
    (q,) = load_catalog(nl, time_zone="Europe/Amsterdam").quakes
    assert q.time == dt.datetime(2021, 7, 9, 22, 0, tzinfo=UTC)
    ai = write(
        tmp_path, "all_induced.csv", AI_HEADER + "210710,23:30:00,Huizinge,53.345,6.672,3.0,2.0,m\n"
    )
    (q,) = load_catalog(ai).quakes
    assert q.time == dt.datetime(2021, 7, 10, 23, 30, tzinfo=UTC)
    (q,) = load_catalog(ai, time_zone="Europe/Amsterdam").quakes
    assert q.time == dt.datetime(2021, 7, 10, 21, 30, tzinfo=UTC)


def test_a_bad_or_misplaced_time_zone_is_refused_with_the_file_named(tmp_path):
    nl = write(tmp_path, "nl.csv", NL_HEADER + "2021-07-10,Huizinge,2.0,3.0,53.345,6.672\n")
    with pytest.raises(InputError) as raised:
        load_catalog(nl, time_zone="Europe/Atlantis")
    assert "nl.csv" in str(raised.value) and "Europe/Atlantis" in raised.value.problems[0].message
    fdsn = write(tmp_path, "f.txt", F_HEADER + fdsn_row("f1", "2021-01-10T00:30:00.000"))
    with pytest.raises(InputError) as raised:
        load_catalog(fdsn, time_zone="Europe/Amsterdam")
    assert "UTC" in raised.value.problems[0].message
    assert load_catalog(fdsn, time_zone="UTC").by_id("f1") is not None


def test_catalogue_end_is_the_latest_event_of_any_source_or_the_declared_day(tmp_path):
    rows = fdsn_row("f1", "2021-01-10T12:00:00.000")
    # excluded (outside every source outline) and late in the Dutch evening of 31 December
    rows += (
        "f2|2021-12-31T23:30:00.000|50.958|5.885|2.0|KNMI|KNMI|KNMI|f2|ML|1.0|KNMI|Voerendaal|"
        "induced or triggered event\n"
    )
    path = write(tmp_path, "f.txt", F_HEADER + rows)
    catalog = load_catalog(path)
    assert [q.event_id for q, _ in catalog.excluded] == ["f2"]
    assert catalog.end == dt.date(2022, 1, 1)  # 00:30 Dutch time
    assert load_catalog(path, catalog_end=dt.date(2022, 3, 1)).end == dt.date(2022, 3, 1)
    with pytest.raises(InputError) as raised:
        load_catalog(path, catalog_end=dt.date(2021, 6, 1))
    assert "2022-01-01" in raised.value.problems[0].message
    with pytest.raises(InputError):
        load_catalog(path, catalog_end=dt.date.today() + dt.timedelta(days=3))


def test_import_stores_utc_times_and_the_catalogue_end(empty_store, groningen_catalog):
    import_catalog(empty_store, groningen_catalog)
    with empty_store.engine.connect() as conn:
        assert stored_catalog_end(conn) == dt.date(2022, 1, 26)
        stored = conn.execute(
            text("SELECT time FROM quakes WHERE event_id = 'knmi2012qcdh'")
        ).scalar()
        back = catalog_from_store(conn).by_id("knmi2012qcdh")
    if empty_store.location.is_gpkg:
        assert stored == "2012-08-16T18:30:33.000Z"
    else:
        assert stored == dt.datetime(2012, 8, 16, 18, 30, 33)
    assert back.time == dt.datetime(2012, 8, 16, 18, 30, 33, tzinfo=UTC)


def test_import_catalog_cli_takes_time_zone_and_catalog_end(tmp_path, capsys):
    from domain.store import create_store

    location = str(tmp_path / "s.gpkg")
    create_store(location).close()
    nl = write(tmp_path, "nl.csv", NL_HEADER + "2021-07-10,Huizinge,2.0,3.0,53.345,6.672\n")
    code = main(
        [
            "import-catalog",
            location,
            str(nl),
            "--time-zone",
            "Europe/Amsterdam",
            "--catalog-end",
            "2021-08-01",
            "--json",
        ]
    )
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["counts"]["quakes"] == 1
    from domain.store import open_store

    with open_store(location) as store, store.engine.connect() as conn:
        assert stored_catalog_end(conn) == dt.date(2021, 8, 1)
        assert conn.execute(text("SELECT time FROM quakes")).scalar() == "2021-07-09T22:00:00.000Z"


def test_geopackage_quake_times_read_by_gdal_without_warnings(tmp_path, groningen_catalog):
    from osgeo import gdal, ogr

    from domain.store import create_store

    store = create_store(str(tmp_path / "s.gpkg"))
    import_catalog(store, groningen_catalog)
    store.close()
    messages: list[str] = []

    def handler(level, _number, message):
        if level >= gdal.CE_Warning:
            messages.append(message)

    gdal.PushErrorHandler(handler)
    try:
        ds = ogr.Open(str(tmp_path / "s.gpkg"))
        layer = ds.GetLayerByName("quakes")
        times = {f.GetField("event_id"): f.GetFieldAsDateTime("time") for f in layer}
        ds = None
    finally:
        gdal.PopErrorHandler()
    assert messages == []
    # year, month, day, hour, minute, second, time-zone flag (100 = UTC)
    assert times["knmi2012qcdh"] == [2012, 8, 16, 18, 30, 33.0, 100]


def test_older_stores_without_a_recorded_end_use_the_latest_quake(tmp_path, groningen_catalog):
    from domain.store import create_store

    store = create_store(str(tmp_path / "s.gpkg"))
    import_catalog(store, groningen_catalog)
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM store_info WHERE key = 'catalog_end'"))
        # a store written before: times as 'YYYY-MM-DD HH:MM:SS'
        conn.execute(text("UPDATE quakes SET time = replace(replace(time, 'T', ' '), '.000Z', '')"))
    with store.engine.connect() as conn:
        assert stored_catalog_end(conn) == dt.date(2022, 1, 26)
        assert catalog_from_store(conn).by_id("knmi2012qcdh").time.hour == 18
    store.close()


def test_the_batch_rules_of_a_store_take_the_recorded_catalogue_end(tmp_path, groningen_catalog):
    import numpy as np

    from domain.demo import build_demo
    from domain.store import open_store
    from domain.store.assess_rules import assess_stored

    path = str(tmp_path / "demo.gpkg")
    build_demo(path, objects=300, seed=5, catalog_path=str(groningen_catalog))
    day = dt.date(2026, 3, 1)
    with open_store(path) as store, store.engine.connect() as conn:
        assert stored_catalog_end(conn) == dt.date(2022, 1, 26)
        _, stale = assess_stored(conn, day)
        _, declared = assess_stored(conn, day, catalog_end=day)
    settled = ~np.isnat(stale.last_final_decision) & (stale.reopening_count == 0)
    assert settled.any()
    # no reopening quake known, but the catalogue ends in 2022: undetermined, not "no"
    assert set(stale.new_claim[settled].tolist()) <= {-1, 1}
    assert (stale.new_claim[settled] == -1).any()
    assert set(declared.new_claim[settled].tolist()) <= {0, 1}
