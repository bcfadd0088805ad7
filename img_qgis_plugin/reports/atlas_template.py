"""The start-area atlas template (``resources/layouts/startgebied_atlas.qpt``): make and load it.

The template holds the page: the Dutch headings, two atlas-driven maps (the overview on page 0,
the sheet map on every other page, each left out of the pages it does not belong to), their
scale bars and north arrows, the overview's legend and the visit-list table with its column
titles and the empty columns for the round. Layers are bound when it is loaded, because their
ids differ per run. ``write_template`` regenerates the file after a change here (run it inside
QGIS's Python).
"""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsLayoutFrame,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutObject,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsPrintLayout,
    QgsProject,
    QgsProperty,
    QgsReadWriteContext,
    QgsRectangle,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtXml import QDomDocument

from domain.groundmotion.coordinates import RD_NEW
from img_qgis_plugin.gui.i18n import tr
from img_qgis_plugin.paths import resource
from img_qgis_plugin.reports import layout_kit as kit

TEMPLATE = ("layouts", "startgebied_atlas.qpt")
MAP_ID = "kaart"
OVERVIEW_ID = "overzicht"
TABLE_ID = "bezoeklijst"
LEGEND_ID = "overzicht_legenda"
#: visit-list columns: (field of the stops layer, Dutch heading, width mm); the last three stay
#: empty, boxes to fill in by hand on the round
COLUMNS = (
    ("volgorde", "Nr.", 10),  # the note beside the list's heading says what it counts
    ("adres", "Adres", 26),
    ("postcode", "Postcode", 12),
    ("situatie", "Situatie", 26),
    ("reden", "Reden van bezoek", 53),
    ("bezocht", "Bezocht", 9),
    ("niet_thuis", "Niet thuis", 8),
    ("notitie", "Notitie", 19),
)
ROUND_FIELDS = ("bezocht", "niet_thuis", "notitie")
# the page, in mm: a sheet map above the list, or the overview map filling the page
MAP_TOP = 30.0
MAP_HEIGHT = 72.0
OVERVIEW_HEIGHT = 228.0
TABLE_TOP = MAP_TOP + MAP_HEIGHT + 17.0
HEADING_W = 45.0  # the list's heading; the note on its column "Nr." beside it
LIST_NOTE = (
    "Nr.: volgorde in de looproute; adressen op één plek delen één nummer op de kaart (4–5)."
)
GRONINGEN_EXTENT = (220000.0, 560000.0, 280000.0, 620000.0)
ATLAS_PAGE = "attribute(@atlas_feature, 'blad')"
TABLE_FILTER = f'"blad" = {ATLAS_PAGE}'
ON_OVERVIEW = f"{ATLAS_PAGE} = 0"
ON_SHEETS = f"{ATLAS_PAGE} > 0"


def map_aspect(overview: bool) -> float:
    """Width over height of a map item: the atlas pages are cut to it, so a page's map shows
    exactly its sheet (the sheet index on the overview is then the truth)."""
    return kit.BODY_W / (OVERVIEW_HEIGHT if overview else MAP_HEIGHT)


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
    overview = _atlas_map(layout, page, OVERVIEW_ID, OVERVIEW_HEIGHT, ON_SHEETS)
    sheet = _atlas_map(layout, page, MAP_ID, MAP_HEIGHT, ON_OVERVIEW)
    below_overview = MAP_TOP + OVERVIEW_HEIGHT + 1.5
    _only_on(
        kit.add_scalebar(layout, page, kit.MARGIN, below_overview, overview, 70.0),
        ON_SHEETS,
        "overzicht_schaal",
    )
    _only_on(
        kit.add_scalebar(layout, page, kit.MARGIN, MAP_TOP + MAP_HEIGHT + 1.5, sheet, 70.0),
        ON_OVERVIEW,
        "kaart_schaal",
    )
    for item, hide_on, name in (
        (overview, ON_SHEETS, "overzicht_noordpijl"),
        (sheet, ON_OVERVIEW, "kaart_noordpijl"),
    ):
        arrow = kit.add_north_arrow(
            layout, page, kit.MARGIN + kit.BODY_W - 11, MAP_TOP + 2, 9, item
        )
        if arrow is not None:
            _only_on(arrow, hide_on, name)
    legend = QgsLayoutItemLegend(layout)
    legend.setTitle("Legenda")
    legend.setAutoUpdateModel(False)
    legend.setResizeToContents(True)
    legend.setColumnCount(2)
    kit.style_legend(legend, 7.0)
    layout.addLayoutItem(legend)
    kit._place(legend, page, kit.MARGIN + 80, below_overview, 20, 10)
    _only_on(legend, ON_SHEETS, LEGEND_ID)
    heading = kit.add_label(
        layout, page, kit.MARGIN, TABLE_TOP - 8, HEADING_W, 7, "Bezoeklijst", 11, True
    )
    _only_on(heading, ON_OVERVIEW, "bezoeklijst_kop")
    note = kit.add_label(
        layout,
        page,
        kit.MARGIN + HEADING_W,
        TABLE_TOP - 8,
        kit.BODY_W - HEADING_W,
        7,
        LIST_NOTE,
        7,
    )
    note.setHAlign(Qt.AlignmentFlag.AlignRight)
    note.setVAlign(Qt.AlignmentFlag.AlignBottom)
    _only_on(note, ON_OVERVIEW, "bezoeklijst_uitleg")
    _add_table(layout)
    return layout


def _only_on(item, hidden_when: str, name: str):
    """Leave ``item`` out of the pages where ``hidden_when`` holds (overview or sheet)."""
    item.setId(name)
    item.dataDefinedProperties().setProperty(
        QgsLayoutObject.DataDefinedProperty.ExcludeFromExports,
        QgsProperty.fromExpression(hidden_when),
    )
    return item


def _atlas_map(layout, page: int, name: str, height: float, hidden_when: str):
    item = QgsLayoutItemMap(layout)
    item.setFrameEnabled(True)
    item.setCrs(QgsCoordinateReferenceSystem(RD_NEW))
    layout.addLayoutItem(item)
    kit._place(item, page, kit.MARGIN, MAP_TOP, kit.BODY_W, height)
    item.zoomToExtent(QgsRectangle(*GRONINGEN_EXTENT))  # a map without extent loads with no size
    item.setAtlasDriven(True)
    item.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
    item.setAtlasMargin(0.0)  # the pages are already cut to the map's shape
    return _only_on(item, hidden_when, name)


def write_template(path: str | None = None) -> str:
    """Save the template file (layers are bound at load time; see :func:`load_atlas_layout`)."""
    layout = build_template_layout()
    path = path or resource(*TEMPLATE)
    layout.saveAsTemplate(path, QgsReadWriteContext())
    return path


def load_atlas_layout(
    project, coverage, stops, layers: dict, legend_layers, headings=None, kilometres=False
) -> QgsPrintLayout:
    """The template loaded, its atlas over ``coverage`` and its table over ``stops``;
    ``layers`` holds the layers of the ``"overview"`` and the ``"sheet"`` map (top first),
    ``legend_layers`` those the overview's legend explains; ``kilometres`` for an overview
    scale bar in km."""
    layout = QgsPrintLayout(project)
    document = QDomDocument()
    with open(resource(*TEMPLATE), encoding="utf-8") as handle:
        document.setContent(handle.read())
    _items, ok = layout.loadFromTemplate(document, QgsReadWriteContext())
    if not ok:
        raise kit.LayoutError(
            tr(
                "{0}: het afdruksjabloon kon niet worden gelezen; installeer de plug-in opnieuw."
            ).format(resource(*TEMPLATE))
        )
    atlas = layout.atlas()
    atlas.setCoverageLayer(coverage)
    atlas.setEnabled(True)
    atlas.setSortFeatures(True)
    atlas.setSortExpression('"blad"')
    atlas.setPageNameExpression('"blad"')
    headings = headings or {}
    _translate_labels(layout, headings)
    maps = {}
    for name, key in ((OVERVIEW_ID, "overview"), (MAP_ID, "sheet")):
        item = layout.itemById(name)
        if not isinstance(item, QgsLayoutItemMap):
            raise kit.LayoutError(
                tr("{0}: de kaart '{1}' ontbreekt.").format(resource(*TEMPLATE), name)
            )
        item.setLayers([layer for layer in layers[key] if layer is not None])
        item.setKeepLayerSet(True)
        item.setCrs(coverage.crs())
        maps[name] = item
    _link_furniture(layout, maps, kilometres)
    legend = layout.itemById(LEGEND_ID)
    if isinstance(legend, QgsLayoutItemLegend):
        legend.setTitle(headings.get("legend", legend.title()))
        legend.setLinkedMap(maps[OVERVIEW_ID])
        kit.set_legend_layers(legend, legend_layers)
        kit.size_legend(legend)
    tables = [f for f in layout.multiFrames() if isinstance(f, QgsLayoutItemAttributeTable)]
    if not tables:
        raise kit.LayoutError(
            tr("{0}: de bezoeklijst-tabel ontbreekt.").format(resource(*TEMPLATE))
        )
    table = tables[0]
    columns = list(table.columns())  # the template's titles; binding a layer resets them
    table.setVectorLayer(stops)
    for column in columns:
        column.setHeading(headings.get(column.attribute(), column.heading()))
    table.setColumns(columns)
    table.setFeatureFilter(TABLE_FILTER)
    table.setFilterFeatures(True)
    table.refresh()
    return layout


def _link_furniture(layout, maps: dict, kilometres: bool) -> None:
    """Scale bars and north arrows follow their map again (links are not kept by a template
    load), and the north arrow is QGIS's own SVG on this machine. Each page's map has its own
    scale, so the bars take round steps again whenever the atlas turns a page."""
    bars = []
    for prefix, map_item in (("overzicht", maps[OVERVIEW_ID]), ("kaart", maps[MAP_ID])):
        bar = layout.itemById(f"{prefix}_schaal")
        if isinstance(bar, QgsLayoutItemScaleBar):
            bar.setLinkedMap(map_item)
            kit.set_scalebar_units(bar, kilometres and prefix == "overzicht")
            bars.append(bar)
        arrow = layout.itemById(f"{prefix}_noordpijl")
        if isinstance(arrow, QgsLayoutItemPicture):
            path = kit.north_arrow_path()
            if path:
                arrow.setPicturePath(path)
            arrow.setLinkedMap(map_item)
    layout.atlas().featureChanged.connect(
        lambda _feature: [kit.round_segments(bar) for bar in bars]
    )


def _translate_labels(layout, headings: dict) -> None:
    """The template's Dutch headings in the user's language (``title``, ``list``, ``list_note``)."""
    for label_id, key, dutch in (
        ("titel", "title", "Deur-tot-deur:"),
        ("bezoeklijst_kop", "list", "Bezoeklijst"),
        ("bezoeklijst_uitleg", "list_note", LIST_NOTE),
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
        if field in ROUND_FIELDS[:2]:
            column.setHAlignment(Qt.AlignmentFlag.AlignHCenter)
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
    _only_on(frame, ON_OVERVIEW, TABLE_ID)
    kit._place(frame, 0, kit.MARGIN, TABLE_TOP, kit.BODY_W, kit.PAGE_H - 8 - TABLE_TOP)
    table.addFrame(frame)
    return table
