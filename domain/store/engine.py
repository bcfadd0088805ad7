"""Where a store lives: a GeoPackage file or a PostGIS database, behind one SQLAlchemy engine.

The user names a store the way they know it: a ``.gpkg`` path, a ``postgresql://`` URL or a
libpq ``service=name``. GeoPackage connections load SpatiaLite so that the R-tree triggers
and geometry checks GeoAlchemy2 installs work; PostGIS goes through psycopg2, which every QGIS
ships (psycopg 3 where only that one is present).
"""

from __future__ import annotations

import os
import re
import sqlite3
import struct
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote

import geoalchemy2.admin.dialects.geopackage  # noqa: F401  (registers the gpkg:// dialect)
import shapely
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine

from domain import policy
from domain.errors import DomainError
from domain.groundmotion.coordinates import SRID  # RD New: every geometry column's SRID
from domain.i18n import register, tr

register(
    {
        "store.no_spatialite": (
            "SpatiaLite (mod_spatialite) kon niet worden geladen: {error}. Installeer "
            "libsqlite3-mod-spatialite of zet SPATIALITE_LIBRARY_PATH naar het bestand.",
            "SpatiaLite (mod_spatialite) could not be loaded: {error}. Install "
            "libsqlite3-mod-spatialite or point SPATIALITE_LIBRARY_PATH at the file.",
        ),
        "store.bad_location": (
            "'{where}' is geen opslag: geef een .gpkg-bestand, een postgresql://-adres of "
            "service=naam.",
            "'{where}' is not a store: give a .gpkg file, a postgresql:// URL or service=name.",
        ),
    }
)


@dataclass(frozen=True)
class Location:
    """A parsed store location: ``kind`` is ``gpkg`` or ``postgis``."""

    kind: str
    url: str
    path: Path | None = None

    @property
    def is_gpkg(self) -> bool:
        """For tests only: product code asks the backend
        (``domain.store.backend``) for what differs, it does not branch on the kind."""
        return self.kind == "gpkg"

    def shown(self) -> str:
        """The location as people may see it (messages, JSON, logs): a GeoPackage's path, or
        the PostGIS address with every password replaced by ``***``."""
        if self.path is not None:
            return str(self.path)
        return shown_url(self.url)

    def secrets(self) -> tuple[str, ...]:
        """The passwords this location carries (to blank them out of a driver's message)."""
        return url_secrets(self.url)

    def redact(self, text: str) -> str:
        """``text`` (e.g. a driver's error message) without this location's passwords."""
        return redact(text, self.secrets())


# --- passwords never shown ---------------------------------------------------------------
#: ``scheme://user:PASSWORD@host`` (greedy up to the last ``@`` of the authority)
_URL_PASSWORD = re.compile(r"(?P<head>\b[a-z][a-z0-9+.\-]*://[^\s:/@?#]*:)[^\s/?#]*(?=@)", re.I)
#: ``password=…`` in a libpq keyword or service string, a query string or a QGIS data source
_KEYWORD_PASSWORD = re.compile(
    r"(?P<head>\b(?:ssl)?pass(?:word|wd)?\s*=\s*)"
    r"(?P<secret>'(?:[^'\\]|\\.)*'|\"[^\"]*\"|[^\s&;,'\")]*)",
    re.I,
)
#: ``PASSWORD '…'`` in SQL (``CREATE ROLE … PASSWORD``) and ``"password": "…"`` in JSON
_SQL_PASSWORD = re.compile(r"(?P<head>\bPASSWORD\s+)(?P<secret>'(?:[^']|'')*')", re.I)
_JSON_PASSWORD = re.compile(
    r'(?P<head>"(?:ssl)?password"\s*:\s*)(?P<secret>"(?:[^"\\]|\\.)*")', re.I
)
_SHORTEST_SECRET = 3  # shorter literal strings would blank out ordinary words


def _unquoted(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def _masked(match: re.Match) -> str:
    secret = match.groupdict().get("secret") or ""
    quote_mark = secret[0] if secret[:1] in ("'", '"') else ""
    return f"{match.group('head')}{quote_mark}***{quote_mark}"


def redact(text: str, secrets=()) -> str:
    """``text`` with every password it may hold replaced by ``***``: in URLs, ``password=``
    keywords and query parameters, SQL ``PASSWORD '…'`` and JSON, and the given ``secrets``
    literally (raw, URL-encoded and decoded) wherever they appear."""
    out = str(text)
    literal = set()
    for secret in secrets:
        if secret:
            literal |= {secret, quote(secret, safe=""), unquote(secret)}
    for secret in sorted(literal, key=len, reverse=True):
        if len(secret) >= _SHORTEST_SECRET:
            out = out.replace(secret, "***")
    for pattern in (_URL_PASSWORD, _KEYWORD_PASSWORD, _SQL_PASSWORD, _JSON_PASSWORD):
        out = pattern.sub(_masked, out)
    return out


def url_secrets(url) -> tuple[str, ...]:
    """The passwords in a SQLAlchemy URL (or its text): the URL's own and any ``password=``
    among its query parameters or in a service string."""
    from sqlalchemy.engine import make_url

    url = make_url(str(url)) if isinstance(url, str) else url
    found = {url.password or ""}
    for values in url.query.values():
        for value in (values,) if isinstance(values, str) else values:
            found |= {_unquoted(m.group("secret")) for m in _KEYWORD_PASSWORD.finditer(value)}
    for key, values in url.query.items():
        if _KEYWORD_PASSWORD.match(f"{key}="):
            found |= set((values,) if isinstance(values, str) else values)
    return tuple(sorted(s for s in found if s))


def shown_url(url) -> str:
    """A SQLAlchemy URL (or its text) as people may see it; see :meth:`Location.shown`."""
    from sqlalchemy.engine import make_url

    url = make_url(str(url)) if isinstance(url, str) else url
    if url.get_backend_name() in ("gpkg", "geopackage", "sqlite"):
        return str(url.database or "")
    query = " ".join(
        f"{key}={value}"
        for key, values in url.query.items()
        for value in ((values,) if isinstance(values, str) else values)
    )
    if not url.host and not url.database and query:
        return redact(query, url_secrets(url))  # service=name (and any further keywords)
    auth = ""
    if url.username:
        auth = quote(url.username, safe="") + (":***" if url.password else "") + "@"
    port = f":{url.port}" if url.port else ""
    shown = f"postgresql://{auth}{url.host or ''}{port}/{url.database or ''}"
    if query:
        shown += "?" + query.replace(" ", "&")
    return redact(shown, url_secrets(url))


def postgres_driver() -> str | None:
    """SQLAlchemy's name for the PostgreSQL driver at hand: psycopg2 first, else psycopg 3."""
    import importlib.util

    return next((n for n in ("psycopg2", "psycopg") if importlib.util.find_spec(n)), None)


def parse_location(where: str | os.PathLike) -> Location:
    text = str(where).strip()
    scheme = f"postgresql+{postgres_driver() or 'psycopg2'}"
    if text.startswith("service="):
        return Location("postgis", f"{scheme}:///?{text}")
    if text.startswith(
        ("postgresql://", "postgres://", "postgresql+psycopg://", "postgresql+psycopg2://")
    ):
        rest = text.split("://", 1)[1]
        return Location("postgis", f"{scheme}://{rest}")
    if text.startswith("gpkg:///"):
        text = text[len("gpkg:///") :]
    if text.lower().endswith(".gpkg"):
        path = Path(text).expanduser().resolve()
        return Location("gpkg", f"gpkg:///{path}", path)
    raise DomainError(tr("store.bad_location", where=redact(text)))


def _load_spatialite(dbapi_conn: sqlite3.Connection, _record, new_file: bool = False) -> None:
    library = os.environ.get("SPATIALITE_LIBRARY_PATH", "mod_spatialite")
    try:
        dbapi_conn.enable_load_extension(True)
        dbapi_conn.load_extension(library)
        dbapi_conn.enable_load_extension(False)
    except (sqlite3.OperationalError, AttributeError) as exc:
        raise DomainError(tr("store.no_spatialite", error=exc)) from exc
    dbapi_conn.execute("SELECT EnableGpkgAmphibiousMode()")
    # a file this engine creates becomes a GeoPackage; any existing file (an empty one, another
    # program's database) is only read here, so opening something that is no store leaves it be
    if new_file and not dbapi_conn.execute("SELECT CheckGeoPackageMetaData()").fetchone()[0]:
        dbapi_conn.execute("SELECT gpkgCreateBaseTables()")
        dbapi_conn.execute("PRAGMA application_id = 1196444487")  # 'GPKG'
        dbapi_conn.execute("PRAGMA user_version = 10200")
        dbapi_conn.commit()
    dbapi_conn.execute("PRAGMA foreign_keys = ON")


def make_engine(location: Location) -> Engine:
    """The SQLAlchemy engine for ``location``, set up as its backend needs."""
    from domain.store.backend import backend_for

    return backend_for(location).make_engine(location)


def gpkg_engine(location: Location) -> Engine:
    """A GeoPackage engine: SpatiaLite loaded on every connection, a busy timeout."""
    os.environ.setdefault("SPATIALITE_LIBRARY_PATH", "mod_spatialite")
    # another writer holds the file: wait a moment for it, then say "busy" (faults.py)
    engine = create_engine(
        location.url, future=True, connect_args={"timeout": policy.STORE_BUSY_TIMEOUT_S}
    )
    new_file = not location.path.exists()

    def load_spatialite(dbapi_conn, record) -> None:
        _load_spatialite(dbapi_conn, record, new_file)

    # GeoAlchemy2 registers its own loader; ours gives a clear message when it fails
    event.listen(engine, "connect", load_spatialite, insert=True)
    return engine


def postgis_engine(location: Location) -> Engine:
    """A PostGIS engine: a live-connection check and a lock timeout on every connection."""
    if postgres_driver() is None:  # a clear message, not SQLAlchemy's ModuleNotFoundError
        from domain.runtime.requirements import POSTGIS_DRIVER, Problem, install_advice

        raise DomainError(install_advice([Problem(POSTGIS_DRIVER, tr("deps.missing"))]))
    engine = create_engine(location.url, future=True, pool_pre_ping=True)
    event.listen(engine, "connect", _set_lock_timeout)
    return engine


def _set_lock_timeout(dbapi_conn, _record) -> None:
    """A write waiting on another user's locks gives up after a moment ("busy", faults.py)
    instead of hanging; committed, so it holds for the whole session."""
    cursor = dbapi_conn.cursor()
    try:
        cursor.execute(f"SET lock_timeout = {int(policy.STORE_LOCK_TIMEOUT_S * 1000)}")
    finally:
        cursor.close()
    dbapi_conn.commit()


# --- geometry encoding -------------------------------------------------------------------
_GPKG_HEADER_POINT = b"GP\x00\x01" + struct.pack("<i", SRID)  # flags: little endian, no envelope


def gpkg_blobs(geoms) -> list[bytes]:
    """GeoPackage geometry blobs (header + WKB) for shapely geometries, in bulk.

    Points carry no envelope; other shapes get the XY envelope readers use to skip work.
    """
    wkbs = shapely.to_wkb(geoms, byte_order=1, output_dimension=2)
    out: list[bytes] = []
    bounds = shapely.bounds(geoms)
    kinds = shapely.get_type_id(geoms)
    for wkb, kind, box in zip(wkbs, kinds, bounds):
        if wkb is None:
            out.append(None)
        elif kind == 0:
            out.append(_GPKG_HEADER_POINT + wkb)
        else:
            out.append(
                b"GP\x00\x03" + struct.pack("<i4d", SRID, box[0], box[2], box[1], box[3]) + wkb
            )
    return out


def gpkg_blob_to_wkb(blob: bytes) -> bytes:
    """The WKB inside a GeoPackage geometry blob (header length depends on the envelope)."""
    if blob[:2] != b"GP":
        return bytes(blob)
    flags = blob[3]
    envelope = (flags >> 1) & 0x07
    size = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}.get(envelope, 0)
    return bytes(blob[8 + size :])


def ewkb_hex(geoms) -> list[str]:
    """Hex EWKB with SRID 28992: PostGIS reads it as geometry text in COPY and INSERT."""
    with_srid = shapely.set_srid(geoms, SRID)
    return list(shapely.to_wkb(with_srid, hex=True, include_srid=True, output_dimension=2))
