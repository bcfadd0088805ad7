"""Search bar filter: address, postcode + number, object id or claim id → the object."""

from __future__ import annotations

from qgis.core import QgsLocatorFilter
from qgis.PyQt.QtCore import QCoreApplication

from img_qgis_plugin.controller import result_generation, result_object_id


class ObjectLocatorFilter(QgsLocatorFilter):
    def __init__(self, plugin=None) -> None:
        super().__init__()
        self.plugin = plugin

    def clone(self) -> ObjectLocatorFilter:
        return ObjectLocatorFilter(self.plugin)

    def name(self) -> str:
        return "mijnbouwschade"

    def displayName(self) -> str:  # noqa: N802
        return QCoreApplication.translate("ObjectLocatorFilter", "Mijnbouwschade-objecten")

    def flags(self):
        """Fast: runs on the main thread, so the store's connection is never shared across threads."""
        return QgsLocatorFilter.Flag.FlagFast

    def prefix(self) -> str:
        return "img"

    def fetchResults(self, string, context, feedback) -> None:  # noqa: N802
        if self.plugin is None or len(string.strip()) < 2:
            return
        for result in self.plugin.search_objects(string, feedback, self):
            if feedback.isCanceled():
                return
            self.resultFetched.emit(result)

    def triggerResult(self, result) -> None:  # noqa: N802
        if self.plugin is None:
            return
        controller = getattr(self.plugin, "controller", None)
        made_in = result_generation(result)
        if controller is not None and made_in is not None and made_in != controller.generation:
            # found in a store no longer open: the same id would be another object now
            from img_qgis_plugin.gui.i18n import tr
            from img_qgis_plugin.toolbelt.log_handler import log

            log(
                tr("Dit zoekresultaat hoort bij een eerder geopende opslag; zoek opnieuw."),
                "warning",
                push=True,
            )
            return
        self.plugin.show_object(result_object_id(result), zoom=True)
