"""Persons, ownerships and claims as an import compares them with what the store holds.

Lists of keys are read with an expanding ``IN`` parameter in chunks the caller chooses.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from domain.store.objects import in_list
from domain.store.repository import to_date


@dataclass(frozen=True)
class StoredOwnership:
    """An ownerships row (without its id): what an import compares with, what the demo writes."""

    object_id: int
    person_id: str
    right: str
    valid_from: dt.date | None
    valid_until: dt.date | None
    consent: bool | None


@dataclass(frozen=True)
class StoredClaim:
    """A claims row (without its id and version) in the terms of the claims CSV
    (``importers.claims.CLAIM_COLUMNS``): what an import compares with, what the demo writes."""

    claim_number: str
    object_id: int
    applicant_id: str | None
    scheme: str
    submitted: dt.date | None
    decided: dt.date | None
    outcome: str | None
    amount: int | None
    final: bool
    objection: bool
    status: str | None
    handler: str | None


def natural_persons(conn, person_ids) -> dict[str, bool]:
    """Per stored person among ``person_ids`` whether it is a natural person."""
    if not person_ids:
        return {}
    sql = in_list("SELECT id, natural_person FROM persons WHERE id IN :ids", "ids")
    return {r.id: bool(r.natural_person) for r in conn.execute(sql, {"ids": sorted(person_ids)})}


def stored_ownerships(conn, object_ids) -> list[StoredOwnership]:
    """The stored ownerships of ``object_ids``."""
    if not object_ids:
        return []
    sql = in_list(
        'SELECT object_id, person_id, "right", valid_from, valid_until, consent '
        "FROM ownerships WHERE object_id IN :o",
        "o",
    )
    return [
        StoredOwnership(
            object_id=r.object_id,
            person_id=r.person_id,
            right=r.right,
            valid_from=to_date(r.valid_from),
            valid_until=to_date(r.valid_until),
            consent=None if r.consent is None else bool(r.consent),
        )
        for r in conn.execute(sql, {"o": sorted(object_ids)})
    ]


_CLAIM_COLUMNS = (
    "claim_number, object_id, applicant_id, scheme, submitted, decided, outcome, amount, "
    "final, objection, status, handler"
)


def stored_claims(conn, claim_numbers) -> dict[str, StoredClaim]:
    """The stored claims with any of ``claim_numbers``, by claim number."""
    if not claim_numbers:
        return {}
    sql = in_list(f"SELECT {_CLAIM_COLUMNS} FROM claims WHERE claim_number IN :n", "n")
    out = {}
    for r in conn.execute(sql, {"n": sorted(claim_numbers)}):
        out[r.claim_number] = StoredClaim(
            **{
                **r._asdict(),
                "submitted": to_date(r.submitted),
                "decided": to_date(r.decided),
                "final": bool(r.final),
                "objection": bool(r.objection),
            }
        )
    return out
