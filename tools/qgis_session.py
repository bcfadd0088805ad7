"""Helpers for scripts that run inside the real QGIS desktop (``qgis --code``).

QGIS executes the startup script without ``__file__``; the script loads this file by its path
(``IMG_TOOLS_DIR``), so no project folder goes on QGIS's ``sys.path``.
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from pathlib import Path

from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication
from qgis.utils import iface

OUT_DIR = Path(os.environ.get("IMG_OUT_DIR", "build"))
EXIT_WHEN_DONE = os.environ.get("IMG_EXIT_WHEN_DONE", "1") == "1"


def screenshot(name: str = "screenshot.png") -> str:
    QApplication.processEvents()
    path = OUT_DIR / name
    iface.mainWindow().grab().save(str(path))
    return str(path)


def finish(result: dict) -> None:
    """Write the result for the launcher and, when headless, close QGIS."""
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    (OUT_DIR / "result.json").write_text(
        json.dumps(result, indent=2, ensure_ascii=False, default=str), encoding="utf-8"
    )
    if EXIT_WHEN_DONE:
        QTimer.singleShot(200, QApplication.instance().quit)


def _report_uncaught(kind, error, trace) -> None:
    """An error raised inside a Qt callback would open QGIS's modal error dialog and hang the
    run; it ends the run with the traceback instead."""
    finish(
        {
            "ok": False,
            "error": repr(error),
            "traceback": "".join(traceback.format_exception(kind, error, trace)),
        }
    )


sys.excepthook = _report_uncaught


def run_after_start(step, delay_ms: int = 1500) -> None:
    """Run ``step()`` once QGIS has settled; any failure is reported as ``ok: false``."""

    def guarded() -> None:
        try:
            result = step()
        except Exception as exc:  # report, never hang the desktop
            result = {"ok": False, "error": repr(exc), "traceback": traceback.format_exc()}
        finish(result)

    screen = QApplication.primaryScreen().availableGeometry()
    iface.mainWindow().setGeometry(screen)
    iface.mainWindow().showMaximized()
    QTimer.singleShot(delay_ms, guarded)


def run_steps(steps, delay_ms: int = 1500) -> None:
    """Run ``steps`` one after another with ``delay_ms`` between them (so QGIS can redraw).

    Each step gets the shared result dict; the last step's dict is the result.
    """
    result: dict = {"ok": True}
    remaining = list(steps)

    def next_step() -> None:
        step = remaining.pop(0)
        try:
            step(result)
        except Exception as exc:
            result.update(ok=False, error=repr(exc), traceback=traceback.format_exc())
            finish(result)
            return
        if remaining and result.get("ok", True):
            QTimer.singleShot(delay_ms, next_step)
        else:
            finish(result)

    screen = QApplication.primaryScreen().availableGeometry()
    iface.mainWindow().setGeometry(screen)
    iface.mainWindow().showMaximized()
    QTimer.singleShot(delay_ms, next_step)
