"""The audit log and hand-off history are append-only for every product role (and the owner)."""

from __future__ import annotations

import pytest
from sqlalchemy import exc as sa_exc
from sqlalchemy import text

from domain.errors import DomainError
from domain.store import create_store
from tests.integration.shared.conftest import LOGINS


def _execute(store, statement: str, **params) -> None:
    with store.engine.begin() as conn:
        conn.execute(text(statement), params)


def _rows(store, table: str) -> list:
    with store.engine.connect() as conn:
        return conn.execute(text(f"SELECT * FROM {table} ORDER BY id")).all()


@pytest.mark.postgis
@pytest.mark.parametrize("role", [*LOGINS, "owner"])
@pytest.mark.parametrize("table", ["audit_log", "handoff_status"])
def test_no_role_can_change_or_delete_history(shared_demo, role, table):
    owner = shared_demo.owner()
    store = owner if role == "owner" else shared_demo.open_as(role)
    try:
        owner.audit("controle", "read_object", None, f"voor {role}")
        before = _rows(owner, table)
        assert before
        for statement in (f"UPDATE {table} SET id = id", f"DELETE FROM {table}"):
            with pytest.raises((sa_exc.DBAPIError, DomainError)) as err:
                _execute(store, statement)
            message = str(err.value)
            assert "permission denied" in message or "append-only" in message
        assert _rows(owner, table) == before
    finally:
        if store is not owner:
            store.close()
        owner.close()


@pytest.mark.postgis
@pytest.mark.parametrize("role", ["img", "ncg", "taskforce", "gemeente"])
def test_editing_roles_append_audit_lines_under_their_login(shared_demo, role):
    store = shared_demo.open_as(role)
    owner = shared_demo.owner()
    try:
        with store.engine.connect() as conn:
            object_id = conn.execute(text("SELECT MIN(id) FROM objects")).scalar_one()
        # the name the client gives may be anything; the server adds the real login
        store.audit("iemand anders", "export", object_id, "dossier-pdf")
        with owner.engine.connect() as conn:
            last = conn.execute(
                text(
                    "SELECT who, db_login, action, object_id FROM audit_log "
                    "ORDER BY id DESC LIMIT 1"
                )
            ).one()
        assert tuple(last) == ("iemand anders", LOGINS[role], "export", object_id)
        with pytest.raises(DomainError, match="permission denied"):
            _execute(
                store,
                "INSERT INTO audit_log (at, who, action, db_login) "
                "VALUES (now(), 'x', 'export', 'h_img_user')",
            )
    finally:
        store.close()
        owner.close()


def test_planner_cannot_write_the_audit_log(shared_demo):
    store = shared_demo.open_as("planner")
    try:
        with pytest.raises(DomainError, match="permission denied"):
            store.audit("h_planner_user", "read_object", None, "")
    finally:
        store.close()


@pytest.mark.parametrize("table", ["audit_log", "handoff_status"])
def test_geopackage_triggers_keep_history_append_only(tmp_path, table):
    from domain.rules.handoff import HandOffDraft

    store = create_store(str(tmp_path / "s.gpkg"))
    try:
        with store.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO objects (id, x, y, small, rijksmonument, in_ncg_programme, "
                    "municipality) VALUES (1, 240000, 590000, 0, 0, 0, 'Eemsdelta')"
                )
            )
        draft = HandOffDraft(
            "1",
            "IVS",
            "IMG",
            "proces_vastgelopen",
            "de afhandeling loopt al een jaar vast zonder uitzicht",
            True,
            (),
        )
        store.add_handoff(draft, by="anna")
        before = _rows(store, table)
        assert len(before) == 1
        for statement in (f"UPDATE {table} SET id = id + 10", f"DELETE FROM {table}"):
            with pytest.raises(sa_exc.DBAPIError, match="append-only"):
                _execute(store, statement)
        assert _rows(store, table) == before
    finally:
        store.close()
