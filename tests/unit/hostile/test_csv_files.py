"""Bad claims and ownerships CSV files, as people and their tools make them: each is refused
whole by ``imgschade import-claims`` / ``import-ownerships`` (exit 2, the file named, the row
and field, no traceback, the store unchanged) — and the good files Dutch Excel writes
(Windows-1252, ``;``, ``1.000,50``, ``€ 1.234``, ``5-6-2023``) or a UTF-8 BOM file import
exactly, and again and again without changing anything.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

import pytest

from domain.importers.pseudonym import looks_like_bsn, passes_eleven_test
from tests.support.postgis_server import postgis_server  # noqa: F401  (session fixture)
from tests.unit.hostile.harness import assert_rejected, run_cli

CLAIM_COLUMNS = (
    "claim_number",
    "object_id",
    "applicant_id",
    "applicant_natural",
    "scheme",
    "submitted",
    "decided",
    "outcome",
    "amount",
    "final",
    "objection",
    "status",
)
GOOD_CLAIM = {
    "claim_number": "H-1",
    "object_id": "1",
    "applicant_id": "PH001",
    "applicant_natural": "ja",
    "scheme": "vaste_vergoeding",
    "submitted": "2022-03-01",
    "decided": "2022-04-15",
    "outcome": "toegewezen",
    "amount": "1000",
    "final": "ja",
    "objection": "nee",
    "status": "decided",
}
OWN_COLUMNS = (
    "object_id",
    "person_id",
    "natural_person",
    "right",
    "valid_from",
    "valid_until",
    "consent",
)
GOOD_OWN = {
    "object_id": "5",
    "person_id": "PO001",
    "natural_person": "ja",
    "right": "eigendom",
    "valid_from": "2001-05-01",
    "valid_until": "",
    "consent": "ja",
}


def _bsn_without_leading_zero() -> str:
    """Eight digits that pass the eleven-test once Excel's dropped leading zero is back."""
    for n in range(1_000_000, 99_999_999):
        digits = f"{n:08d}"
        if passes_eleven_test("0" + digits):
            return digits
    raise AssertionError("no such number")


BSN8 = _bsn_without_leading_zero()


def claims_text(*rows: dict, columns=CLAIM_COLUMNS, sep=";") -> str:
    lines = [sep.join(columns)]
    for row in rows:
        values = {**GOOD_CLAIM, **row}
        lines.append(sep.join(values.get(c, "") for c in columns))
    return "\n".join(lines) + "\n"


def claim(n: int = 1, **kw) -> dict:
    return {"claim_number": f"H-{n}", **kw}


def own_text(*rows: dict, columns=OWN_COLUMNS, sep=";") -> str:
    lines = [sep.join(columns)]
    for row in rows:
        values = {**GOOD_OWN, **row}
        lines.append(sep.join(values.get(c, "") for c in columns))
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Bad:
    """One bad file: its bytes, where the message must point and a word it must say."""

    name: str
    content: bytes | str
    line: int | None = None
    field: str | None = None
    says: str | None = None


def _many(n: int) -> list[dict]:
    return [claim(i) for i in range(1, n + 1)]


HEADER = ";".join(CLAIM_COLUMNS)
GOOD_LINE = claims_text(claim(1)).splitlines()[1]

CLAIMS = [
    # --- structure: quotes, bytes, encodings --------------------------------------------
    Bad(
        "unterminated_quote_of_11_rows",
        claims_text(*_many(2))
        + '"H-3;1;PH001;ja;ims;2022-03-01;;;;;;\n'
        + "".join(claims_text(*_many(11)).splitlines(True)[4:]),
        line=4,
        says="quote",
    ),
    Bad("quote_then_text", claims_text(claim(1, claim_number='"H-1"x')), line=2, says="CSV"),
    Bad(
        "nul_byte",
        claims_text(claim(1)) + GOOD_LINE.replace("H-1", "H-\x002") + "\n",
        line=3,
        says="NUL",
    ),
    Bad("utf16", claims_text(claim(1)).encode("utf-16"), line=1, says="UTF-16"),
    Bad(
        "cp1252_undefined_byte",
        claims_text(claim(1, applicant_id="P\x81")).encode("latin-1"),
        line=2,
        says="Windows-1252",
    ),
    Bad(
        "utf8_and_cp1252_mixed",
        claims_text(claim(1, amount="€ 5")).encode("utf-8")
        + GOOD_LINE.replace("H-1", "H-2").replace(";1000;", ";\x80 6;").encode("latin-1")
        + b"\n",
        line=3,
        says="mixes",
    ),
    Bad(
        "bom_then_cp1252",
        b"\xef\xbb\xbf" + claims_text(claim(1, amount="\x80 5")).encode("latin-1"),
        line=2,
        says="BOM",
    ),
    Bad("empty_file", b"", says="empty"),
    Bad("blank_first_line", "\n" + claims_text(claim(1)), line=1, says="first line is empty"),
    Bad(
        "field_too_large_for_csv",
        claims_text(claim(1, claim_number="X" * 200_000)),
        line=2,
        says="CSV",
    ),
    Bad(
        "bare_carriage_return",
        claims_text(claim(1)) + GOOD_LINE.replace("H-1", "H\r2") + "\n",
        line=3,
        says="CSV",
    ),
    # --- header ---------------------------------------------------------------------------
    Bad(
        "mixed_separators_in_header",
        HEADER.replace(";scheme", ",scheme") + "\n" + GOOD_LINE + "\n",
        line=1,
        says="more than one separator",
    ),
    Bad(
        "duplicated_column",
        claims_text(claim(1), columns=(*CLAIM_COLUMNS, "amount")),
        line=1,
        field="amount",
        says="twice",
    ),
    Bad(
        "nameless_column",
        HEADER.replace(";outcome;", ";;") + "\n" + GOOD_LINE + "\n",
        line=1,
        says="has no name",
    ),
    Bad(
        "misspelt_column",
        HEADER.replace("submitted", "submited") + "\n" + GOOD_LINE + "\n",
        line=1,
        field="submited",
        says="did you mean 'submitted'",
    ),
    Bad(
        "bsn_column",
        claims_text(claim(1), columns=(*CLAIM_COLUMNS, "bsn")),
        line=1,
        field="bsn",
        says="BSN",
    ),
    Bad(
        "bsn_nummer_column",
        claims_text(claim(1), columns=(*CLAIM_COLUMNS, "BSN_nummer")),
        line=1,
        field="bsn_nummer",
        says="BSN",
    ),
    Bad(
        "name_column",
        claims_text(claim(1), columns=(*CLAIM_COLUMNS, "naam")),
        line=1,
        field="naam",
        says="personal data",
    ),
    Bad(
        "missing_scheme_column",
        claims_text(claim(1), columns=tuple(c for c in CLAIM_COLUMNS if c != "scheme")),
        line=1,
        field="scheme",
        says="missing",
    ),
    Bad(
        "no_object_reference_column",
        claims_text(claim(1), columns=tuple(c for c in CLAIM_COLUMNS if c != "object_id")),
        line=1,
        says="none of the columns",
    ),
    Bad(
        "house_number_twice_by_name",
        claims_text(
            claim(1, object_id="", postcode="9673 AA", huisnummer="1", house_number="1"),
            columns=(*CLAIM_COLUMNS, "postcode", "huisnummer", "house_number"),
        ),
        line=1,
        says="mean the same",
    ),
    Bad(
        "sep_line_then_duplicate",
        "sep=;\n" + claims_text(claim(1), columns=(*CLAIM_COLUMNS, "final")),
        line=2,
        field="final",
        says="twice",
    ),
    # --- rows -----------------------------------------------------------------------------
    Bad(
        "extra_cells",
        claims_text(claim(1)) + GOOD_LINE.replace("H-1", "H-2") + ";extra\n",
        line=3,
        says="cells",
    ),
    Bad(
        "fewer_cells",
        claims_text(claim(1)) + ";".join(GOOD_LINE.split(";")[:6]) + "\n",
        line=3,
        says="cells",
    ),
    Bad(
        "semicolon_in_unquoted_text",
        claims_text(claim(1, claim_number="H;1")),
        line=2,
        says="cells",
    ),
    Bad(
        "escape_character",
        claims_text(claim(1, claim_number="H-\x1b1")),
        line=2,
        field="claim_number",
        says="U+001B",
    ),
    Bad(
        "zero_width_space",
        claims_text(claim(1, applicant_id="PH\u200b001")),
        line=2,
        field="applicant_id",
        says="U+200B",
    ),
    Bad(
        "right_to_left_override",
        claims_text(claim(1, claim_number="H-\u202e1")),
        line=2,
        field="claim_number",
        says="U+202E",
    ),
    Bad(
        "newline_inside_quoted_cell",
        claims_text(claim(1, claim_number='"H-\n1"')),
        line=2,
        field="claim_number",
        says="U+000A",
    ),
    Bad(
        "non_breaking_space_in_amount",
        claims_text(claim(1, amount="1\u00a0000")),
        line=2,
        field="amount",
        says="U+00A0",
    ),
    # --- numbers --------------------------------------------------------------------------
    Bad(
        "thousands_or_decimal_comma_file",
        claims_text(claim(1, amount='"1,000"'), sep=","),
        line=2,
        field="amount",
        says="ambiguous",
    ),
    Bad(
        "thousands_or_decimal_point_comma_file",
        claims_text(claim(1, amount="1.000"), sep=","),
        line=2,
        field="amount",
        says="ambiguous",
    ),
    Bad(
        "decimal_point_in_semicolon_file",
        claims_text(claim(1, amount="1.5")),
        line=2,
        field="amount",
        says="ambiguous",
    ),
    Bad(
        "english_amount_in_semicolon_file",
        claims_text(claim(1, amount="1,234.50")),
        line=2,
        field="amount",
        says="ambiguous",
    ),
    Bad(
        "tab_file_ambiguous",
        claims_text(claim(1, amount="2,500"), sep="\t"),
        line=2,
        field="amount",
        says="ambiguous",
    ),
    Bad(
        "arabic_indic_digits",
        claims_text(claim(1, amount="١٠٠٠")),
        line=2,
        field="amount",
        says="0–9",
    ),
    Bad(
        "full_width_digits",
        claims_text(claim(1, amount="１０００")),
        line=2,
        field="amount",
        says="0–9",
    ),
    Bad("amount_nan", claims_text(claim(1, amount="NaN")), line=2, field="amount", says="NaN"),
    Bad("amount_infinity", claims_text(claim(1, amount="inf")), line=2, field="amount", says="NaN"),
    Bad(
        "amount_negative",
        claims_text(claim(1, amount="-5")),
        line=2,
        field="amount",
        says="negative",
    ),
    Bad(
        "amount_above_policy_maximum",
        claims_text(claim(1, amount="30.000.000")),
        line=2,
        field="amount",
        says="outside",
    ),
    Bad(
        "amount_above_int32",
        claims_text(claim(1, amount="9999999999")),
        line=2,
        field="amount",
        says="outside",
    ),
    Bad(
        "amount_three_decimals",
        claims_text(claim(1, amount="12,345")),
        line=2,
        field="amount",
        says="two decimals",
    ),
    Bad(
        "amount_bad_grouping",
        claims_text(claim(1, amount="1.00.000")),
        line=2,
        field="amount",
        says="not a number",
    ),
    Bad(
        "amount_word",
        claims_text(claim(1, amount="tien")),
        line=2,
        field="amount",
        says="not a number",
    ),
    Bad(
        "amount_formula",
        claims_text(claim(1, amount="=1+1")),
        line=2,
        field="amount",
        says="not a number",
    ),
    Bad(
        "amount_euro_sign_only",
        claims_text(claim(1, amount="€")),
        line=2,
        field="amount",
        says="not a number",
    ),
    Bad(
        "amount_exponent",
        claims_text(claim(1, amount="1E6")),
        line=2,
        field="amount",
        says="not a number",
    ),
    Bad(
        "object_id_beyond_int32",
        claims_text(claim(1, object_id="2147483648")),
        line=2,
        field="object_id",
        says="outside",
    ),
    Bad(
        "object_id_full_width",
        claims_text(claim(1, object_id="１")),
        line=2,
        field="object_id",
        says="0–9",
    ),
    Bad(
        "object_id_decimal",
        claims_text(claim(1, object_id="1.0")),
        line=2,
        field="object_id",
        says="whole number",
    ),
    Bad(
        "object_id_negative",
        claims_text(claim(1, object_id="-1")),
        line=2,
        field="object_id",
        says="whole number",
    ),
    Bad(
        "object_id_unknown",
        claims_text(claim(1, object_id="9999")),
        line=2,
        field="object_id",
        says="not in the store",
    ),
    # --- dates ----------------------------------------------------------------------------
    Bad(
        "february_30",
        claims_text(claim(1, submitted="2023-02-30", decided="")),
        line=2,
        field="submitted",
        says="does not exist",
    ),
    Bad(
        "dutch_april_31",
        claims_text(claim(1, submitted="31-04-2022", decided="")),
        line=2,
        field="submitted",
        says="does not exist",
    ),
    Bad(
        "month_13",
        claims_text(claim(1, submitted="2022-13-01", decided="")),
        line=2,
        field="submitted",
        says="does not exist",
    ),
    Bad(
        "before_the_first_quake",
        claims_text(claim(1, submitted="1900-01-01", decided="")),
        line=2,
        field="submitted",
        says="outside",
    ),
    Bad(
        "in_the_future",
        claims_text(claim(1, decided="2099-01-01")),
        line=2,
        field="decided",
        says="outside",
    ),
    Bad(
        "slash_date",
        claims_text(claim(1, submitted="05/06/2023", decided="")),
        line=2,
        field="submitted",
        says="ambiguous",
    ),
    Bad(
        "five_digit_year",
        claims_text(claim(1, submitted="10000-01-01", decided="")),
        line=2,
        field="submitted",
        says="not a date",
    ),
    Bad(
        "date_with_time",
        claims_text(claim(1, submitted="2022-03-01 00:00:00", decided="")),
        line=2,
        field="submitted",
        says="not a date",
    ),
    Bad(
        "decided_before_submitted",
        claims_text(claim(1, decided="2022-01-01")),
        line=2,
        field="decided",
        says="before",
    ),
    Bad(
        "submitted_empty",
        claims_text(claim(1, submitted="", decided="")),
        line=2,
        field="submitted",
        says="required",
    ),
    # --- choices and texts ----------------------------------------------------------------
    Bad(
        "unknown_scheme",
        claims_text(claim(1, scheme="magie")),
        line=2,
        field="scheme",
        says="choose from",
    ),
    Bad(
        "unknown_status",
        claims_text(claim(1, status="klaar")),
        line=2,
        field="status",
        says="choose from",
    ),
    Bad(
        "unknown_outcome",
        claims_text(claim(1, outcome="misschien")),
        line=2,
        field="outcome",
        says="choose from",
    ),
    Bad("final_not_yes_no", claims_text(claim(1, final="2")), line=2, field="final", says="yes/no"),
    Bad(
        "claim_number_too_long",
        claims_text(claim(1, claim_number="H" * 31)),
        line=2,
        field="claim_number",
        says="at most 30",
    ),
    Bad(
        "claim_number_twice",
        claims_text(claim(1), claim(2), claim(1)),
        line=4,
        field="claim_number",
        says="also on row 2",
    ),
    Bad(
        "claim_number_twice_other_case",
        claims_text(claim(1, claim_number="h-7"), claim(1, claim_number="H-7")),
        line=3,
        field="claim_number",
        says="twice",
    ),
    # --- persons: pseudonyms only ---------------------------------------------------------
    Bad(
        "applicant_bsn",
        claims_text(claim(1, applicant_id="123456782")),
        line=2,
        field="applicant_id",
        says="BSN",
    ),
    Bad(
        "applicant_bsn_without_leading_zero",
        claims_text(claim(1, applicant_id=BSN8)),
        line=2,
        field="applicant_id",
        says="BSN",
    ),
    Bad(
        "applicant_bsn_with_dots",
        claims_text(claim(1, applicant_id="123.456.782")),
        line=2,
        field="applicant_id",
        says="BSN",
    ),
    Bad(
        "applicant_name",
        claims_text(claim(1, applicant_id="Jan de Vries")),
        line=2,
        field="applicant_id",
        says="name",
    ),
    Bad(
        "applicant_initial_and_name",
        claims_text(claim(1, applicant_id="J. de Vries")),
        line=2,
        field="applicant_id",
        says="name",
    ),
    Bad(
        "applicant_surname_first",
        claims_text(claim(1, applicant_id="Vries, Jan de")),
        line=2,
        field="applicant_id",
        says="name",
    ),
    Bad(
        "applicant_email",
        claims_text(claim(1, applicant_id="jan@example.nl")),
        line=2,
        field="applicant_id",
        says="e-mail",
    ),
    Bad(
        "applicant_with_space",
        claims_text(claim(1, applicant_id="P 12")),
        line=2,
        field="applicant_id",
        says="not a pseudonym",
    ),
    Bad(
        "applicant_too_long",
        claims_text(claim(1, applicant_id="P" * 21)),
        line=2,
        field="applicant_id",
        says="at most 20",
    ),
    Bad(
        "new_applicant_without_kind",
        claims_text(claim(1, applicant_natural="")),
        line=2,
        field="applicant_natural",
        says="applicant_natural",
    ),
    Bad(
        "applicant_kind_contradicts_itself",
        claims_text(claim(1), claim(2, applicant_natural="nee")),
        line=3,
        field="applicant_natural",
        says="already known",
    ),
    # --- object references ----------------------------------------------------------------
    Bad(
        "postcode_malformed",
        claims_text(
            claim(1, object_id="", postcode="99999", huisnummer="1"),
            columns=(*CLAIM_COLUMNS, "postcode", "huisnummer"),
        ),
        line=2,
        field="postcode",
        says="not a postcode",
    ),
    Bad(
        "postcode_without_number",
        claims_text(
            claim(1, object_id="", postcode="9673 AA", huisnummer=""),
            columns=(*CLAIM_COLUMNS, "postcode", "huisnummer"),
        ),
        line=2,
        field="huisnummer",
        says="without a house number",
    ),
    Bad(
        "house_number_zero",
        claims_text(
            claim(1, object_id="", postcode="9673 AA", huisnummer="0"),
            columns=(*CLAIM_COLUMNS, "postcode", "huisnummer"),
        ),
        line=2,
        field="huisnummer",
        says="outside",
    ),
    Bad(
        "house_letter_two_letters",
        claims_text(
            claim(1, object_id="", postcode="9673 AA", huisnummer="1", huisletter="AB"),
            columns=(*CLAIM_COLUMNS, "postcode", "huisnummer", "huisletter"),
        ),
        line=2,
        field="huisletter",
        says="house letter",
    ),
    Bad(
        "address_unknown",
        claims_text(
            claim(1, object_id="", postcode="1234 ZZ", huisnummer="7"),
            columns=(*CLAIM_COLUMNS, "postcode", "huisnummer"),
        ),
        line=2,
        field="postcode",
        says="not in the store",
    ),
    Bad(
        "aanduiding_unknown",
        claims_text(
            claim(1, object_id="", kadastrale_aanduiding="XXX00 A 1"),
            columns=(*CLAIM_COLUMNS, "kadastrale_aanduiding"),
        ),
        line=2,
        field="kadastrale_aanduiding",
        says="not in the store",
    ),
    Bad(
        "aanduiding_too_long",
        claims_text(
            claim(1, object_id="", kadastrale_aanduiding="A" * 41),
            columns=(*CLAIM_COLUMNS, "kadastrale_aanduiding"),
        ),
        line=2,
        field="kadastrale_aanduiding",
        says="at most 40",
    ),
    Bad(
        "no_reference_on_row",
        claims_text(claim(1, object_id="")),
        line=2,
        field="object_id",
        says="no object given",
    ),
]

OWNERSHIPS = [
    Bad("person_bsn", own_text({"person_id": "111222333"}), line=2, field="person_id", says="BSN"),
    Bad(
        "person_bsn_eight_digits",
        own_text({"person_id": BSN8}),
        line=2,
        field="person_id",
        says="BSN",
    ),
    Bad(
        "person_name",
        own_text({"person_id": "Maria van der Berg"}),
        line=2,
        field="person_id",
        says="name",
    ),
    Bad(
        "person_email",
        own_text({"person_id": "maria@example.nl"}),
        line=2,
        field="person_id",
        says="e-mail",
    ),
    Bad(
        "person_too_long",
        own_text({"person_id": "P" * 21}),
        line=2,
        field="person_id",
        says="at most 20",
    ),
    Bad("person_empty", own_text({"person_id": ""}), line=2, field="person_id", says="required"),
    Bad(
        "natural_person_empty",
        own_text({"natural_person": ""}),
        line=2,
        field="natural_person",
        says="required",
    ),
    Bad(
        "natural_person_not_yes_no",
        own_text({"natural_person": "misschien"}),
        line=2,
        field="natural_person",
        says="yes/no",
    ),
    Bad("right_unknown", own_text({"right": "huur"}), line=2, field="right", says="choose from"),
    Bad("right_empty", own_text({"right": ""}), line=2, field="right", says="required"),
    Bad(
        "until_before_from",
        own_text({"valid_until": "2000-01-01"}),
        line=2,
        field="valid_until",
        says="before",
    ),
    Bad(
        "leap_day_that_was_not",
        own_text({"valid_from": "2021-02-29"}),
        line=2,
        field="valid_from",
        says="does not exist",
    ),
    Bad(
        "from_1700",
        own_text({"valid_from": "1700-01-01"}),
        line=2,
        field="valid_from",
        says="outside",
    ),
    Bad(
        "consent_not_yes_no", own_text({"consent": "soms"}), line=2, field="consent", says="yes/no"
    ),
    Bad(
        "kind_contradicts_itself",
        own_text({}, {"object_id": "6", "natural_person": "nee"}),
        line=3,
        field="natural_person",
        says="already stored as",
    ),
    Bad(
        "same_ownership_twice",
        own_text({}, {"object_id": "6"}, {}),
        line=4,
        field="person_id",
        says="also on row 2",
    ),
    Bad(
        "missing_right_column",
        own_text({}, columns=tuple(c for c in OWN_COLUMNS if c != "right")),
        line=1,
        field="right",
        says="missing",
    ),
    Bad(
        "unknown_column",
        own_text({}, columns=(*OWN_COLUMNS, "opmerking")),
        line=1,
        field="opmerking",
        says="unknown",
    ),
    Bad(
        "duplicated_person_column",
        own_text({}, columns=(*OWN_COLUMNS, "person_id")),
        line=1,
        field="person_id",
        says="twice",
    ),
    Bad(
        "unterminated_quote",
        own_text({}) + '5;"PO002;ja;eigendom;2001-05-01;;ja\n' + own_text({}).splitlines(True)[1],
        line=3,
        says="quote",
    ),
    Bad(
        "cp1252_undefined_byte",
        own_text({"person_id": "P\x9d"}).encode("latin-1"),
        line=2,
        says="Windows-1252",
    ),
    Bad("extra_cells", own_text({}).rstrip("\n") + ";x;y\n", line=2, says="cells"),
    Bad(
        "aanduiding_unknown",
        own_text(
            {"object_id": "", "kadastrale_aanduiding": "ZZZ99 Z 9"},
            columns=(*OWN_COLUMNS, "kadastrale_aanduiding"),
        ),
        line=2,
        field="kadastrale_aanduiding",
        says="not in the store",
    ),
    Bad(
        "references_disagree",
        own_text(
            {"object_id": "2", "postcode": "9673 AA", "huisnummer": "1"},
            columns=(*OWN_COLUMNS, "postcode", "huisnummer"),
        ),
        line=2,
        says="different objects",
    ),
]


def _write(tmp_path, bad: Bad, suffix=".csv"):
    path = tmp_path / f"{bad.name}{suffix}"
    if isinstance(bad.content, bytes):
        path.write_bytes(bad.content)
    else:
        path.write_text(bad.content, encoding="utf-8", newline="")
    return path


@pytest.mark.parametrize("bad", CLAIMS, ids=lambda b: b.name)
def test_bad_claims_file_is_refused_whole(hostile_store, tmp_path, bad):
    path = _write(tmp_path, bad)
    assert_rejected(
        "import-claims", hostile_store, path, line=bad.line, field=bad.field, says=bad.says
    )


@pytest.mark.parametrize("bad", OWNERSHIPS, ids=lambda b: b.name)
def test_bad_ownerships_file_is_refused_whole(hostile_store, tmp_path, bad):
    path = _write(tmp_path, bad)
    assert_rejected(
        "import-ownerships", hostile_store, path, line=bad.line, field=bad.field, says=bad.says
    )


# --- refusals that depend on what the store holds ------------------------------------------
@pytest.fixture(scope="session")
def facts(_hostile_template) -> dict:
    """A stored claim, ownership and legal person of the demo store the hostile tests use."""
    with sqlite3.connect(_hostile_template) as conn:
        claim_row = conn.execute(
            "SELECT claim_number, object_id, applicant_id, scheme, submitted, decided, outcome, "
            "amount, final, objection, status FROM claims WHERE applicant_id IS NOT NULL "
            "AND decided IS NOT NULL AND amount IS NOT NULL ORDER BY id LIMIT 1"
        ).fetchone()
        own = conn.execute(
            'SELECT object_id, person_id, "right", valid_from, valid_until, consent '
            "FROM ownerships WHERE valid_from IS NOT NULL ORDER BY id LIMIT 1"
        ).fetchone()
        legal = conn.execute(
            "SELECT id FROM persons WHERE natural_person = 0 ORDER BY id LIMIT 1"
        ).fetchone()[0]
    return {"claim": claim_row, "ownership": own, "legal": legal}


def _stored_claim(facts, **changes) -> dict:
    (
        number,
        oid,
        applicant,
        scheme,
        submitted,
        decided,
        outcome,
        amount,
        final,
        objection,
        status,
    ) = facts["claim"]
    row = {
        "claim_number": number,
        "object_id": str(oid),
        "applicant_id": applicant,
        "applicant_natural": "",
        "scheme": scheme,
        "submitted": submitted,
        "decided": decided,
        "outcome": outcome or "",
        "amount": str(amount),
        "final": "ja" if final else "nee",
        "objection": "ja" if objection else "nee",
        "status": status,
    }
    return {**row, **changes}


def test_stored_claim_with_other_values_is_refused_not_overwritten(hostile_store, tmp_path, facts):
    changed = _stored_claim(facts, amount=str(facts["claim"][7] + 1))
    path = tmp_path / "changed.csv"
    path.write_text(claims_text(changed), encoding="utf-8")
    assert_rejected(
        "import-claims", hostile_store, path, line=2, field="claim_number", says="other values"
    )


def test_stored_claim_as_it_is_is_unchanged(hostile_store, tmp_path, facts):
    path = tmp_path / "same.csv"
    path.write_text(claims_text(_stored_claim(facts)), encoding="utf-8")
    done = run_cli("import-claims", hostile_store, str(path), "--json")
    assert done.code == 0, done.err
    assert '"unchanged": 1' in done.out and '"claims": 0' in done.out


def test_applicant_known_as_legal_person_cannot_turn_natural(hostile_store, tmp_path, facts):
    path = tmp_path / "kind.csv"
    path.write_text(claims_text(claim(1, applicant_id=facts["legal"])), encoding="utf-8")
    assert_rejected(
        "import-claims", hostile_store, path, line=2, field="applicant_natural", says="legal"
    )


def test_stored_ownership_with_another_end_date_is_refused(hostile_store, tmp_path, facts):
    oid, person, right, start, until, consent = facts["ownership"]
    row = {
        "object_id": str(oid),
        "person_id": person,
        "natural_person": "ja" if person.startswith("P") else "nee",
        "right": right,
        "valid_from": start,
        "valid_until": "2024-01-01" if until is None else "",
        "consent": "" if consent is None else ("ja" if consent else "nee"),
    }
    path = tmp_path / "own_changed.csv"
    path.write_text(own_text(row), encoding="utf-8")
    assert_rejected(
        "import-ownerships", hostile_store, path, line=2, field="valid_until", says="already"
    )


def test_a_missing_file_and_a_folder_are_refused(hostile_store, tmp_path):
    assert_rejected("import-claims", hostile_store, tmp_path / "nergens.csv", says="not found")
    folder = tmp_path / "map.csv"
    folder.mkdir()
    assert_rejected("import-ownerships", hostile_store, folder, says="folder")


def test_every_problem_of_a_million_row_file_is_counted_but_only_some_listed(
    hostile_store, tmp_path
):
    from domain import policy

    rows = "".join(f"H-{i};1;PH001;ja;magie;2022-03-01;;;;;;\n" for i in range(3000))
    path = tmp_path / "all_bad.csv"
    path.write_text(HEADER + "\n" + rows, encoding="utf-8")
    outcome = assert_rejected("import-claims", hostile_store, path, line=2, field="scheme")
    assert "3000 problem(s)" in outcome.err
    listed = assert_rejected("import-claims", hostile_store, path, "--json")
    assert listed.err.count('"field": "scheme"') == policy.IMPORT_PROBLEMS_LISTED
    assert f"{3000 - policy.IMPORT_PROBLEMS_LISTED} more problems" in listed.err


# --- good files: exactly what Excel NL writes, and again without change ---------------------
def _claims_rows(location: str) -> list[tuple]:
    from domain.store import open_store

    store = open_store(location)
    try:
        with store.engine.connect() as conn:
            from sqlalchemy import text

            return [
                tuple(r)
                for r in conn.execute(
                    text(
                        "SELECT claim_number, object_id, applicant_id, scheme, submitted, "
                        "decided, outcome, amount, final, objection, status FROM claims "
                        "WHERE claim_number LIKE 'XL-%' ORDER BY claim_number"
                    )
                )
            ]
    finally:
        store.close()


def test_excel_nl_cp1252_file_with_dutch_numbers_and_dates_imports_exactly(hostile_store, tmp_path):
    text = (
        "claim_number;object_id;applicant_id;applicant_natural;scheme;submitted;decided;"
        "outcome;amount;final;objection;status\r\n"
        "XL-1;1;PX001;ja;vaste_vergoeding;5-6-2023;01-08-2023;toegewezen;1.000,50;ja;nee;\r\n"
        "XL-2;2;PX001;ja;maatwerk;2023-06-05;;;€ 1.234;nee;ja;objection\r\n"
        "XL-3;3;LX001;nee;ims;31-12-2022;15-1-2023;afgewezen;€ 12.345,49;;;\r\n"
        ";;;;;;;;;;;\r\n"
    )
    path = tmp_path / "schades_excel.csv"
    path.write_bytes(text.encode("cp1252"))
    assert b"\x80" in path.read_bytes()  # the euro sign as Windows-1252 writes it
    done = run_cli("import-claims", hostile_store, str(path), "--json")
    assert done.code == 0, done.err
    assert '"claims": 3' in done.out and '"persons": 2' in done.out
    assert "rounded" in done.out  # 1.000,50 → 1001 is said, not hidden
    rows = _claims_rows(hostile_store)
    assert rows == [
        (
            "XL-1",
            1,
            "PX001",
            "vaste_vergoeding",
            "2023-06-05",
            "2023-08-01",
            "toegewezen",
            1001,
            1,
            0,
            "decided",
        ),
        ("XL-2", 2, "PX001", "maatwerk", "2023-06-05", None, None, 1234, 0, 1, "objection"),
        (
            "XL-3",
            3,
            "LX001",
            "ims",
            "2022-12-31",
            "2023-01-15",
            "afgewezen",
            12345,
            0,
            0,
            "decided",
        ),
    ]


def test_utf8_bom_comma_file_imports(hostile_store, tmp_path):
    path = tmp_path / "bom.csv"
    body = claims_text(
        claim(1, claim_number="XL-10", amount="1234.50"),
        claim(1, claim_number="XL-11", amount='"€ 99,5"', applicant_id="PÜ1"),
        sep=",",
    )
    path.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    done = run_cli("import-claims", hostile_store, str(path))
    assert done.code == 2 and "not a pseudonym" in done.err  # Ü is no pseudonym character
    body = body.replace("PÜ1", "PU1")
    path.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    done = run_cli("import-claims", hostile_store, str(path))
    assert done.code == 0, done.err
    amounts = {r[0]: r[7] for r in _claims_rows(hostile_store)}
    assert amounts == {"XL-10": 1235, "XL-11": 100}


def _table_rows(location: str, *tables: str) -> dict:
    from sqlalchemy import text

    from domain.store import open_store

    store = open_store(location)
    try:
        with store.engine.connect() as conn:
            return {
                t: sorted(tuple(r) for r in conn.execute(text(f"SELECT * FROM {t}")))
                for t in tables
            }
    finally:
        store.close()


def _three_imports(location: str, claims_path, own_path) -> None:
    states = []
    for attempt in range(3):
        for command, path in (("import-claims", claims_path), ("import-ownerships", own_path)):
            done = run_cli(command, location, str(path), "--json")
            assert done.code == 0, done.err
            if attempt:
                assert '"claims": 0' in done.out or '"ownerships": 0' in done.out
                assert '"persons": 0' in done.out and '"unchanged"' in done.out
        states.append(_table_rows(location, "claims", "ownerships", "persons"))
    assert states[0] == states[1] == states[2]
    assert len(states[0]["ownerships"]) == len(set(states[0]["ownerships"]))


def _idempotence_files(tmp_path):
    claims_path = tmp_path / "claims.csv"
    claims_path.write_text(
        claims_text(claim(1, claim_number="RE-1"), claim(2, claim_number="RE-2", object_id="2")),
        encoding="utf-8",
    )
    own_path = tmp_path / "own.csv"
    own_path.write_text(
        own_text({}, {"object_id": "6", "person_id": "PO002", "valid_from": ""}),
        encoding="utf-8",
    )
    return claims_path, own_path


def test_importing_the_same_files_three_times_changes_nothing(hostile_store, tmp_path):
    _three_imports(hostile_store, *_idempotence_files(tmp_path))


# --- the same on PostGIS ----------------------------------------------------------------------
@pytest.fixture(scope="session")
def _pg_template(postgis_server):  # noqa: F811  (the imported session fixture)
    from domain.demo import build_demo

    name = "hostile_csv_template"
    url = postgis_server.new_database(name)
    build_demo(url, objects=60, seed=5)
    return name


@pytest.fixture
def pg_store(postgis_server, _pg_template):  # noqa: F811
    import uuid

    name = f"h_{uuid.uuid4().hex[:10]}"
    postgis_server.sql(f'CREATE DATABASE "{name}" TEMPLATE "{_pg_template}"')
    return postgis_server.url(name)


POSTGIS_CASES = [
    ("import-claims", next(b for b in CLAIMS if b.name == "unterminated_quote_of_11_rows")),
    ("import-claims", next(b for b in CLAIMS if b.name == "amount_above_int32")),
    ("import-claims", next(b for b in CLAIMS if b.name == "claim_number_too_long")),
    ("import-claims", next(b for b in CLAIMS if b.name == "applicant_bsn")),
    ("import-claims", next(b for b in CLAIMS if b.name == "claim_number_twice")),
    ("import-ownerships", next(b for b in OWNERSHIPS if b.name == "person_too_long")),
    ("import-ownerships", next(b for b in OWNERSHIPS if b.name == "same_ownership_twice")),
]


@pytest.mark.postgis
@pytest.mark.parametrize("command,bad", POSTGIS_CASES, ids=lambda v: getattr(v, "name", v))
def test_bad_files_are_refused_the_same_on_postgis(pg_store, tmp_path, command, bad):
    path = _write(tmp_path, bad)
    assert_rejected(command, pg_store, path, line=bad.line, field=bad.field, says=bad.says)


@pytest.mark.postgis
def test_three_imports_change_nothing_on_postgis(pg_store, tmp_path):
    _three_imports(pg_store, *_idempotence_files(tmp_path))


def test_the_person_id_rule():
    assert looks_like_bsn("123456782") and looks_like_bsn("12 34 56 782")
    assert looks_like_bsn(BSN8) and not looks_like_bsn("123456789")
    assert not looks_like_bsn("P0000001") and not looks_like_bsn("000000000")
