"""Sub-commands of imgschade for the store: demo, imports, recomputations, info, upgrade."""

from __future__ import annotations

import importlib
import sys

from domain.cli import emit
from domain.errors import DomainError
from domain.i18n import register, tr

register(
    {
        "store.cmd.demo": (
            "maak een demo-opslag (deterministisch: zelfde seed, zelfde opslag)",
            "build a demo store (deterministic: same seed, same store)",
        ),
        "store.cmd.out": ("opslag om te maken (.gpkg of postgresql://…)", "store to create"),
        "store.cmd.objects": ("aantal objecten", "number of objects"),
        "store.cmd.seed": ("seed van de toevalsgenerator", "random generator seed"),
        "store.cmd.catalog": (
            "echte bevingscatalogus gebruiken (anders synthetisch)",
            "use a real earthquake catalogue (synthetic otherwise)",
        ),
        "store.cmd.json": ("uitvoer als JSON", "output as JSON"),
        "store.cmd.store": ("de opslag: bestand.gpkg, postgresql://… of service=naam", "the store"),
        "store.cmd.file": ("het bestand om te importeren", "the file to import"),
        "store.cmd.dry_run": (
            "alleen controleren en melden, niets schrijven",
            "only check and report, write nothing",
        ),
        "store.cmd.info": ("toon wat de opslag bevat", "show what the store holds"),
        "store.cmd.upgrade": (
            "werk het schema van een oudere opslag bij",
            "upgrade the schema of an older store",
        ),
        "store.cmd.import_catalog": (
            "importeer een bevingscatalogus en herbereken trillingen, zones en status",
            "import an earthquake catalogue and recompute vibration, zones and status",
        ),
        "store.cmd.import_bag": ("importeer PDOK's BAG-GeoPackage", "import PDOK's BAG GeoPackage"),
        "store.cmd.import_parcels": (
            "importeer kadastrale percelen (GML of GeoPackage)",
            "import cadastral parcels (GML or GeoPackage)",
        ),
        "store.cmd.import_areas": (
            "importeer gebieden (shapefile, GeoJSON, GeoPackage; elk CRS)",
            "import areas (shapefile, GeoJSON, GeoPackage; any CRS)",
        ),
        "store.cmd.kind": ("soort gebied", "kind of area"),
        "store.cmd.name_field": ("attribuut met de naam", "attribute holding the name"),
        "store.cmd.origin": ("herkomst", "origin"),
        "store.cmd.layer": ("laag in de GeoPackage", "layer in the GeoPackage"),
        "store.cmd.crs": (
            "coördinatenstelsel van het bestand als het dat zelf niet (goed) zegt, bijv. EPSG:28992",
            "the file's coordinate reference system where it does not say (rightly), "
            "e.g. EPSG:28992",
        ),
        "store.cmd.import_claims": (
            "importeer schadehistorie (CSV, zie README 'Schadehistorie-CSV')",
            "import claim history (CSV, see README 'Schadehistorie-CSV')",
        ),
        "store.cmd.import_ownerships": ("importeer eigendommen (CSV)", "import ownerships (CSV)"),
        "store.cmd.exposure": (
            "herbereken de trillingen per object uit de opgeslagen bevingen",
            "recompute vibration per object from the stored quakes",
        ),
        "store.cmd.zones": (
            "herbereken de gebieden (6 km-zone, effectgebied) in de opslag",
            "recompute the areas (6 km zone, effect area) in the store",
        ),
        "store.cmd.outlines": ("omtrekken van de bronnen", "source outlines"),
        "store.cmd.import_outlines": (
            "importeer de omtrekken van Groningenveld, gasopslag Norg en Grijpskerk (NLOG-"
            "gasvelden: shapefile, GeoJSON of GeoPackage); de 6 km-zones volgen",
            "import the outlines of the Groningen field and the Norg and Grijpskerk storages "
            "(NLOG gas fields: shapefile, GeoJSON or GeoPackage); the 6 km zones follow",
        ),
        "store.cmd.import_boundaries": (
            "importeer officiële gebiedsgrenzen (CBS-gebiedsindelingen van PDOK, CBS-postcode-4, "
            "Wijk- en Buurtkaart: GeoPackage); het overzicht telt daarna per grens",
            "import official boundaries (CBS gebiedsindelingen from PDOK, CBS postcode-4, Wijk- "
            "en Buurtkaart: GeoPackage); the overview then counts per boundary",
        ),
        "store.cmd.boundary_kinds": (
            "welke soorten (standaard: alle in het bestand)",
            "which kinds (default: all in the file)",
        ),
        "store.cmd.boundary_year": (
            "jaar van de indeling als het bestand er meer heeft (standaard: het nieuwste)",
            "year of the division where the file holds several (default: the newest)",
        ),
        "store.cmd.field_name_column": (
            "kolom met de veldnaam (standaard: field_name, veldnaam, name of naam)",
            "column with the field name (default: field_name, veldnaam, name or naam)",
        ),
        "store.cmd.assess": (
            "bepaal de kaartstatus van elk object opnieuw",
            "recompute the map status of every object",
        ),
        "store.cmd.as_of": ("peildatum JJJJ-MM-DD (standaard vandaag)", "as-of date YYYY-MM-DD"),
        "store.cmd.scenario": (
            "wat als er hier een beving van ML x komt? (gevolgen per gemeente)",
            "what if a quake of ML x happens here? (effects per municipality)",
        ),
        "store.cmd.motion_component": (
            "component van de grondsnelheid (standaard: zoals de opslag is berekend)",
            "ground velocity component (default: as the store was computed)",
        ),
        "store.cmd.motion_exceedance": (
            "overschrijdingskans, 0.01 = 1%% (standaard: zoals de opslag is berekend)",
            "exceedance probability, 0.01 = 1%% (default: as the store was computed)",
        ),
        "store.cmd.motion_vs30_source": (
            "VS30 per object (object), per postcodegebied (pc4, met --vs30-table) of vast "
            "(default); standaard: zoals de opslag is berekend",
            "VS30 per object (object), per postcode area (pc4, with --vs30-table) or fixed "
            "(default); default: as the store was computed",
        ),
        "store.cmd.motion_vs30_table": (
            "VS30-tabel per PC4 (pc4,vs30_m_s) voor --vs30-source pc4",
            "VS30 table per PC4 (pc4,vs30_m_s) for --vs30-source pc4",
        ),
        "store.out.motion": ("instellingen: {motion}", "settings: {motion}"),
        "store.cmd.time_zone": (
            "tijdzone van de tijden in een indeling die er zelf geen noemt (landelijke "
            "datumlijst, all_induced.csv), bijv. Europe/Amsterdam; standaard UTC",
            "time zone of the times in a layout that names none (national date list, "
            "all_induced.csv), e.g. Europe/Amsterdam; default UTC",
        ),
        "store.cmd.catalog_end": (
            "laatste dag die de catalogus dekt, JJJJ-MM-DD (standaard: de dag van de laatste "
            "beving)",
            "last day the catalogue covers, YYYY-MM-DD (default: the day of the latest quake)",
        ),
        "store.out.done": ("{what}: {counts}", "{what}: {counts}"),
        "store.out.dry": ("(proefrun, niets geschreven)", "(dry run, nothing written)"),
        "store.out.upgraded": (
            "Schema bijgewerkt van {before} naar {after}.",
            "Schema upgraded from {before} to {after}.",
        ),
        "store.scenario_missing": (
            "Scenarioberekening is in deze versie niet beschikbaar (module ontbreekt).",
            "Scenario computation is not available in this version (module missing).",
        ),
    }
)


def _common(p, with_store: bool = True, with_file: bool = False, dry: bool = False) -> None:
    if with_store:
        p.add_argument("store", help=tr("store.cmd.store"))
    if with_file:
        p.add_argument("file", help=tr("store.cmd.file"))
    if dry:
        p.add_argument("--dry-run", action="store_true", help=tr("store.cmd.dry_run"))
    p.add_argument("--json", action="store_true", help=tr("store.cmd.json"))


def _motion_options(p) -> None:
    """Component, exceedance and VS30 source for a command that computes ground motion; what is
    not given stays as the store records it."""
    from domain.groundmotion.gmpe import COMPONENTS
    from domain.store.motion_settings import VS30_SOURCES

    p.add_argument("--component", choices=COMPONENTS, help=tr("store.cmd.motion_component"))
    p.add_argument("--exceedance", type=float, help=tr("store.cmd.motion_exceedance"))
    p.add_argument(
        "--vs30-source",
        dest="vs30_source",
        choices=VS30_SOURCES,
        help=tr("store.cmd.motion_vs30_source"),
    )
    p.add_argument("--vs30-table", dest="vs30_table", help=tr("store.cmd.motion_vs30_table"))


def _motion(args, store):
    """The settings a command computes with: the store's recorded ones, overridden by options."""
    from domain.store.motion_settings import motion_with, store_motion_settings

    return motion_with(
        store_motion_settings(store),
        getattr(args, "component", None),
        getattr(args, "exceedance", None),
        getattr(args, "vs30_source", None),
        getattr(args, "vs30_table", None),
    )


def register(sub) -> None:  # noqa: F811 - the command-module hook, not the i18n one
    """Add this capability's sub-commands to the ``imgschade`` parser."""
    taken = set(getattr(sub, "choices", {}) or {})

    def add(name: str, help_key: str, fallback: str | None = None):
        if name in taken and fallback:
            name = fallback
        return sub.add_parser(name, help=tr(help_key), description=tr(help_key))

    p = add("demo", "store.cmd.demo")
    p.add_argument("--out", required=True, help=tr("store.cmd.out"))
    p.add_argument("--objects", type=int, default=2000, help=tr("store.cmd.objects"))
    p.add_argument("--seed", type=int, default=7, help=tr("store.cmd.seed"))
    p.add_argument("--catalog", help=tr("store.cmd.catalog"))
    _common(p, with_store=False)
    p.set_defaults(handler=_demo)

    p = add("info", "store.cmd.info")
    _common(p)
    p.set_defaults(handler=_info)

    p = add("upgrade", "store.cmd.upgrade")
    _common(p)
    p.set_defaults(handler=_upgrade)

    for name, key, fn in (
        ("import-catalog", "store.cmd.import_catalog", _import_catalog),
        ("import-bag", "store.cmd.import_bag", _importer("bag", "crs")),
        ("import-parcels", "store.cmd.import_parcels", _importer("parcels", "crs")),
        ("import-claims", "store.cmd.import_claims", _importer("claims")),
        ("import-ownerships", "store.cmd.import_ownerships", _importer("ownerships")),
    ):
        p = add(name, key)
        _common(p, with_file=True, dry=True)
        if name in ("import-bag", "import-parcels"):
            p.add_argument("--crs", help=tr("store.cmd.crs"))
        if name == "import-catalog":
            _motion_options(p)
            p.add_argument("--time-zone", dest="time_zone", help=tr("store.cmd.time_zone"))
            p.add_argument("--catalog-end", dest="catalog_end", help=tr("store.cmd.catalog_end"))
        p.set_defaults(handler=fn)

    p = add("import-areas", "store.cmd.import_areas")
    _common(p, with_file=True, dry=True)
    p.add_argument("--kind", required=True, help=tr("store.cmd.kind"))
    p.add_argument("--name-field", help=tr("store.cmd.name_field"))
    p.add_argument("--origin", default="imported", help=tr("store.cmd.origin"))
    p.add_argument("--layer", help=tr("store.cmd.layer"))
    p.add_argument("--crs", help=tr("store.cmd.crs"))
    p.set_defaults(handler=_importer("areas", "kind", "name_field", "origin", "layer", "crs"))

    p = add("import-outlines", "store.cmd.import_outlines")
    _common(p, with_file=True, dry=True)
    p.add_argument(
        "--field-name-column", dest="field_name_column", help=tr("store.cmd.field_name_column")
    )
    p.add_argument("--layer", help=tr("store.cmd.layer"))
    p.add_argument("--crs", help=tr("store.cmd.crs"))
    p.set_defaults(handler=_importer("outlines", "field_name_column", "layer", "crs"))

    from domain.store.schema import BOUNDARY_KINDS

    p = add("import-boundaries", "store.cmd.import_boundaries")
    _common(p, with_file=True, dry=True)
    p.add_argument(
        "--kinds", nargs="+", choices=BOUNDARY_KINDS, help=tr("store.cmd.boundary_kinds")
    )
    p.add_argument("--year", type=int, help=tr("store.cmd.boundary_year"))
    p.add_argument("--crs", help=tr("store.cmd.crs"))
    p.set_defaults(handler=_importer("boundaries", "kinds", "year", "crs"))

    p = add("exposure", "store.cmd.exposure")
    _common(p)
    _motion_options(p)
    p.set_defaults(handler=_exposure)

    # ``zones`` also exists as a ground-motion command writing a separate GeoPackage
    p = add("zones", "store.cmd.zones", fallback="store-zones")
    _common(p)
    p.add_argument("--outlines", nargs="*", default=[], help=tr("store.cmd.outlines"))
    p.set_defaults(handler=_zones)

    p = add("assess", "store.cmd.assess", fallback="store-assess")
    _common(p)
    p.add_argument("--as-of", help=tr("store.cmd.as_of"))
    p.set_defaults(handler=_assess)

    p = add("scenario", "store.cmd.scenario", fallback="store-scenario")
    _common(p)
    p.add_argument("--x", type=float, required=True)
    p.add_argument("--y", type=float, required=True)
    p.add_argument("--ml", type=float, required=True)
    p.add_argument("--depth", type=float, default=3.0)
    p.add_argument("--date", required=True)
    _motion_options(p)
    p.set_defaults(handler=_scenario)


def _progress(args):
    if getattr(args, "json", False):
        return None
    return lambda pct, what="": print(f"  {pct:5.1f}% {what}", file=sys.stderr, flush=True)


def _demo(args) -> int:
    from domain.demo import build_demo

    summary = build_demo(args.out, args.objects, args.seed, args.catalog, _progress(args))
    data = summary.as_dict()
    data["store"] = _shown(args.out)
    lines = [
        f"{data['store']}: {data['objects']} objecten (seed {data['seed']}), {data['catalog']}"
    ]
    lines += [f"  {k}: {v}" for k, v in data["counts"].items()]
    lines += [f"  status {k}: {v}" for k, v in data["object_status"].items()]
    lines += [f"  voorbeeld {k}: {v}" for k, v in data["sample_object_ids"].items()]
    emit(args, data, "\n".join(lines))
    return 0


def _open(args):
    from domain.store import open_store

    return open_store(args.store)


def _shown(where: str) -> str:
    """A store location as it may be printed: never with its password."""
    from domain.store.engine import parse_location

    return parse_location(where).shown()


def _info(args) -> int:
    with _open(args) as store:
        data = store.info()
        data["store"] = store.location.shown()
        data["layers"] = {k: list(v) for k, v in store.layer_uris().items()}
    lines = [f"{data['store']} ({data['backend']}, schema {data['schema_version']})"]
    lines += [f"  {k}: {v}" for k, v in data["counts"].items()]
    lines += [f"  gebied {k}: {v}" for k, v in data["areas"].items()]
    lines += [f"  status {k}: {v}" for k, v in data["object_status"].items()]
    emit(args, data, "\n".join(lines))
    return 0


def _upgrade(args) -> int:
    from domain.store import upgrade_store

    before, after = upgrade_store(args.store)
    emit(
        args,
        {"store": _shown(args.store), "before": before, "after": after},
        tr("store.out.upgraded", before=before or "-", after=after),
    )
    return 0


def _report(args, what: str, report) -> int:
    data = report.as_dict() if hasattr(report, "as_dict") else report
    text = tr("store.out.done", what=what, counts=data.get("counts", data))
    if data.get("motion"):
        text += "\n" + tr("store.out.motion", motion=data["motion"]["text"])
    if data.get("dry_run"):
        text += " " + tr("store.out.dry")
    for change in data.get("changes", []):
        text += f"\n  {change}"
    emit(args, data, text)
    return 0


def _importer(name: str, *options: str):
    """The handler of ``import-<name>``: ``domain.importers.<name>.import_<name>`` (loaded only
    when the command runs) on the store and file, with ``--dry-run`` and these options."""

    def run(args) -> int:
        importer = getattr(importlib.import_module(f"domain.importers.{name}"), f"import_{name}")
        given = {option: getattr(args, option) for option in options}
        with _open(args) as store:
            report = importer(store, args.file, dry_run=args.dry_run, **given)
        return _report(args, args.file, report)

    return run


def _import_catalog(args) -> int:
    from pathlib import Path

    from domain.importers.catalog import parse_catalog_end
    from domain.store.compute import import_catalog

    with _open(args) as store:
        motion = _motion(args, store)
        report = import_catalog(
            store,
            args.file,
            dry_run=args.dry_run,
            motion=motion,
            time_zone=args.time_zone,
            catalog_end=parse_catalog_end(args.catalog_end, Path(args.file).name),
        )
    data = report.as_dict()
    data["motion"] = motion.as_dict()
    return _report(args, args.file, data)


def _exposure(args) -> int:
    from domain.store.compute import recompute_exposure, recompute_with_settings
    from domain.store.motion_settings import store_motion_settings

    with _open(args) as store:
        motion = _motion(args, store)
        if motion.same_as(store_motion_settings(store)):
            result = recompute_exposure(store, progress=_progress(args), motion=motion)
        else:  # other settings: the effect and DH areas change with them, in the same run
            result = recompute_with_settings(store, motion, progress=_progress(args))
    data = {"counts": result, "motion": motion.as_dict()}
    return _report(args, _shown(args.store), data)


def _zones(args) -> int:
    from domain.store.compute import recompute_zones

    outlines = None
    if args.outlines:
        from domain.groundmotion.sources import load_outline, merge_outlines

        outlines = merge_outlines([load_outline(p) for p in args.outlines])
    with _open(args) as store:
        counts = recompute_zones(store, outlines)  # with the settings the store records
    return _report(args, _shown(args.store), {"counts": counts})


def _assess(args) -> int:
    import datetime as dt

    from domain.store.status import assess_store

    with _open(args) as store:
        as_of = dt.date.fromisoformat(args.as_of) if args.as_of else None
        counts = assess_store(store, as_of)
    return _report(args, _shown(args.store), {"counts": counts})


def _scenario(args) -> int:
    try:
        from domain.store.scenario import run_scenario
    except ImportError as exc:
        raise DomainError(tr("store.scenario_missing")) from exc
    with _open(args) as store:
        motion = _motion(args, store)
        result = run_scenario(store, args.x, args.y, args.ml, args.depth, args.date, motion)
    lines = [f"ML {args.ml} op ({args.x:.0f}, {args.y:.0f}), {args.date}: {result['totals']}"]
    lines += [
        f"  {m['municipality'] or '-'}: heropenen {m['reopen']}, nulmeting {m['nulmeting']}, "
        f"nieuw in effectgebied {m['new_in_effect_area']}"
        for m in result["per_municipality"]
    ]
    emit(args, result, "\n".join(lines))
    return 0
