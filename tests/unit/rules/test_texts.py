"""Every reason reads as a sentence a resident understands, in Dutch and in English."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings

from domain.rules import assess
from tests.unit.rules.strategies import cases

ID_LIKE = re.compile(r"[A-Za-z]+_[A-Za-z]+")


def check_sentence(text: str) -> None:
    assert text.strip(), "empty reason"
    assert text.endswith("."), text
    assert "_" not in text, text
    assert "{" not in text and "}" not in text, text
    assert not ID_LIKE.search(text), text
    assert "None" not in text and "nan" not in text.lower().split(), text
    assert text[0].isupper() or text[0] in "€", text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_every_reason_is_a_sentence_in_both_languages(case):
    result = assess(case)
    for lang in ("nl", "en"):
        texts = result.texts(lang)
        assert texts
        for text in texts:
            check_sentence(text)
        payload = result.as_dict(lang)
        for verdict in payload["verdicts"].values():
            for item in verdict["conditions"] + verdict["notes"]:
                check_sentence(item["reason"])


@settings(max_examples=100, deadline=None)
@given(cases(with_shakings=False))
def test_reasons_without_ground_motion_are_sentences_too(case):
    for lang in ("nl", "en"):
        for text in assess(case).texts(lang):
            check_sentence(text)


def test_dutch_and_english_differ():
    from tests.unit.rules.factory import base_case

    result = assess(base_case())
    nl, en = result.texts("nl"), result.texts("en")
    assert len(nl) == len(en)
    assert all(a != b for a, b in zip(nl, en))
    assert any("effectgebied" in t for t in nl) and any("effect area" in t for t in en)
