"""Aanvullende vaste vergoeding: earlier payments for the object topped up to the fixed amount.

IMG Jaarplan 2026: compensation received before for physical damage to the object, whether paid
by NAM, CVW, TCMG or IMG, is topped up to €10,000 (€5,000 for a small building or object). Three
conditions: an earlier awarded payment, their total below the cap, and the applicant holding
the object (a former owner from the dated policy entry ``AVV_FORMER_OWNERS_FROM``). The amount
is the cap minus the total. A payment whose handler, outcome or amount is not known keeps the
answer open: it is never read as "no payment".
"""

from __future__ import annotations

from dataclasses import replace

import domain.rules.aanvullende_vaste_vergoeding_texts  # noqa: F401  (registers the reasons)
from domain import policy
from domain.rules.common import claim_text, damage_claims
from domain.rules.facts import Case, Claim, Ownership
from domain.rules.verdict import (
    FAIL,
    PASS,
    UNKNOWN,
    Condition,
    Money,
    Note,
    Text,
    Verdict,
    all_of,
    any_of,
    as_bool,
    tri,
)

SRC = policy.SRC_JAARPLAN


def _payments(case: Case) -> tuple[list[Claim], list[Claim]]:
    """Awarded earlier payments by a known handler, and decided claims that may be one.

    A decided damage claim counts as a payment when it was awarded by NAM, CVW, TCMG or IMG (a
    scheme only IMG runs was IMG's); one with an unknown handler or an unknown outcome might be
    one (so: unknown, never skipped). A Duurzaam herstel subsidy is no compensation for damage
    (policy AVV_NOT_A_PAYMENT_SCHEMES) and is not counted.
    """
    known, unsure = [], []
    for c in damage_claims(case):
        if c.decided is None or c.scheme in policy.AVV_NOT_A_PAYMENT_SCHEMES:
            continue
        if c.handler is None and c.scheme in policy.IMG_ONLY_SCHEMES:
            c = replace(c, handler="IMG")
        if c.outcome is None:
            unsure.append(c)
        elif c.outcome in policy.AWARDED_OUTCOMES:
            (known if c.handler in policy.CLAIM_HANDLERS else unsure).append(c)
    return known, unsure


def _latest(claims: list[Claim]) -> Claim:
    return max(claims, key=lambda c: (c.decided, c.id))


def _unsure_text(prefix: str, c: Claim) -> Text:
    kind = "outcome" if c.outcome is None else "handler"
    if prefix == "avv.cap":
        kind = "claims"
    return Text(f"{prefix}.unknown.{kind}", {"claim": claim_text(c)})


def _earlier_payment(known: list[Claim], unsure: list[Claim]) -> Condition:
    facts = {"payments": [c.id for c in known], "unsure": [c.id for c in unsure]}
    if known:
        last = _latest(known)
        times = Text("avv.times.one" if len(known) == 1 else "avv.times.many", {"n": len(known)})
        values = {"count": times, "claim": claim_text(last), "handler": last.handler}
        return Condition("earlier_payment", PASS, Text("avv.earlier.pass", values), facts, SRC)
    if unsure:
        return Condition(
            "earlier_payment", UNKNOWN, _unsure_text("avv.earlier", _latest(unsure)), facts, SRC
        )
    return Condition("earlier_payment", FAIL, Text("avv.earlier.fail"), facts, SRC)


def _below_cap(
    case: Case, known: list[Claim], unsure: list[Claim]
) -> tuple[Condition, float | None]:
    """Whether the total paid is below the cap, and the top-up (None when not known)."""
    small = case.object.small
    big, little = policy.AVV_CAP_EUR, policy.AVV_CAP_SMALL_EUR
    cap = None if small is None else (little if small else big)
    # euro amounts in cents: 10,000 - 9,999.99 is 0.01, not 0.010000000000218
    total = round(float(sum(c.amount for c in known if c.amount is not None)), 2)
    no_amount = [c for c in known if c.amount is None]
    values = {"total": Money(total), "cap": Money(cap or big), "small_cap": Money(little)}
    facts = {"total_eur": total, "cap_eur": cap, "small": small}
    if not known and not unsure:
        return Condition("below_cap", PASS, Text("avv.cap.none"), facts, SRC), None
    if total >= (cap or big):
        return Condition("below_cap", FAIL, Text("avv.cap.fail", values), facts, SRC), None
    if no_amount:
        text = Text("avv.cap.unknown.amount", {"claim": claim_text(_latest(no_amount))})
        return Condition("below_cap", UNKNOWN, text, facts, SRC), None
    if unsure:
        return Condition(
            "below_cap", UNKNOWN, _unsure_text("avv.cap", _latest(unsure)), facts, SRC
        ), None
    if cap is None:
        if total < little:
            return Condition(
                "below_cap", PASS, Text("avv.cap.pass.nosize", values), facts, SRC
            ), None
        return Condition(
            "below_cap", UNKNOWN, Text("avv.cap.unknown.size", values), facts, SRC
        ), None
    amount = round(cap - total, 2)
    values["amount"] = Money(amount)
    return Condition("below_cap", PASS, Text("avv.cap.pass", values), facts, SRC), amount


def _holding(rights: list[Ownership], day) -> str:
    if not rights:
        return FAIL
    return any_of(*(all_of(tri(o.holds_on(day)), tri(o.is_holding_right)) for o in rights))


def _former(rights: list[Ownership], day) -> str:
    """Whether the applicant held the object before ``day`` (a right that has ended)."""
    if not rights:
        return FAIL
    ended = []
    for o in rights:
        started = None if o.start is None else o.start <= day
        gone = o.until is not None and o.until <= day
        ended.append(all_of(tri(started), tri(gone), tri(o.is_holding_right)))
    return any_of(*ended)


def _holds_object(case: Case) -> tuple[Condition, bool | None]:
    day, start = case.as_of, policy.AVV_FORMER_OWNERS_FROM
    values = {"day": day, "start": start}
    if case.applicant is None:
        return Condition("holds_object", UNKNOWN, Text("avv.holds.unknown", values), {}, SRC), None
    rights = case.applicant_rights()
    now, former = _holding(rights, day), _former(rights, day)
    opened = day >= start
    facts = {"rights": [o.right for o in rights], "former_owners_from": start}
    if now == PASS:
        return Condition("holds_object", PASS, Text("avv.holds.pass", values), facts, SRC), False
    if former == PASS:
        key = "avv.holds.former.pass" if opened else "avv.holds.former.fail"
        result = PASS if opened else FAIL
        return Condition("holds_object", result, Text(key, values), facts, SRC), True
    if UNKNOWN in (now, former):
        return Condition(
            "holds_object", UNKNOWN, Text("avv.holds.unknown", values), facts, SRC
        ), None
    return Condition("holds_object", FAIL, Text("avv.holds.fail", values), facts, SRC), False


def assess_aanvullende_vaste_vergoeding(case: Case) -> Verdict:
    """Verdict on the top-up of earlier payments for ``case`` (already seen as of its date)."""
    known, unsure = _payments(case)
    earlier = _earlier_payment(known, unsure)
    cap, amount = _below_cap(case, known, unsure)
    holds, former_owner = _holds_object(case)
    conditions = [earlier, cap, holds]
    result = all_of(*(c.result for c in conditions))
    notes = []
    if former_owner and holds.result == PASS:
        start = policy.AVV_FORMER_OWNERS_FROM
        notes.append(Note("former_owner_date", Text("avv.former_owner_source", {"start": start})))
    extra = {
        "amount_eur": Money(amount) if amount is not None and result != FAIL else None,
        "earlier_total_eur": Money(cap.facts["total_eur"]),
        "former_owner": former_owner,
    }
    return Verdict("eligible", as_bool(result), conditions, notes, extra, (SRC,))
