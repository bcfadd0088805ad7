"""The columns the batch rules read and write: objects, claims and the verdicts, as arrays.

``ObjectTable`` and ``ClaimTable`` turn the per-case facts (``domain.rules.facts``) into
columns, ``BatchResult`` holds the verdict columns :mod:`domain.rules.batch` computes from
them. Three-valued columns are int8: 1 yes/pass, 0 no/fail, -1 unknown (``YES``/``NO``/``UNK``,
combined with ``t_all``/``t_any``/``t_not``); unknown dates are NaT, unknown numbers NaN.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from domain import policy
from domain.rules.facts import BuildingObject, Claim, DHFacts

YES, NO, UNK = np.int8(1), np.int8(0), np.int8(-1)
NAT = np.datetime64("NaT", "D")
_SCHEME_CODE = {s: i for i, s in enumerate(policy.SCHEMES)}


def _tri(values: Iterable) -> np.ndarray:
    return np.array([-1 if v is None else int(bool(v)) for v in values], dtype=np.int8)


def _days(values: Iterable) -> np.ndarray:
    return np.array(
        [NAT if v is None else np.datetime64(v, "D") for v in values], dtype="datetime64[D]"
    )


def _num(values: Iterable) -> np.ndarray:
    return np.array([np.nan if v is None else float(v) for v in values], dtype=float)


def t_all(*xs: np.ndarray) -> np.ndarray:
    """Vectorised conjunction of three-valued arrays."""
    out = np.ones(np.broadcast(*xs).shape, dtype=np.int8)
    for x in xs:
        out = np.where((out == 0) | (x == 0), NO, np.where((out == -1) | (x == -1), UNK, YES))
    return out.astype(np.int8)


def t_any(*xs: np.ndarray) -> np.ndarray:
    """Vectorised disjunction of three-valued arrays."""
    out = np.zeros(np.broadcast(*xs).shape, dtype=np.int8)
    for x in xs:
        out = np.where((out == 1) | (x == 1), YES, np.where((out == -1) | (x == -1), UNK, NO))
    return out.astype(np.int8)


def t_not(x: np.ndarray) -> np.ndarray:
    return np.where(x == -1, UNK, 1 - x).astype(np.int8)


@dataclass
class ObjectTable:
    """Per-object columns (length N). Unknown: NaN, NaT or -1."""

    ids: np.ndarray
    construction_year: np.ndarray
    small: np.ndarray
    woz_value: np.ndarray
    rijksmonument: np.ndarray
    in_subsidence_area: np.ndarray
    within_6km_zone: np.ndarray
    in_ncg_programme: np.ndarray
    pilot_place: np.ndarray
    dh_pilot_dossier: np.ndarray
    dh_structural_defect: np.ndarray
    dh_unhandled_damage: np.ndarray
    dh_d3_damage_eur: np.ndarray
    dh_recognised_damage_eur: np.ndarray
    handoff_running: np.ndarray | None = None
    #: objects.use per object: "woning", "niet-woning" or None (unknown); None: all unknown
    use: np.ndarray | None = None

    def __len__(self) -> int:
        return int(self.ids.shape[0])

    @classmethod
    def from_records(
        cls,
        objects: Iterable[BuildingObject],
        dh: Iterable[DHFacts] | None = None,
        handoff_running: Iterable[bool] | None = None,
    ) -> ObjectTable:
        objs = list(objects)
        dh_facts = list(dh) if dh is not None else [DHFacts()] * len(objs)
        places = [
            None if obj.place is None else obj.place in policy.DH_PILOT_PLACES for obj in objs
        ]
        return cls(
            ids=np.array([obj.id for obj in objs], dtype=object),
            construction_year=_num(obj.construction_year for obj in objs),
            small=_tri(obj.small for obj in objs),
            woz_value=_num(obj.woz_value for obj in objs),
            rijksmonument=_tri(obj.rijksmonument for obj in objs),
            in_subsidence_area=_tri(obj.in_subsidence_area for obj in objs),
            within_6km_zone=_tri(obj.within_6km_zone for obj in objs),
            in_ncg_programme=_tri(obj.in_ncg_programme for obj in objs),
            pilot_place=_tri(places),
            dh_pilot_dossier=_tri(facts.pilot_dossier for facts in dh_facts),
            dh_structural_defect=_tri(facts.structural_defect for facts in dh_facts),
            dh_unhandled_damage=_tri(facts.unhandled_damage for facts in dh_facts),
            dh_d3_damage_eur=_num(facts.d3_damage_eur for facts in dh_facts),
            dh_recognised_damage_eur=_num(facts.recognised_damage_eur for facts in dh_facts),
            handoff_running=None
            if handoff_running is None
            else np.array(list(handoff_running), bool),
            use=np.array([obj.use for obj in objs], dtype=object),
        )


@dataclass
class ClaimTable:
    """All claims of all objects as columns; ``obj_index`` says whose claim it is."""

    obj_index: np.ndarray
    scheme: np.ndarray  # index into policy.SCHEMES
    submitted: np.ndarray
    decided: np.ndarray
    outcome: np.ndarray  # index into policy.CLAIM_OUTCOMES, -1 none
    amount: np.ndarray
    final: np.ndarray
    objection: np.ndarray  # 1 when an objection exists
    objection_filed: np.ndarray
    objection_decided: np.ndarray
    inspected: np.ndarray
    ids: np.ndarray = field(default_factory=lambda: np.array([], dtype=object))
    #: AOS: the inspection found an acute risk (three-valued); None: unknown for every claim
    risk_found: np.ndarray | None = None

    def __len__(self) -> int:
        return int(self.obj_index.shape[0])

    @classmethod
    def from_records(cls, pairs: Iterable[tuple[int, Claim]]) -> ClaimTable:
        """From (object index, Claim) pairs."""
        rows = list(pairs)
        claims = [claim for _, claim in rows]
        outcome = [
            policy.CLAIM_OUTCOMES.index(claim.outcome) if claim.outcome else -1 for claim in claims
        ]
        objections = [claim.objection for claim in claims]
        return cls(
            obj_index=np.array([index for index, _ in rows], dtype=np.int64),
            scheme=np.array([_SCHEME_CODE[claim.scheme] for claim in claims], dtype=np.int16),
            submitted=_days(claim.submitted for claim in claims),
            decided=_days(claim.decided for claim in claims),
            outcome=np.array(outcome, dtype=np.int8),
            amount=_num(claim.amount for claim in claims),
            final=_tri(claim.final for claim in claims),
            objection=np.array([objection is not None for objection in objections], np.int8),
            objection_filed=_days(ob.filed if ob else None for ob in objections),
            objection_decided=_days(ob.decided if ob else None for ob in objections),
            inspected=_days(claim.inspected for claim in claims),
            ids=np.array([claim.id for claim in claims], dtype=object),
            risk_found=_tri(claim.risk_found for claim in claims),
        )


@dataclass
class BatchResult:
    """Per-object verdict columns (three-valued int8 unless said otherwise)."""

    in_effect_area: np.ndarray
    vv_first_report: np.ndarray
    vv_location: np.ndarray
    vaste_vergoeding: np.ndarray
    amount_eur: np.ndarray  # float, NaN unknown
    new_claim: np.ndarray
    reopening_count: np.ndarray  # int32
    last_final_decision: np.ndarray  # datetime64[D], NaT none
    nulmeting: np.ndarray
    dh_area: np.ndarray
    duurzaam_herstel: np.ndarray
    overdue: np.ndarray
    handoff_suggested: np.ndarray
    handoff_target: np.ndarray  # "IVS" | "CBS" | ""
    status: np.ndarray  # one of domain.rules.status.MAP_STATUSES per object
    #: per map class, which objects meet its condition (``domain.rules.status.status_masks``)
    status_masks: dict[str, np.ndarray] = field(default_factory=dict)


def _in_schemes(codes: np.ndarray, schemes: Iterable[str]) -> np.ndarray:
    return np.isin(codes, [_SCHEME_CODE[s] for s in schemes])


def _count(n: int, idx: np.ndarray, mask: np.ndarray) -> np.ndarray:
    return np.bincount(idx[mask], minlength=n).astype(np.int32)


def _any(n: int, idx: np.ndarray, mask: np.ndarray) -> np.ndarray:
    return _count(n, idx, mask) > 0
