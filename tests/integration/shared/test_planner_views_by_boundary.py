"""Revision 0009: the planner views count by the official boundaries when the store has them,
with the domain's one assignment rule (``group_of_objects``), and by the objects' own text
without them; security and rights as revisions 0005/0007 left them. Boundary files: SYNTHETIC
geometry in the real CBS/PDOK layouts (tests/support/boundary_files.py); the extra objects on
borders and the extra boundary are synthetic too."""

from __future__ import annotations

import numpy as np
import pytest
from alembic import command
from sqlalchemy import text

from domain.importers.boundaries import import_boundaries
from domain.planning.overview import regional_overview
from domain.rules.status import MAP_STATUSES
from domain.store import create_store, migrate
from domain.store.boundaries import group_of_objects
from domain.store.engine import make_engine, parse_location
from tests.support.boundary_files import (
    GEMEENTEN_2024,
    X0,
    X1,
    Y0,
    Y1,
    write_gebiedsindelingen,
    write_pc4,
)

VIEWS = {
    "gemeente": ("planner_municipality_summary", "municipality"),
    "pc4": ("planner_pc4_summary", "pc4"),
}
FUNCTIONS = ("imgschade_municipality_summary", "imgschade_pc4_summary")
COUNTS = ("objects", "in_effect_area", *MAP_STATUSES)
OUTSIDE = "buiten de grenzen"


def _view(store, by: str) -> dict:
    """{group: {column: count}} of a planner view as the connected login reads it."""
    view, key = VIEWS[by]
    with store.engine.connect() as conn:
        rows = conn.execute(text(f"SELECT {key}, {', '.join(COUNTS)} FROM {view}")).all()
    groups = [row[0] for row in rows]
    assert len(groups) == len(set(groups)), groups  # one row per group
    return {row[0]: dict(zip(COUNTS, (int(v) for v in row[1:]), strict=True)) for row in rows}


def _by_text(owner, by: str) -> dict:
    """The counts revision 0007's views give: grouped by the objects' own text."""
    _view_name, key = VIEWS[by]
    out: dict = {}
    with owner.engine.connect() as conn:
        for group, status, in_effect, n in conn.execute(
            text(
                f"SELECT {key}, status, COALESCE(in_effect_area, false), COUNT(*) FROM objects "
                f"GROUP BY {key}, status, COALESCE(in_effect_area, false)"
            )
        ):
            counts = out.setdefault(group, dict.fromkeys(COUNTS, 0))
            counts["objects"] += n
            counts["in_effect_area"] += n if in_effect else 0
            counts[status] += n
    return out


def _by_domain(owner, by: str) -> dict:
    """The counts by ``group_of_objects``'s labels (the domain's assignment rule), with the
    empty label named as the overview names it."""
    with owner.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT x, y, municipality, pc4, status, COALESCE(in_effect_area, false) "
                "FROM objects ORDER BY id"
            )
        ).all()
        grouping = group_of_objects(
            conn,
            by,
            np.array([(r[0], r[1]) for r in rows], dtype=float),
            [r[2] if by == "gemeente" else r[3] for r in rows],
        )
    assert grouping.official
    out: dict = {}
    for label, row in zip(grouping.labels, rows, strict=True):
        counts = out.setdefault(label or OUTSIDE, dict.fromkeys(COUNTS, 0))
        counts["objects"] += 1
        counts["in_effect_area"] += int(row[5])
        counts[row[4]] += 1
    return out


@pytest.fixture(scope="module")
def before_boundaries(shared_demo):
    """The planner's view of the demo before any boundary is imported, and the owner's
    own-text counts."""
    owner, planner = shared_demo.owner(), shared_demo.open_as("planner")
    try:
        return {by: (_view(planner, by), _by_text(owner, by)) for by in VIEWS}
    finally:
        planner.close()
        owner.close()


@pytest.mark.postgis
def test_without_boundaries_the_views_count_by_the_objects_own_text(before_boundaries):
    for by, (seen, old) in before_boundaries.items():
        assert seen == old, by
        assert OUTSIDE not in seen
        assert sum(c["objects"] for c in seen.values()) > 0


@pytest.fixture(scope="module")
def bounded(shared_demo, before_boundaries, tmp_path_factory):
    """The demo with the synthetic CBS municipalities and PC4 cells imported, plus objects
    exactly on shared borders and a corner, and one more municipality polygon with a lower code
    and the same name as another, overlapping it."""
    folder = tmp_path_factory.mktemp("boundaries")
    owner = shared_demo.owner()
    try:
        import_boundaries(owner, write_gebiedsindelingen(folder / "cbsgebiedsindelingen.gpkg"))
        import_boundaries(owner, write_pc4(folder / "cbs_pc4_2024.gpkg"))
        border = GEMEENTEN_2024[0][3]  # West | Midden
        pc4_corner = (X0 + (X1 - X0) / 4, Y0 + (Y1 - Y0) / 3)  # four cells meet
        extra = [
            (900001, border, 580000.0),
            (900002, *pc4_corner),
            (900003, 240000.0, 590000.0),  # inside Midden and the overlapping extra polygon
            (900004, 300000.0, 700000.0),  # outside everything
        ]
        with owner.engine.begin() as conn:
            for object_id, x, y in extra:
                conn.execute(
                    text(
                        "INSERT INTO objects (id, geom, x, y, small, rijksmonument, "
                        "in_ncg_programme, municipality, pc4, status, in_effect_area) VALUES "
                        "(:id, ST_SetSRID(ST_MakePoint(:x, :y), 28992), :x, :y, false, false, "
                        "false, 'Tekstgemeente', '9999', 'no_claim', true)"
                    ),
                    {"id": object_id, "x": x, "y": y},
                )
            conn.execute(
                text(
                    "INSERT INTO boundaries (kind, code, name, year, source, geom) VALUES "
                    "('gemeente', 'GM9000', 'Synthetisch Oost', 2024, 'synthetisch', "
                    "ST_Multi(ST_MakeEnvelope(238000, 585000, 244000, 595000, 28992)))"
                )
            )
    finally:
        owner.close()
    return shared_demo


@pytest.mark.postgis
@pytest.mark.parametrize("by", list(VIEWS))
def test_with_boundaries_the_planner_counts_as_the_domain_assigns(bounded, by):
    owner, planner = bounded.owner(), bounded.open_as("planner")
    try:
        seen = _view(planner, by)
        truth = _by_domain(owner, by)
        overview = regional_overview(owner, by=by, lang="nl")
    finally:
        planner.close()
        owner.close()
    assert seen == truth
    # the overview's own counts agree where it counts the same thing
    assert {r["group"]: (r["objects"], r["in_effect_area"]) for r in overview.rows} == {
        group: (c["objects"], c["in_effect_area"]) for group, c in seen.items()
    }
    assert seen[OUTSIDE]["objects"] >= 1  # the object far away at least
    assert "Tekstgemeente" not in seen and "9999" not in seen  # the text no longer groups
    for group, counts in seen.items():
        assert sum(counts[s] for s in MAP_STATUSES) == counts["objects"], group


@pytest.mark.postgis
def test_borders_go_to_the_lowest_code_and_shared_names_carry_their_code(bounded):
    owner = bounded.owner()
    try:
        with owner.engine.connect() as conn:
            xy = conn.execute(text("SELECT x, y FROM objects WHERE id >= 900001 ORDER BY id")).all()
            municipality = group_of_objects(conn, "gemeente", np.array(xy, dtype=float)).labels
            pc4 = group_of_objects(conn, "pc4", np.array(xy, dtype=float)).labels
    finally:
        owner.close()
    planner = bounded.open_as("planner")
    try:
        counted = _view(planner, "gemeente")
    finally:
        planner.close()
    # the domain's rule, spelled out: West (GM9001) before Midden (GM9002) on their border;
    # the lowest of four PC4 codes at the corner; the overlap to GM9000 (named as Oost GM9003)
    assert list(municipality) == [
        "Synthetisch West",
        "Synthetisch West",
        "Synthetisch Oost (GM9000)",
        "",
    ]
    assert pc4[1] == "9701"
    assert {"Synthetisch Oost (GM9000)", "Synthetisch Oost (GM9003)"} <= set(counted)
    assert "Synthetisch Oost" not in counted


@pytest.mark.postgis
def test_the_planner_still_reads_no_rows_and_the_definer_reads_the_boundaries(bounded):
    planner = bounded.open_as("planner")
    try:
        with planner.engine.connect() as conn:
            rights = conn.execute(
                text(
                    "SELECT has_table_privilege('objects', 'SELECT'), "
                    "has_table_privilege('imgschade_security', 'boundaries', 'SELECT'), "
                    "has_function_privilege('imgschade_pc4_summary()', 'EXECUTE')"
                )
            ).one()
    finally:
        planner.close()
    assert tuple(rights) == (False, True, True)


# --- the revision itself -------------------------------------------------------------------
def _functions(engine) -> dict:
    """Owner, settings, definer flag, result, body hash and rights of the planner functions,
    and who may read the boundaries."""
    with engine.connect() as conn:
        functions = {
            r[0]: tuple(r[1:])
            for r in conn.execute(
                text(
                    "SELECT p.proname, pg_get_userbyid(p.proowner), p.proconfig, p.prosecdef, "
                    "pg_get_function_result(p.oid), md5(p.prosrc), ARRAY(SELECT CASE WHEN "
                    "a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END || ':' || "
                    "a.privilege_type FROM aclexplode(COALESCE(p.proacl, acldefault('f', "
                    "p.proowner))) a ORDER BY 1) FROM pg_proc p WHERE p.proname = ANY(:n) "
                    "AND p.pronamespace = current_schema()::regnamespace"
                ),
                {"n": list(FUNCTIONS)},
            )
        }
        readers = set(
            conn.execute(
                text(
                    "SELECT grantee FROM information_schema.role_table_grants "
                    "WHERE table_name = 'boundaries' AND privilege_type = 'SELECT'"
                )
            ).scalars()
        )
    return {"functions": functions, "boundary_readers": readers}


@pytest.mark.postgis
def test_0009_changes_only_the_bodies_and_its_downgrade_restores_0008(postgis_server):
    store = create_store(postgis_server.new_database())
    try:
        head = _functions(store.engine)
        with store.engine.begin() as conn:
            command.downgrade(migrate._config(conn), "0008_boundaries")
        at_0008 = _functions(store.engine)
        migrate.upgrade(store.engine)
        assert _functions(store.engine) == head
    finally:
        store.close()
    built_to_0008 = make_engine(parse_location(postgis_server.new_database()))
    try:
        migrate.upgrade(built_to_0008, "0008_boundaries")
        # the text of 0007 again, word for word, with the same owner and rights
        assert at_0008 == _functions(built_to_0008)
    finally:
        built_to_0008.dispose()
    for name, function in head["functions"].items():
        old = at_0008["functions"][name]
        assert function[4] != old[4], name  # the body changed
        assert function[:4] == old[:4] and function[5] == old[5], name  # nothing else did
        assert function[0] == "imgschade_security" and function[2] is True, name
        assert "PUBLIC:EXECUTE" not in function[5] and "imgschade_planner:EXECUTE" in function[5]
    assert head["boundary_readers"] - at_0008["boundary_readers"] == {"imgschade_security"}
