"""Shared pieces for benchmarks: result records, timing, peak memory, the public data folder."""

from __future__ import annotations

import resource
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED_DATA = ROOT.parent / "shared" / "data"


def result(name: str, value: float, unit: str, goal: str, met: bool, notes: str = "") -> dict:
    """One line of ``results.json`` (names as listed in the architecture, for comparability)."""
    return {
        "name": name,
        "value": round(float(value), 4),
        "unit": unit,
        "goal": goal,
        "met": bool(met),
        "notes": notes,
    }


@contextmanager
def timer():
    box = {}
    start = time.perf_counter()
    try:
        yield box
    finally:
        box["seconds"] = time.perf_counter() - start


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def shared_data(name: str) -> Path:
    path = SHARED_DATA / name
    if not path.exists():
        raise SystemExit(
            f"benchmark needs ../shared/data/{name}; place the shared folder beside the repo"
        )
    return path
