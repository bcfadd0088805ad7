"""Claim history (schadehistorie) from CSV; the columns are documented in the README section
"Schadehistorie-CSV". Applicants are pseudonymous person ids; a BSN column, a BSN or a name in
an id column is refused.

One streamed pass over the file inside one transaction: rows are checked against the file and
the store in chunks and written chunk by chunk while nothing is wrong; per row only a hash and
a line number are kept (to find repeated claim numbers). Any problem rolls the whole import
back, so the store holds all of the file or none of it. A claim already stored with the same
values is "unchanged" (importing a file again changes nothing); with other values it is a
problem, never silently overwritten or duplicated.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from domain import policy
from domain.i18n import register, tr
from domain.importers import csvfile
from domain.importers.common import ImportReport, PersonBook, Problems, enter_stage
from domain.importers.objects_ref import CHUNK, REF_COLUMNS, REF_FIELDS, SYNONYMS, ObjectIndex
from domain.store.bulk import analyze, fix_sequences, insert_rows
from domain.store.schema import claims as claims_table
from domain.store.schema import persons as persons_table

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
    "handler",
)
FIELDS = (
    "claim_number",
    *REF_FIELDS,
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
    "handler",
)
REQUIRED = ("claim_number", "scheme", "submitted")

register(
    {
        "claims.duplicate": (
            "schadenummer {value} komt twee keer voor (ook op rij {other})",
            "claim number {value} occurs twice (also on row {other})",
        ),
        "claims.duplicate.hint": (
            "houd één rij per schadenummer over",
            "keep one row per claim number",
        ),
        "claims.differs": (
            "schadenummer {value} staat al in de opslag met andere waarden: {fields}",
            "claim number {value} is already in the store with other values: {fields}",
        ),
        "claims.differs.hint": (
            "wijzig de melding in de opslag (schademelding bewerken), of neem in het bestand "
            "de opgeslagen waarden over; een import overschrijft nooit",
            "change the claim in the store (edit claim), or give the file the stored values; "
            "an import never overwrites",
        ),
        "claims.store_file": (
            "{field} {stored} (opslag) ≠ {given} (bestand)",
            "{field} {stored} (store) ≠ {given} (file)",
        ),
        "claims.decided_before_submitted": (
            "besluitdatum {decided} ligt vóór de indiening {submitted}",
            "decision date {decided} is before submission {submitted}",
        ),
        "claims.person_kind": (
            "persoon {value} is nieuw: vul applicant_natural in (ja = natuurlijk persoon, nee = "
            "rechtspersoon)",
            "person {value} is new: fill in applicant_natural (yes = natural person, no = legal "
            "person)",
        ),
        "claims.kind_conflict": (
            "persoon {value} is al bekend als {known}; applicant_natural zegt iets anders",
            "person {value} is already known as {known}; applicant_natural says otherwise",
        ),
        "claims.kind.natural": ("natuurlijk persoon", "natural person"),
        "claims.kind.legal": ("rechtspersoon", "legal person"),
        "claims.rounded": (
            "bedragen afgerond op hele euro's: {n} rij(en), bijv. rij {line}: {value} → {to}",
            "amounts rounded to whole euros: {n} row(s), e.g. row {line}: {value} → {to}",
        ),
    }
)


def handler(value: str) -> str:
    """Who handled the claim and paid any award: NAM, CVW, TCMG or IMG (any letter case)."""
    word = value.strip().upper()
    if word not in policy.CLAIM_HANDLERS:
        raise csvfile.BadValue(
            tr("value.bad_choice", value=value),
            tr("value.choice.hint", choices=", ".join(policy.CLAIM_HANDLERS)),
        )
    return word


def kind_label(natural: bool) -> str:
    return tr("claims.kind.natural") if natural else tr("claims.kind.legal")


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
        self.rounded: list[tuple[int, str, int]] = []
        self.today = dt.date.today()
        self.number_max = csvfile.column_length(claims_table, "claim_number")
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
        lo, today = policy.CLAIM_DATE_MIN, self.today
        number = row.value(
            "claim_number", csvfile.text, self.number_max, required=True, cache=False
        )
        number = number.upper() if number else None
        if number:
            self.duplicates.add(number, row.line)
        values = {
            "claim_number": number,
            "applicant": row.value("applicant_id", csvfile.person_id, self.person_max),
            "natural": row.value("applicant_natural", csvfile.yes_no),
            "scheme": row.value("scheme", csvfile.choice, SCHEMES, required=True),
            "submitted": row.value("submitted", csvfile.date, lo, today, required=True),
            "decided": row.value("decided", csvfile.date, lo, today),
            "outcome": row.value("outcome", csvfile.choice, OUTCOMES),
            "final": row.value("final", csvfile.yes_no),
            "objection": row.value("objection", csvfile.yes_no),
            "status": row.value("status", csvfile.choice, STATUSES),
            "handler": row.value("handler", handler),
        }
        money = row.value(
            "amount", csvfile.amount, self.source.delimiter, policy.CLAIM_AMOUNT_MAX_EUR
        )
        values["amount"] = None
        if money is not None:
            euros = int(money.quantize(Decimal(1), rounding=ROUND_HALF_UP))
            if money != euros:
                self.rounded.append((row.line, row.get("amount"), euros))
            values["amount"] = euros
        submitted, decided = values["submitted"], values["decided"]
        if submitted and decided and decided < submitted:
            row.problem(
                "decided",
                tr("claims.decided_before_submitted", decided=decided, submitted=submitted),
            )
        if not values["status"] and "status" not in row.bad:
            values["status"] = "decided" if decided else "open"
        return values

    def _flush(self, chunk) -> None:
        if not chunk:
            return
        oids = self.index.resolve([row for row, _ in chunk])
        self.people.load({v["applicant"] for _, v in chunk if v["applicant"]})
        numbers = {v["claim_number"] for _, v in chunk if v["claim_number"]}
        stored = self._stored(numbers)
        fresh = []
        in_chunk: set[str] = set()  # a repeat is reported by the duplicate check at the end
        for (row, v), oid in zip(chunk, oids):
            self._check_person(row, v)
            if not row.ok:
                continue
            record = (
                v["claim_number"],
                oid,
                v["applicant"],
                v["scheme"],
                v["submitted"],
                v["decided"],
                v["outcome"],
                v["amount"],
                bool(v["final"]),
                bool(v["objection"]),
                v["status"],
                v["handler"],
            )
            before = stored.get(v["claim_number"])
            if before is None:
                if v["claim_number"] in in_chunk:
                    continue
                in_chunk.add(v["claim_number"])
                self.new += 1
                fresh.append(record)
            elif before == record:
                self.unchanged += 1
            else:
                differs = [
                    tr("claims.store_file", field=name, stored=a, given=b)
                    for name, a, b in zip(CLAIM_COLUMNS, before, record)
                    if a != b
                ]
                row.problem(
                    "claim_number",
                    tr("claims.differs", value=v["claim_number"], fields="; ".join(differs)),
                    tr("claims.differs.hint"),
                )
        if self.write and not self.problems and fresh:
            self.people.write_new()
            insert_rows(self.conn, "claims", CLAIM_COLUMNS, fresh)

    def _check_person(self, row, v) -> None:
        applicant, natural = v["applicant"], v["natural"]
        if not applicant:
            return
        known = self.people.get(applicant)
        if known is None:
            if natural is None:
                if "applicant_natural" not in row.bad:
                    row.problem("applicant_natural", tr("claims.person_kind", value=applicant))
                return
            self.people.add(applicant, natural)
        elif natural is not None and natural != known:
            row.problem(
                "applicant_natural",
                tr("claims.kind_conflict", value=applicant, known=kind_label(known)),
            )

    def _stored(self, numbers: set[str]) -> dict[str, tuple]:
        from domain.store.people import stored_claims

        return {
            number: tuple(getattr(claim, name) for name in CLAIM_COLUMNS)
            for number, claim in stored_claims(self.conn, numbers).items()
        }

    def _report_duplicates(self) -> None:
        lines = self.duplicates.lines_to_check()
        if not lines:
            return
        keys = []
        scratch = Problems(self.source.name)
        for row in self.source.rows(scratch):
            if row.line in lines:
                number = row.get("claim_number").upper()
                if number:
                    keys.append((row.line, number))
        for line, number, first in csvfile.first_occurrences(keys):
            self.problems.add(
                line,
                "claim_number",
                tr("claims.duplicate", value=number, other=first),
                tr("claims.duplicate.hint"),
            )


def open_claims_file(path) -> csvfile.CsvFile:
    return csvfile.CsvFile(
        path, FIELDS, required=REQUIRED, any_of=(REF_COLUMNS,), synonyms=SYNONYMS
    )


def import_claims(store, path, dry_run: bool = False, stage=None) -> ImportReport:
    """Check the whole file and, unless ``dry_run``, store its new claims in one
    transaction: written chunk by chunk while nothing is wrong, rolled back as a whole when
    anything is (the first problem stops the writing; the rest of the file is still checked
    so every problem is listed); ``stage(key)`` is told as ``read`` and ``write`` start."""
    path = Path(path)
    enter_stage(stage, "read")
    source = open_claims_file(path)
    if dry_run:
        with store.engine.connect() as conn:
            return _report(str(path), True, _Pass(conn, source, write=False).run(), source)
    enter_stage(stage, "write")
    with store.engine.begin() as conn:
        done = _Pass(conn, source, write=True).run()
        if done.new:
            fix_sequences(conn, ("claims",))
            analyze(conn, ("persons", "claims"))
    return _report(str(path), False, done, source)


def _report(where: str, dry_run: bool, run: _Pass, source: csvfile.CsvFile) -> ImportReport:
    report = ImportReport(
        where, dry_run, counts={"claims": run.new, "persons": len(run.people.new)}
    )
    if run.unchanged:
        report.skipped["unchanged"] = run.unchanged
        report.changes.append(tr("import.unchanged", n=run.unchanged))
    if source.blank_rows:
        report.skipped["blank_rows"] = source.blank_rows
    if run.rounded:
        line, value, euros = run.rounded[0]
        report.changes.append(
            tr("claims.rounded", n=len(run.rounded), line=line, value=value, to=euros)
        )
    return report
