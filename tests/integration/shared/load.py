"""Concurrent clients making mixed writes with versions, then counting that none was lost or
doubled. Used by the functional test (small) and by ``bench_shared`` (20 clients x 500)."""

from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass, field

from sqlalchemy import text

from domain.rules.handoff import HandOffDraft
from domain.store import ConcurrentChangeError, open_store

PATH = ("concept", "submitted", "in_progress", "proposal_to_residents", "binding_advice", "closed")
NEXT = dict(zip(PATH, PATH[1:]))


@dataclass
class LoadResult:
    writes: int = 0
    conflicts: int = 0
    seconds: float = 0.0
    latencies_ms: list[float] = field(default_factory=list)
    claim_edits: int = 0
    status_changes: int = 0
    handoffs_created: int = 0
    lost_writes: int = 0
    duplicated_writes: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def writes_per_s(self) -> float:
        return self.writes / self.seconds if self.seconds else 0.0

    @property
    def p95_ms(self) -> float:
        data = sorted(self.latencies_ms)
        return data[min(len(data) - 1, int(round(0.95 * (len(data) - 1))))] if data else 0.0


def _snapshot(conn, claim_ids) -> dict:
    ids = list(claim_ids)
    amount, version = conn.execute(
        text(
            "SELECT COALESCE(SUM(COALESCE(amount, 0)), 0), COALESCE(SUM(version), 0) "
            "FROM claims WHERE id = ANY(:ids)"
        ),
        {"ids": ids},
    ).one()
    audit = dict(
        conn.execute(
            text(
                "SELECT action, COUNT(*) FROM audit_log WHERE action IN "
                "('claim_edit', 'handoff_status', 'handoff_created') GROUP BY action"
            )
        ).all()
    )
    return {
        "amount": int(amount),
        "version": int(version),
        "history": conn.execute(text("SELECT COUNT(*) FROM handoff_status")).scalar_one(),
        "handoffs": conn.execute(text("SELECT COUNT(*) FROM handoffs")).scalar_one(),
        "audit": audit,
    }


def run_load(url: str, clients: int, updates: int, claim_pool: int = 40, seed: int = 1):
    """``clients`` threads, each ``updates`` successful writes: 60 % claim edits (amount + 1),
    40 % hand-off steps (create, or move one step along its path), retrying on conflicts."""
    setup = open_store(url)
    with setup.engine.connect() as conn:
        claim_ids = [
            r[0]
            for r in conn.execute(
                text("SELECT id FROM claims ORDER BY id LIMIT :n"), {"n": claim_pool}
            )
        ]
        objects = [r[0] for r in conn.execute(text("SELECT id FROM objects ORDER BY id LIMIT 50"))]
        before = _snapshot(conn, claim_ids)
    setup.close()
    active: list[int] = []
    lock = threading.Lock()
    result = LoadResult()
    barrier = threading.Barrier(clients)

    def client(k: int) -> None:
        rng = random.Random(seed * 1000 + k)
        store = open_store(url)
        mine = LoadResult()
        try:
            barrier.wait()
            for _ in range(updates):
                start = time.perf_counter()
                if rng.random() < 0.6:
                    _claim_edit(store, rng.choice(claim_ids), mine)
                else:
                    _handoff_step(store, rng, active, lock, objects, mine)
                mine.latencies_ms.append((time.perf_counter() - start) * 1000.0)
                mine.writes += 1
        except Exception as exc:  # reported by the caller, never swallowed
            mine.errors.append(f"client {k}: {type(exc).__name__}: {exc}")
        finally:
            store.close()
        with lock:
            for name in (
                "writes",
                "conflicts",
                "claim_edits",
                "status_changes",
                "handoffs_created",
            ):
                setattr(result, name, getattr(result, name) + getattr(mine, name))
            result.latencies_ms += mine.latencies_ms
            result.errors += mine.errors

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    result.seconds = time.perf_counter() - t0
    check = open_store(url)
    with check.engine.connect() as conn:
        after = _snapshot(conn, claim_ids)
        mismatched = conn.execute(
            text(
                "SELECT COUNT(*) FROM handoffs h WHERE h.version <> (SELECT COUNT(*) FROM "
                "handoff_status s WHERE s.handoff_id = h.id)"
            )
        ).scalar_one()
    check.close()
    observed = {
        "amount": after["amount"] - before["amount"],
        "version": after["version"] - before["version"],
        "history": after["history"] - before["history"],
        "handoffs": after["handoffs"] - before["handoffs"],
    }
    expected = {
        "amount": result.claim_edits,
        "version": result.claim_edits,
        "history": result.status_changes + result.handoffs_created,
        "handoffs": result.handoffs_created,
    }
    for action, n in (
        ("claim_edit", result.claim_edits),
        ("handoff_status", result.status_changes),
        ("handoff_created", result.handoffs_created),
    ):
        observed[action] = after["audit"].get(action, 0) - before["audit"].get(action, 0)
        expected[action] = n
    result.lost_writes = sum(max(0, expected[k] - observed[k]) for k in expected) + mismatched
    result.duplicated_writes = sum(max(0, observed[k] - expected[k]) for k in expected)
    return result


def _claim_edit(store, claim_id: int, mine: LoadResult) -> None:
    while True:
        with store.engine.connect() as conn:
            version, amount = conn.execute(
                text("SELECT version, amount FROM claims WHERE id = :i"), {"i": claim_id}
            ).one()
        try:
            store.edit_claim(claim_id, version, {"amount": (amount or 0) + 1}, by="load")
            mine.claim_edits += 1
            return
        except ConcurrentChangeError:
            mine.conflicts += 1


def _handoff_step(store, rng, active, lock, objects, mine: LoadResult) -> None:
    while True:
        with lock:
            handoff_id = rng.choice(active) if len(active) >= 8 else None
        if handoff_id is None:
            draft = HandOffDraft(
                str(rng.choice(objects)),
                "IVS",
                "IMG",
                "proces_vastgelopen",
                "de afhandeling loopt al een jaar vast zonder uitzicht",
                True,
                (),
            )
            new_id = store.add_handoff(draft, by="load")
            mine.handoffs_created += 1
            with lock:
                active.append(new_id)
            return
        with store.engine.connect() as conn:
            status, version = conn.execute(
                text("SELECT status, version FROM handoffs WHERE id = :i"), {"i": handoff_id}
            ).one()
        if status not in NEXT:
            with lock:
                if handoff_id in active:
                    active.remove(handoff_id)
            continue
        try:
            store.change_handoff_status(handoff_id, version, NEXT[status], by="load")
            mine.status_changes += 1
            if NEXT[status] == "closed":
                with lock:
                    if handoff_id in active:
                        active.remove(handoff_id)
            return
        except ConcurrentChangeError:
            mine.conflicts += 1
