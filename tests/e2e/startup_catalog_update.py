# Runs inside the real QGIS desktop: Mijnbouwschade › Fetch new quakes from a file, the way a
# user does it (menu action, source question, file dialog), ending in the result dock; select
# its objects on the map, export them, open one in the panel. Reports what the user sees.
import os
import time
from pathlib import Path

import qgis.utils
from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QThread, QTimer
from qgis.PyQt.QtWidgets import QApplication, QMessageBox
from qgis_session import run_steps, screenshot  # put in place by the launcher

plugin = qgis.utils.plugins.get("img_qgis_plugin")
OUT = Path(os.environ["IMG_OUT_DIR"])
LOG = []
QgsApplication.messageLog().messageReceived.connect(
    lambda message, tag, level: LOG.append([str(tag), int(level), str(message)])
)


def wait_for(done, seconds=120):
    end = time.time() + seconds
    while not done() and time.time() < end:
        QApplication.processEvents()
        QThread.msleep(50)
    return done()


def open_store(result):
    if plugin is None:
        result.update(ok=False, error="plugin img_qgis_plugin is niet geladen")
        return
    result["ok"] = plugin.open_store(os.environ["IMG_STORE"])
    root = QgsProject.instance().layerTreeRoot()
    model = qgis.utils.iface.layerTreeView().layerTreeModel()
    result["layer_names"] = [node.layer().name() for node in root.findLayers()]
    objects = plugin.controller.layers["objects"]
    result["objects_legend"] = {c.value(): c.label() for c in objects.renderer().categories()}
    node = root.findLayer(objects.id())
    result["objects_legend_nodes"] = [n.data(0) for n in model.layerLegendNodes(node)]


def fetch_new_quakes(result):
    import img_qgis_plugin.gui.catalog_update as catalog_update

    seen = {}

    def answer_source_question():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(100, answer_source_question)
            return
        seen["question"] = box.text()
        seen["buttons"] = sorted(b.text() for b in box.buttons())
        box.grab().save(str(OUT / "e2e_update_source.png"))
        chosen = [
            b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.ActionRole
        ]
        chosen[0].click()  # "File…"

    picked = os.environ["IMG_QUAKE_FILE"]
    dialog = catalog_update.QFileDialog
    original = dialog.getOpenFileName
    dialog.getOpenFileName = staticmethod(lambda *args, **kwargs: (picked, ""))
    QTimer.singleShot(200, answer_source_question)
    try:
        plugin.actions["new_quakes"].trigger()
    finally:
        dialog.getOpenFileName = original
    result.update(seen)
    result["task_started"] = plugin.catalog_update.task is not None
    result["task_finished"] = wait_for(lambda: plugin.catalog_update.task is None)
    QApplication.processEvents()
    dock = plugin.catalog_update_dock
    tree = dock.tree
    groups = []
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        rows = [[top.child(k).text(c) for c in range(4)] for k in range(top.childCount())]
        groups.append(
            {
                "title": top.text(0),
                "spanned": top.isFirstColumnSpanned(),
                "rows": rows,
                "tooltip": top.child(0).toolTip(1) if top.childCount() else "",
            }
        )
    result["dock"] = {
        "visible": dock.isVisible(),
        "height": dock.height(),
        "window_height": qgis.utils.iface.mainWindow().height(),
        "summary": dock.summary.text(),
        "headers": [tree.headerItem().text(c) for c in range(tree.columnCount())],
        "groups": groups,
    }
    result["screenshot_dock"] = screenshot("e2e_update_dock.png")


def select_and_export(result):
    import img_qgis_plugin.gui.catalog_update as catalog_update

    dock = plugin.catalog_update_dock
    dock.select_button.click()
    objects = plugin.controller.layers["objects"]
    result["selected_ids"] = sorted(f["id"] for f in objects.selectedFeatures())
    target = str(OUT / "e2e_nieuwe_bevingen.csv")
    dialog = catalog_update.QFileDialog
    original = dialog.getSaveFileName
    dialog.getSaveFileName = staticmethod(lambda *args, **kwargs: (target, ""))
    try:
        dock.export_button.click()
    finally:
        dialog.getSaveFileName = original
    result["csv"] = Path(target).read_text(encoding="utf-8-sig").splitlines()


def open_reopened_object(result):
    from img_qgis_plugin.gui.panel_tables import mark_text

    reopened = result["dock"]["groups"][0]["rows"]
    object_id = int(reopened[0][0])
    view = plugin.show_object(object_id, zoom=True)
    panel = plugin.panel
    table = panel.quake_table
    rows = [
        [table.item(r, c).text() for c in range(table.columnCount())]
        + [table.item(r, 0).data(256)]  # the event id (Qt.UserRole)
        for r in range(table.rowCount())
    ]
    result["panel"] = {
        "object_id": object_id,
        "status_code": view["status"]["code"],
        "status_label": panel.header["status"].text(),
        "catalog_end": panel.header["catalog_end"].text(),
        "quake_rows": rows,
        "quake_times": {q["event_id"]: q["time"] for q in view["quakes"]},
        "reopens_text": mark_text("reopens"),
    }
    canvas = qgis.utils.iface.mapCanvas()
    canvas.waitWhileRendering()  # not the stretched preview of the previous extent
    result["screenshot_panel"] = screenshot("e2e_update_panel.png")
    result["log"] = LOG


run_steps([open_store, fetch_new_quakes, select_and_export, open_reopened_object], delay_ms=1500)
