"""Situations per object for door-to-door visits, taken from the batch rules.

The rules decide (finality, reopening, Duurzaam herstel area, overdue); this module only names
the outcome per object in the words a visitor uses, and picks the quakes that reopened an
object so the visit list can say which one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from domain import policy
from domain.presentation.dutch_time import dutch_dates
from domain.rules.batch import assess_many
from domain.store.rule_input import RuleInput


@dataclass
class Situations:
    """One boolean column per situation code (see ``domain.planning.visits.SITUATIONS``)."""

    flags: dict[str, np.ndarray]
    reopening_quakes: dict[int, list[tuple]]  # object position -> (quake label, PGV)
    result: object = None  # the BatchResult the flags come from

    def codes_at(self, i: int) -> tuple[str, ...]:
        from domain.planning.visits import SITUATIONS

        return tuple(code for code in SITUATIONS if self.flags[code][i])


def _any(n: int, idx: np.ndarray, mask: np.ndarray) -> np.ndarray:
    return np.bincount(idx[mask], minlength=n) > 0


def situations_of(inp: RuleInput, as_of: dt.date) -> Situations:
    n = len(inp.ids)
    result = assess_many(inp.objects, inp.exposure, inp.claims, as_of=as_of)
    day = np.datetime64(as_of, "D")
    claims = inp.claims
    visible = np.isnat(claims.submitted) | (claims.submitted <= day)
    decided_by_then = ~np.isnat(claims.decided) & (claims.decided <= day)
    open_ = visible & (~decided_by_then | (inp.claim_open & ~np.isnat(claims.decided)))
    withdrawn = claims.outcome == policy.CLAIM_OUTCOMES.index(policy.WITHDRAWN_OUTCOME)
    has_claim = _any(n, claims.obj_index, visible)
    damage = np.isin(
        claims.scheme, [policy.SCHEMES.index(s) for s in policy.PHYSICAL_DAMAGE_SCHEMES]
    )
    has_damage_claim = _any(n, claims.obj_index, visible & damage & ~withdrawn)
    ncg = inp.objects.in_ncg_programme == 1
    flags = {
        "never_claimed": ~has_claim,
        "claim_open": _any(n, claims.obj_index, open_ & ~withdrawn),
        "overdue": result.overdue == 1,
        # the map status's own conditions, so the visit list and the map agree
        "final": result.status_masks["final"],
        "may_claim_again": result.status_masks["may_claim_again"],
        "dh_eligible": result.dh_area == 1,
        "samenloop": ncg & has_damage_claim,
        "ncg_without_claim": ncg & ~has_claim,
        "handoff_running": np.asarray(inp.objects.handoff_running, dtype=bool),
    }
    return Situations(flags, _reopening(inp, result.last_final_decision, day), result)


def _reopening(inp: RuleInput, last_final: np.ndarray, day: np.datetime64) -> dict[int, list[str]]:
    """The quakes after the last final decision above the reopening threshold, per object."""
    exposure = inp.exposure
    if not len(exposure.obj_index):
        return {}
    qdays = dutch_dates(exposure.event_times)[
        exposure.event_index
    ]  # Dutch dates, as the decision dates
    last = last_final[exposure.obj_index]
    hit = (
        ~np.isnat(last)
        & (qdays > last)
        & (qdays <= day)
        & policy.pgv_above(exposure.pgv_mm_s, policy.REOPEN_PGV_MM_S)
    )
    out: dict[int, list[str]] = {}
    for k in np.flatnonzero(hit)[np.argsort(qdays[hit], kind="stable")]:
        label = inp.quake_labels.get(int(inp.pair_quake_ids[k]), "?")
        out.setdefault(int(exposure.obj_index[k]), []).append((label, float(exposure.pgv_mm_s[k])))
    return out
