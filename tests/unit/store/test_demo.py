"""The demo store: deterministic, realistic volumes, every notable situation present."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from domain.demo import build_demo
from domain.demo.people import DEMO_AS_OF
from domain.demo.places import DEMO_REFERENCE_OBJECTS, IMG_REPORTS_PER_YEAR
from domain.store import open_store
from domain.store.schema import TABLE_ORDER


def _dump(location: str) -> dict:
    store = open_store(location)
    out = {}
    with store.engine.connect() as conn:
        for table in (*TABLE_ORDER, "gpkg_geometry_columns"):
            geom = "geom" if table in ("objects", "parcels", "quakes", "areas") else None
            cols = [r[1] for r in conn.execute(text(f"PRAGMA table_info({table})"))]
            order = ", ".join(f'"{c}"' for c in cols)
            out[table] = conn.execute(text(f"SELECT {order} FROM {table} ORDER BY {order}")).all()
            if geom:
                assert all(r[cols.index("geom")] is not None for r in out[table])
    store.close()
    return out


def test_same_seed_gives_identical_store_row_by_row(tmp_path):
    a, b, c = tmp_path / "a.gpkg", tmp_path / "b.gpkg", tmp_path / "c.gpkg"
    build_demo(str(a), objects=300, seed=5)
    build_demo(str(b), objects=300, seed=5)
    build_demo(str(c), objects=300, seed=6)
    dump_a, dump_b, dump_c = _dump(str(a)), _dump(str(b)), _dump(str(c))
    for table in dump_a:
        assert dump_a[table] == dump_b[table], table
    assert dump_a["objects"] != dump_c["objects"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.gpkg"
    summary = build_demo(str(path), objects=3000, seed=7)
    store = open_store(str(path))
    yield store, summary
    store.close()


def test_claim_volumes_follow_img_years_scaled(demo):
    store, summary = demo
    with store.engine.connect() as conn:
        per_year = dict(
            conn.execute(
                text("SELECT substr(submitted, 1, 4), COUNT(*) FROM claims GROUP BY 1")
            ).all()
        )
    for year, reports, _share, _paid in IMG_REPORTS_PER_YEAR:
        expected = round(reports * 3000 / DEMO_REFERENCE_OBJECTS)
        # objects built after a year cannot claim in it; the shortfall is small
        assert expected * 0.9 - 1 <= per_year.get(str(year), 0) <= expected, year
    assert max(per_year) == "2026"
    with store.engine.connect() as conn:
        last = conn.execute(text("SELECT MAX(submitted) FROM claims")).scalar()
    assert last <= DEMO_AS_OF.isoformat()


def test_sample_objects_show_their_situation(demo):
    store, summary = demo
    samples = summary.sample_object_ids
    assert all(v is not None for v in samples.values()), samples
    reopened = store.read_object(samples["reopened_after_final"])
    finals = [c.decided for c in reopened.claims if c.final]
    assert finals and any(
        q.pgv_mm_s > 5.0 and q.time.date() > max(finals) for q in reopened.quakes_at_object
    )
    dh = store.read_object(samples["dh_to_check"])
    assert dh.status == "dh_to_check" and dh.exposure.count_ge_5_before_2026 >= 4
    strong_before = [
        q for q in dh.quakes_at_object if q.pgv_mm_s >= 5.0 and q.time < dt.datetime(2026, 1, 1)
    ]
    assert len(strong_before) == dh.exposure.count_ge_5_before_2026
    overdue = store.read_object(samples["overdue_claim"])
    assert any(
        c.status == "open" and c.submitted + dt.timedelta(weeks=8) < DEMO_AS_OF
        for c in overdue.claims
    )
    never = store.read_object(samples["never_claimed"])
    assert never.claims == [] and never.status == "no_claim"
    assert store.read_object(samples["handoff_present"]).handoffs


def test_areas_are_labelled_illustrative(demo):
    store, _ = demo
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT kind, name, origin FROM areas")).all()
    subsidence = [r for r in rows if r[0] == "subsidence"]
    start = [r for r in rows if r[0] == "start_area"]
    assert len(subsidence) == 12 and len(start) == 3
    assert all("illustratief" in r[1] and r[2] == "illustrative" for r in subsidence + start)
    assert {r[0] for r in rows} >= {"zone_6km"}


def test_no_bsn_and_pseudonymous_natural_persons(demo):
    store, _ = demo
    with store.engine.connect() as conn:
        cols = [r[1] for r in conn.execute(text("PRAGMA table_info(persons)"))]
        named = conn.execute(
            text("SELECT COUNT(*) FROM persons WHERE natural_person = 1 AND legal_name IS NOT NULL")
        ).scalar()
        kinds = dict(
            conn.execute(text("SELECT natural_person, COUNT(*) FROM persons GROUP BY 1")).all()
        )
    assert not any("bsn" in c.lower() for c in cols)
    assert named == 0 and kinds[0] > 0 and kinds[1] > kinds[0]


def test_status_counts_match_summary(demo):
    store, summary = demo
    info = store.info()
    assert info["object_status"] == summary.statuses
    assert sum(summary.statuses.values()) == 3000
    assert info["counts"]["claims"] == summary.counts["claims"]
