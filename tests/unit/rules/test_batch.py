"""The batch rules give, column by column, the same answers as the per-case rules."""

from __future__ import annotations

import dataclasses
import datetime as dt
from types import SimpleNamespace

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.rules import assess
from domain.rules.batch import ClaimTable, ObjectTable, assess_many
from domain.rules.status import status_of_assessment
from domain.rules.verdict import all_of
from tests.unit.rules.factory import D, base_case, quake, vv_final
from tests.unit.rules.strategies import cases, days

CODE = {"pass": 1, "fail": 0, "unknown": -1, True: 1, False: 0, None: -1}


def exposure_of(case_list):
    obj, ev, pgv, times = [], [], [], []
    for i, case in enumerate(case_list):
        for s in case.shakings or ():
            obj.append(i)
            ev.append(len(times))
            pgv.append(s.pgv_mm_s)
            times.append(np.datetime64(s.time.replace(tzinfo=None), "s"))
    return SimpleNamespace(
        obj_index=np.array(obj, dtype=np.int64),
        event_index=np.array(ev, dtype=np.int64),
        pgv_mm_s=np.array(pgv, dtype=float),
        event_times=np.array(times, dtype="datetime64[s]"),
    )


def batch_of(case_list, day):
    objects = ObjectTable.from_records([c.object for c in case_list], [c.dh for c in case_list])
    claims = ClaimTable.from_records([(i, cl) for i, c in enumerate(case_list) for cl in c.claims])
    return assess_many(objects, exposure_of(case_list), claims, as_of=day)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(cases(), min_size=1, max_size=12), days)
def test_batch_equals_per_case(case_list, day):
    case_list = [dataclasses.replace(c, as_of=day) for c in case_list]
    result = batch_of(case_list, day)
    for i, case in enumerate(case_list):
        a = assess(case)
        vv = a.verdicts["vaste_vergoeding"]
        ctx = (i, case)
        first, loc = vv.condition("first_report").result, vv.condition("location").result
        assert result.vv_first_report[i] == CODE[first], ctx
        assert result.vv_location[i] == CODE[loc], ctx
        object_level = all_of(vv.condition("scheme_in_force").result, first, loc)
        assert result.vaste_vergoeding[i] == CODE[object_level], ctx
        nc = a.verdicts["new_claim"]
        assert result.new_claim[i] == CODE[nc.outcome], ctx
        assert result.reopening_count[i] == len(nc.extra["reopening_events"]), ctx
        last = result.last_final_decision[i]
        expected_last = nc.extra["last_final_decision"]
        assert (None if np.isnat(last) else last.astype(dt.date)) == expected_last, ctx
        assert result.nulmeting[i] == CODE[a.verdicts["nulmeting"].outcome], ctx
        dh = a.verdicts["duurzaam_herstel"]
        assert result.duurzaam_herstel[i] == CODE[dh.outcome], ctx
        if any(c.id == "dh_area" for c in dh.conditions):
            assert result.dh_area[i] == CODE[dh.condition("dh_area").result], ctx
        assert result.overdue[i] == CODE[a.verdicts["deadlines"].outcome], ctx
        ho = a.verdicts["handoff"]
        assert result.handoff_suggested[i] == CODE[ho.outcome], ctx
        assert (result.handoff_target[i] or None) == ho.extra["target"], ctx
        assert result.in_effect_area[i] == CODE[a.exposure["in_effect_area"]], ctx
        # the map status: one mapping, fed by the batch columns or by the panel's verdicts
        assert result.status[i] == status_of_assessment(a, case), ctx


def test_status_column():
    day = D(2026, 3, 1)
    reopened = base_case(claims=(vv_final(D(2020, 1, 1)),), shakings=(quake(D(2021, 5, 1), 9.0),))
    final = base_case(claims=(vv_final(D(2022, 1, 1)),))
    never = base_case(shakings=(quake(D(2018, 1, 1), 3.0),))
    in_dh = base_case(shakings=tuple(quake(D(2014 + k, 1, 1), 6.0, f"e{k}") for k in range(4)))
    result = batch_of([reopened, final, never, in_dh], day)
    assert list(result.status) == ["may_claim_again", "final", "no_claim", "dh_eligible"]
    assert list(result.amount_eur) == [10_000.0] * 4
    # in the DH area with a fact the store cannot know: its own class, on both sides
    unknown = dataclasses.replace(in_dh, dh=dataclasses.replace(in_dh.dh, structural_defect=None))
    pair = batch_of([in_dh, unknown], day)
    assert list(pair.status) == ["dh_eligible", "dh_to_check"]
    for case, status in zip((in_dh, unknown), pair.status):
        assert status_of_assessment(assess(dataclasses.replace(case, as_of=day)), case) == status


def test_during_ownership_window_in_batch():
    case = base_case()  # one 3 mm/s quake on 2018-01-08
    objects = ObjectTable.from_records([case.object] * 3)
    ex = exposure_of([case] * 3)
    start = np.array(["2010-01-01", "2019-01-01", "NaT"], dtype="datetime64[D]")
    r = assess_many(objects, ex, None, D(2026, 3, 1), start, None, "during_ownership")
    # owned since 2019: the quake came before, and inside the effect area the 6 km route is closed
    assert list(r.vv_location) == [1, 0, -1]
    r = assess_many(objects, ex, None, D(2026, 3, 1), start, None, "since_construction")
    assert list(r.vv_location) == [1, 1, 1]


def test_new_conditions_agree_with_the_per_case_rules():
    """niet-woning, an AOS inspected on the day, a vaste vergoeding flagged not final and a PGV
    shown as 5,00 mm/s: the batch columns give what the per-case verdicts say."""
    from domain.rules import Claim
    from tests.unit.rules.factory import with_dh, with_object

    day = D(2026, 3, 1)
    dh_area = tuple(quake(D(2014 + k, 1, 1), 6.0, f"e{k}") for k in range(4))
    cases = [
        with_object(base_case(shakings=dh_area), use="niet-woning"),
        with_object(base_case(shakings=dh_area), use=None),
        with_dh(with_object(base_case(shakings=()), place="Groningen"), pilot_dossier=True),
        base_case(claims=(Claim("a", "aos", D(2026, 2, 26), inspected=D(2026, 2, 26)),)),
        base_case(
            claims=(Claim("a", "aos", D(2026, 2, 26), inspected=D(2026, 2, 26), risk_found=False),)
        ),
        base_case(
            claims=(Claim("a", "aos", D(2026, 2, 26), inspected=D(2026, 2, 26), risk_found=True),)
        ),
        base_case(claims=(vv_final(D(2022, 1, 1), final=False),)),
        base_case(
            claims=(vv_final(D(2022, 1, 1)),), shakings=(quake(D(2023, 1, 1), 5.004, "edge"),)
        ),
    ]
    result = batch_of(cases, day)
    expected_dh = [0, -1, 1]
    assert list(result.duurzaam_herstel[:3]) == expected_dh
    assert list(result.overdue[3:6]) == [-1, 0, 1]
    assert list(result.new_claim[6:]) == [0, 0]
    for i, case in enumerate(cases):
        a = assess(dataclasses.replace(case, as_of=day))
        assert result.duurzaam_herstel[i] == CODE[a.verdicts["duurzaam_herstel"].outcome], i
        assert result.overdue[i] == CODE[a.verdicts["deadlines"].outcome], i
        assert result.new_claim[i] == CODE[a.verdicts["new_claim"].outcome], i
