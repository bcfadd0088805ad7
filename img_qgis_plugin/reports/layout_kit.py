"""Small builders for print layouts made in code: pages, labels, tables, maps, pictures, PDF.

Reports are laid out in code (not by hand in the layout designer) so that the number of pages
follows the data: a long claim history simply continues on the next page.
"""

from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemTextTable,
    QgsLayoutMeasurement,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsPalLayerSettings,
    QgsPrintLayout,
    QgsRectangle,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QMetaType
from qgis.PyQt.QtGui import QFont

MM = Qgis.LayoutUnit.Millimeters
PAGE_W, PAGE_H = 210.0, 297.0  # A4 portrait
MARGIN = 15.0
BODY_W = PAGE_W - 2 * MARGIN
RD_NEW = "EPSG:28992"
FONT_FAMILY = "Sans Serif"
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
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(size)
    font.setBold(bold)
    if hasattr(label, "setTextFormat"):  # QGIS ≥ 3.24
        fmt = QgsTextFormat.fromQFont(font)
        fmt.setSize(size)
        label.setTextFormat(fmt)
    else:
        label.setFont(font)
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
) -> QgsLayoutItemTextTable:
    """A text table in one frame; ``widths`` in mm per column (0 = automatic); with
    ``overflow`` the table adds pages until every row is shown."""
    table = QgsLayoutItemTextTable(layout)
    columns = []
    for i, heading in enumerate(headers):
        column = QgsLayoutTableColumn(heading)
        if widths:
            column.setWidth(widths[i])
        columns.append(column)
    table.setColumns(columns)
    table.setContents([[str(cell) for cell in row] for row in rows])
    table.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
    set_table_fonts(table, size)
    table.setCellMargin(0.8)
    if overflow:  # rows that do not fit continue on pages added right after this one
        table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.RepeatUntilFinished)
    layout.addMultiFrame(table)
    frame = QgsLayoutFrame(layout, table)
    _place(frame, page, x, y, w, h)
    table.addFrame(frame)
    table.refresh()
    return table


def set_table_fonts(table, size: float) -> None:
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(size)
    header = QFont(font)
    header.setBold(True)
    if hasattr(table, "setContentTextFormat"):  # QGIS ≥ 3.16 has both; text formats win
        content_format, header_format = (
            QgsTextFormat.fromQFont(font),
            QgsTextFormat.fromQFont(header),
        )
        content_format.setSize(size)
        header_format.setSize(size)
        table.setContentTextFormat(content_format)
        table.setHeaderTextFormat(header_format)
    else:
        table.setContentFont(font)
        table.setHeaderFont(header)


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
    cx, cy = rect.center().x(), rect.center().y()
    half_w = max(rect.width() / 2 + margin_m, minimum_m / 2)
    half_h = max(rect.height() / 2 + margin_m, minimum_m / 2)
    return QgsRectangle(cx - half_w, cy - half_h, cx + half_w, cy + half_h)


def pdf_settings() -> QgsLayoutExporter.PdfExportSettings:
    """Text stays text in the PDF (searchable, copyable), vectors stay vectors."""
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = True
    settings.dpi = 150
    return settings


def check_export(result, error: str, path: str) -> str:
    if result != QgsLayoutExporter.ExportResult.Success:
        raise LayoutError(
            f"{path}: de PDF kon niet worden geschreven ({error or result}); "
            "controleer of de map bestaat en schrijfbaar is en het bestand niet open staat."
        )
    return path


def export_pdf(layout: QgsPrintLayout, path: str) -> str:
    exporter = QgsLayoutExporter(layout)
    result = exporter.exportToPdf(str(path), pdf_settings())
    error = exporter.errorMessage() if hasattr(exporter, "errorMessage") else ""
    return check_export(result, error, str(path))


def label_layer(layer: QgsVectorLayer, expression: str, size: float = 8.0) -> None:
    """Show ``expression`` beside each feature (stop numbers on the route map)."""
    settings = QgsPalLayerSettings()
    settings.fieldName = expression
    settings.isExpression = True
    fmt = QgsTextFormat()
    fmt.setFont(QFont(FONT_FAMILY))
    fmt.setSize(size)
    settings.setFormat(fmt)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


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
