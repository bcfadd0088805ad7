"""The bounding box of each spatial table in ``gpkg_contents``, kept current.

GDAL reads that box to decide how to filter a full-extent map request: with the box known and
covered by the request it skips the R-tree and reads the table straight through; without it,
every drawing of the whole region joins 500,000 rows against the R-tree and takes about twice
as long. The box is informative in the GeoPackage standard, so widening it is always safe.
"""

from __future__ import annotations

import math
import sqlite3


def widen_extent(cursor, table: str, geoms) -> None:
    """Grow ``table``'s box in ``gpkg_contents`` to cover ``geoms`` (shapely array)."""
    import shapely

    minx, miny, maxx, maxy = (float(v) for v in shapely.total_bounds(geoms))
    if not all(math.isfinite(v) for v in (minx, miny, maxx, maxy)):
        return  # only empty geometries
    cursor.execute(
        "UPDATE gpkg_contents SET "
        "min_x = MIN(COALESCE(min_x, ?1), ?1), min_y = MIN(COALESCE(min_y, ?2), ?2), "
        "max_x = MAX(COALESCE(max_x, ?3), ?3), max_y = MAX(COALESCE(max_y, ?4), ?4), "
        "last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE lower(table_name) = lower(?5)",
        (minx, miny, maxx, maxy, table),
    )


def fill_missing_extents(engine) -> list[str]:
    """Fill the box of every spatial table that has none, from its R-tree; returns the tables.

    Stores written before the box was kept have it empty. A store that cannot be written (read
    only, locked by another writer) is left as it is: the box only makes drawing faster.
    """
    filled: list[str] = []
    from domain.store.backend import backend_of

    if not backend_of(engine).keeps_layer_extents:  # PostGIS works the extent out itself
        return filled
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        try:
            rows = raw.execute(
                "SELECT c.table_name, g.column_name FROM gpkg_contents c "
                "JOIN gpkg_geometry_columns g ON lower(g.table_name) = lower(c.table_name) "
                "WHERE c.min_x IS NULL"
            ).fetchall()
            for table, column in rows:
                rtree = f"rtree_{table}_{column}"
                if not raw.execute(
                    "SELECT 1 FROM sqlite_master WHERE name = ?", (rtree,)
                ).fetchone():
                    continue
                box = raw.execute(
                    f'SELECT MIN(minx), MIN(miny), MAX(maxx), MAX(maxy) FROM "{rtree}"'
                ).fetchone()
                if box[0] is None:
                    continue  # an empty table: nothing to bound yet
                raw.execute(
                    "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? "
                    "WHERE table_name = ?",
                    (*box, table),
                )
                filled.append(table)
            raw.commit()
        except sqlite3.OperationalError:
            raw.rollback()
            return []
    return filled
