"""Bulk writes inside one transaction: executemany for GeoPackage, multi-row INSERTs for PostGIS.

Importers and the demo hand over columns of plain values plus shapely geometries; this module
turns geometries into what each backend stores (GeoPackage blobs, hex EWKB) and dates into
ISO text for SQLite. Building ORM objects one by one would be an order of magnitude slower.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from sqlalchemy import column as sa_column
from sqlalchemy import table as sa_table
from sqlalchemy.engine import Connection

from domain.store.engine import ewkb_hex, gpkg_blobs
from domain.store.faults import raw_faults

CHUNK = 20_000


def is_gpkg(conn: Connection) -> bool:
    return conn.dialect.name in ("geopackage", "sqlite")


def _sqlite_value(value):
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None).isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@raw_faults  # a full disk or a lost server: a DomainError, the transaction rolls back
def insert_rows(
    conn: Connection,
    table: str,
    columns: Sequence[str],
    rows: Iterable[Sequence],
    geoms=None,
    plain: bool = False,
) -> int:
    """Insert ``rows`` (tuples in ``columns`` order); ``geoms`` (shapely array) fills ``geom``.

    ``plain``: the rows hold only numbers, text and None (no dates, no numpy scalars), so they
    go to the driver as they are. Returns the number of rows written.
    """
    rows = list(rows)
    if not rows:
        return 0
    cols = list(columns)
    if geoms is not None:
        cols.append("geom")
        encoded = gpkg_blobs(geoms) if is_gpkg(conn) else ewkb_hex(geoms)
        rows = [(*row, g) for row, g in zip(rows, encoded)]
    if is_gpkg(conn):
        sql = (
            f"INSERT INTO {table} ({', '.join(_q(c) for c in cols)}) "
            f"VALUES ({', '.join('?' for _ in cols)})"
        )
        raw = conn.connection.driver_connection
        cursor = raw.cursor()
        for start in range(0, len(rows), CHUNK):
            if plain:
                chunk = rows[start : start + CHUNK]
            else:
                chunk = [tuple(_sqlite_value(v) for v in r) for r in rows[start : start + CHUNK]]
            cursor.executemany(sql, chunk)
        if geoms is not None:
            from domain.store.extents import widen_extent

            widen_extent(cursor, table, geoms)
        return len(rows)
    # SQLAlchemy batches an executemany of an INSERT construct into multi-row VALUES
    # statements for either driver (psycopg2 or psycopg 3)
    target = sa_table(table, *(sa_column(c) for c in cols))
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        conn.execute(target.insert(), [{c: _plain(v) for c, v in zip(cols, row)} for row in chunk])
    return len(rows)


def _plain(value):
    """numpy scalars as Python numbers: psycopg2 cannot adapt them."""
    return value.item() if hasattr(value, "dtype") and hasattr(value, "item") else value


def _q(name: str) -> str:
    return f'"{name}"'


def next_id(conn: Connection, table: str) -> int:
    from sqlalchemy import text

    value = conn.execute(text(f"SELECT MAX(id) FROM {table}")).scalar()
    return int(value or 0) + 1


def fix_sequences(conn: Connection, tables: Sequence[str]) -> None:
    """After bulk inserts with explicit ids, move PostgreSQL's id sequences past the highest id."""
    if is_gpkg(conn):
        return
    from sqlalchemy import text

    for table in tables:
        seq = conn.execute(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table}).scalar()
        if seq:
            conn.execute(
                text(
                    f"SELECT setval('{seq}', COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
                )
            )


def analyze(conn, tables: Sequence[str]) -> None:
    """Refresh PostgreSQL's planner statistics after a bulk write, so reads use the indexes."""
    if is_gpkg(conn):
        return
    from sqlalchemy import text

    for table in tables:
        conn.execute(text(f"ANALYZE {table}"))
