"""Case dossier PDF: one object's map, data, claim history, quakes, PGV chart, verdicts, hand-offs.

Everything shown comes from ``domain.presentation.object_view`` (the same view the panel shows), so the PDF
and the screen never disagree. Persons appear only by pseudonymous id; the export is audited.
The map marks the object itself (a highlight layer on top, labelled with its address) among its
neighbours and the areas around it, with legend, scale bar, north arrow and, where the plugin
has one, the background map; the layout is checked and fitted before it is written.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile

from qgis.core import (
    Qgis,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFillSymbol,
    QgsGeometry,
    QgsLayoutSize,
    QgsLinePatternFillSymbolLayer,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsSimpleMarkerSymbolLayer,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, Qt
from qgis.PyQt.QtGui import QColor, QImage

from domain.groundmotion.coordinates import RD_NEW
from domain.presentation.object_view import object_view
from domain.store.motion_settings import store_motion_settings
from img_qgis_plugin.background import find_background_layer
from img_qgis_plugin.gui.i18n import (
    NO_VALUE,
    euro_text,
    number_text,
    pgv_text,
    quake_day,
    tr,
    ui_language,
    yes_no,
)
from img_qgis_plugin.gui.object_panel import catalog_end_text
from img_qgis_plugin.gui.panel_tables import code_label, outcome_label, scheme_label, use_label
from img_qgis_plugin.identity import current_user
from img_qgis_plugin.reports import layout_kit as kit
from img_qgis_plugin.reports.sources import map_layers, resolve_store

#: recipients and whether they may see the names of legal persons (companies, housing
#: associations); natural persons are never named in a dossier, only by pseudonymous id
RECIPIENTS = {"taskforce": True, "ivs": True, "commissie_mijnbouwschade": True, "gemeente": False}
#: the store's layer the dossier map reuses as it is styled (status classes, no labels)
OBJECT_LAYER_KEY = "objects"
PARCEL_STYLE = {"outline": "130,130,130", "width": 0.25}
#: area layers, top first, copied for the map in a report style of their own: one light fill
#: (the effect area) with hatches crossing it and outlines on top, so overlapping areas keep
#: their own colours instead of mixing into olive; the copies carry no labels, so no area
#: name sits on the object
AREA_STYLES = {
    "areas_start_area": {"outline": "27,122,27", "width": 0.8},
    "areas_zone_6km": {"outline": "31,120,180", "width": 0.5, "dash": True},
    "areas_dh_area": {"outline": "106,61,154", "width": 0.4, "hatch": 135.0},
    "areas_subsidence": {"outline": "107,68,35", "width": 0.4, "hatch": 45.0},
    "areas_effect_area": {"outline": "224,128,0", "width": 0.4, "fill": "255,160,0,45"},
}
HIGHLIGHT_COLOR = "#d7006f"
MAP_ID = "dossier_kaart"
#: the note under the legend naming the outlined areas the whole map lies in
AROUND_NOTE_ID = "ligt_binnen"
# page 1, in mm: the map with its legend beside it, the scale bar under it
MAP_TOP, MAP_W, MAP_H = 34.0, 125.0, 100.0
LEGEND_X = kit.MARGIN + MAP_W + 3
# the object table under the map, the chart on the quakes' page (mm)
OBJECT_TOP, OBJECT_H = 155.0, 135.0
CHART_TOP, CHART_H = 22.0, 72.0
# a section on a page of its own starts at SECTION_TOP; its table sits HEADING_H under its
# heading and ends at BODY_BOTTOM; SECTION_GAP separates it from a block above it on one page
SECTION_TOP, HEADING_H, SECTION_GAP = 12.0, 10.0, 7.0
BODY_BOTTOM = kit.PAGE_H - 12.0
# column widths in mm; each table fits the 180 mm body with its cell margins
OBJECT_WIDTHS = [45, 130]
CLAIM_WIDTHS = [24, 26, 17, 17, 19, 17, 10, 13, 20]
QUAKE_WIDTHS = [34, 30, 14, 20, 20, 20, 26]
VERDICT_WIDTHS = [34, 30, 107]
HANDOFF_WIDTHS = [17, 24, 19, 17, 26, 60]


def verdict_titles() -> dict[str, str]:
    return {
        "vaste_vergoeding": tr("Vaste vergoeding"),
        "aanvullende_vaste_vergoeding": tr("Aanvullende vaste vergoeding"),
        "new_claim": tr("Nieuwe melding na finaal besluit"),
        "duurzaam_herstel": tr("Duurzaam herstel"),
        "nulmeting": tr("Nulmeting"),
    }


def recipient_label(recipient: str) -> str:
    """Who the dossier is for, by name (the store's code never shows)."""
    from domain.rules.handoff import target_label

    labels = {
        "taskforce": tr("Taskforce Complexe Zaken"),
        "ivs": target_label("IVS", ui_language()),
        "commissie_mijnbouwschade": tr("Commissie Mijnbouwschade"),
        "gemeente": tr("Gemeente"),
    }
    return labels.get(recipient, recipient)


def _check_recipient(recipient: str) -> None:
    if recipient not in RECIPIENTS:
        raise ValueError(
            tr("Onbekende ontvanger '{0}'; kies uit: {1}.").format(
                recipient, ", ".join(sorted(RECIPIENTS))
            )
        )


def export_dossier(source, object_id: int, path: str, as_of=None, recipient: str = "taskforce"):
    """Write the dossier of ``object_id`` to ``path`` (PDF) and audit it; returns ``path``.

    ``source`` is the plugin, its ``StoreController`` or an open store.
    """
    with dossier_layout(source, object_id, as_of, recipient) as layout:
        kit.export_pdf(layout, str(path))
    store = resolve_store(source)
    store.audit(current_user(), "export_dossier", int(object_id), os.path.basename(str(path)))
    return str(path)


@contextlib.contextmanager
def dossier_layout(source, object_id: int, as_of=None, recipient: str = "taskforce"):
    """The dossier of ``object_id`` laid out and fitted to its pages; its chart and map layers
    exist while the block runs (the export, the tests and the end-to-end checks read it)."""
    _check_recipient(recipient)
    store = resolve_store(source)
    as_of = as_of or dt.date.today()
    record = store.read_object(int(object_id))
    lang = ui_language()
    view = object_view(record, as_of, lang=lang)
    view["motion"] = {"text": store_motion_settings(store).describe(lang)}
    with contextlib.ExitStack() as stack:
        tmp = stack.enter_context(tempfile.TemporaryDirectory())
        layers = stack.enter_context(map_layers(source))
        keep = stack.enter_context(kit.temporary_layers())
        chart_png = os.path.join(tmp, "pgv.png")
        render_chart(view, chart_png)
        layout = build_dossier_layout(view, record, layers, chart_png, recipient, keep)
        kit.log_problems(layout.name(), kit.fit(layout))
        yield layout


def render_chart(view: dict, png_path: str, width: int = 1400, height: int = 560) -> str:
    """The panel's own PGV chart, filled the panel's way, rendered to a PNG."""
    from img_qgis_plugin.gui.object_panel import ObjectPanel

    panel = ObjectPanel()
    try:
        panel.show_object(view)
        chart = panel.chart
        # out of the panel's layout, which would keep it at the panel's size: the chart
        # then fills the whole picture, with no white band under its axis
        chart.setParent(None)
        chart.resize(width // 2, height // 2)
        image = QImage(width, height, QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(2.0)
        image.fill(QColor("white"))
        chart.render(image)
        image.save(png_path, "PNG")
        chart.deleteLater()
    finally:
        panel.deleteLater()
    return png_path


def build_dossier_layout(view: dict, record, layers: dict, chart_png: str, recipient: str, keep):
    """The dossier's pages; ``keep`` takes the temporary map layers (see
    :func:`layout_kit.temporary_layers`)."""
    obj = view["object"]
    layout = kit.new_layout(QgsProject.instance(), f"Dossier {obj['id']}")
    page = kit.add_page(layout)
    _header(layout, page, view, record, recipient)
    facts = kit.split_long_cells(object_rows(view, record, recipient))
    claims = _table_rows(claim_rows(view), claim_headers())
    grow = _map_growth(layout, facts, claims)
    _map_block(layout, page, view, record, layers, keep, MAP_H + grow)
    object_top = OBJECT_TOP + grow
    kit.add_label(
        layout, page, kit.MARGIN, object_top - 7, kit.BODY_W, 6, tr("Object en adres"), 11, True
    )
    # a long owner list continues on the next page (added now, before the other sections)
    objects = kit.add_table(
        layout,
        page,
        kit.MARGIN,
        object_top,
        kit.BODY_W,
        OBJECT_H - grow,
        object_headers(),
        facts,
        widths=OBJECT_WIDTHS,
        overflow=True,
        name="object",
    )
    # the claims follow right under the object table when they start on page 1
    below = _shrink_to_rows(objects, object_top)
    _section(
        layout,
        tr("Meldingen (schadehistorie)"),
        claim_headers(),
        claims,
        CLAIM_WIDTHS,
        "meldingen",
        first=None if below is None or grow else (page, below + SECTION_GAP),
    )
    # the chart and the quakes it plots share a page, the table right under the chart
    page = kit.add_page(layout)
    kit.add_label(
        layout, page, kit.MARGIN, SECTION_TOP, kit.BODY_W, 8, tr("PGV per beving"), 13, True
    )
    kit.add_picture(layout, page, kit.MARGIN, CHART_TOP, kit.BODY_W, CHART_H, chart_png)
    _section(
        layout,
        tr("Bevingen"),
        quake_headers(),
        quake_rows(view),
        QUAKE_WIDTHS,
        "bevingen",
        first=(page, CHART_TOP + CHART_H + 4),
    )
    _section(
        layout,
        tr("Oordelen met redenen"),
        verdict_headers(),
        verdict_rows(view),
        VERDICT_WIDTHS,
        "oordelen",
    )
    _section(
        layout,
        tr("Overdrachten en historie"),
        handoff_headers(),
        handoff_rows(view),
        HANDOFF_WIDTHS,
        "overdrachten",
    )
    return layout


def _map_growth(layout, facts: list, claims: list) -> float:
    """How much taller than ``MAP_H`` the map is drawn (mm): when the claims start on a page
    of their own, the map takes the room they leave under the object table; 0 when the claims
    start on page 1 (or the object table itself runs on to page 2)."""
    with kit.measuring_table(layout, object_headers(), facts, OBJECT_WIDTHS) as measure:
        height = kit.height_for_rows(measure, 0, len(facts), OBJECT_H)
    if height is None:
        return 0.0
    bottom = OBJECT_TOP + height + kit.TOLERANCE_MM
    with kit.measuring_table(layout, claim_headers(), claims, CLAIM_WIDTHS) as measure:
        parts = page_parts(measure, len(claims), (0, bottom + SECTION_GAP))
    if parts[0][0] is not None:
        return 0.0
    return max(0.0, BODY_BOTTOM - bottom - 2.0)


def _table_rows(rows: list, headers: list) -> list:
    """A table's rows with long cells split; one row saying "none" when there are none."""
    return kit.split_long_cells(rows or [[NO_VALUE] + [""] * (len(headers) - 1)])


def _shrink_to_rows(table, top: float) -> float | None:
    """A one-frame table's frame cut to the height its rows take; its bottom (mm on its page),
    or None when the table runs on to another page."""
    (frame, *more) = table.frames()
    height = kit.height_for_rows(table, 0, len(table.contents()), frame.rect().height())
    if more or height is None:
        return None
    height += kit.TOLERANCE_MM  # rounding in QGIS's own layout of the rows
    frame.attemptResize(QgsLayoutSize(frame.rect().width(), height, kit.MM))
    return top + height


def _section(layout, heading, headers, rows, widths, name, first=None) -> None:
    """A heading and its table over as many pages as its rows need (see :func:`page_parts`);
    ``first`` = (page, top) starts it lower on a page that already holds something."""
    rows = _table_rows(rows, headers)
    with kit.measuring_table(layout, headers, rows, widths) as measure:
        parts = page_parts(measure, len(rows), first)
    for n, (page, top, start, end) in enumerate(parts):
        page = kit.add_page(layout) if page is None else page
        text = heading if n == 0 else tr("{0} (vervolg)").format(heading)
        kit.add_label(layout, page, kit.MARGIN, top, kit.BODY_W, 8, text, 13, bold=True)
        kit.add_table(
            layout,
            page,
            kit.MARGIN,
            top + HEADING_H,
            kit.BODY_W,
            _room(top),
            headers,
            rows[start:end],
            widths,
            overflow=True,  # a safety net only: the parts are measured to fit
            name=f"{name}_{n + 1}",
        )


def _room(top: float) -> float:
    """The height a section's table has under its heading at ``top`` (mm)."""
    return BODY_BOTTOM - top - HEADING_H


def page_parts(measure, total: int, first=None) -> list[list]:
    """Where a table's rows go: [page or None for a new page, top, first row, end row] for
    each page. Every page takes the rows that fit it (QGIS's own row heights, measured on
    ``measure``), except that no page of a table over more pages holds fewer than
    :data:`layout_kit.SPARSE_PAGE_ROWS` rows: a start low on a page that has room for fewer
    moves to a page of its own, and the last page takes rows over from the page before."""
    for spot in (first, None) if first is not None else (None,):
        parts = _fill(measure, total, spot)
        if len(parts) > 1 and parts[-1][3] - parts[-1][2] < kit.SPARSE_PAGE_ROWS:
            before, last = parts[-2:]
            start = last[3] - -(-(last[3] - before[2]) // 2)  # the last takes the larger half
            if kit.rows_that_fit(measure, _room(last[1]), start) >= last[3] - start:
                before[3] = last[2] = start
        if (
            len(parts) == 1
            or min(end - start for _, _, start, end in parts) >= kit.SPARSE_PAGE_ROWS
        ):
            break  # else: the rows start on a page of their own instead of under ``first``
    return parts


def _fill(measure, total: int, first) -> list[list]:
    parts, start, spot = [], 0, first
    while start < total or not parts:
        page, top = spot if spot is not None else (None, SECTION_TOP)
        fits = kit.rows_that_fit(measure, _room(top), start)
        if spot is not None and fits < 1:  # no room left under the block above
            spot = None
            continue
        end = min(total, start + max(1, fits))  # a row taller than a page is split before
        parts.append([page, top, start, end])
        start, spot = end, None
    return parts


def _header(layout, page: int, view: dict, record, recipient: str) -> None:
    obj = view["object"]
    title = tr("Dossier object {0}").format(obj["id"])
    kit.add_label(layout, page, kit.MARGIN, 10, kit.BODY_W, 9, title, 16, bold=True).setId("titel")
    addresses = obj.get("addresses") or []
    where = addresses[0] if addresses else NO_VALUE
    if len(addresses) > 1:
        where = tr("{0} (+{1} adressen)").format(where, len(addresses) - 1)
    kit.add_label(layout, page, kit.MARGIN, 19, kit.BODY_W, 6, where, 11).setId("adres")
    subtitle = tr("Peildatum {0} · ontvanger: {1} · opgemaakt {2} · personen pseudoniem").format(
        view["as_of"], recipient_label(recipient), dt.date.today().isoformat()
    )
    kit.add_label(layout, page, kit.MARGIN, 25.5, kit.BODY_W, 7.5, subtitle, 8).setId("kop")


# --- the map: the object highlighted among its neighbours and the areas it lies in ----------
def _map_block(layout, page: int, view: dict, record, layers: dict, keep, map_h: float) -> None:
    obj = view["object"]
    parcels = _own_parcels(obj, layers.get("parcels"))
    map_item = kit.add_map(
        layout, page, kit.MARGIN, MAP_TOP, MAP_W, map_h, [], _extent(obj, parcels)
    )
    map_item.setId(MAP_ID)
    extent = map_item.extent()
    highlight = keep(highlight_layer(obj, record))
    own = keep(own_parcel_layer(parcels)) if parcels else None
    copies, around = area_copies(layers, extent)
    areas = [keep(copy) for copy in copies]
    shown = [highlight, own, layers.get(OBJECT_LAYER_KEY)] + areas
    shown = [layer for layer in shown if layer is not None]
    background = find_background_layer()
    map_item.setLayers(shown + ([background] if background is not None else []))
    kit.add_north_arrow(layout, page, kit.MARGIN + MAP_W - 11, MAP_TOP + 2, 9, map_item)
    kit.add_scalebar(layout, page, kit.MARGIN, MAP_TOP + map_h + 1.5, map_item, 60.0)
    if background is not None:
        credit = kit.add_label(
            layout,
            page,
            kit.MARGIN + 65,
            MAP_TOP + map_h + 1.5,
            MAP_W - 65,
            4.5,
            tr("Achtergrond: {0}").format(attribution(background)),
            6,
        )
        credit.setHAlign(Qt.AlignmentFlag.AlignRight)
        credit.setId("achtergrond")
    legend = kit.add_legend(layout, page, LEGEND_X, MAP_TOP, map_item, shown, tr("Legenda"))
    legend.setId("legenda")
    _fit_legend(legend, map_h)
    if around:  # areas the whole map lies in draw no line in it: said under the legend
        below = MAP_TOP + legend.sizeWithUnits().height() + 2
        note = kit.add_label(
            layout,
            page,
            LEGEND_X,
            below,
            kit.PAGE_W - kit.MARGIN - LEGEND_X,
            MAP_TOP + map_h - below,
            tr("De hele kaart ligt binnen: {0}.").format(", ".join(around)),
            7,
        )
        note.setId(AROUND_NOTE_ID)


def _fit_legend(legend, map_h: float) -> None:
    """The legend stays beside the map: smaller type, then two columns, when it is too big."""
    size = 7.0
    while _legend_too_big(legend, map_h) and size > kit.SMALLEST_FONT:
        size -= 0.5
        kit.style_legend(legend, size)
        kit.size_legend(legend)
    if _legend_too_big(legend, map_h):
        legend.setColumnCount(2)
        kit.size_legend(legend)


def _legend_too_big(legend, map_h: float) -> bool:
    box = legend.sizeWithUnits()
    return box.height() > map_h or LEGEND_X + box.width() > kit.PAGE_W - 5


def attribution(layer) -> str:
    """The background's credit line, as its layer carries it (terms of use of the service)."""
    text = layer.serverProperties().attribution() if hasattr(layer, "serverProperties") else ""
    rights = layer.metadata().rights()
    return text or (rights[0] if rights else layer.name())


def _own_parcels(obj: dict, parcels) -> list:
    if parcels is None:
        return []
    request = QgsFeatureRequest().setFilterExpression(f'"object_id" = {int(obj["id"])}')
    return [QgsGeometry(feature.geometry()) for feature in parcels.getFeatures(request)]


def _extent(obj: dict, parcels: list) -> QgsRectangle:
    x, y = float(obj["x"]), float(obj["y"])
    rect = QgsRectangle(x - 1, y - 1, x + 1, y + 1)
    for geometry in parcels:
        rect.combineExtentWith(geometry.boundingBox())
    return kit.padded(rect, 40.0, minimum_m=250.0)


def address_label(record) -> str:
    """The highlight's label: street and number on one line, postcode and place on the next."""
    addresses = list(getattr(record, "addresses", None) or [])
    if not addresses:
        return tr("Object {0}").format(record.object_id)
    first = addresses[0]
    street, _, rest = first.label().partition(", ")
    text = f"{street}\n{rest}" if rest else street
    if len(addresses) > 1:
        text += "\n" + tr("(+{0} adressen)").format(len(addresses) - 1)
    return text


def highlight_layer(obj: dict, record) -> QgsVectorLayer:
    """The dossier's own object: a marker with a white halo, labelled with its address, drawn
    over everything and always labelled."""
    layer = QgsVectorLayer(f"Point?crs={RD_NEW}", tr("Dit object"), "memory")
    layer.dataProvider().addAttributes(
        [QgsField("object_id", kit.BIGINT), QgsField("label", kit.TEXT)]
    )
    layer.updateFields()
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(obj["x"]), float(obj["y"]))))
    feature.setAttributes([int(obj["id"]), address_label(record)])
    layer.dataProvider().addFeatures([feature])
    layer.setCustomProperty(kit.HIGHLIGHT_PROPERTY, True)
    symbol = QgsMarkerSymbol.createSimple(
        {
            "name": "star",
            "color": HIGHLIGHT_COLOR,
            "size": "4.5",
            "outline_color": "#3c0020",
            "outline_width": "0.3",
        }
    )
    halo = QgsSimpleMarkerSymbolLayer(Qgis.MarkerShape.Circle, 6.5)
    halo.setColor(QColor(255, 255, 255, 170))
    halo.setStrokeColor(QColor(HIGHLIGHT_COLOR))
    halo.setStrokeWidth(0.4)
    symbol.insertSymbolLayer(0, halo)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    settings = kit.point_labels("label", size=8.0, distance=4.5, priority=10)
    settings.displayAll = True  # the one label that must be there, whatever else is drawn
    settings.autoWrapLength = 26  # a long street name wraps instead of running off the map
    settings.useMaxLineLengthForAutoWrap = True
    kit.show_labels(layer, settings)
    return layer


def own_parcel_layer(parcels: list) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"MultiPolygon?crs={RD_NEW}", tr("Perceel van dit object"), "memory")
    features = []
    for geometry in parcels:
        feature = QgsFeature()
        feature.setGeometry(geometry)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    symbol = QgsFillSymbol.createSimple(
        {"style": "no", "outline_color": HIGHLIGHT_COLOR, "outline_width": "0.7"}
    )
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    return layer


def area_symbol(style: dict) -> QgsFillSymbol:
    """An area's report symbol: a light fill, a hatch or an outline only (see ``AREA_STYLES``)."""
    symbol = QgsFillSymbol.createSimple(
        {
            "style": "solid" if style.get("fill") else "no",
            "color": style.get("fill", "0,0,0,0"),
            "outline_color": style["outline"],
            "outline_width": str(style["width"]),
            "outline_style": "dash" if style.get("dash") else "solid",
        }
    )
    if style.get("hatch") is not None:
        hatch = QgsLinePatternFillSymbolLayer()
        hatch.setLineAngle(style["hatch"])
        hatch.setDistance(2.2)
        hatch.setSubSymbol(QgsLineSymbol.createSimple({"color": style["outline"], "width": "0.25"}))
        symbol.insertSymbolLayer(0, hatch)
    return symbol


def outline_only(style: dict) -> bool:
    """An area drawn by its outline alone (no fill, no hatch): inside it nothing shows."""
    return not style.get("fill") and style.get("hatch") is None


def shows_outline(layer: QgsVectorLayer, extent: QgsRectangle) -> bool:
    """Whether an outline of ``layer`` crosses ``extent``: some area in view does not hold
    all of the map (an area around the whole map draws no line in it)."""
    view = QgsGeometry.fromRect(extent)
    for feature in layer.getFeatures(QgsFeatureRequest().setFilterRect(extent)):
        area = feature.geometry()
        if area.intersects(view) and not area.contains(view):
            return True
    return False


def area_copies(layers: dict, extent: QgsRectangle) -> tuple[list[QgsVectorLayer], list[str]]:
    """The parcels and areas around the object, copied in their report style, and the names
    of outlined areas that hold the whole map. Layers that draw nothing in view (no feature
    there, or only an outline around all of it) are left out, so the legend lists only what
    the map shows."""
    copies, around = [], []
    for key, style in (("parcels", PARCEL_STYLE), *AREA_STYLES.items()):
        source = layers.get(key)
        if source is None:
            continue
        copy = source.materialize(QgsFeatureRequest().setFilterRect(extent))
        if copy is None or copy.featureCount() == 0:
            continue
        if outline_only(style) and not shows_outline(copy, extent):
            around.append(source.name())
            continue
        copy.setName(source.name())
        copy.setRenderer(QgsSingleSymbolRenderer(area_symbol(style)))
        copy.setLabelsEnabled(False)
        copies.append(copy)
    return copies, around


def object_rows(view: dict, record, recipient: str) -> list[list[str]]:
    obj = view["object"]
    year = obj.get("construction_year")
    rows = [
        [tr("Object-id"), str(obj["id"])],
        [tr("Adres(sen)"), "; ".join(obj.get("addresses") or []) or NO_VALUE],
        [tr("Gemeente"), obj.get("municipality") or NO_VALUE],
        [tr("Kadastrale aanduiding"), obj.get("kadastrale_aanduiding") or NO_VALUE],
        [tr("Bouwjaar"), str(year) if year else NO_VALUE],
        [tr("Gebruik"), use_label(obj.get("use"))],
        [tr("WOZ-waarde"), euro_text(obj.get("woz_value"))],
        [tr("Rijksmonument"), yes_no(obj.get("rijksmonument"))],
        [tr("Samenloop (NCG)"), yes_no(obj.get("in_ncg_programme"))],
        [tr("Coördinaten (RD)"), f"{obj['x']:.0f}, {obj['y']:.0f}"],
        # the class the map shows, from the same verdicts as this dossier
        [tr("Kaartstatus"), (view.get("status") or {}).get("label") or NO_VALUE],
        [tr("Bevingscatalogus"), catalog_end_text(view.get("exposure"))],
    ]
    if view.get("motion"):
        rows.append([tr("Trillingen berekend met"), view["motion"]["text"]])
    for owner in getattr(record, "owners", []) or []:
        rows.append([tr("Eigenaar/gebruiker"), owner_text(owner, recipient)])
    return rows


#: the rights on an object (the store's codes) in words
RIGHT_LABELS = {
    "eigendom": QT_TRANSLATE_NOOP("@default", "eigendom"),
    "erfpacht": QT_TRANSLATE_NOOP("@default", "erfpacht"),
    "opstal": QT_TRANSLATE_NOOP("@default", "opstal"),
    "beklemrecht": QT_TRANSLATE_NOOP("@default", "beklemrecht"),
}


def right_label(right: str) -> str:
    """A right on the object (the store's code) in the reader's language."""
    return code_label(RIGHT_LABELS, right)


def owner_text(owner, recipient: str) -> str:
    """Pseudonymous id and right; a legal person's name only when the recipient needs it."""
    text = f"{owner.person_id} ({right_label(owner.right)})"
    if not owner.natural_person and owner.legal_name and RECIPIENTS.get(recipient):
        text += f" – {owner.legal_name}"
    return text


def object_headers() -> list[str]:
    return [tr("Gegeven"), tr("Waarde")]


def claim_headers() -> list[str]:
    return [
        tr("Nummer"),
        tr("Regeling"),
        tr("Ingediend"),
        tr("Besluit"),
        tr("Uitkomst"),
        tr("Bedrag"),
        tr("Finaal"),
        tr("Bezwaar"),
        tr("Termijn overschreden"),
    ]


def claim_rows(view: dict) -> list[list[str]]:
    return [
        [
            claim["id"],
            scheme_label(claim["scheme"]),
            claim["submitted"] or NO_VALUE,
            claim["decided"] or NO_VALUE,
            outcome_label(claim["outcome"]),
            euro_text(claim["amount"]),
            yes_no(claim["final"]),
            yes_no(claim["objection"]),
            yes_no(claim["overdue"]),
        ]
        for claim in view.get("claims", [])
    ]


def quake_headers() -> list[str]:
    return [
        tr("Plaats"),
        tr("Datum"),
        tr("Tijd (NL)"),
        tr("Magnitude (ML)"),
        tr("Afstand (km)"),
        tr("PGV (mm/s)"),
        tr("Catalogus-id"),
    ]


def quake_when(time) -> tuple[str, str]:
    """A quake's date as the panel writes it (the Dutch calendar date, as the rules compare
    it: "16 november 2021") and its Dutch clock time ("00:46")."""
    from domain.presentation.dutch_time import as_utc, zone
    from domain.rules.verdict import render

    day = quake_day(time)
    try:
        stamp = dt.datetime.fromisoformat(str(time).strip().replace("Z", "+00:00"))
    except ValueError:
        stamp = None
    clock = as_utc(stamp).astimezone(zone()).strftime("%H:%M") if stamp else NO_VALUE
    return (render(day, ui_language()) if day else NO_VALUE), clock


def quake_rows(view: dict) -> list[list[str]]:
    """Newest first, each by place and date; the catalogue's event id last, for reference."""
    ordered = sorted(view.get("quakes", []), key=lambda q: str(q.get("time") or ""), reverse=True)
    rows = []
    for quake in ordered:
        day, clock = quake_when(quake.get("time"))
        rows.append(
            [
                quake.get("place") or NO_VALUE,
                day,
                clock,
                number_text(quake.get("ml"), 1),
                number_text(quake.get("epicentral_km"), 1),
                pgv_text(quake.get("pgv_mm_s")),
                str(quake.get("event_id") or ""),
            ]
        )
    return rows


def verdict_headers() -> list[str]:
    return [tr("Oordeel"), tr("Uitkomst"), tr("Reden")]


def _answer(key: str, verdict: dict) -> str:
    if key == "nulmeting":
        return {True: tr("Nulmeting nodig"), False: tr("Geen nulmeting nodig")}.get(
            verdict.get("required"), tr("Onbepaald")
        )
    return {True: tr("Komt in aanmerking"), False: tr("Komt niet in aanmerking")}.get(
        verdict.get("eligible"), tr("Onbepaald: gegevens ontbreken")
    )


def verdict_rows(view: dict) -> list[list[str]]:
    results = {"pass": tr("voldaan"), "fail": tr("niet voldaan")}
    rows = []
    for key, title in verdict_titles().items():
        verdict = view.get("verdicts", {}).get(key)
        if not verdict:
            continue
        answer = _answer(key, verdict)
        if verdict.get("amount_eur") is not None and verdict.get("eligible") is not False:
            answer += f" ({euro_text(verdict['amount_eur'])})"
        rows.append([title, answer, ""])
        for condition in verdict.get("conditions", []):
            result = results.get(str(condition.get("result")), tr("onbepaald"))
            reason = str(condition.get("reason") or condition.get("id") or "")
            rows.append(["", result, reason])
        for note in verdict.get("notes") or []:
            if note.get("reason"):
                rows.append(["", tr("let op"), str(note["reason"])])
    return rows


def handoff_headers() -> list[str]:
    return [tr("Overdracht"), tr("Naar"), tr("Status"), tr("Datum"), tr("Door"), tr("Toelichting")]


def handoff_rows(view: dict) -> list[list[str]]:
    from domain.rules.handoff import reason_label, status_label, submitter_label, target_label

    lang = ui_language()
    rows = []
    for h in view.get("handoffs", []):
        reason = reason_label(h["reason_category"], lang) if h.get("reason_category") else ""
        rows.append(
            [
                str(h["id"]),
                target_label(h["target"], lang),
                status_label(h["status"], lang),
                "",
                submitter_label(h["submitter"], lang) if h.get("submitter") else "",
                f"{reason}: {h.get('narrative') or ''}",
            ]
        )
        for event in h.get("history", []):
            rows.append(
                [
                    "",
                    "",
                    status_label(event["status"], lang),
                    event.get("at") or NO_VALUE,
                    event.get("by") or "",
                    event.get("note") or "",
                ]
            )
    return rows
