"""Small input files in the public formats, written at test time (never copied data).

PDOK-like BAG GeoPackage, cadastral GML, shapefile, GeoJSON and the two CSV formats.
"""

from __future__ import annotations

import json
import sqlite3
import struct
from pathlib import Path

import shapely

WGS84_PRJ = (
    'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],'
    'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]'
)


def gpkg_blob(geom, srs: int = 28992) -> bytes:
    return b"GP\x00\x01" + struct.pack("<i", srs) + shapely.to_wkb(geom, byte_order=1)


def _gpkg_core(conn: sqlite3.Connection, srs: int) -> None:
    conn.executescript(
        """
        PRAGMA application_id = 1196444487;
        CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT, srs_id INTEGER PRIMARY KEY,
          organization TEXT, organization_coordsys_id INTEGER, definition TEXT, description TEXT);
        CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT, identifier TEXT,
          description TEXT, last_change TEXT, min_x REAL, min_y REAL, max_x REAL, max_y REAL,
          srs_id INTEGER);
        CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT,
          geometry_type_name TEXT, srs_id INTEGER, z TINYINT, m TINYINT);
        """
    )
    conn.execute(
        "INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, 'EPSG', ?, 'undefined', '')",
        (f"EPSG:{srs}", srs, srs),
    )


VBO_COLUMNS = (
    "identificatie",
    "pand_identificatie",
    "gebruiksdoel",
    "oppervlakte",
    "status",
    "postcode",
    "huisnummer",
    "huisletter",
    "toevoeging",
    "openbare_ruimte_naam",
    "woonplaats_naam",
    "nummeraanduiding_hoofdadres_identificatie",
)


def good_vbo_rows(n: int = 5, start: int = 1) -> list[dict]:
    rows = []
    for k in range(start, start + n):
        rows.append(
            {
                "identificatie": f"1979010000{k:06d}",
                "pand_identificatie": f"1979100000{(k + 1) // 2:06d}",
                "gebruiksdoel": "woonfunctie" if k % 5 else "industriefunctie",
                "oppervlakte": 120 if k % 5 else 20,
                "status": "Verblijfsobject in gebruik",
                "postcode": "9919AB",
                "huisnummer": k,
                "huisletter": None,
                "toevoeging": None,
                "openbare_ruimte_naam": "Molenweg",
                "woonplaats_naam": "Loppersum",
                "nummeraanduiding_hoofdadres_identificatie": f"1979200000{k:06d}",
                "geom": shapely.Point(245000 + 20 * k, 593500 + 3 * k),
            }
        )
    return rows


def pand_rows_for(vbos: list[dict], year: int = 1931) -> list[dict]:
    ids = sorted({v["pand_identificatie"] for v in vbos})
    return [
        {"identificatie": p, "bouwjaar": year + i, "status": "Pand in gebruik"}
        for i, p in enumerate(ids)
    ]


def write_bag_gpkg(
    path: Path, vbos: list[dict], pands: list[dict] | None = None, srs: int = 28992
) -> Path:
    conn = sqlite3.connect(path)
    _gpkg_core(conn, srs)
    cols = ", ".join(f"{c} TEXT" for c in VBO_COLUMNS)
    conn.execute(f"CREATE TABLE verblijfsobject (fid INTEGER PRIMARY KEY, geom BLOB, {cols})")
    conn.execute(
        "INSERT INTO gpkg_contents (table_name, data_type, srs_id) VALUES ('verblijfsobject', 'features', ?)",
        (srs,),
    )
    conn.execute(
        "INSERT INTO gpkg_geometry_columns VALUES ('verblijfsobject', 'geom', 'POINT', ?, 0, 0)",
        (srs,),
    )
    for v in vbos:
        geom = v.get("geom")
        conn.execute(
            f"INSERT INTO verblijfsobject (geom, {', '.join(VBO_COLUMNS)}) VALUES (?{', ?' * len(VBO_COLUMNS)})",
            (gpkg_blob(geom, srs) if geom is not None else None, *[v.get(c) for c in VBO_COLUMNS]),
        )
    if pands is not None:
        conn.execute(
            "CREATE TABLE pand (fid INTEGER PRIMARY KEY, geom BLOB, identificatie TEXT, bouwjaar INTEGER, status TEXT)"
        )
        conn.execute(
            "INSERT INTO gpkg_contents (table_name, data_type, srs_id) VALUES ('pand', 'features', ?)",
            (srs,),
        )
        conn.execute(
            "INSERT INTO gpkg_geometry_columns VALUES ('pand', 'geom', 'POLYGON', ?, 0, 0)", (srs,)
        )
        for p in pands:
            conn.execute(
                "INSERT INTO pand (identificatie, bouwjaar, status) VALUES (?, ?, ?)",
                (p["identificatie"], p["bouwjaar"], p["status"]),
            )
    conn.commit()
    conn.close()
    return path


def write_parcels_gml(path: Path, parcels: list[tuple[str, str, str, object]]) -> Path:
    """parcels: (gemeentecode, sectie, perceelnummer, polygon in RD)."""
    members = []
    for code, section, number, poly in parcels:
        ring = " ".join(f"{x} {y}" for x, y in poly.exterior.coords)
        members.append(
            f"""<gml:featureMember><kad:Perceel gml:id="p{number}">
  <kad:kadastraleGemeenteCode>{code}</kad:kadastraleGemeenteCode>
  <kad:sectie>{section}</kad:sectie><kad:perceelnummer>{number}</kad:perceelnummer>
  <kad:kadastraleGrootteWaarde>{round(poly.area)}</kad:kadastraleGrootteWaarde>
  <kad:begrenzingPerceel><gml:Polygon srsName="urn:ogc:def:crs:EPSG::28992"><gml:exterior>
  <gml:LinearRing><gml:posList>{ring}</gml:posList></gml:LinearRing></gml:exterior>
  </gml:Polygon></kad:begrenzingPerceel></kad:Perceel></gml:featureMember>"""
        )
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<gml:FeatureCollection '
        'xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:kad="http://kadaster.nl/kadastralekaart">\n'
        + "\n".join(members)
        + "\n</gml:FeatureCollection>\n",
        encoding="utf-8",
    )
    return path


def write_shapefile(
    path: Path, records: list[tuple[object, dict]], prj: str | None = WGS84_PRJ
) -> Path:
    """Polygon shapefile (.shp/.shx/.dbf/.prj) with character attributes."""
    shp_records = []
    for number, (geom, _attrs) in enumerate(records, start=1):
        polys = list(geom.geoms) if geom.geom_type == "MultiPolygon" else [geom]
        rings = []
        for p in polys:
            ext = list(shapely.geometry.polygon.orient(p, sign=-1.0).exterior.coords)  # clockwise
            rings.append(ext)
            rings += [
                list(i.coords) for i in shapely.geometry.polygon.orient(p, sign=-1.0).interiors
            ]
        points = [pt for r in rings for pt in r]
        starts, k = [], 0
        for r in rings:
            starts.append(k)
            k += len(r)
        minx, miny, maxx, maxy = geom.bounds
        content = struct.pack("<i4d2i", 5, minx, miny, maxx, maxy, len(rings), len(points))
        content += struct.pack(f"<{len(starts)}i", *starts)
        content += b"".join(struct.pack("<2d", x, y) for x, y in points)
        shp_records.append(struct.pack(">2i", number, len(content) // 2) + content)
    body = b"".join(shp_records)
    all_bounds = shapely.union_all([g for g, _ in records]).bounds
    header = struct.pack(">7i", 9994, 0, 0, 0, 0, 0, (100 + len(body)) // 2)
    header += struct.pack("<2i4d4d", 1000, 5, *all_bounds, 0, 0, 0, 0)
    path.write_bytes(header + body)
    names = sorted({k for _, a in records for k in a})
    fields = b"".join(struct.pack("<11sc4xB15x", n.encode()[:10], b"C", 50) for n in names)
    dbf = struct.pack(
        "<4BIHH20x", 3, 126, 11, 24, len(records), 32 + 32 * len(names) + 1, 1 + 50 * len(names)
    )
    dbf += fields + b"\x0d"
    for _, attrs in records:
        dbf += b" " + b"".join(str(attrs.get(n, "")).encode("utf-8")[:50].ljust(50) for n in names)
    dbf += b"\x1a"
    path.with_suffix(".dbf").write_bytes(dbf)
    if prj:
        path.with_suffix(".prj").write_text(prj)
    path.with_suffix(".cpg").write_text("UTF-8")
    return path


def write_geojson(path: Path, features: list[tuple[object, dict]], crs: str | None = None) -> Path:
    data = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": shapely.geometry.mapping(g) if g is not None else None,
                "properties": a,
            }
            for g, a in features
        ],
    }
    if crs:
        data["crs"] = {"type": "name", "properties": {"name": crs}}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def write_csv(path: Path, header: list[str], rows: list[list], sep: str = ",") -> Path:
    lines = [sep.join(header)] + [sep.join("" if v is None else str(v) for v in r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
