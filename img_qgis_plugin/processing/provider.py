"""Processing provider "Mijnbouwschade": the product's long jobs as algorithms."""

from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from img_qgis_plugin.__about__ import __icon_path__, __version__

PROVIDER_ID = "mijnbouwschade"


def algorithm_classes() -> list:
    """Algorithms are added per capability; imported here so the provider stays one list."""
    from img_qgis_plugin.processing.boundaries_algorithm import ImportBoundariesAlgorithm
    from img_qgis_plugin.processing.demo_algorithm import DemoAlgorithm
    from img_qgis_plugin.processing.scenario_algorithm import ScenarioAlgorithm
    from img_qgis_plugin.processing.store_algorithms import (
        AssessAlgorithm,
        ExposureAlgorithm,
        ImportCatalogAlgorithm,
        ImportDataAlgorithm,
        ZonesAlgorithm,
    )

    return [
        ImportCatalogAlgorithm,
        ImportDataAlgorithm,
        ImportBoundariesAlgorithm,
        ExposureAlgorithm,
        ZonesAlgorithm,
        AssessAlgorithm,
        ScenarioAlgorithm,
        DemoAlgorithm,
    ]


class ImgProcessingProvider(QgsProcessingProvider):
    def id(self) -> str:
        return PROVIDER_ID

    def name(self) -> str:
        return QCoreApplication.translate("ImgProcessingProvider", "Mijnbouwschade")

    def icon(self) -> QIcon:
        return QIcon(__icon_path__)

    def versionInfo(self) -> str:  # noqa: N802
        return __version__

    def loadAlgorithms(self) -> None:  # noqa: N802
        for cls in algorithm_classes():
            self.addAlgorithm(cls())

    @staticmethod
    def store_listener(controller):
        """A store listener that keeps every form's STORE default at the plugin's open store."""
        from img_qgis_plugin.processing.open_store import follow

        return follow(controller)

    def unload(self) -> None:
        """The plugin unloads: no store is open any more, so no form defaults to one."""
        from img_qgis_plugin.processing.open_store import set_open_store

        set_open_store("")
        super().unload()
