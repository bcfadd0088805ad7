"""Deadlines: per open claim its decision term and whether it is overdue ("langlopend").

8 weeks for the fixed compensations, IMS and waardedaling; 26 weeks for maatwerk and repair;
an AOS report is inspected within 24 hours and made safe within 48. Dates carry no time of day,
so an AOS term ends on the day after (inspection) or two days after (made safe) the report.
A claim is overdue when the assessment date is past its due day (on the due day it is on time).
An AOS is overdue only when the inspection term passed without an inspection, or when the
inspection found an acute risk and the make-safe term passed; an inspected AOS whose risk is not
recorded is unknown past the make-safe term, never silently overdue.
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
        "dl.aos.inspected": (
            "Bij {claim} is op {inspected} geïnspecteerd en geen acuut gevaar gevonden; er hoeft niets veilig gemaakt te worden.",
            "For {claim} the inspection on {inspected} found no acute risk; nothing has to be made safe.",
        ),
        "dl.aos.safe_overdue": (
            "Bij {claim} is op {inspected} acuut gevaar gevonden; dat had uiterlijk {safe} veilig gemaakt moeten zijn ({safe_hours} uur na de melding).",
            "For {claim} the inspection on {inspected} found an acute risk; it had to be made safe by {safe} ({safe_hours} hours after the report).",
        ),
        "dl.aos.safe_ontime": (
            "Bij {claim} is op {inspected} acuut gevaar gevonden; dat moet uiterlijk {safe} veilig gemaakt zijn ({safe_hours} uur na de melding); dat is nog op tijd.",
            "For {claim} the inspection on {inspected} found an acute risk; it must be made safe by {safe} ({safe_hours} hours after the report); it is still on time.",
        ),
        "dl.aos.inspected_ontime": (
            "Bij {claim} is op {inspected} geïnspecteerd; is daarbij acuut gevaar gevonden, dan moet dat uiterlijk {safe} veilig gemaakt zijn; dat is nog op tijd. Vul de uitkomst van de inspectie aan.",
            "For {claim} the inspection took place on {inspected}; if it found an acute risk, that must be made safe by {safe}; it is still on time. Add the outcome of the inspection.",
        ),
        "dl.aos.risk_unknown": (
            "Bij {claim} is op {inspected} geïnspecteerd, maar niet vastgelegd is of er acuut gevaar is gevonden; zo ja, dan moest het uiterlijk {safe} veilig gemaakt zijn. Vul de uitkomst van de inspectie aan.",
            "For {claim} the inspection took place on {inspected}, but whether it found an acute risk is not recorded; if so, it had to be made safe by {safe}. Add the outcome of the inspection.",
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
    values = {
        "claim": claim_text(claim),
        "inspect": inspect_due,
        "safe": safe_due,
        "inspect_hours": policy.AOS_INSPECT_HOURS,
        "safe_hours": policy.AOS_SAFE_HOURS,
        "inspected": claim.inspected,
    }
    overdue: bool | None
    if claim.inspected is None:
        overdue = day > inspect_due
        key = "dl.aos.overdue" if overdue else "dl.aos.ontime"
    elif claim.risk_found is False:
        overdue, key = False, "dl.aos.inspected"
    elif day > safe_due:
        # the make-safe term counts only where the inspection found a risk
        overdue = True if claim.risk_found else None
        key = "dl.aos.safe_overdue" if overdue else "dl.aos.risk_unknown"
    else:  # inspected; only the make-safe term is still running
        overdue = False
        key = "dl.aos.safe_ontime" if claim.risk_found else "dl.aos.inspected_ontime"
    text = Text(key, values)
    row = {
        "claim_id": claim.id,
        "scheme": claim.scheme,
        "submitted": claim.submitted,
        "term_hours": policy.AOS_SAFE_HOURS,
        "inspect_due": inspect_due,
        "due": safe_due,
        "overdue": overdue,
        "days_overdue": max(0, (day - (safe_due if claim.inspected else inspect_due)).days)
        if overdue
        else 0,
    }
    result = UNKNOWN if overdue is None else (FAIL if overdue else PASS)
    return Condition("term", result, text, {"claim_id": claim.id}, SRC), row


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
    overdue = any(r["overdue"] is True for r in rows)
    outcome = True if overdue else (None if any(c.result == UNKNOWN for c in conditions) else False)
    extra = {"claims": rows, "langlopend": [r["claim_id"] for r in rows if r["overdue"] is True]}
    return Verdict("overdue", outcome, conditions, notes, extra, (SRC,))
