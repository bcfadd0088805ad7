"""Component, exceedance and VS30 source feed every store computation and are recorded."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from domain import policy
from domain.case.motion import site_shakings
from domain.errors import InputError
from domain.groundmotion.exposure import Cancelled
from domain.groundmotion.vs30 import load_vs30_table
from domain.importers.bag import import_bag
from domain.importers.catalog import load_catalog
from domain.store.compute import import_catalog, recompute_exposure, recompute_with_settings
from domain.store.motion_settings import (
    DEFAULT_MOTION,
    MotionSettings,
    motion_with,
    store_motion_settings,
)
from domain.store.scenario import run_scenario
from tests.conftest import shared_data
from tests.unit.store.conftest import snapshot
from tests.unit.store.fixtures import good_vbo_rows, pand_rows_for, write_bag_gpkg


@pytest.fixture
def computed_store(empty_store, tmp_path, groningen_catalog):
    vbos = good_vbo_rows(4)
    import_bag(empty_store, write_bag_gpkg(tmp_path / "b.gpkg", vbos, pand_rows_for(vbos)))
    with empty_store.engine.begin() as conn:  # one object with a VS30 of its own
        conn.execute(text("UPDATE objects SET vs30 = 400 WHERE id = 2"))
    import_catalog(empty_store, groningen_catalog)
    return empty_store


def _stored_pgv(store, object_id: int) -> dict[str, float]:
    return {q.event_id: q.pgv_mm_s for q in store.read_object(object_id).quakes_at_object}


def _expected_pgv(catalog, record, vs30, motion) -> dict[str, float]:
    return {
        s.event_id: s.pgv_mm_s
        for s in site_shakings(
            catalog,
            record.x,
            record.y,
            vs30,
            motion.ground_motion(),
            floor_mm_s=policy.STORE_EXPOSURE_FLOOR_MM_S,
        )
    }


def test_import_records_the_defaults_and_a_store_without_records_reads_them(computed_store):
    assert store_motion_settings(computed_store) == DEFAULT_MOTION
    with computed_store.engine.begin() as conn:
        conn.execute(text("DELETE FROM store_info"))
    assert store_motion_settings(computed_store) == DEFAULT_MOTION


@pytest.mark.parametrize(
    "motion",
    [
        MotionSettings(component="geomean", exceedance=0.05),
        MotionSettings(vs30_source="default"),
        MotionSettings(vs30_source="pc4", vs30_table=load_vs30_table(shared_data("vs30_pc4.csv"))),
    ],
    ids=["geomean-5pct", "fixed-vs30", "pc4-table"],
)
def test_recompute_with_settings_changes_every_pgv_and_records_them(
    computed_store, groningen_catalog, motion
):
    catalog = load_catalog(groningen_catalog)
    before = _stored_pgv(computed_store, 2)
    result = recompute_with_settings(computed_store, motion)
    assert store_motion_settings(computed_store) == motion
    assert set(result["areas"]) == {"effect_area", "dh_area"}
    for object_id in (1, 2):
        record = computed_store.read_object(object_id)
        own = 400.0 if object_id == 2 else None
        vs30 = motion.vs30_of(own, "9919")
        expected = _expected_pgv(catalog, record, vs30, motion)
        stored = _stored_pgv(computed_store, object_id)
        assert stored.keys() == expected.keys()
        for event_id, pgv in expected.items():
            assert stored[event_id] == pytest.approx(pgv, abs=1e-3)
    assert _stored_pgv(computed_store, 2) != before
    with computed_store.engine.connect() as conn:
        sources = [
            r[0] for r in conn.execute(text("SELECT source FROM areas WHERE kind = 'effect_area'"))
        ]
    assert sources and all(motion.component in s for s in sources)
    # a later plain recompute and the scenario use the recorded settings, not the defaults
    recompute_exposure(computed_store)
    assert store_motion_settings(computed_store) == motion
    assert run_scenario(computed_store, 245100, 593520, 3.0, 3.0, "2030-01-01")["motion"] == (
        motion.describe()
    )


def test_a_cancelled_recompute_leaves_store_and_settings_as_they_were(computed_store):
    before = snapshot(computed_store)

    def cancel():
        return True

    with pytest.raises(Cancelled):
        recompute_with_settings(computed_store, MotionSettings(component="maxrot"), cancel=cancel)
    assert snapshot(computed_store) == before
    assert store_motion_settings(computed_store) == DEFAULT_MOTION


def test_bad_settings_are_input_errors_that_say_what_to_do():
    with pytest.raises(InputError) as pc4:
        MotionSettings(vs30_source="pc4")
    assert "--vs30-table" in pc4.value.problems[0].hint
    with pytest.raises(InputError):
        MotionSettings(vs30_source="soil")
    with pytest.raises(InputError):
        MotionSettings(exceedance=1.5)
    # a table alone means the PC4 source; the other fields stay as the base has them
    base = MotionSettings(component="geomean")
    chosen = motion_with(base, vs30_table=str(shared_data("vs30_pc4.csv")))
    assert (chosen.component, chosen.vs30_source, chosen.vs30_table["9919"]) == (
        "geomean",
        "pc4",
        178.7,
    )


def test_the_cli_takes_the_settings_and_reports_them(tmp_path, groningen_catalog):
    from domain.store import create_store, open_store
    from tests.unit.store.test_cli_and_compute import run

    where = str(tmp_path / "cli.gpkg")
    store = create_store(where)
    vbos = good_vbo_rows(2)
    import_bag(store, write_bag_gpkg(tmp_path / "b.gpkg", vbos, pand_rows_for(vbos)))
    store.close()
    done = run("import-catalog", where, str(groningen_catalog), "--component", "geomean")
    assert done.returncode == 0, done.stderr
    assert "geometrisch gemiddelde" in done.stdout  # the text says which settings were used
    done = run("exposure", where, "--vs30-source", "default", "--exceedance", "0.1", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["motion"]["vs30_source"] == "default" and data["motion"]["exceedance"] == 0.1
    store = open_store(where)
    try:
        assert store_motion_settings(store) == MotionSettings(
            component="geomean", exceedance=0.1, vs30_source="default"
        )
    finally:
        store.close()
    done = run("exposure", where, "--vs30-source", "pc4")
    assert done.returncode != 0 and "--vs30-table" in done.stderr + done.stdout
    assert "Traceback" not in done.stderr
