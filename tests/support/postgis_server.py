"""A real PostgreSQL 15 + PostGIS 3 server on 127.0.0.1, started by the tests and stopped after.

``PostgisServer`` runs initdb/pg_ctl from Debian's binaries in a temporary data directory on a
free port. ``initdb`` refuses to run as root, so as root the commands run as the ``postgres``
user (``runuser``) with the directory owned by it. Use the session fixture ``postgis_server``
(import it in a conftest: ``from tests.support.postgis_server import postgis_server``) and
``server.new_database()`` for an empty database with PostGIS per test module or test.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import pytest

PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


#: logins made members of this group role must authenticate with their password
PASSWORD_GROUP = "password_required"


class PostgisServer:
    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="imgschade-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.as_root = os.geteuid() == 0
        self.user = "postgres"
        self.running = False
        self._template = ""

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        cmd = list(args)
        if self.as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, check=check, timeout=120)

    def start(self) -> PostgisServer:
        if not (PG_BIN / "initdb").exists():
            raise RuntimeError(f"PostgreSQL binaries not found in {PG_BIN}")
        if self.as_root:
            shutil.chown(self.root, "postgres", "postgres")
        os.chmod(self.root, 0o700)
        self._run(
            str(PG_BIN / "initdb"),
            "-D",
            str(self.data),
            "-A",
            "trust",
            "-U",
            self.user,
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        # members of password_required must give a password, as on a real server; the rest of
        # the suite connects by trust on loopback
        hba = self.data / "pg_hba.conf"
        hba.write_text(f"host all +{PASSWORD_GROUP} 127.0.0.1/32 scram-sha-256\n" + hba.read_text())
        for attempt in range(3):
            # two test processes may draw the same free port: the one that loses takes another
            try:
                self._start_on(self.port)
                break
            except subprocess.CalledProcessError:
                if attempt == 2:
                    raise
                self.port = _free_port()
        self.running = True
        self._wait()
        self.sql(f"CREATE ROLE {PASSWORD_GROUP} NOLOGIN")
        return self

    def _start_on(self, port: int) -> None:
        options = (
            f"-p {port} -c listen_addresses=127.0.0.1 -k {self.root} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            str(PG_BIN / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.root / "server.log"),
            "-w",
            "-t",
            "60",
            "start",
        )

    def sql(self, statement: str, database: str = "postgres") -> None:
        """Run one statement as the superuser, outside a transaction (psycopg2, as QGIS has)."""
        import psycopg2

        conn = psycopg2.connect(self.url(database))
        try:
            conn.autocommit = True
            with conn.cursor() as cursor:
                cursor.execute(statement)
        finally:
            conn.close()

    def _wait(self) -> None:
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("PostgreSQL did not start; see " + str(self.root / "server.log"))

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{database}"

    def new_database(self, name: str | None = None, postgis: bool = True) -> str:
        """Create an empty database (with PostGIS unless ``postgis=False``) and return its
        ``postgresql://`` URL."""
        name = name or f"t_{uuid.uuid4().hex[:12]}"
        if postgis:
            # a copy of a database that has the extension: a tenth of CREATE EXTENSION's time
            template = self._postgis_template()
            self.sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}" STRATEGY FILE_COPY')
        else:
            self.sql(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def copy_database(self, url: str, into: str | None = None) -> str:
        """A new database holding exactly what the database at ``url`` holds, with its owner and
        database rights (a store built once, copied per test); ``into``: the URL of a database
        to replace by the copy. Connections still open to the source are closed first:
        PostgreSQL copies only a database nobody is connected to."""
        import psycopg2

        source = url.rsplit("/", 1)[1]
        name = into.rsplit("/", 1)[1] if into else f"t_{uuid.uuid4().hex[:12]}"
        conn = psycopg2.connect(self.url())
        try:
            conn.autocommit = True
            with conn.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = %s AND pid <> pg_backend_pid()",
                    (source,),
                )
                cursor.execute(
                    "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = %s",
                    (source,),
                )
                (owner,) = cursor.fetchone()
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
                cursor.execute(
                    f'CREATE DATABASE "{name}" TEMPLATE "{source}" OWNER "{owner}" '
                    "STRATEGY FILE_COPY"
                )
                # GRANT/REVOKE ON DATABASE live in pg_database, which a template copy leaves out
                cursor.execute(
                    "UPDATE pg_database SET datacl = (SELECT datacl FROM pg_database "
                    "WHERE datname = %s) WHERE datname = %s",
                    (source, name),
                )
        finally:
            conn.close()
        return self.url(name)

    def _postgis_template(self) -> str:
        if not self._template:
            self._template = "t_postgis_template"
            self.sql(f'CREATE DATABASE "{self._template}"')
            self.sql("CREATE EXTENSION IF NOT EXISTS postgis", self._template)
        return self._template

    def stop(self) -> None:
        if self.running:
            self._run(
                str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "stop", check=False
            )
            self.running = False
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="session")
def postgis_server():
    server = PostgisServer()
    try:
        server.start()
    except (RuntimeError, subprocess.CalledProcessError) as exc:
        server.stop()
        detail = getattr(exc, "stderr", "") or str(exc)
        pytest.fail(f"could not start the PostgreSQL/PostGIS test server: {detail}")
    yield server
    server.stop()
