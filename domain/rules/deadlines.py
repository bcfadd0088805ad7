"""Deadlines: per open claim its decision term and whether it is overdue ("langlopend").

8 weeks for the fixed compensations, IMS and waardedaling; 26 weeks for maatwerk and repair;
an AOS report is inspected within 24 hours and made safe within 48. Dates carry no time of day,
so an AOS term ends on the day after (inspection) or two days after (made safe) the report.
A claim is overdue when the assessment date is past its due day (on the due day it is on time).
"""

from __future__ import annotations

import datetime as dt

from domain import policy
from domain.i18n import register
from domain.rules.common import claim_text, scheme_label
from domain.rules.facts import Case, Claim
from domain.rules.verdict import FAIL, PASS, UNKNOWN, Condition, Note, Text, Verdict

SRC = policy.SRC_JAARPLAN

register(
    {
        "dl.ontime": (
            "Over {claim} moet uiterlijk {due} besloten zijn ({term} weken); dat is nog op tijd.",
            "A decision on {claim} is due by {due} ({term} weeks); it is still on time.",
        ),
        "dl.overdue": (
            "Over {claim} had uiterlijk {due} besloten moeten zijn ({term} weken); de aanvraag loopt {days} dagen te lang.",
            "A decision on {claim} was due by {due} ({term} weeks); the application is {days} days overdue.",
        ),
        "dl.aos.ontime": (
            "Bij {claim} moet uiterlijk {inspect} geïnspecteerd en uiterlijk {safe} veilig gemaakt zijn; dat is nog op tijd.",
            "For {claim} inspection is due by {inspect} and making safe by {safe}; it is still on time.",
        ),
        "dl.aos.overdue": (
            "Bij {claim} is de termijn verstreken: inspecteren binnen {inspect_hours} uur en veilig maken binnen {safe_hours} uur na de melding.",
            "For {claim} the term has passed: inspection within {inspect_hours} hours and making safe within {safe_hours} hours of the report.",
        ),
        "dl.nodate": (
            "Van een aanvraag {scheme} is de datum van indiening niet bekend, dus de termijn is niet te berekenen.",
            "The submission date of an application for {scheme} is not known, so its term cannot be computed.",
        ),
        "dl.none": (
            "Er lopen geen aanvragen, dus er is geen termijn om te bewaken.",
            "No applications are running, so there is no term to watch.",
        ),
        "dl.other": (
            "Voor {claim} is geen vaste beslistermijn vastgelegd.",
            "For {claim} no fixed decision term is set.",
        ),
    }
)


def _aos(claim: Claim, day: dt.date) -> tuple[Condition, dict]:
    inspect_due = claim.submitted + dt.timedelta(days=policy.AOS_INSPECT_HOURS // 24)
    safe_due = claim.submitted + dt.timedelta(days=policy.AOS_SAFE_HOURS // 24)
    inspect_late = claim.inspected is None and day > inspect_due
    overdue = inspect_late or day > safe_due
    values = {
        "claim": claim_text(claim),
        "inspect": inspect_due,
        "safe": safe_due,
        "inspect_hours": policy.AOS_INSPECT_HOURS,
        "safe_hours": policy.AOS_SAFE_HOURS,
    }
    text = Text("dl.aos.overdue" if overdue else "dl.aos.ontime", values)
    row = {
        "claim_id": claim.id,
        "scheme": claim.scheme,
        "submitted": claim.submitted,
        "term_hours": policy.AOS_SAFE_HOURS,
        "inspect_due": inspect_due,
        "due": safe_due,
        "overdue": overdue,
        "days_overdue": max(0, (day - safe_due).days),
    }
    return Condition("term", FAIL if overdue else PASS, text, {"claim_id": claim.id}, SRC), row


def claim_term(claim: Claim, day: dt.date) -> tuple[Condition, dict | None]:
    """Condition and row for one open claim as of ``day``."""
    if claim.submitted is None:
        text = Text("dl.nodate", {"scheme": scheme_label(claim.scheme)})
        return Condition("term", UNKNOWN, text, {"claim_id": claim.id}, SRC), None
    if claim.scheme == "aos":
        return _aos(claim, day)
    if claim.scheme in policy.SHORT_TERM_SCHEMES:
        weeks = policy.TERM_WEEKS_SHORT
    elif claim.scheme in policy.LONG_TERM_SCHEMES:
        weeks = policy.TERM_WEEKS_LONG
    else:
        text = Text("dl.other", {"claim": claim_text(claim)})
        return Condition("term", UNKNOWN, text, {"claim_id": claim.id}, SRC), None
    due = claim.submitted + dt.timedelta(weeks=weeks)
    overdue = day > due
    values = {"claim": claim_text(claim), "due": due, "term": weeks, "days": (day - due).days}
    text = Text("dl.overdue" if overdue else "dl.ontime", values)
    row = {
        "claim_id": claim.id,
        "scheme": claim.scheme,
        "submitted": claim.submitted,
        "term_weeks": weeks,
        "due": due,
        "overdue": overdue,
        "days_overdue": max(0, (day - due).days),
    }
    return Condition("term", FAIL if overdue else PASS, text, {"claim_id": claim.id}, SRC), row


def assess_deadlines(case: Case) -> Verdict:
    """Terms of every claim open on the case's date; ``overdue`` is true when any is past due."""
    day = case.as_of
    open_claims = [c for c in case.claims if c.decided is None and not c.withdrawn]
    conditions, rows = [], []
    for claim in sorted(open_claims, key=lambda c: (c.submitted or day, c.id)):
        cond, row = claim_term(claim, day)
        conditions.append(cond)
        if row is not None:
            rows.append(row)
    notes = [] if open_claims else [Note("no_open_claims", Text("dl.none"))]
    overdue = any(r["overdue"] for r in rows)
    outcome = True if overdue else (None if any(c.result == UNKNOWN for c in conditions) else False)
    extra = {"claims": rows, "langlopend": [r["claim_id"] for r in rows if r["overdue"]]}
    return Verdict("overdue", outcome, conditions, notes, extra, (SRC,))
