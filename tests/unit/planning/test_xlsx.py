"""XLSX through GDAL: typed cells, text that never becomes a formula, the header row always."""

from __future__ import annotations

import datetime as dt
import zipfile

import openpyxl  # a test extra: the product writes XLSX through GDAL
import pytest

from domain.exports.ogr_writer import write_spreadsheet


def test_values_keep_their_types(tmp_path):
    path = write_spreadsheet(
        tmp_path / "t.xlsx",
        ["Naam", "Getal", "Bedrag", "Waar", "Datum"],
        [
            ['a & <b> "c"', 3, 2.5, True, dt.date(2026, 6, 1)],
            [" spatie ", 2**40, 7, False, None],
            [None, None, None, None, None],
        ],
        sheet_name="Proef",
    )
    assert zipfile.is_zipfile(path)
    sheet = openpyxl.load_workbook(path).active
    assert sheet.title == "Proef"
    assert [c.value for c in sheet[1]] == ["Naam", "Getal", "Bedrag", "Waar", "Datum"]
    assert [c.value for c in sheet[2]] == ['a & <b> "c"', 3, 2.5, True, dt.datetime(2026, 6, 1)]
    assert [c.data_type for c in sheet[2]] == ["s", "n", "n", "b", "d"]
    assert [c.value for c in sheet[3]][:4] == [" spatie ", 2**40, 7.0, False]
    assert all(c.value is None for c in sheet[4])
    assert sheet.max_row == 4


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    cells = ["=SUM(A1:A9)", "+31 50 123", "-x", "@cmd", '=HYPERLINK("http://x")']
    path = write_spreadsheet(tmp_path / "f.xlsx", ["Tekst"], [[c] for c in cells], "Blad1")
    sheet = openpyxl.load_workbook(path).active
    assert [row[0].value for row in sheet.iter_rows(min_row=2)] == cells
    assert {row[0].data_type for row in sheet.iter_rows(min_row=2)} == {"s"}  # never "f"
    with zipfile.ZipFile(path) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")


def test_an_empty_list_still_has_its_header_and_a_long_sheet_name_is_cut(tmp_path):
    path = write_spreadsheet(tmp_path / "e.xlsx", ["Adres", "Postcode"], [], "B" * 40)
    sheet = openpyxl.load_workbook(path).active
    assert [c.value for c in sheet[1]] == ["Adres", "Postcode"]
    assert sheet.max_row == 1
    assert sheet.title == "B" * 31  # Excel's limit


def test_repeated_column_names_are_refused(tmp_path):
    with pytest.raises(ValueError):
        write_spreadsheet(tmp_path / "d.xlsx", ["Adres", "Adres"], [[1, 2]], "Blad1")
    assert not list(tmp_path.iterdir())
