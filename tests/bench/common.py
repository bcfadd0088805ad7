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


def cached_demo_store(objects: int, seed: int = 7, folder: Path | None = None) -> Path:
    """A demo GeoPackage of ``objects`` objects, built once and kept under ``build/bench/cache``
    (a 500,000-object store takes minutes to build). The file name carries a hash of the
    domain code, so a change to the code builds a fresh one instead of measuring a stale store.
    """
    import hashlib

    from domain.demo import build_demo

    digest = hashlib.sha256()
    for path in sorted((ROOT / "domain").rglob("*.py")):
        digest.update(path.read_bytes())
    folder = folder or ROOT / "build" / "bench" / "cache"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"demo_{objects}_seed{seed}_{digest.hexdigest()[:12]}.gpkg"
    if not target.exists():
        for stale in folder.glob(f"demo_{objects}_seed{seed}_*.gpkg"):
            stale.unlink()
        partial = target.with_suffix(".building.gpkg")
        build_demo(str(partial), objects=objects, seed=seed)
        partial.rename(target)
    return target
