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


def test_xlsx_reads_back_with_bold_header(visits, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    path = visits_xlsx(visits, tmp_path / "bezoek.xlsx")
    sheet = openpyxl.load_workbook(path).active
    assert sheet.title == "Bezoeklijst"
    assert sheet["A1"].value == "Volgorde" and sheet["A1"].font.b
    assert sheet["G1"].value == "Reden voor bezoek"
    assert not sheet["A2"].font.b
    assert sheet.max_row == 1 + len(visits.rows)
    assert sheet["A2"].value == 1 and sheet["B2"].value == "Dorpsstraat 1"
    assert sheet["H2"].value == pytest.approx(1100.0)
    assert sheet.column_dimensions["G"].width == pytest.approx(80)
    overdue = [r for r in visits.rows if "overdue" in r.situation_codes][0]
    row = overdue.order + 1
    assert "termijn overschreden" in sheet[f"F{row}"].value


def test_no_person_names_in_exports(visits, tmp_path):
    text = visits_csv(visits, tmp_path / "b.csv").read_text(encoding="utf-8-sig")
    assert "person" not in text.lower() and "eigenaar" not in text.lower()


def test_geopackage_route_and_numbered_stops(visits, tmp_path):
    from domain.geopackage import list_layers, read_layer

    path = route_geopackage(visits, tmp_path / "route.gpkg")
    assert list_layers(path) == ["bezoekadressen", "looproute"]
    [(line, attrs)] = read_layer(path, "looproute")
    assert line.geom_type == "LineString"
    assert line.length == pytest.approx(visits.route_length_m)
    assert attrs["adressen"] == 13
    assert attrs["lengte_adresvolgorde_m"] == pytest.approx(visits.address_order_length_m, 0.01)
    stops = read_layer(path, "bezoekadressen")
    assert [a["volgorde"] for _, a in stops] == list(range(1, 14))
    assert (stops[0][0].x, stops[0][0].y) == (1100.0, 1100.0)
    assert stops[0][1]["adres"] == "Dorpsstraat 1"
