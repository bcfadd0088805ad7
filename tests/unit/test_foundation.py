"""The domain stays free of Qt/QGIS; the CLI speaks Dutch and English; metadata is complete."""

from __future__ import annotations

import configparser
import subprocess
import sys
from pathlib import Path

import domain
from domain.cli import main
from tests.support.cli import run_cli

ROOT = Path(__file__).resolve().parents[2]
REQUIRED_METADATA = (
    "name",
    "qgisMinimumVersion",
    "description",
    "about",
    "version",
    "author",
    "email",
    "repository",
    "tracker",
    "homepage",
    "tags",
    "category",
    "icon",
    "experimental",
    "changelog",
)


def test_importing_every_domain_module_loads_no_qt_or_qgis():
    code = (
        "import importlib, pkgutil, sys, domain\n"
        "for m in pkgutil.walk_packages(domain.__path__, 'domain.'):\n"
        "    if not m.name.endswith('__main__'):\n"
        "        importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('qgis', 'PyQt5', 'sip'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "", f"domain imported {out.stdout.strip()}"


def test_version_matches_metadata(capsys):
    meta = configparser.ConfigParser(interpolation=None)
    meta.read(ROOT / "metadata.txt", encoding="utf-8")
    assert meta.get("general", "version") == domain.__version__
    try:
        main(["--version"])
    except SystemExit as exc:
        assert exc.code == 0
    assert domain.__version__ in capsys.readouterr().out


def test_help_is_dutch_by_default_and_english_on_request(monkeypatch, capsys):
    monkeypatch.delenv("IMGSCHADE_LANG", raising=False)
    for argv, expected, absent in (
        (["--help"], "gebruik:", "usage:"),
        (["--lang", "en", "--help"], "usage:", "gebruik:"),
    ):
        try:
            main(argv)
        except SystemExit as exc:
            assert exc.code == 0
        out = capsys.readouterr().out
        assert expected in out and absent not in out


def test_console_script_and_module_agree():
    exe = Path(sys.executable).with_name("imgschade")
    a = subprocess.run([str(exe), "--version"], capture_output=True, text=True, check=True)
    b = subprocess.run(
        [sys.executable, "-m", "domain", "--version"], capture_output=True, text=True, check=True
    )
    assert a.stdout == b.stdout and domain.__version__ in a.stdout


def test_unknown_command_exits_2_with_message_on_stderr():
    proc = run_cli("no-such-command")
    assert proc.returncode == 2 and "no-such-command" in proc.stderr


def test_metadata_has_every_field_the_plugin_repository_requires():
    meta = configparser.ConfigParser(interpolation=None)
    meta.read(ROOT / "metadata.txt", encoding="utf-8")
    general = meta["general"]
    missing = [key for key in REQUIRED_METADATA if not general.get(key, "").strip()]
    assert not missing, f"metadata.txt misses {missing}"
    assert general["qgisMinimumVersion"] == "3.40"
    assert (ROOT / general["icon"]).is_file()
    assert general["experimental"] in ("True", "False")
    assert general["repository"].startswith("https://")
    version = general["version"]
    assert version in general["changelog"]


def test_domain_avoids_shapely_xy_predicates():
    """Inside QGIS, shapely's bundled GEOS meets QGIS's own; the *_xy predicates crashed there."""
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "domain").rglob("*.py")
        if any(
            f"{name}_xy(" in path.read_text(encoding="utf-8")
            for name in ("contains", "intersects", "within", "covers")
        )
    ]
    assert offenders == []
