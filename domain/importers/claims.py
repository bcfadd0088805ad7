"""Claim history (schadehistorie) from CSV; the columns are documented in the README section
"Schadehistorie-CSV". Applicants are pseudonymous person ids; a BSN column, a BSN or a name in
an id column is refused.

Read in the streamed, chunked pass of :mod:`domain.importers.chunked`, in one transaction: the
store holds all of the file or none of it. A claim already stored with the same values is
"unchanged" (importing a file again changes nothing); with other values it is a problem, never
silently overwritten or duplicated.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from domain import policy
from domain.i18n import register, tr
from domain.importers import csvfile
from domain.importers.chunked import ChunkedPass, import_chunked, kind_label
from domain.importers.common import ImportReport
from domain.importers.objects_ref import REF_FIELDS
from domain.store.schema import claims as claims_table

SCHEMES = (*policy.SHORT_TERM_SCHEMES, *policy.LONG_TERM_SCHEMES, "aos")
STATUSES = ("open", "decided", "objection", "withdrawn")
OUTCOMES = ("toegewezen", "afgewezen", "ingetrokken")
#: what the file says of the claim itself, named alike in the file and the store
_CLAIM_FACTS = (
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
CLAIM_COLUMNS = ("claim_number", "object_id", "applicant_id", *_CLAIM_FACTS)
FIELDS = ("claim_number", *REF_FIELDS, "applicant_id", "applicant_natural", *_CLAIM_FACTS)
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


class _ClaimsPass(ChunkedPass):
    table = "claims"
    columns = CLAIM_COLUMNS
    fields = FIELDS
    required = REQUIRED

    def __init__(self, conn, source: csvfile.CsvFile, write: bool) -> None:
        super().__init__(conn, source, write)
        self.rounded: list[tuple[int, str, int]] = []
        self.today = dt.date.today()
        self.number_max = csvfile.column_length(claims_table, "claim_number")

    def parse(self, row: csvfile.Row) -> dict:
        lo, today = policy.CLAIM_DATE_MIN, self.today
        number = row.value(
            "claim_number", csvfile.text, self.number_max, required=True, cache=False
        )
        number = number.upper() if number else None
        if number:
            self.duplicates.add(number, row.line)
        claim = {
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
        claim["amount"] = None
        if money is not None:
            euros = int(money.quantize(Decimal(1), rounding=ROUND_HALF_UP))
            if money != euros:
                self.rounded.append((row.line, row.get("amount"), euros))
            claim["amount"] = euros
        submitted, decided = claim["submitted"], claim["decided"]
        if submitted and decided and decided < submitted:
            row.problem(
                "decided",
                tr("claims.decided_before_submitted", decided=decided, submitted=submitted),
            )
        if not claim["status"] and "status" not in row.bad:
            claim["status"] = "decided" if decided else "open"
        return claim

    def flush(self, chunk) -> None:
        if not chunk:
            return
        object_ids = self.index.resolve([row for row, _ in chunk])
        self.people.load({claim["applicant"] for _, claim in chunk if claim["applicant"]})
        numbers = {claim["claim_number"] for _, claim in chunk if claim["claim_number"]}
        stored = self._stored(numbers)
        fresh = []
        in_chunk: set[str] = set()  # a repeat is reported by the duplicate check at the end
        for (row, claim), object_id in zip(chunk, object_ids):
            self._check_person(row, claim)
            if not row.ok:
                continue
            number = claim["claim_number"]
            record = (
                number,
                object_id,
                claim["applicant"],
                claim["scheme"],
                claim["submitted"],
                claim["decided"],
                claim["outcome"],
                claim["amount"],
                bool(claim["final"]),  # an empty cell: no
                bool(claim["objection"]),
                claim["status"],
                claim["handler"],
            )
            before = stored.get(number)
            if before is None:
                if number in in_chunk:
                    continue
                in_chunk.add(number)
                self.new += 1
                fresh.append(record)
            elif before == record:
                self.unchanged += 1
            else:
                differs = [
                    tr("claims.store_file", field=name, stored=was, given=given)
                    for name, was, given in zip(CLAIM_COLUMNS, before, record)
                    if was != given
                ]
                row.problem(
                    "claim_number",
                    tr("claims.differs", value=number, fields="; ".join(differs)),
                    tr("claims.differs.hint"),
                )
        self.store_new(fresh)

    def _check_person(self, row, claim) -> None:
        applicant, natural = claim["applicant"], claim["natural"]
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

    def report_duplicates(self) -> None:
        keys = []
        for row in self.repeated_rows():
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

    def add_to_report(self, report: ImportReport) -> None:
        if self.rounded:
            line, value, euros = self.rounded[0]
            report.changes.append(
                tr("claims.rounded", n=len(self.rounded), line=line, value=value, to=euros)
            )


def import_claims(store, path, dry_run: bool = False, stage=None) -> ImportReport:
    """Check the whole file and, unless ``dry_run``, store its new claims in one transaction
    (see :func:`domain.importers.chunked.import_chunked`)."""
    return import_chunked(_ClaimsPass, store, path, dry_run, stage)
