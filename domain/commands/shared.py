"""``imgschade roles STORE``: what the connected login may do, and adding logins to roles.

The group roles, row-level security, audit triggers and planner views come with the schema
(migrations 0004 and 0005, run by ``imgschade upgrade`` or when a store is created). This command only maps people to
them. A password is read from an environment variable named with ``--password-env`` — never
from the command line, where other users of the machine could see it.
"""

from __future__ import annotations

import os

from domain.cli import emit
from domain.errors import InputError, Problem
from domain.i18n import register as register_texts
from domain.i18n import tr

register_texts(
    {
        "roles.cmd": (
            "rechten in een gedeelde opslag: toon wat u mag, of voeg een login aan een rol toe",
            "rights in a shared store: show what you may do, or add a login to a role",
        ),
        "roles.cmd.store": ("de opslag: postgresql://… of service=naam", "the store"),
        "roles.cmd.add_login": (
            "login om aan te maken of te wijzigen",
            "login to create or change",
        ),
        "roles.cmd.role": ("rol van de login", "role of the login"),
        "roles.cmd.municipality": ("gemeente (voor de rol gemeente)", "municipality (gemeente)"),
        "roles.cmd.password_env": (
            "naam van de omgevingsvariabele met het wachtwoord",
            "name of the environment variable holding the password",
        ),
        "roles.cmd.json": ("uitvoer als JSON", "output as JSON"),
        "roles.cmd.no_password": (
            "omgevingsvariabele {name} is niet gezet; zet hem of laat --password-env weg",
            "environment variable {name} is not set; set it or leave out --password-env",
        ),
        "roles.cmd.added": (
            "Login {login} heeft nu de rol {role}{where}.",
            "Login {login} now has the role {role}{where}.",
        ),
        "roles.cmd.caps": (
            "Ingelogd als {login} (rol {role}): persoonsgegevens {read_personal}, "
            "schademeldingen wijzigen {edit_claims}, overdrachten wijzigen {edit_handoffs}, "
            "alle gemeenten {see_all_municipalities}, gemeente {municipality}, "
            "auditlog lezen {read_audit}.",
            "Logged in as {login} (role {role}): personal data {read_personal}, edit claims "
            "{edit_claims}, edit hand-offs {edit_handoffs}, all municipalities "
            "{see_all_municipalities}, municipality {municipality}, read audit log {read_audit}.",
        ),
    }
)


def register(sub) -> None:
    from domain.store.roles import ROLES

    p = sub.add_parser("roles", help=tr("roles.cmd"), description=tr("roles.cmd"))
    p.add_argument("store", help=tr("roles.cmd.store"))
    p.add_argument("--add-login", metavar="LOGIN", help=tr("roles.cmd.add_login"))
    p.add_argument("--role", choices=ROLES, help=tr("roles.cmd.role"))
    p.add_argument("--municipality", help=tr("roles.cmd.municipality"))
    p.add_argument("--password-env", metavar="VAR", help=tr("roles.cmd.password_env"))
    p.add_argument("--json", action="store_true", help=tr("roles.cmd.json"))
    p.set_defaults(handler=_roles)


def _roles(args) -> int:
    from domain.store import open_store
    from domain.store.roles import add_login

    store = open_store(args.store)
    try:
        if args.add_login:
            password = None
            if args.password_env:
                password = os.environ.get(args.password_env)
                if password is None:
                    raise InputError(
                        tr("roles.invalid"),
                        [
                            Problem(
                                tr("roles.cmd.no_password", name=args.password_env),
                                field="--password-env",
                            )
                        ],
                    )
            add_login(store.engine, args.add_login, args.role or "", password, args.municipality)
            where = f" ({args.municipality})" if args.role == "gemeente" else ""
            emit(
                args,
                {"login": args.add_login, "role": args.role, "municipality": args.municipality},
                tr("roles.cmd.added", login=args.add_login, role=args.role, where=where),
            )
            return 0
        caps = store.capabilities().as_dict()
        emit(args, caps, tr("roles.cmd.caps", **caps))
        return 0
    finally:
        store.close()
