"""Read earthquake catalogues in every layout KNMI publishes, all-or-nothing.

Layouts (detected from the content, not the file name): the Groningen export
(``event_id,place,time,ml,depth_km,rd_x,rd_y,field``), the national list
(``date,place,ml,depth_km,lat,lon`` — no id, so a stable one is derived), KNMI's older
``all_induced.csv`` (``YYMMDD,TIME,LOCATION,LAT,LON,DEPTH,MAG,EVALMODE``), the FDSN event
text format (pipe separated) and QuakeML 1.2. Times become UTC, coordinates RD New. Every
problem in a file is collected and reported at once; a file with any problem imports nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from pyproj import Transformer

from domain import policy
from domain.errors import InputError, Problem
from domain.groundmotion.catalog import Quake

GRONINGEN_COLUMNS = ("event_id", "place", "time", "ml", "depth_km", "rd_x", "rd_y", "field")
NL_COLUMNS = ("date", "place", "ml", "depth_km", "lat", "lon")
ALL_INDUCED_COLUMNS = ("YYMMDD", "TIME", "LOCATION", "LAT", "LON", "DEPTH", "MAG")
FDSN_COLUMNS = ("EventID", "Time", "Latitude", "Longitude", "Depth/km", "Magnitude")

_WGS84_TO_RD = Transformer.from_crs("EPSG:4326", "EPSG:28992", always_xy=True)
_ISO = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*"
    r"(Z|[+-]\d{2}:?\d{2})?$"
)
_HHMMSS = re.compile(r"^(\d{1,2}):?(\d{2}):?(\d{2})(?:\.(\d+))?$")


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
    problems: list[Problem] = field(default_factory=list)
    seen: dict[str, tuple[Quake, int]] = field(default_factory=dict)
    quakes: list[Quake] = field(default_factory=list)

    def problem(self, line: int | None, fld: str, message: str, hint: str) -> None:
        self.problems.append(Problem(message, self.name, line, fld, hint))

    def number(self, line, fld, text, *, optional=False) -> float | None:
        text = (text or "").strip()
        if text == "" and optional:
            return None
        try:
            value = float(text.replace(",", ".")) if text.count(",") == 1 else float(text)
        except ValueError:
            self.problem(line, fld, f"'{text}' is geen getal", "geef een getal met een punt")
            return None
        if value != value:  # NaN
            if optional:
                return None
            self.problem(line, fld, "waarde ontbreekt", "vul een getal in")
            return None
        return value

    def iso_time(self, line, fld, text) -> dt.datetime | None:
        m = _ISO.match((text or "").strip())
        if not m:
            self.problem(line, fld, f"tijd '{text}' onleesbaar", "schrijf JJJJ-MM-DDTuu:mm:ss")
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
            self.problem(line, fld, f"tijd '{text}' bestaat niet ({exc})", "controleer de datum")
            return None
        if tz and tz != "Z":
            sign = 1 if tz[0] == "+" else -1
            digits = tz[1:].replace(":", "")
            t -= sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        return t.replace(tzinfo=dt.timezone.utc)

    def add(self, line, raw: dict) -> None:
        """Check one row's values (ranges, the Netherlands) and keep it, or record why not."""
        ml, depth, t = raw["ml"], raw["depth"], raw["time"]
        lo, hi = policy.CATALOG_ML_RANGE
        ok = ml is not None and t is not None
        if ml is not None and not lo <= ml <= hi:
            self.problem(
                line, raw["ml_field"], f"ML {ml} buiten {lo}…{hi}", "controleer de magnitude"
            )
            ok = False
        dlo, dhi = policy.CATALOG_DEPTH_RANGE_KM
        if depth is not None and not dlo <= depth <= dhi:
            self.problem(
                line,
                raw["depth_field"],
                f"diepte {depth} km buiten {dlo}…{dhi} km",
                "geef de diepte in km (leeg als onbekend)",
            )
            ok = False
        x, y = raw.get("x"), raw.get("y")
        if raw.get("lat") is not None and raw.get("lon") is not None:
            x, y = _WGS84_TO_RD.transform(raw["lon"], raw["lat"])
        if x is None or y is None:
            ok = False
        else:
            xmin, ymin, xmax, ymax = policy.NL_RD_BOUNDS_M
            if not (xmin <= x <= xmax and ymin <= y <= ymax):
                self.problem(
                    line,
                    raw["xy_field"],
                    "coördinaten liggen buiten Nederland",
                    "controleer coördinaten en volgorde (RD in meters of WGS84 graden)",
                )
                ok = False
        if not ok:
            return
        event_id = raw.get("event_id") or stable_event_id(t, raw["place"], ml, x, y)
        quake = Quake(event_id, t, raw["place"], ml, depth, round(x, 2), round(y, 2), raw["source"])
        earlier = self.seen.get(event_id)
        if earlier is None:
            self.seen[event_id] = (quake, line)
            self.quakes.append(quake)
        elif earlier[0] != quake:
            self.problem(
                line,
                raw.get("id_field", "event_id"),
                f"beving {event_id} komt al voor op regel {earlier[1]} met andere waarden",
                "houd één versie van de beving over",
            )

    def finish(self, layout: str, has_field: bool) -> ParsedCatalog:
        if self.problems:
            raise InputError(
                f"{self.name}: catalogus niet ingelezen ({len(self.problems)} problemen)",
                self.problems,
            )
        return ParsedCatalog(self.quakes, has_field, layout)


def stable_event_id(t: dt.datetime, place: str, ml: float, x: float, y: float) -> str:
    """An id for catalogues without one, the same on every import of the same row."""
    key = f"{t.isoformat()}|{place.strip().lower()}|{ml:.1f}|{round(x, -1):.0f}|{round(y, -1):.0f}"
    return f"nl{t:%Y%m%d}-{hashlib.sha1(key.encode()).hexdigest()[:8]}"


def read_catalog_file(path: str | Path) -> ParsedCatalog:
    """Read a catalogue file; raises ``InputError`` with every problem found."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(
            f"{path.name}: niet te lezen",
            [Problem(str(exc), path.name, None, "", "geef een UTF-8 tekstbestand")],
        ) from None
    return parse_catalog_text(text, path.name)


def parse_catalog_text(text: str, name: str) -> ParsedCatalog:
    """Parse catalogue content of any supported layout (also used for FDSN responses)."""
    head = text.lstrip()
    if head.startswith("<"):
        return _parse_quakeml(text, name)
    first = head.split("\n", 1)[0]
    if first.startswith("#") and "|" in first:
        return _parse_fdsn_text(text, name)
    rows = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(rows, [])]
        lower = {h.lower() for h in header}
        if {"event_id", "rd_x"} <= lower:
            return _parse_csv(header, rows, name, GRONINGEN_COLUMNS, _groningen_row, "groningen")
        if "yymmdd" in lower:
            return _parse_csv(
                header, rows, name, ALL_INDUCED_COLUMNS, _all_induced_row, "all_induced"
            )
        if {"date", "lat"} <= lower:
            return _parse_csv(header, rows, name, NL_COLUMNS, _nl_row, "nl")
    except csv.Error as exc:  # e.g. a stray carriage return inside a field
        raise InputError(
            f"{name}: geen geldige CSV",
            [Problem(str(exc), name, rows.line_num, "", "sla het bestand op als gewone CSV")],
        ) from None
    raise InputError(
        f"{name}: onbekende catalogusindeling",
        [
            Problem(
                f"kopregel '{first[:80]}' niet herkend",
                name,
                1,
                "",
                "gebruik een KNMI-export (CSV, FDSN-tekst of QuakeML)",
            )
        ],
    )


def _parse_csv(header, rows, name, required, row_fn, layout) -> ParsedCatalog:
    reader = _Reader(name)
    index = {h.lower(): i for i, h in enumerate(header)}
    missing = [c for c in required if c.lower() not in index]
    for col in missing:
        reader.problem(
            1, col, f"kolom '{col}' ontbreekt", f"kop moet bevatten: {','.join(required)}"
        )
    if missing:
        raise InputError(f"{name}: kolommen ontbreken", reader.problems)
    for line, row in enumerate(rows, start=2):
        if not row or all(not c.strip() for c in row):
            continue
        values = {h: (row[i].strip() if i < len(row) else "") for h, i in index.items()}
        raw = row_fn(reader, line, values)
        if raw is not None:
            reader.add(line, raw)
    return reader.finish(layout, has_field=layout == "groningen")


def _groningen_row(r: _Reader, line: int, v: dict) -> dict:
    return {
        "event_id": v["event_id"],
        "time": r.iso_time(line, "time", v["time"]),
        "place": v["place"],
        "ml": r.number(line, "ml", v["ml"]),
        "depth": r.number(line, "depth_km", v["depth_km"], optional=True),
        "x": r.number(line, "rd_x", v["rd_x"]),
        "y": r.number(line, "rd_y", v["rd_y"]),
        "source": v["field"],
        "ml_field": "ml",
        "depth_field": "depth_km",
        "xy_field": "rd_x,rd_y",
    }


def _nl_row(r: _Reader, line: int, v: dict) -> dict:
    return {
        "time": r.iso_time(line, "date", v["date"]),
        "place": v["place"],
        "ml": r.number(line, "ml", v["ml"]),
        "depth": r.number(line, "depth_km", v["depth_km"], optional=True),
        "lat": r.number(line, "lat", v["lat"]),
        "lon": r.number(line, "lon", v["lon"]),
        "source": "",
        "ml_field": "ml",
        "depth_field": "depth_km",
        "xy_field": "lat,lon",
    }


def _all_induced_row(r: _Reader, line: int, v: dict) -> dict:
    day, clock = v["yymmdd"].zfill(6), v["time"]
    t = None
    m = _HHMMSS.match(clock)
    if not (day.isdigit() and len(day) == 6):
        r.problem(line, "YYMMDD", f"datum '{v['yymmdd']}' onleesbaar", "schrijf JJMMDD")
    elif not m:
        r.problem(line, "TIME", f"tijd '{clock}' onleesbaar", "schrijf uummss.ss of uu:mm:ss")
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
                tzinfo=dt.timezone.utc,
            )
        except ValueError as exc:
            r.problem(line, "YYMMDD,TIME", f"datum/tijd bestaat niet ({exc})", "controleer")
    return {
        "time": t,
        "place": v["location"],
        "ml": r.number(line, "MAG", v["mag"]),
        "depth": r.number(line, "DEPTH", v["depth"], optional=True),
        "lat": r.number(line, "LAT", v["lat"]),
        "lon": r.number(line, "LON", v["lon"]),
        "source": "",
        "ml_field": "MAG",
        "depth_field": "DEPTH",
        "xy_field": "LAT,LON",
    }


def _parse_fdsn_text(text: str, name: str) -> ParsedCatalog:
    reader = _Reader(name)
    lines = text.splitlines()
    header = [h.strip().lstrip("#").strip() for h in lines[0].split("|")]
    index = {h: i for i, h in enumerate(header)}
    missing = [c for c in FDSN_COLUMNS if c not in index]
    for col in missing:
        reader.problem(1, col, f"kolom '{col}' ontbreekt", "gebruik format=text van FDSN")
    if missing:
        raise InputError(f"{name}: kolommen ontbreken", reader.problems)
    for line, row in enumerate(lines[1:], start=2):
        if not row.strip() or row.startswith("#"):
            continue
        cells = row.split("|")
        v = {h: (cells[i].strip() if i < len(cells) else "") for h, i in index.items()}
        if not v["EventID"]:
            reader.problem(line, "EventID", "EventID ontbreekt", "elke beving heeft een id nodig")
            continue
        raw = {
            "event_id": v["EventID"],
            "time": reader.iso_time(line, "Time", v["Time"]),
            "place": v.get("EventLocationName", ""),
            "ml": reader.number(line, "Magnitude", v["Magnitude"]),
            "depth": reader.number(line, "Depth/km", v["Depth/km"], optional=True),
            "lat": reader.number(line, "Latitude", v["Latitude"]),
            "lon": reader.number(line, "Longitude", v["Longitude"]),
            "source": "",
            "ml_field": "Magnitude",
            "depth_field": "Depth/km",
            "xy_field": "Latitude,Longitude",
            "id_field": "EventID",
        }
        reader.add(line, raw)
    return reader.finish("fdsn_text", has_field=False)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


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


def _parse_quakeml(text: str, name: str) -> ParsedCatalog:
    reader = _Reader(name)
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise InputError(
            f"{name}: QuakeML onleesbaar",
            [Problem(str(exc), name, line, "", "geef een QuakeML 1.2 bestand")],
        ) from None
    events = [el for el in root.iter() if _local(el.tag) == "event"]
    for n, event in enumerate(events, start=1):
        where = f"event[{n}]"
        public_id = event.get("publicID", "")
        event_id = re.split(r"[/=#]", public_id)[-1] if public_id else ""
        origin, magnitude = _preferred(event, "origin"), _preferred(event, "magnitude")
        if not event_id or origin is None or magnitude is None:
            reader.problem(
                None,
                where,
                "publicID, origin of magnitude ontbreekt",
                "elke beving heeft een id, een origin en een magnitude nodig",
            )
            continue
        depth_m = reader.number(n, f"{where}/depth", _text(origin, "depth", "value"), optional=True)
        raw = {
            "event_id": event_id,
            "time": reader.iso_time(n, f"{where}/time", _text(origin, "time", "value")),
            "place": _text(event, "description", "text"),
            "ml": reader.number(n, f"{where}/mag", _text(magnitude, "mag", "value")),
            "depth": None if depth_m is None else depth_m / 1000.0,
            "lat": reader.number(n, f"{where}/latitude", _text(origin, "latitude", "value")),
            "lon": reader.number(n, f"{where}/longitude", _text(origin, "longitude", "value")),
            "source": "",
            "ml_field": f"{where}/mag",
            "depth_field": f"{where}/depth",
            "xy_field": f"{where}/latitude,longitude",
            "id_field": f"{where}/publicID",
        }
        reader.add(n, raw)
    return reader.finish("quakeml", has_field=False)
