"""The exposure of many objects: summaries per object and the sparse object–quake list.

Kept apart from the computation so other parts (store, rules, plugin) can hold and query an
exposure without knowing how it was computed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

from domain import policy
from domain.groundmotion.catalog import as_of_limit, before_limit
from domain.groundmotion.gmpe import DEFAULT_SETTINGS, GroundMotionSettings


@dataclass
class Exposure:
    """Exposure of N objects: summaries plus the sparse per-quake list (pairs ≥ floor).

    Pairs are sorted by object, then quake (time order); ``offsets`` (N+1) index them per
    object (CSR); ``obj_index`` spells the object out per pair. ``max_pgv_mm_s`` is 0 where no
    counting quake reached the floor. Counts are of quakes with PGV ≥ 2 and ≥ 5 mm/s; "before
    2026" means strictly before policy ``DH_QUAKES_BEFORE`` (00:00 UTC).
    """

    max_pgv_mm_s: np.ndarray
    count_ge_2: np.ndarray
    count_ge_5: np.ndarray
    count_ge_5_before_2026: np.ndarray
    event_index: np.ndarray
    pgv_mm_s: np.ndarray
    offsets: np.ndarray
    event_ids: np.ndarray
    event_times: np.ndarray  # datetime64[s] UTC, per quake index
    floor_mm_s: float
    settings: GroundMotionSettings = DEFAULT_SETTINGS
    as_of: np.datetime64 | None = None
    vs30_min: float = policy.DEFAULT_VS30_M_S
    _obj_index: np.ndarray | None = field(default=None, repr=False)

    def __len__(self) -> int:
        return int(self.max_pgv_mm_s.shape[0])

    @property
    def obj_index(self) -> np.ndarray:
        """Object index per pair (derived from ``offsets`` on first use)."""
        if self._obj_index is None:
            self._obj_index = np.repeat(np.arange(len(self), dtype=np.int32), np.diff(self.offsets))
        return self._obj_index

    @property
    def pair_count(self) -> int:
        return int(self.offsets[-1])

    def pair_mask(self, as_of=None, before: dt.date | None = None) -> np.ndarray:
        """Pairs whose quake counts as of ``as_of`` (and lies strictly before ``before``)."""
        ok = np.ones(self.event_times.shape, dtype=bool)
        limit = as_of_limit(as_of)
        if limit is not None:
            ok &= self.event_times <= limit
        if before is not None:
            ok &= self.event_times <= before_limit(before)
        return ok[self.event_index]

    def count_ge(self, threshold_mm_s: float, as_of=None, before: dt.date | None = None):
        """Per object: how many counting quakes gave PGV ≥ threshold (threshold ≥ floor)."""
        if threshold_mm_s < self.floor_mm_s:
            raise ValueError(f"threshold {threshold_mm_s} below the floor {self.floor_mm_s}")
        mask = self.pair_mask(as_of, before) & policy.pgv_at_least(self.pgv_mm_s, threshold_mm_s)
        return np.bincount(self.obj_index[mask], minlength=len(self)).astype(np.int32)

    def counts_as_of(self, as_of: dt.date | dt.datetime) -> Exposure:
        """The same exposure re-evaluated from the pairs, counting only quakes up to ``as_of``."""
        mask = self.pair_mask(as_of)
        limit = as_of_limit(as_of)
        if self.as_of is not None and limit is not None:
            limit = min(limit, self.as_of)
        obj = self.obj_index[mask]
        counts = np.bincount(obj, minlength=len(self))
        ev, pgv = self.event_index[mask], self.pgv_mm_s[mask]
        return build_exposure(
            counts,
            ev,
            pgv,
            self.event_ids,
            self.event_times,
            self.floor_mm_s,
            self.settings,
            limit,
            self.vs30_min,
        )

    def events_of(self, i: int) -> list[tuple[str, float]]:
        """(event id, PGV) of every quake ≥ floor at object ``i``, in time order."""
        lo, hi = int(self.offsets[i]), int(self.offsets[i + 1])
        return [
            (str(self.event_ids[e]), float(p))
            for e, p in zip(self.event_index[lo:hi], self.pgv_mm_s[lo:hi])
        ]


@dataclass
class ChunkSummary:
    """Per-object summaries for a group of objects, from their pairs (grouped per object)."""

    max_pgv: np.ndarray
    ge2: np.ndarray
    ge5: np.ndarray
    ge5_before: np.ndarray

    @classmethod
    def empty(cls, n: int) -> ChunkSummary:
        return cls(np.zeros(n), *(np.zeros(n, dtype=np.int32) for _ in range(3)))

    def add_block(self, lo: int, ev, pgv, per_object, dh_event) -> None:
        """Fill in objects ``lo …`` from their pairs (grouped per object, ``per_object`` each)."""
        has = per_object > 0
        if not has.any():
            return
        n = len(per_object)
        starts = (np.cumsum(per_object) - per_object)[has]
        ge5 = policy.pgv_at_least(pgv, policy.NULMETING_PGV_MM_S)
        self.max_pgv[lo : lo + n][has] = np.maximum.reduceat(pgv, starts)
        ge2 = policy.pgv_at_least(pgv, policy.EFFECT_AREA_PGV_MM_S)
        self.ge2[lo : lo + n][has] = np.add.reduceat(ge2, starts, dtype=np.int32)
        self.ge5[lo : lo + n][has] = np.add.reduceat(ge5, starts, dtype=np.int32)
        before = np.add.reduceat(ge5 & dh_event[ev], starts, dtype=np.int32)
        self.ge5_before[lo : lo + n][has] = before

    @classmethod
    def from_csr(cls, counts, ev, pgv, event_times) -> ChunkSummary:
        """Summaries from CSR pairs: ``counts`` per object, pairs grouped by object in order."""
        n = len(counts)
        out = cls.empty(n)
        if not len(pgv):
            return out
        has = counts > 0
        starts = (np.cumsum(counts) - counts)[has]
        limit = before_limit(policy.DH_QUAKES_BEFORE)
        if np.all(event_times[1:] >= event_times[:-1]):  # time order: "before" is an index cut
            before = ev < int(np.searchsorted(event_times, limit, "right"))
        else:
            before = (event_times <= limit)[ev]
        ge2 = policy.pgv_at_least(pgv, policy.EFFECT_AREA_PGV_MM_S)
        ge5 = policy.pgv_at_least(pgv, policy.NULMETING_PGV_MM_S)
        out.max_pgv[has] = np.maximum.reduceat(pgv, starts)
        out.ge2[has] = np.add.reduceat(ge2, starts, dtype=np.int32)
        out.ge5[has] = np.add.reduceat(ge5, starts, dtype=np.int32)
        out.ge5_before[has] = np.add.reduceat(ge5 & before, starts, dtype=np.int32)
        return out


def build_exposure(
    counts, ev, pgv, ids, times, floor, settings, limit, vs30_min, summary=None
) -> Exposure:
    """An Exposure from CSR pairs (summaries computed here unless already given)."""
    if summary is None:
        summary = ChunkSummary.from_csr(counts, ev, pgv, times)
    offsets = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    return Exposure(
        max_pgv_mm_s=summary.max_pgv,
        count_ge_2=summary.ge2,
        count_ge_5=summary.ge5,
        count_ge_5_before_2026=summary.ge5_before,
        event_index=ev,
        pgv_mm_s=pgv,
        offsets=offsets,
        event_ids=ids,
        event_times=times,
        floor_mm_s=floor,
        settings=settings,
        as_of=limit,
        vs30_min=vs30_min,
    )
