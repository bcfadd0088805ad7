"""Small input files in the public formats, written at test time (never copied data).

Vector files are written with GDAL/OGR, as the users' tools (QGIS, ogr2ogr, PDOK's exports)
write them: a PDOK-like BAG GeoPackage, cadastral GML, shapefiles, GeoJSON. PDOK's own GML
layout (a Perceel with a label point and a boundary) comes from a template of that layout.
The two CSV formats are plain text.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import shapely
from osgeo import gdal, ogr, osr

WGS84_PRJ = (
    'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],'
    'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]'
)
DRIVERS = {
    ".gpkg": "GPKG",
    ".shp": "ESRI Shapefile",
    ".gml": "GML",
    ".geojson": "GeoJSON",
    ".json": "GeoJSON",
    ".gdb": "OpenFileGDB",
    ".csv": "CSV",
}


@contextlib.contextmanager
def _gdal_exceptions():
    previous = [(m, m.GetUseExceptions()) for m in (gdal, ogr, osr)]
    for module in (gdal, ogr, osr):
        module.UseExceptions()
    gdal.PushErrorHandler("CPLQuietErrorHandler")  # a test file may be non-conformant on purpose
    try:
        yield
    finally:
        gdal.PopErrorHandler()
        for module, used in reversed(previous):  # GDAL keeps them as a stack
            if not used:
                module.DontUseExceptions()


def spatial_ref(srs):
    """EPSG code, WKT or 'EPSG:…'/URN text → osr SRS (traditional x/y order); None stays None."""
    if srs is None:
        return None
    ref = osr.SpatialReference()
    if isinstance(srs, int):
        ref.ImportFromEPSG(srs)
    else:
        ref.SetFromUserInput(str(srs))
    ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return ref


def _field_type(values) -> int:
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return ogr.OFTInteger64 if any(abs(v) > 2**31 - 1 for v in present) else ogr.OFTInteger
    if present and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return ogr.OFTReal
    return ogr.OFTString


def _geometry_type(geoms) -> int:
    kinds = {g.geom_type for g in geoms if g is not None}
    has_z = any(g is not None and g.has_z for g in geoms)
    base = {
        frozenset({"Point"}): ogr.wkbPoint,
        frozenset({"Polygon"}): ogr.wkbPolygon,
        frozenset({"MultiPolygon"}): ogr.wkbMultiPolygon,
        frozenset({"Polygon", "MultiPolygon"}): ogr.wkbMultiPolygon,
        frozenset({"LineString"}): ogr.wkbLineString,
        frozenset({"MultiPoint"}): ogr.wkbMultiPoint,
    }.get(frozenset(kinds), ogr.wkbUnknown)
    return ogr.GT_SetZ(base) if has_z and base != ogr.wkbUnknown else base


def write_vector(
    path: Path,
    records: list[tuple[object, dict]],
    *,
    layer: str | None = None,
    srs=28992,
    fields: dict[str, int] | None = None,
    geometry_type: int | None = None,
    layer_options: tuple[str, ...] = (),
    dataset_options: tuple[str, ...] = (),
) -> Path:
    """Write ``records`` (shapely geometry or None, attributes) as one layer with OGR; a
    GeoPackage or File Geodatabase that exists gets the layer added."""
    path = Path(path)
    driver_name = DRIVERS[path.suffix.lower()]
    names: list[str] = list(fields or {})
    for _g, attrs in records:
        names += [k for k in attrs if k not in names]
    types = dict(fields or {})
    for name in names:
        types.setdefault(name, _field_type([a.get(name) for _g, a in records]))
    with _gdal_exceptions():
        driver = ogr.GetDriverByName(driver_name)
        if path.exists() and driver_name in ("GPKG", "OpenFileGDB"):
            ds = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_UPDATE)
        else:
            ds = driver.CreateDataSource(str(path), options=list(dataset_options))
        geoms = [g for g, _a in records]
        kind = geometry_type if geometry_type is not None else _geometry_type(geoms)
        lyr = ds.CreateLayer(
            layer or path.stem, spatial_ref(srs), kind, options=list(layer_options)
        )
        for name in names:
            lyr.CreateField(ogr.FieldDefn(name, types[name]))
        defn = lyr.GetLayerDefn()
        with contextlib.suppress(RuntimeError):
            lyr.StartTransaction()
        for geom, attrs in records:
            feature = ogr.Feature(defn)
            for name, value in attrs.items():
                if value is not None:
                    feature.SetField(name, value)
            if geom is not None:
                feature.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(geom)))
            lyr.CreateFeature(feature)
        with contextlib.suppress(RuntimeError):
            lyr.CommitTransaction()
        ds = None
    return path


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
    path: Path, vbos: list[dict], pands: list[dict] | None = None, srs=28992
) -> Path:
    """PDOK's ``bag-light`` layout: layer ``verblijfsobject`` (points) and, where given,
    ``pand`` (polygons; a pand without ``geom`` gets none)."""
    path = Path(path)
    if path.exists():
        path.unlink()
    columns = [c for c in VBO_COLUMNS if any(c in v for v in vbos)]
    columns += [c for v in vbos for c in v if c not in columns and c != "geom"]
    columns = list(dict.fromkeys(columns))
    records = [(v.get("geom"), {c: v.get(c) for c in columns}) for v in vbos]
    fields = {c: _field_type([a.get(c) for _g, a in records]) for c in columns}
    write_vector(
        path,
        records,
        layer="verblijfsobject",
        srs=srs,
        fields=fields,
        geometry_type=ogr.wkbPoint,
    )
    if pands is not None:
        write_vector(
            path,
            [(p.get("geom"), {k: v for k, v in p.items() if k != "geom"}) for p in pands],
            layer="pand",
            srs=srs,
            geometry_type=ogr.wkbPolygon,
        )
    return path


def write_parcels_gml(path: Path, parcels: list[tuple[str, str, str, object]], srs=28992) -> Path:
    """parcels: (gemeentecode, sectie, perceelnummer, polygon) as OGR writes GML 3.2 (with its
    .xsd), layer ``perceel`` with PDOK's field names."""
    records = [
        (
            poly,
            {
                "AKRKadastraleGemeenteCodeWaarde": code,
                "sectie": section,
                "perceelnummer": number,
                "kadastraleGrootteWaarde": round(poly.area) if poly is not None else None,
            },
        )
        for code, section, number, poly in parcels
    ]
    fields = {
        "AKRKadastraleGemeenteCodeWaarde": ogr.OFTString,
        "sectie": ogr.OFTString,
        "perceelnummer": ogr.OFTString,
        "kadastraleGrootteWaarde": ogr.OFTInteger,
    }
    return write_vector(
        path,
        records,
        layer="perceel",
        srs=srs,
        fields=fields,
        geometry_type=ogr.wkbPolygon,
        dataset_options=("FORMAT=GML3.2",),
    )


PDOK_MEMBER = """<gml:featureMember><kad:Perceel gml:id="NL.IMKAD.KadastraalObject.{n}">
 <kad:identificatieNamespace>NL.IMKAD.KadastraalObject</kad:identificatieNamespace>
 <kad:identificatieLokaalID>{n}</kad:identificatieLokaalID>
 <kad:kadastraleGemeenteCode>31</kad:kadastraleGemeenteCode>
 <kad:kadastraleGemeenteWaarde>Loppersum</kad:kadastraleGemeenteWaarde>
 <kad:sectie>{section}</kad:sectie>
 <kad:AKRKadastraleGemeenteCodeCode>341</kad:AKRKadastraleGemeenteCodeCode>
 <kad:AKRKadastraleGemeenteCodeWaarde>{code}</kad:AKRKadastraleGemeenteCodeWaarde>
 <kad:perceelnummer>{number}</kad:perceelnummer>
 <kad:soortGrootteWaarde>Vastgesteld</kad:soortGrootteWaarde>
 <kad:kadastraleGrootteWaarde>{size}</kad:kadastraleGrootteWaarde>
 <kad:plaatscoordinatenPerceel><gml:Point{srs}><gml:pos>{label}</gml:pos></gml:Point>
 </kad:plaatscoordinatenPerceel>
 <kad:begrenzingPerceel><gml:Polygon{srs}><gml:exterior><gml:LinearRing>
 <gml:posList srsDimension="{dim}">{ring}</gml:posList></gml:LinearRing></gml:exterior>
 </gml:Polygon></kad:begrenzingPerceel>
</kad:Perceel></gml:featureMember>"""


def write_pdok_parcels_gml(
    path: Path,
    parcels: list[tuple[str, str, str, object]],
    srs_name: str | None = "urn:ogc:def:crs:EPSG::28992",
    z: float | None = None,
) -> Path:
    """PDOK's kadastrale kaart GML layout: per Perceel a label point and the boundary (and
    with ``z`` a 3-D posList, srsDimension 3)."""
    members = []
    for n, (code, section, number, poly) in enumerate(parcels, start=1):
        coords = list(poly.exterior.coords)
        if z is None:
            ring = " ".join(f"{x} {y}" for x, y in coords)
        else:
            heights = [z + i for i in range(len(coords) - 1)] + [z]  # closed in 3-D too
            ring = " ".join(f"{x} {y} {h}" for (x, y), h in zip(coords, heights))
        label = poly.representative_point()
        members.append(
            PDOK_MEMBER.format(
                n=n,
                code=code,
                section=section,
                number=number,
                size=round(poly.area),
                srs=f' srsName="{srs_name}"' if srs_name else "",
                label=f"{label.x} {label.y}" + ("" if z is None else f" {z}"),
                dim=2 if z is None else 3,
                ring=ring,
            )
        )
    Path(path).write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<gml:FeatureCollection '
        'xmlns:gml="http://www.opengis.net/gml/3.2" '
        'xmlns:kad="http://kadaster.nl/schemas/kadastralekaart/v20190301">\n'
        + "\n".join(members)
        + "\n</gml:FeatureCollection>\n",
        encoding="utf-8",
    )
    return Path(path)


def write_shapefile(
    path: Path,
    records: list[tuple[object, dict]],
    prj: str | None = WGS84_PRJ,
    encoding: str | None = "UTF-8",
    fields: dict[str, int] | None = None,
) -> Path:
    """A shapefile (.shp/.shx/.dbf, .prj when ``prj``, .cpg naming ``encoding`` when given)."""
    path = Path(path)
    options = (f"ENCODING={encoding}",) if encoding else ("ENCODING=ISO-8859-1",)
    write_vector(path, records, srs=prj, fields=fields, layer_options=options)
    if encoding is None:
        path.with_suffix(".cpg").unlink(missing_ok=True)
    return path


def write_geojson(path: Path, features: list[tuple[object, dict]], crs: str | None = None) -> Path:
    """GeoJSON as OGR writes it; ``crs`` other than WGS 84 becomes the file's ``crs`` member."""
    return write_vector(Path(path), features, srs=crs, geometry_type=ogr.wkbUnknown)


def write_csv(path: Path, header: list[str], rows: list[list], sep: str = ",") -> Path:
    lines = [sep.join(header)] + [sep.join("" if v is None else str(v) for v in r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
