"""Reading vector files through GDAL/OGR: the one place where BAG, parcel and area files are read.

GeoPackage, shapefile (any polygon/point type, with .prj and .cpg), GML (PDOK's kadastrale kaart
and BAG included), GeoJSON, File Geodatabase and CSV with a WKT column. A file is opened
read-only and never changed (no .gfs beside a GML, no lock or journal beside a GeoPackage).

Features are read one at a time; the caller gets, per feature, its number (the row of the
messages), the fields it asked for and the geometry: 2-D, in RD New (EPSG:28992) and inside the
Netherlands, or a located problem instead. A file that does not say its coordinate system is
refused unless the user names it (``--crs EPSG:xxxx``); a geometry that lands outside the
Netherlands after the transformation means the coordinate system is wrong, and says so.
"""

from __future__ import annotations

import codecs
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import numpy as np
import shapely
from osgeo import gdal, ogr, osr

from domain import policy
from domain.i18n import register, tr
from domain.importers.common import Problems, fail
from domain.store.engine import SRID

register(
    {
        "vector.not_found": ("bestand niet gevonden", "file not found"),
        "vector.is_folder": (
            "dit is een map, geen bestand; geef het bestand zelf (.gpkg, .shp, .gml, .geojson) "
            "of een File Geodatabase (.gdb)",
            "this is a folder, not a file; give the file itself (.gpkg, .shp, .gml, .geojson) "
            "or a File Geodatabase (.gdb)",
        ),
        "vector.unknown_format": (
            "onbekend bestandstype '{suffix}'; gebruik {formats}",
            "unknown file type '{suffix}'; use {formats}",
        ),
        "vector.zip": (
            "dit is een zip-archief; pak het eerst uit en importeer het bestand dat erin zit",
            "this is a zip archive; unpack it first and import the file inside",
        ),
        "vector.empty_file": (
            "het bestand is leeg (0 bytes); exporteer het opnieuw",
            "the file is empty (0 bytes); export it again",
        ),
        "vector.unreadable_file": (
            "het bestand kan niet gelezen worden ({error}); controleer de rechten",
            "the file cannot be read ({error}); check its permissions",
        ),
        "vector.part_missing": (
            "het deelbestand {part} van de shapefile ontbreekt; een shapefile bestaat uit "
            ".shp, .shx en .dbf (en .prj, .cpg): kopieer ze samen",
            "the shapefile part {part} is missing; a shapefile consists of .shp, .shx and .dbf "
            "(and .prj, .cpg): copy them together",
        ),
        "vector.not_readable": (
            "geen leesbare {format} ({error}); exporteer het bestand opnieuw",
            "not a readable {format} ({error}); export the file again",
        ),
        "vector.read_failed": (
            "lezen mislukt bij object {number}: {error}; het bestand is beschadigd of onvolledig",
            "reading failed at feature {number}: {error}; the file is damaged or incomplete",
        ),
        "vector.no_reason": (
            "GDAL noemt geen reden; vaak is het een geometrie die niet te lezen is",
            "GDAL gives no reason; often it is a geometry that cannot be parsed",
        ),
        "vector.no_layers": (
            "het bestand bevat geen lagen",
            "the file holds no layers",
        ),
        "vector.no_fitting_layer": (
            "geen laag met {kind} gevonden; aanwezig: {present}",
            "no layer with {kind} found; present: {present}",
        ),
        "vector.ambiguous_layer": (
            "meerdere lagen met {kind} ({present}); kies er één met --layer",
            "several layers with {kind} ({present}); choose one with --layer",
        ),
        "vector.kind.polygon": ("vlakken", "areas (polygons)"),
        "vector.kind.point": ("punten", "points"),
        "vector.kind.any": ("objecten", "features"),
        "vector.no_features": (
            "laag '{layer}' bevat geen objecten; er is niets geïmporteerd en niets verwijderd",
            "layer '{layer}' holds no features; nothing was imported and nothing removed",
        ),
        "vector.duplicate_field": (
            "kolom '{name}' komt meer dan eens voor ({names}); hernoem of verwijder de dubbele",
            "column '{name}' occurs more than once ({names}); rename or remove the duplicate",
        ),
        "vector.no_geometry_column": (
            "laag '{layer}' heeft geen geometrie (bij CSV: een kolom WKT)",
            "layer '{layer}' has no geometry (for CSV: a column WKT)",
        ),
        "vector.no_crs": (
            "het bestand zegt niet in welk coördinatenstelsel het staat{detail}; geef het op "
            "(opdrachtregel: --crs EPSG:28992 voor RD New; in QGIS: het veld "
            "'Coördinatenstelsel' van de import)",
            "the file does not say its coordinate reference system{detail}; name it (command "
            "line: --crs EPSG:28992 for RD New; in QGIS: the import's 'Coördinatenstelsel' / "
            "coordinate system field)",
        ),
        "vector.no_crs.shp": (" (het .prj-bestand ontbreekt)", " (the .prj file is missing)"),
        "vector.no_crs.gml": (" (geen srsName)", " (no srsName)"),
        "vector.no_crs.prj": (
            " (het .prj-bestand is onleesbaar)",
            " (the .prj file cannot be read)",
        ),
        "vector.bad_crs": (
            "coördinatenstelsel {crs} is onbekend of kan niet naar RD New worden omgezet "
            "({error}); geef het juiste op met --crs EPSG:xxxx",
            "coordinate reference system {crs} is unknown or cannot be converted to RD New "
            "({error}); name the right one with --crs EPSG:xxxx",
        ),
        "vector.bad_user_crs": (
            "--crs '{value}' is geen bekend EPSG-stelsel; schrijf bijv. EPSG:28992 of EPSG:4326",
            "--crs '{value}' is not a known EPSG system; write e.g. EPSG:28992 or EPSG:4326",
        ),
        "vector.crs_overridden": (
            "{file}: coördinatenstelsel {user} (--crs) gebruikt in plaats van {declared} uit het "
            "bestand",
            "{file}: coordinate reference system {user} (--crs) used instead of the file's "
            "{declared}",
        ),
        "vector.no_geometry": ("geen geometrie", "no geometry"),
        "vector.empty_geometry": ("lege geometrie", "empty geometry"),
        "vector.wrong_geometry": (
            "geometrie is een {kind}; verwacht: {expected}",
            "geometry is a {kind}; expected: {expected}",
        ),
        "vector.invalid_geometry": (
            "onleesbare geometrie ({error})",
            "unreadable geometry ({error})",
        ),
        "vector.not_finite": (
            "coördinaten zijn geen eindige getallen (NaN of oneindig)",
            "coordinates are not finite numbers (NaN or infinite)",
        ),
        "vector.transform_failed": (
            "kan niet van {crs} naar RD New worden omgezet ({error}); het coördinatenstelsel is "
            "waarschijnlijk verkeerd: geef het juiste op met --crs",
            "cannot be converted from {crs} to RD New ({error}); the coordinate reference system "
            "is probably wrong: name the right one with --crs",
        ),
        "vector.outside_nl": (
            "ligt buiten Nederland (x {x:.0f}, y {y:.0f} in RD New); het coördinatenstelsel "
            "{crs} is waarschijnlijk verkeerd: geef het juiste op met --crs",
            "lies outside the Netherlands (x {x:.0f}, y {y:.0f} in RD New); the coordinate "
            "reference system {crs} is probably wrong: name the right one with --crs",
        ),
        "vector.bad_text": (
            "tekst is geen geldige {encoding}; sla het bestand op als UTF-8 of noem de codering "
            "in een .cpg-bestand (bijv. ISO-8859-1)",
            "text is not valid {encoding}; save the file as UTF-8 or name the encoding in a .cpg "
            "file (e.g. ISO-8859-1)",
        ),
        "vector.bad_encoding": (
            "onbekende tekstcodering '{encoding}' (.cpg)",
            "unknown text encoding '{encoding}' (.cpg)",
        ),
        "vector.too_long": (
            "tekst van {n} tekens is te lang (ten hoogste {max})",
            "text of {n} characters is too long (at most {max})",
        ),
    }
)

POLYGON = "polygon"
POINT = "point"

_DRIVERS = {
    ".gpkg": "GPKG",
    ".shp": "ESRI Shapefile",
    ".gml": "GML",
    ".xml": "GML",
    ".geojson": "GeoJSON",
    ".json": "GeoJSON",
    ".gdb": "OpenFileGDB",
    ".csv": "CSV",
}
_FORMAT_NAMES = {
    "GPKG": "GeoPackage",
    "ESRI Shapefile": "shapefile",
    "GML": "GML",
    "GeoJSON": "GeoJSON",
    "OpenFileGDB": "File Geodatabase",
    "CSV": "CSV",
}
_OPEN_OPTIONS = {
    # never write a .gfs beside the file; never fetch a schema from the network
    "GML": ["WRITE_GFS=NO", "DOWNLOAD_SCHEMA=NO"],
    # every value as text: the importers parse numbers strictly themselves
    "CSV": [
        "GEOM_POSSIBLE_NAMES=WKT,geometry,geometrie,geom,the_geom",
        "KEEP_GEOM_COLUMNS=NO",
        "AUTODETECT_TYPE=NO",
        "EMPTY_STRING_AS_NULL=YES",
    ],
    # the raw bytes of the .dbf, decoded here strictly (GDAL would replace what it cannot read)
    "ESRI Shapefile": ["ENCODING="],
}
_CONFIG = {
    "GML_FIELDTYPES": "ALWAYS_STRING",  # "12,7" stays text instead of becoming 12.7
    "GML_FETCH_ALL_GEOMETRIES": "YES",  # a Perceel has a point and a boundary: keep both
    "GML_SKIP_CORRUPTED_FEATURES": "NO",
    "SHAPE_RESTORE_SHX": "NO",
}
_POLYGONAL = (ogr.wkbPolygon, ogr.wkbMultiPolygon)
_FAMILY_TYPES = {
    POLYGON: (
        ogr.wkbPolygon,
        ogr.wkbMultiPolygon,
        ogr.wkbCurvePolygon,
        ogr.wkbMultiSurface,
        ogr.wkbUnknown,
        ogr.wkbGeometryCollection,
    ),
    POINT: (ogr.wkbPoint, ogr.wkbMultiPoint, ogr.wkbUnknown, ogr.wkbGeometryCollection),
}
_UNDEFINED_SRS = ("Undefined geographic SRS", "Undefined Cartesian SRS")
_USER_CRS = re.compile(r"(?:EPSG:)?([0-9]{4,6})", re.IGNORECASE)
_SURROGATE = re.compile("[\udc80-\udcff]")
_XML_LINE = re.compile(r"\bline (\d+)")
_WHOLE = re.compile(r"[0-9]+", re.ASCII)
_DECIMAL = re.compile(r"[0-9]+(?:\.[0-9]+)?", re.ASCII)


class XY(NamedTuple):
    """A point in RD New, kept as two numbers: a BAG file has millions, and shapely builds
    them a hundred times faster in one call (``shapely.points``) than one by one."""

    x: float
    y: float
    geom_type = "Point"


@dataclass(frozen=True)
class Record:
    """One feature: its row in messages, the asked fields, the geometry (RD New: a shapely
    geometry, or an :class:`XY` for a point) or None where a problem was added."""

    line: int
    geometry: object | None
    values: dict[str, object]


def whole_number(value) -> int:
    """A whole number from a field, never rounded: ``12,7``, ``12.7``, ``1e3``, ``١٢`` and
    text with anything but ASCII digits raise ValueError (an OGR decimal only when it has a
    fraction)."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if math.isfinite(value) and value == int(value):
            return int(value)
        raise ValueError(value)
    text = str(value).strip()
    if not _WHOLE.fullmatch(text):
        raise ValueError(value)
    return int(text)


def number_from_one(value, highest: int) -> int | None:
    """A whole number from 1 to ``highest`` (a house or parcel number), else None."""
    if value is None:
        return None
    try:
        number = whole_number(value)
    except ValueError:
        return None
    return number if 1 <= number <= highest else None


def decimal_number(value) -> float:
    """A non-negative number; text only as ASCII digits with an optional ``.`` fraction."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = str(value).strip()
        if not _DECIMAL.fullmatch(text):
            raise ValueError(value)
        number = float(text)
    if not math.isfinite(number) or number < 0:
        raise ValueError(value)
    return number


def check_length(problems: Problems, line, field_name: str, value, limit: int | None) -> bool:
    """False (and a located problem) where ``value`` is longer than the store column holds."""
    if value is None or limit is None or len(str(value)) <= limit:
        return True
    problems.add(line, field_name, tr("vector.too_long", n=len(str(value)), max=limit))
    return False


def column_limit(table, column: str) -> int | None:
    """The VARCHAR length of a store column (``_text(n)`` in the schema)."""
    return getattr(table.c[column].type, "length", None)


class _Session:
    """GDAL exceptions on, GDAL's messages collected (not printed), reading options set — for
    this thread and for the time a file is open; the caller's settings come back after."""

    def __init__(self) -> None:
        self.failures: list[str] = []

    def __enter__(self) -> _Session:
        self._exceptions = [(m, m.GetUseExceptions()) for m in (gdal, ogr, osr)]
        for module in (gdal, ogr, osr):
            module.UseExceptions()
        gdal.PushErrorHandler(self._handler)
        self._config = {k: gdal.GetThreadLocalConfigOption(k, None) for k in _CONFIG}
        for key, value in _CONFIG.items():
            gdal.SetThreadLocalConfigOption(key, value)
        return self

    def _handler(self, err_class, _err_no, message) -> None:
        if err_class >= gdal.CE_Failure and len(self.failures) < 20:
            self.failures.append(str(message).strip())

    def mark(self) -> int:
        return len(self.failures)

    def forget(self, mark: int) -> str:
        """The failures since ``mark`` (handled by the caller), joined; drops them."""
        said = "; ".join(dict.fromkeys(self.failures[mark:]))  # each message once
        del self.failures[mark:]
        return said

    def __exit__(self, *exc) -> None:
        for key, value in self._config.items():
            gdal.SetThreadLocalConfigOption(key, value)
        gdal.PopErrorHandler()
        for module, used in reversed(self._exceptions):  # GDAL keeps them as a stack
            if not used:
                module.DontUseExceptions()


class VectorFile:
    """An open vector file (read-only); use as a context manager, then ``layer(...)``."""

    def __init__(self, path) -> None:
        self.path = Path(path)
        self.label = self.path.name
        if not self.path.exists():
            raise fail(self.label, tr("vector.not_found"))
        if self.path.is_dir() and self.path.suffix.lower() != ".gdb":
            raise fail(self.label, tr("vector.is_folder"))
        self.driver = _driver_for(self.path)
        self.format = _FORMAT_NAMES[self.driver]
        self._session = _Session()
        self._ds = None
        self._encoding: str | None = None

    # --- opening -------------------------------------------------------------------------
    def __enter__(self) -> VectorFile:
        _check_file(self.path, self.driver)
        self._session.__enter__()
        try:
            if self.driver == "ESRI Shapefile":
                self._encoding = self._shapefile_encoding()
            self._ds = self._open(_OPEN_OPTIONS.get(self.driver, []) + self._extra_options())
        except BaseException:
            self._session.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc) -> None:
        self._ds = None
        self._session.__exit__(*exc)

    def _extra_options(self) -> list[str]:
        # an immutable database takes no lock and leaves no -shm/-wal beside the file, unless a
        # writer left a -wal whose pages must be read
        if self.driver == "GPKG" and not Path(f"{self.path}-wal").exists():
            return ["IMMUTABLE=YES"]
        return []

    def _open(self, options: list[str]):
        mark = self._session.mark()
        try:
            ds = gdal.OpenEx(
                str(self.path),
                gdal.OF_VECTOR | gdal.OF_READONLY,
                allowed_drivers=[self.driver],
                open_options=options,
            )
        except RuntimeError as exc:
            said = self._session.forget(mark) or str(exc)
            raise fail(
                self.label, tr("vector.not_readable", format=self.format, error=self._clean(said))
            ) from None
        if ds is None:
            said = self._session.forget(mark) or "?"
            raise fail(
                self.label, tr("vector.not_readable", format=self.format, error=self._clean(said))
            )
        return ds

    def _shapefile_encoding(self) -> str:
        """The encoding GDAL decides for the .dbf (.cpg, else the code page byte); none means
        the text must be UTF-8."""
        ds = self._open([])
        layer = ds.GetLayer(0)
        name = (layer.GetMetadataItem("SOURCE_ENCODING", "SHAPEFILE") or "").strip()
        cpg = (layer.GetMetadataItem("CPG_VALUE", "SHAPEFILE") or "").strip()
        ds = None
        if not name and cpg:
            name = cpg  # a .cpg GDAL does not know: honoured if Python does, else refused
        try:
            codecs.lookup(name or "UTF-8")
        except LookupError:
            raise fail(self.label, tr("vector.bad_encoding", encoding=name), "cpg") from None
        return name or "UTF-8"

    def _clean(self, message: str) -> str:
        return message.replace(str(self.path), self.label).strip().rstrip(".")

    def raise_failures(self, number: int | None = None) -> None:
        """GDAL failures not yet handled refuse the file: at opening (``number`` None: an
        unknown CRS GDAL replaced by a default) or while reading (a parse error that ended
        the reading early, at feature ``number``)."""
        said = self._session.forget(0)
        if not said:
            return
        if number is None:
            raise fail(
                self.label, tr("vector.not_readable", format=self.format, error=self._clean(said))
            )
        line = _XML_LINE.search(said)
        raise fail(
            self.label,
            tr("vector.read_failed", number=number, error=self._clean(said)),
            line=int(line.group(1)) if line else number,
        )

    # --- layers --------------------------------------------------------------------------
    def layer(
        self,
        name: str | None = None,
        *,
        geometry: str | None,
        prefer: Sequence[str] = (),
        exclude: Sequence[str] = (),
        crs: str | None = None,
    ) -> VectorLayer:
        """The layer called ``name``; else a ``prefer``red one; else the only one with that
        kind of geometry. Missing or ambiguous: refused with the layers present."""
        layers = [self._ds.GetLayer(i) for i in range(self._ds.GetLayerCount())]
        self.raise_failures()
        names = [lyr.GetName() for lyr in layers]
        present = ", ".join(names) or "-"
        if not layers:
            raise fail(self.label, tr("vector.no_layers"))
        by_name = {n.lower(): lyr for n, lyr in zip(names, layers)}
        if name:
            if name.lower() not in by_name:
                raise fail(self.label, tr("import.no_layer", layer=name, present=present), "layer")
            return VectorLayer(self, by_name[name.lower()], geometry, crs)
        for wanted in prefer:
            if wanted.lower() in by_name:
                return VectorLayer(self, by_name[wanted.lower()], geometry, crs)
        skip = {e.lower() for e in exclude}
        candidates = [lyr for n, lyr in zip(names, layers) if n.lower() not in skip]
        fitting = [lyr for lyr in candidates if _geometry_index(lyr, geometry) is not None]
        if len(fitting) == 1:
            return VectorLayer(self, fitting[0], geometry, crs)
        if not fitting and len(layers) == 1 and candidates:
            # the one layer of a shapefile, GeoJSON or CSV: its features say what is wrong
            return VectorLayer(self, candidates[0], geometry, crs)
        if prefer:  # none of several fits, or several do: that command has no --layer to choose
            raise fail(self.label, tr("import.no_layer", layer=prefer[0], present=present), "layer")
        kind = tr(f"vector.kind.{geometry or 'any'}")
        if not fitting:
            raise fail(self.label, tr("vector.no_fitting_layer", kind=kind, present=present))
        shown = ", ".join(lyr.GetName() for lyr in fitting)
        raise fail(self.label, tr("vector.ambiguous_layer", kind=kind, present=shown), "layer")

    def layer_names(self) -> list[str]:
        """The names of the file's layers, in file order (to pick layers by name pattern)."""
        names = [self._ds.GetLayer(i).GetName() for i in range(self._ds.GetLayerCount())]
        self.raise_failures()
        return names

    def find_layer(self, name: str) -> VectorLayer | None:
        """A layer read for its attributes only (BAG's ``pand``), or None when absent."""
        for i in range(self._ds.GetLayerCount()):
            lyr = self._ds.GetLayer(i)
            if lyr.GetName().lower() == name.lower():
                return VectorLayer(self, lyr, None, None)
        return None


class VectorLayer:
    """One layer: its fields (found case-insensitively) and its features as :class:`Record`."""

    def __init__(self, source: VectorFile, layer, geometry: str | None, crs: str | None) -> None:
        self.source = source
        self.label = source.label
        self.name = layer.GetName()
        self.notes: list[str] = []
        self._layer = layer
        self._family = geometry
        self._defn = layer.GetLayerDefn()
        self.fields = [
            self._defn.GetFieldDefn(i).GetName() for i in range(self._defn.GetFieldCount())
        ]
        self._check_duplicates()
        self._line_offset = 1 if source.driver == "CSV" else 0  # the header is line 1
        self._geom_index = None
        self._ct = None
        self.crs_label = ""
        if geometry is not None:
            self._geom_index = _geometry_index(layer, geometry)
            if self._geom_index is None:
                self._geom_index = 0 if self._defn.GetGeomFieldCount() else None
            if self._geom_index is None:
                raise fail(self.label, tr("vector.no_geometry_column", layer=self.name))
            gname = self._defn.GetGeomFieldDefn(self._geom_index).GetName()
            self.geometry_field = gname or "geometry"
            self._ct = self._transformation(crs)

    # --- fields --------------------------------------------------------------------------
    def _check_duplicates(self) -> None:
        seen: dict[str, list[str]] = {}
        for name in self.fields:
            seen.setdefault(name.lower(), []).append(name)
        for names in seen.values():
            if len(names) > 1:
                raise fail(
                    self.label,
                    tr("vector.duplicate_field", name=names[0], names=", ".join(names)),
                    names[0],
                )

    def column(self, *aliases: str, required: str | None = None) -> str | None:
        """The file's name of the first alias present (any case); ``required``: the name to
        show when none is present, and the file is refused."""
        lower = {f.lower(): f for f in self.fields}
        for alias in aliases:
            if alias.lower() in lower:
                return lower[alias.lower()]
        if required:
            raise fail(
                self.label,
                tr(
                    "import.missing_column",
                    column=required,
                    present=", ".join(self.fields) or "-",
                ),
                required,
            )
        return None

    # --- coordinate reference system ------------------------------------------------------
    def _transformation(self, crs: str | None):
        declared = self._defn.GetGeomFieldDefn(self._geom_index).GetSpatialRef()
        if declared is not None and declared.GetName() in _UNDEFINED_SRS:
            declared = None
        if crs:
            srs = _user_srs(crs, self.label)
            if declared is not None and not _same_srs(declared, srs):
                self.notes.append(
                    tr(
                        "vector.crs_overridden",
                        file=self.label,
                        user=_srs_label(srs),
                        declared=_srs_label(declared),
                    )
                )
        elif declared is None:
            detail = {"ESRI Shapefile": "shp", "GML": "gml"}.get(self.source.driver)
            if detail == "shp" and any(
                self.source.path.with_suffix(s).exists() for s in (".prj", ".PRJ")
            ):
                detail = "prj"
            raise fail(
                self.label,
                tr("vector.no_crs", detail=tr(f"vector.no_crs.{detail}") if detail else ""),
                "crs",
            )
        else:
            srs = declared.Clone()
        self.crs_label = _srs_label(srs)
        target = osr.SpatialReference()
        target.ImportFromEPSG(SRID)
        target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        if _same_srs(srs, target):
            return None
        mark = self.source._session.mark()
        try:
            return osr.CoordinateTransformation(srs, target)
        except (RuntimeError, TypeError, ValueError) as exc:
            said = self.source._session.forget(mark) or str(exc)
            raise fail(
                self.label, tr("vector.bad_crs", crs=self.crs_label, error=said), "crs"
            ) from None

    # --- features ------------------------------------------------------------------------
    def records(
        self, columns: Mapping[str, str | None], problems: Problems, empty_ok: bool = False
    ) -> Iterator[Record]:
        """Every feature, in file order; ``columns`` maps the caller's keys to field names
        (None: absent, the value is None). Problems found in a feature are added with its row.
        A layer without features is refused unless ``empty_ok``."""
        index = {key: self._defn.GetFieldIndex(name) for key, name in columns.items() if name}
        fields = [
            (key, i, self._defn.GetFieldDefn(i).GetType(), columns[key]) for key, i in index.items()
        ]
        self._ignore_others({columns[k] for k in index})
        self._layer.ResetReading()
        self.source.raise_failures()
        number = 0
        while True:
            try:
                feature = self._layer.GetNextFeature()
            except RuntimeError as exc:
                self._read_error(number + 1, exc)
            if feature is None:
                break
            number += 1
            line = number + self._line_offset
            values = {
                key: self._value(feature, i, kind, line, name, problems)
                for key, i, kind, name in fields
            }
            geometry = self._geometry(feature, line, problems) if self._family else None
            del feature
            yield Record(line, geometry, values)
        self.source.raise_failures(number + 1)
        if number == 0 and not empty_ok:
            raise fail(self.label, tr("vector.no_features", layer=self.name))

    def _read_error(self, number: int, exc: Exception):
        said = self.source._session.forget(0) or str(exc) or tr("vector.no_reason")
        line = _XML_LINE.search(said)
        raise fail(
            self.label,
            tr("vector.read_failed", number=number, error=self.source._clean(said)),
            line=int(line.group(1)) if line else number + self._line_offset,
        ) from None

    def _ignore_others(self, wanted: set[str]) -> None:
        ignored = [f for f in self.fields if f not in wanted]
        for i in range(self._defn.GetGeomFieldCount()):
            if i != self._geom_index:
                name = self._defn.GetGeomFieldDefn(i).GetName()
                ignored.append(name or "OGR_GEOMETRY")
        ignored.append("OGR_STYLE")
        self._layer.SetIgnoredFields(ignored)

    def _value(self, feature, i: int, kind: int, line: int, name: str, problems: Problems):
        if not feature.IsFieldSetAndNotNull(i):
            return None
        if kind == ogr.OFTString:
            encoding = self.source._encoding
            if encoding is not None:  # a shapefile: the raw bytes, decoded strictly
                try:
                    return bytes(feature.GetFieldAsBinary(i)).decode(encoding)
                except UnicodeDecodeError:
                    problems.add(line, name, tr("vector.bad_text", encoding=encoding))
                    return None
        elif kind in (ogr.OFTInteger, ogr.OFTInteger64):
            return feature.GetFieldAsInteger64(i)
        elif kind == ogr.OFTReal:
            return feature.GetFieldAsDouble(i)
        text = feature.GetFieldAsString(i)
        if isinstance(text, (bytes, bytearray)) or _SURROGATE.search(text):
            problems.add(line, name, tr("vector.bad_text", encoding="UTF-8"))
            return None
        return text

    def _geometry(self, feature, line: int, problems: Problems):
        where = self.geometry_field
        geom = feature.GetGeomFieldRef(self._geom_index)
        if geom is None:
            problems.add(line, where, tr("vector.no_geometry"))
            return None
        if geom.IsEmpty():
            problems.add(line, where, tr("vector.empty_geometry"))
            return None
        if geom.HasCurveGeometry():
            geom = geom.GetLinearGeometry()
        if geom.Is3D() or geom.IsMeasured():
            geom.FlattenTo2D()  # explicit: x and y kept, z and m dropped
        picked = _pick(geom, self._family)
        if picked is None:
            kind = tr(f"vector.kind.{self._family}")
            problems.add(
                line, where, tr("vector.wrong_geometry", kind=geom.GetGeometryName(), expected=kind)
            )
            return None
        if ogr.GT_Flatten(picked.GetGeometryType()) == ogr.wkbPoint:
            return self._point(picked.GetX(), picked.GetY(), line, problems)
        try:
            shape = shapely.from_wkb(bytes(picked.ExportToIsoWkb()))
        except (shapely.errors.GEOSException, ValueError, RuntimeError) as exc:
            problems.add(line, where, tr("vector.invalid_geometry", error=exc))
            return None
        coords = shapely.get_coordinates(shape)
        if not len(coords):
            problems.add(line, where, tr("vector.empty_geometry"))
            return None
        if not np.isfinite(coords).all():
            problems.add(line, where, tr("vector.not_finite"))
            return None
        if self._ct is not None:
            shape = self._transform(picked, line, problems)
            if shape is None:
                return None
            coords = shapely.get_coordinates(shape)
            if not np.isfinite(coords).all():
                self._transform_failed(line, problems, "inf")
                return None
        low, high = coords.min(axis=0), coords.max(axis=0)
        return shape if self._inside(low[0], low[1], high[0], high[1], line, problems) else None

    def _point(self, x: float, y: float, line: int, problems: Problems):
        """The common case of BAG, without the round trip through WKB."""
        if not (math.isfinite(x) and math.isfinite(y)):
            problems.add(line, self.geometry_field, tr("vector.not_finite"))
            return None
        if self._ct is not None:
            mark = self.source._session.mark()
            try:
                x, y, *_ = self._ct.TransformPoint(x, y)
            except RuntimeError as exc:
                said = self.source._session.forget(mark) or str(exc) or "?"
                self._transform_failed(line, problems, said)
                return None
            self.source._session.forget(mark)
            if not (math.isfinite(x) and math.isfinite(y)):
                self._transform_failed(line, problems, "inf")
                return None
        return XY(x, y) if self._inside(x, y, x, y, line, problems) else None

    def _inside(self, x0, y0, x1, y1, line: int, problems: Problems) -> bool:
        xmin, ymin, xmax, ymax = policy.RD_NEW_BOUNDS_M
        if x0 >= xmin and y0 >= ymin and x1 <= xmax and y1 <= ymax:
            return True
        x, y = (x0, y0) if (x0 < xmin or y0 < ymin) else (x1, y1)
        problems.add(
            line, self.geometry_field, tr("vector.outside_nl", x=x, y=y, crs=self.crs_label)
        )
        return False

    def _transform_failed(self, line: int, problems: Problems, said: str) -> None:
        problems.add(
            line, self.geometry_field, tr("vector.transform_failed", crs=self.crs_label, error=said)
        )

    def _transform(self, geom, line: int, problems: Problems):
        mark = self.source._session.mark()
        try:
            geom.Transform(self._ct)
            shape = shapely.from_wkb(bytes(geom.ExportToIsoWkb()))
        except (RuntimeError, shapely.errors.GEOSException) as exc:
            said = self.source._session.forget(mark) or str(exc) or "?"
            self._transform_failed(line, problems, said)
            return None
        self.source._session.forget(mark)
        return shape


# --- helpers -------------------------------------------------------------------------------
def open_vector(path) -> VectorFile:
    """``with open_vector(path) as source: layer = source.layer(...)``."""
    return VectorFile(path)


def _driver_for(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".zip":
        raise fail(path.name, tr("vector.zip"))
    if suffix not in _DRIVERS:
        formats = ", ".join(sorted(set(_DRIVERS)))
        raise fail(path.name, tr("vector.unknown_format", suffix=suffix or "-", formats=formats))
    return _DRIVERS[suffix]


def _check_file(path: Path, driver: str) -> None:
    """What GDAL would report obscurely, said plainly: missing, a folder, empty, unreadable,
    a zip, a shapefile without its parts."""
    if path.is_dir():
        return  # a File Geodatabase
    try:
        with path.open("rb") as handle:
            head = handle.read(4)
    except OSError as exc:
        raise fail(path.name, tr("vector.unreadable_file", error=exc.strerror or exc)) from None
    if not head:
        raise fail(path.name, tr("vector.empty_file"))
    if head == b"PK\x03\x04":
        raise fail(path.name, tr("vector.zip"))
    if driver == "ESRI Shapefile":
        for part in (".shx", ".dbf"):
            if not any(path.with_suffix(s).exists() for s in (part, part.upper())):
                raise fail(path.name, tr("vector.part_missing", part=part), part[1:])


def _geometry_index(layer, family: str | None) -> int | None:
    """The geometry field holding ``family`` (the first that can), or None."""
    defn = layer.GetLayerDefn()
    if defn.GetGeomFieldCount() == 0:
        return None
    if family is None:
        return 0
    for i in range(defn.GetGeomFieldCount()):
        kind = ogr.GT_Flatten(defn.GetGeomFieldDefn(i).GetType())
        if kind in _FAMILY_TYPES[family]:
            return i
    return None


def _pick(geom, family: str):
    """The part of ``geom`` that is of ``family``: a polygon or multipolygon for areas (the
    polygons of a collection, as a GML feature with a label point has); a point for BAG
    (a polygon is passed on for the importer to take a point on it)."""
    kind = ogr.GT_Flatten(geom.GetGeometryType())
    if family == POLYGON:
        if kind in _POLYGONAL:
            return geom
        if kind == ogr.wkbGeometryCollection:
            parts = [geom.GetGeometryRef(i) for i in range(geom.GetGeometryCount())]
            polygons = [p for p in parts if ogr.GT_Flatten(p.GetGeometryType()) in _POLYGONAL]
            if not polygons:
                return None
            if len(polygons) == 1:
                return polygons[0].Clone()
            multi = ogr.Geometry(ogr.wkbMultiPolygon)
            for p in polygons:
                subs = (
                    [p]
                    if ogr.GT_Flatten(p.GetGeometryType()) == ogr.wkbPolygon
                    else [p.GetGeometryRef(i) for i in range(p.GetGeometryCount())]
                )
                for sub in subs:
                    multi.AddGeometry(sub)
            return multi
        return None
    if kind == ogr.wkbPoint or kind in _POLYGONAL:
        return geom
    if kind in (ogr.wkbMultiPoint, ogr.wkbGeometryCollection):
        parts = [geom.GetGeometryRef(i) for i in range(geom.GetGeometryCount())]
        points = [p for p in parts if ogr.GT_Flatten(p.GetGeometryType()) == ogr.wkbPoint]
        if len(points) == 1:
            return points[0].Clone()
        polygons = [p for p in parts if ogr.GT_Flatten(p.GetGeometryType()) in _POLYGONAL]
        if not points and len(polygons) == 1:
            return polygons[0].Clone()
    return None


def _user_srs(value: str, label: str):
    match = _USER_CRS.fullmatch(value.strip())
    srs = osr.SpatialReference()
    try:
        if not match:
            raise ValueError(value)
        srs.ImportFromEPSG(int(match.group(1)))
    except (RuntimeError, ValueError):
        raise fail(label, tr("vector.bad_user_crs", value=value), "crs") from None
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _same_srs(a, b) -> bool:
    try:
        return bool(a.IsSame(b, ["IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES"]))
    except (RuntimeError, TypeError):
        return False


def _srs_label(srs) -> str:
    name = srs.GetName() or "?"
    authority, code = srs.GetAuthorityName(None), srs.GetAuthorityCode(None)
    return f"{authority}:{code} ({name})" if authority and code else name
