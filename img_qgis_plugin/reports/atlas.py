"""Start-area atlas PDF for the door-to-door round: an overview page with the walking route,
then pages of map + visit list (12 addresses each), every page's map zoomed to its own stops.

The visit list (who to visit, why, in which order) comes from ``domain.planning.visit_list``;
this module only lays it out, through the print-layout template ``startgebied_atlas.qpt``.
"""

from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsLayoutExporter,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPointXY,
    QgsProject,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor

from domain.planning import visit_list
from img_qgis_plugin.gui.i18n import number_text, tr, ui_language
from img_qgis_plugin.reports import layout_kit as kit
from img_qgis_plugin.reports.atlas_template import load_atlas_layout
from img_qgis_plugin.reports.sources import current_user, map_layers, resolve_store

#: rows wrap (situations, reason), so a page holds fewer addresses than its lines would suggest
ADDRESSES_PER_PAGE = 12
PAGE_MARGIN_M = 40.0


def export_startarea_atlas(
    source, area_id, path: str, start=None, as_of=None, situations=None
) -> str:
    """Write the atlas of start area ``area_id`` to ``path`` (PDF); returns ``path``.

    ``source`` is the plugin, its ``StoreController`` or an open store; ``start`` an optional
    (x, y) in EPSG:28992 where the round begins; ``situations`` keeps only the addresses in one
    of those situations (the round the list on screen shows).
    """
    store = resolve_store(source)
    visits = visit_list(
        store, area_id, start=start, as_of=as_of, situations=situations, lang=ui_language()
    )
    project = QgsProject.instance()
    made = _memory_layers(visits)
    for layer in made.values():
        if project.addMapLayer(layer, False) is None:
            raise kit.LayoutError(
                tr("Tijdelijke kaartlaag {0} kon niet worden gemaakt.").format(layer.name())
            )
    try:
        with map_layers(source) as layers:
            shown = [made["stops"], made["route"], layers.get("parcels"), made["area"]]
            layout = load_atlas_layout(
                project,
                made["pages"],
                made["stops"],
                [layer for layer in shown if layer is not None],
                headings=_headings(),
            )
            result, error = QgsLayoutExporter.exportToPdf(
                layout.atlas(), str(path), kit.pdf_settings()
            )
            kit.check_export(result, error, str(path))
    finally:
        project.removeMapLayers([layer.id() for layer in made.values()])
    store.audit(current_user(), "export_startarea_atlas", None, f"{visits.area_name}: {path}")
    return str(path)


def page_count(n_addresses: int) -> int:
    """Overview page plus one page per started block of addresses."""
    return 1 + max(1, -(-n_addresses // ADDRESSES_PER_PAGE))


def _headings() -> dict:
    return {
        "volgorde": tr("Volgorde"),
        "adres": tr("Adres"),
        "postcode": tr("Postcode"),
        "situatie": tr("Situatie"),
        "reden": tr("Reden van bezoek"),
        "title": tr("Deur-tot-deur:"),
        "list": tr("Bezoeklijst"),
    }


def _memory_layers(visits) -> dict[str, QgsVectorLayer]:
    crs = f"crs={kit.RD_NEW}"
    area = QgsVectorLayer(f"MultiPolygon?{crs}", tr("Startgebied"), "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromWkt(visits.polygon_wkt))
    area.dataProvider().addFeatures([feature])
    area.renderer().symbol().setColor(QColor(255, 200, 0, 40))

    stops = QgsVectorLayer(f"Point?{crs}", tr("Bezoekadressen"), "memory")
    fields = [
        QgsField("blad", kit.INT),
        QgsField("volgorde", kit.INT),
        QgsField("adres", kit.TEXT),
        QgsField("postcode", kit.TEXT),
        QgsField("situatie", kit.TEXT),
        QgsField("reden", kit.TEXT),
        QgsField("object_id", kit.BIGINT),
    ]
    stops.dataProvider().addAttributes(fields)
    stops.updateFields()
    features = []
    for row in visits.rows:
        feature = QgsFeature(stops.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(row.x, row.y)))
        feature.setAttributes(
            [
                1 + (row.order - 1) // ADDRESSES_PER_PAGE,
                row.order,
                f"{row.address}, {row.place}".strip(", "),
                row.postcode,
                ", ".join(row.situations),
                row.reason,
                row.object_id,
            ]
        )
        features.append(feature)
    stops.dataProvider().addFeatures(features)
    stops.setRenderer(
        QgsSingleSymbolRenderer(
            QgsMarkerSymbol.createSimple(
                {"name": "circle", "color": "#c0392b", "size": "2.2", "outline_color": "white"}
            )
        )
    )
    kit.label_layer(stops, '"volgorde"', 7)

    route = QgsVectorLayer(f"LineString?{crs}", tr("Looproute"), "memory")
    points = [QgsPointXY(*visits.start)] if visits.start else []
    points += [QgsPointXY(row.x, row.y) for row in visits.rows]
    if len(points) >= 2:
        feature = QgsFeature()
        feature.setGeometry(QgsGeometry.fromPolylineXY(points))
        route.dataProvider().addFeatures([feature])
    route.setRenderer(
        QgsSingleSymbolRenderer(QgsLineSymbol.createSimple({"color": "#1f4e9c", "width": "0.5"}))
    )
    return {"area": area, "stops": stops, "route": route, "pages": _pages(visits)}


def _pages(visits) -> QgsVectorLayer:
    """The atlas coverage: page 0 the whole area, then one feature per block of addresses."""
    pages = QgsVectorLayer(f"Polygon?crs={kit.RD_NEW}", tr("Bladen"), "memory")
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
        n,
        visits.total_addresses,
        number_text(visits.route_length_m / 1000.0, 1),
        number_text(visits.address_order_length_m / 1000.0, 1),
        visits.as_of.isoformat() if visits.as_of else "",
    )
    area = QgsGeometry.fromWkt(visits.polygon_wkt).boundingBox()
    features = [_page(pages, 0, visits.area_name, summary, area)]
    blocks = kit.chunks(visits.rows, ADDRESSES_PER_PAGE)
    for number, block in enumerate(blocks, start=1):
        if block:
            rect = QgsGeometry.fromMultiPointXY([QgsPointXY(r.x, r.y) for r in block]).boundingBox()
            text = tr("Bezoeklijst – blad {0} van {1}: adressen {2} t/m {3}").format(
                number, len(blocks), block[0].order, block[-1].order
            )
        else:
            rect, text = area, tr("Bezoeklijst – geen adressen te bezoeken.")
        features.append(_page(pages, number, visits.area_name, text, rect))
    pages.dataProvider().addFeatures(features)
    return pages


def _page(pages, number: int, name: str, text: str, rect) -> QgsFeature:
    feature = QgsFeature(pages.fields())
    feature.setGeometry(QgsGeometry.fromRect(kit.padded(rect, PAGE_MARGIN_M, minimum_m=200.0)))
    feature.setAttributes([number, name, text])
    return feature
