"""Changing component, exceedance or VS30 source offers to recompute the open store."""

from __future__ import annotations

from dataclasses import fields

import pytest
from qgis.core import QgsProject, QgsSettings
from qgis.PyQt.QtCore import QSettings

import img_qgis_plugin
from domain.demo import build_demo
from domain.store.motion_settings import DEFAULT_MOTION, MotionSettings, store_motion_settings
from img_qgis_plugin.toolbelt.preferences import GROUP, Preferences


@pytest.fixture
def demo_store(tmp_path):
    path = tmp_path / "demo.gpkg"
    summary = build_demo(str(path), objects=300, seed=5)
    return path, summary.sample_object_ids


@pytest.fixture
def plugin(qgis_iface, demo_store):
    keys = [f.name for f in fields(Preferences)]
    saved = {k: QgsSettings().value(f"{GROUP}/{k}") for k in keys}
    plugin = img_qgis_plugin.classFactory(qgis_iface)
    plugin.initGui()
    assert plugin.open_store(str(demo_store[0]))
    yield plugin
    plugin.unload()
    QgsProject.instance().clear()
    for key, value in saved.items():  # the profile as it was
        if value is None:
            QgsSettings().remove(f"{GROUP}/{key}")
        else:
            QgsSettings().setValue(f"{GROUP}/{key}", value)


def _pgv(store, object_id) -> dict:
    return {q.event_id: q.pgv_mm_s for q in store.read_object(object_id).quakes_at_object}


def test_declining_leaves_the_store_and_the_panel_says_so(plugin, demo_store):
    controller = plugin.controller
    object_id = demo_store[1]["reopened_after_final"]
    before = _pgv(controller.store, object_id)
    prefs = Preferences(component="geomean")
    prefs.save()
    questions = []
    task = controller.offer_recompute(prefs, ask=lambda title, q: questions.append(q) or False)
    assert task is None and len(questions) == 1
    assert "geometrisch gemiddelde" in questions[0]  # it names what the user chose
    assert store_motion_settings(controller.store) == DEFAULT_MOTION
    assert _pgv(controller.store, object_id) == before
    view = plugin.show_object(object_id)
    assert view["motion"]["differs"] is True
    assert "geometrisch gemiddelde" in view["motion"]["wanted"]
    label = plugin.panel.motion_label.text()
    assert "grootste horizontale component" in label and "Let op" in label


def test_accepting_recomputes_in_a_task_and_refreshes(plugin, demo_store, qtbot):
    controller = plugin.controller
    object_id = demo_store[1]["reopened_after_final"]
    before = _pgv(controller.store, object_id)
    prefs = Preferences(exceedance=0.05)
    prefs.save()
    task = controller.offer_recompute(prefs, ask=lambda title, q: True)
    assert task is not None
    qtbot.waitUntil(lambda: controller.recompute_task is None, timeout=60_000)
    wanted = MotionSettings(exceedance=0.05)
    assert store_motion_settings(controller.store) == controller.store_motion == wanted
    after = _pgv(controller.store, object_id)
    # a value exceeded 5 % of the time is lower than one exceeded 1 % of the time
    assert after and max(after.values()) < max(before.values())
    view = plugin.show_object(object_id)
    assert view["motion"]["differs"] is False
    assert "Let op" not in plugin.panel.motion_label.text()
    # the same settings again: nothing to offer
    assert controller.offer_recompute(prefs, ask=lambda title, q: pytest.fail(q)) is None


def test_settings_dialog_ok_offers_the_recompute(plugin, qtbot, tmp_path, monkeypatch):
    from img_qgis_plugin.gui.settings_dialog import SettingsDialog

    offered = []
    monkeypatch.setattr(plugin.controller, "offer_recompute", offered.append)
    settings = QgsSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    dialog = SettingsDialog(settings, on_saved=plugin._on_settings_saved)
    qtbot.addWidget(dialog)
    dialog.form.componentCombo.setCurrentIndex(dialog.form.componentCombo.findData("maxrot"))
    dialog.accept()
    assert [p.component for p in offered] == ["maxrot"]
