"""Every Mijnbouwschade algorithm through ``processing.run`` on a real demo GeoPackage."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from contextlib import contextmanager
from types import SimpleNamespace

import pytest
import shapely
from pyproj import Transformer
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
)
from sqlalchemy import text

from domain.demo import build_demo
from domain.presentation.text_format import number as format_number
from domain.rules.status import MAP_STATUSES
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
    from qgis import processing

    def run(name, params, feedback=None):
        return processing.run(f"{PROVIDER_ID}:{name}", params, feedback=feedback)

    yield run
    # by id: a test with the plugin's window swaps in the plugin's own provider meanwhile
    QgsApplication.processingRegistry().removeProvider(PROVIDER_ID)


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
        "import_boundaries",
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


# --- issue 16 point 6 / issue 15: the open store, steps, cancel, declared outputs ------------


class RecordingFeedback(QgsProcessingFeedback):
    """Records every progress value and every step text (with the progress when it came);
    cancels as soon as step ``cancel_at_step`` is announced, i.e. once the step before is done."""

    def __init__(self, cancel_at_step: int | None = None) -> None:
        super().__init__()
        self.values: list[float] = []
        self.texts: list[tuple[str, float]] = []
        self.cancel_at_step = cancel_at_step
        self.progressChanged.connect(self.values.append)

    def pushInfo(self, info: str) -> None:  # noqa: N802
        self.texts.append((info, self.progress()))
        if self.cancel_at_step and info.startswith(f"Stap {self.cancel_at_step} van "):
            self.cancel()
        super().pushInfo(info)

    def steps(self) -> list[str]:
        return [text for text, _ in self.texts if text.startswith("Stap ")]


_made: list = []  # Python must keep the instances whose definitions a test looks at


def _algorithm(name: str):
    """A fresh instance as a form or a run gets one (its parameters built at that moment)."""
    made = QgsApplication.processingRegistry().createAlgorithmById(f"{PROVIDER_ID}:{name}")
    _made.append(made)
    return made


def _counts(path) -> dict[str, int]:
    tables = ("quakes", "exposure_events", "areas", "claims", "objects")
    return {t: _count(path, f"SELECT COUNT(*) FROM {t}") for t in tables}


@contextmanager
def _plugin_window(interface):
    """The plugin as QGIS runs it: its window, and its own provider in place of this module's
    (the registry deletes a provider it removes, and refuses a second one with the same id)."""
    import img_qgis_plugin

    registry = QgsApplication.processingRegistry()
    registry.removeProvider(PROVIDER_ID)
    plugin = img_qgis_plugin.classFactory(interface)
    plugin.initGui()
    try:
        yield plugin
    finally:
        if plugin.provider is not None:
            plugin.unload()
        QgsProject.instance().clear()
        _made.append(ImgProcessingProvider())  # kept: the registry holds only a pointer
        registry.addProvider(_made[-1])


@pytest.fixture
def plugin_on(processing_run, qgis_iface):
    with _plugin_window(qgis_iface) as plugin:
        yield plugin


def test_store_parameter_defaults_to_the_store_the_plugin_has_open(
    processing_run, plugin_on, store_path, demo_master
):
    assert _algorithm("exposure").parameterDefinition("STORE").defaultValue() is None
    assert plugin_on.open_store(str(store_path))
    for name in ("import_catalog", "import_data", "exposure", "zones", "assess", "scenario"):
        assert _algorithm(name).parameterDefinition("STORE").defaultValue() == str(store_path)
    # a run without STORE works on the open store: the form needs nothing typed
    with open_store(str(store_path)) as store, store.engine.begin() as conn:
        conn.execute(text("UPDATE objects SET status = NULL"))
    results = processing_run("assess", {"AS_OF": "2025-01-01"})
    assert sum(results[s.upper()] for s in MAP_STATUSES) == 400
    assert _count(store_path, "SELECT COUNT(*) FROM objects WHERE status IS NULL") == 0
    # another store opened: the default follows; the store closed: empty again
    other = store_path.with_name("other.gpkg")
    shutil.copy(demo_master, other)
    assert plugin_on.open_store(str(other))
    assert _algorithm("zones").parameterDefinition("STORE").defaultValue() == str(other)
    plugin_on.controller.close_store()
    assert _algorithm("zones").parameterDefinition("STORE").defaultValue() is None


def test_unloading_the_plugin_forgets_the_open_store(processing_run, qgis_iface, store_path):
    from img_qgis_plugin.processing.open_store import open_store_default

    with _plugin_window(qgis_iface) as plugin:
        assert plugin.open_store(str(store_path))
        assert open_store_default() == str(store_path)
        plugin.unload()
        assert open_store_default() is None
    # as qgis_process has it (no window): nothing open, the parameter empty and required
    store = _algorithm("exposure").parameterDefinition("STORE")
    assert store.defaultValue() is None
    assert not store.flags() & Qgis.ProcessingParameterFlag.Optional


def test_a_postgis_store_defaults_to_its_connection_name_never_the_password(qgis_app):
    from qgis.core import QgsProviderRegistry

    from img_qgis_plugin.processing.open_store import follow, open_store_default, set_open_store

    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    uri = "dbname='schade' host=db.example port=5433 user='gemeente'"
    metadata.saveConnection(metadata.createConnection(uri, {}), "Schade productie")
    controller = SimpleNamespace(where="", layers={}, refresh=lambda: None)
    listener = follow(controller)
    try:
        # as connections.resolve gives it: the password from the auth manager, in memory
        controller.where = "postgresql://gemeente:geheim%21@db.example:5433/schade"
        listener("opened", set())
        assert open_store_default() == "postgres-connection:Schade productie"
        # an address typed by hand that no connection matches: kept, without its password
        controller.where = "postgresql://gemeente:geheim%21@elders.example/schade"
        listener("switched", set())
        assert open_store_default() == "postgresql://gemeente@elders.example/schade"
        controller.where = "service=schade"
        listener("switched", set())
        assert open_store_default() == "service=schade"
        listener("layers_removed", {"objects"})  # the store is still open
        assert open_store_default() == "service=schade"
        listener("closed", set())
        assert open_store_default() is None
    finally:
        metadata.deleteConnection("Schade productie")
        set_open_store("")


def test_a_connection_name_passes_the_store_parameter_and_is_looked_up(processing_run):
    # not "Incorrect parameter value": the STORE field takes more than GeoPackage files
    with pytest.raises(QgsProcessingException, match="Geen PostgreSQL-verbinding 'nergens'"):
        processing_run("exposure", {"STORE": "postgres-connection:nergens"})


def test_import_catalog_goes_through_its_five_steps_to_100(
    processing_run, store_path, groningen_catalog
):
    feedback = RecordingFeedback()
    results = processing_run(
        "import_catalog",
        {"STORE": str(store_path), "CATALOG": str(groningen_catalog)},
        feedback,
    )
    assert feedback.steps() == [
        "Stap 1 van 5: Catalogus lezen en controleren",
        "Stap 2 van 5: Bevingen opslaan",
        "Stap 3 van 5: Trillingen per object berekenen",
        "Stap 4 van 5: Kaartstatus bepalen",
        "Stap 5 van 5: Gebieden berekenen",
    ]
    # each step starts where the one before ended, and the bar never runs back
    starts = [at for text, at in feedback.texts if text.startswith("Stap ")]
    assert starts == pytest.approx([0.0, 20.0, 40.0, 60.0, 80.0])
    assert feedback.values == sorted(feedback.values)
    assert feedback.values[-1] == 100.0
    assert 0 < results["QUAKES"] <= _count(store_path, "SELECT COUNT(*) FROM quakes")


def test_a_dry_run_of_the_catalogue_is_one_step(processing_run, store_path, groningen_catalog):
    feedback = RecordingFeedback()
    params = {"STORE": str(store_path), "CATALOG": str(groningen_catalog), "DRY_RUN": True}
    results = processing_run("import_catalog", params, feedback)
    assert feedback.steps() == ["Stap 1 van 1: Catalogus lezen en controleren"]
    assert feedback.values[-1] == 100.0
    assert results["LAYERS"] == []  # nothing written, no layer to show
    assert results["SUMMARY"].startswith("Alleen gecontroleerd; er is niets geschreven.")


@pytest.mark.parametrize("cancel_at_step", [2, 4])
def test_cancelling_the_catalogue_import_after_a_step_leaves_the_store_as_it_was(
    processing_run, store_path, groningen_catalog, cancel_at_step
):
    # step 4 comes after the quakes and their exposure are written in the transaction
    before, counts = _hash(store_path), _counts(store_path)
    feedback = RecordingFeedback(cancel_at_step=cancel_at_step)
    with pytest.raises(QgsProcessingException, match="Gestopt door de gebruiker"):
        processing_run(
            "import_catalog",
            {"STORE": str(store_path), "CATALOG": str(groningen_catalog)},
            feedback,
        )
    assert len(feedback.steps()) == cancel_at_step  # it stopped right there
    assert _counts(store_path) == counts
    assert _hash(store_path) == before


def test_cancelling_an_import_after_reading_writes_nothing(processing_run, store_path, tmp_path):
    path = write_csv(
        tmp_path / "claims.csv",
        CLAIM_HEADER,
        [["SCH-2099-9", "1", "", "", "PX1", "ja", "vaste_vergoeding", "2024-03-01"] + [""] * 6],
    )
    before = _hash(store_path)
    params = {"STORE": str(store_path), "KIND": 3, "FILE": str(path)}
    feedback = RecordingFeedback(cancel_at_step=2)
    with pytest.raises(QgsProcessingException, match="Gestopt"):
        processing_run("import_data", params, feedback)
    assert feedback.steps() == [
        "Stap 1 van 2: Bestand lezen en controleren",
        "Stap 2 van 2: Opslaan in de opslag",
    ]
    assert _hash(store_path) == before
    feedback = RecordingFeedback()
    results = processing_run("import_data", params, feedback)
    assert results["CLAIMS"] == 1 and feedback.values[-1] == 100.0
    assert "LAYER" not in results  # claims are a table, not a map layer


def test_cancelling_assess_between_rules_and_writing_keeps_the_statuses(processing_run, store_path):
    with open_store(str(store_path)) as store, store.engine.begin() as conn:
        conn.execute(text("UPDATE objects SET status = NULL WHERE id % 2 = 0"))
    before = _hash(store_path)
    feedback = RecordingFeedback(cancel_at_step=2)
    with pytest.raises(QgsProcessingException, match="Gestopt"):
        processing_run("assess", {"STORE": str(store_path)}, feedback)
    assert feedback.steps()[0] == "Stap 1 van 2: Regels toepassen op elk object"
    assert _hash(store_path) == before


def test_exposure_and_zones_name_their_steps(processing_run, store_path):
    feedback = RecordingFeedback()
    processing_run("exposure", {"STORE": str(store_path)}, feedback)
    assert [s.split(": ", 1)[1] for s in feedback.steps()] == [
        "Trillingen per object berekenen",
        "Kaartstatus bepalen",
        "Effectgebied en Duurzaam herstel-gebied berekenen",
    ]
    assert feedback.values == sorted(feedback.values) and feedback.values[-1] == 100.0
    feedback = RecordingFeedback(cancel_at_step=2)
    before = _hash(store_path)
    with pytest.raises(QgsProcessingException, match="Gestopt"):
        processing_run("zones", {"STORE": str(store_path)}, feedback)
    assert _hash(store_path) == before


OUTPUT_TYPES = {
    "import_catalog": {"LAYERS": "outputMultilayer", "QUAKES": "outputNumber"},
    "import_data": {
        "LAYER": "outputVector",
        "CLAIMS": "outputNumber",
        "START_AREA": "outputNumber",
    },
    "exposure": {"LAYERS": "outputMultilayer", "EXPOSURE_EVENTS": "outputNumber"},
    "zones": {"LAYERS": "outputMultilayer", "ZONE_6KM": "outputNumber"},
    "assess": {"LAYER": "outputVector", "NO_CLAIM": "outputNumber"},
    "scenario": {
        "OUTPUT": "outputVector",
        "CONTOURS": "outputVector",
        "EPICENTRE_POINT": "outputVector",
        "REOPEN": "outputNumber",
    },
}


@pytest.mark.parametrize("name", sorted(OUTPUT_TYPES))
def test_outputs_are_declared_with_their_types(processing_run, name):
    outputs = {o.name(): o for o in _algorithm(name).outputDefinitions()}
    assert outputs["SUMMARY"].type() == "outputString"
    assert outputs["REPORT"].type() == "outputString"
    for key, kind in OUTPUT_TYPES[name].items():
        assert outputs[key].type() == kind, key
        assert outputs[key].description() and outputs[key].description() != key


def test_every_result_is_a_declared_output_and_the_summary_reads_as_text(
    processing_run, store_path, groningen_catalog
):
    from qgis.core import QgsVectorLayer

    results = processing_run(
        "import_catalog", {"STORE": str(store_path), "CATALOG": str(groningen_catalog)}
    )
    declared = {o.name() for o in _algorithm("import_catalog").outputDefinitions()}
    assert {"QUAKES", "OBJECTS", "EXPOSURE_EVENTS", "AREAS_ZONE_6KM"} <= set(results)
    assert {k for k in results if k != "EXCLUDED_QUAKES"} <= declared
    summary = results["SUMMARY"]
    quakes = _count(store_path, "SELECT COUNT(*) FROM quakes")
    assert f"Bevingen: {format_number(results['QUAKES'], 0, 'nl')}" in summary.splitlines()
    assert "{" not in summary and "areas_" not in summary
    # the layers it wrote, as sources QGIS opens: the quakes and the computed areas
    layers = [QgsVectorLayer(source, "x", "ogr") for source in results["LAYERS"]]
    assert all(layer.isValid() for layer in layers)
    by_table = {layer.source().split("layername=")[1].split("|")[0] for layer in layers}
    assert by_table == {"quakes", "objects", "areas"}
    assert max(layer.featureCount() for layer in layers) >= quakes


def test_an_import_into_another_store_loads_its_layer_styled(processing_run, store_path, tmp_path):
    from qgis import processing

    path = write_geojson(
        tmp_path / "start.geojson",
        [(shapely.box(239000, 589000, 241000, 591000), {"name": "Proefwijk"})],
        crs="EPSG:28992",
    )
    params = {"STORE": str(store_path), "KIND": 2, "FILE": str(path), "AREA_KIND": 4}
    results = processing.runAndLoadResults(f"{PROVIDER_ID}:import_data", params)
    try:
        assert results["START_AREA"] == 1
        loaded = [
            layer
            for layer in QgsProject.instance().mapLayers().values()
            if layer.source() == results["LAYER"]
        ]
        assert len(loaded) == 1
        stored = _count(store_path, "SELECT COUNT(*) FROM areas WHERE kind = 'start_area'")
        names = [f["name"] for f in loaded[0].getFeatures()]
        assert loaded[0].name() == "Startgebieden" and len(names) == stored
        assert "Proefwijk" in names
        assert loaded[0].renderer().type() == "categorizedSymbol"  # start_area.qml
    finally:
        QgsProject.instance().clear()


def test_an_import_into_the_open_store_redraws_the_plugin_layer(
    processing_run, plugin_on, store_path, tmp_path
):
    from qgis import processing

    assert plugin_on.open_store(str(store_path))
    start_areas = plugin_on.controller.layers["areas_start_area"]
    reloaded = []
    start_areas.dataProvider().dataChanged.connect(lambda: reloaded.append(True))
    path = write_geojson(
        tmp_path / "start.geojson",
        [(shapely.box(239000, 589000, 241000, 591000), {"name": "Proefwijk"})],
        crs="EPSG:28992",
    )
    layers_before = len(QgsProject.instance().mapLayers())
    # the form's default: the open store
    processing.runAndLoadResults(
        f"{PROVIDER_ID}:import_data", {"KIND": 2, "FILE": str(path), "AREA_KIND": 4}
    )
    assert reloaded  # the plugin's own layer re-read the store, no cached picture stays
    assert "Proefwijk" in {f["name"] for f in start_areas.getFeatures()}
    assert len(QgsProject.instance().mapLayers()) == layers_before  # no second copy


def test_scenario_writes_its_whole_footprint_styled_as_the_map_tool(processing_run, store_path):
    from qgis import processing

    params = {
        "STORE": str(store_path),
        "EPICENTRE": f"{EPICENTRE_RD[0]},{EPICENTRE_RD[1]} [EPSG:28992]",
        "ML": 3.6,
        "DEPTH": 3.0,
        "DATE": "2025-01-01",
        "OUTPUT": "memory:",
        "CONTOURS": "memory:",
        "EPICENTRE_POINT": "memory:",
    }
    feedback = RecordingFeedback()
    results = processing_run("scenario", params, feedback)
    assert [s.split(": ", 1)[1] for s in feedback.steps()] == [
        "Trillingen van de scenario-beving berekenen",
        "Lagen van de voetafdruk schrijven",
    ]
    contours = results["CONTOURS"]
    assert sorted(f["threshold_mm_s"] for f in contours.getFeatures()) == [2.0, 5.0]
    (epicentre,) = list(results["EPICENTRE_POINT"].getFeatures())
    assert epicentre.geometry().asPoint().x() == pytest.approx(EPICENTRE_RD[0])
    assert results["OUTPUT"].featureCount() == results["AFFECTED"] > 0
    loaded = processing.runAndLoadResults(
        f"{PROVIDER_ID}:scenario",
        {**params, "OUTPUT": "TEMPORARY_OUTPUT", "CONTOURS": "TEMPORARY_OUTPUT"},
    )
    try:
        layer = QgsProject.instance().mapLayer(loaded["CONTOURS"])
        assert layer.name() == "Scenario-contouren ML 3,6 (2025-01-01)"
        assert layer.renderer().type() == "categorizedSymbol" and layer.labelsEnabled()
    finally:
        QgsProject.instance().clear()


# --- issue 15 point 2: official boundaries ------------------------------------------------------
def test_import_boundaries_checks_imports_and_refuses_with_the_domain_message(
    processing_run, store_path, tmp_path
):
    """SYNTHETIC boundary geometry in the real CBS/PDOK layout (tests/support/boundary_files)."""
    from tests.support.boundary_files import write_gebiedsindelingen

    path = write_gebiedsindelingen(tmp_path / "cbsgebiedsindelingen.gpkg")
    algorithm = _algorithm("import_boundaries")
    assert algorithm.displayName() == "Gebiedsgrenzen importeren (CBS/PDOK)"
    assert algorithm.groupId() == "import"
    params = {"STORE": str(store_path), "FILE": str(path), "DRY_RUN": True}
    before = _hash(store_path)
    dry = processing_run("import_boundaries", params)
    assert dry["GEMEENTE"] == 3 and dry["WIJK"] == 2
    assert "Overgeslagen (buiten de regio): 1" in dry["SUMMARY"]
    assert _hash(store_path) == before
    # the older division, municipalities only (choices: 0 gemeente, 1 pc4, 2 wijk, 3 buurt)
    results = processing_run(
        "import_boundaries", {**params, "DRY_RUN": False, "KINDS": [0], "YEAR": 2023}
    )
    assert results["GEMEENTE"] == 2 and "WIJK" not in results
    assert "cbs_gemeente_2023_gegeneraliseerd" in results["SUMMARY"]
    assert _count(store_path, "SELECT COUNT(*) FROM boundaries WHERE year = 2023") == 2
    before = _hash(store_path)
    with pytest.raises(QgsProcessingException, match="'buurt'"):
        processing_run("import_boundaries", {**params, "DRY_RUN": False, "KINDS": [3]})
    assert _hash(store_path) == before


def test_steps_and_summary_follow_the_english_translation(processing_run, store_path):
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    from img_qgis_plugin.paths import resource

    translator = QTranslator()
    assert translator.load(resource("i18n", "img_qgis_plugin_en.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        feedback = RecordingFeedback()
        results = processing_run(
            "assess", {"STORE": str(store_path), "AS_OF": "2025-01-01"}, feedback
        )
    finally:
        QCoreApplication.removeTranslator(translator)
    texts = [text for text, _ in feedback.texts]
    assert texts[:2] == [
        "Step 1 of 2: Apply the rules to every object",
        "Step 2 of 2: Store the map status",
    ]
    assert f"No claim: {format_number(results['NO_CLAIM'], 0, 'en')}" in results["SUMMARY"]
