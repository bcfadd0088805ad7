"""Rules' facts from the store's plain records (``ObjectRecord`` and friends), by attribute.

The store hands out dataclasses; this adapter reads them by name only (no store import), so the
panel and the store can ask for verdicts of a stored object without writing a case file.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from domain.rules.facts import (
    BuildingObject,
    Case,
    Claim,
    DHFacts,
    Objection,
    Ownership,
    Shaking,
)


def _get(obj: Any, *names: str, default=None):
    for name in names:
        if obj is not None and hasattr(obj, name):
            return getattr(obj, name)
    return default


def _same_named(rec: Any, *names: str) -> dict:
    """The record's attributes that carry the rules' field names, as keyword arguments."""
    return {name: _get(rec, name) for name in names}


def claim_from_record(rec: Any) -> Claim:
    """A rules ``Claim`` from a store claim record (claim number as the id people see)."""
    objection = _get(rec, "objection")
    if isinstance(objection, bool):
        objection = Objection() if objection else None
    return Claim(
        id=str(_get(rec, "claim_number", "id")),
        objection=objection,
        **_same_named(
            rec,
            *("scheme", "submitted", "decided", "outcome", "amount", "final"),
            *("inspected", "risk_found", "handler"),
        ),
    )


def case_from_record(
    record: Any,
    as_of: dt.date,
    applicant: str | None = None,
    prior_applications: int | None = None,
    whole_object: bool | None = None,
    dh: DHFacts | None = None,
) -> Case:
    """A case for one stored object; quakes as stored (only counting ones), areas as stored.

    The applicant defaults to the applicant of the latest claim, else the only holder.
    """
    areas = _get(record, "areas")
    obj = BuildingObject(
        id=str(_get(record, "object_id", "id")),
        **_same_named(areas, "in_subsidence_area", "within_6km_zone"),
        **_same_named(
            record,
            *("x", "y", "construction_year", "small", "use", "woz_value", "rijksmonument"),
            *("vs30", "in_ncg_programme", "place"),
        ),
    )
    owners = tuple(
        Ownership(
            person_id=str(_get(owner, "person_id")),
            natural_person=_get(owner, "natural_person"),
            right=_get(owner, "right"),
            start=_get(owner, "valid_from", "start", "from_"),
            until=_get(owner, "valid_until", "until"),
            consents=_get(owner, "consent", "consents"),
        )
        for owner in _get(record, "owners", default=[]) or []
    )
    claim_records = list(_get(record, "claims", default=[]) or [])
    if applicant is None:
        dated = [claim for claim in claim_records if _get(claim, "applicant_id")]
        if dated:
            latest = max(dated, key=lambda claim: _get(claim, "submitted"))
            applicant = str(_get(latest, "applicant_id"))
        elif len(owners) == 1:
            applicant = owners[0].person_id
    shakings = tuple(
        Shaking.of(quake)
        for quake in _get(record, "quakes_at_object", default=[]) or []
        if _get(quake, "counting", default=True)
    )
    exposure = _get(record, "exposure")
    if exposure is not None and _get(exposure, "max_pgv_mm_s") is None and not shakings:
        shakings = None  # exposure never computed for this object: unknown, not "no quakes"
    return Case(
        as_of=as_of,
        object=obj,
        owners=owners,
        applicant=applicant,
        prior_applications=prior_applications,
        whole_object=whole_object,
        claims=tuple(claim_from_record(claim) for claim in claim_records),
        dh=dh or DHFacts(),
        shakings=shakings,
        catalog_end=_get(record, "catalog_end"),
    )
