"""Hand-offs to IVS or CBS in the store: create, change status with optimistic locking, audit.

A status change names the version it saw; when someone else changed the hand-off meanwhile,
the change is refused (ConcurrentChangeError) and nothing is written. Every change adds a
history line and an audit line; both tables are append-only in the database.

On PostGIS no product role may write the audit log itself (revision 0005): the database's
triggers record every changed row under the session login, with the person the application
names through the transaction-local setting ``imgschade.actor``; the application's own lines
(hand-off created, claim edited, dossier exported) go through ``imgschade_audit_note``, which
stamps server time and the login. A GeoPackage gets the lines from the application.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from domain.errors import InputError
from domain.i18n import register, tr
from domain.store.backend import backend_of
from domain.store.records import ConcurrentChangeError, NotFoundError

register(
    {
        "store.handoff_not_found": (
            "Overdracht {handoff_id} staat niet in de opslag.",
            "Hand-off {handoff_id} is not in the store.",
        ),
        "store.handoff_invalid": (
            "De overdracht is niet opgeslagen: vul de gemarkeerde velden aan.",
            "The hand-off was not saved: complete the marked fields.",
        ),
    }
)


def add_handoff(engine, draft, by: str) -> int:
    """Store a new hand-off as ``concept`` (version 1) with its first history line."""
    from domain.rules.handoff import validate_draft

    object_id = int(draft.object_id)
    now = _now()
    with engine.begin() as conn:
        name_actor(conn, by)
        exists = conn.execute(
            text("SELECT 1 FROM objects WHERE id = :id"), {"id": object_id}
        ).first()
        if not exists:
            raise NotFoundError(tr("store.object_not_found", object_id=object_id))
        known = [
            r.claim_number
            for r in conn.execute(
                text("SELECT claim_number FROM claims WHERE object_id = :id"), {"id": object_id}
            )
        ]
        # a concept may still lack the residents' consent; submitting it checks that
        problems = validate_draft(draft, known_claim_ids=known, for_submission=False)
        if problems:
            raise InputError(tr("store.handoff_invalid"), list(problems))
        params = {
            "object_id": object_id,
            "target": draft.target,
            "submitter": draft.submitter,
            "reason_category": draft.reason_category,
            "narrative": draft.narrative,
            "resident_consent": bool(draft.resident_consent),
            "linked": ",".join(str(c) for c in (draft.linked_claim_ids or ())),
            "status": "concept",
            "at": now,
        }
        handoff_id = conn.execute(
            text(
                "INSERT INTO handoffs (object_id, target, submitter, reason_category, "
                "narrative, resident_consent, linked_claim_ids, status, created_at, "
                "updated_at, version) VALUES (:object_id, :target, :submitter, "
                ":reason_category, :narrative, :resident_consent, :linked, :status, :at, :at, "
                "1) RETURNING id"
            ),
            params,
        ).scalar_one()
        _history(conn, handoff_id, "concept", now, by, None)
        _audit(conn, now, by, "handoff_created", object_id, f"overdracht {handoff_id}")
    return int(handoff_id)


def change_handoff_status(
    engine, handoff_id: int, expected_version: int, new_status: str, by: str, note: str = ""
) -> int:
    """Move a hand-off to ``new_status`` if nobody changed it since ``expected_version``."""
    from domain.rules.handoff import check_transition

    now = _now()
    with engine.begin() as conn:
        name_actor(conn, by)
        row = conn.execute(
            text("SELECT status, version, object_id FROM handoffs WHERE id = :id"),
            {"id": handoff_id},
        ).first()
        if row is None:
            raise NotFoundError(tr("store.handoff_not_found", handoff_id=handoff_id))
        if row.version != expected_version:
            raise ConcurrentChangeError(handoff_id, expected_version, row.version)
        problem = check_transition(row.status, new_status)
        if problem is not None:
            raise InputError(str(problem.message), [problem])
        if new_status == "submitted":
            _check_submittable(conn, handoff_id)
        updated = conn.execute(
            text(
                "UPDATE handoffs SET status = :status, version = version + 1, "
                "updated_at = :at WHERE id = :id AND version = :expected"
            ),
            {"status": new_status, "at": now, "id": handoff_id, "expected": expected_version},
        ).rowcount
        if updated != 1:
            actual = conn.execute(
                text("SELECT version FROM handoffs WHERE id = :id"), {"id": handoff_id}
            ).scalar()
            raise ConcurrentChangeError(handoff_id, expected_version, actual)
        _history(conn, handoff_id, new_status, now, by, note or None)
        _audit(
            conn,
            now,
            by,
            "handoff_status",
            row.object_id,
            f"overdracht {handoff_id}: {row.status} -> {new_status}",
        )
    return expected_version + 1


def _check_submittable(conn, handoff_id: int) -> None:
    from domain.rules.handoff import HandOffDraft, validate_draft

    row = conn.execute(
        text(
            "SELECT object_id, target, submitter, reason_category, narrative, "
            "resident_consent, linked_claim_ids FROM handoffs WHERE id = :id"
        ),
        {"id": handoff_id},
    ).first()
    draft = HandOffDraft(
        object_id=str(row.object_id),
        target=row.target,
        submitter=row.submitter,
        reason_category=row.reason_category,
        narrative=row.narrative,
        resident_consent=bool(row.resident_consent),
        linked_claim_ids=linked_claims(row.linked_claim_ids),
    )
    problems = validate_draft(draft, for_submission=True)
    if problems:
        raise InputError(tr("store.handoff_invalid"), list(problems))


def linked_claims(stored: str | None) -> tuple[str, ...]:
    """The claim numbers of a hand-off, stored as one comma-separated text."""
    return tuple(claim_number for claim_number in (stored or "").split(",") if claim_number)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)


def _history(conn, handoff_id: int, status: str, at: dt.datetime, by: str, note) -> None:
    conn.execute(
        text(
            'INSERT INTO handoff_status (handoff_id, status, at, "by", note) '
            "VALUES (:h, :s, :at, :by, :note)"
        ),
        {"h": handoff_id, "s": status, "at": at, "by": by, "note": note},
    )


def name_actor(conn, who: str) -> None:
    """The person behind this transaction, for the audit triggers (PostGIS; see the
    backends' ``name_actor``)."""
    backend_of(conn).name_actor(conn, who)


def _audit(conn, at: dt.datetime, who: str, action: str, object_id, detail: str) -> None:
    backend_of(conn).write_audit(conn, at, who, action, object_id, detail)


def audit(conn, who: str, action: str, object_id, detail: str = "") -> None:
    _audit(conn, _now(), who, action, object_id, detail)
