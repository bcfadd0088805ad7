"""Credentials never end up in the project file, the plugin's settings or the log (issue #8).

The plugin is given a ``postgresql://user:password@…`` URL; afterwards the written project
file, the QgsSettings file and every message-log line are searched for the password.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProject, QgsSettings

import img_qgis_plugin
from domain.demo import build_demo
from domain.store import open_store
from domain.store.roles import add_login
from tests.support.postgis_server import postgis_server  # noqa: F401  (session fixture)

PASSWORD = "Zeer-Geheim-Wachtw00rd-8472"

pytestmark = pytest.mark.postgis


@pytest.fixture(scope="module")
def secret_url(postgis_server):  # noqa: F811
    url = postgis_server.new_database()
    build_demo(url, objects=150, seed=2)
    owner = open_store(url)
    try:
        add_login(owner.engine, "h_secret_user", "img", password=PASSWORD)
    finally:
        owner.close()
    database = url.rsplit("/", 1)[1]
    return f"postgresql://h_secret_user:{PASSWORD}@127.0.0.1:{postgis_server.port}/{database}"


def test_password_is_not_in_project_settings_or_log(qgis_iface, secret_url, tmp_path):
    messages: list[str] = []

    def keep(message, tag, level):
        messages.append(f"{tag}: {message}")

    log = QgsApplication.messageLog()
    log.messageReceived.connect(keep)
    plugin = img_qgis_plugin.classFactory(qgis_iface)
    plugin.initGui()
    try:
        assert plugin.open_store(secret_url)
        # a failing open (nothing listens on port 1) must not leak it either
        plugin.open_store(secret_url.replace(secret_url.split("@")[1].split("/")[0],
                                             "127.0.0.1:1"))  # fmt: skip
        project_file = tmp_path / "gedeeld.qgs"
        assert QgsProject.instance().write(str(project_file))
        settings = QgsSettings()
        settings.sync()
        places = {
            "project file": project_file.read_text(encoding="utf-8", errors="replace"),
            "settings file": Path(settings.fileName()).read_text(
                encoding="utf-8", errors="replace"
            ),
            "message log": "\n".join(messages),
        }
    finally:
        log.messageReceived.disconnect(keep)
        plugin.unload()
        QgsProject.instance().clear()
    leaks = [where for where, content in places.items() if PASSWORD in content]
    assert leaks == [], f"password found in: {', '.join(leaks)}"
