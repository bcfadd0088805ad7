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
from domain.store.engine import Location
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

    # --- reading -----------------------------------------------------------------------
    def read_object(self, object_id: int) -> ObjectRecord:
        with self.engine.connect() as conn:
            row = conn.execute(
                text(f"SELECT {_OBJECTS_COLUMNS} FROM objects WHERE id = :id"), {"id": object_id}
            ).first()
            if row is None:
                raise NotFoundError(tr("store.object_not_found", object_id=object_id))
            addresses = [
                AddressRecord(*r)
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
                OwnerRecord(r[0], bool(r[1]), r[2], to_date(r[3]), to_date(r[4]), _bool(r[5]), r[6])
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
                    r[0],
                    r[1],
                    r[2],
                    r[3],
                    to_date(r[4]),
                    to_date(r[5]),
                    r[6],
                    r[7],
                    bool(r[8]),
                    bool(r[9]),
                    r[10],
                    r[11],
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
            x, y = row[1], row[2]
            quakes = [
                QuakeAtObject(
                    r[0],
                    to_datetime(r[1]),
                    r[2] or "",
                    r[3],
                    round(math.hypot(r[4] - x, r[5] - y) / 1000.0, 3),
                    r[6],
                    bool(r[7]),
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
            object_id=row[0],
            x=x,
            y=y,
            kadastrale_aanduiding=row[3],
            construction_year=row[4],
            use=row[5],
            small=bool(row[6]),
            woz_value=row[7],
            rijksmonument=bool(row[8]),
            municipality=row[9],
            place=row[10],
            pc4=row[11],
            vs30=row[12],
            in_ncg_programme=bool(row[13]),
            status=row[14],
            exposure=ExposureSummary(row[15], row[16], row[17], row[18], _bool(row[19])),
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
        ids = ", ".join(str(int(r[0])) for r in rows)
        for h in conn.execute(
            text(
                f'SELECT handoff_id, status, at, "by", note FROM handoff_status '
                f"WHERE handoff_id IN ({ids}) ORDER BY at, id"
            )
        ):
            history.setdefault(h[0], []).append(StatusEntry(h[1], to_datetime(h[2]), h[3], h[4]))
        return [
            HandOffRecord(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                r[5],
                bool(r[6]),
                tuple(c for c in (r[7] or "").split(",") if c),
                r[8],
                to_datetime(r[9]),
                to_datetime(r[10]),
                r[11],
                tuple(history.get(r[0], ())),
            )
            for r in rows
        ]

    def _load_areas(self, conn) -> None:
        key = tuple(conn.execute(text("SELECT COUNT(*), MAX(id) FROM areas")).first())
        if key == self._areas_key:
            return
        from domain.store.geometry import wkb_of

        loaded = []
        for kind, name, blob in conn.execute(text(_areas_sql(self.location.is_gpkg))):
            geom = shapely.from_wkb(wkb_of(blob))
            shapely.prepare(geom)
            loaded.append((kind, name, geom))
        self._areas, self._areas_key = loaded, key

    def _area_flags(self, conn, x: float, y: float, row) -> AreaFlags:
        self._load_areas(conn)
        point = shapely.Point(x, y)
        inside: dict[str, list[str]] = {}
        for kind, name, geom in self._areas:
            if geom.covers(point):
                inside.setdefault(kind, []).append(name)
        count_dh = row[18]
        in_dh = None if count_dh is None else count_dh >= policy.DH_MIN_QUAKES
        if "dh_area" in inside:
            in_dh = True
        in_effect = _bool(row[19])
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
                    hits.append(SearchHit("object", row[0], f"object {row[0]}", row[1], row[2]))
            for r in conn.execute(
                text(
                    "SELECT c.claim_number, o.id, o.x, o.y, c.scheme FROM claims c JOIN objects o "
                    "ON o.id = c.object_id WHERE c.claim_number = :nr"
                ),
                {"nr": query.upper()},
            ):
                hits.append(SearchHit("claim", r[1], f"{r[0]} ({r[4]})", r[2], r[3], r[0]))
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
    for r in conn.execute(text(sql), params):
        label = AddressRecord(r[9], r[1], r[2], r[3], r[4], r[5], r[6]).label()
        hits.append(SearchHit(kind, r[0], label, r[7], r[8]))
    return hits


def _areas_sql(is_gpkg: bool) -> str:
    geom = "geom" if is_gpkg else "ST_AsBinary(geom)"
    return f"SELECT kind, name, {geom} FROM areas WHERE geom IS NOT NULL ORDER BY id"
