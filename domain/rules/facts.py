"""The facts a rule may look at, as plain data, and the view of them as of a date.

The rules never compute ground motion or read files: they get a list of shakings (one per
counting quake felt at the object) and plain records. ``None`` always means "not known"; a rule
turns it into an ``unknown`` condition, never into a silent fail. :func:`as_of_view` is the one
place where facts after the assessment date are hidden, so no rule can use them by accident.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from domain import policy
from domain.presentation.dutch_time import dutch_date


@dataclass(frozen=True)
class Shaking:
    """One counting quake as felt at the object: its ground velocity there (mm/s, 1% value)."""

    event_id: str
    time: dt.datetime
    place: str
    ml: float
    pgv_mm_s: float
    epicentral_km: float | None = None

    @property
    def day(self) -> dt.date:
        """Dutch calendar day of the quake (its instant is UTC; decision, construction and
        policy dates are Dutch dates, so every rule compares this day)."""
        return dutch_date(self.time)

    @classmethod
    def of(cls, quake) -> Shaking:
        """From a ground-motion record of a quake at a site or object, by attribute name."""
        return cls(
            quake.event_id,
            quake.time,
            quake.place,
            float(quake.ml),
            float(quake.pgv_mm_s),
            getattr(quake, "epicentral_km", None),
        )


@dataclass(frozen=True)
class Ownership:
    """A person's right on the object; ``until`` is exclusive (the day the right passed on)."""

    person_id: str
    natural_person: bool | None = None
    right: str | None = None
    start: dt.date | None = None
    until: dt.date | None = None
    consents: bool | None = None

    def holds_on(self, day: dt.date) -> bool | None:
        """Whether this right was held on ``day``; None when the start date is unknown."""
        if self.start is None:
            return None
        return self.start <= day and (self.until is None or day < self.until)

    @property
    def is_holding_right(self) -> bool | None:
        if self.right is None:
            return None
        return self.right in policy.HOLDING_RIGHTS


@dataclass(frozen=True)
class Objection:
    """A bezwaar against a decision: filed (date or unknown) and decided (date or still open)."""

    filed: dt.date | None = None
    decided: dt.date | None = None


@dataclass(frozen=True)
class Claim:
    """One application under one scheme; a decision after the assessment date is not yet known."""

    id: str
    scheme: str
    submitted: dt.date | None = None
    decided: dt.date | None = None
    outcome: str | None = None
    amount: float | None = None
    final: bool | None = None
    objection: Objection | None = None
    inspected: dt.date | None = None
    #: AOS: whether the inspection found an acute risk (then it must be made safe in time)
    risk_found: bool | None = None
    #: who handled the claim and paid any award: NAM, CVW, TCMG or IMG (policy.CLAIM_HANDLERS)
    handler: str | None = None

    @property
    def withdrawn(self) -> bool:
        return self.outcome == policy.WITHDRAWN_OUTCOME

    @property
    def is_physical_damage(self) -> bool:
        return self.scheme in policy.PHYSICAL_DAMAGE_SCHEMES

    def open_on(self, day: dt.date) -> bool:
        return (
            self.submitted is not None
            and self.submitted <= day
            and (self.decided is None or self.decided > day)
        )


@dataclass(frozen=True)
class BuildingObject:
    """The object (kadastraal object with at least one address) and what is known about it."""

    id: str
    x: float | None = None
    y: float | None = None
    construction_year: int | None = None
    small: bool | None = None
    use: str | None = None
    woz_value: float | None = None
    rijksmonument: bool | None = None
    vs30: float | None = None
    in_subsidence_area: bool | None = None
    within_6km_zone: bool | None = None
    in_ncg_programme: bool | None = None
    place: str | None = None
    special_structural_feature: bool | None = None


@dataclass(frozen=True)
class DHFacts:
    """What the Duurzaam herstel check needs beyond the quakes (from the technical assessment)."""

    d3_damage_eur: float | None = None
    structural_defect: bool | None = None
    unhandled_damage: bool | None = None
    pilot_dossier: bool | None = None
    recognised_damage_eur: float | None = None


@dataclass(frozen=True)
class Case:
    """Everything known about one object and one applicant; ``shakings`` None = not computed."""

    as_of: dt.date
    object: BuildingObject
    owners: tuple[Ownership, ...] = ()
    applicant: str | None = None
    prior_applications: int | None = None
    whole_object: bool | None = None
    claims: tuple[Claim, ...] = ()
    dh: DHFacts = field(default_factory=DHFacts)
    shakings: tuple[Shaking, ...] | None = None
    #: last Dutch day the quake catalogue covers; None: the shakings are taken as complete
    catalog_end: dt.date | None = None

    def applicant_rights(self) -> list[Ownership]:
        return [o for o in self.owners if o.person_id == self.applicant]


@dataclass(frozen=True)
class RuleSettings:
    """User-changeable settings of the rules (defaults from policy)."""

    location_window: str = policy.LOCATION_WINDOW

    def __post_init__(self) -> None:
        if self.location_window not in policy.LOCATION_WINDOWS:
            raise ValueError(
                f"location window {self.location_window!r}: choose "
                + " or ".join(policy.LOCATION_WINDOWS)
            )


def _visible_objection(obj: Objection | None, day: dt.date) -> Objection | None:
    if obj is None or (obj.filed is not None and obj.filed > day):
        return None
    if obj.decided is not None and obj.decided > day:
        return replace(obj, decided=None)
    return obj


def _visible_claim(claim: Claim, day: dt.date) -> Claim:
    if claim.decided is not None and claim.decided > day:
        claim = replace(claim, decided=None, outcome=None, amount=None, final=None, objection=None)
    if claim.inspected is not None and claim.inspected > day:
        claim = replace(claim, inspected=None, risk_found=None)
    return replace(claim, objection=_visible_objection(claim.objection, day))


def as_of_view(case: Case, as_of: dt.date | None = None) -> Case:
    """The case as it was known on ``as_of`` (default: the case's own date).

    Quakes after the date, claims submitted after it, decisions and objections taken after it
    and ownerships starting after it are dropped; an ownership ending after the date was still
    running then. Claims or ownerships whose date is unknown stay (they cannot be placed).
    """
    day = case.as_of if as_of is None else as_of
    shakings = None
    if case.shakings is not None:
        shakings = tuple(s for s in case.shakings if s.day <= day)
    claims = tuple(
        _visible_claim(c, day) for c in case.claims if c.submitted is None or c.submitted <= day
    )
    owners = []
    for o in case.owners:
        if o.start is not None and o.start > day:
            continue
        if o.until is not None and o.until > day:
            o = replace(o, until=None)
        owners.append(o)
    return replace(case, as_of=day, shakings=shakings, claims=claims, owners=tuple(owners))
