"""What if a quake of magnitude ML happened here? Which objects would reopen, need a
nulmeting, or newly enter the effect area — counted per municipality.

Only objects within the distance where the quake could still give 2 mm/s (with the lowest
VS30 present) are evaluated; a KD-tree over the objects finds them, so a scenario over half a
million objects takes well under a second once the tree exists.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import shapely
from scipy.spatial import cKDTree

from domain import policy
from domain.groundmotion.gmpe import (
    DEFAULT_SETTINGS,
    GroundMotionSettings,
    distance_for_pgv,
    event_terms,
    ln_pgv_from_parts,
    site_terms,
)


@dataclass
class ScenarioObjects:
    """The objects a scenario runs over, as columns (RD New metres).

    ``last_final_decision``: datetime64[D] per object, NaT where no final decision exists.
    The KD-tree is built on first use and kept, so repeated scenarios are fast.
    """

    x: np.ndarray
    y: np.ndarray
    vs30: np.ndarray
    last_final_decision: np.ndarray
    municipality: np.ndarray
    in_effect_area: np.ndarray
    _tree: cKDTree | None = field(default=None, repr=False)

    @classmethod
    def build(
        cls, x, y, vs30=None, last_final_decision=None, municipality=None, in_effect_area=None
    ):
        """Columns with defaults: VS30 from policy, no decisions, no municipality, not in area."""
        x = np.asarray(x, dtype=float)
        n = x.shape[0]
        return cls(
            x=x,
            y=np.asarray(y, dtype=float),
            vs30=np.full(n, policy.DEFAULT_VS30_M_S)
            if vs30 is None
            else np.broadcast_to(np.asarray(vs30, dtype=float), (n,)),
            last_final_decision=np.full(n, np.datetime64("NaT"), dtype="datetime64[D]")
            if last_final_decision is None
            else np.asarray(last_final_decision, dtype="datetime64[D]"),
            municipality=np.full(n, "", dtype=object)
            if municipality is None
            else np.asarray(municipality, dtype=object),
            in_effect_area=np.zeros(n, dtype=bool)
            if in_effect_area is None
            else np.asarray(in_effect_area, dtype=bool),
        )

    @property
    def tree(self) -> cKDTree:
        if self._tree is None:
            self._tree = cKDTree(np.column_stack([self.x, self.y]))
        return self._tree

    def __len__(self) -> int:
        return int(self.x.shape[0])


@dataclass(frozen=True)
class MunicipalityCounts:
    municipality: str
    reopen: int
    nulmeting: int
    new_in_effect_area: int


@dataclass
class ScenarioResult:
    """Objects touched by the scenario quake (indices into the objects) and their PGV."""

    x: float
    y: float
    ml: float
    depth_km: float
    date: dt.date
    index: np.ndarray  # objects with PGV ≥ the effect-area threshold
    pgv_mm_s: np.ndarray
    reopen: np.ndarray  # bool per entry of ``index``
    nulmeting: np.ndarray
    new_in_effect_area: np.ndarray
    per_municipality: list[MunicipalityCounts]
    reach_km: float

    @property
    def totals(self) -> dict[str, int]:
        return {
            "reopen": int(self.reopen.sum()),
            "nulmeting": int(self.nulmeting.sum()),
            "new_in_effect_area": int(self.new_in_effect_area.sum()),
        }


def scenario_quake(
    x: float,
    y: float,
    ml: float,
    depth_km: float | None,
    date: dt.date,
    objects: ScenarioObjects,
    settings: GroundMotionSettings = DEFAULT_SETTINGS,
) -> ScenarioResult:
    """Effect of one hypothetical quake at (x, y) RD on ``date`` for every object.

    (a) reopen: a final decision strictly before ``date`` and PGV > 5 mm/s (strict);
    (b) nulmeting: PGV ≥ 5 mm/s; (c) newly in the effect area: PGV ≥ 2 mm/s and not in it yet.
    """
    depth = policy.DEFAULT_DEPTH_KM if depth_km is None else float(depth_km)
    threshold = policy.EFFECT_AREA_PGV_MM_S
    vs30_min = float(objects.vs30.min()) if len(objects) else policy.DEFAULT_VS30_M_S
    # thresholds compare the PGV as shown (policy.pgv_rounded): reach the lowest such value
    low = policy.pgv_lowest_shown_as(threshold)
    reach = float(distance_for_pgv(ml, depth, low, vs30_min, settings))
    idx = np.zeros(0, dtype=np.int64)
    if reach >= 0 and len(objects):
        idx = np.asarray(
            objects.tree.query_ball_point((x, y), reach * 1000.0 * (1 + 1e-9) + 1.0), dtype=np.int64
        )
        idx.sort()
    a, depth2 = event_terms(ml, depth, settings)
    dx, dy = objects.x[idx] - x, objects.y[idx] - y
    epi2 = (dx * dx + dy * dy) * 1e-6
    pgv = np.exp(
        ln_pgv_from_parts(a, depth2, site_terms(objects.vs30[idx], settings), epi2, settings)
    )
    keep = policy.pgv_at_least(pgv, threshold)
    idx, pgv = idx[keep], pgv[keep]
    decided = objects.last_final_decision[idx]
    before = ~np.isnat(decided) & (decided < np.datetime64(date, "D"))
    reopen = before & policy.pgv_above(pgv, policy.REOPEN_PGV_MM_S)
    nulmeting = policy.pgv_at_least(pgv, policy.NULMETING_PGV_MM_S)
    new_area = ~objects.in_effect_area[idx]
    per = []
    names = objects.municipality[idx]
    for name in sorted(set(names.tolist())):
        sel = names == name
        per.append(
            MunicipalityCounts(
                str(name),
                int(reopen[sel].sum()),
                int(nulmeting[sel].sum()),
                int(new_area[sel].sum()),
            )
        )
    return ScenarioResult(
        x, y, ml, depth, date, idx, pgv, reopen, nulmeting, new_area, per, max(reach, 0.0)
    )


# segments per quarter circle of a contour: smooth at any map scale, still a small polygon
CONTOUR_QUAD_SEGMENTS = 32


@dataclass(frozen=True)
class ScenarioContour:
    """Where the scenario quake reaches ``threshold_mm_s`` at ``vs30`` (for the map)."""

    threshold_mm_s: float
    radius_km: float  # epicentral distance; 0 where the quake nowhere reaches the threshold
    vs30: float
    geometry: object  # shapely Polygon in RD New, empty where nowhere


def scenario_contours(
    x: float,
    y: float,
    ml: float,
    depth_km: float | None,
    settings: GroundMotionSettings = DEFAULT_SETTINGS,
    vs30: float = policy.DEFAULT_VS30_M_S,
    thresholds: tuple[float, ...] = (policy.EFFECT_AREA_PGV_MM_S, policy.NULMETING_PGV_MM_S),
) -> list[ScenarioContour]:
    """The 2 and 5 mm/s contours of one scenario quake, as the areas maps draw them.

    Like the effect-area polygons (``domain.groundmotion.zones``) they use one VS30 (default: policy's), so
    they are a picture: whether an object is reached is decided by ``scenario_quake`` with the
    object's own VS30. The threshold is the lowest PGV shown as it (``policy.pgv_rounded``).
    """
    depth = policy.DEFAULT_DEPTH_KM if depth_km is None else float(depth_km)
    out = []
    for threshold in thresholds:
        low = policy.pgv_lowest_shown_as(threshold)
        reach = float(distance_for_pgv(ml, depth, low, vs30, settings))
        if reach > 0:
            geometry = shapely.Point(x, y).buffer(reach * 1000.0, quad_segs=CONTOUR_QUAD_SEGMENTS)
        else:
            reach, geometry = 0.0, shapely.Polygon()
        out.append(ScenarioContour(float(threshold), reach, float(vs30), geometry))
    return out
