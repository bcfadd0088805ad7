"""Schema versions: create, check and upgrade a store with the migrations shipped in the package.

A store never changes shape by surprise: opening one whose schema is older asks the user to run
``imgschade upgrade STORE``; a newer or unknown schema is refused with a message, so an old
plugin cannot damage a store written by a newer one.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine

from domain.errors import DomainError
from domain.i18n import register, tr

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

register(
    {
        "store.schema_older": (
            "De opslag {store} heeft schemaversie {current}; deze versie van het programma werkt "
            "met {head}. Voer 'imgschade upgrade {store}' uit (maak eerst een kopie).",
            "The store {store} has schema version {current}; this version of the program works "
            "with {head}. Run 'imgschade upgrade {store}' (make a copy first).",
        ),
        "store.schema_unknown": (
            "De opslag {store} heeft schemaversie {current}, die dit programma niet kent (nieuwer "
            "of van een ander programma). Werk de plugin bij of gebruik de juiste opslag; er is "
            "niets gewijzigd.",
            "The store {store} has schema version {current}, which this program does not know "
            "(newer, or from another program). Update the plugin or use the right store; "
            "nothing was changed.",
        ),
        "store.no_postgis": (
            "De database {database} op {server} heeft de PostGIS-extensie niet, en login {user} "
            "mag die niet aanzetten ({error}). Vraag de databasebeheerder om in database "
            "{database} als superuser uit te voeren: CREATE EXTENSION postgis; — of kies een "
            "database waarin PostGIS al aan staat. Er is niets gewijzigd.",
            "The database {database} on {server} does not have the PostGIS extension, and login "
            "{user} may not enable it ({error}). Ask the database administrator to run, as a "
            "superuser in database {database}: CREATE EXTENSION postgis; — or choose a database "
            "that already has PostGIS. Nothing was changed.",
        ),
        "store.postgis_not_installed": (
            "PostGIS is niet geïnstalleerd op de PostgreSQL-server {server} (database "
            "{database}). Vraag de beheerder het PostGIS-pakket te installeren (Debian/Ubuntu: "
            "postgresql-<versie>-postgis-3) en daarna CREATE EXTENSION postgis; uit te voeren. "
            "Er is niets gewijzigd.",
            "PostGIS is not installed on the PostgreSQL server {server} (database {database}). "
            "Ask the administrator to install the PostGIS package (Debian/Ubuntu: "
            "postgresql-<version>-postgis-3) and then run CREATE EXTENSION postgis;. Nothing was "
            "changed.",
        ),
        "store.not_a_store": (
            "{store} is geen opslag van dit programma (geen schemaversie gevonden). Maak er een "
            "met 'imgschade demo --out …' of een import, of kies een ander bestand.",
            "{store} is not a store of this program (no schema version found). Create one with "
            "'imgschade demo --out …' or an import, or choose another file.",
        ),
    }
)


def _config(connection=None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def script() -> ScriptDirectory:
    return ScriptDirectory.from_config(_config())


def head_revision() -> str:
    return script().get_current_head()


def known_revisions() -> set[str]:
    return {rev.revision for rev in script().walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    if len(rows) != 1:
        return None if not rows else ",".join(sorted(r[0] for r in rows))
    return rows[0][0]


def has_tables(engine: Engine) -> bool:
    """Whether any table of ours (or a schema version) is already there."""
    from domain.store.schema import metadata

    with engine.connect() as conn:
        names = set(inspect(conn).get_table_names())
    return bool(names & (set(metadata.tables) | {"alembic_version"}))


def upgrade(engine: Engine, target: str = "head") -> None:
    """Bring the schema to ``target`` in one transaction (the only way a schema changes)."""
    with engine.begin() as conn:
        ensure_postgis(conn)
        command.upgrade(_config(conn), target)


def ensure_postgis(conn) -> None:
    """A PostgreSQL database needs the PostGIS extension: enable it where the login may,
    else a DomainError naming what to ask the database administrator (never a traceback)."""
    if conn.dialect.name != "postgresql":
        return
    if conn.execute(text("SELECT 1 FROM pg_extension WHERE extname = 'postgis'")).first():
        return
    database, user = conn.execute(text("SELECT current_database(), session_user")).one()
    url = conn.engine.url
    server = f"{url.host or 'localhost'}:{url.port or 5432}"
    available = conn.execute(
        text("SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'")
    ).first()
    if not available:
        raise DomainError(tr("store.postgis_not_installed", server=server, database=database))
    try:
        with conn.begin_nested():
            conn.execute(text("CREATE EXTENSION IF NOT EXISTS postgis"))
    except Exception as error:  # noqa: BLE001  (refused: the DBA must do it, said below)
        root = error  # the server's own words, not a translated fault around them
        while isinstance(root, DomainError) and (root.__cause__ or root.__context__):
            root = root.__cause__ or root.__context__
        detail = str(getattr(root, "orig", None) or root).strip().splitlines()[0][:200]
        raise DomainError(
            tr("store.no_postgis", database=database, server=server, user=user, error=detail)
        ) from error


def check(engine: Engine, store: str) -> str:
    """The schema revision, or a DomainError saying what to do when it is not the current one."""
    current = current_revision(engine)
    head = head_revision()
    if current is None:
        raise DomainError(tr("store.not_a_store", store=store))
    if current == head:
        return current
    if current in known_revisions():
        raise DomainError(tr("store.schema_older", store=store, current=current, head=head))
    raise DomainError(tr("store.schema_unknown", store=store, current=current))
