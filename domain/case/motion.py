"""A case with its ground motion: shakings from the catalogue, the 6 km zone, the assessment.

Kept apart from the reader (``domain.case.file``) so the reader stays free of ground-motion imports;
the rules themselves never compute ground motion, this glue feeds them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from domain import policy
from domain.case.file import read_case
from domain.rules.facts import Case, RuleSettings, Shaking

_ARRAYS: dict[int, tuple] = {}


def _arrays(catalog):
    """The catalogue's column view, built once per catalogue object (it is immutable in use)."""
    key = id(catalog)
    cached = _ARRAYS.get(key)
    if cached is None or cached[0] is not catalog:
        _ARRAYS.clear()
        cached = (catalog, catalog.as_arrays())
        _ARRAYS[key] = cached
    return cached[1]


def site_shakings(
    catalog,
    x: float,
    y: float,
    vs30: float | None = None,
    settings=None,
    floor_mm_s: float = policy.EXPOSURE_FLOOR_MM_S,
) -> tuple[Shaking, ...]:
    """Every counting quake felt at (x, y) with at least ``floor_mm_s``, in time order.

    The ground-motion model's own vectorised ``pgv_mm_s`` does the work on the whole catalogue
    at once (the per-quake ``site_exposure`` gives the same values, a test checks it); quakes
    below the floor cannot reach any threshold of the rules and are left out, as in the batch.
    """
    import numpy as np

    from domain.groundmotion.gmpe import GroundMotionSettings, pgv_mm_s

    settings = settings or GroundMotionSettings()
    columns = _arrays(catalog)
    if len(columns) == 0:
        return ()
    epi = np.hypot(x - columns.x, y - columns.y) / 1000.0
    depth = np.where(np.isnan(columns.depth_km), policy.DEFAULT_DEPTH_KM, columns.depth_km)
    vs30 = policy.DEFAULT_VS30_M_S if vs30 is None else float(vs30)
    pgv = np.asarray(pgv_mm_s(columns.ml, np.hypot(epi, depth), vs30, settings), dtype=float)
    quakes = catalog.quakes
    return tuple(
        Shaking(
            quakes[index].event_id,
            quakes[index].time,
            quakes[index].place,
            float(quakes[index].ml),
            float(pgv[index]),
            float(epi[index]),
        )
        for index in np.flatnonzero(pgv >= floor_mm_s)
    )


def site_max_pgv(
    catalog, x: float, y: float, vs30: float | None, settings, as_of: dt.date
) -> float:
    """The strongest PGV (mm/s) of any counting quake up to ``as_of`` (Dutch date) at the
    site: the true maximum, also where it stays below the floor of the shakings list."""
    import numpy as np

    from domain.groundmotion.gmpe import GroundMotionSettings, pgv_mm_s
    from domain.presentation.dutch_time import dutch_dates

    columns = _arrays(catalog)
    seen = dutch_dates(columns.time) <= np.datetime64(as_of, "D")
    if not seen.any():
        return 0.0
    epi = np.hypot(x - columns.x[seen], y - columns.y[seen]) / 1000.0
    depth = np.where(
        np.isnan(columns.depth_km[seen]), policy.DEFAULT_DEPTH_KM, columns.depth_km[seen]
    )
    vs30 = policy.DEFAULT_VS30_M_S if vs30 is None else float(vs30)
    settings = settings or GroundMotionSettings()
    pgv = pgv_mm_s(columns.ml[seen], np.hypot(epi, depth), vs30, settings)
    return float(np.max(pgv))


def within_zone(x: float, y: float, outlines) -> bool:
    """Whether a point lies within the 6 km zone around any of the source outlines."""
    from shapely.geometry import Point

    point = Point(x, y)
    return any(point.distance(outline.geometry) <= policy.ZONE_6KM_M for outline in outlines)


def with_ground_motion(
    case: Case, catalog, settings=None, outlines=None, vs30_source: str = "object"
) -> tuple[Case, dict]:
    """The case with its shakings computed from ``catalog`` and the 6 km zone from outlines.

    Values given in the case file win; the context says where each fact came from.
    ``vs30_source`` "default" ignores the case's own VS30 (the policy default for every site).
    """
    from domain.groundmotion.gmpe import GroundMotionSettings
    from domain.groundmotion.sources import merge_outlines

    settings = settings or GroundMotionSettings()
    if case.catalog_end is None:  # the case file may declare its own coverage end
        case = replace(case, catalog_end=getattr(catalog, "end", None))
    obj = case.object
    if vs30_source == "default":
        obj = replace(obj, vs30=None)
    context: dict = {
        "catalog": getattr(catalog, "origin", ""),
        "component": settings.component,
        "exceedance": settings.exceedance,
        "vs30_m_s": obj.vs30 if obj.vs30 is not None else policy.DEFAULT_VS30_M_S,
        "vs30_source": vs30_source,
        "in_subsidence_area_from": "case" if obj.in_subsidence_area is not None else "unknown",
    }
    if obj.x is None or obj.y is None:
        context["within_6km_zone_from"] = "case" if obj.within_6km_zone is not None else "unknown"
        return case, context
    case = replace(case, shakings=site_shakings(catalog, obj.x, obj.y, obj.vs30, settings))
    if obj.within_6km_zone is None:
        used = merge_outlines(list(outlines or []))
        zone = within_zone(obj.x, obj.y, used)
        case = replace(case, object=replace(obj, within_6km_zone=zone))
        context["within_6km_zone_from"] = sorted({outline.origin for outline in used})
    else:
        context["within_6km_zone_from"] = "case"
    return case, context


def assess_case_file(
    path,
    catalog,
    settings=None,
    outlines=None,
    rule_settings: RuleSettings | None = None,
    as_of: dt.date | None = None,
    vs30_source: str = "object",
):
    """Read, complete with ground motion and assess one case file; returns the Assessment."""
    from domain.rules.assess import assess

    case, _ = read_case(path)
    if as_of is not None:
        case = replace(case, as_of=as_of)
    case, context = with_ground_motion(case, catalog, settings, outlines, vs30_source)
    result = assess(case, rule_settings)
    if case.shakings is not None:
        x, y = case.object.x, case.object.y
        result.exposure["max_pgv_mm_s"] = site_max_pgv(
            catalog, x, y, context["vs30_m_s"], settings, result.as_of
        )
    result.context = context
    return result
