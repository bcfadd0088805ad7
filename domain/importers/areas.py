"""Area polygons (subsidence, start areas, effect area …) from any vector file GDAL reads.

Shapefile, GeoJSON, GeoPackage, GML, File Geodatabase or CSV with WKT, in any CRS the file
declares (or ``crs`` names), brought to RD New. Invalid polygons are repaired (``make_valid``)
and each repair is reported with what changed, because a silently moved border would change who
is eligible. The file replaces the stored areas of that kind, in one transaction — and only a
file with at least one good area does: an empty or unreadable file never removes anything.
"""

from __future__ import annotations

from pathlib import Path

import shapely

from domain.i18n import register, tr
from domain.importers.common import ImportReport, Problems, enter_stage, fail
from domain.importers.vector import POLYGON, check_length, column_limit, open_vector
from domain.store import schema
from domain.store.areas import DRAWN_ORIGIN, as_multipolygon, replace_areas
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
        "areas.repaired": (
            "{where}: ongeldige geometrie hersteld ({reason}); oppervlakte {before:.0f} → {after:.0f} m²",
            "{where}: invalid geometry repaired ({reason}); area {before:.0f} → {after:.0f} m²",
        ),
        "areas.unrepairable": (
            "ongeldige geometrie ({reason}) zonder oppervlakte; herstel hem in de bron",
            "invalid geometry ({reason}) without any area; repair it in the source",
        ),
    }
)


def repaired_polygon(record, src, problems: Problems, file_name: str):
    """(polygon, note): the record's geometry, an invalid one repaired where that keeps an area
    (the note says so, with the area before and after); (None, None) when there is none to
    use (the problem is recorded, or the reader already said what is wrong)."""
    geom = record.geometry
    if geom is None or geom.is_valid:
        return geom, None
    reason = shapely.is_valid_reason(geom)
    fixed = as_multipolygon(geom)
    if fixed is None or fixed.is_empty or fixed.area == 0:
        problems.add(record.line, src.geometry_field, tr("areas.unrepairable", reason=reason))
        return None, None
    where = f"{file_name}:{record.line}"
    note = tr("areas.repaired", where=where, reason=reason, before=abs(geom.area), after=fixed.area)
    return fixed, note


def import_areas(
    store,
    path,
    kind: str,
    name_field: str | None = None,
    origin: str = "imported",
    layer: str | None = None,
    dry_run: bool = False,
    crs: str | None = None,
    stage=None,
) -> ImportReport:
    """``stage(key)``: told as ``read`` and ``write`` start (see ``enter_stage``)."""
    path = Path(path)
    enter_stage(stage, "read")
    if kind not in AREA_KINDS:
        raise fail(path.name, tr("areas.bad_kind", kind=kind, kinds=", ".join(AREA_KINDS)), "kind")
    # "drawn" belongs to areas drawn on the map, which an import of the kind keeps
    file_origins = [name for name in AREA_ORIGINS if name != DRAWN_ORIGIN]
    if origin not in file_origins:
        raise fail(
            path.name,
            tr("areas.bad_origin", origin=origin, origins=", ".join(file_origins)),
            "origin",
        )
    source_limit = column_limit(schema.areas, "source")
    if source_limit and len(path.name) > source_limit:  # the file name is stored as the source
        raise fail(path.name, tr("vector.too_long", n=len(path.name), max=source_limit))
    name_limit = column_limit(schema.areas, "name")
    problems = Problems(path.name)
    report = ImportReport(str(path), dry_run)
    areas = []
    with open_vector(path) as source:
        src = source.layer(layer, geometry=POLYGON, crs=crs)
        report.changes.extend(src.notes)
        if name_field:
            label_column = src.column(name_field, required=name_field)
        else:
            label_column = src.column("name", "naam")
        for record in src.records({"name": label_column}, problems):
            label = record.values.get("name")
            label = str(label).strip() if label is not None else ""
            label = label or f"{kind} {record.line}"
            if not check_length(problems, record.line, label_column or "name", label, name_limit):
                continue
            geom, note = repaired_polygon(record, src, problems, path.name)
            if geom is None:
                continue
            if note:
                report.changes.append(note)
            areas.append((kind, label, origin, path.name, geom))
    problems.raise_if_any()
    report.counts = {kind: len(areas)}
    if dry_run:
        return report
    enter_stage(stage, "write")
    with store.engine.begin() as conn:
        replace_areas(conn, [kind], areas)
        from domain.store.bulk import fix_sequences

        fix_sequences(conn, ("areas",))
    return report
