# Runs inside the real QGIS desktop: open the demo store, click a known object with the
# identify tool, and report what the panel shows.
import os
import sys

import qgis.utils
from qgis.core import QgsPointXY
from qgis.gui import QgsMapMouseEvent
from qgis.PyQt.QtCore import QEvent, QPoint, Qt, QThread
from qgis.PyQt.QtWidgets import QApplication
from qgis_session import run_after_start, screenshot  # put in place by the launcher


def environment_report(plugin):
    """Which plugin class QGIS loaded, where its packages came from, what sys.path holds."""
    import sqlalchemy

    import domain

    project = os.environ["IMG_PROJECT_DIR"]
    return {
        "plugin_class": type(plugin).__name__,
        "domain_file": domain.__file__,
        "sqlalchemy": [sqlalchemy.__version__, sqlalchemy.__file__],
        "project_paths_on_sys_path": [p for p in sys.path if p.startswith(project)],
        "venv_on_sys_path": [p for p in sys.path if ".venv" in p],
        "environment_has_pythonpath": "PYTHONPATH" in os.environ,
    }


def open_through_locator(plugin, claim_number):
    """Type ``img <claim number>`` into QGIS's own locator and take its first result."""
    from qgis.core import QgsLocatorContext
    from qgis.gui import QgsLocatorWidget
    from qgis.PyQt import sip
    from qgis.PyQt.QtWidgets import QWidget

    # the status bar's locator comes back as a plain QWidget from findChild: cast it
    widget = next(
        w
        for w in qgis.utils.iface.mainWindow().findChildren(QWidget)
        if w.metaObject().className() == "QgsLocatorWidget"
    )
    locator = sip.cast(widget, QgsLocatorWidget).locator()
    found = []
    locator.foundResult.connect(found.append)
    locator.fetchResults(f"img {claim_number}", QgsLocatorContext())
    for _ in range(200):
        QApplication.processEvents()
        if not locator.isRunning():
            break
        QThread.msleep(25)
    ours = [r for r in found if r.filter is plugin.locator]
    if not ours:
        return {"locator_results": 0}
    plugin.panel.hide()
    ours[0].filter.triggerResult(ours[0])
    QApplication.processEvents()
    return {
        "locator_results": len(ours),
        "locator_panel_visible": plugin.panel.isVisible(),
        "locator_panel_object_id": plugin.panel.header["id"].text(),
    }


def click_object():
    plugin = qgis.utils.plugins["img_qgis_plugin"]
    if type(plugin).__name__ != "ImgPlugin":
        return {"ok": False, "error": "stand-in loaded", **environment_report(plugin)}
    store = os.environ["IMG_STORE"]
    object_id = int(os.environ["IMG_OBJECT"])
    if not plugin.open_store(store):
        return {"ok": False, "error": "store did not open"}
    record = plugin.controller.store.read_object(object_id)
    plugin.controller.zoom_to(record.x, record.y)
    canvas = qgis.utils.iface.mapCanvas()
    canvas.waitWhileRendering()
    QApplication.processEvents()
    plugin.actions["identify"].trigger()
    pixel = canvas.getCoordinateTransform().transform(QgsPointXY(record.x, record.y))
    point = QPoint(int(round(pixel.x())), int(round(pixel.y())))
    event = QgsMapMouseEvent(
        canvas, QEvent.Type.MouseButtonRelease, point, Qt.MouseButton.LeftButton
    )
    canvas.mapTool().canvasReleaseEvent(event)
    QApplication.processEvents()
    panel = plugin.panel
    import shapely  # the domain's shapely must agree with the GEOS QGIS loaded

    polygon = shapely.box(0, 0, 10, 10)
    shapely_check = [polygon.wkt, bool(shapely.contains_xy(polygon, 5, 5))]
    claims = [panel.claim_table.item(r, 0).text() for r in range(panel.claim_table.rowCount())]
    report = {
        "ok": True,
        "map_tool_is_identify": canvas.mapTool() is plugin.identify_tool,
        "panel_visible": panel.isVisible(),
        "panel_object_id": panel.header["id"].text(),
        "shapely_in_qgis": shapely_check,
        "claim_rows": claims,
        "expected_claims": [c.claim_number for c in record.claims],
        "screenshot": screenshot(os.environ.get("IMG_SCREENSHOT", "e2e_identify.png")),
        **environment_report(plugin),
    }
    report.update(open_through_locator(plugin, record.claims[0].claim_number))
    return report


run_after_start(click_object, delay_ms=2500)
