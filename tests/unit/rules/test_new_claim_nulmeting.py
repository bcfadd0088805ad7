"""New claim after a final decision, and the nulmeting: boundaries of date and PGV."""

from __future__ import annotations

import datetime as dt

import pytest

from domain import policy
from domain.rules import Claim, assess
from tests.unit.rules.factory import D, base_case, quake, result, vv_final, with_object

DECIDED = D(2022, 6, 1)


def nc(case):
    return assess(case).verdicts["new_claim"]


def test_no_final_decision_leaves_new_claim_open():
    v = nc(base_case())
    assert v.outcome is True
    assert result(v, "final_decision") == "pass"
    assert v.extra["blocked_by"] is None


def test_final_decision_without_later_quake_blocks():
    v = nc(base_case(claims=(vv_final(DECIDED),)))
    assert v.outcome is False
    assert v.extra["blocked_by"] == "vv1"
    assert v.extra["last_final_decision"] == DECIDED


@pytest.mark.parametrize(
    "day,pgv,reopens",
    [
        (DECIDED, 9.0, False),
        (DECIDED + dt.timedelta(days=1), 9.0, True),
        (DECIDED + dt.timedelta(days=1), 5.0, False),
        # compared as shown (two decimals, policy.pgv_rounded): 5.004 reads 5,00
        (DECIDED + dt.timedelta(days=1), 5.004, False),
        (DECIDED + dt.timedelta(days=1), 5.005, True),
        (DECIDED + dt.timedelta(days=1), 5.01, True),
        (DECIDED - dt.timedelta(days=1), 30.0, False),
    ],
)
def test_reopening_strictly_after_decision_and_strictly_above_5(day, pgv, reopens):
    q = quake(day, pgv, "evt")
    v = nc(base_case(claims=(vv_final(DECIDED),), shakings=(q,)))
    assert v.outcome is reopens
    assert v.extra["reopening_events"] == (["evt"] if reopens else [])
    assert v.extra["blocked_by"] == (None if reopens else "vv1")


def test_latest_final_decision_counts():
    claims = (
        vv_final(DECIDED),
        vv_final(D(2024, 1, 10), "avv", scheme="aanvullende_vaste_vergoeding"),
    )
    v = nc(base_case(claims=claims, shakings=(quake(D(2023, 1, 1), 9.0),)))
    assert v.outcome is False
    assert v.extra["blocked_by"] == "avv"


def test_vaste_vergoeding_is_final_whatever_its_flag_but_refusal_does_not_block():
    # a fixed compensation is always final: the flag false does not let a new claim through
    v = nc(base_case(claims=(vv_final(DECIDED, final=False),)))
    assert v.outcome is False and v.extra["blocked_by"] == "vv1"
    note = next(n for n in v.notes if n.id == "final_assumed")
    assert note.reason.key == "nc.final.overridden"
    refused = vv_final(DECIDED, final=None, outcome="afgewezen", amount=None)
    assert nc(base_case(claims=(refused,))).outcome is True


def test_vaste_vergoeding_without_final_flag_is_assumed_final():
    v = nc(base_case(claims=(vv_final(DECIDED, final=None),)))
    assert v.outcome is False
    assert any(n.id == "final_assumed" for n in v.notes)


def test_decision_after_as_of_is_invisible():
    v = nc(base_case(as_of=DECIDED - dt.timedelta(days=1), claims=(vv_final(DECIDED),)))
    assert v.outcome is True


def test_maatwerk_is_not_final_by_default(monkeypatch):
    m = Claim("m1", "maatwerk", D(2024, 1, 1), D(2024, 6, 1), "toegekend", 4000, True)
    assert policy.MAATWERK_FINALITY_FROM is None
    assert nc(base_case(claims=(m,))).outcome is True
    monkeypatch.setattr(policy, "MAATWERK_FINALITY_FROM", D(2024, 6, 1))
    assert nc(base_case(claims=(m,))).outcome is False
    monkeypatch.setattr(policy, "MAATWERK_FINALITY_FROM", D(2024, 6, 2))
    assert nc(base_case(claims=(m,))).outcome is True


def test_subsidence_route_reopens_for_settlement_damage_only():
    case = with_object(base_case(claims=(vv_final(DECIDED),)), in_subsidence_area=True)
    v = nc(case)
    assert v.outcome is True
    assert v.extra["settlement_damage_only"] is True
    assert result(v, "subsidence_route") == "pass"


def test_unknown_ground_motion_and_subsidence_keep_it_open():
    case = with_object(
        base_case(claims=(vv_final(DECIDED),), shakings=None), in_subsidence_area=None
    )
    assert nc(case).outcome is None


def test_repeat_compensation_mentioned_from_2026():
    q = quake(D(2025, 11, 14), 12.0)
    before = nc(base_case(as_of=D(2025, 12, 31), claims=(vv_final(DECIDED),), shakings=(q,)))
    after = nc(base_case(as_of=D(2026, 1, 1), claims=(vv_final(DECIDED),), shakings=(q,)))
    assert all(n.id != "vaste_herhaalvergoeding" for n in before.notes)
    assert any(n.id == "vaste_herhaalvergoeding" for n in after.notes)


@pytest.mark.parametrize(
    "pgv,required", [(4.99, False), (4.994, False), (4.995, True), (5.0, True)]
)
def test_nulmeting_from_5_mm_s_inclusive(pgv, required):
    v = assess(base_case(shakings=(quake(D(2018, 1, 8), pgv),))).verdicts["nulmeting"]
    assert v.outcome is required
    assert result(v, "pgv_threshold") == ("pass" if required else "fail")


def test_nulmeting_in_subsidence_area_and_unknowns():
    case = with_object(base_case(shakings=()), in_subsidence_area=True)
    assert assess(case).verdicts["nulmeting"].outcome is True
    case = with_object(base_case(shakings=None), in_subsidence_area=False)
    assert assess(case).verdicts["nulmeting"].outcome is None


@pytest.mark.parametrize("pgv", [4.996, 5.0, 5.004, 5.0049])
def test_text_and_logic_round_alike(pgv):
    """One rounding rule: a PGV shown as 5,00 mm/s is never called more than 5 mm/s."""
    q = quake(DECIDED + dt.timedelta(days=1), pgv, "evt")
    v = nc(base_case(claims=(vv_final(DECIDED),), shakings=(q,)))
    assert v.outcome is False
    reopen = next(c for c in v.conditions if c.id == "reopening_quake")
    assert reopen.result == "fail" and reopen.reason.key == "nc.reopen.fail.strongest"
    assert "5,00 mm/s bij het object" in reopen.reason.render("nl")
