"""What a case handler read wrongly in the reasons: cents, the AOS after inspection, plurals."""

from __future__ import annotations

import pytest

from domain.case.file import parse_case
from domain.errors import InputError
from domain.rules import Claim
from domain.rules.aanvullende_vaste_vergoeding import assess_aanvullende_vaste_vergoeding as avv
from domain.rules.deadlines import assess_deadlines
from domain.rules.duurzaam_herstel import assess_duurzaam_herstel
from domain.rules.facts import DHFacts
from tests.unit.rules.factory import D, base_case, quake


def reason(verdict, cid: str, lang: str) -> str:
    return next(c for c in verdict.conditions if c.id == cid).reason.render(lang)


@pytest.mark.parametrize(
    ("lang", "total", "top_up"),
    [("nl", "€ 9.999,99", "€ 0,01"), ("en", "€9,999.99", "€0.01")],
)
def test_a_total_in_cents_is_shown_in_cents(lang, total, top_up):
    paid = Claim(
        "m1", "maatwerk", D(2019, 3, 1), D(2019, 11, 1), "toegekend", 9999.99, handler="TCMG"
    )
    v = avv(base_case(claims=(paid,)))
    text = reason(v, "below_cap", lang)
    assert total in text and top_up in text
    assert v.extra["amount_eur"].eur == 0.01


def test_d3_damage_just_below_the_threshold_does_not_read_as_the_threshold():
    case = base_case(
        dh=DHFacts(d3_damage_eur=4999.5, structural_defect=True, unhandled_damage=True)
    )
    text = reason(assess_duurzaam_herstel(case), "d3_threshold", "nl")
    assert "€ 4.999,50" in text and "minder dan € 5.000" in text


def test_the_dh_count_has_its_noun_in_the_right_number():
    one = base_case(shakings=(quake(D(2020, 1, 8), 6.0),))
    assert "1 beving van" in reason(assess_duurzaam_herstel(one), "dh_area", "nl")
    assert "1 quake of" in reason(assess_duurzaam_herstel(one), "dh_area", "en")
    awarded = Claim(
        "m1", "maatwerk", D(2019, 3, 1), D(2019, 11, 1), "toegekend", 1000, handler="CVW"
    )
    assert "(once;" in reason(avv(base_case(claims=(awarded,))), "earlier_payment", "en")


@pytest.mark.parametrize(
    ("risk", "must_say"),
    [
        (True, "acuut gevaar gevonden; dat moet uiterlijk 28 februari 2026"),
        (None, "Vul de uitkomst"),
    ],
)
def test_an_inspected_aos_reads_as_inspected_while_the_make_safe_term_runs(risk, must_say):
    aos = Claim("a1", "aos", D(2026, 2, 26), inspected=D(2026, 2, 28), risk_found=risk)
    v = assess_deadlines(base_case(as_of=D(2026, 2, 28), claims=(aos,)))
    text = reason(v, "term", "nl")
    assert must_say in text and "geïnspecteerd en uiterlijk" not in text
    assert v.outcome is False


def test_an_inspection_before_the_report_is_refused_with_its_path():
    data = {
        "as_of": "2026-03-01",
        "object": {"id": "o1"},
        "claims": [
            {"id": "a1", "scheme": "aos", "submitted": "2026-02-26", "inspected": "2026-02-20"}
        ],
    }
    with pytest.raises(InputError) as err:
        parse_case(data, "case.json")
    assert [p.field for p in err.value.problems] == ["claims[0].inspected"]
