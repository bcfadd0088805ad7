"""Exposure per site and at scale: the pruned path equals the dense reference exactly."""

from __future__ import annotations

import datetime as dt
import json
import math

import numpy as np
import pytest

from domain.groundmotion.catalog import Catalog, Quake
from domain.groundmotion.exposure import (
    Cancelled,
    dense_exposure,
    exposure_at_scale,
    site_exposure,
)
from domain.groundmotion.gmpe import GroundMotionSettings, distance_for_pgv
from domain.importers.catalog import load_catalog
from tests.support.cli import run_cli

UTC = dt.timezone.utc
SIGMA_LARGER = math.sqrt(0.2448**2 + 0.2406**2 + 0.4569**2)
Z99 = 2.3263478740408408


def hand_pgv_larger(ml: float, r_hyp: float, vs30: float = 200.0, p99: bool = True) -> float:
    """Larger-component PGV (mm/s) from the published formula, by hand."""
    h = math.exp(-3.4407 + 1.1513 * ml)
    r = math.sqrt(r_hyp**2 + h**2)
    if r <= 7:
        g = -2.8522 * math.log(r)
    elif r <= 12:
        g = -2.8522 * math.log(7) - 1.0151 * math.log(r / 7)
    else:
        g = -2.8522 * math.log(7) - 1.0151 * math.log(12 / 7) - 2.1002 * math.log(r / 12)
    ln = -3.3996 + 2.3258 * ml + g - 0.3295 * math.log(vs30 / 200)
    return math.exp(ln + (Z99 * SIGMA_LARGER if p99 else 0.0)) * 10


def quake(event_id, when, ml, x, y, depth=3.0, place="Test"):
    return Quake(event_id, when, place, ml, depth, x, y, "Groningen")


@pytest.fixture(scope="module")
def groningen():
    from tests.conftest import shared_data

    return load_catalog(shared_data("knmi_induced_groningen_1991-2022.csv"))


@pytest.fixture(scope="module")
def objects():
    rng = np.random.default_rng(7)
    n = 4000
    x = rng.uniform(215_000, 285_000, n)
    y = rng.uniform(545_000, 625_000, n)
    vs30 = rng.choice([150.0, 200.0, 260.0, 800.0], n)
    return x, y, vs30


FIELDS = (
    "max_pgv_mm_s",
    "count_ge_2",
    "count_ge_5",
    "count_ge_5_before_2026",
    "obj_index",
    "event_index",
    "pgv_mm_s",
    "offsets",
)


@pytest.mark.parametrize(
    "settings,as_of",
    [
        (GroundMotionSettings(), None),
        (GroundMotionSettings(component="geomean", exceedance=0.5), None),
        (GroundMotionSettings(component="maxrot"), dt.date(2012, 8, 16)),
    ],
)
def test_fast_path_equals_dense_exactly(groningen, objects, settings, as_of):
    x, y, vs30 = objects
    fast = exposure_at_scale(groningen, x, y, vs30, settings, as_of)
    dense = dense_exposure(groningen, x, y, vs30, settings, as_of)
    for name in FIELDS:
        assert np.array_equal(getattr(fast, name), getattr(dense, name)), name
    for threshold in (0.5, 1.0, 2.0, 5.0, 8.5, 20.0):
        assert np.array_equal(fast.count_ge(threshold), dense.count_ge(threshold))
    assert fast.count_ge_2.sum() > 0 and fast.pair_count > 1000


def test_as_of_excludes_later_quakes_and_counts_as_of_matches_recompute(groningen, objects):
    x, y, vs30 = objects
    full = exposure_at_scale(groningen, x, y, vs30)
    day = dt.date(2012, 8, 16)  # Huizinge at 20:30 UTC that day counts
    recomputed = exposure_at_scale(groningen, x, y, vs30, as_of=day)
    from_pairs = full.counts_as_of(day)
    for name in FIELDS:
        assert np.array_equal(getattr(recomputed, name), getattr(from_pairs, name)), name
    before = full.counts_as_of(dt.date(2012, 8, 15))
    huizinge = int(np.flatnonzero(groningen.as_arrays().ids == "knmi2012qcdh")[0])
    assert huizinge in set(from_pairs.event_index.tolist())
    assert huizinge not in set(before.event_index.tolist())
    assert (before.count_ge_2 <= from_pairs.count_ge_2).all()
    assert (before.count_ge_2 < from_pairs.count_ge_2).any()


def test_counts_at_the_thresholds_by_hand():
    t = dt.datetime(2020, 1, 1, tzinfo=UTC)
    cat = Catalog(
        [quake("q1", t, 3.0, 0.0, 0.0), quake("q2", t + dt.timedelta(days=1), 2.0, 0.0, 0.0)]
    )
    # objects placed just inside / outside the 2 and 5 mm/s distance of q1 (VS30 200); a PGV
    # counts as shown with two decimals, so 1.994 (shown 1,99) is outside
    d2 = distance_for_pgv(3.0, 3.0, 2.0) * 1000
    d5 = distance_for_pgv(3.0, 3.0, 5.0) * 1000
    out2 = distance_for_pgv(3.0, 3.0, 1.994) * 1000
    out5 = distance_for_pgv(3.0, 3.0, 4.994) * 1000
    x = np.array([d2 - 1, out2, d5 - 1, out5, 0.0, 1e6])
    y = np.zeros_like(x) + 300_000
    cat = Catalog([quake(q.event_id, q.time, q.ml, 0.0, 300_000) for q in cat.quakes])
    exp = exposure_at_scale(cat, x, y)
    assert exp.count_ge_2.tolist()[:4] == [1, 0, 1, 1]
    assert exp.count_ge_5.tolist()[:4] == [0, 0, 1, 0]
    # right above both quakes: hand values for the sparse list and the maximum
    assert exp.events_of(4) == [
        ("q1", pytest.approx(hand_pgv_larger(3.0, 3.0))),
        ("q2", pytest.approx(hand_pgv_larger(2.0, 3.0))),
    ]
    assert exp.max_pgv_mm_s[4] == pytest.approx(hand_pgv_larger(3.0, 3.0))
    assert exp.count_ge_5[4] == 2 and exp.count_ge_5_before_2026[4] == 2
    # far away: nothing above the floor, maximum reported as 0
    assert exp.max_pgv_mm_s[5] == 0.0 and exp.events_of(5) == []


def test_dh_count_is_strictly_before_2026():
    # "before 2026-01-01" is a Dutch date: the year turns at 23:00 UTC (winter time)
    last = dt.datetime(2025, 12, 31, 22, 59, 59, tzinfo=UTC)
    first = dt.datetime(2025, 12, 31, 23, 0, 0, tzinfo=UTC)
    cat = Catalog([quake("a", last, 3.0, 0.0, 300_000), quake("b", first, 3.0, 0.0, 300_000)])
    exp = exposure_at_scale(cat, np.array([0.0]), np.array([300_000.0]))
    assert exp.count_ge_5.tolist() == [2]
    assert exp.count_ge_5_before_2026.tolist() == [1]
    assert exp.count_ge(5.0, before=dt.date(2026, 1, 1)).tolist() == [1]


def test_progress_and_cancel(groningen, objects):
    x, y, vs30 = objects
    seen: list[float] = []
    exposure_at_scale(groningen, x, y, vs30, progress=seen.append)
    assert seen[0] == 0.0 and seen[-1] == 100.0 and seen == sorted(seen)
    with pytest.raises(Cancelled):
        dense_exposure(groningen, x, y, vs30, cancel=lambda: True)
    calls = []

    def cancel_on_second_check():
        calls.append(1)
        return len(calls) >= 2

    with pytest.raises(Cancelled):
        exposure_at_scale(groningen, x, y, vs30, cancel=cancel_on_second_check, tile_m=500.0)


def test_count_below_floor_is_refused(groningen, objects):
    x, y, vs30 = objects
    with pytest.raises(ValueError):
        exposure_at_scale(groningen, x[:10], y[:10], vs30[:10]).count_ge(0.4)


HUIZINGE = (240544.0, 596199.0)


@pytest.mark.parametrize("distance_km", [0.0, 5.0, 10.0, 18.0, 28.0])
def test_huizinge_at_five_sites(groningen, distance_km):
    site = (HUIZINGE[0] + distance_km * 1000.0, HUIZINGE[1])
    events = site_exposure(groningen, *site, vs30=200.0)
    hz = [e for e in events if e.event_id == "knmi2012qcdh"][0]
    r_hyp = math.hypot(distance_km, 3.0)
    assert hz.epicentral_km == pytest.approx(distance_km)
    assert hz.hypocentral_km == pytest.approx(r_hyp)
    assert hz.pgv_mm_s == pytest.approx(hand_pgv_larger(3.6, r_hyp), rel=1e-9)
    assert hz.pgv_median_mm_s == pytest.approx(hand_pgv_larger(3.6, r_hyp, p99=False), rel=1e-9)
    if distance_km == 0.0:
        assert hz.pgv_median_mm_s == pytest.approx(37.0, abs=0.5)
    if distance_km == 18.0:
        assert hz.pgv_mm_s == pytest.approx(5.0, abs=0.15)
    if distance_km == 28.0:
        assert hz.pgv_mm_s == pytest.approx(2.0, abs=0.1)
    assert [e.time for e in events] == sorted(e.time for e in events)
    assert len(events) == len(groningen.quakes)


def test_site_exposure_as_of_excludes_later_quakes(groningen):
    events = site_exposure(groningen, *HUIZINGE, as_of=dt.date(2012, 8, 15))
    assert all(e.time < dt.datetime(2012, 8, 16, tzinfo=UTC) for e in events)
    assert "knmi2012qcdh" not in {e.event_id for e in events}


def test_cli_pgv_near_loppersum_lists_huizinge(groningen_catalog):
    loppersum = ("245200", "593500")
    out = run_cli(
        "pgv",
        "--x",
        loppersum[0],
        "--y",
        loppersum[1],
        "--catalog",
        str(groningen_catalog),
        "--json",
        check=True,
    )
    data = json.loads(out.stdout)
    assert data["site"] == {
        "x": 245200.0,
        "y": 593500.0,
        "crs": "EPSG:28992",
        "vs30": 200.0,
        "rd_x": 245200.0,
        "rd_y": 593500.0,
    }
    assert data["component"] == "larger" and data["exceedance"] == 0.01
    hz = [e for e in data["events"] if e["event_id"] == "knmi2012qcdh"][0]
    epi = math.hypot(245200 - 240544, 593500 - 596199) / 1000
    assert hz["epicentral_km"] == pytest.approx(epi, abs=1e-3)
    assert hz["pgv_mm_s"] == pytest.approx(hand_pgv_larger(3.6, math.hypot(epi, 3)), abs=1e-3)
    assert hz["place"] == "Huizinge" and hz["time"] == "2012-08-16T18:30:33Z"
    assert len(data["events"]) == 1460 and len(data["excluded_events"]) == 14
    pgvs = [e["pgv_mm_s"] for e in data["events"]]
    assert data["count_ge_5_mm_s"] == sum(p >= 5 for p in pgvs)
    assert data["max_pgv_mm_s"] == pytest.approx(max(pgvs))


def test_cli_errors_go_to_stderr_with_exit_2(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "event_id,place,time,ml,depth_km,rd_x,rd_y,field\nx,y,2012-01-01,9,3,1,1,Groningen\n"
    )
    out = run_cli("pgv", "--x", "1", "--y", "2", "--catalog", str(bad))
    assert out.returncode == 2 and out.stdout == ""
    assert "bad.csv:2:ml" in out.stderr


def test_empty_inputs(groningen):
    none = exposure_at_scale(groningen, np.zeros(0), np.zeros(0))
    assert len(none) == 0 and none.pair_count == 0 and none.offsets.tolist() == [0]
    x, y = np.array([240544.0]), np.array([596199.0])
    quiet = exposure_at_scale(Catalog([]), x, y)
    assert quiet.count_ge_2.tolist() == [0] and quiet.max_pgv_mm_s.tolist() == [0.0]
    assert np.array_equal(dense_exposure(Catalog([]), x, y).offsets, quiet.offsets)


def test_cli_vs30_from_pc4_table(groningen_catalog):
    from tests.conftest import shared_data

    table = shared_data("vs30_pc4.csv")
    out = run_cli(
        "pgv",
        "--x",
        "240544",
        "--y",
        "596199",
        "--pc4",
        "8401",
        "--vs30-table",
        str(table),
        "--catalog",
        str(groningen_catalog),
        "--json",
        check=True,
    )
    data = json.loads(out.stdout)
    assert data["site"]["vs30"] == 307.33
    hz = [e for e in data["events"] if e["event_id"] == "knmi2012qcdh"][0]
    assert hz["pgv_mm_s"] == pytest.approx(hand_pgv_larger(3.6, 3.0, 307.33), abs=1e-3)
