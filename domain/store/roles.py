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

The roles, policies, functions, views and grants are built by the migrations, each with its
DDL frozen in its own file (``domain/store/migrations/versions``): revision 0004 creates them;
revision 0005 hardens them (functions with a fixed ``search_path`` owned by the NOLOGIN role
``imgschade_security``, column-level UPDATE rights, ``gemeente_logins`` readable by the see-all
roles only, no TEMP or CREATE for the product roles, audit triggers on every data table and a
version trigger on claims and hand-offs); revision 0007 gives the planner aggregates a column
for the map class ``dh_to_check``; revision 0009 makes them count by the official boundaries
when the store has them. No product role may write, change or delete audit or status history.
This module holds what the product needs at run time: the role names, ``add_login`` and
``capabilities``.
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


def _existing_roles(conn) -> set[str]:
    names = {role_name(r): r for r in ROLES}
    rows = conn.execute(
        text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:names)"), {"names": list(names)}
    )
    return {names[r.rolname] for r in rows}


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
