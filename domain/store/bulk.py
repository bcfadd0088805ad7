"""Bulk writes inside one transaction: executemany for GeoPackage, multi-row INSERTs for PostGIS.

Importers and the demo hand over columns of plain values plus shapely geometries; this module
turns geometries into what each backend stores (GeoPackage blobs, hex EWKB) and dates into
ISO text for SQLite. Building ORM objects one by one would be an order of magnitude slower.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import text
from sqlalchemy.engine import Connection

from domain.store.backend import CHUNK, backend_of
from domain.store.faults import raw_faults

__all__ = ["CHUNK", "analyze", "fix_sequences", "insert_rows", "next_id"]


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
    backend = backend_of(conn)
    cols = list(columns)
    if geoms is not None:
        cols.append("geom")
        encoded = backend.encode_geometries(geoms)
        rows = [(*row, g) for row, g in zip(rows, encoded)]
    cursor = backend.insert_rows(conn, table, cols, rows, plain)
    if geoms is not None:
        backend.after_geometry_insert(cursor, table, geoms)
    return len(rows)


def next_id(conn: Connection, table: str) -> int:
    value = conn.execute(text(f"SELECT MAX(id) FROM {table}")).scalar()
    return int(value or 0) + 1


def fix_sequences(conn: Connection, tables: Sequence[str]) -> None:
    """After bulk inserts with explicit ids, move PostgreSQL's id sequences past the highest id."""
    backend_of(conn).fix_sequences(conn, tables)


def analyze(conn, tables: Sequence[str]) -> None:
    """Refresh PostgreSQL's planner statistics after a bulk write, so reads use the indexes."""
    backend_of(conn).analyze(conn, tables)
