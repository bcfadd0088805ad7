"""Deadlines (8/26 weeks, AOS 24/48 h) and the hand-off suggestion."""

from __future__ import annotations

import datetime as dt

import pytest

from domain.rules import Claim, Objection, assess
from tests.unit.rules.factory import D, base_case, quake, vv_final, with_object

SUB = D(2025, 1, 6)
#: four quakes of 6 mm/s before 2026: inside the Duurzaam herstel area
IN_DH = tuple(quake(D(2014 + i, 1, 1), 6.0, f"e{i}") for i in range(4))


def dl(case):
    return assess(case).verdicts["deadlines"]


@pytest.mark.parametrize(
    "scheme,weeks",
    [
        ("vaste_vergoeding", 8),
        ("ims", 8),
        ("waardedaling", 8),
        ("maatwerk", 26),
        ("herstel_eigen_aannemer", 26),
        ("herstel_aannemer_img", 26),
    ],
)
def test_term_boundary(scheme, weeks):
    due = SUB + dt.timedelta(weeks=weeks)
    claim = Claim("c1", scheme, SUB)
    on_time = dl(base_case(as_of=due, claims=(claim,)))
    late = dl(base_case(as_of=due + dt.timedelta(days=1), claims=(claim,)))
    assert on_time.outcome is False and late.outcome is True
    assert late.extra["claims"][0]["term_weeks"] == weeks
    assert late.extra["langlopend"] == ["c1"]
    assert late.extra["claims"][0]["days_overdue"] == 1


def test_decided_claim_has_no_running_term():
    claim = Claim("c1", "maatwerk", SUB, SUB + dt.timedelta(weeks=40), "toegekend", 1000)
    assert dl(base_case(as_of=D(2026, 3, 1), claims=(claim,))).outcome is False
    # the same claim seen before its decision is overdue
    assert dl(base_case(as_of=SUB + dt.timedelta(weeks=30), claims=(claim,))).outcome is True


@pytest.mark.parametrize(
    "days,inspected,risk,overdue",
    [
        (1, None, None, False),
        (2, None, None, True),
        (2, SUB, True, False),
        # past the make-safe term: overdue only where the inspection found a risk
        (3, SUB, True, True),
        (3, SUB, False, False),
        (3, SUB, None, None),
        (9, SUB, False, False),
    ],
)
def test_aos_inspect_24h_safe_48h(days, inspected, risk, overdue):
    claim = Claim("a1", "aos", SUB, inspected=inspected, risk_found=risk)
    verdict = dl(base_case(as_of=SUB + dt.timedelta(days=days), claims=(claim,)))
    assert verdict.outcome is overdue
    assert verdict.extra["langlopend"] == (["a1"] if overdue else [])


def test_undated_open_claim_is_unknown():
    assert dl(base_case(claims=(Claim("c1", "maatwerk", None),))).outcome is None


def ho(case):
    return assess(case).verdicts["handoff"]


def test_no_signals_no_suggestion():
    v = ho(base_case())
    assert v.outcome is False and v.extra["target"] is None


def test_overdue_and_objection_suggest_ivs():
    claims = (
        Claim("m1", "maatwerk", D(2024, 1, 1)),
        vv_final(D(2023, 1, 1), objection=Objection(D(2023, 2, 1))),
    )
    v = ho(base_case(claims=claims, shakings=IN_DH))
    assert v.outcome is True and v.extra["target"] == "IVS"
    assert {s["id"] for s in v.extra["signals"]} == {"case_overdue", "objection_pending"}


def test_decided_objection_is_not_pending():
    claim = vv_final(D(2023, 1, 1), objection=Objection(D(2023, 2, 1), D(2023, 5, 1)))
    assert (
        assess(base_case(claims=(claim,))).verdicts["handoff"].condition("objection_pending").result
        == "fail"
    )


def test_repeated_damage_outside_dh_and_many_claims_suggest_cbs():
    claims = tuple(
        Claim(f"m{i}", "maatwerk", D(2020 + i, 1, 1), D(2020 + i, 5, 1), "toegekend", 2000)
        for i in range(3)
    )
    v = ho(base_case(claims=claims, shakings=(quake(D(2018, 1, 1), 6.0),)))
    assert v.outcome is True and v.extra["target"] == "CBS"


@pytest.mark.parametrize("n,expected", [(2, "fail"), (3, "pass")])
def test_many_claims_from_three(n, expected):
    claims = tuple(
        Claim(f"i{i}", "ims", D(2020 + i, 1, 1), D(2020 + i, 2, 1), "toegekend") for i in range(n)
    )
    assert ho(base_case(claims=claims)).condition("many_claims").result == expected


def test_samenloop_needs_damage_claim_and_strengthening():
    claim = Claim("m1", "maatwerk", D(2020, 1, 1), D(2020, 5, 1), "toegekend", 100)
    case = with_object(base_case(claims=(claim,)), in_ncg_programme=True)
    assert ho(case).condition("samenloop").result == "pass"
    assert (
        ho(with_object(base_case(), in_ncg_programme=True)).condition("samenloop").result == "fail"
    )


def test_one_signal_and_one_unknown_is_undecided():
    claim = Claim("m1", "maatwerk", D(2020, 1, 1), D(2020, 5, 1), "toegekend", 100)
    claims = (claim, Claim("m2", "maatwerk", None))
    case = with_object(base_case(claims=claims, shakings=IN_DH), in_ncg_programme=True)
    v = ho(case)
    assert v.condition("case_overdue").result == "unknown"
    assert v.outcome is None and v.extra["target"] is None


@pytest.mark.parametrize("with_objection,expected", [(False, False), (True, True)])
def test_suggestion_needs_two_signals(with_objection, expected):
    objection = Objection(D(2023, 2, 1)) if with_objection else None
    claims = (Claim("m1", "maatwerk", D(2024, 1, 1)), vv_final(D(2023, 1, 1), objection=objection))
    v = ho(base_case(claims=claims, shakings=IN_DH))
    assert v.condition("case_overdue").result == "pass"
    assert v.outcome is expected
