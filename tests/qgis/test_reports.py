"""Printed output on a real demo store: dossier PDF, start-area atlas PDF, overview choropleth."""

from __future__ import annotations

import datetime as dt
import math
import re
import subprocess

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

    # page 1 (map, data, chart) + one page each for claims, quakes, verdicts, hand-offs
    assert pdf_pages(path) >= 5
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
    from domain.handoff import HandOffDraft
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
        "Volgorde",
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
    assert pdf_pages(written["startgebied"]) >= 2 and pdf_pages(written["dossier"]) >= 5


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
    assert pdf_pages(tmp_path / "paneel.pdf") >= 5  # ".pdf" added to the chosen name
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
