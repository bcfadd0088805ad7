# Runs inside the real QGIS desktop: open the demo store and write the screens a reviewer looks
# at (map, object panel, dossier pages, start-area atlas pages, regional overview, a scenario
# quake) to IMG_SCREENS_DIR; check in QGIS what can be checked and report it.
import os
import re
import tempfile
import time
from pathlib import Path

import qgis.utils
from qgis.core import (
    QgsApplication,
    QgsLayoutExporter,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsRenderContext,
)
from qgis.gui import QgsMapMouseEvent
from qgis.PyQt.QtCore import QEvent, QPoint, Qt, QThread, QTimer
from qgis.PyQt.QtGui import QColor, QImage
from qgis.PyQt.QtWidgets import QApplication, QLabel, QWidget
from qgis_session import run_steps  # put in place by the launcher

plugin = qgis.utils.plugins.get("img_qgis_plugin")
iface = qgis.utils.iface
SCREENS = Path(os.environ["IMG_SCREENS_DIR"])
OBJECT_ID = int(os.environ["IMG_OBJECT"])
AREA_NAME = os.environ.get("IMG_START_AREA", "Loppersum")
EPICENTRE = tuple(float(v) for v in os.environ["IMG_SCENARIO_XY"].split(","))
SCENARIO_ML = float(os.environ.get("IMG_SCENARIO_ML", "3.2"))
#: pixels per inch of the exported report pages (A4 at 100 dpi: 827 x 1169 px)
EXPORT_DPI = 100
#: how close (RGB distance) a pixel must be to the highlight colour to count as highlight
COLOUR_TOLERANCE = 60
#: a channel standard deviation below this is "one colour"
FLAT_STDDEV = 2.0
LOG = []
QgsApplication.messageLog().messageReceived.connect(
    lambda message, tag, level: LOG.append([str(tag), int(level), str(message)])
)


# --- helpers ------------------------------------------------------------------------------
def wait_for(done, seconds=60.0):
    end = time.time() + seconds
    while not done() and time.time() < end:
        QApplication.processEvents()
        QThread.msleep(25)
    return done()


def render_canvas():
    """Redraw the canvas and wait until the new image is on screen (not the stretched preview)."""
    canvas = iface.mapCanvas()
    canvas.refresh()  # not refreshAllLayers: reloading the layers drops the selection
    wait_for(canvas.isDrawing, 3.0)
    canvas.waitWhileRendering()
    for _ in range(5):
        QApplication.processEvents()
        QThread.msleep(20)


def grab(widget, name: str) -> str:
    QApplication.processEvents()
    path = SCREENS / name
    if not widget.grab().save(str(path)):
        raise RuntimeError(f"{path} could not be written")
    return str(path)


def image_facts(path: str) -> dict:
    """Size, bytes and whether the picture holds more than one colour (QImage pixel spread)."""
    import numpy as np

    image = QImage(path)
    if image.isNull():
        return {"path": path, "readable": False}
    pixels = rgb_array(image)
    spread = float(pixels.reshape(-1, 3).astype(float).std(axis=0).max())
    return {
        "path": path,
        "readable": True,
        "bytes": os.path.getsize(path),
        "width": image.width(),
        "height": image.height(),
        "stddev": round(spread, 2),
        "single_colour": spread < FLAT_STDDEV,
        "colours_sampled": int(len(np.unique(pixels[::7, ::7].reshape(-1, 3), axis=0))),
    }


def rgb_array(image: QImage):
    """The image as a (height, width, 3) uint8 array."""
    import numpy as np

    image = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height, line = image.width(), image.height(), image.bytesPerLine()
    bits = image.constBits()
    bits.setsize(image.sizeInBytes())
    rows = np.frombuffer(bits, dtype=np.uint8).reshape(height, line)
    return rows[:, : width * 3].reshape(height, width, 3).copy()


def colour_pixels(image_path: str, rect_px, colour: str) -> int:
    """How many pixels inside ``rect_px`` (x, y, w, h) lie close to ``colour``."""
    import numpy as np

    pixels = rgb_array(QImage(image_path)).astype(int)
    x, y, w, h = (int(round(v)) for v in rect_px)
    window = pixels[max(0, y) : y + h, max(0, x) : x + w]
    wanted = QColor(colour)
    target = np.array([wanted.red(), wanted.green(), wanted.blue()])
    distance = np.sqrt(((window - target) ** 2).sum(axis=2))
    return int((distance < COLOUR_TOLERANCE).sum())


def items(layout, kind):
    return [item for item in layout.items() if isinstance(item, kind)]


def legend_entries(legend) -> int:
    """Legend entries: the symbol rows under each layer (a single-symbol layer counts one)."""
    model = legend.model()
    return sum(max(1, len(model.layerLegendNodes(n))) for n in model.rootGroup().findLayers())


def export_pages(layout, stem: str) -> list[str]:
    """The layout's pages as ``<stem>_p1.png``, ``<stem>_p2.png``, … (QGIS's exportToImage)."""
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = EXPORT_DPI
    with tempfile.TemporaryDirectory() as tmp:
        exporter = QgsLayoutExporter(layout)
        outcome = exporter.exportToImage(str(Path(tmp) / f"{stem}.png"), settings)
        if outcome != QgsLayoutExporter.ExportResult.Success:
            raise RuntimeError(f"{stem}: exportToImage gave {outcome}: {exporter.errorMessage()}")
        return move_pages(Path(tmp), stem)


def move_pages(folder: Path, stem: str) -> list[str]:
    """QGIS names pages ``stem.png``, ``stem_2.png``…; the screens are ``stem_p<n>.png``."""

    def number(path: Path) -> int:
        found = re.fullmatch(rf"{re.escape(stem)}(?:_(\d+))?\.png", path.name)
        return int(found.group(1) or 1) if found else 0

    pages = sorted((p for p in folder.glob("*.png") if number(p)), key=number)
    moved = []
    for page in pages:
        target = SCREENS / f"{stem}_p{number(page)}.png"
        os.replace(page, target)
        moved.append(str(target))
    return moved


def clipped(panel) -> list[str]:
    """Visible widgets of the panel that end past its right edge, and labels whose text does not
    fit (a wrapped one lower than its lines, an unwrapped one narrower than its text)."""
    out = []
    for widget in panel.findChildren(QWidget):
        if not widget.isVisibleTo(panel) or widget.isWindow():
            continue
        name = f"{type(widget).__name__} {widget.objectName()!r}"
        right = widget.mapTo(panel, QPoint(0, 0)).x() + widget.width()
        if right > panel.width():
            out.append(f"{name} ends at {right} > {panel.width()}")
        if isinstance(widget, QLabel) and widget.text():
            text = widget.text()[:40]
            if widget.wordWrap():
                if widget.height() < widget.heightForWidth(widget.width()):
                    out.append(f"{name} {text!r}: {widget.height()} px for its lines")
            elif widget.width() < widget.minimumSizeHint().width():
                out.append(f"{name} {text!r}: {widget.width()} px, text needs more")
    return out


def elided_tabs(tabs) -> list[str]:
    """Tabs whose text is elided or that lie (partly) outside their bar."""
    bar = tabs.tabBar()
    out = []
    if bar.elideMode() != Qt.TextElideMode.ElideNone:
        out.append(f"elide mode {bar.elideMode()}")
    for index in range(tabs.count()):
        rect, text = bar.tabRect(index), tabs.tabText(index)
        long_side = max(rect.width(), rect.height())
        if not bar.rect().contains(rect) or long_side <= bar.fontMetrics().horizontalAdvance(text):
            out.append(f"{text!r} {rect} in bar {bar.rect()}")
    return out


def symbol_colours(layer) -> set[str]:
    """The colour each class is drawn in: a marker's fill, an unfilled ring's outline."""
    colours = set()
    for symbol in layer.renderer().symbols(QgsRenderContext()):
        for symbol_layer in symbol.symbolLayers():
            unfilled = getattr(symbol_layer, "brushStyle", lambda: None)() == Qt.BrushStyle.NoBrush
            colour = symbol_layer.strokeColor() if unfilled else symbol_layer.color()
            colours.add(colour.name())
    return colours


def store_group():
    from img_qgis_plugin.store_layers import GROUP_NAME

    return QgsProject.instance().layerTreeRoot().findGroup(GROUP_NAME)


# --- the steps ----------------------------------------------------------------------------
def open_store(result):
    if plugin is None or type(plugin).__name__ != "ImgPlugin":
        result.update(ok=False, error="plugin img_qgis_plugin is niet (echt) geladen")
        return
    result["ok"] = plugin.open_store(os.environ["IMG_STORE"])
    if not result["ok"]:
        result["error"] = "store did not open"
        return
    objects = plugin.controller.layers["objects"]
    canvas = iface.mapCanvas()
    extent = QgsRectangle(objects.extent())
    extent.scale(1.05)
    canvas.setExtent(extent)
    render_canvas()
    result["layer_names"] = [n.layer().name() for n in store_group().findLayers()]
    result["map"] = {"image": image_facts(grab(iface.mainWindow(), "map.png"))}


def show_panel(result):
    from img_qgis_plugin.gui.object_panel import DEFAULT_DOCK_WIDTH

    view = plugin.show_object(OBJECT_ID, zoom=True)
    panel = plugin.panel
    main = iface.mainWindow()
    opened_width = panel.width()
    main.resizeDocks([panel], [DEFAULT_DOCK_WIDTH], Qt.Orientation.Horizontal)
    render_canvas()
    tabs = panel.tabs
    per_tab = {}
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        QApplication.processEvents()
        per_tab[tabs.tabText(index)] = {
            "clipped": clipped(panel),
            "image": image_facts(grab(panel, f"panel_tab{index + 1}.png")),
        }
    tabs.setCurrentIndex(0)
    claim_table = panel.claim_table
    headers = [claim_table.horizontalHeaderItem(c).text() for c in range(claim_table.columnCount())]
    # which map labels QGIS placed over the object the panel shows (reported, for the review)
    where = QgsPointXY(view["object"]["x"], view["object"]["y"]) if view else None
    labelling = iface.mapCanvas().labelingResults()
    over_object = (
        sorted({label.labelText for label in labelling.labelsAtPosition(where)})
        if labelling is not None and where is not None
        else []
    )
    result["panel"] = {
        "labels_over_object": over_object,
        "canvas_scale": round(iface.mapCanvas().scale()),
        "object_id": panel.header["id"].text(),
        "visible": panel.isVisible(),
        "docked": not panel.isFloating(),
        "right_dock_area": main.dockWidgetArea(panel) == Qt.DockWidgetArea.RightDockWidgetArea,
        "opened_width": opened_width,
        "width": panel.width(),
        "default_width": DEFAULT_DOCK_WIDTH,
        "tab_texts": [tabs.tabText(i) for i in range(tabs.count())],
        "tab_position": str(tabs.tabPosition()),
        "elided_tabs": elided_tabs(tabs),
        "title": panel.title_label.text(),
        "title_fits": panel.title_label.height()
        >= panel.title_label.heightForWidth(panel.title_label.width()),
        "tabs": per_tab,
        "claim_headers": headers,
        "claim_rows": claim_table.rowCount(),
        "view_claims": len(view["claims"]) if view else 0,
        "view_handoffs": len(view["handoffs"]) if view else 0,
        "image": image_facts(grab(main, "panel.png")),
    }


def dossier(result):
    from img_qgis_plugin.reports.dossier import HIGHLIGHT_COLOR, MAP_ID, dossier_layout
    from img_qgis_plugin.reports.layout_kit import highlighted_object_in_map, layout_problems

    as_of = plugin.controller.as_of_date()
    with dossier_layout(plugin, OBJECT_ID, as_of) as layout:
        maps = {m.id(): m for m in items(layout, QgsLayoutItemMap)}
        map_item = maps[MAP_ID]
        legends = items(layout, QgsLayoutItemLegend)
        bars = items(layout, QgsLayoutItemScaleBar)
        arrows = [p for p in items(layout, QgsLayoutItemPicture) if p.linkedMap() is not None]
        page_mm = layout.pageCollection().page(0).pageSize()
        position = map_item.pagePos()  # layout units (mm) on its own page
        size = map_item.rect()
        facts = {
            "problems": [str(p) for p in layout_problems(layout)],
            "highlighted": highlighted_object_in_map(layout),
            "legends": [
                {
                    "title": lg.title(),
                    "entries": legend_entries(lg),
                    "map": lg.linkedMap() is map_item,
                }
                for lg in legends
            ],
            "scale_bars": [b.linkedMap() is map_item for b in bars],
            "north_arrows": [
                [a.linkedMap() is map_item, a.picturePath().rsplit("/", 1)[-1]] for a in arrows
            ],
            "map_page": map_item.page(),
            "pages": layout.pageCollection().pageCount(),
        }
        pages = export_pages(layout, "dossier")
    scale = EXPORT_DPI / 25.4
    first = QImage(pages[0])
    rect_px = [
        position.x() * scale,
        position.y() * scale,
        size.width() * scale,
        size.height() * scale,
    ]
    facts.update(
        images=[image_facts(p) for p in pages],
        page_px_expected=[round(page_mm.width() * scale), round(page_mm.height() * scale)],
        page_px=[first.width(), first.height()],
        map_rect_px=[round(v) for v in rect_px],
        highlight_colour=HIGHLIGHT_COLOR,
        highlight_pixels_in_map=colour_pixels(pages[0], rect_px, HIGHLIGHT_COLOR),
        highlight_pixels_outside_map=colour_pixels(
            pages[0],
            [0, rect_px[1] + rect_px[3] + 40, first.width(), first.height()],
            HIGHLIGHT_COLOR,
        ),
    )
    result["dossier"] = facts


def atlas(result):
    from img_qgis_plugin.reports.actions import start_areas
    from img_qgis_plugin.reports.atlas import atlas_problems, startarea_atlas_layout
    from img_qgis_plugin.reports.layout_kit import _excluded

    store = plugin.controller.store
    areas = start_areas(store)
    area_id, area_name = next(
        ((i, n) for i, n in areas if AREA_NAME.lower() in n.lower()), areas[0]
    )
    as_of = plugin.controller.as_of_date()
    with startarea_atlas_layout(plugin, area_id, as_of=as_of) as layout:
        problems = [str(p) for p in atlas_problems(layout)]
        maps = items(layout, QgsLayoutItemMap)
        bars = items(layout, QgsLayoutItemScaleBar)
        pages = []
        atlas_ = layout.atlas()
        atlas_.beginRender()
        try:
            for index in range(atlas_.count()):
                atlas_.seekTo(index)
                shown = [m.id() for m in maps if not _excluded(m)]
                barred = [b.linkedMap().id() for b in bars if not _excluded(b) and b.linkedMap()]
                pages.append({"maps": shown, "scale_bars_of": barred})
        finally:
            atlas_.endRender()
        images = export_atlas(atlas_)
    result["atlas"] = {
        "area": [area_id, area_name],
        "count": len(pages),
        "problems": problems,
        "pages": pages,
        "images": [image_facts(p) for p in images],
    }


def export_atlas(atlas_) -> list[str]:
    """Every atlas page as ``atlas_p<n>.png`` (n = the atlas feature: 1 is the overview page)."""
    for old in SCREENS.glob("atlas_p*.png"):
        old.unlink()
    ok, error = atlas_.setFilenameExpression("'atlas_p' || to_string(@atlas_featurenumber)")
    if not ok:
        raise RuntimeError(f"atlas file names: {error}")
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = EXPORT_DPI
    outcome, error = QgsLayoutExporter.exportToImage(
        atlas_, str(SCREENS / "atlas"), "png", settings
    )
    if outcome != QgsLayoutExporter.ExportResult.Success:
        raise RuntimeError(f"atlas: exportToImage gave {outcome}: {error}")

    def number(path: Path) -> list[int]:
        return [int(n) for n in re.findall(r"\d+", path.stem)]

    return [str(p) for p in sorted(SCREENS.glob("atlas_p*.png"), key=number)]


def overview(result):
    plugin.panel.hide()
    plugin.actions["overview"].trigger()
    result["overview"] = counted_overview("overview.png")


def overview_boundaries(result):
    """Official boundaries in, the way a user brings them: the plugin's Processing algorithm
    on the boundaries file (SYNTHETIC geometry in the CBS/PDOK layout); then the overview by
    gemeente again, counting all objects, so the test can count them itself."""
    import processing

    from img_qgis_plugin.processing.provider import PROVIDER_ID

    outputs = processing.run(
        f"{PROVIDER_ID}:import_boundaries",
        {"STORE": os.environ["IMG_STORE"], "FILE": os.environ["IMG_BOUNDARIES"]},
    )
    plugin.panel.hide()  # the import's store refresh shows the object panel again
    dialog = plugin.overview_dialog
    dialog.show()
    dialog.by_combo.setCurrentIndex(dialog.by_combo.findData("gemeente"))
    facts = counted_overview("overview_boundaries.png", count="objects")
    facts["imported"] = {key: value for key, value in outputs.items() if key.isupper()}
    result["overview_boundaries"] = facts


def counted_overview(screen: str, count: str | None = None) -> dict:
    """Count in the overview dialog (already open), show the choropleth on ``count`` and report
    what the checks need: layer order, legend, classes, labels, the count per area."""
    from img_qgis_plugin.reports.overview_layer import LAYER_PROPERTY, TITLE_PROPERTY
    from img_qgis_plugin.store_layers import RESULT_LAYERS

    dialog = plugin.overview_dialog
    done = []
    dialog.computed.connect(lambda: done.append(True))
    if dialog.task is None:
        dialog.compute()
    finished = wait_for(
        lambda: bool(done) or (dialog.task is None and dialog.layer is not None), 60
    )
    layer = dialog.layer
    facts = {"finished": finished, "status": dialog.status.text()}
    if layer is None:
        return facts
    if count is not None:
        dialog.count_combo.setCurrentIndex(dialog.count_combo.findData(count))
    # the group's layers top to bottom, each by the store key the controller opened it as
    keys = {lyr.id(): key for key, lyr in plugin.controller.layers.items()}
    order = []
    for index, node in enumerate(store_group().children()):
        node_layer = getattr(node, "layer", lambda: None)()
        if node_layer is None:
            continue
        overview_layer = node_layer.customProperty(LAYER_PROPERTY) == "overview"
        kind = "overview" if overview_layer else keys.get(node_layer.id(), "")
        order.append([index, node_layer.name(), kind])
    model = iface.layerTreeView().layerTreeModel()
    node = QgsProject.instance().layerTreeRoot().findLayer(layer.id())
    ranges = layer.renderer().ranges()
    counted = dialog.count_combo.currentData()
    group_field = layer.fields().field(0).name()
    dialog.grab().save(str(SCREENS / screen.replace(".png", "_dialog.png")))
    dialog.hide()
    facts.update(
        order=order,
        result_keys=list(RESULT_LAYERS),
        title=node.name(),
        title_base=layer.customProperty(TITLE_PROPERTY),
        counted=dialog.count_combo.currentText(),
        legend_nodes=[n.data(Qt.ItemDataRole.DisplayRole) for n in model.layerLegendNodes(node)],
        classes=[[r.lowerValue(), r.upperValue(), r.label()] for r in ranges],
        features=layer.featureCount(),
        labels=layer.labelsEnabled(),
        table_rows=dialog.table.rowCount(),
        per_area={f[group_field]: f[counted] for f in layer.getFeatures()},
        abstract=layer.metadata().abstract(),
    )
    # the screen shows the choropleth's legend: the other layers' legends folded away, and
    # QGIS's own start-up notices (e.g. a font download offline) out of the way
    for other in store_group().findLayers():
        other.setExpanded(other.layer() is layer)
    iface.layerTreeView().setCurrentLayer(layer)
    iface.messageBar().clearWidgets()
    extent = QgsRectangle(layer.extent())
    extent.scale(1.05)
    iface.mapCanvas().setExtent(extent)
    render_canvas()
    facts["image"] = image_facts(grab(iface.mainWindow(), screen))
    # the next step is read without the choropleth under it
    node.setItemVisibilityChecked(False)
    return facts


def scenario(result):
    from img_qgis_plugin.gui.scenario_dialog import ScenarioDialog

    canvas = iface.mapCanvas()
    x, y = EPICENTRE
    canvas.setExtent(QgsRectangle(x - 9000, y - 6000, x + 9000, y + 6000))
    render_canvas()
    plugin.actions["scenario"].trigger()
    seen = {}

    def answer_dialog():
        box = QApplication.activeModalWidget()
        if not isinstance(box, ScenarioDialog):
            QTimer.singleShot(100, answer_dialog)
            return
        day = plugin.controller.as_of_date()
        box.set_values(SCENARIO_ML, 3.0, day)
        seen["dialog"] = box.epicentreLabel.text()
        box.grab().save(str(SCREENS / "scenario_dialog.png"))
        box.accept()

    QTimer.singleShot(200, answer_dialog)
    pixel = canvas.getCoordinateTransform().transform(QgsPointXY(x, y))
    point = QPoint(int(round(pixel.x())), int(round(pixel.y())))
    tool = canvas.mapTool()
    for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
        event = QgsMapMouseEvent(canvas, kind, point, Qt.MouseButton.LeftButton)
        if kind == QEvent.Type.MouseButtonPress:
            tool.canvasPressEvent(event)
        else:
            tool.canvasReleaseEvent(event)
    QApplication.processEvents()
    runner = plugin.scenario
    facts = {"tool_was_scenario": tool is plugin.scenario_tool, **seen}
    footprint = list(runner.footprint)
    facts["footprint"] = [layer.name() for layer in footprint]
    if len(footprint) != 3:
        result["scenario"] = facts
        return
    epicentre, contours, affected = footprint
    historic = symbol_colours(plugin.controller.layers["quakes"])
    project = QgsProject.instance()
    facts.update(
        in_project=[project.mapLayer(layer.id()) is not None for layer in footprint],
        epicentre_features=epicentre.featureCount(),
        contour_thresholds=sorted(f["threshold_mm_s"] for f in contours.getFeatures()),
        epicentre_colours=sorted(symbol_colours(epicentre)),
        contour_colours=sorted(symbol_colours(contours)),
        affected_colours=sorted(symbol_colours(affected)),
        affected_features=affected.featureCount(),
        historic_colours=sorted(historic),
        changes_button=runner.changes_button is not None,
    )
    # the "what changes" table, as the message bar's button opens it
    if runner.changes_button is not None:
        runner.changes_button.click()
    QApplication.processEvents()
    changes = runner.changes_dialog
    if changes is not None:
        table = changes.table
        facts["changes"] = {
            "title": changes.windowTitle(),
            "headers": [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())],
            "rows": table.rowCount(),
            "first_rows": [
                [table.item(r, c).text() for c in range(table.columnCount())]
                for r in range(min(3, table.rowCount()))
            ],
            "sorting": table.isSortingEnabled(),
            "image": image_facts(grab(changes, "scenario_changes.png")),
        }
    box = QgsRectangle(contours.extent())
    if not box.isEmpty():
        box.scale(1.15)
        canvas.setExtent(box)
    render_canvas()
    facts["image"] = image_facts(grab(iface.mainWindow(), "scenario.png"))
    if changes is not None:
        changes.close()
    result["scenario"] = facts
    result["log"] = LOG


run_steps(
    [open_store, show_panel, dossier, atlas, overview, overview_boundaries, scenario], delay_ms=800
)
