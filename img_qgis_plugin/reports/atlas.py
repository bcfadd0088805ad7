"""Start-area atlas PDF for the door-to-door round: an overview page with the walking route,
then pages of map + visit list (12 addresses each), every page's map zoomed to its own stops.

The visit list (who to visit, why, in which order) comes from ``domain.planning.visit_list``;
this module only lays it out, through the print-layout template ``startgebied_atlas.qpt``.
"""

from __future__ import annotations

import contextlib

from qgis.core import (
    Qgis,
    QgsFeature,
    QgsField,
    QgsFillSymbol,
    QgsGeometry,
    QgsLayoutExporter,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsPointXY,
    QgsProject,
    QgsProperty,
    QgsRectangle,
    QgsSingleSymbolRenderer,
    QgsSymbolLayer,
    QgsVectorLayer,
)

from domain.groundmotion.coordinates import RD_NEW
from domain.planning import visit_list
from domain.presentation.text_format import postcode as postcode_text
from img_qgis_plugin.background import find_background_layer
from img_qgis_plugin.gui.i18n import number_text, tr, ui_language
from img_qgis_plugin.identity import current_user
from img_qgis_plugin.reports import layout_kit as kit
from img_qgis_plugin.reports.atlas_template import (
    ATLAS_PAGE,
    MAP_ID,
    ROUND_FIELDS,
    load_atlas_layout,
    map_aspect,
)
from img_qgis_plugin.reports.sources import map_layers, resolve_store

#: rows wrap (situations, reason), so a page holds fewer addresses than its lines would suggest
ADDRESSES_PER_PAGE = 12
#: fewer addresses a page when a sheet's rows would not all fit (very long reasons): an address
#: is never left off its page
FEWER_PER_PAGE = (9, 6, 3)
PAGE_MARGIN_M = 40.0
#: an overview wider than this gets its scale bar in kilometres
KILOMETRE_BAR_FROM_M = 2500.0
STOP_COLOR = "#c0392b"
OTHER_SHEET_COLOR = "#9a9a9a"
SHEET_COLOR = "#1f4e9c"
#: a stop is numbered on its own sheet's map only: the overview shows the sheets instead, and
#: a neighbouring sheet's stops show as grey dots without a number
ON_OWN_SHEET = f"@map_id = '{MAP_ID}' AND \"blad\" = {ATLAS_PAGE}"


def export_startarea_atlas(
    source, area_id, path: str, start=None, as_of=None, situations=None
) -> str:
    """Write the atlas of start area ``area_id`` to ``path`` (PDF); returns ``path``.

    ``source`` is the plugin, its ``StoreController`` or an open store; ``start`` an optional
    (x, y) in EPSG:28992 where the round begins; ``situations`` keeps only the addresses in one
    of those situations (the round the list on screen shows).
    """
    store = resolve_store(source)
    with _atlas(source, area_id, start, as_of, situations) as (layout, visits):
        result, error = QgsLayoutExporter.exportToPdf(layout.atlas(), str(path), kit.pdf_settings())
        kit.check_export(result, error, str(path))
    store.audit(current_user(), "export_startarea_atlas", None, f"{visits.area_name}: {path}")
    return str(path)


@contextlib.contextmanager
def startarea_atlas_layout(source, area_id, start=None, as_of=None, situations=None):
    """The atlas layout of a start area, fitted page by page; its map layers exist while the
    block runs (the export, the tests and the end-to-end checks read it)."""
    with _atlas(source, area_id, start, as_of, situations) as (layout, _visits):
        yield layout


@contextlib.contextmanager
def _atlas(source, area_id, start, as_of, situations):
    store = resolve_store(source)
    visits = visit_list(
        store, area_id, start=start, as_of=as_of, situations=situations, lang=ui_language()
    )
    project = QgsProject.instance()
    with kit.temporary_layers(project) as keep, map_layers(source, project) as layers:
        sizes = (ADDRESSES_PER_PAGE, *FEWER_PER_PAGE)
        for per_page in sizes:
            layout = _layout(project, visits, layers, keep, per_page)
            # a sheet whose rows are cut off ends the try at once (unless it is the last)
            problems = fit_pages(layout, give_up_on="rows" if per_page != sizes[-1] else "")
            if not any(problem.kind == "rows" for problem in problems):
                break
        kit.log_problems(tr("Bezoeklijst {0}").format(visits.area_name), problems)
        yield layout, visits


def _layout(project, visits, layers: dict, keep, per_page: int):
    made = {key: keep(layer) for key, layer in _memory_layers(visits, per_page).items()}
    background = find_background_layer(project)
    below = [layers.get("parcels"), made["area"], background]
    layout = load_atlas_layout(
        project,
        made["pages"],
        made["stops"],
        {
            "overview": [made["sheets"], made["stops"], made["route"], *below],
            "sheet": [made["stops"], made["route"], *below],
        },
        [made["stops"], made["route"], made["sheets"], made["area"]],
        headings=_headings(),
        kilometres=_overview_width(made["pages"]) > KILOMETRE_BAR_FROM_M,
    )
    if background is not None:
        _credit(layout, background)
    return layout


def fit_pages(layout, give_up_on: str = "") -> list[str]:
    """Fit every atlas page (labels and tables shrink where needed) and list, page by page,
    what still does not fit. Fonts only ever shrink, so a page fitted stays fitted. With
    ``give_up_on`` (a problem kind) the pass stops at the first page with such a problem."""
    return _each_page(layout, kit.fit, give_up_on)


def atlas_problems(layout) -> list[str]:
    """:func:`layout_kit.layout_problems` on every page of the atlas, each named by its page."""
    return _each_page(layout, kit.layout_problems)


def _each_page(layout, check, give_up_on: str = "") -> list[str]:
    atlas = layout.atlas()
    problems = []
    atlas.beginRender()
    try:
        for index in range(atlas.count()):
            atlas.seekTo(index)  # refreshes the items, the list filtered to this page
            page = tr("blad {0}").format(index)
            found = [kit.Problem(f"{page}: {each}", each.kind) for each in check(layout)]
            problems += found
            if give_up_on and any(each.kind == give_up_on for each in found):
                break
    finally:
        atlas.endRender()
    return problems


def _credit(layout, background) -> None:
    from img_qgis_plugin.reports.dossier import attribution

    label = kit.add_label(
        layout,
        0,
        kit.MARGIN,
        kit.PAGE_H - 7.5,
        kit.BODY_W,
        4,
        tr("Achtergrond: {0}").format(attribution(background)),
        6,
    )
    label.setId("achtergrond")


def _overview_width(pages: QgsVectorLayer) -> float:
    for feature in pages.getFeatures():
        if feature["blad"] == 0:
            return feature.geometry().boundingBox().width()
    return 0.0


def page_count(n_addresses: int, per_page: int = ADDRESSES_PER_PAGE) -> int:
    """Overview page plus one page per started block of addresses."""
    return 1 + max(1, -(-n_addresses // per_page))


def _headings() -> dict:
    return {
        "volgorde": tr("Nr."),
        "adres": tr("Adres"),
        "postcode": tr("Postcode"),
        "situatie": tr("Situatie"),
        "reden": tr("Reden van bezoek"),
        "bezocht": tr("Bezocht"),
        "niet_thuis": tr("Niet thuis"),
        "notitie": tr("Notitie"),
        "title": tr("Deur-tot-deur:"),
        "list": tr("Bezoeklijst"),
        "list_note": tr(
            "Nr.: volgorde in de looproute; adressen op één plek delen één nummer op de kaart "
            "(4–5)."
        ),
        "legend": tr("Legenda"),
    }


def _memory_layers(visits, per_page: int) -> dict[str, QgsVectorLayer]:
    crs = f"crs={RD_NEW}"
    area = QgsVectorLayer(f"MultiPolygon?{crs}", tr("Startgebied"), "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromWkt(visits.polygon_wkt))
    area.dataProvider().addFeatures([feature])
    area.setRenderer(
        QgsSingleSymbolRenderer(
            QgsFillSymbol.createSimple(
                {"color": "255,200,0,40", "outline_color": "27,122,27", "outline_width": "0.5"}
            )
        )
    )
    pages = _pages(visits, per_page)
    return {
        "area": area,
        "stops": _stops(visits, per_page),
        "route": _route(visits),
        "pages": pages,
        "sheets": sheet_index(pages),
    }


def _stops(visits, per_page: int) -> QgsVectorLayer:
    stops = QgsVectorLayer(f"Point?crs={RD_NEW}", tr("Bezoekadressen"), "memory")
    fields = [
        QgsField("blad", kit.INT),
        QgsField("volgorde", kit.INT),
        QgsField("adres", kit.TEXT),
        QgsField("postcode", kit.TEXT),
        QgsField("situatie", kit.TEXT),
        QgsField("reden", kit.TEXT),
        QgsField("object_id", kit.BIGINT),
        QgsField("nummer", kit.TEXT),
    ] + [QgsField(name, kit.TEXT) for name in ROUND_FIELDS]  # filled in by hand
    stops.dataProvider().addAttributes(fields)
    stops.updateFields()
    features = []
    numbers = stop_numbers(visits.rows, per_page)
    for row in visits.rows:
        feature = QgsFeature(stops.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(row.x, row.y)))
        feature.setAttributes(
            [
                1 + (row.order - 1) // per_page,
                row.order,
                f"{row.address}, {row.place}".strip(", "),
                postcode_text(row.postcode),
                ", ".join(row.situations),
                row.reason,
                row.object_id,
                numbers[row.order],
            ]
            + [""] * len(ROUND_FIELDS)
        )
        features.append(feature)
    stops.dataProvider().addFeatures(features)
    symbol = QgsMarkerSymbol.createSimple(
        {"name": "circle", "color": STOP_COLOR, "size": "2.2", "outline_color": "white"}
    )
    symbol.symbolLayer(0).setDataDefinedProperty(
        QgsSymbolLayer.Property.FillColor,
        QgsProperty.fromExpression(
            f"CASE WHEN @map_id = '{MAP_ID}' AND \"blad\" <> {ATLAS_PAGE} "
            f"THEN '{OTHER_SHEET_COLOR}' ELSE '{STOP_COLOR}' END"
        ),
    )
    stops.setRenderer(QgsSingleSymbolRenderer(symbol))
    settings = kit.point_labels("nummer", size=7.0, distance=0.6, priority=8)
    kit.overlap_only_if_required(settings)  # a number moves aside for another first
    settings.dataDefinedProperties().setProperty(
        QgsPalLayerSettings.Property.Show, QgsProperty.fromExpression(ON_OWN_SHEET)
    )
    kit.show_labels(stops, settings)
    return stops


def stop_numbers(rows, per_page: int) -> dict[int, str]:
    """The map label of each stop (by its order): stops on one sheet at one place (the
    addresses of one building) share one label, "4–5" or "4, 7", on the first of them; the
    others get none, so no two numbers sit side by side on one dot."""
    places: dict[tuple, list[int]] = {}
    for row in rows:
        sheet = 1 + (row.order - 1) // per_page
        places.setdefault((sheet, round(row.x, 1), round(row.y, 1)), []).append(row.order)
    numbers = {}
    for orders in places.values():
        orders.sort()
        numbers.update({order: "" for order in orders})
        numbers[orders[0]] = number_runs(orders)
    return numbers


def number_runs(orders: list[int]) -> str:
    """Whole numbers in ascending order, runs written as ranges: [4, 5, 6, 9] → "4–6, 9"."""
    runs: list[list[int]] = []
    for order in orders:
        if runs and order == runs[-1][-1] + 1:
            runs[-1].append(order)
        else:
            runs.append([order])
    return ", ".join(f"{run[0]}–{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs)


def _route(visits) -> QgsVectorLayer:
    route = QgsVectorLayer(f"LineString?crs={RD_NEW}", tr("Looproute"), "memory")
    points = [QgsPointXY(*visits.start)] if visits.start else []
    points += [QgsPointXY(row.x, row.y) for row in visits.rows]
    if len(points) >= 2:
        feature = QgsFeature()
        feature.setGeometry(QgsGeometry.fromPolylineXY(points))
        route.dataProvider().addFeatures([feature])
    route.setRenderer(
        QgsSingleSymbolRenderer(QgsLineSymbol.createSimple({"color": SHEET_COLOR, "width": "0.5"}))
    )
    return route


def fitted(rect: QgsRectangle, aspect: float) -> QgsRectangle:
    """``rect`` grown around its centre to width/height ``aspect`` (the map item's shape)."""
    width, height = rect.width(), rect.height()
    if width / height < aspect:
        width = height * aspect
    else:
        height = width / aspect
    return kit.centred_on(rect, width, height)


def _pages(visits, per_page: int) -> QgsVectorLayer:
    """The atlas coverage: page 0 the whole area, then one feature per block of addresses,
    each cut to the shape of its map so the map shows exactly that rectangle."""
    pages = QgsVectorLayer(f"Polygon?crs={RD_NEW}", tr("Bladen"), "memory")
    pages.dataProvider().addAttributes(
        [
            QgsField("blad", kit.INT),
            QgsField("naam", kit.TEXT),
            QgsField("kop", kit.TEXT),
        ]
    )
    pages.updateFields()
    n = len(visits.rows)
    summary = tr(
        "Overzicht: {0} adressen te bezoeken (van {1} in het gebied); looproute {2} km "
        "(in adresvolgorde {3} km); peildatum {4}."
    ).format(
        number_text(n),
        number_text(visits.total_addresses),
        number_text(visits.route_length_m / 1000.0, 1),
        number_text(visits.address_order_length_m / 1000.0, 1),
        visits.as_of.isoformat() if visits.as_of else "",
    )
    area = QgsGeometry.fromWkt(visits.polygon_wkt).boundingBox()
    for row in visits.rows:  # an address just outside the drawn outline stays on the map
        area.combineExtentWith(row.x, row.y)
    sheets = []
    blocks = kit.chunks(visits.rows, per_page)
    for number, block in enumerate(blocks, start=1):
        if block:
            rect = QgsGeometry.fromMultiPointXY([QgsPointXY(r.x, r.y) for r in block]).boundingBox()
            text = tr("Bezoeklijst – blad {0} van {1}: adressen {2} t/m {3}").format(
                number, len(blocks), block[0].order, block[-1].order
            )
        else:
            rect, text = area, tr("Bezoeklijst – geen adressen te bezoeken.")
        sheets.append(_page(pages, number, visits.area_name, text, rect, map_aspect(False)))
    overview = QgsRectangle(area)
    for sheet in sheets:  # the sheet index drawn whole, inside the overview's frame
        overview.combineExtentWith(sheet.geometry().boundingBox())
    first = _page(pages, 0, visits.area_name, summary, overview, map_aspect(True))
    pages.dataProvider().addFeatures([first, *sheets])
    return pages


def _page(pages, number: int, name: str, text: str, rect, aspect: float) -> QgsFeature:
    feature = QgsFeature(pages.fields())
    shape = fitted(kit.padded(rect, PAGE_MARGIN_M, minimum_m=200.0), aspect)
    feature.setGeometry(QgsGeometry.fromRect(shape))
    feature.setAttributes([number, name, text])
    return feature


def sheet_index(pages: QgsVectorLayer) -> QgsVectorLayer:
    """The sheet index for the overview: every sheet's map rectangle with its number."""
    sheets = QgsVectorLayer(f"Polygon?crs={RD_NEW}", tr("Bladindeling"), "memory")
    sheets.dataProvider().addAttributes([QgsField("blad", kit.INT), QgsField("label", kit.TEXT)])
    sheets.updateFields()
    features = []
    for page in pages.getFeatures():
        if page["blad"] == 0:
            continue
        feature = QgsFeature(sheets.fields())
        feature.setGeometry(QgsGeometry(page.geometry()))
        feature.setAttributes([page["blad"], tr("Blad {0}").format(page["blad"])])
        features.append(feature)
    sheets.dataProvider().addFeatures(features)
    sheets.setRenderer(
        QgsSingleSymbolRenderer(
            QgsFillSymbol.createSimple(
                {
                    "style": "no",
                    "outline_color": SHEET_COLOR,
                    "outline_width": "0.45",
                    "outline_style": "dash",
                }
            )
        )
    )
    settings = QgsPalLayerSettings()
    settings.fieldName = "label"
    # inside its sheet, where no other number sits: overlapping sheets leave room enough, and
    # a number overlaps another only when no free place is left (it is never dropped)
    settings.placement = Qgis.LabelPlacement.Horizontal
    settings.priority = 10
    kit.overlap_only_if_required(settings)
    settings.setFormat(kit.halo_format(8.0, color=SHEET_COLOR))
    kit.show_labels(sheets, settings)
    return sheets
