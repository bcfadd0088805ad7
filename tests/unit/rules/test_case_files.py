"""The case files in tests/cases, assessed through the CLI on the real KNMI catalogue.

Each file carries its expected verdicts under ``_expect`` (ignored by the reader) and, where a
setting differs from the default, extra CLI arguments under ``_cli``. ``fail_only`` lists exactly
the conditions that must fail, so each file shows one condition failing on its own.

The files are assessed by the CLI's own ``main(argv)`` in this process (the JSON the command
writes, without starting an interpreter per file); one smoke test runs the installed command and
checks it writes the same.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.cli import run_cli
from tests.unit.rules.test_texts import check_sentence

ROOT = Path(__file__).resolve().parents[3]
CASES = sorted((ROOT / "tests" / "cases").glob("*.json"))
CLI = ROOT / ".venv" / "bin" / "imgschade"


def _command() -> list[str]:
    return [str(CLI)] if CLI.exists() else [sys.executable, "-m", "domain"]


def _arguments(path: Path, catalog: Path, outline: Path, lang: str) -> list[str]:
    case = json.loads(path.read_text(encoding="utf-8"))
    return [
        "assess-case",
        str(path),
        "--catalog",
        str(catalog),
        "--outlines",
        str(outline),
        "--json",
        "--lang",
        lang,
        *case.get("_cli", []),
    ]


def _run(path: Path, catalog: Path, outline: Path, lang: str) -> dict:
    # the files' own ``_cli`` paths are relative to the repository, as for the command
    done = run_cli(*_arguments(path, catalog, outline, lang), cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def results():
    from tests.conftest import shared_data

    catalog = shared_data("knmi_induced_groningen_1991-2022.csv")
    outline = shared_data("groningen_field_outline_rd.csv")
    jobs = [(p, "nl") for p in CASES] + [(p, "en") for p in CASES[::4]]
    return {(p.name, lang): _run(p, catalog, outline, lang) for p, lang in jobs}


def test_the_installed_command_writes_what_main_writes(results, groningen_catalog, field_outline):
    """The one case run as a user runs it: a fresh ``imgschade`` process, same JSON."""
    path = next(p for p in CASES if json.loads(p.read_text(encoding="utf-8")).get("_cli"))
    argv = _arguments(path, groningen_catalog, field_outline, "nl")
    done = subprocess.run(_command() + argv, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == results[(path.name, "nl")]


def test_there_are_at_least_twenty_cases():
    assert len(CASES) >= 20


def _check_verdict(name: str, got: dict, expected: dict) -> None:
    results = {c["id"]: c["result"] for c in got["conditions"]}
    for key, want in expected.items():
        if key == "fail_only":
            failing = sorted(cid for cid, r in results.items() if r == "fail")
            assert failing == sorted(want), (name, results)
        elif key == "conditions":
            for cid, r in want.items():
                assert results.get(cid) == r, (name, cid, results)
        elif key == "notes":
            ids = {n["id"] for n in got["notes"]}
            assert set(want) <= ids, (name, ids)
        else:
            assert got.get(key) == want, (name, key, got.get(key))


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case_file(results, path):
    expect = json.loads(path.read_text(encoding="utf-8"))["_expect"]
    out = results[(path.name, "nl")]
    assert set(out["verdicts"]) == {
        "vaste_vergoeding",
        "aanvullende_vaste_vergoeding",
        "new_claim",
        "nulmeting",
        "duurzaam_herstel",
        "deadlines",
        "handoff",
    }
    for key, want in expect.get("exposure", {}).items():
        assert out["exposure"][key] == want, key
    for name, want in expect.get("verdicts", {}).items():
        _check_verdict(name, out["verdicts"][name], want)
    for lang in ("nl", "en"):
        if (path.name, lang) in results:
            for verdict in results[(path.name, lang)]["verdicts"].values():
                for item in verdict["conditions"] + verdict["notes"]:
                    check_sentence(item["reason"])


def test_english_output_differs_from_dutch(results):
    nl = results[(CASES[0].name, "nl")]["verdicts"]["vaste_vergoeding"]["conditions"][0]["reason"]
    en = results[(CASES[0].name, "en")]["verdicts"]["vaste_vergoeding"]["conditions"][0]["reason"]
    assert nl != en and "vergoeding" in nl and "compensation" in en


def test_malformed_case_lists_every_problem(tmp_path, groningen_catalog):
    bad = {
        "as_of": "2026-02-30",
        "object": {"id": "x", "x": 245000, "y": "593500"},
        "owners": [{"person_id": "p1"}, {"from": "gisteren"}],
        "claims": "geen",
    }
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    done = run_cli("assess-case", str(path), "--catalog", str(groningen_catalog), "--json")
    assert done.returncode == 2
    report = json.loads(done.stderr)
    fields = {p["field"] for p in report["problems"]}
    assert {"as_of", "object.y", "owners[1].person_id", "owners[1].from", "claims"} <= fields
    assert all(p["file"] == "bad.json" for p in report["problems"])


def test_as_of_option_hides_the_later_quake(groningen_catalog):
    path = ROOT / "tests" / "cases" / "17_new_claim_reopened_westerwijtwerd.json"
    done = run_cli(
        "assess-case",
        str(path),
        "--catalog",
        str(groningen_catalog),
        "--json",
        "--as-of",
        "2019-05-21",
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["as_of"] == "2019-05-21"
    assert out["verdicts"]["new_claim"]["eligible"] is False
    assert out["verdicts"]["new_claim"]["blocked_by"] == "vv-2019"


def test_readable_text_output_in_dutch(groningen_catalog):
    path = CASES[0]
    done = run_cli("assess-case", str(path), "--catalog", str(groningen_catalog))
    assert done.returncode == 0, done.stderr
    assert "Vaste vergoeding: ja" in done.stdout
    assert "Duurzaam herstel" in done.stdout and "{" not in done.stdout


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_help_in_both_languages(lang, capsys, monkeypatch):
    from domain.cli import main

    monkeypatch.setenv("IMGSCHADE_LANG", lang)
    with pytest.raises(SystemExit) as done:
        main(["--lang", lang, "assess-case", "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "--catalog" in out and ("catalogus" in out if lang == "nl" else "catalogue" in out)
