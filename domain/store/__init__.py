"""The store: one schema in a GeoPackage file or a PostGIS database.

``open_store`` opens an existing store and refuses an older, newer or unknown schema with a
message saying what to do; ``create_store`` makes a new one; ``upgrade_store`` is the only way
a schema changes.
"""

from __future__ import annotations

from sqlalchemy import text

from domain.errors import DomainError
from domain.i18n import register, tr
from domain.store import migrate
from domain.store.backend import backend_for
from domain.store.engine import SRID, Location, make_engine, parse_location
from domain.store.records import ConcurrentChangeError, NotFoundError
from domain.store.repository import Store

# the records a store hands out are in ``domain.store.records``; the two errors are here too,
# for callers that only know the package
__all__ = [
    "SRID",
    "ConcurrentChangeError",
    "Location",
    "NotFoundError",
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
        "store.overwrite_not_owner": (
            "{store} kan niet worden overschreven: {objects} is van {owners}, niet van deze "
            "login (het auditlog mag niemand anders weggooien). Laat een databasebeheerder "
            "(superuser) de opslag opnieuw maken, of kies een lege database. Er is niets "
            "gewijzigd.",
            "{store} cannot be overwritten: {objects} belongs to {owners}, not to this login "
            "(nobody else may throw the audit log away). Have a database administrator "
            "(superuser) create the store again, or choose an empty database. Nothing was "
            "changed.",
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
    if backend_for(location).missing(location):
        raise DomainError(tr("store.missing", store=location.shown()))
    engine = make_engine(location)
    if check_schema:
        try:
            migrate.check(engine, location.shown())
        except Exception:
            engine.dispose()
            raise
    return Store(engine, location)


def create_store(where, overwrite: bool = False) -> Store:
    """A new, empty store at the current schema version (``overwrite`` replaces one)."""
    location = parse_location(where)
    backend = backend_for(location)
    backend.clear_for_new_store(
        location, overwrite, lambda: tr("store.exists", store=location.shown())
    )
    engine = make_engine(location)
    if backend.upgrade_makes_new_store and migrate.has_tables(engine):
        # a database that already holds tables: replaced only when asked
        if not overwrite:
            engine.dispose()
            raise DomainError(tr("store.exists", store=location.shown()))
        _drop_everything(engine)
    migrate.upgrade(engine)
    return Store(engine, location)


def upgrade_store(where) -> tuple[str | None, str]:
    """Bring an older store to the current schema; returns (before, after) revisions."""
    location = parse_location(where)
    backend = backend_for(location)
    if backend.missing(location):
        raise DomainError(tr("store.missing", store=location.shown()))
    engine = make_engine(location)
    try:
        before = migrate.current_revision(engine)
        # a GeoPackage store is made by demo/import, never by upgrading someone else's file
        if before is None and (not backend.upgrade_makes_new_store or migrate.has_tables(engine)):
            raise DomainError(tr("store.not_a_store", store=location.shown()))
        if before is not None and before not in migrate.known_revisions():
            raise DomainError(tr("store.schema_unknown", store=location.shown(), current=before))
        migrate.upgrade(engine)
        return before, migrate.head_revision()
    finally:
        engine.dispose()


def _drop_everything(engine) -> None:
    from domain.store.schema import metadata

    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            _check_may_drop(conn, engine)
        metadata.drop_all(conn)
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
        conn.execute(text("DROP FUNCTION IF EXISTS imgschade_append_only()"))
        if conn.dialect.name == "postgresql":
            # the planner views and every function of ours (policies and triggers went with
            # their tables); roles and gemeente_logins stay: they outlive one store build
            for view in ("planner_municipality_summary", "planner_pc4_summary"):
                conn.execute(text(f"DROP VIEW IF EXISTS {view}"))
            for (signature,) in conn.execute(text(_OUR_FUNCTIONS)).all():
                conn.execute(text(f"DROP FUNCTION IF EXISTS {signature}"))


_OUR_FUNCTIONS = (
    "SELECT p.oid::regprocedure::text FROM pg_proc p WHERE p.pronamespace = "
    "current_schema()::regnamespace AND p.proname LIKE 'imgschade\\_%'"
)


def _check_may_drop(conn, engine) -> None:
    """Since revision 0005 the audit log and our functions may belong to imgschade_security:
    only a superuser (or a member of that role) can drop them. Refuse before dropping anything."""
    from domain.store.faults import _where
    from domain.store.schema import metadata

    foreign = conn.execute(
        text(
            "SELECT c.relname AS name, pg_get_userbyid(c.relowner) AS owner FROM pg_class c "
            "WHERE c.relnamespace "
            "= current_schema()::regnamespace AND c.relname = ANY(:names) AND c.relkind = 'r' "
            "AND NOT pg_has_role(c.relowner, 'USAGE') UNION ALL "
            "SELECT p.proname, pg_get_userbyid(p.proowner) FROM pg_proc p WHERE p.pronamespace "
            "= current_schema()::regnamespace AND p.proname LIKE 'imgschade\\_%' "
            "AND NOT pg_has_role(p.proowner, 'USAGE') ORDER BY 1"
        ),
        {"names": [*metadata.tables, "alembic_version"]},
    ).all()
    if foreign:
        owners = ", ".join(sorted({r.owner for r in foreign}))
        names = ", ".join(r.name for r in foreign[:4]) + (", …" if len(foreign) > 4 else "")
        raise DomainError(
            tr(
                "store.overwrite_not_owner",
                store=_where(engine),
                objects=names,
                owners=owners,
            )
        )
