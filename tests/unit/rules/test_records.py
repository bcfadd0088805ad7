"""Verdicts for a stored object: the store's records map onto the rules' facts."""

from __future__ import annotations

import datetime as dt

from domain.rules import assess
from domain.rules.records import case_from_record
from domain.store.records import (
    AreaFlags,
    ClaimRecord,
    ExposureSummary,
    ObjectRecord,
    OwnerRecord,
    QuakeAtObject,
)

UTC = dt.timezone.utc


def record(quakes, max_pgv=10.0, subsidence=False):
    return ObjectRecord(
        object_id=17,
        x=245000.0,
        y=593500.0,
        kadastrale_aanduiding="LPS00 A 1",
        construction_year=1950,
        use="woning",
        small=False,
        woz_value=300_000,
        rijksmonument=False,
        municipality="Eemsdelta",
        place="Loppersum",
        pc4="9919",
        vs30=200.0,
        in_ncg_programme=False,
        status=None,
        exposure=ExposureSummary(max_pgv, None, None, None, None),
        areas=AreaFlags(None, None, subsidence, True),
        owners=[OwnerRecord("P1", True, "eigendom", dt.date(2001, 1, 1), None, None)],
        claims=[
            ClaimRecord(
                5,
                "VV-0005",
                "P1",
                "vaste_vergoeding",
                dt.date(2022, 1, 3),
                dt.date(2022, 2, 1),
                "toegewezen",
                10_000,
                True,
                False,
                "decided",
            )
        ],
        quakes_at_object=quakes,
    )


def test_stored_object_blocked_then_reopened():
    q = QuakeAtObject("e1", dt.datetime(2021, 11, 16, 6, tzinfo=UTC), "Garrelsweer", 3.2, 4.0, 9.0)
    later = QuakeAtObject("e2", dt.datetime(2023, 5, 1, 6, tzinfo=UTC), "Zeerijp", 2.9, 2.0, 6.0)
    excluded = QuakeAtObject(
        "e3", dt.datetime(2024, 5, 1, 6, tzinfo=UTC), "Annerveen", 2.9, 2.0, 9.0, False
    )
    case = case_from_record(record([q, excluded]), dt.date(2026, 3, 1))
    assert case.applicant == "P1" and case.claims[0].id == "VV-0005"
    v = assess(case).verdicts["new_claim"]
    assert v.outcome is False and v.extra["blocked_by"] == "VV-0005"
    v = assess(case_from_record(record([q, later]), dt.date(2026, 3, 1))).verdicts["new_claim"]
    assert v.outcome is True and v.extra["reopening_events"] == ["e2"]


def test_awarded_synonym_counts_for_pilot_damage():
    case = case_from_record(record([]), dt.date(2025, 6, 1))
    dh = assess(case).verdicts["duurzaam_herstel"]
    assert dh.condition("d3_threshold").facts["damage_eur"] == 10_000


def test_exposure_never_computed_is_unknown():
    case = case_from_record(record([], max_pgv=None), dt.date(2026, 3, 1))
    assert case.shakings is None
    assert assess(case).verdicts["nulmeting"].outcome is None
