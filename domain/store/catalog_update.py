"""The night after a quake: add only the new events, recompute only the objects they reach.

A full recompute evaluates every object against every quake. A new quake changes nothing
beyond its reach: the distance at which the ground-motion model, at the most sensitive VS30
of the store, falls below the stored exposure floor. So only the objects inside that distance
(a bounding-box query: PostGIS's spatial index, a GeoPackage's x/y columns) are evaluated
against the new quakes; their pairs are added, their summaries grown (a maximum and counts
only ever grow with a quake more), and the statuses recomputed of those whose status the new
pairs can change (the others keep theirs, as a full recompute finds). The result is the store a full recompute with the same catalogue gives:
the same quake ids (counting quakes 1…n in time order, excluded ones after), pairs, summaries,
statuses and areas. Everything happens in ONE transaction: a failure, a cancel or Ctrl-C
leaves the store as it was.

The report (``catalog_update_report``) names the objects the service desk needs the next
morning: reopened after a final decision, newly in the effect area, newly in the Duurzaam
herstel count.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from types import SimpleNamespace

import numpy as np
from sqlalchemy import bindparam, text

from domain import policy
from domain.groundmotion.catalog import Catalog, Quake
from domain.i18n import register, tr
from domain.presentation.text_format import postcode as postcode_text
from domain.store.backend import backend_of
from domain.store.bulk import insert_rows
from domain.store.catalog_update_report import GROUPS, CatalogUpdate, ObjectChange
from domain.store.exposure import (
    QUAKE_COLUMNS,
    SUMMARY_TYPES,
    QuakeRow,
    catalog_from_store,
    quake_rows,
)
from domain.store.faults import raw_faults
from domain.store.motion_settings import store_motion_settings

Progress = Callable[[float], None]
Cancel = Callable[[], bool]

#: ids per ``IN (…)`` list (well below SQLite's and PostgreSQL's parameter limits)
_ID_CHUNK = 5000

register(
    {
        "update.no_quakes": (
            "het bestand bevat geen enkele beving; er is niets bijgewerkt. Kies het "
            "catalogusbestand met de nieuwe bevingen (KNMI CSV, FDSN-tekst of QuakeML)",
            "the file holds no quake at all; nothing was updated. Choose the catalogue file "
            "with the new quakes (KNMI CSV, FDSN text or QuakeML)",
        ),
        "update.cancelled": (
            "bijwerken gestopt; de opslag is niet gewijzigd",
            "update stopped; the store was not changed",
        ),
    }
)


# --- entry points ------------------------------------------------------------------------------
def update_catalog_file(store, path, progress=None, cancel=None, **read_options) -> CatalogUpdate:
    """New events from a catalogue file (any layout the importer reads); a file with any
    problem is refused whole before the store is touched."""
    from pathlib import Path

    from domain.importers.catalog import load_catalog
    from domain.importers.common import fail

    catalog = load_catalog(path, **read_options)
    if not catalog.quakes and not catalog.excluded:
        raise fail(Path(path).name, tr("update.no_quakes"))
    return update_catalog(store, catalog, str(path), progress=progress, cancel=cancel)


def update_catalog_fdsn(store, url: str = policy.FDSN_EVENT_URL, progress=None, cancel=None):
    """New events from an FDSN event service: asked from shortly before the latest stored
    event (late revisions), de-duplicated by event id against the store."""
    from domain.importers.fdsn import FdsnQuery, fetch_catalog

    # asked up to now, so the answer declares what it covers (the catalogue's end)
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
    query = FdsnQuery(starttime=fdsn_start(store), endtime=now)
    catalog = fetch_catalog(query, url=url, cancel=cancel)
    return update_catalog(store, catalog, url, progress=progress, cancel=cancel)


def fdsn_start(store) -> dt.datetime | None:
    """From when to ask the event service: the latest stored event minus a margin."""
    from domain.store.repository import to_datetime

    with store.engine.connect() as conn:
        latest = conn.execute(text("SELECT MAX(time) FROM quakes")).scalar()
    if latest is None:
        return None
    t = to_datetime(latest).replace(tzinfo=None, microsecond=0)
    return t - dt.timedelta(days=policy.CATALOG_UPDATE_OVERLAP_DAYS)


def update_catalog(
    store,
    catalog: Catalog,
    source: str = "",
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    declared_end: dt.date | None = None,
) -> CatalogUpdate:
    """Add the events of ``catalog`` the store does not hold (by event id) and recompute the
    objects within their reach, in one transaction; see the module docstring."""
    from domain.errors import Cancelled

    if declared_end is None:
        declared_end = getattr(catalog, "declared_end", None)
    report = CatalogUpdate(source or catalog.origin)
    clock = _Clock(report)

    def tick(pct: float) -> None:
        if cancel is not None and cancel():
            raise Cancelled(tr("update.cancelled"))
        if progress is not None:
            progress(pct)

    with store.engine.begin() as conn, _page_cache(conn):
        motion = store_motion_settings(conn)  # what a full recompute of this store uses
        stored = catalog_from_store(conn)
        known = {q.event_id for q in stored.quakes} | {q.event_id for q, _ in stored.excluded}
        new_counting = _new(catalog.quakes, known)
        taken = known | {q.event_id for q in new_counting}
        new_excluded = list(_new_pairs(catalog.excluded, taken))
        report.added = len(new_counting) + len(new_excluded)
        report.added_counting = len(new_counting)
        report.already_present = len(catalog.quakes) + len(catalog.excluded) - report.added
        report.new_event_ids = sorted(q.event_id for q in new_counting) + sorted(
            q.event_id for q, _ in new_excluded
        )
        tick(5.0)
        if not report.added:
            _record_catalog_end(conn, declared_end, changed=False)
            clock.lap("total")
            return report
        merged = _merged(stored, new_counting, new_excluded, catalog.origin)
        ids = _write_quakes(conn, merged)
        clock.lap("quakes")
        tick(15.0)
        moved = None
        if new_counting:
            moved = _recompute_near(conn, report, new_counting, ids, motion, tick, clock)
        # the area polygons from the whole catalogue, labelled as a full recompute labels them
        _areas(conn, merged, motion)
        clock.lap("areas")
        _record_catalog_end(conn, declared_end, changed=True)
        tick(90.0)
    clock.lap("commit")
    if moved is not None:
        with store.engine.connect() as conn:
            _report_changes(conn, report, *moved)
        clock.lap("report")
    if progress is not None:
        progress(100.0)
    report.seconds["total"] = sum(v for k, v in report.seconds.items() if k != "total")
    return report


# --- steps -------------------------------------------------------------------------------------
#: SQLite page cache while updating (KiB): the new pairs and summaries touch pages all over a
#: large store; with the default 2 MB SQLite spills them to the file before the commit
_UPDATE_CACHE_KIB = 262_144


def _page_cache(conn):
    """A larger page cache for this connection during the update (GeoPackage only)."""
    return backend_of(conn).larger_page_cache(conn, _UPDATE_CACHE_KIB)


class _Clock:
    def __init__(self, report: CatalogUpdate) -> None:
        self.report = report
        self.last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.report.seconds[name] = self.report.seconds.get(name, 0.0) + now - self.last
        self.last = now


def _new(quakes: list[Quake], known: set[str]) -> list[Quake]:
    out, seen = [], set(known)
    for q in quakes:
        if q.event_id and q.event_id not in seen:
            seen.add(q.event_id)
            out.append(q)
    return out


def _new_pairs(excluded, known: set[str]):
    seen = set(known)
    for q, reason in excluded:
        if q.event_id and q.event_id not in seen:
            seen.add(q.event_id)
            yield q, reason


def _merged(stored: Catalog, counting, excluded, origin: str) -> Catalog:
    """The stored catalogue with the new events, in the order a full import gives."""
    quakes = sorted([*stored.quakes, *counting], key=lambda q: (q.time, q.event_id))
    out = sorted([*stored.excluded, *excluded], key=lambda item: (item[0].time, item[0].event_id))
    return Catalog(quakes, out, stored.origin or origin)


def _write_quakes(conn, merged: Catalog) -> dict[str, int]:
    """Give the quakes table the rows and ids a full import gives: only the rows that differ
    are rewritten (on the normal night the new events sort after every stored one and are
    simply appended); the stored pairs of every counting quake whose id changed are moved.
    Returns the quake id per event id."""
    rows, points = quake_rows(conn, merged)
    columns = ", ".join(QUAKE_COLUMNS)
    old = {
        row.event_id: QuakeRow(**row._mapping)
        for row in conn.execute(text(f"SELECT {columns} FROM quakes")).all()
    }
    ids = {row.event_id: int(row.id) for row in rows}
    counting = (quake.event_id for quake in merged.quakes)
    moved = [
        (int(old[event].id), ids[event])
        for event in counting
        if event in old and old[event].id != ids[event]
    ]
    # a row is kept only where the full import writes the very same row (all columns equal)
    differ = [k for k, row in enumerate(rows) if old.get(row.event_id) != row]
    kept = {row.event_id for row in rows} - {rows[k].event_id for k in differ}
    stale = [int(row.id) for event, row in old.items() if event not in kept]
    if stale:
        delete = text("DELETE FROM quakes WHERE id IN :ids").bindparams(
            bindparam("ids", expanding=True)
        )
        for part in _chunks(stale):
            conn.execute(delete, {"ids": part})
    if differ:
        geoms = np.array([points[k] for k in differ], dtype=object)
        insert_rows(conn, "quakes", QUAKE_COLUMNS, [rows[k] for k in differ], geoms)
    if moved:
        _move_pairs(conn, moved)
    return ids


@raw_faults
def _move_pairs(conn, moved: list[tuple[int, int]]) -> None:
    """quake_id old → new in the pairs (see the backends' ``renumber_pair_quakes``)."""
    backend_of(conn).renumber_pair_quakes(conn, moved)


def _recompute_near(conn, report, new_counting, ids, motion, tick, clock):
    """Pairs, summaries and statuses of the objects within reach, in the caller's
    transaction; returns what the report needs once it is committed (None: nothing moved)."""
    from domain.groundmotion.exposure import exposure_at_scale

    settings = motion.ground_motion()
    floor = policy.STORE_EXPOSURE_FLOOR_MM_S
    new_catalog = Catalog(new_counting, [], report.source)
    candidates = _objects_in_reach(conn, new_catalog, motion, settings, floor)
    report.objects_in_reach = len(candidates["ids"])
    clock.lap("find_objects")
    tick(25.0)
    if not report.objects_in_reach:
        return None
    exposure = exposure_at_scale(
        new_catalog,
        candidates["x"],
        candidates["y"],
        candidates["vs30"],
        settings=settings,
        floor_mm_s=floor,
    )
    clock.lap("exposure")
    tick(45.0)
    hit = np.flatnonzero(np.diff(exposure.offsets) > 0)
    object_ids = candidates["ids"][hit]
    report.objects_recomputed = len(object_ids)
    if not len(object_ids):
        return None
    from domain.store.status import assess_in

    before = _summaries(candidates["summaries"][hit])
    after = _grown(before, exposure, hit)
    may_change = _status_may_change(exposure, hit, before, candidates["status"][hit])
    # the summaries before the pairs: SQLite updates the objects' rows about twice as fast
    # while its cache does not yet hold the many pages the new pairs touch
    changed = _changed(before, after)
    report.summaries_changed = int(changed.sum())
    _write_summaries(conn, _subset(after, changed), object_ids[changed])
    clock.lap("write_summaries")
    quake_id = np.array([ids[e] for e in exposure.event_ids], dtype=np.int64)
    report.exposure_events_added = _add_pairs(conn, exposure, candidates["ids"], quake_id)
    clock.lap("write_pairs")
    tick(60.0)
    report.statuses = assess_in(conn, object_ids=[int(i) for i in object_ids[may_change]])
    clock.lap("statuses")
    tick(75.0)
    return exposure, hit, object_ids, before, after, candidates


def _report_changes(conn, report, exposure, hit, object_ids, before, after, candidates) -> None:
    """The report's groups, read from the committed store (a read only: the write transaction
    is not held open for it)."""
    reopened, finals = _newly_reopened(conn, exposure, hit, object_ids, candidates["status"][hit])
    report.changes = _changes(
        conn, exposure, hit, object_ids, before, after, finals, reopened, candidates
    )


def _min_vs30(conn, motion) -> float:
    """The most sensitive VS30 any object has under the store's settings (PGV only grows as
    VS30 falls, so this bounds the reach for every object)."""
    default = policy.DEFAULT_VS30_M_S
    if motion.vs30_source == "default":
        return default
    if motion.vs30_source == "pc4":
        return float(min([default, *motion.vs30_table.values()]))
    lowest, missing = conn.execute(
        text("SELECT MIN(vs30), COUNT(*) - COUNT(vs30) FROM objects")
    ).one()
    values = [v for v in (lowest, default if missing else None) if v is not None]
    return float(min(values)) if values else default


def reach_km(catalog: Catalog, vs30_min: float, settings, floor_mm_s: float) -> np.ndarray:
    """Per quake: the epicentral distance (km) beyond which no object reaches ``floor_mm_s``
    (the exact inverse of the ground-motion model at ``vs30_min``; -1 where nowhere)."""
    from domain.groundmotion.gmpe import distance_for_pgv

    q = catalog.as_arrays()
    return np.atleast_1d(distance_for_pgv(q.ml, q.depth_km, floor_mm_s, vs30_min, settings))


#: the stored summaries read of each object within reach (a missing value reads as 0)
_SUMMARY_COLUMNS = ("max_pgv_mm_s", "count_ge_2", "count_ge_5", "count_ge_5_before_2026")
#: what is read of each object within reach, as numbers: id, place, own VS30 (NaN: none),
#: the stored summaries and the map status as its position in MAP_STATUSES (-1: another)
_CANDIDATE_DTYPE = np.dtype(
    [("id", "i8"), ("x", "f8"), ("y", "f8"), ("vs30", "f8")]
    + [(c, "f8") for c in _SUMMARY_COLUMNS]
    + [("status", "i8")]
)


def _candidate_sql() -> str:
    from domain.rules.status import MAP_STATUSES

    status = " ".join(f"WHEN '{s}' THEN {i}" for i, s in enumerate(MAP_STATUSES))
    return ", ".join(
        [
            "id",
            "x",
            "y",
            "vs30",
            *(f"COALESCE({c}, 0)" for c in _SUMMARY_COLUMNS),
            f"CASE status {status} ELSE -1 END",
        ]
    )


def _objects_in_reach(conn, catalog, motion, settings, floor) -> dict:
    """The objects inside any new quake's reach, with their VS30 under the store's settings
    and their stored summaries, ordered by id."""
    from domain.rules.status import MAP_STATUSES

    q = catalog.as_arrays()
    radius = reach_km(catalog, _min_vs30(conn, motion), settings, floor)
    parts: list[np.ndarray] = []
    pc4: list = []
    for x, y, r in zip(q.x, q.y, radius):
        if r < 0:
            continue
        m = r * 1000.0 * (1.0 + 1e-9) + 1.0  # the margin exposure_at_scale uses
        found, codes = _in_reach(conn, float(x), float(y), m, motion.vs30_source == "pc4")
        parts.append(found)
        pc4.extend(codes)
    found = np.concatenate(parts) if parts else np.zeros(0, _CANDIDATE_DTYPE)
    # by id, each object once (the circles of several quakes overlap)
    _, first = np.unique(found["id"], return_index=True)
    found = found[first]
    if motion.vs30_source == "pc4":
        vs30 = motion.vs30_per_object([None] * len(first), [pc4[i] for i in first])
    elif motion.vs30_source == "default":
        vs30 = motion.vs30_per_object([None] * len(first), [None] * len(first))
    else:  # the object's own value, the default where it has none
        vs30 = np.where(np.isnan(found["vs30"]), policy.DEFAULT_VS30_M_S, found["vs30"])
    names = np.array([*MAP_STATUSES, None], dtype=object)  # -1: not a map status
    return {
        "ids": found["id"].copy(),
        "x": found["x"].copy(),
        "y": found["y"].copy(),
        "summaries": found[list(_SUMMARY_COLUMNS)].copy(),  # a structured array, by name
        "vs30": vs30,
        "status": names[found["status"]],
    }


def _in_reach(conn, x: float, y: float, m: float, with_pc4: bool) -> tuple[np.ndarray, list]:
    """Objects within ``m`` metres of (x, y): a box query, then the circle; as a structured
    array (``_CANDIDATE_DTYPE``) and, when asked, their PC4s (see the backends'
    ``objects_in_circle``)."""
    return backend_of(conn).objects_in_circle(
        conn, x, y, m, _candidate_sql(), _CANDIDATE_DTYPE, with_pc4
    )


def _chunks(ids):
    ids = [int(i) for i in ids]
    for start in range(0, len(ids), _ID_CHUNK):
        yield ids[start : start + _ID_CHUNK]


def _select_in(conn, sql: str, ids) -> list:
    """``sql`` with ``:ids`` expanded, over ``ids`` in chunks."""
    statement = text(sql).bindparams(bindparam("ids", expanding=True))
    out = []
    for part in _chunks(ids):
        out.extend(conn.execute(statement, {"ids": part}).all())
    return out


def _summaries(stored: np.ndarray) -> dict[str, np.ndarray]:
    """The stored summary columns (``_SUMMARY_COLUMNS`` of a structured array) as arrays:
    the maximum PGV as it is, the three counts as integers."""
    return {
        "max_pgv_mm_s": stored["max_pgv_mm_s"].copy(),
        "count_ge_2": stored["count_ge_2"].astype(np.int64),
        "count_ge_5": stored["count_ge_5"].astype(np.int64),
        "count_ge_5_before_2026": stored["count_ge_5_before_2026"].astype(np.int64),
    }


def _grown(before: dict, exposure, hit) -> SimpleNamespace:
    """The summaries with the new quakes: the maximum of the stored maximum and the new one,
    counts added — what a full recompute finds."""
    new_max = np.asarray(exposure.max_pgv_mm_s[hit], dtype=float)
    return SimpleNamespace(
        max_pgv_mm_s=np.maximum(before["max_pgv_mm_s"], new_max),
        count_ge_2=before["count_ge_2"] + exposure.count_ge_2[hit],
        count_ge_5=before["count_ge_5"] + exposure.count_ge_5[hit],
        count_ge_5_before_2026=before["count_ge_5_before_2026"]
        + exposure.count_ge_5_before_2026[hit],
    )


def _changed(before: dict, after) -> np.ndarray:
    """Objects whose summary the new quakes changed (a weak shaking below an earlier maximum
    changes nothing on the object)."""
    return (
        (after.max_pgv_mm_s != before["max_pgv_mm_s"])
        | (after.count_ge_2 != before["count_ge_2"])
        | (after.count_ge_5 != before["count_ge_5"])
        | (after.count_ge_5_before_2026 != before["count_ge_5_before_2026"])
    )


def _subset(summary, mask) -> SimpleNamespace:
    return SimpleNamespace(**{k: v[mask] for k, v in vars(summary).items()})


@raw_faults  # a full disk: a DomainError, the transaction rolls back
def _write_summaries(conn, summary, object_ids) -> None:
    """The five summary columns of the changed objects, as ``update_summaries`` writes them
    (full-precision maximum, the in-effect-area flag from the count ≥ 2 mm/s), the rows built
    column-wise (no per-object Python), by id in id order. The statement sets no geometry, so
    in a GeoPackage only the R-tree trigger on an id change is looked at."""
    count2 = np.asarray(summary.count_ge_2, dtype=np.int64)
    rows = list(
        zip(
            np.asarray(summary.max_pgv_mm_s, dtype=float).tolist(),
            count2.tolist(),
            np.asarray(summary.count_ge_5, dtype=np.int64).tolist(),
            np.asarray(summary.count_ge_5_before_2026, dtype=np.int64).tolist(),
            (count2 > 0).tolist(),
            np.asarray(object_ids, dtype=np.int64).tolist(),
        )
    )
    backend_of(conn).update_by_id(conn, "objects", SUMMARY_TYPES, [rows])


def _add_pairs(conn, exposure, candidate_ids, quake_id) -> int:
    """The new pairs (full-precision PGV) in key order, as plain tuples through the driver's
    executemany (measured: as fast as a temporary table and one ``INSERT … SELECT``)."""
    obj = np.asarray(candidate_ids)[exposure.obj_index]
    pgv = np.asarray(exposure.pgv_mm_s, dtype=float)
    rows = list(zip(obj.tolist(), quake_id[exposure.event_index].tolist(), pgv.tolist()))
    insert_rows(conn, "exposure_events", ("object_id", "quake_id", "pgv_mm_s"), rows, plain=True)
    return len(rows)


#: map statuses a new quake cannot change by reopening: a running hand-off and the DH classes
#: come first, an open claim stays open, "may claim again" already may
_REOPENING_MASKED = ("handoff_running", "dh_eligible", "dh_to_check", "claim_open")


def _per_object(exposure, pair_mask) -> np.ndarray:
    """Per candidate object: whether any of its new pairs is in ``pair_mask``."""
    return np.bincount(exposure.obj_index[pair_mask], minlength=len(exposure)) > 0


def _status_may_change(exposure, hit, before, status_before) -> np.ndarray:
    """Which objects' map status a new quake can change (a superset; the rules decide):
    a "final" object with a new pair the statuses read (it may reopen), an object whose
    Duurzaam herstel count may reach four (such a pair before 2026 and fewer than four quakes
    ≥ 5 mm/s stored), and any object whose stored status is not a known class. The others
    keep theirs, as a full recompute finds."""
    from domain.groundmotion.catalog import before_limit
    from domain.rules.status import MAP_STATUSES
    from domain.store.assess_rules import status_pgv_floor_mm_s

    # the statuses read no pair below this floor
    read = exposure.pgv_mm_s >= status_pgv_floor_mm_s()
    dh_event = exposure.event_times <= before_limit(policy.DH_QUAKES_BEFORE)
    reopen = _per_object(exposure, read)[hit]
    dh = _per_object(exposure, read & dh_event[exposure.event_index])[hit]
    status = np.asarray(status_before, dtype=object)
    known = np.isin(status, np.array(MAP_STATUSES, dtype=object))
    few = before["count_ge_5_before_2026"] < policy.DH_MIN_QUAKES
    return (reopen & (status == "final")) | (dh & few) | ~known


def _newly_reopened(conn, exposure, hit, object_ids, status_before):
    """The objects a new quake reopened after their last final decision, and those dates,
    from the batch rules (the path of the map status and the panel).

    Evaluated again are only the objects shaken > 5 mm/s whose status allows a final
    decision: "final" before, or a class that hides a reopening (a hand-off, the DH area, an
    open claim). An object is newly reopened when every quake that reopens it is new."""
    from domain.presentation.dutch_time import dutch_dates
    from domain.store.assess_rules import assess_stored

    # compared as the rules compare them: the PGV as shown (policy.pgv_rounded)
    above = policy.pgv_above(exposure.pgv_mm_s, policy.REOPEN_PGV_MM_S)
    status = np.asarray(status_before, dtype=object)
    allows = (status == "final") | np.isin(status, np.array(_REOPENING_MASKED, dtype=object))
    chosen = allows & _per_object(exposure, above)[hit]
    wanted = [int(i) for i in object_ids[chosen]]
    if not wanted:
        return set(), {}
    inp, result = assess_stored(conn, None, wanted)
    at = dict(zip((int(o) for o in object_ids[chosen]), (int(h) for h in hit[chosen])))
    last = np.full(len(exposure), np.datetime64("NaT", "D"))
    count = np.zeros(len(exposure), np.int64)
    finals: dict[int, dt.date] = {}
    for oid, n, day in zip(inp.ids, result.reopening_count, result.last_final_decision):
        if np.isnat(day) or n <= 0:
            continue
        finals[int(oid)] = day.astype("datetime64[D]").item()
        last[at[int(oid)]] = day.astype("datetime64[D]")
        count[at[int(oid)]] = int(n)
    days = dutch_dates(exposure.event_times)[exposure.event_index]
    after = above & (days > last[exposure.obj_index])  # NaT compares False
    new = np.bincount(exposure.obj_index[after], minlength=len(exposure))
    ids = np.asarray(inp.ids)
    reopened = {
        int(o) for o in ids if int(o) in finals and new[at[int(o)]] >= count[at[int(o)]] > 0
    }
    return reopened, finals


def _changes(conn, exposure, hit, object_ids, before, after, finals, reopened, cand):
    """The report's groups: per object its strongest new quake; for a reopened object the
    first new quake > 5 mm/s after its last final decision."""
    from domain.presentation.dutch_time import dutch_date

    times = exposure.event_times
    day_of = {}
    groups: list[tuple[str, int, int]] = []  # (group, position in object_ids, pair index)

    def strongest(k: int) -> int:
        lo, hi = int(exposure.offsets[hit[k]]), int(exposure.offsets[hit[k] + 1])
        return lo + int(np.argmax(exposure.pgv_mm_s[lo:hi]))

    for k in np.flatnonzero(np.isin(object_ids, np.array(sorted(reopened), dtype=np.int64))):
        oid, i = int(object_ids[k]), int(hit[k])
        for p in range(int(exposure.offsets[i]), int(exposure.offsets[i + 1])):
            if not policy.pgv_above(float(exposure.pgv_mm_s[p]), policy.REOPEN_PGV_MM_S):
                continue
            e = int(exposure.event_index[p])
            if e not in day_of:
                day_of[e] = dutch_date(times[e].astype("datetime64[s]").item())
            if oid not in finals or day_of[e] > finals[oid]:
                groups.append(("reopened", int(k), p))
                break
        else:  # the rules reopened it; name its strongest new quake
            groups.append(("reopened", int(k), strongest(int(k))))
    newly_effect = (before["count_ge_2"] == 0) & (after.count_ge_2 > 0)
    was = before["count_ge_5_before_2026"]
    newly_dh = (was < policy.DH_MIN_QUAKES) & (after.count_ge_5_before_2026 >= policy.DH_MIN_QUAKES)
    groups += [("new_effect_area", int(k), strongest(int(k))) for k in np.flatnonzero(newly_effect)]
    groups += [("new_dh_count", int(k), strongest(int(k))) for k in np.flatnonzero(newly_dh)]
    if not groups:
        return []
    listed = sorted({int(object_ids[k]) for _, k, _ in groups})
    info = {
        int(row.id): row
        for row in _select_in(
            conn, "SELECT id, place, municipality, status FROM objects WHERE id IN :ids", listed
        )
    }
    addresses = _addresses(conn, listed)
    out = []
    for group, k, p in groups:
        oid = int(object_ids[k])
        e = int(exposure.event_index[p])
        obj = info[oid]
        out.append(
            ObjectChange(
                group=group,
                object_id=oid,
                x=float(cand["x"][hit[k]]),
                y=float(cand["y"][hit[k]]),
                place=obj.place or "",
                municipality=obj.municipality or "",
                address=addresses.get(oid, ""),
                status=obj.status or "",
                event_id=str(exposure.event_ids[e]),
                quake_date=dutch_date(times[e].astype("datetime64[s]").item()),
                pgv_mm_s=float(exposure.pgv_mm_s[p]),
            )
        )
    out.sort(key=lambda c: (GROUPS.index(c.group), c.municipality, c.place, c.object_id))
    return out


def _addresses(conn, object_ids) -> dict[int, str]:
    """The first address of each object, as one line."""
    out: dict[int, str] = {}
    for row in _select_in(
        conn,
        "SELECT object_id, street, house_number, house_letter, addition, postcode, place "
        "FROM addresses WHERE object_id IN :ids ORDER BY object_id, id",
        object_ids,
    ):
        if int(row.object_id) in out:
            continue
        house = f"{row.house_number or ''}{row.house_letter or ''}"
        if row.addition:
            house += f"-{row.addition}"
        parts = [
            " ".join(p for p in (row.street or "", house) if p),
            " ".join(p for p in (postcode_text(row.postcode), row.place or "") if p),
        ]
        out[int(row.object_id)] = ", ".join(p for p in parts if p)
    return out


def _areas(conn, merged: Catalog, motion) -> None:
    """The effect and DH area polygons from the whole catalogue, as a full recompute makes
    them (the 6 km zones do not depend on quakes and stay). A full rebuild of the polygons
    takes about a tenth of a second whatever the number of objects (measured on the demo
    catalogue), so it is not worth doing piecewise."""
    from domain.store.areas import computed_zone_areas, replace_areas

    settings = motion.ground_motion()
    kinds = ("effect_area", "dh_area")
    areas = computed_zone_areas(merged, settings=settings)
    replace_areas(conn, kinds, [a for a in areas if a[0] in kinds])


def _record_catalog_end(conn, declared_end: dt.date | None, changed: bool) -> None:
    """The catalogue's end after the update, as the importer records it; an update never
    moves it backwards (a late event older than the recorded end)."""
    from domain.store.coverage import record_catalog_end

    if changed or declared_end is not None:
        record_catalog_end(conn, declared_end, keep_later=True)
