"""The deciding condition of a verdict (shown first on its card) and which hand-off statuses
count as running or answer the suggestion."""

from __future__ import annotations

from domain.rules.handoff import STATUSES, answers_suggestion, is_running
from domain.rules.verdict import FAIL, PASS, UNKNOWN, Condition, Text, Verdict


def _verdict(outcome, results, decided_by=None) -> Verdict:
    conditions = [Condition(f"c{i}", r, Text("ho.objection.fail")) for i, r in enumerate(results)]
    return Verdict("eligible", outcome, conditions, decided_by=decided_by)


def test_deciding_is_the_first_condition_with_the_outcomes_result():
    assert _verdict(False, [PASS, FAIL, FAIL]).deciding.id == "c1"
    assert _verdict(None, [PASS, UNKNOWN, FAIL]).deciding.id == "c1"
    assert _verdict(True, [FAIL, PASS, PASS]).deciding.id == "c1"
    assert _verdict(True, []).deciding is None
    assert _verdict(False, [PASS, FAIL]).as_dict("nl")["deciding"] == "c1"


def test_a_rules_own_choice_counts_only_when_it_matches_the_outcome():
    assert _verdict(True, [FAIL, PASS, PASS], decided_by="c2").deciding.id == "c2"
    # the named condition failed, but the answer is undetermined: an unknown one decides
    assert _verdict(None, [FAIL, FAIL, UNKNOWN], decided_by="c1").deciding.id == "c2"


def test_new_claim_after_a_final_decision_is_decided_by_the_quake():
    import datetime as dt

    from domain.rules import BuildingObject, Case, Claim, Ownership, Shaking, assess

    def case(pgv):
        return Case(
            as_of=dt.date(2026, 3, 1),
            object=BuildingObject(
                id="1",
                construction_year=1928,
                small=False,
                use="woning",
                woz_value=212000,
                rijksmonument=False,
                in_subsidence_area=False,
                within_6km_zone=True,
                in_ncg_programme=False,
                place="Loppersum",
            ),
            owners=(Ownership("P1", True, "eigendom", dt.date(1990, 1, 1), None, True),),
            applicant="P1",
            prior_applications=0,
            whole_object=True,
            claims=(
                Claim(
                    "C-1",
                    "vaste_vergoeding",
                    dt.date(2022, 3, 1),
                    dt.date(2022, 4, 12),
                    "toegekend",
                    10000,
                    True,
                ),
            ),
            shakings=(Shaking("q1", dt.datetime(2023, 5, 20, 3, 12), "Loppersum", 2.4, pgv, 2.0),),
        )

    yes = assess(case(5.02)).verdicts["new_claim"]
    assert yes.outcome is True and yes.deciding.id == "reopening_quake"
    no = assess(case(4.0)).verdicts["new_claim"]
    # the final decision fails too, but no reopening quake is what decides
    assert no.outcome is False and no.deciding.id == "reopening_quake"
    assert no.condition("final_decision").result == FAIL


def test_concept_is_not_running_but_answers_the_suggestion():
    assert not is_running("concept")
    assert is_running("submitted") and is_running("in_progress")
    assert not any(is_running(s) for s in ("carried_out", "closed", "returned"))
    assert set(STATUSES) >= {"concept", "closed", "returned"}
    assert answers_suggestion(["closed", "concept"])
    assert not answers_suggestion(["closed", "returned"])
    assert not answers_suggestion([])
