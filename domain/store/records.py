"""What the store hands out: plain dataclasses, no database objects, safe to pass between threads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from domain.errors import DomainError
from domain.i18n import register, tr
from domain.presentation.text_format import postcode

register(
    {
        "store.object_not_found": (
            "Object {object_id} staat niet in de opslag. Controleer het nummer of zoek op adres.",
            "Object {object_id} is not in the store. Check the number or search by address.",
        ),
        "store.concurrent_change": (
            "Overdracht {handoff_id} is intussen door iemand anders gewijzigd (u zag versie "
            "{expected}, nu is het versie {actual}). Er is niets overschreven; laad de overdracht "
            "opnieuw en voer uw wijziging dan nog eens uit.",
            "Hand-off {handoff_id} was changed by someone else meanwhile (you saw version "
            "{expected}, it is now version {actual}). Nothing was overwritten; reload the hand-off "
            "and make your change again.",
        ),
    }
)


@dataclass(frozen=True)
class AddressRecord:
    bag_vbo_id: str | None
    street: str
    house_number: int | None
    house_letter: str | None
    addition: str | None
    postcode: str | None
    place: str | None

    def label(self) -> str:
        number = f"{self.house_number or ''}{self.house_letter or ''}"
        if self.addition:
            number += f"-{self.addition}"
        pc = postcode(self.postcode)
        return " ".join(p for p in (self.street, number + ",", pc, self.place or "") if p).strip()


@dataclass(frozen=True)
class OwnerRecord:
    person_id: str
    natural_person: bool
    right: str
    valid_from: dt.date | None
    valid_until: dt.date | None
    consent: bool | None
    legal_name: str | None = None


@dataclass(frozen=True)
class ClaimRecord:
    id: int
    claim_number: str
    applicant_id: str | None
    scheme: str
    submitted: dt.date
    decided: dt.date | None
    outcome: str | None
    amount: int | None
    final: bool
    objection: bool
    status: str
    handler: str | None = None  # NAM, CVW, TCMG or IMG (revision 0006); None: not known


@dataclass(frozen=True)
class QuakeAtObject:
    event_id: str
    time: dt.datetime
    place: str
    ml: float
    epicentral_km: float
    pgv_mm_s: float
    counting: bool = True


@dataclass(frozen=True)
class ExposureSummary:
    max_pgv_mm_s: float | None
    count_ge_2: int | None
    count_ge_5: int | None
    count_ge_5_before_2026: int | None
    in_effect_area: bool | None


@dataclass(frozen=True)
class AreaFlags:
    in_effect_area: bool | None
    in_dh_area: bool | None
    in_subsidence_area: bool
    within_6km_zone: bool
    subsidence_areas: tuple[str, ...] = ()
    start_areas: tuple[str, ...] = ()


@dataclass(frozen=True)
class StatusEntry:
    status: str
    at: dt.datetime
    by: str
    note: str | None


@dataclass(frozen=True)
class HandOffRecord:
    id: int
    object_id: int
    target: str
    submitter: str
    reason_category: str
    narrative: str
    resident_consent: bool
    linked_claim_ids: tuple[str, ...]
    status: str
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int
    history: tuple[StatusEntry, ...] = ()


@dataclass(frozen=True)
class ObjectRecord:
    """One object with everything the panel and the rules need, read in one go."""

    object_id: int
    x: float
    y: float
    kadastrale_aanduiding: str | None
    construction_year: int | None
    use: str | None
    small: bool
    woz_value: int | None
    rijksmonument: bool
    municipality: str | None
    place: str | None
    pc4: str | None
    vs30: float | None
    in_ncg_programme: bool
    status: str | None
    exposure: ExposureSummary
    areas: AreaFlags
    addresses: list[AddressRecord] = field(default_factory=list)
    owners: list[OwnerRecord] = field(default_factory=list)
    claims: list[ClaimRecord] = field(default_factory=list)
    quakes_at_object: list[QuakeAtObject] = field(default_factory=list)
    handoffs: list[HandOffRecord] = field(default_factory=list)
    catalog_end: dt.date | None = None  # last day the stored quake catalogue covers


@dataclass(frozen=True)
class SearchHit:
    """A search result: what matched (address, postcode, object, claim) and where to zoom."""

    kind: str
    object_id: int
    label: str
    x: float
    y: float
    claim_number: str | None = None


class ConcurrentChangeError(DomainError):
    """A hand-off changed between reading and writing; nothing was overwritten."""

    def __init__(self, handoff_id: int, expected: int, actual: int) -> None:
        self.handoff_id = handoff_id
        self.expected_version = expected
        self.actual_version = actual
        super().__init__(
            tr("store.concurrent_change", handoff_id=handoff_id, expected=expected, actual=actual)
        )


class NotFoundError(DomainError):
    """The object (or hand-off) asked for is not in the store."""
