"""What every Mijnbouwschade algorithm shares: the store parameter, feedback and errors.

The domain does the work; an algorithm only turns parameters into arguments, feedback into the
domain's ``progress``/``cancel`` callbacks, and the domain's errors (which name file, row and
field) into a ``QgsProcessingException`` the person can act on.
"""

from __future__ import annotations

import json
from contextlib import contextmanager

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterFile,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from img_qgis_plugin.__about__ import __icon_path__

STORE = "STORE"
REPORT = "REPORT"


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)


class Cancelled(Exception):
    """The person pressed Cancel; raised inside the domain function to stop it."""


def plugin_motion():
    """The ground-motion settings chosen in the plugin's settings (``MotionSettings``); a PC4
    source without a readable table is a domain ``InputError`` (shown as the message)."""
    from img_qgis_plugin.toolbelt.preferences import Preferences

    return Preferences.load().motion()


def progress_for(feedback, low: float = 0.0, high: float = 100.0):
    """A domain ``progress(percent, what="")`` that reports to ``feedback`` and stops on cancel.

    Raising from inside the callback is what stops domain functions that take no ``cancel``;
    they write in one transaction, so stopping leaves the store as it was.
    """

    def progress(percent, what: str = "") -> None:
        if feedback is None:
            return
        if feedback.isCanceled():
            raise Cancelled()
        feedback.setProgress(low + (high - low) * float(percent) / 100.0)
        if what:
            feedback.setProgressText(str(what))
        if feedback.isCanceled():
            raise Cancelled()

    return progress


def cancel_for(feedback):
    return (lambda: bool(feedback.isCanceled())) if feedback is not None else (lambda: False)


class ImgAlgorithm(QgsProcessingAlgorithm):
    """Base: names, group and help come from class attributes, each translatable."""

    NAME = ""
    DISPLAY = ""
    GROUP_ID = ""
    GROUP = ""
    HELP = ""

    def name(self) -> str:
        return self.NAME

    def displayName(self) -> str:  # noqa: N802
        return tr(self.DISPLAY)

    def group(self) -> str:
        return tr(self.GROUP)

    def groupId(self) -> str:  # noqa: N802
        return self.GROUP_ID

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(self.HELP)

    def icon(self) -> QIcon:
        return QIcon(__icon_path__)

    def createInstance(self):  # noqa: N802
        return type(self)()

    # --- shared parameters ---------------------------------------------------------------
    def add_store_parameter(self) -> None:
        param = QgsProcessingParameterFile(
            STORE,
            tr("Opslag (GeoPackage, postgresql://… of postgres-connection:NAAM)"),
            fileFilter=tr("GeoPackage (*.gpkg)"),
        )
        self.addParameter(param)  # noqa: QGS201 (False only for a duplicate name)

    def add_report_output(self) -> None:
        self.addOutput(QgsProcessingOutputString(REPORT, tr("Verslag (JSON)")))  # noqa: QGS201

    # --- running -------------------------------------------------------------------------
    @contextmanager
    def open_store(self, parameters, context):
        """The store named by the STORE parameter, closed afterwards."""
        from domain.store import open_store
        from img_qgis_plugin.connections import resolve

        where = self.parameterAsString(parameters, STORE, context) or self.parameterAsFile(
            parameters, STORE, context
        )
        with self.domain_errors():
            try:
                resolved = resolve(str(where))
            except ValueError as exc:
                raise QgsProcessingException(str(exc)) from exc
            store = open_store(resolved)
        try:
            yield store
        finally:
            store.close()

    @contextmanager
    def domain_errors(self):
        """Domain errors and a cancel become one ``QgsProcessingException`` with their text."""
        from domain.errors import DomainError
        from domain.groundmotion.exposure import Cancelled as DomainCancelled
        from img_qgis_plugin.toolbelt.log_handler import redacted

        try:
            yield
        except (Cancelled, DomainCancelled) as exc:
            raise QgsProcessingException(tr("Gestopt door de gebruiker; niets gewijzigd.")) from exc
        except DomainError as exc:
            raise QgsProcessingException(redacted(str(exc))) from exc
        except (OSError, ValueError) as exc:
            raise QgsProcessingException(redacted(f"{type(exc).__name__}: {exc}")) from exc

    @staticmethod
    def report(data: dict, feedback=None) -> dict:
        """Results: the whole report as JSON under REPORT plus each count as its own output."""
        results = {REPORT: json.dumps(data, ensure_ascii=False, default=str)}
        counts = data.get("counts", {})
        for key, value in counts.items():
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                results[key.upper()] = value
        if feedback is not None:
            for key, value in counts.items():
                feedback.pushInfo(f"{key}: {value}")
            for change in data.get("changes", []):
                feedback.pushInfo(str(change))
        return results
