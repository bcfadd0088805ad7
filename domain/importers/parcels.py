"""Cadastral parcels (PDOK kadastrale kaart, ``perceel``) from GML or GeoPackage.

The aanduiding is written ``SBG01 B 6931`` (AKR gemeentecode, sectie, perceelnummer). Each parcel
is linked to the objects whose point lies inside it; objects without an aanduiding get the
parcel's. Invalid polygons are repaired and reported; anything unreadable rejects the file.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import shapely
from pyproj import CRS
from sqlalchemy import text

from domain.i18n import register, tr
from domain.importers.common import (
    ImportReport,
    Problems,
    fail,
    geometry_from_blob,
    gpkg_crs,
    gpkg_layers,
    open_gpkg,
    parse_int,
    to_rd,
)
from domain.store.areas import as_multipolygon
from domain.store.bulk import analyze, fix_sequences, insert_rows

register(
    {
        "parcels.bad_code": (
            "kadastrale gemeentecode '{value}' is ongeldig (verwacht bijv. SBG01)",
            "cadastral municipality code '{value}' is invalid (expected e.g. SBG01)",
        ),
        "parcels.bad_section": (
            "sectie '{value}' is ongeldig (één of twee letters)",
            "section '{value}' is invalid (one or two letters)",
        ),
        "parcels.bad_number": (
            "perceelnummer '{value}' is geen positief geheel getal",
            "parcel number '{value}' is not a positive whole number",
        ),
        "parcels.duplicate": (
            "perceel {value} komt twee keer voor (ook op rij {other})",
            "parcel {value} occurs twice (also on row {other})",
        ),
        "parcels.bad_geometry": (
            "geometrie ontbreekt of is geen vlak",
            "geometry is missing or not an area",
        ),
        "parcels.repaired": (
            "{where}: ongeldige perceelgrens hersteld ({reason})",
            "{where}: invalid parcel boundary repaired ({reason})",
        ),
        "parcels.bad_gml": ("geen leesbare GML: {error}", "not readable GML: {error}"),
    }
)

_ALIASES = {
    "code": (
        "akrkadastralegemeentecodewaarde",
        "akrkadastralegemeentecode",
        "kadastralegemeentecode",
        "kadastrale_gemeentecode",
        "gemeentecode",
    ),
    "section": ("sectie",),
    "number": ("perceelnummer",),
    "size": ("kadastralegroottewaarde", "kadastralegrootte", "kadastrale_grootte", "grootte"),
}
_CODE = re.compile(r"^[A-Z]{3}\d{2}$")
_SECTION = re.compile(r"^[A-Z]{1,2}$")


def _pick(attrs: dict, key: str):
    lower = {str(k).lower(): v for k, v in attrs.items()}
    for alias in _ALIASES[key]:
        if lower.get(alias) not in (None, ""):
            return lower[alias]
    return None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _gml_polygon(elem):
    rings = []
    for ring in elem.iter():
        if _local(ring.tag) in ("exterior", "interior"):
            pos = next((e for e in ring.iter() if _local(e.tag) == "posList"), None)
            if pos is None or not pos.text:
                continue
            vals = [float(v) for v in pos.text.split()]
            rings.append((_local(ring.tag), list(zip(vals[0::2], vals[1::2]))))
    shell = [r for kind, r in rings if kind == "exterior"]
    holes = [r for kind, r in rings if kind == "interior"]
    return shapely.Polygon(shell[0], holes) if shell else None


def _read_gml(path: Path):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise fail(path.name, tr("parcels.bad_gml", error=exc)) from exc
    out, crs_name = [], None
    row = 0
    for elem in root.iter():
        if _local(elem.tag) != "Perceel":
            continue
        row += 1
        attrs, geom = {}, None
        for child in elem.iter():
            name = _local(child.tag)
            if name in ("Polygon", "Surface") and geom is None:
                geom = _gml_polygon(child)
                crs_name = crs_name or child.get("srsName")
            elif len(child) == 0 and child.text and child.text.strip():
                attrs.setdefault(name, child.text.strip())
        out.append((row, geom, attrs))
    crs = CRS.from_user_input(crs_name) if crs_name else CRS.from_epsg(28992)
    return out, crs


def _read_gpkg(path: Path):
    conn = open_gpkg(path)
    try:
        layers = {k: v for k, v in gpkg_layers(conn).items() if v[0]}
        name = "perceel" if "perceel" in layers else next(iter(layers), None)
        if name is None:
            raise fail(path.name, tr("import.no_layer", layer="perceel", present="-"))
        column, srs = layers[name]
        cur = conn.execute(f'SELECT * FROM "{name}"')
        names = [d[0] for d in cur.description]
        out = []
        for i, r in enumerate(cur, start=1):
            attrs = dict(zip(names, r))
            out.append((i, geometry_from_blob(attrs.pop(column)), attrs))
        return out, gpkg_crs(conn, srs)
    finally:
        conn.close()


def import_parcels(store, path, dry_run: bool = False) -> ImportReport:
    path = Path(path)
    if not path.exists():
        raise fail(path.name, tr("import.not_found"))
    features, crs = _read_gpkg(path) if path.suffix.lower() == ".gpkg" else _read_gml(path)
    problems = Problems(path.name)
    report = ImportReport(str(path), dry_run)
    seen: dict[str, int] = {}
    parcels = []
    for row, geom, attrs in features:
        code = str(_pick(attrs, "code") or "").strip().upper()
        section = str(_pick(attrs, "section") or "").strip().upper()
        raw_number = _pick(attrs, "number")
        ok = True
        if not _CODE.match(code):
            problems.add(row, "kadastraleGemeenteCode", tr("parcels.bad_code", value=code))
            ok = False
        if not _SECTION.match(section):
            problems.add(row, "sectie", tr("parcels.bad_section", value=section))
            ok = False
        try:
            number = parse_int(raw_number)
            if number is None or number < 1:
                raise ValueError
        except ValueError:
            problems.add(row, "perceelnummer", tr("parcels.bad_number", value=raw_number or ""))
            ok = False
            number = None
        if geom is None or geom.is_empty or geom.geom_type not in ("Polygon", "MultiPolygon"):
            problems.add(row, "geometrie", tr("parcels.bad_geometry"))
            ok = False
        if not ok:
            continue
        aanduiding = f"{code} {section} {number}"
        if aanduiding in seen:
            problems.add(
                row,
                "perceelnummer",
                tr("parcels.duplicate", value=aanduiding, other=seen[aanduiding]),
            )
            continue
        seen[aanduiding] = row
        try:
            size = float(parse_int(_pick(attrs, "size")) or 0) or None
        except ValueError:
            size = None
        parcels.append((row, aanduiding, size, geom))
    problems.raise_if_any()
    geoms = to_rd(np.array([p[3] for p in parcels], dtype=object), crs) if parcels else []
    fixed = []
    for (row, _a, _s, _g), geom in zip(parcels, geoms):
        if not geom.is_valid:
            report.changes.append(
                tr(
                    "parcels.repaired",
                    where=f"{path.name}:{row}",
                    reason=shapely.is_valid_reason(geom),
                )
            )
        fixed.append(as_multipolygon(geom))
    report.counts = {"parcels": len(parcels)}
    if dry_run or not parcels:
        return report
    with store.engine.begin() as conn:
        objects = conn.execute(text("SELECT id, x, y, kadastrale_aanduiding FROM objects")).all()
        owner_of, linked = _link(objects, fixed)
        rows = [
            (owner_of[i], p[1], p[2] or round(g.area, 1))
            for i, (p, g) in enumerate(zip(parcels, fixed))
        ]
        insert_rows(
            conn,
            "parcels",
            ("object_id", "kadastrale_aanduiding", "area_m2"),
            rows,
            np.array(fixed, dtype=object),
        )
        updates = [(parcels[k][1], oid) for oid, k in linked]
        if updates:
            sql = "UPDATE objects SET kadastrale_aanduiding = :a WHERE id = :i"
            conn.execute(text(sql), [{"a": a, "i": i} for a, i in updates])
        fix_sequences(conn, ("parcels",))
        analyze(conn, ("parcels", "objects"))
    report.counts["objects_linked"] = len(linked)
    return report


def _link(objects, parcels):
    """Per parcel the lowest object id inside it, and (object, parcel) for objects lacking one."""
    owner_of: list[int | None] = [None] * len(parcels)
    linked: list[tuple[int, int]] = []
    if not objects or not parcels:
        return owner_of, linked
    tree = shapely.STRtree(parcels)
    points = shapely.points([o[1] for o in objects], [o[2] for o in objects])
    point_idx, parcel_idx = tree.query(points, predicate="within")
    for pi, ki in sorted(zip(point_idx.tolist(), parcel_idx.tolist())):
        oid, current = objects[pi][0], objects[pi][3]
        if owner_of[ki] is None or oid < owner_of[ki]:
            owner_of[ki] = oid
        if not current:
            linked.append((oid, ki))
    return owner_of, linked
