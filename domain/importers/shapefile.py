"""A small reader for ESRI shapefiles (.shp + .dbf, optional .prj and .cpg), polygons only.

The domain may not use GDAL; area files are small, so plain ``struct`` reading is enough.
Rings follow the shapefile rule: clockwise rings are outer rings, the others holes.
"""

from __future__ import annotations

import struct
from pathlib import Path

import shapely

POLYGON_TYPES = (5, 15, 25)


def read_dbf(path: Path, encoding: str) -> list[dict]:
    data = path.read_bytes()
    count, header_len, record_len = struct.unpack("<IHH", data[4:12])
    fields = []
    pos = 32
    while data[pos] != 0x0D:
        name = data[pos : pos + 11].split(b"\x00")[0].decode("ascii", "replace").strip()
        kind = chr(data[pos + 11])
        length = data[pos + 16]
        fields.append((name, kind, length))
        pos += 32
    records = []
    offset = header_len
    for _ in range(count):
        raw = data[offset : offset + record_len]
        offset += record_len
        if not raw or raw[0:1] == b"*":
            records.append(None)
            continue
        values, p = {}, 1
        for name, kind, length in fields:
            chunk = raw[p : p + length].decode(encoding, "replace").strip()
            p += length
            if kind in "NF" and chunk:
                try:
                    values[name] = float(chunk) if "." in chunk else int(chunk)
                except ValueError:
                    values[name] = None
            else:
                values[name] = chunk or None
        records.append(values)
    return records


def _ring_is_clockwise(coords) -> bool:
    area = 0.0
    for (x1, y1), (x2, y2) in zip(coords, coords[1:]):
        area += (x2 - x1) * (y2 + y1)
    return area > 0


def _polygon(parts: list[list[tuple[float, float]]]):
    outers, holes = [], []
    for ring in parts:
        if len(ring) < 4:
            continue
        (outers if _ring_is_clockwise(ring) else holes).append(ring)
    if not outers:  # some writers ignore the orientation rule
        outers, holes = holes, []
    polys = []
    for outer in outers:
        shell = shapely.Polygon(outer)
        inner = [h for h in holes if shell.contains(shapely.Point(h[0]))]
        polys.append(shapely.Polygon(outer, inner))
    return shapely.MultiPolygon(polys) if len(polys) > 1 else polys[0] if polys else None


def read_shp(path: Path) -> list[tuple[int, object | None, int]]:
    """(record number, geometry or None, shape type) per record."""
    data = path.read_bytes()
    out = []
    pos = 100
    while pos + 8 <= len(data):
        number, length = struct.unpack(">ii", data[pos : pos + 8])
        content = data[pos + 8 : pos + 8 + length * 2]
        pos += 8 + length * 2
        shape_type = struct.unpack("<i", content[:4])[0] if len(content) >= 4 else 0
        if shape_type not in POLYGON_TYPES:
            out.append((number, None, shape_type))
            continue
        num_parts, num_points = struct.unpack("<ii", content[36:44])
        starts = list(struct.unpack(f"<{num_parts}i", content[44 : 44 + 4 * num_parts]))
        base = 44 + 4 * num_parts
        pts = struct.unpack(f"<{2 * num_points}d", content[base : base + 16 * num_points])
        xy = list(zip(pts[0::2], pts[1::2]))
        parts = [xy[s:e] for s, e in zip(starts, [*starts[1:], num_points])]
        out.append((number, _polygon(parts), shape_type))
    return out


def read_shapefile(path: Path) -> tuple[list[tuple[int, object | None, int, dict]], str | None]:
    """Records (number, geometry, shape type, attributes) and the .prj WKT (or None)."""
    stem = path.with_suffix("")
    cpg = stem.with_suffix(".cpg")
    encoding = cpg.read_text().strip() if cpg.exists() else "utf-8"
    if encoding.lower() in ("1252", "ansi 1252"):
        encoding = "cp1252"
    dbf = stem.with_suffix(".dbf")
    attrs = read_dbf(dbf, encoding) if dbf.exists() else []
    prj = stem.with_suffix(".prj")
    wkt = prj.read_text(errors="replace") if prj.exists() else None
    shapes = read_shp(path)
    records = []
    for i, (number, geom, kind) in enumerate(shapes):
        records.append((number, geom, kind, (attrs[i] if i < len(attrs) else None) or {}))
    return records, wkt
