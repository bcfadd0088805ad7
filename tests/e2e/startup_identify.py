# Runs inside the real QGIS desktop: open the demo store, click a known object with the
# identify tool, and report what the panel shows.
import os
import sys

sys.path.insert(0, os.environ["IMG_TOOLS_DIR"])
import qgis.utils  # noqa: E402
from qgis.core import QgsPointXY  # noqa: E402
from qgis.gui import QgsMapMouseEvent  # noqa: E402
from qgis.PyQt.QtCore import QEvent, QPoint, Qt  # noqa: E402
from qgis.PyQt.QtWidgets import QApplication  # noqa: E402
from qgis_session import run_after_start, screenshot  # noqa: E402


def click_object():
    plugin = qgis.utils.plugins["img_qgis_plugin"]
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
    return {
        "ok": True,
        "map_tool_is_identify": canvas.mapTool() is plugin.identify_tool,
        "panel_visible": panel.isVisible(),
        "panel_object_id": panel.header["id"].text(),
        "shapely_in_qgis": shapely_check,
        "claim_rows": claims,
        "expected_claims": [c.claim_number for c in record.claims],
        "screenshot": screenshot(os.environ.get("IMG_SCREENSHOT", "e2e_identify.png")),
    }


run_after_start(click_object, delay_ms=2500)
