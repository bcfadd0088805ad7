"""Ownerships (who holds which object, with what right, since when) from CSV.

Persons are pseudonymous ids with a natural/legal flag; a BSN column, a BSN or a name in
``person_id`` is refused. Rights are eigendom, beklemrecht, opstal or erfpacht (policy
``HOLDING_RIGHTS``).

The natural key of an ownership is (object, person, right, valid_from): a row already stored
with the same values is "unchanged", so importing a file again changes nothing; the same key
with another end date or consent is a problem, never a second copy. Read in one streamed pass
inside one transaction like the claims: written in chunks while nothing is wrong, rolled back
as a whole when anything is.
"""

from __future__ import annotations

from pathlib import Path

from domain import policy
from domain.i18n import register, tr
from domain.importers import csvfile
from domain.importers.claims import kind_label
from domain.importers.common import ImportReport, PersonBook, Problems, enter_stage
from domain.importers.objects_ref import CHUNK, REF_COLUMNS, REF_FIELDS, SYNONYMS, ObjectIndex
from domain.store.bulk import analyze, fix_sequences, insert_rows
from domain.store.schema import persons as persons_table

COLUMNS = ("object_id", "person_id", "right", "valid_from", "valid_until", "consent")
FIELDS = (
    *REF_FIELDS,
    "person_id",
    "natural_person",
    "right",
    "valid_from",
    "valid_until",
    "consent",
)
REQUIRED = ("person_id", "natural_person", "right")

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
        "own.duplicate": (
            "dit eigendom (object {object}, persoon {person}, {right}, vanaf {start}) staat "
            "ook op rij {other}",
            "this ownership (object {object}, person {person}, {right}, from {start}) is also "
            "on row {other}",
        ),
        "own.duplicate.hint": ("houd één rij over", "keep one row"),
        "own.differs": (
            "dit eigendom staat al in de opslag met einddatum {until} en toestemming {consent}",
            "this ownership is already in the store with end date {until} and consent {consent}",
        ),
        "own.differs.hint": (
            "neem de opgeslagen waarden over of wijzig het eigendom in de opslag; een import "
            "overschrijft nooit",
            "give the file the stored values or change the ownership in the store; an import "
            "never overwrites",
        ),
    }
)


def _shown(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return str(value)


class _Pass:
    """One pass over the file: check every row; with ``write`` also store the new ones."""

    def __init__(self, conn, source: csvfile.CsvFile, write: bool) -> None:
        self.conn = conn
        self.source = source
        self.write = write
        self.problems = Problems(source.name)
        self.index = ObjectIndex(conn)
        self.people = PersonBook(conn)
        self.duplicates = csvfile.Duplicates()
        self.new = 0
        self.unchanged = 0
        self.person_max = csvfile.column_length(persons_table, "id")

    def run(self) -> _Pass:
        chunk = []
        for row in self.source.rows(self.problems):
            chunk.append((row, self._parse(row)))
            if len(chunk) >= CHUNK:
                self._flush(chunk)
                chunk = []
        self._flush(chunk)
        self._report_duplicates()
        self.problems.raise_if_any(by_line=True)
        return self

    def _parse(self, row: csvfile.Row) -> dict:
        lo, hi = policy.OWNERSHIP_DATE_RANGE
        right = None
        raw = row.get("right")
        if not raw:
            if "right" not in row.bad:
                row.problem("right", tr("value.required"), tr("value.required.hint"))
        elif raw.lower() not in policy.HOLDING_RIGHTS:
            choices = ", ".join(policy.HOLDING_RIGHTS)
            row.problem("right", tr("own.bad_right", value=raw, choices=choices))
        else:
            right = raw.lower()
        v = {
            "person": row.value("person_id", csvfile.person_id, self.person_max, required=True),
            "natural": row.value("natural_person", csvfile.yes_no, required=True),
            "right": right,
            "from": row.value("valid_from", csvfile.date, lo, hi),
            "until": row.value("valid_until", csvfile.date, lo, hi),
            "consent": row.value("consent", csvfile.yes_no),
        }
        if v["from"] and v["until"] and v["until"] < v["from"]:
            row.problem(
                "valid_until", tr("own.until_before_from", until=v["until"], start=v["from"])
            )
        return v

    @staticmethod
    def key(oid, v) -> str:
        return f"{oid}|{v['person']}|{v['right']}|{v['from']}"

    def _flush(self, chunk) -> None:
        if not chunk:
            return
        oids = self.index.resolve([row for row, _ in chunk])
        self.people.load({v["person"] for _, v in chunk if v["person"]})
        stored = self._stored({oid for oid in oids if oid is not None})
        fresh = []
        for (row, v), oid in zip(chunk, oids):
            person, natural = v["person"], v["natural"]
            if person and natural is not None:
                known = self.people.get(person)
                if known is None:
                    self.people.add(person, natural)
                elif known != natural:
                    row.problem(
                        "natural_person",
                        tr("own.kind_conflict", value=person, known=kind_label(known)),
                    )
            if not row.ok:
                continue
            self.duplicates.add(self.key(oid, v), row.line)
            record = (oid, person, v["right"], v["from"], v["until"], v["consent"])
            before = stored.get((oid, person, v["right"], v["from"]))
            if before is None:
                self.new += 1
                fresh.append(record)
            elif (v["until"], v["consent"]) in before:
                self.unchanged += 1
            else:
                until, consent = before[0]
                row.problem(
                    "valid_until" if until != v["until"] else "consent",
                    tr("own.differs", until=_shown(until), consent=_shown(consent)),
                    tr("own.differs.hint"),
                )
        if self.write and not self.problems and fresh:
            self.people.write_new()
            insert_rows(self.conn, "ownerships", COLUMNS, fresh)

    def _stored(self, oids: set[int]) -> dict[tuple, list[tuple]]:
        from domain.store.people import stored_ownerships

        out: dict[tuple, list[tuple]] = {}
        for held in stored_ownerships(self.conn, oids):
            key = (held.object_id, held.person_id, held.right, held.valid_from)
            out.setdefault(key, []).append((held.valid_until, held.consent))
        return out

    def _report_duplicates(self) -> None:
        lines = self.duplicates.lines_to_check()
        if not lines:
            return
        scratch = Problems(self.source.name)
        rows = [(row, self._parse(row)) for row in self.source.rows(scratch) if row.line in lines]
        keys, shown = [], {}
        for start in range(0, len(rows), CHUNK):
            part = rows[start : start + CHUNK]
            oids = ObjectIndex(self.conn).resolve([r for r, _ in part])
            for (row, v), oid in zip(part, oids):
                key = self.key(oid, v)
                keys.append((row.line, key))
                shown[key] = (oid, v)
        for line, key, first in csvfile.first_occurrences(keys):
            oid, v = shown[key]
            self.problems.add(
                line,
                "person_id",
                tr(
                    "own.duplicate",
                    object=oid,
                    person=v["person"],
                    right=v["right"],
                    start=_shown(v["from"]),
                    other=first,
                ),
                tr("own.duplicate.hint"),
            )


def open_ownerships_file(path) -> csvfile.CsvFile:
    return csvfile.CsvFile(
        path, FIELDS, required=REQUIRED, any_of=(REF_COLUMNS,), synonyms=SYNONYMS
    )


def import_ownerships(store, path, dry_run: bool = False, stage=None) -> ImportReport:
    """Check the whole file and, unless ``dry_run``, store its new ownerships in one
    transaction: written chunk by chunk while nothing is wrong, rolled back as a whole when
    anything is (the first problem stops the writing; the rest of the file is still checked
    so every problem is listed); ``stage(key)`` is told as ``read`` and ``write`` start."""
    path = Path(path)
    enter_stage(stage, "read")
    source = open_ownerships_file(path)
    if dry_run:
        with store.engine.connect() as conn:
            return _report(str(path), True, _Pass(conn, source, write=False).run(), source)
    enter_stage(stage, "write")
    with store.engine.begin() as conn:
        done = _Pass(conn, source, write=True).run()
        if done.new:
            fix_sequences(conn, ("ownerships",))
            analyze(conn, ("persons", "ownerships"))
    return _report(str(path), False, done, source)


def _report(where: str, dry_run: bool, run: _Pass, source: csvfile.CsvFile) -> ImportReport:
    report = ImportReport(
        where, dry_run, counts={"ownerships": run.new, "persons": len(run.people.new)}
    )
    if run.unchanged:
        report.skipped["unchanged"] = run.unchanged
        report.changes.append(tr("import.unchanged", n=run.unchanged))
    if source.blank_rows:
        report.skipped["blank_rows"] = source.blank_rows
    return report
