"""``imgschade pgv`` (quakes felt at one site) and ``imgschade zones`` (area GeoPackage)."""

from __future__ import annotations

import datetime as dt
import time

from pyproj import Transformer

from domain import policy
from domain.cli import emit
from domain.errors import InputError, Problem
from domain.groundmotion.coordinates import RD_NEW
from domain.i18n import register, tr

register(
    {
        "gm.pgv.help": (
            "trillingssnelheid (PGV) op één locatie door elke meetellende beving",
            "peak ground velocity (PGV) at one site from every counting quake",
        ),
        "gm.zones.help": (
            "effectgebied, duurzaam-herstelgebied en 6 km-zones naar een GeoPackage",
            "effect area, Duurzaam herstel area and 6 km zones to a GeoPackage",
        ),
        "gm.x": ("x-coördinaat van de locatie", "x coordinate of the site"),
        "gm.y": ("y-coördinaat van de locatie", "y coordinate of the site"),
        "gm.crs": ("coördinaatsysteem (standaard EPSG:28992, RD New)", "CRS (default EPSG:28992)"),
        "gm.catalog": ("catalogusbestand (KNMI CSV, FDSN-tekst, QuakeML)", "catalogue file"),
        "gm.vs30": ("VS30 in m/s (standaard uit beleid)", "VS30 in m/s (default from policy)"),
        "gm.pc4": (
            "postcode (PC4) van de locatie, voor de VS30-tabel",
            "postcode (PC4) of the site",
        ),
        "gm.vs30_table": ("VS30-tabel per PC4 (pc4,vs30_m_s)", "VS30 table per PC4 (pc4,vs30_m_s)"),
        "gm.crs.unknown": ("onbekend coördinaatsysteem", "unknown coordinate reference system"),
        "gm.crs.hint": (
            "geef bijvoorbeeld EPSG:28992 of EPSG:4326",
            "give for example EPSG:28992 or EPSG:4326",
        ),
        "gm.component": ("component van de grondbeweging", "ground-motion component"),
        "gm.exceedance": ("overschrijdingskans p", "exceedance probability p"),
        "gm.as_of": ("peildatum JJJJ-MM-DD (alleen bevingen tot en met die dag)", "as-of date"),
        "gm.outlines": ("omtrekbestanden van bronnen (CSV x,y of GeoJSON)", "source outline files"),
        "gm.out": ("uitvoerbestand (.gpkg)", "output file (.gpkg)"),
        "gm.cell": ("rastercel in meters", "grid cell in metres"),
        "gm.json": ("uitvoer als JSON", "output as JSON"),
        "gm.site": (
            "Locatie x={x:.0f}, y={y:.0f} ({crs}), VS30 {vs30:.0f} m/s; component {component}, p={p:g}",
            "Site x={x:.0f}, y={y:.0f} ({crs}), VS30 {vs30:.0f} m/s; component {component}, p={p:g}",
        ),
        "gm.summary": (
            "{n} meetellende bevingen; hoogste PGV {max:.2f} mm/s; {c2} keer ≥ 2 mm/s; "
            "{c5} keer ≥ 5 mm/s; {excluded} bevingen telden niet mee.",
            "{n} counting quakes; highest PGV {max:.2f} mm/s; {c2} times ≥ 2 mm/s; "
            "{c5} times ≥ 5 mm/s; {excluded} quakes did not count.",
        ),
        "gm.event_line": (
            "{time}  {place:<20} ML {ml:.1f}  {epi:6.1f} km  mediaan {median:7.2f}  PGV {pgv:7.2f} mm/s",
            "{time}  {place:<20} ML {ml:.1f}  {epi:6.1f} km  median {median:7.2f}  PGV {pgv:7.2f} mm/s",
        ),
        "gm.events_shown": (
            "Bevingen met PGV ≥ {floor:g} mm/s (alle staan in --json):",
            "Quakes with PGV ≥ {floor:g} mm/s (all are in --json):",
        ),
        "gm.zones_written": ("{path} geschreven:", "{path} written:"),
        "gm.zone_line": (
            "  {layer:<24} {name:<18} {area:10.1f} km²  herkomst {origin}",
            "  {layer:<24} {name:<18} {area:10.1f} km²  origin {origin}",
        ),
    }
)


def register(sub) -> None:
    """Add ``pgv`` and ``zones`` to the ``imgschade`` parser."""
    from domain.groundmotion.gmpe import COMPONENTS

    p = sub.add_parser("pgv", help=tr("gm.pgv.help"), description=tr("gm.pgv.help"))
    p.add_argument("--x", type=float, required=True, help=tr("gm.x"))
    p.add_argument("--y", type=float, required=True, help=tr("gm.y"))
    p.add_argument("--crs", default=RD_NEW, help=tr("gm.crs"))
    p.add_argument("--catalog", required=True, help=tr("gm.catalog"))
    p.add_argument("--vs30", type=float, default=None, help=tr("gm.vs30"))
    p.add_argument("--pc4", default=None, help=tr("gm.pc4"))
    p.add_argument("--vs30-table", dest="vs30_table", default=None, help=tr("gm.vs30_table"))
    p.add_argument(
        "--component", choices=COMPONENTS, default=policy.DEFAULT_COMPONENT, help=tr("gm.component")
    )
    p.add_argument(
        "--exceedance", type=float, default=policy.DEFAULT_EXCEEDANCE, help=tr("gm.exceedance")
    )
    p.add_argument("--as-of", dest="as_of", default=None, help=tr("gm.as_of"))
    p.add_argument("--outlines", nargs="+", default=None, help=tr("gm.outlines"))
    p.add_argument("--json", action="store_true", help=tr("gm.json"))
    p.set_defaults(handler=run_pgv)

    z = sub.add_parser("zones", help=tr("gm.zones.help"), description=tr("gm.zones.help"))
    z.add_argument("--catalog", required=True, help=tr("gm.catalog"))
    z.add_argument("--outlines", nargs="+", default=None, help=tr("gm.outlines"))
    z.add_argument("--out", required=True, help=tr("gm.out"))
    z.add_argument("--cell", type=float, default=policy.EFFECT_AREA_GRID_M, help=tr("gm.cell"))
    z.add_argument(
        "--component", choices=COMPONENTS, default=policy.DEFAULT_COMPONENT, help=tr("gm.component")
    )
    z.add_argument(
        "--exceedance", type=float, default=policy.DEFAULT_EXCEEDANCE, help=tr("gm.exceedance")
    )
    z.add_argument("--as-of", dest="as_of", default=None, help=tr("gm.as_of"))
    z.add_argument("--json", action="store_true", help=tr("gm.json"))
    z.set_defaults(handler=run_zones)


def _settings(args):
    from domain.groundmotion.gmpe import GroundMotionSettings

    try:
        return GroundMotionSettings(component=args.component, exceedance=args.exceedance)
    except ValueError as exc:
        raise InputError(
            "ongeldige instelling", [Problem(str(exc), "", None, "--exceedance", "geef 0 < p < 1")]
        ) from None


def _as_of(args) -> dt.date | None:
    if not args.as_of:
        return None
    try:
        return dt.date.fromisoformat(args.as_of)
    except ValueError:
        raise InputError(
            "ongeldige peildatum",
            [Problem(f"'{args.as_of}' is geen datum", "", None, "--as-of", "schrijf JJJJ-MM-DD")],
        ) from None


def _outlines(args):
    from domain.groundmotion.sources import outlines_from_files

    return outlines_from_files(args.outlines)


def run_pgv(args) -> int:
    from domain.groundmotion.exposure import site_exposure
    from domain.importers.catalog import load_catalog

    settings = _settings(args)
    as_of = _as_of(args)
    x, y = args.x, args.y
    if args.crs.upper() != RD_NEW:
        try:
            x, y = Transformer.from_crs(args.crs, RD_NEW, always_xy=True).transform(x, y)
        except Exception as exc:
            raise InputError(
                tr("gm.crs.unknown"),
                [Problem(str(exc), "", None, "--crs", tr("gm.crs.hint"))],
            ) from None
    vs30 = policy.DEFAULT_VS30_M_S if args.vs30 is None else args.vs30
    if args.vs30 is None and args.vs30_table and args.pc4:
        from domain.groundmotion.vs30 import load_vs30_table, vs30_for

        vs30 = float(vs30_for([args.pc4], load_vs30_table(args.vs30_table))[0])
    if not vs30 > 0:
        raise InputError("ongeldige VS30", [Problem(f"{vs30}", "", None, "--vs30", "geef m/s > 0")])
    catalog = load_catalog(args.catalog, _outlines(args))
    events = site_exposure(catalog, x, y, vs30, settings, as_of)
    pgvs = [event.pgv_mm_s for event in events]
    payload = {
        "site": {
            "x": args.x,
            "y": args.y,
            "crs": args.crs,
            "vs30": vs30,
            "rd_x": round(x, 2),
            "rd_y": round(y, 2),
        },
        "component": settings.component,
        "exceedance": settings.exceedance,
        "model_version": settings.model_version,
        "as_of": as_of.isoformat() if as_of else None,
        "events": [
            {
                "event_id": event.event_id,
                "time": event.time.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "place": event.place,
                "ml": event.ml,
                # full precision in JSON: rounding is for the text only
                "epicentral_km": float(event.epicentral_km),
                "hypocentral_km": float(event.hypocentral_km),
                "pgv_median_mm_s": float(event.pgv_median_mm_s),
                "pgv_mm_s": float(event.pgv_mm_s),
            }
            for event in events
        ],
        "excluded_events": [
            {"event_id": quake.event_id, "reason": reason} for quake, reason in catalog.excluded
        ],
        "max_pgv_mm_s": float(max(pgvs)) if pgvs else 0.0,
        "count_ge_2_mm_s": sum(
            policy.pgv_at_least(pgv, policy.EFFECT_AREA_PGV_MM_S) for pgv in pgvs
        ),
        "count_ge_5_mm_s": sum(policy.pgv_at_least(pgv, policy.NULMETING_PGV_MM_S) for pgv in pgvs),
    }
    lines = [
        tr(
            "gm.site",
            x=args.x,
            y=args.y,
            crs=args.crs,
            vs30=vs30,
            component=settings.component,
            p=settings.exceedance,
        ),
        tr(
            "gm.summary",
            n=len(events),
            max=payload["max_pgv_mm_s"],
            c2=payload["count_ge_2_mm_s"],
            c5=payload["count_ge_5_mm_s"],
            excluded=len(catalog.excluded),
        ),
        tr("gm.events_shown", floor=policy.EXPOSURE_FLOOR_MM_S),
    ]
    lines += [
        tr(
            "gm.event_line",
            time=event.time.strftime("%Y-%m-%d %H:%M"),
            place=event.place[:20],
            ml=event.ml,
            epi=event.epicentral_km,
            median=event.pgv_median_mm_s,
            pgv=event.pgv_mm_s,
        )
        for event in events
        if event.pgv_mm_s >= policy.EXPOSURE_FLOOR_MM_S
    ]
    emit(args, payload, "\n".join(lines))
    return 0


def run_zones(args) -> int:
    from domain.groundmotion.zones import (
        LAYER_NAMES,
        computed_areas,
        source_areas,
        write_areas,
        zones_6km,
    )
    from domain.importers.catalog import load_catalog

    settings = _settings(args)
    if not args.cell > 0:
        raise InputError(
            "ongeldige cel", [Problem(f"{args.cell}", "", None, "--cell", "geef meters > 0")]
        )
    outlines = _outlines(args)
    started = time.perf_counter()
    catalog = load_catalog(args.catalog, outlines)
    areas = computed_areas(catalog, args.cell, settings, _as_of(args))
    areas += zones_6km(outlines) + source_areas(outlines)
    path = write_areas(args.out, areas, catalog.origin)
    rows = [
        {
            "layer": LAYER_NAMES[area.kind],
            "name": area.name,
            "origin": area.origin,
            "label": area.label,
            "area_km2": round(area.geometry.area / 1e6, 3),
        }
        for area in areas
    ]
    payload = {
        "out": str(path),
        "crs": RD_NEW,
        "cell_m": args.cell,
        "component": settings.component,
        "exceedance": settings.exceedance,
        "counting_events": len(catalog.quakes),
        "excluded_events": len(catalog.excluded),
        "layers": rows,
        "seconds": round(time.perf_counter() - started, 2),
    }
    text = [tr("gm.zones_written", path=path)]
    text += [
        tr(
            "gm.zone_line",
            layer=layer["layer"],
            name=layer["name"],
            area=layer["area_km2"],
            origin=layer["origin"],
        )
        for layer in rows
    ]
    emit(args, payload, "\n".join(text))
    return 0
