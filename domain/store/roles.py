"""Who may see and change what in a shared (PostGIS) store: group roles, row-level security,
planner aggregates, and what the connected login may do.

Five group roles (NOLOGIN) carry the rights; people log in with their own login that is a
member of one of them (``add_login``, or ``imgschade roles STORE …``):

- ``imgschade_img``, ``imgschade_ncg``, ``imgschade_taskforce``: see every municipality, read
  personal data, edit claims and hand-offs, read the audit log;
- ``imgschade_gemeente``: the same, but only for objects in the municipality its login is
  mapped to in ``gemeente_logins`` (row-level security reads it for ``session_user``, which
  ``SET ROLE`` does not change);
- ``imgschade_planner``: areas, quakes and the aggregate views ``planner_municipality_summary``
  and ``planner_pc4_summary`` only — no persons, ownerships, claims or hand-offs.

``install_postgis_security`` below is what revision 0004 builds (its migration calls it).
Revision 0005 hardens it with DDL frozen in its own migration file: functions with a fixed
``search_path`` owned by the NOLOGIN role ``imgschade_security``, column-level UPDATE rights,
``gemeente_logins`` readable by the see-all roles only, no TEMP or CREATE for the product roles,
audit triggers on every data table and a version trigger on claims and hand-offs. No product
role may write, change or delete audit or status history. Revision 0007 gives the planner
aggregates a column for the map class ``dh_to_check`` (its own frozen DDL, same rights).
A GeoPackage is a personal file: whoever can open it may do everything (``capabilities``
says so).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from sqlalchemy import text

from domain.errors import InputError, Problem
from domain.i18n import register, tr

ROLE_PREFIX = "imgschade_"
SEE_ALL_ROLES = ("img", "ncg", "taskforce")
ROLES = (*SEE_ALL_ROLES, "gemeente", "planner")

#: tables whose rows belong to an object (row-level security follows the object)
_BY_OBJECT = ("addresses", "parcels", "ownerships", "claims", "handoffs", "exposure_events")
_READ_ALL = (
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
_PLANNER_READ = ("areas", "quakes", "store_info", "alembic_version")
_SEQUENCES = ("handoffs_id_seq", "handoff_status_id_seq", "audit_log_id_seq")
_RLS_TABLES = ("objects", *_BY_OBJECT, "handoff_status", "persons")
_LOGIN = re.compile(r"^[a-z_][a-z0-9_.-]{0,62}$")

register(
    {
        "roles.bad_role": (
            "Onbekende rol '{role}'. Kies uit: {choices}.",
            "Unknown role '{role}'. Choose from: {choices}.",
        ),
        "roles.bad_login": (
            "Ongeldige inlognaam '{login}': gebruik kleine letters, cijfers, '_', '.' of '-' "
            "(hoogstens 63 tekens, beginnend met een letter).",
            "Invalid login '{login}': use lower-case letters, digits, '_', '.' or '-' (at most "
            "63 characters, starting with a letter).",
        ),
        "roles.needs_municipality": (
            "Een gemeente-login heeft een gemeente nodig (--municipality).",
            "A municipality login needs a municipality (--municipality).",
        ),
        "roles.not_postgis": (
            "Rollen bestaan alleen in een gedeelde PostGIS-opslag; een GeoPackage is een "
            "persoonlijk bestand.",
            "Roles exist only in a shared PostGIS store; a GeoPackage is a personal file.",
        ),
        "roles.invalid": (
            "De login is niet aangemaakt: zie de gemarkeerde velden.",
            "The login was not created: see the marked fields.",
        ),
    }
)


def role_name(role: str) -> str:
    return ROLE_PREFIX + role


@dataclass(frozen=True)
class Capabilities:
    """What the connected login may do; the plugin hides what is not allowed."""

    login: str
    role: str  # owner, img, ncg, taskforce, gemeente, planner or none
    read_personal: bool
    edit_claims: bool
    edit_handoffs: bool
    see_all_municipalities: bool
    municipality: str | None
    read_audit: bool

    def as_dict(self) -> dict:
        return asdict(self)


# --- installing (called by migration 0004 on PostgreSQL) ----------------------------------
def install_postgis_security(conn) -> None:
    """Create roles (if allowed), the login table, functions, views, grants and policies."""
    schema = conn.execute(text("SELECT current_schema()")).scalar_one()
    _ensure_roles(conn)
    conn.execute(
        text(
            "CREATE TABLE IF NOT EXISTS gemeente_logins (login VARCHAR(63) PRIMARY KEY, "
            "municipality VARCHAR(60) NOT NULL)"
        )
    )
    # the server, not the client, records which login wrote each audit line
    conn.execute(
        text(
            "ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS db_login VARCHAR(63) NOT NULL "
            "DEFAULT current_user"
        )
    )
    roles_exist = _existing_roles(conn) == set(ROLES)
    see_all = (
        " OR ".join(f"pg_has_role(current_user, '{role_name(r)}', 'MEMBER')" for r in SEE_ALL_ROLES)
        if roles_exist
        else "false"
    )
    conn.execute(
        text(
            "CREATE OR REPLACE FUNCTION imgschade_sees_all() RETURNS boolean LANGUAGE sql "
            f"STABLE AS $$ SELECT {see_all} $$"
        )
    )
    conn.execute(
        text(
            "CREATE OR REPLACE FUNCTION imgschade_my_municipality() RETURNS varchar "
            "LANGUAGE sql STABLE AS $$ SELECT municipality FROM gemeente_logins "
            "WHERE login = current_user $$"
        )
    )
    _planner_views(conn, schema)
    _policies(conn)
    if roles_exist:
        _grants(conn)


def remove_postgis_security(conn) -> None:
    for table in _RLS_TABLES:
        conn.execute(text(f"DROP POLICY IF EXISTS imgschade_rows ON {table}"))
        conn.execute(text(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY"))
    for view in ("planner_municipality_summary", "planner_pc4_summary"):
        conn.execute(text(f"DROP VIEW IF EXISTS {view}"))
    for fn in ("imgschade_municipality_summary", "imgschade_pc4_summary"):
        conn.execute(text(f"DROP FUNCTION IF EXISTS {fn}()"))
    for fn in ("objects", "handoffs", "persons"):
        conn.execute(text(f"DROP FUNCTION IF EXISTS imgschade_visible_{fn}()"))
    conn.execute(text("DROP FUNCTION IF EXISTS imgschade_sees_all()"))
    conn.execute(text("DROP FUNCTION IF EXISTS imgschade_my_municipality()"))
    conn.execute(text("ALTER TABLE audit_log DROP COLUMN IF EXISTS db_login"))


def _existing_roles(conn) -> set[str]:
    names = {role_name(r): r for r in ROLES}
    rows = conn.execute(
        text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:names)"), {"names": list(names)}
    )
    return {names[r[0]] for r in rows}


def _ensure_roles(conn) -> None:
    """Roles are cluster-wide: create the missing ones when the migrating user may."""
    may = conn.execute(
        text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
    ).scalar()
    if not may:
        return
    for role in set(ROLES) - _existing_roles(conn):
        conn.execute(text(f"CREATE ROLE {role_name(role)} NOLOGIN"))


# The aggregates as revision 0004 builds them (no dh_to_check): revision 0005 replaces them
# with CREATE OR REPLACE, which cannot change the columns, and its downgrade rebuilds 0004 with
# this code. A store at the newest revision has 0007's columns (dh_to_check after
# may_claim_again, the legend's order); never change these two to match.
_SUMMARY_COLUMNS = (
    "COUNT(*)::bigint AS objects, "
    "COUNT(*) FILTER (WHERE o.in_effect_area)::bigint AS in_effect_area, "
    "COUNT(*) FILTER (WHERE o.status = 'no_claim')::bigint AS no_claim, "
    "COUNT(*) FILTER (WHERE o.status = 'claim_open')::bigint AS claim_open, "
    "COUNT(*) FILTER (WHERE o.status = 'final')::bigint AS final, "
    "COUNT(*) FILTER (WHERE o.status = 'may_claim_again')::bigint AS may_claim_again, "
    "COUNT(*) FILTER (WHERE o.status = 'dh_eligible')::bigint AS dh_eligible, "
    "COUNT(*) FILTER (WHERE o.status = 'handoff_running')::bigint AS handoff_running"
)
_SUMMARY_TYPES = (
    "objects bigint, in_effect_area bigint, no_claim bigint, claim_open bigint, final bigint, "
    "may_claim_again bigint, dh_eligible bigint, handoff_running bigint"
)


def _planner_views(conn, schema: str) -> None:
    """Aggregates through SECURITY DEFINER functions: counts without any row of personal data.

    Views read the functions, not the tables, so rebuilding the tables never depends on them.
    """
    for name, key, key_type in (
        ("municipality", "o.municipality", "municipality varchar"),
        ("pc4", "o.pc4", "pc4 varchar"),
    ):
        fn = f"imgschade_{name}_summary"
        alias = key.split(".")[1]
        conn.execute(
            text(
                f"CREATE OR REPLACE FUNCTION {fn}() RETURNS TABLE ({key_type}, "
                f"{_SUMMARY_TYPES}) LANGUAGE sql STABLE SECURITY DEFINER "
                f"SET search_path = {schema}, pg_temp AS $$ SELECT {key} AS {alias}, "
                f"{_SUMMARY_COLUMNS} FROM objects o GROUP BY {key} $$"
            )
        )
        conn.execute(text(f"REVOKE ALL ON FUNCTION {fn}() FROM PUBLIC"))
        conn.execute(text(f"CREATE OR REPLACE VIEW planner_{name}_summary AS SELECT * FROM {fn}()"))


def _policies(conn) -> None:
    """Policies read other tables only through functions (whose bodies PostgreSQL does not
    track as dependencies), so dropping a table for a rebuild is never blocked by a policy.
    The functions run with the caller's rights, so their rows are filtered by RLS in turn."""
    for fn, body in (
        ("imgschade_visible_objects", "SELECT id FROM objects"),
        ("imgschade_visible_handoffs", "SELECT id FROM handoffs"),
        (
            "imgschade_visible_persons",
            "SELECT person_id FROM ownerships UNION SELECT applicant_id FROM claims",
        ),
    ):
        kind = "varchar" if fn.endswith("persons") else "integer"
        conn.execute(
            text(
                f"CREATE OR REPLACE FUNCTION {fn}() RETURNS SETOF {kind} LANGUAGE sql STABLE "
                f"AS $$ {body} $$"
            )
        )
    mine = "(SELECT imgschade_sees_all()) OR "
    rules = {
        "objects": mine + "municipality = (SELECT imgschade_my_municipality())",
        "handoff_status": mine + "handoff_id IN (SELECT imgschade_visible_handoffs())",
        "persons": mine + "id IN (SELECT imgschade_visible_persons())",
    }
    for table in _BY_OBJECT:
        rules[table] = mine + "object_id IN (SELECT imgschade_visible_objects())"
    for table, rule in rules.items():
        conn.execute(text(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY"))
        conn.execute(text(f"DROP POLICY IF EXISTS imgschade_rows ON {table}"))
        conn.execute(
            text(f"CREATE POLICY imgschade_rows ON {table} USING ({rule}) WITH CHECK ({rule})")
        )


def _grants(conn) -> None:
    editors = ", ".join(role_name(r) for r in ROLES if r != "planner")
    everyone = ", ".join(role_name(r) for r in ROLES)
    see_all = ", ".join(role_name(r) for r in SEE_ALL_ROLES)
    planner = role_name("planner")
    conn.execute(text(f"GRANT SELECT ON {', '.join(_READ_ALL)} TO {editors}"))
    conn.execute(text(f"GRANT UPDATE ON claims, handoffs TO {editors}"))
    conn.execute(text(f"GRANT INSERT ON handoffs, handoff_status TO {editors}"))
    # every audit column but db_login, which only the server fills in
    conn.execute(
        text(f"GRANT INSERT (at, who, action, object_id, detail) ON audit_log TO {editors}")
    )
    conn.execute(text(f"GRANT USAGE ON SEQUENCE {', '.join(_SEQUENCES)} TO {editors}"))
    conn.execute(text(f"GRANT SELECT ON audit_log TO {see_all}"))
    conn.execute(text(f"GRANT SELECT ON {', '.join(_PLANNER_READ)} TO {planner}"))
    conn.execute(
        text(f"GRANT SELECT ON planner_municipality_summary, planner_pc4_summary TO {everyone}")
    )
    for fn in ("imgschade_municipality_summary", "imgschade_pc4_summary"):
        conn.execute(text(f"GRANT EXECUTE ON FUNCTION {fn}() TO {everyone}"))


# --- logins ---------------------------------------------------------------------------------
def add_login(
    engine, login: str, role: str, password: str | None = None, municipality: str | None = None
) -> None:
    """Create (or re-map) a login as a member of one product role; gemeente logins get their
    municipality. The password is passed to the server only, never logged or stored here."""
    problems = []
    if role not in ROLES:
        problems.append(
            Problem(tr("roles.bad_role", role=role, choices=", ".join(ROLES)), field="role")
        )
    if not _LOGIN.match(login or ""):
        problems.append(Problem(tr("roles.bad_login", login=login), field="login"))
    if role == "gemeente" and not (municipality or "").strip():
        problems.append(Problem(tr("roles.needs_municipality"), field="municipality"))
    if problems:
        raise InputError(tr("roles.invalid"), problems)
    if engine.dialect.name != "postgresql":
        raise InputError(tr("roles.invalid"), [Problem(tr("roles.not_postgis"), field="store")])
    # role statements take no bind parameters: names and the password are quoted by the
    # dialect's own identifier and literal rendering
    quote = engine.dialect.identifier_preparer.quote_identifier
    with engine.begin() as conn:
        exists = conn.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": login}
        ).first()
        raw = conn.execution_options(no_parameters=True)  # '%' in a password stays as it is
        statement = f"{'ALTER' if exists else 'CREATE'} ROLE {quote(login)} LOGIN"
        if password is not None:
            statement += f" PASSWORD {_literal(engine, password)}"
        raw.exec_driver_sql(statement)
        for other in ROLES:
            raw.exec_driver_sql(f"REVOKE {quote(role_name(other))} FROM {quote(login)}")
        raw.exec_driver_sql(f"GRANT {quote(role_name(role))} TO {quote(login)}")
        conn.execute(text("DELETE FROM gemeente_logins WHERE login = :l"), {"l": login})
        if role == "gemeente":
            conn.execute(
                text("INSERT INTO gemeente_logins (login, municipality) VALUES (:l, :m)"),
                {"l": login, "m": municipality.strip()},
            )


def _literal(engine, value: str) -> str:
    from sqlalchemy import String, literal

    rendered = literal(value, String()).compile(
        dialect=engine.dialect, compile_kwargs={"literal_binds": True}
    )
    return str(rendered)


# --- what the connected login may do --------------------------------------------------------
def capabilities(engine) -> Capabilities:
    if engine.dialect.name != "postgresql":
        return Capabilities("", "owner", True, True, True, True, None, True)
    with engine.connect() as conn:
        # UPDATE on claims and hand-offs is granted per column since revision 0005
        row = conn.execute(
            text(
                "SELECT session_user, r.rolsuper, pg_has_role(c.relowner, 'USAGE'), "
                "has_table_privilege('persons', 'SELECT') "
                "AND has_table_privilege('ownerships', 'SELECT'), "
                "has_column_privilege('claims', 'amount', 'UPDATE'), "
                "has_column_privilege('handoffs', 'status', 'UPDATE') "
                "AND has_any_column_privilege('handoff_status', 'INSERT'), "
                "has_table_privilege('audit_log', 'SELECT'), "
                "has_table_privilege('objects', 'SELECT') "
                "FROM pg_roles r, pg_class c WHERE r.rolname = session_user "
                "AND c.oid = 'objects'::regclass"
            )
        ).first()
        login, superuser, owner, personal, claims, handoffs, audit, objects = row
        member = {
            r
            for r in _existing_roles(conn)
            if conn.execute(
                text("SELECT pg_has_role(session_user, :r, 'MEMBER')"), {"r": role_name(r)}
            ).scalar()
        }
        municipality = None
        if "gemeente" in member:
            # gemeente_logins is not readable by a municipality login: ask the function
            municipality = conn.execute(text("SELECT imgschade_my_municipality()")).scalar()
    if superuser or owner:
        role = "owner"
    else:
        role = next((r for r in ROLES if r in member), "none")
    see_all = bool(objects) and bool(superuser or owner or member & set(SEE_ALL_ROLES))
    return Capabilities(
        login=login,
        role=role,
        read_personal=bool(personal),
        edit_claims=bool(claims),
        edit_handoffs=bool(handoffs),
        see_all_municipalities=see_all,
        municipality=municipality,
        read_audit=bool(audit),
    )
