"""``imgschade update-catalog STORE (--fdsn [URL] | FILE)``: the night after a quake.

Adds only the events the store does not hold and recomputes only the objects within their
reach (see :mod:`domain.store.catalog_update`); prints which objects were reopened after a
final decision, came newly into the effect area or newly into the Duurzaam herstel count.
"""

from __future__ import annotations

import datetime as dt
import sys

from domain import policy
from domain.cli import emit
from domain.errors import InputError, Problem
from domain.i18n import register as register_texts
from domain.i18n import tr

register_texts(
    {
        "update.cmd": (
            "voeg nieuwe bevingen toe (bestand of bevingsdienst) en herbereken alleen de "
            "objecten binnen hun bereik; toont wat er veranderde",
            "add new quakes (file or event service) and recompute only the objects within "
            "their reach; shows what changed",
        ),
        "update.cmd.store": (
            "de opslag: bestand.gpkg, postgresql://… of service=naam",
            "the store",
        ),
        "update.cmd.file": (
            "catalogusbestand (KNMI CSV, FDSN-tekst, QuakeML)",
            "catalogue file (KNMI CSV, FDSN text, QuakeML)",
        ),
        "update.cmd.fdsn": (
            "haal de bevingen op bij een FDSN-bevingsdienst (standaard KNMI: {url})",
            "fetch the quakes from an FDSN event service (default KNMI: {url})",
        ),
        "update.cmd.csv": (
            "schrijf de gevonden objecten ook naar dit CSV-bestand",
            "also write the objects found to this CSV file",
        ),
        "update.cmd.json": ("uitvoer als JSON", "output as JSON"),
        "update.cmd.time_zone": (
            "tijdzone van kloktijden in een indeling zonder eigen tijdzone (bijv. "
            "Europe/Amsterdam)",
            "time zone of clock times in a layout that declares none (e.g. Europe/Amsterdam)",
        ),
        "update.cmd.catalog_end": (
            "de catalogus is volledig t/m deze datum (JJJJ-MM-DD)",
            "the catalogue is complete up to this date (YYYY-MM-DD)",
        ),
        "update.cmd.one_source": (
            "geef een catalogusbestand óf --fdsn, niet allebei en niet geen van beide",
            "give a catalogue file or --fdsn, not both and not neither",
        ),
        "update.cmd.bad_date": ("'{value}' is geen datum", "'{value}' is not a date"),
        "update.cmd.bad_date_hint": ("schrijf JJJJ-MM-DD", "write YYYY-MM-DD"),
        "update.cmd.invalid": ("opdracht niet uitgevoerd", "command not run"),
        "update.cmd.csv_written": ("CSV geschreven: {path}", "CSV written: {path}"),
    }
)


def register(sub) -> None:
    p = sub.add_parser("update-catalog", help=tr("update.cmd"), description=tr("update.cmd"))
    p.add_argument("store", help=tr("update.cmd.store"))
    p.add_argument("file", nargs="?", help=tr("update.cmd.file"))
    p.add_argument(
        "--fdsn",
        nargs="?",
        const=policy.FDSN_EVENT_URL,
        metavar="URL",
        help=tr("update.cmd.fdsn", url=policy.FDSN_EVENT_URL),
    )
    p.add_argument("--csv", metavar="FILE", help=tr("update.cmd.csv"))
    p.add_argument("--time-zone", help=tr("update.cmd.time_zone"))
    p.add_argument("--catalog-end", help=tr("update.cmd.catalog_end"))
    p.add_argument("--json", action="store_true", help=tr("update.cmd.json"))
    p.set_defaults(handler=_update)


def _refuse(message: str, field: str, hint: str = "") -> InputError:
    return InputError(tr("update.cmd.invalid"), [Problem(message, "", None, field, hint)])


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _refuse(
            tr("update.cmd.bad_date", value=value), "--catalog-end", tr("update.cmd.bad_date_hint")
        ) from None


def _progress(args):
    if args.json:
        return None
    return lambda pct: print(f"  {float(pct):5.1f}%", file=sys.stderr, flush=True)


def _update(args) -> int:
    from domain.store import open_store
    from domain.store.catalog_update import update_catalog_fdsn, update_catalog_file
    from domain.store.catalog_update_report import report_text, write_changes_csv

    if bool(args.file) == bool(args.fdsn):
        raise _refuse(tr("update.cmd.one_source"), "FILE/--fdsn")
    end = _date(args.catalog_end)
    store = open_store(args.store)
    try:
        if args.fdsn:
            result = update_catalog_fdsn(store, args.fdsn, progress=_progress(args))
        else:
            options = {}
            if args.time_zone:
                options["time_zone"] = args.time_zone
            if end is not None:
                options["catalog_end"] = end
            result = update_catalog_file(store, args.file, progress=_progress(args), **options)
    finally:
        store.close()
    data = result.as_dict()
    data["store"] = store.location.shown()
    text = report_text(result)
    if args.csv:
        path = write_changes_csv(result, args.csv)
        data["csv"] = str(path)
        text += "\n" + tr("update.cmd.csv_written", path=path)
    emit(args, data, text)
    return 0
