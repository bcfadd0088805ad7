"""What differs between the two store kinds, in one object per kind.

A GeoPackage (SQLite + SpatiaLite) and a PostGIS database hold the same schema, but they read
and write geometries differently, take bulk rows differently, keep id sequences (or not) and
are opened by QGIS through different providers. Each difference is a method here, chosen once
for a store (``Store.backend``) or a connection (``backend_of``), instead of ``if gpkg`` tests
spread over the modules that read and write.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Sequence
from typing import Protocol

import shapely
from sqlalchemy import column as sa_column
from sqlalchemy import table as sa_table
from sqlalchemy import text

from domain.store.engine import SRID, ewkb_hex, gpkg_blob_to_wkb, gpkg_blobs

CHUNK = 20_000


def _quoted(name: str) -> str:
    return f'"{name}"'


def _sqlite_value(value):
    """Dates as ISO text: SQLite has no date type and the store keeps them as text."""
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None).isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _plain(value):
    """numpy scalars as Python numbers: psycopg2 cannot adapt them."""
    return value.item() if hasattr(value, "dtype") and hasattr(value, "item") else value


class StoreBackend(Protocol):
    """The interface both backends share (each method is documented on the backends)."""

    kind: str
    upgrade_makes_new_store: bool
    keeps_layer_extents: bool

    def make_engine(self, location): ...
    def missing(self, location) -> bool: ...
    def clear_for_new_store(self, location, overwrite: bool, exists_message) -> None: ...
    def building_path(self, location): ...
    def geometry_sql(self, column: str = "geom") -> str: ...
    def geometry(self, value): ...
    def encode_geometries(self, geoms) -> list: ...
    def insert_rows(self, conn, table: str, columns: Sequence[str], rows: list, plain: bool): ...
    def after_geometry_insert(self, cursor, table: str, geoms) -> None: ...
    def instant(self, value: dt.datetime): ...
    def update_by_id(self, conn, table: str, columns: dict[str, str], chunks) -> None: ...
    def larger_page_cache(self, conn, kib: int): ...
    def renumber_pair_quakes(self, conn, moved: list[tuple[int, int]]) -> None: ...
    def objects_in_circle(self, conn, x, y, m, columns_sql: str, dtype, with_pc4: bool): ...
    def fix_sequences(self, conn, tables: Sequence[str]) -> None: ...
    def analyze(self, conn, tables: Sequence[str]) -> None: ...
    def may_insert(self, conn, table: str) -> bool: ...
    def name_actor(self, conn, who: str) -> None: ...
    def write_audit(self, conn, at, who: str, action: str, object_id, detail: str) -> None: ...
    def layer_uris(self, location, engine, layers) -> dict[str, tuple[str, str]]: ...


#: inside the circle of radius :m2 ** 0.5 around (:x, :y)
_CIRCLE = "(x - :x) * (x - :x) + (y - :y) * (y - :y) <= :m2"


def _circle_values(x: float, y: float, m: float) -> dict:
    return {"x": x, "y": y, "m2": m * m, "x0": x - m, "x1": x + m, "y0": y - m, "y1": y + m}


class GeoPackageBackend:
    """A store in one GeoPackage file (SQLite with SpatiaLite loaded)."""

    kind = "gpkg"
    #: an empty file is never turned into a store by an upgrade (demo and import make them)
    upgrade_makes_new_store = False
    #: each layer's box is kept in ``gpkg_contents`` (``extents.py``)
    keeps_layer_extents = True

    def make_engine(self, location):
        from domain.store.engine import gpkg_engine

        return gpkg_engine(location)

    def missing(self, location) -> bool:
        """Whether the store is known not to exist (the file is not there)."""
        return not location.path.exists()

    def clear_for_new_store(self, location, overwrite: bool, exists_message) -> None:
        """Make room for a new store: remove an old file when ``overwrite``, else refuse
        (``exists_message()`` says why); make the folder."""
        from domain.errors import DomainError

        if location.path.exists():
            if not overwrite:
                raise DomainError(exists_message())
            os.remove(location.path)
        location.path.parent.mkdir(parents=True, exist_ok=True)

    def geometry_sql(self, column: str = "geom") -> str:
        """The select expression that gives a geometry as bytes ``geometry`` can read."""
        return column

    def geometry(self, value):
        """A shapely geometry from what ``geometry_sql`` selected (None stays None)."""
        if value is None:
            return None
        return shapely.from_wkb(gpkg_blob_to_wkb(bytes(value)))

    def encode_geometries(self, geoms) -> list:
        """Geometries as the ``geom`` column takes them: GeoPackage blobs."""
        return gpkg_blobs(geoms)

    def insert_rows(self, conn, table: str, columns: Sequence[str], rows: list, plain: bool):
        """The rows through the driver's ``executemany`` (SQLAlchemy rows would cost more than
        the insert itself); dates become ISO text unless ``plain``."""
        sql = (
            f"INSERT INTO {table} ({', '.join(_quoted(c) for c in columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})"
        )
        cursor = conn.connection.driver_connection.cursor()
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            if not plain:
                chunk = [tuple(_sqlite_value(v) for v in row) for row in chunk]
            cursor.executemany(sql, chunk)
        return cursor

    def after_geometry_insert(self, cursor, table: str, geoms) -> None:
        """Widen the layer's box in ``gpkg_contents`` so QGIS zooms to the new rows."""
        from domain.store.extents import widen_extent

        widen_extent(cursor, table, geoms)

    def fix_sequences(self, conn, tables: Sequence[str]) -> None:
        """Nothing to do: SQLite's INTEGER PRIMARY KEY takes the next id by itself."""

    def analyze(self, conn, tables: Sequence[str]) -> None:
        """Nothing to do: SQLite plans from the indexes without gathered statistics."""

    def instant(self, value: dt.datetime) -> str:
        """A UTC instant as the GeoPackage DATETIME text GDAL and QGIS read without warnings."""
        from domain.store.exposure import gpkg_datetime

        return gpkg_datetime(value)

    def update_by_id(self, conn, table: str, columns: dict[str, str], chunks) -> None:
        """Set ``columns`` (name → PostgreSQL type, unused here) of the rows of ``table`` by id;
        each chunk holds rows of the new values followed by the id."""
        sets = ", ".join(f"{name} = ?" for name in columns)
        cursor = conn.connection.driver_connection.cursor()
        for rows in chunks:
            cursor.executemany(f"UPDATE {table} SET {sets} WHERE id = ?", rows)

    @contextlib.contextmanager
    def larger_page_cache(self, conn, kib: int):
        """SQLite's page cache at ``kib`` KiB for this connection meanwhile: a large update
        touches pages all over the file, which the default 2 MB would spill before the commit."""
        raw = conn.connection.driver_connection
        before = raw.execute("PRAGMA cache_size").fetchone()[0]
        raw.execute(f"PRAGMA cache_size = -{int(kib)}")
        try:
            yield
        finally:
            raw.execute(f"PRAGMA cache_size = {int(before)}")

    def may_insert(self, conn, table: str) -> bool:
        """A GeoPackage is a personal file: whoever opened it may write it."""
        return True

    def layer_uris(self, location, engine, layers) -> dict[str, tuple[str, str]]:
        """QGIS's OGR provider and ``path|layername=…|subset=…`` per map layer."""
        out: dict[str, tuple[str, str]] = {}
        for name, (table, _kind, where) in layers.items():
            uri = f"{location.path}|layername={table}"
            if where:
                uri += f"|subset={where}"
            out[name] = ("ogr", uri)
        return out

    def building_path(self, location):
        """Where a new store is built before it replaces ``location`` whole (same folder, so
        one atomic rename swaps it in); what an earlier, killed build left there goes first."""
        path = location.path
        for stale in path.parent.glob(f".{path.stem}.building-*.gpkg*"):
            with contextlib.suppress(OSError):
                stale.unlink()
        return path.with_name(f".{path.stem}.building-{os.getpid()}.gpkg")

    def discard_building(self, building) -> None:
        """Remove a failed build and its journal: the old store stays as it was."""
        for leftover in building.parent.glob(building.name + "*"):
            with contextlib.suppress(OSError):
                leftover.unlink()

    def swap_in(self, building, location) -> None:
        """Put the finished file in place of the store in one rename. A journal the old file
        left behind (a crash) is rolled back into the old file first, so it can never be
        applied to the new one."""
        path = location.path
        self.settle_journal(path)
        os.replace(building, path)
        for suffix in ("-journal", "-wal", "-shm"):  # stale ones of the old file, if any
            with contextlib.suppress(FileNotFoundError):
                path.with_name(path.name + suffix).unlink()

    def renumber_pair_quakes(self, conn, moved: list[tuple[int, int]]) -> None:
        """quake_id old → new in the exposure pairs. The pairs are keyed by object first, so
        one scan finds those of the moved quakes (all later than the earliest moved id); they
        are deleted and written again with their new ids (all of them first, so no key
        collides midway)."""
        from domain.store.bulk import insert_rows

        new_id = dict(moved)
        cursor = conn.connection.driver_connection.cursor()
        found = cursor.execute(
            "SELECT object_id, quake_id, pgv_mm_s FROM exposure_events WHERE quake_id >= ?",
            (min(new_id),),
        ).fetchall()
        # the driver's own tuples (cheaper than named rows on many pairs), in selected order
        found = [
            (object_id, quake_id, pgv) for object_id, quake_id, pgv in found if quake_id in new_id
        ]
        cursor.executemany(
            "DELETE FROM exposure_events WHERE object_id = ? AND quake_id = ?",
            [(object_id, quake_id) for object_id, quake_id, _pgv in found],
        )
        again = sorted((object_id, new_id[quake_id], pgv) for object_id, quake_id, pgv in found)
        insert_rows(
            conn, "exposure_events", ("object_id", "quake_id", "pgv_mm_s"), again, plain=True
        )

    def objects_in_circle(self, conn, x, y, m, columns_sql: str, dtype, with_pc4: bool):
        """Objects within ``m`` metres of (x, y) as a structured numpy array of ``dtype``
        (``columns_sql`` selects its fields) and, when asked, their PC4s. Read through the
        driver's own cursor straight into numpy (a few hundred thousand rows: Python rows
        would double the time), from the table by x/y: most objects of the region are inside
        the reach of a felt quake, where an R-tree join only adds work."""
        import numpy as np

        values = _circle_values(x, y, m)
        where = f"x BETWEEN :x0 AND :x1 AND y BETWEEN :y0 AND :y1 AND {_CIRCLE}"
        cursor = conn.connection.driver_connection.cursor()
        cursor.execute(f"SELECT {columns_sql} FROM objects WHERE {where} ORDER BY id", values)
        # NULL (no VS30 of its own) arrives as None, which numpy reads as NaN
        found = np.fromiter(cursor, dtype=dtype)
        pc4 = []
        if with_pc4:
            cursor.execute(f"SELECT pc4 FROM objects WHERE {where} ORDER BY id", values)
            pc4 = [only for (only,) in cursor]
        return found, pc4

    def name_actor(self, conn, who: str) -> None:
        """Nothing to do: a GeoPackage has no audit triggers; ``write_audit`` names the person."""

    def write_audit(self, conn, at, who: str, action: str, object_id, detail: str) -> None:
        """One line in the audit log, at ``at`` as the application's clock says."""
        conn.execute(
            text(
                "INSERT INTO audit_log (at, who, action, object_id, detail) "
                "VALUES (:at, :who, :action, :object_id, :detail)"
            ),
            {"at": at, "who": who, "action": action, "object_id": object_id, "detail": detail},
        )

    @staticmethod
    def settle_journal(path) -> None:
        """Roll a journal a crashed writer left beside ``path`` back into that file (opening
        and reading it is enough for SQLite), so it can never be applied to another file."""
        for suffix in ("-journal", "-wal"):
            if path.with_name(path.name + suffix).exists():
                with contextlib.suppress(sqlite3.Error):
                    old = sqlite3.connect(path)
                    try:
                        old.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
                    finally:
                        old.close()


class PostgisBackend:
    """A store in a PostgreSQL database with PostGIS, shared by several logins."""

    kind = "postgis"
    #: an empty database becomes a store by upgrading it to the current schema
    upgrade_makes_new_store = True
    keeps_layer_extents = False

    def make_engine(self, location):
        from domain.store.engine import postgis_engine

        return postgis_engine(location)

    def missing(self, location) -> bool:
        """A database's absence shows only on connecting, with the server's own message."""
        return False

    def clear_for_new_store(self, location, overwrite: bool, exists_message) -> None:
        """Nothing to do before connecting: ``create_store`` checks the tables once it has."""

    def building_path(self, location):
        """None: a database store is built in place, inside one transaction."""
        return None

    def geometry_sql(self, column: str = "geom") -> str:
        return f"ST_AsBinary({column})"

    def geometry(self, value):
        if value is None:
            return None
        return shapely.from_wkb(bytes(value))

    def encode_geometries(self, geoms) -> list:
        """Hex EWKB with the SRID: PostGIS reads it as geometry text in an INSERT."""
        return ewkb_hex(geoms)

    def insert_rows(self, conn, table: str, columns: Sequence[str], rows: list, plain: bool):
        # SQLAlchemy batches an executemany of an INSERT construct into multi-row VALUES
        # statements for either driver (psycopg2 or psycopg 3)
        target = sa_table(table, *(sa_column(c) for c in columns))
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            conn.execute(
                target.insert(), [{c: _plain(v) for c, v in zip(columns, row)} for row in chunk]
            )
        return None

    def after_geometry_insert(self, cursor, table: str, geoms) -> None:
        """Nothing to do: QGIS asks PostGIS for the extent itself."""

    def fix_sequences(self, conn, tables: Sequence[str]) -> None:
        """After bulk inserts with explicit ids, move the id sequences past the highest id."""
        for table in tables:
            sequence = conn.execute(
                text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table}
            ).scalar()
            if sequence:
                conn.execute(
                    text(
                        f"SELECT setval('{sequence}', "
                        f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
                    )
                )

    def analyze(self, conn, tables: Sequence[str]) -> None:
        """Refresh the planner statistics after a bulk write, so reads use the indexes."""
        for table in tables:
            conn.execute(text(f"ANALYZE {table}"))

    def instant(self, value: dt.datetime) -> dt.datetime:
        """A UTC instant as it is: PostGIS keeps a plain UTC timestamp."""
        return value

    def update_by_id(self, conn, table: str, columns: dict[str, str], chunks) -> None:
        """Set ``columns`` (name → PostgreSQL type) of the rows of ``table`` by id, through a
        temporary table and one UPDATE … FROM (row-by-row UPDATEs would take minutes)."""
        from domain.store.bulk import insert_rows

        scratch = f"tmp_update_{table}"
        # a transaction may update twice (update-catalog after an import): start afresh
        conn.execute(text(f"DROP TABLE IF EXISTS {scratch}"))
        declared = ", ".join(f"{name} {kind}" for name, kind in columns.items())
        conn.execute(text(f"CREATE TEMP TABLE {scratch} ({declared}, id int) ON COMMIT DROP"))
        for rows in chunks:
            insert_rows(conn, scratch, (*columns, "id"), rows)
        sets = ", ".join(f"{name} = t.{name}" for name in columns)
        conn.execute(text(f"UPDATE {table} o SET {sets} FROM {scratch} t WHERE o.id = t.id"))

    @contextlib.contextmanager
    def larger_page_cache(self, conn, kib: int):
        """Nothing to do: the server manages its own buffers."""
        yield

    def may_insert(self, conn, table: str) -> bool:
        """Whether the connected login may add rows to ``table`` (the roles decide)."""
        return bool(
            conn.execute(text("SELECT has_table_privilege(:t, 'INSERT')"), {"t": table}).scalar()
        )

    def renumber_pair_quakes(self, conn, moved: list[tuple[int, int]]) -> None:
        """quake_id old → new in the exposure pairs, through negative ids so that no key
        collides midway."""
        from domain.store.bulk import insert_rows

        conn.execute(text("CREATE TEMP TABLE tmp_quake_move (old_id integer, new_id integer)"))
        insert_rows(conn, "tmp_quake_move", ("old_id", "new_id"), moved, plain=True)
        conn.execute(
            text(
                "UPDATE exposure_events SET quake_id = -(SELECT new_id FROM tmp_quake_move "
                "WHERE old_id = exposure_events.quake_id) "
                "WHERE quake_id IN (SELECT old_id FROM tmp_quake_move)"
            )
        )
        conn.execute(text("UPDATE exposure_events SET quake_id = -quake_id WHERE quake_id < 0"))
        conn.execute(text("DROP TABLE tmp_quake_move"))

    def objects_in_circle(self, conn, x, y, m, columns_sql: str, dtype, with_pc4: bool):
        """Objects within ``m`` metres of (x, y), found through the spatial index; as for
        the GeoPackage backend."""
        import numpy as np

        sql = (
            f"SELECT {columns_sql}, pc4 AS candidate_pc4 FROM objects WHERE geom && "
            f"ST_MakeEnvelope(:x0, :y0, :x1, :y1, {SRID}) AND {_CIRCLE} ORDER BY id"
        )
        rows = conn.execute(text(sql), _circle_values(x, y, m)).all()
        found = np.array(
            [tuple(np.nan if v is None else v for v in row[:-1]) for row in rows], dtype=dtype
        )
        return found, [row.candidate_pc4 for row in rows]

    def name_actor(self, conn, who: str) -> None:
        """The person behind this transaction, for the audit triggers (the login itself is
        recorded by the server). Transaction-local, so a pooled connection forgets it."""
        conn.execute(text("SELECT set_config('imgschade.actor', :who, true)"), {"who": who or ""})

    def write_audit(self, conn, at, who: str, action: str, object_id, detail: str) -> None:
        """One line in the audit log with the server's time and the session login; refused
        for an object the login cannot see."""
        conn.execute(
            text("SELECT imgschade_audit_note(:who, :action, :object_id, :detail)"),
            {"who": who, "action": action, "object_id": object_id, "detail": detail},
        )

    def layer_uris(self, location, engine, layers) -> dict[str, tuple[str, str]]:
        """QGIS's postgres provider; the URI names service, database, host, port and user,
        never a password (QGIS asks for it, or takes it from the service file)."""
        url = engine.url
        parts = []
        service = url.query.get("service")
        if service:
            parts.append(f"service='{service}'")
        if url.database:
            parts.append(f"dbname='{url.database}'")
        if url.host:
            parts.append(f"host={url.host}")
        if url.port:
            parts.append(f"port={url.port}")
        if url.username:
            parts.append(f"user='{url.username}'")
        base = " ".join(parts)
        out: dict[str, tuple[str, str]] = {}
        for name, (table, kind, where) in layers.items():
            uri = (
                f"{base} key='id' srid={SRID} type={kind} checkPrimaryKeyUnicity='0' "
                f'table="public"."{table}" (geom)'
            )
            if where:
                uri += f" sql={where}"
            out[name] = ("postgres", uri)
        return out


GEOPACKAGE = GeoPackageBackend()
POSTGIS = PostgisBackend()


def backend_for(location) -> StoreBackend:
    """The backend of a parsed store location (``Location.kind``)."""
    return GEOPACKAGE if location.kind == GEOPACKAGE.kind else POSTGIS


def backend_of(conn) -> StoreBackend:
    """The backend behind an open connection (or engine), from its SQL dialect."""
    return GEOPACKAGE if conn.dialect.name in ("geopackage", "sqlite") else POSTGIS
