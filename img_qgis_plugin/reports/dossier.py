"""Case dossier PDF: one object's map, data, claim history, quakes, PGV chart, verdicts, hand-offs.

Everything shown comes from ``domain.object_view`` (the same view the panel shows), so the PDF
and the screen never disagree. Persons appear only by pseudonymous id; the export is audited.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile

from qgis.core import QgsFeatureRequest, QgsProject, QgsRectangle
from qgis.PyQt.QtGui import QColor, QImage

from domain.object_view import object_view
from domain.store.motion_settings import store_motion_settings
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
MAP_LAYER_KEYS = (
    "objects",
    "parcels",
    "areas_start_area",
    "areas_subsidence",
    "areas_dh_area",
    "areas_effect_area",
    "areas_zone_6km",
)
# column widths in mm; each table fits the 180 mm body with its cell margins
CLAIM_WIDTHS = [24, 26, 18, 18, 20, 18, 11, 12, 16]
QUAKE_WIDTHS = [30, 30, 40, 22, 22, 22]
VERDICT_WIDTHS = [34, 30, 107]
HANDOFF_WIDTHS = [18, 16, 22, 18, 24, 73]


def verdict_titles() -> dict[str, str]:
    return {
        "vaste_vergoeding": tr("Vaste vergoeding"),
        "aanvullende_vaste_vergoeding": tr("Aanvullende vaste vergoeding"),
        "new_claim": tr("Nieuwe melding na finaal besluit"),
        "duurzaam_herstel": tr("Duurzaam herstel"),
        "nulmeting": tr("Nulmeting"),
    }


def export_dossier(source, object_id: int, path: str, as_of=None, recipient: str = "taskforce"):
    """Write the dossier of ``object_id`` to ``path`` (PDF) and audit it; returns ``path``.

    ``source`` is the plugin, its ``StoreController`` or an open store.
    """
    if recipient not in RECIPIENTS:
        raise ValueError(
            tr("Onbekende ontvanger '{0}'; kies uit: {1}.").format(
                recipient, ", ".join(sorted(RECIPIENTS))
            )
        )
    store = resolve_store(source)
    as_of = as_of or dt.date.today()
    record = store.read_object(int(object_id))
    lang = ui_language()
    view = object_view(record, as_of, lang=lang)
    view["motion"] = {"text": store_motion_settings(store).describe(lang)}
    with tempfile.TemporaryDirectory() as tmp, map_layers(source) as layers:
        chart_png = os.path.join(tmp, "pgv.png")
        render_chart(view, chart_png)
        layout = build_dossier_layout(view, record, layers, chart_png, recipient)
        kit.export_pdf(layout, str(path))
    store.audit(current_user(), "export_dossier", record.object_id, os.path.basename(str(path)))
    return str(path)


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


def build_dossier_layout(view: dict, record, layers: dict, chart_png: str, recipient: str):
    obj = view["object"]
    layout = kit.new_layout(QgsProject.instance(), f"Dossier {obj['id']}")
    page = kit.add_page(layout)
    title = tr("Dossier object {0}").format(obj["id"])
    kit.add_label(layout, page, kit.MARGIN, 10, kit.BODY_W, 9, title, 16, bold=True)
    subtitle = tr("Peildatum {0} · ontvanger: {1} · opgemaakt {2} · personen pseudoniem").format(
        view["as_of"], recipient, dt.date.today().isoformat()
    )
    kit.add_label(layout, page, kit.MARGIN, 19, kit.BODY_W, 6, subtitle, 8)
    map_layers_ = [layers.get(key) for key in MAP_LAYER_KEYS]
    kit.add_map(layout, page, kit.MARGIN, 27, kit.BODY_W, 95, map_layers_, _extent(obj, layers))
    kit.add_label(layout, page, kit.MARGIN, 125, kit.BODY_W, 6, tr("Object en adres"), 11, True)
    kit.add_table(
        layout,
        page,
        kit.MARGIN,
        132,
        kit.BODY_W,
        80,
        [tr("Gegeven"), tr("Waarde")],
        object_rows(view, record, recipient),
        widths=[45, 125],
    )
    kit.add_label(layout, page, kit.MARGIN, 212, kit.BODY_W, 6, tr("PGV per beving"), 11, True)
    kit.add_picture(layout, page, kit.MARGIN, 219, kit.BODY_W, 72, chart_png)

    sections = [
        (tr("Meldingen (schadehistorie)"), claim_headers(), claim_rows(view), CLAIM_WIDTHS, 36),
        (tr("Bevingen"), quake_headers(), quake_rows(view), QUAKE_WIDTHS, 40),
        (tr("Oordelen met redenen"), verdict_headers(), verdict_rows(view), VERDICT_WIDTHS, 30),
        (tr("Overdrachten en historie"), handoff_headers(), handoff_rows(view), HANDOFF_WIDTHS, 20),
    ]
    for heading, headers, rows, widths, per_page in sections:
        for n, part in enumerate(
            kit.chunks(
                kit.split_long_cells(rows or [[NO_VALUE] + [""] * (len(headers) - 1)]), per_page
            )
        ):
            page = kit.add_page(layout)
            text = heading if n == 0 else tr("{0} (vervolg)").format(heading)
            kit.add_label(layout, page, kit.MARGIN, 12, kit.BODY_W, 8, text, 13, bold=True)
            kit.add_table(
                layout, page, kit.MARGIN, 22, kit.BODY_W, 262, headers, part, widths, overflow=True
            )
    return layout


def _extent(obj: dict, layers: dict) -> QgsRectangle:
    x, y = float(obj["x"]), float(obj["y"])
    rect = QgsRectangle(x - 1, y - 1, x + 1, y + 1)
    parcels = layers.get("parcels")
    if parcels is not None:
        request = QgsFeatureRequest().setFilterExpression(f'"object_id" = {int(obj["id"])}')
        for feature in parcels.getFeatures(request):
            rect.combineExtentWith(feature.geometry().boundingBox())
    return kit.padded(rect, 40.0, minimum_m=200.0)


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
