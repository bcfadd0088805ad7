"""``imgschade``: the domain on the command line (also ``python -m domain``).

Text in Dutch by default; ``--lang en`` or ``IMGSCHADE_LANG=en`` for English. Results go to
stdout (JSON with ``--json``), errors to stderr with exit code 2. Anything unexpected is caught
by a last-resort net: one readable line (what happened, that nothing was stored, what to do),
exit code 70, never a traceback. No password is ever printed (see ``engine.redact``).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Sequence

from domain import __version__
from domain.commands import COMMAND_MODULES
from domain.errors import DomainError, InputError
from domain.i18n import register, tr

register(
    {
        "cli.description": (
            "Mijnbouwschade Groningen: trillingen per object, gebieden, regels en overdrachten.",
            "Mining damage in Groningen: vibration per object, areas, rules and hand-offs.",
        ),
        "cli.version": ("toon de versie en stop", "show the version and exit"),
        "cli.lang": (
            "taal van de uitvoer: nl (standaard) of en",
            "output language: nl (default) or en",
        ),
        "cli.help": ("toon deze hulp en stop", "show this help and exit"),
        "cli.commands": ("opdrachten", "commands"),
        "cli.usage_title": ("gebruik", "usage"),
        "cli.options_title": ("opties", "options"),
        "cli.positionals_title": ("argumenten", "arguments"),
        "cli.error": ("fout", "error"),
        "cli.no_command": (
            "Geef een opdracht; 'imgschade --help' toont welke er zijn.",
            "Give a command; 'imgschade --help' lists them.",
        ),
        "cli.internal": (
            "Interne fout: er ging onverwacht iets mis in het programma ({kind}: {error}). Er "
            "is niets opgeslagen; probeer het opnieuw en meld deze regel bij de beheerder als "
            "het blijft gebeuren.",
            "Internal error: something unexpected went wrong in the program ({kind}: {error}). "
            "Nothing was stored; try again, and report this line to the administrator if it "
            "keeps happening.",
        ),
        "cli.interrupted": (
            "Gestopt op verzoek; een onderbroken schrijfactie wordt teruggedraaid.",
            "Stopped on request; an interrupted write is rolled back.",
        ),
    }
)

#: exit code of the last-resort net (BSD ``EX_SOFTWARE``: an internal error, not the input)
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[override]
        return super().add_usage(
            usage, actions, groups, prefix if prefix is not None else f"{tr('cli.usage_title')}: "
        )


class _Parser(argparse.ArgumentParser):
    """argparse with headings and usage errors in the chosen language, exit code 2."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)
        self._optionals.title = tr("cli.options_title")
        self._positionals.title = tr("cli.positionals_title")

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {tr('cli.error')}: {message}\n")


def _language_from(argv: Sequence[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="imgschade", description=tr("cli.description"), add_help=False)
    parser.add_argument("-h", "--help", action="help", help=tr("cli.help"))
    parser.add_argument(
        "--version", action="version", version=f"imgschade {__version__}", help=tr("cli.version")
    )
    parser.add_argument("--lang", choices=("nl", "en"), help=tr("cli.lang"))
    sub = parser.add_subparsers(dest="command", title=tr("cli.commands"), parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; ``--lang`` holds for this call only (the caller's setting is restored)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _language_from(argv)
    previous = os.environ.get("IMGSCHADE_LANG")
    if lang in ("nl", "en"):
        os.environ["IMGSCHADE_LANG"] = lang
    try:
        return _run(argv)
    except KeyboardInterrupt:
        print(tr("cli.interrupted"), file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # noqa: BLE001  the last-resort net: one line, never a traceback
        print(tr("cli.internal", kind=type(exc).__name__, error=_one_line(exc)), file=sys.stderr)
        return EXIT_INTERNAL
    finally:
        if previous is None:
            os.environ.pop("IMGSCHADE_LANG", None)
        else:
            os.environ["IMGSCHADE_LANG"] = previous


def _run(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        print(tr("cli.no_command"), file=sys.stderr)
        parser.print_help(sys.stderr)
        return 2
    try:
        result = handler(args)
    except InputError as exc:
        if getattr(args, "json", False):
            text = json.dumps(
                {"error": exc.summary, "problems": [p.as_dict() for p in exc.problems]},
                ensure_ascii=False,
                indent=2,
            )
            print(_redacted(text), file=sys.stderr)
        else:
            print(_redacted(str(exc)), file=sys.stderr)
        return 2
    except DomainError as exc:
        print(_redacted(str(exc)), file=sys.stderr)
        return 2
    return int(result or 0)


def _one_line(exc: BaseException) -> str:
    """The first line of an exception's text (a database error: the driver's own), without
    passwords; SQLAlchemy's statement and parameters are left out, they may hold data."""
    inner = getattr(exc, "orig", None) or exc
    lines = str(inner).strip().splitlines()
    return _redacted(lines[0][:300] if lines else "-")


def _redacted(text: str) -> str:
    """``text`` without passwords (store URLs, ``password=``, SQL ``PASSWORD '…'``)."""
    try:
        from domain.store.engine import redact
    except ImportError:  # the store's libraries are missing; nothing of a store is printed
        return text
    return redact(text)


def emit(args: argparse.Namespace, payload: object, text: str) -> None:
    """Print ``payload`` as JSON when ``--json`` was given, else the readable ``text``; no
    password is printed either way."""
    if getattr(args, "json", False):
        print(_redacted(json.dumps(payload, ensure_ascii=False, indent=2, default=str)))
    else:
        print(_redacted(text))
