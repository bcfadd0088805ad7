"""Each product role on a real PostGIS store sees exactly its rows and cannot touch the rest."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from domain.errors import DomainError
from domain.rules.handoff import HandOffDraft
from domain.store import NotFoundError

pytestmark = pytest.mark.postgis

PERSONAL = ("persons", "ownerships", "claims", "handoffs", "handoff_status", "addresses")
BY_OBJECT = ("addresses", "ownerships", "claims", "handoffs", "parcels", "exposure_events")


def _count(store, sql: str, **params) -> int:
    with store.engine.connect() as conn:
        return conn.execute(text(sql), params).scalar_one()


def _execute(store, statement: str, **params) -> None:
    with store.engine.begin() as conn:
        conn.execute(text(statement), params)


def _truth(shared_demo) -> dict:
    """Counts as the store owner sees them (row-level security does not apply to the owner)."""
    owner = shared_demo.owner()
    try:
        m = shared_demo.municipality
        truth = {"all": {}, "mine": {}}
        for table in ("objects", "persons", "handoff_status", "areas", "quakes", *BY_OBJECT):
            truth["all"][table] = _count(owner, f"SELECT COUNT(*) FROM {table}")
        truth["mine"]["objects"] = _count(
            owner, "SELECT COUNT(*) FROM objects WHERE municipality = :m", m=m
        )
        for table in BY_OBJECT:
            truth["mine"][table] = _count(
                owner,
                f"SELECT COUNT(*) FROM {table} t JOIN objects o ON o.id = t.object_id "
                "WHERE o.municipality = :m",
                m=m,
            )
        truth["mine"]["handoff_status"] = _count(
            owner,
            "SELECT COUNT(*) FROM handoff_status s JOIN handoffs h ON h.id = s.handoff_id "
            "JOIN objects o ON o.id = h.object_id WHERE o.municipality = :m",
            m=m,
        )
        truth["mine"]["persons"] = _count(
            owner,
            "SELECT COUNT(*) FROM (SELECT w.person_id FROM ownerships w JOIN objects o "
            "ON o.id = w.object_id WHERE o.municipality = :m UNION SELECT c.applicant_id "
            "FROM claims c JOIN objects o ON o.id = c.object_id WHERE o.municipality = :m) p",
            m=m,
        )
        truth["other_objects"] = _count(
            owner,
            "SELECT MIN(id) FROM objects WHERE municipality <> :m AND id IN "
            "(SELECT object_id FROM claims)",
            m=m,
        )
        truth["other_claim"] = _count(
            owner,
            "SELECT MIN(c.id) FROM claims c JOIN objects o ON o.id = c.object_id "
            "WHERE o.municipality <> :m",
            m=m,
        )
        truth["my_claim"] = _count(
            owner,
            "SELECT MIN(c.id) FROM claims c JOIN objects o ON o.id = c.object_id "
            "WHERE o.municipality = :m",
            m=m,
        )
    finally:
        owner.close()
    return truth


@pytest.fixture(scope="module")
def truth(shared_demo):
    return _truth(shared_demo)


@pytest.mark.parametrize("role", ["img", "ncg", "taskforce"])
def test_national_roles_see_every_row(shared_demo, truth, role):
    store = shared_demo.open_as(role)
    try:
        for table, expected in truth["all"].items():
            assert _count(store, f"SELECT COUNT(*) FROM {table}") == expected, table
        assert _count(store, "SELECT COUNT(DISTINCT municipality) FROM objects") > 1
    finally:
        store.close()


def test_municipality_role_sees_only_its_municipality(shared_demo, truth):
    assert truth["mine"]["objects"] < truth["all"]["objects"]
    assert truth["mine"]["handoffs"] >= 1
    store = shared_demo.open_as("gemeente")
    try:
        for table, expected in truth["mine"].items():
            assert _count(store, f"SELECT COUNT(*) FROM {table}") == expected, table
        assert _count(store, "SELECT COUNT(DISTINCT municipality) FROM objects") == 1
        with pytest.raises(NotFoundError):
            store.read_object(truth["other_objects"])
        with pytest.raises(DomainError, match="geen recht.*permission denied"):
            _count(store, "SELECT COUNT(*) FROM audit_log")
    finally:
        store.close()


def test_municipality_role_cannot_change_other_municipalities(shared_demo, truth):
    store = shared_demo.open_as("gemeente")
    owner = shared_demo.owner()
    try:
        other = truth["other_claim"]
        before = _count(owner, "SELECT version FROM claims WHERE id = :i", i=other)
        with store.engine.begin() as conn:
            changed = conn.execute(
                text("UPDATE claims SET amount = 1 WHERE id = :i"), {"i": other}
            ).rowcount
        assert changed == 0
        with pytest.raises(NotFoundError):
            store.edit_claim(other, before, {"amount": 2}, by="gemeente")
        assert _count(owner, "SELECT version FROM claims WHERE id = :i", i=other) == before
        assert _count(owner, "SELECT amount IS DISTINCT FROM 1 FROM claims WHERE id = :i", i=other)
        # a hand-off for an object elsewhere: not even visible, so refused
        draft = HandOffDraft(
            str(truth["other_objects"]),
            "IVS",
            "gemeente",
            "proces_vastgelopen",
            "de afhandeling loopt al een jaar vast zonder uitzicht",
            True,
            (),
        )
        handoffs_before = _count(owner, "SELECT COUNT(*) FROM handoffs")
        with pytest.raises(NotFoundError):
            store.add_handoff(draft, by="gemeente")
        with pytest.raises(DomainError, match="geen recht.*row-level security"):
            _execute(
                store,
                "INSERT INTO handoffs (object_id, target, submitter, reason_category, "
                "narrative, resident_consent, status, created_at, updated_at, version) "
                "VALUES (:o, 'IVS', 'gemeente', 'x', 'x', true, 'concept', now(), now(), 1)",
                o=truth["other_objects"],
            )
        assert _count(owner, "SELECT COUNT(*) FROM handoffs") == handoffs_before
        # its own claims it may edit
        mine = truth["my_claim"]
        version = store.claim_version(mine)
        assert store.edit_claim(mine, version, {"objection": True}, by="gemeente") == version + 1
    finally:
        store.close()
        owner.close()


def test_planner_sees_aggregates_and_areas_but_no_personal_data(shared_demo, truth):
    store = shared_demo.open_as("planner")
    try:
        assert _count(store, "SELECT COUNT(*) FROM areas") == truth["all"]["areas"]
        assert _count(store, "SELECT COUNT(*) FROM quakes") == truth["all"]["quakes"]
        total = "SELECT SUM(objects) FROM planner_municipality_summary"
        assert _count(store, total) == truth["all"]["objects"]
        assert (
            _count(store, "SELECT SUM(objects) FROM planner_pc4_summary") == truth["all"]["objects"]
        )
        mine = "SELECT objects FROM planner_municipality_summary WHERE municipality = :m"
        assert _count(store, mine, m=shared_demo.municipality) == truth["mine"]["objects"]
        for table in ("objects", *PERSONAL, "audit_log"):
            with pytest.raises(DomainError, match="geen recht.*permission denied"):
                _count(store, f"SELECT COUNT(*) FROM {table}")
    finally:
        store.close()


def _by_status(store, view: str, key: str) -> dict:
    """{group: {column: count}} of a planner view, one column per map class."""
    from domain.rules.status import MAP_STATUSES

    columns = ", ".join(("objects", *MAP_STATUSES))
    with store.engine.connect() as conn:
        rows = conn.execute(text(f"SELECT {key}, {columns} FROM {view}")).mappings().all()
    return {r[key]: {c: r[c] for c in ("objects", *MAP_STATUSES)} for r in rows}


@pytest.mark.parametrize(
    ("view", "key"),
    [("planner_municipality_summary", "municipality"), ("planner_pc4_summary", "pc4")],
)
def test_planner_class_columns_add_up_and_match_the_owners_status_counts(shared_demo, view, key):
    from domain.rules.status import MAP_STATUSES

    owner = shared_demo.owner()
    planner = shared_demo.open_as("planner")
    try:
        seen = _by_status(planner, view, key)
        with owner.engine.connect() as conn:
            rows = conn.execute(
                text(f"SELECT {key}, status, COUNT(*) FROM objects GROUP BY {key}, status")
            ).all()
    finally:
        planner.close()
        owner.close()
    truth: dict = {}
    for group, status, n in rows:
        assert status in MAP_STATUSES  # a class the views do not count would be lost
        truth.setdefault(group, dict.fromkeys(("objects", *MAP_STATUSES), 0))
        truth[group][status] += n
        truth[group]["objects"] += n
    assert seen == truth
    for group, counts in seen.items():
        assert sum(counts[s] for s in MAP_STATUSES) == counts["objects"], group
    # the demo has objects of the new class, so its column is really counted
    assert sum(counts["dh_to_check"] for counts in seen.values()) > 0


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("img", (True, True, True, True, None, True)),
        ("ncg", (True, True, True, True, None, True)),
        ("taskforce", (True, True, True, True, None, True)),
        ("gemeente", (True, True, True, False, "MINE", False)),
        ("planner", (False, False, False, False, None, False)),
    ],
)
def test_capabilities_per_role(shared_demo, role, expected):
    store = shared_demo.open_as(role)
    try:
        caps = store.capabilities()
    finally:
        store.close()
    municipality = shared_demo.municipality if expected[4] == "MINE" else None
    assert caps.role == role
    assert (
        caps.read_personal,
        caps.edit_claims,
        caps.edit_handoffs,
        caps.see_all_municipalities,
        caps.municipality,
        caps.read_audit,
    ) == (*expected[:4], municipality, expected[5])


def test_owner_and_geopackage_may_do_everything(shared_demo, tmp_path):
    from domain.store import create_store

    owner = shared_demo.owner()
    gpkg = create_store(str(tmp_path / "own.gpkg"))
    try:
        for caps in (owner.capabilities(), gpkg.capabilities()):
            assert caps.role == "owner"
            assert caps.read_personal and caps.edit_claims and caps.edit_handoffs
            assert caps.see_all_municipalities and caps.municipality is None
    finally:
        owner.close()
        gpkg.close()


def test_add_login_refuses_bad_input_listing_every_field(shared_demo):
    from domain.errors import InputError
    from domain.store.roles import add_login

    owner = shared_demo.owner()
    try:
        with pytest.raises(InputError) as err:
            add_login(owner.engine, "Bad Name;", "mayor", municipality=None)
        fields = sorted(p.field for p in err.value.problems)
        assert fields == ["login", "role"]
        with pytest.raises(InputError) as err:
            add_login(owner.engine, "h_gem2", "gemeente")
        assert [p.field for p in err.value.problems] == ["municipality"]
        assert _count(owner, "SELECT COUNT(*) FROM pg_roles WHERE rolname = 'h_gem2'") == 0
    finally:
        owner.close()
