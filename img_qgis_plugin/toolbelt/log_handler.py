"""Log to QGIS's message log under one tag, and to the message bar when the user must know."""

from __future__ import annotations

import platform
import traceback

from qgis.core import Qgis, QgsMessageLog
from qgis.utils import iface

LOG_TAG = "Mijnbouwschade"

_LEVELS = {
    "info": Qgis.MessageLevel.Info,
    "warning": Qgis.MessageLevel.Warning,
    "critical": Qgis.MessageLevel.Critical,
    "success": Qgis.MessageLevel.Success,
}


def versions_text() -> str:
    """OS, QGIS and plugin versions, for copyable error reports."""
    from img_qgis_plugin.__about__ import __version__

    return (
        f"Mijnbouwschade {__version__}; QGIS {Qgis.QGIS_VERSION}; "
        f"Python {platform.python_version()}; {platform.platform()}"
    )


def redacted(text: str) -> str:
    """``text`` without passwords (store URLs, ``password=`` keywords, SQL ``PASSWORD '…'``):
    whatever a message or a driver's error says, no password reaches the log or the bar."""
    try:
        from domain.store.engine import redact
    except ImportError:  # the domain's libraries are missing: no store was ever opened
        return text
    return redact(text)


def log(
    message: str, level: str = "info", push: bool = False, duration: int = 5, details: str = ""
) -> None:
    message, details = redacted(str(message)), redacted(details)
    QgsMessageLog.logMessage(
        message + (f"\n{details}" if details else ""),
        LOG_TAG,
        _LEVELS.get(level, Qgis.MessageLevel.Info),
    )
    if push and iface is not None:
        iface.messageBar().pushMessage(
            LOG_TAG, message, _LEVELS.get(level, Qgis.MessageLevel.Info), duration
        )


def log_exception(context: str, exc: BaseException) -> None:
    """Tell the user what failed; the full, copyable details (with versions) go to the log."""
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    log(
        f"{context}: {exc}",
        "critical",
        push=True,
        duration=0,
        details=f"{versions_text()}\n{details}",
    )
