"""Dutch dates in the rules, and what the catalogue covers: a "no" that rests on the absence of
quakes after the catalogue's end becomes unknown, per case and in the batch alike."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.rules import Shaking, assess
from domain.rules.batch import ClaimTable, ObjectTable, assess_many
from tests.unit.rules.factory import D, base_case, quake, vv_final, with_object
from tests.unit.rules.strategies import cases, days
from tests.unit.rules.test_batch import CODE, exposure_of

UTC = dt.timezone.utc


def shaking_at(t: dt.datetime, pgv: float, event_id: str) -> Shaking:
    return Shaking(event_id, t, "Zeerijp", 3.0, pgv, 1.0)


def test_a_quake_after_dutch_midnight_reopens_a_decision_of_the_utc_day():
    late = shaking_at(dt.datetime(2021, 11, 15, 23, 46, tzinfo=UTC), 9.0, "late")
    assert late.day == D(2021, 11, 16)
    case = base_case(as_of=D(2021, 11, 30), claims=(vv_final(D(2021, 11, 15)),), shakings=(late,))
    verdict = assess(case).verdicts["new_claim"]
    assert verdict.outcome is True and verdict.extra["reopening_events"] == ["late"]
    # and 22:30 UTC (23:30 Dutch) on the 15th does not reopen a decision of the 16th
    early = shaking_at(dt.datetime(2021, 11, 15, 22, 30, tzinfo=UTC), 9.0, "early")
    case = dataclasses.replace(case, claims=(vv_final(D(2021, 11, 16)),), shakings=(early,))
    assert assess(case).verdicts["new_claim"].outcome is False


def test_new_claim_is_unknown_when_the_catalogue_ends_before_the_as_of_date():
    case = base_case(claims=(vv_final(D(2023, 3, 1)),), catalog_end=D(2022, 1, 26))
    verdict = assess(case).verdicts["new_claim"]
    assert verdict.outcome is None
    coverage = verdict.condition("catalog_coverage")
    assert coverage.result == "unknown" and coverage.facts["catalog_end"] == D(2022, 1, 26)
    for lang, words in (("nl", ("26 januari 2022", "catalogus")), ("en", ("26 January 2022",))):
        assert all(w in coverage.reason.render(lang) for w in words)
    covered = dataclasses.replace(case, catalog_end=case.as_of)
    verdict = assess(covered).verdicts["new_claim"]
    assert verdict.outcome is False
    assert "catalog_coverage" not in [c.id for c in verdict.conditions]
    # a reopening quake found is an answer whatever the catalogue's end
    reopened = dataclasses.replace(case, shakings=(quake(D(2024, 5, 1), 9.0),))
    assert assess(reopened).verdicts["new_claim"].outcome is True


def test_location_is_unknown_only_where_no_route_passes_and_the_catalogue_ends_early():
    far = with_object(base_case(shakings=()), within_6km_zone=False, construction_year=2015)
    assert assess(far).verdicts["vaste_vergoeding"].condition("location").result == "fail"
    stale = dataclasses.replace(far, catalog_end=D(2022, 1, 26))
    location = assess(stale).verdicts["vaste_vergoeding"].condition("location")
    assert location.result == "unknown" and location.facts["catalog_end"] == D(2022, 1, 26)
    passing = dataclasses.replace(base_case(), catalog_end=D(2022, 1, 26))
    assert assess(passing).verdicts["vaste_vergoeding"].condition("location").result == "pass"


def test_dh_area_needs_a_catalogue_up_to_the_end_of_2025():
    case = base_case(shakings=tuple(quake(D(2015 + k, 1, 1), 6.0, f"e{k}") for k in range(3)))
    for end, want in ((D(2025, 12, 30), "unknown"), (D(2025, 12, 31), "fail"), (None, "fail")):
        seen = dataclasses.replace(case, catalog_end=end)
        area = assess(seen).verdicts["duurzaam_herstel"].condition("dh_area")
        assert area.result == want, end
    four = dataclasses.replace(
        case,
        shakings=tuple(quake(D(2015 + k, 1, 1), 6.0, f"e{k}") for k in range(4)),
        catalog_end=D(2022, 1, 26),
    )
    assert assess(four).verdicts["duurzaam_herstel"].condition("dh_area").result == "pass"


def test_exposure_summary_carries_the_catalogue_end_and_full_precision():
    case = base_case(shakings=(quake(D(2018, 1, 8), 3.123456789),), catalog_end=D(2022, 1, 26))
    exposure = assess(case).exposure
    assert exposure["catalog_end"] == "2022-01-26"
    assert exposure["max_pgv_mm_s"] == 3.123456789
    facts = assess(case).as_dict()["verdicts"]["vaste_vergoeding"]["conditions"]
    location = next(c for c in facts if c["id"] == "location")
    assert location["facts"]["quake"]["pgv_mm_s"] == 3.123456789


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(cases(), min_size=1, max_size=10),
    days,
    st.one_of(st.none(), days, st.sampled_from([D(2025, 12, 30), D(2025, 12, 31)])),
)
def test_batch_equals_per_case_with_a_catalogue_end(case_list, day, end):
    case_list = [dataclasses.replace(c, as_of=day, catalog_end=end) for c in case_list]
    objects = ObjectTable.from_records([c.object for c in case_list], [c.dh for c in case_list])
    claims = ClaimTable.from_records([(i, cl) for i, c in enumerate(case_list) for cl in c.claims])
    result = assess_many(objects, exposure_of(case_list), claims, as_of=day, catalog_end=end)
    for i, case in enumerate(case_list):
        a = assess(case)
        ctx = (i, case)
        location = a.verdicts["vaste_vergoeding"].condition("location").result
        assert result.vv_location[i] == CODE[location], ctx
        assert result.new_claim[i] == CODE[a.verdicts["new_claim"].outcome], ctx
        dh = a.verdicts["duurzaam_herstel"]
        assert result.duurzaam_herstel[i] == CODE[dh.outcome], ctx
        if any(c.id == "dh_area" for c in dh.conditions):
            assert result.dh_area[i] == CODE[dh.condition("dh_area").result], ctx
