"""Editing a claim in a shared store without losing anybody's change (optimistic locking).

An edit names the version of the claim the editor saw; when someone else saved a change
meanwhile, the edit is refused with both versions named and nothing is written. Each edit
adds an audit line (who changed which claim, from what to what); on PostGIS the database's
triggers also record the changed columns under the login and the person named here.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from domain.errors import DomainError, InputError, Problem
from domain.i18n import register, tr
from domain.store.handoffs import audit, name_actor
from domain.store.records import ConcurrentChangeError, NotFoundError

STATUSES = ("open", "decided", "objection", "withdrawn")
OUTCOMES = ("toegewezen", "afgewezen", "ingetrokken")
EDITABLE = ("status", "decided", "outcome", "amount", "final", "objection")

register(
    {
        "claims_edit.concurrent": (
            "Schademelding {claim} is intussen door iemand anders gewijzigd (u zag versie "
            "{expected}, nu is het versie {actual}). Er is niets overschreven; laad de melding "
            "opnieuw en voer uw wijziging dan nog eens uit.",
            "Claim {claim} was changed by someone else meanwhile (you saw version {expected}, it "
            "is now version {actual}). Nothing was overwritten; reload the claim and make your "
            "change again.",
        ),
        "claims_edit.not_found": (
            "Schademelding {claim} staat niet in de opslag (of u mag hem niet zien).",
            "Claim {claim} is not in the store (or you may not see it).",
        ),
        "claims_edit.invalid": (
            "De wijziging van schademelding {claim} is niet opgeslagen: zie de velden.",
            "The change to claim {claim} was not saved: see the fields.",
        ),
        "claims_edit.unknown_field": (
            "dit veld kan niet worden gewijzigd; wijzigbaar zijn: {fields}",
            "this field cannot be changed; changeable are: {fields}",
        ),
        "claims_edit.bad_choice": (
            "'{value}' is geen geldige waarde; kies uit {choices}",
            "'{value}' is not a valid value; choose from {choices}",
        ),
        "claims_edit.bad_amount": (
            "'{value}' is geen bedrag in hele euro's (0 of meer)",
            "'{value}' is not an amount in whole euros (0 or more)",
        ),
        "claims_edit.bad_date": (
            "'{value}' is geen datum (JJJJ-MM-DD)",
            "'{value}' is not a date (YYYY-MM-DD)",
        ),
        "claims_edit.bad_bool": (
            "'{value}' is geen ja/nee-waarde",
            "'{value}' is not a yes/no value",
        ),
    }
)


class ClaimConcurrentChangeError(ConcurrentChangeError):
    """A claim changed between reading and writing; nothing was overwritten."""

    def __init__(self, claim_id: int, expected: int, actual: int | None) -> None:
        self.handoff_id = None
        self.claim_id = claim_id
        self.expected_version = expected
        self.actual_version = actual
        DomainError.__init__(
            self,
            tr("claims_edit.concurrent", claim=claim_id, expected=expected, actual=actual),
        )


def _validate(claim_id: int, changes: dict) -> dict:
    problems: list[Problem] = []
    clean: dict = {}
    for name, value in changes.items():
        if name not in EDITABLE:
            problems.append(
                Problem(tr("claims_edit.unknown_field", fields=", ".join(EDITABLE)), field=name)
            )
        elif name == "status" and value not in STATUSES:
            problems.append(_choice(name, value, STATUSES))
        elif name == "outcome" and value is not None and value not in OUTCOMES:
            problems.append(_choice(name, value, OUTCOMES))
        elif (
            name == "amount"
            and value is not None
            and (isinstance(value, bool) or not isinstance(value, int) or value < 0)
        ):
            problems.append(Problem(tr("claims_edit.bad_amount", value=value), field=name))
        elif name == "decided" and value is not None and not isinstance(value, dt.date):
            try:
                value = dt.date.fromisoformat(str(value))
            except ValueError:
                problems.append(Problem(tr("claims_edit.bad_date", value=value), field=name))
        elif name in ("final", "objection") and not isinstance(value, bool):
            problems.append(Problem(tr("claims_edit.bad_bool", value=value), field=name))
        clean[name] = value
    if problems or not clean:
        raise InputError(tr("claims_edit.invalid", claim=claim_id), problems)
    return clean


def _choice(name, value, choices) -> Problem:
    return Problem(
        tr("claims_edit.bad_choice", value=value, choices=", ".join(choices)), field=name
    )


def claim_version(engine, claim_id: int) -> int:
    """The version an editor starts from (read it when the claim is shown)."""
    with engine.connect() as conn:
        version = _stored_version(conn, claim_id)
    if version is None:
        raise NotFoundError(tr("claims_edit.not_found", claim=claim_id))
    return int(version)


def _stored_version(conn, claim_id: int) -> int | None:
    return conn.execute(
        text("SELECT version FROM claims WHERE id = :id"), {"id": claim_id}
    ).scalar()


def edit_claim(engine, claim_id: int, expected_version: int, changes: dict, by: str) -> int:
    """Apply ``changes`` if the claim is still at ``expected_version``; returns the new version.

    Raises ClaimConcurrentChangeError (nothing written) when someone else was first,
    InputError for fields or values that cannot be saved, NotFoundError for an unknown claim.
    """
    clean = _validate(claim_id, changes)
    sets = ", ".join(f"{name} = :{name}" for name in clean)
    with engine.begin() as conn:
        name_actor(conn, by)
        before = conn.execute(
            text(f"SELECT version, object_id, {', '.join(clean)} FROM claims WHERE id = :id"),
            {"id": claim_id},
        ).first()
        if before is None:
            raise NotFoundError(tr("claims_edit.not_found", claim=claim_id))
        if before.version != expected_version:
            raise ClaimConcurrentChangeError(claim_id, expected_version, before.version)
        updated = conn.execute(
            text(
                f"UPDATE claims SET {sets}, version = version + 1 "
                "WHERE id = :id AND version = :expected"
            ),
            {**clean, "id": claim_id, "expected": expected_version},
        ).rowcount
        if updated != 1:
            actual = _stored_version(conn, claim_id)
            raise ClaimConcurrentChangeError(claim_id, expected_version, actual)
        old = {name: before._mapping[name] for name in clean}
        detail = "; ".join(f"{k}: {old[k]} -> {clean[k]}" for k in clean)
        audit(
            conn,
            by,
            "claim_edit",
            before.object_id,
            f"schademelding {claim_id} v{expected_version + 1}: {detail}",
        )
    return expected_version + 1
