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
    for node in tree.body:  # everything but the downgrade, which restores 0004 with 0004's code
        if isinstance(node, ast.FunctionDef) and node.name == "downgrade":
            continue
        for inner in ast.walk(node):
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
