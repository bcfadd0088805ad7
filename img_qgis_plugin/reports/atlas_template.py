"""The start-area atlas template (``resources/layouts/startgebied_atlas.qpt``): make and load it.

The template holds the page: the Dutch headings, the atlas-driven map and the visit-list table
with its column titles. Layers are bound when it is loaded, because their ids differ per run.
``write_template`` regenerates the file after a change here (run it inside QGIS's Python).
"""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsLayoutFrame,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemMap,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
)
from qgis.PyQt.QtXml import QDomDocument

from img_qgis_plugin.paths import resource
from img_qgis_plugin.reports import layout_kit as kit

TEMPLATE = ("layouts", "startgebied_atlas.qpt")
MAP_ID = "kaart"
TABLE_ID = "bezoeklijst"
#: visit-list columns: (field of the stops layer, Dutch heading, width mm)
COLUMNS = (
    ("volgorde", "Volgorde", 10),
    ("adres", "Adres", 33),
    ("postcode", "Postcode", 14),
    ("situatie", "Situatie", 42),
    ("reden", "Reden van bezoek", 73),
)
MAP_HEIGHT = 80.0
GRONINGEN_EXTENT = (220000.0, 560000.0, 280000.0, 620000.0)
TABLE_FILTER = "\"blad\" = attribute(@atlas_feature, 'blad')"


def build_template_layout(project=None) -> QgsPrintLayout:
    """The page as it is stored in the template (no layers bound)."""
    layout = kit.new_layout(project or QgsProject.instance(), "Startgebied")
    page = kit.add_page(layout)
    title = kit.add_label(
        layout, page, kit.MARGIN, 10, kit.BODY_W, 9, 'Deur-tot-deur: [% "naam" %]', 15, True
    )
    title.setId("titel")
    sub = kit.add_label(layout, page, kit.MARGIN, 19, kit.BODY_W, 10, '[% "kop" %]', 8.5)
    sub.setId("kop")
    item = QgsLayoutItemMap(layout)
    item.setId(MAP_ID)
    item.setFrameEnabled(True)
    item.setCrs(QgsCoordinateReferenceSystem(kit.RD_NEW))
    layout.addLayoutItem(item)
    kit._place(item, page, kit.MARGIN, 30, kit.BODY_W, MAP_HEIGHT)
    item.zoomToExtent(QgsRectangle(*GRONINGEN_EXTENT))  # a map without extent loads with no size
    item.setAtlasDriven(True)
    item.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
    item.setAtlasMargin(0.08)
    # the overview page (blad 0) has no list, so no list heading either
    heading = kit.add_label(
        layout,
        page,
        kit.MARGIN,
        113,
        kit.BODY_W,
        7,
        "[% CASE WHEN \"blad\" > 0 THEN 'Bezoeklijst' ELSE '' END %]",
        11,
        True,
    )
    heading.setId("bezoeklijst_kop")
    _add_table(layout)
    return layout


def write_template(path: str | None = None) -> str:
    """Save the template file (layers are bound at load time; see :func:`load_atlas_layout`)."""
    layout = build_template_layout()
    path = path or resource(*TEMPLATE)
    layout.saveAsTemplate(path, QgsReadWriteContext())
    return path


def load_atlas_layout(project, coverage, stops, map_layers, headings=None) -> QgsPrintLayout:
    """The template loaded, its atlas over ``coverage`` and its table over ``stops``."""
    layout = QgsPrintLayout(project)
    document = QDomDocument()
    with open(resource(*TEMPLATE), encoding="utf-8") as handle:
        document.setContent(handle.read())
    items, ok = layout.loadFromTemplate(document, QgsReadWriteContext())
    if not ok:
        raise kit.LayoutError(
            f"{resource(*TEMPLATE)}: het afdruksjabloon kon niet worden gelezen; "
            "installeer de plug-in opnieuw."
        )
    atlas = layout.atlas()
    atlas.setCoverageLayer(coverage)
    atlas.setEnabled(True)
    atlas.setSortFeatures(True)
    atlas.setSortExpression('"blad"')
    atlas.setPageNameExpression('"blad"')
    _translate_labels(layout, headings or {})
    item = layout.itemById(MAP_ID)
    if not item.sizeWithUnits().height() > 0:
        kit._place(item, 0, kit.MARGIN, 30, kit.BODY_W, MAP_HEIGHT)
    item.setLayers(map_layers)
    item.setKeepLayerSet(True)
    item.setCrs(coverage.crs())
    tables = [f for f in layout.multiFrames() if isinstance(f, QgsLayoutItemAttributeTable)]
    if not tables:
        raise kit.LayoutError(f"{resource(*TEMPLATE)}: de bezoeklijst-tabel ontbreekt.")
    table = tables[0]
    columns = list(table.columns())  # the template's titles; binding a layer resets them
    table.setVectorLayer(stops)
    for column in columns:
        column.setHeading((headings or {}).get(column.attribute(), column.heading()))
    table.setColumns(columns)
    table.setFeatureFilter(TABLE_FILTER)
    table.setFilterFeatures(True)
    table.refresh()
    return layout


def _translate_labels(layout, headings: dict) -> None:
    """The template's Dutch headings in the user's language (``title``, ``list`` keys)."""
    for label_id, key, dutch in (
        ("titel", "title", "Deur-tot-deur:"),
        ("bezoeklijst_kop", "list", "Bezoeklijst"),
    ):
        label = layout.itemById(label_id)
        if label is not None and headings.get(key):
            label.setText(label.text().replace(dutch, headings[key].replace("'", "''")))


def _add_table(layout) -> QgsLayoutItemAttributeTable:
    table = QgsLayoutItemAttributeTable.create(layout)
    columns = []
    for field, heading, width in COLUMNS:
        column = QgsLayoutTableColumn(heading)
        column.setAttribute(field)
        column.setWidth(width)
        columns.append(column)
    table.setColumns(columns)
    table.setFilterFeatures(True)
    table.setFeatureFilter(TABLE_FILTER)
    table.setMaximumNumberOfFeatures(1000)
    table.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
    table.setCellMargin(0.6)
    kit.set_table_fonts(table, 6.0)
    table.setEmptyTableBehavior(QgsLayoutTable.EmptyTableMode.HideTable)
    layout.addMultiFrame(table)
    frame = QgsLayoutFrame(layout, table)
    kit._place(frame, 0, kit.MARGIN, 121, kit.BODY_W, 168)
    table.addFrame(frame)
    return table
