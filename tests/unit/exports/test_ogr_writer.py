"""GeoPackages written by GDAL: field types, RD New, spatial index; whole files or none."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3

import numpy as np
import pytest
from osgeo import ogr
from shapely.geometry import MultiPolygon, box

from domain.errors import DomainError
from domain.exports import ogr_writer
from domain.exports.ogr_writer import Layer, WriteError, write_geopackage, write_spreadsheet

UTC = dt.timezone.utc


def _fields(layer) -> dict[str, tuple[int, int]]:
    definition = layer.GetLayerDefn()
    return {
        definition.GetFieldDefn(i).GetName(): (
            definition.GetFieldDefn(i).GetType(),
            definition.GetFieldDefn(i).GetSubType(),
        )
        for i in range(definition.GetFieldCount())
    }


def _two_areas(path):
    a, b = MultiPolygon([box(0, 0, 10, 10)]), MultiPolygon([box(100, 100, 120, 130)])
    stamp = dt.datetime(2026, 6, 1, 12, 30, tzinfo=UTC)
    return write_geopackage(
        path,
        [
            Layer(
                "vlakken",
                [a, b],
                {
                    "naam": ["a", "b"],
                    "n": [1, np.int64(2)],
                    "opp": [1.5, np.float64(2.5)],
                    "groot": [2**40, None],
                    "open": [True, False],
                    "dag": [dt.date(2026, 6, 1), None],
                    "berekend": [stamp, stamp],
                },
                description="proefvlakken",
            ),
            Layer("leeg", [], {}),
        ],
    )


def test_layers_have_typed_fields_rd_new_and_values(tmp_path):
    path = _two_areas(tmp_path / "a.gpkg")
    dataset = ogr.Open(str(path))
    assert dataset.GetDriver().GetName() == "GPKG"
    assert sorted(layer.GetName() for layer in dataset) == ["leeg", "vlakken"]
    layer = dataset.GetLayerByName("vlakken")
    assert layer.GetSpatialRef().GetAuthorityName(None) == "EPSG"
    assert layer.GetSpatialRef().GetAuthorityCode(None) == "28992"
    assert layer.GetGeomType() == ogr.wkbMultiPolygon
    assert _fields(layer) == {
        "naam": (ogr.OFTString, ogr.OFSTNone),
        "n": (ogr.OFTInteger, ogr.OFSTNone),
        "opp": (ogr.OFTReal, ogr.OFSTNone),
        "groot": (ogr.OFTInteger64, ogr.OFSTNone),
        "open": (ogr.OFTInteger, ogr.OFSTBoolean),
        "dag": (ogr.OFTDate, ogr.OFSTNone),
        "berekend": (ogr.OFTDateTime, ogr.OFSTNone),
    }
    first, second = list(layer)
    assert (first["naam"], first["n"], first["opp"], first["groot"]) == ("a", 1, 1.5, 2**40)
    assert (second["n"], second["opp"], second["open"]) == (2, 2.5, False)
    assert second.IsFieldNull("groot") and second.IsFieldNull("dag")
    assert first.GetFieldAsDateTime("dag")[:3] == [2026, 6, 1]
    # UTC kept as UTC (GDAL's time-zone flag 100)
    assert first.GetFieldAsDateTime("berekend") == [2026, 6, 1, 12, 30, 0.0, 100]
    assert second.GetGeometryRef().GetEnvelope() == (100.0, 120.0, 100.0, 130.0)


def test_every_layer_has_an_rtree_and_its_extent_in_the_contents(tmp_path):
    path = _two_areas(tmp_path / "a.gpkg")
    with sqlite3.connect(path) as con:
        assert con.execute("PRAGMA application_id").fetchone()[0] == 0x47504B47  # "GPKG"
        contents = con.execute(
            "SELECT data_type, description, min_x, min_y, max_x, max_y, srs_id "
            "FROM gpkg_contents WHERE table_name = 'vlakken'"
        ).fetchone()
        assert contents == ("features", "proefvlakken", 0.0, 0.0, 120.0, 130.0, 28992)
        extensions = set(con.execute("SELECT table_name, extension_name FROM gpkg_extensions"))
        assert {("vlakken", "gpkg_rtree_index"), ("leeg", "gpkg_rtree_index")} <= extensions
        hits = con.execute(
            "SELECT id FROM rtree_vlakken_geom "
            "WHERE minx <= 105 AND maxx >= 105 AND miny <= 110 AND maxy >= 110"
        ).fetchall()
    assert hits == [(2,)]


def test_a_failure_leaves_the_existing_file_and_no_temporary_one(tmp_path):
    target = tmp_path / "zones.gpkg"
    target.write_bytes(b"the previous export")
    twice = [
        Layer("kaartlaag", [None], {"naam": ["a"]}),
        Layer("kaartlaag", [None], {"naam": ["b"]}),
    ]
    with pytest.raises(WriteError) as raised:
        write_geopackage(target, twice)
    message = str(raised.value)
    assert str(target) in message and "kaartlaag" in message  # where, and GDAL's reason
    assert "niet veranderd" in message
    assert isinstance(raised.value, DomainError)  # the CLI and the plugin show it, no traceback
    assert target.read_bytes() == b"the previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["zones.gpkg"]


def test_an_existing_file_is_replaced_whole(tmp_path):
    target = tmp_path / "a.gpkg"
    _two_areas(target)
    write_geopackage(target, [Layer("anders", [None], {"k": [1]}, geometry_type="POINT")])
    assert [layer.GetName() for layer in ogr.Open(str(target))] == ["anders"]
    assert [p.name for p in tmp_path.iterdir()] == ["a.gpkg"]


def test_a_locked_target_says_close_it_and_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "lijst.xlsx"
    target.write_bytes(b"open in Excel")

    def locked(source, destination):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(ogr_writer.os, "replace", locked)
    with pytest.raises(WriteError) as raised:
        write_spreadsheet(target, ["Adres"], [["Dorpsstraat 1"]], "Bezoeklijst")
    assert "Excel" in str(raised.value) and str(target) in str(raised.value)
    assert target.read_bytes() == b"open in Excel"
    assert [p.name for p in tmp_path.iterdir()] == ["lijst.xlsx"]


def test_a_missing_folder_or_a_folder_as_target_is_explained(tmp_path):
    with pytest.raises(WriteError, match="bestaat niet"):
        write_geopackage(tmp_path / "nergens" / "a.gpkg", [])
    with pytest.raises(WriteError, match="is een map"):
        write_geopackage(tmp_path, [])


def test_gdal_error_settings_of_the_caller_come_back(tmp_path):
    was = ogr.GetUseExceptions()
    try:
        ogr.DontUseExceptions()
        write_geopackage(tmp_path / "a.gpkg", [Layer("x", [None], {"k": [1]})])
        assert not ogr.GetUseExceptions()
    finally:
        if was:
            ogr.UseExceptions()


def test_an_unequal_column_is_a_programming_error_before_any_file(tmp_path):
    with pytest.raises(ValueError, match="column k"):
        write_geopackage(tmp_path / "a.gpkg", [Layer("x", [None, None], {"k": [1]})])
    assert not list(tmp_path.iterdir())
    assert not os.path.exists(tmp_path / "a.gpkg")
