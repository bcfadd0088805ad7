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
        plugin.open_store(secret_url.replace(secret_url.split("@")[1].split("/")[0], "127.0.0.1:1"))
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


# --- layers on a server that asks for the password ------------------------------------------
GUARDED_LOGIN = "h_guarded_user"


@pytest.fixture(scope="module")
def guarded_url(postgis_server):  # noqa: F811
    """A store whose login must authenticate with its password (scram), as in production."""
    from tests.support.postgis_server import PASSWORD_GROUP

    url = postgis_server.new_database()
    build_demo(url, objects=120, seed=3)
    owner = open_store(url)
    try:
        add_login(owner.engine, GUARDED_LOGIN, "img", password=PASSWORD)
    finally:
        owner.close()
    postgis_server.sql(f"GRANT {PASSWORD_GROUP} TO {GUARDED_LOGIN}")
    database = url.rsplit("/", 1)[1]
    return postgis_server.port, database


def _assert_layers_log_in(plugin, expected_objects: int) -> list[str]:
    layers = plugin.controller.layers
    assert {"objects", "parcels", "quakes"} <= set(layers)
    sources = []
    for key, layer in layers.items():
        assert layer.isValid(), key
        sources.append(layer.source())
    assert layers["objects"].featureCount() == expected_objects
    assert all(PASSWORD not in s for s in sources)
    return sources


def test_without_a_password_the_guarded_server_refuses(guarded_url):
    import psycopg2

    port, database = guarded_url
    with pytest.raises(psycopg2.OperationalError):
        psycopg2.connect(f"postgresql://{GUARDED_LOGIN}@127.0.0.1:{port}/{database}").close()


def test_layers_log_in_with_the_password_of_the_url_without_keeping_it(qgis_iface, guarded_url):
    port, database = guarded_url
    plugin = img_qgis_plugin.classFactory(qgis_iface)
    plugin.initGui()
    try:
        assert plugin.open_store(
            f"postgresql://{GUARDED_LOGIN}:{PASSWORD}@127.0.0.1:{port}/{database}"
        )
        sources = _assert_layers_log_in(plugin, 120)
        assert all(f"user='{GUARDED_LOGIN}'" in s for s in sources)
    finally:
        plugin.unload()
        QgsProject.instance().clear()


def test_layers_log_in_through_the_authcfg_of_a_qgis_connection(qgis_iface, guarded_url):
    from qgis.core import QgsAuthMethodConfig, QgsProviderRegistry

    port, database = guarded_url
    manager = QgsApplication.authManager()
    assert manager.setMasterPassword("test-master", True)
    config = QgsAuthMethodConfig("Basic")
    config.setName("IMG test")
    config.setConfig("username", GUARDED_LOGIN)
    config.setConfig("password", PASSWORD)
    assert manager.storeAuthenticationConfig(config)[0]
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    connection = metadata.createConnection(
        f"host=127.0.0.1 port={port} dbname='{database}' authcfg={config.id()}", {}
    )
    metadata.saveConnection(connection, "IMG gedeeld")
    plugin = img_qgis_plugin.classFactory(qgis_iface)
    plugin.initGui()
    try:
        assert plugin.open_store("postgres-connection:IMG gedeeld")
        sources = _assert_layers_log_in(plugin, 120)
        assert all(f"authcfg={config.id()}" in s for s in sources)
        assert QgsProject.instance().readEntry("img_qgis_plugin", "store")[0] == (
            "postgres-connection:IMG gedeeld"
        )
    finally:
        plugin.unload()
        QgsProject.instance().clear()
        metadata.deleteConnection("IMG gedeeld")
        manager.removeAuthenticationConfig(config.id())
