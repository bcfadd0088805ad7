"""The streamed pass claims and ownerships share: CSV rows that name an object and a person.

One pass over the file inside one transaction: rows are checked against the file and the store
in chunks (``CHUNK`` rows) and written chunk by chunk while nothing is wrong; per row only a
hash and a line number are kept (to find repeated keys). Any problem rolls the whole import
back, so the store holds all of the file or none of it. A row already stored with the same
values is "unchanged" (importing a file again changes nothing); with other values it is a
problem, never silently overwritten or duplicated.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from domain.i18n import register, tr
from domain.importers import csvfile
from domain.importers.common import ImportReport, PersonBook, Problems, enter_stage
from domain.importers.objects_ref import CHUNK, REF_COLUMNS, SYNONYMS, ObjectIndex
from domain.store.bulk import analyze, fix_sequences, insert_rows
from domain.store.schema import persons as persons_table

register(
    {
        "person.kind.natural": ("natuurlijk persoon", "natural person"),
        "person.kind.legal": ("rechtspersoon", "legal person"),
    }
)


def kind_label(natural: bool) -> str:
    return tr("person.kind.natural") if natural else tr("person.kind.legal")


class ChunkedPass:
    """One pass over the file: check every row; with ``write`` also store the new ones.

    A subclass names the ``table`` it fills, the ``columns`` it writes there and the CSV
    ``fields`` it reads (``required`` ones must be in the header), and parses, checks and
    stores its rows in ``parse``, ``flush`` (one chunk) and ``report_duplicates``.
    """

    table: str
    columns: tuple[str, ...]
    fields: tuple[str, ...]
    required: tuple[str, ...]

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

    @classmethod
    def open_file(cls, path) -> csvfile.CsvFile:
        return csvfile.CsvFile(
            path, cls.fields, required=cls.required, any_of=(REF_COLUMNS,), synonyms=SYNONYMS
        )

    def run(self) -> ChunkedPass:
        chunk = []
        for row in self.source.rows(self.problems):
            chunk.append((row, self.parse(row)))
            if len(chunk) >= CHUNK:
                self.flush(chunk)
                chunk = []
        self.flush(chunk)
        self.report_duplicates()
        self.problems.raise_if_any(by_line=True)
        return self

    def parse(self, row: csvfile.Row) -> dict:
        raise NotImplementedError

    def flush(self, chunk: list[tuple[csvfile.Row, dict]]) -> None:
        raise NotImplementedError

    def report_duplicates(self) -> None:
        raise NotImplementedError

    def repeated_rows(self) -> Iterator[csvfile.Row]:
        """The rows whose key may repeat another (same hash), read again from the file."""
        lines = self.duplicates.lines_to_check()
        if not lines:
            return
        scratch = Problems(self.source.name)
        yield from (row for row in self.source.rows(scratch) if row.line in lines)

    def store_new(self, fresh: list[tuple]) -> None:
        """Write a chunk's new rows (and the new persons) while the file has shown no problem."""
        if self.write and not self.problems and fresh:
            self.people.write_new()
            insert_rows(self.conn, self.table, self.columns, fresh)

    def add_to_report(self, report: ImportReport) -> None:
        """What the import tells beyond the counts and skips (nothing, unless overridden)."""


def import_chunked(kind: type[ChunkedPass], store, path, dry_run: bool, stage) -> ImportReport:
    """Check the whole file and, unless ``dry_run``, store its new rows in one transaction:
    written chunk by chunk while nothing is wrong, rolled back as a whole when anything is
    (the first problem stops the writing; the rest of the file is still checked so every
    problem is listed); ``stage(key)`` is told as ``read`` and ``write`` start."""
    path = Path(path)
    enter_stage(stage, "read")
    source = kind.open_file(path)
    if dry_run:
        with store.engine.connect() as conn:
            done = kind(conn, source, write=False).run()
    else:
        enter_stage(stage, "write")
        with store.engine.begin() as conn:
            done = kind(conn, source, write=True).run()
            if done.new:
                fix_sequences(conn, (kind.table,))
                analyze(conn, ("persons", kind.table))
    report = ImportReport(
        str(path), dry_run, counts={kind.table: done.new, "persons": len(done.people.new)}
    )
    if done.unchanged:
        report.skipped["unchanged"] = done.unchanged
        report.changes.append(tr("import.unchanged", n=done.unchanged))
    if source.blank_rows:
        report.skipped["blank_rows"] = source.blank_rows
    done.add_to_report(report)
    return report
