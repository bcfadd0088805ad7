"""Store benchmarks: demo build, read of one object (GeoPackage and PostGIS), BAG import rate.

Names: ``store_demo_500k_build_seconds``, ``store_read_object_p95_ms_gpkg``,
``store_read_object_p95_ms_postgis``, ``bag_import_objects_per_s``.
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

import numpy as np

from tests.bench.common import result, timer


def _p95_read_ms(location: str, n_objects: int, samples: int = 1000) -> tuple[float, float]:
    from domain.store import open_store

    store = open_store(location)
    rng = random.Random(1)
    ids = [rng.randint(1, n_objects) for _ in range(samples)]
    try:
        for oid in ids[:20]:  # warm-up: connection pool, area cache
            store.read_object(oid)
        times = []
        for oid in ids:
            start = time.perf_counter()
            store.read_object(oid)
            times.append((time.perf_counter() - start) * 1000.0)
    finally:
        store.close()
    return float(np.percentile(times, 95)), float(np.median(times))


def _bag_rate(folder: Path, n: int) -> float:
    import shapely

    from domain.importers.bag import import_bag
    from domain.store import create_store
    from tests.unit.store.fixtures import pand_rows_for, write_bag_gpkg

    rng = np.random.default_rng(3)
    xs, ys = rng.uniform(220000, 270000, n), rng.uniform(560000, 610000, n)
    vbos = [
        {
            "identificatie": f"0014010{k:09d}",
            "pand_identificatie": f"0014100{k // 3:09d}",
            "gebruiksdoel": "woonfunctie",
            "oppervlakte": 100,
            "status": "Verblijfsobject in gebruik",
            "postcode": f"{9700 + k % 200}AB",
            "huisnummer": 1 + k % 500,
            "huisletter": None,
            "toevoeging": None,
            "openbare_ruimte_naam": "Hoofdstraat",
            "woonplaats_naam": "Groningen",
            "nummeraanduiding_hoofdadres_identificatie": f"0014200{k:09d}",
            "geom": shapely.Point(xs[k], ys[k]),
        }
        for k in range(n)
    ]
    pands = [{**p, "bouwjaar": 1900 + i % 120} for i, p in enumerate(pand_rows_for(vbos))]
    source = write_bag_gpkg(folder / "bag.gpkg", vbos, pands)
    store = create_store(str(folder / "bag_store.gpkg"))
    try:
        with timer() as t:
            report = import_bag(store, source)
    finally:
        store.close()
    assert report.counts["objects"] == n
    return n / t["seconds"]


def _status_recompute(location: str, n: int) -> list[dict]:
    """The map status of every object, then of 3,000 random ones (what a new quake reaches),
    each in a transaction that is rolled back so the store stays as built."""
    from domain.demo.people import DEMO_AS_OF
    from domain.store import open_store
    from domain.store.status import assess_in

    store = open_store(location)
    some = random.Random(2).sample(range(1, n + 1), min(3000, n))
    try:
        with store.engine.begin() as conn, timer() as full:
            assess_in(conn, DEMO_AS_OF)
            conn.rollback()
        with store.engine.begin() as conn, timer() as part:
            assess_in(conn, DEMO_AS_OF, some)
            conn.rollback()
    finally:
        store.close()
    return [
        result(
            "store_status_recompute_500k_seconds",
            full["seconds"],
            "s",
            "<= 30 s for 500,000 objects",
            full["seconds"] <= 30 * n / 500_000,
            f"batch rules for {n} objects, statuses written (GeoPackage)",
        ),
        result(
            "store_status_recompute_3k_seconds",
            part["seconds"],
            "s",
            "<= 1 s",
            part["seconds"] <= 1,
            f"{len(some)} random objects of {n}, reading only their rows",
        ),
    ]


def run(options) -> list[dict]:
    from domain.demo import build_demo
    from tests.support.postgis_server import PostgisServer

    n = int(options.objects)
    out: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="bench-store-") as tmp:
        folder = Path(tmp)
        path = folder / "demo.gpkg"
        with timer() as t:
            summary = build_demo(str(path), objects=n, seed=7)
        size_mib = path.stat().st_size / 2**20
        out.append(
            result(
                "store_demo_500k_build_seconds",
                t["seconds"],
                "s",
                "<= 600 s for 500,000 objects",
                t["seconds"] <= 600 * n / 500_000,
                f"{n} objects, {summary.counts['claims']} claims, {summary.counts['exposure_events']} "
                f"exposure pairs; GeoPackage {size_mib:.0f} MiB",
            )
        )
        p95, median = _p95_read_ms(str(path), n)
        out.append(
            result(
                "store_read_object_p95_ms_gpkg",
                p95,
                "ms",
                "<= 20 ms",
                p95 <= 20,
                f"1,000 random objects of {n}; median {median:.2f} ms",
            )
        )
        out += _status_recompute(str(path), n)
        server = PostgisServer()
        try:
            server.start()
            url = server.new_database()
            with timer() as tp:
                build_demo(url, objects=n, seed=7)
            p95, median = _p95_read_ms(url, n)
            out.append(
                result(
                    "store_read_object_p95_ms_postgis",
                    p95,
                    "ms",
                    "<= 20 ms",
                    p95 <= 20,
                    f"1,000 random objects of {n}; median {median:.2f} ms; "
                    f"demo build on PostGIS {tp['seconds']:.0f} s",
                )
            )
        finally:
            server.stop()
        bag_n = min(max(n // 5, 1000), 100_000)
        rate = _bag_rate(folder, bag_n)
        out.append(
            result(
                "bag_import_objects_per_s",
                rate,
                "objects/s",
                ">= 5,000 objects/s",
                rate >= 5000,
                f"{bag_n} verblijfsobjecten into a new GeoPackage store",
            )
        )
    return out
