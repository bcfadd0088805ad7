"""Schema, GeoPackage registration, and the version check (older / newer / not a store)."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text

from domain.errors import DomainError
from domain.store import create_store, migrate, open_store, upgrade_store
from domain.store.engine import make_engine, parse_location
from domain.store.schema import REVISIONS


def test_new_store_is_at_the_newest_revision(empty_store):
    assert migrate.current_revision(empty_store.engine) == REVISIONS[-1] == migrate.head_revision()
    assert migrate.known_revisions() == set(REVISIONS)


def test_geopackage_registers_every_spatial_table_in_rd_new(tmp_path):
    path = tmp_path / "s.gpkg"
    create_store(str(path)).close()
    conn = sqlite3.connect(path)
    contents = dict(
        conn.execute("SELECT table_name, srs_id FROM gpkg_contents WHERE data_type = 'features'")
    )
    assert contents == {
        "objects": 28992,
        "parcels": 28992,
        "quakes": 28992,
        "areas": 28992,
        "boundaries": 28992,
    }
    kinds = dict(conn.execute("SELECT table_name, geometry_type_name FROM gpkg_geometry_columns"))
    assert kinds == {
        "objects": "POINT",
        "parcels": "MULTIPOLYGON",
        "quakes": "POINT",
        "areas": "MULTIPOLYGON",
        "boundaries": "MULTIPOLYGON",
    }
    rtrees = {
        r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE name LIKE 'rtree_%_geom'")
    }
    assert rtrees == {
        "rtree_objects_geom",
        "rtree_parcels_geom",
        "rtree_quakes_geom",
        "rtree_areas_geom",
        "rtree_boundaries_geom",
    }
    assert conn.execute("PRAGMA application_id").fetchone()[0] == 0x47504B47
    assert conn.execute(
        "SELECT organization_coordsys_id FROM gpkg_spatial_ref_sys WHERE srs_id = 28992"
    ).fetchone() == (28992,)


@pytest.mark.postgis
def test_postgis_tables_have_typed_geometry_and_gist_index(postgis_server, tmp_path):
    create_store(str(tmp_path / "first.gpkg")).close()  # GeoPackage DDL first must not matter
    store = create_store(postgis_server.new_database())
    with store.engine.connect() as conn:
        cols = dict(
            conn.execute(
                text("SELECT f_table_name, type FROM geometry_columns WHERE srid = 28992")
            ).all()
        )
        gist = conn.execute(
            text("SELECT COUNT(*) FROM pg_indexes WHERE indexdef ILIKE '%USING gist%'")
        ).scalar()
    store.close()
    assert cols == {
        "objects": "POINT",
        "parcels": "MULTIPOLYGON",
        "quakes": "POINT",
        "areas": "MULTIPOLYGON",
        "boundaries": "MULTIPOLYGON",
    }
    assert gist == 5


def _at_revision(location: str, revision: str) -> None:
    engine = make_engine(parse_location(location))
    migrate.upgrade(engine, revision)
    engine.dispose()


def test_older_store_asks_for_upgrade_and_upgrade_works(store_location):
    _at_revision(store_location, REVISIONS[0])
    with pytest.raises(DomainError, match="imgschade upgrade"):
        open_store(store_location)
    before, after = upgrade_store(store_location)
    assert (before, after) == (REVISIONS[0], REVISIONS[-1])
    store = open_store(store_location)
    with store.engine.connect() as conn:
        from sqlalchemy import inspect

        names = {i["name"] for i in inspect(conn).get_indexes("claims")}
    store.close()
    assert "ix_claims_status" in names


def test_newer_or_unknown_schema_is_refused_without_change(empty_store, store_location):
    with empty_store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099_future'"))
    empty_store.close()
    with pytest.raises(DomainError, match="niet kent") as err:
        open_store(store_location)
    assert "0099_future" in str(err.value)
    with pytest.raises(DomainError, match="niet kent"):
        upgrade_store(store_location)
    engine = make_engine(parse_location(store_location))
    assert migrate.current_revision(engine) == "0099_future"
    engine.dispose()


def test_foreign_geopackage_is_not_a_store(tmp_path):
    path = tmp_path / "other.gpkg"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE something (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(DomainError, match="geen opslag van dit programma"):
        open_store(str(path))


def test_missing_store_and_bad_location_say_what_to_do(tmp_path):
    with pytest.raises(DomainError, match="bestaat niet"):
        open_store(str(tmp_path / "nope.gpkg"))
    with pytest.raises(DomainError, match="geen opslag"):
        open_store(str(tmp_path / "nope.txt"))


def test_create_refuses_to_overwrite_unless_asked(store_location):
    create_store(store_location).close()
    with pytest.raises(DomainError, match="bestaat al"):
        create_store(store_location)
    create_store(store_location, overwrite=True).close()


def test_service_and_url_locations_are_parsed():
    assert parse_location("service=img").url == "postgresql+psycopg2:///?service=img"
    assert parse_location("postgresql://u@h:5/db").url == "postgresql+psycopg2://u@h:5/db"
    assert parse_location("x.GPKG").is_gpkg
