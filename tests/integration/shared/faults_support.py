"""Helpers for the fault tests: a PostGIS server that can be killed and restarted, a small
GeoPackage store with claims, a large claims CSV, a tiny disk."""

from __future__ import annotations

import contextlib
import subprocess

from sqlalchemy import text

from domain.store import create_store
from tests.support.postgis_server import PG_BIN, PostgisServer

CLAIM_HEADER = [
    "claim_number",
    "object_id",
    "applicant_id",
    "applicant_natural",
    "scheme",
    "submitted",
    "status",
]


class RestartableServer(PostgisServer):
    """The test server, plus a hard stop (as a crash or power cut) and a restart."""

    def options(self) -> str:
        return (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root} "
            # commits must survive the hard stop below (a killed server loses what its WAL
            # writer had not written yet when commits are asynchronous); fsync may stay off,
            # since the machine itself does not crash
            "-c fsync=off -c synchronous_commit=on -c full_page_writes=off"
        )

    def kill(self) -> None:
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")

    def restart(self) -> None:
        self._run(
            str(PG_BIN / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            self.options(),
            "-l",
            str(self.root / "server.log"),
            "-w",
            "-t",
            "60",
            "start",
        )
        self._wait()


def small_gpkg_store(path, objects: int = 5, claims: int = 3):
    """A GeoPackage store with a few objects and claims written by plain SQL."""
    store = create_store(str(path))
    with store.engine.begin() as conn:
        for i in range(1, objects + 1):
            conn.execute(
                text(
                    "INSERT INTO objects (id, x, y, small, rijksmonument, in_ncg_programme, "
                    "municipality) VALUES (:i, 240000 + :i, 590000, 0, 0, 0, 'Eemsdelta')"
                ),
                {"i": i},
            )
        conn.execute(text("INSERT INTO persons (id, natural_person) VALUES ('P1', 1)"))
        for i in range(1, claims + 1):
            conn.execute(
                text(
                    "INSERT INTO claims (claim_number, object_id, applicant_id, scheme, "
                    "submitted, final, objection, status) VALUES (:n, :o, 'P1', 'ims', "
                    "'2024-01-01', 0, 0, 'open')"
                ),
                {"n": f"C{i}", "o": i},
            )
    return store


def write_claims_csv(path, object_ids, rows: int):
    ids = list(object_ids)
    lines = [",".join(CLAIM_HEADER)]
    for i in range(rows):
        lines.append(f"LOAD-{i},{ids[i % len(ids)]},Q{i % 997},ja,ims,2024-02-01,open")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@contextlib.contextmanager
def tiny_disk(where, size: str = "2m"):
    """A tmpfs of ``size`` at ``where`` (needs root); yields False when it cannot be mounted."""
    where.mkdir(parents=True, exist_ok=True)
    mounted = (
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
            capture_output=True,
        ).returncode
        == 0
    )
    try:
        yield mounted
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(where)], capture_output=True)
