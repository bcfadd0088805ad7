# Runs inside the real QGIS desktop: checks the plugin, then load/unload three times.

import qgis.utils
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QDialog, QDockWidget, QToolBar, QWidget
from qgis.utils import iface
from qgis_session import run_after_start, screenshot  # put in place by the launcher

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


def options_page():
    """Open QGIS's own Options dialog, find the plugin's page, change a value and press OK:
    QGIS must call the page's apply() and the plugin's settings must hold the new value."""
    from img_qgis_plugin.gui.settings_dialog import SettingsOptionsPage
    from img_qgis_plugin.toolbelt.preferences import Preferences

    seen = {}

    def find_dialog():
        return next(
            (
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, QDialog)
                and w.isVisible()
                and w.metaObject().className() == "QgsOptions"
            ),
            None,
        )

    def inspect(attempts_left=60):
        # QGIS builds every options page first, which takes a few seconds on a fresh profile
        dialog = find_dialog()
        if dialog is None and attempts_left > 0:
            QTimer.singleShot(250, lambda: inspect(attempts_left - 1))
            return
        if dialog is None:
            seen["error"] = "no Options dialog"
            modal = QApplication.activeModalWidget()
            if modal is not None:  # never leave the desktop waiting on a dialog
                modal.close()
            return
        # QGIS 3.40 wraps each page in a scroll area that carries the page's object name
        pages = [
            w
            for w in dialog.findChildren(QWidget, "ImgOptionsPage")
            if isinstance(w, SettingsOptionsPage)
        ]
        seen["pages"] = len(pages)
        if pages:
            combo = pages[0].form.componentCombo
            seen["before"] = combo.currentData()
            combo.setCurrentIndex((combo.currentIndex() + 1) % combo.count())
            seen["chosen"] = combo.currentData()
        dialog.accept()

    QTimer.singleShot(500, inspect)
    iface.showOptionsDialog(iface.mainWindow(), currentPage="Mijnbouwschade")
    seen["saved"] = Preferences.load().component
    return seen


def check():
    first = inventory()
    options = options_page()
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
        "options": options,
        "cycles": cycles,
        "screenshot": shot,
    }


run_after_start(check)
