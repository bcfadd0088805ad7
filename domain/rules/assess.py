"""One case, every verdict: the entry point the CLI, the panel and the tests call.

The case is first reduced to what was known on its date (``as_of_view``), so no verdict can use
a later quake, claim, decision or ownership.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from domain.rules.aanvullende_vaste_vergoeding import assess_aanvullende_vaste_vergoeding
from domain.rules.common import exposure_summary
from domain.rules.deadlines import assess_deadlines
from domain.rules.duurzaam_herstel import assess_duurzaam_herstel
from domain.rules.facts import Case, RuleSettings, as_of_view
from domain.rules.handoff import assess_handoff
from domain.rules.new_claim import assess_new_claim
from domain.rules.nulmeting import assess_nulmeting
from domain.rules.vaste_vergoeding import assess_vaste_vergoeding
from domain.rules.verdict import Verdict

VERDICT_NAMES = (
    "vaste_vergoeding",
    "aanvullende_vaste_vergoeding",
    "new_claim",
    "nulmeting",
    "duurzaam_herstel",
    "deadlines",
    "handoff",
)


@dataclass
class Assessment:
    """All verdicts for one object as of one date, plus the exposure figures they used."""

    object_id: str
    as_of: dt.date
    exposure: dict
    verdicts: dict[str, Verdict]
    context: dict = field(default_factory=dict)

    def as_dict(self, lang: str = "nl") -> dict:
        out = {
            "object_id": self.object_id,
            "as_of": self.as_of.isoformat(),
            "exposure": self.exposure,
            "verdicts": {name: self.verdicts[name].as_dict(lang) for name in VERDICT_NAMES},
        }
        if self.context:
            out["context"] = self.context
        return out

    def texts(self, lang: str) -> list[str]:
        return [t for v in self.verdicts.values() for t in v.texts(lang)]


def assess(
    case: Case, settings: RuleSettings | None = None, as_of: dt.date | None = None
) -> Assessment:
    """Every verdict for ``case`` as of ``as_of`` (default: the case's own date)."""
    seen = as_of_view(case, as_of)
    deadlines = assess_deadlines(seen)
    verdicts = {
        "vaste_vergoeding": assess_vaste_vergoeding(seen, settings),
        "aanvullende_vaste_vergoeding": assess_aanvullende_vaste_vergoeding(seen),
        "new_claim": assess_new_claim(seen),
        "nulmeting": assess_nulmeting(seen),
        "duurzaam_herstel": assess_duurzaam_herstel(seen),
        "deadlines": deadlines,
        "handoff": assess_handoff(seen, deadlines.outcome),
    }
    return Assessment(seen.object.id, seen.as_of, exposure_summary(seen), verdicts)
