"""Recomputations on a stored region: quakes, exposure per object, areas, map status.

Each runs in one transaction, so a cancelled or failed run leaves the store as it was.
"""

from __future__ import annotations

from domain import policy
from domain.importers.common import ImportReport
from domain.store.areas import computed_zone_areas, replace_areas, zone_6km_areas
from domain.store.bulk import analyze
from domain.store.exposure import (
    catalog_from_store,
    load_object_arrays,
    update_summaries,
    write_pairs,
    write_quakes,
)


def recompute_exposure(store, catalog=None, progress=None, cancel=None) -> dict:
    """Exposure of every object from ``catalog`` (default: the stored quakes), then statuses."""
    from domain.groundmotion.exposure import exposure_at_scale

    with store.engine.begin() as conn:
        if catalog is None:
            catalog = catalog_from_store(conn)
        else:
            write_quakes(conn, catalog)
        ids, x, y, vs30 = load_object_arrays(conn)
        exposure = exposure_at_scale(
            catalog,
            x,
            y,
            vs30,
            floor_mm_s=policy.STORE_EXPOSURE_FLOOR_MM_S,
            progress=progress,
            cancel=cancel,
        )
        update_summaries(conn, exposure, ids)
        pairs = write_pairs(conn, exposure, ids)
        analyze(conn, ("quakes", "exposure_events", "objects"))
    from domain.store.status import assess_store

    statuses = assess_store(store)
    return {
        "objects": int(len(ids)),
        "quakes": len(catalog.quakes),
        "excluded_quakes": len(catalog.excluded),
        "exposure_events": int(pairs),
        "in_effect_area": int((exposure.count_ge_2 > 0).sum()),
        "in_dh_area": int((exposure.count_ge_5_before_2026 >= policy.DH_MIN_QUAKES).sum()),
        "object_status": statuses,
    }


def recompute_zones(store, outlines=None) -> dict[str, int]:
    """The 6 km zone (and effect/DH polygons where the zones module exists) as stored areas."""
    with store.engine.begin() as conn:
        areas = zone_6km_areas(outlines)
        kinds = ["zone_6km"]
        computed = computed_zone_areas(catalog_from_store(conn))
        if computed:
            kinds += sorted({a[0] for a in computed})
            areas += computed
        replace_areas(conn, kinds, areas)
    counts: dict[str, int] = {}
    for a in areas:
        counts[a[0]] = counts.get(a[0], 0) + 1
    return counts


def import_catalog(store, path, dry_run: bool = False) -> ImportReport:
    """A KNMI catalogue file into the store, then exposure, zones and statuses recomputed."""
    from domain.groundmotion.catalog import load_catalog

    catalog = load_catalog(path)
    report = ImportReport(
        str(path),
        dry_run,
        counts={"quakes": len(catalog.quakes), "excluded": len(catalog.excluded)},
    )
    if dry_run:
        return report
    result = recompute_exposure(store, catalog)
    report.counts.update({k: v for k, v in result.items() if isinstance(v, int)})
    report.counts.update({f"areas_{k}": v for k, v in recompute_zones(store).items()})
    return report
