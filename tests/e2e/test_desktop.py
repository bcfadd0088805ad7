"""The packaged plugin in the real QGIS desktop (under a virtual display when headless)."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

from domain.runtime.requirements import VENDORED
from tools.qgis_desktop import run_qgis

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
        "img_new_quakes",
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
        "img_new_quakes",
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


def present_statuses(store) -> set[str]:
    """The map classes the store's objects have."""
    import sqlite3

    with contextlib.closing(sqlite3.connect(f"file:{store}?mode=ro", uri=True)) as conn:
        return {r[0] for r in conn.execute("SELECT DISTINCT status FROM objects")}


def test_new_quakes_from_a_file_end_in_an_english_dock_selectable_and_exported(
    plugin_zip, tmp_path, groningen_catalog
):
    """The night after a quake, in a QGIS whose interface is English: menu action, source
    question, file; the dock lists the moved objects readably; selection and CSV agree with it;
    the panel, the legend and the quake dates say what the rules say."""
    import re

    from domain.demo import build_demo
    from domain.presentation.dutch_time import dutch_date
    from domain.rules.status import MAP_STATUSES, status_label
    from domain.store.catalog_update_report import changes_header
    from tools.qgis_desktop import ENGLISH_INTERFACE

    store = tmp_path / "demo.gpkg"
    build_demo(str(store), objects=800, seed=7, catalog_path=str(groningen_catalog))
    quake = tmp_path / "zeerijp.txt"
    quake.write_text(
        "#EventID|Time|Latitude|Longitude|Depth/km|Author|Catalog|Contributor|ContributorID|"
        "MagType|Magnitude|MagAuthor|EventLocationName|EventType\n"
        "knmi2025zrp1|2025-11-14T20:15:00.000|53.3502|6.7497|3.0|KNMI|KNMI|KNMI|knmi2025zrp1|"
        "ML|3.4|KNMI|Zeerijp|induced or triggered event\n",
        encoding="utf-8",
    )
    before = present_statuses(store)
    out = ROOT / "build" / "e2e" / "catalog_update"
    result = run_qgis(
        plugin_zip,
        tmp_path / "profiles",
        HERE / "startup_catalog_update.py",
        out,
        extra_env={"IMG_STORE": str(store), "IMG_QUAKE_FILE": str(quake)},
        ini_extra=ENGLISH_INTERFACE,
    )
    assert result["ok"], result.get("traceback") or result.get("error")
    # the layers and the legend speak English; a map class carries the domain's label, so the
    # panel's "Map status" is a word the legend shows
    assert "Start areas (illustrative)" in result["layer_names"], result["layer_names"]
    assert "Parcels" in result["layer_names"]
    # the legend holds the classes the store's objects have (before the update, or after it
    # when the legend was refreshed by the update), in the domain's order and words
    after = present_statuses(store)
    shown = list(result["objects_legend"])
    assert set(before) <= set(shown) <= set(before) | set(after), (shown, before, after)
    assert shown == [s for s in MAP_STATUSES if s in shown]
    assert result["objects_legend"] == {s: status_label(s, "en") for s in shown}
    assert result["objects_legend_nodes"] == [status_label(s, "en") for s in shown]
    # the source question, in English, answered with "File…"
    assert result["question"].startswith("Where do the new quakes come from?")
    assert "File…" in result["buttons"]
    assert result["task_started"] and result["task_finished"]
    dock = result["dock"]
    assert dock["visible"] and dock["summary"].startswith("New quakes: 1")
    assert dock["headers"] == ["Object", "Address", "Quake", "PGV (mm/s)"]
    # the dock opens tall enough to read, with group titles across the columns
    assert dock["height"] >= dock["window_height"] * 0.35, dock
    groups = dock["groups"]
    assert [g["spanned"] for g in groups] == [True] * len(groups)
    assert groups[0]["title"].startswith("reopened after a final decision (")
    listed = sorted({int(row[0]) for g in groups for row in g["rows"]})
    assert groups[0]["rows"], "the Zeerijp quake reopens no object"
    for group in groups:
        for row in group["rows"]:
            assert re.fullmatch(r"\d+\.\d\d", row[3]), row  # two decimals, English point
            assert row[2] == "knmi2025zrp1 2025-11-14"
    assert groups[0]["tooltip"] and groups[0]["rows"][0][1] in groups[0]["tooltip"]
    # the map selection and the export hold exactly the listed objects
    assert result["selected_ids"] == listed
    csv = result["csv"]
    assert csv[0].split(";") == changes_header("en")
    assert sorted({int(line.split(";")[1]) for line in csv[1:]}) == listed
    # the panel of a reopened object: its map status, the new catalogue end, the new quake
    # marked as reopening, and every quake on its Dutch calendar date
    panel = result["panel"]
    assert panel["status_label"] == status_label(panel["status_code"], "en")
    assert panel["catalog_end"] == "quakes known up to 14 November 2025"
    by_event = {row[-1]: row for row in panel["quake_rows"]}
    assert panel["reopens_text"] in by_event["knmi2025zrp1"][5]
    late_evening = 0
    for event_id, time in panel["quake_times"].items():
        stamp = dt.datetime.fromisoformat(time.replace("Z", "+00:00"))
        assert by_event[event_id][0] == dutch_date(stamp).isoformat(), (event_id, time)
        late_evening += dutch_date(stamp) != stamp.date()
    assert late_evening >= 1, "no quake after 22:00 UTC to tell the two dates apart"
    # nothing critical, no Python error or warning in QGIS's message log (Qgis.Critical = 2)
    errors = [e for e in result["log"] if e[1] == 2 or e[0].startswith("Python")]
    assert not errors, errors
