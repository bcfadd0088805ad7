"""Without a compiled package QGIS loads a stand-in that names it and the command to run."""

from __future__ import annotations

import importlib

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
