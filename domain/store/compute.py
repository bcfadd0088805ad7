"""Recomputations on a stored region: quakes, exposure per object, areas, map status.

Each runs in ONE transaction, so a cancelled, failed or killed run leaves the store as it
was: ``import_catalog`` writes the quakes, the exposure, the statuses and every computed area
(6 km zones, effect area, Duurzaam herstel area) inside a single ``engine.begin()``. The
computed area kinds are always replaced together; a kind the new catalogue does not produce
(say, no DH area any more) is removed, never left over from an earlier catalogue.
"""

from __future__ import annotations

from domain import policy
from domain.i18n import register, tr
from domain.importers.common import ImportReport, enter_stage, fail
from domain.store.areas import computed_zone_areas, replace_areas, zone_6km_areas
from domain.store.bulk import analyze
from domain.store.exposure import (
    catalog_from_store,
    update_summaries,
    write_pairs,
    write_quakes,
)
from domain.store.motion_settings import (
    object_vs30_arrays,
    store_motion_settings,
    write_motion_settings,
)

#: the area kinds a recomputation owns: all replaced together, whatever the catalogue
COMPUTED_AREA_KINDS = ("zone_6km", "effect_area", "dh_area")

register(
    {
        "compute.no_quakes": (
            "het bestand bevat geen enkele beving; er is niets geïmporteerd (de opgeslagen "
            "bevingen blijven staan)",
            "the file holds no quake at all; nothing was imported (the stored quakes stay)",
        ),
    }
)


def _exposure_in(conn, catalog, progress=None, cancel=None, motion=None) -> dict:
    """Exposure of every object from ``catalog``, written inside the caller's transaction,
    with ``motion`` (default: the settings the store records) — which are then recorded."""
    from domain.groundmotion.exposure import exposure_at_scale

    motion = motion or store_motion_settings(conn)
    ids, x, y, vs30 = object_vs30_arrays(conn, motion)
    exposure = exposure_at_scale(
        catalog,
        x,
        y,
        vs30,
        settings=motion.ground_motion(),
        floor_mm_s=policy.STORE_EXPOSURE_FLOOR_MM_S,
        progress=progress,
        cancel=cancel,
    )
    write_motion_settings(conn, motion)
    update_summaries(conn, exposure, ids)
    pairs = write_pairs(conn, exposure, ids)
    analyze(conn, ("quakes", "exposure_events", "objects"))
    return {
        "objects": int(len(ids)),
        "quakes": len(catalog.quakes),
        "excluded_quakes": len(catalog.excluded),
        "exposure_events": int(pairs),
        "in_effect_area": int((exposure.count_ge_2 > 0).sum()),
        "in_dh_area": int((exposure.count_ge_5_before_2026 >= policy.DH_MIN_QUAKES).sum()),
    }


def _zones_in(
    conn, catalog, outlines=None, progress=None, cancel=None, motion=None
) -> dict[str, int]:
    """Replace every computed area kind from ``catalog`` inside the caller's transaction
    (component and exceedance from ``motion``, default: what the store records; ``outlines``
    default: the source outlines imported into the store, else the built-in ones)."""
    from domain.store.areas import stored_outlines

    motion = motion or store_motion_settings(conn)
    if outlines is None:
        outlines = stored_outlines(conn)
    areas = zone_6km_areas(outlines) + computed_zone_areas(
        catalog, progress, cancel, settings=motion.ground_motion()
    )
    replace_areas(conn, COMPUTED_AREA_KINDS, areas)
    counts: dict[str, int] = {}
    for a in areas:
        counts[a[0]] = counts.get(a[0], 0) + 1
    return counts


def recompute_exposure(store, catalog=None, progress=None, cancel=None, motion=None) -> dict:
    """Exposure of every object from ``catalog`` (default: the stored quakes), then statuses,
    in one transaction; ``motion`` (default: the store's recorded settings) is recorded."""
    from domain.store.status import assess_in

    with store.engine.begin() as conn:
        if catalog is None:
            catalog = catalog_from_store(conn)
        else:
            write_quakes(conn, catalog)
        result = _exposure_in(conn, catalog, progress, cancel, motion)
        result["object_status"] = assess_in(conn)
    return result


def recompute_zones(
    store, outlines=None, motion=None, progress=None, cancel=None
) -> dict[str, int]:
    """The 6 km zones and the effect/DH polygons from the stored quakes, as stored areas."""
    with store.engine.begin() as conn:
        return _zones_in(conn, catalog_from_store(conn), outlines, progress, cancel, motion)


def recompute_with_settings(store, motion, progress=None, cancel=None, stage=None) -> dict:
    """Exposure, statuses and the effect/DH areas recomputed with ``motion``, in ONE
    transaction, and ``motion`` recorded (a cancel or failure leaves the store as it was).

    The 6 km zones do not depend on the settings; the stored ones are kept. ``progress`` runs
    over the whole job (exposure up to 75 %, areas from 75 %); ``stage(key)`` is told as
    ``exposure``, ``status`` and ``areas`` start."""
    from domain.store.status import assess_in

    def part(lo, hi):
        if progress is None:
            return None
        return lambda pct: progress(lo + (hi - lo) * float(pct) / 100.0)

    with store.engine.begin() as conn:
        catalog = catalog_from_store(conn)
        enter_stage(stage, "exposure")
        result = _exposure_in(conn, catalog, part(0, 75), cancel, motion)
        enter_stage(stage, "status")
        result["object_status"] = assess_in(conn)
        enter_stage(stage, "areas")
        areas = computed_zone_areas(catalog, part(75, 99), cancel, settings=motion.ground_motion())
        kinds = ("effect_area", "dh_area")
        replace_areas(conn, kinds, [a for a in areas if a[0] in kinds])
        result["areas"] = {k: sum(1 for a in areas if a[0] == k) for k in kinds}
    if progress is not None:
        progress(100.0)
    return result


def import_catalog(
    store,
    path,
    dry_run: bool = False,
    progress=None,
    cancel=None,
    motion=None,
    time_zone: str | None = None,
    catalog_end=None,
    stage=None,
) -> ImportReport:
    """A KNMI catalogue file into the store: quakes, exposure, statuses and zones recomputed,
    all in one transaction (a failure or kill at any moment leaves the store as it was).

    ``time_zone``: zone of the clock times in layouts that declare none (default UTC);
    ``catalog_end``: a declared coverage end (default: the latest quake's Dutch date), stored
    in ``store_info`` as ``catalog_end``. ``stage(key)`` is told as each stage starts: ``read``,
    then (unless ``dry_run``) ``quakes``, ``exposure``, ``status`` and ``zones``; ``progress``
    runs from 0 to 100 within the exposure and again within the zones."""
    from pathlib import Path

    from domain.importers.catalog import load_catalog
    from domain.rules.coverage import known_text
    from domain.store.areas import stored_outlines
    from domain.store.coverage import record_catalog_end
    from domain.store.status import assess_in

    enter_stage(stage, "read")
    with store.engine.connect() as conn:  # imported source outlines decide what counts
        outlines = stored_outlines(conn)
    catalog = load_catalog(path, outlines, time_zone=time_zone, catalog_end=catalog_end)
    if not catalog.quakes and not catalog.excluded:
        raise fail(Path(path).name, tr("compute.no_quakes"))
    report = ImportReport(
        str(path),
        dry_run,
        counts={"quakes": len(catalog.quakes), "excluded": len(catalog.excluded)},
    )
    if catalog.end is not None:
        report.changes.append(known_text(catalog.end))
    if dry_run:
        return report
    with store.engine.begin() as conn:
        enter_stage(stage, "quakes")
        write_quakes(conn, catalog)
        record_catalog_end(conn, catalog.declared_end)
        enter_stage(stage, "exposure")
        result = _exposure_in(conn, catalog, progress, cancel, motion)
        enter_stage(stage, "status")
        assess_in(conn)
        enter_stage(stage, "zones")
        # zones from the quakes as stored (the same ones, read back in this transaction)
        zones = _zones_in(conn, catalog_from_store(conn), None, progress, cancel, motion)
    report.counts.update({k: v for k, v in result.items() if isinstance(v, int)})
    report.counts.update({f"areas_{k}": v for k, v in zones.items()})
    return report
