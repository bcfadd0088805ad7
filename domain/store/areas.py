"""Area polygons in the store: replace one kind at a time, compute the ones the product can.

The 6 km zone is a buffer of the source outlines (imported ones where present, else the coarse
built-in approximations, then labelled "illustratief"). Effect-area and Duurzaam herstel
polygons come from the zones module's grid; membership per object does not depend on them (it is
decided from the exposure of the object itself).
"""

from __future__ import annotations

import numpy as np
import shapely
from sqlalchemy import text

from domain import policy
from domain.store.bulk import insert_rows

AREA_COLUMNS = ("kind", "name", "origin", "source")


def as_multipolygon(geom):
    geom = shapely.make_valid(geom)
    if geom.geom_type == "Polygon":
        return shapely.MultiPolygon([geom])
    if geom.geom_type == "MultiPolygon":
        return geom
    polys = [g for g in getattr(geom, "geoms", []) if g.geom_type in ("Polygon", "MultiPolygon")]
    parts = []
    for g in polys:
        parts.extend(g.geoms if g.geom_type == "MultiPolygon" else [g])
    return shapely.MultiPolygon(parts) if parts else None


def replace_areas(conn, kinds, areas) -> int:
    """Delete areas of ``kinds`` and insert ``areas`` as (kind, name, origin, source, geometry)."""
    for kind in kinds:
        conn.execute(text("DELETE FROM areas WHERE kind = :k"), {"k": kind})
    rows, geoms = [], []
    for kind, name, origin, source, geom in areas:
        multi = as_multipolygon(geom)
        if multi is None or multi.is_empty:
            continue
        rows.append((kind, name, origin, source))
        geoms.append(multi)
    return insert_rows(conn, "areas", AREA_COLUMNS, rows, np.array(geoms, dtype=object))


def zone_6km_areas(outlines=None) -> list[tuple]:
    from domain.groundmotion.sources import ORIGIN_APPROXIMATION, default_outlines

    outlines = outlines or default_outlines()
    out = []
    for o in outlines:
        approx = o.origin == ORIGIN_APPROXIMATION
        name = f"6 km-zone {o.name}" + (" (illustratief, benaderde omtrek)" if approx else "")
        out.append(
            (
                "zone_6km",
                name,
                "illustrative" if approx else "computed",
                o.label or o.name,
                o.geometry.buffer(policy.ZONE_6KM_M, quad_segs=16),
            )
        )
    return out


_ZONE_KINDS = {
    "effectgebied": ("effect_area", "Effectgebied"),
    "duurzaam_herstel": ("dh_area", "Gebied Duurzaam herstel"),
}


def computed_zone_areas(catalog, progress=None, cancel=None, settings=None) -> list[tuple]:
    """Effect-area and DH-area polygons on the grid of the zones module (membership per object
    is still decided from the object's own exposure); ``settings``: component and exceedance."""
    from domain.groundmotion.gmpe import DEFAULT_SETTINGS
    from domain.zones import computed_areas

    if not catalog.quakes:
        return []
    out = []
    used = settings or DEFAULT_SETTINGS
    for area in computed_areas(catalog, settings=used, progress=progress, cancel=cancel):
        if area.kind not in _ZONE_KINDS or area.geometry is None or area.geometry.is_empty:
            continue
        kind, label = _ZONE_KINDS[area.kind]
        source = f"{catalog.origin}; {area.label}" if area.label else catalog.origin
        out.append((kind, f"{label} (berekend)", "computed", source, area.geometry))
    return out


#: imported outlines of the counting sources (NLOG gas fields), one row per source; not a map
#: layer of their own (the 6 km zones drawn from them are)
SOURCE_OUTLINE_KIND = "source_outline"


def stored_outlines(conn):
    """The source outlines imported into the store (``import-outlines``), merged with the
    built-in approximations for the sources not imported; None when none were imported."""
    from domain.groundmotion.sources import ORIGIN_IMPORTED, SourceOutline, merge_outlines
    from domain.store.bulk import is_gpkg
    from domain.store.geometry import wkb_of

    geom = "geom" if is_gpkg(conn) else "ST_AsBinary(geom)"
    rows = conn.execute(
        text(f"SELECT name, source, {geom} FROM areas WHERE kind = :k AND geom IS NOT NULL"),
        {"k": SOURCE_OUTLINE_KIND},
    ).all()
    if not rows:
        return None
    imported = [
        SourceOutline(name, shapely.from_wkb(wkb_of(blob)), ORIGIN_IMPORTED, source or "")
        for name, source, blob in rows
    ]
    return merge_outlines(imported)


def replace_source_outlines(conn, outlines) -> int:
    """Store ``outlines`` (SourceOutline) in place of the stored ones of the same sources."""
    for o in outlines:
        conn.execute(
            text("DELETE FROM areas WHERE kind = :k AND name = :n"),
            {"k": SOURCE_OUTLINE_KIND, "n": o.name},
        )
    rows, geoms = [], []
    for o in outlines:
        rows.append((SOURCE_OUTLINE_KIND, o.name, "imported", o.label))
        geoms.append(as_multipolygon(o.geometry))
    return insert_rows(conn, "areas", AREA_COLUMNS, rows, np.array(geoms, dtype=object))
