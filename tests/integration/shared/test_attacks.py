"""What a logged-in user can send as SQL (QGIS DB Manager, psql) against a shared PostGIS store.

Every product role is attacked through its own login on a plain psycopg2 connection, the way
a SQL console talks to the server: shadowing tables and functions with temporary ones, another
``search_path``, ``row_security = off``, ``SET ROLE``, ``COPY``, objects in ``public`` or
``pg_temp``, the login table, re-linking persons, forging or wiping the audit log. Whatever was
sent, a login must afterwards see exactly the rows the owner's counts say it may see, and every
write must be refused or carry an audit row under that login.
"""

from __future__ import annotations

import io

import psycopg2
import pytest

from domain.store.roles import add_login
from tests.integration.shared.conftest import LOGINS
from tests.integration.shared.test_roles import _truth

pytestmark = pytest.mark.postgis

#: the five product roles plus a municipality login that was given TEMP on the database, so
#: that shadowing with temporary objects is really tried (not only refused for lack of TEMP)
ATTACKERS = (*LOGINS, "gemeente_tmp")
EXTRA = {"gemeente_tmp": "h_gemeente_tmp", "gemeente_other": "h_gemeente_other"}
SEE_ALL = ("img", "ncg", "taskforce")
MUNICIPALITY = ("gemeente", "gemeente_tmp")
EDITORS = (*SEE_ALL, *MUNICIPALITY)
COUNTED = (
    "objects",
    "persons",
    "ownerships",
    "claims",
    "handoffs",
    "handoff_status",
    "addresses",
    "parcels",
    "exposure_events",
)


def login_of(role: str) -> str:
    return EXTRA.get(role) or LOGINS[role]


class Session:
    """One login on its own connection, autocommit like a SQL console."""

    def __init__(self, demo, login: str) -> None:
        self.login = login
        self.conn = psycopg2.connect(
            host="127.0.0.1", port=demo.server.port, user=login, dbname=demo.database
        )
        self.conn.autocommit = True

    def close(self) -> None:
        self.conn.close()

    def run(self, sql: str, copy_in: str | None = None):
        """Rows (or rowcount) of ``sql``, or the psycopg2 error the server answered with."""
        try:
            with self.conn.cursor() as cur:
                if copy_in is not None:
                    cur.copy_expert(sql, io.StringIO(copy_in))
                    return cur.rowcount
                cur.execute(sql)
                return cur.fetchall() if cur.description else cur.rowcount
        except psycopg2.Error as error:
            return error

    def ok(self, sql: str):
        result = self.run(sql)
        assert not isinstance(result, psycopg2.Error), f"{self.login}: {sql}: {result}"
        return result

    def refused(self, sql: str, *says: str) -> str:
        result = self.run(sql)
        assert isinstance(result, psycopg2.Error), f"{self.login} was allowed: {sql}"
        message = str(result)
        assert any(s in message for s in says), message
        return message

    def copy_out(self, sql: str):
        buffer = io.StringIO()
        try:
            with self.conn.cursor() as cur:
                cur.copy_expert(sql, buffer)
        except psycopg2.Error as error:
            return error
        return len(buffer.getvalue().splitlines())

    def counts(self) -> dict:
        """Rows per table, schema-qualified (a temporary table must not be what is counted)."""
        out = {}
        for table in COUNTED:
            result = self.run(f"SELECT COUNT(*) FROM public.{table}")
            out[table] = result if isinstance(result, psycopg2.Error) else result[0][0]
        return out


class Owner:
    def __init__(self, demo) -> None:
        self.conn = psycopg2.connect(demo.server.url(demo.database))
        self.conn.autocommit = True

    def value(self, sql: str, *params):
        with self.conn.cursor() as cur:
            cur.execute(sql, params)
            row = cur.fetchone()
        return None if row is None else row[0]

    def rows(self, sql: str, *params) -> list:
        with self.conn.cursor() as cur:
            cur.execute(sql, params)
            return cur.fetchall()

    def digest(self, table: str) -> str:
        return self.value(
            f"SELECT md5(COALESCE(string_agg(t::text, '|' ORDER BY t::text), '')) FROM {table} t"
        )


@pytest.fixture(scope="module")
def attack(shared_demo):
    """The shared demo plus two more municipality logins and the ids the attacks aim at."""
    from domain.rules.handoff import HandOffDraft

    server, database = shared_demo.server, shared_demo.database
    owner_store = shared_demo.owner()
    owner = Owner(shared_demo)
    try:
        m = shared_demo.municipality
        other_m = owner.value(
            "SELECT municipality FROM objects WHERE municipality <> %s GROUP BY 1 "
            "ORDER BY COUNT(*) DESC, 1 LIMIT 1",
            m,
        )
        add_login(owner_store.engine, EXTRA["gemeente_tmp"], "gemeente", municipality=m)
        add_login(owner_store.engine, EXTRA["gemeente_other"], "gemeente", municipality=other_m)
        server.sql(f'GRANT TEMPORARY ON DATABASE "{database}" TO {EXTRA["gemeente_tmp"]}')
        ids = {"mine": m, "other_m": other_m}
        ids["my_object"] = owner.value(
            "SELECT MIN(o.id) FROM objects o JOIN claims c ON c.object_id = o.id "
            "WHERE o.municipality = %s",
            m,
        )
        ids["other_object"] = owner.value(
            "SELECT MIN(o.id) FROM objects o JOIN claims c ON c.object_id = o.id "
            "WHERE o.municipality <> %s",
            m,
        )
        ids["my_claim"] = owner.value(
            "SELECT MIN(c.id) FROM claims c JOIN objects o ON o.id = c.object_id "
            "WHERE o.municipality = %s",
            m,
        )
        ids["other_claim"] = owner.value(
            "SELECT MIN(c.id) FROM claims c JOIN objects o ON o.id = c.object_id "
            "WHERE o.municipality <> %s",
            m,
        )
        # a person with rights or claims only elsewhere
        ids["foreign_person"] = owner.value(
            "SELECT MIN(p.id) FROM persons p WHERE p.id NOT IN (SELECT w.person_id FROM "
            "ownerships w JOIN objects o ON o.id = w.object_id WHERE o.municipality = %s) "
            "AND p.id NOT IN (SELECT c.applicant_id FROM claims c JOIN objects o ON "
            "o.id = c.object_id WHERE o.municipality = %s AND c.applicant_id IS NOT NULL)",
            m,
            m,
        )
        narrative = "de afhandeling loopt al een jaar vast zonder uitzicht op een besluit"
        for key, object_id in (("my_handoff", ids["my_object"]), ("other_handoff", None)):
            object_id = object_id or ids["other_object"]
            draft = HandOffDraft(
                str(object_id), "IVS", "IMG", "proces_vastgelopen", narrative, True, ()
            )
            ids[key] = owner_store.add_handoff(draft, by="opzet")
        assert None not in ids.values(), ids
    finally:
        owner_store.close()
    yield shared_demo, owner, ids
    owner.conn.close()


def expected(shared_demo, role: str) -> dict:
    """What the owner says this role may see now: a count per table, None where it may not."""
    truth = _truth(shared_demo)
    if role == "planner":
        return dict.fromkeys(COUNTED)
    source = truth["mine"] if role in MUNICIPALITY else truth["all"]
    return {table: source[table] for table in COUNTED}


def assert_sees_exactly(session: Session, wanted: dict, may_refuse: bool = False) -> None:
    for table, count in session.counts().items():
        if wanted[table] is None or (may_refuse and isinstance(count, psycopg2.Error)):
            assert isinstance(count, psycopg2.Error), f"{session.login} read {table}: {count}"
            continue
        assert count == wanted[table], f"{session.login} sees {count} rows of {table}"


# --- reading: whatever is sent, the same rows ---------------------------------------------
def _shadow_tables(s: Session, ids) -> list[str]:
    other = ids["other_m"]
    return [
        "CREATE TEMP TABLE objects AS SELECT generate_series(1, 100000) AS id, "
        f"'{ids['mine']}'::varchar AS municipality",
        "CREATE TEMP TABLE handoffs AS SELECT g AS id, g AS object_id "
        "FROM generate_series(1, 100000) g",
        "CREATE TEMP TABLE claims AS SELECT g AS id, g AS object_id, "
        "(SELECT MIN(id) FROM public.persons)::varchar AS applicant_id "
        "FROM generate_series(1, 100000) g",
        "CREATE TEMP TABLE ownerships AS SELECT 1 AS object_id, 'x'::varchar AS person_id",
        "CREATE TEMP TABLE gemeente_logins (login varchar, municipality varchar)",
        f"INSERT INTO gemeente_logins VALUES (session_user, '{other}'), (current_user, '{other}')",
    ]


def _shadow_views(s: Session, ids) -> list[str]:
    return [
        "CREATE TEMP VIEW objects AS SELECT generate_series(1, 100000) AS id, "
        f"'{ids['other_m']}'::varchar AS municipality",
        f"CREATE TEMP VIEW gemeente_logins AS SELECT session_user::varchar AS login, "
        f"'{ids['other_m']}'::varchar AS municipality",
    ]


def _shadow_functions(s: Session, ids) -> list[str]:
    out = []
    for name, returns, body in (
        ("imgschade_sees_all", "boolean", "SELECT true"),
        ("imgschade_my_municipality", "varchar", f"SELECT '{ids['other_m']}'::varchar"),
        ("imgschade_visible_objects", "SETOF integer", "SELECT generate_series(1, 100000)"),
        ("imgschade_visible_persons", "SETOF varchar", "SELECT id FROM public.persons"),
        ("imgschade_visible_handoffs", "SETOF integer", "SELECT generate_series(1, 100000)"),
    ):
        out.append(
            f"CREATE FUNCTION pg_temp.{name}() RETURNS {returns} LANGUAGE sql AS $$ {body} $$"
        )
    # an operator '=' that is always true, where an unqualified '=' might find it
    out.append(
        "CREATE FUNCTION pg_temp.always(integer, integer) RETURNS boolean LANGUAGE sql "
        "AS 'SELECT true'"
    )
    out.append(
        "CREATE OPERATOR pg_temp.= (leftarg = integer, rightarg = integer, function = pg_temp.always)"
    )
    return out


def _search_path(s: Session, ids) -> list[str]:
    return [
        *_shadow_tables(s, ids),
        *_shadow_functions(s, ids),
        "SET search_path = pg_temp, public, pg_catalog",
    ]


def _set_role(s: Session, ids) -> list[str]:
    targets = [
        "imgschade_img",
        "imgschade_ncg",
        "imgschade_taskforce",
        "imgschade_gemeente",
        "imgschade_planner",
        "imgschade_security",
        "h_img_user",
        EXTRA["gemeente_other"],
        "postgres",
    ]
    return [f"SET ROLE {t}" for t in targets] + [
        f"SET SESSION AUTHORIZATION {t}" for t in ("h_img_user", "h_ncg_user", "postgres")
    ]


def _settings(s: Session, ids) -> list[str]:
    return [
        "SET imgschade.actor = 'h_img_user'",
        f"SET imgschade.municipality = '{ids['other_m']}'",
        "SET application_name = 'QGIS'",
        "SET search_path = public",
    ]


READ_ATTACKS = {
    "temp_tables": _shadow_tables,
    "temp_views": _shadow_views,
    "temp_functions_and_operator": _shadow_functions,
    "search_path_pg_temp_first": _search_path,
    "set_role": _set_role,
    "custom_settings": _settings,
}


@pytest.mark.parametrize("name", list(READ_ATTACKS))
@pytest.mark.parametrize("role", ATTACKERS)
def test_attack_leaves_each_login_exactly_its_rows(attack, role, name):
    demo, _owner, ids = attack
    s = Session(demo, login_of(role))
    try:
        results = {sql: s.run(sql) for sql in READ_ATTACKS[name](s, ids)}
        temp = [sql for sql in results if "TEMP" in sql or "pg_temp." in sql]
        for sql in temp:
            if role == "gemeente_tmp":  # TEMP was given: shadowing is tried for real
                assert not isinstance(results[sql], psycopg2.Error), (sql, results[sql])
            else:
                assert "permission denied" in str(results[sql]), (sql, results[sql])
        if name == "set_role":
            own = "imgschade_" + ("gemeente" if role in MUNICIPALITY else role)
            # its group role and itself
            allowed = {f"SET ROLE {own}", f"SET ROLE {s.login}"}
            allowed.add(f"SET SESSION AUTHORIZATION {s.login}")
            for sql, result in results.items():
                if sql not in allowed:
                    assert "permission denied" in str(result), (sql, result)
            assert s.ok(f"SET ROLE {own}") == -1  # its own group role: allowed, same rows
        assert_sees_exactly(s, expected(demo, role))
        if role in MUNICIPALITY:
            assert s.ok("SELECT COUNT(DISTINCT municipality) FROM public.objects") == [(1,)]
    finally:
        s.close()


@pytest.mark.parametrize("role", ATTACKERS)
def test_row_security_off_refuses_instead_of_showing_more(attack, role):
    demo, _owner, _ids = attack
    s = Session(demo, login_of(role))
    try:
        s.ok("SET row_security = off")
        counts = s.counts()
        for table, count in counts.items():
            assert isinstance(count, psycopg2.Error), (table, count)
            assert "row-level security" in str(count) or "permission denied" in str(count)
        s.ok("SET row_security = on")
        assert_sees_exactly(s, expected(demo, role))
    finally:
        s.close()


@pytest.mark.parametrize("role", ATTACKERS)
def test_copy_out_shows_the_same_rows(attack, role):
    demo, _owner, _ids = attack
    wanted = expected(demo, role)
    s = Session(demo, login_of(role))
    try:
        for table in ("claims", "persons", "handoffs", "ownerships"):
            for sql in (
                f"COPY public.{table} TO STDOUT",
                f"COPY (SELECT * FROM public.{table}) TO STDOUT",
            ):
                lines = s.copy_out(sql)
                if wanted[table] is None:
                    assert "permission denied" in str(lines), (sql, lines)
                else:
                    assert lines == wanted[table], (sql, lines)
    finally:
        s.close()


@pytest.mark.parametrize("role", ATTACKERS)
def test_no_objects_in_public_no_schema_no_ddl_on_ours(attack, role):
    demo, _owner, _ids = attack
    s = Session(demo, login_of(role))
    try:
        for sql in (
            "CREATE TABLE public.objects_copy (id int)",
            "CREATE FUNCTION public.imgschade_sees_everything() RETURNS boolean "
            "LANGUAGE sql AS 'SELECT true'",
            "CREATE OPERATOR public.=== (leftarg = integer, rightarg = integer, "
            "function = pg_catalog.int4eq)",
            "CREATE VIEW public.all_claims AS SELECT 1",
            "CREATE SCHEMA evil",
            "CREATE EXTENSION IF NOT EXISTS pgcrypto",  # a trusted extension
            "CREATE EXTENSION IF NOT EXISTS dblink",
        ):
            s.refused(sql, "permission denied")
        for sql in (
            "CREATE OR REPLACE FUNCTION public.imgschade_sees_all() RETURNS boolean "
            "LANGUAGE sql AS 'SELECT true'",
            "ALTER FUNCTION public.imgschade_my_municipality() RESET search_path",
            "ALTER TABLE public.claims DISABLE TRIGGER ALL",
            "DROP TRIGGER imgschade_audit_update ON public.claims",
            "DROP POLICY imgschade_rows ON public.objects",
            "ALTER TABLE public.objects DISABLE ROW LEVEL SECURITY",
            "ALTER TABLE public.audit_log OWNER TO CURRENT_USER",
        ):
            s.refused(sql, "must be owner", "permission denied")
        s.refused("SET session_replication_role = replica", "permission denied")
        s.refused("SELECT pg_catalog.setval('public.handoffs_id_seq', 1)", "permission denied")
        assert_sees_exactly(s, expected(demo, role))
    finally:
        s.close()


@pytest.mark.parametrize("role", ATTACKERS)
def test_login_table_is_readable_by_see_all_roles_only_and_writable_by_none(attack, role):
    demo, _owner, ids = attack
    s = Session(demo, login_of(role))
    try:
        if role in SEE_ALL:
            assert s.ok("SELECT COUNT(*) FROM public.gemeente_logins")[0][0] >= 3
        else:
            s.refused("SELECT * FROM public.gemeente_logins", "permission denied")
        for sql in (
            f"INSERT INTO public.gemeente_logins VALUES (session_user, '{ids['other_m']}')",
            f"UPDATE public.gemeente_logins SET municipality = '{ids['other_m']}'",
            "DELETE FROM public.gemeente_logins",
        ):
            s.refused(sql, "permission denied")
        if role in MUNICIPALITY:  # its own mapping only, through the definer function
            assert s.ok("SELECT public.imgschade_my_municipality()") == [(ids["mine"],)]
    finally:
        s.close()


@pytest.mark.parametrize("role", MUNICIPALITY)
def test_no_leak_through_errors_statistics_or_functions(attack, role):
    demo, _owner, ids = attack
    wanted = expected(demo, role)
    s = Session(demo, login_of(role))
    try:
        # a division by zero on the other municipality's row would prove it exists
        rows = s.ok(
            f"SELECT COUNT(*) FROM public.claims WHERE 1 / (object_id - {ids['other_object']}) "
            "IS NOT NULL"
        )
        assert rows == [(wanted["claims"],)]
        rows = s.ok(
            "SELECT COUNT(*) FROM public.persons WHERE "
            f"1 / (CASE WHEN id = '{ids['foreign_person']}' THEN 0 ELSE 1 END) = 1"
        )
        assert rows == [(wanted["persons"],)]
        # planner statistics of row-secured tables stay hidden (most common values)
        assert s.ok(
            "SELECT COUNT(*) FROM pg_stats WHERE schemaname = 'public' AND tablename IN "
            "('persons', 'claims', 'ownerships', 'handoffs', 'objects')"
        ) == [(0,)]
        assert s.ok("SELECT COUNT(*) FROM public.imgschade_visible_objects()") == [
            (wanted["objects"],)
        ]
        assert s.ok("SELECT COUNT(*) FROM public.imgschade_visible_persons()") == [
            (wanted["persons"],)
        ]
        # aggregates are for everybody by design, rows are not
        assert s.ok("SELECT SUM(objects) FROM public.planner_municipality_summary")[0][0] > 0
    finally:
        s.close()


# --- writing: refused, or audited under the login -----------------------------------------
HANDOFF_COLUMNS = (
    "object_id, target, submitter, reason_category, narrative, resident_consent, status, "
    "created_at, updated_at, version"
)


def _handoff_values(object_id) -> str:
    return f"({object_id}, 'IVS', 'x', 'x', 'x', true, 'concept', now(), now(), 1)"


#: name -> (table written, SQL, expectation per role group: see-all / municipality)
#: "audited": allowed and recorded; "unchanged": allowed, touches no row; "refused"
WRITES = {
    "claim_without_version": (
        "claims",
        "UPDATE public.claims SET amount = 4242 WHERE id = {my_claim}",
        ("refused", "refused"),
    ),
    "claim_with_version": (
        "claims",
        "UPDATE public.claims SET amount = COALESCE(amount, 0) + 1, version = version + 1 "
        "WHERE id = {my_claim}",
        ("audited", "audited"),
    ),
    "claim_version_jump": (
        "claims",
        "UPDATE public.claims SET version = version + 5 WHERE id = {my_claim}",
        ("refused", "refused"),
    ),
    "claim_of_other_municipality": (
        "claims",
        "UPDATE public.claims SET objection = NOT objection, version = version + 1 "
        "WHERE id = {other_claim}",
        ("audited", "unchanged"),
    ),
    "claim_relink_applicant": (
        "claims",
        "UPDATE public.claims SET applicant_id = '{foreign_person}', version = version + 1 "
        "WHERE id = {my_claim}",
        ("refused", "refused"),
    ),
    "claim_move_to_object": (
        "claims",
        "UPDATE public.claims SET object_id = {other_object}, version = version + 1 "
        "WHERE id = {my_claim}",
        ("refused", "refused"),
    ),
    "claim_number": (
        "claims",
        "UPDATE public.claims SET claim_number = 'X-1', version = version + 1 "
        "WHERE id = {my_claim}",
        ("refused", "refused"),
    ),
    "claim_id": (
        "claims",
        "UPDATE public.claims SET id = id + 100000, version = version + 1 WHERE id = {my_claim}",
        ("refused", "refused"),
    ),
    "claim_insert": (
        "claims",
        "INSERT INTO public.claims (claim_number, object_id, scheme, submitted, status, final, "
        "objection, version) VALUES ('X-2', {my_object}, 'x', now(), 'open', false, false, 1)",
        ("refused", "refused"),
    ),
    "claim_delete": ("claims", "DELETE FROM public.claims WHERE id = {my_claim}", ("refused",) * 2),
    "claims_truncate": ("claims", "TRUNCATE public.claims CASCADE", ("refused", "refused")),
    "handoff_narrative": (
        "handoffs",
        "UPDATE public.handoffs SET narrative = 'x', version = version + 1 WHERE id = {my_handoff}",
        ("refused", "refused"),
    ),
    "handoff_move": (
        "handoffs",
        "UPDATE public.handoffs SET object_id = {other_object}, version = version + 1 "
        "WHERE id = {my_handoff}",
        ("refused", "refused"),
    ),
    "handoff_without_version": (
        "handoffs",
        "UPDATE public.handoffs SET status = 'submitted' WHERE id = {my_handoff}",
        ("refused", "refused"),
    ),
    "handoff_status_change": (
        "handoffs",
        "UPDATE public.handoffs SET updated_at = now(), version = version + 1 "
        "WHERE id = {my_handoff}",
        ("audited", "audited"),
    ),
    "handoff_insert": (
        "handoffs",
        f"INSERT INTO public.handoffs ({HANDOFF_COLUMNS}) VALUES " + _handoff_values("{my_object}"),
        ("audited", "audited"),
    ),
    "handoff_insert_elsewhere": (
        "handoffs",
        f"INSERT INTO public.handoffs ({HANDOFF_COLUMNS}) VALUES "
        + _handoff_values("{other_object}"),
        ("audited", "refused"),
    ),
    "handoff_insert_with_id": (
        "handoffs",
        f"INSERT INTO public.handoffs (id, {HANDOFF_COLUMNS}) VALUES (999999, "
        + _handoff_values("{my_object}")[1:],
        ("refused", "refused"),
    ),
    "handoff_delete": (
        "handoffs",
        "DELETE FROM public.handoffs WHERE id = {my_handoff}",
        ("refused", "refused"),
    ),
    "history_insert": (
        "handoff_status",
        'INSERT INTO public.handoff_status (handoff_id, status, at, "by") '
        "VALUES ({my_handoff}, 'concept', '2001-01-01', 'x')",
        ("audited", "audited"),
    ),
    "history_insert_elsewhere": (
        "handoff_status",
        'INSERT INTO public.handoff_status (handoff_id, status, at, "by") '
        "VALUES ({other_handoff}, 'concept', now(), 'x')",
        ("audited", "refused"),
    ),
    "history_update": (
        "handoff_status",
        "UPDATE public.handoff_status SET note = 'x'",
        ("refused", "refused"),
    ),
    "history_truncate": ("handoff_status", "TRUNCATE public.handoff_status", ("refused",) * 2),
    "audit_insert_backdated": (
        "audit_log",
        "INSERT INTO public.audit_log (at, who, action, object_id) "
        "VALUES ('2001-01-01', 'h_ncg_user', 'claim_edit', {other_object})",
        ("refused", "refused"),
    ),
    "audit_update": ("audit_log", "UPDATE public.audit_log SET who = 'x'", ("refused",) * 2),
    "audit_delete": ("audit_log", "DELETE FROM public.audit_log", ("refused", "refused")),
    "audit_truncate": ("audit_log", "TRUNCATE public.audit_log", ("refused", "refused")),
    "audit_copy_in": (
        "audit_log",
        "COPY public.audit_log (at, who, action) FROM STDIN",
        ("refused", "refused"),
    ),
    "audit_note_elsewhere": (
        "audit_log",
        "SELECT public.imgschade_audit_note('x', 'export', {other_object}, 'x')",
        ("audited", "refused"),
    ),
    "audit_note_mine": (
        "audit_log",
        "SELECT public.imgschade_audit_note('iemand', 'export', {my_object}, 'dossier')",
        ("audited", "audited"),
    ),
    "object_move_municipality": (
        "objects",
        "UPDATE public.objects SET municipality = '{mine}' WHERE id = {other_object}",
        ("refused", "refused"),
    ),
    "object_delete": (
        "objects",
        "DELETE FROM public.objects WHERE id = {my_object}",
        ("refused",) * 2,
    ),
    "person_update": ("persons", "UPDATE public.persons SET legal_name = 'x'", ("refused",) * 2),
    "ownership_insert": (
        "ownerships",
        'INSERT INTO public.ownerships (object_id, person_id, "right") '
        "VALUES ({my_object}, '{foreign_person}', 'eigendom')",
        ("refused", "refused"),
    ),
    "claims_copy_in": (
        "claims",
        "COPY public.claims (claim_number) FROM STDIN",
        ("refused", "refused"),
    ),
}


def _audit_rows_after(owner: Owner, last_id: int) -> list:
    return owner.rows(
        "SELECT table_name, action, db_login, who, old_values, new_values, "
        "at > timezone('UTC', now()) - interval '1 minute' AND "
        "at <= timezone('UTC', now()) FROM audit_log WHERE id > %s ORDER BY id",
        last_id,
    )


@pytest.mark.parametrize("name", list(WRITES))
@pytest.mark.parametrize("role", ATTACKERS)
def test_every_write_is_refused_or_audited(attack, role, name):
    demo, owner, ids = attack
    table, template, (for_see_all, for_municipality) = WRITES[name]
    want = "refused" if role == "planner" else for_see_all if role in SEE_ALL else for_municipality
    sql = template.format(**ids)
    login = login_of(role)
    before = owner.digest(table)
    last = owner.value("SELECT COALESCE(MAX(id), 0) FROM audit_log")
    s = Session(demo, login)
    try:
        copy_in = "x\tx\tx\n" if "FROM STDIN" in sql else None
        result = s.run(sql, copy_in=copy_in)
    finally:
        s.close()
    rows = _audit_rows_after(owner, last)
    if isinstance(result, psycopg2.Error):
        assert want == "refused", f"{login}: {sql}: {result}"
        assert owner.digest(table) == before
        assert rows == []
        return
    assert want != "refused", f"{login} was allowed: {sql}"
    if want == "unchanged":
        assert owner.digest(table) == before and rows == []
        return
    assert rows, f"no audit row for {sql}"
    for r in rows:
        assert r[2] == login  # the session login, whatever the statement said
        assert r[6] is True  # server time, now
    if table != "audit_log":
        assert owner.digest(table) != before
        assert {r[0] for r in rows} == {table}
        if name.startswith("claim_") or name == "handoff_status_change":
            (old, new) = rows[0][4], rows[0][5]
            assert set(old) == set(new) and "version" in new
            assert new["version"] == old["version"] + 1
    else:
        assert [r[1] for r in rows] == ["export"]


def test_actor_setting_names_a_person_but_never_the_login(attack):
    demo, owner, ids = attack
    last = owner.value("SELECT MAX(id) FROM audit_log")
    s = Session(demo, login_of("gemeente"))
    try:
        s.ok("SELECT set_config('imgschade.actor', 'burgemeester', false)")
        s.ok("SET ROLE imgschade_gemeente")
        s.ok(
            "UPDATE public.claims SET objection = NOT objection, version = version + 1 "
            f"WHERE id = {ids['my_claim']}"
        )
    finally:
        s.close()
    rows = owner.rows("SELECT who, db_login, table_name FROM audit_log WHERE id > %s", last)
    assert rows == [("burgemeester", LOGINS["gemeente"], "claims")]


# --- the owner: versions, truncation and what the triggers record -------------------------
def test_owner_too_cannot_truncate_history_or_skip_versions(attack):
    _demo, owner, ids = attack
    for table in ("audit_log", "handoff_status", "claims", "objects", "persons"):
        with pytest.raises(psycopg2.Error, match="TRUNCATE of .* is refused"):
            owner.value(f"TRUNCATE {table} CASCADE")
    with pytest.raises(psycopg2.Error, match=r"must set version = \d+"):
        owner.value(f"UPDATE claims SET amount = 1 WHERE id = {ids['my_claim']}")
    with pytest.raises(psycopg2.Error, match="append-only"):
        owner.value("DELETE FROM audit_log")


def test_triggers_record_changed_columns_only_and_no_geometry_bytes(attack):
    _demo, owner, ids = attack
    last = owner.value("SELECT MAX(id) FROM audit_log")
    # an import rewriting every object's status with the same values writes no audit row
    assert (
        owner.value(
            "WITH u AS (UPDATE objects SET status = status RETURNING 1) SELECT COUNT(*) FROM u"
        )
        > 100
    )
    assert owner.value("SELECT COUNT(*) FROM audit_log WHERE id > %s", last) == 0
    owner.value(
        "WITH u AS (UPDATE objects SET geom = ST_Translate(geom, 1, 0), x = x + 1 "
        "WHERE id = %s RETURNING 1) SELECT COUNT(*) FROM u",
        ids["my_object"],
    )
    row = owner.rows(
        "SELECT table_name, action, object_id, row_id, old_values, new_values, db_login, who "
        "FROM audit_log WHERE id > %s",
        last,
    )
    assert len(row) == 1
    table, action, object_id, row_id, old, new, db_login, who = row[0]
    assert (table, action, object_id, row_id) == (
        "objects",
        "update",
        ids["my_object"],
        str(ids["my_object"]),
    )
    assert set(new) == {"geom", "x"} and new["geom"] == "(geometry, changed)"
    assert old["geom"] == "(geometry)" and new["x"] == old["x"] + 1
    assert (db_login, who) == ("postgres", "postgres")
    # an inserted hand-off history line names the object of its hand-off
    owner.value(
        'WITH i AS (INSERT INTO handoff_status (handoff_id, status, at, "by") VALUES '
        "(%s, 'concept', now(), 'x') RETURNING 1) SELECT COUNT(*) FROM i",
        ids["my_handoff"],
    )
    object_id = owner.value(
        "SELECT object_id FROM audit_log WHERE table_name = 'handoff_status' ORDER BY id DESC "
        "LIMIT 1"
    )
    assert object_id == ids["my_object"]


def test_application_edits_are_audited_with_the_person_and_the_login(attack):
    from domain.errors import DomainError

    demo, owner, ids = attack
    last = owner.value("SELECT MAX(id) FROM audit_log")
    store = demo.open_as("gemeente")
    try:
        version = store.claim_version(ids["my_claim"])
        store.edit_claim(ids["my_claim"], version, {"amount": 777}, by="anna")
        with pytest.raises(DomainError, match="permission denied"):
            store.audit("anna", "export_dossier", ids["other_object"], "x.pdf")
    finally:
        store.close()
    rows = owner.rows(
        "SELECT table_name, action, who, db_login, new_values ->> 'amount' FROM audit_log "
        "WHERE id > %s ORDER BY id",
        last,
    )
    assert rows == [
        ("claims", "update", "anna", LOGINS["gemeente"], "777"),
        (None, "claim_edit", "anna", LOGINS["gemeente"], None),
    ]
