"""Small builders for rule tests: a typical eligible case, changed one fact at a time."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from domain.rules import BuildingObject, Case, Claim, DHFacts, Ownership, Shaking

UTC = dt.timezone.utc
D = dt.date


def quake(day: dt.date, pgv: float, event_id: str | None = None, place: str = "Zeerijp") -> Shaking:
    """A shaking at noon UTC on ``day`` with ``pgv`` mm/s at the object."""
    t = dt.datetime(day.year, day.month, day.day, 12, 0, tzinfo=UTC)
    return Shaking(event_id or f"q{day.isoformat()}-{pgv}", t, place, 3.0, pgv, 4.0)


def base_object(**kw) -> BuildingObject:
    values = dict(
        id="obj-1",
        x=245000.0,
        y=593500.0,
        construction_year=1950,
        small=False,
        use="woning",
        woz_value=250_000.0,
        rijksmonument=False,
        in_subsidence_area=False,
        within_6km_zone=True,
        in_ncg_programme=False,
        place="Loppersum",
        special_structural_feature=False,
    )
    values.update(kw)
    return BuildingObject(**values)


def base_case(**kw) -> Case:
    """Eligible for the vaste vergoeding on 2026-03-01 (one 3 mm/s quake in 2018)."""
    values = dict(
        as_of=D(2026, 3, 1),
        object=base_object(),
        owners=(Ownership("p1", True, "eigendom", D(2000, 1, 1)),),
        applicant="p1",
        prior_applications=0,
        whole_object=True,
        claims=(),
        dh=DHFacts(d3_damage_eur=6000, structural_defect=True, unhandled_damage=True),
        shakings=(quake(D(2018, 1, 8), 3.0),),
    )
    values.update(kw)
    return Case(**values)


def with_object(case: Case, **kw) -> Case:
    return replace(case, object=replace(case.object, **kw))


def with_dh(case: Case, **kw) -> Case:
    return replace(case, dh=replace(case.dh, **kw))


def vv_final(decided: dt.date, cid: str = "vv1", **kw) -> Claim:
    values = dict(
        id=cid,
        scheme="vaste_vergoeding",
        submitted=decided - dt.timedelta(days=30),
        decided=decided,
        outcome="toegekend",
        amount=10_000,
        final=True,
    )
    values.update(kw)
    return Claim(**values)


def result(verdict, cid: str) -> str:
    return verdict.condition(cid).result
