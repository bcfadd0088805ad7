"""Hand-off suggestion: when signs add up, suggest putting the dossier to IVS or CBS.

Only a suggestion: people decide. Signals about a stuck process (overdue, objection pending,
samenloop with strengthening) point to the Interventieteam Vastgelopen Situaties, which takes
stuck dossiers and gives binding advice to IMG and NCG. Signals about an individual situation
that schemes do not cover (repeated damage outside the Duurzaam herstel area, many claims on one
object) point to the Commissie Bijzondere Situaties. When both kinds are present, IVS comes
first because it can also resolve the process.
"""

from __future__ import annotations

from domain import policy
from domain.i18n import register
from domain.rules.common import damage_claims, dh_quake_count
from domain.rules.facts import Case
from domain.rules.verdict import (
    FAIL,
    PASS,
    UNKNOWN,
    Condition,
    Note,
    Text,
    Verdict,
    all_of,
    negate,
    tri,
)

SRC = policy.SRC_IVS

register(
    {
        "ho.overdue.pass": (
            "Een aanvraag loopt langer dan de termijn.",
            "An application has run past its term.",
        ),
        "ho.overdue.fail": ("Geen aanvraag loopt te lang.", "No application is overdue."),
        "ho.overdue.unknown": (
            "Van een lopende aanvraag is de termijn niet te bepalen.",
            "For a running application the term cannot be determined.",
        ),
        "ho.objection.pass": (
            "Er loopt een bezwaar tegen een besluit.",
            "An objection against a decision is pending.",
        ),
        "ho.objection.fail": ("Er loopt geen bezwaar.", "No objection is pending."),
        "ho.samenloop.pass": (
            "Het object heeft zowel een schadedossier als versterking door NCG (samenloop).",
            "The object has both a damage claim and strengthening by NCG (samenloop).",
        ),
        "ho.samenloop.fail": (
            "Er is geen samenloop van schade en versterking.",
            "There is no overlap of damage handling and strengthening.",
        ),
        "ho.samenloop.unknown": (
            "Niet bekend of het object in de versterking zit.",
            "It is not known whether the object is in the strengthening programme.",
        ),
        "ho.repeated.pass": (
            "Er is herhaaldelijk schade gemeld ({count} keer) terwijl het object buiten het gebied voor duurzaam herstel ligt.",
            "Damage was reported repeatedly ({count} times) while the object lies outside the lasting repair area.",
        ),
        "ho.repeated.fail": (
            "Geen herhaalde schade buiten het gebied voor duurzaam herstel.",
            "No repeated damage outside the lasting repair area.",
        ),
        "ho.repeated.unknown": (
            "Er is herhaaldelijk schade gemeld, maar niet bekend of het object in het gebied voor duurzaam herstel ligt.",
            "Damage was reported repeatedly, but it is not known whether the object lies in the lasting repair area.",
        ),
        "ho.many.pass": (
            "Er zijn {count} aanvragen voor dit object; vanaf {min} is dat een signaal.",
            "There are {count} applications for this object; from {min} that is a signal.",
        ),
        "ho.many.one": (
            "Er is één aanvraag voor dit object; pas vanaf {min} is dat een signaal.",
            "There is one application for this object; it becomes a signal from {min}.",
        ),
        "ho.many.none": (
            "Er zijn nog geen aanvragen voor dit object.",
            "There are no applications for this object yet.",
        ),
        "ho.many.fail": (
            "Er zijn {count} aanvragen voor dit object; pas vanaf {min} is dat een signaal.",
            "There are {count} applications for this object; it becomes a signal from {min}.",
        ),
        "ho.target.ivs": (
            "Voorstel: leg het dossier voor aan het Interventieteam Vastgelopen Situaties, omdat het proces vastloopt; dat team geeft bindend advies aan IMG en NCG. Dit is alleen een voorstel.",
            "Suggestion: put the dossier to the Intervention Team for Stuck Situations, because the process is stuck; that team gives binding advice to IMG and NCG. This is only a suggestion.",
        ),
        "ho.target.cbs": (
            "Voorstel: leg de situatie voor aan de Commissie Bijzondere Situaties, omdat het om een persoonlijke, schrijnende situatie gaat die de regelingen niet oplossen. Dit is alleen een voorstel.",
            "Suggestion: put the situation to the Committee for Special Situations, because it is a personal hardship the schemes do not resolve. This is only a suggestion.",
        ),
        "ho.none": (
            "Er komen te weinig signalen samen ({count} van de {min} nodig) om een overdracht voor te stellen.",
            "Too few signals come together ({count} of the {min} needed) to suggest a hand-off.",
        ),
        "ho.open": (
            "Nog niet te zeggen of een overdracht nodig is: {count} signalen zijn er, van andere is het niet bekend.",
            "It cannot yet be said whether a hand-off is needed: {count} signals are present, others are not known.",
        ),
    }
)


def _cond(cid: str, prefix: str, result: str, values: dict | None = None) -> Condition:
    return Condition(cid, result, Text(f"{prefix}.{result}", values or {}), {}, SRC)


def assess_handoff(case: Case, overdue: bool | None) -> Verdict:
    """Suggestion to hand the dossier to IVS or CBS, from the signals present on the case's date.

    ``overdue`` is the deadlines verdict's outcome (so the terms are computed once).
    """
    claims = [c for c in case.claims if not c.withdrawn]
    damage = damage_claims(case)
    pending = any(c.objection is not None and c.objection.decided is None for c in claims)
    ncg = case.object.in_ncg_programme
    samenloop = FAIL if not damage else tri(ncg)
    in_dh = None if case.shakings is None else dh_quake_count(case.shakings) >= policy.DH_MIN_QUAKES
    repeated_n = policy.HANDOFF_REPEATED_DAMAGE_CLAIMS
    repeated = all_of(tri(len(damage) >= repeated_n), negate(tri(in_dh)))
    many_n = policy.HANDOFF_MANY_CLAIMS
    many = tri(len(claims) >= many_n)
    count_values = {"count": len(claims), "min": many_n}
    conditions = [
        _cond("case_overdue", "ho.overdue", tri(overdue)),
        _cond("objection_pending", "ho.objection", tri(pending)),
        _cond("samenloop", "ho.samenloop", samenloop),
        _cond("repeated_damage_outside_dh", "ho.repeated", repeated, {"count": len(damage)}),
        _cond("many_claims", "ho.many", many, count_values),
    ]
    if len(claims) < 2:
        text = Text("ho.many.one" if claims else "ho.many.none", count_values)
        conditions[-1] = Condition("many_claims", many, text, {}, SRC)
    present = [c.id for c in conditions if c.result == PASS]
    unknown = [c.id for c in conditions if c.result == UNKNOWN]
    need = policy.HANDOFF_MIN_SIGNALS
    if len(present) >= need:
        suggested = True
    elif len(present) + len(unknown) < need:
        suggested = False
    else:
        suggested = None
    target = None
    if suggested:
        target = "IVS" if set(present) & set(policy.HANDOFF_IVS_SIGNALS) else "CBS"
        note = Note("target", Text("ho.target.ivs" if target == "IVS" else "ho.target.cbs"))
    elif suggested is False:
        note = Note("target", Text("ho.none", {"count": len(present), "min": need}))
    else:
        note = Note("target", Text("ho.open", {"count": len(present)}))
    signals = [{"id": c.id, "reason": c.reason} for c in conditions if c.result == PASS]
    extra = {"target": target, "signals": signals}
    return Verdict("suggested", suggested, conditions, [note], extra, (SRC, policy.SRC_DH))
