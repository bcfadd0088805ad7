"""The demo's rows, one named tuple per table: each field is named after its store column.

The demo writes them by those names (``domain.demo._insert``), so a column added to the
schema, or a changed column order, never shifts a value into the wrong column. Columns the
store fills itself (a generated ``id``) are left out. Ownerships and claims are written as
``domain.store.people.StoredOwnership`` and ``StoredClaim``, the rows an import compares with.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple


class ObjectRow(NamedTuple):
    id: int
    x: float
    y: float
    kadastrale_aanduiding: str
    construction_year: int
    use: str
    small: bool
    woz_value: int
    rijksmonument: bool
    municipality: str
    place: str
    pc4: str
    vs30: float
    in_ncg_programme: bool
    origin: str
    # the exposure summary (``domain.store.exposure.SUMMARY_COLUMNS``)
    max_pgv_mm_s: float
    count_ge_2: int
    count_ge_5: int
    count_ge_5_before_2026: int
    in_effect_area: bool


class PersonRow(NamedTuple):
    id: str
    natural_person: bool
    legal_name: str | None


class ParcelRow(NamedTuple):
    object_id: int
    kadastrale_aanduiding: str
    area_m2: float


class AddressRow(NamedTuple):
    object_id: int
    bag_vbo_id: str
    bag_num_id: str
    street: str
    house_number: int
    house_letter: str | None
    addition: str | None
    postcode: str
    place: str
    search_key: str


class HandoffRow(NamedTuple):
    id: int
    object_id: int
    target: str
    submitter: str
    reason_category: str
    narrative: str
    resident_consent: bool
    linked_claim_ids: str
    status: str
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int


class HandoffStatusRow(NamedTuple):
    handoff_id: int
    status: str
    at: dt.datetime
    by: str
    note: str | None
