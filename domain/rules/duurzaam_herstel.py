"""Duurzaam herstel: a subsidy to remove an underlying structural defect so damage stops recurring.

Two regimes: the pilot (from summer 2023, around Appingedam, Ten Boer and Loppersum, widened in
2024 to the strengthening work area; €15,000 of recognised damage; at most €125,000) and the
policy of 2026-01-01 (area of at least four quakes of ≥ 5 mm/s before 2026; €5,000 of D3 damage;
at most the WOZ value capped at €500,000, no cap for a Rijksmonument). Only for woningen (the
Kamerbrief speaks of homes throughout). Existing pilot dossiers are finished under the new
maximum, whatever the new area and the new entry thresholds say (Kamerbrief: "alle bestaande
Duurzaam herstel dossiers [worden] gewoon afgemaakt, met toepassing van het verhoogde
maximumbedrag").
"""

from __future__ import annotations

from domain import policy
from domain.i18n import register
from domain.rules.common import damage_claims, dh_quake_count, in_effect_area
from domain.rules.coverage import catalogue_gap, gap_text
from domain.rules.facts import Case
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

SRC = policy.SRC_DH

register(
    {
        "dh.in_force.before": (
            "Op {day} bestond duurzaam herstel nog niet; de pilot begon in de zomer van {year}.",
            "On {day} lasting repair did not exist yet; the pilot began in the summer of {year}.",
        ),
        "dh.in_force.pilot": (
            "Op {day} gelden de regels van de pilot; de nieuwe beleidsregel geldt vanaf {start}.",
            "On {day} the pilot rules apply; the new policy applies from {start}.",
        ),
        "dh.in_force.policy": (
            "De beleidsregel voor duurzaam herstel geldt sinds {start}.",
            "The lasting repair policy applies since {start}.",
        ),
        "dh.area.pass": (
            "Het adres had {quakes} van ten minste {pgv} mm/s vóór {before}; minstens {min} is genoeg.",
            "The address had {quakes} of at least {pgv} mm/s before {before}; at least {min} is enough.",
        ),
        "dh.area.fail": (
            "Het adres had {quakes} van ten minste {pgv} mm/s vóór {before}; dat is minder dan {min}, dus het ligt buiten het gebied voor duurzaam herstel.",
            "The address had {quakes} of at least {pgv} mm/s before {before}; that is fewer than {min}, so it lies outside the lasting repair area.",
        ),
        "dh.quakes.one": ("{count} beving", "{count} quake"),
        "dh.quakes.many": ("{count} bevingen", "{count} quakes"),
        "dh.area.unknown": (
            "De trillingen bij het object zijn niet berekend, dus niet te zeggen of het in het gebied voor duurzaam herstel ligt.",
            "The vibrations at the object have not been computed, so it cannot be said whether it lies in the lasting repair area.",
        ),
        "dh.area.pilot_dossier": (
            "Dit dossier is in de pilot gestart en wordt afgemaakt met het verhoogde maximumbedrag, wat het nieuwe gebied ook zegt.",
            "This dossier was started in the pilot and will be finished with the raised maximum, whatever the new area says.",
        ),
        "dh.pilot_dossier.entry": (
            "De toegang tot dit pilotdossier is al onder de regels van de pilot beoordeeld; de nieuwe drempels gelden er niet voor.",
            "Access to this pilot dossier was already assessed under the pilot rules; the new thresholds do not apply to it.",
        ),
        "dh.woning.pass": (
            "Het object is een woning.",
            "The object is a home.",
        ),
        "dh.woning.fail": (
            "Het object is geen woning; duurzaam herstel is alleen voor woningen.",
            "The object is not a home; lasting repair is only for homes.",
        ),
        "dh.woning.unknown": (
            "Niet bekend of het object een woning is; duurzaam herstel is alleen voor woningen. Vul het gebruik aan.",
            "It is not known whether the object is a home; lasting repair is only for homes. Add its use.",
        ),
        "dh.area.pilot.pass": (
            "Het object ligt in het gebied van de pilot.",
            "The object lies in the pilot area.",
        ),
        "dh.area.pilot.fail": (
            "Het object ligt buiten het gebied van de pilot (rond Appingedam, Ten Boer en Loppersum, en vanaf {year} het werkgebied van de versterking).",
            "The object lies outside the pilot area (around Appingedam, Ten Boer and Loppersum, and from {year} the strengthening work area).",
        ),
        "dh.area.pilot.unknown": (
            "Niet bekend of het object in het gebied van de pilot ligt; vul de plaats of de deelname aan de versterking aan.",
            "It is not known whether the object lies in the pilot area; add the place or whether it is in the strengthening programme.",
        ),
        "dh.defect.pass": (
            "Er is een onderliggend constructief gebrek waardoor schade steeds terugkomt.",
            "There is an underlying structural defect that makes damage come back.",
        ),
        "dh.defect.fail": (
            "Er is geen onderliggend constructief gebrek vastgesteld waardoor schade terugkomt.",
            "No underlying structural defect making damage come back has been found.",
        ),
        "dh.defect.unknown": (
            "Nog niet onderzocht of er een onderliggend constructief gebrek is.",
            "It has not yet been examined whether there is an underlying structural defect.",
        ),
        "dh.d3.pass": (
            "De schade die bij het gebrek hoort is {amount}; dat is ten minste {min}.",
            "The damage linked to the defect is {amount}; that is at least {min}.",
        ),
        "dh.d3.fail": (
            "De schade die bij het gebrek hoort is {amount}; dat is minder dan {min}.",
            "The damage linked to the defect is {amount}; that is less than {min}.",
        ),
        "dh.d3.unknown": (
            "Het bedrag van de schade die bij het gebrek hoort is niet bekend; het moet ten minste {min} zijn.",
            "The amount of damage linked to the defect is not known; it must be at least {min}.",
        ),
        "dh.pilot_damage.pass": (
            "Er is {amount} aan erkende bevingsschade; in de pilot was ten minste {min} nodig.",
            "There is {amount} of recognised quake damage; the pilot required at least {min}.",
        ),
        "dh.pilot_damage.fail": (
            "Er is {amount} aan erkende bevingsschade; in de pilot was ten minste {min} nodig.",
            "There is {amount} of recognised quake damage; the pilot required at least {min}.",
        ),
        "dh.pilot_damage.unknown": (
            "Het bedrag aan erkende bevingsschade is niet bekend; in de pilot was ten minste {min} nodig.",
            "The amount of recognised quake damage is not known; the pilot required at least {min}.",
        ),
        "dh.unhandled.pass": (
            "Een deel van de schade is nog niet eerder afgehandeld.",
            "Part of the damage has not been handled before.",
        ),
        "dh.unhandled.fail": (
            "Alle schade is al eerder afgehandeld; er moet ook nog niet afgehandelde schade zijn.",
            "All damage has been handled before; there must also be damage not yet handled.",
        ),
        "dh.unhandled.unknown": (
            "Niet bekend of er schade is die nog niet is afgehandeld.",
            "It is not known whether there is damage that has not been handled yet.",
        ),
        "dh.max.woz": (
            "De bijdrage is hoogstens de WOZ-waarde, met een maximum van {cap}: hier {amount}.",
            "The contribution is at most the WOZ value, capped at {cap}: here {amount}.",
        ),
        "dh.max.monument": (
            "Voor een Rijksmonument geldt geen maximumbedrag.",
            "For a national monument there is no maximum amount.",
        ),
        "dh.max.unknown": (
            "Het maximumbedrag is nog niet te bepalen: de WOZ-waarde of de monumentstatus is niet bekend.",
            "The maximum cannot be set yet: the WOZ value or the monument status is not known.",
        ),
        "dh.max.pilot": (
            "In de pilot was de bijdrage hoogstens {cap}.",
            "In the pilot the contribution was at most {cap}.",
        ),
        "dh.hint.ivs_cbs": (
            "Buiten het gebied voor duurzaam herstel kunnen schrijnende gevallen nog geholpen worden via het Interventieteam Vastgelopen Situaties of de Commissie Bijzondere Situaties.",
            "Outside the lasting repair area, distressing cases may still be helped by the Intervention Team for Stuck Situations or the Committee for Special Situations.",
        ),
        "dh.samenloop": (
            "Het object zit ook in de versterking; de eigenaar kan duurzaam herstel en versterking in één keer laten doen.",
            "The object is also in the strengthening programme; the owner may have lasting repair and strengthening done in one go.",
        ),
    }
)


def _quakes(count: int) -> Text:
    """The count with its noun in the right number: 1 beving, 4 bevingen."""
    return Text("dh.quakes.one" if count == 1 else "dh.quakes.many", {"count": count})


def _area_policy(case: Case) -> Condition:
    if case.dh.pilot_dossier:
        return Condition(
            "dh_area",
            PASS,
            Text("dh.area.pilot_dossier"),
            {"pilot_dossier": True},
            policy.SRC_DH_PILOT_DOSSIERS,
        )
    values = {
        "pgv": policy.DH_PGV_MM_S,
        "before": policy.DH_QUAKES_BEFORE,
        "min": policy.DH_MIN_QUAKES,
    }
    if case.shakings is None:
        return Condition("dh_area", UNKNOWN, Text("dh.area.unknown", values), {}, SRC)
    count = dh_quake_count(case.shakings)
    ok = count >= policy.DH_MIN_QUAKES
    end = catalogue_gap(case, policy.DH_CATALOG_NEEDED_UNTIL)
    if not ok and end is not None:
        # fewer than four known, but the catalogue stops before the counting period ends
        quakes = _quakes(count)
        text = Text("rules.coverage.dh_area", {"quakes": quakes, **values, "gap": gap_text(end)})
        facts = {"dh_quake_count": count, "catalog_end": end}
        return Condition("dh_area", UNKNOWN, text, facts, SRC)
    text = Text("dh.area.pass" if ok else "dh.area.fail", {"quakes": _quakes(count), **values})
    return Condition("dh_area", tri(ok), text, {"dh_quake_count": count}, SRC)


def _area_pilot(case: Case) -> Condition:
    obj = case.object
    in_places = None if obj.place is None else obj.place in policy.DH_PILOT_PLACES
    widened = case.as_of >= policy.DH_PILOT_AREA_EXTENDED_FROM
    result = any_of(tri(in_places), tri(obj.in_ncg_programme) if widened else FAIL)
    key = {PASS: "dh.area.pilot.pass", FAIL: "dh.area.pilot.fail"}.get(
        result, "dh.area.pilot.unknown"
    )
    facts = {"place": obj.place, "in_ncg_programme": obj.in_ncg_programme}
    values = {"year": policy.DH_PILOT_AREA_EXTENDED_FROM.year}
    return Condition("dh_area", result, Text(key, values), facts, SRC)


def _recognised_damage(case: Case) -> float | None:
    if case.dh.recognised_damage_eur is not None:
        return case.dh.recognised_damage_eur
    awarded = [c for c in damage_claims(case) if c.decided and c.outcome in policy.AWARDED_OUTCOMES]
    if any(c.amount is None for c in awarded):
        return None
    return float(sum(c.amount for c in awarded))


def _damage(case: Case, pilot: bool) -> Condition:
    if pilot:
        amount, minimum, prefix = (
            _recognised_damage(case),
            policy.DH_PILOT_MIN_DAMAGE_EUR,
            "dh.pilot_damage",
        )
    else:
        amount, minimum, prefix = case.dh.d3_damage_eur, policy.DH_D3_MIN_EUR, "dh.d3"
    ok = None if amount is None else amount >= minimum
    suffix = {True: "pass", False: "fail", None: "unknown"}[ok]
    values = {"min": Money(minimum)}
    if amount is not None:
        values["amount"] = Money(amount)
    facts = {"damage_eur": amount, "minimum_eur": minimum}
    return Condition("d3_threshold", tri(ok), Text(f"{prefix}.{suffix}", values), facts, SRC)


def _woning(case: Case) -> Condition:
    use = case.object.use
    value = None if use is None else use == "woning"
    suffix = {True: "pass", False: "fail", None: "unknown"}[value]
    return Condition("woning", tri(value), Text(f"dh.woning.{suffix}"), {"use": use}, SRC)


def _flag(cid: str, prefix: str, value: bool | None) -> Condition:
    suffix = {True: "pass", False: "fail", None: "unknown"}[value]
    return Condition(cid, tri(value), Text(f"{prefix}.{suffix}"), {}, SRC)


def _maximum(case: Case, pilot: bool) -> tuple[dict, Note]:
    if pilot:
        cap = policy.DH_PILOT_MAX_CONTRIBUTION_EUR
        note = Note("max_contribution", Text("dh.max.pilot", {"cap": Money(cap)}))
        return {"max_contribution_eur": Money(cap), "capped": True}, note
    cap = policy.DH_MAX_CONTRIBUTION_EUR
    monument, woz = case.object.rijksmonument, case.object.woz_value
    if monument:
        note = Note("max_contribution", Text("dh.max.monument"))
        return {"max_contribution_eur": None, "capped": False}, note
    if monument is None or woz is None:
        note = Note("max_contribution", Text("dh.max.unknown"))
        return {"max_contribution_eur": None, "capped": None}, note
    amount = min(float(woz), float(cap))
    note = Note(
        "max_contribution", Text("dh.max.woz", {"cap": Money(cap), "amount": Money(amount)})
    )
    return {"max_contribution_eur": Money(amount), "capped": True}, note


def assess_duurzaam_herstel(case: Case) -> Verdict:
    """Verdict on Duurzaam herstel under the regime in force on the case's date."""
    day, start = case.as_of, policy.DH_POLICY_FROM
    sources = (SRC,)
    if day < policy.DH_PILOT_FROM:
        text = Text("dh.in_force.before", {"day": day, "year": policy.DH_PILOT_FROM.year})
        cond = Condition("scheme_in_force", FAIL, text, {"valid_from": policy.DH_PILOT_FROM}, SRC)
        extra = {"regime": None, "max_contribution_eur": None, "capped": None, "pilot": False}
        return Verdict("eligible", False, [cond], [], extra, sources)
    pilot = day < start
    key = "dh.in_force.pilot" if pilot else "dh.in_force.policy"
    conditions = [
        Condition("scheme_in_force", PASS, Text(key, {"day": day, "start": start}), {}, SRC),
        _woning(case),
        _area_pilot(case) if pilot else _area_policy(case),
    ]
    pilot_dossier = not pilot and bool(case.dh.pilot_dossier)
    if not pilot_dossier:
        conditions += [
            _flag("structural_defect", "dh.defect", case.dh.structural_defect),
            _damage(case, pilot),
            _flag("unhandled_damage", "dh.unhandled", case.dh.unhandled_damage),
        ]
    extra, max_note = _maximum(case, pilot)
    extra = {"regime": "pilot" if pilot else "beleidsregel_2026", **extra, "pilot": pilot}
    notes = [max_note]
    if pilot_dossier:
        notes.insert(0, Note("pilot_dossier", Text("dh.pilot_dossier.entry")))
        sources += (policy.SRC_DH_PILOT_DOSSIERS,)
    area = conditions[2].result
    if area == FAIL and in_effect_area(case.shakings) is not False:
        notes.append(Note("ivs_cbs_hint", Text("dh.hint.ivs_cbs")))
    if case.object.in_ncg_programme and area != FAIL:
        notes.append(Note("samenloop", Text("dh.samenloop")))
    result = all_of(*(c.result for c in conditions))
    return Verdict("eligible", as_bool(result), conditions, notes, extra, sources)
