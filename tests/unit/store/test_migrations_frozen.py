"""Frozen migrations: every revision holds its own DDL, and running them all builds the schema
``domain.store.schema`` describes, on GeoPackage and on PostGIS.

- No revision file imports anything of ``domain`` (so a change to live code never changes
  what an old revision builds).
- A store built by running every revision from empty has the tables, columns (type,
  nullability, default), keys, indexes and spatial registration that ``metadata.create_all``
  makes from ``domain.store.schema``, plus only the listed objects the revisions add beyond it
  (the append-only triggers, on PostGIS the security of revisions 0004/0005).
- On PostGIS, running the revisions one at a time from empty gives exactly what the product's
  create path (``create_store``) gives, down to policies, grants, function bodies and owners;
  a store at any older revision upgraded to head is the same as a new one; downgrading to
  0003 and upgrading again gives it back.
"""

from __future__ import annotations

import ast
import re
import sqlite3

import pytest
from alembic import command
from sqlalchemy import MetaData, inspect, text

from domain.store import create_store, migrate
from domain.store.engine import make_engine, parse_location
from domain.store.schema import REVISIONS, metadata

VERSIONS = migrate.MIGRATIONS / "versions"

#: triggers the revisions add that the metadata does not describe (revision 0003)
APPEND_ONLY_TRIGGERS = {
    ("audit_log", "audit_log_no_update"),
    ("audit_log", "audit_log_no_delete"),
    ("handoff_status", "handoff_status_no_update"),
    ("handoff_status", "handoff_status_no_delete"),
}
#: PostGIS only, from revisions 0004/0005 (schema.py says so beside ``audit_log``)
POSTGIS_AUDIT_COLUMNS = ("db_login", "table_name", "row_id", "old_values", "new_values")
POSTGIS_TABLES = {"gemeente_logins"}


# --- (a) no revision imports live code -----------------------------------------------------
def _imports(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            found.add(node.module or "")
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "import_module":
            found.add("importlib.import_module")  # a module named at run time: not frozen
        elif isinstance(node, ast.Name) and node.id == "__import__":
            found.add("__import__")
    return found


def test_every_revision_file_exists_and_none_imports_live_code():
    files = sorted(p for p in VERSIONS.glob("*.py") if p.name != "__init__.py")
    assert [p.stem for p in files] == list(REVISIONS)
    for path in files:
        imported = _imports(path)
        assert imported <= {"__future__", "sqlalchemy", "alembic"}, (path.name, imported)
        assert not any(name.split(".")[0] == "domain" for name in imported), path.name


def test_live_code_keeps_no_migration_installer():
    """What only the migrations used is gone from the live modules."""
    from domain.store import roles, schema

    for name in ("install_postgis_security", "remove_postgis_security", "_planner_views"):
        assert not hasattr(roles, name), name
    assert not hasattr(schema, "create_at_revision")


# --- reading a schema back -----------------------------------------------------------------
def _reference(where: str):
    """A store made by ``metadata.create_all`` (on a copy: GeoAlchemy2's GeoPackage hooks edit
    the index set of the metadata they create), with no revision run."""
    copy = MetaData()
    for table in metadata.sorted_tables:
        table.to_metadata(copy)
    engine = make_engine(parse_location(where))
    with engine.begin() as conn:
        migrate.ensure_postgis(conn)
        copy.create_all(conn)
    return engine


def _type(column: dict) -> str:
    kind = column["type"]
    geometry = getattr(kind, "geometry_type", None)
    if geometry is not None:
        return f"geometry({geometry},{kind.srid})"
    return repr(kind)  # the reflected type with its length: VARCHAR(length=40), TEXT()


def _shape(engine, skip=lambda table: False) -> dict:
    """Tables → columns (name, type, nullable, default), primary key, foreign keys, unique
    constraints and indexes, as SQLAlchemy reads them back."""
    out = {}
    with engine.connect() as conn:
        found = inspect(conn)
        for table in sorted(found.get_table_names()):
            if skip(table):
                continue
            columns = [
                (c["name"], _type(c), c["nullable"], _default(c.get("default")))
                for c in found.get_columns(table)
            ]
            foreign = sorted(
                (tuple(k["constrained_columns"]), k["referred_table"], tuple(k["referred_columns"]))
                for k in found.get_foreign_keys(table)
            )
            unique = sorted(tuple(u["column_names"]) for u in found.get_unique_constraints(table))
            indexes = sorted(
                (i["name"], tuple(i["column_names"]), bool(i["unique"]))
                for i in found.get_indexes(table)
            )
            primary = tuple(found.get_pk_constraint(table)["constrained_columns"])
            out[table] = {
                "columns": columns,
                "primary": primary,
                "foreign": foreign,
                "unique": unique,
                "indexes": indexes,
            }
    return out


def _default(value) -> str | None:
    """A column default as text, without the quoting and casts each backend adds."""
    if value is None:
        return None
    return re.sub(r"::[a-z ]+", "", str(value)).strip("'\"()")


def _ours(table: str) -> bool:
    return not table.startswith(("gpkg_", "rtree_", "sqlite_", "spatial_ref_sys"))


# --- GeoPackage ----------------------------------------------------------------------------
def _gpkg_registry(path) -> dict:
    conn = sqlite3.connect(path)
    try:
        triggers = {
            (r[1], r[0], re.sub(r"\s+", " ", r[2]))
            for r in conn.execute(
                "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'"
            )
        }
        return {
            "contents": sorted(
                conn.execute(
                    "SELECT table_name, data_type, identifier, description, srs_id "
                    "FROM gpkg_contents"
                ).fetchall()
            ),
            "geometry_columns": sorted(conn.execute("SELECT * FROM gpkg_geometry_columns")),
            "extensions": sorted(conn.execute("SELECT * FROM gpkg_extensions")),
            "srs": sorted(conn.execute("SELECT srs_id, organization FROM gpkg_spatial_ref_sys")),
            "rtrees": sorted(
                r[0]
                for r in conn.execute(
                    "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%rtree%'"
                )
            ),
            "triggers": triggers,
        }
    finally:
        conn.close()


def _gpkg_store(path, revision: str = "head"):
    engine = make_engine(parse_location(str(path)))
    migrate.upgrade(engine, revision)
    return engine


def test_geopackage_from_all_revisions_is_what_the_schema_describes(tmp_path):
    built = _gpkg_store(tmp_path / "revisions.gpkg")
    reference = _reference(str(tmp_path / "metadata.gpkg"))
    created = create_store(str(tmp_path / "created.gpkg"))
    try:
        ours = _shape(built, lambda t: not _ours(t) or t == "alembic_version")
        assert ours == _shape(reference, lambda t: not _ours(t))
        assert set(ours) == set(metadata.tables)
        # the product's create path is the same path: the same file, table for table
        assert _shape(created.engine) == _shape(built)
    finally:
        created.close()
        built.dispose()
        reference.dispose()
    by_revisions = _gpkg_registry(tmp_path / "revisions.gpkg")
    by_metadata = _gpkg_registry(tmp_path / "metadata.gpkg")
    added = {t for t in by_revisions["triggers"] if (t[0], t[1]) in APPEND_ONLY_TRIGGERS}
    assert {(t[0], t[1]) for t in added} == APPEND_ONLY_TRIGGERS
    assert {**by_revisions, "triggers": by_revisions["triggers"] - added} == by_metadata
    assert [c[0] for c in by_metadata["contents"]] == [
        "areas",
        "boundaries",
        "objects",
        "parcels",
        "quakes",
    ]
    assert len(by_metadata["rtrees"]) == 5 and by_metadata["triggers"]
    assert _gpkg_registry(tmp_path / "created.gpkg") == by_revisions


@pytest.fixture(scope="module")
def gpkg_head(tmp_path_factory) -> tuple[dict, dict]:
    """The shape and registry of a new GeoPackage store at the newest revision."""
    path = tmp_path_factory.mktemp("gpkg-head") / "fresh.gpkg"
    engine = _gpkg_store(path)
    try:
        return _shape(engine), _gpkg_registry(path)
    finally:
        engine.dispose()


@pytest.mark.parametrize("revision", REVISIONS[:-1])
def test_geopackage_at_any_revision_upgrades_to_the_new_schema(tmp_path, gpkg_head, revision):
    old = _gpkg_store(tmp_path / "old.gpkg", revision)
    try:
        assert migrate.current_revision(old) == revision
        shape_at_revision = _shape(old)
        migrate.upgrade(old)
        assert migrate.current_revision(old) == REVISIONS[-1]
        assert _shape(old) == gpkg_head[0]
        # what schema.py marks as added by a later revision (``info["since"]``) is not there
        # before it, and everything else is
        later = set(REVISIONS[REVISIONS.index(revision) + 1 :])
        for table in metadata.tables.values():
            if table.info.get("since") in later:
                assert table.name not in shape_at_revision, table.name
                continue
            columns = {c[0] for c in shape_at_revision[table.name]["columns"]}
            indexes = {i[0] for i in shape_at_revision[table.name]["indexes"]}
            for column in table.columns:
                assert (column.name in columns) != (column.info.get("since") in later), column
            for index in table.indexes:
                if index.name.startswith("ix_"):  # (the R-tree is no index to SQLite)
                    assert (index.name in indexes) != (index.info.get("since") in later), index
    finally:
        old.dispose()
    assert _gpkg_registry(tmp_path / "old.gpkg") == gpkg_head[1]


def test_geopackage_downgrades_to_0003_and_upgrades_again(tmp_path):
    store = _gpkg_store(tmp_path / "s.gpkg")
    at_0003 = _gpkg_store(tmp_path / "at_0003.gpkg", "0003_append_only_history")
    try:
        head = _shape(store)
        with store.begin() as conn:
            command.downgrade(migrate._config(conn), "0003_append_only_history")
        down = _shape(store)
        # as at 0003, except the columns SQLite cannot drop (see revisions 0004 and 0006)
        kept = [c for c in down["claims"]["columns"] if c[0] in ("version", "handler")]
        assert [c[0] for c in kept] == ["version", "handler"]
        down["claims"]["columns"] = [c for c in down["claims"]["columns"] if c not in kept]
        assert down == _shape(at_0003)
        migrate.upgrade(store)
        assert _shape(store) == head
    finally:
        store.dispose()
        at_0003.dispose()


# --- PostGIS -------------------------------------------------------------------------------
#: an access list by what it grants (grantor>grantee:privilege), the default when unset:
#: ``REVOKE`` and ``GRANT`` back give the same rights in another order or spelling
_ACL = (
    "ARRAY(SELECT pg_get_userbyid(a.grantor) || '>' || CASE WHEN a.grantee = 0 THEN 'PUBLIC' "
    "ELSE pg_get_userbyid(a.grantee) END || ':' || a.privilege_type FROM aclexplode(COALESCE("
    "{acl}, acldefault({kind}, {owner}))) a ORDER BY 1)::text"
)
#: the catalogue, as text rows: everything the revisions build in the store's schema
_CATALOGUE = {
    "columns": (
        # the place among the table's columns (a column dropped and added again gets a new
        # ordinal_position: PostgreSQL never reuses one)
        "SELECT table_name, column_name, ROW_NUMBER() OVER (PARTITION BY table_name ORDER BY "
        "ordinal_position), data_type, udt_name, character_maximum_length, is_nullable, "
        "column_default FROM information_schema.columns WHERE table_schema = current_schema()"
    ),
    "constraints": (
        "SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) "
        "FROM pg_constraint c WHERE c.connamespace = current_schema()::regnamespace"
    ),
    "indexes": "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()",
    "relations": (
        "SELECT c.relname, c.relkind, pg_get_userbyid(c.relowner), c.relrowsecurity, "
        "c.relforcerowsecurity, c.reloptions::text, "
        + _ACL.format(
            acl="c.relacl",
            kind="(CASE c.relkind WHEN 'S' THEN 's' ELSE 'r' END)::\"char\"",
            owner="c.relowner",
        )
        + " FROM pg_class c "
        "WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'v', 'S')"
    ),
    "views": (
        "SELECT viewname, viewowner, definition FROM pg_views WHERE schemaname = current_schema()"
    ),
    "policies": (
        "SELECT tablename, policyname, permissive, roles::text, cmd, qual, with_check "
        "FROM pg_policies WHERE schemaname = current_schema()"
    ),
    "table_grants": (
        "SELECT grantor, grantee, table_name, privilege_type, is_grantable "
        "FROM information_schema.role_table_grants WHERE table_schema = current_schema()"
    ),
    "column_grants": (
        "SELECT grantor, grantee, table_name, column_name, privilege_type "
        "FROM information_schema.column_privileges WHERE table_schema = current_schema()"
    ),
    "functions": (
        "SELECT p.proname, pg_get_function_identity_arguments(p.oid), "
        "pg_get_userbyid(p.proowner), p.prosecdef, p.provolatile, p.proconfig::text, "
        "pg_get_function_result(p.oid), md5(p.prosrc), "
        + _ACL.format(acl="p.proacl", kind="'f'", owner="p.proowner")
        + " FROM pg_proc p "
        "WHERE p.pronamespace = current_schema()::regnamespace AND p.proname LIKE 'imgschade\\_%'"
    ),
    "triggers": (
        "SELECT t.tgrelid::regclass::text, t.tgname, pg_get_triggerdef(t.oid) FROM pg_trigger t "
        "JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal "
        "AND c.relnamespace = current_schema()::regnamespace"
    ),
    "geometry_columns": (
        "SELECT f_table_name, f_geometry_column, type, srid, coord_dimension "
        "FROM geometry_columns WHERE f_table_schema = current_schema()"
    ),
    "schema_and_database": (
        "SELECT "
        + _ACL.format(acl="n.nspacl", kind="'n'", owner="n.nspowner")
        + ", "
        + _ACL.format(acl="d.datacl", kind="'d'", owner="d.datdba")
        + " FROM pg_namespace n, pg_database d "
        "WHERE n.nspname = current_schema() AND d.datname = current_database()"
    ),
    "store_info": "SELECT key, value FROM store_info",
    "version": "SELECT version_num FROM alembic_version",
}


def _catalogue(engine) -> dict[str, list]:
    with engine.connect() as conn:
        return {
            part: sorted(tuple(str(v) for v in row) for row in conn.execute(text(query)))
            for part, query in _CATALOGUE.items()
        }


def _differences(first: dict, second: dict) -> list[str]:
    out = []
    for part in first:
        for row in sorted(set(first[part]) ^ set(second[part])):
            side = "first " if row in first[part] else "second"
            out.append(f"{part} only in {side}: {row}"[:400])
    return out


def _postgis_engine(server, revision: str | None = "head"):
    engine = make_engine(parse_location(server.new_database()))
    if revision is not None:
        migrate.upgrade(engine, revision)
    return engine


@pytest.mark.postgis
def test_postgis_from_all_revisions_is_what_the_schema_describes(postgis_server):
    built = _postgis_engine(postgis_server)
    reference = _reference(postgis_server.new_database())
    try:
        ours = _shape(built, lambda t: not _ours(t) or t == "alembic_version")
        expected = _shape(reference, lambda t: not _ours(t))
        assert set(ours) - set(expected) == POSTGIS_TABLES
        audit = ours["audit_log"]["columns"]
        assert [c[0] for c in audit[-len(POSTGIS_AUDIT_COLUMNS) :]] == list(POSTGIS_AUDIT_COLUMNS)
        ours["audit_log"]["columns"] = audit[: -len(POSTGIS_AUDIT_COLUMNS)]
        assert {t: s for t, s in ours.items() if t not in POSTGIS_TABLES} == expected
        spatial = (
            "SELECT f_table_name, type, srid FROM geometry_columns "
            "WHERE f_table_schema = current_schema() ORDER BY 1"
        )
        with built.connect() as conn, reference.connect() as other:
            assert conn.execute(text(spatial)).all() == other.execute(text(spatial)).all()
    finally:
        built.dispose()
        reference.dispose()


@pytest.mark.postgis
def test_postgis_one_revision_at_a_time_is_what_the_create_path_builds(postgis_server):
    stepwise = _postgis_engine(postgis_server, None)
    created = create_store(postgis_server.new_database())
    try:
        for revision in REVISIONS:
            migrate.upgrade(stepwise, revision)  # each in a transaction of its own
        first, second = _catalogue(stepwise), _catalogue(created.engine)
        assert not _differences(first, second)
        # the parts that carry the security are really there (not two empty lists)
        assert len(first["policies"]) >= 9 and len(first["functions"]) >= 12
        assert first["column_grants"] and first["table_grants"]
    finally:
        stepwise.dispose()
        created.close()


@pytest.fixture(scope="module")
def postgis_head(postgis_server):
    engine = _postgis_engine(postgis_server)
    try:
        yield _catalogue(engine)
    finally:
        engine.dispose()


@pytest.mark.postgis
@pytest.mark.parametrize("revision", REVISIONS[:-1])
def test_postgis_at_any_revision_upgrades_to_what_a_new_store_has(
    postgis_server, postgis_head, revision
):
    old = _postgis_engine(postgis_server, revision)
    try:
        assert migrate.current_revision(old) == revision
        migrate.upgrade(old)
        assert not _differences(_catalogue(old), postgis_head)
    finally:
        old.dispose()


@pytest.mark.postgis
def test_postgis_downgrades_to_0003_and_upgrades_again(postgis_server, postgis_head):
    store = _postgis_engine(postgis_server)
    at_0003 = _postgis_engine(postgis_server, "0003_append_only_history")
    try:
        with store.begin() as conn:
            command.downgrade(migrate._config(conn), "0003_append_only_history")
        assert migrate.current_revision(store) == "0003_append_only_history"
        down, fresh = _catalogue(store), _catalogue(at_0003)
        # revision 0005 took TEMP on the database from PUBLIC; its downgrade leaves that (a
        # downgrade never hands back a right an administrator may have taken away)
        temp = re.compile(r"[^,{}]+>PUBLIC:TEMPORARY,?")
        fresh["schema_and_database"] = [
            tuple(temp.sub("", value) for value in row) for row in fresh["schema_and_database"]
        ]
        # and the login table outlives it (revision 0004: it outlives store rebuilds too)
        leftovers = _differences(down, fresh)
        assert leftovers and all(
            "only in first" in line and "gemeente_logins" in line for line in leftovers
        ), leftovers
        migrate.upgrade(store)
        assert not _differences(_catalogue(store), postgis_head)
    finally:
        store.dispose()
        at_0003.dispose()
