"""Pieces every rule shares: how a quake and a scheme are named, and the exposure summary."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from domain import policy
from domain.i18n import register
from domain.rules.facts import Case, Claim, Shaking
from domain.rules.verdict import Speed, Text

register(
    {
        "rules.quake": (
            "de beving bij {place} op {day} (magnitude {ml}, {pgv} mm/s bij het object)",
            "the quake near {place} on {day} (magnitude {ml}, {pgv} mm/s at the object)",
        ),
        "rules.claim": (
            "de aanvraag {scheme} van {day}",
            "the {scheme} application of {day}",
        ),
        "rules.claim.nodate": (
            "een aanvraag {scheme} zonder bekende datum",
            "an application for {scheme} without a known date",
        ),
        "rules.scheme.vaste_vergoeding": ("vaste vergoeding", "fixed compensation"),
        "rules.scheme.aanvullende_vaste_vergoeding": (
            "aanvullende vaste vergoeding",
            "supplementary fixed compensation",
        ),
        "rules.scheme.maatwerk": ("maatwerk", "tailored assessment"),
        "rules.scheme.herstel_eigen_aannemer": (
            "herstel met eigen aannemer",
            "repair by own contractor",
        ),
        "rules.scheme.herstel_aannemer_img": (
            "herstel met aannemer van IMG",
            "repair by IMG's contractor",
        ),
        "rules.scheme.duurzaam_herstel": ("duurzaam herstel", "lasting repair"),
        "rules.scheme.vaste_herhaalvergoeding": (
            "vaste herhaalvergoeding",
            "fixed repeat compensation",
        ),
        "rules.scheme.ims": ("immateriële schade", "immaterial damage"),
        "rules.scheme.waardedaling": ("waardedaling", "loss of value"),
        "rules.scheme.aos": ("acuut onveilige situatie", "acutely unsafe situation"),
    }
)


def scheme_label(scheme: str) -> Text:
    key = f"rules.scheme.{scheme}"
    return Text(key) if scheme in policy.SCHEMES else Text("rules.scheme.maatwerk")


def quake_text(s: Shaking) -> Text:
    return Text(
        "rules.quake",
        {"place": s.place or "?", "day": s.day, "ml": float(s.ml), "pgv": Speed(s.pgv_mm_s)},
    )


def claim_text(c: Claim, day: dt.date | None = None) -> Text:
    day = day or c.submitted
    if day is None:
        return Text("rules.claim.nodate", {"scheme": scheme_label(c.scheme)})
    return Text("rules.claim", {"scheme": scheme_label(c.scheme), "day": day})


def quake_fact(s: Shaking) -> dict:
    return {
        "event_id": s.event_id,
        "time": s.time,
        "place": s.place,
        "ml": s.ml,
        "pgv_mm_s": Speed(s.pgv_mm_s),
        "epicentral_km": s.epicentral_km,
    }


def strongest(shakings: Iterable[Shaking]) -> Shaking | None:
    best = None
    for s in shakings:
        if best is None or s.pgv_mm_s > best.pgv_mm_s:
            best = s
    return best


def in_effect_area(shakings: Sequence[Shaking] | None) -> bool | None:
    """In the effect area: at least one counting quake gave ≥ 2 mm/s (None: not computed)."""
    if shakings is None:
        return None
    return any(policy.pgv_at_least(s.pgv_mm_s, policy.EFFECT_AREA_PGV_MM_S) for s in shakings)


def dh_quake_count(shakings: Sequence[Shaking]) -> int:
    return sum(
        1
        for s in shakings
        if policy.pgv_at_least(s.pgv_mm_s, policy.DH_PGV_MM_S) and s.day < policy.DH_QUAKES_BEFORE
    )


def exposure_summary(case: Case) -> dict:
    """The figures the case output shows about ground motion (None where not computed)."""
    sh = case.shakings
    if sh is None:
        return {
            "max_pgv_mm_s": None,
            "count_ge_2_mm_s": None,
            "count_ge_5_mm_s": None,
            "count_ge_5_mm_s_before_2026": None,
            "in_effect_area": None,
            "catalog_end": _iso(case.catalog_end),
        }
    best = strongest(sh)
    return {
        # full precision: rounding is for text only
        "max_pgv_mm_s": float(best.pgv_mm_s) if best else 0.0,
        "count_ge_2_mm_s": sum(
            1 for s in sh if policy.pgv_at_least(s.pgv_mm_s, policy.EFFECT_AREA_PGV_MM_S)
        ),
        "count_ge_5_mm_s": sum(
            1 for s in sh if policy.pgv_at_least(s.pgv_mm_s, policy.NULMETING_PGV_MM_S)
        ),
        "count_ge_5_mm_s_before_2026": dh_quake_count(sh),
        "in_effect_area": in_effect_area(sh),
        "catalog_end": _iso(case.catalog_end),
    }


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def damage_claims(case: Case) -> list[Claim]:
    """Reports of physical damage on the object, withdrawn ones left out."""
    return [c for c in case.claims if c.is_physical_damage and not c.withdrawn]
