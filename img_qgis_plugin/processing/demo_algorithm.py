"""Build a demo store from Processing (same function as ``imgschade demo``)."""

from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from img_qgis_plugin.gui.i18n import tr
from img_qgis_plugin.processing.base import STORE_GROUP, ImgAlgorithm, progress_for


class DemoAlgorithm(ImgAlgorithm):
    NAME = "demo"
    DISPLAY = QT_TRANSLATE_NOOP("@default", "Demo-opslag maken")
    GROUP_ID, GROUP = STORE_GROUP
    HELP = QT_TRANSLATE_NOOP(
        "@default",
        "Maakt een GeoPackage met synthetische objecten, bevingen, eigenaren en schadehistorie "
        "om het product te leren kennen. Deterministisch: dezelfde seed geeft dezelfde opslag. "
        "Een bestaand bestand wordt pas vervangen als alles berekend is; annuleren laat het staan.",
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFileDestination(
                "OUT", tr("Nieuwe opslag"), fileFilter=tr("GeoPackage (*.gpkg)")
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "OBJECTS",
                tr("Aantal objecten"),
                Qgis.ProcessingNumberParameterType.Integer,
                defaultValue=2000,
                minValue=1,
                maxValue=2_000_000,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "SEED", tr("Seed"), Qgis.ProcessingNumberParameterType.Integer, defaultValue=7
            )
        )
        self.add_report_output()
        self.addOutput(QgsProcessingOutputNumber("OBJECTS", tr("Objecten")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from domain.demo import build_demo

        out = self.parameterAsFileOutput(parameters, "OUT", context)
        objects = self.parameterAsInt(parameters, "OBJECTS", context)
        seed = self.parameterAsInt(parameters, "SEED", context)
        progress = progress_for(feedback)

        def say(percent, what=""):
            if percent < 100:  # at 100 the store is written: too late to stop
                progress(percent, what)

        with self.domain_errors():
            summary = build_demo(out, objects, seed, None, say)
        feedback.setProgress(100)
        data = summary.as_dict()
        results = self.report(data, feedback)
        results["OUT"] = out
        return results
