"""Official boundaries on a shared PostGIS store: public reference data every product role reads
and none writes (as ``areas``); the owner imports them, the overview counts by them, revision
0008 up and down. Boundary files: SYNTHETIC geometry in the real CBS/PDOK layouts
(tests/support/boundary_files.py)."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from domain.errors import DomainError
from domain.importers.boundaries import import_boundaries
from domain.planning.overview import regional_overview
from domain.store import create_store, migrate
from tests.integration.shared.conftest import LOGINS
from tests.support.boundary_files import write_gebiedsindelingen, write_pc4

WRITES = (
    "INSERT INTO boundaries (kind, code, name) VALUES ('gemeente', 'GM9999', 'x')",
    "UPDATE boundaries SET name = 'x'",
    "DELETE FROM boundaries",
    "TRUNCATE boundaries",
)


@pytest.fixture(scope="module")
def bounded(shared_demo, tmp_path_factory):
    folder = tmp_path_factory.mktemp("boundaries")
    owner = shared_demo.owner()
    try:
        import_boundaries(owner, write_gebiedsindelingen(folder / "cbsgebiedsindelingen.gpkg"))
        import_boundaries(owner, write_pc4(folder / "cbs_pc4_2024.gpkg"))
    finally:
        owner.close()
    return shared_demo, folder


def _rows(store) -> list:
    with store.engine.connect() as conn:
        return conn.execute(
            text(
                "SELECT id, kind, code, name, year, source, ST_AsEWKB(geom) FROM boundaries ORDER BY id"
            )
        ).all()


@pytest.mark.postgis
@pytest.mark.parametrize("role", list(LOGINS))
def test_every_role_reads_the_boundaries_and_none_writes_them(bounded, role):
    demo, _folder = bounded
    owner = demo.owner()
    before = _rows(owner)
    store = demo.open_as(role)
    try:
        with store.engine.connect() as conn:
            count = conn.execute(text("SELECT COUNT(*) FROM boundaries")).scalar_one()
        assert count == len(before) > 0
        for statement in WRITES:
            with (
                pytest.raises(DomainError, match="permission denied"),
                store.engine.begin() as conn,
            ):
                conn.execute(text(statement))
    finally:
        store.close()
    assert _rows(owner) == before
    owner.close()


@pytest.mark.postgis
def test_reimport_on_postgis_changes_no_row(bounded):
    demo, folder = bounded
    owner = demo.owner()
    try:
        before = _rows(owner)
        report = import_boundaries(owner, folder / "cbsgebiedsindelingen.gpkg")
        assert "niets gewijzigd" in report.changes[-1]
        assert _rows(owner) == before
    finally:
        owner.close()


@pytest.mark.postgis
def test_a_see_all_role_gets_the_owners_counts_per_boundary(bounded):
    demo, _folder = bounded
    owner = demo.owner()
    store = demo.open_as("img")
    try:
        for by in ("gemeente", "pc4"):
            theirs = regional_overview(store, by=by).rows
            mine = regional_overview(owner, by=by).rows
            assert theirs == mine
            assert {"buiten de grenzen"} < {r["group"] for r in mine}
    finally:
        store.close()
        owner.close()


def _grants(engine) -> set:
    with engine.connect() as conn:
        return set(
            conn.execute(
                text(
                    "SELECT grantee, privilege_type FROM information_schema.role_table_grants "
                    "WHERE table_name = 'boundaries' AND grantee LIKE 'imgschade%'"
                )
            ).all()
        )


@pytest.mark.postgis
def test_0008_downgrades_and_upgrades_with_the_same_rights(postgis_server):
    store = create_store(postgis_server.new_database())
    try:
        grants = _grants(store.engine)
        # every product role; and, since revision 0009, the planner aggregates' definer
        readers = {*(f"imgschade_{r}" for r in LOGINS), "imgschade_security"}
        assert grants == {(reader, "SELECT") for reader in readers}
        with store.engine.begin() as conn:
            from alembic import command

            command.downgrade(migrate._config(conn), "0007_planner_dh_to_check")
        with store.engine.connect() as conn:
            assert not inspect(conn).has_table("boundaries")
        migrate.upgrade(store.engine)
        assert _grants(store.engine) == grants
        with store.engine.connect() as conn:
            kind = conn.execute(
                text("SELECT type FROM geometry_columns WHERE f_table_name = 'boundaries'")
            ).scalar_one()
        assert kind == "MULTIPOLYGON"
    finally:
        store.close()


def test_0008_builds_from_its_own_text_not_from_live_code():
    import ast

    source = migrate.MIGRATIONS / "versions" / "0008_boundaries.py"
    tree = ast.parse(source.read_text(encoding="utf-8"))
    imported = set()
    for inner in ast.walk(tree):
        if isinstance(inner, ast.ImportFrom):
            imported.add(inner.module)
        elif isinstance(inner, ast.Import):
            imported |= {a.name for a in inner.names}
    assert imported == {"__future__", "sqlalchemy", "alembic"}


def test_0008_adds_the_table_to_a_0007_geopackage_and_takes_it_away_again(tmp_path):
    import sqlite3

    from domain.store.engine import make_engine, parse_location

    path = tmp_path / "old.gpkg"
    engine = make_engine(parse_location(str(path)))
    try:
        migrate.upgrade(engine, "0007_planner_dh_to_check")
        with engine.connect() as conn:
            assert not inspect(conn).has_table("boundaries")
        migrate.upgrade(engine)
        with engine.begin() as conn:
            from alembic import command

            command.downgrade(migrate._config(conn), "0007_planner_dh_to_check")
        migrate.upgrade(engine)
    finally:
        engine.dispose()
    db = sqlite3.connect(path)
    try:
        registered = db.execute(
            "SELECT g.geometry_type_name, c.srs_id FROM gpkg_geometry_columns g JOIN "
            "gpkg_contents c USING (table_name) WHERE table_name = 'boundaries'"
        ).fetchall()
        rtree = db.execute(
            "SELECT COUNT(*) FROM sqlite_master WHERE name = 'rtree_boundaries_geom'"
        ).fetchone()[0]
    finally:
        db.close()
    assert registered == [("MULTIPOLYGON", 28992)] and rtree == 1
