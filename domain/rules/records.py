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


def claim_from_record(rec: Any) -> Claim:
    """A rules ``Claim`` from a store claim record (claim number as the id people see)."""
    objection = _get(rec, "objection")
    if isinstance(objection, bool):
        objection = Objection() if objection else None
    return Claim(
        id=str(_get(rec, "claim_number", "id")),
        scheme=_get(rec, "scheme"),
        submitted=_get(rec, "submitted"),
        decided=_get(rec, "decided"),
        outcome=_get(rec, "outcome"),
        amount=_get(rec, "amount"),
        final=_get(rec, "final"),
        objection=objection,
        inspected=_get(rec, "inspected"),
        risk_found=_get(rec, "risk_found"),
        handler=_get(rec, "handler"),
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
        x=_get(record, "x"),
        y=_get(record, "y"),
        construction_year=_get(record, "construction_year"),
        small=_get(record, "small"),
        use=_get(record, "use"),
        woz_value=_get(record, "woz_value"),
        rijksmonument=_get(record, "rijksmonument"),
        vs30=_get(record, "vs30"),
        in_subsidence_area=_get(areas, "in_subsidence_area"),
        within_6km_zone=_get(areas, "within_6km_zone"),
        in_ncg_programme=_get(record, "in_ncg_programme"),
        place=_get(record, "place"),
    )
    owners = tuple(
        Ownership(
            person_id=str(_get(o, "person_id")),
            natural_person=_get(o, "natural_person"),
            right=_get(o, "right"),
            start=_get(o, "valid_from", "start", "from_"),
            until=_get(o, "valid_until", "until"),
            consents=_get(o, "consent", "consents"),
        )
        for o in _get(record, "owners", default=[]) or []
    )
    claim_records = list(_get(record, "claims", default=[]) or [])
    if applicant is None:
        dated = [c for c in claim_records if _get(c, "applicant_id")]
        if dated:
            applicant = str(_get(max(dated, key=lambda c: _get(c, "submitted")), "applicant_id"))
        elif len(owners) == 1:
            applicant = owners[0].person_id
    shakings = tuple(
        Shaking(
            q.event_id, q.time, q.place, float(q.ml), float(q.pgv_mm_s), _get(q, "epicentral_km")
        )
        for q in _get(record, "quakes_at_object", default=[]) or []
        if _get(q, "counting", default=True)
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
        claims=tuple(claim_from_record(c) for c in claim_records),
        dh=dh or DHFacts(),
        shakings=shakings,
        catalog_end=_get(record, "catalog_end"),
    )
