"""Hand-off of a stuck or distressing case to the IVS or the CBS: the words, the rules and
the suggestion.

A hand-off is a request with consequences (IVS advice binds IMG and NCG), so a draft must be
complete before it goes out and its status may only move along the path the teams work by.
This module is the one place that knows those words and that path; the store records them and
the plugin shows them, neither decides them.

The suggestion (:func:`assess_handoff`) is only that: people decide. Signals about a stuck
process (overdue, objection pending, samenloop with strengthening) point to the
Interventieteam Vastgelopen Situaties, which takes stuck dossiers and gives binding advice to
IMG and NCG. Signals about an individual situation that schemes do not cover (repeated damage
outside the Duurzaam herstel area, many claims on one object) point to the Commissie
Bijzondere Situaties. When both kinds are present, IVS comes first because it can also resolve
the process.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

from domain import policy
from domain.errors import Problem
from domain.i18n import register, tr
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

TARGETS = ("IVS", "CBS")
SUBMITTERS = ("gemeente", "IMG", "NCG")
REASON_CATEGORIES = (
    "bouwkundige_staat",
    "proces_vastgelopen",
    "financiele_problemen",
    "sociale_psychische_problemen",
    "schrijnende_situatie",
)
#: IVS takes stuck dossiers; CBS takes individual hardship. A reason outside the target's
#: list means the case was sent to the wrong team.
REASONS_FOR_TARGET: dict[str, tuple[str, ...]] = {
    "IVS": (
        "bouwkundige_staat",
        "proces_vastgelopen",
        "financiele_problemen",
        "sociale_psychische_problemen",
    ),
    "CBS": ("financiele_problemen", "sociale_psychische_problemen", "schrijnende_situatie"),
}

STATUSES = (
    "concept",
    "submitted",
    "in_progress",
    "proposal_to_residents",
    "binding_advice",
    "carried_out",
    "closed",
    "returned",
)
INITIAL_STATUS = "concept"
ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    "concept": frozenset({"submitted"}),
    "submitted": frozenset({"in_progress", "returned"}),
    "in_progress": frozenset({"proposal_to_residents", "returned"}),
    "proposal_to_residents": frozenset({"binding_advice"}),
    "binding_advice": frozenset({"carried_out", "closed"}),
    "carried_out": frozenset(),
    "closed": frozenset(),
    "returned": frozenset(),
}
FINAL_STATUSES = frozenset(s for s, nxt in ALLOWED_TRANSITIONS.items() if not nxt)
#: sent and not finished: what the map and the counts call "hand-off running"; a concept has
#: not gone out yet, so it is not running
RUNNING_STATUSES = frozenset(s for s in STATUSES if s != INITIAL_STATUS) - FINAL_STATUSES
#: a hand-off in any other status answers the suggestion to make one (a concept included);
#: after these the suggestion may come back
ANSWERED_BY_NONE = frozenset({"closed", "returned"})


def is_running(status: str) -> bool:
    """Whether a hand-off in ``status`` counts as running (map status, counts)."""
    return status in RUNNING_STATUSES


def answers_suggestion(statuses) -> bool:
    """Whether hand-offs in ``statuses`` make the suggestion to hand off moot: one exists
    that is neither closed nor returned."""
    return any(s not in ANSWERED_BY_NONE for s in statuses)


register(
    {
        "handoff.target.IVS": (
            "Interventieteam Vastgelopen Situaties (IVS)",
            "Intervention team for stuck situations (IVS)",
        ),
        "handoff.target.CBS": (
            "Commissie Bijzondere Situaties (CBS)",
            "Committee for special situations (CBS)",
        ),
        "handoff.submitter.gemeente": (
            "Gemeente (via de burgemeester)",
            "Municipality (via the mayor)",
        ),
        "handoff.submitter.IMG": (
            "Instituut Mijnbouwschade Groningen (IMG)",
            "Groningen Mining Damage Institute (IMG)",
        ),
        "handoff.submitter.NCG": (
            "Nationaal Coördinator Groningen (NCG)",
            "National Coordinator Groningen (NCG)",
        ),
        "handoff.reason.bouwkundige_staat": (
            "Bouwkundige staat van het gebouw",
            "Structural condition of the building",
        ),
        "handoff.reason.proces_vastgelopen": (
            "Schade- of versterkingsproces vastgelopen",
            "Damage or strengthening process stuck",
        ),
        "handoff.reason.financiele_problemen": ("Financiële problemen", "Financial problems"),
        "handoff.reason.sociale_psychische_problemen": (
            "Sociale of psychische problemen",
            "Social or psychological problems",
        ),
        "handoff.reason.schrijnende_situatie": (
            "Bijzondere individuele situatie (schrijnend)",
            "Special individual situation (hardship)",
        ),
        "handoff.status.concept": ("Concept", "Draft"),
        "handoff.status.submitted": ("Ingediend", "Submitted"),
        "handoff.status.in_progress": ("In behandeling", "In progress"),
        "handoff.status.proposal_to_residents": (
            "Voorstel aan bewoners",
            "Proposal to residents",
        ),
        "handoff.status.binding_advice": ("Bindend advies", "Binding advice"),
        "handoff.status.carried_out": ("Uitgevoerd", "Carried out"),
        "handoff.status.closed": ("Afgesloten", "Closed"),
        "handoff.status.returned": ("Teruggestuurd", "Returned"),
        "handoff.problem.object_id": (
            "Het object ontbreekt. Kies eerst het object waarvoor de overdracht is.",
            "The object is missing. Choose the object the hand-off is for first.",
        ),
        "handoff.problem.target": (
            "Kies aan wie het dossier wordt overgedragen: IVS of CBS.",
            "Choose who receives the dossier: IVS or CBS.",
        ),
        "handoff.problem.submitter_ivs": (
            "Een dossier gaat naar het IVS via de gemeente (burgemeester), het IMG of de NCG. "
            "Kies een van deze drie als indiener.",
            "A dossier reaches the IVS through the municipality (mayor), IMG or NCG. "
            "Choose one of these three as submitter.",
        ),
        "handoff.problem.submitter": (
            "Kies wie het dossier indient: de gemeente, het IMG of de NCG.",
            "Choose who submits the dossier: the municipality, IMG or NCG.",
        ),
        "handoff.problem.reason_category": (
            "Kies de reden van de overdracht uit de lijst.",
            "Choose the reason for the hand-off from the list.",
        ),
        "handoff.problem.reason_for_target": (
            "'{reason}' past niet bij {target}. {target} behandelt: {allowed}. "
            "Kies een passende reden of een andere ontvanger.",
            "'{reason}' does not fit {target}. {target} handles: {allowed}. "
            "Choose a fitting reason or another recipient.",
        ),
        "handoff.problem.narrative": (
            "Beschrijf de situatie in ten minste {minimum} tekens (nu {length}): wat zit vast, "
            "sinds wanneer, en wat is al geprobeerd.",
            "Describe the situation in at least {minimum} characters (now {length}): what is "
            "stuck, since when, and what has been tried.",
        ),
        "handoff.problem.consent": (
            "De bewoners moeten instemmen voordat het dossier wordt ingediend. "
            "Vraag hun toestemming en vink die aan.",
            "The residents must consent before the dossier is submitted. "
            "Ask for their consent and tick it.",
        ),
        "handoff.problem.linked_claim_unknown": (
            "Melding '{claim}' hoort niet bij dit object. Koppel alleen meldingen van dit object.",
            "Claim '{claim}' does not belong to this object. Link only this object's claims.",
        ),
        "handoff.problem.linked_claim_twice": (
            "Melding '{claim}' is twee keer gekoppeld. Koppel elke melding één keer.",
            "Claim '{claim}' is linked twice. Link each claim once.",
        ),
        "handoff.problem.status_unknown": (
            "Onbekende status '{status}'. Geldig zijn: {allowed}.",
            "Unknown status '{status}'. Valid are: {allowed}.",
        ),
        "handoff.problem.transition": (
            "Van '{old}' kan de status niet naar '{new}'. Mogelijk is: {allowed}.",
            "The status cannot go from '{old}' to '{new}'. Possible: {allowed}.",
        ),
        "handoff.problem.transition_final": (
            "De overdracht is '{old}' en daarmee afgerond; de status verandert niet meer. "
            "Maak zo nodig een nieuwe overdracht.",
            "The hand-off is '{old}' and therefore finished; its status no longer changes. "
            "Create a new hand-off if needed.",
        ),
        "handoff.none": ("geen", "none"),
    }
)


@dataclass(frozen=True)
class HandOffDraft:
    """What a person fills in before a hand-off is recorded; nothing here is decided yet."""

    object_id: str
    target: str
    submitter: str
    reason_category: str
    narrative: str
    resident_consent: bool
    linked_claim_ids: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        object.__setattr__(self, "linked_claim_ids", tuple(self.linked_claim_ids or ()))

    def as_dict(self) -> dict:
        data = asdict(self)
        data["linked_claim_ids"] = list(self.linked_claim_ids)
        return data


def target_label(target: str, lang: str | None = None) -> str:
    return tr(f"handoff.target.{target}", lang) if target in TARGETS else target


def submitter_label(submitter: str, lang: str | None = None) -> str:
    return tr(f"handoff.submitter.{submitter}", lang) if submitter in SUBMITTERS else submitter


def reason_label(reason: str, lang: str | None = None) -> str:
    return tr(f"handoff.reason.{reason}", lang) if reason in REASON_CATEGORIES else reason


def status_label(status: str, lang: str | None = None) -> str:
    return tr(f"handoff.status.{status}", lang) if status in STATUSES else status


def next_statuses(status: str) -> tuple[str, ...]:
    """The statuses a hand-off may move to from ``status``, in the order of the path."""
    allowed = ALLOWED_TRANSITIONS.get(status, frozenset())
    return tuple(s for s in STATUSES if s in allowed)


def validate_draft(
    draft: HandOffDraft,
    lang: str | None = None,
    known_claim_ids: Sequence[str] | None = None,
    for_submission: bool = True,
) -> list[Problem]:
    """Every problem with the draft, each on the field to fix; empty when it may go out.

    ``known_claim_ids`` (the object's claims) lets linked claims be checked; ``for_submission``
    False checks a concept, which may still lack the residents' consent.
    """
    problems: list[Problem] = []

    def add(field_name: str, key: str, **values: object) -> None:
        problems.append(Problem(tr(key, lang, **values), field=field_name))

    if not str(draft.object_id or "").strip():
        add("object_id", "handoff.problem.object_id")
    if draft.target not in TARGETS:
        add("target", "handoff.problem.target")
    if draft.submitter not in SUBMITTERS:
        key = (
            "handoff.problem.submitter_ivs"
            if draft.target == "IVS"
            else "handoff.problem.submitter"
        )
        add("submitter", key)
    if draft.reason_category not in REASON_CATEGORIES:
        add("reason_category", "handoff.problem.reason_category")
    elif draft.target in TARGETS and draft.reason_category not in REASONS_FOR_TARGET[draft.target]:
        allowed = ", ".join(reason_label(r, lang) for r in REASONS_FOR_TARGET[draft.target])
        add(
            "reason_category",
            "handoff.problem.reason_for_target",
            reason=reason_label(draft.reason_category, lang),
            target=draft.target,
            allowed=allowed,
        )
    length = len((draft.narrative or "").strip())
    minimum = policy.HANDOFF_NARRATIVE_MIN_CHARS
    if length < minimum:
        add("narrative", "handoff.problem.narrative", minimum=minimum, length=length)
    if for_submission and draft.resident_consent is not True:
        add("resident_consent", "handoff.problem.consent")
    seen: set[str] = set()
    known = None if known_claim_ids is None else set(known_claim_ids)
    for claim_id in draft.linked_claim_ids:
        if claim_id in seen:
            add("linked_claim_ids", "handoff.problem.linked_claim_twice", claim=claim_id)
        elif known is not None and claim_id not in known:
            add("linked_claim_ids", "handoff.problem.linked_claim_unknown", claim=claim_id)
        seen.add(claim_id)
    return problems


def check_transition(old: str, new: str, lang: str | None = None) -> Problem | None:
    """None when a hand-off may move from ``old`` to ``new``; else the problem, saying what may."""
    for status in (old, new):
        if status not in STATUSES:
            allowed = ", ".join(STATUSES)
            return Problem(
                tr("handoff.problem.status_unknown", lang, status=status, allowed=allowed),
                field="status",
            )
    if new in ALLOWED_TRANSITIONS[old]:
        return None
    if old in FINAL_STATUSES:
        return Problem(tr("handoff.problem.transition_final", lang, old=old), field="status")
    allowed = ", ".join(next_statuses(old)) or tr("handoff.none", lang)
    return Problem(
        tr("handoff.problem.transition", lang, old=old, new=new, allowed=allowed),
        field="status",
    )


# The suggestion to hand off: signals on the case's date add up; people decide.

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
