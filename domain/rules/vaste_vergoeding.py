"""Vaste vergoeding: may this applicant get the fixed compensation for this object?

Seven conditions from IMG's conditions page plus the scheme's start date. Location has three
routes (effect area with a quake after the construction year, deep subsidence, 6 km zone for
older buildings); any route that passes is enough, and an unknown route keeps the answer open.
"""

from __future__ import annotations

import domain.rules.vaste_vergoeding_texts  # noqa: F401  (registers the reasons)
from domain import policy
from domain.rules.common import (
    claim_text,
    damage_claims,
    in_effect_area,
    quake_fact,
    quake_text,
    strongest,
)
from domain.rules.coverage import catalogue_gap, gap_text
from domain.rules.facts import Case, Ownership, RuleSettings, Shaking
from domain.rules.verdict import (
    FAIL,
    PASS,
    UNKNOWN,
    Condition,
    Money,
    Note,
    Speed,
    Text,
    Verdict,
    all_of,
    any_of,
    as_bool,
    negate,
    tri,
)

SRC = policy.SRC_VASTE_VERGOEDING


def _holding(rights: list[Ownership], day) -> str:
    """Whether one of the applicant's rights is a holding right on ``day``."""
    if not rights:
        return FAIL
    return any_of(*(all_of(tri(o.holds_on(day)), tri(o.is_holding_right)) for o in rights))


def _request_claim(case: Case):
    """The open vaste vergoeding application being assessed, if the case lists one."""
    open_vv = [c for c in case.claims if c.scheme == "vaste_vergoeding" and c.open_on(case.as_of)]
    return max(open_vv, key=lambda c: c.submitted) if open_vv else None


def _first_report(case: Case) -> Condition:
    request = _request_claim(case)
    earlier = [c for c in damage_claims(case) if c is not request]
    if not earlier:
        return Condition("first_report", PASS, Text("vv.first.pass"), {}, SRC)
    facts = {"earlier_claims": [c.id for c in earlier]}
    only = earlier[0]
    if len(earlier) == 1 and only.scheme == "maatwerk" and only.open_on(case.as_of):
        return Condition(
            "first_report", PASS, Text("vv.first.switch", {"claim": claim_text(only)}), facts, SRC
        )
    first = min(earlier, key=lambda c: (c.submitted is None, c.submitted or case.as_of))
    return Condition(
        "first_report", FAIL, Text("vv.first.fail", {"claim": claim_text(first)}), facts, SRC
    )


def _natural_person(case: Case) -> Condition:
    flags = [o.natural_person for o in case.applicant_rights()]
    value = False if False in flags else (True if True in flags else None)
    key = {True: "vv.natural.pass", False: "vv.natural.fail", None: "vv.natural.unknown"}[value]
    return Condition("natural_person", tri(value), Text(key), {"applicant": case.applicant}, SRC)


def _holds_object(case: Case) -> Condition:
    request = _request_claim(case)
    applied = request.submitted if request else case.as_of
    rights = case.applicant_rights()
    result = (
        UNKNOWN
        if case.applicant is None
        else all_of(_holding(rights, applied), _holding(rights, case.as_of))
    )
    values = {"applied": applied, "day": case.as_of}
    key = {PASS: "vv.holds.pass", FAIL: "vv.holds.fail", UNKNOWN: "vv.holds.unknown"}[result]
    if applied == case.as_of:
        key += ".day"
    facts = {"application_date": applied, "rights": [o.right for o in rights]}
    return Condition("holds_object", result, Text(key, values), facts, SRC)


def _co_owner_consent(case: Case) -> Condition:
    request = _request_claim(case)
    day = request.submitted if request else case.as_of
    others = [o for o in case.owners if o.person_id != case.applicant]
    results, co_owners = [], []
    for o in others:
        co_owner = all_of(tri(o.holds_on(day)), tri(o.is_holding_right))
        if co_owner != FAIL:
            co_owners.append(o.person_id)
        results.append(any_of(negate(co_owner), tri(o.consents)))
    result = all_of(*results) if results else PASS
    if not co_owners and result == PASS:
        return Condition("co_owner_consent", PASS, Text("vv.consent.none"), {}, SRC)
    key = {PASS: "vv.consent.pass", FAIL: "vv.consent.fail", UNKNOWN: "vv.consent.unknown"}[result]
    facts = {"co_owners": co_owners}
    return Condition("co_owner_consent", result, Text(key, {"count": len(co_owners)}), facts, SRC)


def _route_a(case: Case, settings: RuleSettings) -> tuple[str, Text, Shaking | None]:
    threshold = {"threshold": policy.EFFECT_AREA_PGV_MM_S}
    if case.shakings is None:
        return UNKNOWN, Text("vv.loc.a.noexposure"), None
    strong = [
        s for s in case.shakings if policy.pgv_at_least(s.pgv_mm_s, policy.EFFECT_AREA_PGV_MM_S)
    ]
    if not strong:
        return FAIL, Text("vv.loc.a.noquake", threshold), None
    cy = case.object.construction_year
    if cy is None:
        return UNKNOWN, Text("vv.loc.a.noyear"), None
    owned = settings.location_window == "during_ownership"
    rights = [o for o in case.applicant_rights() if o.is_holding_right is not False]
    best, best_result = None, FAIL
    for s in strong:
        after = tri(s.day.year > cy)
        r = all_of(after, _holding(rights, s.day)) if owned else after
        if r == PASS and (best is None or best_result != PASS or s.pgv_mm_s > best.pgv_mm_s):
            best, best_result = s, PASS
        elif r == UNKNOWN and best_result == FAIL:
            best_result = UNKNOWN
    if best_result == PASS:
        key = "vv.loc.a.pass.owned" if owned else "vv.loc.a.pass"
        return PASS, Text(key, {"quake": quake_text(best), "year": cy, **threshold}), best
    if best_result == UNKNOWN:
        return UNKNOWN, Text("vv.loc.a.noperiod"), None
    key = "vv.loc.a.notowned" if owned else "vv.loc.a.before"
    return FAIL, Text(key, {"year": cy, **threshold}), None


def _route_c(case: Case, in_ea: bool | None) -> tuple[str, Text]:
    obj = case.object
    limit = policy.ZONE_6KM_BUILT_BEFORE_YEAR
    cy = obj.construction_year
    depends = Text("vv.loc.c.depends")
    parts = [
        (tri(obj.within_6km_zone), Text("vv.loc.c.far"), Text("vv.loc.c.nozone")),
        (
            tri(None if cy is None else cy < limit),
            Text("vv.loc.c.new", {"year": cy, "limit": limit}),
            Text("vv.loc.a.noyear"),
        ),
        (tri(None if in_ea is None else not in_ea), Text("vv.loc.c.inside"), depends),
        (
            tri(None if obj.in_subsidence_area is None else not obj.in_subsidence_area),
            Text("vv.loc.c.inside"),
            depends,
        ),
    ]
    result = all_of(*(p[0] for p in parts))
    if result == PASS:
        return PASS, Text("vv.loc.c.pass", {"limit": limit})
    for r, fail_text, unknown_text in parts:
        if r == result:
            return result, fail_text if r == FAIL else unknown_text
    return result, Text("vv.loc.c.nozone")


def _location(case: Case, settings: RuleSettings) -> Condition:
    in_ea = in_effect_area(case.shakings)
    a, a_text, quake = _route_a(case, settings)
    sub = case.object.in_subsidence_area
    b = tri(sub)
    b_text = Text(
        "vv.loc.b.pass" if b == PASS else ("vv.loc.b.fail" if b == FAIL else "vv.loc.b.unknown")
    )
    c, c_text = _route_c(case, in_ea)
    result = any_of(a, b, c)
    facts: dict = {
        "route_effect_area": a,
        "route_subsidence": b,
        "route_6km_zone": c,
        "in_effect_area": in_ea,
        "in_subsidence_area": sub,
        "within_6km_zone": case.object.within_6km_zone,
        "construction_year": case.object.construction_year,
        "location_window": settings.location_window,
    }
    if quake is not None:
        facts["quake"] = quake_fact(quake)
    end = catalogue_gap(case, case.as_of)
    if result == PASS:
        reason = a_text if a == PASS else (b_text if b == PASS else c_text)
    elif result == FAIL and end is not None:
        # no route passes, but a quake after the catalogue's end could still open route A
        result = UNKNOWN
        facts["catalog_end"] = end
        values = {"a": a_text, "b": b_text, "c": c_text, "gap": gap_text(end)}
        reason = Text("rules.coverage.location", values)
    else:
        key = "vv.loc.fail" if result == FAIL else "vv.loc.unknown"
        reason = Text(key, {"a": a_text, "b": b_text, "c": c_text})
    return Condition("location", result, reason, facts, SRC)


def _application_limit(case: Case) -> Condition:
    n, limit = case.prior_applications, policy.MAX_PRIOR_APPLICATIONS
    value = None if n is None else n < limit
    key = {True: "vv.limit.pass", False: "vv.limit.fail", None: "vv.limit.unknown"}[value]
    if n == 0:
        key = "vv.limit.none"
    return Condition(
        "application_limit",
        tri(value),
        Text(key, {"count": n, "max": limit}),
        {"prior_applications": n},
        SRC,
    )


def _notes(case: Case) -> tuple[list[Note], dict]:
    notes, extra = [], {"situation": None, "settlement_damage_only": None}
    best = strongest(case.shakings or ())
    if best is not None and policy.pgv_at_least(best.pgv_mm_s, policy.EFFECT_AREA_PGV_MM_S):
        a = policy.pgv_at_least(best.pgv_mm_s, policy.SITUATION_A_PGV_MM_S)
        extra["situation"] = "A" if a else "B"
        values = {
            "pgv": Speed(best.pgv_mm_s),
            "threshold": policy.SITUATION_A_PGV_MM_S,
            "low": policy.EFFECT_AREA_PGV_MM_S,
        }
        notes.append(Note("situation", Text("vv.situation.A" if a else "vv.situation.B", values)))
    if case.object.in_subsidence_area:
        cy = case.object.construction_year
        shaken = (
            None
            if case.shakings is None
            else (
                best is not None and policy.pgv_at_least(best.pgv_mm_s, policy.KWETSBAAR_PGV_MM_S)
            )
        )
        kwetsbaar = all_of(
            tri(None if cy is None else cy < policy.KWETSBAAR_BUILT_BEFORE_YEAR),
            tri(case.object.special_structural_feature),
            tri(shaken),
        )
        key = {PASS: "vv.subsidence.kwetsbaar", FAIL: "vv.subsidence.settlement"}.get(
            kwetsbaar, "vv.subsidence.unknown"
        )
        values = {"year": policy.KWETSBAAR_BUILT_BEFORE_YEAR, "pgv": policy.KWETSBAAR_PGV_MM_S}
        notes.append(Note("subsidence_presumption", Text(key, values)))
        extra["settlement_damage_only"] = as_bool({PASS: FAIL, FAIL: PASS}.get(kwetsbaar, UNKNOWN))
        extra["bijzonder_kwetsbaar"] = as_bool(kwetsbaar)
    return notes, extra


def assess_vaste_vergoeding(case: Case, settings: RuleSettings | None = None) -> Verdict:
    """Verdict on the fixed compensation for ``case`` (already seen as of its date)."""
    settings = settings or RuleSettings()
    start = policy.VASTE_VERGOEDING_FROM
    in_force = case.as_of >= start
    key = "vv.in_force.pass" if in_force else "vv.in_force.fail"
    conditions = [
        Condition(
            "scheme_in_force",
            tri(in_force),
            Text(key, {"start": start, "day": case.as_of}),
            {"valid_from": start},
            SRC,
        ),
        _first_report(case),
        _natural_person(case),
        _holds_object(case),
        _co_owner_consent(case),
        _location(case, settings),
        _application_limit(case),
        Condition(
            "whole_object",
            tri(case.whole_object),
            Text(
                {True: "vv.whole.pass", False: "vv.whole.fail", None: "vv.whole.unknown"}[
                    case.whole_object
                ]
            ),
            {},
            SRC,
        ),
    ]
    result = all_of(*(c.result for c in conditions))
    small = case.object.small
    amount = (
        None
        if small is None
        else (policy.VASTE_VERGOEDING_SMALL_EUR if small else policy.VASTE_VERGOEDING_EUR)
    )
    notes, extra = _notes(case)
    if _request_claim(case) is not None and result != FAIL:
        notes.append(Note("decision_ownership", Text("vv.holds.decision")))
    extra = {"amount_eur": Money(amount) if amount is not None else None, **extra}
    return Verdict("eligible", as_bool(result), conditions, notes, extra, (SRC,))
