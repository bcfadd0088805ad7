"""The packaged plugin in the real QGIS desktop (under a virtual display when headless)."""

from __future__ import annotations

from pathlib import Path

from tests.tools.qgis_desktop import run_qgis

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def test_zip_installs_into_fresh_profile_and_survives_reload_cycles(plugin_zip, tmp_path):
    out = ROOT / "build" / "e2e" / "lifecycle"
    result = run_qgis(plugin_zip, tmp_path / "profiles", HERE / "startup_lifecycle.py", out)
    assert result["ok"], result.get("traceback")
    assert result["active"]
    first = result["first"]
    assert first["plugin_menu_entries"] == ["img_about", "img_panel", "img_settings"]
    assert first["toolbars"] == ["ImgToolbar"]
    assert first["toolbar_actions"] == ["img_panel"]
    assert first["docks"] == ["ImgObjectPanel"]
    assert first["providers"] == ["mijnbouwschade"]
    for cycle in result["cycles"]:
        gone = cycle["after_unload"]
        assert gone["plugin_menu_entries"] == [] and gone["toolbars"] == []
        assert gone["docks"] == [] and gone["providers"] == [] and gone["toolbar_actions"] == []
        assert cycle["after_load"] == first, "reload left a duplicate or lost a registration"
    assert Path(result["screenshot"]).stat().st_size > 10_000
