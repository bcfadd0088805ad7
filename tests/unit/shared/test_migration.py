"""Revision 0004: claims get a version everywhere; PostGIS gets roles, policies and views;
downgrading removes them again and upgrading restores them."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, inspect, text

from domain.store import create_store, migrate
from domain.store.faults import _where, as_domain_error


def _policies(engine) -> set[str]:
    with engine.connect() as conn:
        return {
            r[0]
            for r in conn.execute(
                text("SELECT tablename FROM pg_policies WHERE policyname = 'imgschade_rows'")
            )
        }


def _claim_columns(engine) -> set[str]:
    with engine.connect() as conn:
        return {c["name"] for c in inspect(conn).get_columns("claims")}


def test_geopackage_claims_get_a_version_kept_through_downgrade_and_upgrade(tmp_path):
    store = create_store(str(tmp_path / "s.gpkg"))
    try:
        assert "version" in _claim_columns(store.engine)
        with store.engine.begin() as conn:
            from alembic import command

            command.downgrade(migrate._config(conn), "0003_append_only_history")
        assert migrate.current_revision(store.engine) == "0003_append_only_history"
        assert "version" in _claim_columns(store.engine)  # see the migration's downgrade
        migrate.upgrade(store.engine)
        assert migrate.current_revision(store.engine) == "0004_shared_use"
        assert "version" in _claim_columns(store.engine)
    finally:
        store.close()


@pytest.mark.postgis
def test_postgis_security_is_installed_removed_and_reinstalled(postgis_server):
    url = postgis_server.new_database()
    store = create_store(url)
    expected = {
        "objects",
        "addresses",
        "parcels",
        "ownerships",
        "claims",
        "handoffs",
        "exposure_events",
        "handoff_status",
        "persons",
    }
    try:
        assert _policies(store.engine) == expected
        with store.engine.begin() as conn:
            from alembic import command

            command.downgrade(migrate._config(conn), "0003_append_only_history")
        assert _policies(store.engine) == set()
        assert "version" not in _claim_columns(store.engine)
        migrate.upgrade(store.engine)
        assert _policies(store.engine) == expected
        # rebuilding the store over the top is never blocked by policies or views
        create_store(url, overwrite=True).close()
        assert _policies(store.engine) == expected
        with store.engine.connect() as conn:
            roles = {
                r[0]
                for r in conn.execute(
                    text("SELECT rolname FROM pg_roles WHERE rolname LIKE 'imgschade\\_%'")
                )
            }
        assert roles == {
            "imgschade_img",
            "imgschade_ncg",
            "imgschade_taskforce",
            "imgschade_gemeente",
            "imgschade_planner",
        }
    finally:
        store.close()


def test_fault_messages_never_show_a_password():
    engine = create_engine("postgresql+psycopg2://anna:Geheim-123@db.example:5432/schade")

    class Lost(Exception):
        pass

    error = as_domain_error(Lost("server closed the connection unexpectedly"), _where(engine))
    assert error is not None
    assert "Geheim-123" not in str(error)
    assert "postgresql://anna@db.example:5432/schade " in str(error)
    engine.dispose()
