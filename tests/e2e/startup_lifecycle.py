# Runs inside the real QGIS desktop: checks the plugin, then load/unload three times.
import os
import sys

sys.path.insert(0, os.environ["IMG_TOOLS_DIR"])
import qgis.utils  # noqa: E402
from qgis.core import QgsApplication  # noqa: E402
from qgis.PyQt.QtWidgets import QApplication, QDockWidget, QToolBar  # noqa: E402
from qgis.utils import iface  # noqa: E402
from qgis_session import run_after_start, screenshot  # noqa: E402

NAME = "img_qgis_plugin"


def inventory():
    window = iface.mainWindow()
    menus = [a.text() for a in window.menuBar().actions()]
    plugin_menu_entries = []
    for action in iface.pluginMenu().actions():
        if action.menu() is not None and "Mijnbouwschade" in action.text():
            plugin_menu_entries += [a.objectName() for a in action.menu().actions()]
    return {
        "menus": menus,
        "plugin_menu_entries": sorted(plugin_menu_entries),
        "toolbars": sorted(
            t.objectName() for t in window.findChildren(QToolBar) if t.objectName() == "ImgToolbar"
        ),
        "toolbar_actions": sorted(
            a.objectName()
            for t in window.findChildren(QToolBar)
            if t.objectName() == "ImgToolbar"
            for a in t.actions()
        ),
        "docks": sorted(
            d.objectName()
            for d in window.findChildren(QDockWidget)
            if d.objectName() == "ImgObjectPanel"
        ),
        "providers": sorted(
            p.id()
            for p in QgsApplication.processingRegistry().providers()
            if p.id() == "mijnbouwschade"
        ),
    }


def check():
    first = inventory()
    shot = screenshot("e2e_plugin_loaded.png")
    cycles = []
    for _ in range(3):
        qgis.utils.unloadPlugin(NAME)
        QApplication.processEvents()
        after_unload = inventory()
        qgis.utils.loadPlugin(NAME)
        qgis.utils.startPlugin(NAME)
        QApplication.processEvents()
        cycles.append({"after_unload": after_unload, "after_load": inventory()})
    return {
        "ok": True,
        "active": NAME in qgis.utils.active_plugins,
        "first": first,
        "cycles": cycles,
        "screenshot": shot,
    }


run_after_start(check)
