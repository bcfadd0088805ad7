"""Ownerships (who holds which object, with what right, since when) from CSV.

Persons are pseudonymous ids with a natural/legal flag; a BSN column, a BSN or a name in
``person_id`` is refused. Rights are eigendom, beklemrecht, opstal or erfpacht (policy
``HOLDING_RIGHTS``).

The natural key of an ownership is (object, person, right, valid_from): a row already stored
with the same values is "unchanged", so importing a file again changes nothing; the same key
with another end date or consent is a problem, never a second copy. Read like the claims, in
the streamed, chunked pass of :mod:`domain.importers.chunked`: written in chunks while nothing
is wrong, rolled back as a whole when anything is.
"""

from __future__ import annotations

from domain import policy
from domain.i18n import register, tr
from domain.importers import csvfile
from domain.importers.chunked import ChunkedPass, import_chunked, kind_label
from domain.importers.common import ImportReport
from domain.importers.objects_ref import CHUNK, REF_FIELDS, ObjectIndex

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


class _OwnershipsPass(ChunkedPass):
    table = "ownerships"
    columns = COLUMNS
    fields = FIELDS
    required = REQUIRED

    def parse(self, row: csvfile.Row) -> dict:
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
        held = {
            "person": row.value("person_id", csvfile.person_id, self.person_max, required=True),
            "natural": row.value("natural_person", csvfile.yes_no, required=True),
            "right": right,
            "from": row.value("valid_from", csvfile.date, lo, hi),
            "until": row.value("valid_until", csvfile.date, lo, hi),
            "consent": row.value("consent", csvfile.yes_no),
        }
        if held["from"] and held["until"] and held["until"] < held["from"]:
            row.problem(
                "valid_until",
                tr("own.until_before_from", until=held["until"], start=held["from"]),
            )
        return held

    @staticmethod
    def key(object_id, held) -> str:
        return f"{object_id}|{held['person']}|{held['right']}|{held['from']}"

    def flush(self, chunk) -> None:
        if not chunk:
            return
        object_ids = self.index.resolve([row for row, _ in chunk])
        self.people.load({held["person"] for _, held in chunk if held["person"]})
        stored = self._stored({object_id for object_id in object_ids if object_id is not None})
        fresh = []
        for (row, held), object_id in zip(chunk, object_ids):
            person, natural = held["person"], held["natural"]
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
            self.duplicates.add(self.key(object_id, held), row.line)
            record = (
                object_id,
                person,
                held["right"],
                held["from"],
                held["until"],
                held["consent"],
            )
            before = stored.get((object_id, person, held["right"], held["from"]))
            if before is None:
                self.new += 1
                fresh.append(record)
            elif (held["until"], held["consent"]) in before:
                self.unchanged += 1
            else:
                until, consent = before[0]
                row.problem(
                    "valid_until" if until != held["until"] else "consent",
                    tr("own.differs", until=_shown(until), consent=_shown(consent)),
                    tr("own.differs.hint"),
                )
        self.store_new(fresh)

    def _stored(self, object_ids: set[int]) -> dict[tuple, list[tuple]]:
        from domain.store.people import stored_ownerships

        out: dict[tuple, list[tuple]] = {}
        for held in stored_ownerships(self.conn, object_ids):
            key = (held.object_id, held.person_id, held.right, held.valid_from)
            out.setdefault(key, []).append((held.valid_until, held.consent))
        return out

    def report_duplicates(self) -> None:
        rows = [(row, self.parse(row)) for row in self.repeated_rows()]
        keys, shown = [], {}
        for start in range(0, len(rows), CHUNK):
            part = rows[start : start + CHUNK]
            object_ids = ObjectIndex(self.conn).resolve([row for row, _ in part])
            for (row, held), object_id in zip(part, object_ids):
                key = self.key(object_id, held)
                keys.append((row.line, key))
                shown[key] = (object_id, held)
        for line, key, first in csvfile.first_occurrences(keys):
            object_id, held = shown[key]
            self.problems.add(
                line,
                "person_id",
                tr(
                    "own.duplicate",
                    object=object_id,
                    person=held["person"],
                    right=held["right"],
                    start=_shown(held["from"]),
                    other=first,
                ),
                tr("own.duplicate.hint"),
            )


def import_ownerships(store, path, dry_run: bool = False, stage=None) -> ImportReport:
    """Check the whole file and, unless ``dry_run``, store its new ownerships in one
    transaction (see :func:`domain.importers.chunked.import_chunked`)."""
    return import_chunked(_OwnershipsPass, store, path, dry_run, stage)
