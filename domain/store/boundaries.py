"""Official boundaries in the store (CBS municipalities, PC4 areas, districts, neighbourhoods),
and the one place that decides which area an object is counted in.

``group_of_objects`` is what every count per municipality or PC4 uses (the regional overview,
its map layer, the scenario's "what changes" tables): with boundaries of that kind in the store
each object belongs to the polygon its point lies in (on a shared border: the polygon with the
lowest code), objects in none are "outside the boundaries"; without boundaries the objects'
own ``municipality`` / ``pc4`` text groups them, as before the boundaries existed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import shapely
from sqlalchemy import text

from domain.i18n import register, tr
from domain.store.areas import as_multipolygon
from domain.store.backend import backend_of
from domain.store.bulk import insert_rows

BOUNDARY_COLUMNS = ("kind", "code", "name", "year", "source")
#: the overview's groupings: the boundary kind, and the object column used without boundaries
GROUP_KINDS = {"gemeente": "gemeente", "pc4": "pc4"}
GROUP_COLUMNS = {"gemeente": "municipality", "pc4": "pc4"}

register(
    {
        "boundaries.outside": ("buiten de grenzen", "outside the boundaries"),
        "boundaries.bad_grouping": (
            "Onbekende indeling '{value}'; kies gemeente of pc4.",
            "Unknown grouping '{value}'; choose gemeente or pc4.",
        ),
    }
)


@dataclass(frozen=True)
class BoundaryRecord:
    """One official area: ``geometry`` a shapely (Multi)Polygon in RD New."""

    kind: str
    code: str
    name: str
    year: int | None
    source: str | None
    geometry: object = field(repr=False, compare=False)
    id: int | None = None


@dataclass
class Grouping:
    """Which group each object is counted in, in the order of the ``xy`` asked for.

    ``labels``: the group's name per object ("" where outside every boundary, or, without
    boundaries, where the object has no municipality / PC4); ``official``: the labels are
    boundary names; ``outlines``: label → polygon (official only); ``source``: the boundary
    files and years behind the labels (official only)."""

    by: str
    labels: np.ndarray
    official: bool
    outlines: dict[str, object] = field(default_factory=dict)
    source: dict | None = None

    @property
    def outside(self) -> int:
        """Objects outside every boundary (0 without boundaries)."""
        return int(np.count_nonzero(self.labels == "")) if self.official else 0

    def label_of_empty(self, lang: str | None = None, unknown: str = "") -> str:
        """What the empty label means to a reader: "buiten de grenzen" with boundaries, else
        ``unknown`` (the caller's word for an object without a municipality / PC4)."""
        return tr("boundaries.outside", lang) if self.official else unknown


# --- reading and writing -----------------------------------------------------------------------
def read_boundaries(conn, kind: str) -> list[BoundaryRecord]:
    """The stored boundaries of ``kind``, ordered by code (then id)."""
    backend = backend_of(conn)
    rows = conn.execute(
        text(
            f"SELECT id, kind, code, name, year, source, {backend.geometry_sql()} AS geom "
            "FROM boundaries WHERE kind = :kind AND geom IS NOT NULL ORDER BY code, id"
        ),
        {"kind": kind},
    ).mappings()
    return [
        BoundaryRecord(
            kind=row["kind"],
            code=row["code"],
            name=row["name"],
            year=None if row["year"] is None else int(row["year"]),
            source=row["source"],
            geometry=backend.geometry(row["geom"]),
            id=int(row["id"]),
        )
        for row in rows
    ]


def boundary_kinds_present(conn) -> dict[str, int]:
    """Kind → number of stored boundaries, for the kinds the store has."""
    rows = conn.execute(text("SELECT kind, COUNT(*) FROM boundaries GROUP BY kind ORDER BY kind"))
    return {kind: int(count) for kind, count in rows}


def replace_boundaries(conn, kinds, rows) -> int:
    """Delete the stored boundaries of ``kinds`` and insert ``rows`` (BoundaryRecord), on the
    caller's connection and so in the caller's transaction; returns the rows written."""
    for kind in kinds:
        conn.execute(text("DELETE FROM boundaries WHERE kind = :kind"), {"kind": kind})
    values, geoms = [], []
    for row in rows:
        multi = as_multipolygon(row.geometry)
        if multi is None or multi.is_empty:
            continue
        values.append((row.kind, row.code, row.name, row.year, row.source))
        geoms.append(multi)
    return insert_rows(conn, "boundaries", BOUNDARY_COLUMNS, values, np.array(geoms, dtype=object))


def _fingerprint(records) -> list[tuple]:
    """What makes two sets of boundaries the same: every column and the exact geometry."""
    out = []
    for r in records:
        multi = as_multipolygon(r.geometry)
        wkb = None if multi is None else shapely.to_wkb(multi, byte_order=1, output_dimension=2)
        out.append((r.kind, r.code, r.name, r.year, r.source, wkb))
    return sorted(out, key=lambda t: tuple("" if v is None else str(v) for v in t[:5]) + (t[5],))


def stored_equal(conn, kinds, rows) -> bool:
    """Whether the store already holds exactly ``rows`` for ``kinds`` (a re-import of the
    same file then writes nothing)."""
    stored = [record for kind in kinds for record in read_boundaries(conn, kind)]
    return _fingerprint(stored) == _fingerprint(rows)


# --- which area each object is in ------------------------------------------------------------
def boundary_labels(records: list[BoundaryRecord]) -> list[str]:
    """The group name of each boundary: its name, with the code where two share a name
    (two PC4 areas never do, two neighbourhoods may)."""
    names = Counter(r.name for r in records)
    return [r.name if names[r.name] == 1 else f"{r.name} ({r.code})" for r in records]


def assign_points(polygons, xs, ys) -> np.ndarray:
    """Index into ``polygons`` of the first one holding each point (border included), -1 where
    none does. Vectorised per polygon: its bounding box first, then the prepared shape."""
    xs = np.asarray(xs, dtype=float)
    ys = np.asarray(ys, dtype=float)
    out = np.full(len(xs), -1, dtype=np.int64)
    for index, polygon in enumerate(polygons):
        x0, y0, x1, y1 = polygon.bounds
        near = np.flatnonzero((out < 0) & (xs >= x0) & (xs <= x1) & (ys >= y0) & (ys <= y1))
        if not len(near):
            continue
        shapely.prepare(polygon)
        # not intersects_xy: inside QGIS its GEOS build may lack the XY predicates
        hit = shapely.intersects(polygon, shapely.points(xs[near], ys[near]))
        out[near[hit]] = index
    return out


def group_of_objects(conn, by: str, xy, attributes=None) -> Grouping:
    """The group of each object at ``xy`` (array of shape (n, 2), RD New) for ``by``
    ("gemeente" or "pc4"): the boundary polygon its point lies in where the store has
    boundaries of that kind, else the object's own ``attributes`` (its municipality / PC4 text,
    in the same order; None counts as unknown)."""
    from domain.errors import DomainError

    if by not in GROUP_KINDS:
        raise DomainError(tr("boundaries.bad_grouping", value=by))
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    records = read_boundaries(conn, GROUP_KINDS[by])
    if not records:
        values = attributes if attributes is not None else [None] * len(xy)
        labels = np.array([str(v) if v else "" for v in values], dtype=object)
        return Grouping(by, labels, official=False)
    names = boundary_labels(records)
    index = assign_points([r.geometry for r in records], xy[:, 0], xy[:, 1])
    lookup = np.array([*names, ""], dtype=object)  # -1 picks the last: outside
    source = {
        "kind": GROUP_KINDS[by],
        "boundaries": len(records),
        "files": sorted({r.source for r in records if r.source}),
        "years": sorted({r.year for r in records if r.year is not None}),
    }
    return Grouping(
        by,
        lookup[index],
        official=True,
        outlines=dict(zip(names, (r.geometry for r in records))),
        source=source,
    )


def group_outlines_of(conn, by: str) -> dict[str, object] | None:
    """Label → boundary polygon for ``by`` (the labels ``group_of_objects`` gives), or None
    when the store has no boundaries of that kind."""
    records = read_boundaries(conn, GROUP_KINDS.get(by, by))
    if not records:
        return None
    return dict(zip(boundary_labels(records), (r.geometry for r in records)))
