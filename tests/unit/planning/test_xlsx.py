"""The minimal XLSX writer: column names, types, escaping, widths."""

from __future__ import annotations

import zipfile

import pytest

from domain.xlsx import _column, write_xlsx


def test_column_names():
    assert [_column(i) for i in (0, 25, 26, 27, 51, 52, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "AB",
        "AZ",
        "BA",
        "ZZ",
        "AAA",
    ]


def test_values_round_trip(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    path = write_xlsx(
        tmp_path / "t.xlsx",
        ["Naam", "Getal", "Waar"],
        [['a & <b> "c"', 3, True], [" spatie ", 2.5, False], [None, None, None]],
        widths=[20, 8, 6],
        sheet_name="Proef",
    )
    assert zipfile.is_zipfile(path)
    sheet = openpyxl.load_workbook(path).active
    assert sheet.title == "Proef"
    assert [c.value for c in sheet[2]] == ['a & <b> "c"', 3, True]
    assert [c.value for c in sheet[3]] == [" spatie ", 2.5, False]
    assert [c.value for c in sheet[4]] == [None, None, None]
    assert sheet.column_dimensions["A"].width == pytest.approx(20)
    assert all(c.font.b for c in sheet[1])
    assert sheet.freeze_panes == "A2"
