"""Regional overview counts against independent SQL on a demo store, and the scenario delta."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
import shapely
from sqlalchemy import text

from domain import policy
from domain.planning.overview import COLUMNS, ScenarioQuake, overview_csv, regional_overview

AS_OF = dt.date(2026, 7, 1)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from domain.demo import build_demo
    from domain.store import open_store

    path = tmp_path_factory.mktemp("overview") / "demo.gpkg"
    build_demo(str(path), objects=3000, seed=11)
    store = open_store(str(path))
    yield store
    store.close()


def _in(values) -> str:
    return ", ".join(f"'{v}'" for v in values)


def _sql_counts(store, group: str) -> dict[str, dict[str, int]]:
    """Every column computed straight from the tables, without the rules engine."""
    from domain.store.geometry import wkb_of

    day = AS_OF.isoformat()
    short = _in(policy.SHORT_TERM_SCHEMES)
    damage = _in(policy.PHYSICAL_DAMAGE_SCHEMES)
    finals = _in(policy.FINAL_SCHEMES)
    with store.engine.connect() as conn:
        objects = conn.execute(
            text(
                f"SELECT id, {group}, in_effect_area, count_ge_5_before_2026, in_ncg_programme, "
                "x, y, use FROM objects ORDER BY id"
            )
        ).all()
        claimed = {r[0] for r in conn.execute(text("SELECT DISTINCT object_id FROM claims"))}
        overdue = {
            r[0]
            for r in conn.execute(
                text(
                    "SELECT DISTINCT object_id FROM claims WHERE decided IS NULL AND "
                    f"julianday('{day}') > julianday(submitted) + 7 * CASE WHEN scheme IN "
                    f"({short}) THEN {policy.TERM_WEEKS_SHORT} ELSE {policy.TERM_WEEKS_LONG} END"
                )
            )
        }
        decided = {
            r[0]
            for r in conn.execute(
                text(
                    "SELECT DISTINCT object_id FROM claims WHERE decided IS NOT NULL AND "
                    f"decided <= '{day}' AND scheme IN ({damage}) AND outcome != 'ingetrokken'"
                )
            )
        }
        last_final = dict(
            conn.execute(
                text(
                    # a fixed compensation is final whatever its flag (a refusal only if flagged)
                    "SELECT object_id, MAX(decided) FROM claims WHERE "
                    "(final = 1 OR outcome != 'afgewezen') AND "
                    f"decided <= '{day}' AND scheme IN ({finals}) AND outcome != 'ingetrokken' "
                    "GROUP BY object_id"
                )
            ).all()
        )
        reopened = {
            r[0]
            for r in conn.execute(
                text(
                    "SELECT DISTINCT e.object_id FROM exposure_events e JOIN quakes q "
                    "ON q.id = e.quake_id JOIN (SELECT object_id, MAX(decided) d FROM claims "
                    "WHERE (final = 1 OR outcome != 'afgewezen') AND "
                    f"scheme IN ({finals}) AND outcome != 'ingetrokken' "
                    "GROUP BY object_id) f ON f.object_id = e.object_id "
                    # compared as shown: two decimals
                    f"WHERE ROUND(e.pgv_mm_s, 2) > {policy.REOPEN_PGV_MM_S} AND date(q.time) > f.d "
                    f"AND date(q.time) <= '{day}'"
                )
            )
        }
        subsidence = [
            shapely.from_wkb(wkb_of(r[0]))
            for r in conn.execute(text("SELECT geom FROM areas WHERE kind = 'subsidence'"))
        ]
    out: dict[str, dict[str, int]] = {}
    for oid, name, effect, dh, ncg, x, y, use in objects:
        row = out.setdefault(name or "", dict.fromkeys(COLUMNS, 0))
        in_sub = any(p.contains(shapely.Point(x, y)) for p in subsidence)
        may_again = oid in decided and (oid not in last_final or oid in reopened or in_sub)
        row["objects"] += 1
        row["in_effect_area"] += bool(effect)
        row["in_dh_area"] += (dh or 0) >= policy.DH_MIN_QUAKES
        # Duurzaam herstel is for woningen only: a niet-woning in the area is not to check
        row["dh_to_check"] += (dh or 0) >= policy.DH_MIN_QUAKES and use != "niet-woning"
        row["may_claim_again"] += may_again
        row["never_claimed"] += oid not in claimed
        row["ncg_without_claim"] += bool(ncg) and oid not in claimed
        row["overdue"] += oid in overdue
    return out


@pytest.mark.parametrize("by,column", [("gemeente", "municipality"), ("pc4", "pc4")])
def test_counts_equal_independent_sql(demo, by, column):
    overview = regional_overview(demo, by=by, as_of=AS_OF)
    expected = _sql_counts(demo, column)
    got = {r["group"]: {c: r[c] for c in COLUMNS} for r in overview.rows}
    assert set(got) == set(expected) - {""} | ({"(onbekend)"} if "" in expected else set())
    for name, counts in expected.items():
        assert got[name or "(onbekend)"] == counts, name
    assert overview.totals["objects"] == 3000
    # the demo has work for every column the planners read
    for c in ("in_effect_area", "in_dh_area", "may_claim_again", "never_claimed", "overdue"):
        assert overview.totals[c] > 0, c


def test_scenario_delta_only_what_the_quake_changes(demo):
    with demo.engine.connect() as conn:
        x, y = conn.execute(text("SELECT AVG(x), AVG(y) FROM objects")).one()
    quake = ScenarioQuake(float(x), float(y), 3.6, AS_OF)
    overview = regional_overview(demo, scenario=quake)
    assert overview.as_of == AS_OF
    before = {r["group"]: r for r in overview.rows}
    after = {r["group"]: r for r in overview.after}
    for row in overview.delta:
        for c in COLUMNS:
            assert row[c] == after[row["group"]][c] - before[row["group"]][c]
    assert overview.delta_totals["objects"] == 0
    assert overview.delta_totals["never_claimed"] == 0  # a quake files no claim
    assert overview.delta_totals["may_claim_again"] > 0  # a strong quake reopens final ones
    assert overview.delta_totals["in_effect_area"] >= 0
    assert overview.scenario["objects_reached"] > 0
    # a far-away tiny quake changes nothing
    calm = regional_overview(demo, scenario=ScenarioQuake(0.0, 300000.0, 0.5, AS_OF))
    assert calm.delta == [] and not any(calm.delta_totals.values())


def test_overview_csv(demo, tmp_path):
    overview = regional_overview(demo, as_of=AS_OF)
    path = overview_csv(overview.rows, "gemeente", tmp_path / "o.csv")
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("Gemeente;Objecten;In effectgebied;In DH-gebied")
    assert len(lines) == 1 + len(overview.rows)
    assert sum(int(line.split(";")[1]) for line in lines[1:]) == 3000
    assert np.all([len(line.split(";")) == 1 + len(COLUMNS) for line in lines])


def test_demo_start_areas_walk_shorter_than_address_order(demo):
    from domain.planning import visit_list

    with demo.engine.connect() as conn:
        areas = conn.execute(text("SELECT id FROM areas WHERE kind = 'start_area'")).all()
    assert len(areas) == 3
    for (area_id,) in areas:
        visits = visit_list(demo, area_id, as_of=AS_OF)
        assert visits.rows, area_id
        assert sorted(r.order for r in visits.rows) == list(range(1, len(visits.rows) + 1))
        assert visits.route_length_m < visits.address_order_length_m
        assert all(r.reason for r in visits.rows)
