"""Hand-off of a stuck or distressing case to the IVS or the CBS: the words and the rules.

A hand-off is a request with consequences (IVS advice binds IMG and NCG), so a draft must be
complete before it goes out and its status may only move along the path the teams work by.
This module is the one place that knows those words and that path; the store records them and
the plugin shows them, neither decides them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

from domain import policy
from domain.errors import Problem
from domain.i18n import register, tr

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
