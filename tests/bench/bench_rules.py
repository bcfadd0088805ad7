"""Rules benchmarks: the batch over a whole store, and one case after the catalogue is loaded.

``assess_batch_500k_seconds``: ``assess_many`` over N synthetic objects (default 500,000) with
about 25 shaking pairs and 0.6 claims per object (goal ≤ 30 s).
``assess_case_ms``: one case — ground motion at the object from the loaded real catalogue plus
every verdict — p95 over 300 random places in the region (goal ≤ 20 ms).
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import replace
from types import SimpleNamespace

import numpy as np

from domain import policy
from domain.rules.batch import ClaimTable, ObjectTable, assess_many
from tests.bench.common import result, shared_data, timer

AS_OF = dt.date(2026, 3, 1)


def _tri(rng, n, p_unknown=0.05, p_true=0.3):
    u = rng.random(n)
    return np.where(u < p_unknown, -1, (u < p_unknown + p_true).astype(np.int8)).astype(np.int8)


def synthetic(n: int, seed: int = 7):
    rng = np.random.default_rng(seed)
    objects = ObjectTable(
        ids=np.array([f"o{i}" for i in range(n)], dtype=object),
        construction_year=rng.integers(1850, 2025, n).astype(float),
        small=_tri(rng, n, 0.01, 0.1),
        woz_value=rng.uniform(80_000, 900_000, n),
        rijksmonument=_tri(rng, n, 0.0, 0.01),
        in_subsidence_area=_tri(rng, n, 0.0, 0.03),
        within_6km_zone=_tri(rng, n, 0.0, 0.7),
        in_ncg_programme=_tri(rng, n, 0.02, 0.1),
        pilot_place=_tri(rng, n, 0.0, 0.1),
        dh_pilot_dossier=_tri(rng, n, 0.9, 0.01),
        dh_structural_defect=_tri(rng, n, 0.9, 0.05),
        dh_unhandled_damage=_tri(rng, n, 0.9, 0.05),
        dh_d3_damage_eur=np.where(rng.random(n) < 0.9, np.nan, rng.uniform(0, 20_000, n)),
        dh_recognised_damage_eur=np.full(n, np.nan),
    )
    n_events = 1474
    event_times = np.datetime64("1991-12-05T00:00:00") + (
        rng.uniform(0, 30.2 * 365.25 * 86400, n_events)
    ).astype("timedelta64[s]")
    per_obj = rng.poisson(25, n)
    obj_index = np.repeat(np.arange(n, dtype=np.int64), per_obj)
    m = obj_index.size
    exposure = SimpleNamespace(
        obj_index=obj_index,
        event_index=rng.integers(0, n_events, m),
        pgv_mm_s=np.round(0.5 * np.exp(rng.exponential(0.9, m)), 3),
        event_times=event_times,
    )
    n_claims = int(0.6 * n)
    submitted = np.datetime64("2012-01-01") + rng.integers(0, 5100, n_claims).astype(
        "timedelta64[D]"
    )
    decided = submitted + rng.integers(10, 500, n_claims).astype("timedelta64[D]")
    decided[rng.random(n_claims) < 0.1] = np.datetime64("NaT")
    claims = ClaimTable(
        obj_index=rng.integers(0, n, n_claims),
        scheme=rng.integers(0, len(policy.SCHEMES), n_claims).astype(np.int16),
        submitted=submitted,
        decided=decided,
        outcome=np.where(np.isnat(decided), -1, rng.integers(0, 4, n_claims)).astype(np.int8),
        amount=rng.uniform(0, 15_000, n_claims),
        final=_tri(rng, n_claims, 0.2, 0.6),
        objection=(rng.random(n_claims) < 0.05).astype(np.int8),
        objection_filed=decided + np.timedelta64(20, "D"),
        objection_decided=np.full(n_claims, np.datetime64("NaT"), dtype="datetime64[D]"),
        inspected=np.full(n_claims, np.datetime64("NaT"), dtype="datetime64[D]"),
    )
    return objects, exposure, claims


def bench_batch(n: int) -> dict:
    objects, exposure, claims = synthetic(n)
    with timer() as t:
        out = assess_many(objects, exposure, claims, as_of=AS_OF)
    seconds = t["seconds"]
    notes = (
        f"{n} objects, {exposure.obj_index.size} pairs, {len(claims)} claims; "
        f"vaste vergoeding yes {int((out.vaste_vergoeding == 1).sum())}"
    )
    return result(
        "assess_batch_500k_seconds",
        seconds,
        "s",
        "<= 30 s for 500,000 objects",
        seconds <= 30.0 * max(n, 1) / 500_000,
        notes,
    )


def bench_case(samples: int = 300) -> dict:
    from domain.case.motion import with_ground_motion
    from domain.importers.catalog import load_catalog
    from domain.rules import assess
    from tests.unit.rules.factory import base_case

    catalog = load_catalog(shared_data("knmi_induced_groningen_1991-2022.csv"))
    rng = np.random.default_rng(3)
    template = base_case(shakings=None)
    times = []
    for _ in range(samples):
        x, y = rng.uniform(215_000, 285_000), rng.uniform(545_000, 625_000)
        case = replace(template, object=replace(template.object, x=x, y=y, within_6km_zone=None))
        start = time.perf_counter()
        seen, _ = with_ground_motion(case, catalog)
        assess(seen).as_dict("nl")
        times.append((time.perf_counter() - start) * 1000.0)
    p95 = float(np.percentile(times, 95))
    return result(
        "assess_case_ms",
        p95,
        "ms",
        "p95 <= 20 ms",
        p95 <= 20.0,
        f"p95 over {samples} cases, median {np.median(times):.1f} ms; real catalogue",
    )


def run(options) -> list[dict]:
    n = int(getattr(options, "objects", 500_000))
    return [bench_batch(n), bench_case()]
