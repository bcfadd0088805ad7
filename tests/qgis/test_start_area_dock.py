"""The door-to-door list in QGIS: filters, selection in step with the map, exports; a dock
that fits QGIS's default dock width and opens tall enough to read the list."""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import QgsProject
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QPoint, Qt
from qgis.PyQt.QtWidgets import QApplication, QWidget

import img_qgis_plugin
from domain.demo import build_demo
from domain.planning import visit_list
from domain.store import open_store
from img_qgis_plugin.gui.object_panel import DEFAULT_DOCK_WIDTH, ObjectPanel
from img_qgis_plugin.gui.start_area_dock import VISIT_ROWS_SHOWN, StartAreaDock


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("visits") / "demo.gpkg"
    build_demo(str(path), objects=600, seed=3)
    return path


@pytest.fixture
def dock(qgis_iface, demo_store):
    plugin = img_qgis_plugin.classFactory(qgis_iface)
    plugin.initGui()
    assert plugin.open_store(str(demo_store))
    plugin.show_start_area_list()
    yield plugin.start_area_dock
    plugin.unload()
    QgsProject.instance().clear()


def test_list_matches_the_domain_and_filters_by_situation(dock):
    assert not dock.isHidden() and dock.area_combo.count() == 3
    area_id = dock.area_combo.itemData(0)
    dock.load(area_id)
    expected = visit_list(dock.store, area_id)
    assert dock.table.rowCount() == len(expected.rows) > 0
    assert dock.table.item(0, 0).text() == "1"
    assert "km" in dock.summary.text()
    counts = {}
    for row in expected.rows:
        for code in row.situation_codes:
            counts[code] = counts.get(code, 0) + 1
    code = next(c for c, n in sorted(counts.items()) if n < len(expected.rows))
    dock.load(area_id, [code])
    filtered = dock.visits.rows
    assert dock.table.rowCount() == len(filtered) == counts[code]
    assert all(code in row.situation_codes for row in filtered)


def test_selecting_a_start_area_on_the_map_picks_it_and_lists_it(dock):
    areas = dock.start_areas_layer
    assert areas is not None
    last = dock.area_combo.itemData(dock.area_combo.count() - 1)
    areas.selectByExpression(f'"id" = {int(last)}')
    assert dock.area_combo.currentData() == last
    assert [r.object_id for r in dock.visits.rows] == [
        r.object_id for r in visit_list(dock.store, last).rows
    ]
    # two areas at once is no choice: the list stays as it was
    first = dock.area_combo.itemData(0)
    areas.selectByExpression(f'"id" IN ({int(first)}, {int(last)})')
    assert dock.area_combo.currentData() == last


def test_selection_follows_from_list_to_map_and_back(dock):
    dock.load(dock.area_combo.itemData(0))
    dock.table.selectRow(2)
    chosen = dock.selected_object_ids()
    layer = dock.objects_layer
    assert {int(f["id"]) for f in layer.getSelectedFeatures()} == chosen
    other = int(dock.table.item(5, 0).data(0x0100))
    layer.selectByExpression(f'"id" = {other}')
    assert dock.selected_object_ids() == {other}


def test_exports_write_csv_xlsx_and_route(dock, tmp_path):
    dock.load(dock.area_combo.itemData(1))
    csv = dock.export("csv", str(tmp_path / "lijst.csv"))
    assert Path(csv).read_bytes()[:3] == b"\xef\xbb\xbf"
    assert (tmp_path / "lijst.csv").read_text(encoding="utf-8-sig").count(
        "\n"
    ) > dock.table.rowCount()
    from osgeo import ogr

    sheet = dock.export("xlsx", str(tmp_path / "lijst.xlsx"))
    assert sheet.endswith(".xlsx")
    assert ogr.Open(sheet).GetLayer(0).GetFeatureCount() == dock.table.rowCount()
    route = dock.export("gpkg", str(tmp_path / "route.gpkg"))
    assert sorted(layer.GetName() for layer in ogr.Open(route)) == ["bezoekadressen", "looproute"]


# --- at QGIS's default dock width, below the object panel ------------------------------------
@pytest.fixture
def window(qgis_app, qtbot):
    """A main window as QGIS lays out the right side: a panel already there, the object
    panel below it, then the start-area dock (hidden until the menu opens it)."""
    from qgis.PyQt.QtWidgets import QLabel, QMainWindow, QTreeView

    main = QMainWindow()
    qtbot.addWidget(main)
    main.setCentralWidget(QLabel("kaart"))
    main.resize(1280, 1100)
    toolbox = QgsDockWidget("Processing", main)
    toolbox.setWidget(QTreeView())
    main.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, toolbox)
    panel = ObjectPanel(main)
    main.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
    main.show()
    QApplication.processEvents()
    main.resizeDocks([panel], [DEFAULT_DOCK_WIDTH], Qt.Orientation.Horizontal)
    QApplication.processEvents()
    return main


def _open_dock(window, store=None) -> StartAreaDock:
    dock = StartAreaDock(window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.hide()
    QApplication.processEvents()
    if store is not None:
        dock.set_store(store, None)
    dock.show()  # what "Startgebied: bezoeklijst" does
    for _ in range(3):
        QApplication.processEvents()
    return dock


def _past_right_edge(dock) -> list[str]:
    out = []
    for widget in dock.findChildren(QWidget):
        if widget.isVisibleTo(dock) and not widget.isWindow():
            right = widget.mapTo(dock, QPoint(0, 0)).x() + widget.width()
            if right > dock.width():
                out.append(f"{type(widget).__name__} {widget.objectName()} ends at {right}")
    return out


def test_the_dock_opens_tall_enough_for_eight_rows(window, demo_store):
    store = open_store(str(demo_store))
    try:
        dock = _open_dock(window, store)
        table = dock.table
        assert dock.width() <= DEFAULT_DOCK_WIDTH + 1
        assert (
            table.viewport().height()
            >= VISIT_ROWS_SHOWN * table.verticalHeader().defaultSectionSize()
        )
        assert dock.height() > 3 * 110  # the reported ~110 px
    finally:
        dock.set_store(None, None)
        store.close()


def test_the_dock_fits_the_default_width_with_whole_area_names(window, demo_store):
    store = open_store(str(demo_store))
    try:
        dock = _open_dock(window, store)
        assert dock.minimumSizeHint().width() <= DEFAULT_DOCK_WIDTH
        assert dock.width() <= DEFAULT_DOCK_WIDTH + 1
        assert _past_right_edge(dock) == []
        combo = dock.area_combo
        names = [combo.itemText(i) for i in range(combo.count())]
        assert len(names) == 3 and all(name.startswith("Startgebied ") for name in names)
        metrics = combo.fontMetrics()
        for index, name in enumerate(names):
            combo.setCurrentIndex(index)
            assert combo.toolTip() == name  # the full name, whatever fits in the box
            shown = combo.shown_text()
            # whole where it fits, else cut with an ellipsis (never silently clipped)
            assert shown == name or (shown.endswith("…") and name.startswith(shown[:-1]))
        longest = max(names, key=metrics.horizontalAdvance)
        combo.showPopup()
        QApplication.processEvents()
        assert combo.view().width() >= metrics.horizontalAdvance(longest)
        combo.hidePopup()
        # the list: no column pushed off the dock, the reason column fills the rest
        dock.load(combo.itemData(0))
        QApplication.processEvents()
        table = dock.table
        assert table.rowCount() > 10
        assert table.horizontalScrollBar().maximum() == 0
        widths = [table.columnWidth(c) for c in range(table.columnCount())]
        assert sum(widths) <= table.viewport().width() + 1
        assert widths[0] >= table.fontMetrics().horizontalAdvance(str(table.rowCount()))
        assert widths[3] > 0
        # every cell's whole text is at hand as its tooltip
        assert all(
            table.item(0, c).toolTip() == table.item(0, c).text()
            for c in range(table.columnCount())
        )
        assert _past_right_edge(dock) == []
        # given room, the columns widen to their contents (addresses whole), still no scrollbar
        narrow = widths
        window.resizeDocks([dock], [1000], Qt.Orientation.Horizontal)
        QApplication.processEvents()
        assert table.columnWidth(1) == table.content_widths[1] > narrow[1]
        assert table.columnWidth(2) > narrow[2]
        assert table.horizontalScrollBar().maximum() == 0
    finally:
        dock.set_store(None, None)
        store.close()


def test_the_list_sorts_by_any_column_and_the_order_as_a_number(dock):
    dock.load(dock.area_combo.itemData(0))
    table = dock.table
    assert table.isSortingEnabled() and table.rowCount() > 10
    orders = lambda: [int(table.item(r, 0).text()) for r in range(table.rowCount())]  # noqa: E731
    assert orders() == list(range(1, table.rowCount() + 1))  # the walking order first
    table.sortItems(1, Qt.SortOrder.AscendingOrder)
    addresses = [table.item(r, 1).text() for r in range(table.rowCount())]
    assert addresses == sorted(addresses)  # by the text, code point by code point
    assert orders() != list(range(1, table.rowCount() + 1))
    table.sortItems(0, Qt.SortOrder.DescendingOrder)
    assert orders() == list(range(table.rowCount(), 0, -1))  # 10 after 9, not after 1
    # selection still follows the object, not the row number
    table.selectRow(0)
    assert dock.selected_object_ids() == {int(table.item(0, 0).data(Qt.ItemDataRole.UserRole))}
    assert {int(f["id"]) for f in dock.objects_layer.getSelectedFeatures()} == (
        dock.selected_object_ids()
    )
    # the next list keeps the reader's chosen order
    dock.load(dock.area_combo.itemData(1))
    assert orders() == list(range(table.rowCount(), 0, -1))
