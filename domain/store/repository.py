"""The repository the plugin and the CLI use: read one object with everything, search, hand-offs.

Reads are plain SQL on indexed columns (one query per part of the record), which keeps one
object well under the 20 ms the panel needs on a 500,000-object store. Hand-off changes use
optimistic locking: a status change names the version it saw and fails, changing nothing,
when someone else got there first.
"""

from __future__ import annotations

import datetime as dt
import math
import re

import shapely
from sqlalchemy import text
from sqlalchemy.engine import Engine

from domain import policy
from domain.i18n import tr
from domain.store import faults  # noqa: F401  (database faults become DomainErrors)
from domain.store.backend import backend_for
from domain.store.engine import Location
from domain.store.handoffs import linked_claims
from domain.store.records import (
    AddressRecord,
    AreaFlags,
    ClaimRecord,
    ExposureSummary,
    HandOffRecord,
    NotFoundError,
    ObjectRecord,
    OwnerRecord,
    QuakeAtObject,
    SearchHit,
    StatusEntry,
)

_POSTCODE_NUMBER = re.compile(r"^\s*(\d{4})\s*([A-Za-z]{2})\s*(\d+)?\s*([A-Za-z])?\s*$")
_OBJECTS_COLUMNS = (
    "id, x, y, kadastrale_aanduiding, construction_year, use, small, woz_value, rijksmonument, "
    "municipality, place, pc4, vs30, in_ncg_programme, status, max_pgv_mm_s, count_ge_2, "
    "count_ge_5, count_ge_5_before_2026, in_effect_area"
)


def to_date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    return dt.date.fromisoformat(str(value)[:10])


def to_datetime(value) -> dt.datetime | None:
    """A stored instant as naive UTC: PostGIS gives a datetime, a GeoPackage the text
    ``YYYY-MM-DDTHH:MM:SS.sssZ`` (or, in stores written before, ``YYYY-MM-DD HH:MM:SS``)."""
    if value is None:
        return None
    if not isinstance(value, dt.datetime):
        text = str(value).strip()
        if text.endswith(("Z", "z")):  # Python before 3.11 does not read a trailing Z
            text = text[:-1] + "+00:00"
        value = dt.datetime.fromisoformat(text)
    if value.tzinfo is not None:
        value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return value


def _bool(value) -> bool | None:
    return None if value is None else bool(value)


def normalise_search_key(*parts: object) -> str:
    return " ".join(str(p).strip().lower() for p in parts if p not in (None, "")).strip()


class Store:
    """One open store; cheap to create, each thread should open its own (SQLite rule)."""

    def __init__(self, engine: Engine, location: Location) -> None:
        self.engine = engine
        self.location = location
        self._areas_key: tuple | None = None
        self._areas: list[tuple[str, str, object]] = []

    # --- lifecycle ---------------------------------------------------------------------
    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def kind(self) -> str:
        return self.location.kind

    @property
    def backend(self):
        """What differs between a GeoPackage and a PostGIS store (``domain.store.backend``)."""
        return backend_for(self.location)

    # --- reading -----------------------------------------------------------------------
    def read_object(self, object_id: int) -> ObjectRecord:
        with self.engine.connect() as conn:
            row = conn.execute(
                text(f"SELECT {_OBJECTS_COLUMNS} FROM objects WHERE id = :id"), {"id": object_id}
            ).first()
            if row is None:
                raise NotFoundError(tr("store.object_not_found", object_id=object_id))
            addresses = [
                AddressRecord(**r._asdict())
                for r in conn.execute(
                    text(
                        "SELECT bag_vbo_id, street, house_number, house_letter, addition, "
                        "postcode, place FROM addresses WHERE object_id = :id "
                        "ORDER BY street, house_number, house_letter, addition"
                    ),
                    {"id": object_id},
                )
            ]
            owners = [
                OwnerRecord(
                    person_id=r.person_id,
                    natural_person=bool(r.natural_person),
                    right=r.right,
                    valid_from=to_date(r.valid_from),
                    valid_until=to_date(r.valid_until),
                    consent=_bool(r.consent),
                    legal_name=r.legal_name,
                )
                for r in conn.execute(
                    text(
                        'SELECT o.person_id, p.natural_person, o."right", o.valid_from, '
                        "o.valid_until, o.consent, p.legal_name FROM ownerships o "
                        "JOIN persons p ON p.id = o.person_id WHERE o.object_id = :id "
                        "ORDER BY o.valid_from, o.person_id"
                    ),
                    {"id": object_id},
                )
            ]
            claims = [
                ClaimRecord(
                    **{
                        **r._asdict(),
                        "submitted": to_date(r.submitted),
                        "decided": to_date(r.decided),
                        "final": bool(r.final),
                        "objection": bool(r.objection),
                    }
                )
                for r in conn.execute(
                    text(
                        "SELECT id, claim_number, applicant_id, scheme, submitted, decided, "
                        "outcome, amount, final, objection, status, handler FROM claims "
                        "WHERE object_id = :id ORDER BY submitted, id"
                    ),
                    {"id": object_id},
                )
            ]
            x, y = row.x, row.y
            quakes = [
                QuakeAtObject(
                    event_id=r.event_id,
                    time=to_datetime(r.time),
                    place=r.place or "",
                    ml=r.ml,
                    epicentral_km=round(math.hypot(r.x - x, r.y - y) / 1000.0, 3),
                    pgv_mm_s=r.pgv_mm_s,
                    counting=bool(r.counting),
                )
                for r in conn.execute(
                    text(
                        "SELECT q.event_id, q.time, q.place, q.ml, q.x, q.y, e.pgv_mm_s, "
                        "q.counting FROM exposure_events e JOIN quakes q ON q.id = e.quake_id "
                        "WHERE e.object_id = :id ORDER BY q.time"
                    ),
                    {"id": object_id},
                )
            ]
            handoffs = self._handoffs(conn, object_id)
            from domain.store.coverage import stored_catalog_end

            catalog_end = stored_catalog_end(conn)
            areas = self._area_flags(conn, x, y, row)
        return ObjectRecord(
            object_id=row.id,
            x=x,
            y=y,
            kadastrale_aanduiding=row.kadastrale_aanduiding,
            construction_year=row.construction_year,
            use=row.use,
            small=bool(row.small),
            woz_value=row.woz_value,
            rijksmonument=bool(row.rijksmonument),
            municipality=row.municipality,
            place=row.place,
            pc4=row.pc4,
            vs30=row.vs30,
            in_ncg_programme=bool(row.in_ncg_programme),
            status=row.status,
            exposure=ExposureSummary(
                max_pgv_mm_s=row.max_pgv_mm_s,
                count_ge_2=row.count_ge_2,
                count_ge_5=row.count_ge_5,
                count_ge_5_before_2026=row.count_ge_5_before_2026,
                in_effect_area=_bool(row.in_effect_area),
            ),
            areas=areas,
            addresses=addresses,
            owners=owners,
            claims=claims,
            quakes_at_object=quakes,
            handoffs=handoffs,
            catalog_end=catalog_end,
        )

    def _handoffs(self, conn, object_id: int) -> list[HandOffRecord]:
        rows = conn.execute(
            text(
                "SELECT id, object_id, target, submitter, reason_category, narrative, "
                "resident_consent, linked_claim_ids, status, created_at, updated_at, version "
                "FROM handoffs WHERE object_id = :id ORDER BY id"
            ),
            {"id": object_id},
        ).all()
        if not rows:
            return []
        history: dict[int, list[StatusEntry]] = {}
        ids = ", ".join(str(int(r.id)) for r in rows)
        for h in conn.execute(
            text(
                f'SELECT handoff_id, status, at, "by", note FROM handoff_status '
                f"WHERE handoff_id IN ({ids}) ORDER BY at, id"
            )
        ):
            entry = StatusEntry(h.status, to_datetime(h.at), h.by, h.note)
            history.setdefault(h.handoff_id, []).append(entry)
        return [
            HandOffRecord(
                **{
                    **r._asdict(),
                    "resident_consent": bool(r.resident_consent),
                    "linked_claim_ids": linked_claims(r.linked_claim_ids),
                    "created_at": to_datetime(r.created_at),
                    "updated_at": to_datetime(r.updated_at),
                    "history": tuple(history.get(r.id, ())),
                }
            )
            for r in rows
        ]

    def _load_areas(self, conn) -> None:
        key = tuple(conn.execute(text("SELECT COUNT(*), MAX(id) FROM areas")).first())
        if key == self._areas_key:
            return
        loaded = []
        geom_sql = self.backend.geometry_sql()
        sql = f"SELECT kind, name, {geom_sql} AS geom FROM areas WHERE geom IS NOT NULL"
        for r in conn.execute(text(sql + " ORDER BY id")):
            geom = self.backend.geometry(r.geom)
            shapely.prepare(geom)
            loaded.append((r.kind, r.name, geom))
        self._areas, self._areas_key = loaded, key

    def _area_flags(self, conn, x: float, y: float, row) -> AreaFlags:
        self._load_areas(conn)
        point = shapely.Point(x, y)
        inside: dict[str, list[str]] = {}
        for kind, name, geom in self._areas:
            if geom.covers(point):
                inside.setdefault(kind, []).append(name)
        count_dh = row.count_ge_5_before_2026
        in_dh = None if count_dh is None else count_dh >= policy.DH_MIN_QUAKES
        if "dh_area" in inside:
            in_dh = True
        in_effect = _bool(row.in_effect_area)
        if in_effect is None and "effect_area" in inside:
            in_effect = True
        return AreaFlags(
            in_effect_area=in_effect,
            in_dh_area=in_dh,
            in_subsidence_area="subsidence" in inside,
            within_6km_zone="zone_6km" in inside,
            subsidence_areas=tuple(inside.get("subsidence", ())),
            start_areas=tuple(inside.get("start_area", ())),
        )

    # --- search --------------------------------------------------------------------------
    def search(self, text_: str, limit: int = 20) -> list[SearchHit]:
        """Address text, "9991 AB 12" (postcode + number), object id or claim number."""
        query = (text_ or "").strip()
        if not query:
            return []
        hits: list[SearchHit] = []
        with self.engine.connect() as conn:
            match = _POSTCODE_NUMBER.match(query)
            if match:
                postcode = (match.group(1) + match.group(2)).upper()
                sql = _ADDRESS_SELECT + " WHERE a.postcode = :pc"
                params: dict = {"pc": postcode, "limit": limit}
                if match.group(3):
                    sql += " AND a.house_number = :nr"
                    params["nr"] = int(match.group(3))
                if match.group(4):
                    sql += " AND a.house_letter = :letter"
                    params["letter"] = match.group(4).upper()
                hits += _address_hits(conn, sql + _ADDRESS_ORDER, params, "postcode")
            if query.isdigit():
                row = conn.execute(
                    text("SELECT id, x, y, place FROM objects WHERE id = :id"), {"id": int(query)}
                ).first()
                if row:
                    hits.append(SearchHit("object", row.id, f"object {row.id}", row.x, row.y))
            for r in conn.execute(
                text(
                    "SELECT c.claim_number, o.id, o.x, o.y, c.scheme FROM claims c JOIN objects o "
                    "ON o.id = c.object_id WHERE c.claim_number = :nr"
                ),
                {"nr": query.upper()},
            ):
                label = f"{r.claim_number} ({r.scheme})"
                hits.append(SearchHit("claim", r.id, label, r.x, r.y, r.claim_number))
            if len(hits) < limit and not match:
                key = normalise_search_key(query)
                sql = _ADDRESS_SELECT + " WHERE a.search_key >= :lo AND a.search_key < :hi"
                hits += _address_hits(
                    conn,
                    sql + _ADDRESS_ORDER,
                    {"lo": key, "hi": key + "\uffff", "limit": limit - len(hits)},
                    "address",
                )
        seen: set[tuple] = set()
        unique = []
        for hit in hits:
            marker = (hit.kind, hit.object_id, hit.label)
            if marker not in seen:
                seen.add(marker)
                unique.append(hit)
        return unique[:limit]

    # --- hand-offs ---------------------------------------------------------------------
    def add_handoff(self, draft, by: str) -> int:
        """Store a new hand-off as ``concept`` (version 1) with its first history line."""
        from domain.store.handoffs import add_handoff

        return add_handoff(self.engine, draft, by)

    def change_handoff_status(
        self, handoff_id: int, expected_version: int, new_status: str, by: str, note: str = ""
    ) -> int:
        """Move a hand-off to ``new_status`` if nobody changed it since ``expected_version``;
        returns the new version, raises ConcurrentChangeError (nothing written) otherwise."""
        from domain.store.handoffs import change_handoff_status

        return change_handoff_status(
            self.engine, handoff_id, expected_version, new_status, by, note
        )

    # --- audit ---------------------------------------------------------------------------
    def audit(self, who: str, action: str, object_id: int | None, detail: str = "") -> None:
        """Append one line to the audit log (who did what to which object, when)."""
        from domain.store.handoffs import audit

        with self.engine.begin() as conn:
            audit(conn, who, action, object_id, detail)

    # --- shared use: rights and claim edits (issue #8) ----------------------------------
    def capabilities(self):
        """What the connected login may do (roles.Capabilities); the plugin hides the rest."""
        from domain.store.roles import capabilities

        return capabilities(self.engine)

    def claim_version(self, claim_id: int) -> int:
        from domain.store.claims_edit import claim_version

        return claim_version(self.engine, claim_id)

    def edit_claim(self, claim_id: int, expected_version: int, changes: dict, by: str) -> int:
        """Change a claim if nobody changed it since ``expected_version``; returns the new
        version, raises ClaimConcurrentChangeError (nothing written) otherwise."""
        from domain.store.claims_edit import edit_claim

        return edit_claim(self.engine, claim_id, expected_version, changes, by)

    # --- map layers ----------------------------------------------------------------------
    def layer_uris(self) -> dict[str, tuple[str, str]]:
        from domain.store.extents import fill_missing_extents
        from domain.store.layers import layer_uris

        fill_missing_extents(self.engine)  # older stores: lets full-extent drawing skip the R-tree
        return layer_uris(self.location, self.engine)

    def info(self) -> dict:
        from domain.store.layers import store_info

        return store_info(self)


_ADDRESS_SELECT = (
    "SELECT a.object_id, a.street, a.house_number, a.house_letter, a.addition, a.postcode, "
    "a.place, o.x, o.y, a.bag_vbo_id FROM addresses a JOIN objects o ON o.id = a.object_id"
)
_ADDRESS_ORDER = " ORDER BY a.search_key, a.object_id LIMIT :limit"


def _address_hits(conn, sql: str, params: dict, kind: str) -> list[SearchHit]:
    hits = []
    for row in conn.execute(text(sql), params):
        address = AddressRecord(
            bag_vbo_id=row.bag_vbo_id,
            street=row.street,
            house_number=row.house_number,
            house_letter=row.house_letter,
            addition=row.addition,
            postcode=row.postcode,
            place=row.place,
        )
        hits.append(SearchHit(kind, row.object_id, address.label(), row.x, row.y))
    return hits
