"""Drawing a start area on a real canvas: real map mouse events in, RD New WKT and a list out."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import shapely
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
)
from qgis.gui import QgsMapMouseEvent
from qgis.PyQt.QtCore import QEvent, QPoint, Qt
from qgis.PyQt.QtGui import QKeyEvent
from qgis.PyQt.QtWidgets import QApplication
from sqlalchemy import text

import img_qgis_plugin
from domain.demo import build_demo
from domain.planning import visit_list

RD = QgsCoordinateReferenceSystem("EPSG:28992")
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
APPINGEDAM = 14  # the demo's start area "Appingedam (illustratief)"


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("draw") / "demo.gpkg"
    build_demo(str(path), objects=600, seed=3)
    return path


@pytest.fixture
def plugin(qgis_iface, demo_store):
    plugin = img_qgis_plugin.classFactory(qgis_iface)
    plugin.initGui()
    assert plugin.open_store(str(demo_store))
    plugin.show_start_area_list()
    qgis_iface.messageBar().clear_messages()
    # a shown window gives the canvas its real size (hidden, the map is 98 x 28 pixels)
    window = qgis_iface.mapCanvas().window()
    window.resize(600, 600)
    window.show()
    QApplication.processEvents()
    yield plugin
    window.hide()
    plugin.unload()
    QgsProject.instance().clear()


def area_centre(store, area_id: int) -> tuple[float, float]:
    from domain.store.geometry import wkb_of

    with store.engine.connect() as conn:
        geom = conn.execute(text("SELECT geom FROM areas WHERE id = :i"), {"i": area_id}).scalar()
    centre = shapely.from_wkb(wkb_of(geom)).centroid
    return centre.x, centre.y


def hexagon(cx: float, cy: float, radius: float) -> list[tuple[float, float]]:
    """Six RD corners, counter-clockwise; not a rectangle, so a bounding-box shortcut would show."""
    return [
        (cx + radius * math.cos(k * math.pi / 3), cy + radius * math.sin(k * math.pi / 3))
        for k in range(6)
    ]


def objects_xy(store) -> dict[int, tuple[float, float]]:
    with store.engine.connect() as conn:
        return {int(i): (x, y) for i, x, y in conn.execute(text("SELECT id, x, y FROM objects"))}


def show(canvas, corners_rd, crs) -> QgsCoordinateTransform:
    """Canvas in ``crs``, zoomed to the corners with a margin; returns RD → canvas CRS."""
    to_canvas = QgsCoordinateTransform(RD, crs, QgsProject.instance())
    canvas.setDestinationCrs(crs)
    xs, ys = zip(*corners_rd)
    box = QgsRectangle(min(xs) - 800, min(ys) - 800, max(xs) + 800, max(ys) + 800)
    canvas.setExtent(to_canvas.transformBoundingBox(box))
    return to_canvas


def pixel(canvas, to_canvas, x: float, y: float) -> QPoint:
    point = canvas.getCoordinateTransform().transform(to_canvas.transform(QgsPointXY(x, y)))
    return QPoint(round(point.x()), round(point.y()))


def mouse(canvas, kind, where: QPoint, button=Qt.MouseButton.LeftButton) -> QgsMapMouseEvent:
    return QgsMapMouseEvent(canvas, kind, where, button, button, Qt.KeyboardModifier.NoModifier)


def click(tool, canvas, where: QPoint, button=Qt.MouseButton.LeftButton) -> None:
    tool.canvasPressEvent(mouse(canvas, QEvent.Type.MouseButtonPress, where, button))
    tool.canvasReleaseEvent(mouse(canvas, QEvent.Type.MouseButtonRelease, where, button))


def key(tool, code) -> None:
    tool.keyPressEvent(QKeyEvent(QEvent.Type.KeyPress, code, Qt.KeyboardModifier.NoModifier))


def draw(dock, corners_rd, crs=RD, finish=Qt.MouseButton.RightButton) -> list[str]:
    """Click the corners with real map mouse events; returns what the tool emitted."""
    canvas = dock.canvas
    to_canvas = show(canvas, corners_rd, crs)
    dock.start_drawing()
    tool = dock.draw_tool
    assert canvas.mapTool() is tool
    emitted = []
    tool.area_drawn.connect(emitted.append)
    try:
        clicks(tool, canvas, [pixel(canvas, to_canvas, x, y) for x, y in corners_rd], finish)
    finally:
        tool.area_drawn.disconnect(emitted.append)
    return emitted


def clicks(tool, canvas, pixels, finish) -> None:
    for where in pixels:
        tool.canvasMoveEvent(mouse(canvas, QEvent.Type.MouseMove, where, Qt.MouseButton.NoButton))
        click(tool, canvas, where)
    if finish == Qt.MouseButton.RightButton:
        click(tool, canvas, pixels[-1], Qt.MouseButton.RightButton)
    elif finish is not None:  # a double click on the last corner: press, release, double, release
        last = pixels[-1]
        tool.canvasPressEvent(mouse(canvas, QEvent.Type.MouseButtonPress, last))
        tool.canvasDoubleClickEvent(mouse(canvas, QEvent.Type.MouseButtonDblClick, last))
        tool.canvasReleaseEvent(mouse(canvas, QEvent.Type.MouseButtonRelease, last))


def band_on_canvas(dock) -> bool:
    tool = dock.draw_tool
    return tool.band is not None and tool.band.scene() is dock.canvas.scene()


def warnings(qgis_iface) -> list[str]:
    return qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)


def test_drawn_hexagon_lists_exactly_the_addresses_inside(plugin):
    dock = plugin.start_area_dock
    store = dock.store
    cx, cy = area_centre(store, APPINGEDAM)
    corners = hexagon(cx, cy, 1600.0)
    canvas = dock.canvas
    plugin.activate_identify_tool()
    pan = canvas.mapTool()  # whatever was active before drawing comes back
    assert pan is plugin.identify_tool
    emitted = draw(dock, corners)

    assert len(emitted) == 1 and emitted[0].startswith("Polygon")
    drawn = shapely.from_wkt(emitted[0])
    assert len(drawn.exterior.coords) == 7  # six corners, closed
    # clicks land on whole pixels: each corner within a pixel of where it was aimed (RD metres)
    for (x, y), (u, v) in zip(corners, drawn.exterior.coords):
        assert (
            abs(x - u) < 2 * canvas.mapUnitsPerPixel()
            and abs(y - v) < 2 * canvas.mapUnitsPerPixel()
        )
    everything = objects_xy(store)
    aimed = shapely.Polygon(hexagon(cx, cy, 1500.0))
    near = [i for i, (x, y) in everything.items() if aimed.contains(shapely.Point(x, y))]
    assert near and all(drawn.contains(shapely.Point(*everything[i])) for i in near)

    with store.engine.connect() as conn:
        addresses = conn.execute(text("SELECT object_id FROM addresses")).scalars().all()
    inside = {i for i, xy in everything.items() if drawn.intersects(shapely.Point(*xy))}
    expected_rows = [oid for oid in addresses if oid in inside]
    assert 0 < len(inside) < len(everything)
    assert dock.area_combo.currentText() == "Getekend gebied"
    assert dock.area_combo.currentData() == emitted[0]
    assert dock.table.rowCount() == len(expected_rows)
    shown = {
        int(dock.table.item(r, 0).data(Qt.ItemDataRole.UserRole)) for r in range(len(expected_rows))
    }
    assert shown == set(expected_rows)
    assert dock.visits.area_name == "Getekend startgebied"
    assert "adressen" in dock.summary.text()
    assert all(button.isEnabled() for button in dock.export_buttons.values())
    assert canvas.mapTool() is pan and not band_on_canvas(dock)

    # the situation filter and the map selection work for the drawn area as for a stored one
    code = dock.visits.rows[0].situation_codes[0]
    dock.situation_combo.setCurrentIndex(dock.situation_combo.findData(code))
    dock.load_current()
    assert dock.table.rowCount() == len(visit_list(store, emitted[0], situations=[code]).rows)
    dock.table.selectRow(0)
    assert {
        int(f["id"]) for f in dock.objects_layer.getSelectedFeatures()
    } == dock.selected_object_ids()


def test_drawing_again_replaces_the_drawn_entry_and_double_click_closes(plugin):
    dock = plugin.start_area_dock
    cx, cy = area_centre(dock.store, APPINGEDAM)
    first = draw(dock, hexagon(cx, cy, 1600.0))
    larger = len(dock.visits.rows)
    stored = dock.area_combo.count()
    second = draw(dock, hexagon(cx, cy, 600.0)[::2], finish="double")
    assert len(first) == len(second) == 1 and first != second
    assert dock.area_combo.count() == stored
    assert dock.area_combo.currentData() == second[0]
    assert len(shapely.from_wkt(second[0]).exterior.coords) == 4  # the double click adds nothing
    assert dock.draw_tool.corners == []  # the release after the double click starts no new area
    assert len(dock.visits.rows) < larger
    dock.area_combo.setCurrentIndex(0)  # a stored start area still loads by its id
    dock.load_current()
    assert dock.area == dock.area_combo.itemData(0) and isinstance(dock.area, int)


def test_fewer_than_three_corners_gives_a_message_and_no_list(plugin, qgis_iface):
    dock = plugin.start_area_dock
    cx, cy = area_centre(dock.store, APPINGEDAM)
    problems = []
    dock.draw_tool.problem.connect(problems.append)
    emitted = draw(dock, hexagon(cx, cy, 1600.0)[:2])
    assert emitted == [] and dock.visits is None and dock.table.rowCount() == 0
    assert dock.drawn_index() == -1
    assert len(problems) == 1 and "minstens 3 hoekpunten" in problems[0] and "2" in problems[0]
    assert any("minstens 3 hoekpunten" in m for m in warnings(qgis_iface))
    # still drawing: a third corner and a right click make it an area after all
    tool = dock.draw_tool
    assert dock.canvas.mapTool() is tool and band_on_canvas(dock)
    corner = hexagon(cx, cy, 1600.0)[2]
    where = pixel(dock.canvas, QgsCoordinateTransform(RD, RD, QgsProject.instance()), *corner)
    emitted_later = []
    tool.area_drawn.connect(emitted_later.append)
    click(tool, dock.canvas, where)
    click(tool, dock.canvas, where, Qt.MouseButton.RightButton)
    assert len(emitted_later) == 1 and dock.table.rowCount() == len(dock.visits.rows)


def test_backspace_takes_the_last_corner_back_and_esc_cancels(plugin):
    dock = plugin.start_area_dock
    cx, cy = area_centre(dock.store, APPINGEDAM)
    corners = hexagon(cx, cy, 1600.0)
    emitted = draw(dock, corners, finish=None)
    tool = dock.draw_tool
    assert emitted == [] and len(tool.corners) == 6 and band_on_canvas(dock)
    key(tool, Qt.Key.Key_Backspace)
    assert len(tool.corners) == 5
    assert tool.band.numberOfVertices() == 5
    cancelled = []
    tool.cancelled.connect(lambda: cancelled.append(True))
    key(tool, Qt.Key.Key_Escape)
    assert cancelled == [True] and emitted == []
    assert tool.corners == [] and not band_on_canvas(dock)
    assert dock.canvas.mapTool() is not tool
    assert dock.visits is None and dock.drawn_index() == -1


def test_a_self_intersecting_outline_is_refused_with_a_message(plugin):
    dock = plugin.start_area_dock
    cx, cy = area_centre(dock.store, APPINGEDAM)
    bow_tie = [
        (cx - 1000, cy - 1000),
        (cx + 1000, cy + 1000),
        (cx + 1000, cy - 1000),
        (cx - 1000, cy + 1000),
    ]
    problems = []
    dock.draw_tool.problem.connect(problems.append)
    emitted = draw(dock, bow_tie)
    assert emitted == [] and dock.visits is None
    assert len(problems) == 1 and "snijdt zichzelf" in problems[0]


def test_switching_tools_removes_the_rubber_band(plugin):
    dock = plugin.start_area_dock
    cx, cy = area_centre(dock.store, APPINGEDAM)
    draw(dock, hexagon(cx, cy, 1600.0)[:3], finish=None)
    assert band_on_canvas(dock)
    plugin.activate_identify_tool()
    assert dock.draw_tool.corners == [] and not band_on_canvas(dock)


def test_canvas_in_wgs84_still_gives_rd_new(plugin):
    dock = plugin.start_area_dock
    cx, cy = area_centre(dock.store, APPINGEDAM)
    corners = hexagon(cx, cy, 1600.0)
    emitted = draw(dock, corners, crs=WGS84)
    assert len(emitted) == 1
    drawn = shapely.from_wkt(emitted[0])
    # in RD metres, within two pixels of the aimed corners (in degrees they would be ~53, 6)
    canvas = dock.canvas
    to_rd = QgsCoordinateTransform(WGS84, RD, QgsProject.instance())
    seen = to_rd.transformBoundingBox(canvas.extent())
    size = canvas.mapSettings().outputSize()
    assert size.width() > 500
    tolerance = 2 * max(seen.width() / size.width(), seen.height() / size.height())
    assert tolerance < 40  # metres: a degree-valued WKT would be off by ~250 km
    for (x, y), (u, v) in zip(corners, drawn.exterior.coords):
        assert abs(x - u) < tolerance and abs(y - v) < tolerance
    assert dock.visits.rows and dock.table.rowCount() == len(dock.visits.rows)


def test_the_drawn_area_has_an_atlas_pdf(plugin, tmp_path):
    import re
    import subprocess

    from img_qgis_plugin.reports.atlas import page_count

    dock = plugin.start_area_dock
    cx, cy = area_centre(dock.store, APPINGEDAM)
    draw(dock, hexagon(cx, cy, 1600.0))
    path = dock.export("pdf", str(tmp_path / "getekend.pdf"))
    assert Path(path).exists()
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    assert int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1)) == page_count(
        len(dock.visits.rows)
    )
    words = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout
    assert "Deur-tot-deur: Getekend startgebied" in " ".join(words.split())


def test_the_atlas_holds_only_the_situation_the_list_shows(plugin, tmp_path):
    import re
    import subprocess

    from img_qgis_plugin.reports.atlas import page_count

    dock = plugin.start_area_dock
    cx, cy = area_centre(dock.store, APPINGEDAM)
    draw(dock, hexagon(cx, cy, 1600.0))
    everyone = len(dock.visits.rows)
    dock.load(dock.drawn_wkt, ["never_claimed"])
    kept = dock.visits.rows
    assert 0 < len(kept) < everyone
    assert page_count(len(kept)) < page_count(everyone)  # the filter shows in the PDF
    assert all("never_claimed" in row.situation_codes for row in kept)
    path = dock.export("pdf", str(tmp_path / "nooit_gemeld.pdf"))
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    assert int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1)) == page_count(len(kept))
    words = " ".join(
        subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout.split()
    )
    for row in kept[:5]:
        assert row.address in words


def test_plan_start_area_action_offers_the_drawn_area(plugin, tmp_path, monkeypatch):
    from img_qgis_plugin.reports import actions

    dock = plugin.start_area_dock
    cx, cy = area_centre(dock.store, APPINGEDAM)
    draw(dock, hexagon(cx, cy, 1600.0))
    offered = []

    def choose_last(parent, title, label, items, *args):
        offered.extend(items)
        return items[-1], True

    monkeypatch.setattr(actions.QInputDialog, "getItem", staticmethod(choose_last))
    chosen = str(tmp_path / "getekend")
    monkeypatch.setattr(
        actions.QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (chosen, ""))
    )
    assert plugin.plan_start_area() == chosen + ".pdf"
    assert len(offered) == 4 and offered[-1] == "Getekend gebied"
    assert Path(chosen + ".pdf").stat().st_size > 0


def test_unloading_while_drawing_leaves_no_tool_and_no_band(qgis_iface, demo_store):
    plugin = img_qgis_plugin.classFactory(qgis_iface)
    plugin.initGui()
    assert plugin.open_store(str(demo_store))
    plugin.show_start_area_list()
    dock = plugin.start_area_dock
    cx, cy = area_centre(dock.store, APPINGEDAM)
    draw(dock, hexagon(cx, cy, 1600.0)[:3], finish=None)
    canvas, tool = dock.canvas, dock.draw_tool
    scene_items = len(canvas.scene().items())
    plugin.unload()
    QgsProject.instance().clear()
    assert canvas.mapTool() is None
    assert len(canvas.scene().items()) == scene_items - 1  # the rubber band went
    assert tool.corners == []
