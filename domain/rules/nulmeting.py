"""Nulmeting: is a baseline survey of the damage needed or possible?

Needed where a counting quake gave at least 5 mm/s at the object (5.0 itself counts), and in a
deep subsidence area, where damage is recorded with a nulmeting.
"""

from __future__ import annotations

from domain import policy
from domain.i18n import register
from domain.rules.common import quake_fact, quake_text, strongest
from domain.rules.facts import Case
from domain.rules.verdict import PASS, UNKNOWN, Condition, Text, Verdict, any_of, as_bool, tri

SRC = policy.SRC_VASTE_VERGOEDING

register(
    {
        "nm.pgv.pass": (
            "Een nulmeting kan nodig zijn: {quake}, dat is {threshold} mm/s of meer.",
            "A baseline survey may be needed: {quake}, that is {threshold} mm/s or more.",
        ),
        "nm.pgv.fail": (
            "Geen beving gaf {threshold} mm/s of meer bij het object.",
            "No quake gave {threshold} mm/s or more at the object.",
        ),
        "nm.pgv.fail.strongest": (
            "Geen beving gaf {threshold} mm/s of meer bij het object; de sterkste was {quake}.",
            "No quake gave {threshold} mm/s or more at the object; the strongest was {quake}.",
        ),
        "nm.pgv.unknown": (
            "De trillingen bij het object zijn niet berekend.",
            "The vibrations at the object have not been computed.",
        ),
        "nm.sub.pass": (
            "Het object ligt in een bodemdalingsgebied; daar wordt de schade met een nulmeting vastgelegd.",
            "The object lies in a subsidence area; there the damage is recorded with a baseline survey.",
        ),
        "nm.sub.fail": (
            "Het object ligt niet in een bodemdalingsgebied.",
            "The object does not lie in a subsidence area.",
        ),
        "nm.sub.unknown": (
            "Niet bekend of het object in een bodemdalingsgebied ligt.",
            "It is not known whether the object lies in a subsidence area.",
        ),
    }
)


def assess_nulmeting(case: Case) -> Verdict:
    """Whether a nulmeting is needed or possible for the object, as of the case's date."""
    threshold = policy.NULMETING_PGV_MM_S
    if case.shakings is None:
        pgv = Condition("pgv_threshold", UNKNOWN, Text("nm.pgv.unknown"), {}, SRC)
    else:
        best = strongest(case.shakings)
        hit = best is not None and policy.pgv_at_least(best.pgv_mm_s, threshold)
        values = {"threshold": threshold}
        if best is not None:
            values["quake"] = quake_text(best)
        key = "nm.pgv.pass" if hit else ("nm.pgv.fail.strongest" if best else "nm.pgv.fail")
        facts = {"quake": quake_fact(best)} if best is not None else {}
        pgv = Condition("pgv_threshold", tri(hit), Text(key, values), facts, SRC)
    sub = tri(case.object.in_subsidence_area)
    key = {PASS: "nm.sub.pass", UNKNOWN: "nm.sub.unknown"}.get(sub, "nm.sub.fail")
    conditions = [pgv, Condition("subsidence_area", sub, Text(key), {}, SRC)]
    result = any_of(pgv.result, sub)
    return Verdict("required", as_bool(result), conditions, [], {}, (SRC,))
