"""Official boundaries from the GeoPackages CBS publishes (through PDOK), read with GDAL/OGR.

Three layouts are recognised by their layer names (any case):

- *CBS gebiedsindelingen* (PDOK): ``gemeente_gegeneraliseerd``, ``wijk_gegeneraliseerd``,
  ``buurt_gegeneraliseerd`` and the year-qualified ``cbs_gemeente_2024_gegeneraliseerd``;
  fields ``statcode`` (GM0014, WK001400, BU00140000) and ``statnaam``, ``jrstatcode`` giving the
  year (2024GM0014). The ``_labelpoint`` layers are points and are skipped.
- *CBS postcode-4*: a layer whose name holds ``postcode4`` or ``pc4``, field ``postcode4``,
  ``postcode`` or ``pc4``.
- *CBS Wijk- en Buurtkaart*: layers ``gemeenten``, ``wijken``, ``buurten`` with ``gemeentecode`` /
  ``gemeentenaam``, ``wijkcode`` / ``wijknaam``, ``buurtcode`` / ``buurtnaam``; rows with
  ``water`` = ``JA`` (water only) are skipped.

Where a file holds several years of one kind the newest is taken unless ``year`` is given.
Only polygons touching the Groningen region are kept (the imported source outlines plus a
margin where the store has them, else the box in ``policy``; always also the box around the
store's objects), so a national file stays small. The import replaces the stored boundaries of
the kinds it read, in one transaction; the same file imported again changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import shapely

from domain import policy
from domain.i18n import register, tr
from domain.importers.areas import repaired_polygon
from domain.importers.common import ImportReport, Problems, enter_stage, fail
from domain.importers.vector import POLYGON, check_length, column_limit, open_vector
from domain.store import schema
from domain.store.areas import as_multipolygon
from domain.store.boundaries import BoundaryRecord, replace_boundaries, stored_equal
from domain.store.schema import BOUNDARY_KINDS

register(
    {
        "boundaries.no_layer": (
            "geen laag met gebiedsgrenzen herkend (verwacht bijv. cbs_gemeente_2024_"
            "gegeneraliseerd, gemeente_gegeneraliseerd, een laag met postcode4 of pc4 in de "
            "naam, of gemeenten/wijken/buurten van de Wijk- en Buurtkaart); aanwezig: {present}",
            "no layer with boundaries recognised (expected e.g. cbs_gemeente_2024_"
            "gegeneraliseerd, gemeente_gegeneraliseerd, a layer with postcode4 or pc4 in its "
            "name, or gemeenten/wijken/buurten of the Wijk- en Buurtkaart); present: {present}",
        ),
        "boundaries.kind_missing": (
            "geen laag voor '{kind}' in het bestand (herkend: {found}; aanwezig: {present})",
            "no layer for '{kind}' in the file (recognised: {found}; present: {present})",
        ),
        "boundaries.bad_kind": (
            "soort '{kind}' bestaat niet; kies uit {kinds}",
            "kind '{kind}' does not exist; choose from {kinds}",
        ),
        "boundaries.bad_year": (
            "jaar '{year}' is geen jaartal; schrijf bijv. 2024",
            "year '{year}' is not a year; write e.g. 2024",
        ),
        "boundaries.year_missing": (
            "geen laag voor '{kind}' van {year}; aanwezige jaren: {years}",
            "no layer for '{kind}' of {year}; years present: {years}",
        ),
        "boundaries.no_year_at_all": (
            "geen enkele laag is van {year}; aanwezig: {found}",
            "no layer is of {year}; present: {found}",
        ),
        "boundaries.year_unknown": ("jaar onbekend", "year unknown"),
        "boundaries.missing_code": (
            "geen code ({column}); elk vlak heeft er een nodig",
            "no code ({column}); every area needs one",
        ),
        "boundaries.bad_code": (
            "'{code}' is geen {kind}code (verwacht {form})",
            "'{code}' is not a {kind} code (expected {form})",
        ),
        "boundaries.duplicate_code": (
            "code {code} komt twee keer voor (ook op rij {first})",
            "code {code} occurs twice (also on row {first})",
        ),
        "boundaries.none_in_region": (
            "laag '{layer}': geen enkel vlak ligt in de regio Groningen ({n} buiten); het "
            "bestand dekt een ander gebied, of het coördinatenstelsel klopt niet (--crs)",
            "layer '{layer}': no area lies in the Groningen region ({n} outside); the file "
            "covers another region, or its coordinate reference system is wrong (--crs)",
        ),
        "boundaries.taken": (
            "{kind}: laag {layer} ({year}): {kept} bewaard, {outside} buiten de regio "
            "overgeslagen{water}",
            "{kind}: layer {layer} ({year}): {kept} kept, {outside} outside the region "
            "skipped{water}",
        ),
        "boundaries.water": (", {n} alleen-water overgeslagen", ", {n} water-only skipped"),
        "boundaries.other_layers": (
            "niet gelezen: {layers}",
            "not read: {layers}",
        ),
        "boundaries.unchanged": (
            "de opslag had al precies deze grenzen: niets gewijzigd",
            "the store already held exactly these boundaries: nothing changed",
        ),
        "boundaries.region_outline": (
            "regio: de geïmporteerde omtrekken van de bronnen plus {margin:.0f} km en de "
            "objecten van de opslag",
            "region: the imported source outlines plus {margin:.0f} km and the store's objects",
        ),
        "boundaries.region_box": (
            "regio: het vak om de provincie Groningen en de objecten van de opslag",
            "region: the box around the province of Groningen and the store's objects",
        ),
    }
)

#: PDOK's CBS gebiedsindelingen: ``[cbs_]kind[_year]_gegeneraliseerd``
_PDOK_LAYER = re.compile(r"^(?:cbs_)?(gemeente|wijk|buurt)(?:_((?:19|20)\d{2}))?_gegeneraliseerd$")
#: the CBS Wijk- en Buurtkaart
_WIJKBUURT_LAYER = re.compile(r"^(gemeenten|wijken|buurten)(?:_((?:19|20)\d{2}))?$")
_WIJKBUURT_KIND = {"gemeenten": "gemeente", "wijken": "wijk", "buurten": "buurt"}
_PC4_LAYER = re.compile(r"postcode4|pc4")
_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")
_LABELPOINT = "labelpoint"

#: field names per layout and kind: (code, name, year); the name is optional
_PDOK_FIELDS = (("statcode",), ("statnaam",), ("jrstatcode", "jaarcode", "jaar"))
_WIJKBUURT_FIELDS = {
    "gemeente": (("gemeentecode",), ("gemeentenaam",)),
    "wijk": (("wijkcode",), ("wijknaam",)),
    "buurt": (("buurtcode",), ("buurtnaam",)),
}
_PC4_FIELDS = (("postcode4", "postcode", "pc4"), ())
_WATER_FIELD = "water"
_WATER_ONLY = "JA"

#: what a code looks like per kind (CBS: GM + 4, WK + 6, BU + 8 digits; PC4: 1000-9999)
_CODE_FORMS = {
    "gemeente": (re.compile(r"GM[0-9]{4}"), "GM0014"),
    "wijk": (re.compile(r"WK[0-9]{6}"), "WK001400"),
    "buurt": (re.compile(r"BU[0-9]{8}"), "BU00140000"),
    "pc4": (re.compile(r"[1-9][0-9]{3}"), "9919"),
}


@dataclass(frozen=True)
class _Candidate:
    """A layer that holds boundaries of ``kind`` in ``layout``; ``named``: its year is in its
    name (else it comes from the rows or the file name, or is None: unknown)."""

    layer: str
    kind: str
    layout: str  # "pdok", "pc4" or "wijkbuurt"
    year: int | None
    named: bool = False


def _candidate(layer: str, file_year: int | None) -> _Candidate | None:
    name = layer.lower()
    if _LABELPOINT in name:
        return None  # the label points of the PDOK layers: points, not areas
    found = _PDOK_LAYER.match(name)
    if found:
        named = found.group(2) is not None
        return _Candidate(layer, found.group(1), "pdok", int(found.group(2) or 0) or None, named)
    found = _WIJKBUURT_LAYER.match(name)
    if found:
        named = found.group(2) is not None
        year = int(found.group(2)) if named else file_year
        return _Candidate(layer, _WIJKBUURT_KIND[found.group(1)], "wijkbuurt", year, named)
    if _PC4_LAYER.search(name):
        year = _YEAR.search(name)
        named = year is not None
        return _Candidate(layer, "pc4", "pc4", int(year.group(1)) if named else file_year, named)
    return None


def _year_of(value) -> int | None:
    """The year in a ``jrstatcode`` (2024GM0014) or ``jaar`` (2024) value."""
    found = _YEAR.match(str(value).strip()) if value is not None else None
    return int(found.group(1)) if found else None


def _parse_year(year, file_name: str) -> int | None:
    if year is None or str(year).strip() == "":
        return None
    text = str(year).strip()
    if not re.fullmatch(r"(?:19|20)[0-9]{2}", text):
        raise fail(file_name, tr("boundaries.bad_year", year=text), "year")
    return int(text)


def _year_text(year: int | None) -> str:
    return str(year) if year is not None else tr("boundaries.year_unknown")


class _Reader:
    """Reads the chosen layers of one open file into BoundaryRecords."""

    def __init__(self, source, path: Path, crs: str | None, region, problems: Problems) -> None:
        self.source = source
        self.path = path
        self.crs = crs
        self.region = region
        self.problems = problems
        self.name_limit = column_limit(schema.boundaries, "name")
        self.notes: list[str] = []
        self.skipped = {"outside_region": 0, "water": 0}

    def peek_year(self, candidate: _Candidate) -> int | None:
        """The year a layer without one in its name holds, from its first row's year field."""
        src = self.source.layer(candidate.layer, geometry=None)
        column = src.column(*_PDOK_FIELDS[2]) if candidate.layout == "pdok" else None
        if column is None:
            return None
        for record in src.records({"year": column}, Problems(self.path.name), empty_ok=True):
            return _year_of(record.values.get("year"))
        return None

    def read(self, candidate: _Candidate) -> list[BoundaryRecord]:
        src = self.source.layer(candidate.layer, geometry=POLYGON, crs=self.crs)
        self.notes.extend(src.notes)
        if candidate.layout == "pdok":
            codes, names, years = _PDOK_FIELDS
        elif candidate.layout == "pc4":
            (codes, names), years = _PC4_FIELDS, ()
        else:
            (codes, names), years = _WIJKBUURT_FIELDS[candidate.kind], ()
        columns = {
            "code": src.column(*codes, required=codes[0]),
            "name": src.column(*names) if names else None,
            "year": src.column(*years) if years else None,
            "water": src.column(_WATER_FIELD),
        }
        pattern, form = _CODE_FORMS[candidate.kind]
        first_row: dict[str, int] = {}
        out: list[BoundaryRecord] = []
        outside = water = 0
        for record in src.records(columns, self.problems):
            values = record.values
            if columns["water"] and str(values.get("water") or "").strip().upper() == _WATER_ONLY:
                water += 1
                continue
            code = _code(values.get("code"))
            if not code:
                self.problems.add(
                    record.line,
                    columns["code"],
                    tr("boundaries.missing_code", column=columns["code"]),
                )
                continue
            if not pattern.fullmatch(code):
                self.problems.add(
                    record.line,
                    columns["code"],
                    tr("boundaries.bad_code", code=code, kind=candidate.kind, form=form),
                )
                continue
            if code in first_row:
                self.problems.add(
                    record.line,
                    columns["code"],
                    tr("boundaries.duplicate_code", code=code, first=first_row[code]),
                )
                continue
            first_row[code] = record.line
            name = str(values.get("name") or "").strip() or code
            if not check_length(
                self.problems, record.line, columns["name"] or "name", name, self.name_limit
            ):
                continue
            geom, note = repaired_polygon(record, src, self.problems, self.path.name)
            if geom is None:
                continue
            multi = as_multipolygon(geom)
            if multi is None or multi.is_empty:
                continue
            if not self.region.intersects(multi):
                outside += 1
                continue
            if note:
                self.notes.append(note)
            year = _year_of(values.get("year")) or candidate.year
            out.append(BoundaryRecord(candidate.kind, code, name, year, self.path.name, multi))
        self.skipped["outside_region"] += outside
        self.skipped["water"] += water
        if not out and not self.problems:
            raise fail(
                self.path.name,
                tr("boundaries.none_in_region", layer=candidate.layer, n=outside),
                "geometry",
            )
        extra = tr("boundaries.water", n=water) if water else ""
        self.notes.append(
            tr(
                "boundaries.taken",
                kind=candidate.kind,
                layer=candidate.layer,
                year=_year_text(candidate.year),
                kept=len(out),
                outside=outside,
                water=extra,
            )
        )
        return out


def _code(value) -> str:
    """A code as text; a PC4 stored as a number (9919 or 9919.0) becomes "9919"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip().upper()


def _choose(candidates, kinds, year, present: str, file_name: str, reader: _Reader):
    """One layer per kind: ``year`` where given, else the newest; kinds asked for must exist."""
    found = ", ".join(
        f"{candidate.layer} ({_year_text(candidate.year)})" for candidate in candidates
    )
    by_kind: dict[str, list[_Candidate]] = {}
    for candidate in candidates:
        if candidate.year is None and candidate.layout == "pdok":
            candidate = _Candidate(
                candidate.layer,
                candidate.kind,
                candidate.layout,
                reader.peek_year(candidate),
                candidate.named,
            )
        by_kind.setdefault(candidate.kind, []).append(candidate)
    chosen = []
    for kind in kinds or [known for known in BOUNDARY_KINDS if known in by_kind]:
        options = by_kind.get(kind)
        if not options:
            raise fail(
                file_name,
                tr("boundaries.kind_missing", kind=kind, found=found or "-", present=present),
                "layer",
            )
        if year is not None:
            options = [candidate for candidate in options if candidate.year == year]
            if not options:
                if not kinds:
                    continue  # not asked for by name: only the kinds that have that year
                years = ", ".join(
                    sorted({_year_text(candidate.year) for candidate in by_kind[kind]})
                )
                raise fail(
                    file_name,
                    tr("boundaries.year_missing", kind=kind, year=year, years=years),
                    "year",
                )
        # the newest year; a year-qualified layer before an unqualified one of the same year
        chosen.append(max(options, key=lambda candidate: (candidate.year or 0, candidate.named)))
    if not chosen:
        raise fail(file_name, tr("boundaries.no_year_at_all", year=year, found=found), "year")
    return chosen


def import_region(conn):
    """The area whose boundaries an import keeps: the imported source outlines plus the margin
    where the store has them, else the box in policy; always with the box around the objects."""
    from domain.store.areas import stored_outlines
    from domain.store.objects import object_extent

    outlines = stored_outlines(conn)
    if outlines:
        region = shapely.union_all([outline.geometry for outline in outlines]).buffer(
            policy.BOUNDARY_REGION_MARGIN_M
        )
        note = tr("boundaries.region_outline", margin=policy.BOUNDARY_REGION_MARGIN_M / 1000)
    else:
        region = shapely.box(*policy.BOUNDARY_REGION_BBOX_M)
        note = tr("boundaries.region_box")
    extent = object_extent(conn)
    if extent is not None:
        region = region.union(shapely.box(extent.xmin, extent.ymin, extent.xmax, extent.ymax))
    shapely.prepare(region)
    return region, note


def import_boundaries(
    store,
    path,
    kinds=None,
    year=None,
    crs: str | None = None,
    dry_run: bool = False,
    stage=None,
) -> ImportReport:
    """Store the official boundaries of ``path`` (kinds: some of gemeente, pc4, wijk, buurt;
    default: every kind the file holds) in place of the stored ones of those kinds.

    ``year``: the year to take where the file holds several (default: the newest);
    ``stage(key)``: told as ``read`` and ``write`` start."""
    path = Path(path)
    enter_stage(stage, "read")
    kinds = list(dict.fromkeys(kinds or ()))
    for kind in kinds:
        if kind not in BOUNDARY_KINDS:
            raise fail(
                path.name,
                tr("boundaries.bad_kind", kind=kind, kinds=", ".join(BOUNDARY_KINDS)),
                "kinds",
            )
    wanted_year = _parse_year(year, path.name)
    source_limit = column_limit(schema.boundaries, "source")
    if source_limit and len(path.name) > source_limit:  # the file name is stored as the source
        raise fail(path.name, tr("vector.too_long", n=len(path.name), max=source_limit))
    with store.engine.connect() as conn:
        region, region_note = import_region(conn)
    problems = Problems(path.name)
    report = ImportReport(str(path), dry_run)
    file_year = _YEAR.search(path.stem)
    with open_vector(path) as source:
        names = source.layer_names()
        present = ", ".join(names) or "-"
        named_year = int(file_year.group(1)) if file_year else None
        candidates = [
            candidate
            for candidate in (_candidate(name, named_year) for name in names)
            if candidate is not None
        ]
        if not candidates:
            raise fail(path.name, tr("boundaries.no_layer", present=present), "layer")
        reader = _Reader(source, path, crs, region, problems)
        chosen = _choose(candidates, kinds, wanted_year, present, path.name, reader)
        rows: list[BoundaryRecord] = []
        for candidate in chosen:
            rows.extend(reader.read(candidate))
    problems.raise_if_any()
    taken = {candidate.layer for candidate in chosen}
    report.changes.extend(reader.notes)
    others = [name for name in names if name not in taken]
    if others:
        report.changes.append(tr("boundaries.other_layers", layers=", ".join(others)))
    report.changes.append(region_note)
    read_kinds = [candidate.kind for candidate in chosen]
    report.counts = {kind: sum(1 for row in rows if row.kind == kind) for kind in read_kinds}
    report.skipped = {k: v for k, v in reader.skipped.items() if v}
    if dry_run:
        return report
    enter_stage(stage, "write")
    with store.engine.begin() as conn:
        if stored_equal(conn, read_kinds, rows):
            report.changes.append(tr("boundaries.unchanged"))
            return report
        replace_boundaries(conn, read_kinds, rows)
    return report
