"""Shared use that holds against any SQL a login sends: fixed search paths, identity from the
session, column rights, and audit and versions enforced by the database itself.

Revision ID: 0005_hardened_shared_use
Revises: 0004_shared_use
Create Date: 2026-12-01

What revision 0004 left open, and what this revision does about it (PostGIS only; a GeoPackage
is a personal file and is not changed):

- The functions the policies call named tables without a schema and ran with the caller's
  ``search_path``: a temporary table ``objects`` shadowed the real one inside them. Every
  function used by a policy, view or trigger now has ``SET search_path = pg_catalog, <store
  schema>, pg_temp`` (pg_temp last) and schema-qualified names; the visibility functions are
  SECURITY DEFINER and filter by municipality themselves. They are owned by the NOLOGIN role
  ``imgschade_security``; EXECUTE is revoked from PUBLIC and granted to the product roles.
- Identity came from ``current_user`` (changed by ``SET ROLE``); it now comes from
  ``session_user``: a municipality login's municipality is looked up in ``gemeente_logins``
  by its session login, through a SECURITY DEFINER function, and ``gemeente_logins`` itself
  is readable by the see-all roles only.
- Editors could change any column of claims and hand-offs. UPDATE is now granted per column
  (what the product edits), never ``id``, ``object_id``, ``applicant_id`` or the claim
  number; INSERT into hand-offs and their history never names ``id``.
- Statement-level triggers with transition tables write one audit row per inserted, changed
  or deleted row of claims, handoffs, handoff_status, ownerships, persons and objects (who:
  ``session_user`` plus the person the application names in ``imgschade.actor``; server
  time; old and new values of the changed columns, a geometry noted but not copied). Rows an
  UPDATE did not change are skipped. TRUNCATE of these tables and of the audit log is refused.
- An UPDATE of claims or handoffs that does not set ``version`` to the old version + 1 is
  refused by a trigger.
- No product role may write the audit log any more: the application's own lines go through
  ``imgschade_audit_note(who, action, object_id, detail)``, which refuses an object the
  caller cannot see and stamps server time and the session login. The audit log belongs to
  ``imgschade_security``.
- Product roles cannot create objects in the store schema and get no TEMP on the database.

When the migrating user may not create roles or give objects away, everything that is possible
is done and what is missing is written to ``store_info`` (key ``security_limits``).

The DDL is written out here as it stands at this revision (frozen): later changes to
``domain.store.roles`` do not change what this revision builds. The downgrade removes what this
revision added and restores revision 0004's objects with revision 0004's own frozen installer
(``install`` in its file, loaded through alembic's script directory). It leaves TEMP on the
database and CREATE on the schema revoked: a downgrade never hands back rights a database
administrator may have taken away on purpose.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_hardened_shared_use"
down_revision = "0004_shared_use"
branch_labels = None
depends_on = None

SECURITY = "imgschade_security"
SEE_ALL = ("imgschade_img", "imgschade_ncg", "imgschade_taskforce")
GEMEENTE = "imgschade_gemeente"
PLANNER = "imgschade_planner"
EDITORS = (*SEE_ALL, GEMEENTE)
PRODUCT = (*EDITORS, PLANNER)

#: audited tables and how an audit row finds its object: the row's own id, its object_id, the
#: object of its hand-off, or none (persons belong to objects only through ownerships/claims)
AUDITED = {
    "objects": "id",
    "persons": "none",
    "ownerships": "object_id",
    "claims": "object_id",
    "handoffs": "object_id",
    "handoff_status": "handoff",
}
VERSIONED = ("claims", "handoffs")
APPEND_ONLY = ("audit_log", "handoff_status")
BY_OBJECT = ("addresses", "parcels", "ownerships", "claims", "handoffs", "exposure_events")
RLS_TABLES = ("objects", *BY_OBJECT, "handoff_status", "persons")
#: what the product edits (claims_edit.EDITABLE + version; handoffs.change_handoff_status)
CLAIM_UPDATE = ("status", "decided", "outcome", "amount", "final", "objection", "version")
HANDOFF_UPDATE = ("status", "version", "updated_at")
HANDOFF_INSERT = (
    "object_id",
    "target",
    "submitter",
    "reason_category",
    "narrative",
    "resident_consent",
    "linked_claim_ids",
    "status",
    "created_at",
    "updated_at",
    "version",
)
STATUS_INSERT = ("handoff_id", "status", "at", '"by"', "note")
#: tables the SECURITY DEFINER functions read
DEFINER_READS = ("objects", "persons", "ownerships", "claims", "handoffs", "gemeente_logins")
AUDIT_COLUMNS = (
    ("table_name", "varchar(63)"),
    ("row_id", "text"),
    ("old_values", "jsonb"),
    ("new_values", "jsonb"),
)
LIMITS_KEY = "security_limits"
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


# --- the functions, as text ({s}: the store schema, quoted) -----------------------------------
def _functions(s: str, schema_literal: str) -> dict[str, str]:
    """signature -> CREATE statement; every body names its tables with the schema."""
    path = f"SET search_path = pg_catalog, {s}, pg_temp"
    sees_all = f"(SELECT {s}.imgschade_sees_all())"
    mine = f"(SELECT {s}.imgschade_my_municipality())"
    see_all_names = ", ".join(f"'{r}'" for r in SEE_ALL)
    objects_regclass = schema_literal + ".objects"
    f = {}
    f["imgschade_sees_all()"] = (
        f"CREATE OR REPLACE FUNCTION {s}.imgschade_sees_all() RETURNS boolean "
        f"LANGUAGE sql STABLE {path} AS $$ "
        "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r "
        f"WHERE r.rolname IN ({see_all_names}) "
        "AND pg_catalog.pg_has_role(session_user, r.oid, 'MEMBER')) "
        "OR pg_catalog.pg_has_role(session_user, (SELECT c.relowner FROM pg_catalog.pg_class c "
        f"WHERE c.oid = '{objects_regclass}'::pg_catalog.regclass), 'MEMBER') $$"
    )
    f["imgschade_my_municipality()"] = (
        f"CREATE OR REPLACE FUNCTION {s}.imgschade_my_municipality() RETURNS varchar "
        f"LANGUAGE sql STABLE SECURITY DEFINER {path} AS $$ "
        f"SELECT g.municipality FROM {s}.gemeente_logins g "
        "WHERE g.login::text = session_user::text $$"
    )
    f["imgschade_visible_objects()"] = (
        f"CREATE OR REPLACE FUNCTION {s}.imgschade_visible_objects() RETURNS SETOF integer "
        f"LANGUAGE sql STABLE SECURITY DEFINER {path} AS $$ "
        f"SELECT o.id FROM {s}.objects o WHERE {sees_all} OR o.municipality = {mine} $$"
    )
    f["imgschade_visible_handoffs()"] = (
        f"CREATE OR REPLACE FUNCTION {s}.imgschade_visible_handoffs() RETURNS SETOF integer "
        f"LANGUAGE sql STABLE SECURITY DEFINER {path} AS $$ "
        f"SELECT h.id FROM {s}.handoffs h JOIN {s}.objects o ON o.id = h.object_id "
        f"WHERE {sees_all} OR o.municipality = {mine} $$"
    )
    f["imgschade_visible_persons()"] = (
        f"CREATE OR REPLACE FUNCTION {s}.imgschade_visible_persons() RETURNS SETOF varchar "
        f"LANGUAGE sql STABLE SECURITY DEFINER {path} AS $$ "
        f"SELECT p.id FROM {s}.persons p WHERE {sees_all} "
        f"UNION SELECT w.person_id FROM {s}.ownerships w JOIN {s}.objects o "
        f"ON o.id = w.object_id WHERE o.municipality = {mine} "
        f"UNION SELECT c.applicant_id FROM {s}.claims c JOIN {s}.objects o "
        f"ON o.id = c.object_id WHERE o.municipality = {mine} AND c.applicant_id IS NOT NULL $$"
    )
    for name, key, key_type in (
        ("municipality", "municipality", "municipality varchar"),
        ("pc4", "pc4", "pc4 varchar"),
    ):
        f[f"imgschade_{name}_summary()"] = (
            f"CREATE OR REPLACE FUNCTION {s}.imgschade_{name}_summary() RETURNS TABLE "
            f"({key_type}, {SUMMARY_TYPES}) LANGUAGE sql STABLE SECURITY DEFINER {path} AS $$ "
            f"SELECT o.{key} AS {key}, {SUMMARY_COLUMNS} FROM {s}.objects o GROUP BY o.{key} $$"
        )
    f["imgschade_audit_note(text, text, integer, text)"] = (
        f"CREATE OR REPLACE FUNCTION {s}.imgschade_audit_note(p_who text, p_action text, "
        "p_object_id integer, p_detail text) RETURNS void LANGUAGE plpgsql VOLATILE "
        f"SECURITY DEFINER {path} AS $$ BEGIN "
        "IF p_object_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
        f"{s}.objects o WHERE o.id = p_object_id AND ({sees_all} OR o.municipality = {mine})) "
        "THEN RAISE EXCEPTION 'permission denied: object % is not visible to login %', "
        "p_object_id, session_user USING ERRCODE = 'insufficient_privilege'; END IF; "
        f"INSERT INTO {s}.audit_log (at, who, db_login, action, object_id, detail) VALUES "
        "(pg_catalog.timezone('UTC', pg_catalog.now()), pg_catalog.left(COALESCE("
        "NULLIF(p_who, ''), NULLIF(pg_catalog.current_setting('imgschade.actor', true), ''), "
        "session_user::text), 80), session_user, p_action, p_object_id, p_detail); END $$"
    )
    f["imgschade_audit_rows()"] = _audit_rows(s, path)
    f["imgschade_refuse_truncate()"] = (
        f"CREATE OR REPLACE FUNCTION {s}.imgschade_refuse_truncate() RETURNS trigger "
        f"LANGUAGE plpgsql {path} AS $$ BEGIN "
        "RAISE EXCEPTION '%: TRUNCATE of % is refused', TG_ARGV[0], TG_TABLE_NAME "
        "USING ERRCODE = 'insufficient_privilege', HINT = TG_ARGV[1]; END $$"
    )
    f["imgschade_refuse_version()"] = (
        f"CREATE OR REPLACE FUNCTION {s}.imgschade_refuse_version() RETURNS trigger "
        f"LANGUAGE plpgsql {path} AS $$ BEGIN "
        "RAISE EXCEPTION 'version: an UPDATE of % row % must set version = % (the old version "
        "+ 1), not %; versie: een wijziging moet versie % geven', TG_TABLE_NAME, OLD.id, "
        "OLD.version + 1, NEW.version, OLD.version + 1 USING ERRCODE = 'check_violation', "
        "HINT = 'Reload the row and make the change again / laad opnieuw en wijzig nog eens.'; "
        "END $$"
    )
    return f


# The audit trigger builds its rows with dynamic SQL over the transition tables: the column
# list is read from the catalogue at each statement (so columns added later are audited too),
# and a geometry column enters as the md5 of its EWKB - a change is seen without converting
# the shape to GeoJSON (which ``to_jsonb`` would do, at ~0.1 ms a row) or copying its bytes.
# Parameters of the dynamic statements: $1 time, $2 who, $3 how to find the object (TG_ARGV),
# $4 the geometry column names, $5 the table. "@S@" is the store schema. (The row alias is
# ``imgschade_row``: ``objects`` has a column ``x``.)
_OBJECT_OF = (
    "CASE $3 WHEN 'id' THEN (@ROW@ ->> 'id')::integer "
    "WHEN 'object_id' THEN (@ROW@ ->> 'object_id')::integer "
    "WHEN 'handoff' THEN (SELECT h.object_id FROM @S@.handoffs h "
    "WHERE h.id = (@ROW@ ->> 'handoff_id')::integer) END"
)
#: a row's jsonb with every geometry hash replaced by the word "(geometry)"
_MASKED = (
    "((@ROW@ - $4) || COALESCE((SELECT pg_catalog.jsonb_object_agg(g, '\"(geometry)\"'::jsonb) "
    "FROM pg_catalog.unnest($4) g WHERE (@ROW@ ->> g) IS NOT NULL), '{}'::jsonb))"
)
_MARK = (
    "CASE WHEN k.key = ANY($4) AND pg_catalog.jsonb_typeof(@VALUE@) = 'string' "
    "THEN '\"@WORD@\"'::jsonb ELSE @VALUE@ END"
)
_HEAD = (
    "INSERT INTO @S@.audit_log (at, who, db_login, action, object_id, table_name, row_id, "
    "old_values, new_values) SELECT $1, $2, session_user, "
)
# MATERIALIZED: each row's jsonb is built once, not once per reference
_INSERT = (
    "WITH n AS MATERIALIZED %s "
    + _HEAD
    + "'insert', "
    + _OBJECT_OF.replace("@ROW@", "n.j")
    + ", $5, n.j ->> 'id', NULL, "
    + _MASKED.replace("@ROW@", "n.j")
    + " FROM n"
)
_DELETE = (
    "WITH o AS MATERIALIZED %s "
    + _HEAD
    + "'delete', "
    + _OBJECT_OF.replace("@ROW@", "o.j")
    + ", $5, o.j ->> 'id', "
    + _MASKED.replace("@ROW@", "o.j")
    + ", NULL FROM o"
)
_UPDATE = (
    "WITH o AS MATERIALIZED %s, n AS MATERIALIZED %s "
    + _HEAD
    + "'update', "
    + _OBJECT_OF.replace("@ROW@", "COALESCE(n.j, o.j)")
    + ", $5, COALESCE(n.j ->> 'id', o.j ->> 'id'), d.old_values, d.new_values "
    "FROM o FULL JOIN n ON (n.j -> 'id') = (o.j -> 'id') CROSS JOIN LATERAL (SELECT "
    "pg_catalog.jsonb_object_agg(k.key, "
    + _MARK.replace("@VALUE@", "(o.j -> k.key)").replace("@WORD@", "(geometry)")
    + ") AS old_values, pg_catalog.jsonb_object_agg(k.key, "
    + _MARK.replace("@VALUE@", "(n.j -> k.key)").replace("@WORD@", "(geometry, changed)")
    + ") AS new_values FROM pg_catalog.jsonb_object_keys(COALESCE(o.j, '{}'::jsonb) || "
    "COALESCE(n.j, '{}'::jsonb)) AS k(key) "
    "WHERE (o.j -> k.key) IS DISTINCT FROM (n.j -> k.key)) d WHERE d.new_values IS NOT NULL"
)
_AUDIT_ROWS = (
    "CREATE OR REPLACE FUNCTION @S@.imgschade_audit_rows() RETURNS trigger "
    "LANGUAGE plpgsql SECURITY DEFINER @PATH@ AS $$ DECLARE "
    "v_at timestamp := pg_catalog.timezone('UTC', pg_catalog.now()); "
    "v_who text := pg_catalog.left(COALESCE(NULLIF(pg_catalog.current_setting("
    "'imgschade.actor', true), ''), session_user::text), 80); "
    "v_cols text; v_geo text[]; v_new text; v_old text; "
    "BEGIN "
    "SELECT pg_catalog.string_agg(CASE WHEN t.typname = 'geometry' THEN pg_catalog.format("
    "'pg_catalog.md5(%I::text) AS %I', a.attname, a.attname) ELSE pg_catalog.format('%I', "
    "a.attname) END, ', ' ORDER BY a.attnum), COALESCE(pg_catalog.array_agg(a.attname::text) "
    "FILTER (WHERE t.typname = 'geometry'), '{}') INTO v_cols, v_geo "
    "FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
    "WHERE a.attrelid = TG_RELID AND a.attnum > 0 AND NOT a.attisdropped; "
    "v_new := pg_catalog.format('(SELECT pg_catalog.to_jsonb(imgschade_row) AS j FROM "
    "(SELECT %s FROM new_rows) imgschade_row)', v_cols); "
    "v_old := pg_catalog.format('(SELECT pg_catalog.to_jsonb(imgschade_row) AS j FROM "
    "(SELECT %s FROM old_rows) imgschade_row)', v_cols); "
    "IF TG_OP = 'INSERT' THEN EXECUTE pg_catalog.format($q$@INSERT@$q$, v_new) "
    "USING v_at, v_who, TG_ARGV[0], v_geo, TG_TABLE_NAME; "
    "ELSIF TG_OP = 'DELETE' THEN EXECUTE pg_catalog.format($q$@DELETE@$q$, v_old) "
    "USING v_at, v_who, TG_ARGV[0], v_geo, TG_TABLE_NAME; "
    # an UPDATE audits only rows that differ (a whole-row comparison, before any jsonb)
    "ELSE EXECUTE pg_catalog.format($q$@UPDATE@$q$, "
    "pg_catalog.format('(SELECT pg_catalog.to_jsonb(imgschade_row) AS j FROM (SELECT %s FROM "
    "old_rows o WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.id = o.id AND n IS NOT "
    "DISTINCT FROM o)) imgschade_row)', v_cols), "
    "pg_catalog.format('(SELECT pg_catalog.to_jsonb(imgschade_row) AS j FROM (SELECT %s FROM "
    "new_rows n WHERE NOT EXISTS (SELECT 1 FROM old_rows o WHERE o.id = n.id AND o IS NOT "
    "DISTINCT FROM n)) imgschade_row)', v_cols)) "
    "USING v_at, v_who, TG_ARGV[0], v_geo, TG_TABLE_NAME; "
    "END IF; RETURN NULL; END $$"
)


def _audit_rows(s: str, path: str) -> str:
    """One set-based INSERT per statement, from the transition tables old_rows/new_rows."""
    return (
        _AUDIT_ROWS.replace("@INSERT@", _INSERT)
        .replace("@DELETE@", _DELETE)
        .replace("@UPDATE@", _UPDATE)
        .replace("@PATH@", path)
        .replace("@S@", s)
    )


#: who may call what (the migrating user gets every one of them too)
_EXECUTE = {
    "imgschade_sees_all()": EDITORS,
    "imgschade_my_municipality()": EDITORS,
    "imgschade_visible_objects()": EDITORS,
    "imgschade_visible_handoffs()": EDITORS,
    "imgschade_visible_persons()": EDITORS,
    "imgschade_municipality_summary()": PRODUCT,
    "imgschade_pc4_summary()": PRODUCT,
    "imgschade_audit_note(text, text, integer, text)": EDITORS,
}


# --- running it --------------------------------------------------------------------------------
class _Migration:
    def __init__(self, bind) -> None:
        self.bind = bind
        self.quote = bind.dialect.identifier_preparer.quote
        row = bind.execute(
            sa.text(
                "SELECT current_schema(), current_database(), current_user, r.rolsuper, "
                "r.rolcreaterole FROM pg_roles r WHERE r.rolname = current_user"
            )
        ).one()
        schema, database, self.me, self.superuser, self.createrole = row
        self.s = self.quote(schema)
        self.schema_literal = self.s.replace("'", "''")
        self.db = self.quote(database)
        self.limits: list[str] = []

    # statements with '%' and '$$' go to the driver as they are
    def sql(self, statement: str) -> None:
        self.bind.exec_driver_sql(statement, execution_options={"no_parameters": True})

    def attempt(self, statement: str) -> bool:
        """Run one statement in a savepoint; False (and nothing changed) when refused."""
        try:
            with self.bind.begin_nested():
                self.sql(statement)
        except Exception:  # noqa: BLE001  (refused: recorded in the limits by the caller)
            return False
        return True

    def value(self, query: str, **params):
        return self.bind.execute(sa.text(query), params).scalar()

    def existing(self, roles) -> tuple[str, ...]:
        names = set(
            self.bind.execute(
                sa.text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:n)"), {"n": list(roles)}
            ).scalars()
        )
        return tuple(r for r in roles if r in names)

    def names(self, roles) -> str:
        return ", ".join(self.quote(r) for r in roles)

    # -- steps
    def run(self) -> None:
        if self.superuser or self.createrole:
            for role in (*PRODUCT, SECURITY):
                if not self.existing((role,)):
                    self.attempt(f"CREATE ROLE {role} NOLOGIN")
        self.product = self.existing(PRODUCT)
        if len(self.product) < len(PRODUCT):
            missing = ", ".join(sorted(set(PRODUCT) - set(self.product)))
            self.limits.append(
                f"rollen ontbreken / roles missing: {missing} (no CREATEROLE); their rights "
                "were not granted"
            )
        self.definer = self.me
        self._audit_columns()
        self.drop_policies()
        functions = _functions(self.s, self.schema_literal)
        for statement in functions.values():
            self.sql(statement)
        self.sql(
            f"ALTER FUNCTION {self.s}.imgschade_append_only() "
            f"SET search_path = pg_catalog, {self.s}, pg_temp"
        )
        self.signatures = [*functions, "imgschade_append_only()"]
        # triggers and grants first: after the hand-over the migrating user no longer owns
        # the audit log and the functions (and may not change their rights any more)
        self._triggers()
        self._grants()
        self._hand_over()
        self._policies()
        self._lock_schema_and_database()
        self._record_limits()

    def _audit_columns(self) -> None:
        for name, kind in AUDIT_COLUMNS:
            self.sql(f"ALTER TABLE {self.s}.audit_log ADD COLUMN IF NOT EXISTS {name} {kind}")
        self.sql(f"ALTER TABLE {self.s}.audit_log ALTER COLUMN db_login SET DEFAULT session_user")

    def drop_policies(self) -> None:
        for table in RLS_TABLES:
            for policy in ("imgschade_rows", "imgschade_definer"):
                self.sql(f"DROP POLICY IF EXISTS {policy} ON {self.s}.{table}")

    def _hand_over(self) -> None:
        """Functions and the audit log to the NOLOGIN role, when the migrating user may."""
        if not self.existing((SECURITY,)):
            self.limits.append(
                f"rol {SECURITY} ontbreekt / role {SECURITY} missing (no CREATEROLE): functions "
                f"and audit_log stay owned by {self.me}, who can still change them"
            )
            return
        joined = schema_granted = False
        if not self.superuser:
            if not self.value("SELECT pg_has_role(current_user, :r, 'MEMBER')", r=SECURITY):
                joined = self.attempt(f"GRANT {SECURITY} TO {self.quote(self.me)}")
            schema_granted = not self.value(
                "SELECT has_schema_privilege(:r, current_schema(), 'CREATE')", r=SECURITY
            ) and self.attempt(f"GRANT CREATE ON SCHEMA {self.s} TO {SECURITY}")
        if self.attempt(f"ALTER TABLE {self.s}.audit_log OWNER TO {SECURITY}"):
            self.definer = SECURITY
            for signature in self.signatures:
                self.sql(f"ALTER FUNCTION {self.s}.{signature} OWNER TO {SECURITY}")
            # the store owner still reads the log (store info, checks) and calls the functions
            me = self.quote(self.me)
            self.sql(f"GRANT SELECT ON {self.s}.audit_log TO {me}")
            for signature in self.signatures:
                self.sql(f"GRANT EXECUTE ON FUNCTION {self.s}.{signature} TO {me}")
            self.sql(f"GRANT SELECT ON {', '.join(self._q(DEFINER_READS))} TO {SECURITY}")
        else:
            self.limits.append(
                f"{self.me} mag niets overdragen aan / may not hand objects to {SECURITY}: "
                f"functions and audit_log stay owned by {self.me}, who can still change them"
            )
        if schema_granted:
            self.attempt(f"REVOKE CREATE ON SCHEMA {self.s} FROM {SECURITY}")
        if joined:
            self.attempt(f"REVOKE {SECURITY} FROM {self.quote(self.me)}")

    def _q(self, tables) -> list[str]:
        return [f"{self.s}.{t}" for t in tables]

    def _policies(self) -> None:
        s = self.s
        sees_all = f"(SELECT {s}.imgschade_sees_all()) OR "
        rules = {
            "objects": sees_all + f"municipality = (SELECT {s}.imgschade_my_municipality())",
            "handoff_status": sees_all + f"handoff_id IN (SELECT {s}.imgschade_visible_handoffs())",
            "persons": sees_all + f"id IN (SELECT {s}.imgschade_visible_persons())",
        }
        for table in BY_OBJECT:
            rules[table] = sees_all + f"object_id IN (SELECT {s}.imgschade_visible_objects())"
        for table in RLS_TABLES:
            rule = rules[table]
            self.sql(f"ALTER TABLE {s}.{table} ENABLE ROW LEVEL SECURITY")
            self.sql(
                f"CREATE POLICY imgschade_rows ON {s}.{table} USING ({rule}) WITH CHECK ({rule})"
            )
            if self.definer == SECURITY:
                # the definer functions filter by municipality themselves and must see all
                self.sql(
                    f"CREATE POLICY imgschade_definer ON {s}.{table} FOR SELECT TO {SECURITY} "
                    "USING (true)"
                )

    def _triggers(self) -> None:
        s = self.s
        for table, key in AUDITED.items():
            for event, referencing in (
                ("INSERT", "NEW TABLE AS new_rows"),
                ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
                ("DELETE", "OLD TABLE AS old_rows"),
            ):
                name = f"imgschade_audit_{event.lower()}"
                self.sql(f"DROP TRIGGER IF EXISTS {name} ON {s}.{table}")
                self.sql(
                    f"CREATE TRIGGER {name} AFTER {event} ON {s}.{table} REFERENCING "
                    f"{referencing} FOR EACH STATEMENT EXECUTE FUNCTION "
                    f"{s}.imgschade_audit_rows('{key}')"
                )
        for table in (*AUDITED, "audit_log"):
            if table in APPEND_ONLY:
                why = ("append-only", "rows of this table are never removed")
            else:
                why = ("audit", "TRUNCATE bypasses the audit log; use DELETE, which is audited")
            self.sql(f"DROP TRIGGER IF EXISTS imgschade_no_truncate ON {s}.{table}")
            self.sql(
                f"CREATE TRIGGER imgschade_no_truncate BEFORE TRUNCATE ON {s}.{table} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {s}.imgschade_refuse_truncate"
                f"('{why[0]}', '{why[1]}')"
            )
        for table in VERSIONED:
            self.sql(f"DROP TRIGGER IF EXISTS imgschade_version ON {s}.{table}")
            self.sql(
                f"CREATE TRIGGER imgschade_version BEFORE UPDATE ON {s}.{table} FOR EACH ROW "
                "WHEN (NEW.version IS DISTINCT FROM OLD.version + 1) "
                f"EXECUTE FUNCTION {s}.imgschade_refuse_version()"
            )

    def _grants(self) -> None:
        s = self.s
        me = self.quote(self.me)
        for signature in self.signatures:
            self.sql(f"REVOKE ALL ON FUNCTION {s}.{signature} FROM PUBLIC")
            self.sql(f"GRANT EXECUTE ON FUNCTION {s}.{signature} TO {me}")
            roles = [r for r in _EXECUTE.get(signature, ()) if r in self.product]
            if roles:
                self.sql(f"GRANT EXECUTE ON FUNCTION {s}.{signature} TO {self.names(roles)}")
        product = self.names(self.product)
        if not product:
            return
        editors = self.names([r for r in EDITORS if r in self.product])
        see_all = self.names([r for r in SEE_ALL if r in self.product])
        audit_log, logins = f"{s}.audit_log", f"{s}.gemeente_logins"
        # the audit log: read by the see-all roles, written by nobody but the definer
        self.sql(f"REVOKE ALL ON {audit_log} FROM PUBLIC, {product}")
        self.sql(f"REVOKE ALL ON SEQUENCE {s}.audit_log_id_seq FROM PUBLIC, {product}")
        self.sql(f"REVOKE ALL ON {logins} FROM PUBLIC, {product}")
        if see_all:
            self.sql(f"GRANT SELECT ON {audit_log}, {logins} TO {see_all}")
        tables = ", ".join(self._q((*RLS_TABLES, "quakes", "areas", "store_info")))
        self.sql(
            f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON {tables} "
            f"FROM PUBLIC, {product}"
        )
        if editors:
            self.sql(f"GRANT UPDATE ({', '.join(CLAIM_UPDATE)}) ON {s}.claims TO {editors}")
            self.sql(f"GRANT UPDATE ({', '.join(HANDOFF_UPDATE)}) ON {s}.handoffs TO {editors}")
            self.sql(f"GRANT INSERT ({', '.join(HANDOFF_INSERT)}) ON {s}.handoffs TO {editors}")
            self.sql(
                f"GRANT INSERT ({', '.join(STATUS_INSERT)}) ON {s}.handoff_status TO {editors}"
            )

    def _lock_schema_and_database(self) -> None:
        """Nobody but the store's owner creates objects in the schema; no TEMP for PUBLIC."""
        targets = ", ".join(["PUBLIC", *(self.quote(r) for r in self.product)])
        self.attempt(f"REVOKE CREATE ON SCHEMA {self.s} FROM {targets}")
        self.attempt(f"REVOKE TEMPORARY ON DATABASE {self.db} FROM {targets}")
        # REVOKE without the right only warns: read back what holds
        if self.value(
            "SELECT EXISTS (SELECT 1 FROM pg_namespace n, aclexplode(COALESCE(n.nspacl, "
            "acldefault('n', n.nspowner))) a WHERE n.nspname = current_schema() "
            "AND a.grantee = 0 AND a.privilege_type = 'CREATE')"
        ):
            self.limits.append(
                "PUBLIC mag nog objecten maken in het schema / PUBLIC may still CREATE in the "
                "store schema: ask the schema owner to REVOKE CREATE ON SCHEMA ... FROM PUBLIC"
            )
        if self.value(
            "SELECT EXISTS (SELECT 1 FROM pg_database d, aclexplode(COALESCE(d.datacl, "
            "acldefault('d', d.datdba))) a WHERE d.datname = current_database() "
            "AND a.grantee = 0 AND a.privilege_type = 'TEMPORARY')"
        ):
            self.limits.append(
                "PUBLIC heeft nog TEMP / PUBLIC still has TEMP on the database: ask the database "
                "owner to REVOKE TEMPORARY ON DATABASE ... FROM PUBLIC"
            )

    def _record_limits(self) -> None:
        self.bind.execute(sa.text("DELETE FROM store_info WHERE key = :k"), {"k": LIMITS_KEY})
        if self.limits:
            self.bind.execute(
                sa.text("INSERT INTO store_info (key, value) VALUES (:k, :v)"),
                {"k": LIMITS_KEY, "v": "; ".join(self.limits)},
            )


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return  # a GeoPackage is a personal file: nothing to harden
    _Migration(bind).run()


# --- downgrade: back to what revision 0004 builds ----------------------------------------------
_ADDED_FUNCTIONS = (
    "imgschade_audit_note(text, text, integer, text)",
    "imgschade_audit_rows()",
    "imgschade_refuse_truncate()",
    "imgschade_refuse_version()",
)
_FROM_0004 = (
    "imgschade_sees_all()",
    "imgschade_my_municipality()",
    "imgschade_visible_objects()",
    "imgschade_visible_handoffs()",
    "imgschade_visible_persons()",
)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    m = _Migration(bind)
    s = m.s
    me = m.quote(m.me)
    for table in AUDITED:
        for event in ("insert", "update", "delete"):
            m.sql(f"DROP TRIGGER IF EXISTS imgschade_audit_{event} ON {s}.{table}")
    for table in (*AUDITED, "audit_log"):
        m.sql(f"DROP TRIGGER IF EXISTS imgschade_no_truncate ON {s}.{table}")
    for table in VERSIONED:
        m.sql(f"DROP TRIGGER IF EXISTS imgschade_version ON {s}.{table}")
    m.drop_policies()
    for signature in _ADDED_FUNCTIONS + _FROM_0004:
        m.sql(f"DROP FUNCTION IF EXISTS {s}.{signature}")
    for summary in ("imgschade_municipality_summary()", "imgschade_pc4_summary()"):
        m.sql(f"ALTER FUNCTION {s}.{summary} OWNER TO {me}")
    m.sql(f"ALTER FUNCTION {s}.imgschade_append_only() OWNER TO {me}")
    m.sql(f"ALTER FUNCTION {s}.imgschade_append_only() RESET search_path")
    # what the hand-over and the grants above changed beyond 0004's own objects: EXECUTE on
    # the append-only trigger function for everyone (the default), no reads for the definer
    m.sql(f"GRANT EXECUTE ON FUNCTION {s}.imgschade_append_only() TO PUBLIC")
    if m.existing((SECURITY,)):
        m.sql(f"REVOKE SELECT ON {', '.join(m._q(DEFINER_READS))} FROM {SECURITY}")
    m.sql(f"ALTER TABLE {s}.audit_log OWNER TO {me}")
    for name, _kind in AUDIT_COLUMNS:
        m.sql(f"ALTER TABLE {s}.audit_log DROP COLUMN IF EXISTS {name}")
    m.sql(f"ALTER TABLE {s}.audit_log ALTER COLUMN db_login SET DEFAULT current_user")
    product = m.names(m.existing(PRODUCT))
    if product:
        for table in ("claims", "handoffs", "handoff_status"):
            m.sql(f"REVOKE UPDATE, INSERT ON {s}.{table} FROM {product}")
        m.sql(f"REVOKE ALL ON SEQUENCE {s}.audit_log_id_seq FROM {product}")
    bind.execute(sa.text("DELETE FROM store_info WHERE key = :k"), {"k": LIMITS_KEY})
    # revision 0004's own frozen installer, from its file (alembic has loaded every revision)
    op.get_context().script.get_revision("0004_shared_use").module.install(bind)
