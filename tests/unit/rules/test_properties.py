"""Properties that must hold for every case, not just the hand-picked ones."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.rules import Claim, Shaking, assess
from domain.rules.facts import BuildingObject, DHFacts
from tests.unit.rules.strategies import cases, days, shakings

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _outcomes(case):
    return {name: v.as_dict("nl") for name, v in assess(case).verdicts.items()}


@SETTINGS
@given(cases(), st.floats(0.5, 60.0), st.integers(1, 2000))
def test_quake_after_last_final_decision_never_makes_new_claim_false(case, pgv, after):
    before = assess(case).verdicts["new_claim"]
    last = before.extra["last_final_decision"]
    start = last or dt.date(1991, 1, 1)
    day = start + dt.timedelta(days=after)
    t = dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.timezone.utc)
    extra = Shaking("new", t, "Zeerijp", 3.0, pgv, 2.0)
    more = dataclasses.replace(case, shakings=(case.shakings or ()) + (extra,))
    after_v = assess(more).verdicts["new_claim"]
    if before.outcome is not False:
        assert after_v.outcome is not False
    # compared as shown with two decimals: 5.005 and up reads as more than 5 mm/s
    if before.outcome is False and pgv >= 5.005 and day <= case.as_of:
        assert after_v.outcome is True


@SETTINGS
@given(cases(), cases(), days)
def test_moving_as_of_back_never_uses_a_later_fact(case, later, earlier_day):
    """Facts dated after the assessment date change nothing."""
    day = min(earlier_day, case.as_of)
    past = dataclasses.replace(case, as_of=day)

    def shift(d):
        return None if d is None else day + dt.timedelta(days=1 + (d.toordinal() % 900))

    later_claims = tuple(
        dataclasses.replace(
            c,
            id=f"later-{c.id}",
            submitted=shift(c.submitted) or day + dt.timedelta(days=1),
            decided=None,
        )
        for c in later.claims
    )
    later_quakes = tuple(
        dataclasses.replace(
            s,
            event_id=f"later-{s.event_id}",
            time=s.time.replace(year=day.year + 1 + s.time.year % 3, month=1, day=1),
        )
        for s in (later.shakings or ())
    )
    # decisions on existing claims taken after the date are also later facts
    decided_later = tuple(
        dataclasses.replace(c, decided=day + dt.timedelta(days=5), outcome="toegekend", final=True)
        if c.decided is None and c.submitted is not None and c.submitted <= day
        else c
        for c in past.claims
    )
    noisy = dataclasses.replace(
        past,
        claims=decided_later + later_claims,
        shakings=None if past.shakings is None else past.shakings + later_quakes,
    )
    assert _outcomes(past) == _outcomes(noisy)
    assert _outcomes(past) == {
        n: v.as_dict("nl") for n, v in assess(noisy, as_of=day).verdicts.items()
    }


def _knock_out(case, field_path):
    part, _, name = field_path.partition(".")
    if part == "object":
        return dataclasses.replace(case, object=dataclasses.replace(case.object, **{name: None}))
    if part == "dh":
        return dataclasses.replace(case, dh=dataclasses.replace(case.dh, **{name: None}))
    if part == "shakings":
        return dataclasses.replace(case, shakings=None)
    if part == "owner":
        owners = tuple(dataclasses.replace(o, **{name: None}) for o in case.owners)
        return dataclasses.replace(case, owners=owners)
    if part == "claim":
        claims = tuple(dataclasses.replace(c, **{name: None}) for c in case.claims)
        return dataclasses.replace(case, claims=claims)
    return dataclasses.replace(case, **{field_path: None})


MISSABLE = (
    [
        f"object.{f.name}"
        for f in dataclasses.fields(BuildingObject)
        if f.name not in ("id", "x", "y")
    ]
    + [f"dh.{f.name}" for f in dataclasses.fields(DHFacts)]
    + [
        "shakings",
        "prior_applications",
        "whole_object",
        "owner.natural_person",
        "owner.right",
        "owner.consents",
        "claim.final",
        "claim.amount",
    ]
)


@SETTINGS
@given(cases(), st.sampled_from(MISSABLE))
def test_missing_input_never_turns_unknown_into_pass(case, field_path):
    full = assess(case)
    partial = assess(_knock_out(case, field_path))
    for name, verdict in full.verdicts.items():
        if name == "deadlines":
            continue  # terms list one condition per open claim; compared below by claim id
        known = {c.id: c.result for c in verdict.conditions}
        for c in partial.verdicts[name].conditions:
            if known.get(c.id) == "unknown":
                assert c.result != "pass", (name, c.id, field_path)
        if verdict.outcome is None and name != "handoff":
            assert partial.verdicts[name].outcome is not True, (name, field_path)


@SETTINGS
@given(cases(), st.sampled_from(["submitted"]))
def test_unknown_claim_date_never_clears_a_term(case, _):
    full = assess(case).verdicts["deadlines"]
    knocked = dataclasses.replace(
        case, claims=tuple(dataclasses.replace(c, submitted=None) for c in case.claims)
    )
    if full.outcome is None:
        assert assess(knocked).verdicts["deadlines"].outcome is not False


@SETTINGS
@given(shakings(min_size=1))
def test_exposure_summary_counts_match_thresholds(sh):
    case = dataclasses.replace(cases_example(), shakings=sh)
    ex = assess(case).exposure
    visible = [s for s in sh if s.day <= case.as_of]
    # compared as shown: rounded half up to two decimals (1.995 reads 2,00)
    shown = [Decimal(str(s.pgv_mm_s)).quantize(Decimal("0.01"), ROUND_HALF_UP) for s in visible]
    assert ex["count_ge_2_mm_s"] == sum(v >= 2 for v in shown)
    assert ex["count_ge_5_mm_s"] == sum(v >= 5 for v in shown)
    assert ex["in_effect_area"] is (ex["count_ge_2_mm_s"] > 0)


def cases_example():
    from tests.unit.rules.factory import base_case

    return base_case(claims=(Claim("x", "ims", dt.date(2020, 1, 1)),))
