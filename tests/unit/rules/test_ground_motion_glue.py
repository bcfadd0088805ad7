"""The case glue uses the ground-motion model's values unchanged, and the 6 km zone test."""

from __future__ import annotations

import pytest

from domain import policy
from domain.case.motion import site_shakings, with_ground_motion, within_zone
from tests.unit.rules.factory import base_case, with_object


@pytest.fixture(scope="module")
def catalog():
    from domain.importers.catalog import load_catalog
    from tests.conftest import shared_data

    return load_catalog(shared_data("knmi_induced_groningen_1991-2022.csv"))


@pytest.mark.parametrize(
    "x,y,vs30", [(245000, 593500, None), (233000, 582000, 300.0), (233500, 557000, 150.0)]
)
def test_site_shakings_equal_site_exposure(catalog, x, y, vs30):
    from domain.groundmotion.exposure import site_exposure

    reference = {q.event_id: q.pgv_mm_s for q in site_exposure(catalog, x, y, vs30)}
    got = site_shakings(catalog, x, y, vs30)
    expected = {k: v for k, v in reference.items() if v >= policy.EXPOSURE_FLOOR_MM_S}
    assert {s.event_id for s in got} == set(expected)
    for s in got:
        assert s.pgv_mm_s == pytest.approx(expected[s.event_id], rel=1e-9)
    assert [s.time for s in got] == sorted(s.time for s in got)


def test_huizinge_felt_in_loppersum(catalog):
    got = {s.event_id: s for s in site_shakings(catalog, 245000, 593500)}
    huizinge = got["knmi2012qcdh"]
    assert huizinge.ml == pytest.approx(3.6)
    assert huizinge.epicentral_km == pytest.approx(
        ((245000 - 240544) ** 2 + (593500 - 596199) ** 2) ** 0.5 / 1000, rel=1e-3
    )
    assert huizinge.pgv_mm_s > 5.0


def test_within_zone_boundary():
    from shapely.geometry import box

    from domain.groundmotion.sources import SourceOutline

    field = [SourceOutline("Groningen", box(0, 0, 1000, 1000))]
    assert within_zone(1000 + policy.ZONE_6KM_M, 500, field)
    assert not within_zone(1000 + policy.ZONE_6KM_M + 1, 500, field)


def test_case_values_win_over_computed_zone(catalog):
    case = with_object(base_case(shakings=None), x=233500.0, y=557000.0, within_6km_zone=True)
    seen, context = with_ground_motion(case, catalog)
    assert seen.object.within_6km_zone is True and context["within_6km_zone_from"] == "case"
    seen, context = with_ground_motion(with_object(case, within_6km_zone=None), catalog)
    assert seen.object.within_6km_zone is False
    assert "illustrative-approximation" in context["within_6km_zone_from"]
