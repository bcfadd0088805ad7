"""The night after a quake: one new ML 3.4 quake near Zeerijp on the 500,000-object store.

``catalog_update_500k_seconds``: ``update_catalog`` until its one transaction is committed (new
quake added, objects within reach recomputed: pairs, summaries, statuses, areas), with the
time until the statuses were written inside it and the whole run (the report is read after
the commit) in the notes; ``catalog_update_speedup_vs_full``: a full recompute with
the same catalogue, run beside it on a copy of the same store, divided by the update. Both
must give identical statuses (and summaries) for every object.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

from tests.bench.common import cached_demo_store, result, timer

ZEERIJP_LON_LAT = (6.7497, 53.3502)


def zeerijp_quake():
    from pyproj import Transformer

    from domain.groundmotion.catalog import Quake

    x, y = Transformer.from_crs("EPSG:4326", "EPSG:28992", always_xy=True).transform(
        *ZEERIJP_LON_LAT
    )
    # the night after a quake: newer than every stored event (the demo catalogue runs to the end
    # of 2025), as a real nightly update finds it; the magnitude and place of 14 November 2025
    when = dt.datetime(2026, 11, 14, 20, 15, tzinfo=dt.timezone.utc)
    return Quake("bench-zeerijp-ml34", when, "Zeerijp", 3.4, 3.0, x, y, "Groningen")


def _statuses(location: str) -> dict:
    from sqlalchemy import text

    from domain.store import open_store

    store = open_store(location)
    try:
        with store.engine.connect() as conn:
            return {
                r[0]: tuple(r[1:])
                for r in conn.execute(
                    text(
                        "SELECT id, status, max_pgv_mm_s, count_ge_2, count_ge_5, "
                        "count_ge_5_before_2026 FROM objects"
                    )
                )
            }
    finally:
        store.close()


def _full(location: str, quake) -> float:
    """A full recompute with the stored catalogue plus ``quake``: quakes written, every
    object's exposure, statuses and the areas recomputed (the store's recorded settings)."""
    from domain.groundmotion.catalog import Catalog
    from domain.store import open_store
    from domain.store.compute import recompute_with_settings
    from domain.store.exposure import catalog_from_store, write_quakes
    from domain.store.motion_settings import store_motion_settings

    store = open_store(location)
    try:
        with timer() as t:
            with store.engine.begin() as conn:
                stored = catalog_from_store(conn)
                quakes = sorted([*stored.quakes, quake], key=lambda q: (q.time, q.event_id))
                write_quakes(conn, Catalog(quakes, stored.excluded, stored.origin))
            recompute_with_settings(store, store_motion_settings(store))
        return t["seconds"]
    finally:
        store.close()


def recomputed_today(base: Path) -> Path:
    """``base`` after one full recompute as of today (cached beside it): the demo's statuses
    are as of its own date, so without this a full recompute would also change objects no
    quake touched, and the comparison would not be about the new quake."""
    from domain.store import open_store
    from domain.store.compute import recompute_with_settings
    from domain.store.motion_settings import store_motion_settings

    target = base.with_name(f"{base.stem}_as_of_{dt.date.today().isoformat()}.gpkg")
    if not target.exists():
        for stale in base.parent.glob(f"{base.stem}_as_of_*.gpkg"):
            stale.unlink()
        partial = target.with_suffix(".building.gpkg")
        shutil.copyfile(base, partial)
        store = open_store(str(partial))
        try:
            recompute_with_settings(store, store_motion_settings(store))
        finally:
            store.close()
        partial.rename(target)
    return target


def run(options) -> list[dict]:
    from domain.groundmotion.catalog import Catalog
    from domain.store import open_store
    from domain.store.catalog_update import update_catalog

    n = int(getattr(options, "objects", 500_000))
    with timer() as tb:
        base = recomputed_today(cached_demo_store(n))
    quake = zeerijp_quake()
    with tempfile.TemporaryDirectory(prefix="bench-update-") as tmp:
        updated, full = Path(tmp) / "updated.gpkg", Path(tmp) / "full.gpkg"
        shutil.copyfile(base, updated)
        shutil.copyfile(base, full)
        store = open_store(str(updated))
        try:
            with timer() as tu:
                report = update_catalog(store, Catalog([quake], [], "bench"), "bench")
        finally:
            store.close()
        full_seconds = _full(str(full), quake)
        same = _statuses(str(updated)) == _statuses(str(full))
    s = report.seconds
    steps = [(k, v) for k, v in s.items() if k != "total"]

    def until(name: str) -> float:
        names = [k for k, _ in steps]
        return sum(v for _, v in steps[: names.index(name) + 1]) if name in names else 0.0

    to_statuses, to_commit = until("statuses"), until("commit")
    laps = ", ".join(f"{k} {v:.2f}" for k, v in steps if k != "total")
    goal_s = 2.0
    notes = (
        f"{n} objects; {report.objects_in_reach} within reach, {report.objects_recomputed} "
        f"recomputed ({report.summaries_changed} summaries changed), "
        f"{sum(report.statuses.values())} statuses re-evaluated; statuses written after "
        f"{to_statuses:.2f} s inside the transaction, committed with everything after "
        f"{to_commit:.2f} s (goal <= {goal_s:g} s), report read after it, all done in "
        f"{tu['seconds']:.2f} s; "
        f"areas {s.get('areas', 0):.2f} s, commit {s.get('commit', 0):.2f} s; "
        f"statuses and summaries identical to the full recompute: {'yes' if same else 'NO'}; "
        f"groups: reopened {len(report.group('reopened'))}, effect area "
        f"{len(report.group('new_effect_area'))}, DH count {len(report.group('new_dh_count'))}; "
        f"steps (s): {laps}; store ready in {tb['seconds']:.0f} s (cached between runs)"
    )
    return [
        result(
            "catalog_update_500k_seconds",
            to_commit,
            "s",
            f"statuses updated (committed) <= {goal_s:g} s, identical to a full recompute",
            to_commit <= goal_s and same,
            notes,
        ),
        result(
            "catalog_update_speedup_vs_full",
            full_seconds / max(tu["seconds"], 1e-9),
            "x",
            "> 1 (side by side, same run)",
            full_seconds > tu["seconds"] and same,
            f"full recompute {full_seconds:.1f} s vs update {tu['seconds']:.2f} s",
        ),
    ]
