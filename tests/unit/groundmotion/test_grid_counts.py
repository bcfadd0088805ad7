"""The grid counts behind the area polygons equal exposure at scale on the cell centres."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from domain import policy
from domain.groundmotion.catalog import Catalog, Quake
from domain.groundmotion.exposure import exposure_at_scale, grid_counts
from domain.groundmotion.gmpe import GroundMotionSettings, distance_for_pgv
from domain.importers.catalog import load_catalog

UTC = dt.timezone.utc
THRESHOLDS = [
    (policy.EFFECT_AREA_PGV_MM_S, None),
    (policy.NULMETING_PGV_MM_S, policy.DH_QUAKES_BEFORE),
]


def _exact(catalog, xs, ys, settings=GroundMotionSettings(), as_of=None):
    gx, gy = (a.ravel() for a in np.meshgrid(xs, ys))
    exp = exposure_at_scale(
        catalog,
        gx,
        gy,
        None,
        settings,
        as_of,
        # half a display step below 2 mm/s is shown, and so counted, as 2,00
        floor_mm_s=policy.pgv_lowest_shown_as(policy.EFFECT_AREA_PGV_MM_S),
    )
    shape = (len(ys), len(xs))
    return exp.count_ge_2.reshape(shape), exp.count_ge_5_before_2026.reshape(shape)


@pytest.mark.parametrize("as_of", [None, dt.date(2017, 6, 30)])
def test_grid_counts_equal_exposure_at_scale_on_the_real_catalogue(groningen_catalog, as_of):
    catalog = load_catalog(groningen_catalog)
    xs = 225_000 + (np.arange(180) + 0.5) * 250.0
    ys = 570_000 + (np.arange(160) + 0.5) * 250.0
    ge2, ge5 = grid_counts(catalog, xs, ys, THRESHOLDS, as_of=as_of)
    want2, want5 = _exact(catalog, xs, ys, as_of=as_of)
    assert ge2.sum() > 1000 and ge5.max() >= policy.DH_MIN_QUAKES
    np.testing.assert_array_equal(ge2, want2)
    np.testing.assert_array_equal(ge5, want5)


def test_cells_on_the_edge_of_a_quakes_reach_are_decided_exactly():
    q = Quake("e", dt.datetime(2020, 1, 1, tzinfo=UTC), "T", 2.7, 3.0, 240000.0, 590000.0, "G")
    # columns placed on and a hair either side of the radius where the PGV is shown as 2,00
    r = distance_for_pgv(2.7, 3.0, policy.pgv_lowest_shown_as(2.0)) * 1000
    xs = np.sort(240000.0 + np.array([-r - 1e-3, -r, -r + 1e-3, 0.0, r - 1e-3, r, r + 1e-3]))
    ys = np.array([590000.0])
    ge2, ge5 = grid_counts(Catalog([q]), xs, ys, THRESHOLDS)
    want2, want5 = _exact(Catalog([q]), xs, ys)
    np.testing.assert_array_equal(ge2, want2)
    np.testing.assert_array_equal(ge5, want5)
    assert ge2[0, 0] == 0 and ge2[0, 2] == 1 and ge2[0, 3] == 1 and ge2[0, -1] == 0


def test_a_quake_outside_the_grid_or_too_weak_counts_nowhere():
    weak = Quake("w", dt.datetime(2020, 1, 1, tzinfo=UTC), "T", -1.0, 3.0, 240000.0, 590000.0)
    far = Quake("f", dt.datetime(2020, 1, 1, tzinfo=UTC), "T", 3.0, 3.0, 100000.0, 400000.0)
    xs = 239000 + np.arange(20) * 100.0
    ys = 589000 + np.arange(20) * 100.0
    for catalog in (Catalog([weak]), Catalog([far]), Catalog([])):
        ge2, ge5 = grid_counts(catalog, xs, ys, THRESHOLDS)
        assert ge2.shape == (20, 20) and not ge2.any() and not ge5.any()
