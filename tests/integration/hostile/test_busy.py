"""A store busy with another writer: the second process is told "busy, try again in a moment"
(exit 2, no traceback, nothing written) and succeeds once the writer is done.

Two real processes: a writer child (``python -c``) opens the store with SQLAlchemy, begins a
transaction, writes and waits; the ``imgschade`` command runs as a second process against it.
GeoPackage relies on SQLite's file locks and busy timeout, PostGIS on row locks and its lock
timeout (``policy.STORE_BUSY_TIMEOUT_S`` / ``STORE_LOCK_TIMEOUT_S``).
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from domain import policy
from domain.store import open_store
from tests.support.postgis_server import postgis_server  # noqa: F401  (session fixture)
from tests.unit.hostile.harness import store_state

ROOT = Path(__file__).resolve().parents[3]
PYTHON = "/usr/bin/python3"

#: the writer: one open transaction that holds the store until its stdin closes, then rolls
#: back. ``claim``: insert claim BUSY-1 (a second import of BUSY-1 must wait for it);
#: ``spill``: also rewrite every object with a tiny page cache, so SQLite writes into the file
#: and holds it exclusively, as a large import does.
WRITER = """
import sys
from domain.store import open_store  # first: it puts the vendored SQLAlchemy in place
from sqlalchemy import text

store = open_store(sys.argv[1])
conn = store.engine.connect()
tx = conn.begin()
conn.execute(text(
    "INSERT INTO claims (claim_number, object_id, applicant_id, scheme, submitted, final, "
    "objection, status) SELECT 'BUSY-1', object_id, applicant_id, scheme, submitted, final, "
    "objection, status FROM claims ORDER BY id LIMIT 1"
))
if sys.argv[2] == "spill":
    conn.exec_driver_sql("PRAGMA cache_size = 2")
    conn.execute(text("UPDATE objects SET construction_year = construction_year"))
    conn.execute(text("UPDATE exposure_events SET pgv_mm_s = pgv_mm_s"))
print("writing", flush=True)
sys.stdin.read()
tx.rollback()
conn.close()
store.close()
"""


def _env() -> dict:
    env = dict(os.environ, IMGSCHADE_LANG="en")
    env.pop("PYTHONPATH", None)
    return env


@contextlib.contextmanager
def writer(store: str, mode: str = "claim"):
    """A second process holding a write transaction on ``store`` until the block ends."""
    child = subprocess.Popen(
        [PYTHON, "-c", WRITER, store, mode],
        cwd=ROOT,
        env=_env(),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = child.stdout.readline()
        assert line.strip() == "writing", child.stderr.read()
        yield child
    finally:
        with contextlib.suppress(OSError):
            child.stdin.close()
        try:
            child.wait(30)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()


def imgschade(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PYTHON, "-m", "domain", "--lang", "en", *argv],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )


def _claims_csv(path: Path, object_id: int) -> Path:
    header = ["claim_number", "object_id", "applicant_id", "applicant_natural", "scheme"]
    with open(path, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow([*header, "submitted", "status"])
        out.writerow(["BUSY-1", object_id, "BUSY-P", "ja", "ims", "2024-03-01", "open"])
    return path


def _first_object(store: str) -> int:
    with open_store(store) as opened, opened.engine.connect() as conn:
        return conn.execute(text("SELECT MIN(id) FROM objects")).scalar_one()


def _claims(store: str) -> int:
    with open_store(store) as opened, opened.engine.connect() as conn:
        return conn.execute(text("SELECT COUNT(*) FROM claims")).scalar_one()


def _assert_busy(done: subprocess.CompletedProcess, waited_s: float, timeout_s: float) -> None:
    shown = done.stdout + done.stderr
    assert done.returncode == 2, f"exit {done.returncode}:\n{shown}"
    assert "Traceback" not in shown, shown
    assert "busy" in done.stderr and "try again in a moment" in done.stderr, shown
    assert "Nothing was saved" in done.stderr, shown
    # it waited for the other writer first (a moment), then gave up instead of hanging
    assert timeout_s * 0.8 <= waited_s <= timeout_s + 60, waited_s


def _timed(*argv: str) -> tuple[subprocess.CompletedProcess, float]:
    start = time.monotonic()
    done = imgschade(*argv)
    return done, time.monotonic() - start


# --- GeoPackage ------------------------------------------------------------------------------
def test_second_import_into_a_busy_geopackage_is_told_to_try_again(hostile_store, tmp_path):
    claims = _claims_csv(tmp_path / "claims.csv", _first_object(hostile_store))
    count = _claims(hostile_store)
    with writer(hostile_store):
        done, waited = _timed("import-claims", hostile_store, str(claims))
        _assert_busy(done, waited, policy.STORE_BUSY_TIMEOUT_S)
    assert _claims(hostile_store) == count
    again = imgschade("import-claims", hostile_store, str(claims))
    assert again.returncode == 0, again.stderr  # once the writer is done, the import works
    assert _claims(hostile_store) == count + 1


def test_reading_a_geopackage_during_a_small_write_sees_the_store_as_it_was(hostile_store):
    count = _claims(hostile_store)
    with writer(hostile_store):
        done = imgschade("info", hostile_store, "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["counts"]["claims"] == count


def test_reading_a_geopackage_held_by_a_large_write_is_told_to_try_again(hostile_store):
    before = store_state(hostile_store)[0]
    with writer(hostile_store, "spill"):
        probe = sqlite3.connect(hostile_store, timeout=0)
        try:  # the precondition: the file really is held exclusively now
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                probe.execute("SELECT COUNT(*) FROM claims").fetchone()
        finally:
            probe.close()
        done, waited = _timed("info", hostile_store)
        _assert_busy(done, waited, policy.STORE_BUSY_TIMEOUT_S)
    with open_store(hostile_store):  # the rolled-back write leaves nothing behind
        pass
    assert store_state(hostile_store)[0] == before


# --- PostGIS ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def busy_postgis(postgis_server):  # noqa: F811
    from domain.demo import build_demo

    url = postgis_server.new_database()
    build_demo(url, objects=40, seed=4)
    return url


@pytest.mark.postgis
def test_second_import_into_a_busy_postgis_store_is_told_to_try_again(busy_postgis, tmp_path):
    claims = _claims_csv(tmp_path / "claims.csv", _first_object(busy_postgis))
    before = store_state(busy_postgis)
    with writer(busy_postgis):
        done, waited = _timed("import-claims", busy_postgis, str(claims))
        _assert_busy(done, waited, policy.STORE_LOCK_TIMEOUT_S)
        # reading is never blocked by a writer on PostgreSQL: the store as it was
        read = imgschade("info", busy_postgis, "--json")
        assert read.returncode == 0, read.stderr
        assert json.loads(read.stdout)["counts"]["claims"] == len(before["claims"])
    assert store_state(busy_postgis) == before
    again = imgschade("import-claims", busy_postgis, str(claims))
    assert again.returncode == 0, again.stderr
    assert _claims(busy_postgis) == len(before["claims"]) + 1
