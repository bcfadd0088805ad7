"""Quakes and exposure in the store: the catalogue, per-object summaries and the sparse pairs.

Counting quakes get ids 1..n in catalogue order, so a pair's quake id is its event index + 1;
excluded quakes follow, kept with the reason so the user can see why a felt quake is absent.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import numpy as np
import shapely
from sqlalchemy import text

from domain import policy
from domain.store.backend import backend_of
from domain.store.bulk import insert_rows


class QuakeRow(NamedTuple):
    """One row of the quakes table, its fields named after the columns (``geom`` aside)."""

    id: int
    event_id: str
    time: object  # as the backend stores an instant (``Backend.instant``)
    place: str
    ml: float
    depth_km: float | None
    x: float
    y: float
    source: str
    counting: bool
    excluded_reason: str | None


QUAKE_COLUMNS = QuakeRow._fields
SUMMARY_COLUMNS = (
    "max_pgv_mm_s",
    "count_ge_2",
    "count_ge_5",
    "count_ge_5_before_2026",
    "in_effect_area",
)
#: the summary columns' PostgreSQL types, for the scratch table of a bulk update
SUMMARY_TYPES = {
    "max_pgv_mm_s": "float8",
    "count_ge_2": "int",
    "count_ge_5": "int",
    "count_ge_5_before_2026": "int",
    "in_effect_area": "bool",
}


def _utc_naive(t: dt.datetime) -> dt.datetime:
    if t.tzinfo is not None:
        t = t.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return t


def gpkg_datetime(t: dt.datetime) -> str:
    """A UTC instant as the GeoPackage DATETIME text ``YYYY-MM-DDTHH:MM:SS.sssZ``, so GDAL and
    QGIS read the column without warnings (PostGIS keeps a plain UTC timestamp)."""
    t = _utc_naive(t)
    return f"{t:%Y-%m-%dT%H:%M:%S}.{t.microsecond // 1000:03d}Z"


def quake_rows(conn, catalog) -> tuple[list[QuakeRow], list]:
    """The quakes table's rows for ``catalog`` as the store on ``conn`` holds them, and their
    points: counting quakes first, then the excluded ones with their reason."""
    instant = backend_of(conn).instant
    rows, points = [], []
    entries = [(quake, True, None) for quake in catalog.quakes]
    entries += [(quake, False, reason) for quake, reason in catalog.excluded]
    seen: set[str] = set()
    for i, (quake, counting, reason) in enumerate(entries, start=1):
        event_id = quake.event_id or f"q{i}"
        if event_id in seen:
            event_id = f"{event_id}-{i}"
        seen.add(event_id)
        rows.append(
            QuakeRow(
                id=i,
                event_id=event_id,
                time=instant(_utc_naive(quake.time)),
                place=quake.place,
                ml=float(quake.ml),
                depth_km=quake.depth_km,
                x=float(quake.x),
                y=float(quake.y),
                source=quake.source,
                counting=counting,
                excluded_reason=reason,
            )
        )
        points.append(shapely.Point(quake.x, quake.y))
    return rows, points


def write_quakes(conn, catalog) -> int:
    """Rewrite the quakes table from ``catalog`` and drop every pair (written again after)."""
    conn.execute(text("DELETE FROM exposure_events"))
    return replace_quakes(conn, catalog)


def replace_quakes(conn, catalog) -> int:
    """Rewrite the quakes table from ``catalog``, keeping the pairs (``update-catalog`` moves
    their quake ids itself)."""
    conn.execute(text("DELETE FROM quakes"))
    rows, points = quake_rows(conn, catalog)
    return insert_rows(conn, "quakes", QUAKE_COLUMNS, rows, np.array(points, dtype=object))


def summary_values(exposure, i: int) -> tuple:
    """Object ``i``'s summary in ``SUMMARY_COLUMNS`` order: a plain tuple, not a named row,
    because it is built once per object in bulk writes of millions of objects."""
    count2 = int(exposure.count_ge_2[i])
    return (
        # full precision: every reader rounds it once, as policy.pgv_rounded says
        float(exposure.max_pgv_mm_s[i]),
        count2,
        int(exposure.count_ge_5[i]),
        int(exposure.count_ge_5_before_2026[i]),
        count2 > 0,
    )


def pair_rows(exposure, object_ids, start: int = 0, stop: int | None = None) -> list[tuple]:
    """(object_id, quake_id, pgv_mm_s) per pair, as plain tuples: pairs run into the millions."""
    sl = slice(start, stop)
    ids = np.asarray(object_ids)[exposure.obj_index[sl]]
    quake_ids = exposure.event_index[sl].astype(np.int64) + 1
    pgv = np.asarray(exposure.pgv_mm_s[sl], dtype=float)  # full precision (rounded once on reading)
    return list(zip(ids.tolist(), quake_ids.tolist(), pgv.tolist()))


def write_pairs(conn, exposure, object_ids, chunk: int = 100_000) -> int:
    """Replace the sparse pairs, streamed in chunks so memory stays flat at any size."""
    conn.execute(text("DELETE FROM exposure_events"))
    total = exposure.pair_count
    for start in range(0, total, chunk):
        rows = pair_rows(exposure, object_ids, start, start + chunk)
        insert_rows(
            conn, "exposure_events", ("object_id", "quake_id", "pgv_mm_s"), rows, plain=True
        )
    return total


def update_summaries(conn, exposure, object_ids, chunk: int = 50_000) -> None:
    """Write the five summary columns for every object (bulk UPDATE by id, in chunks)."""
    n = len(object_ids)

    def rows(start: int) -> list[tuple]:
        stop = min(start + chunk, n)
        return [(*summary_values(exposure, i), int(object_ids[i])) for i in range(start, stop)]

    chunks = (rows(start) for start in range(0, n, chunk))
    backend_of(conn).update_by_id(conn, "objects", SUMMARY_TYPES, chunks)


def load_object_arrays(conn):
    rows = conn.execute(text("SELECT id, x, y, vs30 FROM objects ORDER BY id")).all()
    if not rows:
        empty = np.zeros(0)
        return empty.astype(np.int64), empty, empty, empty
    arr = np.array(
        [(row.id, row.x, row.y, np.nan if row.vs30 is None else row.vs30) for row in rows],
        dtype=float,
    )
    vs30 = np.where(np.isnan(arr[:, 3]), policy.DEFAULT_VS30_M_S, arr[:, 3])
    return arr[:, 0].astype(np.int64), arr[:, 1], arr[:, 2], vs30


def catalog_from_store(conn):
    """The counting quakes stored earlier, as a Catalog for recomputation."""
    from domain.groundmotion.catalog import Catalog, Quake
    from domain.store.repository import to_datetime

    quakes, excluded = [], []
    for row in conn.execute(
        text(
            "SELECT event_id, time, place, ml, depth_km, x, y, source, counting, excluded_reason "
            "FROM quakes ORDER BY id"
        )
    ):
        time = to_datetime(row.time).replace(tzinfo=dt.timezone.utc)
        quake = Quake(
            row.event_id,
            time,
            row.place or "",
            row.ml,
            row.depth_km,
            row.x,
            row.y,
            row.source or "",
        )
        if row.counting:
            quakes.append(quake)
        else:
            excluded.append((quake, row.excluded_reason or ""))
    return Catalog(quakes, excluded, "opslag")
