"""Demo owners, claim histories and hand-offs, drawn from the seeded generator.

Claim volumes per year follow IMG's published yearly reports scaled to the number of objects;
objects that shook harder claim more often, so about a third never claim, as in reality.
Persons are pseudonymous ids; legal persons carry an obviously made-up name.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from domain import policy
from domain.demo.places import DEMO_REFERENCE_OBJECTS, IMG_REPORTS_PER_YEAR
from domain.demo.rows import HandoffRow, HandoffStatusRow, PersonRow
from domain.rules.handoff import ALLOWED_TRANSITIONS, REASONS_FOR_TARGET, SUBMITTERS
from domain.store.people import StoredClaim, StoredOwnership

#: the demo's "today": claims and hand-offs up to this date, so a seed always gives one store
DEMO_AS_OF = dt.date(2026, 6, 30)
_VV_FROM = policy.VASTE_VERGOEDING_FROM
_RIGHTS = ("eigendom", "erfpacht", "opstal", "beklemrecht")
_RIGHT_P = (0.94, 0.025, 0.015, 0.02)
_SHORT = set(policy.SHORT_TERM_SCHEMES)


def _day(rng, lo: dt.date, hi: dt.date) -> dt.date:
    return lo + dt.timedelta(days=int(rng.integers(0, max((hi - lo).days, 1))))


def make_owners(objs, rng):
    """Persons and ownership rows: sole and co-owners, landlords with several objects, legal owners."""
    n = len(objs)
    persons: list[PersonRow] = []
    owners: list[StoredOwnership] = []
    naturals: list[str] = []
    legal = [f"L{i:06d}" for i in range(1, max(5, n // 2000) + 1)]
    for i, pid in enumerate(legal):
        persons.append(PersonRow(pid, False, f"Woningcorporatie Noord {i + 1} (demo)"))
    r = rng.random((n, 6))
    rights = rng.choice(len(_RIGHTS), size=n, p=_RIGHT_P)
    seq = 0

    def new_person() -> str:
        nonlocal seq
        seq += 1
        pid = f"P{seq:07d}"
        persons.append(PersonRow(pid, True, None))
        naturals.append(pid)
        return pid

    for i in range(n):
        oid = int(objs.ids[i])
        built = dt.date(max(int(objs.construction_year[i]), 1960), 1, 1)
        since = _day(rng, built, dt.date(2024, 12, 31))
        right = _RIGHTS[rights[i]]
        if r[i, 0] < 0.12:
            owners.append(
                StoredOwnership(oid, legal[int(r[i, 1] * len(legal))], right, since, None, True)
            )
            continue
        if r[i, 2] < 0.05 and naturals:
            first = naturals[int(r[i, 3] * len(naturals))]
        else:
            first = new_person()
        co_owned = r[i, 4] < 0.35
        consent = True if not co_owned else bool(r[i, 5] < 0.92)
        owners.append(StoredOwnership(oid, first, right, since, None, True))
        if co_owned:
            owners.append(StoredOwnership(oid, new_person(), right, since, None, consent))
        if r[i, 5] < 0.18 and since > built + dt.timedelta(days=400):
            owners.append(
                StoredOwnership(oid, new_person(), right, _day(rng, built, since), since, True)
            )
    return persons, owners


def _yearly_counts(n: int) -> list[tuple[int, int, float, float, int]]:
    """(year, claims, share awarded, mean amount, days in the year that count)."""
    out = []
    for year, reports, share, paid_mln in IMG_REPORTS_PER_YEAR:
        awarded = max(reports * share, 1.0)
        mean = paid_mln * 1e6 / awarded if paid_mln > 0 else 3000.0
        out.append((year, round(reports * n / DEMO_REFERENCE_OBJECTS), share, mean, 365))
    # 2026 has no published figure yet: assume 2025's pace up to the demo date
    last = IMG_REPORTS_PER_YEAR[-1]
    days = (DEMO_AS_OF - dt.date(2026, 1, 1)).days + 1
    count = round(last[1] * days / 365 * n / DEMO_REFERENCE_OBJECTS)
    out.append((2026, count, last[2], out[-1][3], days))
    return out


def _scheme(rng, submitted: dt.date, had_final: bool) -> str:
    u = rng.random()
    if submitted < _VV_FROM:
        s = "maatwerk" if u < 0.88 else "herstel_eigen_aannemer"
    elif submitted.year < 2026:
        s = (
            "vaste_vergoeding"
            if u < 0.55
            else "maatwerk"
            if u < 0.85
            else "aanvullende_vaste_vergoeding"
            if u < 0.93
            else "ims"
            if u < 0.97
            else "waardedaling"
        )
    else:
        s = (
            "vaste_herhaalvergoeding"
            if u < 0.3
            else "vaste_vergoeding"
            if u < 0.5
            else "maatwerk"
            if u < 0.82
            else "duurzaam_herstel"
            if u < 0.94
            else "ims"
        )
    if had_final and s in ("vaste_vergoeding", "aanvullende_vaste_vergoeding"):
        s = "maatwerk"
    return s


def make_claims(objs, owners, max_pgv, rng):
    """Claim rows in time order, each on an object standing at the time, with an owner applying."""
    n = len(objs)
    weight = 0.03 + np.clip(np.nan_to_num(max_pgv), 0.0, 20.0)
    weight = weight / weight.sum()
    first_owner: dict[int, str] = {}
    for owner in owners:
        if owner.valid_until is None:
            first_owner.setdefault(owner.object_id, owner.person_id)
    drafts = []
    for year, count, share, mean, days in _yearly_counts(n):
        if count <= 0:
            continue
        picks = rng.choice(n, size=int(count * 1.3) + 5, p=weight)
        picks = picks[objs.construction_year[picks] <= year][:count]
        offsets = rng.integers(0, days, picks.size)
        for k, (i, off) in enumerate(zip(picks, offsets)):
            drafts.append(
                (dt.date(year, 1, 1) + dt.timedelta(days=int(off)), int(i), year, k, share, mean)
            )
    drafts.sort(key=lambda d: (d[0], d[1], d[3]))
    u = rng.random((len(drafts), 5))
    had_final: set[int] = set()
    per_year: dict[int, int] = {}
    rows = []
    for j, (submitted, i, year, _k, share, mean) in enumerate(drafts):
        oid = int(objs.ids[i])
        scheme = _scheme(rng, submitted, oid in had_final)
        term = policy.TERM_WEEKS_SHORT if scheme in _SHORT else policy.TERM_WEEKS_LONG
        lag = max(1.0, rng.gamma(3.0, term / 4.0)) * (3.0 if u[j, 0] < 0.07 else 1.0)
        decided = submitted + dt.timedelta(weeks=float(lag))
        awarded = u[j, 1] < share
        if decided > DEMO_AS_OF:
            decided, outcome, amount, final = None, None, None, False
        else:
            outcome = "toegewezen" if awarded else "afgewezen"
            amount = (
                _amount(scheme, bool(objs.small[i]), int(objs.woz[i]), mean, rng) if awarded else 0
            )
            final = awarded and scheme in ("vaste_vergoeding", "aanvullende_vaste_vergoeding")
            if final:
                had_final.add(oid)
        objection = decided is not None and u[j, 2] < 0.04
        pending = objection and (DEMO_AS_OF - decided).days < 26 * 7
        status = "open" if decided is None else "objection" if pending else "decided"
        per_year[year] = per_year.get(year, 0) + 1
        rows.append(
            StoredClaim(
                claim_number=f"SCH-{year}-{per_year[year]:06d}",
                object_id=oid,
                applicant_id=first_owner.get(oid),
                scheme=scheme,
                submitted=submitted,
                decided=decided,
                outcome=outcome,
                amount=amount,
                final=bool(final),
                objection=bool(objection),
                status=status,
                handler=None,  # the demo knows no claim handlers
            )
        )
    return rows


def _amount(scheme: str, small: bool, woz: int, mean: float, rng) -> int:
    if scheme == "vaste_vergoeding":
        return policy.VASTE_VERGOEDING_SMALL_EUR if small else policy.VASTE_VERGOEDING_EUR
    if scheme in ("aanvullende_vaste_vergoeding", "vaste_herhaalvergoeding"):
        return int(rng.integers(2, 9)) * 1000
    if scheme == "ims":
        return int(rng.integers(1, 6)) * 1000
    if scheme == "waardedaling":
        return int(rng.integers(3, 21)) * 1000
    if scheme == "duurzaam_herstel":
        cap = policy.DH_MAX_CONTRIBUTION_EUR
        return int(min(rng.uniform(15_000, 120_000), woz, cap))
    return int(round(rng.lognormal(np.log(max(mean, 500.0)) - 0.5, 1.0), -1))


def make_handoffs(claims, rng, limit: int):
    """Hand-offs on objects where signs add up (an open overdue or objected claim, several claims)."""
    by_object: dict[int, list[StoredClaim]] = {}
    for claim in claims:
        by_object.setdefault(claim.object_id, []).append(claim)
    candidates = sorted(
        object_id
        for object_id, object_claims in by_object.items()
        if len(object_claims) >= 2
        and any(claim.status in ("open", "objection") for claim in object_claims)
    )
    if not candidates:
        return [], []
    chosen = sorted(rng.choice(candidates, size=min(limit, len(candidates)), replace=False))
    handoffs, history = [], []
    path = ("concept", "submitted", "in_progress", "proposal_to_residents", "binding_advice")
    for handoff_id, object_id in enumerate(chosen, start=1):
        target = "IVS" if rng.random() < 0.8 else "CBS"
        reasons = REASONS_FOR_TARGET[target]
        reason = reasons[int(rng.integers(0, len(reasons)))]
        submitter = SUBMITTERS[int(rng.integers(0, len(SUBMITTERS)))]
        steps = int(rng.integers(1, len(path) + 2))
        statuses = list(path[: min(steps, len(path))])
        if steps > len(path):
            statuses.append("carried_out")
        elif steps in (2, 3) and rng.random() < 0.2:
            statuses.append("returned")
        at = dt.datetime(2025, 1, 1) + dt.timedelta(days=int(rng.integers(0, 400)))
        created = at
        for k, status in enumerate(statuses):
            if k:
                assert status in ALLOWED_TRANSITIONS[statuses[k - 1]]
                at = at + dt.timedelta(days=int(rng.integers(7, 60)))
            history.append(HandoffStatusRow(handoff_id, status, at, by="demo", note=None))
        linked = ",".join(claim.claim_number for claim in by_object[object_id][-3:])
        narrative = (
            "Meerdere schademeldingen, waarvan een nog open of in bezwaar; de bewoners lopen "
            "vast in het proces (demo)."
        )
        handoffs.append(
            HandoffRow(
                id=handoff_id,
                object_id=int(object_id),
                target=target,
                submitter=submitter,
                reason_category=reason,
                narrative=narrative,
                resident_consent=True,
                linked_claim_ids=linked,
                status=statuses[-1],
                created_at=created,
                updated_at=at,
                version=len(statuses),
            )
        )
    return handoffs, history
