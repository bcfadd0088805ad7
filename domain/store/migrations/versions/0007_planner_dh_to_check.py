"""The planner aggregates count the map class ``dh_to_check`` (Duurzaam herstel: na te gaan).

Revision ID: 0007_planner_dh_to_check
Revises: 0006_claim_handler
Create Date: 2026-12-03

The map status gained the class ``dh_to_check``; the planner views ``planner_municipality_summary``
and ``planner_pc4_summary`` had one column per class but none for it, so a planner's class
columns no longer added up to ``objects``. On PostGIS both SECURITY DEFINER functions
``imgschade_municipality_summary()`` and ``imgschade_pc4_summary()`` get a column
``dh_to_check`` (in the legend's order, after ``may_claim_again``). Their return type changes,
which ``CREATE OR REPLACE`` cannot do: the views and functions are dropped and made again.

What revision 0005 left on them is kept exactly: the fixed ``search_path`` and SECURITY DEFINER
are in the text below; the owner (``imgschade_security``, or the migrating user where 0005
could not hand them over) and every EXECUTE / SELECT grant are read from the catalogue before
the drop and given back, so a store whose 0005 was limited keeps the same limits. To drop and
hand over functions owned by ``imgschade_security`` the migrating user joins that role for
the moment, as revision 0005 does. A GeoPackage has no planner views: nothing changes there.

Frozen DDL: the columns are written out here, not taken from ``domain.rules.status`` or
``domain.store.roles``. The downgrade makes revision 0005's definitions again the same way.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_planner_dh_to_check"
down_revision = "0006_claim_handler"
branch_labels = None
depends_on = None

SECURITY = "imgschade_security"
PRODUCT = (
    "imgschade_img",
    "imgschade_ncg",
    "imgschade_taskforce",
    "imgschade_gemeente",
    "imgschade_planner",
)
#: the map classes counted at this revision (legend order) and at revision 0005
STATUSES = (
    "no_claim",
    "claim_open",
    "final",
    "may_claim_again",
    "dh_to_check",
    "dh_eligible",
    "handoff_running",
)
STATUSES_0005 = tuple(s for s in STATUSES if s != "dh_to_check")
#: (function, view, grouping column and its type)
SUMMARIES = (
    ("imgschade_municipality_summary", "planner_municipality_summary", "municipality", "varchar"),
    ("imgschade_pc4_summary", "planner_pc4_summary", "pc4", "varchar"),
)


def _summary_columns(statuses) -> str:
    counts = [
        "COUNT(*)::bigint AS objects",
        "COUNT(*) FILTER (WHERE o.in_effect_area)::bigint AS in_effect_area",
        *(f"COUNT(*) FILTER (WHERE o.status = '{s}')::bigint AS {s}" for s in statuses),
    ]
    return ", ".join(counts)


def _summary_types(statuses) -> str:
    return ", ".join(f"{c} bigint" for c in ("objects", "in_effect_area", *statuses))


def _create_function(s: str, name: str, key: str, key_type: str, statuses) -> str:
    """As revision 0005 writes it, with the given classes."""
    path = f"SET search_path = pg_catalog, {s}, pg_temp"
    return (
        f"CREATE FUNCTION {s}.{name}() RETURNS TABLE ({key} {key_type}, "
        f"{_summary_types(statuses)}) LANGUAGE sql STABLE SECURITY DEFINER {path} AS $$ "
        f"SELECT o.{key} AS {key}, {_summary_columns(statuses)} FROM {s}.objects o "
        f"GROUP BY o.{key} $$"
    )


class _Replace:
    def __init__(self, bind) -> None:
        self.bind = bind
        self.quote = bind.dialect.identifier_preparer.quote
        schema, self.me, self.superuser = bind.execute(
            sa.text(
                "SELECT current_schema(), current_user, r.rolsuper FROM pg_roles r "
                "WHERE r.rolname = current_user"
            )
        ).one()
        self.s = self.quote(schema)

    def sql(self, statement: str) -> None:
        self.bind.exec_driver_sql(statement, execution_options={"no_parameters": True})

    def attempt(self, statement: str) -> bool:
        try:
            with self.bind.begin_nested():
                self.sql(statement)
        except Exception:  # noqa: BLE001  (refused: the drop or hand-over below says why)
            return False
        return True

    def value(self, query: str, **params):
        return self.bind.execute(sa.text(query), params).scalar()

    def role(self, name: str) -> str:
        return "PUBLIC" if name == "PUBLIC" else self.quote(name)

    # -- what is there now
    def function_state(self, name: str):
        """(owner, grantees of EXECUTE) or None when the function is missing."""
        row = self.bind.execute(
            sa.text(
                "SELECT pg_get_userbyid(p.proowner), ARRAY(SELECT CASE WHEN a.grantee = 0 "
                "THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END FROM aclexplode(COALESCE("
                "p.proacl, acldefault('f', p.proowner))) a WHERE a.privilege_type = 'EXECUTE' "
                "ORDER BY 1) FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace "
                "AND p.proname = :n AND p.pronargs = 0"
            ),
            {"n": name},
        ).first()
        return None if row is None else (row[0], list(row[1]))

    def view_state(self, name: str):
        """(owner, [(grantee, privilege)]) or None when the view is missing."""
        row = self.bind.execute(
            sa.text(
                "SELECT pg_get_userbyid(c.relowner), ARRAY(SELECT ARRAY[CASE WHEN a.grantee = 0 "
                "THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END, a.privilege_type] FROM "
                "aclexplode(COALESCE(c.relacl, acldefault('r', c.relowner))) a ORDER BY 1) "
                "FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace "
                "AND c.relname = :n AND c.relkind = 'v'"
            ),
            {"n": name},
        ).first()
        return None if row is None else (row[0], [tuple(g) for g in row[1]])

    def existing_product(self) -> list[str]:
        rows = self.bind.execute(
            sa.text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:n)"), {"n": list(PRODUCT)}
        ).scalars()
        names = set(rows)
        return [r for r in PRODUCT if r in names]

    # -- the work
    def run(self, statuses) -> None:
        functions = {f: self.function_state(f) for f, _v, _k, _t in SUMMARIES}
        views = {v: self.view_state(v) for _f, v, _k, _t in SUMMARIES}
        owners = {state[0] for state in functions.values() if state}
        joined = schema_granted = False
        if not self.superuser and SECURITY in owners:
            # dropping and handing over a function of imgschade_security needs its membership
            if not self.value("SELECT pg_has_role(current_user, :r, 'MEMBER')", r=SECURITY):
                joined = self.attempt(f"GRANT {SECURITY} TO {self.quote(self.me)}")
            schema_granted = not self.value(
                "SELECT has_schema_privilege(:r, current_schema(), 'CREATE')", r=SECURITY
            ) and self.attempt(f"GRANT CREATE ON SCHEMA {self.s} TO {SECURITY}")
        for _f, view, _k, _t in SUMMARIES:
            self.sql(f"DROP VIEW IF EXISTS {self.s}.{view}")
        for function, _v, _k, _t in SUMMARIES:
            self.sql(f"DROP FUNCTION IF EXISTS {self.s}.{function}()")
        for function, view, key, key_type in SUMMARIES:
            self._function(function, key, key_type, statuses, functions[function])
            self._view(view, function, views[view])
        if schema_granted:
            self.attempt(f"REVOKE CREATE ON SCHEMA {self.s} FROM {SECURITY}")
        if joined:
            self.attempt(f"REVOKE {SECURITY} FROM {self.quote(self.me)}")

    def _function(self, name: str, key: str, key_type: str, statuses, before) -> None:
        s = self.s
        self.sql(_create_function(s, name, key, key_type, statuses))
        if before is None:  # not there (never on a store at 0006): the rights 0005 gives
            owner, grantees = self.me, [self.me, *self.existing_product()]
        else:
            owner, grantees = before
        if owner != self.me:
            self.sql(f"ALTER FUNCTION {s}.{name}() OWNER TO {self.quote(owner)}")
        self.sql(f"REVOKE ALL ON FUNCTION {s}.{name}() FROM PUBLIC")
        for grantee in grantees:
            if grantee != owner:
                self.sql(f"GRANT EXECUTE ON FUNCTION {s}.{name}() TO {self.role(grantee)}")

    def _view(self, name: str, function: str, before) -> None:
        s = self.s
        self.sql(f"CREATE VIEW {s}.{name} AS SELECT * FROM {s}.{function}()")
        if before is None:
            owner = self.me
            grants = [(r, "SELECT") for r in self.existing_product()]
        else:
            owner, grants = before
        if owner != self.me:
            self.sql(f"ALTER VIEW {s}.{name} OWNER TO {self.quote(owner)}")
        for grantee, privilege in grants:
            if grantee != owner:
                self.sql(f"GRANT {privilege} ON {s}.{name} TO {self.role(grantee)}")


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return  # a GeoPackage has no planner views
    _Replace(bind).run(STATUSES)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    _Replace(bind).run(STATUSES_0005)
