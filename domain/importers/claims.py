"""Claim history (schadehistorie) from CSV; the columns are documented in the README section
"Schadehistorie-CSV". Applicants are pseudonymous person ids; a BSN column is refused.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from domain import policy
from domain.i18n import register, tr
from domain.importers.common import (
    ImportReport,
    known_persons,
    parse_bool,
    parse_date,
    parse_int,
    read_csv_with_columns,
)
from domain.importers.objects_ref import ObjectIndex
from domain.store.bulk import analyze, fix_sequences, insert_rows

SCHEMES = (*policy.SHORT_TERM_SCHEMES, *policy.LONG_TERM_SCHEMES, "aos")
STATUSES = ("open", "decided", "objection", "withdrawn")
OUTCOMES = ("toegewezen", "afgewezen", "ingetrokken")
CLAIM_COLUMNS = (
    "claim_number",
    "object_id",
    "applicant_id",
    "scheme",
    "submitted",
    "decided",
    "outcome",
    "amount",
    "final",
    "objection",
    "status",
)

register(
    {
        "claims.duplicate": (
            "schadenummer {value} komt twee keer voor (ook op rij {other})",
            "claim number {value} occurs twice (also on row {other})",
        ),
        "claims.exists": (
            "schadenummer {value} staat al in de opslag; laat de rij weg of gebruik een ander nummer",
            "claim number {value} is already in the store; leave the row out or use another number",
        ),
        "claims.bad_choice": (
            "'{value}' is geen geldige waarde; kies uit {choices}",
            "'{value}' is not a valid value; choose from {choices}",
        ),
        "claims.decided_before_submitted": (
            "besluitdatum {decided} ligt vóór de indiening {submitted}",
            "decision date {decided} is before submission {submitted}",
        ),
        "claims.person_kind": (
            "persoon {value}: vul applicant_natural in (ja = natuurlijk persoon, nee = rechtspersoon)",
            "person {value}: fill in applicant_natural (yes = natural person, no = legal person)",
        ),
    }
)


def _choice(value: str, choices, problems, line, field_name):
    if value and value not in choices:
        problems.add(
            line, field_name, tr("claims.bad_choice", value=value, choices=", ".join(choices))
        )
        return False
    return True


def import_claims(store, path, dry_run: bool = False) -> ImportReport:
    path = Path(path)
    problems, header, rows = read_csv_with_columns(path, ("claim_number", "scheme", "submitted"))
    with store.engine.connect() as conn:
        index = ObjectIndex(conn)
        existing = {r[0] for r in conn.execute(text("SELECT claim_number FROM claims"))}
        persons = known_persons(conn)
    seen: dict[str, int] = {}
    out, new_persons = [], {}
    for line, row in rows:
        number = row.get("claim_number", "").strip().upper()
        if not number:
            problems.add(line, "claim_number", tr("import.required"))
        elif number in seen:
            problems.add(
                line, "claim_number", tr("claims.duplicate", value=number, other=seen[number])
            )
        elif number in existing:
            problems.add(line, "claim_number", tr("claims.exists", value=number))
        seen.setdefault(number, line)
        oid = index.resolve(row, problems, line)
        scheme = row.get("scheme", "").strip().lower()
        if not scheme:
            problems.add(line, "scheme", tr("import.required"))
        _choice(scheme, SCHEMES, problems, line, "scheme")
        values = {}
        for name, parser, key in (
            ("submitted", parse_date, "import.bad_date"),
            ("decided", parse_date, "import.bad_date"),
            ("amount", parse_int, "import.bad_int"),
            ("final", parse_bool, "import.bad_bool"),
            ("objection", parse_bool, "import.bad_bool"),
            ("applicant_natural", parse_bool, "import.bad_bool"),
        ):
            try:
                values[name] = parser(row.get(name))
            except ValueError:
                problems.add(line, name, tr(key, value=row.get(name)))
                values[name] = None
        if values["submitted"] is None and row.get("submitted", "").strip() == "":
            problems.add(line, "submitted", tr("import.required"))
        if values["submitted"] and values["decided"] and values["decided"] < values["submitted"]:
            problems.add(
                line,
                "decided",
                tr(
                    "claims.decided_before_submitted",
                    decided=values["decided"],
                    submitted=values["submitted"],
                ),
            )
        outcome = row.get("outcome", "").strip().lower() or None
        _choice(outcome or "", OUTCOMES, problems, line, "outcome")
        status = row.get("status", "").strip().lower()
        _choice(status, STATUSES, problems, line, "status")
        if not status:
            status = "decided" if values["decided"] else "open"
        applicant = row.get("applicant_id", "").strip() or None
        if applicant and applicant not in persons and applicant not in new_persons:
            if values["applicant_natural"] is None:
                problems.add(line, "applicant_natural", tr("claims.person_kind", value=applicant))
            else:
                new_persons[applicant] = values["applicant_natural"]
        out.append(
            (
                number,
                oid,
                applicant,
                scheme,
                values["submitted"],
                values["decided"],
                outcome,
                values["amount"],
                bool(values["final"]),
                bool(values["objection"]),
                status,
            )
        )
    problems.raise_if_any()
    report = ImportReport(
        str(path), dry_run, counts={"claims": len(out), "persons": len(new_persons)}
    )
    if dry_run or not out:
        return report
    with store.engine.begin() as conn:
        insert_rows(
            conn,
            "persons",
            ("id", "natural_person", "legal_name"),
            [(p, n, None) for p, n in sorted(new_persons.items())],
        )
        insert_rows(conn, "claims", CLAIM_COLUMNS, out)
        fix_sequences(conn, ("claims",))
        analyze(conn, ("persons", "claims"))
    return report
