"""No lost updates: two sessions on one hand-off or claim, and many clients at once."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from domain.errors import InputError
from domain.store import ConcurrentChangeError, open_store
from domain.store.claims_edit import ClaimConcurrentChangeError
from tests.integration.shared.load import run_load

pytestmark = pytest.mark.postgis
NARRATIVE = "De afhandeling zit al maanden vast; bemiddeling bleef zonder resultaat."


def _first_concept_handoff(store) -> int:
    from domain.rules.handoff import HandOffDraft

    with store.engine.connect() as conn:
        object_id = conn.execute(text("SELECT MIN(object_id) FROM claims")).scalar_one()
    draft = HandOffDraft(str(object_id), "IVS", "IMG", "proces_vastgelopen", NARRATIVE, True, ())
    return store.add_handoff(draft, by="setup")


def test_second_session_on_one_handoff_is_refused_and_both_versions_kept(shared_demo):
    first = shared_demo.open_as("img")
    second = shared_demo.open_as("ncg")
    try:
        handoff_id = _first_concept_handoff(first)
        seen_first = seen_second = 1  # both opened the concept
        assert first.change_handoff_status(handoff_id, seen_first, "submitted", "anna") == 2
        with pytest.raises(ConcurrentChangeError) as err:
            second.change_handoff_status(handoff_id, seen_second, "submitted", "bert", "dubbel")
        assert (err.value.expected_version, err.value.actual_version) == (1, 2)
        assert "versie 1" in str(err.value) and "versie 2" in str(err.value)
        with first.engine.connect() as conn:
            history = conn.execute(
                text('SELECT status, "by" FROM handoff_status WHERE handoff_id = :h ORDER BY id'),
                {"h": handoff_id},
            ).all()
            version = conn.execute(
                text("SELECT version FROM handoffs WHERE id = :h"), {"h": handoff_id}
            ).scalar_one()
        assert [tuple(r) for r in history] == [("concept", "setup"), ("submitted", "anna")]
        assert version == 2
        # after reloading, the second person's change goes through on top of the first
        assert second.change_handoff_status(handoff_id, 2, "in_progress", "bert") == 3
    finally:
        first.close()
        second.close()


def test_second_edit_of_one_claim_is_refused_and_nothing_overwritten(shared_demo):
    first = shared_demo.open_as("img")
    second = shared_demo.open_as("taskforce")
    try:
        with first.engine.connect() as conn:
            claim_id = conn.execute(text("SELECT MAX(id) FROM claims")).scalar_one()
        v = first.claim_version(claim_id)
        assert first.edit_claim(claim_id, v, {"amount": 7000, "objection": True}, "anna") == v + 1
        with pytest.raises(ClaimConcurrentChangeError) as err:
            second.edit_claim(claim_id, v, {"amount": 9000}, "bert")
        assert (err.value.claim_id, err.value.expected_version, err.value.actual_version) == (
            claim_id,
            v,
            v + 1,
        )
        assert f"versie {v}" in str(err.value) and f"versie {v + 1}" in str(err.value)
        with first.engine.connect() as conn:
            amount, version, objection = conn.execute(
                text("SELECT amount, version, objection FROM claims WHERE id = :i"),
                {"i": claim_id},
            ).one()
            audit = conn.execute(
                text(
                    "SELECT who, detail FROM audit_log WHERE action = 'claim_edit' "
                    "AND detail LIKE :d ORDER BY id"
                ),
                {"d": f"schademelding {claim_id} %"},
            ).all()
        assert (amount, version, objection) == (7000, v + 1, True)
        assert [r[0] for r in audit] == ["anna"]
        assert "amount" in audit[0][1] and "-> 7000" in audit[0][1]
    finally:
        first.close()
        second.close()


def test_claim_edit_refuses_bad_fields_and_values_changing_nothing(shared_demo):
    store = shared_demo.owner()
    try:
        with store.engine.connect() as conn:
            claim_id = conn.execute(text("SELECT MIN(id) FROM claims")).scalar_one()
        v = store.claim_version(claim_id)
        with pytest.raises(InputError) as err:
            store.edit_claim(
                claim_id,
                v,
                {
                    "status": "lost",
                    "amount": -1,
                    "final": "ja",
                    "decided": "31-12-2025",
                    "applicant_id": "x",
                },
                "anna",
            )
        assert sorted(p.field for p in err.value.problems) == [
            "amount",
            "applicant_id",
            "decided",
            "final",
            "status",
        ]
        assert store.claim_version(claim_id) == v
        # boundaries: amount 0 and a real date are fine
        assert store.edit_claim(claim_id, v, {"amount": 0, "decided": "2025-12-31"}, "a") == v + 1
    finally:
        store.close()


def test_concurrent_clients_lose_and_duplicate_no_write(postgis_server):
    from domain.demo import build_demo

    url = postgis_server.new_database()
    build_demo(url, objects=200, seed=3)
    result = run_load(url, clients=5, updates=40, claim_pool=6, seed=5)
    assert result.errors == []
    assert result.writes == 5 * 40
    assert result.claim_edits + result.status_changes + result.handoffs_created == 200
    assert result.claim_edits > 0 and result.status_changes > 0
    assert result.lost_writes == 0
    assert result.duplicated_writes == 0
    store = open_store(url)
    store.close()
