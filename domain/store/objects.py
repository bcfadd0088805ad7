"""Object and address lookups the importers, the reports and the map layers need.

Lists of keys are read with SQLAlchemy's expanding ``IN`` parameter; callers pass chunks small
enough for SQLite's bound-parameter limit (``importers.objects_ref.CHUNK``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sqlalchemy import bindparam, text


def in_list(sql: str, *names: str):
    """``sql`` whose ``IN :name`` parameters each take a list."""
    return text(sql).bindparams(*(bindparam(name, expanding=True) for name in names))


@dataclass(frozen=True)
class ObjectPoint:
    """An object's point and its kadastrale aanduiding (None where it has none yet)."""

    id: int
    x: float
    y: float
    kadastrale_aanduiding: str | None


@dataclass(frozen=True)
class PostcodeAddress:
    """The parts of an address a CSV row may name an object by."""

    object_id: int
    postcode: str | None
    house_number: int | None
    house_letter: str | None


@dataclass(frozen=True)
class ObjectExtent:
    """The box around every object's point (metres, EPSG:28992)."""

    xmin: float
    ymin: float
    xmax: float
    ymax: float


@dataclass(frozen=True)
class LabelledPoints:
    """Every object's point (``xy``, n × 2) with the text of one of its columns (``labels``,
    '' where empty), as arrays: half a million objects stay two arrays, not objects."""

    labels: np.ndarray
    xy: np.ndarray


def existing_object_ids(conn, object_ids) -> set[int]:
    """Which of ``object_ids`` are stored objects."""
    if not object_ids:
        return set()
    sql = in_list("SELECT id FROM objects WHERE id IN :ids", "ids")
    return {r.id for r in conn.execute(sql, {"ids": sorted(object_ids)})}


def objects_by_aanduiding(conn, aanduidingen) -> dict[str, list[int]]:
    """Per kadastrale aanduiding the ids of the objects that carry it, lowest first."""
    out: dict[str, list[int]] = {}
    if not aanduidingen:
        return out
    sql = in_list(
        "SELECT id, kadastrale_aanduiding FROM objects WHERE kadastrale_aanduiding IN :a "
        "ORDER BY id",
        "a",
    )
    for r in conn.execute(sql, {"a": sorted(aanduidingen)}):
        out.setdefault(r.kadastrale_aanduiding, []).append(r.id)
    return out


def addresses_with_postcodes(conn, postcodes) -> list[PostcodeAddress]:
    """The stored addresses in any of ``postcodes`` (written without a space)."""
    if not postcodes:
        return []
    sql = in_list(
        "SELECT object_id, postcode, house_number, house_letter FROM addresses "
        "WHERE postcode IN :p",
        "p",
    )
    return [PostcodeAddress(**r._asdict()) for r in conn.execute(sql, {"p": sorted(postcodes)})]


def stored_bag_ids(conn) -> set[str]:
    """The BAG verblijfsobject ids of the stored addresses."""
    rows = conn.execute(text("SELECT bag_vbo_id FROM addresses WHERE bag_vbo_id IS NOT NULL"))
    return {r.bag_vbo_id for r in rows}


def object_extent(conn) -> ObjectExtent | None:
    """The box around the objects, or None in a store without objects."""
    row = conn.execute(
        text("SELECT MIN(x) AS xmin, MIN(y) AS ymin, MAX(x) AS xmax, MAX(y) AS ymax FROM objects")
    ).one()
    if row.xmin is None:
        return None
    return ObjectExtent(
        xmin=float(row.xmin), ymin=float(row.ymin), xmax=float(row.xmax), ymax=float(row.ymax)
    )


def object_points(conn) -> list[ObjectPoint]:
    """Every object's point and kadastrale aanduiding."""
    rows = conn.execute(text("SELECT id, x, y, kadastrale_aanduiding FROM objects"))
    return [ObjectPoint(**r._asdict()) for r in rows]


def set_kadastrale_aanduidingen(conn, aanduiding_of: dict[int, str]) -> None:
    """Give objects (id → aanduiding) their kadastrale aanduiding."""
    if aanduiding_of:
        conn.execute(
            text("UPDATE objects SET kadastrale_aanduiding = :a WHERE id = :i"),
            [{"a": value, "i": object_id} for object_id, value in aanduiding_of.items()],
        )


def labelled_points(conn, column: str) -> LabelledPoints:
    """Every object's point with the text of ``column`` (an ``objects`` column name)."""
    from domain.store.schema import objects

    if column not in objects.c:  # a column name is written into the SQL: only known ones
        raise ValueError(f"objects has no column {column!r}")
    rows = conn.execute(text(f"SELECT COALESCE({column}, '') AS label, x, y FROM objects")).all()
    labels = np.array([r.label for r in rows], dtype=object).astype(str)
    xy = np.array([(r.x, r.y) for r in rows], dtype=float).reshape(-1, 2)
    return LabelledPoints(labels, xy)


def sample_object_id(conn) -> int | None:
    """An object worth showing: one with a hand-off, else with claims, else any (lowest id)."""
    for sql in (
        "SELECT MIN(object_id) AS id FROM handoffs",
        "SELECT MIN(object_id) AS id FROM claims",
        "SELECT MIN(id) AS id FROM objects",
    ):
        found = conn.execute(text(sql)).scalar()
        if found is not None:
            return int(found)
    return None
