"""The hostile-input harness: run one import as the user does (the ``imgschade`` command) and
check what the user meets — exit code 2, a message that names the file (and the row and field
where the input has them), no traceback — and that the store did not change at all.

"Unchanged" is the file's bytes for a GeoPackage and every row of every table for PostGIS.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, inspect, text

from domain.store.schema import TABLE_ORDER
from tests.support import cli


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


def run_cli(*argv: str) -> Outcome:
    """``imgschade --lang en ARGV`` in this process (as fast as a function call, as seen by a
    user)."""
    done = cli.run_cli("--lang", "en", *argv)
    return Outcome(done.returncode, done.stdout, done.stderr)


def store_state(location: str) -> object:
    """The GeoPackage's bytes (hash, plus any -wal/-journal left) or every PostGIS row."""
    if not location.startswith(("postgresql:", "postgres:")):
        path = Path(location)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        leftovers = sorted(p.name for p in path.parent.glob(path.name + "-*"))
        return digest, leftovers
    engine = create_engine(location.replace("postgresql:", "postgresql+psycopg2:", 1))
    try:
        rows = {}
        with engine.connect() as conn:
            for table in (*TABLE_ORDER, "alembic_version"):
                cols = [c["name"] for c in inspect(conn).get_columns(table)]
                listed = ", ".join(f'ST_AsBinary("{c}")' if c == "geom" else f'"{c}"' for c in cols)
                rows[table] = sorted(
                    conn.execute(text(f"SELECT {listed} FROM {table}")).all(), key=repr
                )
        return rows
    finally:
        engine.dispose()


def assert_rejected(
    command: str,
    store: str,
    file: str | Path,
    *extra: str,
    line: int | None = None,
    field: str | None = None,
    says: str | None = None,
) -> Outcome:
    """``imgschade COMMAND STORE FILE EXTRA…`` must be refused whole with a located message.

    ``line``/``field``: the message must point there (``file:line:field``); ``says``: a word
    the message must contain (case-insensitive) so a refusal for the wrong reason fails.
    """
    file_name = Path(file).name
    before = store_state(store)
    outcome = run_cli(command, store, str(file), *extra)
    after = store_state(store)
    shown = outcome.text
    assert outcome.code == 2, f"exit {outcome.code}, expected 2:\n{shown}"
    assert "Traceback" not in shown, shown
    assert file_name in outcome.err, f"message does not name {file_name}:\n{shown}"
    if line is not None:
        assert f"{file_name}:{line}" in outcome.err, (
            f"message does not point at row {line}:\n{shown}"
        )
    if field is not None:
        assert f":{field}" in outcome.err or f"'{field}'" in outcome.err, (
            f"message does not name field {field}:\n{shown}"
        )
    if says is not None:
        assert says.lower() in shown.lower(), f"message does not say '{says}':\n{shown}"
    assert before == after, f"the store changed although the import was refused:\n{shown}"
    return outcome
