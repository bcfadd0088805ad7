"""Door-to-door planning and the regional overview on a large demo store.

Names: ``startarea_5000_seconds`` (visit list + walking order for 5,000 addresses; goal ≤ 2 s),
``route_length_ratio_vs_address_order`` (the demo's three start areas; goal ≤ 0.8),
``overview_500k_seconds`` (every object, per municipality; goal ≤ 10 s). The demo store is
reused from ``build/bench/demo_<n>.gpkg`` (``demo_500k.gpkg`` for 500,000) or built there once
(about three minutes for 500,000), whatever ``--out`` says, so other benchmarks can share it.
"""

from __future__ import annotations

import os

import numpy as np
import shapely
from sqlalchemy import text

from tests.bench.common import ROOT, result, timer


def _demo_store(options):
    from domain.demo import build_demo
    from domain.errors import DomainError
    from domain.store import open_store, upgrade_store

    n = int(options.objects)
    out = ROOT / "build" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    name = "demo_500k.gpkg" if n == 500_000 else f"demo_{n}.gpkg"
    path = out / name
    if not path.exists():
        building = path.with_name(path.stem + ".building.gpkg")
        build_demo(str(building), objects=n, seed=7)
        os.replace(building, path)
    try:
        return open_store(str(path)), n
    except DomainError:  # a demo kept from an older schema: bring it up to date, keep the data
        upgrade_store(str(path))
        return open_store(str(path)), n


def _circle_with(store, count: int):
    """A circle around the densest part of the demo holding about ``count`` addresses."""
    with store.engine.connect() as conn:
        pts = np.array(
            conn.execute(
                text("SELECT o.x, o.y FROM addresses a JOIN objects o ON o.id = a.object_id")
            ).all(),
            dtype=float,
        )
    centre = np.median(pts, axis=0)
    dist = np.sort(np.hypot(pts[:, 0] - centre[0], pts[:, 1] - centre[1]))
    radius = float(dist[min(count, len(dist)) - 1]) + 0.01
    return shapely.Point(*centre).buffer(radius, quad_segs=32).wkt


def run(options) -> list[dict]:
    from domain.planning import visit_list
    from domain.planning.overview import regional_overview

    store, n = _demo_store(options)
    out: list[dict] = []
    try:
        polygon = _circle_with(store, 5000)
        visit_list(store, polygon)  # warm the caches once, as a second click would be
        with timer() as t:
            visits = visit_list(store, polygon)
        ratio_5000 = visits.route_length_m / max(visits.address_order_length_m, 1e-9)
        out.append(
            result(
                "startarea_5000_seconds",
                t["seconds"],
                "s",
                "<= 2 s",
                t["seconds"] <= 2.0,
                f"{len(visits.rows)} addresses in a circle of the {n}-object demo; route "
                f"{visits.route_length_m / 1000:.1f} km vs address order "
                f"{visits.address_order_length_m / 1000:.1f} km (ratio {ratio_5000:.2f})",
            )
        )
        with store.engine.connect() as conn:
            areas = conn.execute(
                text("SELECT id, name FROM areas WHERE kind = 'start_area' ORDER BY id")
            ).all()
        ratios, notes = [], []
        for area_id, name in areas:
            v = visit_list(store, area_id)
            if v.address_order_length_m > 0:
                ratios.append(v.route_length_m / v.address_order_length_m)
                notes.append(f"{name}: {len(v.rows)} addresses, {ratios[-1]:.2f}")
        worst = max(ratios) if ratios else float("nan")
        out.append(
            result(
                "route_length_ratio_vs_address_order",
                worst,
                "ratio",
                "<= 0.8",
                bool(ratios) and worst <= 0.8,
                "worst of the start areas; " + "; ".join(notes),
            )
        )
        with timer() as t:
            overview = regional_overview(store, by="gemeente")
        out.append(
            result(
                "overview_500k_seconds",
                t["seconds"],
                "s",
                "<= 10 s",
                t["seconds"] <= 10.0,
                f"{overview.totals['objects']} objects, {len(overview.rows)} municipalities "
                "(batch rules over every object; SQLite reads dominate)",
            )
        )
    finally:
        store.close()
    return out
