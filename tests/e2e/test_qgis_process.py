"""The provider through the real ``qgis_process`` binary, plugin installed from the zip.

``qgis_process`` loads plugins from the profile named by ``QGIS_CUSTOM_CONFIG_PATH`` and calls
only their ``initProcessing()``. Debian's ``/usr/bin/qgis_process`` wrapper adds
``--noversioncheck`` from ``/etc/default/qgis``, which some ``qgis_process`` builds reject, so
the binary behind the wrapper is run when it exists.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from domain.store import open_store
from tools.qgis_desktop import prepare_profile, user_environment


def _binary() -> str:
    wrapper = shutil.which("qgis_process")
    if wrapper is None:
        pytest.skip("qgis_process is not installed (Debian package 'qgis')")
    real = Path(wrapper + ".bin")
    return str(real) if real.exists() else wrapper


@pytest.fixture(scope="module")
def qgis_process(plugin_zip, tmp_path_factory):
    profiles = tmp_path_factory.mktemp("qgis_process") / "profiles"
    prepare_profile(profiles, plugin_zip)
    # as a user runs it: the plugin from the profile, no project folder or .venv on any path
    env = user_environment()
    env["QGIS_CUSTOM_CONFIG_PATH"] = str(profiles)
    env["QT_QPA_PLATFORM"] = "offscreen"
    binary = _binary()

    def run(*args: str, timeout: int = 300) -> subprocess.CompletedProcess:
        return subprocess.run(
            [binary, *args], env=env, capture_output=True, text=True, timeout=timeout
        )

    return run


def test_list_shows_every_mijnbouwschade_algorithm(qgis_process):
    done = qgis_process("list")
    assert done.returncode == 0, done.stderr
    listed = {
        line.split()[0]
        for line in done.stdout.splitlines()
        if line.strip().startswith("mijnbouwschade:")
    }
    assert listed == {
        "mijnbouwschade:import_catalog",
        "mijnbouwschade:import_data",
        "mijnbouwschade:import_boundaries",
        "mijnbouwschade:exposure",
        "mijnbouwschade:zones",
        "mijnbouwschade:assess",
        "mijnbouwschade:scenario",
        "mijnbouwschade:demo",
    }


def test_demo_then_scenario_through_the_binary(qgis_process, tmp_path):
    out = tmp_path / "demo.gpkg"
    done = qgis_process(
        "run", "mijnbouwschade:demo", "--json", "--", f"OUT={out}", "OBJECTS=300", "SEED=1"
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    results = json.loads(done.stdout[done.stdout.index("{") :])["results"]
    assert results["OBJECTS"] == 300
    assert out.exists()
    with open_store(str(out)) as store:
        assert store.info()["counts"]["objects"] == 300

    layer = tmp_path / "scenario.gpkg"
    contours = tmp_path / "contours.gpkg"
    done = qgis_process(
        "run",
        "mijnbouwschade:scenario",
        "--json",
        "--",
        f"STORE={out}",
        "EPICENTRE=240000,590000 [EPSG:28992]",
        "ML=3.6",
        "DEPTH=3",
        "DATE=2025-01-01",
        f"OUTPUT={layer}",
        f"CONTOURS={contours}",
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    results = json.loads(done.stdout[done.stdout.index("{") :])["results"]
    assert results["AFFECTED"] > 0
    assert results["NULMETING"] <= results["AFFECTED"]
    assert layer.exists() and contours.exists()
    # a readable summary beside the numbers, in the default language (Dutch)
    assert f"Getroffen objecten (≥ 2 mm/s): {results['AFFECTED']}" in results["SUMMARY"]


def test_a_bad_store_fails_with_the_reason(qgis_process, tmp_path):
    missing = tmp_path / "nowhere.gpkg"
    done = qgis_process("run", "mijnbouwschade:exposure", "--", f"STORE={missing}")
    assert done.returncode != 0
    assert "nowhere.gpkg" in done.stdout + done.stderr
