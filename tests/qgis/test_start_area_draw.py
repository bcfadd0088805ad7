"""Drawing a start area on a real canvas: real map mouse events in, RD New WKT and a list out;
the drawn area kept in the store as a start area (origin 'drawn') under the name the user gives,
or used for this session only where it cannot be kept."""

from __future__ import annotations

import math
import re
import shutil
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
def built_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("draw") / "demo.gpkg"
    build_demo(str(path), objects=600, seed=3)
    return path


@pytest.fixture
def demo_store(built_store, tmp_path):
    """A copy per test: drawn areas are written to the store."""
    return Path(shutil.copy(built_store, tmp_path / "demo.gpkg"))


class NameDialog:
    """Stands in for the name question (QInputDialog.getText): records the default it was
    offered and answers like the user would (OK with ``answer``, or Annuleren)."""

    def __init__(self) -> None:
        self.offered: list[str] = []
        self.answer: str | None = None  # None: accept the default
        self.cancel = False

    def __call__(self, parent, title, label, echo, default, *args):
        self.offered.append(default)
        if self.cancel:
            return "", False
        return (default if self.answer is None else self.answer), True


@pytest.fixture
def name_dialog(monkeypatch):
    from img_qgis_plugin.gui import start_area_dock

    dialog = NameDialog()
    monkeypatch.setattr(start_area_dock.QInputDialog, "getText", staticmethod(dialog))
    return dialog


@pytest.fixture
def plugin(qgis_iface, demo_store, name_dialog):
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


def stored_start_areas(store) -> list[tuple[int, str, str]]:
    with store.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT id, name, origin FROM areas WHERE kind = 'start_area' ORDER BY id")
        ).all()
    return [(int(i), str(n), str(o)) for i, n, o in rows]


def layer_names(layer) -> dict[int, str]:
    """What the start-area map layer holds now: id → name."""
    return {int(f["id"]): f["name"] for f in layer.getFeatures()}


def test_drawn_hexagon_lists_exactly_the_addresses_inside(plugin, name_dialog):
    dock = plugin.start_area_dock
    store = dock.store
    before = stored_start_areas(store)
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
    # kept in the store as a start area under the offered name ("Getekend gebied" + time)
    [name] = name_dialog.offered
    assert re.fullmatch(r"Getekend gebied \d{4}-\d\d-\d\d \d\d:\d\d", name)
    after = stored_start_areas(store)
    [(area_id, stored_name, origin)] = [a for a in after if a not in before]
    assert (stored_name, origin) == (name, "drawn")
    assert dock.area_combo.currentText() == name
    assert dock.area_combo.currentData() == area_id and dock.area == area_id
    assert dock.drawn_wkt == "" and dock.drawn_index() == -1  # nothing left only in memory
    assert layer_names(dock.start_areas_layer)[area_id] == name  # on the map as well
    assert dock.table.rowCount() == len(expected_rows)
    shown = {
        int(dock.table.item(r, 0).data(Qt.ItemDataRole.UserRole)) for r in range(len(expected_rows))
    }
    assert shown == set(expected_rows)
    assert dock.visits.area_name == name
    assert "adressen" in dock.summary.text()
    assert all(button.isEnabled() for button in dock.export_buttons.values())
    assert canvas.mapTool() is pan and not band_on_canvas(dock)

    # the situation filter and the map selection work for the drawn area as for a stored one
    code = dock.visits.rows[0].situation_codes[0]
    dock.situation_combo.setCurrentIndex(dock.situation_combo.findData(code))
    dock.load_current()
    assert dock.table.rowCount() == len(visit_list(store, area_id, situations=[code]).rows)
    assert dock.table.rowCount() == len(visit_list(store, emitted[0], situations=[code]).rows)
    dock.table.selectRow(0)
    assert {
        int(f["id"]) for f in dock.objects_layer.getSelectedFeatures()
    } == dock.selected_object_ids()


def test_drawing_again_keeps_both_and_double_click_closes(plugin, name_dialog):
    dock = plugin.start_area_dock
    cx, cy = area_centre(dock.store, APPINGEDAM)
    name_dialog.answer = "Ronde noord"
    first = draw(dock, hexagon(cx, cy, 1600.0))
    larger = len(dock.visits.rows)
    stored = dock.area_combo.count()
    name_dialog.answer = "Ronde zuid"
    second = draw(dock, hexagon(cx, cy, 600.0)[::2], finish="double")
    assert len(first) == len(second) == 1 and first != second
    assert dock.area_combo.count() == stored + 1
    assert dock.area_combo.currentText() == "Ronde zuid"
    names = [dock.area_combo.itemText(i) for i in range(dock.area_combo.count())]
    assert "Ronde noord" in names  # the first one stays, by name among the stored ones
    assert names.index("Ronde noord") < names.index("Ronde zuid")  # by name, as stored ones
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


def test_the_drawn_area_has_an_atlas_pdf(plugin, tmp_path, name_dialog):
    import subprocess

    from img_qgis_plugin.reports.atlas import page_count

    dock = plugin.start_area_dock
    cx, cy = area_centre(dock.store, APPINGEDAM)
    name_dialog.answer = "Ronde Tjamsweer"
    draw(dock, hexagon(cx, cy, 1600.0))
    path = dock.export("pdf", str(tmp_path / "getekend.pdf"))
    assert Path(path).exists()
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    assert int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1)) == page_count(
        len(dock.visits.rows)
    )
    words = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout
    assert "Deur-tot-deur: Ronde Tjamsweer" in " ".join(words.split())


def test_the_atlas_holds_only_the_situation_the_list_shows(plugin, tmp_path):
    import subprocess

    from img_qgis_plugin.reports.atlas import page_count

    dock = plugin.start_area_dock
    cx, cy = area_centre(dock.store, APPINGEDAM)
    draw(dock, hexagon(cx, cy, 1600.0))
    everyone = len(dock.visits.rows)
    dock.load(dock.area, ["never_claimed"])
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


def test_plan_start_area_action_offers_the_drawn_area(plugin, tmp_path, monkeypatch, name_dialog):
    from img_qgis_plugin.reports import actions

    dock = plugin.start_area_dock
    cx, cy = area_centre(dock.store, APPINGEDAM)
    name_dialog.answer = "Zz ronde"  # sorts last among the stored start areas
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
    # a kept area is a stored start area like the others (no separate "Getekend gebied")
    assert len(offered) == 4 and offered[-1] == f"Zz ronde ({dock.area})"
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


def _session_only(dock, store, before, emitted) -> None:
    """The drawn area is listed under "Getekend gebied (niet bewaard)"; nothing was stored."""
    assert stored_start_areas(store) == before
    assert dock.area_combo.currentText() == "Getekend gebied (niet bewaard)"
    assert dock.area_combo.currentData() == emitted[0] == dock.drawn_wkt
    assert "deze sessie" in dock.area_combo.toolTip()
    assert dock.visits.rows and dock.table.rowCount() == len(dock.visits.rows)
    assert dock.visits.area_name == "Getekend startgebied"


def test_cancelling_the_name_uses_the_area_for_this_session_only(plugin, name_dialog, qgis_iface):
    dock = plugin.start_area_dock
    store = dock.store
    before = stored_start_areas(store)
    name_dialog.cancel = True
    cx, cy = area_centre(store, APPINGEDAM)
    emitted = draw(dock, hexagon(cx, cy, 1600.0))
    assert len(name_dialog.offered) == 1
    _session_only(dock, store, before, emitted)
    assert any(
        "U gaf geen naam op" in m and "alleen in deze sessie" in m for m in warnings(qgis_iface)
    )
    assert len(layer_names(dock.start_areas_layer)) == len(before)


def test_a_read_only_store_says_so_and_keeps_the_area_for_the_session(
    plugin, name_dialog, qgis_iface
):
    from sqlalchemy import event

    dock = plugin.start_area_dock
    store = dock.store
    before = stored_start_areas(store)

    def read_only(dbapi_connection, _record):
        dbapi_connection.execute("PRAGMA query_only = ON")  # SQLite refuses every write

    event.listen(store.engine, "connect", read_only)
    store.engine.dispose()
    try:
        cx, cy = area_centre(store, APPINGEDAM)
        emitted = draw(dock, hexagon(cx, cy, 1600.0))
        assert len(name_dialog.offered) == 1  # a GeoPackage may be written: the name is asked
        told = [m for m in warnings(qgis_iface) if "alleen in deze sessie" in m]
        assert len(told) == 1 and "mag niet worden gewijzigd" in told[0]
        assert "Traceback" not in told[0]
    finally:
        event.remove(store.engine, "connect", read_only)
        store.engine.dispose()
    _session_only(dock, store, before, emitted)


def test_a_role_that_may_not_write_areas_is_told_before_naming(
    plugin, name_dialog, qgis_iface, monkeypatch
):
    from img_qgis_plugin.gui import start_area_dock

    dock = plugin.start_area_dock
    store = dock.store
    before = stored_start_areas(store)
    # a PostGIS gemeente or planner login (tests/unit/store/test_drawn_start_area.py checks
    # the real grants): stood in for here, the GeoPackage itself may always be written
    monkeypatch.setattr(start_area_dock, "may_write_areas", lambda conn: False)
    cx, cy = area_centre(store, APPINGEDAM)
    emitted = draw(dock, hexagon(cx, cy, 1600.0))
    assert name_dialog.offered == []  # no name asked for an area that cannot be kept
    assert any("geen gebieden bewaren" in m for m in warnings(qgis_iface))
    _session_only(dock, store, before, emitted)


def test_a_name_the_store_cannot_hold_is_refused_with_the_reason(plugin, name_dialog, qgis_iface):
    dock = plugin.start_area_dock
    store = dock.store
    before = stored_start_areas(store)
    name_dialog.answer = "x" * 130
    cx, cy = area_centre(store, APPINGEDAM)
    emitted = draw(dock, hexagon(cx, cy, 1600.0))
    told = [m for m in warnings(qgis_iface) if "alleen in deze sessie" in m]
    assert len(told) == 1 and "130 tekens; ten hoogste 120" in told[0]
    _session_only(dock, store, before, emitted)


def test_the_kept_area_survives_closing_and_reopening_the_store(plugin, demo_store, name_dialog):
    dock = plugin.start_area_dock
    name_dialog.answer = "Ronde Appingedam"
    cx, cy = area_centre(dock.store, APPINGEDAM)
    draw(dock, hexagon(cx, cy, 1600.0))
    area_id = dock.area
    rows = len(dock.visits.rows)
    plugin.controller.close_store()
    assert dock.area_combo.count() == 0
    assert plugin.open_store(str(demo_store))
    plugin.show_start_area_list()
    assert layer_names(dock.start_areas_layer)[area_id] == "Ronde Appingedam"
    index = dock.area_combo.findData(area_id)
    assert dock.area_combo.itemText(index) == "Ronde Appingedam"
    dock.area_combo.setCurrentIndex(index)
    dock.load_current()
    assert len(dock.visits.rows) == rows


def test_importing_start_areas_again_keeps_the_drawn_one(plugin, name_dialog, tmp_path):
    from domain.importers.areas import import_areas
    from tests.unit.store.fixtures import write_geojson

    dock = plugin.start_area_dock
    store = dock.store
    name_dialog.answer = "Eigen ronde"
    cx, cy = area_centre(store, APPINGEDAM)
    draw(dock, hexagon(cx, cy, 1600.0))
    drawn = dock.area
    new_areas = write_geojson(
        tmp_path / "startgebieden.geojson",
        [(shapely.box(cx - 500, cy - 500, cx + 500, cy + 500), {"name": "Wijk Opwierde"})],
        crs="EPSG:28992",
    )
    import_areas(store, new_areas, kind="start_area")
    assert sorted((n, o) for _i, n, o in stored_start_areas(store)) == [
        ("Eigen ronde", "drawn"),
        ("Wijk Opwierde", "imported"),
    ]
    plugin.show_start_area_list()  # the dock reads the store again
    names = {dock.area_combo.itemText(i): dock.area_combo.itemData(i) for i in range(2)}
    assert dock.area_combo.count() == 2 and names["Eigen ronde"] == drawn
    layer = dock.start_areas_layer
    layer.dataProvider().reloadData()
    assert sorted(layer_names(layer).values()) == ["Eigen ronde", "Wijk Opwierde"]
