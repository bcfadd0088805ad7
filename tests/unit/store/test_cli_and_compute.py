"""The store commands through the real CLI (its ``main`` in this process), and recomputation from a
real catalogue."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from domain.importers.bag import import_bag
from domain.store.compute import import_catalog, recompute_exposure, recompute_zones
from domain.store.schema import OBJECT_STATUSES, REVISIONS
from tests.support.cli import run_cli
from tests.unit.store.conftest import snapshot
from tests.unit.store.fixtures import good_vbo_rows, pand_rows_for, write_bag_gpkg, write_csv

ROOT = Path(__file__).resolve().parents[3]


def run(*args: str):
    """``imgschade ARGS`` through the CLI's own ``main`` in this process."""
    return run_cli(*args, cwd=ROOT)


def test_demo_info_and_json_through_the_cli(tmp_path):
    out = tmp_path / "d.gpkg"
    done = run("demo", "--out", str(out), "--objects", "300", "--seed", "2", "--json")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["counts"]["objects"] == 300 and summary["seed"] == 2
    assert set(summary["sample_object_ids"]) == {
        "reopened_after_final",
        "dh_to_check",
        "overdue_claim",
        "never_claimed",
        "handoff_present",
    }
    info = run("info", str(out), "--json")
    data = json.loads(info.stdout)
    assert data["counts"]["objects"] == 300 and data["schema_version"] == REVISIONS[-1]
    assert data["layers"]["objects"] == ["ogr", f"{out}|layername=objects"]
    text_out = run("--lang", "en", "info", str(out))
    assert text_out.returncode == 0 and "objects: 300" in text_out.stdout


def test_rejected_import_exits_2_with_every_problem_and_dry_run_writes_nothing(tmp_path):
    store = tmp_path / "s.gpkg"
    assert run("demo", "--out", str(store), "--objects", "50", "--seed", "1").returncode == 0
    bad = write_csv(
        tmp_path / "c.csv",
        ["claim_number", "object_id", "scheme", "submitted"],
        [["X1", "1", "magie", "2022-01-01"], ["X2", "999", "ims", "gisteren"]],
    )
    before = store.read_bytes()
    done = run("import-claims", str(store), str(bad), "--json")
    assert done.returncode == 2
    problems = json.loads(done.stderr)["problems"]
    assert [(p["line"], p["field"]) for p in problems] == [
        (2, "scheme"),
        (3, "object_id"),
        (3, "submitted"),
    ]
    assert store.read_bytes() == before
    good = write_csv(
        tmp_path / "g.csv",
        ["claim_number", "object_id", "scheme", "submitted"],
        [["X1", "1", "ims", "2022-01-01"]],
    )
    dry = run("import-claims", str(store), str(good), "--dry-run")
    assert dry.returncode == 0 and "proefrun" in dry.stdout
    assert store.read_bytes() == before
    assert run("import-claims", str(store), str(good)).returncode == 0
    assert store.read_bytes() != before


def test_unknown_store_schema_message_through_the_cli(tmp_path):
    missing = run("info", str(tmp_path / "none.gpkg"))
    assert missing.returncode == 2 and "bestaat niet" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_catalogue_import_computes_exposure_zones_and_status(
    empty_store, tmp_path, groningen_catalog
):
    vbos = good_vbo_rows(3)
    far = good_vbo_rows(1, start=4)[0]
    far["geom"] = __import__("shapely").Point(233500, 557000)  # Assen, far from the field
    import_bag(
        empty_store, write_bag_gpkg(tmp_path / "b.gpkg", [*vbos, far], pand_rows_for([*vbos, far]))
    )
    before = snapshot(empty_store)
    dry = import_catalog(empty_store, groningen_catalog, dry_run=True)
    assert dry.counts["quakes"] > 1000 and snapshot(empty_store) == before
    report = import_catalog(empty_store, groningen_catalog)
    assert (report.counts["areas_zone_6km"], report.counts["areas_effect_area"]) == (3, 1)
    near = empty_store.read_object(1)
    huizinge = [q for q in near.quakes_at_object if q.event_id == "knmi2012qcdh"]
    assert len(huizinge) == 1 and huizinge[0].ml == 3.6
    assert huizinge[0].epicentral_km == pytest.approx(
        ((245020 - 240544) ** 2 + (593503 - 596199) ** 2) ** 0.5 / 1000, abs=0.01
    )
    assert near.exposure.in_effect_area and near.exposure.count_ge_2 >= near.exposure.count_ge_5 > 0
    assert near.exposure.max_pgv_mm_s == max(q.pgv_mm_s for q in near.quakes_at_object)
    # in the DH area; the store holds no structural-defect or D3 facts, so "to be checked"
    assert near.areas.within_6km_zone and near.status == "dh_to_check"
    remote = empty_store.read_object(4)
    assert remote.areas.within_6km_zone is False
    assert remote.exposure.count_ge_5 == 0
    with empty_store.engine.connect() as conn:
        excluded = conn.execute(
            text("SELECT COUNT(*) FROM quakes WHERE counting = :f"), {"f": False}
        ).scalar()
    assert excluded == report.counts["excluded"] > 0
    again = recompute_exposure(empty_store)
    assert again["exposure_events"] == len(near.quakes_at_object) + sum(
        len(empty_store.read_object(i).quakes_at_object) for i in (2, 3, 4)
    )
    assert recompute_zones(empty_store) == {"zone_6km": 3, "effect_area": 1, "dh_area": 1}
    assert empty_store.read_object(1).areas.in_effect_area is True


def test_assess_and_scenario_through_the_cli(tmp_path):
    store = tmp_path / "s.gpkg"
    assert run("demo", "--out", str(store), "--objects", "300", "--seed", "4").returncode == 0
    done = run("assess", str(store), "--as-of", "2026-06-30", "--json")
    assert done.returncode == 0, done.stderr
    counts = json.loads(done.stdout)["counts"]
    assert sum(counts.values()) == 300
    assert set(counts) <= set(OBJECT_STATUSES)
    assert counts.get("dh_to_check", 0) > 0
    # one algorithm: the former quick "summary" method is gone
    assert run("assess", str(store), "--method", "summary").returncode != 0
    scen = run(
        "scenario",
        str(store),
        "--x",
        "245000",
        "--y",
        "593500",
        "--ml",
        "3.4",
        "--date",
        "2026-12-01",
        "--json",
    )
    assert scen.returncode == 0, scen.stderr
    data = json.loads(scen.stdout)
    assert data["totals"]["nulmeting"] > 0
    assert sum(m["nulmeting"] for m in data["per_municipality"]) == data["totals"]["nulmeting"]


def test_bad_catalogue_changes_nothing(empty_store, tmp_path):
    from domain.errors import InputError

    bad = tmp_path / "bevingen.csv"
    bad.write_text(
        "YYMMDD,TIME,LOCATION,LAT,LON,DEPTH,MAG,EVALMODE\n120816,xx,Huizinge,53.3,abc,3.0,3.6,M\n"
    )
    before = snapshot(empty_store)
    with pytest.raises(InputError) as err:
        import_catalog(empty_store, bad)
    assert err.value.problems and all(p.file.endswith("bevingen.csv") for p in err.value.problems)
    assert snapshot(empty_store) == before
