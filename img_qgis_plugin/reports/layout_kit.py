"""Small builders for print layouts made in code: pages, labels, tables, maps, pictures, PDF.

Reports are laid out in code (not by hand in the layout designer) so that the number of pages
follows the data: a long claim history simply continues on the next page. Because the data
decide the lengths, every report is checked after it is built (:func:`layout_problems`: texts
against their boxes, tables against their frames, items against their pages) and fitted
(:func:`fit`) before it is written.
"""

from __future__ import annotations

import contextlib
import math
import os
import re

from qgis.core import (
    Qgis,
    QgsBasicNumericFormat,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItem,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemTextTable,
    QgsLayoutMeasurement,
    QgsLayoutMultiFrame,
    QgsLayoutObject,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLayoutUtils,
    QgsLegendStyle,
    QgsPalLayerSettings,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsSymbolLayerUtils,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsTextRenderer,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QMetaType, QSize
from qgis.PyQt.QtGui import QColor, QFont, QTextDocument

from domain.groundmotion.coordinates import RD_NEW
from img_qgis_plugin.gui.i18n import tr, ui_language

MM = Qgis.LayoutUnit.Millimeters
PAGE_W, PAGE_H = 210.0, 297.0  # A4 portrait
MARGIN = 15.0
BODY_W = PAGE_W - 2 * MARGIN
FONT_FAMILY = "Sans Serif"
PDF_DPI = 150
# field types for memory layers (QMetaType replaces these only from QGIS 3.38)
INT = QMetaType.Type.Int
TEXT = QMetaType.Type.QString
BIGINT = QMetaType.Type.LongLong


class LayoutError(RuntimeError):
    """The PDF could not be written; the message says where and what to check."""


def new_layout(project, name: str) -> QgsPrintLayout:
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(name)
    collection = layout.pageCollection()
    while collection.pageCount():
        collection.deletePage(0)
    return layout


def add_page(layout: QgsPrintLayout) -> int:
    """Append an A4 portrait page; returns its 0-based number."""
    page = QgsLayoutItemPage(layout)
    page.setPageSize(QgsLayoutSize(PAGE_W, PAGE_H, MM))
    layout.pageCollection().addPage(page)
    return layout.pageCollection().pageCount() - 1


def _place(item, page: int, x: float, y: float, w: float, h: float) -> None:
    item.attemptResize(QgsLayoutSize(w, h, MM))
    item.attemptMove(QgsLayoutPoint(x, y, MM), page=page)


def text_format(size: float, bold: bool = False) -> QgsTextFormat:
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(size)
    font.setBold(bold)
    fmt = QgsTextFormat.fromQFont(font)
    fmt.setSize(size)
    return fmt


def add_label(
    layout,
    page: int,
    x: float,
    y: float,
    w: float,
    h: float,
    text: str,
    size: float = 9,
    bold: bool = False,
) -> QgsLayoutItemLabel:
    label = QgsLayoutItemLabel(layout)
    label.setText(text)
    label.setTextFormat(text_format(size, bold))
    layout.addLayoutItem(label)
    _place(label, page, x, y, w, h)
    return label


def add_table(
    layout,
    page: int,
    x: float,
    y: float,
    w: float,
    h: float,
    headers,
    rows,
    widths=None,
    size: float = 7.5,
    overflow: bool = False,
    name: str = "",
) -> QgsLayoutItemTextTable:
    """A text table in one frame; ``widths`` in mm per column (0 = automatic); with
    ``overflow`` the table adds pages until every row is shown; ``name`` names its frame in
    :func:`layout_problems`."""
    table = _text_table(layout, headers, widths, size)
    if overflow:  # rows that do not fit continue on pages added right after this one
        table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.RepeatUntilFinished)
    layout.addMultiFrame(table)
    frame = QgsLayoutFrame(layout, table)
    frame.setId(name)
    _place(frame, page, x, y, w, h)
    table.addFrame(frame)
    table.setContents([[str(cell) for cell in row] for row in rows])
    return table


def _text_table(layout, headers, widths, size: float) -> QgsLayoutItemTextTable:
    """A wrapping text table with its columns and fonts, still without contents (every setter
    lays the table out again: the contents come last, so that happens once)."""
    table = QgsLayoutItemTextTable(layout)
    columns = []
    for i, heading in enumerate(headers):
        column = QgsLayoutTableColumn(heading)
        if widths:
            column.setWidth(widths[i])
        columns.append(column)
    table.setColumns(columns)
    table.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
    set_table_fonts(table, size)
    table.setCellMargin(0.8)
    return table


def set_table_fonts(table, size: float) -> None:
    table.setContentTextFormat(text_format(size))
    table.setHeaderTextFormat(text_format(size, bold=True))


def add_map(
    layout, page: int, x: float, y: float, w: float, h: float, layers, extent: QgsRectangle
) -> QgsLayoutItemMap:
    item = QgsLayoutItemMap(layout)
    item.setCrs(QgsCoordinateReferenceSystem(RD_NEW))
    item.setLayers([layer for layer in layers if layer is not None])
    item.setKeepLayerSet(True)
    item.setFrameEnabled(True)
    item.setFrameStrokeWidth(QgsLayoutMeasurement(0.3, MM))
    layout.addLayoutItem(item)
    _place(item, page, x, y, w, h)
    item.zoomToExtent(extent)
    return item


def add_picture(layout, page: int, x: float, y: float, w: float, h: float, path: str):
    picture = QgsLayoutItemPicture(layout)
    picture.setPicturePath(path)
    layout.addLayoutItem(picture)
    _place(picture, page, x, y, w, h)
    return picture


def padded(rect: QgsRectangle, margin_m: float, minimum_m: float = 150.0) -> QgsRectangle:
    """``rect`` grown by ``margin_m``, at least ``minimum_m`` wide and high around its centre."""
    width = max(rect.width() + 2 * margin_m, minimum_m)
    height = max(rect.height() + 2 * margin_m, minimum_m)
    return centred_on(rect, width, height)


def centred_on(rect: QgsRectangle, width: float, height: float) -> QgsRectangle:
    """A ``width`` by ``height`` rectangle on the centre of ``rect``."""
    centre = rect.center()
    return QgsRectangle(
        centre.x() - width / 2,
        centre.y() - height / 2,
        centre.x() + width / 2,
        centre.y() + height / 2,
    )


def pdf_settings() -> QgsLayoutExporter.PdfExportSettings:
    """Text stays text in the PDF (searchable, copyable), vectors stay vectors."""
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = True
    settings.dpi = PDF_DPI
    return settings


def check_export(result, error: str, path: str) -> str:
    if result != QgsLayoutExporter.ExportResult.Success:
        raise LayoutError(
            tr(
                "{0}: de PDF kon niet worden geschreven ({1}); controleer of de map bestaat en "
                "schrijfbaar is en het bestand niet open staat."
            ).format(path, error or result)
        )
    return path


def export_pdf(layout: QgsPrintLayout, path: str) -> str:
    exporter = QgsLayoutExporter(layout)
    result = exporter.exportToPdf(str(path), pdf_settings())
    error = exporter.errorMessage() if hasattr(exporter, "errorMessage") else ""
    return check_export(result, error, str(path))


def split_long_cells(rows: list, limit: int = 600) -> list[list]:
    """Rows whose cells are at most ``limit`` characters: longer text continues in extra rows.

    A table row taller than its frame can never be placed, and a repeating table would add
    pages forever; splitting long narratives at word boundaries prevents that.
    """
    out = []
    for row in rows:
        parts = [_pieces(str(cell), limit) for cell in row]
        for k in range(max(len(p) for p in parts) if parts else 1):
            out.append([p[k] if k < len(p) else "" for p in parts])
    return out


def _pieces(text: str, limit: int) -> list[str]:
    pieces, current = [], ""
    for word in text.split(" "):
        while len(word) > limit:  # one unbroken "word" longer than a cell
            if current:
                pieces.append(current)
                current = ""
            pieces.append(word[:limit])
            word = word[limit:]
        if current and len(current) + 1 + len(word) > limit:
            pieces.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    pieces.append(current)
    return pieces


def chunks(rows: list, size: int) -> list[list]:
    return [rows[i : i + size] for i in range(0, len(rows), size)] or [[]]


@contextlib.contextmanager
def measuring_table(layout, headers, rows, widths=None, size: float = 7.5):
    """A text table set up as :func:`add_table` sets one up, but in no frame: it measures how
    many rows fit a frame before the real parts are placed, and leaves ``layout`` after."""
    table = _text_table(layout, headers, widths, size)
    table.setContents([[str(cell) for cell in row] for row in rows])
    try:
        yield table
    finally:
        if table in layout.multiFrames():  # QGIS files every new table with its layout
            layout.removeMultiFrame(table)


def rows_that_fit(table, height: float, first_row: int = 0) -> int:
    """How many of ``table``'s rows, from ``first_row`` on, a frame ``height`` mm high shows
    under its header (QGIS's own row heights; a row is never split)."""
    context = _render_context(table.layout())[0]
    return table.rowsVisible(context, float(height), int(first_row), True, False)


def height_for_rows(table, first_row: int, count: int, limit: float) -> float | None:
    """The lowest frame (mm, to a quarter millimetre) that shows ``count`` rows from
    ``first_row`` under the header; None when even ``limit`` mm is too low."""
    if rows_that_fit(table, limit, first_row) < count:
        return None
    low, high = 0.0, float(limit)
    while high - low > 0.25:
        middle = (low + high) / 2
        if rows_that_fit(table, middle, first_row) >= count:
            high = middle
        else:
            low = middle
    return high


# --- map furniture: legend, scale bar, north arrow ------------------------------------------
#: QGIS's own north arrow (the one the layout designer's "Add North Arrow" places)
NORTH_ARROW_SVG = "arrows/NorthArrow_02.svg"


def number_format() -> QgsBasicNumericFormat:
    """Numbers the reader's way: ``1.000`` and ``0,5`` in Dutch, the other way round in English."""
    fmt = QgsBasicNumericFormat()
    dutch = ui_language() == "nl"
    fmt.setShowThousandsSeparator(True)
    fmt.setThousandsSeparator("." if dutch else ",")
    fmt.setDecimalSeparator("," if dutch else ".")
    fmt.setNumberDecimalPlaces(1)
    fmt.setShowTrailingZeros(False)
    return fmt


def add_scalebar(
    layout, page: int, x: float, y: float, map_item, max_width: float, kilometres: bool = False
) -> QgsLayoutItemScaleBar:
    """A metric scale bar for ``map_item``, at most ``max_width`` mm wide, in round steps."""
    bar = QgsLayoutItemScaleBar(layout)
    bar.setStyle("Single Box")
    bar.setLinkedMap(map_item)
    bar.setNumberOfSegmentsLeft(0)
    bar.setNumberOfSegments(4)
    bar.setMinimumBarWidth(max_width / 4)
    bar.setMaximumBarWidth(max_width)
    bar.setHeight(1.8)
    bar.setLabelBarSpace(1.2)
    bar.setBoxContentSpace(0.6)
    bar.setTextFormat(text_format(7))
    bar.setBackgroundEnabled(False)
    layout.addLayoutItem(bar)
    bar.attemptMove(QgsLayoutPoint(x, y, MM), page=page)
    set_scalebar_units(bar, kilometres)
    return bar


def set_scalebar_units(bar: QgsLayoutItemScaleBar, kilometres: bool = False) -> None:
    """Metres or kilometres, numbers the reader's way, steps of 1, 2 or 5 (see
    :func:`round_segments`)."""
    bar.setUnits(Qgis.DistanceUnit.Kilometers if kilometres else Qgis.DistanceUnit.Meters)
    bar.setUnitLabel("km" if kilometres else "m")
    bar.setMapUnitsPerScaleBarUnit(1.0)  # QGIS converts metres to the bar's unit itself
    bar.setNumericFormat(number_format())
    round_segments(bar)


def round_segments(bar: QgsLayoutItemScaleBar) -> None:
    """Segments of 1, 2 or 5 times a power of ten, as long as fits the bar's maximum width.
    QGIS's own fit-to-width picks any first digit (0, 0.9, 1.8 km), which reads poorly; call
    again when the linked map's extent changes (every atlas page)."""
    map_item = bar.linkedMap()
    if map_item is None or map_item.rect().width() <= 0 or map_item.extent().width() <= 0:
        return
    per_unit = 1000.0 if bar.units() == Qgis.DistanceUnit.Kilometers else 1.0
    units_per_mm = map_item.extent().width() / map_item.rect().width() / per_unit
    longest = bar.maximumBarWidth() * units_per_mm / max(1, bar.numberOfSegments())
    step = 10 ** math.floor(math.log10(longest)) if longest > 0 else 1.0
    segment = max((factor * step for factor in (1, 2, 5) if factor * step <= longest), default=step)
    bar.setSegmentSizeMode(Qgis.ScaleBarSegmentSizeMode.Fixed)
    bar.setUnitsPerSegment(segment)
    # the item keeps the size of its default font until resized: ask for its smallest size
    bar.attemptResize(QgsLayoutSize(1, 1, MM))


def north_arrow_path() -> str:
    """The north-arrow SVG from QGIS's SVG paths; empty when this QGIS ships none."""
    path = QgsSymbolLayerUtils.svgSymbolNameToPath(
        NORTH_ARROW_SVG, QgsProject.instance().pathResolver()
    )
    return path if path and os.path.isfile(path) else ""


def add_north_arrow(layout, page: int, x: float, y: float, size: float, map_item):
    """QGIS's north arrow in a picture item, turned with ``map_item``; None without the SVG."""
    path = north_arrow_path()
    if not path:
        return None
    picture = QgsLayoutItemPicture(layout)
    picture.setPicturePath(path, Qgis.PictureFormat.SVG)
    picture.setLinkedMap(map_item)
    picture.setNorthMode(QgsLayoutItemPicture.NorthMode.GridNorth)
    picture.setSvgFillColor(QColor("black"))
    picture.setSvgStrokeColor(QColor("black"))
    picture.setBackgroundEnabled(True)
    picture.setBackgroundColor(QColor(255, 255, 255, 200))
    layout.addLayoutItem(picture)
    _place(picture, page, x, y, size, size)
    return picture


def add_legend(
    layout, page: int, x: float, y: float, map_item, layers, title: str
) -> QgsLayoutItemLegend:
    """A legend of ``layers`` only (top first), titled, its classes limited to what
    ``map_item`` shows."""
    legend = QgsLayoutItemLegend(layout)
    legend.setTitle(title)
    legend.setAutoUpdateModel(False)
    layout.addLayoutItem(legend)
    set_legend_layers(legend, layers)
    legend.setLinkedMap(map_item)
    legend.setLegendFilterByMapEnabled(True)
    legend.setResizeToContents(True)
    style_legend(legend, 7.0)
    legend.attemptMove(QgsLayoutPoint(x, y, MM), page=page)
    size_legend(legend)
    return legend


def size_legend(legend: QgsLayoutItemLegend) -> None:
    """Size the legend to its content now. QGIS sizes a legend only once it has been drawn
    (before, it knows no output resolution), so it is drawn once into a tiny image first."""
    if legend.rect().isEmpty():
        legend.attemptResize(QgsLayoutSize(40, 40, MM))
    exporter = QgsLayoutExporter(legend.layout())
    exporter.renderRegionToImage(legend.mapRectToScene(legend.rect()), QSize(8, 8), PDF_DPI)
    legend.adjustBoxSize()


def set_legend_layers(legend: QgsLayoutItemLegend, layers) -> None:
    root = legend.model().rootGroup()
    root.removeAllChildren()
    for layer in layers:
        if layer is not None:
            root.addLayer(layer)
    legend.updateLegend()


def style_legend(legend: QgsLayoutItemLegend, size: float) -> None:
    legend.rstyle(QgsLegendStyle.Style.Title).setTextFormat(text_format(size + 2, bold=True))
    legend.rstyle(QgsLegendStyle.Style.Group).setTextFormat(text_format(size, bold=True))
    legend.rstyle(QgsLegendStyle.Style.Subgroup).setTextFormat(text_format(size, bold=True))
    legend.rstyle(QgsLegendStyle.Style.SymbolLabel).setTextFormat(text_format(size))
    legend.setSymbolWidth(size * 0.7)
    legend.setSymbolHeight(size * 0.5)
    legend.setMaximumSymbolSize(size * 0.7)
    legend.setBoxSpace(1.5)
    legend.setBackgroundEnabled(True)
    legend.setFrameEnabled(True)
    legend.setFrameStrokeWidth(QgsLayoutMeasurement(0.2, MM))


def halo_format(size: float, bold: bool = True, color: str = "#202020") -> QgsTextFormat:
    """Map label text with a white halo, readable over fills, hatches and the background."""
    fmt = text_format(size, bold)
    fmt.setColor(QColor(color))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor("white"))
    fmt.setBuffer(buffer)
    return fmt


def point_labels(field: str, size: float, distance: float, priority: int) -> QgsPalLayerSettings:
    """Labels of ``field`` around each point, ``distance`` mm off it, in :func:`halo_format`
    text of ``size`` pt, at ``priority`` (0 to 10); set what else the layer needs, then
    :func:`show_labels`."""
    settings = QgsPalLayerSettings()
    settings.fieldName = field
    settings.placement = Qgis.LabelPlacement.AroundPoint
    settings.dist = distance
    settings.priority = priority
    settings.setFormat(halo_format(size))
    return settings


def overlap_only_if_required(settings: QgsPalLayerSettings) -> None:
    """A label moves aside for another first, overlaps one only where no place is left, and
    is never dropped."""
    placement = settings.placementSettings()
    placement.setOverlapHandling(Qgis.LabelOverlapHandling.AllowOverlapIfRequired)
    settings.setPlacementSettings(placement)


def show_labels(layer: QgsVectorLayer, settings: QgsPalLayerSettings) -> None:
    """``settings`` as the layer's labels, switched on."""
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


@contextlib.contextmanager
def temporary_layers(project=None):
    """Collect memory layers a report adds to ``project``; they are removed when it is done."""
    project = project or QgsProject.instance()
    made: list = []

    def add(layer):
        if project.addMapLayer(layer, False) is None:
            raise LayoutError(
                tr("Tijdelijke kaartlaag {0} kon niet worden gemaakt.").format(layer.name())
            )
        made.append(layer)
        return layer

    try:
        yield add
    finally:
        project.removeMapLayers([layer.id() for layer in made])


# --- the object a dossier map is about -----------------------------------------------------
#: custom property of the memory layer that marks the dossier's own object
HIGHLIGHT_PROPERTY = "img_qgis_plugin/highlight"


def highlighted_object_in_map(layout) -> int | None:
    """The object id of the highlight feature that lies inside a map's extent, else None."""
    for item in layout.items():
        if not isinstance(item, QgsLayoutItemMap):
            continue
        extent = QgsGeometry.fromQPolygonF(item.visibleExtentPolygon())
        for layer in item.layers():
            if not isinstance(layer, QgsVectorLayer) or not layer.customProperty(
                HIGHLIGHT_PROPERTY
            ):
                continue
            to_map = QgsCoordinateTransform(layer.crs(), item.crs(), layout.project())
            for feature in layer.getFeatures():
                geometry = QgsGeometry(feature.geometry())
                moved = geometry.transform(to_map)
                if moved != Qgis.GeometryOperationResult.Success or geometry.isEmpty():
                    continue
                if extent.contains(geometry):
                    return int(feature["object_id"])
    return None


def highlight_label_shown(layout, exporter: QgsLayoutExporter) -> bool:
    """After ``exporter`` has written ``layout``: whether a highlight's label was placed whole
    inside its map (QGIS's own labelling results of that export)."""
    results = exporter.labelingResults()
    for item in layout.items():
        if not isinstance(item, QgsLayoutItemMap) or item.uuid() not in results:
            continue
        marked = {layer.id() for layer in item.layers() if layer.customProperty(HIGHLIGHT_PROPERTY)}
        for position in results[item.uuid()].allLabels():
            placed = position.layerID in marked and not position.isUnplaced
            if placed and item.extent().contains(position.labelRect):
                return True
    return False


# --- layout checks: does every text fit, is everything on its page -------------------------
#: what a measurement may exceed its box by before it counts (rounding, font hinting), mm
TOLERANCE_MM = 0.3
SMALLEST_FONT = 6.0
#: items that carry text and so may not lie on one another
TEXT_BOXES = (QgsLayoutItemLabel, QgsLayoutItemLegend, QgsLayoutFrame, QgsLayoutItemScaleBar)


class Problem(str):
    """One thing that does not fit, in words; ``kind`` says which check found it: ``word``
    (a word wider than its box or column), ``height`` (a label's text taller than its box),
    ``rows`` (table rows cut off), ``width`` (columns wider than the frame), ``page`` (outside
    its page), ``overlap`` (text boxes on one another) or ``sparse`` (a table page with only a
    few rows, see :func:`sparse_pages`)."""

    kind = ""

    def __new__(cls, text: str, kind: str) -> Problem:
        problem = super().__new__(cls, text)
        problem.kind = kind
        return problem


def layout_problems(layout) -> list[str]:
    """What does not fit, in words: labels whose text needs more than their box, table cells
    with a word wider than the column, tables cut off or wider than the page, items outside
    their page and text boxes on top of each other. Measured with the layout's own item
    bounds and QGIS's text metrics; an empty list means the page prints as laid out."""
    return _problems(layout, _render_context(layout), {})


def _problems(layout, context, known: dict) -> list[Problem]:
    """``known`` holds the problems of tables measured already (by :func:`fit`)."""
    problems: list[Problem] = []
    boxes = []
    for item in _shown_items(layout):
        if isinstance(item, QgsLayoutItemLabel):
            problems += label_problems(item, context)
        outside = _outside_page(layout, item)
        if outside:
            problems.append(outside)
        if isinstance(item, TEXT_BOXES):
            boxes.append(item)
    for table in layout.multiFrames():
        if isinstance(table, QgsLayoutTable):
            found = known.get(id(table))
            problems += table_problems(table, context) if found is None else found
    problems += _overlaps(boxes)
    return problems


def _render_context(layout):
    context = QgsLayoutUtils.createRenderContextForLayout(layout, None)
    return context, context.convertToPainterUnits(1, Qgis.RenderUnit.Millimeters)


def item_name(item) -> str:
    if isinstance(item, QgsLayoutFrame) and item.multiFrame() is not None:
        frames = item.multiFrame().frames()
        number = frames.index(item) + 1 if item in frames else 1
        frame = tr("kader")
        return f"{table_name(item.multiFrame())} ({frame} {number})"
    return item.id() or item.displayName()


def table_name(table) -> str:
    """A table by the id of its first frame (set by :func:`add_table`), else QGIS's name."""
    frames = table.frames()
    return (frames[0].id() if frames else "") or table.displayName()


def _excluded(item) -> bool:
    """Left out of the export: by its own flag or by an expression (e.g. per atlas page)."""
    value, _ok = item.dataDefinedProperties().valueAsBool(
        QgsLayoutObject.DataDefinedProperty.ExcludeFromExports,
        item.createExpressionContext(),
        item.excludeFromExports(),
    )
    return bool(value)


def _shown_items(layout):
    for item in layout.items():
        if not isinstance(item, QgsLayoutItem) or isinstance(item, QgsLayoutItemPage):
            continue
        if not item.isVisible() or _excluded(item):
            continue
        if isinstance(item, QgsLayoutFrame) and item.isEmpty():
            continue
        yield item


def _words_in(text: str) -> list[str]:
    return [word for word in str(text).split() if word]


def _text_width(context, fmt, text: str) -> float:
    render, per_mm = context
    return QgsTextRenderer.textWidth(render, fmt, [text]) / per_mm


def label_problems(label: QgsLayoutItemLabel, context=None) -> list[Problem]:
    """A label's text against its box: no word wider than the box, wrapped text not taller."""
    context = context or _render_context(label.layout())
    text = label.currentText()
    if not text.strip():
        return []
    name = item_name(label)
    pen = label.pen().widthF() / 2 if label.frameEnabled() else 0.0
    width = label.rect().width() - 2 * (abs(label.marginX()) + pen)
    height = label.rect().height() - 2 * (abs(label.marginY()) + pen)
    if label.mode() == QgsLayoutItemLabel.Mode.ModeHtml:
        needed = _html_height(label, width)
        widest = 0.0
    else:
        render, per_mm = context
        fmt = label.textFormat()
        widest = max((_text_width(context, fmt, word) for word in _words_in(text)), default=0.0)
        # the label draws its text wrapped to the box (QgsTextRenderer, WrapLines)
        needed = (
            QgsTextRenderer.textHeight(
                render,
                fmt,
                text.split("\n"),
                Qgis.TextLayoutMode.Rectangle,
                None,
                Qgis.TextRendererFlag.WrapLines,
                width * per_mm,
            )
            / per_mm
        )
    return [
        *_exceeds(
            widest, width, "word", tr("{0}: een woord is {1} mm breed, het vak {2} mm"), name
        ),
        *_exceeds(
            needed,
            height,
            "height",
            tr("{0}: de tekst heeft {1} mm hoogte nodig, het vak is {2} mm"),
            name,
        ),
    ]


def _exceeds(needed: float, room: float, kind: str, text: str, *names) -> list[Problem]:
    """``[Problem]`` when ``needed`` mm is more than the ``room`` mm (beyond the tolerance),
    ``text`` (translated) filled with ``names`` and then both sizes in mm; else ``[]``."""
    if needed <= room + TOLERANCE_MM:
        return []
    return [Problem(text.format(*names, _mm(needed), _mm(room)), kind)]


def _html_height(label: QgsLayoutItemLabel, width_mm: float) -> float:
    """HTML labels are drawn by a QTextDocument: its height at the box's width, in mm."""
    document = QTextDocument()
    document.setDocumentMargin(0)
    font = label.textFormat().toQFont()
    font.setPointSizeF(label.textFormat().size())
    document.setDefaultFont(font)
    points_per_mm = 72.0 / 25.4  # the document lays out in points at 72 dpi
    document.setTextWidth(width_mm * points_per_mm)
    document.setHtml(f"<body>{label.currentText()}</body>")
    return document.size().height() / points_per_mm


def _mm(value: float) -> str:
    from domain.presentation.text_format import number

    return number(value, 1, ui_language())


def table_problems(table, context=None) -> list[Problem]:
    """A table's cells against its columns (QGIS wraps at spaces only, so a longer word is
    cut at the column's edge), its rows against its frames."""
    frames = [frame for frame in table.frames() if not frame.isEmpty() and not _excluded(frame)]
    if not frames:
        return []
    context = context or _render_context(table.layout())
    name = table_name(table)
    problems = []
    rows = [[str(cell) if cell is not None else "" for cell in row] for row in table.contents()]
    formats = (table.headerTextFormat(), table.contentTextFormat())
    widths: dict = {}
    too_wide_text = tr("{0}: kolom '{1}': '{2}' is {3} mm breed, de kolom {4} mm")
    for index, column in enumerate(table.columns()):
        width = column.width()
        if width <= 0:  # automatic: QGIS sizes the column to its longest text
            continue
        cells = [(column.heading(), 0)] + [(row[index], 1) for row in rows if index < len(row)]
        for cell, kind in cells:
            for word in _words_in(cell):
                if (word, kind) not in widths:
                    widths[(word, kind)] = _text_width(context, formats[kind], word)
                too_wide = _exceeds(
                    widths[(word, kind)],
                    width,
                    "word",
                    too_wide_text,
                    name,
                    column.heading(),
                    word,
                )
                if too_wide:
                    problems += too_wide
                    break
    # the height the rows need, counted in frames as QGIS fills them (a row is never split)
    shown = sum(frame.rect().height() for frame in frames)
    needed = table.totalSize().height()  # as QGIS laid it out at its last refresh
    problems += _exceeds(
        needed,
        shown,
        "rows",
        tr("{0}: de rijen hebben {1} mm nodig, de kaders bieden {2} mm"),
        name,
    )
    widest = max(frame.rect().width() for frame in frames)
    problems += _exceeds(
        table.totalWidth(),
        widest,
        "width",
        tr("{0}: de kolommen zijn {1} mm breed, het kader {2} mm"),
        name,
    )
    return problems


#: a table page with fewer rows than this is an orphan, unless it is the table's only page
SPARSE_PAGE_ROWS = 5


def sparse_pages(layout, minimum: int = SPARSE_PAGE_ROWS) -> list[Problem]:
    """Pages that hold only a few rows of a table that runs over more pages (one verdict row
    alone on the last page). A table is every frame of one multiframe together with the parts
    a report placed under one name on successive pages (``meldingen_1``, ``meldingen_2``)."""
    context = _render_context(layout)[0]
    rows_on_page: dict[str, dict[int, int]] = {}
    for table in layout.multiFrames():
        if not isinstance(table, QgsLayoutTable):
            continue
        name = re.sub(r"_\d+$", "", table_name(table))
        pages = rows_on_page.setdefault(name, {})
        for index, frame in enumerate(table.frames()):
            if frame.isEmpty() or _excluded(frame):
                continue
            first, last = table.rowRange(context, index)
            pages[frame.page()] = pages.get(frame.page(), 0) + last - first
    problems = []
    for name, pages in rows_on_page.items():
        if len(pages) < 2:
            continue
        for page, count in sorted(pages.items()):
            if count < minimum:
                problems.append(
                    Problem(
                        tr(
                            "{0}: pagina {1} houdt maar {2} rijen van een tabel van {3} pagina's"
                        ).format(name, page + 1, count, len(pages)),
                        "sparse",
                    )
                )
    return problems


def _page_rect(layout, item):
    page = layout.pageCollection().page(item.page())
    return page.sceneBoundingRect() if page is not None else None


def _outside_page(layout, item) -> Problem | None:
    page_rect = _page_rect(layout, item)
    if page_rect is None:
        return Problem(tr("{0}: staat op geen enkele pagina").format(item_name(item)), "page")
    rect = item.mapRectToScene(item.rect())
    grown = page_rect.adjusted(-TOLERANCE_MM, -TOLERANCE_MM, TOLERANCE_MM, TOLERANCE_MM)
    if rect.width() <= 0 or rect.height() <= 0 or grown.contains(rect):
        return None
    return Problem(
        tr("{0}: valt buiten pagina {1}").format(item_name(item), item.page() + 1), "page"
    )


def _overlaps(boxes) -> list[Problem]:
    """Text boxes that cover each other (a label on a table, a legend on a scale bar)."""
    problems = []
    rects = [(item, item.mapRectToScene(item.rect())) for item in boxes]
    for i, (first, first_rect) in enumerate(rects):
        for second, second_rect in rects[i + 1 :]:
            common = first_rect.intersected(second_rect)
            if common.width() > TOLERANCE_MM and common.height() > TOLERANCE_MM:
                problems.append(
                    Problem(
                        tr("{0} ligt over {1}").format(item_name(first), item_name(second)),
                        "overlap",
                    )
                )
    return problems


# --- making a layout fit ----------------------------------------------------------------------
def _shrink_label(label: QgsLayoutItemLabel, context) -> None:
    fmt = label.textFormat()
    while label_problems(label, context) and fmt.size() - 0.5 >= SMALLEST_FONT:
        fmt.setSize(fmt.size() - 0.5)
        label.setTextFormat(fmt)


def _shrink_table(table, context) -> list[Problem]:
    """Smaller type until the table fits or reaches the smallest size; its last problems."""
    problems = table_problems(table, context)
    size = table.contentTextFormat().size()
    while problems and size - 0.5 >= SMALLEST_FONT:
        size -= 0.5
        set_table_fonts(table, size)
        table.refresh()
        problems = table_problems(table, context)
    return problems


def fit(layout) -> list[Problem]:
    """Shrink the fonts of labels and tables that do not fit (down to 6 pt), then report
    what still does not: the caller logs it."""
    context = _render_context(layout)
    for item in _shown_items(layout):
        if isinstance(item, QgsLayoutItemLabel):
            _shrink_label(item, context)
    known = {
        id(table): _shrink_table(table, context)
        for table in layout.multiFrames()
        if isinstance(table, QgsLayoutTable)
    }
    return _problems(layout, context, known)


def log_problems(what: str, problems: list[str]) -> None:
    if not problems:
        return
    from img_qgis_plugin.toolbelt.log_handler import log

    log(
        tr("{0}: niet alles past op de pagina; controleer de PDF: {1}").format(
            what, "; ".join(problems)
        ),
        "warning",
    )
