"""The PGV model against values computed by hand from the published formula and coefficients."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.groundmotion.gmpe import GroundMotionSettings, distance_for_pgv, pgv_mm_s

# Coefficients typed from the model table (Bommer et al. 2021/2022, PGV), independent of the product.
TABLE = {
    "geomean": (
        -3.9045,
        2.3004,
        -2.6496,
        -1.0908,
        -2.0089,
        -3.3276,
        1.1513,
        -0.2977,
        0.2488,
        0.2420,
        0.4160,
    ),
    "larger": (
        -3.3996,
        2.3258,
        -2.8522,
        -1.0151,
        -2.1002,
        -3.4407,
        1.1513,
        -0.3295,
        0.2448,
        0.2406,
        0.4569,
    ),
    "maxrot": (
        -3.2738,
        2.3343,
        -2.8857,
        -1.0060,
        -2.1016,
        -3.3940,
        1.1513,
        -0.3354,
        0.2470,
        0.2442,
        0.4530,
    ),
}
Z = {0.01: 2.3263478740408408, 0.5: 0.0}


def by_hand(component: str, ml: float, r_hyp: float, vs30: float, p: float | None) -> float:
    c1, c2, c3, c4, c5, c6, c7, c8, tau, s2s, ss = TABLE[component]
    h = math.exp(c6 + c7 * ml)
    r = math.sqrt(r_hyp**2 + h**2)
    if r <= 7:
        g = c3 * math.log(r)
    elif r <= 12:
        g = c3 * math.log(7) + c4 * math.log(r / 7)
    else:
        g = c3 * math.log(7) + c4 * math.log(12 / 7) + c5 * math.log(r / 12)
    ln_cm = c1 + c2 * ml + g + c8 * math.log(vs30 / 200)
    sigma = math.sqrt(tau**2 + s2s**2 + ss**2)
    factor = 1.0 if p is None else math.exp(Z[p] * sigma)
    return math.exp(ln_cm) * 10.0 * factor


def r_hyp_for(component: str, ml: float, r_total: float) -> float:
    """Hypocentral distance that puts R exactly at ``r_total`` (for the hinges)."""
    _, _, _, _, _, c6, c7, *_ = TABLE[component]
    h = math.exp(c6 + c7 * ml)
    return math.sqrt(r_total**2 - h**2)


CASES = [
    # (ml, r_hyp) for each distance segment
    (2.0, 3.0),  # R ≤ 7
    (3.0, 9.5),  # 7 < R ≤ 12
    (3.6, 20.0),  # R > 12
    (1.2, 45.0),  # far segment, small quake
]


@pytest.mark.parametrize("component", ["larger", "geomean", "maxrot"])
@pytest.mark.parametrize("vs30", [150.0, 200.0, 300.0])
@pytest.mark.parametrize("p", [0.01, 0.5])
@pytest.mark.parametrize("ml,r_hyp", CASES)
def test_pgv_matches_hand_calculation_in_every_segment(component, vs30, p, ml, r_hyp):
    s = GroundMotionSettings(component=component, exceedance=p)
    expected = by_hand(component, ml, r_hyp, vs30, p)
    assert pgv_mm_s(ml, r_hyp, vs30, s) == pytest.approx(expected, rel=1e-10)
    assert pgv_mm_s(ml, r_hyp, vs30, s, median=True) == pytest.approx(
        by_hand(component, ml, r_hyp, vs30, None), rel=1e-10
    )


@pytest.mark.parametrize("component", ["larger", "geomean", "maxrot"])
@pytest.mark.parametrize("hinge", [7.0, 12.0])
def test_hinges_are_exact_and_continuous(component, hinge):
    s = GroundMotionSettings(component=component)
    ml = 2.5
    r_hyp = r_hyp_for(component, ml, hinge)
    at = pgv_mm_s(ml, r_hyp, 200.0, s)
    assert at == pytest.approx(by_hand(component, ml, r_hyp, 200.0, 0.01), rel=1e-10)
    # both neighbouring segments give the same value at the hinge (continuity)
    c1, c2, c3, c4, c5, *_ = TABLE[component]
    left = c3 * math.log(7) if hinge == 7 else c3 * math.log(7) + c4 * math.log(12 / 7)
    right = c3 * math.log(7) + c4 * math.log(hinge / 7)
    assert left == pytest.approx(right, abs=1e-12)
    just_in = pgv_mm_s(ml, r_hyp_for(component, ml, hinge - 1e-6), 200.0, s)
    just_out = pgv_mm_s(ml, r_hyp_for(component, ml, hinge + 1e-6), 200.0, s)
    assert just_in > at > just_out
    assert just_in == pytest.approx(at, rel=1e-5) and just_out == pytest.approx(at, rel=1e-5)


def test_exceedance_factor_at_one_percent():
    s1 = GroundMotionSettings(exceedance=0.01)
    sigma = math.sqrt(0.2448**2 + 0.2406**2 + 0.4569**2)
    ratio = pgv_mm_s(3.0, 5.0, settings=s1) / pgv_mm_s(3.0, 5.0, settings=s1, median=True)
    assert ratio == pytest.approx(math.exp(2.3263478740408408 * sigma), rel=1e-9)
    assert GroundMotionSettings(exceedance=0.5).z == pytest.approx(0.0, abs=1e-12)


def test_vs30_200_has_no_site_term_and_150_raises_pgv():
    assert pgv_mm_s(3.0, 5.0, 200.0) == pytest.approx(by_hand("larger", 3.0, 5.0, 200.0, 0.01))
    ratio = pgv_mm_s(3.0, 5.0, 150.0) / pgv_mm_s(3.0, 5.0, 200.0)
    assert ratio == pytest.approx(math.exp(-0.3295 * math.log(150 / 200)), rel=1e-10)


def test_huizinge_sanity_figures():
    # ML 3.6 straight above the site (depth 3 km): median about 37 mm/s
    assert pgv_mm_s(3.6, 3.0, median=True) == pytest.approx(37.0, abs=0.5)
    # the 2 and 5 mm/s (1%) contours lie about 28 and 18 km from the epicentre
    assert distance_for_pgv(3.6, 3.0, 2.0) == pytest.approx(28.0, abs=0.6)
    assert distance_for_pgv(3.6, 3.0, 5.0) == pytest.approx(18.0, abs=0.6)


@pytest.mark.parametrize("threshold", [0.5, 2.0, 5.0, 30.0])
@pytest.mark.parametrize("vs30", [150.0, 200.0, 300.0])
def test_distance_for_pgv_is_the_exact_inverse(threshold, vs30):
    ml, depth = 3.4, 3.0
    d = distance_for_pgv(ml, depth, threshold, vs30)
    assert d > 0
    at = pgv_mm_s(ml, math.hypot(d, depth), vs30)
    assert at == pytest.approx(threshold, rel=1e-9)
    assert pgv_mm_s(ml, math.hypot(d * 0.999, depth), vs30) > threshold
    assert pgv_mm_s(ml, math.hypot(d * 1.001, depth), vs30) < threshold


def test_distance_for_pgv_reports_unreachable():
    assert distance_for_pgv(0.2, 3.0, 5.0) == -1.0


def test_settings_reject_unknown_values():
    with pytest.raises(ValueError):
        GroundMotionSettings(component="vertical")
    with pytest.raises(ValueError):
        GroundMotionSettings(exceedance=1.0)
    with pytest.raises(ValueError):
        GroundMotionSettings(model_version="bommer2019")


def test_broadcasting_over_arrays():
    out = pgv_mm_s(np.array([2.0, 3.0]), np.array([[3.0], [10.0]]))
    assert out.shape == (2, 2)
    assert out[1, 1] == pytest.approx(by_hand("larger", 3.0, 10.0, 200.0, 0.01))


# The model's magnitude scaling turns negative very close to the source once the near-source
# term h(M) exceeds about 1.5 x R_hyp (ML > ~4.2 at 3 km): outside the Groningen catalogue
# (max ML 3.6, depths ~3 km), so the properties are checked over ML -1..4 and R_hyp >= 3 km.
ml_st = st.floats(min_value=-1.0, max_value=4.0)
r_st = st.floats(min_value=3.0, max_value=80.0)
vs_st = st.floats(min_value=100.0, max_value=800.0)
comp_st = st.sampled_from(["larger", "geomean", "maxrot"])


@settings(max_examples=200, deadline=None)
@given(ml_st, r_st, st.floats(min_value=0.01, max_value=20.0), vs_st, comp_st)
def test_pgv_falls_with_distance(ml, r, dr, vs30, comp):
    s = GroundMotionSettings(component=comp)
    assert pgv_mm_s(ml, r + dr, vs30, s) < pgv_mm_s(ml, r, vs30, s)


@settings(max_examples=200, deadline=None)
@given(ml_st, st.floats(min_value=0.01, max_value=2.0), r_st, vs_st, comp_st)
def test_pgv_rises_with_magnitude(ml, dm, r, vs30, comp):
    s = GroundMotionSettings(component=comp)
    assert pgv_mm_s(ml + dm, r, vs30, s) > pgv_mm_s(ml, r, vs30, s)


@settings(max_examples=200, deadline=None)
@given(ml_st, r_st, vs_st, st.floats(min_value=1.0, max_value=300.0), comp_st)
def test_pgv_rises_as_vs30_falls(ml, r, vs30, dv, comp):
    s = GroundMotionSettings(component=comp)
    assert pgv_mm_s(ml, r, vs30, s) > pgv_mm_s(ml, r, vs30 + dv, s)
