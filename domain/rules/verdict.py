"""Verdicts and conditions, kept language-neutral until they are shown.

A condition stores a message id and typed values, not a sentence, so the same verdict can be
shown in Dutch or English and re-rendered without re-running the rules. Three-valued logic:
``unknown`` is never turned into ``fail`` or ``pass`` by combining.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from domain import policy
from domain.i18n import tr
from domain.presentation import text_format

PASS = "pass"
FAIL = "fail"
UNKNOWN = "unknown"

_MONTHS = {
    "nl": [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


def tri(value: bool | None) -> str:
    """A known truth value as pass/fail, an unknown one as unknown."""
    if value is None:
        return UNKNOWN
    return PASS if value else FAIL


def all_of(*results: str) -> str:
    """Conjunction: any fail fails, else any unknown is unknown, else pass."""
    if FAIL in results:
        return FAIL
    if UNKNOWN in results:
        return UNKNOWN
    return PASS


def any_of(*results: str) -> str:
    """Disjunction: any pass passes, else any unknown is unknown, else fail."""
    if PASS in results:
        return PASS
    if UNKNOWN in results:
        return UNKNOWN
    return FAIL


def negate(result: str) -> str:
    """Logical not: pass and fail swap, unknown stays unknown."""
    return {PASS: FAIL, FAIL: PASS}.get(result, UNKNOWN)


def as_bool(result: str) -> bool | None:
    return None if result == UNKNOWN else result == PASS


@dataclass(frozen=True)
class Money:
    """An amount in euro, written the local way (€ 10.000 / €10,000)."""

    eur: float


@dataclass(frozen=True)
class Speed:
    """A ground velocity in mm/s, one decimal, written the local way."""

    mm_s: float


def render(value: Any, lang: str) -> str:
    """One value as text for a resident in ``lang``."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return f"{value.day} {_MONTHS[lang][value.month - 1]} {value.year}"
    if isinstance(value, Money):
        eur = value.eur
        if eur is not None and round(float(eur), 2) != round(float(eur)):
            # cents only where the amount has them, so a text never reads
            # "€ 10.000; that is less than the maximum of € 10.000" for € 9.999,99
            whole = text_format.number(float(eur), 2, lang)
            return f"€ {whole}" if lang == "nl" else f"€{whole}"
        return text_format.euro(eur, lang)
    if isinstance(value, Speed):
        # rounded as every threshold comparison rounds it (policy.pgv_rounded)
        return text_format.number(policy.pgv_rounded(value.mm_s), policy.PGV_DECIMALS, lang)
    if isinstance(value, float):
        return text_format.general(value, lang)
    if isinstance(value, Text):
        return tr(value.key, lang, **{k: render(v, lang) for k, v in value.values.items()})
    return str(value)


@dataclass(frozen=True)
class Text:
    """A message id with values, rendered per language (values may be Text themselves)."""

    key: str
    values: dict = field(default_factory=dict)

    def render(self, lang: str) -> str:
        return render(self, lang)


def _plain(value: Any, lang: str = "nl") -> Any:
    """Facts as JSON-friendly values (dates ISO, amounts as numbers, texts rendered)."""
    if isinstance(value, Text):
        return value.render(lang)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Money):
        return value.eur
    if isinstance(value, Speed):
        return float(value.mm_s)  # JSON carries full precision; rounding is for text
    if isinstance(value, dict):
        return {k: _plain(v, lang) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v, lang) for v in value]
    return value


@dataclass(frozen=True)
class Condition:
    """One checked condition: fixed id, result, the reason, the facts used, the source."""

    id: str
    result: str
    reason: Text
    facts: dict = field(default_factory=dict)
    source: str = ""

    def as_dict(self, lang: str) -> dict:
        out = {"id": self.id, "result": self.result, "reason": self.reason.render(lang)}
        if self.facts:
            out["facts"] = _plain(self.facts)
        if self.source:
            out["source"] = self.source
        return out


@dataclass(frozen=True)
class Note:
    """Information shown with a verdict that is not itself a condition (a hint, a situation)."""

    id: str
    reason: Text
    facts: dict = field(default_factory=dict)

    def as_dict(self, lang: str) -> dict:
        out = {"id": self.id, "reason": self.reason.render(lang)}
        if self.facts:
            out["facts"] = _plain(self.facts)
        return out


@dataclass
class Verdict:
    """The answer of one rule: the outcome under its own key, conditions, notes and extras."""

    outcome_key: str
    outcome: bool | None
    conditions: list[Condition]
    notes: list[Note] = field(default_factory=list)
    extra: dict = field(default_factory=dict)
    sources: tuple[str, ...] = ()
    #: the condition a rule names as deciding (e.g. the reopening quake after a final decision);
    #: used only when its result matches the outcome
    decided_by: str | None = None

    @property
    def deciding(self) -> Condition | None:
        """The condition that gives the answer, to show first: the rule's own choice when its
        result matches the outcome, else the first condition whose result is the outcome's
        (the first failing one for no, the first unknown one for undetermined)."""
        wanted = {True: PASS, False: FAIL, None: UNKNOWN}.get(self.outcome, UNKNOWN)
        named = [c for c in self.conditions if c.id == self.decided_by and c.result == wanted]
        return next(iter(named + [c for c in self.conditions if c.result == wanted]), None)

    def condition(self, cid: str) -> Condition:
        for c in self.conditions:
            if c.id == cid:
                return c
        raise KeyError(cid)

    def as_dict(self, lang: str) -> dict:
        out: dict = {self.outcome_key: self.outcome}
        out.update(_plain(self.extra, lang))
        out["conditions"] = [c.as_dict(lang) for c in self.conditions]
        out["notes"] = [n.as_dict(lang) for n in self.notes]
        out["sources"] = sorted(set(self.sources) | {c.source for c in self.conditions if c.source})
        deciding = self.deciding
        out["deciding"] = deciding.id if deciding is not None else None
        return out

    def texts(self, lang: str) -> list[str]:
        """Every sentence this verdict shows (for checks that all read as sentences)."""
        texts = [c.reason.render(lang) for c in self.conditions]
        texts += [n.reason.render(lang) for n in self.notes]
        for value in self.extra.values():
            if isinstance(value, list):
                texts += [
                    v["reason"].render(lang)
                    for v in value
                    if isinstance(v, dict) and isinstance(v.get("reason"), Text)
                ]
        return texts
