"""How long one case dossier PDF takes: store read, rules, PGV chart, map, tables, PDF.

Name: ``dossier_pdf_seconds`` (goal ≤ 5 s) on a 20,000-object demo store, reused from
``build/bench/demo_20000.gpkg`` or built there once (the objects option does not change it: a
dossier reads one object, so the store size matters little). The case is the object with the
most claims, the heaviest history a caseworker would print.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import tempfile

from sqlalchemy import text

from tests.bench.common import ROOT, result, timer

OBJECTS = 20_000
GOAL_S = 5.0
REPEATS = 3


def _demo_store():
    from domain.demo import build_demo
    from domain.store import open_store

    out = ROOT / "build" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"demo_{OBJECTS}.gpkg"
    if not path.exists():
        building = path.with_name(f"{path.stem}.building.gpkg")
        build_demo(str(building), objects=OBJECTS, seed=7)
        os.replace(building, path)
    return open_store(str(path))


def run(options) -> list[dict]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.testing import start_app

    start_app()
    from img_qgis_plugin.reports.dossier import export_dossier

    store = _demo_store()
    try:
        with store.engine.connect() as conn:
            object_id = conn.execute(
                text(
                    "SELECT object_id FROM claims GROUP BY object_id ORDER BY COUNT(*) DESC, "
                    "object_id LIMIT 1"
                )
            ).scalar()
        as_of = dt.date(2026, 6, 1)
        times = []
        with tempfile.TemporaryDirectory() as tmp:
            for i in range(REPEATS):
                with timer() as took:
                    export_dossier(store, object_id, os.path.join(tmp, f"d{i}.pdf"), as_of)
                times.append(took["seconds"])
        median = statistics.median(times)
        return [
            result(
                "dossier_pdf_seconds",
                median,
                "s",
                f"<= {GOAL_S:g} s",
                median <= GOAL_S,
                f"median of {REPEATS}, first {times[0]:.2f} s; object {object_id}, "
                f"{OBJECTS:,} objects (GeoPackage)",
            )
        ]
    finally:
        store.close()
