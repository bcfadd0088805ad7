"""Panel, dossier and regional overview say up to which day quakes are known."""

from __future__ import annotations

import pytest
from qgis.core import QgsProject

import img_qgis_plugin
from domain.demo import build_demo
from domain.store.coverage import store_catalog_end
from img_qgis_plugin.gui.object_panel import ObjectPanel, catalog_end_text
from tests.qgis.panel_views import loppersum_view


def _view(end: str | None) -> dict:
    view = loppersum_view()
    view["exposure"] = {**(view.get("exposure") or {}), "catalog_end": end}
    return view


def test_panel_header_names_the_catalogue_end(qgis_app, qtbot):
    panel = ObjectPanel()
    qtbot.addWidget(panel)
    panel.show_object(_view("2022-01-26"))
    assert panel.header["catalog_end"].text() == "bevingen bekend t/m 26 januari 2022"
    panel.show_object(_view(None))
    assert panel.header["catalog_end"].text() == catalog_end_text(None)


def test_dossier_object_rows_carry_the_catalogue_end(qgis_app):
    from img_qgis_plugin.reports.dossier import object_rows

    view = _view("2022-01-26")
    view["object"] = {**view["object"], "x": 245000.0, "y": 593500.0}
    rows = object_rows(view, None, "taskforce")
    assert ["Bevingscatalogus", "bevingen bekend t/m 26 januari 2022"] in rows


@pytest.fixture
def plugin(qgis_iface, tmp_path):
    path = tmp_path / "demo.gpkg"
    build_demo(str(path), objects=300, seed=5)
    plugin = img_qgis_plugin.classFactory(qgis_iface)
    plugin.initGui()
    assert plugin.open_store(str(path))
    yield plugin
    plugin.unload()
    QgsProject.instance().clear()


def test_overview_status_names_the_catalogue_end(plugin, qtbot):
    from domain.rules.coverage import known_text

    end = store_catalog_end(plugin.controller.store)
    assert end is not None
    dialog = plugin.show_regional_overview()
    dialog.compute()
    qtbot.waitUntil(lambda: dialog.layer is not None, timeout=30_000)
    assert known_text(end, "nl")[1:] in dialog.status.text()
