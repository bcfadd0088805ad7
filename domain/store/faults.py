"""Database failures told to the person: busy, damaged, full, unreachable — and that nothing
was written (every write is one transaction, rolled back when it fails).

Each message speaks of the store's own backend: a GeoPackage is a file on a disk (another
program may hold it, the file may be damaged or read-only), a PostGIS store lives on a
PostgreSQL server (another user may hold the rows, the login may fail, the server may be out
of reach). A driver's own error text is shown too, first line only and without any password.
"""

from __future__ import annotations

import contextlib
import functools
import sqlite3

from sqlalchemy import exc as sa_exc

from domain.errors import DomainError
from domain.i18n import register, tr
from domain.store.engine import redact, shown_url, url_secrets

GPKG, POSTGIS = "gpkg", "postgis"

register(
    {
        "store.fault_locked.gpkg": (
            "De opslag {store} is bezet: een ander programma schrijft erin en houdt het bestand "
            "vergrendeld. Er is niets opgeslagen; probeer het over een ogenblik opnieuw (of sluit "
            "het andere programma).",
            "The store {store} is busy: another program is writing to it and holds the file "
            "locked. Nothing was saved; try again in a moment (or close the other program).",
        ),
        "store.fault_locked.postgis": (
            "De opslag {store} is bezet: een andere gebruiker wijzigt dezelfde gegevens en houdt "
            "ze vergrendeld ({error}). Er is niets opgeslagen; probeer het over een ogenblik "
            "opnieuw.",
            "The store {store} is busy: another user is changing the same data and holds it "
            "locked ({error}). Nothing was saved; try again in a moment.",
        ),
        "store.fault_corrupt.gpkg": (
            "De opslag {store} is beschadigd of geen GeoPackage ({error}). Er is niets "
            "opgeslagen; gebruik een reservekopie of maak de opslag opnieuw.",
            "The store {store} is damaged or not a GeoPackage ({error}). Nothing was saved; use "
            "a backup or create the store again.",
        ),
        "store.fault_corrupt.postgis": (
            "De database van de opslag {store} op de PostgreSQL-server is beschadigd ({error}). "
            "Er is niets opgeslagen; vraag de beheerder de database te herstellen of een "
            "reservekopie terug te zetten.",
            "The database of the store {store} on the PostgreSQL server is damaged ({error}). "
            "Nothing was saved; ask the administrator to repair the database or restore a "
            "backup.",
        ),
        "store.fault_full.gpkg": (
            "De schijf met het bestand {store} is vol. Er is niets opgeslagen; maak ruimte vrij "
            "en probeer het opnieuw.",
            "The disk holding the file {store} is full. Nothing was saved; free some space and "
            "try again.",
        ),
        "store.fault_full.postgis": (
            "De schijf van de PostgreSQL-server van de opslag {store} is vol ({error}). Er is "
            "niets opgeslagen; vraag de beheerder ruimte vrij te maken en probeer het opnieuw.",
            "The disk of the PostgreSQL server of the store {store} is full ({error}). Nothing "
            "was saved; ask the administrator to free some space and try again.",
        ),
        "store.fault_connection.gpkg": (
            "Het bestand {store} kon niet worden geopend of gelezen ({error}). Er is niets "
            "opgeslagen; controleer dat het een bestand is (geen map), dat het er nog staat en "
            "dat de schijf of netwerkmap bereikbaar is.",
            "The file {store} could not be opened or read ({error}). Nothing was saved; check "
            "that it is a file (not a folder), that it is still there and that the disk or "
            "network folder can be reached.",
        ),
        "store.fault_connection.postgis": (
            "De verbinding met de PostgreSQL-server van de opslag {store} kwam niet tot stand "
            "of is verbroken ({error}). Er is niets opgeslagen; controleer netwerk, server en "
            "databasenaam en probeer het opnieuw.",
            "The connection to the PostgreSQL server of the store {store} could not be made or "
            "was lost ({error}). Nothing was saved; check the network, the server and the "
            "database name and try again.",
        ),
        "store.fault_login.postgis": (
            "Inloggen op de PostgreSQL-server van de opslag {store} is mislukt ({error}). Er is "
            "niets gewijzigd; controleer gebruikersnaam en wachtwoord (of de service- en "
            "pgpass-instellingen).",
            "Logging in to the PostgreSQL server of the store {store} failed ({error}). Nothing "
            "was changed; check the user name and password (or the service and pgpass "
            "settings).",
        ),
        "store.fault_denied.gpkg": (
            "Het bestand {store} mag niet worden gewijzigd ({error}). Er is niets gewijzigd; "
            "controleer de schrijfrechten op het bestand en de map, of werk in een kopie.",
            "The file {store} may not be changed ({error}). Nothing was changed; check the "
            "write permission on the file and its folder, or work on a copy.",
        ),
        "store.fault_denied.postgis": (
            "U heeft geen recht op deze handeling in {store} ({error}). Er is niets gewijzigd; "
            "vraag de beheerder om de juiste rol.",
            "You are not allowed to do this in {store} ({error}). Nothing was changed; ask the "
            "administrator for the right role.",
        ),
    }
)

# what a driver says, lower case, per fault, checked in this order; a tuple needs all its parts
_SQLITE_FAULTS = (
    ("locked", ("database is locked", "database table is locked", "database schema is locked")),
    ("corrupt", ("malformed", "not a database", "file is encrypted")),
    ("full", ("database or disk is full", "no space left")),
    ("denied", ("readonly database", "permission denied", "access denied")),
    (
        "connection",
        (
            "unable to open database file",
            "disk i/o error",
            "closed database",
            "no such file or directory",
            "is a directory",
        ),
    ),
)
_POSTGRES_FAULTS = (
    (
        "locked",
        (
            "lock timeout",
            "could not obtain lock",
            "deadlock detected",
            "could not serialize access",
        ),
    ),
    (
        "corrupt",
        ("invalid page in block", "could not read block", "unexpected zero page", "missing chunk"),
    ),
    ("full", ("no space left", "could not extend file", "disk full")),
    (
        "login",
        (
            "password authentication failed",
            "no password supplied",
            "authentication failed",
            "no pg_hba.conf entry",
            ('role "', "does not exist"),
        ),
    ),
    ("denied", ("permission denied", "row-level security", "must be owner")),
    (
        "connection",
        (
            "terminating connection",
            "server closed the connection",
            "connection refused",
            "connection failed",
            "consuming input failed",
            "the connection is closed",
            "could not connect",
            "could not translate host name",
            "timeout expired",
            ('database "', "does not exist"),
            ("definition of service", "not found"),
            "no route to host",
            "network is unreachable",
        ),
    ),
)


def _says(message: str, needle) -> bool:
    return all(p in message for p in needle) if isinstance(needle, tuple) else needle in message


def _message(error: BaseException) -> str:
    return str(getattr(error, "orig", None) or error)


def backend_of(error: BaseException, engine=None) -> str | None:
    """``gpkg`` or ``postgis``: from the engine when known, else from the driver's error class."""
    if engine is not None:
        return GPKG if engine.dialect.name in ("geopackage", "sqlite") else POSTGIS
    inner = getattr(error, "orig", None) or error
    if isinstance(inner, sqlite3.Error):
        return GPKG
    if isinstance(inner, _psycopg_errors()):
        return POSTGIS
    return None


def classify(error: BaseException, backend: str | None = None) -> str | None:
    """Which fault a database error is (locked, corrupt, full, login, denied, connection) or
    None. ``backend`` (``gpkg``/``postgis``) picks the driver's vocabulary; a GeoPackage is
    never told about a login, a PostGIS store never that it is "not a GeoPackage"."""
    message = _message(error).lower()
    backend = backend or backend_of(error)
    no_space = "no space" in message or getattr(error, "errno", None) == 28  # ENOSPC
    if backend == GPKG and isinstance(error, OSError) and no_space:
        return "full"
    tables = {GPKG: (_SQLITE_FAULTS,), POSTGIS: (_POSTGRES_FAULTS,)}.get(
        backend, (_SQLITE_FAULTS, _POSTGRES_FAULTS)
    )
    for table in tables:
        for kind, needles in table:
            if any(_says(message, n) for n in needles):
                return kind
    if backend != GPKG and isinstance(error, sa_exc.DBAPIError) and error.connection_invalidated:
        return "connection"
    return None


def as_domain_error(
    error: BaseException, store: str, backend: str | None = None, secrets=()
) -> DomainError | None:
    """A DomainError for a known fault (None otherwise); ``store`` is the location as shown
    to people, ``secrets`` are passwords to blank out of the driver's text."""
    backend = backend or backend_of(error)
    if backend is None:
        backend = POSTGIS if store.startswith(("postgres", "service=")) else GPKG
    kind = classify(error, backend)
    if kind is None:
        return None
    if kind == "login" and backend == GPKG:  # no logins in a file
        kind = "connection"
    lines = _message(error).strip().splitlines() or [""]
    detail = redact(lines[0][:200], secrets)
    return DomainError(tr(f"store.fault_{kind}.{backend}", store=redact(store), error=detail))


@contextlib.contextmanager
def store_faults(store: str, engine=None):
    """Turn a known database failure into a DomainError saying what happened and what to do."""
    try:
        yield
    except DomainError:
        raise
    except (sa_exc.DBAPIError, OSError, sqlite3.Error, *_psycopg_errors()) as error:
        backend = backend_of(error, engine)
        translated = as_domain_error(error, store, backend, _secrets(engine))
        if translated is None:
            raise
        raise translated from error


def _psycopg_errors() -> tuple:
    """The driver's own error classes, for writes that bypass SQLAlchemy (either driver)."""
    import importlib

    errors = []
    for name in ("psycopg2", "psycopg"):
        try:
            errors.append(importlib.import_module(name).Error)
        except ImportError:  # a GeoPackage-only install has neither
            continue
    return tuple(errors)


def raw_faults(fn):
    """For writes on the driver connection (executemany, COPY), which bypass SQLAlchemy's
    error hook: the first argument is the SQLAlchemy connection the write belongs to."""

    @functools.wraps(fn)
    def wrapper(conn, *args, **kwargs):
        with store_faults(_where(conn.engine), conn.engine):
            return fn(conn, *args, **kwargs)

    return wrapper


def _translate(context) -> None:
    """SQLAlchemy ``handle_error`` hook: known faults become DomainErrors for the person."""
    engine = context.engine
    if engine is None or engine.dialect.name not in ("geopackage", "sqlite", "postgresql"):
        return
    error = context.sqlalchemy_exception or context.original_exception
    backend = backend_of(error, engine)
    if context.is_disconnect and classify(error, backend) is None:
        error = _Disconnected(_message(error))
    kind_error = as_domain_error(error, _where(engine), backend, _secrets(engine))
    if kind_error is not None:
        raise kind_error


class _Disconnected(Exception):
    def __str__(self) -> str:
        return "server closed the connection: " + super().__str__()


def _where(engine) -> str:
    """The engine's store as people may see it (no password)."""
    return shown_url(engine.url)


def _secrets(engine) -> tuple[str, ...]:
    return url_secrets(engine.url) if engine is not None else ()


def install() -> None:
    """Register the hook once for every engine of a store (GeoPackage or PostGIS)."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    if not event.contains(Engine, "handle_error", _translate):
        event.listen(Engine, "handle_error", _translate)


install()
