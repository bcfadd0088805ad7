"""What the stored quake catalogue covers: its end date in ``store_info`` (key ``catalog_end``).

The end is the Dutch date of the latest stored quake of any source (counting or not), unless
the import declared one (``--catalog-end``, or the FDSN query's ``endtime``). Rules that would
rest on the absence of quakes after that date say "unknown" instead (:mod:`domain.rules.coverage`).
Both ``import-catalog`` and ``update-catalog`` record it through :func:`record_catalog_end`,
inside their own transaction.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from domain.presentation.dutch_time import dutch_date
from domain.store.repository import to_datetime

CATALOG_END_KEY = "catalog_end"


def latest_quake_day(conn) -> dt.date | None:
    """Dutch date of the latest stored quake (any source), None for an empty table."""
    # GeoPackage text sorts by date first in either spelling (``T`` or a space), PostGIS by value
    latest = to_datetime(conn.execute(text("SELECT MAX(time) FROM quakes")).scalar())
    return None if latest is None else dutch_date(latest)


def stored_catalog_end(conn) -> dt.date | None:
    """The recorded end; for a store written before it was recorded, the latest quake's date."""
    value = conn.execute(
        text("SELECT value FROM store_info WHERE key = :k"), {"k": CATALOG_END_KEY}
    ).scalar()
    if value:
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            pass
    return latest_quake_day(conn)


def record_catalog_end(
    conn, declared: dt.date | None = None, keep_later: bool = False
) -> dt.date | None:
    """Compute and store the catalogue's end inside the caller's transaction; returns it.

    ``declared``: an end the source states (it wins over the latest quake). ``keep_later``:
    never move an end already recorded backwards (an update that adds a few quakes to a
    catalogue declared complete up to a later day).
    """
    end = declared if declared is not None else latest_quake_day(conn)
    if keep_later:
        before = conn.execute(
            text("SELECT value FROM store_info WHERE key = :k"), {"k": CATALOG_END_KEY}
        ).scalar()
        if before:
            try:
                earlier = dt.date.fromisoformat(str(before))
            except ValueError:
                earlier = None
            if earlier is not None and (end is None or earlier > end):
                end = earlier
    conn.execute(text("DELETE FROM store_info WHERE key = :k"), {"k": CATALOG_END_KEY})
    if end is not None:
        conn.execute(
            text("INSERT INTO store_info (key, value) VALUES (:k, :v)"),
            {"k": CATALOG_END_KEY, "v": end.isoformat()},
        )
    return end


def store_catalog_end(store) -> dt.date | None:
    """:func:`stored_catalog_end` of a store (its own connection)."""
    with store.engine.connect() as conn:
        return stored_catalog_end(conn)
