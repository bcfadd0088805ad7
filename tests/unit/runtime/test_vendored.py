"""The bundled pure-Python packages win over any other copy; how a missing package is told."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from domain.runtime import requirements
from domain.runtime.vendored import VENDOR_DIR

ROOT = Path(__file__).resolve().parents[3]


def _run(code: str, *, python: str = sys.executable, path: str = "") -> str:
    env = {"PYTHONPATH": path, "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [python, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return done.stdout.strip()


def test_a_newer_sqlalchemy_earlier_on_sys_path_does_not_shadow_the_bundled_one(tmp_path):
    fake = tmp_path / "sqlalchemy"
    fake.mkdir()
    (fake / "__init__.py").write_text("__version__ = '9.9.9'\nraise ImportError('foreign')\n")
    out = _run(
        f"import sys; sys.path.insert(0, {str(tmp_path)!r}); import domain, sqlalchemy, alembic;"
        "import geoalchemy2; print(sqlalchemy.__version__, sqlalchemy.__file__)",
        path=str(ROOT),
    )
    version, location = out.split()
    assert version == requirements.VENDORED["sqlalchemy"]
    assert location.startswith(str(VENDOR_DIR))


@pytest.mark.skipif(
    subprocess.run(["/usr/bin/python3", "-c", "import sqlalchemy"]).returncode != 0,
    reason="needs Debian's python3-sqlalchemy, which make setup installs",
)
def test_an_older_sqlalchemy_imported_before_the_domain_is_replaced_by_the_bundled_one():
    # Debian 12's python3-sqlalchemy (1.4) is on the system Python's path, as in QGIS
    out = _run(
        "import sqlalchemy; old = sqlalchemy.__version__\n"
        "import domain.runtime.vendored as v\n"
        "import sqlalchemy, sqlalchemy.orm\n"
        "print(old, sqlalchemy.__version__, 'sqlalchemy' in v.DROPPED_AT_START)",
        python="/usr/bin/python3",
        path=str(ROOT),
    )
    old, new, dropped = out.split()
    assert old.startswith("1.4") and new == requirements.VENDORED["sqlalchemy"]
    assert dropped == "True"


def test_every_bundled_package_carries_its_licence():
    for name, version in requirements.VENDORED.items():
        infos = [
            p
            for p in VENDOR_DIR.glob("*.dist-info")
            if p.name.lower().replace("-", "_").startswith(f"{name}_{version}".replace("-", "_"))
        ]
        assert len(infos) == 1, name
        licences = [
            p
            for p in infos[0].rglob("*")
            if "LICEN" in p.name.upper() or "COPYING" in p.name.upper()
        ]
        assert licences, f"{name} has no licence file"


def test_the_stand_in_names_the_missing_package_with_one_quoted_command_per_platform():
    problems = [requirements.Problem(requirements.COMPILED[3], "ontbreekt")]  # shapely
    advice = requirements.advice_for_every_platform(problems)
    assert advice["Debian 13 / Ubuntu 24.04"] == "sudo apt install python3-shapely"
    assert advice["Windows (OSGeo4W)"] == 'osgeo4w-setup.exe -q -P "python3-shapely"'
    debian12 = advice["Debian 12"]
    assert '"shapely>=2.0,<2.2"' in debian12 and "--no-binary shapely" in debian12
    for command in advice.values():
        # every version bound sits inside quotes: no shell redirect when pasted
        unquoted = command.split('"')[::2]
        assert not any(">" in part or "<" in part for part in unquoted), command
    text = requirements.install_advice(problems, "debian12")
    assert "shapely (ontbreekt)" in text and debian12 in text


def test_platform_detection_reads_os_release(monkeypatch):
    cases = {
        'ID=debian\nVERSION_ID="12"\n': "debian12",
        'ID=debian\nVERSION_ID="13"\n': "debian13",
        'ID=ubuntu\nID_LIKE=debian\nVERSION_ID="24.04"\n': "debian13",
        'ID=ubuntu\nID_LIKE=debian\nVERSION_ID="22.04"\n': "debian12",
        'ID=fedora\nVERSION_ID="40"\n': "linux",
    }
    monkeypatch.setattr(sys, "platform", "linux")
    for text, expected in cases.items():
        pairs = (line.split("=", 1) for line in text.splitlines())
        release = {k: v.strip('"') for k, v in pairs}
        monkeypatch.setattr(requirements, "_os_release", lambda release=release: release)
        assert requirements.this_platform() == expected, text


def test_a_postgis_store_without_a_driver_says_what_to_install(monkeypatch):
    import importlib.util

    from domain.errors import DomainError
    from domain.store.engine import make_engine, parse_location

    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name in ("psycopg2", "psycopg") else real_find_spec(name, *a),
    )
    with pytest.raises(DomainError) as raised:
        make_engine(parse_location("postgresql://anna@db.example/schade"))
    assert "psycopg2 (ontbreekt)" in str(raised.value)


def test_dutch_dates_work_without_a_system_time_zone_database():
    # Windows has no /usr/share/zoneinfo: zoneinfo then reads the bundled tzdata package
    code = (
        "import zoneinfo, domain, tzdata, datetime as dt\n"
        "from domain.presentation.dutch_time import dutch_date, zone\n"
        "assert zoneinfo.TZPATH == (), zoneinfo.TZPATH\n"
        "t = dt.datetime(2021, 11, 15, 23, 46, tzinfo=dt.timezone.utc)\n"
        "print(dutch_date(t), zone().key, tzdata.__file__)"
    )
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "PYTHONTZPATH": ""}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr
    day, key, location = done.stdout.split()
    assert (day, key) == ("2021-11-16", "Europe/Amsterdam")
    assert location.startswith(str(VENDOR_DIR))
