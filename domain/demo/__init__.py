"""``imgschade demo``: a deterministic demo region, written as one store.

Objects cluster around real places of the Groningen area (see ``domain.demo.places``); owners, claim
histories (yearly volumes after IMG's published figures, scaled to the number of objects),
hand-offs, twelve illustrative subsidence areas and three illustrative start areas are drawn
from one seeded generator, so the same seed always gives the same store. Without a catalogue
file the quakes are synthetic and labelled so; exposure is computed by the ground-motion model.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, fields, is_dataclass
from operator import attrgetter

import numpy as np

from domain import policy
from domain.demo.objects import make_objects
from domain.demo.people import DEMO_AS_OF, make_claims, make_handoffs, make_owners
from domain.demo.places import IMG_REPORTS_SOURCE, PLACES
from domain.demo.quakes import illustrative_areas, synthetic_catalog
from domain.demo.rows import ObjectRow, ParcelRow
from domain.store import create_store, schema
from domain.store.areas import computed_zone_areas, replace_areas, zone_6km_areas
from domain.store.backend import backend_for
from domain.store.bulk import insert_rows
from domain.store.engine import parse_location
from domain.store.exposure import SUMMARY_COLUMNS, summary_values, write_pairs, write_quakes
from domain.store.motion_settings import DEFAULT_MOTION
from domain.store.status import recompute_statuses

Progress = Callable[[float, str], None]


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
        from domain.importers.catalog import load_catalog

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
    areas = [
        (kind, name, origin, "demo", geometry)
        for kind, name, origin, geometry in illustrative_areas(seed)
    ]
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
                statuses = [str(status) for status in result.status]
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
    for status in statuses:
        status_counts[status] = status_counts.get(status, 0) + 1
    return DemoSummary(
        str(out),
        objects,
        seed,
        catalog.origin,
        counts,
        status_counts,
        _samples(ids, claims, statuses, reopened, handoffs),
    )


def _insert(conn, table, rows, geoms=None) -> None:
    """Insert ``rows`` (named tuples or dataclasses whose fields are named after ``table``'s
    columns) by those names, so nothing depends on the schema's column order."""
    if not rows:
        return
    first = rows[0]
    columns = tuple(f.name for f in fields(first)) if is_dataclass(first) else first._fields
    values = attrgetter(*columns)
    insert_rows(conn, table.name, columns, (values(row) for row in rows), geoms)


def _write(conn, objs, catalog, exposure, persons, owners, claims, handoffs, history, areas):
    import shapely

    municipality = [PLACES[p].municipality for p in objs.place]
    place = [PLACES[p].name for p in objs.place]
    object_rows = [
        ObjectRow(
            id=int(objs.ids[i]),
            x=float(objs.x[i]),
            y=float(objs.y[i]),
            kadastrale_aanduiding=objs.aanduiding[i],
            construction_year=int(objs.construction_year[i]),
            use=objs.use[i],
            small=bool(objs.small[i]),
            woz_value=int(objs.woz[i]),
            rijksmonument=bool(objs.monument[i]),
            municipality=municipality[i],
            place=place[i],
            pc4=objs.pc4[i],
            vs30=float(objs.vs30[i]),
            in_ncg_programme=bool(objs.ncg[i]),
            origin="demo",
            **dict(zip(SUMMARY_COLUMNS, summary_values(exposure, i))),
        )
        for i in range(len(objs))
    ]
    _insert(conn, schema.persons, persons)
    _insert(conn, schema.objects, object_rows, geoms=shapely.points(objs.x, objs.y))
    parcel_rows = [
        ParcelRow(
            object_id=int(objs.ids[i]),
            kadastrale_aanduiding=objs.aanduiding[i],
            area_m2=float(objs.parcel_area[i]),
        )
        for i in range(len(objs))
    ]
    _insert(conn, schema.parcels, parcel_rows, geoms=objs.parcels)
    _insert(conn, schema.addresses, objs.addresses)
    _insert(conn, schema.ownerships, owners)
    _insert(conn, schema.claims, claims)  # the version starts at the schema's default
    write_quakes(conn, catalog)
    from domain.store.coverage import record_catalog_end

    record_catalog_end(conn)  # up to its latest quake, as import-catalog records it
    write_pairs(conn, exposure, objs.ids)
    replace_areas(conn, [], areas)
    _insert(conn, schema.handoffs, handoffs)
    _insert(conn, schema.handoff_status, history)
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

    analyze(conn, schema.TABLE_ORDER)


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
    for object_id, status in zip(ids, statuses):
        by_status.setdefault(status, object_id)
    first_reopened = next((object_id for object_id, r in zip(ids, reopened) if r), None)
    overdue = None
    for claim in claims:
        if claim.status == "open":
            short = claim.scheme in policy.SHORT_TERM_SCHEMES
            weeks = policy.TERM_WEEKS_SHORT if short else policy.TERM_WEEKS_LONG
            if claim.submitted + dt.timedelta(weeks=weeks) < DEMO_AS_OF:
                object_id = claim.object_id
                overdue = object_id if overdue is None else min(overdue, object_id)
    return {
        "reopened_after_final": first_reopened,
        "dh_to_check": by_status.get("dh_to_check"),
        "overdue_claim": overdue,
        "never_claimed": by_status.get("no_claim"),
        "handoff_present": min((handoff.object_id for handoff in handoffs), default=None),
    }
