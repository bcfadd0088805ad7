"""``imgschade demo``: a deterministic demo region, written as one store.

Objects cluster around real places of the Groningen area (see ``demo_places``); owners, claim
histories (yearly volumes after IMG's published figures, scaled to the number of objects),
hand-offs, twelve illustrative subsidence areas and three illustrative start areas are drawn
from one seeded generator, so the same seed always gives the same store. Without a catalogue
file the quakes are synthetic and labelled so; exposure is computed by the ground-motion model.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from domain import policy
from domain.demo_objects import make_objects
from domain.demo_people import DEMO_AS_OF, make_claims, make_handoffs, make_owners
from domain.demo_places import IMG_REPORTS_SOURCE, PLACES
from domain.demo_quakes import illustrative_areas, synthetic_catalog
from domain.store import create_store
from domain.store.areas import computed_zone_areas, replace_areas, zone_6km_areas
from domain.store.backend import backend_for
from domain.store.bulk import insert_rows
from domain.store.engine import parse_location
from domain.store.exposure import SUMMARY_COLUMNS, summary_values, write_pairs, write_quakes
from domain.store.motion_settings import DEFAULT_MOTION
from domain.store.status import recompute_statuses

Progress = Callable[[float, str], None]

OBJECT_COLUMNS = (
    "id",
    "x",
    "y",
    "kadastrale_aanduiding",
    "construction_year",
    "use",
    "small",
    "woz_value",
    "rijksmonument",
    "municipality",
    "place",
    "pc4",
    "vs30",
    "in_ncg_programme",
    "origin",
    *SUMMARY_COLUMNS,
)
ADDRESS_COLUMNS = (
    "object_id",
    "bag_vbo_id",
    "bag_num_id",
    "street",
    "house_number",
    "house_letter",
    "addition",
    "postcode",
    "place",
    "search_key",
)


@dataclass
class DemoSummary:
    store: str
    objects: int
    seed: int
    catalog: str
    counts: dict[str, int] = field(default_factory=dict)
    statuses: dict[str, int] = field(default_factory=dict)
    sample_object_ids: dict[str, int | None] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "store": self.store,
            "objects": self.objects,
            "seed": self.seed,
            "catalog": self.catalog,
            "counts": self.counts,
            "object_status": self.statuses,
            "sample_object_ids": self.sample_object_ids,
        }


def build_demo(
    out: str,
    objects: int = 2000,
    seed: int = 7,
    catalog_path: str | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    """Build the demo store at ``out`` (replacing it) and return what it holds."""
    from domain.groundmotion.exposure import exposure_at_scale

    say = progress or (lambda pct, what: None)
    rng = np.random.default_rng(seed)
    say(2, "objecten")
    objs = make_objects(objects, rng)
    if catalog_path:
        from domain.groundmotion.catalog import load_catalog

        catalog = load_catalog(catalog_path)
    else:
        catalog = synthetic_catalog(seed)
    say(15, "trillingen per object")
    exposure = exposure_at_scale(
        catalog, objs.x, objs.y, objs.vs30, floor_mm_s=policy.STORE_EXPOSURE_FLOOR_MM_S
    )
    say(45, "eigenaren en schadehistorie")
    persons, owners = make_owners(objs, rng)
    claims = make_claims(objs, owners, exposure.max_pgv_mm_s, rng)
    handoffs, history = make_handoffs(claims, rng, limit=max(3, objects // 1500))
    areas = [(k, n, o, "demo", g) for k, n, o, g in illustrative_areas(seed)]
    areas += zone_6km_areas()
    areas += computed_zone_areas(catalog)
    say(65, "wegschrijven")
    target = parse_location(out)
    backend = backend_for(target)
    # a GeoPackage is built beside the old one and swapped in whole: a crash (or kill -9)
    # while writing leaves the old store as it was, never a half-built one
    building = backend.building_path(target)
    try:
        store = create_store(str(building) if building else out, overwrite=True)
        try:
            with store.engine.begin() as conn:
                _write(
                    conn, objs, catalog, exposure, persons, owners, claims, handoffs, history, areas
                )
                say(90, "statussen")
                # the same rules path as every later recompute, as of the demo's own date
                ids, result = recompute_statuses(conn, DEMO_AS_OF)
                statuses = [str(s) for s in result.status]
                reopened = (result.reopening_count > 0) & ~np.isnat(result.last_final_decision)
                insert_rows(conn, "store_info", ("key", "value"), _facts(objects, seed, catalog))
        finally:
            store.close()
    except BaseException:
        if building is not None:  # a failed build leaves nothing behind, the old store as it was
            backend.discard_building(building)
        raise
    if building is not None:
        backend.swap_in(building, target)
    say(100, "klaar")
    counts = {
        "objects": objects,
        "addresses": len(objs.addresses),
        "persons": len(persons),
        "ownerships": len(owners),
        "claims": len(claims),
        "quakes": len(catalog.quakes) + len(catalog.excluded),
        "exposure_events": int(len(exposure.obj_index)),
        "areas": len(areas),
        "handoffs": len(handoffs),
    }
    status_counts: dict[str, int] = {}
    for s in statuses:
        status_counts[s] = status_counts.get(s, 0) + 1
    return DemoSummary(
        str(out),
        objects,
        seed,
        catalog.origin,
        counts,
        status_counts,
        _samples(ids, claims, statuses, reopened, handoffs),
    )


def _write(conn, objs, catalog, exposure, persons, owners, claims, handoffs, history, areas):
    import shapely

    municipality = [PLACES[p].municipality for p in objs.place]
    place = [PLACES[p].name for p in objs.place]
    rows = [
        (
            int(objs.ids[i]),
            float(objs.x[i]),
            float(objs.y[i]),
            objs.aanduiding[i],
            int(objs.construction_year[i]),
            objs.use[i],
            bool(objs.small[i]),
            int(objs.woz[i]),
            bool(objs.monument[i]),
            municipality[i],
            place[i],
            objs.pc4[i],
            float(objs.vs30[i]),
            bool(objs.ncg[i]),
            "demo",
            *summary_values(exposure, i),
        )
        for i in range(len(objs))
    ]
    points = shapely.points(objs.x, objs.y)
    insert_rows(conn, "persons", ("id", "natural_person", "legal_name"), persons)
    insert_rows(conn, "objects", OBJECT_COLUMNS, rows, points)
    parcel_rows = [
        (int(objs.ids[i]), objs.aanduiding[i], float(objs.parcel_area[i])) for i in range(len(objs))
    ]
    insert_rows(
        conn,
        "parcels",
        ("object_id", "kadastrale_aanduiding", "area_m2"),
        parcel_rows,
        objs.parcels,
    )
    insert_rows(conn, "addresses", ADDRESS_COLUMNS, objs.addresses)
    insert_rows(
        conn,
        "ownerships",
        ("object_id", "person_id", "right", "valid_from", "valid_until", "consent"),
        owners,
    )
    insert_rows(
        conn,
        "claims",
        (
            "claim_number",
            "object_id",
            "applicant_id",
            "scheme",
            "submitted",
            "decided",
            "outcome",
            "amount",
            "final",
            "objection",
            "status",
        ),
        claims,
    )
    write_quakes(conn, catalog)
    from domain.store.coverage import record_catalog_end

    record_catalog_end(conn)  # up to its latest quake, as import-catalog records it
    write_pairs(conn, exposure, objs.ids)
    replace_areas(conn, [], areas)
    insert_rows(
        conn,
        "handoffs",
        (
            "id",
            "object_id",
            "target",
            "submitter",
            "reason_category",
            "narrative",
            "resident_consent",
            "linked_claim_ids",
            "status",
            "created_at",
            "updated_at",
            "version",
        ),
        handoffs,
    )
    insert_rows(conn, "handoff_status", ("handoff_id", "status", "at", "by", "note"), history)
    from domain.store.bulk import fix_sequences

    fix_sequences(
        conn,
        (
            "parcels",
            "addresses",
            "ownerships",
            "claims",
            "areas",
            "handoffs",
            "handoff_status",
            # not audit_log: the demo writes no audit ids itself, and on PostGIS the log's
            # sequence belongs to imgschade_security (revision 0005)
        ),
    )
    from domain.store.bulk import analyze
    from domain.store.schema import TABLE_ORDER

    analyze(conn, TABLE_ORDER)


def _facts(objects: int, seed: int, catalog) -> list[tuple[str, str]]:
    return [
        ("kind", "demo"),
        ("demo_objects", str(objects)),
        ("demo_seed", str(seed)),
        ("demo_as_of", DEMO_AS_OF.isoformat()),
        ("catalog_origin", catalog.origin),
        ("claims_source", f"{IMG_REPORTS_SOURCE}, geschaald naar het aantal objecten"),
        ("exposure_floor_mm_s", str(policy.STORE_EXPOSURE_FLOOR_MM_S)),
        ("note", "Demogegevens: personen, claims en gebieden zijn verzonnen (illustratief)."),
        # the demo's exposure is computed with the defaults and each object's own VS30
        *DEFAULT_MOTION.facts().items(),
    ]


def _samples(object_ids, claims, statuses, reopened, handoffs) -> dict[str, int | None]:
    """One object for each notable situation, the lowest id that shows it."""
    ids = [int(i) for i in object_ids]
    by_status: dict[str, int] = {}
    for oid, s in zip(ids, statuses):
        by_status.setdefault(s, oid)
    first_reopened = next((oid for oid, r in zip(ids, reopened) if r), None)
    overdue = None
    for c in claims:
        if c[10] == "open":
            term = 8 if c[3] in policy.SHORT_TERM_SCHEMES else 26
            if c[4] + dt.timedelta(weeks=term) < DEMO_AS_OF:
                overdue = c[1] if overdue is None else min(overdue, c[1])
    return {
        "reopened_after_final": first_reopened,
        "dh_to_check": by_status.get("dh_to_check"),
        "overdue_claim": overdue,
        "never_claimed": by_status.get("no_claim"),
        "handoff_present": min((h[1] for h in handoffs), default=None),
    }
