"""How hard every object was shaken: per-site quake lists and exposure of many objects at once.

The fast path prunes object–quake pairs that cannot reach the exposure floor with a KD-tree
radius query. The radius per quake is the exact inverse of the model evaluated with the lowest
VS30 present (PGV only falls with distance and only rises as VS30 falls), so no pair at or
above the floor is lost; surviving pairs go through the same floating-point operations as the
dense reference, which makes both paths agree exactly at every threshold ≥ the floor.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain

import numpy as np
from scipy.spatial import cKDTree

from domain import policy
from domain.errors import Cancelled
from domain.groundmotion.catalog import (
    Catalog,
    QuakeArrays,
    as_of_limit,
    before_limit,
    to_datetime64,
)
from domain.groundmotion.gmpe import (
    DEFAULT_SETTINGS,
    GroundMotionSettings,
    distance_for_pgv,
    event_terms,
    ln_pgv_from_parts,
    pgv_mm_s,
    site_terms,
)
from domain.groundmotion.result import ChunkSummary, Exposure, build_exposure

Progress = Callable[[float], None]
Cancel = Callable[[], bool]
#: object–quake candidates evaluated at once (about 60 bytes each in temporary arrays)
CANDIDATE_BUDGET = 2_000_000


@dataclass(frozen=True)
class QuakeAtSite:
    """One counting quake as felt at one site."""

    event_id: str
    time: dt.datetime
    place: str
    ml: float
    epicentral_km: float
    hypocentral_km: float
    pgv_median_mm_s: float
    pgv_mm_s: float


def site_exposure(
    catalog: Catalog,
    x: float,
    y: float,
    vs30: float | None = None,
    settings: GroundMotionSettings = DEFAULT_SETTINGS,
    as_of: dt.date | dt.datetime | None = None,
) -> list[QuakeAtSite]:
    """Every counting quake up to ``as_of`` at the site (RD New), in time order."""
    vs30 = policy.DEFAULT_VS30_M_S if vs30 is None else float(vs30)
    limit = as_of_limit(as_of)
    out: list[QuakeAtSite] = []
    for quake in catalog.quakes:
        if limit is not None and to_datetime64(quake.time) > limit:
            continue
        depth = policy.DEFAULT_DEPTH_KM if quake.depth_km is None else quake.depth_km
        epi = float(np.hypot(x - quake.x, y - quake.y)) / 1000.0
        hyp = float(np.hypot(epi, depth))
        out.append(
            QuakeAtSite(
                quake.event_id,
                quake.time,
                quake.place,
                quake.ml,
                epi,
                hyp,
                pgv_mm_s(quake.ml, hyp, vs30, settings, median=True),
                pgv_mm_s(quake.ml, hyp, vs30, settings),
            )
        )
    return out


@dataclass(frozen=True)
class _Prepared:
    quakes: QuakeArrays
    active: np.ndarray  # quake indices counting as of the date
    a: np.ndarray
    depth2: np.ndarray
    x: np.ndarray
    y: np.ndarray
    site: np.ndarray
    vs30_min: float
    limit: np.datetime64 | None
    settings: GroundMotionSettings


def _prepare(catalog, x, y, vs30, settings, as_of, median=False) -> _Prepared:
    quakes = catalog.as_arrays() if isinstance(catalog, Catalog) else catalog
    x = np.ascontiguousarray(x, dtype=float)
    y = np.ascontiguousarray(y, dtype=float)
    if x.shape != y.shape or x.ndim != 1:
        raise ValueError("x and y must be 1-D arrays of equal length")
    if vs30 is None:
        vs30 = np.full(x.shape, policy.DEFAULT_VS30_M_S)
    vs30 = np.broadcast_to(np.asarray(vs30, dtype=float), x.shape)
    if x.size and not (np.all(np.isfinite(vs30)) and np.all(vs30 > 0)):
        raise ValueError("vs30 must be positive and finite for every object")
    limit = as_of_limit(as_of)
    active = np.arange(len(quakes))
    if limit is not None:
        active = active[quakes.time <= limit]
    a, depth2 = event_terms(quakes.ml, quakes.depth_km, settings, median)
    return _Prepared(
        quakes,
        active,
        a,
        depth2,
        x,
        y,
        np.ascontiguousarray(site_terms(vs30, settings)),
        float(vs30.min()) if x.size else policy.DEFAULT_VS30_M_S,
        limit,
        settings,
    )


def _tick(progress, cancel, done, total) -> None:
    if cancel is not None and cancel():
        raise Cancelled("berekening gestopt")
    if progress is not None:
        progress(100.0 * done / max(total, 1))


def exposure_at_scale(
    catalog: Catalog | QuakeArrays,
    x,
    y,
    vs30=None,
    settings: GroundMotionSettings = DEFAULT_SETTINGS,
    as_of: dt.date | dt.datetime | None = None,
    floor_mm_s: float = policy.EXPOSURE_FLOOR_MM_S,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    tile_m: float = 1000.0,
    block: int = 4096,
) -> Exposure:
    """Exposure of many objects, evaluating only object–quake pairs within each quake's reach.

    Objects are grouped in square tiles; a KD-tree over the tile centres finds, per quake, the
    tiles within its reach (plus half a tile diagonal). Objects are then taken in their own
    order, in blocks, each against only the quakes listed for its tile, so the pairs come out
    already in CSR order (object, then quake) with no sort.
    """
    prep = _prepare(catalog, x, y, vs30, settings, as_of)
    n = prep.x.shape[0]
    reach_km = np.atleast_1d(
        distance_for_pgv(
            prep.quakes.ml[prep.active],
            prep.quakes.depth_km[prep.active],
            floor_mm_s,
            prep.vs30_min,
            settings,
        )
    )
    events = prep.active[reach_km >= 0]
    radii = reach_km[reach_km >= 0] * 1000.0 * (1.0 + 1e-9) + 1.0
    if n == 0 or len(events) == 0:
        _tick(progress, cancel, 1, 1)
        e = np.zeros(0, np.int32)
        return _result(prep, np.zeros(n, np.int64), e, np.zeros(0), floor_mm_s, settings)
    tiles = _Tiles(prep.x, prep.y, tile_m)
    tree = cKDTree(tiles.centres)
    hits = tree.query_ball_point(
        np.column_stack([prep.quakes.x[events], prep.quakes.y[events]]),
        radii + tiles.half_diagonal,
        workers=-1,
    )
    lengths = np.fromiter(map(len, hits), dtype=np.int64, count=len(hits))
    tile_of = np.fromiter(chain.from_iterable(hits), dtype=np.int64, count=int(lengths.sum()))
    ev_of = np.repeat(events, lengths)
    order = np.lexsort((ev_of, tile_of))
    tile_of, ev_of = tile_of[order], ev_of[order]
    bounds = np.searchsorted(tile_of, np.arange(len(tiles.starts)))
    cand_len = np.diff(bounds)
    tile_of_obj = np.empty(n, dtype=np.int64)
    tile_of_obj[tiles.order] = np.repeat(np.arange(len(cand_len)), np.diff(tiles.starts))
    counts = np.zeros(n, dtype=np.int64)
    summary = ChunkSummary.empty(n)
    dh_event = prep.quakes.time <= before_limit(policy.DH_QUAKES_BEFORE)
    per_object = cand_len[tile_of_obj]
    reach = np.cumsum(per_object)  # candidates of objects 0…i
    capacity = int(reach[-1])  # pages are touched only where written
    ev_out = np.empty(capacity, dtype=np.int32)
    pgv_out = np.empty(capacity, dtype=float)
    filled = 0
    lo = 0
    while lo < n:
        _tick(progress, cancel, lo, n)
        # at most ``block`` objects and ``CANDIDATE_BUDGET`` candidates (but one object at
        # least): a dense cluster of quakes cannot blow up the temporary arrays
        done = int(reach[lo - 1]) if lo else 0
        hi = min(lo + block, int(np.searchsorted(reach, done + CANDIDATE_BUDGET, "right")), n)
        hi = max(hi, lo + 1)
        t = tile_of_obj[lo:hi]
        lo_block, lo = lo, hi
        per_obj = cand_len[t]
        total = int(per_obj.sum())
        if total == 0:
            continue
        # every object against the quakes listed for its tile, as one flat candidate list
        first = np.cumsum(per_obj) - per_obj
        ev = ev_of[np.repeat(bounds[t] - first, per_obj) + np.arange(total)]
        near, pgv = _pairs(prep, ev, lo_block, hi, per_obj, floor_mm_s)
        rows = np.repeat(np.arange(hi - lo_block), per_obj)[near]
        ev = ev[near]
        kept = np.bincount(rows, minlength=hi - lo_block)
        counts[lo_block:hi] = kept
        summary.add_block(lo_block, ev, pgv, kept, dh_event)
        ev_out[filled : filled + len(ev)] = ev
        pgv_out[filled : filled + len(ev)] = pgv
        filled += len(ev)
    _tick(progress, cancel, 1, 1)
    return _result(prep, counts, ev_out[:filled], pgv_out[:filled], floor_mm_s, settings, summary)


def _pairs(prep: _Prepared, ev, lo, hi, per_obj, floor):
    """Flat candidates: objects lo…hi, each repeated ``per_obj`` times, against quakes ``ev``.

    Returns the positions of the candidates ≥ floor and their PGV, in candidate order.
    """
    dx = np.repeat(prep.x[lo:hi], per_obj) - prep.quakes.x[ev]
    dy = np.repeat(prep.y[lo:hi], per_obj) - prep.quakes.y[ev]
    epi2 = (dx * dx + dy * dy) * 1e-6
    site = np.repeat(prep.site[lo:hi], per_obj)
    ln_pgv = ln_pgv_from_parts(prep.a[ev], prep.depth2[ev], site, epi2, prep.settings)
    near = np.flatnonzero(ln_pgv >= np.log(floor) - 1e-9)
    pgv = np.exp(ln_pgv[near])
    keep = pgv >= floor
    return near[keep], pgv[keep]


def _result(prep: _Prepared, counts, ev, pgv, floor, settings, summary=None) -> Exposure:
    return build_exposure(
        counts,
        ev,
        pgv,
        prep.quakes.ids,
        prep.quakes.time,
        floor,
        settings,
        prep.limit,
        prep.vs30_min,
        summary,
    )


class _Tiles:
    """Objects grouped by square tile (row-major), as a permutation plus segment starts."""

    def __init__(self, x: np.ndarray, y: np.ndarray, size: float) -> None:
        x0, y0 = float(x.min()), float(y.min())
        ix = ((x - x0) // size).astype(np.int64)
        iy = ((y - y0) // size).astype(np.int64)
        key = iy * (int(ix.max()) + 1) + ix
        self.order = np.argsort(key)
        sorted_key = key[self.order]
        first = np.flatnonzero(np.r_[True, sorted_key[1:] != sorted_key[:-1]])
        self.starts = np.r_[first, len(key)]
        k = sorted_key[first]
        nx = int(ix.max()) + 1
        self.centres = np.column_stack([x0 + (k % nx + 0.5) * size, y0 + (k // nx + 0.5) * size])
        self.half_diagonal = size * np.sqrt(0.5)


def _block(ox, oy, osite, qx, qy, qa, qd2, settings, floor: float):
    """Objects × quakes, broadcast; (row, column, PGV) of pairs ≥ floor, row-major.

    The exponential is taken only where the logarithm is near or above the floor; the final
    test is on PGV itself, so the result is the same as exponentiating everything. The fast
    path (:func:`_pairs`) does the very same operations on a flat list, so both agree bit for
    bit.
    """
    dx = ox[:, None] - qx[None, :]
    dy = oy[:, None] - qy[None, :]
    epi2 = (dx * dx + dy * dy) * 1e-6
    ln_pgv = ln_pgv_from_parts(qa[None, :], qd2[None, :], osite[:, None], epi2, settings)
    rows, cols = np.nonzero(ln_pgv >= np.log(floor) - 1e-9)
    pgv = np.exp(ln_pgv[rows, cols])
    keep = pgv >= floor
    return rows[keep], cols[keep], pgv[keep]


def dense_exposure(
    catalog: Catalog | QuakeArrays,
    x,
    y,
    vs30=None,
    settings: GroundMotionSettings = DEFAULT_SETTINGS,
    as_of: dt.date | dt.datetime | None = None,
    floor_mm_s: float = policy.EXPOSURE_FLOOR_MM_S,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    block: int = 4096,
) -> Exposure:
    """Reference: every object against every counting quake, in blocks of objects."""
    prep = _prepare(catalog, x, y, vs30, settings, as_of)
    n = prep.x.shape[0]
    counts = np.zeros(n, dtype=np.int64)
    evs, pgvs = [], []
    ev_all = prep.active
    qx, qy, qa, qd2 = (
        prep.quakes.x[ev_all],
        prep.quakes.y[ev_all],
        prep.a[ev_all],
        prep.depth2[ev_all],
    )
    for start in range(0, n, block):
        _tick(progress, cancel, start, n)
        stop = min(start + block, n)
        rows, cols, pgv = _block(
            prep.x[start:stop],
            prep.y[start:stop],
            prep.site[start:stop],
            qx,
            qy,
            qa,
            qd2,
            prep.settings,
            floor_mm_s,
        )
        counts[start:stop] = np.bincount(rows, minlength=stop - start)
        evs.append(ev_all[cols].astype(np.int32))
        pgvs.append(pgv)
    _tick(progress, cancel, 1, 1)
    ev = np.concatenate(evs) if evs else np.zeros(0, np.int32)
    pgv = np.concatenate(pgvs) if pgvs else np.zeros(0)
    return _result(prep, counts, ev, pgv, floor_mm_s, settings)


def grid_counts(
    catalog: Catalog | QuakeArrays,
    xs,
    ys,
    thresholds,
    settings: GroundMotionSettings = DEFAULT_SETTINGS,
    as_of: dt.date | dt.datetime | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> list[np.ndarray]:
    """Per cell of a regular grid (column centres ``xs``, row centres ``ys``, default VS30):
    how many counting quakes reach each of ``thresholds``.

    ``thresholds``: (mm/s, before) pairs; ``before`` a date (only quakes strictly before it
    count) or None. Returns one int32 array of shape (len(ys), len(xs)) per threshold, equal
    to the ``count_ge_…`` of :func:`exposure_at_scale` on the cell centres with the floor at
    the lowest threshold, but without the pairs: per quake only the window within its reach is
    looked at, cells well inside the reach (PGV above the threshold by a factor 1 + 1e-6) are
    counted from the distance alone and only the thin ring at the edge goes through the very
    same floating-point operations as the pairs. Memory is the grid, whatever the catalogue.
    """
    xs = np.ascontiguousarray(xs, dtype=float)
    ys = np.ascontiguousarray(ys, dtype=float)
    vs30 = np.array([policy.DEFAULT_VS30_M_S])
    prep = _prepare(catalog, xs[:1], ys[:1], vs30, settings, as_of)
    site = float(prep.site[0])
    # a PGV counts as shown (policy.pgv_rounded): half a display step below a threshold is in
    floor = policy.pgv_lowest_shown_as(min(t for t, _b in thresholds))
    out = [np.zeros((len(ys), len(xs)), dtype=np.int32) for _ in thresholds]
    quakes = prep.quakes
    active = prep.active
    total = max(len(active), 1)
    for k, (threshold, before) in enumerate(thresholds):
        events = active
        if before is not None:
            events = events[quakes.time[events] <= before_limit(before)]
        ml, depth = quakes.ml[events], quakes.depth_km[events]
        low = policy.pgv_lowest_shown_as(threshold)
        r_out = np.atleast_1d(distance_for_pgv(ml, depth, low * (1 - 1e-6), vs30[0], settings))
        r_in = np.atleast_1d(distance_for_pgv(ml, depth, low * (1 + 1e-6), vs30[0], settings))
        ln_floor = np.log(floor) - 1e-9
        counts = out[k]
        for j, event in enumerate(events):
            if j % 256 == 0:
                _tick(progress, cancel, k * total + j, len(thresholds) * total)
            if r_out[j] < 0:
                continue
            reach_m = r_out[j] * 1000.0 * (1.0 + 1e-9) + 1.0
            qx, qy = quakes.x[event], quakes.y[event]
            i0, i1 = np.searchsorted(xs, [qx - reach_m, qx + reach_m], side="left")
            j0, j1 = np.searchsorted(ys, [qy - reach_m, qy + reach_m], side="left")
            i1 = min(i1 + 1, len(xs))
            j1 = min(j1 + 1, len(ys))
            if i0 >= i1 or j0 >= j1:
                continue
            dx = xs[i0:i1] - qx
            dy = ys[j0:j1] - qy
            epi2 = (dx * dx)[None, :] + (dy * dy)[:, None]
            epi2 *= 1e-6
            inside = epi2 < r_in[j] ** 2 if r_in[j] >= 0 else np.zeros(epi2.shape, bool)
            ring = ~inside & (epi2 <= r_out[j] ** 2)
            if ring.any():
                ln_pgv = ln_pgv_from_parts(
                    prep.a[event], prep.depth2[event], site, epi2[ring], settings
                )
                hit = (ln_pgv >= ln_floor) & policy.pgv_at_least(np.exp(ln_pgv), threshold)
                inside[ring] = hit
            counts[j0:j1, i0:i1] += inside
    _tick(progress, cancel, 1, 1)
    return out
