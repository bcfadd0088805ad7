"""Visit-list exports: CSV for Dutch Excel, XLSX read back with openpyxl, GeoPackage route."""

from __future__ import annotations

import pytest

from domain.planning import visit_list
from domain.planning.export import route_geopackage, visits_csv, visits_xlsx
from tests.unit.planning.conftest import AS_OF, SQUARE


@pytest.fixture(scope="module")
def visits(tiny_store):
    return visit_list(tiny_store, SQUARE, as_of=AS_OF)


def test_csv_semicolons_bom_dutch_headers(visits, tmp_path):
    path = visits_csv(visits, tmp_path / "bezoek.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark: Excel detects UTF-8
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0].split(";") == [
        "Volgorde",
        "Adres",
        "Postcode",
        "Plaats",
        "Object",
        "Situaties",
        "Reden voor bezoek",
        "X (RD)",
        "Y (RD)",
    ]
    assert len(lines) == 1 + len(visits.rows)
    first = lines[1].split(";")
    # the postcode in the one form users see everywhere (the store keeps "9919AA")
    assert first[:5] == ["1", "Dorpsstraat 1", "9919 AA", "Loppersum", "1"]
    assert first[-2:] == ["1100,0", "1100,0"]  # decimal comma


def test_xlsx_has_the_csv_columns_as_typed_cells(visits, tmp_path):
    import openpyxl  # a test extra: the product writes XLSX through GDAL

    path = visits_xlsx(visits, tmp_path / "bezoek.xlsx")
    sheet = openpyxl.load_workbook(path).active
    assert sheet.title == "Bezoeklijst"
    assert [cell.value for cell in sheet[1]] == [
        "Volgorde",
        "Adres",
        "Postcode",
        "Plaats",
        "Object",
        "Situaties",
        "Reden voor bezoek",
        "X (RD)",
        "Y (RD)",
    ]
    assert sheet.max_row == 1 + len(visits.rows)
    assert sheet["A2"].value == 1 and sheet["A2"].data_type == "n"  # a number Excel can sort
    assert sheet["B2"].value == "Dorpsstraat 1" and sheet["B2"].data_type == "s"
    assert sheet["C2"].value == "9919 AA"
    assert sheet["H2"].value == pytest.approx(1100.0) and sheet["H2"].data_type == "n"
    overdue = [r for r in visits.rows if "overdue" in r.situation_codes][0]
    row = overdue.order + 1
    assert "termijn overschreden" in sheet[f"F{row}"].value
    english = openpyxl.load_workbook(visits_xlsx(visits, tmp_path / "en.xlsx", lang="en")).active
    assert english.title == "Visit list" and english["G1"].value == "Reason for a visit"


def test_no_person_names_in_exports(visits, tmp_path):
    text = visits_csv(visits, tmp_path / "b.csv").read_text(encoding="utf-8-sig")
    assert "person" not in text.lower() and "eigenaar" not in text.lower()


def test_geopackage_route_and_numbered_stops(visits, tmp_path):
    from osgeo import ogr

    path = route_geopackage(visits, tmp_path / "route.gpkg")
    dataset = ogr.Open(str(path))
    assert sorted(layer.GetName() for layer in dataset) == ["bezoekadressen", "looproute"]
    route = dataset.GetLayerByName("looproute")
    assert route.GetSpatialRef().GetAuthorityCode(None) == "28992"
    assert route.GetGeomType() == ogr.wkbLineString
    [feature] = list(route)
    line = feature.GetGeometryRef()
    assert line.Length() == pytest.approx(visits.route_length_m)
    assert feature["adressen"] == 13
    assert feature["lengte_adresvolgorde_m"] == pytest.approx(visits.address_order_length_m, 0.01)
    definition = route.GetLayerDefn()
    kinds = {
        definition.GetFieldDefn(i).GetName(): definition.GetFieldDefn(i).GetType()
        for i in range(definition.GetFieldCount())
    }
    assert kinds["adressen"] == ogr.OFTInteger and kinds["lengte_m"] == ogr.OFTReal
    assert kinds["peildatum"] == ogr.OFTDate and kinds["startgebied"] == ogr.OFTString
    assert feature.GetFieldAsDateTime("peildatum")[:3] == [AS_OF.year, AS_OF.month, AS_OF.day]
    stops = list(dataset.GetLayerByName("bezoekadressen"))
    assert [stop["volgorde"] for stop in stops] == list(range(1, 14))
    first = stops[0].GetGeometryRef()
    assert (first.GetX(), first.GetY()) == (1100.0, 1100.0)
    assert stops[0]["adres"] == "Dorpsstraat 1"
