"""The packaged plugin in the real QGIS desktop (under a virtual display when headless)."""

from __future__ import annotations

from pathlib import Path

from domain.runtime.requirements import VENDORED
from tests.tools.qgis_desktop import run_qgis

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def test_zip_installs_into_fresh_profile_and_survives_reload_cycles(plugin_zip, tmp_path):
    out = ROOT / "build" / "e2e" / "lifecycle"
    result = run_qgis(plugin_zip, tmp_path / "profiles", HERE / "startup_lifecycle.py", out)
    assert result["ok"], result.get("traceback")
    assert result["active"]
    first = result["first"]
    assert first["plugin_menu_entries"] == [
        "img_about",
        "img_dossier",
        "img_identify",
        "img_open_postgis",
        "img_open_store",
        "img_overview",
        "img_panel",
        "img_scenario",
        "img_settings",
        "img_startgebied",
        "img_visits",
    ]
    assert first["toolbars"] == ["ImgToolbar"]
    assert first["toolbar_actions"] == [
        "img_identify",
        "img_open_store",
        "img_panel",
        "img_scenario",
    ]
    assert first["docks"] == ["ImgObjectPanel"]
    assert first["providers"] == ["mijnbouwschade"]
    options = result["options"]
    assert options["pages"] == 1, options
    assert options["chosen"] != options["before"] and options["saved"] == options["chosen"]
    for cycle in result["cycles"]:
        gone = cycle["after_unload"]
        assert gone["plugin_menu_entries"] == [] and gone["toolbars"] == []
        assert gone["docks"] == [] and gone["providers"] == [] and gone["toolbar_actions"] == []
        assert cycle["after_load"] == first, "reload left a duplicate or lost a registration"
    assert Path(result["screenshot"]).stat().st_size > 10_000


def test_identify_click_on_demo_object_opens_panel_with_its_claims(plugin_zip, tmp_path):
    from domain.demo import build_demo

    store = tmp_path / "demo.gpkg"
    summary = build_demo(str(store), objects=800, seed=7)
    object_id = summary.sample_object_ids["overdue_claim"]
    out = ROOT / "build" / "e2e" / "identify"
    result = run_qgis(
        plugin_zip,
        tmp_path / "profiles",
        HERE / "startup_identify.py",
        out,
        extra_env={
            "IMG_STORE": str(store),
            "IMG_OBJECT": str(object_id),
            "IMG_PROJECT_DIR": str(ROOT),
        },
    )
    assert result["ok"], result.get("traceback") or result.get("error")
    # the real plugin from the zip, with its bundled packages, and nothing of the project
    assert result["plugin_class"] == "ImgPlugin"
    installed = str(tmp_path / "profiles")
    assert result["domain_file"].startswith(installed)
    assert result["sqlalchemy"][0] == VENDORED["sqlalchemy"]
    assert result["sqlalchemy"][1].startswith(installed)
    assert result["project_paths_on_sys_path"] == [] and result["venv_on_sys_path"] == []
    assert not result["environment_has_pythonpath"]
    assert result["map_tool_is_identify"] and result["panel_visible"]
    assert result["panel_object_id"] == str(object_id)
    assert result["shapely_in_qgis"] == ["POLYGON ((10 0, 10 10, 0 10, 0 0, 10 0))", True]
    assert result["expected_claims"] and len(result["claim_rows"]) == len(result["expected_claims"])
    assert Path(result["screenshot"]).stat().st_size > 10_000
    # QGIS's own locator bar finds the object by its claim number and opens its panel
    assert result["locator_results"] >= 1
    assert result["locator_panel_visible"]
    assert result["locator_panel_object_id"] == str(object_id)
