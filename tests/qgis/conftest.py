"""QGIS adapter tests run offscreen with pytest-qgis; Processing is put on the path.

No test needs the network: the PDOK background map is switched off in the test profile before
every test (tests/qgis/test_background.py switches it on against a loopback server)."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
for path in (str(ROOT), "/usr/share/qgis/python/plugins"):
    if path not in sys.path:
        sys.path.insert(0, path)


@pytest.fixture(autouse=True)
def _no_background_map(qgis_app):
    """The plugin's background setting off in pytest-qgis's profile, whatever a test saved."""
    from qgis.core import QgsSettings

    settings = QgsSettings()
    settings.setValue("img_qgis_plugin/background_map", False)
    settings.sync()
    yield
