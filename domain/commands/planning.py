"""Sub-commands for planning: ``startgebied`` (door-to-door visit list) and ``overzicht``."""

from __future__ import annotations

import argparse
import datetime as dt

from domain.i18n import register as register_texts
from domain.i18n import tr

register_texts(
    {
        "plan.cmd.startgebied": (
            "bezoeklijst van een startgebied: elk adres met situatie en reden, in looproute",
            "visit list of a start area: every address with situation and reason, in walking order",
        ),
        "plan.cmd.overzicht": (
            "regionaal overzicht per gemeente of PC4, eventueel na een scenario-beving",
            "regional overview per municipality or PC4, optionally after a scenario quake",
        ),
        "plan.cmd.store": ("opslag (GeoPackage of PostGIS)", "store (GeoPackage or PostGIS)"),
        "plan.cmd.area_id": ("id van een startgebied in de opslag", "id of a stored start area"),
        "plan.cmd.polygon": ("polygoon als WKT in RD New", "polygon as WKT in RD New"),
        "plan.cmd.start": ("startpunt (RD, meter)", "start point (RD, metres)"),
        "plan.cmd.situation": (
            "alleen adressen met deze situatie (herhaalbaar): {choices}",
            "only addresses in this situation (repeatable): {choices}",
        ),
        "plan.cmd.csv": ("schrijf CSV (; gescheiden, voor Excel)", "write CSV (; separated)"),
        "plan.cmd.xlsx": ("schrijf XLSX", "write XLSX"),
        "plan.cmd.gpkg": (
            "schrijf GeoPackage met route en genummerde adressen",
            "write a GeoPackage with the route and numbered stops",
        ),
        "plan.cmd.json": ("uitvoer als JSON", "output as JSON"),
        "plan.cmd.as_of": ("peildatum JJJJ-MM-DD (standaard vandaag)", "date YYYY-MM-DD"),
        "plan.cmd.by": ("indeling: gemeente of pc4", "grouping: gemeente or pc4"),
        "plan.cmd.scenario": ("scenario-beving: {what}", "scenario quake: {what}"),
        "plan.cmd.scenario_incomplete": (
            "Een scenario vraagt --scenario-x, --scenario-y en --scenario-ml (datum optioneel).",
            "A scenario needs --scenario-x, --scenario-y and --scenario-ml (date optional).",
        ),
        "plan.cmd.start_incomplete": (
            "Geef zowel --start-x als --start-y, of geen van beide.",
            "Give both --start-x and --start-y, or neither.",
        ),
        "plan.cmd.bad_date": (
            "geen geldige datum: {value} (schrijf JJJJ-MM-DD)",
            "not a valid date: {value} (write YYYY-MM-DD)",
        ),
        "plan.out.head": (
            "{area}: {shown} van {total} adressen, peildatum {day}",
            "{area}: {shown} of {total} addresses, as of {day}",
        ),
        "plan.out.route": (
            "Looproute {route:.0f} m; in adresvolgorde {plain:.0f} m ({ratio:.0%}).",
            "Walking route {route:.0f} m; in address order {plain:.0f} m ({ratio:.0%}).",
        ),
        "plan.out.written": ("Geschreven: {path}", "Written: {path}"),
        "plan.out.boundaries": (
            "Gegroepeerd naar officiële grenzen ({files}, {years}); {outside} objecten buiten de "
            "grenzen.",
            "Grouped by official boundaries ({files}, {years}); {outside} objects outside the "
            "boundaries.",
        ),
        "plan.out.own_text": (
            "Gegroepeerd naar de gemeente/PC4 die bij elk object staat (geen officiële grenzen "
            "in de opslag; zie import-boundaries).",
            "Grouped by the municipality/PC4 recorded with each object (no official boundaries "
            "in the store; see import-boundaries).",
        ),
        "plan.out.scenario": (
            "Na een beving ML {ml} op ({x:.0f}, {y:.0f}) op {date}: {reached} objecten boven "
            "2 mm/s. Veranderingen:",
            "After a quake ML {ml} at ({x:.0f}, {y:.0f}) on {date}: {reached} objects above "
            "2 mm/s. Changes:",
        ),
    }
)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(tr("plan.cmd.bad_date", value=text)) from None


def register(sub) -> None:
    """Add ``startgebied`` and ``overzicht`` to the ``imgschade`` parser."""
    from domain.planning.overview import GROUPINGS
    from domain.planning.visits import SITUATIONS

    p = sub.add_parser("startgebied", help=tr("plan.cmd.startgebied"))
    p.add_argument("store", help=tr("plan.cmd.store"))
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--area-id", type=int, help=tr("plan.cmd.area_id"))
    where.add_argument("--polygon", help=tr("plan.cmd.polygon"))
    p.add_argument("--start-x", type=float, help=tr("plan.cmd.start"))
    p.add_argument("--start-y", type=float, help=tr("plan.cmd.start"))
    p.add_argument(
        "--situation",
        action="append",
        choices=SITUATIONS,
        metavar="S",
        help=tr("plan.cmd.situation", choices=", ".join(SITUATIONS)),
    )
    p.add_argument("--as-of", type=_date, help=tr("plan.cmd.as_of"))
    p.add_argument("--csv", help=tr("plan.cmd.csv"))
    p.add_argument("--xlsx", help=tr("plan.cmd.xlsx"))
    p.add_argument("--route-gpkg", help=tr("plan.cmd.gpkg"))
    p.add_argument("--json", action="store_true", help=tr("plan.cmd.json"))
    p.set_defaults(handler=_startgebied)

    p = sub.add_parser("overzicht", help=tr("plan.cmd.overzicht"))
    p.add_argument("store", help=tr("plan.cmd.store"))
    p.add_argument("--by", choices=tuple(GROUPINGS), default="gemeente", help=tr("plan.cmd.by"))
    p.add_argument("--as-of", type=_date, help=tr("plan.cmd.as_of"))
    p.add_argument("--csv", help=tr("plan.cmd.csv"))
    p.add_argument("--json", action="store_true", help=tr("plan.cmd.json"))
    for name, kind in (("x", float), ("y", float), ("ml", float), ("depth", float)):
        p.add_argument(f"--scenario-{name}", type=kind, help=tr("plan.cmd.scenario", what=name))
    p.add_argument("--scenario-date", type=_date, help=tr("plan.cmd.scenario", what="datum"))
    p.set_defaults(handler=_overzicht)


def _startgebied(args) -> int:
    from domain.cli import emit
    from domain.errors import DomainError
    from domain.planning import export
    from domain.planning.visits import visit_list
    from domain.store import open_store

    if (args.start_x is None) != (args.start_y is None):
        raise DomainError(tr("plan.cmd.start_incomplete"))
    start = None if args.start_x is None else (args.start_x, args.start_y)
    area = args.area_id if args.area_id is not None else args.polygon
    with open_store(args.store) as store:
        visits = visit_list(store, area, start=start, situations=args.situation, as_of=args.as_of)
    written = []
    if args.csv:
        written.append(str(export.visits_csv(visits, args.csv)))
    if args.xlsx:
        written.append(str(export.visits_xlsx(visits, args.xlsx)))
    if args.route_gpkg:
        written.append(str(export.route_geopackage(visits, args.route_gpkg)))
    ratio = visits.route_length_m / visits.address_order_length_m if visits.rows else 1.0
    payload = {
        "area": visits.area_name,
        "as_of": visits.as_of.isoformat(),
        "total_addresses": visits.total_addresses,
        "counts": visits.counts,
        "start": visits.start,
        "route_length_m": round(visits.route_length_m, 1),
        "address_order_length_m": round(visits.address_order_length_m, 1),
        "rows": [
            {
                "order": stop.order,
                "address": stop.address,
                "postcode": stop.postcode,
                "place": stop.place,
                "object_id": stop.object_id,
                "situations": list(stop.situation_codes),
                "situation_labels": stop.situations,
                "reason": stop.reason,
                "reopening_quakes": list(stop.reopening_quakes),
                "x": stop.x,
                "y": stop.y,
            }
            for stop in visits.rows
        ],
        "written": written,
    }
    lines = [
        tr(
            "plan.out.head",
            area=visits.area_name,
            shown=len(visits.rows),
            total=visits.total_addresses,
            day=visits.as_of.isoformat(),
        ),
        tr(
            "plan.out.route",
            route=visits.route_length_m,
            plain=visits.address_order_length_m,
            ratio=ratio if visits.address_order_length_m else 1.0,
        ),
    ]
    for stop in visits.rows:
        situations = ", ".join(stop.situations)
        lines.append(
            f"{stop.order:4d}. {stop.address}, {stop.postcode} {stop.place} — {situations}"
        )
        lines.append(f"      {stop.reason}")
    lines += [tr("plan.out.written", path=path) for path in written]
    emit(args, payload, "\n".join(lines))
    return 0


def _overzicht(args) -> int:
    from domain.cli import emit
    from domain.errors import DomainError
    from domain.planning.overview import (
        COLUMNS,
        ScenarioQuake,
        overview_csv,
        overview_header,
        regional_overview,
    )
    from domain.store import open_store

    parts = (args.scenario_x, args.scenario_y, args.scenario_ml)
    scenario = None
    if any(part is not None for part in parts) or args.scenario_date is not None:
        if any(part is None for part in parts):
            raise DomainError(tr("plan.cmd.scenario_incomplete"))
        scenario = ScenarioQuake(
            args.scenario_x,
            args.scenario_y,
            args.scenario_ml,
            args.scenario_date or args.as_of or dt.date.today(),
            args.scenario_depth,
        )
    with open_store(args.store) as store:
        overview = regional_overview(store, by=args.by, as_of=args.as_of, scenario=scenario)
    written = []
    if args.csv:
        written.append(str(overview_csv(overview.rows, args.by, args.csv)))
        if overview.delta is not None:
            delta_path = (
                args.csv[:-4] + "_delta.csv" if args.csv.endswith(".csv") else args.csv + "_delta"
            )
            written.append(str(overview_csv(overview.delta, args.by, delta_path)))
    payload = {
        "by": overview.by,
        "as_of": overview.as_of.isoformat(),
        "rows": overview.rows,
        "totals": overview.totals,
        "scenario": overview.scenario,
        "after": overview.after,
        "delta": overview.delta,
        "delta_totals": overview.delta_totals if overview.scenario else None,
        "boundaries": overview.boundaries,
        "written": written,
    }
    header = overview_header(args.by)

    def table(rows) -> list[str]:
        out = [" | ".join(header)]
        out += [
            " | ".join(str(cell) for cell in [row["group"], *(row[c] for c in COLUMNS)])
            for row in rows
        ]
        return out

    lines = table(overview.rows + [{"group": tr("ov.total"), **overview.totals}])
    if overview.scenario:
        quake = overview.scenario
        lines += [
            "",
            tr(
                "plan.out.scenario",
                ml=quake["ml"],
                x=quake["x"],
                y=quake["y"],
                date=quake["date"],
                reached=quake["objects_reached"],
            ),
        ]
        lines += table(overview.delta + [{"group": tr("ov.total"), **overview.delta_totals}])
    lines.append(_grouping_line(overview.boundaries))
    lines += [tr("plan.out.written", path=path) for path in written]
    emit(args, payload, "\n".join(lines))
    return 0


def _grouping_line(boundaries: dict | None) -> str:
    """Which areas the rows are: the official boundaries (and how many objects fell outside),
    or the municipality / PC4 text recorded with the objects."""
    if not boundaries:
        return tr("plan.out.own_text")
    return tr(
        "plan.out.boundaries",
        files=", ".join(boundaries.get("files") or ()) or "?",
        years=", ".join(str(y) for y in boundaries.get("years") or ()) or "?",
        outside=boundaries.get("outside", 0),
    )
