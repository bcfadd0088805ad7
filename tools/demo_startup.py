# Startup script for `make demo`, run inside QGIS by tools/qgis_desktop.py:
# open the demo store with every layer and the panel on one of the demo's sample objects.
import json
import os

import qgis.utils
from qgis_session import run_steps, screenshot  # put in place by the launcher

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
