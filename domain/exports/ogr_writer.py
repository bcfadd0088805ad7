"""GeoPackage layers and XLSX sheets written by GDAL/OGR, the library QGIS itself writes them with.

A layer is a name, attribute columns (one value per feature) and, for a map layer, shapely
geometries in RD New. Field types follow the values: whole numbers become integer fields, other
numbers real fields, ``date``/``datetime`` date fields, ``True``/``False`` boolean fields and
anything else text, so a spreadsheet can sort and sum and a GIS can filter. Text is written as
text: the XLSX driver stores it as shared strings, which no spreadsheet runs as a formula.

Every file is written beside its target under a temporary name and renamed at the end: a failure
leaves no half file and an existing file is replaced whole or not at all. GDAL's own messages
become a :class:`WriteError` that names the file and what to do.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import shapely
from osgeo import gdal, ogr, osr

from domain.errors import DomainError
from domain.i18n import register, tr
from domain.store.engine import SRID

register(
    {
        "export.folder_missing": (
            "{file} kan niet worden opgeslagen: de map {folder} bestaat niet; kies een "
            "bestaande map",
            "{file} cannot be saved: the folder {folder} does not exist; choose an existing folder",
        ),
        "export.is_folder": (
            "{file} is een map; geef een bestandsnaam",
            "{file} is a folder; give a file name",
        ),
        "export.no_driver": (
            "deze GDAL kan geen {driver} schrijven; gebruik de GDAL die QGIS meelevert",
            "this GDAL cannot write {driver}; use the GDAL that comes with QGIS",
        ),
        "export.write_failed": (
            "{file} kon niet worden geschreven ({error}); kies een map waarin u mag schrijven "
            "en controleer of de schijf niet vol is. Een bestaand bestand is niet veranderd.",
            "{file} could not be written ({error}); choose a folder you may write to and check "
            "that the disk is not full. An existing file was not changed.",
        ),
        "export.in_use": (
            "{file} kon niet worden vervangen ({error}); misschien is het geopend in Excel of "
            "QGIS: sluit het en probeer opnieuw, of kies een andere naam. Het bestaande bestand "
            "is niet veranderd.",
            "{file} could not be replaced ({error}); it may be open in Excel or QGIS: close it "
            "and try again, or choose another name. The existing file was not changed.",
        ),
        "export.no_reason": ("GDAL noemt geen reden", "GDAL gives no reason"),
    }
)

_GEOMETRY_TYPES = {
    "POINT": ogr.wkbPoint,
    "LINESTRING": ogr.wkbLineString,
    "POLYGON": ogr.wkbPolygon,
    "MULTIPOINT": ogr.wkbMultiPoint,
    "MULTILINESTRING": ogr.wkbMultiLineString,
    "MULTIPOLYGON": ogr.wkbMultiPolygon,
}
_INT32 = range(-(2**31), 2**31)
_UTC_FLAG = 100  # OGR's time-zone flag for UTC


class WriteError(DomainError):
    """A file could not be written; the message says which and what to do."""


@dataclass(frozen=True)
class Layer:
    """One GeoPackage layer or one sheet: ``attributes`` maps a column name to its values, one
    per feature; ``geometries`` (shapely, EPSG:28992) is None for a table without a map."""

    name: str
    geometries: Sequence | None
    attributes: dict[str, Sequence] = field(default_factory=dict)
    geometry_type: str = "MULTIPOLYGON"
    description: str = ""

    def feature_count(self) -> int:
        if self.geometries is not None:
            return len(self.geometries)
        return len(next(iter(self.attributes.values()), ()))

    def check(self) -> None:
        """Every column as long as the layer (a programming error otherwise)."""
        count = self.feature_count()
        for name, values in self.attributes.items():
            if len(values) != count:
                raise ValueError(
                    f"layer {self.name}: column {name} has {len(values)} values, not {count}"
                )


def write_geopackage(path: str | Path, layers: Sequence[Layer]) -> Path:
    """A new GeoPackage at ``path`` (an existing one is replaced whole) with ``layers`` in RD
    New, each with a spatial index and written in one transaction."""
    return _write(Path(path), "GPKG", layers)


def write_spreadsheet(
    path: str | Path, header: Sequence[str], rows: Sequence[Sequence], sheet_name: str
) -> Path:
    """An XLSX workbook with one sheet: ``header`` as the first row, then ``rows`` (typed cells)."""
    if len(set(header)) != len(header):
        raise ValueError(f"column names repeat: {list(header)}")
    columns = {name: [row[index] for row in rows] for index, name in enumerate(header)}
    if not rows:
        # GDAL writes the header row with the first feature only: one empty feature writes
        # it and an empty row element, which spreadsheets show as nothing
        columns = {name: [None] for name in header}
    # Excel refuses sheet names longer than 31 characters
    return _write(Path(path), "XLSX", [Layer(sheet_name[:31], None, columns)])


@contextmanager
def _gdal_errors() -> Iterator[list[str]]:
    """GDAL raising exceptions and its messages collected, not printed, for this block only;
    the caller's settings come back after."""
    failures: list[str] = []

    def collect(error_class, _number, message) -> None:
        if error_class >= gdal.CE_Failure:
            failures.append(str(message).strip())

    previous = [(module, module.GetUseExceptions()) for module in (gdal, ogr, osr)]
    for module in (gdal, ogr, osr):
        module.UseExceptions()
    gdal.PushErrorHandler(collect)
    try:
        yield failures
    finally:
        gdal.PopErrorHandler()
        for module, used in reversed(previous):
            if not used:
                module.DontUseExceptions()


def _check_target(path: Path) -> None:
    if path.is_dir():
        raise WriteError(tr("export.is_folder", file=path))
    if not path.parent.is_dir():
        raise WriteError(tr("export.folder_missing", file=path.name, folder=path.parent))


def _write(path: Path, driver_name: str, layers: Sequence[Layer]) -> Path:
    _check_target(path)
    for layer in layers:
        layer.check()
    # same folder, so the rename at the end is atomic; the suffix keeps GDAL's format checks happy
    temporary = path.with_name(f".{path.stem}.{uuid.uuid4().hex[:8]}.tmp{path.suffix}")
    try:
        with _gdal_errors() as failures:
            gdal_error = _fill(temporary, driver_name, layers)
        if gdal_error is not None or failures:
            said = [gdal_error] if gdal_error else []
            reason = "; ".join(dict.fromkeys([*said, *failures])) or tr("export.no_reason")
            raise WriteError(tr("export.write_failed", file=path, error=reason))
        try:
            os.replace(temporary, path)
        except OSError as error:
            reason = error.strerror or str(error)
            raise WriteError(tr("export.in_use", file=path, error=reason)) from None
    finally:
        _remove_leftovers(temporary)
    return path


def _fill(temporary: Path, driver_name: str, layers: Sequence[Layer]) -> str | None:
    """Write ``layers`` into a new file; GDAL's message when it fails. The dataset is closed
    on return (which ends the GeoPackage and writes the XLSX zip)."""
    driver = ogr.GetDriverByName(driver_name)
    if driver is None:
        raise WriteError(tr("export.no_driver", driver=driver_name))
    try:
        dataset = driver.CreateDataSource(str(temporary))
        for layer in layers:
            _write_layer(dataset, layer)
        dataset.FlushCache()
    except RuntimeError as error:
        return str(error).strip()
    return None


def _remove_leftovers(temporary: Path) -> None:
    """The temporary file and SQLite's side files, if a failure left them."""
    ends = ("", "-journal", "-wal", "-shm")
    for leftover in (Path(f"{temporary}{end}") for end in ends):
        # one held open by another program stays as a stray file beside the target, never it
        with suppress(OSError):
            leftover.unlink()


def _write_layer(dataset, layer: Layer) -> None:
    count = layer.feature_count()
    spatial = layer.geometries is not None
    options = [f"DESCRIPTION={layer.description}"] if layer.description else []
    if spatial and dataset.GetDriver().GetName() == "GPKG":
        options.append("SPATIAL_INDEX=YES")
    srs = None
    if spatial:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(SRID)
    target = dataset.CreateLayer(
        layer.name,
        srs,
        _GEOMETRY_TYPES[layer.geometry_type] if spatial else ogr.wkbNone,
        options=options,
    )
    columns = [[_plain(value) for value in values] for values in layer.attributes.values()]
    setters = []
    for name, values in zip(layer.attributes, columns):
        definition, setter = _field(name, values)
        target.CreateField(definition)
        setters.append(setter)
    transaction = dataset.TestCapability(ogr.ODsCTransactions)
    if transaction:
        dataset.StartTransaction()
    definition = target.GetLayerDefn()
    for number in range(count):
        feature = ogr.Feature(definition)
        for index, (setter, values) in enumerate(zip(setters, columns)):
            value = values[number]
            if value is None:
                feature.SetFieldNull(index)
            else:
                setter(feature, index, value)
        geometry = layer.geometries[number] if spatial else None
        if geometry is not None:
            feature.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(geometry, flavor="iso")))
        target.CreateFeature(feature)
    if transaction:
        dataset.CommitTransaction()


def _plain(value):
    """numpy's scalars as Python's, so the type checks below see what they are."""
    if hasattr(value, "item") and not isinstance(value, (str, bytes, dt.date)):
        return value.item()
    return value


def _field(name: str, values: list):
    """The OGR field for ``values`` and how to set one value of it."""
    present = [value for value in values if value is not None]
    definition = ogr.FieldDefn(name, ogr.OFTString)
    if not present:
        return definition, _set_text
    if all(isinstance(value, bool) for value in present):
        definition.SetType(ogr.OFTInteger)
        definition.SetSubType(ogr.OFSTBoolean)
        return definition, lambda feature, index, value: feature.SetField(index, int(value))
    if all(isinstance(value, int) and not isinstance(value, bool) for value in present):
        small = all(value in _INT32 for value in present)
        definition.SetType(ogr.OFTInteger if small else ogr.OFTInteger64)
        return definition, lambda feature, index, value: feature.SetField(index, value)
    if all(isinstance(value, (int, float)) and not isinstance(value, bool) for value in present):
        definition.SetType(ogr.OFTReal)
        return definition, lambda feature, index, value: feature.SetField(index, float(value))
    if all(isinstance(value, dt.datetime) for value in present):
        definition.SetType(ogr.OFTDateTime)
        return definition, _set_datetime
    if all(isinstance(value, dt.date) and not isinstance(value, dt.datetime) for value in present):
        definition.SetType(ogr.OFTDate)
        return definition, _set_date
    return definition, _set_text


def _set_text(feature, index: int, value) -> None:
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    feature.SetField(index, text)


def _set_date(feature, index: int, value: dt.date) -> None:
    feature.SetField(index, value.year, value.month, value.day, 0, 0, 0.0, 0)


def _set_datetime(feature, index: int, value: dt.datetime) -> None:
    zone = 0  # unknown
    if value.tzinfo is not None:
        value, zone = value.astimezone(dt.timezone.utc), _UTC_FLAG
    seconds = value.second + value.microsecond / 1e6
    feature.SetField(
        index, value.year, value.month, value.day, value.hour, value.minute, seconds, zone
    )
