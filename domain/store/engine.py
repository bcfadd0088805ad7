"""Where a store lives: a GeoPackage file or a PostGIS database, behind one SQLAlchemy engine.

The user names a store the way they know it: a ``.gpkg`` path, a ``postgresql://`` URL or a
libpq ``service=name``. GeoPackage connections load SpatiaLite so that the R-tree triggers
and geometry checks GeoAlchemy2 installs work; PostGIS goes through psycopg2, which every QGIS
ships (psycopg 3 where only that one is present).
"""

from __future__ import annotations

import os
import sqlite3
import struct
from dataclasses import dataclass
from pathlib import Path

import geoalchemy2.admin.dialects.geopackage  # noqa: F401  (registers the gpkg:// dialect)
import shapely
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine

from domain.errors import DomainError
from domain.i18n import register, tr

SRID = 28992

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
        return self.kind == "gpkg"


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
    raise DomainError(tr("store.bad_location", where=text))


def _load_spatialite(dbapi_conn: sqlite3.Connection, _record) -> None:
    library = os.environ.get("SPATIALITE_LIBRARY_PATH", "mod_spatialite")
    try:
        dbapi_conn.enable_load_extension(True)
        dbapi_conn.load_extension(library)
        dbapi_conn.enable_load_extension(False)
    except (sqlite3.OperationalError, AttributeError) as exc:
        raise DomainError(tr("store.no_spatialite", error=exc)) from exc
    dbapi_conn.execute("SELECT EnableGpkgAmphibiousMode()")
    # a new, empty file becomes a GeoPackage; an existing one is only read here
    if not dbapi_conn.execute("SELECT CheckGeoPackageMetaData()").fetchone()[0]:
        dbapi_conn.execute("SELECT gpkgCreateBaseTables()")
        dbapi_conn.execute("PRAGMA application_id = 1196444487")  # 'GPKG'
        dbapi_conn.execute("PRAGMA user_version = 10200")
        dbapi_conn.commit()
    dbapi_conn.execute("PRAGMA foreign_keys = ON")


def make_engine(location: Location) -> Engine:
    if location.is_gpkg:
        os.environ.setdefault("SPATIALITE_LIBRARY_PATH", "mod_spatialite")
        engine = create_engine(location.url, future=True)
        # GeoAlchemy2 registers its own loader; ours gives a clear message when it fails
        event.listen(engine, "connect", _load_spatialite, insert=True)
        return engine
    if postgres_driver() is None:  # a clear message, not SQLAlchemy's ModuleNotFoundError
        from domain.runtime.requirements import POSTGIS_DRIVER, Problem, install_advice

        raise DomainError(install_advice([Problem(POSTGIS_DRIVER, tr("deps.missing"))]))
    return create_engine(location.url, future=True, pool_pre_ping=True)


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
