"""Labels of the situations and the "reason for a visit" sentences (Dutch first, English too)."""

from __future__ import annotations

from domain.i18n import register, tr

register(
    {
        "plan.sit.never_claimed": ("nooit schade gemeld", "never claimed"),
        "plan.sit.claim_open": ("schademelding loopt", "claim open"),
        "plan.sit.overdue": ("termijn overschreden", "overdue"),
        "plan.sit.final": ("definitief afgehandeld", "final"),
        "plan.sit.may_claim_again": ("mag opnieuw melden", "may claim again"),
        "plan.sit.dh_eligible": (
            "Duurzaam herstel mogelijk (DH-gebied)",
            "Duurzaam herstel possible (DH area)",
        ),
        "plan.sit.samenloop": ("samenloop met versterking (NCG)", "samenloop with NCG"),
        "plan.sit.ncg_without_claim": (
            "in versterking zonder schademelding",
            "in NCG strengthening without a claim",
        ),
        "plan.sit.handoff_running": ("overdracht loopt", "hand-off running"),
        "plan.why.never_claimed": (
            "Hier is nooit schade gemeld: vertel over schade melden en de vaste vergoeding.",
            "No damage was ever reported here: explain how to claim and the fixed compensation.",
        ),
        "plan.why.may_claim_again": (
            "Na het laatste definitieve besluit trilde het hier opnieuw ({quakes}); de bewoner "
            "mag opnieuw schade melden.",
            "After the last final decision the ground shook here again ({quakes}); the resident "
            "may claim again.",
        ),
        "plan.why.may_claim_again_plain": (
            "Eerdere besluiten zijn niet definitief; de bewoner mag opnieuw schade melden.",
            "Earlier decisions are not final; the resident may claim again.",
        ),
        "plan.why.overdue": (
            "Een schademelding loopt langer dan de termijn: vraag hoe het gaat en of hulp nodig is.",
            "A claim has run past its term: ask how it is going and whether help is needed.",
        ),
        "plan.why.claim_open": (
            "Er loopt een schademelding: vraag of de bewoner ergens mee geholpen kan worden.",
            "A claim is open: ask whether the resident needs help with it.",
        ),
        "plan.why.dh_eligible": (
            "Het adres ligt in het gebied voor Duurzaam herstel: leg de regeling uit.",
            "The address is in the Duurzaam herstel area: explain the scheme.",
        ),
        "plan.why.samenloop": (
            "Schade en versterking lopen hier samen: stem het bezoek af met NCG.",
            "Damage handling and strengthening meet here: coordinate the visit with NCG.",
        ),
        "plan.why.ncg_without_claim": (
            "In het versterkingsprogramma maar nooit schade gemeld: bespreek schade melden "
            "samen met de versterking.",
            "In the strengthening programme but never claimed: discuss claiming together with "
            "the strengthening.",
        ),
        "plan.why.handoff_running": (
            "Er loopt een overdracht aan {target}: stem het bezoek met hen af.",
            "A hand-off to {target} is running: coordinate the visit with them.",
        ),
        "plan.why.final": (
            "Schade is definitief afgehandeld en geen latere beving heropent het: een "
            "controlebezoek volstaat.",
            "Damage was settled finally and no later quake reopens it: a check-in visit will do.",
        ),
        "plan.why.none": ("Geen bijzonderheden bekend.", "Nothing particular known."),
    }
)

#: order in which reasons are given (most urgent first)
REASON_ORDER = (
    "handoff_running",
    "overdue",
    "may_claim_again",
    "never_claimed",
    "ncg_without_claim",
    "dh_eligible",
    "samenloop",
    "claim_open",
    "final",
)


def situation_label(code: str, lang: str | None = None) -> str:
    return tr(f"plan.sit.{code}", lang)


def visit_reason(
    codes, reopening: list[str] | None = None, handoff_target: str = "", lang: str | None = None
) -> str:
    """The sentence(s) telling the visitor why to ring this bell, most urgent first."""
    parts = []
    present = set(codes)
    for code in REASON_ORDER:
        if code not in present:
            continue
        if code == "may_claim_again":
            if reopening:
                parts.append(tr("plan.why.may_claim_again", lang, quakes="; ".join(reopening)))
            else:
                parts.append(tr("plan.why.may_claim_again_plain", lang))
        elif code == "handoff_running":
            parts.append(tr("plan.why.handoff_running", lang, target=handoff_target or "IVS/CBS"))
        elif code == "claim_open" and "overdue" in present:
            continue
        else:
            parts.append(tr(f"plan.why.{code}", lang))
    return " ".join(parts) if parts else tr("plan.why.none", lang)
