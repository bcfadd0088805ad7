"""Vaste vergoeding: every condition on both sides of its boundary."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from domain.rules import Claim, Ownership, RuleSettings, assess
from domain.rules.vaste_vergoeding import assess_vaste_vergoeding
from tests.unit.rules.factory import D, base_case, quake, result, with_object


def vv(case, settings=None):
    return assess(case, settings).verdicts["vaste_vergoeding"]


def test_base_case_is_eligible_with_full_amount():
    v = vv(base_case())
    assert v.outcome is True
    assert [c.result for c in v.conditions] == ["pass"] * 8
    assert v.extra["amount_eur"].eur == 10_000


def test_fixed_condition_ids():
    ids = [c.id for c in vv(base_case()).conditions]
    for cid in (
        "first_report",
        "natural_person",
        "holds_object",
        "co_owner_consent",
        "location",
        "application_limit",
        "whole_object",
    ):
        assert cid in ids


@pytest.mark.parametrize("small,amount", [(True, 5_000), (False, 10_000)])
def test_amount_small_object(small, amount):
    assert vv(with_object(base_case(), small=small)).extra["amount_eur"].eur == amount


def test_amount_unknown_when_size_unknown():
    assert vv(with_object(base_case(), small=None)).extra["amount_eur"] is None


@pytest.mark.parametrize("day,expected", [(D(2021, 10, 31), "fail"), (D(2021, 11, 1), "pass")])
def test_scheme_start_date(day, expected):
    v = vv(base_case(as_of=day))
    assert result(v, "scheme_in_force") == expected
    assert v.outcome is (expected == "pass")


@pytest.mark.parametrize("pgv,expected", [(1.99, "fail"), (1.995, "pass"), (2.0, "pass")])
def test_location_effect_area_threshold_2_mm_s(pgv, expected):
    case = base_case(shakings=(quake(D(2018, 1, 8), pgv),), object=base_case().object)
    case = with_object(case, within_6km_zone=False)
    assert result(vv(case), "location") == expected


@pytest.mark.parametrize("year,expected", [(2018, "fail"), (2017, "pass")])
def test_quake_must_be_in_a_later_calendar_year_than_construction(year, expected):
    case = with_object(base_case(), construction_year=year, within_6km_zone=False)
    assert result(vv(case), "location") == expected


def test_in_effect_area_without_later_quake_does_not_fall_back_to_6km_route():
    case = with_object(base_case(), construction_year=2018, within_6km_zone=True)
    assert result(vv(case), "location") == "fail"


@pytest.mark.parametrize("year,expected", [(2012, "pass"), (2013, "fail")])
def test_6km_zone_built_before_2013(year, expected):
    case = with_object(base_case(shakings=(quake(D(2018, 1, 8), 1.5),)), construction_year=year)
    v = vv(case)
    assert result(v, "location") == expected
    assert v.condition("location").facts["route_6km_zone"] == expected


def test_6km_zone_outside_zone_fails():
    case = with_object(base_case(shakings=()), within_6km_zone=False)
    assert result(vv(case), "location") == "fail"


def test_subsidence_area_route_passes_without_quakes():
    case = with_object(base_case(shakings=()), in_subsidence_area=True, within_6km_zone=False)
    assert result(vv(case), "location") == "pass"


def test_location_unknown_when_ground_motion_not_computed_and_no_other_route():
    case = with_object(base_case(shakings=None), within_6km_zone=False)
    assert result(vv(case), "location") == "unknown"
    assert vv(case).outcome is None


def test_location_unknown_without_construction_year():
    case = with_object(base_case(), construction_year=None, within_6km_zone=False)
    assert result(vv(case), "location") == "unknown"


def test_during_ownership_window_needs_quake_while_owned():
    owned_from = Ownership("p1", True, "eigendom", D(2019, 1, 1))
    case = with_object(base_case(owners=(owned_from,)), within_6km_zone=False)
    assert result(vv(case), "location") == "pass"  # default: since construction
    window = RuleSettings("during_ownership")
    assert result(vv(case, window), "location") == "fail"
    earlier = replace(case, owners=(Ownership("p1", True, "eigendom", D(2018, 1, 8)),))
    assert result(vv(earlier, window), "location") == "pass"


@pytest.mark.parametrize("prior,expected", [(2, "pass"), (3, "fail"), (None, "unknown")])
def test_application_limit_fewer_than_three(prior, expected):
    assert result(vv(base_case(prior_applications=prior)), "application_limit") == expected


@pytest.mark.parametrize("natural,expected", [(True, "pass"), (False, "fail"), (None, "unknown")])
def test_natural_person(natural, expected):
    case = base_case(owners=(Ownership("p1", natural, "eigendom", D(2000, 1, 1)),))
    assert result(vv(case), "natural_person") == expected


@pytest.mark.parametrize(
    "right,expected",
    [
        ("eigendom", "pass"),
        ("beklemrecht", "pass"),
        ("opstal", "pass"),
        ("erfpacht", "pass"),
        ("huur", "fail"),
        (None, "unknown"),
    ],
)
def test_holds_object_by_right(right, expected):
    case = base_case(owners=(Ownership("p1", True, right, D(2000, 1, 1)),))
    assert result(vv(case), "holds_object") == expected


def test_holds_object_at_application_and_now():
    request = Claim("a1", "vaste_vergoeding", submitted=D(2026, 2, 1))
    sold_on_application_day = Ownership("p1", True, "eigendom", D(2000, 1, 1), until=D(2026, 2, 1))
    case = base_case(owners=(sold_on_application_day,), claims=(request,))
    assert result(vv(case), "holds_object") == "fail"
    bought_after_application = Ownership("p1", True, "eigendom", D(2026, 2, 2))
    case = base_case(owners=(bought_after_application,), claims=(request,))
    assert result(vv(case), "holds_object") == "fail"
    bought_on_application_day = Ownership("p1", True, "eigendom", D(2026, 2, 1))
    case = base_case(owners=(bought_on_application_day,), claims=(request,))
    assert result(vv(case), "holds_object") == "pass"


def test_applicant_not_among_owners_does_not_hold():
    assert result(vv(base_case(applicant="p9")), "holds_object") == "fail"


@pytest.mark.parametrize("consents,expected", [(True, "pass"), (False, "fail"), (None, "unknown")])
def test_co_owner_consent(consents, expected):
    owners = (
        Ownership("p1", True, "eigendom", D(2000, 1, 1)),
        Ownership("p2", True, "eigendom", D(2000, 1, 1), consents=consents),
    )
    assert result(vv(base_case(owners=owners)), "co_owner_consent") == expected


def test_former_owner_or_tenant_is_not_a_co_owner():
    owners = (
        Ownership("p1", True, "eigendom", D(2000, 1, 1)),
        Ownership("p2", True, "eigendom", D(1990, 1, 1), until=D(2000, 1, 1), consents=False),
        Ownership("p3", True, "huur", D(2010, 1, 1), consents=False),
    )
    assert result(vv(base_case(owners=owners)), "co_owner_consent") == "pass"


@pytest.mark.parametrize("whole,expected", [(True, "pass"), (False, "fail"), (None, "unknown")])
def test_whole_object(whole, expected):
    assert result(vv(base_case(whole_object=whole)), "whole_object") == expected


def test_first_report_fails_after_an_earlier_claim():
    earlier = Claim(
        "m1", "maatwerk", submitted=D(2020, 1, 1), decided=D(2020, 6, 1), outcome="toegekend"
    )
    assert result(vv(base_case(claims=(earlier,))), "first_report") == "fail"


def test_running_first_maatwerk_request_may_be_switched():
    running = Claim("m1", "maatwerk", submitted=D(2026, 1, 10))
    assert result(vv(base_case(claims=(running,))), "first_report") == "pass"


def test_withdrawn_request_and_other_schemes_do_not_count_as_report():
    claims = (
        Claim(
            "m1", "maatwerk", submitted=D(2022, 1, 1), decided=D(2022, 2, 1), outcome="ingetrokken"
        ),
        Claim("i1", "ims", submitted=D(2023, 1, 1), decided=D(2023, 3, 1), outcome="toegekend"),
        Claim("w1", "waardedaling", submitted=D(2023, 1, 1)),
    )
    assert result(vv(base_case(claims=claims)), "first_report") == "pass"


def test_the_application_itself_is_not_an_earlier_report():
    request = Claim("a1", "vaste_vergoeding", submitted=D(2026, 2, 1))
    assert result(vv(base_case(claims=(request,))), "first_report") == "pass"


@pytest.mark.parametrize("pgv,situation", [(8.49, "B"), (8.5, "A"), (2.0, "B"), (1.9, None)])
def test_situation_a_b(pgv, situation):
    v = vv(base_case(shakings=(quake(D(2018, 1, 8), pgv),)))
    assert v.extra["situation"] == situation


@pytest.mark.parametrize(
    "year,feature,pgv,kwetsbaar",
    [
        (1969, True, 1.6, True),
        (1970, True, 1.6, False),
        (1969, False, 1.6, False),
        (1969, True, 1.59, False),
        (1969, None, 1.6, None),
    ],
)
def test_subsidence_presumption_bijzonder_kwetsbaar(year, feature, pgv, kwetsbaar):
    case = with_object(
        base_case(shakings=(quake(D(2018, 1, 8), pgv),)),
        in_subsidence_area=True,
        construction_year=year,
        special_structural_feature=feature,
    )
    v = vv(case)
    assert v.extra["bijzonder_kwetsbaar"] is kwetsbaar
    assert v.extra["settlement_damage_only"] is (None if kwetsbaar is None else not kwetsbaar)


def test_direct_call_equals_assess_on_visible_case():
    case = base_case()
    assert assess_vaste_vergoeding(case).outcome == vv(case).outcome


def test_quake_after_as_of_is_invisible():
    case = with_object(base_case(shakings=(quake(D(2026, 3, 2), 9.0),)), within_6km_zone=False)
    assert result(vv(case), "location") == "fail"
    assert result(vv(replace(case, as_of=D(2026, 3, 2))), "location") == "pass"
    assert isinstance(case.as_of, dt.date)
