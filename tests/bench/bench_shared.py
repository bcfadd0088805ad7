"""Shared use on PostGIS: 20 clients x 500 mixed writes with versions (issue #8).

Names: ``postgis_load_writes_per_s``, ``postgis_load_p95_ms``, ``postgis_lost_writes``.
Clients are threads, each with its own connection pool, logged in with the IMG role (so the
row-level security policies are evaluated as in production); claim edits and hand-off status
changes retry on ConcurrentChangeError. Counting afterwards finds every lost or doubled write.
"""

from __future__ import annotations

from tests.bench.common import result

CLIENTS = 20
UPDATES = 500


def run(options) -> list[dict]:
    from domain.demo import build_demo
    from domain.store import open_store
    from domain.store.roles import add_login
    from tests.integration.shared.load import run_load
    from tests.support.postgis_server import PostgisServer

    objects = max(1000, min(int(options.objects), 20_000))
    server = PostgisServer()
    try:
        server.start()
        url = server.new_database()
        build_demo(url, objects=objects, seed=7)
        owner = open_store(url)
        try:
            add_login(owner.engine, "bench_img", "img")
        finally:
            owner.close()
        login_url = f"postgresql://bench_img@127.0.0.1:{server.port}/{url.rsplit('/', 1)[1]}"
        outcome = run_load(login_url, clients=CLIENTS, updates=UPDATES, claim_pool=200, seed=7)
    finally:
        server.stop()
    notes = (
        f"{CLIENTS} clients x {UPDATES} writes on a {objects}-object demo store: "
        f"{outcome.claim_edits} claim edits, {outcome.status_changes} hand-off status changes, "
        f"{outcome.handoffs_created} new hand-offs; {outcome.conflicts} conflicts retried; "
        f"{outcome.seconds:.1f} s"
    )
    if outcome.errors:
        notes += f"; {len(outcome.errors)} client errors, first: {outcome.errors[0][:200]}"
    lost = outcome.lost_writes + outcome.duplicated_writes + len(outcome.errors)
    return [
        result(
            "postgis_load_writes_per_s",
            outcome.writes_per_s,
            "writes/s",
            ">= 100 writes/s",
            outcome.writes_per_s >= 100,
            notes,
        ),
        result(
            "postgis_load_p95_ms",
            outcome.p95_ms,
            "ms",
            "<= 250 ms (incl. retries)",
            outcome.p95_ms <= 250,
            "latency of one successful write, retries included",
        ),
        result(
            "postgis_lost_writes",
            lost,
            "writes",
            "= 0",
            lost == 0,
            f"lost {outcome.lost_writes}, duplicated {outcome.duplicated_writes}, "
            f"client errors {len(outcome.errors)}",
        ),
    ]
