"""The plugin: registers its actions, menu, toolbar, dock, provider and locator in ``initGui``.

Every registration records how to undo itself, and ``unload`` plays those back in reverse, so the
two are exact mirrors by construction: nothing of the plugin is left after unload.
"""

from __future__ import annotations

from collections.abc import Callable

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTranslator
from qgis.PyQt.QtGui import QAction, QIcon
from qgis.PyQt.QtWidgets import QToolBar

from img_qgis_plugin.__about__ import __icon_path__, __version__
from img_qgis_plugin.connections import (
    auth_config_of,
    postgres_connection_names,
    without_password,
)
from img_qgis_plugin.connections import resolve as resolve_connection
from img_qgis_plugin.controller import StoreController, say_no_store, store_change_text
from img_qgis_plugin.gui.i18n import tr
from img_qgis_plugin.gui.identify_tool import ObjectIdentifyTool
from img_qgis_plugin.gui.locator import ObjectLocatorFilter
from img_qgis_plugin.gui.object_panel import ObjectPanel
from img_qgis_plugin.gui.scenario_tool import ScenarioMapTool, ScenarioRunner
from img_qgis_plugin.gui.settings_dialog import SettingsDialog, SettingsOptionsFactory
from img_qgis_plugin.gui.start_area_dock import StartAreaDock
from img_qgis_plugin.paths import resource
from img_qgis_plugin.processing.provider import ImgProcessingProvider
from img_qgis_plugin.toolbelt.log_handler import LOG_TAG, log
from img_qgis_plugin.toolbelt.preferences import Preferences

MENU_TITLE = "&Mijnbouwschade"
TOOLBAR_OBJECT_NAME = "ImgToolbar"


def action_icon(key: str, icon: str = "") -> str:
    """The icon file of an action: ``icon`` when given, else ``resources/icons/<key>.svg``,
    else the plugin icon (each action has its own, so the toolbar tells them apart)."""
    import os

    if icon:
        return icon
    path = resource("icons", f"{key}.svg")
    return path if os.path.exists(path) else __icon_path__


class ImgPlugin:
    def __init__(self, interface) -> None:
        self.iface = interface
        self._undo: list[Callable[[], None]] = []
        self.actions: dict[str, QAction] = {}
        self.toolbar: QToolBar | None = None
        self.panel: ObjectPanel | None = None
        self.provider: ImgProcessingProvider | None = None
        self.locator: ObjectLocatorFilter | None = None
        self.translator: QTranslator | None = None
        self.controller: StoreController | None = None
        self.identify_tool: ObjectIdentifyTool | None = None
        self.start_area_dock: StartAreaDock | None = None
        self.scenario_tool: ScenarioMapTool | None = None
        self.scenario: ScenarioRunner | None = None
        self.overview_dialog = None
        self.options_factory: SettingsOptionsFactory | None = None
        self.catalog_update = None
        self.catalog_update_dock = None
        self.background = None
        self._install_translator()

    # --- translations --------------------------------------------------------------------
    def _install_translator(self) -> None:
        """Dutch is the source language; English comes from the built ``.qm``."""
        language = Preferences.load().effective_language()  # the chosen one, else QGIS's
        if language == "nl":
            return
        translator = QTranslator()
        if translator.load(resource("i18n", f"img_qgis_plugin_{language}.qm")):
            QCoreApplication.installTranslator(translator)
            self.translator = translator

    # --- registration helpers ------------------------------------------------------------
    def _on_unload(self, undo: Callable[[], None]) -> None:
        self._undo.append(undo)

    def _add_action(
        self,
        key: str,
        text: str,
        slot: Callable,
        icon: str = "",
        toolbar: bool = True,
        shortcut: str = "",
    ) -> QAction:
        action = QAction(QIcon(action_icon(key, icon)), text, self.iface.mainWindow())
        action.setObjectName(f"img_{key}")
        action.triggered.connect(slot)
        if shortcut:
            action.setShortcut(shortcut)
        self.iface.addPluginToMenu(MENU_TITLE, action)
        self._on_unload(lambda: self.iface.removePluginMenu(MENU_TITLE, action))
        if toolbar and self.toolbar is not None:
            self.toolbar.addAction(action)
        self.actions[key] = action
        self._on_unload(lambda: self.actions.pop(key, None))
        self._on_unload(action.deleteLater)
        return action

    # --- QGIS entry points ---------------------------------------------------------------
    def initGui(self) -> None:  # noqa: N802
        self.toolbar = self.iface.addToolBar(tr("Mijnbouwschade"))
        self.toolbar.setObjectName(TOOLBAR_OBJECT_NAME)
        self._on_unload(self._remove_toolbar)

        self._add_action("open_store", tr("Opslag openen (GeoPackage)…"), self.choose_gpkg_store)
        self._add_action(
            "open_postgis",
            tr("Gedeelde opslag openen (PostGIS)…"),
            self.choose_postgis_store,
            toolbar=False,
        )
        self._add_action(
            "identify",
            tr("Object aanwijzen op de kaart"),
            self.activate_identify_tool,
            shortcut="Ctrl+Alt+I",
        )
        self._add_action("scenario", tr("Scenario-beving"), self.activate_scenario_tool)
        self._add_action("new_quakes", tr("Nieuwe bevingen ophalen"), self.fetch_new_quakes)
        self._add_action("panel", tr("Objectpaneel tonen"), self.toggle_panel)
        self._add_action("dossier", tr("Dossier (PDF)…"), self.export_dossier, toolbar=False)
        self._add_action(
            "visits", tr("Startgebied: bezoeklijst"), self.show_start_area_list, toolbar=False
        )
        self._add_action(
            "startgebied", tr("Startgebied plannen…"), self.plan_start_area, toolbar=False
        )
        self._add_action(
            "overview", tr("Regionaal overzicht"), self.show_regional_overview, toolbar=False
        )
        self._add_action("settings", tr("Instellingen…"), self.show_settings, toolbar=False)
        self._add_action("about", tr("Over Mijnbouwschade…"), self.show_about, toolbar=False)

        self.options_factory = SettingsOptionsFactory(on_saved=self._on_settings_saved)
        self.iface.registerOptionsWidgetFactory(self.options_factory)
        self._on_unload(self._remove_options_page)

        self.panel = ObjectPanel(self.iface.mainWindow())
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel)
        self.panel.hide()
        self._on_unload(self._remove_panel)

        self.start_area_dock = StartAreaDock(self.iface.mainWindow(), self.iface.mapCanvas())
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.start_area_dock)
        self.start_area_dock.hide()
        self._on_unload(self._remove_start_area_dock)
        self.panel.dossier_requested.connect(self.export_dossier)

        self.controller = StoreController(self.iface, self.panel)
        self._on_unload(self._remove_controller)
        self.identify_tool = ObjectIdentifyTool(self.iface.mapCanvas())
        self.identify_tool.setAction(self.actions["identify"])
        self.actions["identify"].setCheckable(True)
        self.identify_tool.object_identified.connect(self.show_object)
        self._on_unload(self._remove_identify_tool)
        self.scenario = ScenarioRunner(self.controller, self.show_regional_overview)
        self._add_catalog_update()
        self.scenario_tool = ScenarioMapTool(self.iface.mapCanvas())
        self.scenario_tool.setAction(self.actions["scenario"])
        self.actions["scenario"].setCheckable(True)
        self.scenario_tool.epicentre_clicked.connect(self.ask_scenario)
        self._on_unload(self._remove_scenario_tool)
        self._on_unload(self._remove_overview_dialog)
        self.controller.add_store_listener(self._follow_store)
        self._add_background()
        QgsProject.instance().readProject.connect(self._on_project_read)
        self._on_unload(lambda: QgsProject.instance().readProject.disconnect(self._on_project_read))

        self.initProcessing()
        self.controller.add_store_listener(self.provider.store_listener(self.controller))

        self.locator = ObjectLocatorFilter(self)
        self.iface.registerLocatorFilter(self.locator)
        self._on_unload(self._remove_locator)

        log(f"Mijnbouwschade {__version__} geladen.")

    def initProcessing(self) -> None:  # noqa: N802
        """The provider alone; ``qgis_process`` calls only this (no ``initGui``, no iface)."""
        if self.provider is not None:
            return
        self.provider = ImgProcessingProvider()
        if not QgsApplication.processingRegistry().addProvider(self.provider):
            log("De Processing-provider Mijnbouwschade kon niet worden geregistreerd.", "warning")
        self._on_unload(self._remove_provider)

    def unload(self) -> None:
        while self._undo:
            undo = self._undo.pop()
            undo()
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
        log("Mijnbouwschade verwijderd.")

    # --- undo steps ----------------------------------------------------------------------
    def _remove_toolbar(self) -> None:
        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.setParent(None)  # gone at once, not at the next deferred delete
            self.toolbar.deleteLater()
            self.toolbar = None

    def _remove_panel(self) -> None:
        if self.panel is not None:
            self.iface.removeDockWidget(self.panel)
            self.panel.setParent(None)
            self.panel.deleteLater()
            self.panel = None

    def _remove_start_area_dock(self) -> None:
        if self.start_area_dock is not None:
            self.start_area_dock.remove_draw_tool()
            self.start_area_dock.set_store(None, None)
            self.iface.removeDockWidget(self.start_area_dock)
            self.start_area_dock.setParent(None)
            self.start_area_dock.deleteLater()
            self.start_area_dock = None

    def _add_background(self) -> None:
        """The PDOK background map follows the open store and the settings."""
        from img_qgis_plugin.background import BackgroundMap

        self.background = BackgroundMap()
        self.controller.add_store_listener(self.background.follow_store)

        def remove() -> None:
            self.background.shutdown()
            self.background.deleteLater()
            self.background = None

        self._on_unload(remove)

    def _remove_controller(self) -> None:
        if self.controller is not None:
            self.controller.shutdown()
            self.controller = None

    def _remove_map_tool(self, tool) -> None:
        """``tool`` off the map (when it is the one in use) and deleted."""
        canvas = self.iface.mapCanvas()
        if canvas.mapTool() is tool:
            canvas.unsetMapTool(tool)
        tool.deleteLater()

    def _remove_identify_tool(self) -> None:
        if self.identify_tool is not None:
            self._remove_map_tool(self.identify_tool)
            self.identify_tool = None

    def _remove_scenario_tool(self) -> None:
        if self.scenario_tool is not None:
            self._remove_map_tool(self.scenario_tool)
            self.scenario_tool = None
        if self.scenario is not None:
            self.scenario.shutdown()
        self.scenario = None

    def _remove_overview_dialog(self) -> None:
        if self.overview_dialog is not None:
            self.overview_dialog.shutdown()
            self.overview_dialog.close()
            self.overview_dialog.deleteLater()
            self.overview_dialog = None

    def _remove_options_page(self) -> None:
        if self.options_factory is not None:
            self.iface.unregisterOptionsWidgetFactory(self.options_factory)
            self.options_factory = None

    def _remove_provider(self) -> None:
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None

    def _remove_locator(self) -> None:
        if self.locator is not None:
            self.iface.deregisterLocatorFilter(self.locator)
            self.locator = None

    # --- actions -------------------------------------------------------------------------
    def toggle_panel(self) -> None:
        if self.panel is not None:
            self.panel.setVisible(not self.panel.isVisible())

    def show_settings(self) -> None:
        dialog = SettingsDialog(parent=self.iface.mainWindow(), on_saved=self._on_settings_saved)
        dialog.exec()
        dialog.deleteLater()

    def _on_settings_saved(self, prefs) -> None:
        """Other ground-motion settings than the open store's figures: offer to recompute."""
        if self.controller is not None:
            self.controller.offer_recompute(prefs)
        if self.background is not None:
            self.background.apply(prefs)  # switched off: removed; switched on: added if reachable

    def show_about(self) -> None:
        from qgis.PyQt.QtWidgets import QMessageBox

        from img_qgis_plugin.toolbelt.log_handler import versions_text

        QMessageBox.about(
            self.iface.mainWindow(),
            tr("Over Mijnbouwschade"),
            tr("Mijnbouwschade Groningen") + f"\n\n{versions_text()}",
        )

    # --- reports (printed output) ---------------------------------------------------------
    def export_dossier(self, object_id=None) -> str:
        from img_qgis_plugin.reports.actions import export_dossier_dialog

        # a menu action passes its checked state (a bool); the panel passes the object id
        chosen = None if isinstance(object_id, bool) or object_id is None else int(object_id)
        return export_dossier_dialog(self, chosen)

    def show_start_area_list(self) -> None:
        """The visit list of a start area, in step with the map selection."""
        if self.controller.store is None:
            say_no_store()
            return
        layers = self.controller.layers
        self.start_area_dock.set_store(
            self.controller.store,
            layers.get("objects"),
            self.controller,
            layers.get("areas_start_area"),
        )
        self.start_area_dock.show()
        self.start_area_dock.raise_()

    def plan_start_area(self) -> str:
        from img_qgis_plugin.reports.actions import plan_start_area_dialog

        return plan_start_area_dialog(self)

    def show_regional_overview(self, scenario=None):
        """The overview dialog; ``scenario`` (a ``ScenarioQuake``) shows what it would change."""
        from img_qgis_plugin.reports.actions import regional_overview_dialog

        # a menu action passes its checked state (a bool)
        return regional_overview_dialog(self, None if isinstance(scenario, bool) else scenario)

    # --- store and objects (also for scripting) -------------------------------------------
    def open_store(self, path_or_uri: str) -> bool:
        """Open a GeoPackage path, a PostgreSQL URI or ``postgres-connection:NAME``."""
        try:
            where = resolve_connection(str(path_or_uri))
        except ValueError as exc:
            log(str(exc), "warning", push=True)
            return False
        ok = self.controller.open_store(where, auth_config_of(str(path_or_uri)))
        if ok:
            # the project keeps the path or connection name, never resolved credentials
            QgsProject.instance().writeEntry(
                "img_qgis_plugin", "store", without_password(path_or_uri)
            )
            objects = self.controller.layers.get("objects")
            self.identify_tool.set_layers(objects, self.controller.layers.get("parcels"))
            if objects is not None:
                self.iface.mapCanvas().setExtent(objects.extent())
                self.iface.mapCanvas().refresh()
            self._apply_capabilities()
        return ok

    def _apply_capabilities(self) -> None:
        """Offer only what the connected role may do (a planner sees areas and totals only)."""
        caps = self.controller.store.capabilities()
        for key in ("identify", "dossier", "startgebied", "visits"):
            self.actions[key].setEnabled(caps.read_personal)
        if not caps.read_personal:
            log(
                tr(
                    "Verbonden als '{0}': deze rol ziet gebieden en totalen, geen persoonsgegevens."
                ).format(caps.role),
                "info",
                push=True,
            )

    def show_object(self, object_id, zoom: bool = False) -> dict | None:
        """Open the panel on one object; returns the view shown (None when it is not there)."""
        return self.controller.show_object(int(object_id), zoom=zoom)

    def search_objects(self, text: str, feedback=None, locator_filter=None) -> list:
        return self.controller.search(text, feedback, locator_filter)

    def choose_gpkg_store(self) -> None:
        from qgis.PyQt.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self.iface.mainWindow(), tr("Opslag openen"), "", tr("GeoPackage (*.gpkg)")
        )
        if path:
            self.open_store(path)

    def choose_postgis_store(self) -> None:
        from qgis.PyQt.QtWidgets import QInputDialog

        names = postgres_connection_names()
        if not names:
            log(
                tr("QGIS kent nog geen PostgreSQL-verbinding; maak er een aan in de Browser."),
                "warning",
                push=True,
            )
            return
        name, ok = QInputDialog.getItem(
            self.iface.mainWindow(),
            tr("Gedeelde opslag openen"),
            tr("Verbinding:"),
            names,
            0,
            False,
        )
        if ok and name:
            self.open_store(f"postgres-connection:{name}")

    def activate_identify_tool(self) -> None:
        self._activate_map_tool("identify", self.identify_tool)

    def activate_scenario_tool(self) -> None:
        self._activate_map_tool("scenario", self.scenario_tool)

    def _activate_map_tool(self, action: str, tool) -> None:
        """``tool`` on the map; without a store its button is unchecked again and a warning says
        why."""
        if self.controller.store is None:
            self.actions[action].setChecked(False)
            say_no_store()
            return
        self.iface.mapCanvas().setMapTool(tool)

    def _add_catalog_update(self) -> None:
        from img_qgis_plugin.gui.catalog_update import CatalogUpdateDock, CatalogUpdateRunner

        self.catalog_update_dock = CatalogUpdateDock(self.iface.mainWindow())
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.catalog_update_dock)
        self.catalog_update_dock.hide()
        self.catalog_update = CatalogUpdateRunner(self.controller, self.catalog_update_dock)

        def remove() -> None:
            self.iface.removeDockWidget(self.catalog_update_dock)
            self.catalog_update_dock.deleteLater()
            self.catalog_update_dock = self.catalog_update = None

        self._on_unload(remove)

    def fetch_new_quakes(self, *args):
        """*Nieuwe bevingen ophalen*: from the event service or a file, in a task."""
        return self.catalog_update.ask_and_run(self.iface.mainWindow())

    def ask_scenario(self, x: float, y: float):
        """Click handler of the scenario tool: the dialog, then the layer and the counts."""
        return self.scenario.ask_and_run(x, y, self.iface.mainWindow())

    def _follow_store(self, reason: str, removed: set) -> None:
        """Every dock, dialog and map tool follows the open store: re-bound to the new one,
        or emptied with a word why; none keeps a layer or a row of a store no longer open."""
        controller = self.controller
        why = store_change_text(reason)
        if self.identify_tool is not None:
            self.identify_tool.set_layers(
                controller.layers.get("objects"), controller.layers.get("parcels")
            )
        if reason == "opened":  # the first store: nothing was showing another one
            return
        map_gone = reason != "layers_removed" or bool(removed & {"objects", "areas_start_area"})
        if self.start_area_dock is not None and map_gone:
            self.start_area_dock.follow_store(controller, why)
        if self.catalog_update_dock is not None and (
            reason != "layers_removed" or "objects" in removed
        ):
            self.catalog_update_dock.follow_store(reason, why)
        if self.scenario is not None:
            self.scenario.follow_store(reason)
        if reason == "layers_removed":
            return  # the store is still open: the panel and the overview still hold
        if self.panel is not None and self.panel.view is not None:
            self.panel.clear(why)
        if self.overview_dialog is not None:
            self.overview_dialog.follow_store(why)

    def _on_project_read(self, *args) -> None:
        where, found = QgsProject.instance().readEntry("img_qgis_plugin", "store", "")
        if found and where and where != getattr(self.controller, "where", ""):
            self.open_store(where)


__all__ = ["ImgPlugin", "LOG_TAG"]
