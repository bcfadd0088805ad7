"""Scenario quake: reopen (> 5 mm/s after a final decision), nulmeting (≥ 5), new effect area (≥ 2)."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest

from domain.groundmotion.gmpe import distance_for_pgv
from domain.groundmotion.scenario import ScenarioObjects, scenario_quake

SIGMA = math.sqrt(0.2448**2 + 0.2406**2 + 0.4569**2)
Z99 = 2.3263478740408408
EPI = (240000.0, 590000.0)
DAY = dt.date(2026, 3, 1)


def hand_pgv(ml, r_hyp):
    h = math.exp(-3.4407 + 1.1513 * ml)
    r = math.sqrt(r_hyp**2 + h**2)
    g = -2.8522 * math.log(r) if r <= 7 else -2.8522 * math.log(7) - 1.0151 * math.log(r / 7)
    return math.exp(-3.3996 + 2.3258 * ml + g + Z99 * SIGMA) * 10


def objects_at(distances_m, decisions, municipalities, in_area):
    x = EPI[0] + np.asarray(distances_m, dtype=float)
    return ScenarioObjects.build(
        x,
        np.full(len(x), EPI[1]),
        None,
        np.array(decisions, dtype="datetime64[D]"),
        np.array(municipalities, dtype=object),
        np.array(in_area, dtype=bool),
    )


def test_reopen_nulmeting_and_new_area_at_the_boundaries():
    # thresholds compare the PGV as shown with two decimals: "> 5" from 5.005 (shown 5,01),
    # "≥ 5" from 4.995 (shown 5,00), "≥ 2" from 1.995
    dr = distance_for_pgv(3.0, 3.0, 5.005) * 1000
    d5 = distance_for_pgv(3.0, 3.0, 4.995) * 1000
    d2 = distance_for_pgv(3.0, 3.0, 1.995) * 1000
    objs = objects_at(
        [0.0, dr - 1, d5 + 1, d2 - 1, d2 + 1, 0.0, 0.0],
        ["2025-01-01", "2025-01-01", "2025-01-01", "NaT", "NaT", "2026-03-01", "2026-02-28"],
        [
            "Eemsdelta",
            "Eemsdelta",
            "Groningen",
            "Groningen",
            "Groningen",
            "Het Hogeland",
            "Het Hogeland",
        ],
        [True, False, False, False, False, True, True],
    )
    res = scenario_quake(*EPI, 3.0, 3.0, DAY, objs)
    assert res.index.tolist() == [0, 1, 2, 3, 5, 6]  # object 4 is beyond 2 mm/s
    assert res.pgv_mm_s[0] == pytest.approx(hand_pgv(3.0, 3.0))
    by_obj = dict(zip(res.index.tolist(), zip(res.reopen, res.nulmeting, res.new_in_effect_area)))
    assert by_obj[0] == (True, True, False)
    assert by_obj[1] == (True, True, True)  # just above 5,00 as shown: > 5 holds
    assert by_obj[2] == (False, False, True)
    assert by_obj[3] == (False, False, True)  # no final decision: nothing to reopen
    assert by_obj[5] == (False, True, False)  # decision on the quake's date: not before it
    assert by_obj[6] == (True, True, False)
    per = {m.municipality: m for m in res.per_municipality}
    assert (
        per["Eemsdelta"].reopen,
        per["Eemsdelta"].nulmeting,
        per["Eemsdelta"].new_in_effect_area,
    ) == (2, 2, 1)
    assert (
        per["Groningen"].reopen,
        per["Groningen"].nulmeting,
        per["Groningen"].new_in_effect_area,
    ) == (0, 0, 2)
    assert res.totals == {"reopen": 3, "nulmeting": 4, "new_in_effect_area": 3}


def test_reopen_is_strictly_above_5_mm_s_as_shown():
    # a PGV shown as 5,00 mm/s (4.995 up to 5.005) needs a nulmeting (≥ 5) but does not reopen
    # (> 5): check both edges a millimetre apart
    dr = distance_for_pgv(2.6, 3.0, 5.005) * 1000
    d5 = distance_for_pgv(2.6, 3.0, 4.995) * 1000
    at = [dr - 0.001, dr + 0.001, d5 - 0.001, d5 + 0.001]
    objs = objects_at(at, ["2020-01-01"] * 4, ["A"] * 4, [True] * 4)
    res = scenario_quake(*EPI, 2.6, 3.0, DAY, objs)
    pgv = dict(zip(res.index.tolist(), res.pgv_mm_s))
    assert pgv[0] > 5.005 > pgv[1] > 5.0 > pgv[2] > 4.995 > pgv[3]
    assert res.reopen.tolist() == [True, False, False, False]
    assert res.nulmeting.tolist() == [True, True, True, False]


def test_small_quake_touches_nobody():
    objs = objects_at([0.0], ["2020-01-01"], ["A"], [False])
    res = scenario_quake(*EPI, -1.0, 3.0, DAY, objs)
    assert len(res.index) == 0 and res.per_municipality == []


def test_low_vs30_widens_the_reach():
    d2 = distance_for_pgv(3.0, 3.0, 2.0) * 1000
    objs = objects_at([d2 + 500], ["NaT"], ["A"], [False])
    assert len(scenario_quake(*EPI, 3.0, 3.0, DAY, objs).index) == 0
    objs.vs30 = np.array([150.0])
    objs._tree = None
    assert len(scenario_quake(*EPI, 3.0, 3.0, DAY, objs).index) == 1
