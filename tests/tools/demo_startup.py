# Startup script for `make demo`, run inside QGIS by tests/tools/qgis_desktop.py:
# open the demo store with every layer and the panel on one of the demo's sample objects.
import importlib.util
import json
import os

import qgis.utils

# the helper is loaded by file path: no project folder goes on QGIS's sys.path
_spec = importlib.util.spec_from_file_location(
    "qgis_session", os.path.join(os.environ["IMG_TOOLS_DIR"], "qgis_session.py")
)
qgis_session = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(qgis_session)

run_steps = qgis_session.run_steps
screenshot = qgis_session.screenshot

SAMPLE_ORDER = ("reopened_after_final", "overdue_claim", "handoff_present", "dh_eligible")
plugin = qgis.utils.plugins.get("img_qgis_plugin")


def open_demo(result):
    if plugin is None:
        result.update(ok=False, error="plugin img_qgis_plugin is niet geladen")
        return
    with open(os.environ["IMG_DEMO_SUMMARY"], encoding="utf-8") as f:
        summary = json.load(f)
    if not plugin.open_store(summary["store"]):
        result.update(ok=False, error="de demo-opslag kon niet worden geopend")
        return
    samples = summary["sample_object_ids"]
    result["object_id"] = next(samples[k] for k in SAMPLE_ORDER if samples.get(k) is not None)
    result["layers"] = sorted(layer.name() for layer in plugin.controller.layers.values())


def show_sample(result):
    view = plugin.show_object(result["object_id"], zoom=True)
    qgis.utils.iface.mapCanvas().zoomScale(6000)
    result["ok"] = view is not None


def outputs(result):
    try:
        from img_qgis_plugin.reports import demo_outputs
    except ImportError:
        return
    result["reports"] = demo_outputs(plugin, os.environ["IMG_OUT_DIR"])
    plugin.show_object(result["object_id"])


def shoot(result):
    result["screenshot"] = screenshot("screenshot.png")


run_steps([open_demo, show_sample, outputs, shoot], delay_ms=2000)
