"""What the object panel shows for one stored object, as of a date: plain data, no Qt.

The panel only displays; every judgement (overdue, final, may claim again, eligibility) comes
from the rules engine here, so the widget holds no business rule.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from domain import policy
from domain.i18n import current_language
from domain.presentation.dutch_time import dutch_date
from domain.rules import assess, case_from_record
from domain.rules.facts import RuleSettings


def quake_marks(pgv_mm_s, day: dt.date | None, last_final_decision: dt.date | None) -> list[str]:
    """Marks for one quake at the object: ``ge_2`` / ``ge_5`` by strength, and ``reopens`` when it
    came after the last final decision and exceeded the reopening threshold (not on that day)."""
    if pgv_mm_s is None:
        return []
    marks = []
    if policy.pgv_at_least(pgv_mm_s, policy.NULMETING_PGV_MM_S):
        marks.append("ge_5")
    elif policy.pgv_at_least(pgv_mm_s, policy.EFFECT_AREA_PGV_MM_S):
        marks.append("ge_2")
    if (
        last_final_decision is not None
        and day is not None
        and day > last_final_decision
        and policy.pgv_above(pgv_mm_s, policy.REOPEN_PGV_MM_S)
    ):
        marks.append("reopens")
    return marks


def _day(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    return value.isoformat()


def _time(value: dt.datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def map_status(record: Any, case, assessment, lang: str | None = None) -> dict:
    """The object's map status as its verdicts give it (the same mapping as the map's)."""
    from domain.rules.handoff import is_running
    from domain.rules.status import status_label, status_of_assessment

    running = any(is_running(h.status) for h in record.handoffs)
    code = status_of_assessment(assessment, case, running)
    return {"code": code, "label": status_label(code, lang)}


def object_view(
    record: Any,
    as_of: dt.date | None = None,
    settings: RuleSettings | None = None,
    lang: str | None = None,
) -> dict:
    """The panel's view of ``record`` (a store ``ObjectRecord``) with every verdict as of ``as_of``."""
    as_of = as_of or dt.date.today()
    lang = lang or current_language()
    case = case_from_record(record, as_of)
    assessment = assess(case, settings, as_of)
    verdicts = assessment.as_dict(lang)["verdicts"]
    overdue = {row["claim_id"] for row in verdicts["deadlines"].get("claims", []) if row["overdue"]}
    claims = [
        {
            "id": c.claim_number,
            "scheme": c.scheme,
            "submitted": _day(c.submitted),
            "decided": _day(c.decided),
            "outcome": c.outcome,
            "amount": c.amount,
            "final": c.final,
            "objection": c.objection,
            "handler": getattr(c, "handler", None),
            "overdue": c.claim_number in overdue,
        }
        for c in sorted(record.claims, key=lambda c: (c.submitted, c.claim_number))
        if c.submitted is None or c.submitted <= as_of
    ]
    quakes = [
        {
            "event_id": q.event_id,
            "time": _time(q.time),
            "place": q.place,
            "ml": q.ml,
            "epicentral_km": q.epicentral_km,
            "pgv_mm_s": q.pgv_mm_s,
        }
        for q in record.quakes_at_object
        if q.counting and dutch_date(q.time) <= as_of
    ]
    handoffs = [
        {
            "id": h.id,
            "target": h.target,
            "status": h.status,
            "version": h.version,
            "submitter": h.submitter,
            "reason_category": h.reason_category,
            "narrative": h.narrative,
            "linked_claim_ids": list(h.linked_claim_ids),
            "history": [
                {"status": e.status, "at": _day(e.at), "by": e.by, "note": e.note}
                for e in h.history
            ],
        }
        for h in record.handoffs
    ]
    handoff = verdicts["handoff"]
    return {
        "as_of": as_of.isoformat(),
        "object": {
            "id": record.object_id,
            "addresses": [a.label() for a in record.addresses],
            "kadastrale_aanduiding": record.kadastrale_aanduiding,
            "construction_year": record.construction_year,
            "use": record.use,
            "woz_value": record.woz_value,
            "rijksmonument": record.rijksmonument,
            "in_ncg_programme": record.in_ncg_programme,
            "municipality": record.municipality,
            "x": record.x,
            "y": record.y,
        },
        "claims": claims,
        "quakes": quakes,
        "last_final_decision": verdicts["new_claim"].get("last_final_decision"),
        "exposure": assessment.exposure,
        "verdicts": verdicts,
        "handoffs": handoffs,
        "status": map_status(record, case, assessment, lang),
        "handoff_suggestion": {
            "suggested": handoff.get("suggested"),
            "target": handoff.get("target"),
            "signals": handoff.get("signals", []),
            "notes": handoff.get("notes", []),
        },
    }
