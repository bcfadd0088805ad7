"""The planner aggregates count by the official boundaries when the store has them.

Revision ID: 0009_planner_views_by_boundary
Revises: 0008_boundaries
Create Date: 2026-12-05

``planner_municipality_summary`` and ``planner_pc4_summary`` grouped the objects by their own
``municipality`` / ``pc4`` text. The regional overview counts by the official boundaries
(revision 0008) when the store has boundaries of that kind; the planner views now do the same,
with the domain's one assignment rule (``domain.store.boundaries.group_of_objects``):

- an object belongs to the boundary polygon its point (``x``, ``y``) lies in, border included;
  on a shared border (or where polygons overlap) to the one with the lowest ``code`` (then the
  lowest ``id``), in the database's own ordering, as the domain reads them;
- the group is the boundary's ``name``, or ``name (code)`` where two boundaries of that kind
  share a name; objects in no polygon are counted as ``buiten de grenzen``;
- without boundaries of that kind (``gemeente`` for the municipality view, ``pc4`` for the PC4
  view) the objects' own text groups them, exactly as before.

The columns stay the same, so nothing that reads the views changes. Only the bodies of the
SECURITY DEFINER functions ``imgschade_municipality_summary()`` and
``imgschade_pc4_summary()`` change, with ``CREATE OR REPLACE``: the owner
(``imgschade_security``, or the migrating user where revision 0005 could not hand them over),
the fixed ``search_path``, SECURITY DEFINER and every EXECUTE / SELECT grant stay as revisions
0005 and 0007 left them. To replace a function owned by ``imgschade_security`` the migrating
user joins that role for the moment, as revision 0005 does. The function owner gets SELECT on
``boundaries`` (which revision 0008 gives to the product roles only). PostGIS functions are
named with the schema the extension lives in, since the search path is pinned. A GeoPackage
has no planner views: nothing changes there.

Frozen DDL: the text is written out here, not taken from ``domain.store.boundaries`` or
``domain.i18n`` ("buiten de grenzen" is the Dutch text of ``boundaries.outside`` at this
revision). The downgrade puts back revision 0007's text and takes the SELECT away again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_planner_views_by_boundary"
down_revision = "0008_boundaries"
branch_labels = None
depends_on = None

SRID = 28992
SECURITY = "imgschade_security"
OUTSIDE = "buiten de grenzen"
#: the map classes counted (legend order), as revision 0007 left them
STATUSES = (
    "no_claim",
    "claim_open",
    "final",
    "may_claim_again",
    "dh_to_check",
    "dh_eligible",
    "handoff_running",
)
#: (function, grouping column, boundary kind)
SUMMARIES = (
    ("imgschade_municipality_summary", "municipality", "gemeente"),
    ("imgschade_pc4_summary", "pc4", "pc4"),
)


def _counts() -> str:
    """The count columns, word for word as revision 0007 writes them."""
    counts = [
        "COUNT(*)::bigint AS objects",
        "COUNT(*) FILTER (WHERE o.in_effect_area)::bigint AS in_effect_area",
        *(f"COUNT(*) FILTER (WHERE o.status = '{s}')::bigint AS {s}" for s in STATUSES),
    ]
    return ", ".join(counts)


def _types() -> str:
    return ", ".join(f"{c} bigint" for c in ("objects", "in_effect_area", *STATUSES))


def _by_text(s: str, key: str) -> str:
    """Revision 0007's body: grouped by the objects' own text."""
    return f"SELECT o.{key} AS {key}, {_counts()} FROM {s}.objects o GROUP BY o.{key}"


def _by_boundary(s: str, postgis: str, key: str, kind: str) -> str:
    """Grouped by the boundary each object's point lies in, when there are boundaries of
    ``kind``; else by the text (the two branches exclude each other: one runs)."""
    point = f"{postgis}.ST_SetSRID({postgis}.ST_MakePoint(o.x, o.y), {SRID})"
    return (
        "WITH official AS (SELECT b.id, CASE WHEN COUNT(*) OVER (PARTITION BY b.name) > 1 "
        "THEN b.name || ' (' || b.code || ')' ELSE b.name END AS label "
        f"FROM {s}.boundaries b WHERE b.kind = '{kind}' AND b.geom IS NOT NULL) "
        f"SELECT o.{key} AS {key}, {_counts()} FROM {s}.objects o "
        f"WHERE NOT EXISTS (SELECT 1 FROM official) GROUP BY o.{key} "
        "UNION ALL "
        f"SELECT COALESCE(l.label, '{OUTSIDE}')::varchar AS {key}, {_counts()} "
        f"FROM {s}.objects o LEFT JOIN LATERAL (SELECT b.id FROM {s}.boundaries b "
        f"WHERE b.kind = '{kind}' AND b.geom IS NOT NULL "
        f"AND {postgis}.ST_Intersects(b.geom, {point}) ORDER BY b.code, b.id LIMIT 1) hit "
        "ON true LEFT JOIN official l ON l.id = hit.id "
        "WHERE EXISTS (SELECT 1 FROM official) GROUP BY 1"
    )


def _replace(s: str, name: str, key: str, body: str) -> str:
    """As revisions 0005 and 0007 write the function, with another body."""
    path = f"SET search_path = pg_catalog, {s}, pg_temp"
    return (
        f"CREATE OR REPLACE FUNCTION {s}.{name}() RETURNS TABLE ({key} varchar, {_types()}) "
        f"LANGUAGE sql STABLE SECURITY DEFINER {path} AS $$ {body} $$"
    )


class _Migration:
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
        self.postgis = bind.execute(
            sa.text(
                "SELECT e.extnamespace::regnamespace::text FROM pg_extension e "
                "WHERE e.extname = 'postgis'"
            )
        ).scalar_one()

    def sql(self, statement: str) -> None:
        self.bind.exec_driver_sql(statement, execution_options={"no_parameters": True})

    def attempt(self, statement: str) -> bool:
        try:
            with self.bind.begin_nested():
                self.sql(statement)
        except Exception:  # noqa: BLE001  (refused: the CREATE OR REPLACE below says why)
            return False
        return True

    def value(self, query: str, **params):
        return self.bind.execute(sa.text(query), params).scalar()

    def owners(self) -> dict[str, str]:
        """Function → owner, for the summaries that are there."""
        rows = self.bind.execute(
            sa.text(
                "SELECT p.proname, pg_get_userbyid(p.proowner) FROM pg_proc p "
                "WHERE p.pronamespace = current_schema()::regnamespace AND p.proname = ANY(:n) "
                "AND p.pronargs = 0"
            ),
            {"n": [name for name, _key, _kind in SUMMARIES]},
        ).all()
        return dict(rows)

    def run(self, by_boundary: bool) -> None:
        owners = self.owners()
        # replacing a function of imgschade_security needs its membership, for the moment
        joined = (
            not self.superuser
            and SECURITY in owners.values()
            and not self.value("SELECT pg_has_role(current_user, :r, 'MEMBER')", r=SECURITY)
            and self.attempt(f"GRANT {SECURITY} TO {self.quote(self.me)}")
        )
        for name, key, kind in SUMMARIES:
            if by_boundary:
                body = _by_boundary(self.s, self.postgis, key, kind)
            else:
                body = _by_text(self.s, key)
            self.sql(_replace(self.s, name, key, body))
        # the definer reads the boundaries (no row-level security on them: public data)
        table_owner = self.value(
            "SELECT pg_get_userbyid(c.relowner) FROM pg_class c "
            "WHERE c.oid = to_regclass(quote_ident(current_schema()) || '.boundaries')"
        )
        for owner in sorted(set(owners.values()) - {table_owner}):
            role = self.quote(owner)
            if by_boundary:
                self.sql(f"GRANT SELECT ON {self.s}.boundaries TO {role}")
            else:
                self.sql(f"REVOKE SELECT ON {self.s}.boundaries FROM {role}")
        if joined:
            self.attempt(f"REVOKE {SECURITY} FROM {self.quote(self.me)}")


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return  # a GeoPackage has no planner views
    _Migration(bind).run(by_boundary=True)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    _Migration(bind).run(by_boundary=False)
