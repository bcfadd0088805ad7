"""Aanvullende vaste vergoeding: earlier payments by NAM, CVW, TCMG or IMG topped up to the cap."""

from __future__ import annotations

import datetime as dt

import pytest

from domain import policy
from domain.rules import Claim, Ownership
from domain.rules.aanvullende_vaste_vergoeding import assess_aanvullende_vaste_vergoeding as avv
from tests.unit.rules.factory import D, base_case, result, with_object


def award(amount, handler="IMG", cid="m1", scheme="maatwerk", outcome="toegekend", **kw) -> Claim:
    return Claim(cid, scheme, D(2020, 1, 6), D(2020, 6, 1), outcome, amount, handler=handler, **kw)


@pytest.mark.parametrize(
    "small,amounts,eligible,top_up",
    [
        (False, [3000], True, 7000),
        (True, [3000], True, 2000),
        (False, [6000, 3999], True, 1),
        (False, [6000, 4000], False, None),
        (True, [5000], False, None),
        (False, [12000], False, None),
    ],
)
def test_top_up_is_the_cap_minus_the_total(small, amounts, eligible, top_up):
    claims = tuple(award(a, cid=f"m{i}") for i, a in enumerate(amounts))
    v = avv(with_object(base_case(claims=claims), small=small))
    assert v.outcome is eligible
    assert (v.extra["amount_eur"].eur if v.extra["amount_eur"] else None) == top_up
    assert result(v, "below_cap") == ("pass" if eligible else "fail")


def test_no_earlier_payment_is_a_no_with_nothing_to_top_up():
    refused = award(3000, outcome="afgewezen")
    v = avv(base_case(claims=(refused,)))
    assert v.outcome is False and result(v, "earlier_payment") == "fail"
    assert v.extra["amount_eur"] is None


@pytest.mark.parametrize(
    "claim,unknown",
    [
        (award(3000, handler=None), "earlier_payment"),
        (award(None), "below_cap"),
        (award(3000, outcome=None), "earlier_payment"),
    ],
)
def test_missing_facts_keep_the_answer_open(claim, unknown):
    v = avv(base_case(claims=(claim,)))
    assert v.outcome is None and result(v, unknown) == "unknown"
    assert v.extra["amount_eur"] is None


def test_unknown_size_passes_below_the_small_cap_but_gives_no_amount():
    low = avv(with_object(base_case(claims=(award(3000),)), small=None))
    assert low.outcome is True and low.extra["amount_eur"] is None
    middle = avv(with_object(base_case(claims=(award(7000),)), small=None))
    assert middle.outcome is None and result(middle, "below_cap") == "unknown"
    high = avv(with_object(base_case(claims=(award(10000),)), small=None))
    assert high.outcome is False


def test_a_known_total_at_the_cap_is_a_no_even_with_an_unknown_handler():
    claims = (award(10000, cid="a"), award(500, handler=None, cid="b"))
    v = avv(base_case(claims=claims))
    assert v.outcome is False and result(v, "below_cap") == "fail"


def test_img_only_scheme_is_imgs_without_a_handler():
    vv = award(10000, handler=None, scheme="vaste_vergoeding", final=True)
    v = avv(base_case(claims=(vv,)))
    assert result(v, "earlier_payment") == "pass" and v.outcome is False


@pytest.mark.parametrize("day,eligible", [(D(2025, 12, 31), False), (D(2026, 1, 1), True)])
def test_former_owner_qualifies_from_the_policy_date(day, eligible):
    assert policy.AVV_FORMER_OWNERS_FROM.isoformat() == "2026-01-01"
    owners = (
        Ownership("p1", True, "eigendom", D(2000, 1, 1), D(2024, 3, 1)),
        Ownership("p2", True, "eigendom", D(2024, 3, 1)),
    )
    v = avv(base_case(as_of=day, owners=owners, claims=(award(2500),)))
    assert v.outcome is eligible and v.extra["former_owner"] is True
    assert result(v, "holds_object") == ("pass" if eligible else "fail")
    assert any(n.id == "former_owner_date" for n in v.notes) is eligible


def test_someone_who_never_owned_it_fails_and_an_unknown_period_is_unknown():
    tenant = (Ownership("p1", True, "huur", D(2000, 1, 1)),)
    v = avv(base_case(owners=tenant, claims=(award(2500),)))
    assert result(v, "holds_object") == "fail"
    undated = (Ownership("p1", True, "eigendom", None),)
    v = avv(base_case(owners=undated, claims=(award(2500),)))
    assert result(v, "holds_object") == "unknown"
    v = avv(base_case(applicant=None, claims=(award(2500),)))
    assert result(v, "holds_object") == "unknown"


def test_later_awards_are_not_seen():
    later = Claim("m9", "maatwerk", D(2026, 4, 1), D(2026, 5, 1), "toegekend", 3000, handler="CVW")
    from domain.rules import assess

    v = assess(base_case(as_of=dt.date(2026, 3, 1), claims=(later,)))
    assert v.verdicts["aanvullende_vaste_vergoeding"].outcome is False
