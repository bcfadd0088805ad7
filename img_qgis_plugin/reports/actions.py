"""The menu actions behind the reports: ask what and where, run the export, tell the result.

Kept out of ``plugin_main`` so the plugin class only registers; nothing here decides a verdict.
"""

from __future__ import annotations

import os

from qgis.PyQt.QtWidgets import QFileDialog, QInputDialog

from img_qgis_plugin.controller import say_no_store
from img_qgis_plugin.gui.i18n import tr
from img_qgis_plugin.toolbelt.log_handler import log, log_exception


def _store(plugin):
    store = getattr(plugin.controller, "store", None)
    if store is None:
        say_no_store()
    return store


def _save_path(plugin, title: str, name: str) -> str:
    path, _ = QFileDialog.getSaveFileName(
        plugin.iface.mainWindow(),
        title,
        os.path.join(os.path.expanduser("~"), name),
        tr("PDF (*.pdf)"),
    )
    if path and not path.lower().endswith(".pdf"):
        path += ".pdf"
    return path


def export_dossier_dialog(plugin, object_id=None) -> str:
    """Dossier of the object in the panel (or ``object_id``) to a PDF the user chooses."""
    from img_qgis_plugin.reports.dossier import export_dossier

    if _store(plugin) is None:
        return ""
    object_id = object_id if object_id is not None else plugin.controller.object_id
    if object_id is None:
        log(tr("Kies eerst een object (identificatiegereedschap of zoeken)."), "warning", push=True)
        return ""
    path = _save_path(plugin, tr("Dossier opslaan"), f"dossier_{int(object_id)}.pdf")
    if not path:
        return ""
    try:
        export_dossier(plugin, int(object_id), path, plugin.controller.as_of_date())
    except Exception as exc:
        log_exception(tr("Het dossier kon niet worden gemaakt"), exc)
        return ""
    log(tr("Dossier opgeslagen: {0}").format(path), "success", push=True)
    return path


def start_areas(store) -> list[tuple[int, str]]:
    """(id, name) of the store's start areas, by name (the id where an area has no name)."""
    from domain.store.planning_reads import start_areas as stored_start_areas

    with store.engine.connect() as conn:
        return [(area.id, area.label) for area in stored_start_areas(conn)]


def plan_start_area_dialog(plugin) -> str:
    """Choose a start area (or the one drawn in the start-area panel) and write its atlas."""
    from img_qgis_plugin.reports.atlas import export_startarea_atlas

    store = _store(plugin)
    if store is None:
        return ""
    areas = start_areas(store)
    labels = [f"{name} ({area_id})" for area_id, name in areas]
    drawn = getattr(getattr(plugin, "start_area_dock", None), "drawn_wkt", "")
    if drawn:
        areas.append((drawn, "getekend"))
        labels.append(tr("Getekend gebied"))
    if not areas:
        log(tr("Deze opslag heeft geen startgebieden."), "warning", push=True)
        return ""
    choice, ok = QInputDialog.getItem(
        plugin.iface.mainWindow(), tr("Startgebied plannen"), tr("Startgebied:"), labels, 0, False
    )
    if not ok:
        return ""
    area_id, name = areas[labels.index(choice)]
    file_name = f"startgebied_{name if area_id == drawn else area_id}.pdf"
    path = _save_path(plugin, tr("Bezoeklijst opslaan"), file_name)
    if not path:
        return ""
    try:
        export_startarea_atlas(plugin, area_id, path, as_of=plugin.controller.as_of_date())
    except Exception as exc:
        log_exception(tr("De bezoeklijst kon niet worden gemaakt"), exc)
        return ""
    log(tr("Bezoeklijst opgeslagen: {0}").format(path), "success", push=True)
    return path


def regional_overview_dialog(plugin, scenario=None, compute: bool = True):
    """Open the regional overview (table, choropleth, CSV); ``scenario`` (a ``ScenarioQuake``)
    fills in the quake whose consequences to show. Returns the dialog; counting runs as a task
    unless ``compute`` is False."""
    from img_qgis_plugin.gui.overview_dialog import OverviewDialog

    if _store(plugin) is None:
        return None
    dialog = getattr(plugin, "overview_dialog", None)
    if dialog is None:
        dialog = OverviewDialog(plugin, plugin.iface.mainWindow())
        plugin.overview_dialog = dialog
        last = getattr(getattr(plugin, "scenario", None), "last_scenario", None)
        dialog.set_scenario(last, use=False)  # the fields ready, the choice to the planner
    if scenario is not None:
        dialog.set_scenario(scenario)
    dialog.show()
    dialog.raise_()
    if compute:
        dialog.compute()
    return dialog
