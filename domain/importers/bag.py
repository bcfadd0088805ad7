"""PDOK's BAG (GeoPackage ``bag-light``, or GML/GeoJSON/… with a ``verblijfsobject`` layer) →
objects and addresses.

One object per *verblijfsobject* (an apartment has its own cadastral apartment right, so it is
its own object); the construction year comes from the *pand* it lies in (or the verblijfsobject
itself where the file carries it). Withdrawn or never-built verblijfsobjecten are skipped and
counted, and so are those already in the store (importing a file again adds nothing); anything
malformed rejects the whole file with every problem listed.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import numpy as np
import shapely

from domain import policy
from domain.i18n import register, tr
from domain.importers.common import ImportReport, Problems, enter_stage
from domain.importers.vector import (
    POINT,
    XY,
    check_length,
    column_limit,
    decimal_number,
    number_from_one,
    open_vector,
    whole_number,
)
from domain.store import schema
from domain.store.bulk import analyze, fix_sequences, insert_rows, next_id
from domain.store.objects import stored_bag_ids
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
            "huisnummer '{value}' is geen geheel getal van 1 tot en met {max}",
            "huisnummer '{value}' is not a whole number from 1 to {max}",
        ),
        "bag.bad_year": (
            "bouwjaar '{value}' is geen jaar tussen {min} en {max}",
            "bouwjaar '{value}' is not a year between {min} and {max}",
        ),
        "bag.bad_letter": (
            "huisletter '{value}' is niet één letter",
            "huisletter '{value}' is not a single letter",
        ),
        "bag.bad_area": (
            "oppervlakte '{value}' is geen getal van vierkante meters",
            "oppervlakte '{value}' is not a number of square metres",
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
_POSTCODE = re.compile(r"([0-9]{4}) ?([A-Za-z]{2})", re.ASCII)
_DIGITS = re.compile(r"[0-9]{1,16}", re.ASCII)
_LETTER = re.compile(r"[A-Za-z]", re.ASCII)
REQUIRED = ("identificatie", "huisnummer", "postcode", "openbare_ruimte_naam", "woonplaats_naam")
#: the fields read, each with the names it has in PDOK's GeoPackage and in its WFS/GML
_ALIASES = {
    "identificatie": ("identificatie",),
    "pand_identificatie": ("pand_identificatie", "pandidentificatie"),
    "gebruiksdoel": ("gebruiksdoel",),
    "oppervlakte": ("oppervlakte",),
    "status": ("status",),
    "postcode": ("postcode",),
    "huisnummer": ("huisnummer",),
    "huisletter": ("huisletter",),
    "toevoeging": ("toevoeging", "huisnummertoevoeging"),
    "openbare_ruimte_naam": ("openbare_ruimte_naam", "openbare_ruimte", "openbareruimtenaam"),
    "woonplaats_naam": ("woonplaats_naam", "woonplaats", "woonplaatsnaam"),
    "bouwjaar": ("bouwjaar",),
    "nummeraanduiding_hoofdadres_identificatie": (
        "nummeraanduiding_hoofdadres_identificatie",
        "hoofdadresnummeraanduidingidentificatie",
    ),
}
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


def _bag_id(value) -> str | None:
    """A BAG identificatie as its 16 digits (leading zeros restored), else None."""
    if value is None or isinstance(value, (bool, float)):
        return None
    textual = str(value).strip()
    return textual.zfill(16) if _DIGITS.fullmatch(textual) else None


def import_bag(
    store, path, dry_run: bool = False, crs: str | None = None, stage=None
) -> ImportReport:
    """``stage(key)``: told as ``read`` and ``write`` start (see ``enter_stage``)."""
    path = Path(path)
    enter_stage(stage, "read")
    problems = Problems(path.name)
    report = ImportReport(str(path), dry_run)
    with store.engine.connect() as db:
        existing = stored_bag_ids(db)
    with open_vector(path) as source:
        vbo = source.layer(prefer=("verblijfsobject",), exclude=("pand",), geometry=POINT, crs=crs)
        report.changes.extend(vbo.notes)
        columns = {
            key: vbo.column(*aliases, required=key if key in REQUIRED else None)
            for key, aliases in _ALIASES.items()
        }
        pand = source.find_layer("pand")
        pand_problems = Problems(f"{path.name}:pand")
        years = _pand_years(pand, pand_problems) if pand is not None else {}
        pand_problems.raise_if_any()
        check = _Check(columns, vbo.geometry_field, years, problems, existing)
        for record in vbo.records(columns, problems):
            check(record)
    problems.raise_if_any()
    if check.skipped_status:
        report.skipped["status_not_active"] = check.skipped_status
    if check.skipped_present:
        report.skipped["already_in_store"] = check.skipped_present
    accepted = check.accepted
    report.counts = {"objects": len(accepted), "addresses": len(accepted)}
    if dry_run or not accepted:
        return report
    enter_stage(stage, "write")
    points = shapely.points(np.array([vbo["geom"] for vbo in accepted], dtype=float))
    with store.engine.begin() as db:
        first = next_id(db, "objects")
        object_rows, address_rows = [], []
        for k, vbo in enumerate(accepted):
            object_id = first + k
            point = vbo["geom"]
            object_rows.append(
                (
                    object_id,
                    round(point.x, 3),
                    round(point.y, 3),
                    vbo["year"],
                    vbo["use"],
                    vbo["small"],
                    vbo["place"],
                    vbo["postcode"][:4],
                    "bag",
                    False,
                    False,
                )
            )
            address_rows.append(
                (
                    object_id,
                    vbo["id"],
                    vbo["num_id"],
                    vbo["street"],
                    vbo["number"],
                    vbo["letter"],
                    vbo["addition"],
                    vbo["postcode"],
                    vbo["place"],
                    normalise_search_key(
                        vbo["street"], f"{vbo['number']}{vbo['letter'] or ''}", vbo["place"]
                    ),
                )
            )
        insert_rows(db, "objects", OBJECT_COLUMNS, object_rows, points)
        insert_rows(db, "addresses", ADDRESS_COLUMNS, address_rows)
        fix_sequences(db, ("addresses",))
        analyze(db, ("objects", "addresses"))
    return report


def _pand_years(layer, problems: Problems) -> dict[str, object]:
    """Pand id → bouwjaar as found (checked where a verblijfsobject uses it)."""
    id_col, year_col = layer.column("identificatie"), layer.column("bouwjaar")
    if id_col is None or year_col is None:
        return {}
    years = {}
    for record in layer.records({"id": id_col, "year": year_col}, problems, empty_ok=True):
        years[_bag_id(record.values["id"])] = record.values["year"]
    return years


class _Check:
    """Checks one verblijfsobject at a time; keeps only what the import writes."""

    def __init__(self, columns, geometry_field, years, problems, existing) -> None:
        self.columns = columns
        self.geometry_field = geometry_field
        self.years = years
        self.have_pand = bool(years)
        self.problems = problems
        self.existing = existing
        self.max_year = dt.date.today().year + policy.BAG_YEAR_AHEAD
        self.seen: dict[str, int] = {}
        self.accepted: list[dict] = []
        self.skipped_status = 0
        self.skipped_present = 0
        self.limits = {
            "street": column_limit(schema.addresses, "street"),
            "place": min(
                column_limit(schema.addresses, "place") or 10**6,
                column_limit(schema.objects, "place") or 10**6,
            ),
            "addition": column_limit(schema.addresses, "addition"),
        }

    def field(self, key: str) -> str:
        return self.columns.get(key) or key

    def add(self, line: int, key: str, message: str) -> None:
        self.problems.add(line, self.field(key), message)

    def __call__(self, record) -> None:
        line, values = record.line, record.values
        status = str(values.get("status") or "").strip().lower()
        if status and status not in ACTIVE_STATUSES:
            self.skipped_status += 1
            return
        ok = True
        vbo = _bag_id(values.get("identificatie"))
        if vbo is None:
            self.add(line, "identificatie", tr("bag.bad_id", value=values.get("identificatie")))
            ok = False
        elif vbo in self.seen:
            self.add(line, "identificatie", tr("bag.duplicate", value=vbo, other=self.seen[vbo]))
            ok = False
        else:
            self.seen[vbo] = line
        postcode_match = _POSTCODE.fullmatch(str(values.get("postcode") or "").strip())
        if not postcode_match:
            self.add(line, "postcode", tr("bag.bad_postcode", value=values.get("postcode") or ""))
            ok = False
        number = number_from_one(values.get("huisnummer"), policy.BAG_HOUSE_NUMBER_MAX)
        if number is None:
            shown = "" if values.get("huisnummer") is None else values.get("huisnummer")
            self.add(
                line,
                "huisnummer",
                tr("bag.bad_number", value=shown, max=policy.BAG_HOUSE_NUMBER_MAX),
            )
            ok = False
        letter = str(values.get("huisletter") or "").strip() or None
        if letter is not None and not _LETTER.fullmatch(letter):
            self.add(line, "huisletter", tr("bag.bad_letter", value=letter))
            ok = False
        addition = str(values.get("toevoeging") or "").strip() or None
        street = str(values.get("openbare_ruimte_naam") or "").strip()
        place = str(values.get("woonplaats_naam") or "").strip()
        for key, value, limit in (
            ("toevoeging", addition, self.limits["addition"]),
            ("openbare_ruimte_naam", street, self.limits["street"]),
            ("woonplaats_naam", place, self.limits["place"]),
        ):
            ok = check_length(self.problems, line, self.field(key), value, limit) and ok
        num_raw = values.get("nummeraanduiding_hoofdadres_identificatie")
        num_id = _bag_id(num_raw)
        if num_raw not in (None, "") and num_id is None:
            self.add(
                line, "nummeraanduiding_hoofdadres_identificatie", tr("bag.bad_id", value=num_raw)
            )
            ok = False
        year, ok = self._year(line, values, ok)
        area = None
        if values.get("oppervlakte") not in (None, ""):
            try:
                area = decimal_number(values["oppervlakte"])
            except ValueError:
                self.add(line, "oppervlakte", tr("bag.bad_area", value=values["oppervlakte"]))
                ok = False
        geom = record.geometry  # None: the reader said what is wrong
        if geom is not None and not isinstance(geom, XY):
            inside = shapely.point_on_surface(geom)  # a polygon: a point on it
            geom = XY(inside.x, inside.y)
        if geom is None or not ok:
            return
        if vbo in self.existing:
            self.skipped_present += 1
            return
        uses = str(values.get("gebruiksdoel") or "").lower()
        self.accepted.append(
            {
                "id": vbo,
                "num_id": num_id,
                "postcode": (postcode_match.group(1) + postcode_match.group(2)).upper(),
                "number": number,
                "letter": letter.upper() if letter else None,
                "addition": addition,
                "street": street,
                "place": place,
                "year": year,
                "use": "woning" if "woonfunctie" in uses else "niet-woning",
                "small": area is not None and area < policy.BAG_SMALL_OBJECT_MAX_M2,
                "geom": geom,
            }
        )

    def _year(self, line: int, values: dict, ok: bool):
        year_raw = values.get("bouwjaar")
        if year_raw is None and self.have_pand:
            pand = _bag_id(values.get("pand_identificatie"))
            if pand not in self.years:
                self.add(
                    line,
                    "pand_identificatie",
                    tr("bag.unknown_pand", value=values.get("pand_identificatie")),
                )
                ok = False
            year_raw = self.years.get(pand)
        if year_raw in (None, ""):
            return None, ok
        try:
            year = whole_number(year_raw)
            if not policy.BAG_YEAR_MIN <= year <= self.max_year:
                raise ValueError(year_raw)
        except ValueError:
            self.add(
                line,
                "bouwjaar",
                tr("bag.bad_year", value=year_raw, min=policy.BAG_YEAR_MIN, max=self.max_year),
            )
            return None, False
        return year, ok
