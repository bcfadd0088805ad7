"""Every Mijnbouwschade algorithm through ``processing.run`` on a real demo GeoPackage."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest
import shapely
from pyproj import Transformer
from qgis.core import QgsApplication, QgsProcessingException, QgsProcessingFeedback
from sqlalchemy import text

from domain.demo import build_demo
from domain.store import open_store
from domain.store.scenario import run_scenario
from img_qgis_plugin.processing.provider import PROVIDER_ID, ImgProcessingProvider
from tests.unit.store.conftest import snapshot
from tests.unit.store.fixtures import write_csv, write_geojson, write_vector

EPICENTRE_RD = (240000.0, 590000.0)


@pytest.fixture(scope="module")
def processing_run(qgis_app):
    from processing.core.Processing import Processing

    Processing.initialize()
    provider = ImgProcessingProvider()
    assert QgsApplication.processingRegistry().addProvider(provider)
    import processing

    def run(name, params, feedback=None):
        return processing.run(f"{PROVIDER_ID}:{name}", params, feedback=feedback)

    yield run
    QgsApplication.processingRegistry().removeProvider(provider)


@pytest.fixture(scope="module")
def demo_master(tmp_path_factory):
    path = tmp_path_factory.mktemp("processing") / "master.gpkg"
    build_demo(str(path), objects=400, seed=5)
    return path


@pytest.fixture
def store_path(demo_master, tmp_path):
    path = tmp_path / "store.gpkg"
    shutil.copy(demo_master, path)
    return path


def _count(path, sql: str) -> int:
    with open_store(str(path)) as store, store.engine.connect() as conn:
        return int(conn.execute(text(sql)).scalar())


def _hash(path) -> str:
    with open_store(str(path)) as store:
        return snapshot(store)


def test_provider_lists_every_algorithm_with_dutch_names_and_help(processing_run):
    provider = QgsApplication.processingRegistry().providerById(PROVIDER_ID)
    names = {a.name(): a for a in provider.algorithms()}
    assert set(names) == {
        "import_catalog",
        "import_data",
        "exposure",
        "zones",
        "assess",
        "scenario",
        "demo",
    }
    assert names["scenario"].displayName() == "Scenario-beving"
    assert names["exposure"].groupId() == "compute"
    assert all(a.shortHelpString() for a in names.values())


def test_demo_builds_a_store_with_the_asked_objects(processing_run, tmp_path):
    out = tmp_path / "new.gpkg"
    results = processing_run("demo", {"OUT": str(out), "OBJECTS": 250, "SEED": 2})
    assert results["OBJECTS"] == 250 and results["OUT"] == str(out)
    assert _count(out, "SELECT COUNT(*) FROM objects") == 250
    assert json.loads(results["REPORT"])["seed"] == 2


def test_cancelling_demo_writes_nothing_and_keeps_an_existing_file(processing_run, tmp_path):
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda _p: feedback.cancel())
    fresh = tmp_path / "fresh.gpkg"
    with pytest.raises(QgsProcessingException, match="Gestopt"):
        processing_run("demo", {"OUT": str(fresh), "OBJECTS": 300, "SEED": 1}, feedback)
    assert not fresh.exists()

    existing = tmp_path / "existing.gpkg"
    existing.write_bytes(b"keep me")
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda _p: feedback.cancel())
    with pytest.raises(QgsProcessingException):
        processing_run("demo", {"OUT": str(existing), "OBJECTS": 300, "SEED": 1}, feedback)
    assert existing.read_bytes() == b"keep me"


def test_exposure_recomputes_and_reports_counts(processing_run, store_path):
    with open_store(str(store_path)) as store, store.engine.begin() as conn:
        conn.execute(text("DELETE FROM exposure_events"))
    assert _count(store_path, "SELECT COUNT(*) FROM exposure_events") == 0
    results = processing_run("exposure", {"STORE": str(store_path)})
    stored = _count(store_path, "SELECT COUNT(*) FROM exposure_events")
    assert stored > 0 and results["EXPOSURE_EVENTS"] == stored
    assert results["OBJECTS"] == 400


def test_cancelling_exposure_leaves_the_store_unchanged(processing_run, store_path):
    before = _hash(store_path)
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda _p: feedback.cancel())
    with pytest.raises(QgsProcessingException, match="Gestopt"):
        processing_run("exposure", {"STORE": str(store_path)}, feedback)
    assert _hash(store_path) == before


def test_zones_replaces_the_computed_areas(processing_run, store_path):
    with open_store(str(store_path)) as store, store.engine.begin() as conn:
        conn.execute(text("DELETE FROM areas WHERE kind = 'zone_6km'"))
    results = processing_run("zones", {"STORE": str(store_path)})
    stored = _count(store_path, "SELECT COUNT(*) FROM areas WHERE kind = 'zone_6km'")
    assert stored >= 1 and results["ZONE_6KM"] == stored


def test_assess_counts_every_object_once_and_refuses_a_bad_date(processing_run, store_path):
    results = processing_run("assess", {"STORE": str(store_path), "AS_OF": "2025-01-01"})
    counts = json.loads(results["REPORT"])["counts"]
    assert sum(counts.values()) == 400
    with pytest.raises(QgsProcessingException, match="AS_OF: '2025-13-01'.*JJJJ-MM-DD"):
        processing_run("assess", {"STORE": str(store_path), "AS_OF": "2025-13-01"})


def test_import_catalog_dry_run_writes_nothing_then_imports(
    processing_run, store_path, groningen_catalog
):
    before = _hash(store_path)
    dry = processing_run(
        "import_catalog",
        {"STORE": str(store_path), "CATALOG": str(groningen_catalog), "DRY_RUN": True},
    )
    assert json.loads(dry["REPORT"])["dry_run"] is True and dry["QUAKES"] > 0
    assert _hash(store_path) == before
    done = processing_run(
        "import_catalog", {"STORE": str(store_path), "CATALOG": str(groningen_catalog)}
    )
    assert _count(store_path, "SELECT COUNT(*) FROM quakes") >= done["QUAKES"] == dry["QUAKES"]


CLAIM_HEADER = [
    "claim_number",
    "object_id",
    "postcode",
    "huisnummer",
    "applicant_id",
    "applicant_natural",
    "scheme",
    "submitted",
    "decided",
    "outcome",
    "amount",
    "final",
    "objection",
    "status",
]


def test_import_claims_dry_run_then_for_real(processing_run, store_path, tmp_path):
    path = write_csv(
        tmp_path / "claims.csv",
        CLAIM_HEADER,
        [
            [
                "SCH-2099-1",
                "1",
                "",
                "",
                "PX1",
                "ja",
                "vaste_vergoeding",
                "2024-03-01",
                "",
                "",
                "",
                "",
                "",
                "",
            ],
        ],
    )
    before = _count(store_path, "SELECT COUNT(*) FROM claims")
    params = {"STORE": str(store_path), "KIND": 3, "FILE": str(path), "DRY_RUN": True}
    processing_run("import_data", params)
    assert _count(store_path, "SELECT COUNT(*) FROM claims") == before
    params["DRY_RUN"] = False
    results = processing_run("import_data", params)
    assert results["CLAIMS"] == 1
    assert _count(store_path, "SELECT COUNT(*) FROM claims") == before + 1


def test_import_error_names_file_row_and_field(processing_run, store_path, tmp_path):
    path = write_csv(
        tmp_path / "bad.csv",
        CLAIM_HEADER,
        [
            [
                "SCH-2099-2",
                "1",
                "",
                "",
                "PX1",
                "ja",
                "vaste_vergoeding",
                "2024-13-01",
                "",
                "",
                "",
                "",
                "",
                "",
            ],
        ],
    )
    before = _hash(store_path)
    with pytest.raises(QgsProcessingException, match=r"bad\.csv:2:submitted"):
        processing_run("import_data", {"STORE": str(store_path), "KIND": 3, "FILE": str(path)})
    assert _hash(store_path) == before


def test_import_areas_needs_and_uses_the_area_kind(processing_run, store_path, tmp_path):
    path = write_geojson(
        tmp_path / "start.geojson",
        [(shapely.box(239000, 589000, 241000, 591000), {"name": "Proefwijk"})],
        crs="EPSG:28992",
    )
    params = {"STORE": str(store_path), "KIND": 2, "FILE": str(path)}
    with pytest.raises(QgsProcessingException, match="AREA_KIND"):
        processing_run("import_data", params)
    processing_run("import_data", {**params, "AREA_KIND": 4})  # start_area
    assert (
        _count(
            store_path,
            "SELECT COUNT(*) FROM areas WHERE kind = 'start_area' AND name = 'Proefwijk'",
        )
        == 1
    )


def test_a_shapefile_without_prj_needs_the_crs_parameter(processing_run, store_path, tmp_path):
    path = write_vector(
        tmp_path / "wijk.shp",
        [(shapely.box(239000, 589000, 241000, 591000), {"name": "Proefwijk"})],
        srs=None,
    )
    assert not path.with_suffix(".prj").exists()
    params = {"STORE": str(store_path), "KIND": 2, "FILE": str(path), "AREA_KIND": 4}
    before = _hash(store_path)
    with pytest.raises(QgsProcessingException, match=r"wijk\.shp"):
        processing_run("import_data", params)
    assert _hash(store_path) == before
    processing_run("import_data", {**params, "CRS": "EPSG:28992"})
    assert (
        _count(
            store_path,
            "SELECT COUNT(*) FROM areas WHERE kind = 'start_area' AND name = 'Proefwijk'",
        )
        == 1
    )


def test_scenario_layer_matches_the_counts_and_the_store_function(processing_run, store_path):
    params = {
        "STORE": str(store_path),
        "EPICENTRE": f"{EPICENTRE_RD[0]},{EPICENTRE_RD[1]} [EPSG:28992]",
        "ML": 3.6,
        "DEPTH": 3.0,
        "DATE": "2025-01-01",
        "OUTPUT": "memory:",
    }
    results = processing_run("scenario", params)
    layer = results["OUTPUT"]
    assert layer.crs().authid() == "EPSG:28992"
    features = list(layer.getFeatures())
    assert len(features) == results["AFFECTED"] > 0
    assert sum(bool(f["reopen"]) for f in features) == results["REOPEN"]
    assert sum(bool(f["nulmeting"]) for f in features) == results["NULMETING"]
    assert sum(bool(f["new_in_effect_area"]) for f in features) == results["NEW_IN_EFFECT_AREA"]
    assert min(f["pgv_mm_s"] for f in features) >= 2.0
    # nulmeting is PGV ≥ 5 mm/s, reopen needs PGV > 5 mm/s
    assert all(bool(f["nulmeting"]) == (f["pgv_mm_s"] >= 5.0) for f in features)
    assert all(f["pgv_mm_s"] > 5.0 for f in features if f["reopen"])
    with open_store(str(store_path)) as store:
        counted = run_scenario(store, *EPICENTRE_RD, 3.6, 3.0, dt.date(2025, 1, 1))
    assert counted["totals"] == {
        "reopen": results["REOPEN"],
        "nulmeting": results["NULMETING"],
        "new_in_effect_area": results["NEW_IN_EFFECT_AREA"],
    }


def test_scenario_epicentre_in_wgs84_is_transformed_to_rd(processing_run, store_path):
    lon, lat = Transformer.from_crs(28992, 4326, always_xy=True).transform(*EPICENTRE_RD)
    common = {
        "STORE": str(store_path),
        "ML": 3.0,
        "DEPTH": 3.0,
        "DATE": "2025-01-01",
        "OUTPUT": "memory:",
    }
    rd = processing_run(
        "scenario", {**common, "EPICENTRE": f"{EPICENTRE_RD[0]},{EPICENTRE_RD[1]} [EPSG:28992]"}
    )
    wgs = processing_run("scenario", {**common, "EPICENTRE": f"{lon},{lat} [EPSG:4326]"})
    assert wgs["AFFECTED"] == rd["AFFECTED"] > 0
    assert wgs["NULMETING"] == rd["NULMETING"]
    far = processing_run("scenario", {**common, "EPICENTRE": "120000,480000 [EPSG:28992]"})
    assert far["AFFECTED"] == 0 and far["OUTPUT"].featureCount() == 0


def test_missing_store_is_reported_with_its_name(processing_run, tmp_path):
    with pytest.raises(QgsProcessingException, match="nergens.gpkg"):
        processing_run("exposure", {"STORE": str(tmp_path / "nergens.gpkg")})


def test_names_and_help_are_english_with_the_english_translation(qgis_app):
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    from img_qgis_plugin.paths import resource
    from img_qgis_plugin.processing.store_algorithms import ExposureAlgorithm

    translator = QTranslator()
    assert translator.load(resource("i18n", "img_qgis_plugin_en.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        algorithm = ExposureAlgorithm()
        assert algorithm.displayName() == "Recompute vibration per object"
        assert algorithm.group() == "Compute"
        assert algorithm.shortHelpString().startswith("Computes for every object")
    finally:
        QCoreApplication.removeTranslator(translator)
    assert ExposureAlgorithm().displayName() == "Trillingen per object herberekenen"
