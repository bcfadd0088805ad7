"""Ownerships (who holds which object, with what right, since when) from CSV.

Persons are pseudonymous ids with a natural/legal flag; a BSN column is refused. Rights are
eigendom, beklemrecht, opstal or erfpacht (policy ``HOLDING_RIGHTS``).
"""

from __future__ import annotations

from pathlib import Path

from domain import policy
from domain.i18n import register, tr
from domain.importers.common import (
    ImportReport,
    known_persons,
    parse_bool,
    parse_date,
    read_csv_with_columns,
)
from domain.importers.objects_ref import ObjectIndex
from domain.store.bulk import analyze, fix_sequences, insert_rows

register(
    {
        "own.bad_right": (
            "recht '{value}' is onbekend; kies uit {choices}",
            "right '{value}' is unknown; choose from {choices}",
        ),
        "own.until_before_from": (
            "einddatum {until} ligt vóór de begindatum {start}",
            "end date {until} is before the start date {start}",
        ),
        "own.kind_conflict": (
            "persoon {value} staat al als {known}; natural_person zegt iets anders",
            "person {value} is already stored as {known}; natural_person says otherwise",
        ),
    }
)


def import_ownerships(store, path, dry_run: bool = False) -> ImportReport:
    path = Path(path)
    problems, header, rows = read_csv_with_columns(path, ("person_id", "natural_person", "right"))
    with store.engine.connect() as conn:
        index = ObjectIndex(conn)
        persons = known_persons(conn)
    new_persons: dict[str, bool] = {}
    out = []
    for line, row in rows:
        oid = index.resolve(row, problems, line)
        person = row.get("person_id", "").strip()
        if not person:
            problems.add(line, "person_id", tr("import.required"))
        right = row.get("right", "").strip().lower()
        if right not in policy.HOLDING_RIGHTS:
            problems.add(
                line,
                "right",
                tr("own.bad_right", value=right, choices=", ".join(policy.HOLDING_RIGHTS)),
            )
        values = {}
        for name, parser, key in (
            ("natural_person", parse_bool, "import.bad_bool"),
            ("consent", parse_bool, "import.bad_bool"),
            ("valid_from", parse_date, "import.bad_date"),
            ("valid_until", parse_date, "import.bad_date"),
        ):
            try:
                values[name] = parser(row.get(name))
            except ValueError:
                problems.add(line, name, tr(key, value=row.get(name)))
                values[name] = None
        if values["natural_person"] is None and not any(
            p.line == line and p.field == "natural_person" for p in problems.items
        ):
            problems.add(line, "natural_person", tr("import.required"))
        start, until = values["valid_from"], values["valid_until"]
        if start and until and until < start:
            problems.add(line, "valid_until", tr("own.until_before_from", until=until, start=start))
        natural = values["natural_person"]
        known = persons.get(person, new_persons.get(person))
        if person and natural is not None:
            if known is not None and known != natural:
                label = "natuurlijk persoon" if known else "rechtspersoon"
                problems.add(
                    line, "natural_person", tr("own.kind_conflict", value=person, known=label)
                )
            elif person not in persons:
                new_persons[person] = natural
        out.append((oid, person, right, start, until, values["consent"]))
    problems.raise_if_any()
    report = ImportReport(
        str(path), dry_run, counts={"ownerships": len(out), "persons": len(new_persons)}
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
        insert_rows(
            conn,
            "ownerships",
            ("object_id", "person_id", "right", "valid_from", "valid_until", "consent"),
            out,
        )
        fix_sequences(conn, ("ownerships",))
        analyze(conn, ("persons", "ownerships"))
    return report
