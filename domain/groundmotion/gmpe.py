"""Peak ground velocity at a site from one quake: the Groningen PGV model of Bommer et al.

The IMG thresholds are stated at 1% exceedance, so the value the rules compare is not the
median but ``median · exp(z·σ)`` with ``z = Φ⁻¹(1 − p)``. The model version is a setting so a
2019 variant can be added once its equations are confirmed; only ``bommer2022`` exists now.

Everything here broadcasts over numpy arrays because exposure runs over hundreds of thousands
of objects; the per-quake and per-site parts are split out (:func:`event_terms`,
:func:`site_terms`, :func:`ln_pgv_from_parts`) so the fast and the dense exposure paths do the
very same floating-point operations and agree bit for bit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np

from domain import policy

COMPONENTS = ("larger", "geomean", "maxrot")
MODEL_VERSIONS = ("bommer2022",)
HINGE_NEAR_KM = 7.0
HINGE_FAR_KM = 12.0


@dataclass(frozen=True)
class Coefficients:
    """One row of the model's coefficient table (ln PGV in cm/s)."""

    c1: float
    c2: float
    c3: float
    c4: float
    c5: float
    c6: float
    c7: float
    c8: float
    tau: float
    phi_s2s: float
    phi_ss: float

    @property
    def sigma(self) -> float:
        return math.sqrt(self.tau**2 + self.phi_s2s**2 + self.phi_ss**2)


# Bommer et al. 2021/2022, PGV; three public implementations agree on these values.
COEFFICIENTS: dict[str, dict[str, Coefficients]] = {
    "bommer2022": {
        "geomean": Coefficients(
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
        "larger": Coefficients(
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
        "maxrot": Coefficients(
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
}


@dataclass(frozen=True)
class GroundMotionSettings:
    """Which component, which exceedance probability and which model version are used.

    Defaults come from policy; IMG's component is an assumption the user may change.
    """

    component: str = policy.DEFAULT_COMPONENT
    exceedance: float = policy.DEFAULT_EXCEEDANCE
    model_version: str = policy.GMPE_MODEL_VERSION

    def __post_init__(self) -> None:
        if self.component not in COMPONENTS:
            raise ValueError(f"component {self.component!r}: choose one of {', '.join(COMPONENTS)}")
        if not 0.0 < float(self.exceedance) < 1.0:
            raise ValueError(f"exceedance {self.exceedance!r}: give a probability between 0 and 1")
        if self.model_version not in MODEL_VERSIONS:
            raise ValueError(
                f"model version {self.model_version!r}: available {', '.join(MODEL_VERSIONS)}"
            )

    @property
    def coefficients(self) -> Coefficients:
        return COEFFICIENTS[self.model_version][self.component]

    @property
    def z(self) -> float:
        """Standard normal quantile Φ⁻¹(1 − p)."""
        return NormalDist().inv_cdf(1.0 - float(self.exceedance))

    def ln_factor(self, median: bool = False) -> float:
        """ln of the factor from the median to the value at the exceedance in use."""
        return 0.0 if median else self.z * self.coefficients.sigma


DEFAULT_SETTINGS = GroundMotionSettings()
_LN_CM_TO_MM = math.log(10.0)
_LN_7 = math.log(HINGE_NEAR_KM)
_LN_12 = math.log(HINGE_FAR_KM)


def g_of_r(r_km, c: Coefficients):
    """Geometric spreading, three segments hinged at 7 and 12 km (continuous).

    Written as slopes in ln R that change at the hinges, so one logarithm serves all three
    segments (this is the hot loop of exposure at scale).
    """
    ln_r = np.log(np.asarray(r_km, dtype=float))
    return (
        c.c3 * ln_r
        + (c.c4 - c.c3) * np.maximum(ln_r - _LN_7, 0.0)
        + (c.c5 - c.c4) * np.maximum(ln_r - _LN_12, 0.0)
    )


def event_terms(ml, depth_km, settings: GroundMotionSettings = DEFAULT_SETTINGS, median=False):
    """Per-quake parts: (ln of the magnitude term incl. exceedance and mm/s, h² + depth²).

    Missing depth (NaN) takes the policy default.
    """
    c = settings.coefficients
    ml = np.asarray(ml, dtype=float)
    depth = np.asarray(depth_km, dtype=float)
    depth = np.where(np.isnan(depth), policy.DEFAULT_DEPTH_KM, depth)
    h = np.exp(c.c6 + c.c7 * ml)
    a = c.c1 + c.c2 * ml + settings.ln_factor(median) + _LN_CM_TO_MM
    return a, h * h + depth * depth


def site_terms(vs30, settings: GroundMotionSettings = DEFAULT_SETTINGS):
    """Per-site part: the VS30 term (zero at 200 m/s)."""
    vs30 = np.asarray(vs30, dtype=float)
    return settings.coefficients.c8 * np.log(vs30 / 200.0)


def ln_pgv_from_parts(a, depth2, site, epi2_km2, settings: GroundMotionSettings = DEFAULT_SETTINGS):
    """ln PGV in mm/s from the split parts and the squared epicentral distance in km².

    Works in ln R² (no square root) and in place on one array; this is the inner loop of
    exposure at scale.
    """
    c = settings.coefficients
    shape = np.broadcast_shapes(*(np.shape(v) for v in (a, depth2, site, epi2_km2)))
    out = np.add(epi2_km2, depth2, dtype=float)
    if out.shape != shape:
        out = np.broadcast_to(out, shape).copy()
    np.log(out, out=out)  # ln R²
    near = out - 2.0 * _LN_7
    np.maximum(near, 0.0, out=near)
    near *= 0.5 * (c.c4 - c.c3)
    far = out - 2.0 * _LN_12
    np.maximum(far, 0.0, out=far)
    far *= 0.5 * (c.c5 - c.c4)
    out *= 0.5 * c.c3
    out += near
    out += far
    out += a
    out += site
    return out


def pgv_mm_s(
    ml,
    r_hyp_km,
    vs30=policy.DEFAULT_VS30_M_S,
    settings: GroundMotionSettings = DEFAULT_SETTINGS,
    median: bool = False,
):
    """PGV in mm/s for magnitude ``ml`` at hypocentral distance ``r_hyp_km``; broadcasts.

    ``median=True`` gives the median; otherwise the value at the exceedance in ``settings``.
    """
    c = settings.coefficients
    ml = np.asarray(ml, dtype=float)
    r_hyp = np.asarray(r_hyp_km, dtype=float)
    h = np.exp(c.c6 + c.c7 * ml)
    r = np.sqrt(r_hyp * r_hyp + h * h)
    ln_cm = c.c1 + c.c2 * ml + g_of_r(r, c) + site_terms(vs30, settings)
    out = np.exp(ln_cm + settings.ln_factor(median)) * 10.0
    return float(out) if out.ndim == 0 else out


def distance_for_pgv(
    ml,
    depth_km,
    threshold_mm_s: float,
    vs30=policy.DEFAULT_VS30_M_S,
    settings: GroundMotionSettings = DEFAULT_SETTINGS,
    median: bool = False,
):
    """Epicentral distance (km) within which PGV ≥ ``threshold_mm_s``; -1 where nowhere.

    Exact inverse of the piecewise model (PGV falls monotonically with distance), used to
    prune object–quake pairs: with the lowest VS30 present it bounds every object.
    """
    c = settings.coefficients
    a, depth2 = event_terms(ml, depth_km, settings, median)
    need = math.log(threshold_mm_s) - a - site_terms(vs30, settings)  # g(R) must be ≥ need
    g7 = c.c3 * math.log(HINGE_NEAR_KM)
    g12 = g7 + c.c4 * math.log(HINGE_FAR_KM / HINGE_NEAR_KM)
    r_near = np.exp(need / c.c3)
    r_mid = HINGE_NEAR_KM * np.exp((need - g7) / c.c4)
    r_far = HINGE_FAR_KM * np.exp((need - g12) / c.c5)
    r = np.where(need >= g7, r_near, np.where(need >= g12, r_mid, r_far))
    epi2 = r * r - depth2
    out = np.where(epi2 >= 0.0, np.sqrt(np.maximum(epi2, 0.0)), -1.0)
    return float(out) if out.ndim == 0 else out
