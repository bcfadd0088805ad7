"""What the visit list and the start-area screens read from the store: start areas, the
objects inside an area and their addresses in street order."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from sqlalchemy import text

from domain.store.backend import backend_of
from domain.store.rule_input import id_filter

START_AREA = "start_area"


@dataclass(frozen=True)
class StoredArea:
    """One row of ``areas``: its kind (``start_area``, ``subsidence``, …) and its polygon
    (None when the row holds no geometry)."""

    id: int
    name: str | None
    kind: str
    geometry: object | None


@dataclass(frozen=True)
class StartAreaEntry:
    """A start area as a list shows it: ``origin`` is ``drawn`` for one drawn on the map."""

    id: int
    name: str | None
    origin: str | None

    @property
    def label(self) -> str:
        """The name, or the id where the area has none."""
        return str(self.name or self.id)


@dataclass(frozen=True)
class VisitAddress:
    street: str | None
    house_number: int | None
    house_letter: str | None
    addition: str | None
    postcode: str | None
    place: str | None
    object_id: int


def read_area(conn, area_id: int) -> StoredArea | None:
    """The stored area ``area_id``, or None when there is none."""
    backend = backend_of(conn)
    row = conn.execute(
        text(f"SELECT id, name, kind, {backend.geometry_sql()} AS geom FROM areas WHERE id = :id"),
        {"id": int(area_id)},
    ).first()
    if row is None:
        return None
    return StoredArea(id=row.id, name=row.name, kind=row.kind, geometry=backend.geometry(row.geom))


def start_areas(conn) -> list[StartAreaEntry]:
    """Every start area (imported and drawn), by name, then id."""
    rows = conn.execute(
        text("SELECT id, name, origin FROM areas WHERE kind = :k ORDER BY name, id"),
        {"k": START_AREA},
    )
    return [StartAreaEntry(id=int(r.id), name=r.name, origin=r.origin) for r in rows]


def first_start_area_id(conn) -> int | None:
    """The lowest id of a start area that has a polygon, or None."""
    found = conn.execute(
        text("SELECT MIN(id) AS id FROM areas WHERE kind = :k AND geom IS NOT NULL"),
        {"k": START_AREA},
    ).scalar()
    return None if found is None else int(found)


def objects_inside(conn, polygon) -> np.ndarray:
    """Ids of objects whose point lies in (or on the edge of) ``polygon``, sorted."""
    xmin, ymin, xmax, ymax = polygon.bounds
    rows = conn.execute(
        text("SELECT id, x, y FROM objects WHERE x >= :x0 AND x <= :x1 AND y >= :y0 AND y <= :y1"),
        {"x0": xmin, "x1": xmax, "y0": ymin, "y1": ymax},
    ).all()
    if not rows:
        return np.zeros(0, dtype=np.int64)
    ids = np.array([r.id for r in rows], dtype=np.int64)
    xs = np.array([r.x for r in rows], dtype=float)
    ys = np.array([r.y for r in rows], dtype=float)
    shapely.prepare(polygon)
    # not intersects_xy: inside QGIS its GEOS build may lack the XY predicates
    inside = shapely.intersects(polygon, shapely.points(xs, ys))
    return np.sort(ids[inside])


def addresses_in_street_order(conn, object_ids) -> list[VisitAddress]:
    """Addresses of the objects in street order (the plain order a route is compared with)."""
    if not len(object_ids):
        return []
    rows = conn.execute(
        text(
            "SELECT street, house_number, house_letter, addition, postcode, place, object_id "
            f"FROM addresses WHERE object_id{id_filter(object_ids)} "
            # COALESCE: SQLite sorts NULL first, PostgreSQL last; "12" must precede "12a" in both
            "ORDER BY COALESCE(street, ''), COALESCE(house_number, 0), "
            "COALESCE(house_letter, ''), COALESCE(addition, ''), COALESCE(postcode, ''), id"
        )
    )
    return [VisitAddress(**r._asdict()) for r in rows]
