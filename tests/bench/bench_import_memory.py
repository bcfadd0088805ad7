"""Peak memory and time of the big imports, each in a fresh process, as a user runs them.

* ``import_claims_1m_peak_rss_mib`` / ``_seconds``: ``imgschade import-claims`` of a 1,000,000-row
  claims CSV (synthetic rows over the objects of a 2,000-object demo store), plus a second run
  of the same file (every row "unchanged").
* ``import_catalog_20k_peak_rss_mib`` / ``_seconds``: ``imgschade import-catalog`` of a
  SYNTHETIC 20,000-event catalogue, resampled from the public KNMI Groningen catalogue (events
  drawn with replacement, epicentres jittered by up to 1 km, times spread over 1991–2025, ids
  ``synthetic-…``), into the same 2,000-object demo store: quakes, exposure, statuses, zones.
* ``import_catalog_20k_heavy_peak_rss_mib`` / ``_seconds``: the same SYNTHETIC catalogue with
  every magnitude raised by 1.0 (capped at ML 3.6): a stress case where every quake reaches
  far, so the area grid meets hundreds of millions of cell–quake pairs.

Peak RSS is the child's ``ru_maxrss`` read with ``RUSAGE_CHILDREN`` by a small wrapper process
that runs exactly one import, so nothing else inflates it. ``--objects`` does not apply here:
the sizes are the ones the goals name.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

from tests.bench.common import ROOT, result, shared_data

CLAIM_ROWS = 1_000_000
CATALOG_EVENTS = 20_000
DEMO_OBJECTS = 2000

_WRAPPER = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
run = subprocess.run(sys.argv[1:], capture_output=True, text=True)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
print(json.dumps({"code": run.returncode, "seconds": seconds, "peak_rss_mib": peak,
                  "out": run.stdout[-4000:], "err": run.stderr[-4000:]}))
"""


def measure(*argv: str) -> dict:
    """Run ``imgschade ARGV`` in a fresh process; its exit code, wall time and peak RSS."""
    command = [sys.executable, "-m", "domain", "--lang", "en", *argv]
    run = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *command],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    return json.loads(run.stdout.strip().splitlines()[-1])


def write_claims(path: Path, object_ids, rows: int = CLAIM_ROWS) -> Path:
    """``rows`` synthetic claims, ``;``-separated as Dutch Excel writes them."""
    ids = list(object_ids)
    schemes = ("vaste_vergoeding", "maatwerk", "ims", "aos")
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("claim_number;object_id;applicant_id;applicant_natural;scheme;submitted;")
        f.write("decided;outcome;amount;final;status\n")
        for i in range(rows):
            decided = i % 3 != 0
            f.write(
                f"BENCH-{i:07d};{ids[i % len(ids)]};PB{i % 5003:05d};ja;{schemes[i % 4]};"
                f"{1 + i % 28:02d}-{1 + i % 12:02d}-2021;"
                + (f"2022-{1 + i % 12:02d}-{1 + i % 28:02d};toegewezen;" if decided else ";;")
                + (f"{(i % 900) + 1}.{i % 1000:03d},50;ja;" if decided else ";nee;")
                + "\n"
            )
    return path


def synthetic_catalog(
    path: Path, events: int = CATALOG_EVENTS, seed: int = 20_000, ml_shift: float = 0.0
) -> Path:
    """A SYNTHETIC catalogue: the public Groningen events resampled (see the module doc);
    ``ml_shift`` raises every magnitude (capped at the strongest real one, ML 3.6)."""
    with shared_data("knmi_induced_groningen_1991-2022.csv").open(encoding="utf-8") as f:
        real = list(csv.DictReader(f))
    rng = np.random.default_rng(seed)
    pick = rng.integers(0, len(real), events)
    start = dt.datetime(1991, 1, 1)
    span = (dt.datetime(2025, 12, 31) - start).total_seconds()
    seconds = np.sort(rng.uniform(0, span, events))
    jitter = rng.uniform(-1000, 1000, (events, 2))
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["event_id", "place", "time", "ml", "depth_km", "rd_x", "rd_y", "field"])
        for k in range(events):
            row = real[pick[k]]
            t = start + dt.timedelta(seconds=float(seconds[k]))
            w.writerow(
                [
                    f"synthetic-{k:05d}",
                    f"{row['place']} (synthetisch)",
                    t.strftime("%Y-%m-%dT%H:%M:%S"),
                    f"{min(float(row['ml']) + ml_shift, 3.6):.1f}",
                    row["depth_km"],
                    round(float(row["rd_x"]) + jitter[k, 0]),
                    round(float(row["rd_y"]) + jitter[k, 1]),
                    row["field"],
                ]
            )
    return path


def _object_ids(store_path: Path) -> list[int]:
    import sqlite3

    with sqlite3.connect(store_path) as conn:
        return [r[0] for r in conn.execute("SELECT id FROM objects ORDER BY id")]


def _check(outcome: dict, what: str) -> None:
    if outcome["code"] != 0:
        raise RuntimeError(f"{what} failed ({outcome['code']}): {outcome['err']}")


def run(options) -> list[dict]:
    from domain.demo import build_demo

    out: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        folder = Path(tmp)
        template = folder / "demo.gpkg"
        build_demo(str(template), objects=DEMO_OBJECTS, seed=7)

        store = folder / "claims.gpkg"
        shutil.copyfile(template, store)
        claims = write_claims(folder / "claims_1m.csv", _object_ids(store))
        first = measure("import-claims", str(store), str(claims))
        _check(first, "import-claims")
        again = measure("import-claims", str(store), str(claims))
        rerun = (
            f"{again['peak_rss_mib']:.0f} MiB, {again['seconds']:.0f} s"
            if again["code"] == 0
            else f"REFUSED (exit {again['code']})"
        )
        mib = claims.stat().st_size / 2**20
        out.append(
            result(
                "import_claims_1m_peak_rss_mib",
                first["peak_rss_mib"],
                "MiB",
                "<= 500 MiB",
                first["peak_rss_mib"] <= 500 and again["code"] == 0,
                f"{CLAIM_ROWS:,} rows ({mib:.0f} MiB CSV) into a {DEMO_OBJECTS}-object demo "
                f"GeoPackage; the same file again: {rerun}",
            )
        )
        out.append(
            result(
                "import_claims_1m_seconds",
                first["seconds"],
                "s",
                "indication",
                True,
                "wall time of the whole command (fresh process)",
            )
        )

        for label, shift, note in (
            ("20k", 0.0, "public KNMI Groningen events resampled"),
            ("20k_heavy", 1.0, "resampled, every ML + 1.0 (cap 3.6): stress case"),
        ):
            store = folder / f"catalog_{label}.gpkg"
            shutil.copyfile(template, store)
            catalog = synthetic_catalog(folder / f"synthetic_catalog_{label}.csv", ml_shift=shift)
            quake = measure("import-catalog", str(store), str(catalog))
            _check(quake, f"import-catalog ({label})")
            out.append(
                result(
                    f"import_catalog_{label}_peak_rss_mib",
                    quake["peak_rss_mib"],
                    "MiB",
                    "<= 2048 MiB",
                    quake["peak_rss_mib"] <= 2048,
                    f"SYNTHETIC {CATALOG_EVENTS:,}-event catalogue ({note}) into a "
                    f"{DEMO_OBJECTS}-object demo GeoPackage",
                )
            )
            out.append(
                result(
                    f"import_catalog_{label}_seconds",
                    quake["seconds"],
                    "s",
                    "<= 60 s",
                    quake["seconds"] <= 60,
                    "quakes, exposure, statuses and zones in one transaction (fresh process)",
                )
            )
    return out
