"""New claim after a final decision (finality).

A final decision settles all damage present on its date. The object opens again only through a
counting quake after that date with PGV strictly above 5 mm/s, or, in a deep subsidence area,
for new settlement damage (handled as maatwerk). Which decisions are final: the fixed
compensations (policy FINAL_SCHEMES), and maatwerk only once maatwerk finality applies.
"""

from __future__ import annotations

from domain import policy
from domain.i18n import register
from domain.rules.common import claim_text, quake_fact, quake_text, strongest
from domain.rules.coverage import catalogue_gap, gap_text
from domain.rules.facts import Case, Claim
from domain.rules.verdict import (
    FAIL,
    PASS,
    UNKNOWN,
    Condition,
    Note,
    Text,
    Verdict,
    any_of,
    as_bool,
    tri,
)

SRC = policy.SRC_VASTE_VERGOEDING

register(
    {
        "nc.final.none": (
            "Er is geen definitief besluit dat een nieuwe aanvraag in de weg staat.",
            "There is no final decision standing in the way of a new application.",
        ),
        "nc.final.exists": (
            "Op {day} is definitief besloten over {claim}; dat besluit regelt alle schade die er toen was.",
            "On {day} a final decision was taken on {claim}; it settles all damage present then.",
        ),
        "nc.final.assumed": (
            "Bij {claim} staat niet of het besluit definitief is; een vaste vergoeding is altijd eenmalig en definitief, dus zo is het gerekend.",
            "For {claim} it is not stated whether the decision is final; a fixed compensation is always one-off and final, so it was counted as final.",
        ),
        "nc.final.overridden": (
            "Bij {claim} staat dat het besluit niet definitief is, maar een vaste vergoeding is altijd eenmalig en definitief, dus zo is het gerekend.",
            "For {claim} the decision is marked as not final, but a fixed compensation is always one-off and final, so it was counted as final.",
        ),
        "nc.maatwerk.notfinal": (
            "Besluiten over maatwerk zijn nog niet definitief en staan een nieuwe aanvraag niet in de weg.",
            "Decisions on a tailored assessment are not final yet and do not stand in the way of a new application.",
        ),
        "nc.reopen.pass": (
            "Na het besluit was er {quake}; dat is meer dan {threshold} mm/s, dus er kan opnieuw schade worden gemeld.",
            "After the decision there was {quake}; that is more than {threshold} mm/s, so damage can be reported again.",
        ),
        "nc.reopen.fail": (
            "Na het besluit van {day} gaf geen beving meer dan {threshold} mm/s bij het object.",
            "After the decision of {day} no quake gave more than {threshold} mm/s at the object.",
        ),
        "nc.reopen.fail.strongest": (
            "Na het besluit van {day} gaf geen beving meer dan {threshold} mm/s bij het object; de sterkste was {quake}.",
            "After the decision of {day} no quake gave more than {threshold} mm/s at the object; the strongest was {quake}.",
        ),
        "nc.reopen.unknown": (
            "De trillingen bij het object zijn niet berekend, dus niet te zeggen of een beving na het besluit het object opnieuw opent.",
            "The vibrations at the object have not been computed, so it cannot be said whether a quake after the decision reopens it.",
        ),
        "nc.subsidence.pass": (
            "Het object ligt in een bodemdalingsgebied: nieuwe zettings- of verzakkingsschade kan opnieuw worden gemeld en wordt als maatwerk behandeld.",
            "The object lies in a subsidence area: new settlement damage can be reported again and is handled as a tailored assessment.",
        ),
        "nc.subsidence.fail": (
            "Het object ligt niet in een bodemdalingsgebied, dus nieuwe zettingsschade opent het niet opnieuw.",
            "The object does not lie in a subsidence area, so new settlement damage does not reopen it.",
        ),
        "nc.subsidence.unknown": (
            "Niet bekend of het object in een bodemdalingsgebied ligt.",
            "It is not known whether the object lies in a subsidence area.",
        ),
        "nc.repeat": (
            "Sinds {start} kan nieuwe schade na zo'n beving ook met de vaste herhaalvergoeding worden afgehandeld.",
            "Since {start} new damage after such a quake can also be settled with the fixed repeat compensation.",
        ),
    }
)


def is_final(claim: Claim) -> bool | None:
    """Whether a decided claim settles the damage: True, False, or None (assumed final)."""
    if claim.decided is None or claim.withdrawn:
        return False
    if claim.scheme in policy.FINAL_SCHEMES:
        pass  # a fixed compensation is final whatever its flag says
    elif claim.scheme == "maatwerk":
        start = policy.MAATWERK_FINALITY_FROM
        if claim.final is False or start is None or claim.decided < start:
            return False
    else:
        return False
    if claim.final is True:
        return True
    return None if claim.outcome != "afgewezen" else False


def last_final_decision(case: Case) -> tuple[Claim | None, bool]:
    """The latest final decision and whether its finality was assumed (flag not given)."""
    finals = [(c, is_final(c)) for c in case.claims]
    finals = [(c, f is None) for c, f in finals if f is not False]
    if not finals:
        return None, False
    return max(finals, key=lambda cf: cf[0].decided)


def assess_new_claim(case: Case) -> Verdict:
    """Verdict on a new claim after a final decision, as of the case's date."""
    last, assumed = last_final_decision(case)
    notes: list[Note] = []
    if any(c.scheme == "maatwerk" and c.decided for c in case.claims) and (
        policy.MAATWERK_FINALITY_FROM is None
    ):
        notes.append(Note("maatwerk_not_final", Text("nc.maatwerk.notfinal")))
    extra: dict = {
        "last_final_decision": None,
        "reopening_events": [],
        "blocked_by": None,
        "settlement_damage_only": False,
    }
    if last is None:
        cond = Condition("final_decision", PASS, Text("nc.final.none"), {}, SRC)
        return Verdict("eligible", True, [cond], notes, extra, (SRC,))
    day = last.decided
    extra["last_final_decision"] = day
    facts = {"claim_id": last.id, "decided": day, "final_assumed": assumed}
    conditions = [
        Condition(
            "final_decision",
            FAIL,
            Text("nc.final.exists", {"day": day, "claim": claim_text(last)}),
            facts,
            SRC,
        )
    ]
    if assumed:
        key = "nc.final.overridden" if last.final is False else "nc.final.assumed"
        notes.append(Note("final_assumed", Text(key, {"claim": claim_text(last)})))
    threshold = policy.REOPEN_PGV_MM_S
    if case.shakings is None:
        reopen = Condition("reopening_quake", UNKNOWN, Text("nc.reopen.unknown"), {}, SRC)
    else:
        after = [s for s in case.shakings if s.day > day]
        reopening = [s for s in after if policy.pgv_above(s.pgv_mm_s, threshold)]
        extra["reopening_events"] = [s.event_id for s in reopening]
        best = strongest(reopening or after)
        if reopening:
            text = Text("nc.reopen.pass", {"quake": quake_text(best), "threshold": threshold})
        elif best is not None:
            text = Text(
                "nc.reopen.fail.strongest",
                {"day": day, "threshold": threshold, "quake": quake_text(best)},
            )
        else:
            text = Text("nc.reopen.fail", {"day": day, "threshold": threshold})
        rfacts = {"events": [quake_fact(s) for s in reopening]}
        reopen = Condition("reopening_quake", tri(bool(reopening)), text, rfacts, SRC)
    conditions.append(reopen)
    end = catalogue_gap(case, case.as_of)
    if reopen.result == FAIL and end is not None:
        # no reopening quake found, but the catalogue stops before the as-of date
        facts = {"catalog_end": end}
        conditions.append(Condition("catalog_coverage", UNKNOWN, gap_text(end), facts, SRC))
    sub = tri(case.object.in_subsidence_area)
    key = {PASS: "nc.subsidence.pass", FAIL: "nc.subsidence.fail", UNKNOWN: "nc.subsidence.unknown"}
    conditions.append(Condition("subsidence_route", sub, Text(key[sub]), {}, SRC))
    result = any_of(*(c.result for c in conditions))
    if result != PASS:
        extra["blocked_by"] = last.id
    extra["settlement_damage_only"] = reopen.result != PASS and sub == PASS
    if reopen.result == PASS and case.as_of >= policy.VASTE_HERHAALVERGOEDING_FROM:
        notes.append(
            Note(
                "vaste_herhaalvergoeding",
                Text("nc.repeat", {"start": policy.VASTE_HERHAALVERGOEDING_FROM}),
            )
        )
    return Verdict(
        "eligible",
        as_bool(result),
        conditions,
        notes,
        extra,
        (SRC, policy.SRC_JAARPLAN),
        decided_by="reopening_quake",  # after a final decision, the quake decides
    )
