"""``imgschade startgebied`` and ``imgschade overzicht`` end to end on the constructed store."""

from __future__ import annotations

import json

from domain.cli import main
from tests.unit.planning.conftest import AS_OF, SQUARE, build_tiny_store


def test_startgebied_json_and_files(tmp_path, capsys):
    store = build_tiny_store(tmp_path / "s.gpkg")
    store.close()
    code = main(
        [
            "startgebied",
            str(tmp_path / "s.gpkg"),
            "--polygon",
            SQUARE,
            "--start-x",
            "1500",
            "--start-y",
            "1900",
            "--situation",
            "never_claimed",
            "--situation",
            "overdue",
            "--as-of",
            AS_OF.isoformat(),
            "--csv",
            str(tmp_path / "v.csv"),
            "--xlsx",
            str(tmp_path / "v.xlsx"),
            "--route-gpkg",
            str(tmp_path / "r.gpkg"),
            "--json",
        ]
    )
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert sorted({r["object_id"] for r in out["rows"]}) == [1, 3, 8, 9, 11]
    assert out["rows"][0]["order"] == 1
    assert out["start"] == [1500.0, 1900.0]
    assert out["route_length_m"] < out["address_order_length_m"]
    assert len(out["written"]) == 3
    assert all((tmp_path / n).exists() for n in ("v.csv", "v.xlsx", "r.gpkg"))


def test_startgebied_text_is_dutch(tmp_path, capsys):
    build_tiny_store(tmp_path / "s.gpkg").close()
    assert (
        main(
            [
                "startgebied",
                str(tmp_path / "s.gpkg"),
                "--polygon",
                SQUARE,
                "--as-of",
                AS_OF.isoformat(),
            ]
        )
        == 0
    )
    text = capsys.readouterr().out
    assert "13 van 13 adressen" in text and "Looproute" in text
    assert "termijn overschreden" in text


def test_startgebied_errors_exit_2(tmp_path, capsys):
    build_tiny_store(tmp_path / "s.gpkg").close()
    assert main(["startgebied", str(tmp_path / "s.gpkg"), "--area-id", "77"]) == 2
    assert "Gebied 77 bestaat niet" in capsys.readouterr().err
    assert (
        main(["startgebied", str(tmp_path / "s.gpkg"), "--polygon", SQUARE, "--start-x", "5"]) == 2
    )
    assert "--start-y" in capsys.readouterr().err


def test_overzicht_with_scenario(tmp_path, capsys):
    build_tiny_store(tmp_path / "s.gpkg").close()
    code = main(
        [
            "overzicht",
            str(tmp_path / "s.gpkg"),
            "--by",
            "pc4",
            "--scenario-x",
            "1500",
            "--scenario-y",
            "1500",
            "--scenario-ml",
            "3.0",
            "--scenario-date",
            "2026-06-01",
            "--csv",
            str(tmp_path / "o.csv"),
            "--json",
        ]
    )
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["totals"]["objects"] == 13
    assert out["totals"]["never_claimed"] == 5  # objects 1, 8, 9, 11 and 13 (outside the area)
    # ML 3.0 right above: final objects 5 and 7 reopen
    assert out["delta_totals"]["may_claim_again"] == 2
    assert (tmp_path / "o.csv").exists() and (tmp_path / "o_delta.csv").exists()
    assert main(["overzicht", str(tmp_path / "s.gpkg"), "--scenario-x", "1"]) == 2
