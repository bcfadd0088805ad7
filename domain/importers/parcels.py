"""Cadastral parcels (PDOK kadastrale kaart, ``perceel``) from GML, GeoPackage or any vector file.

The aanduiding is written ``SBG01 B 6931`` (AKR gemeentecode, sectie, perceelnummer). Each parcel
is linked to the objects whose point lies inside it; objects without an aanduiding get the
parcel's. Invalid polygons are repaired and reported; anything unreadable rejects the file.
The aanduiding is the parcel's key: importing a file again changes only the parcels whose
boundary, size or object changed, and never stores a parcel twice.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import shapely

from domain import policy
from domain.i18n import register, tr
from domain.importers.common import ImportReport, Problems, enter_stage
from domain.importers.vector import POLYGON, decimal_number, number_from_one, open_vector
from domain.store.areas import as_multipolygon
from domain.store.bulk import analyze, fix_sequences, insert_rows
from domain.store.objects import object_points, set_kadastrale_aanduidingen
from domain.store.parcels import delete_parcels, stored_parcels

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
            "perceelnummer '{value}' is geen geheel getal van 1 tot en met {max}",
            "parcel number '{value}' is not a whole number from 1 to {max}",
        ),
        "parcels.bad_size": (
            "kadastrale grootte '{value}' is geen getal van vierkante meters",
            "cadastral size '{value}' is not a number of square metres",
        ),
        "parcels.duplicate": (
            "perceel {value} komt twee keer voor (ook op rij {other})",
            "parcel {value} occurs twice (also on row {other})",
        ),
        "parcels.repaired": (
            "{where}: ongeldige perceelgrens hersteld ({reason})",
            "{where}: invalid parcel boundary repaired ({reason})",
        ),
        "parcels.unrepairable": (
            "ongeldige perceelgrens ({reason}) zonder oppervlakte; herstel hem in de bron",
            "invalid parcel boundary ({reason}) without any area; repair it in the source",
        ),
    }
)

_ALIASES = {
    "code": (
        "akrkadastralegemeentecodewaarde",
        "akrkadastralegemeentecode_waarde",
        "akrkadastralegemeentecode",
        "kadastralegemeentecode",
        "kadastrale_gemeentecode",
        "gemeentecode",
    ),
    "section": ("sectie",),
    "number": ("perceelnummer",),
    "size": (
        "kadastralegroottewaarde",
        "kadastralegrootte_waarde",
        "kadastralegrootte",
        "kadastrale_grootte",
        "grootte",
    ),
}
_CODE = re.compile(r"[A-Z]{3}[0-9]{2}", re.ASCII)
_SECTION = re.compile(r"[A-Z]{1,2}", re.ASCII)


def import_parcels(
    store, path, dry_run: bool = False, crs: str | None = None, stage=None
) -> ImportReport:
    """``stage(key)``: told as ``read`` and ``write`` start (see ``enter_stage``)."""
    path = Path(path)
    enter_stage(stage, "read")
    problems = Problems(path.name)
    report = ImportReport(str(path), dry_run)
    seen: dict[str, int] = {}
    parcels = []  # (row, aanduiding, size, geometry)
    with open_vector(path) as source:
        src = source.layer(prefer=("perceel",), geometry=POLYGON, crs=crs)
        report.changes.extend(src.notes)
        columns = {
            "code": src.column(*_ALIASES["code"], required="AKRKadastraleGemeenteCodeWaarde"),
            "section": src.column(*_ALIASES["section"], required="sectie"),
            "number": src.column(*_ALIASES["number"], required="perceelnummer"),
            "size": src.column(*_ALIASES["size"]),
        }
        for record in src.records(columns, problems):
            parcel = _parcel(record, columns, src.geometry_field, problems, report, path.name)
            if parcel is None:
                continue
            row, aanduiding = parcel[0], parcel[1]
            if aanduiding in seen:
                problems.add(
                    row,
                    columns["number"],
                    tr("parcels.duplicate", value=aanduiding, other=seen[aanduiding]),
                )
                continue
            seen[aanduiding] = row
            parcels.append(parcel)
    problems.raise_if_any()
    with store.engine.connect() as conn:
        objects = object_points(conn)
        stored = stored_parcels(conn, [p[1] for p in parcels])
    geoms = [p[3] for p in parcels]
    owner_of, linked = _link(objects, geoms)
    new, replaced, unchanged = [], [], 0
    for k, (_row, aanduiding, size, geom) in enumerate(parcels):
        row = (owner_of[k], aanduiding, size or round(geom.area, 1))
        before = stored.get(aanduiding)
        if not before:
            new.append((row, geom))
        elif len(before) == 1 and _same(before[0], row, geom):
            unchanged += 1
        else:
            replaced.append((before, row, geom))
    report.counts = {"parcels": len(new) + len(replaced)}
    if replaced:
        report.counts["parcels_updated"] = len(replaced)
    if unchanged:
        report.skipped["already_in_store"] = unchanged
    if dry_run or not (new or replaced or linked):
        return report
    enter_stage(stage, "write")
    with store.engine.begin() as conn:
        if replaced:
            delete_parcels(conn, [parcel.id for before, _r, _g in replaced for parcel in before])
            insert_rows(
                conn,
                "parcels",
                ("id", "object_id", "kadastrale_aanduiding", "area_m2"),
                [(min(parcel.id for parcel in before), *row) for before, row, _g in replaced],
                np.array([g for _b, _r, g in replaced], dtype=object),
            )
        insert_rows(
            conn,
            "parcels",
            ("object_id", "kadastrale_aanduiding", "area_m2"),
            [row for row, _g in new],
            np.array([g for _r, g in new], dtype=object),
        )
        set_kadastrale_aanduidingen(conn, {oid: parcels[k][1] for oid, k in linked})
        fix_sequences(conn, ("parcels",))
        analyze(conn, ("parcels", "objects"))
    report.counts["objects_linked"] = len(linked)
    return report


def _parcel(record, columns, geometry_field, problems, report, file_name):
    """(row, aanduiding, size, multipolygon) of one feature, or None with its problems added."""
    row, values = record.line, record.values
    code = str(values.get("code") or "").strip().upper()
    section = str(values.get("section") or "").strip().upper()
    raw_number = values.get("number")
    ok = True
    if not _CODE.fullmatch(code):
        problems.add(row, columns["code"], tr("parcels.bad_code", value=code))
        ok = False
    if not _SECTION.fullmatch(section):
        problems.add(row, columns["section"], tr("parcels.bad_section", value=section))
        ok = False
    number = number_from_one(raw_number, policy.PARCEL_NUMBER_MAX)
    if number is None:
        shown = "" if raw_number is None else raw_number
        problems.add(
            row,
            columns["number"],
            tr("parcels.bad_number", value=shown, max=policy.PARCEL_NUMBER_MAX),
        )
        ok = False
    size = None
    if values.get("size") not in (None, ""):
        try:
            size = decimal_number(values["size"]) or None
        except ValueError:
            problems.add(row, columns["size"], tr("parcels.bad_size", value=values["size"]))
            ok = False
    geom = record.geometry
    if geom is None:
        return None  # the reader said what is wrong
    if not geom.is_valid:
        reason = shapely.is_valid_reason(geom)
        fixed = as_multipolygon(geom)
        if fixed is None or fixed.is_empty or fixed.area == 0:
            problems.add(row, geometry_field, tr("parcels.unrepairable", reason=reason))
            return None
        if ok:
            report.changes.append(tr("parcels.repaired", where=f"{file_name}:{row}", reason=reason))
        geom = fixed
    else:
        geom = as_multipolygon(geom)
    if not ok:
        return None
    return row, f"{code} {section} {number}", size, geom


def _same(before, row: tuple, geom) -> bool:
    """Whether a stored parcel has the object, size and outline of the parcel just read."""
    object_id, _aanduiding, area = row
    return (
        before.object_id == object_id
        and before.area_m2 is not None
        and abs(float(before.area_m2) - float(area)) < 1e-9
        and before.geometry is not None
        and shapely.equals_exact(before.geometry, geom, tolerance=1e-6)
    )


def _link(objects, parcels):
    """Per parcel the lowest object id inside it, and (object, parcel) for objects lacking one."""
    owner_of: list[int | None] = [None] * len(parcels)
    linked: list[tuple[int, int]] = []
    if not objects or not parcels:
        return owner_of, linked
    tree = shapely.STRtree(parcels)
    points = shapely.points([o.x for o in objects], [o.y for o in objects])
    point_idx, parcel_idx = tree.query(points, predicate="within")
    for pi, ki in sorted(zip(point_idx.tolist(), parcel_idx.tolist())):
        oid, current = objects[pi].id, objects[pi].kadastrale_aanduiding
        if owner_of[ki] is None or oid < owner_of[ki]:
            owner_of[ki] = oid
        if not current:
            linked.append((oid, ki))
    return owner_of, linked
