"""The rules for many objects at once, on arrays (a whole store in seconds).

The same rules as :func:`domain.rules.assess.assess`, restricted to what is known per object
without an applicant: for the vaste vergoeding the scheme period, first report and location
(the personal conditions are checked per case). Results are three-valued int8 columns
(1 yes/pass, 0 no/fail, -1 unknown). A test checks every column against the per-case verdicts.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from domain import policy
from domain.presentation.dutch_time import dutch_dates
from domain.rules.batch_tables import (
    NAT,
    NO,
    UNK,
    YES,
    BatchResult,
    ClaimTable,
    ObjectTable,
    _any,
    _count,
    _in_schemes,
    t_all,
    t_any,
    t_not,
)
from domain.rules.status import status_masks, status_of_masks

__all__ = ["BatchResult", "ClaimTable", "ObjectTable", "assess_many"]


def _tri_bool(mask: np.ndarray) -> np.ndarray:
    return mask.astype(np.int8)


def _day(date: dt.date) -> np.datetime64:
    return np.datetime64(date, "D")


class _Claims:
    """Claim columns as they were known on the assessment date."""

    def __init__(self, table: ClaimTable, day: np.datetime64) -> None:
        self.idx = table.obj_index
        visible = np.isnat(table.submitted) | (table.submitted <= day)
        self.visible = visible
        decided_known = ~np.isnat(table.decided) & (table.decided <= day)
        self.decided = np.where(decided_known, table.decided, NAT)
        self.decided_known = decided_known
        self.outcome = np.where(decided_known, table.outcome, -1)
        self.withdrawn = self.outcome == policy.CLAIM_OUTCOMES.index(policy.WITHDRAWN_OUTCOME)
        self.final = np.where(decided_known, table.final, UNK)
        self.amount = table.amount
        self.scheme = table.scheme
        self.submitted = table.submitted
        self.inspected = np.where(
            ~np.isnat(table.inspected) & (table.inspected <= day), table.inspected, NAT
        )
        risk = np.full(len(table), UNK, np.int8) if table.risk_found is None else table.risk_found
        self.risk_found = np.where(np.isnat(self.inspected), UNK, risk).astype(np.int8)
        filed_ok = np.isnat(table.objection_filed) | (table.objection_filed <= day)
        self.objection = (table.objection == 1) & decided_known & filed_ok
        self.objection_open = self.objection & ~(
            ~np.isnat(table.objection_decided) & (table.objection_decided <= day)
        )
        self.live = visible & ~self.withdrawn
        self.damage = self.live & _in_schemes(table.scheme, policy.PHYSICAL_DAMAGE_SCHEMES)
        self.open = self.live & ~decided_known


def _scheme_is(codes: np.ndarray, name: str) -> np.ndarray:
    return codes == policy.SCHEMES.index(name)


def _first_report(n: int, claims: _Claims, day: np.datetime64) -> np.ndarray:
    open_dated = claims.open & ~np.isnat(claims.submitted) & (claims.submitted <= day)
    has_request = _any(
        n, claims.idx, claims.visible & open_dated & _scheme_is(claims.scheme, "vaste_vergoeding")
    )
    remaining = _count(n, claims.idx, claims.damage) - has_request.astype(np.int32)
    open_maatwerk = _count(
        n, claims.idx, claims.damage & open_dated & _scheme_is(claims.scheme, "maatwerk")
    )
    return _tri_bool((remaining == 0) | ((remaining == 1) & (open_maatwerk == 1)))


def _route_a(n, built_year, obj, pdays, strong, window, a_from, a_until) -> np.ndarray:
    years = pdays.astype("datetime64[Y]").astype(np.int64) + 1970
    after = years > built_year[obj]  # NaN construction year compares False; handled below
    if window == "during_ownership":
        start, until = a_from[obj], a_until[obj]
        held = np.where(
            np.isnat(start), UNK, _tri_bool((start <= pdays) & (np.isnat(until) | (pdays < until)))
        )
        per_pair = t_all(_tri_bool(after), held)
    else:
        per_pair = _tri_bool(after)
    has_strong = _any(n, obj, strong)
    passes = _any(n, obj, strong & (per_pair == 1))
    unknown = _any(n, obj, strong & (per_pair == -1))
    out = np.where(passes, YES, np.where(unknown, UNK, NO)).astype(np.int8)
    out[np.isnan(built_year) & has_strong] = UNK
    out[~has_strong] = NO
    return out


def _dh(
    n,
    objects: ObjectTable,
    claims: _Claims,
    count_dh: np.ndarray,
    as_of: dt.date,
    dh_gap: bool = False,
) -> tuple[np.ndarray, np.ndarray]:
    if as_of < policy.DH_PILOT_FROM:
        return np.full(n, NO, np.int8), np.full(n, NO, np.int8)
    if as_of < policy.DH_POLICY_FROM:
        widened = as_of >= policy.DH_PILOT_AREA_EXTENDED_FROM
        area = t_any(
            objects.pilot_place, objects.in_ncg_programme if widened else np.zeros(n, np.int8)
        )
        awarded = (
            claims.damage
            & claims.decided_known
            & np.isin(
                claims.outcome, [policy.CLAIM_OUTCOMES.index(x) for x in policy.AWARDED_OUTCOMES]
            )
        )
        total = np.bincount(
            claims.idx[awarded], weights=np.nan_to_num(claims.amount[awarded]), minlength=n
        )
        missing = _any(n, claims.idx, awarded & np.isnan(claims.amount))
        damage = np.where(
            ~np.isnan(objects.dh_recognised_damage_eur),
            objects.dh_recognised_damage_eur,
            np.where(missing, np.nan, total),
        )
        minimum = policy.DH_PILOT_MIN_DAMAGE_EUR
    else:
        by_count = _tri_bool(count_dh >= policy.DH_MIN_QUAKES)
        if dh_gap:  # fewer than four known, the catalogue stops before the counting period ends
            by_count = np.where(by_count == NO, UNK, by_count)
        area = np.where(objects.dh_pilot_dossier == 1, YES, by_count)
        damage, minimum = objects.dh_d3_damage_eur, policy.DH_D3_MIN_EUR
    enough = np.where(np.isnan(damage), UNK, _tri_bool(np.nan_to_num(damage) >= minimum))
    area = area.astype(np.int8)
    entry = t_all(objects.dh_structural_defect, enough, objects.dh_unhandled_damage)
    if as_of >= policy.DH_POLICY_FROM:
        # a pilot dossier is finished: its entry was judged under the pilot rules
        entry = np.where(objects.dh_pilot_dossier == 1, YES, entry).astype(np.int8)
    return area, t_all(_woning(n, objects), area, entry)


def _woning(n: int, objects: ObjectTable) -> np.ndarray:
    """Duurzaam herstel is for woningen: 1 woning, 0 niet-woning, -1 use not known."""
    if objects.use is None:
        return np.full(n, UNK, np.int8)
    use = np.asarray(objects.use, dtype=object)
    return np.where(use == "woning", YES, np.where(use == "niet-woning", NO, UNK)).astype(np.int8)


def _overdue(n: int, claims: _Claims, day: np.datetime64) -> np.ndarray:
    sub = claims.submitted
    weeks = np.where(
        _in_schemes(claims.scheme, policy.SHORT_TERM_SCHEMES),
        policy.TERM_WEEKS_SHORT,
        policy.TERM_WEEKS_LONG,
    )
    due = sub + (weeks * 7).astype("timedelta64[D]")
    late = day > due
    aos = _scheme_is(claims.scheme, "aos")
    inspect_due = sub + np.timedelta64(policy.AOS_INSPECT_HOURS // 24, "D")
    safe_due = sub + np.timedelta64(policy.AOS_SAFE_HOURS // 24, "D")
    # AOS: late without inspection, or past the make-safe term where a risk was found
    inspected = ~np.isnat(claims.inspected)
    aos_late = np.where(
        ~inspected,
        _tri_bool(day > inspect_due),
        np.where((day > safe_due) & (claims.risk_found != 0), claims.risk_found, NO),
    )
    late = np.where(aos, aos_late, _tri_bool(late))
    dated = ~np.isnat(sub)
    any_late = _any(n, claims.idx, claims.open & dated & (late == 1))
    unsure = _any(n, claims.idx, claims.open & (~dated | (late == -1)))
    return np.where(any_late, YES, np.where(unsure, UNK, NO)).astype(np.int8)


def _finals(n: int, claims: _Claims) -> np.ndarray:
    """Last final decision per object (NaT none)."""
    final_scheme = _in_schemes(claims.scheme, policy.FINAL_SCHEMES)
    start = policy.MAATWERK_FINALITY_FROM
    if start is not None:
        final_scheme |= _scheme_is(claims.scheme, "maatwerk") & (claims.decided >= _day(start))
    refused = claims.outcome == policy.CLAIM_OUTCOMES.index("afgewezen")
    # a fixed compensation is final whatever its flag; maatwerk only when not flagged otherwise
    flag_ok = _in_schemes(claims.scheme, policy.FINAL_SCHEMES) | (claims.final != 0)
    is_final = (
        claims.visible
        & claims.decided_known
        & ~claims.withdrawn
        & flag_ok
        & final_scheme
        & ((claims.final == 1) | ~refused)
    )
    last = np.full(n, np.iinfo(np.int64).min, dtype=np.int64)
    np.maximum.at(last, claims.idx[is_final], claims.decided[is_final].astype(np.int64))
    out = last.astype("datetime64[D]")
    out[last == np.iinfo(np.int64).min] = NAT
    return out


def _status_masks(objects, claims, n, result: BatchResult) -> dict[str, np.ndarray]:
    return status_masks(
        decided_any=_any(n, claims.idx, claims.damage & claims.decided_known),
        claim_open=_any(n, claims.idx, claims.open),
        has_final=~np.isnat(result.last_final_decision),
        new_claim=result.new_claim,
        dh_area=result.dh_area,
        duurzaam_herstel=result.duurzaam_herstel,
        handoff_running=objects.handoff_running,
    )


def evaluate(
    objects: ObjectTable,
    exposure,
    claim_table: ClaimTable,
    as_of: dt.date,
    a_from,
    a_until,
    window: str,
    catalog_end: dt.date | None = None,
) -> BatchResult:
    n, day = len(objects), _day(as_of)
    claims = _Claims(claim_table, day)
    # quakes by their Dutch calendar date, as decision and policy dates are Dutch dates
    pdays = dutch_dates(exposure.event_times)[exposure.event_index]
    seen = pdays <= day
    # a "no" that rests on the absence of quakes after the catalogue's end is unknown
    gap = catalog_end is not None and catalog_end < as_of
    dh_gap = catalog_end is not None and catalog_end < policy.DH_CATALOG_NEEDED_UNTIL
    obj, pgv, pdays = exposure.obj_index[seen], exposure.pgv_mm_s[seen], pdays[seen]
    strong = policy.pgv_at_least(pgv, policy.EFFECT_AREA_PGV_MM_S)
    in_ea = _tri_bool(_any(n, obj, strong))
    built_year = objects.construction_year
    a_from = np.full(n, NAT) if a_from is None else np.asarray(a_from, "datetime64[D]")
    a_until = np.full(n, NAT) if a_until is None else np.asarray(a_until, "datetime64[D]")
    a_until = np.where(~np.isnat(a_until) & (a_until > day), NAT, a_until)
    route_a = _route_a(n, built_year, obj, pdays, strong, window, a_from, a_until)
    built = np.where(
        np.isnan(built_year), UNK, _tri_bool(built_year < policy.ZONE_6KM_BUILT_BEFORE_YEAR)
    )
    route_c = t_all(t_not(in_ea), t_not(objects.in_subsidence_area), objects.within_6km_zone, built)
    location = t_any(route_a, objects.in_subsidence_area, route_c)
    if gap:
        location = np.where(location == NO, UNK, location).astype(np.int8)
    first = _first_report(n, claims, day)
    in_force = np.full(n, YES if as_of >= policy.VASTE_VERGOEDING_FROM else NO, np.int8)
    amount = np.where(
        objects.small == 1,
        float(policy.VASTE_VERGOEDING_SMALL_EUR),
        np.where(objects.small == 0, float(policy.VASTE_VERGOEDING_EUR), np.nan),
    )
    last = _finals(n, claims)
    reopen_mask = (
        policy.pgv_above(pgv, policy.REOPEN_PGV_MM_S) & (pdays > last[obj]) & ~np.isnat(last[obj])
    )
    reopening = _count(n, obj, reopen_mask)
    reopened = _tri_bool(reopening > 0)
    if gap:
        reopened = np.where(reopened == NO, UNK, reopened).astype(np.int8)
    new_claim = np.where(np.isnat(last), YES, t_any(reopened, objects.in_subsidence_area))
    nulmeting = t_any(
        _tri_bool(_any(n, obj, policy.pgv_at_least(pgv, policy.NULMETING_PGV_MM_S))),
        objects.in_subsidence_area,
    )
    before = pdays < _day(policy.DH_QUAKES_BEFORE)
    count_dh = _count(n, obj, policy.pgv_at_least(pgv, policy.DH_PGV_MM_S) & before)
    dh_area, dh = _dh(n, objects, claims, count_dh, as_of, dh_gap)
    overdue = _overdue(n, claims, day)
    n_damage = _count(n, claims.idx, claims.damage)
    samenloop = np.where(n_damage == 0, NO, objects.in_ncg_programme).astype(np.int8)
    repeated = t_all(
        _tri_bool(n_damage >= policy.HANDOFF_REPEATED_DAMAGE_CLAIMS),
        _tri_bool(count_dh < policy.DH_MIN_QUAKES),
    )
    signals = [
        overdue,
        _tri_bool(_any(n, claims.idx, claims.live & claims.objection_open)),
        samenloop,
        repeated,
        _tri_bool(_count(n, claims.idx, claims.live) >= policy.HANDOFF_MANY_CLAIMS),
    ]
    present = sum((s == 1).astype(np.int32) for s in signals)
    unknown = sum((s == -1).astype(np.int32) for s in signals)
    need = policy.HANDOFF_MIN_SIGNALS
    suggested = np.where(present >= need, YES, np.where(present + unknown < need, NO, UNK)).astype(
        np.int8
    )
    ivs = (signals[0] == 1) | (signals[1] == 1) | (signals[2] == 1)
    target = np.where(suggested == 1, np.where(ivs, "IVS", "CBS"), "").astype(object)
    result = BatchResult(
        in_effect_area=in_ea,
        vv_first_report=first,
        vv_location=location,
        vaste_vergoeding=t_all(in_force, first, location),
        amount_eur=amount,
        new_claim=new_claim.astype(np.int8),
        reopening_count=reopening,
        last_final_decision=last,
        nulmeting=nulmeting,
        dh_area=dh_area,
        duurzaam_herstel=dh,
        overdue=overdue,
        handoff_suggested=suggested,
        handoff_target=target,
        status=np.array([], dtype=object),
    )
    result.status_masks = _status_masks(objects, claims, n, result)
    result.status = status_of_masks(result.status_masks, n)
    return result


def assess_many(
    objects: ObjectTable,
    exposure,
    claims: ClaimTable | None = None,
    as_of: dt.date | None = None,
    applicant_from=None,
    applicant_until=None,
    location_window: str | None = None,
    catalog_end: dt.date | None = None,
) -> BatchResult:
    """Verdict columns for every object as of ``as_of`` (default today).

    ``exposure`` needs ``obj_index``, ``event_index``, ``pgv_mm_s`` (pairs at or above a floor
    below 2 mm/s) and ``event_times`` (UTC datetime64 per quake): the ground-motion
    ``Exposure`` fits. With the ``during_ownership`` window, pass the applicant's ownership
    start and end per object (datetime64[D], NaT unknown / still running). ``catalog_end``:
    the last Dutch day the catalogue covers (None: taken as complete), as in the per-case rules.
    """
    claims = claims if claims is not None else ClaimTable.from_records([])
    window = location_window or policy.LOCATION_WINDOW
    return evaluate(
        objects,
        exposure,
        claims,
        as_of or dt.date.today(),
        applicant_from,
        applicant_until,
        window,
        catalog_end,
    )
