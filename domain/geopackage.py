"""A small GeoPackage (OGC 1.2) writer and reader on plain sqlite3, for area layers.

Planners open the areas in QGIS; this writes just what a GeoPackage reader needs: the core
tables, feature tables with GeoPackage geometry blobs (header + WKB from shapely) and an R-tree spatial index filled directly (no triggers: the
file is written once, then read). The file is written beside the target and renamed, so a
failure never leaves half a file.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import struct
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import shapely
from pyproj import CRS

GPKG_APPLICATION_ID = 0x47504B47  # "GPKG"
GPKG_USER_VERSION = 10200
RD_NEW = 28992


@dataclass
class Layer:
    """One feature table: geometries plus attribute columns of equal length."""

    name: str
    geometries: Sequence
    attributes: dict[str, Sequence] = field(default_factory=dict)
    geometry_type: str = "MULTIPOLYGON"
    srs_id: int = RD_NEW
    description: str = ""


def _sql_type(values: Sequence) -> str:
    sample = next((v for v in values if v is not None), None)
    if isinstance(sample, bool):
        return "BOOLEAN"
    if isinstance(sample, int):
        return "INTEGER"
    if isinstance(sample, float):
        return "REAL"
    if isinstance(sample, dt.datetime):
        return "DATETIME"
    if isinstance(sample, dt.date):
        return "DATE"
    return "TEXT"


def _sql_value(v):
    if isinstance(v, dt.datetime):
        return (
            v.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
            if v.tzinfo
            else v.isoformat()
        )
    if isinstance(v, dt.date):
        return v.isoformat()
    if hasattr(v, "item"):  # numpy scalar
        return v.item()
    return v


def geometry_blob(geom, srs_id: int = RD_NEW) -> bytes:
    """GeoPackage binary: 'GP', version 0, flags (little endian, xy envelope), srs, envelope, WKB."""
    if geom is None or geom.is_empty:
        flags = 0b00010001  # empty, no envelope, little endian
        wkb = shapely.to_wkb(geom, byte_order=1) if geom is not None else b""
        return b"GP" + bytes([0, flags]) + struct.pack("<i", srs_id) + wkb
    minx, miny, maxx, maxy = geom.bounds
    flags = 0b00000011  # envelope [minx, maxx, miny, maxy], little endian
    header = b"GP" + bytes([0, flags]) + struct.pack("<i4d", srs_id, minx, maxx, miny, maxy)
    return header + shapely.to_wkb(geom, byte_order=1, flavor="iso")


def parse_geometry_blob(blob: bytes):
    """Shapely geometry from a GeoPackage blob (any envelope kind)."""
    if blob[:2] != b"GP":
        raise ValueError("not a GeoPackage geometry blob")
    flags = blob[3]
    envelope = (flags >> 1) & 0b111
    size = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[envelope]
    wkb = blob[8 + size :]
    return shapely.from_wkb(wkb) if wkb else None


def _srs_rows() -> list[tuple]:
    rd = CRS.from_epsg(RD_NEW)
    wgs = CRS.from_epsg(4326)
    return [
        (
            "Undefined cartesian SRS",
            -1,
            "NONE",
            -1,
            "undefined",
            "undefined cartesian coordinate reference system",
        ),
        (
            "Undefined geographic SRS",
            0,
            "NONE",
            0,
            "undefined",
            "undefined geographic coordinate reference system",
        ),
        (
            "WGS 84 geodetic",
            4326,
            "EPSG",
            4326,
            wgs.to_wkt("WKT1_GDAL"),
            "longitude/latitude WGS 84",
        ),
        (
            "Amersfoort / RD New",
            RD_NEW,
            "EPSG",
            RD_NEW,
            rd.to_wkt("WKT1_GDAL"),
            "Rijksdriehoekstelsel",
        ),
    ]


_CORE = """
CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,
  organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL,
  definition TEXT NOT NULL, description TEXT);
CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,
  identifier TEXT UNIQUE, description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
  geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL,
  m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL,
  definition TEXT NOT NULL, scope TEXT NOT NULL,
  CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
"""


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def write_geopackage(path: str | Path, layers: Sequence[Layer]) -> Path:
    """Write ``layers`` to a new GeoPackage at ``path`` (replacing it), atomically."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    if tmp.exists():
        tmp.unlink()
    con = sqlite3.connect(tmp)
    try:
        con.execute(f"PRAGMA application_id = {GPKG_APPLICATION_ID}")
        con.execute(f"PRAGMA user_version = {GPKG_USER_VERSION}")
        con.executescript(_CORE)
        con.executemany("INSERT INTO gpkg_spatial_ref_sys VALUES (?,?,?,?,?,?)", _srs_rows())
        for layer in layers:
            _write_layer(con, layer)
        con.commit()
    finally:
        con.close()
    os.replace(tmp, path)
    return path


def _write_layer(con: sqlite3.Connection, layer: Layer) -> None:
    n = len(layer.geometries)
    for key, values in layer.attributes.items():
        if len(values) != n:
            raise ValueError(f"layer {layer.name}: column {key} has {len(values)} values, not {n}")
    table = _quote(layer.name)
    columns = "".join(f", {_quote(k)} {_sql_type(v)}" for k, v in layer.attributes.items())
    con.execute(
        f"CREATE TABLE {table} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "
        f"geom {layer.geometry_type}{columns})"
    )
    names = ", ".join(["geom", *(_quote(k) for k in layer.attributes)])
    marks = ", ".join("?" * (1 + len(layer.attributes)))
    rows = []
    bounds = []
    for i, geom in enumerate(layer.geometries):
        rows.append(
            (
                geometry_blob(geom, layer.srs_id),
                *(_sql_value(v[i]) for v in layer.attributes.values()),
            )
        )
        bounds.append(None if geom is None or geom.is_empty else geom.bounds)
    con.executemany(
        f"INSERT INTO {table} (fid, {names}) VALUES (?, {marks})",
        [(i + 1, *r) for i, r in enumerate(rows)],
    )
    full = [b for b in bounds if b is not None]
    extent = (
        (
            min(b[0] for b in full),
            min(b[1] for b in full),
            max(b[2] for b in full),
            max(b[3] for b in full),
        )
        if full
        else (None, None, None, None)
    )
    con.execute(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, "
        "min_x, min_y, max_x, max_y, srs_id) VALUES (?, 'features', ?, ?, ?, ?, ?, ?, ?)",
        (layer.name, layer.name, layer.description, *extent, layer.srs_id),
    )
    con.execute(
        "INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, ?, 0, 0)",
        (layer.name, layer.geometry_type, layer.srs_id),
    )
    rtree = _quote(f"rtree_{layer.name}_geom")
    con.execute(f"CREATE VIRTUAL TABLE {rtree} USING rtree(id, minx, maxx, miny, maxy)")
    con.executemany(
        f"INSERT INTO {rtree} VALUES (?, ?, ?, ?, ?)",
        [(i + 1, b[0], b[2], b[1], b[3]) for i, b in enumerate(bounds) if b is not None],
    )
    con.execute(
        "INSERT INTO gpkg_extensions VALUES (?, 'geom', 'gpkg_rtree_index', "
        "'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')",
        (layer.name,),
    )


def read_layer(path: str | Path, name: str) -> list[tuple[object, dict]]:
    """(geometry, attributes) of every feature of layer ``name`` (for checks and tests)."""
    con = sqlite3.connect(path)
    try:
        cur = con.execute(f"SELECT * FROM {_quote(name)} ORDER BY fid")
        cols = [d[0] for d in cur.description]
        out = []
        for row in cur:
            rec = dict(zip(cols, row))
            geom = parse_geometry_blob(rec.pop("geom"))
            rec.pop("fid")
            out.append((geom, rec))
        return out
    finally:
        con.close()


def list_layers(path: str | Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [
            r[0] for r in con.execute("SELECT table_name FROM gpkg_contents ORDER BY table_name")
        ]
    finally:
        con.close()
