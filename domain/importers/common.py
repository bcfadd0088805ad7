"""What every importer shares: the report, strict value parsing, reading GeoPackages and CSV.

An import validates the whole input first and writes nothing when anything is wrong: the user
gets every problem at once (file:row:field, what to do) instead of a half-written store.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import shapely
from pyproj import CRS, Transformer
from sqlalchemy import text

from domain.errors import InputError, Problem
from domain.i18n import register, tr
from domain.store.engine import SRID, gpkg_blob_to_wkb

register(
    {
        "import.rejected": (
            "{file}: niets geïmporteerd; {n} probleem/problemen gevonden. Herstel ze en "
            "importeer opnieuw.",
            "{file}: nothing imported; {n} problem(s) found. Fix them and import again.",
        ),
        "import.not_found": ("bestand niet gevonden", "file not found"),
        "import.not_gpkg": (
            "geen GeoPackage (of beschadigd): {error}",
            "not a GeoPackage (or damaged): {error}",
        ),
        "import.no_layer": (
            "laag '{layer}' ontbreekt; aanwezig: {present}",
            "layer '{layer}' is missing; present: {present}",
        ),
        "import.missing_column": (
            "kolom '{column}' ontbreekt; voeg die toe (kolommen: {present})",
            "column '{column}' is missing; add it (columns: {present})",
        ),
        "import.bad_date": (
            "'{value}' is geen datum; schrijf JJJJ-MM-DD",
            "'{value}' is not a date; write YYYY-MM-DD",
        ),
        "import.bad_bool": (
            "'{value}' is geen ja/nee; schrijf ja of nee",
            "'{value}' is not yes/no; write ja or nee (yes/no)",
        ),
        "import.bad_int": (
            "'{value}' is geen geheel getal",
            "'{value}' is not a whole number",
        ),
        "import.required": ("verplicht veld is leeg", "required field is empty"),
        "import.bsn": (
            "het bestand bevat een BSN-kolom; BSN's worden nooit opgeslagen. Verwijder de kolom "
            "en gebruik een pseudoniem (person_id).",
            "the file has a BSN column; BSNs are never stored. Remove the column and use a "
            "pseudonym (person_id).",
        ),
        "import.bad_crs": (
            "coördinatenstelsel onbekend of onleesbaar: {error}",
            "coordinate reference system unknown or unreadable: {error}",
        ),
    }
)

_TRUE = {"ja", "j", "yes", "y", "true", "t", "1", "waar"}
_FALSE = {"nee", "n", "no", "false", "f", "0", "onwaar"}


@dataclass
class ImportReport:
    """What an import did (or would do, with ``dry_run``): counts, skips and repairs."""

    source: str
    dry_run: bool
    counts: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    changes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "source": self.source,
            "dry_run": self.dry_run,
            "counts": self.counts,
            "skipped": self.skipped,
            "changes": self.changes,
        }


class Problems:
    """Collects problems for one file; ``raise_if_any`` turns them into one InputError."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.items: list[Problem] = []

    def add(self, line: int | None, field_name: str, message: str, hint: str = "") -> None:
        self.items.append(Problem(message, self.file, line, field_name, hint))

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise InputError(tr("import.rejected", file=self.file, n=len(self.items)), self.items)


def fail(file: str, message: str, field_name: str = "", line: int | None = None) -> InputError:
    return InputError(
        tr("import.rejected", file=file, n=1), [Problem(message, file, line, field_name)]
    )


def read_csv_with_columns(path: Path, required: tuple[str, ...]):
    """Read a CSV import file; a missing file or a missing required column stops the import."""
    if not path.exists():
        raise fail(path.name, tr("import.not_found"))
    problems = Problems(path.name)
    header, rows = read_csv(path, problems)
    for column in required:
        if column not in header:
            raise fail(
                path.name,
                tr("import.missing_column", column=column, present=", ".join(header)),
                column,
            )
    return problems, header, rows


def known_persons(conn) -> dict[str, bool]:
    """Stored persons and whether each is a natural person."""
    rows = conn.execute(text("SELECT id, natural_person FROM persons"))
    return {r[0]: bool(r[1]) for r in rows}


def parse_date(text: str | None) -> dt.date | None:
    """ISO ``YYYY-MM-DD`` or Dutch ``DD-MM-YYYY``; empty is None; anything else ValueError."""
    value = (text or "").strip()
    if not value:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return dt.date.fromisoformat(value)
    m = re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", value)
    if m:
        return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    raise ValueError(value)


def parse_bool(text: str | None) -> bool | None:
    value = (text or "").strip().lower()
    if not value:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(value)


def parse_int(text) -> int | None:
    if text is None:
        return None
    value = str(text).strip().replace("€", "").replace(" ", "")
    if not value:
        return None
    if "," in value and "." in value:
        value = value.replace(".", "").replace(",", ".")
    value = value.replace(",", ".")
    number = float(value)
    if number != number:
        raise ValueError(text)
    return int(round(number))


def read_csv(path: Path, problems: Problems) -> tuple[list[str], list[tuple[int, dict]]]:
    """Header (lower-case) and (line number, row) pairs; ``,`` or ``;`` separated, UTF-8."""
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig", errors="replace")
    first = text.splitlines()[0] if text else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(text.splitlines(), delimiter=delimiter)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        return [], []
    if any("bsn" in h for h in header):
        problems.add(1, "bsn", tr("import.bsn"))
    rows = []
    for number, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        rows.append((number, dict(zip(header, (v.strip() for v in values)))))
    return header, rows


# --- GeoPackage reading (plain sqlite3, read-only) -----------------------------------------
def open_gpkg(path: Path) -> sqlite3.Connection:
    if not path.exists():
        raise fail(str(path), tr("import.not_found"))
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        conn.execute("SELECT table_name FROM gpkg_contents").fetchall()
    except sqlite3.DatabaseError as exc:
        raise fail(str(path), tr("import.not_gpkg", error=exc)) from exc
    return conn


def gpkg_layers(conn: sqlite3.Connection) -> dict[str, tuple[str | None, int | None]]:
    """Layer name → (geometry column, srs id)."""
    layers = {r[0]: (None, None) for r in conn.execute("SELECT table_name FROM gpkg_contents")}
    for table, column, srs in conn.execute(
        "SELECT table_name, column_name, srs_id FROM gpkg_geometry_columns"
    ):
        layers[table] = (column, srs)
    return layers


def gpkg_crs(conn: sqlite3.Connection, srs_id: int | None) -> CRS:
    if srs_id in (None, 0, -1):
        return CRS.from_epsg(SRID)
    row = conn.execute(
        "SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys "
        "WHERE srs_id = ?",
        (srs_id,),
    ).fetchone()
    if row and str(row[0]).upper() == "EPSG":
        return CRS.from_epsg(int(row[1]))
    if row and row[2] and row[2] != "undefined":
        return CRS.from_wkt(row[2])
    return CRS.from_epsg(int(srs_id))


def geometry_from_blob(blob) -> object | None:
    if blob is None:
        return None
    return shapely.from_wkb(gpkg_blob_to_wkb(bytes(blob)))


def to_rd(geoms, crs: CRS):
    """Geometries in ``crs`` → EPSG:28992 (always x=easting, y=northing)."""
    target = CRS.from_epsg(SRID)
    if crs == target:
        return geoms
    transformer = Transformer.from_crs(crs, target, always_xy=True)
    return shapely.transform(geoms, lambda xy: _stack(transformer.transform(xy[:, 0], xy[:, 1])))


def _stack(pair):
    import numpy as np

    return np.column_stack(pair)
