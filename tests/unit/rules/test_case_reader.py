"""The case-file reader: good files load, bad ones list every problem with its JSON path."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from domain.case.file import parse_case, read_case
from domain.errors import InputError

GOOD = {
    "as_of": "2026-03-01",
    "object": {
        "id": "o1",
        "x": 245000,
        "y": 593500,
        "crs": "EPSG:28992",
        "construction_year": 1930,
        "small": False,
        "use": "woning",
        "woz_value": 250000,
        "rijksmonument": False,
    },
    "owners": [
        {
            "person_id": "p1",
            "natural_person": True,
            "right": "eigendom",
            "from": "2000-01-01",
            "until": None,
        }
    ],
    "applicant": "p1",
    "applicant_prior_applications": 1,
    "whole_object": True,
    "claims": [
        {
            "id": "c1",
            "scheme": "maatwerk",
            "submitted": "2024-01-01",
            "decided": "2024-05-01",
            "outcome": "toegekend",
            "amount": 3000,
            "final": False,
            "objection": {"filed": "2024-06-01", "decided": None},
        }
    ],
    "dh": {"d3_damage_eur": 6000, "structural_defect": True, "unhandled_damage": True},
    "_expect": {"anything": "ignored"},
}


def test_good_case_loads():
    case = parse_case(GOOD, "good.json")
    assert case.as_of == dt.date(2026, 3, 1)
    assert case.object.construction_year == 1930
    assert case.owners[0].start == dt.date(2000, 1, 1)
    assert case.claims[0].objection.filed == dt.date(2024, 6, 1)
    assert case.prior_applications == 1
    assert case.shakings is None  # computed later from the catalogue


def test_wgs84_coordinates_are_transformed_to_rd():
    data = json.loads(json.dumps(GOOD))
    data["object"].update({"x": 6.7489, "y": 53.3325, "crs": "EPSG:4326"})
    case = parse_case(data)
    assert abs(case.object.x - 245000) < 3000 and abs(case.object.y - 593500) < 3000


def test_every_problem_is_listed_with_its_path():
    bad = json.loads(json.dumps(GOOD))
    bad["as_of"] = "1-3-2026"
    bad["object"]["construction_year"] = "1930"
    bad["object"]["small"] = "ja"
    bad["object"]["colour"] = "red"
    bad["owners"].append({"natural_person": True, "from": "2010-01-01", "until": "2005-01-01"})
    bad["claims"].append(
        {"id": "c1", "scheme": "schade", "submitted": "2024-05-01", "decided": "2024-04-01"}
    )
    bad["claims"].append({"id": "c3", "scheme": "ims", "outcome": "toegekend"})
    bad["applicant_prior_applications"] = -1
    bad["dh"] = []
    with pytest.raises(InputError) as info:
        parse_case(bad, "bad.json")
    fields = {p.field for p in info.value.problems}
    assert {
        "as_of",
        "object.construction_year",
        "object.small",
        "object.colour",
        "owners[1].person_id",
        "owners[1].until",
        "claims[1].scheme",
        "claims[1].decided",
        "claims[1].id",
        "claims[2].decided",
        "applicant_prior_applications",
        "dh",
    } <= fields
    assert all(p.file == "bad.json" and p.hint for p in info.value.problems)


def test_missing_object_and_wrong_top_level(tmp_path):
    with pytest.raises(InputError) as info:
        parse_case({"as_of": "2026-01-01"})
    assert [p.field for p in info.value.problems] == ["object"]
    with pytest.raises(InputError):
        parse_case([1, 2])


def test_unreadable_json_names_the_line(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"as_of": "2026-01-01",\n "object": {,}}', encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_case(path)
    assert info.value.problems[0].line == 2


def test_missing_file(tmp_path):
    with pytest.raises(InputError):
        read_case(tmp_path / "nope.json")


def test_problems_in_english(monkeypatch):
    monkeypatch.setenv("IMGSCHADE_LANG", "en")
    with pytest.raises(InputError) as info:
        parse_case({"as_of": "2026-01-01", "object": {"id": "o", "small": "ja"}}, "c.json")
    (problem,) = info.value.problems
    assert problem.field == "object.small"
    assert problem.message == "not a yes/no value: 'ja'"
    assert problem.hint == "use true, false or null"
    assert info.value.summary == "c.json: the case was not read"
