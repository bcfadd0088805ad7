"""Outlines of the counting sources (Groningen field, Norg and Grijpskerk storages) as NLOG
publishes gas fields: shapefile, GeoJSON or GeoPackage, one polygon feature per field, read
through GDAL (:mod:`domain.importers.vector`), in any CRS the file declares.

Only features whose field name (``--field-name-column``) names a counting source are taken
(whole words, any case: ``GRONINGEN``, ``Norg UGS``); the rest are counted and skipped. The
parts of one source are joined into one outline. The outlines replace the stored ones of the same
sources and, in the same transaction, the 6 km zones are drawn again from them; the next
catalogue import attributes quakes with them.
"""

from __future__ import annotations

import re
from pathlib import Path

import shapely

from domain import policy
from domain.errors import InputError, Problem
from domain.i18n import register, tr
from domain.importers.areas import repaired_polygon
from domain.importers.common import ImportReport, Problems, fail
from domain.importers.vector import POLYGON, column_limit, open_vector
from domain.store import schema

register(
    {
        "outlines.none_matched": (
            "geen veld met de naam {sources} in kolom '{column}' (gevonden: {found})",
            "no field named {sources} in column '{column}' (found: {found})",
        ),
        "outlines.none_matched.hint": (
            "kies met --field-name-column de kolom met de veldnaam, of gebruik het gasveldenbestand van NLOG",
            "choose the column with the field name with --field-name-column, or use NLOG's gas fields file",
        ),
        "outlines.taken": (
            "{source}: {n} vlak(ken) uit veld(en) {names}",
            "{source}: {n} polygon(s) from field(s) {names}",
        ),
        "outlines.skipped": (
            "{n} vlak(ken) van andere velden overgeslagen",
            "{n} polygon(s) of other fields skipped",
        ),
        "outlines.recount": (
            "de 6 km-zones zijn opnieuw getekend; importeer de catalogus opnieuw om bevingen met deze omtrekken toe te wijzen",
            "the 6 km zones were drawn again; import the catalogue again to attribute quakes with these outlines",
        ),
    }
)

NAME_COLUMNS = ("field_name", "fieldname", "veldnaam", "name", "naam")


def source_of(field_name: str) -> str | None:
    """The counting source a field name names as a whole word (``NORG UGS`` → Norg)."""
    words = set(re.split(r"[^0-9a-zà-ÿ]+", field_name.lower()))
    return next((s for s in policy.COUNTING_SOURCES if s.lower() in words), None)


def read_outlines(path, field_name_column: str | None = None, layer=None, crs=None):
    """(outlines, report notes, skipped count) from a vector file; raises InputError."""
    from domain.groundmotion.sources import ORIGIN_IMPORTED, SourceOutline

    path = Path(path)
    source_limit = column_limit(schema.areas, "source")
    if source_limit and len(path.name) > source_limit:  # the file name is stored as the source
        raise fail(path.name, tr("vector.too_long", n=len(path.name), max=source_limit))
    problems = Problems(path.name)
    parts: dict[str, list] = {}
    names: dict[str, set[str]] = {}
    notes: list[str] = []
    seen: list[str] = []
    skipped = 0
    with open_vector(path) as source:
        src = source.layer(layer, geometry=POLYGON, crs=crs)
        notes.extend(src.notes)
        if field_name_column:
            column = src.column(field_name_column, required=field_name_column)
        else:
            column = src.column(*NAME_COLUMNS, required=NAME_COLUMNS[0])
        for record in src.records({"name": column}, problems):
            raw = record.values.get("name")
            name = str(raw).strip() if raw is not None else ""
            found = source_of(name)
            if found is None:
                skipped += 1
                if name and name not in seen and len(seen) < 10:
                    seen.append(name)
                continue
            geom, note = repaired_polygon(record, src, problems, path.name)
            if geom is None:
                continue
            if note:
                notes.append(note)
            parts.setdefault(found, []).append(geom)
            names.setdefault(found, set()).add(name)
    problems.raise_if_any()
    if not parts:
        message = tr(
            "outlines.none_matched",
            sources=", ".join(policy.COUNTING_SOURCES),
            column=column,
            found=", ".join(seen) or "—",
        )
        problem = Problem(message, path.name, None, column, tr("outlines.none_matched.hint"))
        raise InputError(tr("import.rejected", file=path.name, n=1), [problem])
    outlines = []
    for name, geoms in parts.items():
        outlines.append(SourceOutline(name, shapely.union_all(geoms), ORIGIN_IMPORTED, path.name))
        notes.append(
            tr("outlines.taken", source=name, n=len(geoms), names=", ".join(sorted(names[name])))
        )
    if skipped:
        notes.append(tr("outlines.skipped", n=skipped))
    return outlines, notes, skipped


def import_outlines(
    store,
    path,
    field_name_column: str | None = None,
    layer: str | None = None,
    crs: str | None = None,
    dry_run: bool = False,
) -> ImportReport:
    """Store the counting sources' outlines from ``path`` and draw the 6 km zones from them,
    in one transaction; the stored outlines of other sources stay."""
    from domain.store.areas import replace_source_outlines
    from domain.store.bulk import fix_sequences
    from domain.store.compute import _zones_in
    from domain.store.exposure import catalog_from_store

    outlines, notes, skipped = read_outlines(path, field_name_column, layer, crs)
    report = ImportReport(str(path), dry_run, counts={"outlines": len(outlines)})
    report.changes.extend(notes)
    if skipped:
        report.skipped["other_fields"] = skipped
    if dry_run:
        return report
    with store.engine.begin() as conn:
        replace_source_outlines(conn, outlines)
        fix_sequences(conn, ("areas",))
        zones = _zones_in(conn, catalog_from_store(conn))
    report.counts.update({f"areas_{k}": v for k, v in zones.items()})
    report.changes.append(tr("outlines.recount"))
    return report
