"""Read earthquake catalogues in every layout KNMI publishes, all-or-nothing.

Layouts (detected from the content, not the file name): the Groningen export
(``event_id,place,time,ml,depth_km,rd_x,rd_y,field``), the national list
(``date,place,ml,depth_km,lat,lon`` — no id, so a stable one is derived), KNMI's older
``all_induced.csv`` (``YYMMDD,TIME,LOCATION,LAT,LON,DEPTH,MAG,EVALMODE``), the FDSN event
text format (pipe separated) and QuakeML 1.2. Times become UTC, coordinates RD New. Every
problem in a file is collected and reported at once; a file with any problem imports nothing.

Each layout declares the time zone of its clock times (``LAYOUT_TIME_ZONES``): FDSN text and
QuakeML are UTC by their standard, the Groningen export is Dutch local time (Huizinge
``2012-08-16T20:30:33`` is 18:30:33 UTC); the national date list and ``all_induced.csv`` say
nothing, so their zone is the caller's ``time_zone`` (CLI ``--time-zone``), by default policy
``CATALOG_DEFAULT_TIME_ZONE`` (UTC, as KNMI publishes); for the other layouts a different
``time_zone`` is refused. A time that names its offset (``Z``, ``+01:00``) keeps it.
Summer-time changes: see :mod:`domain.presentation.dutch_time`.

Strict like the claims CSV (:mod:`domain.importers.csvfile`): UTF-8 or Windows-1252 bytes,
the csv module in strict mode, one separator from the header, no duplicated or nameless
columns, no cells beyond the header, digits 0–9 only, no NaN or infinity, texts that fit the
store's columns, times that exist and lie between policy ``CATALOG_TIME_MIN`` and now. A
QuakeML file with a DTD or entity declarations is refused (no entity expansion ever).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
import io
import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from pyproj import Transformer

from domain import policy
from domain.errors import InputError, Problem
from domain.groundmotion.catalog import Catalog, Quake, attribute
from domain.groundmotion.coordinates import RD_NEW
from domain.i18n import register, tr
from domain.importers import csvfile
from domain.importers.common import Problems
from domain.presentation.dutch_time import local_to_utc, zone
from domain.store.schema import quakes as quakes_table

GRONINGEN_COLUMNS = ("event_id", "place", "time", "ml", "depth_km", "rd_x", "rd_y", "field")
NL_COLUMNS = ("date", "place", "ml", "depth_km", "lat", "lon")
ALL_INDUCED_COLUMNS = ("YYMMDD", "TIME", "LOCATION", "LAT", "LON", "DEPTH", "MAG")
FDSN_COLUMNS = ("EventID", "Time", "Latitude", "Longitude", "Depth/km", "Magnitude")
#: the zone of each layout's clock times; None: not stated by the layout, the caller's choice
LAYOUT_TIME_ZONES = {
    "groningen": policy.DUTCH_TIME_ZONE,
    "fdsn_text": "UTC",
    "quakeml": "UTC",
    "nl": None,
    "all_induced": None,
}


@functools.cache
def _wgs84_to_rd() -> Transformer:
    """Built on first use: RD-only catalogues (and start-up) never pay for it."""
    return Transformer.from_crs("EPSG:4326", RD_NEW, always_xy=True)


_ISO = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*"
    r"(Z|[+-]\d{2}:?\d{2})?$",
    re.ASCII,
)
_HHMMSS = re.compile(r"^(\d{1,2}):?(\d{2}):?(\d{2})(?:\.(\d+))?$", re.ASCII)
_NUMBER = re.compile(r"[-+]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)(?:[eE][-+]?[0-9]{1,3})?", re.ASCII)
_ID_MAX = csvfile.column_length(quakes_table, "event_id")
_PLACE_MAX = csvfile.column_length(quakes_table, "place")
_SOURCE_MAX = csvfile.column_length(quakes_table, "source")

register(
    {
        "cat.rejected": (
            "{file}: catalogus niet ingelezen ({n} problemen)",
            "{file}: catalogue not read ({n} problems)",
        ),
        "cat.not_number": ("'{value}' is geen getal", "'{value}' is not a number"),
        "cat.number.hint": ("geef een getal met een punt", "give a number with a point"),
        "cat.not_finite": (
            "'{value}' is geen eindig getal (NaN of oneindig)",
            "'{value}' is not a finite number (NaN or infinity)",
        ),
        "cat.not_finite.hint": (
            "laat de cel leeg als de waarde onbekend is (alleen bij de diepte)",
            "leave the cell empty where the value is unknown (depth only)",
        ),
        "cat.missing": ("waarde ontbreekt", "value is missing"),
        "cat.missing.hint": ("vul een getal in", "fill in a number"),
        "cat.bad_time": ("tijd '{value}' onleesbaar", "time '{value}' unreadable"),
        "cat.time.hint": ("schrijf JJJJ-MM-DDTuu:mm:ss", "write YYYY-MM-DDThh:mm:ss"),
        "cat.no_such_time": (
            "tijd '{value}' bestaat niet ({error})",
            "time '{value}' does not exist ({error})",
        ),
        "cat.check_date": ("controleer de datum", "check the date"),
        "cat.time_range": (
            "tijd {value} ligt buiten {lo} … nu",
            "time {value} lies outside {lo} … now",
        ),
        "cat.time_range.hint": (
            "controleer het jaar; een beving in de toekomst kan niet",
            "check the year; a quake in the future is impossible",
        ),
        "cat.ml_range": ("ML {ml} buiten {lo}…{hi}", "ML {ml} outside {lo}…{hi}"),
        "cat.ml.hint": ("controleer de magnitude", "check the magnitude"),
        "cat.depth_range": (
            "diepte {depth} km buiten {lo}…{hi} km",
            "depth {depth} km outside {lo}…{hi} km",
        ),
        "cat.depth.hint": (
            "geef de diepte in km (leeg als onbekend)",
            "give the depth in km (empty if unknown)",
        ),
        "cat.outside": (
            "coördinaten liggen buiten Nederland",
            "coordinates lie outside the Netherlands",
        ),
        "cat.outside.hint": (
            "controleer coördinaten en volgorde (RD in meters of WGS84 graden)",
            "check coordinates and their order (RD in metres or WGS84 degrees)",
        ),
        "cat.twice": (
            "beving {event} komt al voor op regel {line} met andere waarden",
            "quake {event} already occurs on line {line} with other values",
        ),
        "cat.twice.hint": ("houd één versie van de beving over", "keep one version of the quake"),
        "cat.unreadable": ("{file}: niet te lezen", "{file}: cannot be read"),
        "cat.give_text": (
            "geef een UTF-8 tekstbestand (KNMI-export)",
            "give a UTF-8 text file (KNMI export)",
        ),
        "cat.not_csv": ("{file}: geen geldige CSV", "{file}: not a valid CSV"),
        "cat.save_csv": ("sla het bestand op als gewone CSV", "save the file as plain CSV"),
        "cat.unknown_layout": (
            "{file}: onbekende catalogusindeling",
            "{file}: unknown catalogue layout",
        ),
        "cat.header_unknown": (
            "kopregel '{header}' niet herkend",
            "header line '{header}' not recognised",
        ),
        "cat.layout.hint": (
            "gebruik een KNMI-export (CSV, FDSN-tekst of QuakeML)",
            "use a KNMI export (CSV, FDSN text or QuakeML)",
        ),
        "cat.columns_missing": ("{file}: kolommen ontbreken", "{file}: columns are missing"),
        "cat.column_missing": ("kolom '{column}' ontbreekt", "column '{column}' is missing"),
        "cat.header_must": ("kop moet bevatten: {columns}", "the header must hold: {columns}"),
        "cat.fdsn.hint": ("gebruik format=text van FDSN", "use FDSN's format=text"),
        "cat.bad_header": ("{file}: kopregel onbruikbaar", "{file}: header line unusable"),
        "cat.bad_date": ("datum '{value}' onleesbaar", "date '{value}' unreadable"),
        "cat.yymmdd.hint": ("schrijf JJMMDD", "write YYMMDD"),
        "cat.bad_clock": ("tijd '{value}' onleesbaar", "time '{value}' unreadable"),
        "cat.clock.hint": ("schrijf uummss.ss of uu:mm:ss", "write hhmmss.ss or hh:mm:ss"),
        "cat.no_such_datetime": (
            "datum/tijd bestaat niet ({error})",
            "date/time does not exist ({error})",
        ),
        "cat.no_event_id": ("EventID ontbreekt", "EventID is missing"),
        "cat.event_id.hint": ("elke beving heeft een id nodig", "every quake needs an id"),
        "cat.quakeml_unreadable": ("{file}: QuakeML onleesbaar", "{file}: QuakeML unreadable"),
        "cat.quakeml.hint": ("geef een QuakeML 1.2 bestand", "give a QuakeML 1.2 file"),
        "cat.dtd": (
            "QuakeML met een DOCTYPE of entiteiten wordt niet gelezen",
            "QuakeML with a DOCTYPE or entities is not read",
        ),
        "cat.dtd.hint": (
            "vraag het bestand opnieuw op bij KNMI (format=xml); verwijder de DOCTYPE-regel",
            "fetch the file again from KNMI (format=xml); remove the DOCTYPE line",
        ),
        "cat.event_incomplete": (
            "publicID, origin of magnitude ontbreekt",
            "publicID, origin or magnitude is missing",
        ),
        "cat.event_incomplete.hint": (
            "elke beving heeft een id, een origin en een magnitude nodig",
            "every quake needs an id, an origin and a magnitude",
        ),
        "cat.bad_offset": (
            "tijdzone '{value}' bestaat niet",
            "time zone offset '{value}' does not exist",
        ),
        "cat.bad_zone": ("{file}: tijdzone onbekend", "{file}: time zone unknown"),
        "cat.bad_zone.detail": (
            "tijdzone '{value}' bestaat niet",
            "time zone '{value}' does not exist",
        ),
        "cat.bad_zone.hint": (
            "geef een IANA-naam, bijvoorbeeld Europe/Amsterdam of UTC",
            "give an IANA name, for example Europe/Amsterdam or UTC",
        ),
        "cat.fixed_zone": (
            "{file}: tijdzone ligt vast",
            "{file}: the time zone is fixed",
        ),
        "cat.fixed_zone.detail": (
            "deze indeling ({layout}) geeft tijden in {zone}; --time-zone {value} past daar niet bij",
            "this layout ({layout}) gives times in {zone}; --time-zone {value} does not apply",
        ),
        "cat.fixed_zone.hint": ("laat --time-zone weg", "leave out --time-zone"),
        "cat.bad_end": (
            "{file}: einddatum van de catalogus onbruikbaar",
            "{file}: catalogue end unusable",
        ),
        "cat.end_before": (
            "--catalog-end {value} ligt vóór de laatste beving in het bestand ({latest})",
            "--catalog-end {value} lies before the latest quake in the file ({latest})",
        ),
        "cat.end_before.hint": (
            "geef een datum op of na {latest}, of laat --catalog-end weg",
            "give a date on or after {latest}, or leave out --catalog-end",
        ),
        "cat.end_date.hint": ("schrijf JJJJ-MM-DD", "write YYYY-MM-DD"),
        "cat.end_future": (
            "--catalog-end {value} ligt in de toekomst",
            "--catalog-end {value} lies in the future",
        ),
        "cat.end_future.hint": (
            "een catalogus kan niet verder gaan dan vandaag; geef de dag van de export",
            "a catalogue cannot reach beyond today; give the day of the export",
        ),
    }
)


@dataclass
class ParsedCatalog:
    """What a file held: quakes (source filled only when the file names the field)."""

    quakes: list[Quake]
    has_field: bool
    layout: str


@dataclass
class _Reader:
    """Collects quakes and problems for one file; ``finish`` raises if anything was wrong."""

    name: str
    tz: dt.tzinfo = dt.timezone.utc  # zone of clock times that name no offset
    problems: Problems = None  # type: ignore[assignment]
    seen: dict[str, tuple[Quake, int]] = field(default_factory=dict)
    quakes: list[Quake] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.problems = Problems(self.name)
        self.now = dt.datetime.now(dt.timezone.utc)

    def problem(self, line: int | None, fld: str, message: str, hint: str) -> None:
        self.problems.add(line, fld, message, hint)

    def number(self, line, fld, text, *, optional=False) -> float | None:
        text = (text or "").strip()
        if text == "":
            if optional:
                return None
            self.problem(line, fld, tr("cat.missing"), tr("cat.missing.hint"))
            return None
        lowered = text.lower().lstrip("+-")
        if lowered in ("nan", "inf", "infinity", "∞"):
            self.problem(line, fld, tr("cat.not_finite", value=text), tr("cat.not_finite.hint"))
            return None
        if not _NUMBER.fullmatch(text) or text.count(",") + text.count(".") > 1:
            if not text.isascii() and any(c.isdigit() for c in text):
                self.problem(
                    line,
                    fld,
                    tr("value.foreign_digits", value=text),
                    tr("value.foreign_digits.hint"),
                )
            else:
                self.problem(line, fld, tr("cat.not_number", value=text), tr("cat.number.hint"))
            return None
        value = float(text.replace(",", "."))
        if not math.isfinite(value):
            self.problem(line, fld, tr("cat.not_finite", value=text), tr("cat.not_finite.hint"))
            return None
        return value

    def text(self, line, fld, value: str, limit: int) -> str:
        value = (value or "").strip()
        if not value.isprintable():
            char = next(c for c in value if not c.isprintable())
            self.problem(
                line,
                fld,
                tr("csv.invisible", char=f"U+{ord(char):04X}"),
                tr("csv.invisible.hint"),
            )
            return ""
        if len(value) > limit:
            self.problem(
                line,
                fld,
                tr("value.too_long", value=value[:20], n=len(value), max=limit),
                tr("value.too_long.hint"),
            )
            return ""
        return value

    def in_range(self, line, fld, t: dt.datetime | None) -> dt.datetime | None:
        if t is None:
            return None
        if not policy.CATALOG_TIME_MIN <= t <= self.now:
            self.problem(
                line,
                fld,
                tr(
                    "cat.time_range",
                    value=t.isoformat(),
                    lo=policy.CATALOG_TIME_MIN.date().isoformat(),
                ),
                tr("cat.time_range.hint"),
            )
            return None
        return t

    def iso_time(self, line, fld, text) -> dt.datetime | None:
        m = _ISO.match((text or "").strip())
        if not m:
            self.problem(line, fld, tr("cat.bad_time", value=text), tr("cat.time.hint"))
            return None
        y, mo, d, hh, mi, ss, frac, tz = m.groups()
        try:
            t = dt.datetime(
                int(y),
                int(mo),
                int(d),
                int(hh or 0),
                int(mi or 0),
                int(ss or 0),
                int(((frac or "") + "000000")[:6]),
            )
        except ValueError as exc:
            self.problem(
                line, fld, tr("cat.no_such_time", value=text, error=exc), tr("cat.check_date")
            )
            return None
        if tz and tz != "Z":
            sign = 1 if tz[0] == "+" else -1
            digits = tz[1:].replace(":", "")
            hours, minutes = int(digits[:2]), int(digits[2:])
            if hours > 14 or minutes >= 60:
                self.problem(line, fld, tr("cat.bad_offset", value=tz), tr("cat.time.hint"))
                return None
            try:
                t -= sign * dt.timedelta(hours=hours, minutes=minutes)
            except OverflowError as exc:
                self.problem(
                    line, fld, tr("cat.no_such_time", value=text, error=exc), tr("cat.check_date")
                )
                return None
        elif not tz:
            return self.in_range(line, fld, self.local(line, fld, t, text))
        return self.in_range(line, fld, t.replace(tzinfo=dt.timezone.utc))

    def local(self, line, fld, t: dt.datetime, text: str) -> dt.datetime | None:
        """A clock time without offset, in this file's zone, as UTC."""
        if self.tz is dt.timezone.utc:
            return t.replace(tzinfo=dt.timezone.utc)
        try:
            return local_to_utc(t, self.tz)
        except (OverflowError, ValueError) as exc:
            self.problem(
                line, fld, tr("cat.no_such_time", value=text, error=exc), tr("cat.check_date")
            )
            return None

    def add(self, line, raw: dict) -> None:
        """Check one row's values (ranges, the Netherlands) and keep it, or record why not."""
        ml, depth, t = raw["ml"], raw["depth"], raw["time"]
        lo, hi = policy.CATALOG_ML_RANGE
        ok = ml is not None and t is not None
        if ml is not None and not lo <= ml <= hi:
            self.problem(
                line, raw["ml_field"], tr("cat.ml_range", ml=ml, lo=lo, hi=hi), tr("cat.ml.hint")
            )
            ok = False
        dlo, dhi = policy.CATALOG_DEPTH_RANGE_KM
        if depth is not None and not dlo <= depth <= dhi:
            self.problem(
                line,
                raw["depth_field"],
                tr("cat.depth_range", depth=depth, lo=dlo, hi=dhi),
                tr("cat.depth.hint"),
            )
            ok = False
        x, y = raw.get("x"), raw.get("y")
        if "lat" in raw:  # a WGS84 layout
            lat, lon = raw["lat"], raw["lon"]
            if lat is None or lon is None:
                x = y = None
            elif -90 <= lat <= 90 and -180 <= lon <= 180:
                x, y = _wgs84_to_rd().transform(lon, lat)
            else:
                x = y = math.inf
        if x is None or y is None:
            ok = False
        else:
            xmin, ymin, xmax, ymax = policy.NL_RD_BOUNDS_M
            if not (xmin <= x <= xmax and ymin <= y <= ymax):
                self.problem(line, raw["xy_field"], tr("cat.outside"), tr("cat.outside.hint"))
                ok = False
        place = self.text(line, raw.get("place_field", "place"), raw["place"], _PLACE_MAX)
        source = self.text(line, raw.get("source_field", "field"), raw["source"], _SOURCE_MAX)
        given_id = raw.get("event_id") or ""
        id_field = raw.get("id_field", "event_id")
        if given_id:
            given_id = self.text(line, id_field, given_id, _ID_MAX)
            ok = ok and bool(given_id)
        if not ok:
            return
        event_id = given_id or stable_event_id(t, place, ml, x, y)
        quake = Quake(event_id, t, place, ml, depth, round(x, 2), round(y, 2), source)
        earlier = self.seen.get(event_id)
        if earlier is None:
            self.seen[event_id] = (quake, line if line is not None else id_field)
            self.quakes.append(quake)
        elif earlier[0] != quake:
            self.problem(
                line,
                id_field,
                tr("cat.twice", event=event_id, line=earlier[1]),
                tr("cat.twice.hint"),
            )

    def finish(self, layout: str, has_field: bool) -> ParsedCatalog:
        if self.problems:
            self.raise_now()
        return ParsedCatalog(self.quakes, has_field, layout)

    def raise_now(self, summary_key: str = "cat.rejected") -> None:
        try:
            self.problems.raise_if_any(by_line=True)
        except InputError as exc:
            raise InputError(
                tr(summary_key, file=self.name, n=self.problems.total), exc.problems
            ) from None


def parse_catalog_end(value: str | dt.date | None, name: str) -> dt.date | None:
    """``--catalog-end`` as a date; a clear, located refusal when it is not one."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise _refuse(
            name,
            "cat.bad_end",
            tr("cat.bad_date", value=value),
            tr("cat.end_date.hint"),
            fld="--catalog-end",
        ) from None


def check_catalog_end(name: str, declared: dt.date, latest: dt.date | None) -> None:
    """A declared coverage end must lie on or after the file's latest quake and not after today
    (Dutch dates); raises ``InputError`` otherwise."""
    from domain.presentation.dutch_time import dutch_date

    today = dutch_date(dt.datetime.now(dt.timezone.utc))
    if latest is not None and declared < latest:
        values = {"value": declared.isoformat(), "latest": latest.isoformat()}
        raise _refuse(
            name,
            "cat.bad_end",
            tr("cat.end_before", **values),
            tr("cat.end_before.hint", **values),
            fld="--catalog-end",
        )
    if declared > today:
        raise _refuse(
            name,
            "cat.bad_end",
            tr("cat.end_future", value=declared.isoformat()),
            tr("cat.end_future.hint"),
            fld="--catalog-end",
        )


def stable_event_id(t: dt.datetime, place: str, ml: float, x: float, y: float) -> str:
    """An id for catalogues without one, the same on every import of the same row."""
    key = f"{t.isoformat()}|{place.strip().lower()}|{ml:.1f}|{round(x, -1):.0f}|{round(y, -1):.0f}"
    return f"nl{t:%Y%m%d}-{hashlib.sha1(key.encode()).hexdigest()[:8]}"


def _refuse(name: str, summary_key: str, message: str, hint: str, line=None, fld="") -> InputError:
    return InputError(tr(summary_key, file=name), [Problem(message, name, line, fld, hint)])


def read_catalog_file(path: str | Path, time_zone: str | None = None) -> ParsedCatalog:
    """Read a catalogue file; raises ``InputError`` with every problem found.

    ``time_zone``: the zone of clock times in layouts that do not declare one (IANA name;
    default policy ``CATALOG_DEFAULT_TIME_ZONE``); refused where the layout declares another.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise _refuse(path.name, "cat.unreadable", tr("import.not_found"), "") from None
    except OSError as exc:
        raise _refuse(
            path.name, "cat.unreadable", str(exc.strerror or exc), tr("cat.give_text")
        ) from None
    head = raw.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        _layout_zone(path.name, "quakeml", time_zone)
        return _parse_quakeml(raw, path.name)
    encoding, _digest = csvfile.detect_encoding(io.BytesIO(raw), path.name)
    text = raw.decode("utf-8-sig" if encoding == "utf-8" else encoding)
    return parse_catalog_text(text, path.name, time_zone)


def load_catalog(
    path: str | Path,
    outlines=None,
    time_zone: str | None = None,
    catalog_end: dt.date | None = None,
) -> Catalog:
    """Read any supported catalogue file (format detected) and split counting from excluded.

    ``outlines``: source outlines (:class:`~domain.groundmotion.sources.SourceOutline`) used
    when the file names no field; default the built-in ones. ``time_zone``: the zone of
    clock times in layouts that do not declare one (see the module's docstring);
    ``catalog_end``: a declared coverage end (else the latest event's date). Raises
    ``InputError`` listing every problem; nothing is returned then.
    """
    parsed = read_catalog_file(path, time_zone)
    catalog = attribute(parsed.quakes, parsed.has_field, Path(path).name, outlines)
    if catalog_end is not None:
        check_catalog_end(Path(path).name, catalog_end, catalog.end)
        catalog.declared_end = catalog_end
    return catalog


def _layout_zone(name: str, layout: str, time_zone: str | None) -> dt.tzinfo:
    """The zone of ``layout``'s clock times, the caller's ``time_zone`` where it has none."""
    declared = LAYOUT_TIME_ZONES[layout]
    if time_zone is not None:
        try:
            given = zone(time_zone)
        except ValueError:
            raise _refuse(
                name,
                "cat.bad_zone",
                tr("cat.bad_zone.detail", value=time_zone),
                tr("cat.bad_zone.hint"),
            ) from None
        if declared is not None and given is not zone(declared):
            raise _refuse(
                name,
                "cat.fixed_zone",
                tr("cat.fixed_zone.detail", layout=layout, zone=declared, value=time_zone),
                tr("cat.fixed_zone.hint"),
            )
        return given
    return zone(declared or policy.CATALOG_DEFAULT_TIME_ZONE)


def parse_catalog_text(text: str, name: str, time_zone: str | None = None) -> ParsedCatalog:
    """Parse catalogue content of any supported layout (also used for FDSN responses)."""
    head = text.lstrip("\ufeff \t\r\n")
    if head.startswith("<"):
        _layout_zone(name, "quakeml", time_zone)
        return _parse_quakeml(head.encode("utf-8"), name)
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise _refuse(name, "cat.unreadable", tr("csv.nul"), tr("cat.give_text"), line)
    text = text.lstrip("\ufeff")
    first = text.split("\n", 1)[0].rstrip("\r")
    if first.startswith("#") and "|" in first:
        _layout_zone(name, "fdsn_text", time_zone)
        return _parse_fdsn_text(text, name)
    delimiter = _delimiter(first)
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = [h.strip() for h in next(rows, [])]
        lower = {h.lower() for h in header}
        layouts = (
            ({"event_id", "rd_x"}, GRONINGEN_COLUMNS, _groningen_row, "groningen"),
            ({"yymmdd"}, ALL_INDUCED_COLUMNS, _all_induced_row, "all_induced"),
            ({"date", "lat"}, NL_COLUMNS, _nl_row, "nl"),
        )
        for marks, required, row_fn, layout in layouts:
            if marks <= lower:
                tz = _layout_zone(name, layout, time_zone)
                return _parse_csv(header, rows, name, required, row_fn, layout, tz)
    except csv.Error as exc:  # an unterminated quote, a stray carriage return inside a field
        raise _refuse(
            name,
            "cat.not_csv",
            tr("csv.broken", error=exc),
            tr("csv.broken.hint"),
            rows.line_num or 1,
        ) from None
    raise _refuse(
        name,
        "cat.unknown_layout",
        tr("cat.header_unknown", header=first[:80]),
        tr("cat.layout.hint"),
        1,
    )


def _delimiter(line: str) -> str:
    """The most frequent separator of the header line (a catalogue uses one throughout)."""
    counts = csvfile.separator_counts(line)
    best = max((",", ";", "\t"), key=lambda d: counts[d])  # a tie goes to the comma
    return best if counts[best] else ","


def _check_header(header: list[str], name: str, required, hint: str) -> dict[str, int]:
    """Column name (lower case) → position; nameless, doubled and missing columns refused."""
    problems = Problems(name)
    only_missing = True
    names = [h.lower() for h in header]
    while names and not names[-1]:
        names.pop()
    index: dict[str, int] = {}
    for i, h in enumerate(names):
        if not h:
            only_missing = False
            problems.add(1, f"kolom {i + 1}", tr("csv.unnamed", n=i + 1), tr("csv.unnamed.hint"))
        elif h in index:
            only_missing = False
            problems.add(
                1,
                header[i],
                tr("csv.duplicate_column", column=header[i], first=index[h] + 1, second=i + 1),
                tr("csv.duplicate_column.hint"),
            )
        else:
            index[h] = i
    for col in required:
        if col.lower() not in index:
            problems.add(1, col, tr("cat.column_missing", column=col), hint)
    if problems:
        key = "cat.columns_missing" if only_missing else "cat.bad_header"
        try:
            problems.raise_if_any()
        except InputError as exc:
            raise InputError(tr(key, file=name), exc.problems) from None
    return index


def _cells(reader: _Reader, line: int, row: list[str], width: int) -> bool:
    """A data row has as many cells as the header (empty ones beyond it are allowed)."""
    n = len(row)
    if n == width or (n > width and not any(c.strip() for c in row[width:])):
        return True
    reader.problem(line, "", tr("csv.cell_count", n=n, width=width), tr("csv.cell_count.hint"))
    return False


def _parse_csv(header, rows, name, required, row_fn, layout, tz) -> ParsedCatalog:
    reader = _Reader(name, tz)
    index = _check_header(header, name, required, tr("cat.header_must", columns=",".join(required)))
    width = max(index.values()) + 1
    while True:
        line = rows.line_num + 1
        try:
            row = next(rows)
        except StopIteration:
            break
        except csv.Error as exc:  # located at the line the broken row starts on
            raise _refuse(
                name, "cat.not_csv", tr("csv.broken", error=exc), tr("csv.broken.hint"), line
            ) from None
        if not row or all(not c.strip() for c in row):
            continue
        if not _cells(reader, line, row, width):
            continue
        values = {h: row[i].strip() for h, i in index.items()}
        raw = row_fn(reader, line, values)
        if raw is not None:
            reader.add(line, raw)
    return reader.finish(layout, has_field=layout == "groningen")


@dataclass(frozen=True)
class _Fields:
    """Where a layout keeps magnitude, depth and location, by the names its header uses."""

    ml: str
    depth: str
    x: str  # RD x, or latitude where ``wgs84``
    y: str
    wgs84: bool = True
    place: str = "place"
    event_id: str = "event_id"


_GRONINGEN_FIELDS = _Fields("ml", "depth_km", "rd_x", "rd_y", wgs84=False)
_NL_FIELDS = _Fields("ml", "depth_km", "lat", "lon")
_ALL_INDUCED_FIELDS = _Fields("MAG", "DEPTH", "LAT", "LON", place="LOCATION")
_FDSN_FIELDS = _Fields(
    "Magnitude", "Depth/km", "Latitude", "Longitude", place="EventLocationName", event_id="EventID"
)


def _measured(r: _Reader, line: int, values: dict, fields: _Fields) -> dict:
    """A row's magnitude, depth and location (``values`` by lower-case column name), with the
    columns a problem with each of them names."""
    x, y = ("lat", "lon") if fields.wgs84 else ("x", "y")
    return {
        "ml": r.number(line, fields.ml, values[fields.ml.lower()]),
        "depth": r.number(line, fields.depth, values[fields.depth.lower()], optional=True),
        x: r.number(line, fields.x, values[fields.x.lower()]),
        y: r.number(line, fields.y, values[fields.y.lower()]),
        "ml_field": fields.ml,
        "depth_field": fields.depth,
        "xy_field": f"{fields.x},{fields.y}",
        "place_field": fields.place,
        "id_field": fields.event_id,
    }


def _groningen_row(r: _Reader, line: int, values: dict) -> dict:
    return {
        "event_id": values["event_id"],
        "time": r.iso_time(line, "time", values["time"]),
        "place": values["place"],
        "source": values["field"],
        **_measured(r, line, values, _GRONINGEN_FIELDS),
    }


def _nl_row(r: _Reader, line: int, values: dict) -> dict:
    return {
        "time": r.iso_time(line, "date", values["date"]),
        "place": values["place"],
        "source": "",
        **_measured(r, line, values, _NL_FIELDS),
    }


def _all_induced_row(r: _Reader, line: int, values: dict) -> dict:
    day, clock = values["yymmdd"].zfill(6), values["time"]
    t = None
    m = _HHMMSS.match(clock)
    if not (day.isascii() and day.isdigit() and len(day) == 6):
        r.problem(line, "YYMMDD", tr("cat.bad_date", value=values["yymmdd"]), tr("cat.yymmdd.hint"))
    elif not m:
        r.problem(line, "TIME", tr("cat.bad_clock", value=clock), tr("cat.clock.hint"))
    else:
        yy = int(day[:2])
        year = 1900 + yy if yy >= 50 else 2000 + yy
        hh, mi, ss, frac = m.groups()
        try:
            t = dt.datetime(
                year,
                int(day[2:4]),
                int(day[4:6]),
                int(hh),
                int(mi),
                int(ss),
                int(((frac or "") + "000000")[:6]),
            )
        except ValueError as exc:
            r.problem(
                line, "YYMMDD,TIME", tr("cat.no_such_datetime", error=exc), tr("cat.check_date")
            )
        if t is not None:
            t = r.local(line, "YYMMDD,TIME", t, f"{values['yymmdd']} {clock}")
        t = r.in_range(line, "YYMMDD,TIME", t)
    return {
        "time": t,
        "place": values["location"],
        "source": "",
        **_measured(r, line, values, _ALL_INDUCED_FIELDS),
    }


def _parse_fdsn_text(text: str, name: str) -> ParsedCatalog:
    reader = _Reader(name)
    lines = text.splitlines()
    cells = [h.strip() for h in lines[0].lstrip("#").split("|")]
    index = _check_header(cells, name, FDSN_COLUMNS, tr("cat.fdsn.hint"))
    width = max(index.values()) + 1
    for line, row in enumerate(lines[1:], start=2):
        if not row.strip() or row.startswith("#"):
            continue
        parts = row.split("|")
        if not _cells(reader, line, parts, width):
            continue
        values = {h: parts[i].strip() for h, i in index.items()}
        if not values["eventid"]:
            reader.problem(line, "EventID", tr("cat.no_event_id"), tr("cat.event_id.hint"))
            continue
        raw = {
            "event_id": values["eventid"],
            "time": reader.iso_time(line, "Time", values["time"]),
            "place": values.get("eventlocationname", ""),
            "source": "",
            **_measured(reader, line, values, _FDSN_FIELDS),
        }
        reader.add(line, raw)
    return reader.finish("fdsn_text", has_field=False)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child(el, *path):
    for name in path:
        if el is None:
            return None
        el = next((c for c in el if _local(c.tag) == name), None)
    return el


def _text(el, *path) -> str:
    found = _child(el, *path)
    return (found.text or "").strip() if found is not None and found.text else ""


def _preferred(event, kind: str):
    """The preferred origin/magnitude of an event, else its first one."""
    wanted = _text(event, f"preferred{kind[0].upper()}{kind[1:]}ID")
    items = [c for c in event if _local(c.tag) == kind]
    for item in items:
        if item.get("publicID") == wanted:
            return item
    return items[0] if items else None


def _parse_quakeml(data: bytes, name: str) -> ParsedCatalog:
    reader = _Reader(name)
    upper = data[:65536].upper()
    if b"<!DOCTYPE" in upper or b"<!ENTITY" in data.upper():
        line = data[: max(upper.find(b"<!DOCTYPE"), 0)].count(b"\n") + 1
        raise _refuse(name, "cat.quakeml_unreadable", tr("cat.dtd"), tr("cat.dtd.hint"), line)
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise _refuse(
            name, "cat.quakeml_unreadable", str(exc), tr("cat.quakeml.hint"), line
        ) from None
    events = [el for el in root.iter() if _local(el.tag) == "event"]
    for n, event in enumerate(events, start=1):
        where = f"event[{n}]"
        public_id = event.get("publicID", "")
        event_id = re.split(r"[/=#]", public_id)[-1] if public_id else ""
        origin, magnitude = _preferred(event, "origin"), _preferred(event, "magnitude")
        if not event_id or origin is None or magnitude is None:
            reader.problem(None, where, tr("cat.event_incomplete"), tr("cat.event_incomplete.hint"))
            continue
        depth_m = reader.number(
            None, f"{where}/depth", _text(origin, "depth", "value"), optional=True
        )
        raw = {
            "event_id": event_id,
            "time": reader.iso_time(None, f"{where}/time", _text(origin, "time", "value")),
            "place": _text(event, "description", "text"),
            "ml": reader.number(None, f"{where}/mag", _text(magnitude, "mag", "value")),
            "depth": None if depth_m is None else depth_m / 1000.0,
            "lat": reader.number(None, f"{where}/latitude", _text(origin, "latitude", "value")),
            "lon": reader.number(None, f"{where}/longitude", _text(origin, "longitude", "value")),
            "source": "",
            "ml_field": f"{where}/mag",
            "depth_field": f"{where}/depth",
            "xy_field": f"{where}/latitude,longitude",
            "id_field": f"{where}/publicID",
            "place_field": f"{where}/description",
        }
        reader.add(None, raw)
    return reader.finish("quakeml", has_field=False)
