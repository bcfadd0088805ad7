"""Visit lists out of the product: CSV (Excel-friendly), XLSX, and a GeoPackage route.

Exports carry addresses and situations only, never names: persons stay pseudonymous. CSV uses
``;`` and UTF-8 with a byte-order mark, which is what Dutch Excel opens without an import
dialog.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import shapely

from domain.i18n import register, tr

register(
    {
        "plan.col.order": ("Volgorde", "Order"),
        "plan.col.address": ("Adres", "Address"),
        "plan.col.postcode": ("Postcode", "Postcode"),
        "plan.col.place": ("Plaats", "Place"),
        "plan.col.object": ("Object", "Object"),
        "plan.col.situations": ("Situaties", "Situations"),
        "plan.col.reason": ("Reden voor bezoek", "Reason for a visit"),
        "plan.col.x": ("X (RD)", "X (RD)"),
        "plan.col.y": ("Y (RD)", "Y (RD)"),
        "plan.sheet": ("Bezoeklijst", "Visit list"),
        "plan.layer.route": ("Looproute", "Walking route"),
        "plan.layer.stops": ("Bezoekadressen", "Visit addresses"),
    }
)

_COLUMNS = ("order", "address", "postcode", "place", "object", "situations", "reason", "x", "y")


def visit_header(lang: str | None = None) -> list[str]:
    return [tr(f"plan.col.{column}", lang) for column in _COLUMNS]


def visit_rows(visits) -> list[list]:
    return [
        [
            visit.order,
            visit.address,
            visit.postcode,
            visit.place,
            visit.object_id,
            ", ".join(visit.situations),
            visit.reason,
            round(visit.x, 1),
            round(visit.y, 1),
        ]
        for visit in visits.rows
    ]


#: a cell starting with one of these is a formula to Excel or LibreOffice (also the full-width
#: forms, which some spreadsheet programs read as their ASCII twins)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
#: a genuine number (also with a decimal comma, as floats are written): no formula, left as is
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")


def safe_cell(value):
    """A value as a CSV cell that a spreadsheet shows and never runs (formula injection): text
    starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'``
    (OWASP's advice), except a genuine number such as ``-12,5``. Floats get a decimal comma."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, float):
        return str(value).replace(".", ",")
    if isinstance(value, int):
        return value
    text = str(value)
    if text.startswith(_FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def write_csv(path, header, rows) -> Path:
    """``;``-separated, UTF-8 with BOM, decimal comma for floats (Dutch Excel); every cell
    through :func:`safe_cell`, so no text from the store becomes a formula."""
    path = Path(path)
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";", lineterminator="\r\n")
        writer.writerow([safe_cell(v) for v in header])
        for row in rows:
            writer.writerow([safe_cell(v) for v in row])
    return path


def visits_csv(visits, path, lang: str | None = None) -> Path:
    return write_csv(path, visit_header(lang), visit_rows(visits))


def visits_xlsx(visits, path, lang: str | None = None) -> Path:
    """One sheet named after the list, the Dutch (or English) headers in the CSV's order."""
    from domain.exports.ogr_writer import write_spreadsheet

    return write_spreadsheet(
        path, visit_header(lang), visit_rows(visits), sheet_name=tr("plan.sheet", lang)
    )


def route_geopackage(visits, path, lang: str | None = None) -> Path:
    """Two layers in EPSG:28992: the walking route (one line from the start point) and the
    numbered stops (one point per address, in walking order)."""
    from domain.exports.ogr_writer import Layer, write_geopackage

    coords = [(visit.x, visit.y) for visit in visits.rows]
    if visits.start is not None:
        coords = [visits.start, *coords]
    line = shapely.LineString(coords) if len(coords) >= 2 else None
    route = Layer(
        name="looproute",
        geometries=[line],
        attributes={
            "startgebied": [visits.area_name],
            "adressen": [len(visits.rows)],
            "lengte_m": [round(visits.route_length_m, 1)],
            "lengte_adresvolgorde_m": [round(visits.address_order_length_m, 1)],
            "peildatum": [visits.as_of],
        },
        geometry_type="LINESTRING",
        description=tr("plan.layer.route", lang),
    )
    rows = visits.rows
    stops = Layer(
        name="bezoekadressen",
        geometries=[shapely.Point(visit.x, visit.y) for visit in rows],
        attributes={
            "volgorde": [visit.order for visit in rows],
            "adres": [visit.address for visit in rows],
            "postcode": [visit.postcode for visit in rows],
            "plaats": [visit.place for visit in rows],
            "object_id": [visit.object_id for visit in rows],
            "situaties": [", ".join(visit.situations) for visit in rows],
            "situatie_codes": [",".join(visit.situation_codes) for visit in rows],
            "reden": [visit.reason for visit in rows],
        },
        geometry_type="POINT",
        description=tr("plan.layer.stops", lang),
    )
    return write_geopackage(path, [route, stops])
