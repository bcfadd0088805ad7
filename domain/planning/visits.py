"""The visit list of a start area: every address inside, its situations, in walking order.

This is what a municipality prints for the door-to-door round and what the QGIS adapter shows;
the adapter calls :func:`visit_list` and holds no rule of its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import shapely

from domain.errors import DomainError
from domain.i18n import register, tr
from domain.presentation.text_format import postcode as postcode_text

#: situation codes in display order (labels in domain.planning.texts)
SITUATIONS = (
    "never_claimed",
    "claim_open",
    "overdue",
    "final",
    "may_claim_again",
    "dh_eligible",
    "samenloop",
    "ncg_without_claim",
    "handoff_running",
)

register(
    {
        "plan.area_missing": (
            "Gebied {area} bestaat niet in de opslag; kies een id uit 'imgschade info' of geef "
            "een polygoon (WKT in RD New).",
            "Area {area} is not in the store; pick an id from 'imgschade info' or give a polygon "
            "(WKT in RD New).",
        ),
        "plan.area_not_start": (
            "Gebied {area} is een '{kind}', geen startgebied; kies een gebied van soort "
            "start_area.",
            "Area {area} is a '{kind}', not a start area; choose an area of kind start_area.",
        ),
        "plan.bad_polygon": (
            "De polygoon is geen geldige WKT-polygoon in RD New (EPSG:28992): {problem}. Geef "
            "bijvoorbeeld 'POLYGON((245000 593000, 246000 593000, 246000 594000, 245000 593000))'.",
            "The polygon is not a valid WKT polygon in RD New (EPSG:28992): {problem}. Give for "
            "example 'POLYGON((245000 593000, 246000 593000, 246000 594000, 245000 593000))'.",
        ),
        "plan.unknown_situation": (
            "Onbekende situatie '{value}'; kies uit: {choices}.",
            "Unknown situation '{value}'; choose from: {choices}.",
        ),
        "plan.drawn_area": ("Getekend startgebied", "Drawn start area"),
        "plan.cancelled": ("Planning gestopt op verzoek.", "Planning stopped on request."),
    }
)


@dataclass
class VisitRow:
    """One address on the visit list (persons stay pseudonymous: no names)."""

    order: int  # 1-based position in the walking order
    address: str  # "Street 12a"
    postcode: str
    place: str
    object_id: int
    situations: list[str]  # Dutch (or chosen language) labels
    reason: str  # the sentence why to ring this bell
    x: float
    y: float
    situation_codes: tuple[str, ...] = ()
    reopening_quakes: tuple[str, ...] = ()  # "2024-05-01 Wirdum ML 2.6 (6.1 mm/s)"


@dataclass
class VisitList:
    rows: list[VisitRow]
    route_length_m: float
    address_order_length_m: float
    area_name: str
    polygon_wkt: str
    start: tuple[float, float] | None = None
    as_of: dt.date | None = None
    total_addresses: int = 0  # before the situation filter
    counts: dict[str, int] = field(default_factory=dict)  # per situation code


def visit_list(
    store,
    area,
    start: tuple[float, float] | None = None,
    situations=None,
    as_of: dt.date | None = None,
    lang: str | None = None,
    progress=None,
    cancel=None,
) -> VisitList:
    """Every address in ``area`` (a start-area id or a polygon WKT in EPSG:28992) with its
    situations as of ``as_of`` (default today), in walking order from ``start`` (default: the
    first address in street order). ``situations`` keeps only addresses with at least one of
    those codes (see ``SITUATIONS``). ``progress(percent)`` and ``cancel() -> bool`` let a
    task show progress and stop between steps (raises ``Cancelled``)."""
    from domain.planning.route import path_length, walking_order
    from domain.planning.situations import situations_of
    from domain.planning.texts import situation_label, visit_reason
    from domain.presentation.text_format import quake_text
    from domain.store.planning_reads import addresses_in_street_order, objects_inside
    from domain.store.rule_input import read_rule_input

    as_of = as_of or dt.date.today()
    wanted = check_situations(situations)
    with store.engine.connect() as conn:
        name, polygon = resolve_area(conn, area, lang)
        ids = objects_inside(conn, polygon)
        step(progress, cancel, 10)
        inp = read_rule_input(conn, ids)
        addresses = addresses_in_street_order(conn, ids)
    step(progress, cancel, 50)
    found = situations_of(inp, as_of)
    rows: list[VisitRow] = []
    counts = {code: 0 for code in SITUATIONS}
    position = {oid: i for i, oid in enumerate(inp.ids.tolist())}
    coords = np.column_stack([inp.xs, inp.ys])
    for address in addresses:
        oid = address.object_id
        i = position[oid]
        codes = found.codes_at(i)
        for code in codes:
            counts[code] += 1
        if wanted and not wanted.intersection(codes):
            continue
        reopening = tuple(
            quake_text(label, pgv, lang) for label, pgv in found.reopening_quakes.get(i, ())
        )
        label = f"{address.street or ''} {address.house_number or ''}{address.house_letter or ''}"
        if address.addition:
            label += f"-{address.addition}"
        rows.append(
            VisitRow(
                order=0,
                address=label.strip(),
                postcode=postcode_text(address.postcode),
                place=address.place or "",
                object_id=int(oid),
                situations=[situation_label(c, lang) for c in codes],
                reason=visit_reason(codes, list(reopening), inp.handoff_targets.get(oid, ""), lang),
                x=float(coords[i, 0]),
                y=float(coords[i, 1]),
                situation_codes=codes,
                reopening_quakes=reopening,
            )
        )
    step(progress, cancel, 70)
    points = np.array([(r.x, r.y) for r in rows], dtype=float).reshape(-1, 2)
    depot = (rows[0].x, rows[0].y) if start is None and rows else start
    route = walking_order(points, depot)
    plain = path_length(points, np.arange(len(rows)), depot)
    ordered = [rows[k] for k in route.order]
    for k, row in enumerate(ordered, start=1):
        row.order = k
    step(progress, cancel, 100)
    return VisitList(
        rows=ordered,
        route_length_m=route.length_m,
        address_order_length_m=plain,
        area_name=name,
        polygon_wkt=polygon.wkt,
        start=None if depot is None else (float(depot[0]), float(depot[1])),
        as_of=as_of,
        total_addresses=len(addresses),
        counts=counts,
    )


def step(progress, cancel, percent: float) -> None:
    """Report ``percent`` done, or stop with ``Cancelled`` when the user asked to."""
    from domain.errors import Cancelled

    if cancel is not None and cancel():
        raise Cancelled(tr("plan.cancelled"))
    if progress is not None:
        progress(float(percent))


def check_situations(situations) -> set[str]:
    """The situation filter as a set of codes; an unknown code is an input error."""
    wanted = set()
    for value in situations or ():
        code = str(value).strip().lower().replace("-", "_")
        if code not in SITUATIONS:
            raise DomainError(
                tr("plan.unknown_situation", value=value, choices=", ".join(SITUATIONS))
            )
        wanted.add(code)
    return wanted


def resolve_area(conn, area, lang: str | None = None):
    """(name, polygon) of a stored start area (its id) or of a WKT polygon."""
    from domain.store.planning_reads import START_AREA, read_area

    if isinstance(area, int) or (isinstance(area, str) and area.strip().isdigit()):
        stored = read_area(conn, int(area))
        if stored is None or stored.geometry is None:
            raise DomainError(tr("plan.area_missing", lang, area=area))
        if stored.kind != START_AREA:
            raise DomainError(tr("plan.area_not_start", lang, area=area, kind=stored.kind))
        return stored.name, stored.geometry
    try:
        polygon = shapely.from_wkt(str(area))
    except Exception as exc:  # shapely raises GEOSException with the parser's message
        raise DomainError(tr("plan.bad_polygon", lang, problem=str(exc).strip())) from exc
    if polygon.geom_type not in ("Polygon", "MultiPolygon") or polygon.is_empty:
        raise DomainError(tr("plan.bad_polygon", lang, problem=polygon.geom_type))
    if not polygon.is_valid:
        polygon = shapely.make_valid(polygon)
    return tr("plan.drawn_area", lang), polygon
