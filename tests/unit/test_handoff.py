"""Hand-off vocabulary and rules: every check on both sides of its boundary."""

from __future__ import annotations

import dataclasses

import pytest

from domain import policy
from domain.rules import handoff
from domain.rules.handoff import (
    ALLOWED_TRANSITIONS,
    HandOffDraft,
    check_transition,
    next_statuses,
    status_label,
    validate_draft,
)


@pytest.fixture(autouse=True)
def _dutch(monkeypatch):
    """Dutch is the default; another test's --lang en must not leak in through the environment."""
    monkeypatch.delenv("IMGSCHADE_LANG", raising=False)


NARRATIVE = "Herstel staat sinds 2023 stil; bewoners wachten op een besluit over versterking."


def _draft(**changes) -> HandOffDraft:
    base = HandOffDraft(
        object_id="OBJ-000123",
        target="IVS",
        submitter="gemeente",
        reason_category="proces_vastgelopen",
        narrative=NARRATIVE,
        resident_consent=True,
        linked_claim_ids=("C-1", "C-2"),
    )
    return dataclasses.replace(base, **changes)


def _fields(problems) -> list[str]:
    return [p.field for p in problems]


def test_complete_ivs_draft_has_no_problems():
    assert validate_draft(_draft()) == []


def test_linked_claims_are_kept_as_a_tuple():
    draft = _draft(linked_claim_ids=["C-1"])
    assert draft.linked_claim_ids == ("C-1",)
    assert draft.as_dict()["linked_claim_ids"] == ["C-1"]


def test_missing_object_is_a_problem_on_object_id():
    assert _fields(validate_draft(_draft(object_id="  "))) == ["object_id"]


@pytest.mark.parametrize("target", ["", "ivs", "TCMG"])
def test_unknown_target_is_a_problem(target):
    assert "target" in _fields(validate_draft(_draft(target=target)))


@pytest.mark.parametrize("submitter", ["gemeente", "IMG", "NCG"])
def test_ivs_accepts_each_listed_submitter(submitter):
    assert validate_draft(_draft(submitter=submitter)) == []


@pytest.mark.parametrize("submitter", ["", "bewoner", "NAM"])
def test_ivs_refuses_other_submitters_and_names_the_mayor(submitter):
    problems = validate_draft(_draft(submitter=submitter))
    assert _fields(problems) == ["submitter"]
    assert "burgemeester" in problems[0].message


def test_cbs_needs_a_submitter_too():
    draft = _draft(target="CBS", reason_category="schrijnende_situatie", submitter="")
    assert _fields(validate_draft(draft)) == ["submitter"]


@pytest.mark.parametrize(
    "reason", ["financiele_problemen", "sociale_psychische_problemen", "schrijnende_situatie"]
)
def test_cbs_accepts_individual_hardship(reason):
    assert validate_draft(_draft(target="CBS", reason_category=reason)) == []


@pytest.mark.parametrize("reason", ["bouwkundige_staat", "proces_vastgelopen"])
def test_cbs_refuses_stuck_process_reasons(reason):
    problems = validate_draft(_draft(target="CBS", reason_category=reason))
    assert _fields(problems) == ["reason_category"]
    assert "CBS" in problems[0].message


def test_ivs_refuses_hardship_only_reason():
    problems = validate_draft(_draft(reason_category="schrijnende_situatie"))
    assert _fields(problems) == ["reason_category"]


def test_unknown_reason_is_a_problem():
    assert _fields(validate_draft(_draft(reason_category="overig"))) == ["reason_category"]


def test_narrative_boundary_counts_stripped_characters():
    minimum = policy.HANDOFF_NARRATIVE_MIN_CHARS
    assert minimum == 30
    exactly = "x" * minimum
    assert validate_draft(_draft(narrative=f"  {exactly}  ")) == []
    problems = validate_draft(_draft(narrative=f"  {'x' * (minimum - 1)}   "))
    assert _fields(problems) == ["narrative"]
    assert "30" in problems[0].message and "29" in problems[0].message


def test_empty_narrative_is_a_problem():
    assert _fields(validate_draft(_draft(narrative=""))) == ["narrative"]


def test_consent_is_required_to_submit_but_not_for_a_concept():
    draft = _draft(resident_consent=False)
    assert _fields(validate_draft(draft)) == ["resident_consent"]
    assert validate_draft(draft, for_submission=False) == []


def test_linked_claims_must_belong_to_the_object_when_known():
    draft = _draft(linked_claim_ids=("C-1", "C-9"))
    assert validate_draft(draft, known_claim_ids=["C-1", "C-2"])[0].field == "linked_claim_ids"
    assert "C-9" in validate_draft(draft, known_claim_ids=["C-1"])[0].message
    assert validate_draft(draft, known_claim_ids=["C-1", "C-9"]) == []
    assert validate_draft(draft) == []  # not checkable without the object's claims


def test_a_claim_linked_twice_is_a_problem():
    problems = validate_draft(_draft(linked_claim_ids=("C-1", "C-1")))
    assert _fields(problems) == ["linked_claim_ids"]


def test_every_problem_is_listed_at_once():
    empty = HandOffDraft("", "", "", "", "", False)
    assert set(_fields(validate_draft(empty))) == {
        "object_id",
        "target",
        "submitter",
        "reason_category",
        "narrative",
        "resident_consent",
    }


def test_messages_in_english_on_request():
    problems = validate_draft(_draft(narrative="kort"), lang="en")
    assert problems[0].message.startswith("Describe the situation")
    assert validate_draft(_draft(narrative="kort"), lang="nl")[0].message.startswith("Beschrijf")


def test_problem_location_names_the_field():
    problem = validate_draft(_draft(narrative=""))[0]
    assert problem.location().endswith(":narrative")


# --- statuses -------------------------------------------------------------------------------
HAPPY_PATH = [
    ("concept", "submitted"),
    ("submitted", "in_progress"),
    ("in_progress", "proposal_to_residents"),
    ("proposal_to_residents", "binding_advice"),
    ("binding_advice", "carried_out"),
    ("binding_advice", "closed"),
    ("submitted", "returned"),
    ("in_progress", "returned"),
]


@pytest.mark.parametrize(("old", "new"), HAPPY_PATH)
def test_allowed_transitions_pass(old, new):
    assert check_transition(old, new) is None


def test_transition_table_is_exactly_the_path():
    allowed = {(o, n) for o, nexts in ALLOWED_TRANSITIONS.items() for n in nexts}
    assert allowed == set(HAPPY_PATH)
    assert set(ALLOWED_TRANSITIONS) == set(handoff.STATUSES)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("concept", "in_progress"),  # skips submission
        ("submitted", "binding_advice"),
        ("proposal_to_residents", "returned"),  # returned only from submitted / in_progress
        ("concept", "returned"),
        ("in_progress", "submitted"),  # no way back
        ("submitted", "submitted"),
    ],
)
def test_other_transitions_fail_and_say_what_may(old, new):
    problem = check_transition(old, new)
    assert problem is not None and problem.field == "status"
    for possible in next_statuses(old):
        assert possible in problem.message


@pytest.mark.parametrize("final", ["carried_out", "closed", "returned"])
def test_final_statuses_do_not_move(final):
    problem = check_transition(final, "in_progress")
    assert problem is not None and "nieuwe overdracht" in problem.message
    assert next_statuses(final) == ()


def test_unknown_status_is_named():
    problem = check_transition("submitted", "afgewezen")
    assert problem is not None and "afgewezen" in problem.message


def test_next_statuses_in_path_order():
    assert next_statuses("submitted") == ("in_progress", "returned")
    assert next_statuses("binding_advice") == ("carried_out", "closed")


def test_labels_dutch_and_english():
    assert status_label("proposal_to_residents") == "Voorstel aan bewoners"
    assert status_label("proposal_to_residents", "en") == "Proposal to residents"
    assert handoff.submitter_label("gemeente").startswith("Gemeente (via de burgemeester")
    assert handoff.reason_label("schrijnende_situatie", "en").startswith("Special individual")
    assert handoff.target_label("CBS").endswith("(CBS)")
    for reason in handoff.REASON_CATEGORIES:
        assert handoff.reason_label(reason) != reason
