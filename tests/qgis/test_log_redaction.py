"""The plugin's message log and message bar never hold a password, whatever opening a store
says: a login that works, a wrong password, a password in the query string or in a service
string, a driver error; and opening a file that is no store leaves it untouched.

The login is a member of the test server's ``PASSWORD_GROUP``, so it really logs in with the
password (a redacted URL that did not work would fail the first case).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from urllib.parse import quote

import pytest
from qgis.core import QgsApplication, QgsProject

import img_qgis_plugin
from domain.demo import build_demo
from domain.store import open_store
from domain.store.roles import add_login
from tests.support.postgis_server import PASSWORD_GROUP, postgis_server  # noqa: F401

PASSWORD = "Log:Geheim@5519#q"
LOGIN = "h_log_user"


@pytest.fixture(scope="module")
def guarded(postgis_server):  # noqa: F811
    url = postgis_server.new_database()
    build_demo(url, objects=60, seed=6)
    owner = open_store(url)
    try:
        add_login(owner.engine, LOGIN, "img", password=PASSWORD)
    finally:
        owner.close()
    postgis_server.sql(f"GRANT {PASSWORD_GROUP} TO {LOGIN}")
    return f"127.0.0.1:{postgis_server.port}", url.rsplit("/", 1)[1]


@pytest.fixture
def logged(qgis_iface):
    """The plugin, and every message-log line while it runs (the bar shows the same texts)."""
    messages: list[str] = []

    def keep(message, tag, level):
        messages.append(f"{tag}: {message}")

    log = QgsApplication.messageLog()
    log.messageReceived.connect(keep)
    plugin = img_qgis_plugin.classFactory(qgis_iface)
    plugin.initGui()
    try:
        yield plugin, messages
    finally:
        log.messageReceived.disconnect(keep)
        plugin.unload()
        QgsProject.instance().clear()


def _no_password(messages: list[str]) -> None:
    text = "\n".join(messages)
    for form in (PASSWORD, quote(PASSWORD, safe=""), "Geheim@5519"):
        assert form not in text, f"password in the log:\n{text}"


@pytest.mark.postgis
def test_opening_stores_with_a_password_never_logs_it(logged, guarded):
    plugin, messages = logged
    host, database = guarded
    secret = quote(PASSWORD, safe="")
    assert plugin.open_store(f"postgresql://{LOGIN}:{secret}@{host}/{database}")
    assert plugin.controller.layers["objects"].isValid()
    failing = [
        f"postgresql://{LOGIN}:{secret}x@{host}/{database}",  # wrong password
        f"postgresql://{LOGIN}@{host}/{database}?password={secret}x",
        f"service=nergens password={PASSWORD}",
        f"postgresql://{LOGIN}:{secret}@127.0.0.1:1/{database}",  # nothing listens
    ]
    for where in failing:
        before = len(messages)
        assert not plugin.open_store(where)
        assert len(messages) > before, f"nothing was logged for a failing open of {where}"
    shown = "\n".join(messages)
    assert "Inloggen" in shown or "Logging in" in shown, shown  # the login failure is told
    _no_password(messages)


def test_the_log_blanks_a_password_in_any_message(logged):
    from img_qgis_plugin.toolbelt.log_handler import log, log_exception

    _plugin, messages = logged
    log(f"opening postgresql://anna:{PASSWORD}@db/schade", "warning", push=True)
    log("libpq", details=f"host=db user=anna password={PASSWORD.replace('#', '')} dbname=s")
    try:
        raise RuntimeError(f"CREATE ROLE anna LOGIN PASSWORD '{PASSWORD}'")
    except RuntimeError as exc:
        log_exception("Rol maken", exc)
    assert len(messages) >= 3 and any("***" in m for m in messages), messages
    _no_password(messages)


def test_opening_a_file_that_is_no_store_leaves_it_untouched(logged, tmp_path):
    plugin, messages = logged
    path = tmp_path / "ander.gpkg"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE iets (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    os.utime(path, ns=(1_600_000_000_000_000_000,) * 2)
    before = hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns
    assert not plugin.open_store(str(path))
    assert (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns) == before
    assert not list(tmp_path.glob("ander.gpkg-*"))
    assert any("ander.gpkg" in m for m in messages), messages
