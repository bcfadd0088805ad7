"""Area polygons: the effect area, the Duurzaam herstel area and the 6 km zones.

The effect and DH areas are contoured from a grid (default 100 m) evaluated with the same
exposure code as the objects, at the default VS30. The polygons are for the map: whether an
object is in an area is decided by the exact per-object test (its own PGV and VS30), never by
the polygon. Cells at or above the threshold are turned into per-row runs (one rectangle per
run, far fewer than cells) and merged with one union.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon

from domain import policy
from domain.exports.ogr_writer import Layer, write_geopackage
from domain.groundmotion.catalog import Catalog
from domain.groundmotion.exposure import grid_counts
from domain.groundmotion.gmpe import DEFAULT_SETTINGS, GroundMotionSettings, distance_for_pgv
from domain.groundmotion.sources import ORIGIN_COMPUTED, SourceOutline, default_outlines


@dataclass(frozen=True)
class Area:
    """One area polygon with its kind, name and where it came from."""

    kind: str  # effectgebied | duurzaam_herstel | zone_6km | bronomtrek
    name: str
    geometry: object
    origin: str
    label: str = ""


@dataclass(frozen=True)
class Grid:
    x0: float
    y0: float
    cell: float
    nx: int
    ny: int

    def centres(self) -> tuple[np.ndarray, np.ndarray]:
        xs = self.x0 + (np.arange(self.nx) + 0.5) * self.cell
        ys = self.y0 + (np.arange(self.ny) + 0.5) * self.cell
        gx, gy = np.meshgrid(xs, ys)
        return gx.ravel(), gy.ravel()


def region_grid(
    catalog: Catalog,
    cell: float = policy.EFFECT_AREA_GRID_M,
    threshold_mm_s: float = policy.EFFECT_AREA_PGV_MM_S,
    settings: GroundMotionSettings = DEFAULT_SETTINGS,
) -> Grid | None:
    """Grid covering every place a counting quake could reach ``threshold`` (default VS30)."""
    columns = catalog.as_arrays()
    if not len(columns):
        return None
    low = policy.pgv_lowest_shown_as(threshold_mm_s)  # a PGV counts as shown, see policy
    reach = np.atleast_1d(distance_for_pgv(columns.ml, columns.depth_km, low, settings=settings))
    ok = reach >= 0
    if not ok.any():
        return None
    r = reach[ok] * 1000.0 + cell
    xmin = np.floor((columns.x[ok] - r).min() / cell) * cell
    ymin = np.floor((columns.y[ok] - r).min() / cell) * cell
    xmax = np.ceil((columns.x[ok] + r).max() / cell) * cell
    ymax = np.ceil((columns.y[ok] + r).max() / cell) * cell
    return Grid(
        float(xmin), float(ymin), cell, int((xmax - xmin) / cell), int((ymax - ymin) / cell)
    )


def mask_to_polygon(mask: np.ndarray, grid: Grid):
    """Cells that are True (row-major over ``grid``) as one (Multi)Polygon."""
    if not mask.any():
        return MultiPolygon()
    padded = np.zeros((grid.ny, grid.nx + 2), dtype=np.int8)
    padded[:, 1:-1] = mask.reshape(grid.ny, grid.nx)
    step = np.diff(padded, axis=1)
    rows, starts = np.nonzero(step == 1)
    _, ends = np.nonzero(step == -1)
    boxes = shapely.box(
        grid.x0 + starts * grid.cell,
        grid.y0 + rows * grid.cell,
        grid.x0 + ends * grid.cell,
        grid.y0 + (rows + 1) * grid.cell,
    )
    merged = shapely.union_all(boxes)
    return shapely.simplify(merged, 0.0)


def computed_areas(
    catalog: Catalog,
    cell: float = policy.EFFECT_AREA_GRID_M,
    settings: GroundMotionSettings = DEFAULT_SETTINGS,
    as_of: dt.date | dt.datetime | None = None,
    progress: Callable[[float], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> list[Area]:
    """Effect area (≥ 2 mm/s once) and DH area (≥ 4 quakes ≥ 5 mm/s before 2026) polygons."""
    grid = region_grid(catalog, cell, policy.EFFECT_AREA_PGV_MM_S, settings)
    if grid is None:
        return [
            Area("effectgebied", "effectgebied", MultiPolygon(), ORIGIN_COMPUTED),
            Area("duurzaam_herstel", "duurzaam herstel", MultiPolygon(), ORIGIN_COMPUTED),
        ]
    xs = grid.x0 + (np.arange(grid.nx) + 0.5) * grid.cell
    ys = grid.y0 + (np.arange(grid.ny) + 0.5) * grid.cell
    # the same counts as exposure_at_scale on the cell centres, without the pairs
    ge2, ge5_before = grid_counts(
        catalog,
        xs,
        ys,
        [
            (policy.EFFECT_AREA_PGV_MM_S, None),
            (policy.NULMETING_PGV_MM_S, policy.DH_QUAKES_BEFORE),
        ],
        settings,
        as_of,
        progress=progress,
        cancel=cancel,
    )
    effect = mask_to_polygon(ge2.ravel() > 0, grid)
    dh = mask_to_polygon(ge5_before.ravel() >= policy.DH_MIN_QUAKES, grid)
    label = f"raster {cell:.0f} m, VS30 {policy.DEFAULT_VS30_M_S:.0f} m/s, {settings.component}, p={settings.exceedance:g}"
    return [
        Area("effectgebied", "effectgebied", effect, ORIGIN_COMPUTED, label),
        Area("duurzaam_herstel", "duurzaam herstel", dh, ORIGIN_COMPUTED, label),
    ]


def zones_6km(outlines: Sequence[SourceOutline] | None = None) -> list[Area]:
    """A 6 km zone around each source outline (origin inherited from the outline)."""
    outlines = default_outlines() if outlines is None else outlines
    return [
        Area(
            "zone_6km",
            outline.name,
            shapely.buffer(outline.geometry, policy.ZONE_6KM_M, quad_segs=16),
            outline.origin,
            outline.label,
        )
        for outline in outlines
        if outline.name in policy.COUNTING_SOURCES
    ]


def source_areas(outlines: Sequence[SourceOutline] | None = None) -> list[Area]:
    outlines = default_outlines() if outlines is None else outlines
    return [Area("bronomtrek", o.name, o.geometry, o.origin, o.label) for o in outlines]


def _multi(geom):
    if geom is None or geom.is_empty:
        return MultiPolygon()
    if isinstance(geom, Polygon):
        return MultiPolygon([geom])
    if isinstance(geom, MultiPolygon):
        return geom
    parts = [g for g in shapely.get_parts(geom) if isinstance(g, Polygon)]
    return MultiPolygon(parts)


LAYER_NAMES = {
    "effectgebied": "effectgebied",
    "duurzaam_herstel": "duurzaam_herstel_gebied",
    "zone_6km": "zone_6km",
    "bronomtrek": "bronomtrekken",
}


def write_areas(path: str | Path, areas: Sequence[Area], catalog_origin: str = "") -> Path:
    """Write areas to a GeoPackage (EPSG:28992), one layer per kind, with an ``origin`` column."""
    stamp = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    layers = []
    for kind, table in LAYER_NAMES.items():
        mine = [a for a in areas if a.kind == kind]
        if not mine:
            continue
        layers.append(
            Layer(
                table,
                [_multi(a.geometry) for a in mine],
                {
                    "name": [a.name for a in mine],
                    "origin": [a.origin for a in mine],
                    "label": [a.label for a in mine],
                    "area_km2": [round(a.geometry.area / 1e6, 3) for a in mine],
                    "catalog": [catalog_origin for _ in mine],
                    "computed_at": [stamp for _ in mine],
                },
                description=kind,
            )
        )
    return write_geopackage(path, layers)
