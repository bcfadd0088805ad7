"""What every importer shares: the report and the collected problems.

CSV files are read by :mod:`domain.importers.csvfile`.

An import validates the whole input first and writes nothing when anything is wrong: the user
gets every problem at once (file:row:field, what to do) instead of a half-written store.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from domain import policy
from domain.errors import InputError, Problem
from domain.i18n import register, tr

register(
    {
        "import.rejected": (
            "{file}: niets geïmporteerd; {n} probleem/problemen gevonden. Herstel ze en "
            "importeer opnieuw.",
            "{file}: nothing imported; {n} problem(s) found. Fix them and import again.",
        ),
        "import.not_found": ("bestand niet gevonden", "file not found"),
        "import.no_layer": (
            "laag '{layer}' ontbreekt; aanwezig: {present}",
            "layer '{layer}' is missing; present: {present}",
        ),
        "import.missing_column": (
            "kolom '{column}' ontbreekt; voeg die toe (kolommen: {present})",
            "column '{column}' is missing; add it (columns: {present})",
        ),
        "import.more": (
            "… en nog {n} problemen (niet opgesomd); herstel eerst de bovenstaande",
            "… and {n} more problems (not listed); fix the ones above first",
        ),
        "import.bsn": (
            "het bestand bevat een BSN-kolom; BSN's worden nooit opgeslagen. Verwijder de kolom "
            "en gebruik een pseudoniem (person_id).",
            "the file has a BSN column; BSNs are never stored. Remove the column and use a "
            "pseudonym (person_id).",
        ),
    }
)


@dataclass
class ImportReport:
    """What an import did (or would do, with ``dry_run``): counts, skips and repairs."""

    source: str
    dry_run: bool
    counts: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    changes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "source": self.source,
            "dry_run": self.dry_run,
            "counts": self.counts,
            "skipped": self.skipped,
            "changes": self.changes,
        }


class Problems:
    """Collects problems for one file; ``raise_if_any`` turns them into one InputError.

    Only the first ``limit`` problems (policy ``IMPORT_PROBLEMS_LISTED``) are kept, the rest
    counted, so a file that is wrong on every one of a million rows stays within memory.
    """

    def __init__(self, file: str, limit: int | None = None) -> None:
        self.file = file
        self.items: list[Problem] = []
        self.total = 0
        self.limit = policy.IMPORT_PROBLEMS_LISTED if limit is None else limit

    def add(self, line: int | None, field_name: str, message: str, hint: str = "") -> None:
        self.total += 1
        if len(self.items) < self.limit:
            self.items.append(Problem(message, self.file, line, field_name, hint))

    def __bool__(self) -> bool:
        return self.total > 0

    def raise_if_any(self, by_line: bool = False) -> None:
        """Raise one InputError with every problem (sorted by line with ``by_line``)."""
        if not self.total:
            return
        items = list(self.items)
        if by_line:
            items.sort(key=lambda p: (p.line is None, p.line or 0, p.field))
        if self.total > len(items):
            items.append(Problem(tr("import.more", n=self.total - len(items)), self.file))
        raise InputError(tr("import.rejected", file=self.file, n=self.total), items)


def fail(file: str, message: str, field_name: str = "", line: int | None = None) -> InputError:
    return InputError(
        tr("import.rejected", file=file, n=1), [Problem(message, file, line, field_name)]
    )


def enter_stage(stage, key: str) -> None:
    """Tell an optional ``stage(key)`` callback that the stage ``key`` starts.

    Long jobs name their stages (``read``, ``write``, ``exposure``, …) so a caller can show
    one step per stage; the callback may raise to stop, and because every job writes in one
    transaction, stopping there leaves the store as it was."""
    if stage is not None:
        stage(key)


class PersonBook:
    """The persons an import knows so far (stored or earlier in the file) and whether each is a
    natural person; the new ones are written once, in the import's transaction."""

    def __init__(self, conn) -> None:
        self.conn = conn
        self.known: dict[str, bool] = {}
        self.new: dict[str, bool] = {}
        self._written: set[str] = set()

    def load(self, ids: set[str]) -> None:
        """Look up the ids not seen yet (one query per chunk of rows)."""
        missing = sorted(i for i in ids if i not in self.known)
        if not missing:
            return
        from domain.store.people import natural_persons

        self.known.update(natural_persons(self.conn, missing))

    def get(self, pid: str) -> bool | None:
        return self.known.get(pid)

    def add(self, pid: str, natural: bool) -> None:
        self.known[pid] = natural
        self.new[pid] = natural

    def write_new(self) -> None:
        from domain.store.bulk import insert_rows

        people = [(p, n, None) for p, n in self.new.items() if p not in self._written]
        insert_rows(self.conn, "persons", ("id", "natural_person", "legal_name"), people)
        self._written.update(p for p, _n, _l in people)
