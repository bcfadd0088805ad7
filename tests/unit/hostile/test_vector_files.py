"""Bad vector files for ``import-areas``, ``import-parcels`` and ``import-bag``: each is refused
whole (exit 2, the file named, the row and field where the file has them, no traceback, the
store byte-identical) — and good files in every format are read right (values, the CRS
transformation to RD New, 3-D coordinates dropped to 2-D).

The files are written with GDAL/OGR as the users' tools write them; the broken ones are good
OGR output cut short or corrupted, or a few bytes of text where the point is the text.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sqlite3
import struct
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
import pytest
import shapely
from osgeo import gdal, ogr
from pyproj import Transformer
from sqlalchemy import text

from domain.importers.parcels import import_parcels
from domain.store import open_store
from domain.store.engine import gpkg_blob_to_wkb
from tests.support.postgis_server import postgis_server  # noqa: F401  (session fixture)
from tests.support.store_templates import store_templates  # noqa: F401  (session fixture)
from tests.unit.hostile.harness import assert_rejected, run_cli, store_state
from tests.unit.store.conftest import empty_store, store_location  # noqa: F401  (fixtures)
from tests.unit.store.fixtures import (
    VBO_COLUMNS,
    WGS84_PRJ,
    good_vbo_rows,
    pand_rows_for,
    write_bag_gpkg,
    write_geojson,
    write_parcels_gml,
    write_pdok_parcels_gml,
    write_shapefile,
    write_vector,
)

RD_BOX = shapely.box(245000, 593000, 245100, 593100)  # near Loppersum
AREA = ("--kind", "subsidence")
_TO_WGS = Transformer.from_crs(28992, 4326, always_xy=True)
_TO_WEB = Transformer.from_crs(28992, 3857, always_xy=True)


def _via(transformer, geom):
    return shapely.transform(
        geom, lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1]))
    )


def wgs(geom):
    return _via(_TO_WGS, geom)


def _box(k: int = 0):
    return shapely.box(245000 + 200 * k, 593000, 245100 + 200 * k, 593100)


def _cut(path: Path, keep: int) -> Path:
    data = path.read_bytes()
    path.write_bytes(data[:keep] if keep >= 0 else data[:keep])
    return path


def _patch(path: Path, old: bytes, new: bytes) -> Path:
    data = path.read_bytes()
    assert old in data, f"{old!r} not in {path.name}"
    path.write_bytes(data.replace(old, new, 1))
    return path


def _text(path: Path, content: str) -> Path:
    path.write_text(content, encoding="utf-8")
    return path


# --- builders of bad files ------------------------------------------------------------------
def _area_shp(tmp: Path, records=None, **kw) -> Path:
    kw.setdefault("prj", 28992)
    return write_shapefile(tmp / "gebied.shp", records or [(RD_BOX, {"NAAM": "Loppersum"})], **kw)


def _area_json(tmp: Path, features, crs="EPSG:28992", name="gebied.geojson") -> Path:
    return write_geojson(tmp / name, features, crs=crs)


def _parcel_records(number="6931", code="LPS00", section="B", geom=RD_BOX, size=None):
    attrs = {
        "AKRKadastraleGemeenteCodeWaarde": code,
        "sectie": section,
        "perceelnummer": number,
    }
    if size is not None:
        attrs["kadastraleGrootteWaarde"] = size
    good = {"AKRKadastraleGemeenteCodeWaarde": "LPS00", "sectie": "B", "perceelnummer": "1"}
    if size is not None:
        good["kadastraleGrootteWaarde"] = "120"
    return [(_box(1), good), (geom, attrs)]


def _parcels_gpkg(tmp: Path, records, layer="perceel", srs=28992, **kw) -> Path:
    return write_vector(tmp / "percelen.gpkg", records, layer=layer, srs=srs, **kw)


def _bag(tmp: Path, change: dict | None = None, pand_change: dict | None = None, srs=28992):
    vbos = good_vbo_rows(3, start=40)
    pands = pand_rows_for(vbos)
    if change:
        vbos[1].update(change)
    if pand_change:
        pands[0].update(pand_change)
    return write_bag_gpkg(tmp / "bag.gpkg", vbos, pands, srs=srs)


def _gpkg_without_layers(tmp: Path) -> Path:
    path = write_vector(tmp / "leeg.gpkg", [(RD_BOX, {"naam": "x"})])
    ds = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_UPDATE)
    ds.DeleteLayer(0)
    ds = None
    return path


def _gpkg_srs(tmp: Path, srs_id: int) -> Path:
    path = write_vector(tmp / "gebied.gpkg", [(RD_BOX, {"naam": "x"})], layer="gebied")
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("UPDATE gpkg_geometry_columns SET srs_id = ?", (srs_id,))
        conn.execute("UPDATE gpkg_contents SET srs_id = ?", (srs_id,))
        conn.commit()
    return path


def _gpkg_garbled(tmp: Path) -> Path:
    path = write_vector(
        tmp / "gebied.gpkg", [(_box(k), {"naam": f"g{k}"}) for k in range(50)], layer="gebied"
    )
    data = bytearray(path.read_bytes())
    for start in range(4096, len(data), 4096):  # every page after the first
        data[start + 100 : start + 400] = os.urandom(300)
    path.write_bytes(bytes(data))
    return path


def _shp_dup_fields(tmp: Path) -> Path:
    path = _area_shp(tmp, [(RD_BOX, {"NAAM": "a", "NAAX": "b"})])
    return _patch(path.with_suffix(".dbf"), b"NAAX", b"NAAM").with_suffix(".shp")


def _shp_latin1_no_cpg(tmp: Path) -> Path:
    return _area_shp(tmp, [(RD_BOX, {"NAAM": "Café"})], encoding=None)


def _shp_cp1252_undefined(tmp: Path) -> Path:
    path = _area_shp(tmp, [(RD_BOX, {"NAAM": "Café"})], encoding="CP1252")
    _patch(path.with_suffix(".dbf"), "Café".encode("cp1252"), b"Caf\x81")
    return path


def _shp_without(tmp: Path, part: str) -> Path:
    path = _area_shp(tmp)
    path.with_suffix(part).unlink()
    return path


def _shp_truncated(tmp: Path) -> Path:
    path = _area_shp(tmp, [(_box(k), {"NAAM": f"g{k}"}) for k in range(3)])
    return _cut(path, -40)


def _zip_of_shapefile(tmp: Path, name: str) -> Path:
    shp = _area_shp(tmp)
    target = tmp / name
    with zipfile.ZipFile(target, "w") as archive:
        for part in shp.parent.glob("gebied.*"):
            archive.write(part, part.name)
    return target


def _filegdb_garbled(tmp: Path) -> Path:
    folder = tmp / "gebied.gdb"
    write_vector(folder, [(RD_BOX, {"naam": "x"})], layer="gebied")
    for table in folder.glob("*.gdbtable"):
        table.write_bytes(b"\x00" * 20)
    return folder


def _pdok(tmp: Path, **kw) -> Path:
    return write_pdok_parcels_gml(
        tmp / "kadastralekaart.gml", [("LPS00", "B", "6931", RD_BOX)], **kw
    )


def _pdok_two(tmp: Path) -> Path:
    return write_pdok_parcels_gml(
        tmp / "kadastralekaart.gml",
        [("LPS00", "B", "6931", RD_BOX), ("LPS00", "B", "6932", _box(1))],
    )


def _bag_without_features(tmp: Path) -> Path:
    fields = {c: ogr.OFTString for c in VBO_COLUMNS}
    return write_vector(
        tmp / "bag.gpkg", [], layer="verblijfsobject", fields=fields, geometry_type=ogr.wkbPoint
    )


def _bag_infinite(tmp: Path) -> Path:
    """Good OGR output whose second point gets x = inf in its GeoPackage blob."""
    path = _bag(tmp)
    with contextlib.closing(sqlite3.connect(path)) as conn:
        triggers = conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'verblijfsobject'"
        ).fetchall()
        for (name,) in triggers:  # the R-tree triggers need SpatiaLite's functions
            conn.execute(f'DROP TRIGGER "{name}"')
        (blob,) = conn.execute("SELECT geom FROM verblijfsobject WHERE fid = 2").fetchone()
        x = struct.pack("<d", 245000 + 20 * 41)
        assert x in blob
        conn.execute(
            "UPDATE verblijfsobject SET geom = ? WHERE fid = 2",
            (blob.replace(x, struct.pack("<d", float("inf"))),),
        )
        conn.commit()
    return path


def _pdok_3d_without_dimension(tmp: Path) -> Path:
    path = _pdok(tmp, srs_name="urn:ogc:def:crs:EPSG::7415", z=1.5)
    return _patch(path, b' srsDimension="3"', b"")


JSON_FC = '{{"type": "FeatureCollection", "features": [{}]}}'


def _feature(geometry: str, properties: str = '{"name": "x"}') -> str:
    return f'{{"type": "Feature", "properties": {properties}, "geometry": {geometry}}}'


def _rd_polygon_json(ring: str) -> str:
    return f'{{"type": "Polygon", "coordinates": [{ring}]}}'


RD_CRS = ', "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}}'


def _json_rd(tmp: Path, *features: str, name="gebied.geojson") -> Path:
    body = JSON_FC.format(", ".join(features)).replace('"features"', RD_CRS[2:] + ', "features"')
    return _text(tmp / name, body)


@dataclass(frozen=True)
class Case:
    id: str
    command: str
    build: Callable[[Path], object]
    line: int | None = None
    field: str | None = None
    says: str | None = None


def _areas_case(id, build, **kw) -> Case:
    return Case(id, "import-areas", build, **kw)


def _parcels_case(id, build, **kw) -> Case:
    return Case(id, "import-parcels", build, **kw)


def _bag_case(id, build, **kw) -> Case:
    return Case(id, "import-bag", build, **kw)


LONG = "x" * 130
CASES = [
    # --- import-areas: shapefiles ---------------------------------------------------------
    _areas_case("shp-without-prj", lambda t: _area_shp(t, prj=None), field="crs", says=".prj"),
    _areas_case("shp-without-dbf", lambda t: _shp_without(t, ".dbf"), says=".dbf"),
    _areas_case("shp-without-shx", lambda t: _shp_without(t, ".shx"), says=".shx"),
    _areas_case("shp-truncated", _shp_truncated, line=3, says="damaged"),
    _areas_case(
        "shp-header-only", lambda t: _cut(_area_shp(t), 60), says="not a readable shapefile"
    ),
    _areas_case(
        "shp-of-text",
        lambda t: _text(_area_shp(t), "this is no shapefile\n" * 20),
        says="not a readable shapefile",
    ),
    _areas_case(
        "shp-of-lines",
        lambda t: _area_shp(
            t, [(shapely.LineString([(245000, 593000), (245100, 593100)]), {"NAAM": "l"})]
        ),
        line=1,
        field="geometry",
        says="LINESTRING",
    ),
    _areas_case(
        "shp-of-points",
        lambda t: _area_shp(t, [(shapely.Point(245000, 593000), {"NAAM": "p"})]),
        line=1,
        says="POINT",
    ),
    _areas_case(
        "shp-degrees-declared-rd",
        lambda t: _area_shp(t, [(wgs(RD_BOX), {"NAAM": "g"})], prj=28992),
        line=1,
        field="geometry",
        says="probably wrong",
    ),
    _areas_case(
        "shp-outside-nl",
        lambda t: _area_shp(t, [(shapely.box(400000, 500000, 400100, 500100), {"NAAM": "g"})]),
        line=1,
        says="outside the Netherlands",
    ),
    _areas_case(
        "shp-second-of-three-outside",
        lambda t: _area_shp(
            t,
            [
                (_box(0), {"NAAM": "a"}),
                (shapely.box(100, 100, 200, 200), {"NAAM": "b"}),
                (_box(2), {"NAAM": "c"}),
            ],
        ),
        line=2,
        says="outside",
    ),
    _areas_case("dbf-latin1-without-cpg", _shp_latin1_no_cpg, line=1, field="NAAM", says="UTF-8"),
    _areas_case(
        "dbf-cp1252-undefined-byte", _shp_cp1252_undefined, line=1, field="NAAM", says="CP1252"
    ),
    _areas_case(
        "cpg-unknown-encoding",
        lambda t: (_area_shp(t), _text(t / "gebied.cpg", "KLINGON-42"))[0],
        says="encoding",
    ),
    _areas_case("dbf-duplicate-field", _shp_dup_fields, field="NAAM", says="more than once"),
    _areas_case(
        "prj-nonsense",
        lambda t: (_area_shp(t), _text(t / "gebied.prj", "nonsense"))[0],
        field="crs",
        says=".prj file cannot be read",
    ),
    # --- import-areas: GeoJSON ------------------------------------------------------------
    _areas_case(
        "geojson-empty-collection",
        lambda t: _text(t / "gebied.geojson", '{"type": "FeatureCollection", "features": []}'),
        says="no features",
    ),
    _areas_case(
        "json-array", lambda t: _text(t / "gebied.json", "[]"), says="not a readable GeoJSON"
    ),
    _areas_case(
        "json-array-of-features",
        lambda t: _text(t / "gebied.json", "[" + _feature("null") + "]"),
        says="not a readable GeoJSON",
    ),
    _areas_case("json-number", lambda t: _text(t / "gebied.json", "42"), says="GeoJSON"),
    _areas_case("json-empty-object", lambda t: _text(t / "gebied.json", "{}"), says="GeoJSON"),
    _areas_case(
        "json-object-without-features",
        lambda t: _text(t / "gebied.geojson", '{"type": "FeatureCollection"}'),
        says="GeoJSON",
    ),
    _areas_case(
        "json-features-not-a-list",
        lambda t: _text(t / "gebied.geojson", '{"type": "FeatureCollection", "features": 5}'),
    ),
    _areas_case(
        "json-truncated",
        lambda t: _cut(_area_json(t, [(RD_BOX, {"name": "a"})]), 60),
        says="GeoJSON",
    ),
    _areas_case(
        "geojson-null-geometry",
        lambda t: _area_json(t, [(None, {"name": "leeg"})]),
        line=1,
        field="geometry",
        says="no geometry",
    ),
    _areas_case(
        "geojson-nan",
        lambda t: _json_rd(
            t,
            _feature(
                _rd_polygon_json(
                    "[[NaN, 593000], [245100, 593000], [245100, 593100], [NaN, 593000]]"
                )
            ),
        ),
        line=1,
    ),
    _areas_case(
        "geojson-infinite",
        lambda t: _json_rd(
            t,
            _feature(
                _rd_polygon_json(
                    "[[1e400, 593000], [245100, 593000], [245100, 593100], [1e400, 593000]]"
                )
            ),
        ),
        line=1,
        says="finite",
    ),
    _areas_case(
        "geojson-unclosed-ring",
        lambda t: _json_rd(
            t, _feature(_rd_polygon_json("[[245000, 593000], [245100, 593000], [245100, 593100]]"))
        ),
        line=1,
    ),
    _areas_case(
        "geojson-flat-polygon",
        lambda t: _area_json(
            t,
            [
                (
                    shapely.Polygon([(245000, 593000), (245050, 593000), (245100, 593000)]),
                    {"name": "plat"},
                )
            ],
        ),
        line=1,
        says="area",
    ),
    _areas_case(
        "geojson-rd-without-crs",
        lambda t: _area_json(t, [(RD_BOX, {"name": "a"})], crs=None),
        line=1,
        says="probably wrong",
    ),
    _areas_case(
        "geojson-lat-lon-swapped",
        lambda t: _area_json(
            t,
            [(shapely.transform(wgs(RD_BOX), lambda xy: xy[:, ::-1]), {"name": "a"})],
            crs=None,
        ),
        line=1,
        says="outside",
    ),
    _areas_case(
        "geojson-unknown-crs",
        lambda t: _text(
            t / "gebied.geojson",
            '{"type": "FeatureCollection", "crs": {"type": "name", "properties": '
            '{"name": "EPSG:999999"}}, "features": [' + _feature("null") + "]}",
        ),
        says="crs",
    ),
    _areas_case(
        "geojson-name-too-long",
        lambda t: _area_json(t, [(RD_BOX, {"name": LONG})]),
        line=1,
        field="name",
        says="too long",
    ),
    _areas_case(
        "geojson-duplicate-keys-by-case",
        lambda t: _json_rd(t, _feature(_rd_polygon_json("[]"), '{"naam": "a", "NAAM": "b"}')),
        says="more than once",
    ),
    _areas_case(
        "geojson-collection-point-and-line",
        lambda t: _area_json(
            t,
            [
                (
                    shapely.GeometryCollection(
                        [
                            shapely.Point(245000, 593000),
                            shapely.LineString([(245000, 593000), (245100, 593000)]),
                        ]
                    ),
                    {"name": "gc"},
                )
            ],
        ),
        line=1,
        says="GEOMETRYCOLLECTION",
    ),
    _areas_case(
        "geojson-second-feature-bad",
        lambda t: _area_json(
            t,
            [
                (_box(0), {"name": "a"}),
                (shapely.Point(245000, 593000), {"name": "b"}),
                (_box(2), {"name": "c"}),
            ],
        ),
        line=2,
        field="geometry",
    ),
    # --- import-areas: GeoPackage, CSV, FileGDB, other files --------------------------------
    _areas_case(
        "gpkg-of-text",
        lambda t: _text(t / "gebied.gpkg", "hello\n" * 50),
        says="not a readable GeoPackage",
    ),
    _areas_case("gpkg-0-bytes", lambda t: _text(t / "gebied.gpkg", ""), says="empty"),
    _areas_case("gpkg-without-layers", _gpkg_without_layers, says="GeoPackage"),
    _areas_case(
        "gpkg-two-polygon-layers",
        lambda t: write_vector(
            write_vector(t / "gebied.gpkg", [(RD_BOX, {"naam": "a"})], layer="een"),
            [(RD_BOX, {"naam": "b"})],
            layer="twee",
        ),
        says="--layer",
    ),
    _areas_case(
        "gpkg-attribute-table-only",
        lambda t: write_vector(
            t / "gebied.gpkg", [(None, {"naam": "a"})], geometry_type=ogr.wkbNone, srs=None
        ),
        says="no geometry",
    ),
    _areas_case("gpkg-undefined-srs", lambda t: _gpkg_srs(t, 0), field="crs", says="--crs"),
    _areas_case("gpkg-cartesian-srs", lambda t: _gpkg_srs(t, -1), field="crs", says="--crs"),
    _areas_case(
        "gpkg-zero-features",
        lambda t: write_vector(t / "gebied.gpkg", [], geometry_type=ogr.wkbPolygon),
        says="no features",
    ),
    _areas_case(
        "gpkg-truncated",
        lambda t: _cut(
            write_vector(t / "gebied.gpkg", [(_box(k), {"naam": "a"}) for k in range(200)]), 8192
        ),
    ),
    _areas_case("gpkg-garbled-pages", _gpkg_garbled),
    _areas_case(
        "gpkg-degrees-declared-rd",
        lambda t: write_vector(t / "gebied.gpkg", [(wgs(RD_BOX), {"naam": "a"})]),
        line=1,
        says="probably wrong",
    ),
    _areas_case("zip-archive", lambda t: _zip_of_shapefile(t, "gebied.zip"), says="zip"),
    _areas_case(
        "zip-named-gpkg", lambda t: _zip_of_shapefile(t, "gebied.gpkg"), says="zip archive"
    ),
    _areas_case(
        "folder-named-shp",
        lambda t: (t / "gebied.shp").mkdir() or t / "gebied.shp",
        says="folder",
    ),
    _areas_case("folder-of-shapefiles", lambda t: _area_shp(t).parent, says="folder"),
    _areas_case("file-missing", lambda t: t / "bestaat-niet.shp", says="not found"),
    _areas_case("kml-file", lambda t: _text(t / "gebied.kml", "<kml/>"), says="unknown file type"),
    _areas_case(
        "csv-without-wkt",
        lambda t: _text(t / "gebied.csv", "naam,x,y\na,245000,593000\n"),
        says="no geometry",
    ),
    _areas_case(
        "csv-broken-wkt",
        lambda t: (
            _text(t / "gebied.csv", 'WKT,naam\n"POLYGON ((245000 593000, 2451",a\n'),
            "--crs",
            "EPSG:28992",
        ),
        line=2,
        says="geometry",
    ),
    _areas_case(
        "csv-without-crs",
        lambda t: _text(
            t / "gebied.csv",
            'WKT,naam\n"POLYGON ((245000 593000,245100 593000,245100 593100,245000 593000))",a\n',
        ),
        field="crs",
    ),
    _areas_case("filegdb-garbled", _filegdb_garbled, says="File Geodatabase"),
    _areas_case(
        "crs-option-not-epsg",
        lambda t: (_area_shp(t, prj=None), "--crs", "Amersfoort please"),
        says="--crs",
    ),
    _areas_case(
        "crs-option-unknown-code",
        lambda t: (_area_shp(t, prj=None), "--crs", "EPSG:999999"),
        says="not a known",
    ),
    _areas_case(
        "crs-option-wrong-for-data",
        lambda t: (_area_shp(t, prj=None), "--crs", "EPSG:4326"),
        line=1,
    ),
    _areas_case(
        "name-field-missing",
        lambda t: (_area_shp(t), "--name-field", "GEBIEDSNAAM"),
        field="GEBIEDSNAAM",
        says="missing",
    ),
    _areas_case(
        "layer-missing",
        lambda t: (write_vector(t / "gebied.gpkg", [(RD_BOX, {"naam": "a"})]), "--layer", "nope"),
        says="gebied",  # the layers present are listed
    ),
    # --- import-parcels ---------------------------------------------------------------------
    _parcels_case(
        "gml-without-srsname",
        lambda t: _pdok(t, srs_name=None),
        field="crs",
        says="srsName",
    ),
    _parcels_case(
        "gml-ogr-without-srs",
        lambda t: write_parcels_gml(t / "percelen.gml", [("LPS00", "B", "1", RD_BOX)], srs=None),
        field="crs",
    ),
    _parcels_case("gml-truncated", lambda t: _cut(_pdok_two(t), -300), says="XML"),
    _parcels_case(
        "gml-mismatched-tag",
        lambda t: _patch(_pdok(t), b"</kad:sectie>", b"</kad:sectiex>"),
        says="mismatched",
    ),
    _parcels_case(
        "gml-not-gml",
        lambda t: _text(t / "percelen.gml", "<gml:FeatureCollection><unclosed>"),
        says="not a readable GML",
    ),
    _parcels_case(
        "gml-empty-collection",
        lambda t: _text(
            t / "percelen.gml",
            '<?xml version="1.0"?><gml:FeatureCollection '
            'xmlns:gml="http://www.opengis.net/gml/3.2"></gml:FeatureCollection>',
        ),
    ),
    _parcels_case("gml-3d-without-srsdimension", _pdok_3d_without_dimension),
    _parcels_case(
        "gml-degrees-declared-rd",
        lambda t: write_pdok_parcels_gml(t / "p.gml", [("LPS00", "B", "1", wgs(RD_BOX))]),
        line=1,
        says="probably wrong",
    ),
    _parcels_case(
        "number-decimal-comma",
        lambda t: write_pdok_parcels_gml(t / "p.gml", [("LPS00", "B", "12,7", RD_BOX)]),
        line=1,
        field="perceelnummer",
        says="12,7",
    ),
    *[
        _parcels_case(
            f"number-{label}",
            lambda t, v=value: _parcels_gpkg(t, _parcel_records(v)),
            line=2,
            field="perceelnummer",
        )
        for label, value in [
            ("decimal-point", "12.7"),
            ("exponent", "1e3"),
            ("arabic-indic-digits", "\u0661\u0662"),
            ("fullwidth-digits", "\uff11\uff12"),
            ("too-large", "123456"),
            ("zero", "0"),
            ("negative", "-4"),
            ("empty", ""),
            ("real-with-fraction", 12.7),
            ("huge", "1" * 30),
        ]
    ],
    _parcels_case(
        "missing-perceelnummer-column",
        lambda t: _parcels_gpkg(
            t, [(RD_BOX, {"AKRKadastraleGemeenteCodeWaarde": "LPS00", "sectie": "B"})]
        ),
        field="perceelnummer",
        says="missing",
    ),
    _parcels_case(
        "missing-sectie-column",
        lambda t: _parcels_gpkg(
            t, [(RD_BOX, {"AKRKadastraleGemeenteCodeWaarde": "LPS00", "perceelnummer": 1})]
        ),
        field="sectie",
    ),
    _parcels_case(
        "bad-gemeentecode",
        lambda t: _parcels_gpkg(t, _parcel_records(code="LP")),
        line=2,
        field="AKRKadastraleGemeenteCodeWaarde",
    ),
    _parcels_case(
        "bad-sectie",
        lambda t: _parcels_gpkg(t, _parcel_records(section="B9")),
        line=2,
        field="sectie",
    ),
    _parcels_case(
        "duplicate-parcel",
        lambda t: _parcels_gpkg(t, _parcel_records(number="1")),
        line=2,
        field="perceelnummer",
        says="twice",
    ),
    _parcels_case(
        "parcel-as-point",
        lambda t: _parcels_gpkg(t, _parcel_records(geom=shapely.Point(245000, 593000))),
        line=2,
        field="geom",
    ),
    _parcels_case(
        "bad-size",
        lambda t: _parcels_gpkg(t, _parcel_records(size="groot")),
        line=2,
        field="kadastraleGrootteWaarde",
    ),
    _parcels_case(
        "no-perceel-layer-among-several",
        lambda t: write_vector(
            _parcels_gpkg(t, _parcel_records(), layer="percelen_a"),
            _parcel_records(),
            layer="percelen_b",
        ),
        says="perceel",
    ),
    _parcels_case(
        "geojson-number-as-decimal",
        lambda t: write_geojson(
            t / "percelen.geojson",
            [
                (
                    RD_BOX,
                    {
                        "AKRKadastraleGemeenteCodeWaarde": "LPS00",
                        "sectie": "B",
                        "perceelnummer": 12.7,
                    },
                )
            ],
            crs="EPSG:28992",
        ),
        line=1,
        field="perceelnummer",
    ),
    # --- import-bag -------------------------------------------------------------------------
    _bag_case(
        "bag-degrees-declared-rd",
        lambda t: write_bag_gpkg(
            t / "bag.gpkg",
            [{**v, "geom": wgs(v["geom"])} for v in good_vbo_rows(3, start=40)],
        ),
        line=1,
        field="geom",
        says="probably wrong",
    ),
    *[
        _bag_case(f"bag-{label}", lambda t, c=change: _bag(t, c), line=2, field=fld, says=says)
        for label, change, fld, says in [
            ("huisnummer-decimal-comma", {"huisnummer": "12,7"}, "huisnummer", None),
            ("huisnummer-decimal", {"huisnummer": 12.7}, "huisnummer", None),
            ("huisnummer-too-large", {"huisnummer": 100000}, "huisnummer", None),
            ("huisnummer-fullwidth", {"huisnummer": "\uff11\uff12"}, "huisnummer", None),
            (
                "postcode-arabic-digits",
                {"postcode": "\u0669\u0669\u0661\u0669AB"},
                "postcode",
                None,
            ),
            ("identificatie-letters", {"identificatie": "12ab"}, "identificatie", None),
            (
                "street-too-long",
                {"openbare_ruimte_naam": "M" * 81},
                "openbare_ruimte_naam",
                "too long",
            ),
            ("place-too-long", {"woonplaats_naam": "L" * 61}, "woonplaats_naam", "too long"),
            ("toevoeging-too-long", {"toevoeging": "ABCDE"}, "toevoeging", "too long"),
            ("huisletter-two-letters", {"huisletter": "AB"}, "huisletter", None),
            (
                "nummeraanduiding-bad",
                {"nummeraanduiding_hoofdadres_identificatie": "abc"},
                "nummeraanduiding_hoofdadres_identificatie",
                None,
            ),
            ("oppervlakte-text", {"oppervlakte": "groot"}, "oppervlakte", None),
            ("geometry-missing", {"geom": None}, "geom", "no geometry"),
            (
                "geometry-line",
                {"geom": shapely.LineString([(245000, 593500), (245010, 593510)])},
                "geom",
                None,
            ),
            ("geometry-outside-nl", {"geom": shapely.Point(350000, 700000)}, "geom", "outside"),
        ]
    ],
    _bag_case("bag-geometry-infinite", _bag_infinite, line=2, field="geom", says="finite"),
    _bag_case(
        "bag-bouwjaar-exponent",
        lambda t: _bag(t, pand_change={"bouwjaar": "1e3"}),
        line=1,
        field="bouwjaar",
    ),
    _bag_case(
        "bag-missing-huisnummer-column",
        lambda t: write_bag_gpkg(
            t / "bag.gpkg",
            [{k: v for k, v in r.items() if k != "huisnummer"} for r in good_vbo_rows(2)],
        ),
        field="huisnummer",
        says="missing",
    ),
    _bag_case(
        "bag-only-pand-layer",
        lambda t: write_vector(
            t / "bag.gpkg", [(RD_BOX, {"identificatie": "1979100000000001"})], layer="pand"
        ),
        says="verblijfsobject",
    ),
    _bag_case(
        "bag-zero-verblijfsobjecten",
        _bag_without_features,
        says="no features",
    ),
    _bag_case("bag-of-text", lambda t: _text(t / "bag.gpkg", "BAG\n" * 100), says="GeoPackage"),
    _bag_case(
        "bag-geojson-duplicate-keys",
        lambda t: _json_rd(
            t,
            _feature(
                '{"type": "Point", "coordinates": [245000, 593500]}',
                '{"postcode": "9919AB", "Postcode": "9919AC"}',
            ),
            name="vbo.geojson",
        ),
        says="more than once",
    ),
]


def _case_ids():
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids)), "case ids must be distinct"
    return ids


@pytest.mark.parametrize("case", CASES, ids=_case_ids())
def test_bad_vector_file_is_refused_whole(case: Case, hostile_store, tmp_path):
    built = case.build(tmp_path)
    file, *extra = built if isinstance(built, tuple) else (built,)
    if case.command == "import-areas":
        extra = [*AREA, *extra]
    assert_rejected(
        case.command,
        hostile_store,
        file,
        *extra,
        line=case.line,
        field=case.field,
        says=case.says,
    )


def test_there_are_at_least_seventy_bad_files():
    assert len(CASES) >= 70
    assert {c.command for c in CASES} == {"import-areas", "import-parcels", "import-bag"}


def test_a_file_that_cannot_be_read_is_refused(hostile_store, tmp_path):
    """Permission denied: as root (the test machines) the read runs as 'nobody'."""
    folder = Path(tempfile.mkdtemp())
    try:
        folder.chmod(0o777)
        store = folder / "store.gpkg"
        shutil.copyfile(hostile_store, store)
        store.chmod(0o666)
        source = write_geojson(folder / "gebied.geojson", [(RD_BOX, {"name": "a"})], "EPSG:28992")
        source.chmod(0o000)
        before = store_state(str(store))
        root = os.geteuid() == 0
        if root:
            os.seteuid(65534)
        try:
            outcome = run_cli("import-areas", str(store), str(source), *AREA)
        finally:
            if root:
                os.seteuid(0)
        assert outcome.code == 2, outcome.text
        assert "Traceback" not in outcome.text
        assert "gebied.geojson" in outcome.err and "cannot be read" in outcome.err, outcome.err
        assert store_state(str(store)) == before
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_every_problem_is_listed_up_to_the_limit_and_the_rest_counted(
    hostile_store, tmp_path, monkeypatch
):
    from domain import policy

    monkeypatch.setattr(policy, "IMPORT_PROBLEMS_LISTED", 5)
    records = [(wgs(_box(k)), {"NAAM": f"g{k}"}) for k in range(12)]
    path = _area_shp(tmp_path, records, prj=28992)
    outcome = assert_rejected("import-areas", hostile_store, path, *AREA, says="7 more problems")
    assert all(f"gebied.shp:{k}:geometry" in outcome.err for k in range(1, 6))
    assert "gebied.shp:6:" not in outcome.err and "12 problem(s)" in outcome.err


# --- good files: each format read right -----------------------------------------------------
def _stored_areas(store_path: str, kind: str = "subsidence"):
    with contextlib.closing(sqlite3.connect(store_path)) as conn:
        rows = conn.execute(
            "SELECT name, source, geom FROM areas WHERE kind = ? ORDER BY id", (kind,)
        ).fetchall()
    return [(n, s, shapely.from_wkb(gpkg_blob_to_wkb(g))) for n, s, g in rows]


def _ogr_gml(tmp: Path) -> Path:
    return write_vector(
        tmp / "gebied.gml",
        [(wgs(RD_BOX), {"naam": "Bodemdaling"})],
        layer="gebied",
        srs=4326,
        dataset_options=("FORMAT=GML3.2",),
    )


GOOD_AREAS = {
    "gpkg-rd": (lambda t: write_vector(t / "g.gpkg", [(RD_BOX, {"naam": "Bodemdaling"})]), ()),
    "shp-wgs84-polygon-z": (
        lambda t: write_shapefile(
            t / "g.shp",
            [(shapely.force_3d(wgs(RD_BOX), 7.5), {"NAAM": "Bodemdaling"})],
            prj=WGS84_PRJ,
        ),
        (),
    ),
    "geojson-4326": (
        lambda t: write_geojson(t / "g.geojson", [(wgs(RD_BOX), {"name": "Bodemdaling"})]),
        (),
    ),
    "geojson-3857": (
        lambda t: write_geojson(
            t / "g.geojson", [(_via(_TO_WEB, RD_BOX), {"name": "Bodemdaling"})], crs="EPSG:3857"
        ),
        (),
    ),
    "gml-4326": (_ogr_gml, ()),
    "filegdb": (
        lambda t: write_vector(
            t / "g.gdb", [(shapely.MultiPolygon([RD_BOX]), {"naam": "Bodemdaling"})], layer="g"
        ),
        (),
    ),
    "csv-wkt-with-crs-option": (
        lambda t: _text(t / "g.csv", f'WKT;naam\n"{RD_BOX.wkt}";Bodemdaling\n'),
        ("--crs", "EPSG:28992"),
    ),
    "shp-without-prj-with-crs-option": (
        lambda t: write_shapefile(t / "g.shp", [(RD_BOX, {"NAAM": "Bodemdaling"})], prj=None),
        ("--crs", "EPSG:28992"),
    ),
}


@pytest.mark.parametrize("name", sorted(GOOD_AREAS))
def test_each_format_reads_areas_into_rd(name, hostile_store, tmp_path):
    build, extra = GOOD_AREAS[name]
    path = build(tmp_path)
    outcome = run_cli("import-areas", hostile_store, str(path), *AREA, *extra)
    assert outcome.code == 0, outcome.text
    ((label, source, geom),) = _stored_areas(hostile_store)
    assert label == "Bodemdaling" and source == path.name
    assert not geom.has_z
    # a datum shift without the RDNAPTRANS grid is good to about a metre
    tolerance = 0.01 if name in ("gpkg-rd", "filegdb") or "crs-option" in name else 2.0
    assert shapely.hausdorff_distance(geom, RD_BOX) < tolerance, geom.wkt
    assert geom.area == pytest.approx(RD_BOX.area, rel=1e-3)


def test_reading_a_geopackage_or_gml_changes_nothing_beside_it(hostile_store, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    gpkg = write_vector(folder / "g.gpkg", [(RD_BOX, {"naam": "a"})])
    gml = _ogr_gml(folder)
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}
    for path in (gpkg, gml):
        assert run_cli("import-areas", hostile_store, str(path), *AREA).code == 0
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}
    assert after == before  # the same bytes, no .gfs, no -wal/-shm


def test_pdok_kadastrale_kaart_gml_takes_the_boundary_not_the_label_point(hostile_store, tmp_path):
    second = shapely.box(245200, 593000, 245260, 593050)
    path = write_pdok_parcels_gml(
        tmp_path / "kadastralekaart.gml",
        [("LPS00", "B", "6931", RD_BOX), ("LPS00", "B", "6932", second)],
    )
    outcome = run_cli("import-parcels", hostile_store, str(path))
    assert outcome.code == 0, outcome.text
    with contextlib.closing(sqlite3.connect(hostile_store)) as conn:
        rows = conn.execute(
            "SELECT kadastrale_aanduiding, area_m2, geom FROM parcels "
            "WHERE kadastrale_aanduiding LIKE 'LPS00 B %' ORDER BY kadastrale_aanduiding"
        ).fetchall()
    got = [(a, area, shapely.from_wkb(gpkg_blob_to_wkb(g))) for a, area, g in rows]
    assert [(a, area) for a, area, _g in got] == [
        ("LPS00 B 6931", 10000.0),
        ("LPS00 B 6932", 3000.0),
    ]
    assert shapely.equals_exact(got[0][2], shapely.MultiPolygon([RD_BOX]), 1e-6)
    assert shapely.equals_exact(got[1][2], shapely.MultiPolygon([second]), 1e-6)


def test_a_3d_poslist_is_read_as_3d_and_dropped_to_2d(hostile_store, tmp_path):
    path = _pdok(tmp_path, z=12.25)  # posList srsDimension="3": x y z x y z …
    outcome = run_cli("import-parcels", hostile_store, str(path))
    assert outcome.code == 0, outcome.text
    with contextlib.closing(sqlite3.connect(hostile_store)) as conn:
        (blob,) = conn.execute(
            "SELECT geom FROM parcels WHERE kadastrale_aanduiding = 'LPS00 B 6931'"
        ).fetchone()
    geom = shapely.from_wkb(gpkg_blob_to_wkb(blob))
    assert not geom.has_z
    assert sorted(map(tuple, shapely.get_coordinates(geom))) == sorted(
        map(tuple, shapely.get_coordinates(shapely.MultiPolygon([RD_BOX])))
    )


def test_latin1_and_cp1252_shapefiles_read_their_text(hostile_store, tmp_path):
    for encoding, name in (("ISO-8859-1", "Café Hogeland"), ("CP1252", "Café € 5")):
        folder = tmp_path / encoding
        folder.mkdir()
        path = write_shapefile(
            folder / "g.shp", [(RD_BOX, {"NAAM": name})], prj=28992, encoding=encoding
        )
        assert name.encode(encoding) in path.with_suffix(".dbf").read_bytes()
        outcome = run_cli("import-areas", hostile_store, str(path), *AREA, "--name-field", "naam")
        assert outcome.code == 0, outcome.text
        ((label, _s, _g),) = _stored_areas(hostile_store)
        assert label == name


def test_bag_in_web_mercator_and_a_crs_option_over_a_wrong_declaration(hostile_store, tmp_path):
    vbos = [
        {**v, "identificatie": f"1979010000{7000 + k:06d}"} for k, v in enumerate(good_vbo_rows(2))
    ]
    web = [{**v, "geom": _via(_TO_WEB, v["geom"])} for v in vbos]
    path = write_bag_gpkg(tmp_path / "bag.gpkg", web, pand_rows_for(vbos), srs=3857)
    assert run_cli("import-bag", hostile_store, str(path)).code == 0
    # the same points in degrees, declared RD New: refused, then read with --crs EPSG:4326
    degrees = [
        {**v, "geom": wgs(v["geom"]), "identificatie": f"1979010000{9000 + k:06d}"}
        for k, v in enumerate(vbos)
    ]
    wrong = write_bag_gpkg(tmp_path / "wrong.gpkg", degrees, pand_rows_for(vbos))
    assert_rejected("import-bag", hostile_store, wrong, line=1, says="--crs")
    outcome = run_cli("import-bag", hostile_store, str(wrong), "--crs", "EPSG:4326")
    assert outcome.code == 0, outcome.text
    assert "EPSG:4326" in outcome.out and "instead of" in outcome.out
    store = open_store(hostile_store)
    try:
        with store.engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT a.bag_vbo_id, o.x, o.y FROM addresses a JOIN objects o "
                    "ON o.id = a.object_id WHERE a.bag_vbo_id IN "
                    "('1979010000007000', '1979010000007001', '1979010000009000', "
                    "'1979010000009001') "
                    "ORDER BY a.bag_vbo_id"
                )
            ).all()
    finally:
        store.close()
    expected = [(v["geom"].x, v["geom"].y) for v in vbos] * 2
    assert len(rows) == 4
    for (_id, x, y), (ex, ey) in zip(rows, expected):
        assert x == pytest.approx(ex, abs=1.5) and y == pytest.approx(ey, abs=1.5)


@pytest.mark.parametrize("suffix", [".geojson", ".gml"])
def test_bag_from_a_wfs_style_file(suffix, hostile_store, tmp_path):
    """PDOK's BAG WFS (GML or GeoJSON) names: openbare_ruimte, woonplaats, pandidentificatie,
    bouwjaar on the verblijfsobject itself."""
    point = shapely.Point(245300, 593600)
    path = write_vector(
        tmp_path / f"bag{suffix}",
        [
            (
                wgs(point),
                {
                    "identificatie": "0003010000126809",
                    "pandidentificatie": "0003100000117485",
                    "huisnummer": 7,
                    "huisletter": "a",
                    "postcode": "9919 AB",
                    "openbare_ruimte": "Molenweg",
                    "woonplaats": "Loppersum",
                    "bouwjaar": 1925,
                    "status": "Verblijfsobject in gebruik",
                    "gebruiksdoel": "woonfunctie",
                    "oppervlakte": 95,
                },
            )
        ],
        layer="verblijfsobject",
        srs=4326,
        dataset_options=("FORMAT=GML3.2",) if suffix == ".gml" else (),
    )
    outcome = run_cli("import-bag", hostile_store, str(path), "--json")
    assert outcome.code == 0, outcome.text
    store = open_store(hostile_store)
    try:
        (hit,) = store.search("9919 AB 7A")
        record = store.read_object(hit.object_id)
    finally:
        store.close()
    assert record.construction_year == 1925 and record.place == "Loppersum"
    assert (record.x, record.y) == pytest.approx((point.x, point.y), abs=1.5)
    assert record.addresses[0].house_letter == "A"


def test_parcels_round_trip(empty_store, tmp_path):  # noqa: F811  (the fixture)
    """A PDOK parcel file into the store (GeoPackage and PostGIS) and back: the same
    boundary and aanduiding."""
    parcel = shapely.Polygon(
        [
            (245000.25, 593000.5),
            (245090.75, 593004.0),
            (245080.0, 593070.125),
            (245000.25, 593000.5),
        ]
    )
    path = write_pdok_parcels_gml(tmp_path / "p.gml", [("LPS00", "C", "812", parcel)])
    report = import_parcels(empty_store, path)
    assert report.counts["parcels"] == 1
    gpkg = empty_store.location.is_gpkg
    with empty_store.engine.connect() as conn:
        geom_sql = "geom" if gpkg else "ST_AsBinary(geom)"
        rows = conn.execute(
            text(f"SELECT kadastrale_aanduiding, area_m2, {geom_sql} FROM parcels")
        ).all()
    ((aanduiding, area, blob),) = rows
    wkb = gpkg_blob_to_wkb(bytes(blob)) if gpkg else bytes(blob)
    assert aanduiding == "LPS00 C 812" and area == round(parcel.area)
    assert shapely.equals_exact(shapely.from_wkb(wkb), shapely.MultiPolygon([parcel]), 1e-9)
