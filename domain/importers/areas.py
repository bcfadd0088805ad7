"""Area polygons (subsidence, start areas, effect area …) from shapefile, GeoJSON or GeoPackage.

Any CRS is brought to RD New; invalid polygons are repaired (``make_valid``) and each repair is
reported with what changed, because a silently moved border would change who is eligible.
The file replaces the stored areas of that kind, in one transaction.
"""

from __future__ import annotations

import json
import struct
from pathlib import Path

import numpy as np
import shapely
from pyproj import CRS

from domain.i18n import register, tr
from domain.importers.common import (
    ImportReport,
    Problems,
    fail,
    geometry_from_blob,
    gpkg_crs,
    gpkg_layers,
    open_gpkg,
    to_rd,
)
from domain.importers.shapefile import read_shapefile
from domain.store.areas import as_multipolygon, replace_areas
from domain.store.schema import AREA_KINDS, AREA_ORIGINS

register(
    {
        "areas.bad_kind": (
            "soort '{kind}' bestaat niet; kies uit {kinds}",
            "kind '{kind}' does not exist; choose from {kinds}",
        ),
        "areas.bad_origin": (
            "herkomst '{origin}' bestaat niet; kies uit {origins}",
            "origin '{origin}' does not exist; choose from {origins}",
        ),
        "areas.not_polygon": (
            "geometrie is geen vlak maar {kind}; alleen (multi)polygonen zijn gebieden",
            "geometry is not an area but {kind}; only (multi)polygons are areas",
        ),
        "areas.empty": ("geen geometrie", "no geometry"),
        "areas.repaired": (
            "{where}: ongeldige geometrie hersteld ({reason}); oppervlakte {before:.0f} → {after:.0f} m²",
            "{where}: invalid geometry repaired ({reason}); area {before:.0f} → {after:.0f} m²",
        ),
        "areas.unknown_format": (
            "onbekend formaat; gebruik .shp, .geojson/.json of .gpkg",
            "unknown format; use .shp, .geojson/.json or .gpkg",
        ),
        "areas.bad_json": ("geen geldige GeoJSON: {error}", "not valid GeoJSON: {error}"),
        "areas.bad_shapefile": (
            "geen leesbare shapefile ({error}); exporteer de laag opnieuw als shapefile of GeoPackage",
            "not a readable shapefile ({error}); export the layer again as shapefile or GeoPackage",
        ),
    }
)


def _features(path: Path, problems: Problems, layer: str | None):
    """(row, geometry, attributes) and the source CRS."""
    suffix = path.suffix.lower()
    if not path.exists():
        raise fail(path.name, tr("import.not_found"))
    if suffix == ".shp":
        try:
            records, wkt = read_shapefile(path)
        except (struct.error, ValueError, IndexError, UnicodeDecodeError, LookupError) as exc:
            # a truncated or foreign file: say so instead of failing half-way through it
            raise fail(path.name, tr("areas.bad_shapefile", error=exc), "shp") from None
        try:
            crs = CRS.from_wkt(wkt) if wkt else CRS.from_epsg(28992)
        except Exception as exc:
            raise fail(path.name, tr("import.bad_crs", error=exc), "prj") from exc
        out = []
        for number, geom, kind, attrs in records:
            if geom is None:
                problems.add(number, "geometry", tr("areas.not_polygon", kind=f"shape type {kind}"))
            out.append((number, geom, attrs))
        return out, crs
    if suffix in (".geojson", ".json"):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise fail(path.name, tr("areas.bad_json", error=exc)) from exc
        crs = CRS.from_epsg(4326)
        name = (
            (((data.get("crs") or {}).get("properties") or {}).get("name"))
            if isinstance(data, dict)
            else None
        )
        if name:
            try:
                crs = CRS.from_user_input(name)
            except Exception as exc:
                raise fail(path.name, tr("import.bad_crs", error=exc), "crs") from exc
        feats = data.get("features", []) if isinstance(data, dict) else []
        out = []
        for i, f in enumerate(feats, start=1):
            try:
                geom = shapely.geometry.shape(f.get("geometry")) if f.get("geometry") else None
            except Exception:
                geom = None
            out.append((i, geom, f.get("properties") or {}))
        return out, crs
    if suffix == ".gpkg":
        conn = open_gpkg(path)
        try:
            layers = {k: v for k, v in gpkg_layers(conn).items() if v[0]}
            chosen = layer or next(iter(layers), None)
            if chosen not in layers:
                raise fail(
                    path.name,
                    tr("import.no_layer", layer=chosen or "-", present=", ".join(layers) or "-"),
                )
            column, srs = layers[chosen]
            crs = gpkg_crs(conn, srs)
            cur = conn.execute(f'SELECT * FROM "{chosen}"')
            names = [d[0] for d in cur.description]
            out = []
            for i, row in enumerate(cur, start=1):
                attrs = dict(zip(names, row))
                out.append((i, geometry_from_blob(attrs.pop(column)), attrs))
            return out, crs
        finally:
            conn.close()
    raise fail(path.name, tr("areas.unknown_format"))


def import_areas(
    store,
    path,
    kind: str,
    name_field: str | None = None,
    origin: str = "imported",
    layer: str | None = None,
    dry_run: bool = False,
) -> ImportReport:
    path = Path(path)
    problems = Problems(path.name)
    if kind not in AREA_KINDS:
        raise fail(path.name, tr("areas.bad_kind", kind=kind, kinds=", ".join(AREA_KINDS)), "kind")
    if origin not in AREA_ORIGINS:
        raise fail(
            path.name,
            tr("areas.bad_origin", origin=origin, origins=", ".join(AREA_ORIGINS)),
            "origin",
        )
    features, crs = _features(path, problems, layer)
    report = ImportReport(str(path), dry_run)
    rows, geoms, names = [], [], []
    for row, geom, attrs in features:
        if geom is None or geom.is_empty:
            if not any(p.line == row for p in problems.items):
                problems.add(row, "geometry", tr("areas.empty"))
            continue
        if geom.geom_type not in ("Polygon", "MultiPolygon"):
            problems.add(row, "geometry", tr("areas.not_polygon", kind=geom.geom_type))
            continue
        label = None
        if name_field:
            label = attrs.get(name_field) or attrs.get(name_field.lower())
        label = label or attrs.get("name") or attrs.get("naam") or f"{kind} {row}"
        rows.append(row)
        geoms.append(geom)
        names.append(str(label))
    problems.raise_if_any()
    rd = to_rd(np.array(geoms, dtype=object), crs) if geoms else []
    areas = []
    for row, geom, label in zip(rows, rd, names):
        if not geom.is_valid:
            reason = shapely.is_valid_reason(geom)
            fixed = as_multipolygon(geom)
            report.changes.append(
                tr(
                    "areas.repaired",
                    where=f"{path.name}:{row}",
                    reason=reason,
                    before=abs(geom.area),
                    after=fixed.area if fixed is not None else 0.0,
                )
            )
            geom = fixed
        areas.append((kind, label, origin, path.name, geom))
    report.counts = {kind: len(areas)}
    if dry_run:
        return report
    with store.engine.begin() as conn:
        replace_areas(conn, [kind], areas)
        from domain.store.bulk import fix_sequences

        fix_sequences(conn, ("areas",))
    return report
