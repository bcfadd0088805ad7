"""Sub-commands of imgschade for the rules: ``assess-case``."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from domain import policy
from domain.i18n import current_language, tr
from domain.i18n import register as register_texts
from domain.presentation.text_format import speed

register_texts(
    {
        "rules.cmd.assess_case": (
            "beoordeel één casus (JSON) op alle regelingen, op een peildatum",
            "assess one case (JSON) against every scheme, as of a date",
        ),
        "rules.cmd.case": ("casusbestand (JSON)", "case file (JSON)"),
        "rules.cmd.catalog": ("bevingscatalogus (bestand)", "earthquake catalogue (file)"),
        "rules.cmd.json": ("uitvoer als JSON", "output as JSON"),
        "rules.cmd.as_of": (
            "peildatum JJJJ-MM-DD (standaard: as_of uit de casus)",
            "assessment date YYYY-MM-DD (default: the case's as_of)",
        ),
        "rules.cmd.outlines": (
            "omtrek(ken) van Groningenveld, Norg of Grijpskerk voor de 6 km-zone",
            "outline(s) of the Groningen field, Norg or Grijpskerk for the 6 km zone",
        ),
        "rules.cmd.window": (
            "welke bevingen tellen voor de locatie: na het bouwjaar of tijdens het eigendom",
            "which quakes count for the location: after construction or during ownership",
        ),
        "rules.cmd.bad_date": (
            "geen geldige datum: {value} (schrijf JJJJ-MM-DD)",
            "not a valid date: {value} (write YYYY-MM-DD)",
        ),
        "rules.cmd.component": ("component van de grondsnelheid", "ground velocity component"),
        "rules.cmd.time_zone": (
            "tijdzone van catalogustijden zonder zone (standaard UTC; de Groningen-export is "
            "altijd Nederlandse tijd)",
            "time zone of catalogue times without a zone (default UTC; the Groningen export is "
            "always Dutch time)",
        ),
        "rules.cmd.catalog_end": (
            "laatste dag die de catalogus dekt, JJJJ-MM-DD (standaard: de dag van de laatste "
            "beving)",
            "last day the catalogue covers, YYYY-MM-DD (default: the day of the latest quake)",
        ),
        "rules.cmd.vs30_source": (
            "object: de VS30 uit het dossier (standaard); default: de vaste VS30 uit beleid",
            "object: the VS30 in the case file (default); default: the fixed VS30 from policy",
        ),
        "rules.cmd.exceedance": (
            "overschrijdingskans (0,01 = 1%%)",
            "exceedance probability (0.01 = 1%%)",
        ),
        "rules.out.object": ("Object {id}, peildatum {day}", "Object {id}, as of {day}"),
        "rules.out.exposure": (
            "Sterkste trilling {pgv}; bevingen van ten minste 2 mm/s: {n2}; van ten minste 5 mm/s: {n5}.",
            "Strongest vibration {pgv}; quakes of at least 2 mm/s: {n2}; of at least 5 mm/s: {n5}.",
        ),
        "rules.out.vaste_vergoeding": ("Vaste vergoeding", "Fixed compensation"),
        "rules.out.aanvullende_vaste_vergoeding": (
            "Aanvullende vaste vergoeding",
            "Supplementary fixed compensation",
        ),
        "rules.out.new_claim": (
            "Nieuwe aanvraag na een definitief besluit",
            "New claim after a final decision",
        ),
        "rules.out.nulmeting": ("Nulmeting", "Baseline survey"),
        "rules.out.duurzaam_herstel": ("Duurzaam herstel", "Lasting repair"),
        "rules.out.deadlines": ("Termijn overschreden (langlopend)", "Term exceeded (overdue)"),
        "rules.out.handoff": (
            "Overdracht aan IVS of CBS voorgesteld",
            "Hand-off to IVS or CBS suggested",
        ),
        "rules.out.yes": ("ja", "yes"),
        "rules.out.no": ("nee", "no"),
        "rules.out.open": ("nog niet te bepalen", "not yet decidable"),
    }
)

_MARK = {"pass": "[+]", "fail": "[-]", "unknown": "[?]"}


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(tr("rules.cmd.bad_date", value=text)) from None


def register(sub) -> None:
    """Add this capability's sub-commands to the ``imgschade`` parser."""
    p = sub.add_parser(
        "assess-case",
        help=tr("rules.cmd.assess_case"),
        add_help=False,
        description=tr("rules.cmd.assess_case"),
    )
    p.add_argument("-h", "--help", action="help", help=tr("cli.help"))
    p.add_argument("case", help=tr("rules.cmd.case"))
    p.add_argument("--catalog", required=True, help=tr("rules.cmd.catalog"))
    p.add_argument("--json", action="store_true", help=tr("rules.cmd.json"))
    p.add_argument("--lang", choices=("nl", "en"), help=tr("cli.lang"))
    p.add_argument("--as-of", type=_date, help=tr("rules.cmd.as_of"))
    p.add_argument("--outlines", nargs="*", default=[], help=tr("rules.cmd.outlines"))
    p.add_argument(
        "--location-window",
        choices=policy.LOCATION_WINDOWS,
        default=policy.LOCATION_WINDOW,
        help=tr("rules.cmd.window"),
    )
    p.add_argument(
        "--component",
        choices=("larger", "geomean", "maxrot"),
        default=policy.DEFAULT_COMPONENT,
        help=tr("rules.cmd.component"),
    )
    p.add_argument(
        "--exceedance",
        type=float,
        default=policy.DEFAULT_EXCEEDANCE,
        help=tr("rules.cmd.exceedance"),
    )
    p.add_argument(
        "--vs30-source",
        dest="vs30_source",
        choices=("object", "default"),
        default="object",
        help=tr("rules.cmd.vs30_source"),
    )
    p.add_argument("--time-zone", dest="time_zone", help=tr("rules.cmd.time_zone"))
    p.add_argument("--catalog-end", dest="catalog_end", help=tr("rules.cmd.catalog_end"))
    p.set_defaults(handler=_assess_case)


def _outcome(value) -> str:
    return tr({True: "rules.out.yes", False: "rules.out.no"}.get(value, "rules.out.open"))


def as_text(payload: dict) -> str:
    """The assessment as readable text, one block per verdict."""
    exposure = payload["exposure"]
    lines = [tr("rules.out.object", id=payload["object_id"], day=payload["as_of"])]
    if exposure["max_pgv_mm_s"] is not None:
        lines.append(
            tr(
                "rules.out.exposure",
                pgv=speed(exposure["max_pgv_mm_s"]),
                n2=exposure["count_ge_2_mm_s"],
                n5=exposure["count_ge_5_mm_s"],
            )
        )
    if exposure.get("catalog_end"):
        from domain.rules.coverage import known_text

        known = known_text(dt.date.fromisoformat(exposure["catalog_end"]))
        lines.append(f"{known[:1].upper()}{known[1:]}.")
    for name, verdict in payload["verdicts"].items():
        key = next(k for k in ("eligible", "required", "suggested", "overdue") if k in verdict)
        lines += ["", f"{tr('rules.out.' + name)}: {_outcome(verdict[key])}"]
        lines += [
            f"  {_MARK[condition['result']]} {condition['reason']}"
            for condition in verdict["conditions"]
        ]
        lines += [f"  (i) {note['reason']}" for note in verdict["notes"]]
    return "\n".join(lines)


def _assess_case(args: argparse.Namespace) -> int:
    from domain.case.file import read_case
    from domain.case.motion import assess_case_file
    from domain.cli import emit
    from domain.groundmotion.gmpe import GroundMotionSettings
    from domain.groundmotion.sources import outlines_from_files
    from domain.importers.catalog import load_catalog, parse_catalog_end
    from domain.rules.facts import RuleSettings

    settings = GroundMotionSettings(component=args.component, exceedance=args.exceedance)
    # the same outlines decide which quakes count and where the 6 km zone lies (as in ``pgv``)
    outlines = outlines_from_files(args.outlines)
    read_case(args.case)  # report problems in the case before spending time on the catalogue
    catalog = load_catalog(
        args.catalog,
        outlines,
        time_zone=args.time_zone,
        catalog_end=parse_catalog_end(args.catalog_end, Path(args.catalog).name),
    )
    result = assess_case_file(
        args.case,
        catalog,
        settings,
        outlines,
        RuleSettings(args.location_window),
        args.as_of,
        vs30_source=args.vs30_source,
    )
    payload = result.as_dict(current_language())
    emit(args, payload, as_text(payload))
    return 0
