"""The map status of every object, from its claims, exposure and hand-offs.

One status per object for styling, first match wins: a running hand-off; in the Duurzaam
herstel area; a claim open (or an objection pending); may claim again (a quake > 5 mm/s after
the last final decision, or only non-final decisions so far); final; never claimed. It is a
summary for the map; the verdicts per object stay with the rules.
"""

from __future__ import annotations

from itertools import chain

import numpy as np
from sqlalchemy import text

from domain import policy
from domain.store.bulk import insert_rows, is_gpkg

_NAT = np.datetime64("NaT", "s")


def compute_statuses(
    n: int,
    has_claim: np.ndarray,
    has_open: np.ndarray,
    last_final: np.ndarray,  # datetime64[s] per object, NaT where no final decision
    dh_count: np.ndarray,
    handoff_running: np.ndarray,
    pair_obj: np.ndarray,
    pair_pgv: np.ndarray,
    pair_time: np.ndarray,
) -> tuple[list[str], np.ndarray]:
    """Status per object, and per object whether a quake reopened it after a final decision."""
    after_final = pair_time > last_final[pair_obj]  # NaT compares False
    strong = pair_pgv > policy.REOPEN_PGV_MM_S
    reopened = np.bincount(pair_obj[after_final & strong], minlength=n) > 0
    finals = ~np.isnat(last_final)
    out = np.full(n, "no_claim", dtype=object)
    out[has_claim & ~finals] = "may_claim_again"
    out[finals] = "final"
    out[finals & reopened] = "may_claim_again"
    out[has_open] = "claim_open"
    out[dh_count >= policy.DH_MIN_QUAKES] = "dh_eligible"
    out[handoff_running] = "handoff_running"
    return out.tolist(), finals & reopened


def _index(ids: np.ndarray):
    position = {int(v): i for i, v in enumerate(ids)}
    return position


def statuses_from_rows(object_ids, dh_count, claims, handoffs, pairs, quake_times, details=False):
    """Statuses from plain rows: claims (object_id, decided, final, status), hand-offs
    (object_id, status), pairs (object_id, quake_id, pgv) and quake times by quake id.

    ``claims`` and ``handoffs`` may be any iterable (a streamed query result); ``pairs`` a
    sequence or an (n, 3) array.
    """
    from domain.handoff import FINAL_STATUSES
    from domain.store.repository import to_date

    n = len(object_ids)
    pos = _index(np.asarray(object_ids))
    has_claim = np.zeros(n, bool)
    has_open = np.zeros(n, bool)
    last_final = np.full(n, _NAT)
    for oid, decided, final, status in claims:
        i = pos[int(oid)]
        has_claim[i] = True
        if status in ("open", "objection"):
            has_open[i] = True
        if final and decided is not None:
            day = np.datetime64(to_date(decided), "s") + np.timedelta64(86399, "s")
            if np.isnat(last_final[i]) or day > last_final[i]:
                last_final[i] = day
    running = np.zeros(n, bool)
    for oid, status in handoffs:
        if status not in FINAL_STATUSES:
            running[pos[int(oid)]] = True
    if len(pairs):
        arr = np.asarray(pairs, dtype=float)
        pair_obj = _positions(np.asarray(object_ids), arr[:, 0], pos)
        pair_pgv = arr[:, 2]
        pair_time = np.asarray(quake_times)[arr[:, 1].astype(np.int64)]
    else:
        pair_obj = np.zeros(0, np.int64)
        pair_pgv = np.zeros(0)
        pair_time = np.zeros(0, "datetime64[s]")
    statuses, reopened = compute_statuses(
        n,
        has_claim,
        has_open,
        last_final,
        np.asarray(dh_count),
        running,
        pair_obj,
        pair_pgv,
        pair_time,
    )
    return (statuses, reopened) if details else statuses


def _positions(ids: np.ndarray, wanted: np.ndarray, pos: dict) -> np.ndarray:
    """Index in ``ids`` of every value in ``wanted`` (vectorised where ``ids`` is sorted)."""
    wanted = wanted.astype(np.int64)
    if len(ids) and np.all(ids[1:] > ids[:-1]):
        at = np.searchsorted(ids, wanted)
        if np.all(at < len(ids)) and np.array_equal(ids[np.minimum(at, len(ids) - 1)], wanted):
            return at.astype(np.int64)
    return np.array([pos[int(o)] for o in wanted], dtype=np.int64)


def _pairs_array(conn, chunk: int = 200_000) -> np.ndarray:
    """(object_id, quake_id, pgv) of the pairs that can reopen a claim, read in chunks."""
    sql = text(
        "SELECT object_id, quake_id, pgv_mm_s FROM exposure_events WHERE pgv_mm_s > :p"
    ).execution_options(yield_per=chunk)
    parts = []
    for part in conn.execute(sql, {"p": policy.REOPEN_PGV_MM_S}).partitions(chunk):
        flat = np.fromiter(chain.from_iterable(part), dtype=float, count=3 * len(part))
        parts.append(flat.reshape(-1, 3))
    return np.concatenate(parts) if parts else np.zeros((0, 3))


def assess_in(conn) -> dict[str, int]:
    """Recompute and write ``objects.status`` for every object inside the caller's
    transaction; returns counts per status."""
    from domain.store.repository import to_datetime

    objects = conn.execute(
        text("SELECT id, COALESCE(count_ge_5_before_2026, 0) FROM objects ORDER BY id")
    ).all()
    ids = np.array([r[0] for r in objects], dtype=np.int64)
    dh = np.array([r[1] for r in objects], dtype=np.int64)
    del objects
    pairs = _pairs_array(conn)
    qrows = conn.execute(text("SELECT id, time FROM quakes")).all()
    size = max([r[0] for r in qrows], default=0) + 1
    times = np.full(size, _NAT)
    for qid, t in qrows:
        times[qid] = np.datetime64(to_datetime(t), "s")
    handoffs = conn.execute(text("SELECT object_id, status FROM handoffs")).all()
    claims = conn.execute(
        text("SELECT object_id, decided, final, status FROM claims").execution_options(
            yield_per=50_000
        )
    )
    statuses = statuses_from_rows(ids, dh, claims, handoffs, pairs, times)
    write_statuses(conn, ids, statuses)
    counts: dict[str, int] = {}
    for s in statuses:
        counts[s] = counts.get(s, 0) + 1
    return counts


def assess_store(store) -> dict[str, int]:
    """Recompute and write ``objects.status`` for every object; returns counts per status."""
    with store.engine.begin() as conn:
        return assess_in(conn)


def write_statuses(conn, ids, statuses, chunk: int = 50_000) -> None:
    if is_gpkg(conn):
        cursor = conn.connection.driver_connection.cursor()
        for start in range(0, len(ids), chunk):
            rows = [
                (s, int(i))
                for i, s in zip(ids[start : start + chunk], statuses[start : start + chunk])
            ]
            cursor.executemany("UPDATE objects SET status = ? WHERE id = ?", rows)
        return
    conn.execute(text("CREATE TEMP TABLE tmp_status (status text, id int) ON COMMIT DROP"))
    for start in range(0, len(ids), chunk):
        rows = [
            (s, int(i)) for i, s in zip(ids[start : start + chunk], statuses[start : start + chunk])
        ]
        insert_rows(conn, "tmp_status", ("status", "id"), rows)
    conn.execute(text("UPDATE objects o SET status = t.status FROM tmp_status t WHERE o.id = t.id"))
