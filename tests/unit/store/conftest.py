"""Store tests run on GeoPackage and on a real PostGIS server the tests start themselves."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import text

from domain.store import create_store, open_store
from domain.store.schema import TABLE_ORDER
from tests.support.postgis_server import postgis_server  # noqa: F401  (session fixture)
from tests.support.store_templates import store_templates  # noqa: F401  (session fixture)

BACKENDS = ("gpkg", pytest.param("postgis", marks=pytest.mark.postgis))


@pytest.fixture(params=BACKENDS)
def store_location(request, tmp_path):
    """Where a new store goes: a .gpkg path or a fresh PostGIS database URL."""
    if request.param == "gpkg":
        return str(tmp_path / "store.gpkg")
    server = request.getfixturevalue("postgis_server")
    return server.new_database()


@pytest.fixture
def empty_store(store_location, store_templates, request):  # noqa: F811
    """A new, empty store at ``store_location``: a copy of the one ``create_store`` made first."""
    store_templates.copy_to(
        store_location, "empty", lambda where: create_store(where).close(), request
    )
    store = open_store(store_location)
    yield store
    store.close()


def snapshot(store) -> object:
    """What 'unchanged' means: the file hash for GeoPackage, every row for PostGIS."""
    if store.location.is_gpkg:
        store.engine.dispose()
        return hashlib.sha256(store.location.path.read_bytes()).hexdigest()
    rows = {}
    with store.engine.connect() as conn:
        for table in TABLE_ORDER:
            cols = [c for c in _columns(conn, table) if c != "geom"]
            order = ", ".join(f'"{c}"' for c in cols)
            rows[table] = conn.execute(text(f"SELECT {order} FROM {table} ORDER BY {order}")).all()
    return rows


def _columns(conn, table):
    from sqlalchemy import inspect

    return [c["name"] for c in inspect(conn).get_columns(table)]
