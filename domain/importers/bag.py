"""PDOK's BAG GeoPackage → objects and addresses.

One object per *verblijfsobject* (an apartment has its own cadastral apartment right, so it is
its own object); the construction year comes from the *pand* it lies in (or the verblijfsobject
itself where the file carries it). Withdrawn or never-built verblijfsobjecten are skipped and
counted; anything malformed rejects the whole file with every problem listed.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import numpy as np
import shapely
from sqlalchemy import text

from domain import policy
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
from domain.store.bulk import analyze, fix_sequences, insert_rows, next_id
from domain.store.repository import normalise_search_key

register(
    {
        "bag.bad_id": (
            "identificatie '{value}' is geen BAG-id van 16 cijfers",
            "identificatie '{value}' is not a 16-digit BAG id",
        ),
        "bag.duplicate": (
            "identificatie {value} komt twee keer voor (ook op rij {other})",
            "identificatie {value} occurs twice (also on row {other})",
        ),
        "bag.bad_postcode": (
            "postcode '{value}' is geen Nederlandse postcode (1234AB)",
            "postcode '{value}' is not a Dutch postcode (1234AB)",
        ),
        "bag.bad_number": (
            "huisnummer '{value}' is geen positief geheel getal",
            "huisnummer '{value}' is not a positive whole number",
        ),
        "bag.bad_year": (
            "bouwjaar '{value}' ligt niet tussen 1000 en {max}",
            "bouwjaar '{value}' is not between 1000 and {max}",
        ),
        "bag.no_geometry": (
            "geen (geldige) puntgeometrie",
            "no (valid) point geometry",
        ),
        "bag.unknown_pand": (
            "pand {value} staat niet in de laag pand",
            "pand {value} is not in the pand layer",
        ),
    }
)

ACTIVE_STATUSES = (
    "verblijfsobject in gebruik",
    "verblijfsobject in gebruik (niet ingemeten)",
    "verblijfsobject buiten gebruik",
    "verbouwing verblijfsobject",
    "verblijfsobject gevormd",
)
_POSTCODE = re.compile(r"^(\d{4})\s?([A-Za-z]{2})$")
REQUIRED = ("identificatie", "huisnummer", "postcode", "openbare_ruimte_naam", "woonplaats_naam")
OBJECT_COLUMNS = (
    "id",
    "x",
    "y",
    "construction_year",
    "use",
    "small",
    "place",
    "pc4",
    "origin",
    "rijksmonument",
    "in_ncg_programme",
)
ADDRESS_COLUMNS = (
    "object_id",
    "bag_vbo_id",
    "bag_num_id",
    "street",
    "house_number",
    "house_letter",
    "addition",
    "postcode",
    "place",
    "search_key",
)


def _columns(conn, layer: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA table_info("{layer}")')]


def _bag_id(value) -> str | None:
    if value is None:
        return None
    textual = str(value).strip()
    if textual.isdigit() and len(textual) <= 16:
        return textual.zfill(16)
    return None


def import_bag(store, path, dry_run: bool = False) -> ImportReport:
    path = Path(path)
    name = path.name
    conn = open_gpkg(path)
    try:
        layers = gpkg_layers(conn)
        if "verblijfsobject" not in layers:
            raise fail(
                name,
                tr(
                    "import.no_layer",
                    layer="verblijfsobject",
                    present=", ".join(sorted(layers)) or "-",
                ),
            )
        geom_col, srs = layers["verblijfsobject"]
        cols = _columns(conn, "verblijfsobject")
        for column in REQUIRED:
            if column not in cols:
                raise fail(
                    f"{name}:verblijfsobject",
                    tr("import.missing_column", column=column, present=", ".join(cols)),
                    column,
                )
        years = _pand_years(conn) if "pand" in layers else {}
        rows = _read_rows(conn, geom_col, cols)
        crs = gpkg_crs(conn, srs)
    finally:
        conn.close()
    problems = Problems(f"{name}:verblijfsobject")
    report = ImportReport(str(path), dry_run)
    with store.engine.connect() as db:
        existing = {
            r[0]
            for r in db.execute(
                text("SELECT bag_vbo_id FROM addresses WHERE bag_vbo_id IS NOT NULL")
            )
        }
    accepted = _validate(rows, years, bool(years), problems, report, existing)
    problems.raise_if_any()
    if not accepted:
        report.counts = {"objects": 0, "addresses": 0}
        return report
    points = to_rd(np.array([a["geom"] for a in accepted], dtype=object), crs)
    report.counts = {"objects": len(accepted), "addresses": len(accepted)}
    if dry_run:
        return report
    with store.engine.begin() as db:
        first = next_id(db, "objects")
        object_rows, address_rows = [], []
        for k, (a, point) in enumerate(zip(accepted, points)):
            oid = first + k
            object_rows.append(
                (
                    oid,
                    round(point.x, 3),
                    round(point.y, 3),
                    a["year"],
                    a["use"],
                    a["small"],
                    a["place"],
                    a["postcode"][:4],
                    "bag",
                    False,
                    False,
                )
            )
            address_rows.append(
                (
                    oid,
                    a["id"],
                    a["num_id"],
                    a["street"],
                    a["number"],
                    a["letter"],
                    a["addition"],
                    a["postcode"],
                    a["place"],
                    normalise_search_key(
                        a["street"], f"{a['number']}{a['letter'] or ''}", a["place"]
                    ),
                )
            )
        insert_rows(db, "objects", OBJECT_COLUMNS, object_rows, points)
        insert_rows(db, "addresses", ADDRESS_COLUMNS, address_rows)
        fix_sequences(db, ("addresses",))
        analyze(db, ("objects", "addresses"))
    return report


def _pand_years(conn) -> dict[str, object]:
    cols = _columns(conn, "pand")
    if "identificatie" not in cols or "bouwjaar" not in cols:
        return {}
    return {_bag_id(i): y for i, y in conn.execute("SELECT identificatie, bouwjaar FROM pand")}


def _read_rows(conn, geom_col, cols):
    wanted = [
        "identificatie",
        "pand_identificatie",
        "gebruiksdoel",
        "oppervlakte",
        "status",
        "postcode",
        "huisnummer",
        "huisletter",
        "toevoeging",
        "openbare_ruimte_naam",
        "woonplaats_naam",
        "bouwjaar",
        "nummeraanduiding_hoofdadres_identificatie",
    ]
    select = [c if c in cols else "NULL" for c in wanted]
    select.append(f'"{geom_col}"' if geom_col else "NULL")
    pk = "fid" if "fid" in cols else "rowid"
    sql = f"SELECT {pk}, {', '.join(select)} FROM verblijfsobject ORDER BY {pk}"
    return [dict(zip(["row", *wanted, "geom"], r)) for r in conn.execute(sql)]


def _validate(rows, years, have_pand, problems, report, existing) -> list[dict]:
    max_year = dt.date.today().year + 5
    seen: dict[str, int] = {}
    accepted = []
    skipped_status = skipped_present = 0
    for r in rows:
        line = r["row"]
        status = (r["status"] or "").strip().lower()
        if status and status not in ACTIVE_STATUSES:
            skipped_status += 1
            continue
        ok = True
        vbo = _bag_id(r["identificatie"])
        if vbo is None:
            problems.add(line, "identificatie", tr("bag.bad_id", value=r["identificatie"]))
            ok = False
        elif vbo in seen:
            problems.add(line, "identificatie", tr("bag.duplicate", value=vbo, other=seen[vbo]))
            ok = False
        else:
            seen[vbo] = line
        pc = _POSTCODE.match(str(r["postcode"] or "").strip())
        if not pc:
            problems.add(line, "postcode", tr("bag.bad_postcode", value=r["postcode"] or ""))
            ok = False
        try:
            number = int(str(r["huisnummer"]).strip())
            if number < 1:
                raise ValueError
        except (TypeError, ValueError):
            problems.add(line, "huisnummer", tr("bag.bad_number", value=r["huisnummer"] or ""))
            ok = False
            number = None
        year_raw = r["bouwjaar"]
        if year_raw is None and have_pand:
            pand = _bag_id(r["pand_identificatie"])
            if pand not in years:
                problems.add(
                    line,
                    "pand_identificatie",
                    tr("bag.unknown_pand", value=r["pand_identificatie"]),
                )
                ok = False
            year_raw = years.get(pand)
        year = None
        if year_raw not in (None, ""):
            try:
                year = int(str(year_raw).strip())
                if not 1000 <= year <= max_year:
                    raise ValueError
            except ValueError:
                problems.add(line, "bouwjaar", tr("bag.bad_year", value=year_raw, max=max_year))
                ok = False
        geom = None
        try:
            geom = geometry_from_blob(r["geom"])
        except Exception:  # a broken blob is a problem of that row
            geom = None
        if geom is not None and not geom.is_empty and geom.geom_type != "Point":
            geom = shapely.point_on_surface(geom)
        if geom is None or geom.is_empty:
            problems.add(line, "geom", tr("bag.no_geometry"))
            ok = False
        if not ok:
            continue
        if vbo in existing:
            skipped_present += 1
            continue
        uses = str(r["gebruiksdoel"] or "").lower()
        try:
            area = float(r["oppervlakte"]) if r["oppervlakte"] not in (None, "") else None
        except ValueError:
            area = None
        accepted.append(
            {
                "id": vbo,
                "num_id": _bag_id(r["nummeraanduiding_hoofdadres_identificatie"]),
                "postcode": (pc.group(1) + pc.group(2)).upper(),
                "number": number,
                "letter": (str(r["huisletter"]).strip().upper() or None)
                if r["huisletter"]
                else None,
                "addition": (str(r["toevoeging"]).strip() or None) if r["toevoeging"] else None,
                "street": str(r["openbare_ruimte_naam"] or "").strip(),
                "place": str(r["woonplaats_naam"] or "").strip(),
                "year": year,
                "use": "woning" if "woonfunctie" in uses else "niet-woning",
                "small": area is not None and area < policy.BAG_SMALL_OBJECT_MAX_M2,
                "geom": geom,
            }
        )
    if skipped_status:
        report.skipped["status_not_active"] = skipped_status
    if skipped_present:
        report.skipped["already_in_store"] = skipped_present
    return accepted
