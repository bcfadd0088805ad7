"""Screens of the packaged plugin in the real QGIS desktop, written to ``build/screens/`` for a
reviewer, and checked there for what can be checked (issue #15, acceptance 2)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from tests.support.boundary_files import GEMEENTEN_2024, strip, write_gebiedsindelingen
from tools.qgis_desktop import run_qgis

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SCREENS = ROOT / "build" / "screens"
#: an image smaller than this holds next to nothing (an empty window compresses to a few kB)
SMALLEST_PNG = 10_000
#: where the synthetic reopening quake lies from the panel's object (m east) and how strong it is
SYNTHETIC_OFFSET_M = 800.0
SYNTHETIC_ML = 2.8
#: the scenario quake: between Loppersum and Zeerijp, over the demo's objects (RD New)
SCENARIO_XY = (246500.0, 594000.0)
SCENARIO_ML = 3.2
#: a whole count, the Dutch way ("1.234"), and a class of them ("12 – 40")
WHOLE = r"\d{1,3}(\.\d{3})*"
CLASS_LABEL = re.compile(rf"{WHOLE}( – {WHOLE})?")


def add_synthetic_reopening_quake(store_path: Path, object_id: int, tmp_path: Path) -> str:
    """A SYNTHETIC quake (KNMI file layout) close to ``object_id`` after its last final decision,
    strong enough to reopen it: the real catalogue ends in 2022, before the demo's decisions,
    so no real quake reopens a demo object. Returns the event id."""
    from osgeo import osr

    from domain.presentation.object_view import object_view
    from domain.store import open_store
    from domain.store.catalog_update import update_catalog_file

    with open_store(str(store_path)) as store:
        view = object_view(store.read_object(object_id), dt.date.today())
        last_final = dt.date.fromisoformat(view["last_final_decision"])
        day = min(last_final + dt.timedelta(days=60), dt.date.today() - dt.timedelta(days=1))
        rd, wgs84 = osr.SpatialReference(), osr.SpatialReference()
        rd.ImportFromEPSG(28992)
        wgs84.ImportFromEPSG(4326)
        for ref in (rd, wgs84):
            ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        to_wgs84 = osr.CoordinateTransformation(rd, wgs84)
        obj = view["object"]
        lon, lat, _ = to_wgs84.TransformPoint(obj["x"] + SYNTHETIC_OFFSET_M, obj["y"])
        event_id = f"syn{day:%Y%m%d}e2e"
        quake = tmp_path / "synthetic_reopening_quake.txt"
        quake.write_text(
            "#EventID|Time|Latitude|Longitude|Depth/km|Author|Catalog|Contributor|ContributorID|"
            "MagType|Magnitude|MagAuthor|EventLocationName|EventType\n"
            f"{event_id}|{day.isoformat()}T20:15:00.000|{lat:.5f}|{lon:.5f}|3.0|synthetic|"
            f"synthetic|synthetic|{event_id}|ML|{SYNTHETIC_ML}|synthetic|"
            "Loppersum (synthetisch)|induced or triggered event\n",
            encoding="utf-8",
        )
        update = update_catalog_file(store, str(quake))
        assert update.added == 1, update
    return event_id


def has_claims_reopening_and_handoff(store_path: Path, object_id: int) -> bool:
    from domain.presentation.object_view import object_view, quake_marks
    from domain.store import open_store

    with open_store(str(store_path)) as store:
        view = object_view(store.read_object(object_id), dt.date.today())
    if not view["claims"] or not view["handoffs"] or not view["last_final_decision"]:
        return False
    last_final = dt.date.fromisoformat(view["last_final_decision"])
    return any(
        "reopens" in quake_marks(q["pgv_mm_s"], dt.date.fromisoformat(q["time"][:10]), last_final)
        for q in view["quakes"]
    )


def check_image(facts: dict) -> None:
    name = Path(facts["path"]).name
    assert facts["readable"], name
    assert Path(facts["path"]).stat().st_size > SMALLEST_PNG, (name, facts)
    assert not facts["single_colour"], (name, facts)


def check_overview(overview: dict) -> None:
    """The choropleth on top of the plugin's layers, named for what it counts, whole classes."""
    assert overview["finished"] and overview.get("order"), overview
    kinds = [kind for _index, _name, kind in overview["order"]]
    position = kinds.index("overview")
    shown_results = overview["result_keys"]
    fills = [i for i, kind in enumerate(kinds) if kind not in (*shown_results, "overview", "")]
    results = [i for i, kind in enumerate(kinds) if kind in shown_results]
    assert fills and position < min(fills), overview["order"]
    # results on top: the choropleth is drawn above objects and quakes too
    assert len(results) == len(shown_results) and position < min(results), overview["order"]
    assert overview["title"].startswith(overview["title_base"]) and overview["counted"]
    assert overview["title"].endswith(overview["counted"]), overview
    assert overview["features"] > 0 and overview["labels"]
    assert overview["classes"], overview
    for low, high, label in overview["classes"]:
        assert float(low).is_integer() and float(high).is_integer(), (low, high)
        assert CLASS_LABEL.fullmatch(label), label
    assert overview["legend_nodes"] == [label for _low, _high, label in overview["classes"]]
    check_image(overview["image"])


def objects_per_gemeente(store_path: Path) -> dict[str, int]:
    """An independent count: the store's object points (OGR) in each synthetic municipality
    (shapely, border included, first polygon wins as in the fixture's order)."""
    import shapely
    from osgeo import ogr

    areas = [(name, strip(x0, x1)) for _code, name, x0, x1 in GEMEENTEN_2024]
    counts = dict.fromkeys((name for name, _area in areas), 0)
    source = ogr.Open(str(store_path))
    for feature in source.GetLayerByName("objects"):
        point = shapely.from_wkb(bytes(feature.GetGeometryRef().ExportToWkb()))
        name = next((name for name, area in areas if area.covers(point)), None)
        if name is not None:
            counts[name] += 1
    return {name: n for name, n in counts.items() if n}


def test_screens_of_map_panel_dossier_atlas_overview_scenario(
    plugin_zip, tmp_path, groningen_catalog
):
    from domain.demo import build_demo

    store = tmp_path / "demo.gpkg"
    summary = build_demo(str(store), objects=1500, seed=7, catalog_path=str(groningen_catalog))
    # the panel's object: claims, a hand-off and (after the synthetic quake) a reopening quake
    object_id = summary.sample_object_ids["handoff_present"]
    assert object_id is not None, summary.sample_object_ids
    event_id = add_synthetic_reopening_quake(store, object_id, tmp_path)
    assert has_claims_reopening_and_handoff(store, object_id), object_id

    SCREENS.mkdir(parents=True, exist_ok=True)
    for old in SCREENS.glob("*.png"):
        old.unlink()
    result = run_qgis(
        plugin_zip,
        tmp_path / "profiles",
        HERE / "startup_screens.py",
        ROOT / "build" / "e2e" / "screens",
        extra_env={
            "IMG_STORE": str(store),
            "IMG_OBJECT": str(object_id),
            "IMG_SCREENS_DIR": str(SCREENS),
            "IMG_START_AREA": "Loppersum",
            "IMG_BOUNDARIES": str(write_gebiedsindelingen(tmp_path / "gebiedsindelingen.gpkg")),
            "IMG_SCENARIO_XY": ",".join(str(v) for v in SCENARIO_XY),
            "IMG_SCENARIO_ML": str(SCENARIO_ML),
        },
        timeout=180,
    )
    assert result["ok"], result.get("traceback") or result.get("error")

    # 1. the map: the plugin's layers in the main window
    assert {"Objecten", "Bevingen", "Percelen"} <= {
        name.split(" (")[0] for name in result["layer_names"]
    }, result["layer_names"]
    check_image(result["map"]["image"])

    # 2. the panel, docked at QGIS's default dock width: nothing sticks out, no tab cut off
    panel = result["panel"]
    assert panel["object_id"] == str(object_id)
    assert panel["visible"] and panel["docked"] and panel["right_dock_area"]
    assert panel["width"] == panel["default_width"], panel
    assert panel["elided_tabs"] == [], panel
    assert panel["title"] and panel["title_fits"], panel
    for tab, facts in panel["tabs"].items():
        assert facts["clipped"] == [], tab
        check_image(facts["image"])
    assert panel["claim_rows"] == panel["view_claims"] > 0
    assert panel["view_handoffs"] > 0
    check_image(panel["image"])

    # 3. the dossier: fits, marks its object, legend, scale bar, north arrow
    dossier = result["dossier"]
    assert dossier["problems"] == [], dossier["problems"]
    assert dossier["highlighted"] == object_id
    assert any(lg["map"] and lg["entries"] >= 1 for lg in dossier["legends"]), dossier["legends"]
    assert True in dossier["scale_bars"], dossier
    assert [True, "NorthArrow_02.svg"] in dossier["north_arrows"], dossier
    assert dossier["pages"] == len(dossier["images"]) >= 2
    assert [Path(i["path"]).name for i in dossier["images"]][0] == "dossier_p1.png"
    for image in dossier["images"]:
        check_image(image)
    assert dossier["map_page"] == 0
    # the page is A4 at the export dpi (QGIS rounds the pixel size down)
    got, wanted = dossier["page_px"], dossier["page_px_expected"]
    assert all(abs(g - w) <= 1 for g, w in zip(got, wanted)), (got, wanted)
    # the object's highlight colour is drawn inside the map's rectangle of page 1
    assert dossier["highlight_pixels_in_map"] >= 20, dossier
    assert dossier["highlight_pixels_outside_map"] == 0, dossier  # the tables below: none

    # 4. the atlas of a start area: every page fits, every map has its scale bar
    atlas = result["atlas"]
    assert "Loppersum" in atlas["area"][1]
    assert atlas["problems"] == [], atlas["problems"]
    assert atlas["count"] >= 2 and len(atlas["images"]) == atlas["count"], atlas
    for number, page in enumerate(atlas["pages"]):
        assert page["maps"] and sorted(page["scale_bars_of"]) == sorted(page["maps"]), number
    assert Path(atlas["images"][0]["path"]).name == "atlas_p1.png"
    for image in atlas["images"]:
        check_image(image)

    # 5. the overview: above every other plugin layer, a legend title saying what it counts, whole
    # classes; first on approximated areas, then on the official boundaries imported in QGIS
    check_overview(result["overview"])
    official = result["overview_boundaries"]
    check_overview(official)
    assert official["imported"].get("GEMEENTE") == len(GEMEENTEN_2024), official["imported"]
    assert "benadering" not in official["title"].lower(), official["title"]
    assert official["title_base"] == "Gemeenten", official
    assert official["counted"] == "Objecten", official
    assert official["per_area"] == objects_per_gemeente(store), official["per_area"]
    # with three areas, no legend row that colours none of them
    for low, high, label in official["classes"]:
        assert any(low <= n <= high for n in official["per_area"].values()), label

    # 6. the scenario: epicentre and 2 / 5 mm/s contours in their own palette, a table with rows
    scenario = result["scenario"]
    assert scenario["tool_was_scenario"] and "dialog" in scenario, scenario
    assert len(scenario["footprint"]) == 3 and all(scenario["in_project"]), scenario
    assert scenario["epicentre_features"] == 1
    assert scenario["contour_thresholds"] == [2.0, 5.0], scenario
    historic = set(scenario["historic_colours"])
    assert historic, "the quakes layer has no symbol colours"
    for own in ("epicentre_colours", "contour_colours", "affected_colours"):
        assert scenario[own] and not set(scenario[own]) & historic, (own, scenario)
    changes = scenario["changes"]
    assert changes["rows"] > 0 and changes["sorting"], changes
    check_image(changes["image"])
    check_image(scenario["image"])

    # nothing critical and no Python error in QGIS's message log (Qgis.Critical = 2)
    errors = [e for e in result["log"] if e[1] == 2 or e[0].startswith("Python")]
    assert not errors, errors
    # every screen is where the reviewer looks for it
    screens = ("map.png", "panel.png", "dossier_p1.png", "atlas_p1.png", "overview.png")
    for name in (*screens, "overview_boundaries.png"):
        assert (SCREENS / name).stat().st_size > SMALLEST_PNG, name
    assert (SCREENS / "scenario.png").stat().st_size > SMALLEST_PNG
    assert event_id.startswith("syn")  # the reopening quake is labelled synthetic
