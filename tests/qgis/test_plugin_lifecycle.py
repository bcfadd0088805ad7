"""The plugin registers everything in initGui and leaves nothing behind after unload."""

from qgis.core import QgsApplication

import img_qgis_plugin
from img_qgis_plugin.processing.provider import PROVIDER_ID


def _provider_ids():
    return [p.id() for p in QgsApplication.processingRegistry().providers()]


def test_init_gui_registers_and_unload_removes(qgis_iface):
    plugin = img_qgis_plugin.classFactory(qgis_iface)
    plugin.initGui()
    try:
        assert {"panel", "about"} <= set(plugin.actions)
        assert plugin.toolbar is not None and plugin.toolbar.actions()
        assert plugin.panel is not None and plugin.panel.objectName() == "ImgObjectPanel"
        assert PROVIDER_ID in _provider_ids()
    finally:
        plugin.unload()
    assert plugin.actions == {}
    assert plugin.toolbar is None and plugin.panel is None
    assert PROVIDER_ID not in _provider_ids()
    assert plugin._undo == []
