"""Without a compiled package QGIS loads a stand-in that names it and the command to run."""

from __future__ import annotations

import importlib
import sys

from qgis.core import Qgis, QgsApplication

import img_qgis_plugin
from domain.runtime import requirements


def test_missing_shapely_loads_the_stand_in_with_the_command_for_this_platform(
    qgis_iface, monkeypatch
):
    real_import = importlib.import_module

    def without_shapely(name, *args):
        if name.split(".")[0] == "shapely":
            raise ImportError("No module named 'shapely'")
        return real_import(name, *args)

    monkeypatch.setattr(requirements.importlib, "import_module", without_shapely)
    pushed, logged = [], []
    monkeypatch.setattr(
        qgis_iface.messageBar(), "pushMessage", lambda *args: pushed.append(args), raising=False
    )
    log = QgsApplication.messageLog()
    collect = lambda message, tag, level: logged.append((tag, message, level))  # noqa: E731
    log.messageReceived.connect(collect)
    try:
        plugin = img_qgis_plugin.classFactory(qgis_iface)
        assert type(plugin).__name__ == "MissingDependenciesPlugin"
        plugin.initGui()
        QgsApplication.processEvents()
    finally:
        log.messageReceived.disconnect(collect)
    title, text, level, duration = pushed[0]
    command = requirements.commands_for(
        [requirements.Problem(requirements.COMPILED[3], "")], requirements.this_platform()
    )
    assert "shapely (ontbreekt)" in text and command in text
    assert "numpy" not in text and "scipy" not in text  # only what is really missing
    assert level == Qgis.MessageLevel.Critical and duration == 0
    ours = [m for tag, m, _ in logged if tag == "Mijnbouwschade"]
    assert any(m.startswith("Windows (OSGeo4W): osgeo4w-setup.exe") for m in ours)
    assert any(m.startswith("Debian 12: ") and '"shapely>=2.0,<2.2"' in m for m in ours)
    plugin.unload()


def test_with_every_package_present_the_real_plugin_loads(qgis_iface):
    plugin = img_qgis_plugin.classFactory(qgis_iface)
    assert type(plugin).__name__ == "ImgPlugin"


def test_missing_alembic_loads_the_stand_in_that_asks_to_reinstall_the_zip(qgis_iface, monkeypatch):
    # None in sys.modules makes every ``import alembic`` fail, as in a zip without it
    monkeypatch.setitem(sys.modules, "alembic", None)
    pushed = []
    monkeypatch.setattr(
        qgis_iface.messageBar(), "pushMessage", lambda *args: pushed.append(args), raising=False
    )
    plugin = img_qgis_plugin.classFactory(qgis_iface)
    assert type(plugin).__name__ == "MissingDependenciesPlugin"
    plugin.initGui()
    title, text, level, duration = pushed[0]
    assert "(alembic)" in text and "ZIP" in text  # what is missing and what to do
    assert "sqlalchemy" not in text  # only what is really missing
    assert level == Qgis.MessageLevel.Critical and duration == 0
    plugin.unload()


def test_every_bundled_package_missing_is_named_not_a_crash(monkeypatch):
    from img_qgis_plugin.dependencies import dependency_problem

    for module in requirements.VENDORED_MODULES:
        with monkeypatch.context() as patched:
            patched.setitem(sys.modules, module, None)
            text, commands = dependency_problem()
        assert f"({module})" in text, module
        assert commands == {}  # nothing to install: the zip itself is incomplete
