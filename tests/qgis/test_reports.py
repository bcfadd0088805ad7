"""Printed output on a real demo store: dossier PDF, start-area atlas PDF, overview choropleth."""

from __future__ import annotations

import datetime as dt
import math
import re
import subprocess
from pathlib import Path

import pytest
from qgis.core import QgsProject
from sqlalchemy import text

import img_qgis_plugin
from domain.demo import build_demo
from domain.planning import visit_list
from domain.planning.overview import COLUMNS, regional_overview
from img_qgis_plugin.store_layers import GROUP_NAME

AS_OF = dt.date(2026, 6, 1)


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("reports") / "demo.gpkg"
    summary = build_demo(str(path), objects=600, seed=3)
    return path, summary.sample_object_ids


@pytest.fixture
def plugin(qgis_iface, demo_store):
    plugin = img_qgis_plugin.classFactory(qgis_iface)
    plugin.initGui()
    assert plugin.open_store(str(demo_store[0]))
    yield plugin
    plugin.unload()
    QgsProject.instance().clear()


def pdf_pages(path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", out.stdout, re.M).group(1))


def pdf_text(path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def audit_rows(store, action: str) -> list[tuple]:
    with store.engine.connect() as conn:
        return conn.execute(
            text("SELECT who, object_id, detail FROM audit_log WHERE action = :a ORDER BY id"),
            {"a": action},
        ).fetchall()


def test_dossier_pdf_holds_headings_object_claims_quakes_and_is_audited(
    plugin, demo_store, tmp_path
):
    from img_qgis_plugin.reports.dossier import export_dossier

    object_id = demo_store[1]["handoff_present"]
    store = plugin.controller.store
    record = store.read_object(object_id)
    path = tmp_path / "dossier.pdf"
    assert export_dossier(plugin, object_id, str(path), AS_OF) == str(path)

    # page 1 (map, data and the claims under them), then the chart with the quakes, the
    # verdicts and the hand-offs each on pages of their own
    assert pdf_pages(path) >= 4
    words = pdf_text(path)
    for heading in (
        f"Dossier object {object_id}",
        "Object en adres",
        "PGV per beving",
        "Meldingen (schadehistorie)",
        "Bevingen",
        "Oordelen met redenen",
        "Overdrachten en historie",
        "Vaste vergoeding",
    ):
        assert heading in words, heading
    assert record.addresses[0].postcode[:4] in words
    assert record.addresses[0].street in words
    for claim in record.claims:
        if claim.submitted <= AS_OF:
            assert claim.claim_number in words
    assert record.handoffs and record.handoffs[0].target in words
    # persons only by pseudonymous id: the ids are there, no natural person's name
    for owner in record.owners:
        assert owner.person_id in words
        if owner.natural_person and owner.legal_name:
            assert owner.legal_name not in words

    rows = audit_rows(store, "export_dossier")
    assert rows[-1][1] == object_id and rows[-1][2] == "dossier.pdf"


def test_dossier_long_narrative_continues_on_a_next_page_not_cut_off(plugin, tmp_path):
    from domain.rules.handoff import HandOffDraft
    from img_qgis_plugin.reports.dossier import export_dossier

    object_id = 2
    store = plugin.controller.store
    words = " ".join(f"woord{i}" for i in range(300))
    for n in range(4):
        draft = HandOffDraft(
            object_id=str(object_id),
            target="IVS",
            submitter="gemeente",
            reason_category="proces_vastgelopen",
            narrative=f"Verhaal {n}: {words} slotwoord{n}.",
            resident_consent=True,
        )
        store.add_handoff(draft, by="tester")
    path = tmp_path / "lang.pdf"
    export_dossier(plugin, object_id, str(path), AS_OF)
    text_ = pdf_text(path)
    for n in range(4):
        assert f"slotwoord{n}" in text_
    # the hand-off section ends the dossier, so its extra pages come last
    assert text_.rindex("Overdrachten en historie") > text_.rindex("Oordelen met redenen")


def test_dossier_for_unknown_recipient_is_refused_before_anything_is_written(plugin, tmp_path):
    from img_qgis_plugin.reports.dossier import export_dossier

    path = tmp_path / "x.pdf"
    with pytest.raises(ValueError, match="ontvanger"):
        export_dossier(plugin, 1, str(path), AS_OF, recipient="pers")
    assert not path.exists()
    assert audit_rows(plugin.controller.store, "export_dossier") == [] or all(
        r[2] != "x.pdf" for r in audit_rows(plugin.controller.store, "export_dossier")
    )


def test_dossier_from_a_bare_store_without_the_plugin(demo_store, tmp_path, qgis_app):
    from domain.store import open_store
    from img_qgis_plugin.reports.dossier import export_dossier

    object_id = demo_store[1]["never_claimed"]
    before = len(QgsProject.instance().mapLayers())
    with open_store(str(demo_store[0])) as store:
        export_dossier(store, object_id, str(tmp_path / "d.pdf"), AS_OF, recipient="gemeente")
        assert audit_rows(store, "export_dossier")[-1][1] == object_id
    assert f"Dossier object {object_id}" in pdf_text(tmp_path / "d.pdf")
    # the temporary map layers are gone again
    assert len(QgsProject.instance().mapLayers()) == before


def _box_around_many_objects(store, at_least: int = 60) -> str:
    with store.engine.connect() as conn:
        points = conn.execute(text("SELECT x, y FROM objects ORDER BY id")).fetchall()
    cx, cy = points[len(points) // 2]
    distances = sorted(math.hypot(x - cx, y - cy) for x, y in points)
    half = distances[at_least - 1] + 1.0  # the square holds the circle holding `at_least`
    return (
        f"POLYGON(({cx - half} {cy - half}, {cx + half} {cy - half}, {cx + half} {cy + half}, "
        f"{cx - half} {cy + half}, {cx - half} {cy - half}))"
    )


def test_atlas_pdf_has_overview_page_and_one_page_per_12_addresses(plugin, tmp_path):
    from img_qgis_plugin.reports.atlas import export_startarea_atlas, page_count

    store = plugin.controller.store
    area = _box_around_many_objects(store, 60)
    visits = visit_list(store, area, as_of=AS_OF)
    assert len(visits.rows) >= 60
    path = tmp_path / "atlas.pdf"
    export_startarea_atlas(plugin, area, str(path), as_of=AS_OF)

    expected = 1 + math.ceil(len(visits.rows) / 12)
    assert page_count(len(visits.rows)) == expected
    assert pdf_pages(path) == expected >= 6
    words = pdf_text(path)
    for heading in (
        "Deur-tot-deur:",
        "Bezoeklijst",
        "Nr.",
        "volgorde in de looproute",
        "Adres",
        "Situatie",
        "Reden van bezoek",
        "Overzicht:",
    ):
        assert heading in words, heading
    for row in visits.rows:
        assert row.address in words, row.address
    assert f"blad {expected - 1} van {expected - 1}" in words
    assert audit_rows(store, "export_startarea_atlas")


def test_atlas_of_a_stored_start_area_and_page_count_boundaries(plugin, tmp_path):
    from img_qgis_plugin.reports import first_start_area
    from img_qgis_plugin.reports.atlas import export_startarea_atlas, page_count

    assert (page_count(0), page_count(1), page_count(12), page_count(13)) == (2, 2, 2, 3)
    store = plugin.controller.store
    area_id = first_start_area(store)
    visits = visit_list(store, area_id, as_of=AS_OF)
    path = tmp_path / "start.pdf"
    export_startarea_atlas(plugin, area_id, str(path), as_of=AS_OF)
    assert pdf_pages(path) == page_count(len(visits.rows))
    assert f"Deur-tot-deur: {visits.area_name}" in pdf_text(path)


def test_overview_choropleth_has_one_feature_per_municipality_with_the_table_counts(plugin):
    from img_qgis_plugin.reports.overview_layer import overview_layer

    store = plugin.controller.store
    layer = overview_layer(plugin, "never_claimed", as_of=AS_OF)
    table = regional_overview(store, by="gemeente", as_of=AS_OF)
    with store.engine.connect() as conn:
        municipalities = conn.execute(
            text("SELECT COUNT(DISTINCT municipality) FROM objects")
        ).scalar()
    assert layer.featureCount() == len(table.rows) == municipalities
    by_name = {f["gemeente"]: f for f in layer.getFeatures()}
    for row in table.rows:
        feature = by_name[row["group"]]
        assert {c: feature[c] for c in COLUMNS} == {c: row[c] for c in COLUMNS}
        assert feature.geometry().area() > 0
    assert sum(f["objects"] for f in layer.getFeatures()) == 600
    assert "benadering" in layer.name()
    assert layer.renderer().type() == "graduatedSymbol"
    assert layer.renderer().classAttribute() == "never_claimed"
    group = QgsProject.instance().layerTreeRoot().findGroup(GROUP_NAME)
    first_id = layer.id()
    assert first_id in [node.layerId() for node in group.findLayers()]
    # asking again replaces it: one overview at a time
    again = overview_layer(plugin, "overdue", as_of=AS_OF)
    ids = [node.layerId() for node in group.findLayers()]
    assert again.id() in ids and first_id not in ids


def test_overview_refuses_an_unknown_count(plugin):
    from img_qgis_plugin.reports.overview_layer import overview_layer

    with pytest.raises(ValueError, match="telling"):
        overview_layer(plugin, "aardbevingen")


def test_demo_outputs_writes_both_pdfs(plugin, tmp_path):
    from img_qgis_plugin.reports import demo_outputs

    written = demo_outputs(plugin, str(tmp_path / "out"))
    assert set(written) == {"startgebied", "dossier"}
    assert pdf_pages(written["startgebied"]) >= 2 and pdf_pages(written["dossier"]) >= 4


def test_panel_button_and_menu_actions_write_the_reports(plugin, tmp_path, monkeypatch, qtbot):
    """The Qt file/choice dialogs answer as a user would; the rest runs for real."""
    from img_qgis_plugin.reports import actions

    for key in ("dossier", "startgebied", "overview"):
        assert key in plugin.actions
    answers = iter([str(tmp_path / "paneel"), str(tmp_path / "start.pdf")])
    monkeypatch.setattr(
        actions.QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (next(answers), ""))
    )
    monkeypatch.setattr(
        actions.QInputDialog,
        "getItem",
        staticmethod(lambda parent, title, label, items, *a: (items[0], True)),
    )
    view = plugin.show_object(1)
    assert view is not None and plugin.panel.dossier_button.isEnabled()
    plugin.panel.dossier_button.click()
    assert pdf_pages(tmp_path / "paneel.pdf") >= 4  # ".pdf" added to the chosen name
    assert audit_rows(plugin.controller.store, "export_dossier")[-1][1] == 1

    assert plugin.plan_start_area() == str(tmp_path / "start.pdf")
    assert "Deur-tot-deur:" in pdf_text(tmp_path / "start.pdf")

    dialog = plugin.show_regional_overview()  # counts in a task, then table and layer
    qtbot.waitUntil(lambda: dialog.layer is not None, timeout=30_000)
    assert dialog.layer.renderer().classAttribute() == "never_claimed"
    assert dialog.table.rowCount() == len(dialog.overview.rows) + 1  # with the total


def test_long_cells_are_split_at_words_and_nothing_is_lost():
    from img_qgis_plugin.reports.layout_kit import split_long_cells

    exact = "ab " * 199 + "ab"  # 599 characters: fits a 600 limit
    assert split_long_cells([["1", exact]], 600) == [["1", exact]]
    text_ = "abcd " * 150  # 750 characters with the trailing blank
    rows = split_long_cells([["1", text_.strip(), "x"]], 600)
    assert len(rows) == 2 and rows[1][0] == "" and rows[1][2] == ""
    assert all(len(r[1]) <= 600 for r in rows)
    assert " ".join(r[1] for r in rows) == text_.strip()
    unbroken = split_long_cells([["z" * 1201]], 600)
    assert [len(r[0]) for r in unbroken] == [600, 600, 1]


def test_visit_rows_and_their_csv_write_postcodes_as_9919_ak(plugin, tmp_path):
    from domain.planning.export import visit_rows

    store = plugin.controller.store
    with store.engine.connect() as conn:
        stored = {r[0] for r in conn.execute(text("SELECT postcode FROM addresses"))}
    assert any(p and " " not in p for p in stored)  # the store keeps "9919AK"
    visits = visit_list(store, _box_around_many_objects(store, 20), as_of=AS_OF)
    postcodes = [row.postcode for row in visits.rows if row.postcode]
    assert postcodes
    assert all(re.fullmatch(r"\d{4} [A-Z]{2}", p) for p in postcodes), postcodes[:5]
    assert [r[2] for r in visit_rows(visits) if r[2]] == postcodes


def test_overview_classes_are_whole_numbers_and_the_legend_says_what_is_counted(plugin):
    from img_qgis_plugin.reports.overview_layer import field_label, integer_breaks, overview_layer

    layer = overview_layer(plugin, "never_claimed", as_of=AS_OF)
    ranges = layer.renderer().ranges()
    assert ranges
    values = sorted(f["never_claimed"] for f in layer.getFeatures())
    previous = None
    for r in ranges:
        assert r.lowerValue() == int(r.lowerValue()) and r.upperValue() == int(r.upperValue())
        assert r.lowerValue() <= r.upperValue()
        assert not re.fullmatch(r"(\d+) [-–] \1", r.label()), r.label()  # no "0 - 0"
        if previous is not None:
            assert r.lowerValue() == previous + 1  # contiguous, no gap, no overlap
        previous = r.upperValue()
    assert ranges[0].lowerValue() == values[0] and ranges[-1].upperValue() == values[-1]
    # every area falls in exactly one class
    for v in values:
        assert sum(r.lowerValue() <= v <= r.upperValue() for r in ranges) == 1
    assert layer.name().endswith(field_label("never_claimed"))
    assert layer.labelsEnabled() and "never_claimed" in layer.labeling().settings().fieldName
    # mostly zeros (a change column): one "0" class, not five "0 - 0"
    assert integer_breaks([0, 0, 0, 0, 0, 0, 3], equal=False) == [(0, 0), (1, 3)]
    assert integer_breaks([0, 0, 0, 0], equal=True) == [(0, 0)]
    assert integer_breaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], equal=True)[-1][1] == 10


# --- dossier and atlas that print well (issue 15, point 6) ----------------------------------
#: code values of the domain's code lists that must never reach a reader: every code with an
#: underscore, the hand-off statuses (English words in a Dutch text) and the recipient codes
def raw_codes() -> set[str]:
    from domain import policy
    from domain.rules.handoff import REASON_CATEGORIES, STATUSES
    from domain.rules.status import MAP_STATUSES
    from img_qgis_plugin.reports.dossier import RECIPIENTS

    codes = set(policy.SCHEMES) | set(REASON_CATEGORIES) | set(MAP_STATUSES) | set(RECIPIENTS)
    codes = {code for code in codes if "_" in code} | set(STATUSES) | {"taskforce"}
    codes.discard("concept")  # the Dutch word for a draft is its label too ("Concept")
    return codes


def layout_texts(layout) -> list[str]:
    """Every text a reader sees in a layout: labels, table headings and cells, legend
    entries (layer names and classes)."""
    from qgis.core import QgsLayoutItemLabel, QgsLayoutItemLegend, QgsLayoutTable

    texts = []
    for item in layout.items():
        if isinstance(item, QgsLayoutItemLabel):
            texts.append(item.currentText())
        elif isinstance(item, QgsLayoutItemLegend):
            texts.append(item.title())
            model = item.model()
            for node in model.rootGroup().findLayers():
                texts.append(node.name())
                texts += [str(entry.data(0)) for entry in model.layerLegendNodes(node)]
    for table in layout.multiFrames():
        if isinstance(table, QgsLayoutTable):
            texts += [column.heading() for column in table.columns()]
            texts += [str(cell) for row in table.contents() for cell in row]
    return texts


def codes_in(texts: list[str]) -> list[str]:
    codes = raw_codes()
    found = []
    for text_ in texts:
        for code in codes:
            if re.search(rf"(?<![\w-]){re.escape(code)}(?![\w-])", text_):
                found.append(f"{code!r} in {text_!r}")
    return found


def _map_items(layout):
    from qgis.core import QgsLayoutItemMap

    return {item.id(): item for item in layout.items() if isinstance(item, QgsLayoutItemMap)}


def _items(layout, cls):
    return [item for item in layout.items() if isinstance(item, cls)]


def _long_address_object(store) -> int:
    """An object given a long street name and two more addresses (the header, the highlight
    label and the table must still fit)."""
    object_id = 5
    with store.engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE addresses SET street = :street, addition = :addition WHERE object_id = :id"
            ),
            {
                "street": "Burgemeester Van Roijen-Tjarda van Starkenborghstraat",
                "addition": "bovenwoning achter",
                "id": object_id,
            },
        )
        row = conn.execute(
            text("SELECT postcode, place FROM addresses WHERE object_id = :id LIMIT 1"),
            {"id": object_id},
        ).one()
        next_id = conn.execute(text("SELECT MAX(id) FROM addresses")).scalar() + 1
        for extra in range(2):
            conn.execute(
                text(
                    "INSERT INTO addresses (id, object_id, street, house_number, postcode, place) "
                    "VALUES (:i, :o, 'Hoofdstraat Noordzijde', :n, :pc, :pl)"
                ),
                {
                    "i": next_id + extra,
                    "o": object_id,
                    "n": 100 + extra,
                    "pc": row[0],
                    "pl": row[1],
                },
            )
    return object_id


def _most_claims(store) -> int:
    with store.engine.connect() as conn:
        return int(
            conn.execute(
                text(
                    "SELECT object_id FROM claims GROUP BY object_id "
                    "ORDER BY COUNT(*) DESC, object_id LIMIT 1"
                )
            ).scalar()
        )


def test_dossier_map_highlights_the_object_with_legend_scale_bar_north_arrow_and_fits(
    plugin, demo_store, tmp_path
):
    from qgis.core import (
        Qgis,
        QgsLayoutExporter,
        QgsLayoutItemLegend,
        QgsLayoutItemPicture,
        QgsLayoutItemScaleBar,
        QgsRasterLayer,
    )

    from img_qgis_plugin.reports.dossier import MAP_ID, dossier_layout
    from img_qgis_plugin.reports.layout_kit import (
        HIGHLIGHT_PROPERTY,
        highlight_label_shown,
        highlighted_object_in_map,
        layout_problems,
        pdf_settings,
    )

    store = plugin.controller.store
    samples = {
        "hand-off": demo_store[1]["handoff_present"],
        "many claims": _most_claims(store),
        "long address": _long_address_object(store),
    }
    for kind, object_id in samples.items():
        record = store.read_object(object_id)
        with dossier_layout(plugin, object_id, AS_OF) as layout:
            assert layout_problems(layout) == [], kind
            assert highlighted_object_in_map(layout) == object_id, kind
            map_item = _map_items(layout)[MAP_ID]
            layers = map_item.layers()
            # the highlight is drawn on top, labelled with the address (postcode "9919 AK")
            highlight = layers[0]
            assert highlight.customProperty(HIGHLIGHT_PROPERTY)
            assert highlight.labelsEnabled()
            assert highlight.labeling().settings().fieldName == "label"
            assert highlight.labeling().settings().displayAll
            label = next(highlight.getFeatures())["label"]
            first = record.addresses[0]
            assert first.street in label and str(first.house_number) in label, kind
            assert re.search(r"\b\d{4} [A-Z]{2}\b", label) and first.place in label, label
            if len(record.addresses) > 1:
                assert f"+{len(record.addresses) - 1}" in label
            # no area label can sit on the object: only the highlight carries labels
            # (a "blocking" labelling, which draws none and keeps others off, is no label)
            assert [layer.name() for layer in layers[1:] if _draws_labels(layer)] == []
            # offline (the tests): no background, and nothing else missing
            assert not any(isinstance(layer, QgsRasterLayer) for layer in layers)

            (legend,) = _items(layout, QgsLayoutItemLegend)
            assert legend.title() == "Legenda" and legend.linkedMap() is map_item
            assert legend.legendFilterByMapEnabled()
            legend_layers = [node.layer() for node in legend.model().rootGroup().findLayers()]
            assert legend_layers and all(layer in layers for layer in legend_layers)
            assert legend_layers[0] is highlight

            (bar,) = _items(layout, QgsLayoutItemScaleBar)
            assert bar.linkedMap() is map_item and bar.units() == Qgis.DistanceUnit.Meters
            assert bar.numericFormat().formatDouble(1000.0, _numeric_context()) == "1.000"
            step = bar.unitsPerSegment()
            assert step / 10 ** math.floor(math.log10(step)) in (1, 2, 5)
            (arrow,) = [pic for pic in _items(layout, QgsLayoutItemPicture) if pic.linkedMap()]
            assert arrow.linkedMap() is map_item
            assert arrow.picturePath().endswith("arrows/NorthArrow_02.svg")

            texts = layout_texts(layout)
            assert codes_in(texts) == [], kind
            assert any("Taskforce Complexe Zaken" in t for t in texts)

            # QGIS placed the address label, whole, inside the map (a long street wraps)
            exporter = QgsLayoutExporter(layout)
            pdf = str(tmp_path / f"{object_id}.pdf")
            assert (
                exporter.exportToPdf(pdf, pdf_settings()) == QgsLayoutExporter.ExportResult.Success
            )
            assert highlight_label_shown(layout, exporter), kind


def _draws_labels(layer) -> bool:
    labeling = layer.labeling() if layer.labelsEnabled() else None
    return labeling is not None and (
        not hasattr(labeling, "settings") or labeling.settings().drawLabels
    )


def _numeric_context():
    from qgis.core import QgsNumericFormatContext

    return QgsNumericFormatContext()


def test_dossier_overlapping_areas_keep_their_own_colours(plugin, demo_store):
    """Fills that overlap mix into olive: in the dossier map one area is filled lightly, the
    others are hatched or outlined, so every area stays recognisable."""
    from qgis.core import Qgis, QgsLinePatternFillSymbolLayer, QgsSimpleFillSymbolLayer
    from qgis.PyQt.QtCore import Qt

    from img_qgis_plugin.reports.dossier import MAP_ID, dossier_layout

    object_id = demo_store[1]["handoff_present"]
    with dossier_layout(plugin, object_id, AS_OF) as layout:
        layers = _map_items(layout)[MAP_ID].layers()
        filled = []
        for layer in layers:
            if layer.geometryType() != Qgis.GeometryType.Polygon:
                continue
            parts = layer.renderer().symbol().symbolLayers()
            solid = [
                part
                for part in parts
                if isinstance(part, QgsSimpleFillSymbolLayer)
                and part.brushStyle() != Qt.BrushStyle.NoBrush
                and part.color().alpha() > 0
            ]
            if solid:
                filled.append(layer.name())
                assert all(part.color().alpha() <= 60 for part in solid), layer.name()
            else:
                kinds = (QgsLinePatternFillSymbolLayer, QgsSimpleFillSymbolLayer)
                assert any(isinstance(part, kinds) for part in parts), layer.name()
        assert len(filled) <= 1, filled
        names = [layer.name() for layer in layers]
        assert any(name.startswith("Effectgebied") for name in names), names


def test_dossier_draws_the_background_under_everything_when_there_is_one(
    plugin, demo_store, monkeypatch, tmp_path
):
    """A synthetic stand-in for the PDOK background (a local GeoTIFF, no network) is drawn at
    the bottom with its credit line; without one nothing is missing."""
    from osgeo import gdal, osr
    from qgis.core import QgsRasterLayer

    from img_qgis_plugin.reports import dossier
    from img_qgis_plugin.reports.layout_kit import layout_problems

    object_id = demo_store[1]["handoff_present"]
    record = plugin.controller.store.read_object(object_id)
    path = str(tmp_path / "synthetic_background.tif")
    raster = gdal.GetDriverByName("GTiff").Create(path, 50, 50, 1, gdal.GDT_Byte)
    raster.SetGeoTransform((record.x - 500, 20, 0, record.y + 500, 0, -20))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(28992)
    raster.SetProjection(srs.ExportToWkt())
    raster.GetRasterBand(1).Fill(200)
    raster = None
    background = QgsRasterLayer(path, "Achtergrond (synthetisch)")
    assert background.isValid()
    background.serverProperties().setAttribution("synthetische achtergrond")
    assert QgsProject.instance().addMapLayer(background, False) is not None
    monkeypatch.setattr(dossier, "find_background_layer", lambda project=None: background)
    with dossier.dossier_layout(plugin, object_id, AS_OF) as layout:
        layers = _map_items(layout)[dossier.MAP_ID].layers()
        assert layers[-1] is background
        assert layout.itemById("achtergrond").currentText() == (
            "Achtergrond: synthetische achtergrond"
        )
        assert layout_problems(layout) == []
        out = tmp_path / "met_achtergrond.pdf"
        from img_qgis_plugin.reports.layout_kit import export_pdf

        export_pdf(layout, str(out))
    assert pdf_pages(out) >= 4
    QgsProject.instance().removeMapLayer(background.id())


def test_layout_problems_finds_overflow_and_fit_repairs_what_it_can(qgis_app):
    """The check can fail: a box too small, a word wider than its column, an item off the
    page and labels on one another are each reported; shrinking the font repairs the box."""
    from img_qgis_plugin.reports import layout_kit as kit

    layout = kit.new_layout(QgsProject.instance(), "proef")
    page = kit.add_page(layout)
    small = kit.add_label(
        layout, page, 15, 10, 60, 4.5, "Twee regels tekst die niet in één regel past", 9
    )
    small.setId("klein")
    kit.add_label(layout, page, 15, 30, 40, 6, "over", 9).setId("eerste")
    kit.add_label(layout, page, 35, 32, 40, 6, "elkaar", 9).setId("tweede")
    kit.add_label(layout, page, 190, 50, 40, 6, "buiten", 9).setId("rand")
    kit.add_table(
        layout,
        page,
        15,
        80,
        180,
        40,
        ["Regeling"],
        [["herstel_eigen_aannemer"]],
        widths=[15],
        name="smal",
    )
    problems = kit.layout_problems(layout)
    kinds = {(found.split(":")[0], found.kind) for found in problems}
    assert ("klein", "height") in kinds, problems
    assert ("smal", "word") in kinds, problems
    assert ("rand", "page") in kinds, problems
    overlaps = [found for found in problems if found.kind == "overlap"]
    assert len(overlaps) == 1 and "eerste" in overlaps[0] and "tweede" in overlaps[0]
    assert all(isinstance(found, str) and found for found in problems)

    left = kit.fit(layout)  # 9 pt → smaller until the two lines fit, or 6 pt
    assert small.textFormat().size() < 9
    assert not [found for found in left if found.startswith("klein")]
    assert [
        found for found in left if found.startswith("smal")
    ]  # a code wider than 15 mm never fits


def test_atlas_has_a_sheet_index_round_columns_scale_bars_and_every_page_fits(plugin, tmp_path):
    from qgis.core import QgsLayoutItemPicture, QgsLayoutItemScaleBar

    from img_qgis_plugin.reports.atlas import (
        atlas_problems,
        export_startarea_atlas,
        page_count,
        startarea_atlas_layout,
    )
    from img_qgis_plugin.reports.atlas_template import MAP_ID, OVERVIEW_ID
    from img_qgis_plugin.reports.layout_kit import _excluded

    store = plugin.controller.store
    area = _box_around_many_objects(store, 40)
    visits = visit_list(store, area, as_of=AS_OF)
    with startarea_atlas_layout(plugin, area, as_of=AS_OF) as layout:
        assert atlas_problems(layout) == []
        atlas = layout.atlas()
        maps = _map_items(layout)
        sheets = [layer for layer in maps[OVERVIEW_ID].layers() if layer.name() == "Bladindeling"]
        assert len(sheets) == 1 and sheets[0].labelsEnabled()
        index = {sheet["blad"]: sheet for sheet in sheets[0].getFeatures()}
        assert sorted(index) == list(range(1, atlas.count()))
        assert atlas.count() == page_count(len(visits.rows))
        assert sheets[0] not in maps[MAP_ID].layers()  # only the overview shows the index

        (table,) = layout.multiFrames()
        fields = [column.attribute() for column in table.columns()]
        assert fields[-3:] == ["bezocht", "niet_thuis", "notitie"]
        assert [column.heading() for column in table.columns()][-3:] == [
            "Bezocht",
            "Niet thuis",
            "Notitie",
        ]

        atlas.beginRender()
        for page in range(atlas.count()):
            atlas.seekTo(page)
            shown = {name for name, item in maps.items() if not _excluded(item)}
            assert shown == ({OVERVIEW_ID} if page == 0 else {MAP_ID}), page
            bars = [bar for bar in _items(layout, QgsLayoutItemScaleBar) if not _excluded(bar)]
            assert [bar.linkedMap().id() for bar in bars] == list(shown), page
            arrows = [
                arrow for arrow in _items(layout, QgsLayoutItemPicture) if not _excluded(arrow)
            ]
            assert [arrow.linkedMap().id() for arrow in arrows] == list(shown), page
            if page == 0:
                assert table.contents() == []
                continue
            # the sheet's map shows exactly the rectangle the overview draws for it
            extent = maps[MAP_ID].extent()
            sheet = index[page].geometry().boundingBox()
            assert abs(extent.width() - sheet.width()) < 1.0
            assert abs(extent.center().x() - sheet.center().x()) < 1.0
            rows = table.contents()
            assert 0 < len(rows) <= 12
            for row in rows:
                assert re.fullmatch(r"\d{4} [A-Z]{2}", row[fields.index("postcode")]), row
                assert row[-3:] == ["", "", ""]  # boxes to fill in by hand
        atlas.endRender()

    path = tmp_path / "ronde.pdf"
    export_startarea_atlas(plugin, area, str(path), as_of=AS_OF)
    assert pdf_pages(path) == page_count(len(visits.rows)) > 0
    words = pdf_text(path)
    for heading in ("Bezocht", "Niet thuis", "Notitie", "Blad 1", "Bladindeling", "Legenda"):
        assert heading in words, heading
    assert not re.search(r"\b\d+\.\d+ mm/s", words)  # PGV the Dutch way, "6,1 mm/s"
    assert not re.search(r"\b\d{4}[A-Z]{2}\b", words)  # one postcode form, "9919 AK"


def test_atlas_template_file_holds_what_the_code_lays_out(qgis_app):
    """The shipped .qpt is regenerated after every change to atlas_template.py."""
    from qgis.core import QgsLayoutItem

    from img_qgis_plugin.paths import resource
    from img_qgis_plugin.reports.atlas_template import TEMPLATE, build_template_layout

    built = build_template_layout()
    expected = sorted(
        item.id() for item in built.items() if isinstance(item, QgsLayoutItem) and item.id()
    )
    with open(resource(*TEMPLATE), encoding="utf-8") as handle:
        shipped = handle.read()
    assert sorted(re.findall(r'<LayoutItem [^>]*?\bid="([^"]+)"', shipped)) == expected
    assert len(expected) >= 11
    assert "/usr/" not in shipped and "/home/" not in shipped  # no machine paths


def test_round_columns_recipient_and_legend_in_english(qgis_app, tmp_path):
    import shutil

    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    from img_qgis_plugin.reports.atlas import _headings
    from img_qgis_plugin.reports.dossier import recipient_label

    ts_file = Path(img_qgis_plugin.__file__).resolve().parents[1] / "resources" / "i18n"
    qm = tmp_path / "en.qm"
    subprocess.run(
        [
            shutil.which("lrelease"),
            "-silent",
            str(ts_file / "img_qgis_plugin_en.ts"),
            "-qm",
            str(qm),
        ],
        check=True,
    )
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        headings = _headings()
        assert (headings["bezocht"], headings["niet_thuis"], headings["notitie"]) == (
            "Visited",
            "Not at home",
            "Note",
        )
        assert headings["legend"] == "Legend"
        assert recipient_label("taskforce") == "Taskforce Complexe Zaken"
        assert recipient_label("gemeente") == "Municipality"
    finally:
        QCoreApplication.removeTranslator(translator)
    assert recipient_label("gemeente") == "Gemeente"


def test_atlas_puts_fewer_addresses_on_a_sheet_rather_than_cut_rows_off(plugin, monkeypatch):
    """Reasons far longer than the demo's (synthetic: each repeated four times) do not fit
    twelve to a sheet: the atlas then uses more sheets, and every address is still printed."""
    from img_qgis_plugin.reports import atlas
    from img_qgis_plugin.reports.layout_kit import layout_problems

    store = plugin.controller.store
    area = _box_around_many_objects(store, 12)
    real_visit_list = atlas.visit_list

    def long_reasons(*args, **kwargs):
        visits = real_visit_list(*args, **kwargs)
        for row in visits.rows:
            row.reason = " ".join([row.reason] * 4)
        return visits

    monkeypatch.setattr(atlas, "visit_list", long_reasons)
    visits = long_reasons(store, area, as_of=AS_OF)
    with atlas.startarea_atlas_layout(plugin, area, as_of=AS_OF) as layout:
        layout_atlas = layout.atlas()
        assert layout_atlas.count() > atlas.page_count(len(visits.rows))
        (table,) = layout.multiFrames()
        listed = []
        layout_atlas.beginRender()
        for page in range(layout_atlas.count()):
            layout_atlas.seekTo(page)
            assert [found for found in layout_problems(layout) if found.kind == "rows"] == [], page
            listed += [row[1] for row in table.contents()]
        layout_atlas.endRender()
    # every address on exactly one sheet, all rows shown
    assert sorted(listed) == sorted(f"{r.address}, {r.place}" for r in visits.rows)


# --- what the first printed review found (issue 15, point 6) ---------------------------------
def _outline_only(layer) -> bool:
    from qgis.core import Qgis, QgsSimpleFillSymbolLayer
    from qgis.PyQt.QtCore import Qt

    if layer.geometryType() != Qgis.GeometryType.Polygon:
        return False
    parts = layer.renderer().symbol().symbolLayers()
    return all(
        isinstance(part, QgsSimpleFillSymbolLayer) and part.brushStyle() == Qt.BrushStyle.NoBrush
        for part in parts
    )


def _frame(layout, name: str):
    from qgis.core import QgsLayoutFrame

    return next(
        item for item in layout.items() if isinstance(item, QgsLayoutFrame) and item.id() == name
    )


def _top_mm(item) -> float:
    """An item's top on its own page, mm."""
    page = item.layout().pageCollection().page(item.page())
    return item.mapRectToScene(item.rect()).top() - page.pos().y()


def test_dossier_legend_lists_only_areas_whose_lines_the_map_shows(plugin, demo_store):
    """An outlined area (start area, 6 km zone) around the whole map draws no line in it: it is
    not in the legend but named in a note under it; the claims start on page 1 when they fit,
    else the map grows into the room they leave."""
    from qgis.core import QgsLayoutItemLegend

    from img_qgis_plugin.reports.dossier import (
        AROUND_NOTE_ID,
        BODY_BOTTOM,
        MAP_H,
        MAP_ID,
        dossier_layout,
        shows_outline,
    )
    from img_qgis_plugin.reports.layout_kit import SPARSE_PAGE_ROWS, layout_problems, sparse_pages

    store = plugin.controller.store
    notes = []
    seen = []
    for object_id in {*demo_store[1].values(), _most_claims(store)}:
        with dossier_layout(plugin, object_id, AS_OF) as layout:
            map_item = _map_items(layout)[MAP_ID]
            (legend,) = _items(layout, QgsLayoutItemLegend)
            for node in legend.model().rootGroup().findLayers():
                if _outline_only(node.layer()):
                    assert shows_outline(node.layer(), map_item.extent()), (object_id, node.name())
            note = layout.itemById(AROUND_NOTE_ID)
            if note is not None:
                notes.append(note.currentText())
                legend_names = {node.name() for node in legend.model().rootGroup().findLayers()}
                assert not any(name in note.currentText() for name in legend_names), object_id
            assert layout_problems(layout) == [], object_id
            assert sparse_pages(layout) == [], object_id
            # the claims: under the object table on page 1, or from page 2 on when fewer
            # than a few rows would fit there
            claims = _frame(layout, "meldingen_1")
            objects = _frame(layout, "object")
            if claims.page() == 0:
                assert objects.page() == 0 and len(objects.multiFrame().frames()) == 1
                assert _top_mm(claims) > _top_mm(objects) + objects.rect().height()
                claim_rows = [
                    len(table.contents())
                    for table in layout.multiFrames()
                    if table.frames() and table.frames()[0].id().startswith("meldingen_")
                ]
                assert claim_rows[0] >= min(SPARSE_PAGE_ROWS, sum(claim_rows)), claim_rows
            else:  # the map takes the room instead: page 1 ends with the object table
                seen.append(object_id)
                assert claims.page() == 1
                assert _top_mm(objects) + objects.rect().height() > BODY_BOTTOM - 15, object_id
                assert map_item.rect().height() > MAP_H
    # the demo holds objects that lie wholly inside an outlined area, and one whose claims
    # do not fit page 1 (the checks could fail)
    assert any("(illustratief)" in note for note in notes), notes
    assert seen, "no sample with its claims on page 2"


def test_dossier_chart_fills_its_picture_and_the_quake_table_follows_it(
    plugin, demo_store, tmp_path
):
    from qgis.core import QgsLayoutItemPicture
    from qgis.PyQt.QtGui import QColor, QImage

    from domain.presentation.object_view import object_view
    from img_qgis_plugin.reports.dossier import dossier_layout, quake_rows, render_chart

    object_id = demo_store[1]["handoff_present"]
    view = object_view(plugin.controller.store.read_object(object_id), AS_OF)
    png = render_chart(view, str(tmp_path / "pgv.png"))
    image = QImage(png)
    white = QColor("white").rgb()
    drawn = [
        y
        for y in range(image.height())
        if any(image.pixel(x, y) != white for x in range(0, image.width(), 3))
    ]
    # the axis years sit at the bottom of the picture: no white band under the chart
    assert drawn and drawn[-1] > 0.9 * image.height(), (drawn[-1], image.height())

    with dossier_layout(plugin, object_id, AS_OF) as layout:
        (chart,) = [item for item in _items(layout, QgsLayoutItemPicture) if not item.linkedMap()]
        quakes = _frame(layout, "bevingen_1")
        assert quakes.page() == chart.page()
        gap = _top_mm(quakes) - (_top_mm(chart) + chart.rect().height())
        assert 0 < gap < 16, gap  # the heading "Bevingen" between them, nothing more

    # each quake by place and Dutch date first; its catalogue id last, for reference
    rows = quake_rows(view)
    ids = {quake["event_id"] for quake in view["quakes"]}
    assert rows and all(row[-1] in ids for row in rows)
    for row in rows:
        assert row[0] not in ids and re.fullmatch(r"\d{1,2} [a-z]+ \d{4}", row[1]), row
        assert re.fullmatch(r"\d\d:\d\d", row[2]), row


def test_quake_date_and_time_are_dutch():
    from img_qgis_plugin.reports.dossier import quake_when

    # 23:46 UTC on 15 November is 00:46 on the 16th in Groningen (winter time, UTC+1)
    assert quake_when("2021-11-15T23:46:48Z") == ("16 november 2021", "00:46")
    assert quake_when("2019-06-09T03:00:15Z") == ("9 juni 2019", "05:00")  # summer time


def test_a_table_leaves_no_page_with_a_single_row(qgis_app):
    """One row more than a page holds: split as before (a full page and one row alone), the
    check finds the orphan; the dossier's sections share the rows over the two pages."""
    from img_qgis_plugin.reports import dossier
    from img_qgis_plugin.reports import layout_kit as kit

    headers, widths = ["Oordeel", "Reden"], [40, 130]
    layout = kit.new_layout(QgsProject.instance(), "proef")
    with kit.measuring_table(layout, headers, [["a", "b"]] * 200, widths) as probe:
        per_page = kit.rows_that_fit(probe, dossier._room(dossier.SECTION_TOP))
    assert layout.multiFrames() == []  # the measuring table left the layout again
    rows = [[f"rij {n}", "reden"] for n in range(per_page + 1)]

    orphan = kit.new_layout(QgsProject.instance(), "wees")
    for n, part in enumerate(kit.chunks(rows, per_page)):
        page = kit.add_page(orphan)
        kit.add_table(orphan, page, 15, 22, 180, 263, headers, part, widths, name=f"proef_{n + 1}")
    found = kit.sparse_pages(orphan)
    assert [problem.kind for problem in found] == ["sparse"] and "pagina 2" in found[0], found

    dossier._section(layout, "Proef", headers, rows, widths, "proef")
    assert layout.pageCollection().pageCount() == 2
    assert kit.sparse_pages(layout) == [] and kit.layout_problems(layout) == []
    shown = [row for table in layout.multiFrames() for row in table.contents()]
    assert shown == rows  # every row once, in order
    counts = sorted(len(table.contents()) for table in layout.multiFrames())
    assert counts[0] >= kit.SPARSE_PAGE_ROWS and counts[1] - counts[0] <= 1, counts


def test_stops_at_one_place_share_one_map_label():
    from types import SimpleNamespace

    from img_qgis_plugin.reports.atlas import number_runs, stop_numbers

    assert number_runs([4, 5]) == "4–5"
    assert number_runs([4, 7]) == "4, 7"
    assert number_runs([4, 5, 6, 9]) == "4–6, 9"
    rows = [
        SimpleNamespace(order=order, x=x, y=y)
        for order, x, y in [(1, 0, 0), (2, 5, 5), (3, 5, 5), (4, 9, 9), (5, 5, 5), (6, 5, 5)]
    ]
    # 2, 3 and 5 share a place on sheet 1; 6 is at that place too, but on sheet 2
    assert stop_numbers(rows, per_page=5) == {1: "1", 2: "2–3, 5", 3: "", 4: "4", 5: "", 6: "6"}


def test_atlas_overview_holds_every_sheet_and_one_label_a_place(plugin, tmp_path):
    from img_qgis_plugin.reports import first_start_area
    from img_qgis_plugin.reports.atlas import startarea_atlas_layout
    from img_qgis_plugin.reports.atlas_template import MAP_ID, OVERVIEW_ID

    store = plugin.controller.store
    for area in (first_start_area(store), _box_around_many_objects(store, 40)):
        with startarea_atlas_layout(plugin, area, as_of=AS_OF) as layout:
            maps = _map_items(layout)
            atlas = layout.atlas()
            atlas.beginRender()
            atlas.seekTo(0)
            overview = maps[OVERVIEW_ID].extent()
            atlas.endRender()
            (sheets,) = [lyr for lyr in maps[OVERVIEW_ID].layers() if lyr.name() == "Bladindeling"]
            for sheet in sheets.getFeatures():
                assert overview.contains(sheet.geometry().boundingBox()), sheet["blad"]
            (stops,) = [lyr for lyr in maps[MAP_ID].layers() if lyr.name() == "Bezoekadressen"]
            assert stops.labeling().settings().fieldName == "nummer"
            labelled: dict = {}
            numbered = []
            for stop in stops.getFeatures():
                point = stop.geometry().asPoint()
                key = (stop["blad"], round(point.x(), 1), round(point.y(), 1))
                if stop["nummer"]:
                    assert key not in labelled, (key, stop["nummer"], labelled.get(key))
                    labelled[key] = stop["nummer"]
                    numbered += _numbers(stop["nummer"])
            # every stop is numbered on its sheet, exactly once
            assert sorted(numbered) == sorted(stop["volgorde"] for stop in stops.getFeatures())


def _numbers(label: str) -> list[int]:
    numbers = []
    for part in label.split(", "):
        first, _, last = part.partition("–")
        numbers += list(range(int(first), int(last or first) + 1))
    return numbers
