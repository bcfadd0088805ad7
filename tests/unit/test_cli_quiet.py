"""Every ``imgschade`` command, as a user starts it, writes nothing to stderr but its own errors.

A warning from a library (PROJ's data directory, a deprecation) would end up between the
user's output lines and break ``--json`` for scripts; the cause is fixed in the set-up.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CATALOG = ROOT.parent / "shared" / "data" / "knmi_induced_groningen_1991-2022.csv"
COMMAND = str(Path(sys.executable).with_name("imgschade"))
EVERY_HELP = ROOT / "tests" / "support" / "every_help.py"


def _imgschade(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    # the user's shell: no PYTHONWARNINGS or PROJ settings of the test run
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PROJ", "GDAL"))}
    return subprocess.run(
        [COMMAND, *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=300
    )


def test_every_subcommand_help_writes_nothing_to_stderr(tmp_path):
    # one fresh interpreter for all of them (each call with its own stdout and stderr) instead
    # of one per sub-command: the same warnings would show, in a tenth of the time
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PROJ", "GDAL"))}
    report_path = tmp_path / "help.json"
    done = subprocess.run(
        [sys.executable, str(EVERY_HELP), str(report_path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0 and done.stderr == "" and done.stdout == "", done.stderr
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report.pop("--help")[0] == 0
    assert {"pgv", "demo", "import-catalog", "roles"} <= set(report)
    for command, (code, out, err) in report.items():
        assert code == 0, (command, err)
        assert err == "", (command, err)
        assert out.strip(), command


def test_real_commands_give_clean_json_and_a_clean_json_error(tmp_path):
    pgv = _imgschade(
        "pgv", "--x", "245000", "--y", "593500", "--catalog", str(CATALOG), "--json", cwd=tmp_path
    )
    assert pgv.returncode == 0 and pgv.stderr == "", pgv.stderr
    assert json.loads(pgv.stdout)
    store = tmp_path / "demo.gpkg"
    demo = _imgschade("demo", "--out", str(store), "--objects", "60", "--json", cwd=tmp_path)
    assert demo.returncode == 0 and demo.stderr == "", demo.stderr
    assert json.loads(demo.stdout)["objects"] == 60
    info = _imgschade("info", str(store), "--json", cwd=tmp_path)
    assert info.returncode == 0 and info.stderr == "", info.stderr
    bad = _imgschade(
        "import-claims", str(store), str(tmp_path / "missing.csv"), "--json", cwd=tmp_path
    )
    assert bad.returncode == 2 and bad.stdout == ""
    assert json.loads(bad.stderr)  # the error itself, as JSON, with no warning around it
