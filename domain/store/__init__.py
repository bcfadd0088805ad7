"""The store: one schema in a GeoPackage file or a PostGIS database.

``open_store`` opens an existing store and refuses an older, newer or unknown schema with a
message saying what to do; ``create_store`` makes a new one; ``upgrade_store`` is the only way
a schema changes.
"""

from __future__ import annotations

import os

from sqlalchemy import text

from domain.errors import DomainError
from domain.i18n import register, tr
from domain.store import migrate
from domain.store.engine import SRID, Location, make_engine, parse_location
from domain.store.records import (
    AddressRecord,
    AreaFlags,
    ClaimRecord,
    ConcurrentChangeError,
    ExposureSummary,
    HandOffRecord,
    NotFoundError,
    ObjectRecord,
    OwnerRecord,
    QuakeAtObject,
    SearchHit,
    StatusEntry,
)
from domain.store.repository import Store

__all__ = [
    "SRID",
    "AddressRecord",
    "AreaFlags",
    "ClaimRecord",
    "ConcurrentChangeError",
    "ExposureSummary",
    "HandOffRecord",
    "Location",
    "NotFoundError",
    "ObjectRecord",
    "OwnerRecord",
    "QuakeAtObject",
    "SearchHit",
    "StatusEntry",
    "Store",
    "create_store",
    "open_store",
    "upgrade_store",
]

register(
    {
        "store.missing": (
            "De opslag {store} bestaat niet. Maak er een met 'imgschade demo --out {store}' of "
            "importeer gegevens.",
            "The store {store} does not exist. Create one with 'imgschade demo --out {store}' or "
            "import data.",
        ),
        "store.exists": (
            "{store} bestaat al en bevat gegevens; kies een andere naam of geef --overwrite.",
            "{store} already exists and holds data; choose another name or pass --overwrite.",
        ),
    }
)


def open_store(where, check_schema: bool = True) -> Store:
    """Open an existing store: ``x.gpkg``, ``postgresql://…`` or ``service=name``."""
    location = parse_location(where)
    if location.is_gpkg and not location.path.exists():
        raise DomainError(tr("store.missing", store=str(where)))
    engine = make_engine(location)
    if check_schema:
        try:
            migrate.check(engine, str(where))
        except Exception:
            engine.dispose()
            raise
    return Store(engine, location)


def create_store(where, overwrite: bool = False) -> Store:
    """A new, empty store at the current schema version (``overwrite`` replaces one)."""
    location = parse_location(where)
    if location.is_gpkg:
        if location.path.exists():
            if not overwrite:
                raise DomainError(tr("store.exists", store=str(where)))
            os.remove(location.path)
        location.path.parent.mkdir(parents=True, exist_ok=True)
        engine = make_engine(location)
    else:
        engine = make_engine(location)
        if migrate.has_tables(engine):
            if not overwrite:
                engine.dispose()
                raise DomainError(tr("store.exists", store=str(where)))
            _drop_everything(engine)
    migrate.upgrade(engine)
    return Store(engine, location)


def upgrade_store(where) -> tuple[str | None, str]:
    """Bring an older store to the current schema; returns (before, after) revisions."""
    location = parse_location(where)
    if location.is_gpkg and not location.path.exists():
        raise DomainError(tr("store.missing", store=str(where)))
    engine = make_engine(location)
    try:
        before = migrate.current_revision(engine)
        if before is None and migrate.has_tables(engine):
            raise DomainError(tr("store.not_a_store", store=str(where)))
        if before is not None and before not in migrate.known_revisions():
            raise DomainError(tr("store.schema_unknown", store=str(where), current=before))
        migrate.upgrade(engine)
        return before, migrate.head_revision()
    finally:
        engine.dispose()


def _drop_everything(engine) -> None:
    from domain.store.schema import metadata

    with engine.begin() as conn:
        metadata.drop_all(conn)
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
        conn.execute(text("DROP FUNCTION IF EXISTS imgschade_append_only()"))
