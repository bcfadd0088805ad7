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
from domain.errors import DomainError, InputError
from domain.i18n import register, tr
from domain.store.bulk import insert_rows

AREA_COLUMNS = ("kind", "name", "origin", "source")
START_AREA_KIND = "start_area"
#: a start area a user drew on the map ("Gebied tekenen"): not part of any imported file, so
#: importing start areas again keeps it
DRAWN_ORIGIN = "drawn"
DRAWN_SOURCE = "getekend op de kaart"  # the areas.source of a drawn one (stored data is Dutch)

register(
    {
        "areas.drawn_where": ("getekend gebied", "drawn area"),
        "areas.drawn_name": ("naam", "name"),
        "areas.drawn_outline": ("omtrek", "outline"),
        "areas.drawn_rejected": (
            "Het getekende gebied is niet opgeslagen:",
            "The drawn area was not stored:",
        ),
        "areas.drawn_invalid": (
            "de omtrek is ongeldig ({reason}), bijvoorbeeld doordat hij zichzelf snijdt; teken "
            "het gebied opnieuw zonder kruisende lijnen",
            "the outline is invalid ({reason}), for instance because it crosses itself; draw "
            "the area again without crossing lines",
        ),
        "areas.drawn_empty": (
            "de omtrek is leeg; teken minstens drie hoekpunten",
            "the outline is empty; draw at least three corners",
        ),
        "areas.drawn_no_name": (
            "geef het gebied een naam",
            "give the area a name",
        ),
        "areas.drawn_long_name": (
            "de naam heeft {n} tekens; ten hoogste {max} passen in de opslag, kort hem in",
            "the name has {n} characters; the store holds at most {max}, shorten it",
        ),
        "areas.drawn_unreadable": (
            "de omtrek is geen leesbare WKT ({error}); teken het gebied opnieuw",
            "the outline is not readable WKT ({error}); draw the area again",
        ),
        "areas.drawn_not_polygon": (
            "de omtrek is een {kind}, geen vlak; teken minstens drie hoekpunten",
            "the outline is a {kind}, not a polygon; draw at least three corners",
        ),
        "areas.drawn_outside_nl": (
            "het gebied ligt (deels) buiten Nederland (x {x:.0f}, y {y:.0f} in RD New); "
            "teken het binnen Nederland",
            "the area lies (partly) outside the Netherlands (x {x:.0f}, y {y:.0f} in RD New); "
            "draw it inside the Netherlands",
        ),
        "areas.drawn_not_allowed": (
            "Het getekende gebied is niet opgeslagen: login '{login}' mag in deze gedeelde "
            "opslag geen gebieden schrijven (alleen de eigenaar van de opslag mag dat). Vraag "
            "de beheerder het gebied in te lezen (import-areas, soort start_area).",
            "The drawn area was not stored: login '{login}' may not write areas in this shared "
            "store (only the store's owner may). Ask the administrator to import the area "
            "(import-areas, kind start_area).",
        ),
    }
)


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
    """Delete areas of ``kinds`` and insert ``areas`` as (kind, name, origin, source, geometry).

    Areas a user drew (origin ``drawn``) stay: no file or computation replaces them."""
    for kind in kinds:
        conn.execute(
            text("DELETE FROM areas WHERE kind = :k AND origin <> :drawn"),
            {"k": kind, "drawn": DRAWN_ORIGIN},
        )
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
    from domain.groundmotion.zones import computed_areas

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
    from domain.store.backend import backend_of

    backend = backend_of(conn)
    rows = conn.execute(
        text(
            f"SELECT name, source, {backend.geometry_sql()} AS geom FROM areas "
            "WHERE kind = :k AND geom IS NOT NULL"
        ),
        {"k": SOURCE_OUTLINE_KIND},
    ).all()
    if not rows:
        return None
    imported = [
        SourceOutline(r.name, backend.geometry(r.geom), ORIGIN_IMPORTED, r.source or "")
        for r in rows
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


# --- start areas drawn on the map --------------------------------------------------------
def may_write_areas(conn) -> bool:
    """Whether the connected login may add areas: always in a GeoPackage (a personal file);
    in a shared PostGIS store only the owner (no product role has INSERT on ``areas``)."""
    from domain.store.backend import backend_of

    return backend_of(conn).may_insert(conn, "areas")


def drawn_polygon(name: str, wkt: str, lang: str | None = None):
    """(name, polygon) of a drawn start area, checked like an imported one: a name that fits,
    a readable, valid polygon with an area, inside the Netherlands; raises InputError listing every problem (nothing is stored then)."""
    from types import SimpleNamespace

    from domain.importers.areas import repaired_polygon
    from domain.importers.common import Problems
    from domain.importers.vector import column_limit
    from domain.store import schema

    where = tr("areas.drawn_where", lang)
    name_field, outline_field = tr("areas.drawn_name", lang), tr("areas.drawn_outline", lang)
    problems = Problems(where)
    label = (name or "").strip()
    limit = column_limit(schema.areas, "name")
    if not label:
        problems.add(None, name_field, tr("areas.drawn_no_name", lang))
    elif limit and len(label) > limit:
        problems.add(None, name_field, tr("areas.drawn_long_name", lang, n=len(label), max=limit))
    polygon = _drawn_shape(wkt, problems, outline_field, lang)
    if polygon is not None:
        # the importers' validity check; a repair would guess what the user meant (a bow tie
        # becomes two triangles), so a drawn outline that needs one is refused, saying why
        record = SimpleNamespace(line=None, geometry=polygon)
        source = SimpleNamespace(geometry_field=outline_field)
        repaired, note = repaired_polygon(record, source, problems, where)
        if note:
            reason = shapely.is_valid_reason(polygon)
            problems.add(None, outline_field, tr("areas.drawn_invalid", lang, reason=reason))
            repaired = None
        polygon = repaired
    if polygon is not None:
        polygon = _inside_nl(polygon, problems, outline_field, lang)
    if problems:
        raise InputError(tr("areas.drawn_rejected", lang), list(problems.items))
    return label, polygon


def _drawn_shape(wkt: str, problems, field_name: str, lang):
    try:
        shape = shapely.from_wkt(wkt)
    except (shapely.errors.GEOSException, TypeError, ValueError) as exc:
        problems.add(None, field_name, tr("areas.drawn_unreadable", lang, error=str(exc)[:120]))
        return None
    if shape is None or shape.is_empty:
        problems.add(None, field_name, tr("areas.drawn_empty", lang))
        return None
    if shape.geom_type not in ("Polygon", "MultiPolygon"):
        problems.add(None, field_name, tr("areas.drawn_not_polygon", lang, kind=shape.geom_type))
        return None
    return shape


def _inside_nl(polygon, problems, field_name: str, lang):
    xmin, ymin, xmax, ymax = policy.RD_NEW_BOUNDS_M
    low_x, low_y, high_x, high_y = polygon.bounds
    if low_x >= xmin and low_y >= ymin and high_x <= xmax and high_y <= ymax:
        return polygon
    x, y = (low_x, low_y) if (low_x < xmin or low_y < ymin) else (high_x, high_y)
    problems.add(None, field_name, tr("areas.drawn_outside_nl", lang, x=x, y=y))
    return None


def add_drawn_start_area(conn, name: str, wkt: str, lang: str | None = None) -> int:
    """Store a start area the user drew (RD New WKT) under ``name``; returns its id.

    The outline is checked first (``drawn_polygon``); a login that may not write areas gets
    a DomainError saying so. Run it in a transaction (``engine.begin()``): a failing write
    leaves nothing behind."""
    from domain.store.bulk import fix_sequences, next_id

    label, polygon = drawn_polygon(name, wkt, lang)
    if not may_write_areas(conn):
        login = conn.execute(text("SELECT session_user")).scalar()
        raise DomainError(tr("areas.drawn_not_allowed", lang, login=login))
    area_id = next_id(conn, "areas")
    row = (area_id, START_AREA_KIND, label, DRAWN_ORIGIN, DRAWN_SOURCE)
    insert_rows(
        conn,
        "areas",
        ("id", *AREA_COLUMNS),
        [row],
        np.array([as_multipolygon(polygon)], dtype=object),
    )
    fix_sequences(conn, ("areas",))
    return area_id
