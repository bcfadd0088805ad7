"""A hand-off in concept has not gone out: the map (store → batch path) and the panel do not
call it running; once submitted, both do."""

from __future__ import annotations

from sqlalchemy import text

from domain.demo import build_demo
from domain.demo.people import DEMO_AS_OF
from domain.presentation.object_view import object_view
from domain.rules.handoff import HandOffDraft
from domain.store import open_store
from domain.store.status import assess_in

NARRATIVE = "de afhandeling loopt al een jaar vast zonder uitzicht"


def _stored(store, oid: int) -> str:
    with store.engine.begin() as conn:
        assess_in(conn, DEMO_AS_OF, [oid])
        return conn.execute(text("SELECT status FROM objects WHERE id = :id"), {"id": oid}).scalar()


def _panel(store, oid: int) -> str:
    return object_view(store.read_object(oid), DEMO_AS_OF, lang="nl")["status"]["code"]


def test_concept_is_not_running_on_the_map_nor_in_the_panel(tmp_path):
    path = tmp_path / "demo.gpkg"
    build_demo(str(path), objects=200, seed=5)
    store = open_store(str(path))
    try:
        with store.engine.connect() as conn:
            oid = conn.execute(
                text(
                    "SELECT id FROM objects WHERE id NOT IN (SELECT object_id FROM handoffs) "
                    "ORDER BY id LIMIT 1"
                )
            ).scalar()
        before = _stored(store, oid)
        assert before != "handoff_running"
        draft = HandOffDraft(str(oid), "IVS", "IMG", "proces_vastgelopen", NARRATIVE, True, ())
        handoff_id = store.add_handoff(draft, by="test")
        assert store.read_object(oid).handoffs[-1].status == "concept"
        assert _stored(store, oid) == _panel(store, oid) == before
        store.change_handoff_status(handoff_id, 1, "submitted", by="test")
        assert _stored(store, oid) == _panel(store, oid) == "handoff_running"
    finally:
        store.close()
