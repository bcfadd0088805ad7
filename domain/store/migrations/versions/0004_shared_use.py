"""Shared use: claim versions everywhere; on PostGIS also roles, row-level security, planner views.

Revision ID: 0004_shared_use
Revises: 0003_append_only_history
Create Date: 2026-11-24

Claims get a ``version`` (optimistic locking, like hand-offs), so two people editing one claim
cannot overwrite each other. On PostGIS the migration also creates the group roles (when the
migrating user may create roles), the login → municipality table the policies read, the
row-level security policies and the aggregate functions/views for the planner. Everything
PostGIS-only is written to be re-runnable: roles and the login table live outside the tables
a store rebuild drops, and the planner views read functions (not tables), so dropping and
recreating the tables (``create_store(overwrite=True)``) never trips over them.

Frozen DDL: the SQL below is what ``domain.store.roles.install_postgis_security`` and
``remove_postgis_security`` ran on the day this revision was made; it no longer depends on
that module. The downgrade also takes back the grants ``install`` gave (the first version left
them, so a store downgraded to 0003 kept SELECT for the product roles on tables without
row-level security). Revision 0005's downgrade rebuilds this revision's state with ``install`` below
(it loads this file through alembic), so both stay one text.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_shared_use"
down_revision = "0003_append_only_history"
branch_labels = None
depends_on = None

SEE_ALL = ("imgschade_img", "imgschade_ncg", "imgschade_taskforce")
GEMEENTE = "imgschade_gemeente"
PLANNER = "imgschade_planner"
ROLES = (*SEE_ALL, GEMEENTE, PLANNER)
EDITORS = (*SEE_ALL, GEMEENTE)
#: tables whose rows belong to an object (row-level security follows the object)
BY_OBJECT = ("addresses", "parcels", "ownerships", "claims", "handoffs", "exposure_events")
RLS_TABLES = ("objects", *BY_OBJECT, "handoff_status", "persons")
READ_ALL = (
    "objects",
    "parcels",
    "addresses",
    "persons",
    "ownerships",
    "claims",
    "quakes",
    "exposure_events",
    "areas",
    "handoffs",
    "handoff_status",
    "store_info",
    "alembic_version",
    "gemeente_logins",
)
PLANNER_READ = ("areas", "quakes", "store_info", "alembic_version")
SEQUENCES = ("handoffs_id_seq", "handoff_status_id_seq", "audit_log_id_seq")
#: the planner aggregates at this revision (no dh_to_check: revision 0007 adds it)
SUMMARIES = (("municipality", "municipality varchar"), ("pc4", "pc4 varchar"))
SUMMARY_COLUMNS = (
    "COUNT(*)::bigint AS objects, "
    "COUNT(*) FILTER (WHERE o.in_effect_area)::bigint AS in_effect_area, "
    "COUNT(*) FILTER (WHERE o.status = 'no_claim')::bigint AS no_claim, "
    "COUNT(*) FILTER (WHERE o.status = 'claim_open')::bigint AS claim_open, "
    "COUNT(*) FILTER (WHERE o.status = 'final')::bigint AS final, "
    "COUNT(*) FILTER (WHERE o.status = 'may_claim_again')::bigint AS may_claim_again, "
    "COUNT(*) FILTER (WHERE o.status = 'dh_eligible')::bigint AS dh_eligible, "
    "COUNT(*) FILTER (WHERE o.status = 'handoff_running')::bigint AS handoff_running"
)
SUMMARY_TYPES = (
    "objects bigint, in_effect_area bigint, no_claim bigint, claim_open bigint, final bigint, "
    "may_claim_again bigint, dh_eligible bigint, handoff_running bigint"
)
#: the policies' helper functions (caller's rights: their rows are filtered by RLS in turn)
VISIBLE = (
    ("imgschade_visible_objects", "integer", "SELECT id FROM objects"),
    ("imgschade_visible_handoffs", "integer", "SELECT id FROM handoffs"),
    (
        "imgschade_visible_persons",
        "varchar",
        "SELECT person_id FROM ownerships UNION SELECT applicant_id FROM claims",
    ),
)


def _sql(bind, statement: str) -> None:
    bind.exec_driver_sql(statement, execution_options={"no_parameters": True})


def _existing_roles(bind) -> set[str]:
    rows = bind.execute(
        sa.text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:names)"), {"names": list(ROLES)}
    )
    return {row[0] for row in rows}


def _ensure_roles(bind) -> None:
    """Roles are cluster-wide: create the missing ones when the migrating user may."""
    may = bind.execute(
        sa.text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
    ).scalar()
    if not may:
        return
    for role in ROLES:
        if role not in _existing_roles(bind):
            _sql(bind, f"CREATE ROLE {role} NOLOGIN")


def _planner_views(bind, schema: str) -> None:
    """Aggregates through SECURITY DEFINER functions: counts without any row of personal data.
    Views read the functions, not the tables, so rebuilding the tables never depends on them."""
    for name, key_type in SUMMARIES:
        function = f"imgschade_{name}_summary"
        _sql(
            bind,
            f"CREATE OR REPLACE FUNCTION {function}() RETURNS TABLE ({key_type}, "
            f"{SUMMARY_TYPES}) LANGUAGE sql STABLE SECURITY DEFINER "
            f"SET search_path = {schema}, pg_temp AS $$ SELECT o.{name} AS {name}, "
            f"{SUMMARY_COLUMNS} FROM objects o GROUP BY o.{name} $$",
        )
        _sql(bind, f"REVOKE ALL ON FUNCTION {function}() FROM PUBLIC")
        _sql(
            bind,
            f"CREATE OR REPLACE VIEW planner_{name}_summary AS SELECT * FROM {function}()",
        )


def _policies(bind) -> None:
    """Policies read other tables only through functions (whose bodies PostgreSQL does not
    track as dependencies), so dropping a table for a rebuild is never blocked by a policy."""
    for function, kind, body in VISIBLE:
        _sql(
            bind,
            f"CREATE OR REPLACE FUNCTION {function}() RETURNS SETOF {kind} LANGUAGE sql STABLE "
            f"AS $$ {body} $$",
        )
    mine = "(SELECT imgschade_sees_all()) OR "
    rules = {
        "objects": mine + "municipality = (SELECT imgschade_my_municipality())",
        "handoff_status": mine + "handoff_id IN (SELECT imgschade_visible_handoffs())",
        "persons": mine + "id IN (SELECT imgschade_visible_persons())",
    }
    for table in BY_OBJECT:
        rules[table] = mine + "object_id IN (SELECT imgschade_visible_objects())"
    for table, rule in rules.items():
        _sql(bind, f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        _sql(bind, f"DROP POLICY IF EXISTS imgschade_rows ON {table}")
        _sql(bind, f"CREATE POLICY imgschade_rows ON {table} USING ({rule}) WITH CHECK ({rule})")


def _grants(bind) -> None:
    editors = ", ".join(EDITORS)
    everyone = ", ".join(ROLES)
    _sql(bind, f"GRANT SELECT ON {', '.join(READ_ALL)} TO {editors}")
    _sql(bind, f"GRANT UPDATE ON claims, handoffs TO {editors}")
    _sql(bind, f"GRANT INSERT ON handoffs, handoff_status TO {editors}")
    # every audit column but db_login, which only the server fills in
    _sql(bind, f"GRANT INSERT (at, who, action, object_id, detail) ON audit_log TO {editors}")
    _sql(bind, f"GRANT USAGE ON SEQUENCE {', '.join(SEQUENCES)} TO {editors}")
    _sql(bind, f"GRANT SELECT ON audit_log TO {', '.join(SEE_ALL)}")
    _sql(bind, f"GRANT SELECT ON {', '.join(PLANNER_READ)} TO {PLANNER}")
    _sql(bind, f"GRANT SELECT ON planner_municipality_summary, planner_pc4_summary TO {everyone}")
    for name, _key_type in SUMMARIES:
        _sql(bind, f"GRANT EXECUTE ON FUNCTION imgschade_{name}_summary() TO {everyone}")


def install(bind) -> None:
    """Create roles (if allowed), the login table, functions, views, grants and policies."""
    schema = bind.execute(sa.text("SELECT current_schema()")).scalar_one()
    _ensure_roles(bind)
    _sql(
        bind,
        "CREATE TABLE IF NOT EXISTS gemeente_logins (login VARCHAR(63) PRIMARY KEY, "
        "municipality VARCHAR(60) NOT NULL)",
    )
    # the server, not the client, records which login wrote each audit line
    _sql(
        bind,
        "ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS db_login VARCHAR(63) NOT NULL "
        "DEFAULT current_user",
    )
    roles_exist = _existing_roles(bind) == set(ROLES)
    see_all = (
        " OR ".join(f"pg_has_role(current_user, '{role}', 'MEMBER')" for role in SEE_ALL)
        if roles_exist
        else "false"
    )
    _sql(
        bind,
        "CREATE OR REPLACE FUNCTION imgschade_sees_all() RETURNS boolean LANGUAGE sql "
        f"STABLE AS $$ SELECT {see_all} $$",
    )
    _sql(
        bind,
        "CREATE OR REPLACE FUNCTION imgschade_my_municipality() RETURNS varchar "
        "LANGUAGE sql STABLE AS $$ SELECT municipality FROM gemeente_logins "
        "WHERE login = current_user $$",
    )
    _planner_views(bind, schema)
    _policies(bind)
    if roles_exist:
        _grants(bind)


def remove(bind) -> None:
    """Take away what ``install`` made, back to revision 0003 (the roles and the login table
    stay: they outlive one store)."""
    roles = ", ".join(role for role in ROLES if role in _existing_roles(bind))
    if roles:
        _sql(bind, f"REVOKE ALL ON {', '.join((*READ_ALL, 'audit_log'))} FROM {roles}")
        _sql(bind, f"REVOKE ALL ON SEQUENCE {', '.join(SEQUENCES)} FROM {roles}")
    for table in RLS_TABLES:
        _sql(bind, f"DROP POLICY IF EXISTS imgschade_rows ON {table}")
        _sql(bind, f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    for name, _key_type in SUMMARIES:
        _sql(bind, f"DROP VIEW IF EXISTS planner_{name}_summary")
    for name, _key_type in SUMMARIES:
        _sql(bind, f"DROP FUNCTION IF EXISTS imgschade_{name}_summary()")
    for function, _kind, _body in VISIBLE:
        _sql(bind, f"DROP FUNCTION IF EXISTS {function}()")
    _sql(bind, "DROP FUNCTION IF EXISTS imgschade_sees_all()")
    _sql(bind, "DROP FUNCTION IF EXISTS imgschade_my_municipality()")
    _sql(bind, "ALTER TABLE audit_log DROP COLUMN IF EXISTS db_login")


def _has_version(bind) -> bool:
    return "version" in {c["name"] for c in sa.inspect(bind).get_columns("claims")}


def upgrade() -> None:
    bind = op.get_bind()
    if not _has_version(bind):  # a GeoPackage downgraded earlier keeps the column
        op.add_column(
            "claims", sa.Column("version", sa.Integer, nullable=False, server_default="1")
        )
    if bind.dialect.name != "postgresql":
        return
    install(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        remove(bind)
        op.drop_column("claims", "version")
    # GeoPackage: SQLite's DROP COLUMN re-parses the schema and trips over a trigger that
    # SpatiaLite writes for gpkg_metadata_reference; the column stays. Older code ignores it
    # (it has a default), and upgrading again reuses it.
