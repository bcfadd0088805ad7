"""Ground motion at scale: pruned exposure vs the dense reference, area polygons, scenario.

Objects are synthetic, uniform over RD x 215–285 km, y 545–625 km, VS30 drawn from 150–300
m/s, against the full public Groningen catalogue. The fast path's peak memory is measured in
a fresh subprocess (so the dense run cannot inflate it); its threshold counts are compared
with the dense run's, which must be identical.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from tests.bench.common import ROOT, result, shared_data, timer

CATALOG = "knmi_induced_groningen_1991-2022.csv"


def synthetic_objects(n: int, seed: int = 2026):
    rng = np.random.default_rng(seed)
    x = rng.uniform(215_000, 285_000, n)
    y = rng.uniform(545_000, 625_000, n)
    vs30 = rng.choice([150.0, 180.0, 200.0, 240.0, 300.0], n)
    return x, y, vs30


_CHILD = """
import json, sys, time, numpy as np
from tests.bench.bench_groundmotion import synthetic_objects
from tests.bench.common import peak_rss_mib
from domain.importers.catalog import load_catalog
from domain.groundmotion.exposure import exposure_at_scale
catalog = load_catalog(sys.argv[1]); n = int(sys.argv[2])
x, y, vs30 = synthetic_objects(n)
start = time.perf_counter()
exp = exposure_at_scale(catalog, x, y, vs30)
seconds = time.perf_counter() - start
np.savez(sys.argv[3], c2=exp.count_ge_2, c5=exp.count_ge_5, c5b=exp.count_ge_5_before_2026,
         mx=exp.max_pgv_mm_s)
print(json.dumps({"seconds": seconds, "peak_rss_mib": peak_rss_mib(), "pairs": exp.pair_count}))
"""


def _fresh_fast_run(catalog_path: Path, n: int, out: Path) -> dict:
    run = subprocess.run(
        [sys.executable, "-c", _CHILD, str(catalog_path), str(n), str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    return json.loads(run.stdout.strip().splitlines()[-1])


def run(options) -> list[dict]:
    from domain.groundmotion.exposure import dense_exposure, exposure_at_scale
    from domain.groundmotion.scenario import ScenarioObjects, scenario_quake
    from domain.groundmotion.zones import computed_areas, write_areas, zones_6km
    from domain.importers.catalog import load_catalog

    n = int(getattr(options, "objects", 500_000))
    catalog_path = shared_data(CATALOG)
    catalog = load_catalog(catalog_path)
    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        child = _fresh_fast_run(catalog_path, n, Path(tmp) / "fast.npz")
        fresh = np.load(Path(tmp) / "fast.npz")
        x, y, vs30 = synthetic_objects(n)
        exposure_at_scale(catalog, x[:20_000], y[:20_000], vs30[:20_000])  # warm-up
        fast_times, fast_cpu = [], []
        for _ in range(3):
            start, cpu = time.perf_counter(), time.process_time()
            fast = exposure_at_scale(catalog, x, y, vs30)
            fast_times.append(time.perf_counter() - start)
            fast_cpu.append(time.process_time() - cpu)
        cpu = time.process_time()
        with timer() as dense_t:
            dense = dense_exposure(catalog, x, y, vs30)
        dense_cpu = time.process_time() - cpu
        same = (
            np.array_equal(fast.count_ge_2, dense.count_ge_2)
            and np.array_equal(fast.count_ge_5, dense.count_ge_5)
            and np.array_equal(fast.count_ge_5_before_2026, dense.count_ge_5_before_2026)
            and np.array_equal(fast.max_pgv_mm_s, dense.max_pgv_mm_s)
            and np.array_equal(fast.pgv_mm_s, dense.pgv_mm_s)
            and np.array_equal(fresh["c2"], dense.count_ge_2)
            and np.array_equal(fresh["c5b"], dense.count_ge_5_before_2026)
        )
        del dense
        fast_s = statistics.median(fast_times)
        speedup = dense_t["seconds"] / fast_s
        size = f"{n:,} objects x {len(catalog.quakes)} quakes"
        rows.append(
            result(
                "exposure_500k_seconds",
                fast_s,
                "s",
                "informative",
                True,
                f"{size}; median of 3 warm runs {[round(t, 2) for t in fast_times]}; "
                f"fresh process {child['seconds']:.2f} s; {child['pairs']:,} pairs >= 0.5 mm/s",
            )
        )
        rows.append(
            result(
                "exposure_500k_dense_seconds",
                dense_t["seconds"],
                "s",
                "<= a few minutes",
                dense_t["seconds"] <= 300,
                "blocked broadcast numpy, 4096 objects per block",
            )
        )
        rows.append(
            result(
                "exposure_500k_speedup",
                speedup,
                "x",
                ">= 25x, identical counts",
                speedup >= 25 and same,
                f"identical counts and pairs: {same}; by CPU time "
                f"{dense_cpu / statistics.median(fast_cpu):.1f}x (less sensitive to a busy machine)",
            )
        )
        rows.append(
            result(
                "exposure_500k_peak_rss_mib",
                child["peak_rss_mib"],
                "MiB",
                "<= 4096",
                child["peak_rss_mib"] <= 4096,
                "fast path alone in a fresh process",
            )
        )
        with timer() as zones_t:
            areas = computed_areas(catalog) + zones_6km()
            write_areas(Path(tmp) / "zones.gpkg", areas, catalog.origin)
        effect = sum(a.geometry.area for a in areas if a.kind == "effectgebied") / 1e6
        rows.append(
            result(
                "zones_region_seconds",
                zones_t["seconds"],
                "s",
                "<= 15",
                zones_t["seconds"] <= 15,
                f"effect + DH area on a 100 m grid, 6 km zones, GeoPackage; effect area {effect:.0f} km2",
            )
        )
        objects = ScenarioObjects.build(
            x,
            y,
            vs30,
            np.where(np.arange(n) % 3 == 0, np.datetime64("2024-01-01"), np.datetime64("NaT")),
            np.array(["A", "B", "C", "D"], dtype=object)[np.arange(n) % 4],
            fast.count_ge_2 > 0,
        )
        with timer() as first_t:
            scenario_quake(245_000, 593_000, 3.6, 3.0, dt.date(2026, 6, 1), objects)
        with timer() as again_t:
            res = scenario_quake(250_000, 590_000, 3.6, 3.0, dt.date(2026, 6, 1), objects)
        rows.append(
            result(
                "scenario_500k_seconds",
                first_t["seconds"],
                "s",
                "<= 1",
                first_t["seconds"] <= 1,
                f"ML 3.6 incl. building the KD-tree; repeat {again_t['seconds']:.3f} s; "
                f"{len(res.index):,} objects >= 2 mm/s",
            )
        )
    return rows
