"""Database failures told to the person: locked, damaged, full, unreachable — and that nothing
was written (every write is one transaction, rolled back when it fails)."""

from __future__ import annotations

import contextlib
import functools
import sqlite3

from sqlalchemy import exc as sa_exc

from domain.errors import DomainError
from domain.i18n import register, tr

register(
    {
        "store.fault_locked": (
            "De opslag {store} is vergrendeld door een ander programma. Er is niets opgeslagen; "
            "sluit het andere programma (of wacht even) en probeer het opnieuw.",
            "The store {store} is locked by another program. Nothing was saved; close the other "
            "program (or wait a moment) and try again.",
        ),
        "store.fault_corrupt": (
            "De opslag {store} is beschadigd of geen GeoPackage ({error}). Er is niets "
            "opgeslagen; gebruik een reservekopie of maak de opslag opnieuw.",
            "The store {store} is damaged or not a GeoPackage ({error}). Nothing was saved; use "
            "a backup or create the store again.",
        ),
        "store.fault_full": (
            "De schijf van de opslag {store} is vol. Er is niets opgeslagen; maak ruimte vrij "
            "en probeer het opnieuw.",
            "The disk of the store {store} is full. Nothing was saved; free some space and try "
            "again.",
        ),
        "store.fault_connection": (
            "De verbinding met de opslag {store} is verbroken ({error}). Er is niets opgeslagen; "
            "controleer netwerk en server en probeer het opnieuw.",
            "The connection to the store {store} was lost ({error}). Nothing was saved; check "
            "the network and the server and try again.",
        ),
        "store.fault_denied": (
            "U heeft geen recht op deze handeling in {store} ({error}). Er is niets gewijzigd; "
            "vraag de beheerder om de juiste rol.",
            "You are not allowed to do this in {store} ({error}). Nothing was changed; ask the "
            "administrator for the right role.",
        ),
    }
)


def classify(error: BaseException) -> str | None:
    """Which fault a database error is (locked, corrupt, full, connection, denied) or None."""
    message = str(getattr(error, "orig", None) or error).lower()
    if "database is locked" in message or "database table is locked" in message:
        return "locked"
    if "malformed" in message or "not a database" in message or "file is not" in message:
        return "corrupt"
    if "database or disk is full" in message or "no space left" in message:
        return "full"
    if "permission denied" in message or "row-level security" in message:
        return "denied"
    if isinstance(error, sa_exc.DBAPIError) and error.connection_invalidated:
        return "connection"
    if any(
        m in message
        for m in (
            "terminating connection",
            "server closed the connection",
            "connection refused",
            "connection failed",
            "consuming input failed",
            "the connection is closed",
        )
    ):
        return "connection"
    return None


def as_domain_error(error: BaseException, store: str) -> DomainError | None:
    kind = classify(error)
    if kind is None:
        return None
    detail = str(getattr(error, "orig", None) or error).strip().splitlines()[0][:200]
    return DomainError(tr(f"store.fault_{kind}", store=store, error=detail))


@contextlib.contextmanager
def store_faults(store: str):
    """Turn a known database failure into a DomainError saying what happened and what to do."""
    try:
        yield
    except DomainError:
        raise
    except (sa_exc.DBAPIError, OSError, sqlite3.Error, *_psycopg_errors()) as error:
        translated = as_domain_error(error, store)
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
        with store_faults(_where(conn.engine)):
            return fn(conn, *args, **kwargs)

    return wrapper


def _translate(context) -> None:
    """SQLAlchemy ``handle_error`` hook: known faults become DomainErrors for the person."""
    engine = context.engine
    if engine is None or engine.dialect.name not in ("geopackage", "sqlite", "postgresql"):
        return
    error = context.sqlalchemy_exception or context.original_exception
    if context.is_disconnect and classify(error) is None:
        kind_error = as_domain_error(_Disconnected(str(error)), _where(engine))
    else:
        kind_error = as_domain_error(error, _where(engine))
    if kind_error is not None:
        raise kind_error


class _Disconnected(Exception):
    def __str__(self) -> str:
        return "server closed the connection: " + super().__str__()


def _where(engine) -> str:
    url = engine.url
    if url.get_backend_name() in ("geopackage", "sqlite"):
        return str(url.database or "")
    user = f"{url.username}@" if url.username else ""
    port = f":{url.port}" if url.port else ""
    return f"postgresql://{user}{url.host or ''}{port}/{url.database or ''}"


def install() -> None:
    """Register the hook once for every engine of a store (GeoPackage or PostGIS)."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    if not event.contains(Engine, "handle_error", _translate):
        event.listen(Engine, "handle_error", _translate)


install()
