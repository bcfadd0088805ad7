"""Revisions 0004/0005: claims get a version everywhere; PostGIS gets roles, policies, views,
then the hardening of 0005 (fixed search paths, audit and version triggers); downgrading
removes them again and upgrading restores them. Also: databases without PostGIS, and
migrating users that are not superusers."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import create_engine, inspect, text

from domain.errors import DomainError
from domain.store import create_store, migrate, open_store, upgrade_store
from domain.store.faults import _where, as_domain_error
from domain.store.schema import REVISIONS, audit_log


def _policies(engine) -> set[str]:
    with engine.connect() as conn:
        return {
            r[0]
            for r in conn.execute(
                text("SELECT tablename FROM pg_policies WHERE policyname = 'imgschade_rows'")
            )
        }


def _claim_columns(engine) -> set[str]:
    with engine.connect() as conn:
        return {c["name"] for c in inspect(conn).get_columns("claims")}


def test_geopackage_claims_get_a_version_kept_through_downgrade_and_upgrade(tmp_path):
    store = create_store(str(tmp_path / "s.gpkg"))
    try:
        assert "version" in _claim_columns(store.engine)
        with store.engine.begin() as conn:
            from alembic import command

            command.downgrade(migrate._config(conn), "0003_append_only_history")
        assert migrate.current_revision(store.engine) == "0003_append_only_history"
        assert "version" in _claim_columns(store.engine)  # see the migration's downgrade
        migrate.upgrade(store.engine)
        assert migrate.current_revision(store.engine) == REVISIONS[-1]
        assert "version" in _claim_columns(store.engine)
        # revision 0005 leaves a GeoPackage as schema.py describes it
        with store.engine.connect() as conn:
            columns = {c["name"] for c in inspect(conn).get_columns("audit_log")}
        assert columns == set(audit_log.columns.keys())
    finally:
        store.close()


@pytest.mark.postgis
def test_postgis_security_is_installed_removed_and_reinstalled(postgis_server):
    url = postgis_server.new_database()
    store = create_store(url)
    expected = {
        "objects",
        "addresses",
        "parcels",
        "ownerships",
        "claims",
        "handoffs",
        "exposure_events",
        "handoff_status",
        "persons",
    }
    try:
        assert _policies(store.engine) == expected
        with store.engine.begin() as conn:
            from alembic import command

            command.downgrade(migrate._config(conn), "0003_append_only_history")
        assert _policies(store.engine) == set()
        assert "version" not in _claim_columns(store.engine)
        migrate.upgrade(store.engine)
        assert _policies(store.engine) == expected
        # rebuilding the store over the top is never blocked by policies or views
        create_store(url, overwrite=True).close()
        assert _policies(store.engine) == expected
        with store.engine.connect() as conn:
            roles = {
                r[0]
                for r in conn.execute(
                    text("SELECT rolname FROM pg_roles WHERE rolname LIKE 'imgschade\\_%'")
                )
            }
        assert roles == {
            "imgschade_img",
            "imgschade_ncg",
            "imgschade_taskforce",
            "imgschade_gemeente",
            "imgschade_planner",
            "imgschade_security",
        }
    finally:
        store.close()


def test_fault_messages_never_show_a_password():
    engine = create_engine("postgresql+psycopg2://anna:Geheim-123@db.example:5432/schade")

    class Lost(Exception):
        pass

    error = as_domain_error(Lost("server closed the connection unexpectedly"), _where(engine))
    assert error is not None
    assert "Geheim-123" not in str(error)
    assert "postgresql://anna:***@db.example:5432/schade " in str(error)
    engine.dispose()


# --- revision 0005 ---------------------------------------------------------------------------
def _hardening(engine) -> dict:
    """What revision 0005 adds, read from the catalogue."""
    with engine.connect() as conn:
        functions = dict(
            conn.execute(
                text(
                    "SELECT p.proname, pg_get_userbyid(p.proowner) || ' ' || "
                    "COALESCE(array_to_string(p.proconfig, ','), '-') FROM pg_proc p "
                    "WHERE p.proname LIKE 'imgschade\\_%' AND p.pronamespace = "
                    "current_schema()::regnamespace"
                )
            ).all()
        )
        triggers = {
            r[0]
            for r in conn.execute(
                text(
                    "SELECT tgrelid::regclass::text || '.' || tgname FROM pg_trigger "
                    "WHERE tgname LIKE 'imgschade\\_%'"
                )
            )
        }
        owner = conn.execute(
            text("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'audit_log'::regclass")
        ).scalar()
        limits = conn.execute(
            text("SELECT value FROM store_info WHERE key = 'security_limits'")
        ).scalar()
    return {"functions": functions, "triggers": triggers, "audit_owner": owner, "limits": limits}


FIXED_PATH = "search_path=pg_catalog, public, pg_temp"


@pytest.mark.postgis
def test_0005_hardens_downgrades_to_0004_and_hardens_again(postgis_server):
    url = postgis_server.new_database()
    store = create_store(url)
    try:
        hard = _hardening(store.engine)
        assert hard["audit_owner"] == "imgschade_security" and hard["limits"] is None
        assert len(hard["functions"]) == 12
        for name, owner_and_path in hard["functions"].items():
            assert owner_and_path == f"imgschade_security {FIXED_PATH}", name
        for table in ("objects", "persons", "ownerships", "claims", "handoffs", "handoff_status"):
            for event in ("insert", "update", "delete"):
                assert f"{table}.imgschade_audit_{event}" in hard["triggers"]
        assert {"claims.imgschade_version", "handoffs.imgschade_version"} <= hard["triggers"]
        assert "audit_log.imgschade_no_truncate" in hard["triggers"]
        with store.engine.begin() as conn:
            from alembic import command

            command.downgrade(migrate._config(conn), "0004_shared_use")
        soft = _hardening(store.engine)
        assert soft["audit_owner"] == "postgres" and soft["triggers"] == set()
        assert soft["functions"]["imgschade_visible_objects"] == "postgres -"  # as 0004 made it
        migrate.upgrade(store.engine)
        assert _hardening(store.engine) == hard
    finally:
        store.close()


def test_0005_builds_from_its_own_text_not_from_live_code():
    import ast

    source = migrate.MIGRATIONS / "versions" / "0005_hardened_shared_use.py"
    tree = ast.parse(source.read_text(encoding="utf-8"))
    imported = set()
    # the downgrade too: it restores 0004 with 0004's frozen installer, loaded through alembic
    for inner in ast.walk(tree):
        if isinstance(inner, ast.ImportFrom):
            imported.add(inner.module)
        elif isinstance(inner, ast.Import):
            imported |= {a.name for a in inner.names}
    assert imported == {"__future__", "sqlalchemy", "alembic"}


# --- a database without PostGIS ------------------------------------------------------------
def _login(postgis_server, *options: str) -> str:
    name = f"h_adm_{uuid.uuid4().hex[:8]}"
    postgis_server.sql(f"CREATE ROLE {name} LOGIN {' '.join(options)}")
    return name


def _as(url: str, login: str) -> str:
    return url.replace("postgresql://postgres@", f"postgresql://{login}@")


@pytest.mark.postgis
def test_superuser_enables_postgis_in_a_database_without_it(postgis_server):
    url = postgis_server.new_database(postgis=False)
    store = create_store(url)
    try:
        with store.engine.connect() as conn:
            assert conn.execute(
                text("SELECT 1 FROM pg_extension WHERE extname = 'postgis'")
            ).first()
        assert migrate.current_revision(store.engine) == REVISIONS[-1]
    finally:
        store.close()


@pytest.mark.postgis
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_database_without_postgis_and_no_right_to_enable_it_says_what_to_ask(
    postgis_server, lang, monkeypatch
):
    monkeypatch.setenv("IMGSCHADE_LANG", lang)
    url = postgis_server.new_database(postgis=False)
    login = _login(postgis_server)
    database = url.rsplit("/", 1)[1]
    postgis_server.sql(f'ALTER DATABASE "{database}" OWNER TO {login}')
    for attempt in (create_store, upgrade_store):
        with pytest.raises(DomainError) as err:
            attempt(_as(url, login))
        message = str(err.value)
        assert "CREATE EXTENSION postgis" in message and database in message
        assert {"nl": "Vraag de databasebeheerder", "en": "Ask the database administrator"}[
            lang
        ] in message
        assert "Traceback" not in message
    with pytest.raises(DomainError, match="geen opslag|not a store"):
        open_store(_as(url, login))
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg2://"))
    try:
        with engine.connect() as conn:
            assert not inspect(conn).get_table_names()  # nothing was created
    finally:
        engine.dispose()


# --- migrating users that are not superusers ----------------------------------------------
@pytest.mark.postgis
def test_owner_without_createrole_gets_what_is_possible_and_store_info_says_the_rest(
    postgis_server,
):
    create_store(postgis_server.new_database()).close()  # the group roles exist (cluster-wide)
    url = postgis_server.new_database()
    login = _login(postgis_server)
    postgis_server.sql(f'ALTER DATABASE "{url.rsplit("/", 1)[1]}" OWNER TO {login}')
    store = create_store(_as(url, login))
    try:
        hard = _hardening(store.engine)
        assert hard["audit_owner"] == login
        assert "imgschade_security" in hard["limits"] and login in hard["limits"]
        assert store.info()["facts"]["security_limits"] == hard["limits"]
        for name, owner_and_path in hard["functions"].items():
            assert owner_and_path == f"{login} {FIXED_PATH}", name
        # the product roles are still held: no audit writes, no TEMP, column rights only
        with store.engine.connect() as conn:
            rights = conn.execute(
                text(
                    "SELECT has_table_privilege('imgschade_gemeente', 'audit_log', 'INSERT'), "
                    "has_database_privilege('imgschade_gemeente', current_database(), 'TEMP'), "
                    "has_column_privilege('imgschade_gemeente', 'claims', 'applicant_id', "
                    "'UPDATE'), has_column_privilege('imgschade_gemeente', 'claims', 'amount', "
                    "'UPDATE'), has_table_privilege('imgschade_gemeente', 'gemeente_logins', "
                    "'SELECT')"
                )
            ).one()
        assert tuple(rights) == (False, False, False, True, False)
        store.audit("beheer", "check", None, "")
    finally:
        store.close()
    # its own store it may rebuild: it owns every part of it
    create_store(_as(url, login), overwrite=True).close()


@pytest.mark.postgis
def test_owner_with_createrole_hands_the_audit_log_over_and_cannot_throw_it_away(postgis_server):
    url = postgis_server.new_database()
    login = _login(postgis_server, "CREATEROLE")
    database = url.rsplit("/", 1)[1]
    postgis_server.sql(f'ALTER DATABASE "{database}" OWNER TO {login}')
    store = create_store(_as(url, login))
    try:
        hard = _hardening(store.engine)
        assert hard["audit_owner"] == "imgschade_security" and hard["limits"] is None
        # revision 0007 dropped and rebuilt the planner functions: handed over again
        for name in ("imgschade_municipality_summary", "imgschade_pc4_summary"):
            assert hard["functions"][name] == f"imgschade_security {FIXED_PATH}"
        with store.engine.connect() as conn:
            member = conn.execute(
                text("SELECT pg_has_role(current_user, 'imgschade_security', 'MEMBER')")
            ).scalar()
        assert member is False  # the membership needed for the hand-over was given back
        store.audit("beheer", "check", None, "")
        refused = pytest.raises(DomainError, match="append-only|permission denied")
        with refused, store.engine.begin() as conn:
            conn.execute(text("DELETE FROM audit_log"))
    finally:
        store.close()
    with pytest.raises(DomainError, match="kan niet worden overschreven") as err:
        create_store(_as(url, login), overwrite=True)
    assert "imgschade_security" in str(err.value) and "Traceback" not in str(err.value)
    still = open_store(url)  # nothing was dropped
    try:
        assert _hardening(still.engine)["audit_owner"] == "imgschade_security"
    finally:
        still.close()


# --- revision 0006: claims.handler ---------------------------------------------------------
def _store_at(where, revision: str):
    """A new GeoPackage store built only up to ``revision`` (then upgraded by the test)."""
    from domain.store.engine import make_engine, parse_location

    location = parse_location(str(where))
    engine = make_engine(location)
    migrate.upgrade(engine, revision)
    return engine


def test_0006_adds_claim_handler_to_a_0005_geopackage(tmp_path):
    engine = _store_at(tmp_path / "old.gpkg", "0005_hardened_shared_use")
    try:
        # a store built at 0005 has no handler: the column belongs to revision 0006 only
        assert "handler" not in _claim_columns(engine)
        migrate.upgrade(engine)
        assert migrate.current_revision(engine) == REVISIONS[-1]
        assert "0006_claim_handler" in REVISIONS
        assert "handler" in _claim_columns(engine)
        with engine.begin() as conn:
            from alembic import command

            command.downgrade(migrate._config(conn), "0005_hardened_shared_use")
        assert "handler" in _claim_columns(engine)  # kept, as 0004 keeps claims.version
        migrate.upgrade(engine)  # reuses the kept column
        assert migrate.current_revision(engine) == REVISIONS[-1]
    finally:
        engine.dispose()


def test_0006_builds_from_its_own_text_not_from_live_code():
    import ast

    source = migrate.MIGRATIONS / "versions" / "0006_claim_handler.py"
    tree = ast.parse(source.read_text(encoding="utf-8"))
    imported = set()
    for inner in ast.walk(tree):
        if isinstance(inner, ast.ImportFrom):
            imported.add(inner.module)
        elif isinstance(inner, ast.Import):
            imported |= {a.name for a in inner.names}
    assert imported == {"__future__", "sqlalchemy", "alembic"}


@pytest.mark.postgis
def test_0006_on_postgis_downgrades_and_upgrades_and_audits_the_handler(postgis_server):
    url = postgis_server.new_database()
    store = create_store(url)
    try:
        assert "handler" in _claim_columns(store.engine)
        with store.engine.begin() as conn:
            from alembic import command

            command.downgrade(migrate._config(conn), "0005_hardened_shared_use")
        assert "handler" not in _claim_columns(store.engine)
        migrate.upgrade(store.engine)
        assert "handler" in _claim_columns(store.engine)
        # the 0005 audit trigger reads the columns at each statement: the handler is audited
        with store.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO objects (id, geom, x, y, small, rijksmonument, "
                    "in_ncg_programme) VALUES (1, ST_SetSRID(ST_MakePoint(245000, 593500), "
                    "28992), 245000, 593500, false, false, false)"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO claims (claim_number, object_id, scheme, submitted, final, "
                    "objection, status, handler) VALUES ('SCH-1', 1, 'maatwerk', '2020-01-01', "
                    "false, false, 'decided', 'CVW')"
                )
            )
            handler = conn.execute(
                text(
                    "SELECT new_values ->> 'handler' FROM audit_log WHERE table_name = 'claims' "
                    "ORDER BY id DESC LIMIT 1"
                )
            ).scalar_one()
        assert handler == "CVW"
    finally:
        store.close()


# --- revision 0007: the planner aggregates count dh_to_check -------------------------------
SUMMARY_FUNCTIONS = ("imgschade_municipality_summary", "imgschade_pc4_summary")
PLANNER_VIEWS = ("planner_municipality_summary", "planner_pc4_summary")


def _planner_shape(engine) -> dict:
    """Owner, settings, rights, columns and text of the planner functions and views."""
    with engine.connect() as conn:
        functions = {
            r[0]: tuple(r[1:])
            for r in conn.execute(
                text(
                    "SELECT p.proname, pg_get_userbyid(p.proowner), p.proconfig, p.prosecdef, "
                    "p.provolatile, pg_get_function_result(p.oid), p.prosrc, ARRAY(SELECT "
                    "pg_get_userbyid(a.grantor) || '>' || CASE WHEN a.grantee = 0 THEN 'PUBLIC' "
                    "ELSE pg_get_userbyid(a.grantee) END || ':' || a.privilege_type FROM "
                    "aclexplode(COALESCE(p.proacl, acldefault('f', p.proowner))) a ORDER BY 1) "
                    "FROM pg_proc p WHERE p.proname = ANY(:n) "
                    "AND p.pronamespace = current_schema()::regnamespace"
                ),
                {"n": list(SUMMARY_FUNCTIONS)},
            )
        }
        views = {
            r[0]: tuple(r[1:])
            for r in conn.execute(
                text(
                    "SELECT c.relname, pg_get_userbyid(c.relowner), c.reloptions, "
                    "pg_get_viewdef(c.oid), ARRAY(SELECT pg_get_userbyid(a.grantor) || '>' || "
                    "CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END "
                    "|| ':' || a.privilege_type FROM aclexplode(COALESCE(c.relacl, "
                    "acldefault('r', c.relowner))) a ORDER BY 1) FROM pg_class c "
                    "WHERE c.relname = ANY(:n) AND c.relkind = 'v' "
                    "AND c.relnamespace = current_schema()::regnamespace"
                ),
                {"n": list(PLANNER_VIEWS)},
            )
        }
        columns = {
            view: [c["name"] for c in inspect(conn).get_columns(view)] for view in PLANNER_VIEWS
        }
    return {"functions": functions, "views": views, "columns": columns}


def _without_classes(shape: dict) -> dict:
    """The shape with the result text, body, view text and columns left out: the rights."""
    return {
        "functions": {n: (f[0], f[1], f[2], f[3], f[6]) for n, f in shape["functions"].items()},
        "views": {n: (v[0], v[1], v[3]) for n, v in shape["views"].items()},
    }


def test_0007_builds_from_its_own_text_not_from_live_code():
    import ast

    source = migrate.MIGRATIONS / "versions" / "0007_planner_dh_to_check.py"
    tree = ast.parse(source.read_text(encoding="utf-8"))
    imported = set()
    for inner in ast.walk(tree):
        if isinstance(inner, ast.ImportFrom):
            imported.add(inner.module)
        elif isinstance(inner, ast.Import):
            imported |= {a.name for a in inner.names}
    assert imported == {"__future__", "sqlalchemy", "alembic"}


@pytest.mark.postgis
def test_0007_adds_dh_to_check_keeps_every_right_and_a_fresh_store_is_the_same(postgis_server):
    from domain.rules.status import MAP_STATUSES
    from domain.store.engine import make_engine, parse_location

    engine = make_engine(parse_location(postgis_server.new_database()))
    fresh = create_store(postgis_server.new_database())
    try:
        migrate.upgrade(engine, "0006_claim_handler")
        old = _planner_shape(engine)
        assert "dh_to_check" not in old["columns"]["planner_pc4_summary"]
        migrate.upgrade(engine)
        new = _planner_shape(engine)
        for view, key in zip(PLANNER_VIEWS, ("municipality", "pc4"), strict=True):
            assert new["columns"][view] == [key, "objects", "in_effect_area", *MAP_STATUSES]
        # owner, fixed search path, SECURITY DEFINER and every grant as revision 0005 left them
        assert _without_classes(new) == _without_classes(old)
        for name, function in new["functions"].items():
            assert function[:3] == ("imgschade_security", [FIXED_PATH], True), name
            assert "postgres>imgschade_planner:EXECUTE" not in function[6]
            assert "imgschade_security>imgschade_planner:EXECUTE" in function[6], name
            assert not any(g.split(">")[1].startswith("PUBLIC") for g in function[6]), name
        for name, view in new["views"].items():
            assert "postgres>imgschade_planner:SELECT" in view[3], name
        # a new store has exactly the shape of an upgraded one
        assert _planner_shape(fresh.engine) == new
        with engine.begin() as conn:
            from alembic import command

            command.downgrade(migrate._config(conn), "0006_claim_handler")
        assert _planner_shape(engine) == old
        migrate.upgrade(engine)
        assert _planner_shape(engine) == new
    finally:
        fresh.close()
        engine.dispose()
