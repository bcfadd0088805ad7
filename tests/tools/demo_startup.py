# Startup script for `make demo`, run inside QGIS by tests/tools/qgis_desktop.py.
import os
import sys

sys.path.insert(0, os.environ["IMG_TOOLS_DIR"])
import qgis.utils  # noqa: E402
from qgis_session import run_after_start, screenshot  # noqa: E402


def demo():
    plugin = qgis.utils.plugins.get("img_qgis_plugin")
    if plugin is None:
        return {"ok": False, "error": "plugin img_qgis_plugin is niet geladen"}
    plugin.toggle_panel()
    return {
        "ok": True,
        "screenshot": screenshot("screenshot.png"),
        "active_plugins": sorted(qgis.utils.active_plugins),
    }


run_after_start(demo)
