"""A case file (JSON): read it and check it completely before anything is assessed.

A case is one object with its owners, applicant, claim history and Duurzaam herstel facts, as
of a date. The reader lists EVERY problem (JSON path such as ``owners[1].from`` and what is
expected) in one :class:`~domain.errors.InputError`, so a case handler fixes the file in one go.

Format (``null`` or an absent field means "not known" and yields ``unknown``, never a fail)::

    {"as_of": "YYYY-MM-DD",
     "object": {"id", "x", "y", "crs" (default EPSG:28992), "construction_year", "small", "use"
                (woning | niet-woning), "woz_value", "rijksmonument", "vs30", "place",
                "in_subsidence_area", "within_6km_zone", "in_ncg_programme",
                "special_structural_feature"},
     "owners": [{"person_id", "natural_person", "right", "from", "until" (the day the right
                 passed on: exclusive), "consents"}],
     "applicant", "applicant_prior_applications", "whole_object",
     "claims": [{"id", "scheme", "submitted", "decided", "outcome" (toegekend | toegewezen |
                 deels_toegekend | afgewezen | ingetrokken), "amount", "final", "inspected" (AOS),
                 "risk_found" (AOS: the inspection found an acute risk), "handler" (who handled
                 and paid: NAM | CVW | TCMG | IMG),
                 "objection" (true/false, the date filed, or {"filed", "decided"})}],
     "dh": {"d3_damage_eur", "structural_defect", "unhandled_damage", "pilot_dossier",
            "recognised_damage_eur" (pilot rules; else summed from awarded claims)},
     "catalog_end": "YYYY-MM-DD" (optional: the last day the quake catalogue covers; default
            the end of the catalogue the case is assessed with)}

Keys starting with ``_`` are ignored (room for notes and expected outcomes in test cases).
An open ``vaste_vergoeding`` claim is taken as the application being assessed.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from domain import policy
from domain.errors import InputError, Problem
from domain.groundmotion.coordinates import RD_NEW
from domain.i18n import register, tr
from domain.rules.facts import (
    BuildingObject,
    Case,
    Claim,
    DHFacts,
    Objection,
    Ownership,
)

register(
    {
        "case.rejected": ("{file}: de casus is niet ingelezen", "{file}: the case was not read"),
        "case.unknown_field": ("onbekend veld", "unknown field"),
        "case.unknown_field.hint": (
            "controleer de spelling; toegestaan: {allowed}",
            "check the spelling; allowed: {allowed}",
        ),
        "case.date_missing": ("datum ontbreekt", "date missing"),
        "case.date_missing.hint": ("geef een datum als JJJJ-MM-DD", "give a date as YYYY-MM-DD"),
        "case.date_bad": ("geen geldige datum: {value}", "not a valid date: {value}"),
        "case.date_bad.hint": ("schrijf JJJJ-MM-DD", "write YYYY-MM-DD"),
        "case.flag_bad": ("geen ja/nee-waarde: {value}", "not a yes/no value: {value}"),
        "case.flag_bad.hint": ("gebruik true, false of null", "use true, false or null"),
        "case.number_bad": ("geen getal: {value}", "not a number: {value}"),
        "case.number_bad.hint": ("geef een getal", "give a number"),
        "case.integer_bad": ("geen geheel getal: {value}", "not a whole number: {value}"),
        "case.integer_bad.hint": ("geef een geheel getal", "give a whole number"),
        "case.range": ("waarde {value} buiten bereik", "value {value} out of range"),
        "case.range.hint": (
            "geef een waarde van {low} tot en met {high}",
            "give a value from {low} to {high}",
        ),
        "case.minimum": ("waarde {value} te klein", "value {value} too small"),
        "case.minimum.hint": ("geef ten minste {low}", "give at least {low}"),
        "case.missing": ("ontbreekt", "missing"),
        "case.missing.hint": ("vul dit veld in", "fill in this field"),
        "case.text_bad": ("geen tekst: {value}", "not text: {value}"),
        "case.text_bad.hint": ("geef tekst tussen aanhalingstekens", "give text in quotes"),
        "case.choice_bad": ("onbekende waarde {value}", "unknown value {value}"),
        "case.choice_bad.hint": ("kies uit {choices}", "choose from {choices}"),
        "case.section_missing": ("onderdeel ontbreekt", "section missing"),
        "case.section_missing.hint": ("voeg dit onderdeel toe", "add this section"),
        "case.shape_object": ("verkeerde vorm", "wrong shape"),
        "case.shape_object.hint": ("geef een object met accolades", "give an object in braces"),
        "case.shape_list": ("verkeerde vorm", "wrong shape"),
        "case.shape_list.hint": ("geef een lijst met blokhaken", "give a list in brackets"),
        "case.crs_bad": (
            "onbekend coördinatenstelsel {value}",
            "unknown coordinate system {value}",
        ),
        "case.crs_bad.hint": ("bijvoorbeeld EPSG:28992", "for example EPSG:28992"),
        "case.xy": ("x en y horen samen", "x and y belong together"),
        "case.xy.hint": (
            "geef beide coördinaten of geen van beide",
            "give both coordinates or neither",
        ),
        "case.until_before_from": (
            "einddatum ligt vóór de begindatum",
            "end date lies before the start date",
        ),
        "case.until_before_from.hint": ("controleer from en until", "check from and until"),
        "case.objection_bad": ("onbekende vorm van bezwaar", "unknown form of objection"),
        "case.objection_bad.hint": (
            "gebruik true of false, een datum, of filed en decided",
            "use true or false, a date, or filed and decided",
        ),
        "case.decided_before_submitted": (
            "besluit ligt vóór de indiening",
            "decision lies before the submission",
        ),
        "case.decided_before_submitted.hint": (
            "controleer submitted en decided",
            "check submitted and decided",
        ),
        "case.inspected_before_submitted": (
            "inspectie ligt vóór de melding",
            "inspection lies before the report",
        ),
        "case.inspected_before_submitted.hint": (
            "controleer submitted en inspected",
            "check submitted and inspected",
        ),
        "case.outcome_without_decision": (
            "uitkomst zonder besluitdatum",
            "outcome without a decision date",
        ),
        "case.outcome_without_decision.hint": (
            "geef de datum van het besluit",
            "give the date of the decision",
        ),
        "case.not_an_object": ("het bestand is geen JSON-object", "the file is not a JSON object"),
        "case.not_an_object.hint": (
            "begin het bestand met een accolade openen en eindig met een accolade sluiten",
            "start the file with an opening brace and end it with a closing brace",
        ),
        "case.duplicate_claim": (
            "aanvraag {value} komt twee keer voor",
            "claim {value} appears twice",
        ),
        "case.duplicate_claim.hint": (
            "geef elke aanvraag een eigen id",
            "give every claim its own id",
        ),
        "case.not_found": ("bestand bestaat niet", "file does not exist"),
        "case.not_found.hint": ("controleer de naam en de map", "check the name and the folder"),
        "case.json_bad": ("geen geldige JSON: {detail}", "not valid JSON: {detail}"),
        "case.json_bad.hint": (
            "controleer komma's, haakjes en aanhalingstekens",
            "check commas, brackets and quotes",
        ),
    }
)

_TOP = {
    "as_of",
    "object",
    "owners",
    "applicant",
    "applicant_prior_applications",
    "whole_object",
    "claims",
    "dh",
    "catalog_end",
}
_OBJECT = {
    "id",
    "x",
    "y",
    "crs",
    "construction_year",
    "small",
    "use",
    "woz_value",
    "rijksmonument",
    "vs30",
    "in_subsidence_area",
    "within_6km_zone",
    "in_ncg_programme",
    "place",
    "special_structural_feature",
}
_OWNER = {"person_id", "natural_person", "right", "from", "until", "consents"}
_CLAIM = {
    "id",
    "scheme",
    "submitted",
    "decided",
    "outcome",
    "amount",
    "final",
    "objection",
    "inspected",
    "risk_found",
    "handler",
}
_DH = {
    "d3_damage_eur",
    "structural_defect",
    "unhandled_damage",
    "pilot_dossier",
    "recognised_damage_eur",
}
USES = ("woning", "niet-woning")


class _Reader:
    """Collects problems while converting JSON values; each getter returns None when wrong."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def problem(self, path: str, key: str, **values: object) -> None:
        """Record a problem: message ``case.<key>`` and hint ``case.<key>.hint`` (nl/en)."""
        message = tr(f"case.{key}", **values)
        hint = tr(f"case.{key}.hint", **values)
        self.problems.append(Problem(message, self.file, None, path, hint))

    def keys(self, data: dict, allowed: set, path: str) -> None:
        for key in data:
            if not key.startswith("_") and key not in allowed:
                where = f"{path}.{key}" if path else key
                self.problem(where, "unknown_field", allowed=", ".join(sorted(allowed)))

    def date(self, data: dict, key: str, path: str, required: bool = False) -> dt.date | None:
        value = data.get(key)
        if value is None:
            if required:
                self.problem(f"{path}{key}", "date_missing")
            return None
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.problem(f"{path}{key}", "date_bad", value=repr(value))
            return None

    def flag(self, data: dict, key: str, path: str) -> bool | None:
        value = data.get(key)
        if value is None or isinstance(value, bool):
            return value
        self.problem(f"{path}{key}", "flag_bad", value=repr(value))
        return None

    def number(
        self,
        data: dict,
        key: str,
        path: str,
        low: float | None = None,
        high: float | None = None,
        integer: bool = False,
    ) -> float | None:
        value = data.get(key)
        if value is None:
            return None
        ok_type = isinstance(value, int) if integer else isinstance(value, (int, float))
        if isinstance(value, bool) or not ok_type:
            self.problem(
                f"{path}{key}", "integer_bad" if integer else "number_bad", value=repr(value)
            )
            return None
        if (low is not None and value < low) or (high is not None and value > high):
            top = "" if high is None else high
            self.problem(
                f"{path}{key}",
                "range" if high is not None else "minimum",
                value=value,
                low=low,
                high=top,
            )
            return None
        return value

    def text(
        self, data: dict, key: str, path: str, required: bool = False, choices: tuple | None = None
    ) -> str | None:
        value = data.get(key)
        if value is None or value == "":
            if required:
                self.problem(f"{path}{key}", "missing")
            return None
        if not isinstance(value, str):
            self.problem(f"{path}{key}", "text_bad", value=repr(value))
            return None
        if choices is not None and value not in choices:
            self.problem(
                f"{path}{key}", "choice_bad", value=repr(value), choices=", ".join(choices)
            )
            return None
        return value

    def section(self, data: Any, path: str, kind: type, required: bool = False):
        if data is None:
            if required:
                self.problem(path, "section_missing")
            return None
        if not isinstance(data, kind):
            self.problem(path, "shape_object" if kind is dict else "shape_list")
            return None
        return data


def _object(r: _Reader, data: dict, as_of: dt.date) -> BuildingObject:
    p = "object."
    r.keys(data, _OBJECT, "object")
    x, y = r.number(data, "x", p), r.number(data, "y", p)
    if (data.get("x") is None) != (data.get("y") is None):
        r.problem("object.x", "xy")
    crs = r.text(data, "crs", p) or RD_NEW
    if x is not None and y is not None and crs != RD_NEW:
        try:
            from pyproj import Transformer

            x, y = Transformer.from_crs(crs, RD_NEW, always_xy=True).transform(x, y)
        except Exception:
            r.problem("object.crs", "crs_bad", value=repr(crs))
            x = y = None
    year = r.number(data, "construction_year", p, 1000, as_of.year + 1, integer=True)
    return BuildingObject(
        id=r.text(data, "id", p, required=True) or "",
        x=x,
        y=y,
        construction_year=None if year is None else int(year),
        small=r.flag(data, "small", p),
        use=r.text(data, "use", p, choices=USES),
        woz_value=r.number(data, "woz_value", p, 0),
        rijksmonument=r.flag(data, "rijksmonument", p),
        vs30=r.number(data, "vs30", p, 50, 3000),
        in_subsidence_area=r.flag(data, "in_subsidence_area", p),
        within_6km_zone=r.flag(data, "within_6km_zone", p),
        in_ncg_programme=r.flag(data, "in_ncg_programme", p),
        place=r.text(data, "place", p),
        special_structural_feature=r.flag(data, "special_structural_feature", p),
    )


def _owner(r: _Reader, data: dict, i: int) -> Ownership:
    p = f"owners[{i}]."
    r.keys(data, _OWNER, f"owners[{i}]")
    start, until = r.date(data, "from", p), r.date(data, "until", p)
    if start and until and until < start:
        r.problem(f"{p}until", "until_before_from")
    return Ownership(
        person_id=r.text(data, "person_id", p, required=True) or "",
        natural_person=r.flag(data, "natural_person", p),
        right=r.text(data, "right", p),
        start=start,
        until=until,
        consents=r.flag(data, "consents", p),
    )


def _objection(r: _Reader, value: Any, p: str) -> Objection | None:
    if value is None or value is False:
        return None
    if value is True:
        return Objection()
    if isinstance(value, str):
        return Objection(filed=r.date({"objection": value}, "objection", p))
    if isinstance(value, dict):
        r.keys(value, {"filed", "decided"}, f"{p}objection")
        return Objection(
            r.date(value, "filed", f"{p}objection."), r.date(value, "decided", f"{p}objection.")
        )
    r.problem(f"{p}objection", "objection_bad")
    return None


def _claim(r: _Reader, data: dict, i: int) -> Claim:
    p = f"claims[{i}]."
    r.keys(data, _CLAIM, f"claims[{i}]")
    submitted, decided = r.date(data, "submitted", p), r.date(data, "decided", p)
    if submitted and decided and decided < submitted:
        r.problem(f"{p}decided", "decided_before_submitted")
    inspected = r.date(data, "inspected", p)
    if submitted and inspected and inspected < submitted:
        r.problem(f"{p}inspected", "inspected_before_submitted")
    outcome = r.text(data, "outcome", p, choices=policy.CLAIM_OUTCOMES)
    if outcome and decided is None:
        r.problem(f"{p}decided", "outcome_without_decision")
    return Claim(
        id=r.text(data, "id", p, required=True) or f"#{i}",
        scheme=r.text(data, "scheme", p, required=True, choices=policy.SCHEMES) or "",
        submitted=submitted,
        decided=decided,
        outcome=outcome,
        amount=r.number(data, "amount", p, 0),
        final=r.flag(data, "final", p),
        objection=_objection(r, data.get("objection"), p),
        inspected=inspected,
        risk_found=r.flag(data, "risk_found", p),
        handler=r.text(data, "handler", p, choices=policy.CLAIM_HANDLERS),
    )


def parse_case(data: Any, file: str = "") -> Case:
    """A :class:`Case` from decoded JSON; raises InputError listing every problem."""
    r = _Reader(file)
    if not isinstance(data, dict):
        r.problem("", "not_an_object")
        raise InputError(tr("case.rejected", file=file or "casus"), r.problems)
    r.keys(data, _TOP, "")
    as_of = r.date(data, "as_of", "", required=True) or dt.date.today()
    obj_data = r.section(data.get("object"), "object", dict, required=True)
    obj = _object(r, obj_data, as_of) if obj_data is not None else BuildingObject("")
    owners = [
        _owner(r, owner, i) if r.section(owner, f"owners[{i}]", dict) is not None else None
        for i, owner in enumerate(r.section(data.get("owners"), "owners", list) or [])
    ]
    claims = [
        _claim(r, claim, i) if r.section(claim, f"claims[{i}]", dict) is not None else None
        for i, claim in enumerate(r.section(data.get("claims"), "claims", list) or [])
    ]
    seen: set[str] = set()
    for i, claim in enumerate(claims):
        if claim is not None and claim.id in seen:
            r.problem(f"claims[{i}].id", "duplicate_claim", value=repr(claim.id))
        seen.add(claim.id if claim else "")
    dh_data = r.section(data.get("dh"), "dh", dict) or {}
    r.keys(dh_data, _DH, "dh")
    dh = DHFacts(
        d3_damage_eur=r.number(dh_data, "d3_damage_eur", "dh.", 0),
        structural_defect=r.flag(dh_data, "structural_defect", "dh."),
        unhandled_damage=r.flag(dh_data, "unhandled_damage", "dh."),
        pilot_dossier=r.flag(dh_data, "pilot_dossier", "dh."),
        recognised_damage_eur=r.number(dh_data, "recognised_damage_eur", "dh.", 0),
    )
    prior = r.number(data, "applicant_prior_applications", "", 0, 1000, integer=True)
    case = Case(
        as_of=as_of,
        object=obj,
        owners=tuple(owner for owner in owners if owner is not None),
        applicant=r.text(data, "applicant", ""),
        prior_applications=None if prior is None else int(prior),
        whole_object=r.flag(data, "whole_object", ""),
        claims=tuple(claim for claim in claims if claim is not None),
        dh=dh,
        catalog_end=r.date(data, "catalog_end", ""),
    )
    if r.problems:
        raise InputError(tr("case.rejected", file=file or "casus"), r.problems)
    return case


def read_case(path: str | Path) -> tuple[Case, dict]:
    """The case in a JSON file and the raw JSON (for keys the reader ignores, e.g. ``_expect``)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        r = _Reader(path.name)
        r.problem("", "not_found")
        raise InputError(tr("case.rejected", file=path.name), r.problems) from None
    except json.JSONDecodeError as exc:
        problem = Problem(
            tr("case.json_bad", detail=exc.msg), path.name, exc.lineno, "", tr("case.json_bad.hint")
        )
        raise InputError(tr("case.rejected", file=path.name), [problem]) from None
    return parse_case(data, path.name), data
