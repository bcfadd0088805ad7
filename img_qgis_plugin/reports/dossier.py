"""Case dossier PDF: one object's map, data, claim history, quakes, PGV chart, verdicts, hand-offs.

Everything shown comes from ``domain.object_view`` (the same view the panel shows), so the PDF
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
    QgsLinePatternFillSymbolLayer,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsSimpleMarkerSymbolLayer,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QImage

from domain.object_view import object_view
from domain.store.motion_settings import store_motion_settings
from img_qgis_plugin.background import find_background_layer
from img_qgis_plugin.gui.i18n import (
    NO_VALUE,
    euro_text,
    number_text,
    pgv_text,
    tr,
    ui_language,
    yes_no,
)
from img_qgis_plugin.gui.object_panel import catalog_end_text
from img_qgis_plugin.gui.panel_tables import outcome_label, scheme_label, use_label
from img_qgis_plugin.reports import layout_kit as kit
from img_qgis_plugin.reports.sources import current_user, map_layers, resolve_store

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
# page 1, in mm: the map with its legend beside it, the scale bar under it
MAP_TOP, MAP_W, MAP_H = 34.0, 125.0, 100.0
LEGEND_X = kit.MARGIN + MAP_W + 3
# column widths in mm; each table fits the 180 mm body with its cell margins
CLAIM_WIDTHS = [24, 26, 17, 17, 19, 17, 10, 13, 20]
QUAKE_WIDTHS = [30, 30, 40, 22, 22, 22]
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
    from domain.handoff import target_label

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
        chart.resize(width // 2, height // 2)
        image = QImage(width, height, QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(2.0)
        image.fill(QColor("white"))
        chart.render(image)
        image.save(png_path, "PNG")
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
    _map_block(layout, page, view, record, layers, keep)
    kit.add_label(layout, page, kit.MARGIN, 148, kit.BODY_W, 6, tr("Object en adres"), 11, True)
    # a long owner list continues on the next page (added now, before the other sections)
    kit.add_table(
        layout,
        page,
        kit.MARGIN,
        155,
        kit.BODY_W,
        135,
        [tr("Gegeven"), tr("Waarde")],
        kit.split_long_cells(object_rows(view, record, recipient)),
        widths=[45, 130],
        overflow=True,
        name="object",
    )
    _section(
        layout,
        tr("Meldingen (schadehistorie)"),
        claim_headers(),
        claim_rows(view),
        CLAIM_WIDTHS,
        36,
        "meldingen",
    )
    # the chart and the quakes it plots share a page
    page = kit.add_page(layout)
    kit.add_label(layout, page, kit.MARGIN, 12, kit.BODY_W, 8, tr("PGV per beving"), 13, True)
    kit.add_picture(layout, page, kit.MARGIN, 22, kit.BODY_W, 72, chart_png)
    _section(
        layout,
        tr("Bevingen"),
        quake_headers(),
        quake_rows(view),
        QUAKE_WIDTHS,
        40,
        "bevingen",
        first=(page, 98, 26),
    )
    _section(
        layout,
        tr("Oordelen met redenen"),
        verdict_headers(),
        verdict_rows(view),
        VERDICT_WIDTHS,
        30,
        "oordelen",
    )
    _section(
        layout,
        tr("Overdrachten en historie"),
        handoff_headers(),
        handoff_rows(view),
        HANDOFF_WIDTHS,
        20,
        "overdrachten",
    )
    return layout


def _section(layout, heading, headers, rows, widths, per_page, name, first=None) -> None:
    """A heading and its table, ``per_page`` rows a page; ``first`` = (page, top, rows) starts
    it lower on a page that already holds something."""
    rows = kit.split_long_cells(rows or [[NO_VALUE] + [""] * (len(headers) - 1)])
    parts = []
    if first is not None:
        parts.append((first[0], first[1], rows[: first[2]]))
        rows = rows[first[2] :]
    parts += [(None, 12.0, part) for part in (kit.chunks(rows, per_page) if rows else [])]
    for n, (page, top, part) in enumerate(parts):
        page = kit.add_page(layout) if page is None else page
        text = heading if n == 0 else tr("{0} (vervolg)").format(heading)
        kit.add_label(layout, page, kit.MARGIN, top, kit.BODY_W, 8, text, 13, bold=True)
        bottom = kit.PAGE_H - 12.0
        kit.add_table(
            layout,
            page,
            kit.MARGIN,
            top + 10,
            kit.BODY_W,
            bottom - top - 10,
            headers,
            part,
            widths,
            overflow=True,
            name=f"{name}_{n + 1}",
        )


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
def _map_block(layout, page: int, view: dict, record, layers: dict, keep) -> None:
    obj = view["object"]
    parcels = _own_parcels(obj, layers.get("parcels"))
    map_item = kit.add_map(
        layout, page, kit.MARGIN, MAP_TOP, MAP_W, MAP_H, [], _extent(obj, parcels)
    )
    map_item.setId(MAP_ID)
    extent = map_item.extent()
    highlight = keep(highlight_layer(obj, record))
    own = keep(own_parcel_layer(parcels)) if parcels else None
    areas = [keep(copy) for copy in area_copies(layers, extent)]
    shown = [highlight, own, layers.get(OBJECT_LAYER_KEY)] + areas
    shown = [layer for layer in shown if layer is not None]
    background = find_background_layer()
    map_item.setLayers(shown + ([background] if background is not None else []))
    kit.add_north_arrow(layout, page, kit.MARGIN + MAP_W - 11, MAP_TOP + 2, 9, map_item)
    kit.add_scalebar(layout, page, kit.MARGIN, MAP_TOP + MAP_H + 1.5, map_item, 60.0)
    if background is not None:
        credit = kit.add_label(
            layout,
            page,
            kit.MARGIN + 65,
            MAP_TOP + MAP_H + 1.5,
            MAP_W - 65,
            4.5,
            tr("Achtergrond: {0}").format(attribution(background)),
            6,
        )
        credit.setHAlign(Qt.AlignmentFlag.AlignRight)
        credit.setId("achtergrond")
    legend = kit.add_legend(layout, page, LEGEND_X, MAP_TOP, map_item, shown, tr("Legenda"))
    legend.setId("legenda")
    _fit_legend(legend)


def _fit_legend(legend) -> None:
    """The legend stays beside the map: smaller type, then two columns, when it is too big."""
    size = 7.0
    while _legend_too_big(legend) and size > kit.SMALLEST_FONT:
        size -= 0.5
        kit.style_legend(legend, size)
        kit.size_legend(legend)
    if _legend_too_big(legend):
        legend.setColumnCount(2)
        kit.size_legend(legend)


def _legend_too_big(legend) -> bool:
    box = legend.sizeWithUnits()
    return box.height() > MAP_H or LEGEND_X + box.width() > kit.PAGE_W - 5


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
    layer = QgsVectorLayer(f"Point?crs={kit.RD_NEW}", tr("Dit object"), "memory")
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
    settings = QgsPalLayerSettings()
    settings.fieldName = "label"
    settings.placement = Qgis.LabelPlacement.AroundPoint
    settings.dist = 4.5
    settings.priority = 10
    settings.displayAll = True  # the one label that must be there, whatever else is drawn
    settings.autoWrapLength = 26  # a long street name wraps instead of running off the map
    settings.useMaxLineLengthForAutoWrap = True
    settings.setFormat(kit.halo_format(8.0))
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    return layer


def own_parcel_layer(parcels: list) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"MultiPolygon?crs={kit.RD_NEW}", tr("Perceel van dit object"), "memory")
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


def area_copies(layers: dict, extent: QgsRectangle) -> list[QgsVectorLayer]:
    """The parcels and areas around the object, copied in their report style; layers with
    nothing in view are left out, so the legend lists only what the map shows."""
    copies = []
    for key, style in (("parcels", PARCEL_STYLE), *AREA_STYLES.items()):
        source = layers.get(key)
        if source is None:
            continue
        copy = source.materialize(QgsFeatureRequest().setFilterRect(extent))
        if copy is None or copy.featureCount() == 0:
            continue
        copy.setName(source.name())
        copy.setRenderer(QgsSingleSymbolRenderer(area_symbol(style)))
        copy.setLabelsEnabled(False)
        copies.append(copy)
    return copies


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


def right_label(right: str) -> str:
    """A right on the object (the store's code) in the reader's language."""
    labels = {
        "eigendom": tr("eigendom"),
        "erfpacht": tr("erfpacht"),
        "opstal": tr("opstal"),
        "beklemrecht": tr("beklemrecht"),
    }
    return labels.get(right, right or NO_VALUE)


def owner_text(owner, recipient: str) -> str:
    """Pseudonymous id and right; a legal person's name only when the recipient needs it."""
    text = f"{owner.person_id} ({right_label(owner.right)})"
    if not owner.natural_person and owner.legal_name and RECIPIENTS.get(recipient):
        text += f" – {owner.legal_name}"
    return text


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
            c["id"],
            scheme_label(c["scheme"]),
            c["submitted"] or NO_VALUE,
            c["decided"] or NO_VALUE,
            outcome_label(c["outcome"]),
            euro_text(c["amount"]),
            yes_no(c["final"]),
            yes_no(c["objection"]),
            yes_no(c["overdue"]),
        ]
        for c in view.get("claims", [])
    ]


def quake_headers() -> list[str]:
    return [
        tr("Gebeurtenis"),
        tr("Tijd (UTC)"),
        tr("Plaats"),
        tr("Magnitude (ML)"),
        tr("Afstand (km)"),
        tr("PGV (mm/s)"),
    ]


def quake_rows(view: dict) -> list[list[str]]:
    ordered = sorted(view.get("quakes", []), key=lambda q: q["time"], reverse=True)
    return [
        [
            q["event_id"],
            q["time"].replace("T", " ").replace("Z", ""),
            q.get("place") or NO_VALUE,
            number_text(q.get("ml"), 1),
            number_text(q.get("epicentral_km"), 1),
            pgv_text(q.get("pgv_mm_s")),
        ]
        for q in ordered
    ]


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
    from domain.handoff import reason_label, status_label, submitter_label, target_label

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
