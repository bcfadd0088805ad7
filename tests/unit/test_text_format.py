"""One number format per language: decimal comma and point grouping in Dutch, the reverse in
English, used by verdict texts and the plugin alike."""

from __future__ import annotations

from domain.presentation import text_format
from domain.rules.verdict import Money, Speed, render


def test_dutch_writes_decimal_commas_and_groups_with_points():
    assert text_format.number(1234.5, 1, "nl") == "1.234,5"
    assert text_format.number(1234.5, 1, "en") == "1,234.5"
    # a PGV is written as the thresholds compare it: half up to two decimals
    assert text_format.speed(5.04, "nl") == "5,04 mm/s"
    assert text_format.speed(5.005, "en") == "5.01 mm/s"
    assert text_format.speed(5.004, "nl") == "5,00 mm/s"
    assert text_format.distance_km(12.25, "en", 2) == "12.25 km"
    assert text_format.euro(10000, "nl") == "€ 10.000"
    assert text_format.euro(10000, "en") == "€10,000"
    assert text_format.number(None) == text_format.NO_VALUE


def test_verdict_texts_use_the_same_formats():
    dutch, english = render(Speed(5.04), "nl"), render(Speed(5.04), "en")
    assert dutch.startswith("5,0") and "." not in dutch
    assert english.startswith("5.0") and "," not in english
    assert dutch.replace(",", ".") == english
    assert render(Money(5000), "nl") == text_format.euro(5000, "nl")
    assert render(0.01, "nl") == "0,01"


def test_quake_text_per_language():
    label = ("2019-05-22", "Westerwijtwerd", 3.4)
    assert (
        text_format.quake_text(label, 6.06, "nl") == "2019-05-22 Westerwijtwerd ML 3,4 (6,06 mm/s)"
    )
    assert text_format.quake_text(label, None, "en") == "2019-05-22 Westerwijtwerd ML 3.4"


def test_one_postcode_form_whatever_the_source_wrote():
    for written in ("9919AK", "9919 ak", " 9919-AK ", "9919ak"):
        assert text_format.postcode(written) == "9919 AK"
    # not a postcode: shown as given, never hidden or mangled
    assert text_format.postcode("B-1000") == "B-1000"
    assert text_format.postcode("+9919AB") == "+9919AB"  # a formula stays visible as such
    assert text_format.postcode("\u0669\u0669\u0661\u0669AB") == "\u0669\u0669\u0661\u0669AB"
    assert text_format.postcode(None) == ""
