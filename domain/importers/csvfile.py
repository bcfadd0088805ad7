"""Strict, streaming reading of the CSV files people export from Excel (claims, ownerships).

* Bytes: UTF-8 (with or without BOM) or, when the file is not valid UTF-8 at all,
  Windows-1252 — what Dutch Excel writes for "CSV (gescheiden door lijstscheidingsteken)".
  A file that mixes both, bytes Windows-1252 leaves undefined, NUL bytes and UTF-16 are
  refused with the line.
* Separator: ``;``, ``,`` or tab, taken from the header line only (or an Excel ``sep=;``
  line above it). Python's ``csv`` module in strict mode reads the rows: an unterminated
  quote or a broken row refuses the whole file with its line number.
* Header: every column known, none twice, none empty, the required ones present; a BSN or
  name column is refused outright.
* Rows: as many cells as the header (empty cells beyond it are allowed), no control or
  invisible characters. Values are parsed by the functions below, which raise
  :class:`BadValue` with what is wrong and what to do.

Numbers follow the file's convention: in a ``;`` file (Excel NL) ``,`` is the decimal sign and
``.`` groups thousands (``1.000,50``); in a ``,`` or tab file a lone separator followed by
exactly three digits (``1,000``, ``1.000``) could be either and is refused rather than guessed,
as is ``1.5`` in a ``;`` file. Digits must be 0–9 (no Arabic-Indic or full-width digits).

Line numbers are the file's own (where a quoted cell spans lines, the line the row starts on);
the file is read line by line, never whole, and checked to be unchanged between passes.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import difflib
import hashlib
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path

from domain.errors import InputError, Problem
from domain.i18n import register, tr
from domain.importers.common import Problems, fail

INT32_MAX = 2**31 - 1  # PostGIS Integer columns are 32-bit
DELIMITERS = (";", ",", "\t")


def separator_counts(line: str) -> dict[str, int]:
    """How often each of :data:`DELIMITERS` occurs in ``line`` outside double quotes."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    return counts


_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_PRIVATE_COLUMNS = (
    "naam",
    "name",
    "voornaam",
    "achternaam",
    "voorletters",
    "tussenvoegsel",
    "email",
    "e-mail",
    "telefoon",
    "geboortedatum",
)

register(
    {
        "csv.empty": ("het bestand is leeg", "the file is empty"),
        "csv.empty.hint": (
            "exporteer de tabel opnieuw, met de kolomnamen op de eerste regel",
            "export the table again, with the column names on the first line",
        ),
        "csv.is_dir": ("dit is een map, geen bestand", "this is a folder, not a file"),
        "csv.unreadable": ("bestand niet te lezen: {error}", "file cannot be read: {error}"),
        "csv.wide": (
            "het bestand is UTF-16/UTF-32 ('Unicode-tekst'), geen CSV",
            "the file is UTF-16/UTF-32 ('Unicode text'), not CSV",
        ),
        "csv.save_as": (
            "sla het in Excel op als 'CSV UTF-8 (door komma's gescheiden)' of 'CSV (gescheiden "
            "door lijstscheidingsteken)'",
            "save it in Excel as 'CSV UTF-8 (comma delimited)' or 'CSV (delimited by list "
            "separator)'",
        ),
        "csv.nul": ("de regel bevat NUL-bytes (geen tekst)", "the line holds NUL bytes (not text)"),
        "csv.mixed": (
            "de regel is geen UTF-8, terwijl {where} wel UTF-8 is: het bestand mengt twee "
            "tekensets",
            "the line is not UTF-8 while {where} is UTF-8: the file mixes two character sets",
        ),
        "csv.mixed.bom": ("de BOM aan het begin", "the BOM at the start"),
        "csv.mixed.line": ("regel {line}", "line {line}"),
        "csv.undefined": (
            "byte 0x{byte:02X} bestaat niet in Windows-1252 en het bestand is geen UTF-8",
            "byte 0x{byte:02X} does not exist in Windows-1252 and the file is not UTF-8",
        ),
        "csv.changed": (
            "het bestand is tijdens het importeren gewijzigd",
            "the file changed while it was being imported",
        ),
        "csv.changed.hint": (
            "sluit het programma dat het bestand schrijft en importeer opnieuw",
            "close the program writing the file and import again",
        ),
        "csv.mixed_separators": (
            "de kopregel gebruikt meer dan één scheidingsteken ({found})",
            "the header line uses more than one separator ({found})",
        ),
        "csv.separator.hint": (
            "gebruik één scheidingsteken: ; (Excel NL), , of tab",
            "use one separator: ; (Excel NL), , or tab",
        ),
        "csv.broken": (
            "rij onleesbaar als CSV ({error}); er is niets geïmporteerd",
            "row cannot be read as CSV ({error}); nothing was imported",
        ),
        "csv.broken.hint": (
            'controleer de aanhalingstekens op deze rij: elk " dat een cel opent moet hem '
            "ook sluiten",
            'check the quotes on this row: every " that opens a cell must close it',
        ),
        "csv.no_header": (
            "de eerste regel is leeg; daar horen de kolomnamen",
            "the first line is empty; the column names belong there",
        ),
        "csv.unnamed": ("kolom {n} heeft geen naam", "column {n} has no name"),
        "csv.unnamed.hint": (
            "geef de kolom een naam of verwijder hem",
            "name the column or remove it",
        ),
        "csv.duplicate_column": (
            "kolom '{column}' komt twee keer voor (kolom {first} en {second})",
            "column '{column}' occurs twice (columns {first} and {second})",
        ),
        "csv.duplicate_column.hint": (
            "houd één kolom over; anders is niet te zeggen welke waarde geldt",
            "keep one column; otherwise it is impossible to tell which value holds",
        ),
        "csv.synonyms": (
            "kolommen '{a}' en '{b}' betekenen hetzelfde; gebruik er één",
            "columns '{a}' and '{b}' mean the same; use one of them",
        ),
        "csv.unknown_column": (
            "kolom '{column}' is onbekend{suggestion}",
            "column '{column}' is unknown{suggestion}",
        ),
        "csv.suggestion": (" (bedoelt u '{name}'?)", " (did you mean '{name}'?)"),
        "csv.unknown_column.hint": (
            "bekende kolommen: {known}; hernoem of verwijder de kolom",
            "known columns: {known}; rename or remove the column",
        ),
        "csv.private_column": (
            "kolom '{column}' bevat persoonsgegevens; namen en contactgegevens worden nooit "
            "opgeslagen",
            "column '{column}' holds personal data; names and contact details are never stored",
        ),
        "csv.private_column.hint": (
            "verwijder de kolom en gebruik pseudoniemen (person_id, applicant_id)",
            "remove the column and use pseudonyms (person_id, applicant_id)",
        ),
        "csv.missing_column": (
            "kolom '{column}' ontbreekt (aanwezig: {present})",
            "column '{column}' is missing (present: {present})",
        ),
        "csv.missing_column.hint": (
            "voeg de kolom toe; zie de README voor de kolommen",
            "add the column; see the README for the columns",
        ),
        "csv.missing_any": (
            "geen van de kolommen {columns} is aanwezig",
            "none of the columns {columns} is present",
        ),
        "csv.cell_count": (
            "de rij heeft {n} cellen, de kopregel {width}",
            "the row has {n} cells, the header {width}",
        ),
        "csv.cell_count.hint": (
            "een scheidingsteken te veel of te weinig (bijv. een ; in een tekst zonder "
            "aanhalingstekens); herstel de rij",
            "one separator too many or too few (e.g. a ; in text without quotes); fix the row",
        ),
        "csv.invisible": (
            "de waarde bevat een onzichtbaar of stuurteken ({char})",
            "the value holds an invisible or control character ({char})",
        ),
        "csv.invisible.hint": (
            "typ de waarde opnieuw (zonder regeleinden, tabs of opmaaktekens)",
            "type the value again (without line breaks, tabs or formatting characters)",
        ),
        "import.unchanged": (
            "{n} rij(en) stonden al zo in de opslag (ongewijzigd)",
            "{n} row(s) were already in the store as they are (unchanged)",
        ),
        "value.required": ("verplicht veld is leeg", "required field is empty"),
        "value.required.hint": ("vul een waarde in", "fill in a value"),
        "value.too_long": (
            "'{value}…' is {n} tekens; hoogstens {max} passen",
            "'{value}…' is {n} characters; at most {max} fit",
        ),
        "value.too_long.hint": ("kort de waarde in", "shorten the value"),
        "value.foreign_digits": (
            "'{value}' bevat cijfers die geen 0–9 zijn (bijv. Arabisch-Indische of brede cijfers)",
            "'{value}' holds digits other than 0–9 (e.g. Arabic-Indic or full-width digits)",
        ),
        "value.foreign_digits.hint": (
            "typ het getal met de cijfers 0–9",
            "type the number with the digits 0–9",
        ),
        "value.not_finite": (
            "'{value}' is geen getal (oneindig of NaN)",
            "'{value}' is not a number (infinite or NaN)",
        ),
        "value.not_number": ("'{value}' is geen getal", "'{value}' is not a number"),
        "value.number.hint": (
            "schrijf bijv. {example}",
            "write e.g. {example}",
        ),
        "value.ambiguous": (
            "'{value}' is dubbelzinnig: {why}",
            "'{value}' is ambiguous: {why}",
        ),
        "value.ambiguous.three": (
            "is '{sep}' hier een duizendtal-scheiding of een decimaalteken?",
            "is '{sep}' a thousands separator or a decimal sign here?",
        ),
        "value.ambiguous.point": (
            "in een ;-bestand (Excel NL) is ',' het decimaalteken en groepeert '.' per drie "
            "cijfers",
            "in a ;-file (Excel NL) ',' is the decimal sign and '.' groups by three digits",
        ),
        "value.ambiguous.hint": (
            "schrijf het getal zonder duizendtal-scheiding en met het decimaalteken van dit "
            "bestand, bijv. {example}",
            "write the number without a thousands separator and with this file's decimal "
            "sign, e.g. {example}",
        ),
        "value.not_whole": ("'{value}' is geen geheel getal", "'{value}' is not a whole number"),
        "value.whole.hint": (
            "geef een geheel getal van {lo} tot en met {hi}, alleen cijfers",
            "give a whole number from {lo} to {hi}, digits only",
        ),
        "value.out_of_range": (
            "{value} ligt buiten {lo} … {hi}",
            "{value} lies outside {lo} … {hi}",
        ),
        "value.negative": ("'{value}' is negatief", "'{value}' is negative"),
        "value.cents": (
            "'{value}' heeft meer dan twee decimalen",
            "'{value}' has more than two decimals",
        ),
        "value.amount.hint": (
            "geef het bedrag in euro's, 0 tot en met {max}, bijv. 1.234,50 of 1234",
            "give the amount in euros, 0 to {max}, e.g. 1.234,50 or 1234",
        ),
        "value.bad_date": (
            "'{value}' is geen datum",
            "'{value}' is not a date",
        ),
        "value.date.hint": (
            "schrijf JJJJ-MM-DD of DD-MM-JJJJ (bijv. 2023-06-05 of 5-6-2023)",
            "write YYYY-MM-DD or DD-MM-YYYY (e.g. 2023-06-05 or 5-6-2023)",
        ),
        "value.slash_date": (
            "'{value}' is dubbelzinnig (dag/maand of maand/dag?)",
            "'{value}' is ambiguous (day/month or month/day?)",
        ),
        "value.no_such_date": (
            "datum '{value}' bestaat niet ({error})",
            "date '{value}' does not exist ({error})",
        ),
        "value.date_range": (
            "datum {value} ligt buiten {lo} … {hi}",
            "date {value} lies outside {lo} … {hi}",
        ),
        "value.date_range.hint": (
            "controleer het jaar (een datum in de toekomst kan hier niet)",
            "check the year (a date in the future is not possible here)",
        ),
        "value.bad_bool": ("'{value}' is geen ja/nee", "'{value}' is not yes/no"),
        "value.bool.hint": ("schrijf ja of nee", "write ja or nee (yes/no)"),
        "value.bad_choice": (
            "'{value}' is geen geldige waarde",
            "'{value}' is not a valid value",
        ),
        "value.choice.hint": ("kies uit {choices}", "choose from {choices}"),
    }
)

_TRUE = frozenset({"ja", "j", "yes", "y", "true", "t", "1", "waar", "x"})
_FALSE = frozenset({"nee", "n", "no", "false", "f", "0", "onwaar"})


class BadValue(ValueError):
    """One cell's value is wrong: the message says what, the hint what to do."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class _Changed(Exception):
    """The bytes differ from what the first look at the file saw."""


class Row:
    """One data row: its line, its cells by column name, and where its problems go."""

    __slots__ = ("line", "values", "problems", "bad", "_start", "_cache")

    def __init__(
        self, line: int, values: dict[str, str], problems: Problems, bad: set, cache: dict
    ) -> None:
        self.line = line
        self.values = values
        self.problems = problems
        self.bad = bad
        self._start = problems.total
        self._cache = cache

    def get(self, name: str) -> str:
        return self.values.get(name, "")

    @property
    def ok(self) -> bool:
        """No problem was reported for this row (so far)."""
        return self.problems.total == self._start

    def problem(self, field_name: str, message: str, hint: str = "") -> None:
        self.problems.add(self.line, field_name, message, hint)

    def value(self, name: str, parser, *args, required: bool = False, cache: bool = True):
        """``parser(cell, *args)``; None for an empty cell (a problem if ``required``).

        Results are remembered per column and cell text (files repeat dates, persons and
        amounts on many rows); ``cache=False`` for columns whose values are all different.
        """
        if name in self.bad:
            return None
        raw = self.values.get(name, "")
        if not raw:
            if required:
                self.problem(name, tr("value.required"), tr("value.required.hint"))
            return None
        key = (name, raw)
        known = self._cache.get(key) if cache else None
        if known is None:
            try:
                known = (True, parser(raw, *args))
            except BadValue as exc:
                known = (False, exc)
            if cache:
                if len(self._cache) >= _CACHE_SIZE:
                    self._cache.clear()
                self._cache[key] = known
        if known[0]:
            return known[1]
        self.problem(name, known[1].message, known[1].hint)
        return None


_CACHE_SIZE = 100_000


class _Lines:
    """Decoded lines of a binary file, counting lines and hashing the bytes as it goes."""

    def __init__(self, handle, encoding: str) -> None:
        self.handle = handle
        self.encoding = encoding
        self.line = 0
        self.digest = hashlib.sha256()

    def __iter__(self):
        return self

    def __next__(self) -> str:
        raw = self.handle.readline()
        if not raw:
            raise StopIteration
        self.digest.update(raw)
        self.line += 1
        if self.line == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        if b"\x00" in raw:
            raise _Changed
        try:
            return raw.decode(self.encoding)
        except UnicodeDecodeError:
            raise _Changed from None


class CsvFile:
    """A CSV import file: bytes checked, separator and header read; rows streamed on demand.

    ``columns``: every column the importer knows; ``required``: those that must be present;
    ``any_of``: groups of which at least one column must be present; ``synonyms``: pairs of
    names for the same thing (only one may be used). Raises ``InputError`` for a file that
    cannot be imported at all (not found, bytes, header).
    """

    def __init__(
        self,
        path,
        columns: Sequence[str],
        required: Sequence[str] = (),
        any_of: Sequence[Sequence[str]] = (),
        synonyms: Sequence[tuple[str, str]] = (),
    ) -> None:
        self.path = Path(path)
        self.name = self.path.name
        if not self.path.exists():
            raise fail(self.name, tr("import.not_found"))
        if self.path.is_dir():
            raise fail(self.name, tr("csv.is_dir"))
        self.blank_rows = 0
        try:
            self.encoding, self.digest = self._scan_bytes()
            self._read_header(columns, required, any_of, synonyms)
        except OSError as exc:
            raise fail(self.name, tr("csv.unreadable", error=exc.strerror or exc)) from None

    # --- bytes --------------------------------------------------------------------------
    def _scan_bytes(self) -> tuple[str, str]:
        with self.path.open("rb") as f:
            return detect_encoding(f, self.name)

    # --- header -------------------------------------------------------------------------
    def _read_header(self, columns, required, any_of, synonyms) -> None:
        with self.path.open("rb") as f:
            lines = _Lines(f, self.encoding)
            try:
                first = next(lines)
            except (StopIteration, _Changed):
                raise fail(self.name, tr("csv.empty")) from None
            self.skip = 0
            sep = re.fullmatch(r"sep=(.)\r?\n?", first, re.IGNORECASE)
            if sep and sep.group(1) in DELIMITERS:
                self.delimiter = sep.group(1)
                self.skip = 1
                try:
                    first = next(lines)
                except (StopIteration, _Changed):
                    raise fail(self.name, tr("csv.empty")) from None
            else:
                self.delimiter = self._delimiter(first)
            header_line = self.skip + 1
            if not first.strip():
                raise _refused(self.name, tr("csv.no_header"), tr("csv.empty.hint"), header_line)
            reader = csv.reader(_prepend(first, lines), delimiter=self.delimiter, strict=True)
            try:
                cells = next(reader)
            except (csv.Error, _Changed) as exc:
                raise _refused(
                    self.name,
                    tr("csv.broken", error=exc),
                    tr("csv.broken.hint"),
                    header_line,
                ) from None
        self.header_line = header_line
        names = [c.strip().lower() for c in cells]
        while names and not names[-1]:  # Excel's trailing separators: empty, nameless columns
            names.pop()
        self.header = names
        problems = Problems(self.name)
        seen: dict[str, int] = {}
        for i, name in enumerate(names, start=1):
            if not name:
                problems.add(
                    header_line, f"kolom {i}", tr("csv.unnamed", n=i), tr("csv.unnamed.hint")
                )
                continue
            if name in seen:
                problems.add(
                    header_line,
                    name,
                    tr("csv.duplicate_column", column=name, first=seen[name], second=i),
                    tr("csv.duplicate_column.hint"),
                )
                continue
            seen[name] = i
            if "bsn" in name:
                problems.add(header_line, name, tr("import.bsn"))
            elif name in _PRIVATE_COLUMNS:
                problems.add(
                    header_line,
                    name,
                    tr("csv.private_column", column=name),
                    tr("csv.private_column.hint"),
                )
            elif name not in columns:
                close = difflib.get_close_matches(name, columns, n=1)
                suggestion = tr("csv.suggestion", name=close[0]) if close else ""
                problems.add(
                    header_line,
                    name,
                    tr("csv.unknown_column", column=name, suggestion=suggestion),
                    tr("csv.unknown_column.hint", known=", ".join(columns)),
                )
        for a, b in synonyms:
            if a in seen and b in seen:
                problems.add(header_line, b, tr("csv.synonyms", a=a, b=b))
        present = ", ".join(n for n in names if n) or "-"
        for column in required:
            if column not in seen:
                problems.add(
                    header_line,
                    column,
                    tr("csv.missing_column", column=column, present=present),
                    tr("csv.missing_column.hint"),
                )
        for group in any_of:
            if not any(c in seen for c in group):
                problems.add(
                    header_line,
                    group[0],
                    tr("csv.missing_any", columns=", ".join(group)),
                    tr("csv.missing_column.hint"),
                )
        problems.raise_if_any()

    def _delimiter(self, line: str) -> str:
        counts = separator_counts(line)
        used = [d for d in DELIMITERS if counts[d]]
        if len(used) > 1:
            shown = " ".join("tab" if d == "\t" else d for d in used)
            raise _refused(
                self.name,
                tr("csv.mixed_separators", found=shown),
                tr("csv.separator.hint"),
                self.skip + 1,
            )
        return used[0] if used else ","

    # --- rows ---------------------------------------------------------------------------
    def rows(self, problems: Problems) -> Iterator[Row]:
        """Every non-blank data row, checked for structure; problems go to ``problems``.

        A row that cannot be read as CSV ends the reading (the rest of the file cannot be
        trusted); a file that changed since it was opened is a problem at the end.
        """
        width = len(self.header)
        self.blank_rows = 0
        cache: dict = {}
        with self.path.open("rb") as f:
            lines = _Lines(f, self.encoding)
            reader = csv.reader(lines, delimiter=self.delimiter, strict=True)
            try:
                for _ in range(self.skip):
                    next(lines)
                next(reader)  # the header, checked when the file was opened
            except (StopIteration, csv.Error, _Changed):
                problems.add(None, "", tr("csv.changed"), tr("csv.changed.hint"))
                return
            while True:
                start = lines.line + 1
                try:
                    cells = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:
                    problems.add(start, "", tr("csv.broken", error=exc), tr("csv.broken.hint"))
                    return
                except _Changed:
                    problems.add(None, "", tr("csv.changed"), tr("csv.changed.hint"))
                    return
                if not any(c.strip() for c in cells):
                    self.blank_rows += 1
                    continue
                n = len(cells)
                if n != width and (n < width or any(c.strip() for c in cells[width:])):
                    problems.add(
                        start,
                        "",
                        tr("csv.cell_count", n=n, width=width),
                        tr("csv.cell_count.hint"),
                    )
                    continue
                values: dict[str, str] = {}
                bad: set[str] = set()
                for name, cell in zip(self.header, cells):
                    value = cell.strip()
                    if not value.isprintable():
                        char = next(c for c in value if not c.isprintable() and c != " ")
                        problems.add(
                            start,
                            name,
                            tr("csv.invisible", char=f"U+{ord(char):04X}"),
                            tr("csv.invisible.hint"),
                        )
                        bad.add(name)
                        value = ""
                    values[name] = value
                yield Row(start, values, problems, bad, cache)
        if lines.digest.hexdigest() != self.digest:
            problems.add(None, "", tr("csv.changed"), tr("csv.changed.hint"))


def detect_encoding(handle, name: str) -> tuple[str, str]:
    """Which encoding a whole binary stream is in (``utf-8`` or ``cp1252``) and its SHA-256;
    raises ``InputError`` naming every line a decoder would trip on (NUL bytes, UTF-16, a mix
    of UTF-8 and another set, bytes Windows-1252 leaves undefined). Reads line by line."""
    problems = Problems(name)
    digest = hashlib.sha256()
    first_utf8 = None  # first line with valid non-ASCII UTF-8
    not_utf8: list[int] = []
    undefined: list[tuple[int, int]] = []
    head = handle.read(4)
    handle.seek(0)
    if not head:
        raise fail(name, tr("csv.empty"))
    if head.startswith(_WIDE_BOMS):
        raise _refused(name, tr("csv.wide"), tr("csv.save_as"), 1)
    bom = head.startswith(codecs.BOM_UTF8)
    for number, raw in enumerate(handle, start=1):
        digest.update(raw)
        if b"\x00" in raw:
            problems.add(number, "", tr("csv.nul"), tr("csv.save_as"))
            continue
        if raw.isascii():
            continue
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            not_utf8.append(number)
            bad = next((b for b in raw if b in _CP1252_UNDEFINED), None)
            if bad is not None:
                undefined.append((number, bad))
            continue
        if first_utf8 is None:
            first_utf8 = number
    encoding = "utf-8"
    if not_utf8:
        if bom or first_utf8 is not None:
            where = tr("csv.mixed.bom") if bom else tr("csv.mixed.line", line=first_utf8)
            for number in not_utf8:
                problems.add(number, "", tr("csv.mixed", where=where), tr("csv.save_as"))
        else:
            encoding = "cp1252"
            for number, byte in undefined:
                problems.add(number, "", tr("csv.undefined", byte=byte), tr("csv.save_as"))
    problems.raise_if_any()
    return encoding, digest.hexdigest()


def _prepend(first: str, rest) -> Iterator[str]:
    yield first
    yield from rest


def _refused(file: str, message: str, hint: str, line: int | None = None) -> InputError:
    return InputError(
        tr("import.rejected", file=file, n=1), [Problem(message, file, line, "", hint)]
    )


# --- values -------------------------------------------------------------------------------
_ASCII_NUMBER = re.compile(r"[0-9.,]+", re.ASCII)
_GROUPED = {
    ".": re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+", re.ASCII),
    ",": re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+", re.ASCII),
}
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", re.ASCII)
_NL_DATE = re.compile(r"([0-9]{1,2})-([0-9]{1,2})-([0-9]{4})", re.ASCII)
_SLASH_DATE = re.compile(r"[0-9]{1,4}/[0-9]{1,2}/[0-9]{1,4}", re.ASCII)


def _foreign_digits(value: str) -> bool:
    return not value.isascii() and any(ch.isdigit() and not ch.isascii() for ch in value)


def text(value: str, max_length: int) -> str:
    """A text cell that must fit a ``VARCHAR(max_length)`` column."""
    if len(value) > max_length:
        raise BadValue(
            tr("value.too_long", value=value[:20], n=len(value), max=max_length),
            tr("value.too_long.hint"),
        )
    return value


def whole_number(value: str, lo: int = 1, hi: int = INT32_MAX) -> int:
    """A whole number of ASCII digits only, ``lo`` … ``hi`` (no signs, separators or decimals)."""
    if value.isascii() and value.isdigit() and len(value) <= 12 and lo <= int(value) <= hi:
        return int(value)
    hint = tr("value.whole.hint", lo=lo, hi=hi)
    if _foreign_digits(value):
        raise BadValue(tr("value.foreign_digits", value=value), tr("value.foreign_digits.hint"))
    if not value.isascii() or not value.isdigit() or len(value) > 12:
        raise BadValue(tr("value.not_whole", value=value), hint)
    raise BadValue(tr("value.out_of_range", value=int(value), lo=lo, hi=hi), hint)


def _number_hint(example: str) -> str:
    return tr("value.number.hint", example=example)


def decimal_number(value: str, delimiter: str) -> Decimal:
    """A number as written in a file separated by ``delimiter`` (see the module doc).

    An optional ``€``/``EUR`` before or after, a leading minus; never a guess.
    """
    example = "1234,50" if delimiter == ";" else "1234.50"
    text = value.strip()
    if text.isascii() and text.isdigit():
        return Decimal(text)
    for mark in ("€", "EUR", "eur"):
        if text.startswith(mark):
            text = text[len(mark) :].lstrip()
        elif text.endswith(mark):
            text = text[: -len(mark)].rstrip()
    negative = text.startswith("-")
    if negative:
        text = text[1:].lstrip()
    if _foreign_digits(text):
        raise BadValue(tr("value.foreign_digits", value=value), tr("value.foreign_digits.hint"))
    if text.lower() in ("nan", "inf", "infinity", "+inf", "-inf", "∞"):
        raise BadValue(tr("value.not_finite", value=value), _number_hint(example))
    if (
        not text
        or not _ASCII_NUMBER.fullmatch(text)
        or not text[0].isdigit()
        or not text[-1].isdigit()
    ):
        raise BadValue(tr("value.not_number", value=value), _number_hint(example))
    dots, commas = text.count("."), text.count(",")

    def ambiguous(why: str):
        return BadValue(
            tr("value.ambiguous", value=value, why=why),
            tr("value.ambiguous.hint", example=example),
        )

    if dots and commas:
        last = max(text.rfind("."), text.rfind(","))
        decimal_sign = text[last]
        thousands = "," if decimal_sign == "." else "."
        whole, fraction = text[:last], text[last + 1 :]
        if delimiter == ";" and decimal_sign == ".":
            raise ambiguous(tr("value.ambiguous.point"))
        if thousands in fraction or not _GROUPED[thousands].fullmatch(whole):
            raise BadValue(tr("value.not_number", value=value), _number_hint(example))
        digits = whole.replace(thousands, "") + "." + fraction
    elif commas or dots:
        sign = "," if commas else "."
        parts = text.split(sign)
        if len(parts) > 2:  # 1.000.000: only thousands make sense
            if delimiter == ";" and sign == ",":
                raise BadValue(tr("value.not_number", value=value), _number_hint(example))
            if not _GROUPED[sign].fullmatch(text):
                raise BadValue(tr("value.not_number", value=value), _number_hint(example))
            digits = text.replace(sign, "")
        elif delimiter == ";":
            if sign == ",":  # the decimal comma
                digits = parts[0] + "." + parts[1]
            elif _GROUPED["."].fullmatch(text):  # Excel NL: 1.000 is a thousand
                digits = text.replace(".", "")
            else:
                raise ambiguous(tr("value.ambiguous.point"))
        elif len(parts[1]) == 3:
            raise ambiguous(tr("value.ambiguous.three", sep=sign))
        else:
            digits = parts[0] + "." + parts[1]
    else:
        digits = text
    try:
        number = Decimal(digits)
    except InvalidOperation:
        raise BadValue(tr("value.not_number", value=value), _number_hint(example)) from None
    return -number if negative else number


def amount(value: str, delimiter: str, maximum: int) -> Decimal:
    """A sum of money in euros: 0 … ``maximum``, at most two decimals."""
    number = decimal_number(value, delimiter)
    if 0 <= number <= maximum and number == number.quantize(Decimal("0.01")):
        return number
    hint = tr("value.amount.hint", max=maximum)
    if number < 0:
        raise BadValue(tr("value.negative", value=value), hint)
    if number > maximum:
        raise BadValue(tr("value.out_of_range", value=value, lo=0, hi=maximum), hint)
    if number != number.quantize(Decimal("0.01")):
        raise BadValue(tr("value.cents", value=value), hint)
    return number


def date(value: str, lo: dt.date, hi: dt.date) -> dt.date:
    """``YYYY-MM-DD`` or Dutch ``D-M-YYYY``; a real day within ``lo`` … ``hi``."""
    match = _ISO_DATE.fullmatch(value)
    if match:
        year, month, day_number = match.groups()
    else:
        match = _NL_DATE.fullmatch(value)
        if not match:
            if _foreign_digits(value):
                raise BadValue(
                    tr("value.foreign_digits", value=value), tr("value.foreign_digits.hint")
                )
            if _SLASH_DATE.fullmatch(value):
                raise BadValue(tr("value.slash_date", value=value), tr("value.date.hint"))
            raise BadValue(tr("value.bad_date", value=value), tr("value.date.hint"))
        day_number, month, year = match.groups()
    try:
        day = dt.date(int(year), int(month), int(day_number))
    except ValueError as exc:
        raise BadValue(
            tr("value.no_such_date", value=value, error=exc), tr("value.date.hint")
        ) from None
    if not lo <= day <= hi:
        raise BadValue(
            tr("value.date_range", value=day.isoformat(), lo=lo.isoformat(), hi=hi.isoformat()),
            tr("value.date_range.hint"),
        )
    return day


def yes_no(value: str) -> bool:
    word = value.lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise BadValue(tr("value.bad_bool", value=value), tr("value.bool.hint"))


def choice(value: str, choices: Sequence[str]) -> str:
    word = value.lower()
    if word not in choices:
        raise BadValue(
            tr("value.bad_choice", value=value),
            tr("value.choice.hint", choices=", ".join(choices)),
        )
    return word


def person_id(value: str, max_length: int) -> str:
    """A pseudonym (see :mod:`domain.importers.pseudonym`) that fits the column."""
    from domain.importers.pseudonym import pseudonym_problem

    key = pseudonym_problem(value)
    if key:
        raise BadValue(tr(key, value=value), tr("pseudonym.hint"))
    return text(value, max_length)


def column_length(table, column: str) -> int:
    """The ``VARCHAR(n)`` length of a schema column (TEXT in a GeoPackage, same limit)."""
    return int(table.c[column].type.length)


class Duplicates:
    """Finds keys that occur more than once in a stream with 16 bytes per row, not the keys.

    ``add`` records the key's hash and line; ``lines_to_check`` gives the lines whose hashes
    collide, so the caller can read those rows again and compare the real keys.
    """

    def __init__(self) -> None:
        from array import array

        self.hashes = array("q")
        self.lines = array("q")

    def add(self, key: str, line: int) -> None:
        self.hashes.append(hash(key))
        self.lines.append(line)

    def lines_to_check(self) -> set[int]:
        import numpy as np

        if len(self.hashes) < 2:
            return set()
        hashes = np.frombuffer(self.hashes, dtype=np.int64)
        order = np.argsort(hashes, kind="stable")
        in_order = hashes[order]
        same = in_order[1:] == in_order[:-1]
        if not same.any():
            return set()
        marked = np.zeros(len(hashes), dtype=bool)
        marked[1:] |= same
        marked[:-1] |= same
        lines = np.frombuffer(self.lines, dtype=np.int64)[order[marked]]
        return {int(v) for v in lines}


def first_occurrences(keys: list[tuple[int, str]]) -> list[tuple[int, str, int]]:
    """(line, key, first line) for every repeat among (line, key) pairs."""
    first: dict[str, int] = {}
    out = []
    for line, key in sorted(keys):
        if key in first:
            out.append((line, key, first[key]))
        else:
            first[key] = line
    return out
