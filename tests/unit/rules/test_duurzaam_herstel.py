"""Duurzaam herstel: area count, D3 threshold, maximum, pilot rules, dates."""

from __future__ import annotations

import pytest

from domain.rules import Claim, assess
from tests.unit.rules.factory import D, base_case, quake, result, with_dh, with_object


def dh(case):
    return assess(case).verdicts["duurzaam_herstel"]


def quakes(n, pgv=5.0, year=2015):
    return tuple(quake(D(year + i, 3, 1), pgv, f"e{i}") for i in range(n))


@pytest.mark.parametrize("n,expected", [(3, "fail"), (4, "pass")])
def test_dh_area_needs_four_quakes(n, expected):
    v = dh(base_case(shakings=quakes(n)))
    assert result(v, "dh_area") == expected
    assert v.outcome is (expected == "pass")


@pytest.mark.parametrize("pgv,expected", [(4.99, "fail"), (4.995, "pass"), (5.0, "pass")])
def test_dh_area_counts_5_mm_s_inclusive(pgv, expected):
    assert result(dh(base_case(shakings=quakes(4, pgv))), "dh_area") == expected


@pytest.mark.parametrize("last_day,expected", [(D(2025, 12, 31), "pass"), (D(2026, 1, 1), "fail")])
def test_dh_area_counts_only_quakes_before_2026(last_day, expected):
    shakings = quakes(3) + (quake(last_day, 8.0, "last"),)
    assert result(dh(base_case(shakings=shakings)), "dh_area") == expected


@pytest.mark.parametrize("d3,expected", [(4_999, "fail"), (5_000, "pass"), (None, "unknown")])
def test_d3_threshold(d3, expected):
    case = with_dh(base_case(shakings=quakes(4)), d3_damage_eur=d3)
    assert result(dh(case), "d3_threshold") == expected


@pytest.mark.parametrize("flag,expected", [(True, "pass"), (False, "fail"), (None, "unknown")])
def test_structural_defect_and_unhandled_damage(flag, expected):
    case = base_case(shakings=quakes(4))
    assert result(dh(with_dh(case, structural_defect=flag)), "structural_defect") == expected
    assert result(dh(with_dh(case, unhandled_damage=flag)), "unhandled_damage") == expected


@pytest.mark.parametrize(
    "woz,monument,maximum,capped",
    [
        (499_999, False, 499_999, True),
        (500_001, False, 500_000, True),
        (800_000, True, None, False),
        (None, False, None, None),
        (300_000, None, None, None),
    ],
)
def test_max_contribution(woz, monument, maximum, capped):
    v = dh(with_object(base_case(shakings=quakes(4)), woz_value=woz, rijksmonument=monument))
    got = v.extra["max_contribution_eur"]
    assert (got.eur if got is not None else None) == maximum
    assert v.extra["capped"] is capped


def test_pilot_dossier_finished_whatever_the_new_area_says():
    case = with_dh(base_case(shakings=()), pilot_dossier=True)
    v = dh(case)
    assert result(v, "dh_area") == "pass"
    assert v.extra["max_contribution_eur"].eur == 250_000  # new maximum: WOZ


@pytest.mark.parametrize("day,expected", [(D(2023, 6, 30), False), (D(2023, 7, 1), True)])
def test_not_in_force_before_the_pilot(day, expected):
    case = with_dh(base_case(as_of=day, shakings=quakes(4)), recognised_damage_eur=20_000)
    v = dh(case)
    assert result(v, "scheme_in_force") == ("pass" if expected else "fail")
    assert v.outcome is expected


@pytest.mark.parametrize("damage,expected", [(14_999, "fail"), (15_000, "pass")])
def test_pilot_threshold_15000_recognised_damage(damage, expected):
    case = with_dh(base_case(as_of=D(2025, 6, 1), shakings=()), recognised_damage_eur=damage)
    v = dh(case)
    assert result(v, "d3_threshold") == expected
    assert v.extra["max_contribution_eur"].eur == 125_000
    assert result(v, "dh_area") == "pass"  # Loppersum is a pilot place


def test_pilot_recognised_damage_summed_from_awarded_claims():
    claims = (
        Claim("m1", "maatwerk", D(2020, 1, 1), D(2020, 5, 1), "toegekend", 9_000),
        Claim("m2", "maatwerk", D(2022, 1, 1), D(2022, 5, 1), "deels_toegekend", 6_000),
        Claim("m3", "maatwerk", D(2023, 1, 1), D(2023, 5, 1), "afgewezen", 50_000),
    )
    case = base_case(as_of=D(2025, 6, 1), claims=claims)
    assert result(dh(case), "d3_threshold") == "pass"
    assert dh(case).condition("d3_threshold").facts["damage_eur"] == 15_000


@pytest.mark.parametrize("day,expected", [(D(2023, 12, 31), "fail"), (D(2024, 1, 1), "pass")])
def test_pilot_area_widened_to_strengthening_in_2024(day, expected):
    case = with_object(base_case(as_of=day), place="Hoogezand", in_ncg_programme=True)
    assert result(dh(case), "dh_area") == expected


def test_outside_area_hint_ivs_cbs_only_in_effect_area():
    v = dh(base_case(shakings=quakes(1)))
    assert any(n.id == "ivs_cbs_hint" for n in v.notes)
    v = dh(base_case(shakings=(quake(D(2018, 1, 1), 1.0),)))
    assert all(n.id != "ivs_cbs_hint" for n in v.notes)


@pytest.mark.parametrize(
    "day,regime,cap",
    [(D(2025, 12, 31), "pilot", 125_000), (D(2026, 1, 1), "beleidsregel_2026", 250_000)],
)
def test_regime_switch_on_2026_01_01(day, regime, cap):
    case = with_dh(base_case(as_of=day, shakings=quakes(4)), recognised_damage_eur=20_000)
    v = dh(case)
    assert v.extra["regime"] == regime
    assert v.extra["max_contribution_eur"].eur == cap


def test_woz_exactly_500000_is_not_capped_below():
    v = dh(with_object(base_case(shakings=quakes(4)), woz_value=500_000))
    assert v.extra["max_contribution_eur"].eur == 500_000


@pytest.mark.parametrize(
    "use,expected", [("woning", "pass"), ("niet-woning", "fail"), (None, "unknown")]
)
def test_lasting_repair_is_for_homes_only(use, expected):
    case = with_object(base_case(shakings=quakes(4, 6.0)), use=use, rijksmonument=True)
    v = dh(case)
    assert result(v, "woning") == expected
    assert v.outcome is {"pass": True, "fail": False, "unknown": None}[expected]


def test_pilot_dossier_is_finished_with_the_new_maximum_citing_the_kamerbrief():
    from domain import policy

    case = with_dh(
        with_object(base_case(shakings=()), woz_value=800_000.0, place="Groningen"),
        pilot_dossier=True,
        d3_damage_eur=1000,
        structural_defect=None,
    )
    v = dh(case)
    assert v.outcome is True
    assert v.extra["max_contribution_eur"].eur == policy.DH_MAX_CONTRIBUTION_EUR
    assert v.condition("dh_area").source == policy.SRC_DH_PILOT_DOSSIERS
    assert policy.SRC_DH_PILOT_DOSSIERS in v.sources
    assert {c.id for c in v.conditions} == {"scheme_in_force", "woning", "dh_area"}
