"""Scenario quake as an algorithm: counts per municipality and a layer of affected objects."""

from __future__ import annotations

import datetime as dt

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsFeatureSink,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterPoint,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from domain import policy
from img_qgis_plugin.processing.base import ImgAlgorithm, tr
from img_qgis_plugin.processing.scenario_features import affected_features, scenario_fields
from img_qgis_plugin.processing.store_algorithms import COMPUTE_GROUP, parse_date

RD_NEW = "EPSG:28992"


class ScenarioAlgorithm(ImgAlgorithm):
    NAME = "scenario"
    DISPLAY = QT_TRANSLATE_NOOP("@default", "Scenario-beving")
    GROUP_ID, GROUP = COMPUTE_GROUP
    HELP = QT_TRANSLATE_NOOP(
        "@default",
        "Wat als er op dit punt een beving van magnitude ML komt? Telt per gemeente de objecten "
        "die heropend worden (besluit vóór de datum en PGV > 5 mm/s), een nulmeting nodig "
        "hebben (PGV ≥ 5 mm/s) of nieuw in het effectgebied komen (PGV ≥ 2 mm/s), en maakt "
        "een puntlaag (RD New) van die objecten. Het epicentrum mag in elk CRS.",
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_store_parameter()
        self.addParameter(QgsProcessingParameterPoint("EPICENTRE", tr("Epicentrum")))
        self.addParameter(
            QgsProcessingParameterNumber(
                "ML",
                tr("Magnitude (ML)"),
                Qgis.ProcessingNumberParameterType.Double,
                defaultValue=policy.SCENARIO_ML_DEFAULT,
                minValue=policy.SCENARIO_ML_RANGE[0],
                maxValue=policy.SCENARIO_ML_RANGE[1],
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "DEPTH",
                tr("Diepte (km)"),
                Qgis.ProcessingNumberParameterType.Double,
                defaultValue=policy.DEFAULT_DEPTH_KM,
                minValue=policy.SCENARIO_DEPTH_RANGE_KM[0],
                maxValue=policy.SCENARIO_DEPTH_RANGE_KM[1],
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "DATE", tr("Datum (JJJJ-MM-DD, leeg is vandaag)"), optional=True
            )
        )
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", tr("Getroffen objecten")))
        self.add_report_output()
        for key, label in (
            ("REOPEN", QT_TRANSLATE_NOOP("@default", "Heropenen")),
            ("NULMETING", QT_TRANSLATE_NOOP("@default", "Nulmeting")),
            ("NEW_IN_EFFECT_AREA", QT_TRANSLATE_NOOP("@default", "Nieuw in effectgebied")),
            ("AFFECTED", QT_TRANSLATE_NOOP("@default", "Getroffen objecten (≥ 2 mm/s)")),
        ):
            self.addOutput(QgsProcessingOutputNumber(key, tr(label)))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from domain.store.scenario_objects import scenario_with_objects
        from img_qgis_plugin.processing.base import plugin_motion

        rd = QgsCoordinateReferenceSystem(RD_NEW)
        point = self.parameterAsPoint(parameters, "EPICENTRE", context, rd)
        if point.isEmpty():
            raise QgsProcessingException(tr("EPICENTRE: kies een punt op de kaart."))
        ml = self.parameterAsDouble(parameters, "ML", context)
        depth = self.parameterAsDouble(parameters, "DEPTH", context)
        day = parse_date(self.parameterAsString(parameters, "DATE", context), "DATE")
        day = day or dt.date.today()
        with self.open_store(parameters, context) as store, self.domain_errors():
            feedback.setProgress(10)
            motion = plugin_motion()
            outcome = scenario_with_objects(store, point.x(), point.y(), ml, depth, day, motion)
        feedback.setProgress(60)
        fields = scenario_fields()
        sink, dest = self.parameterAsSink(
            parameters, "OUTPUT", context, fields, Qgis.WkbType.Point, rd
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        features = affected_features(outcome.objects, fields, feedback)
        if not sink.addFeatures(features, QgsFeatureSink.Flag.FastInsert):
            raise QgsProcessingException(self.writeFeatureError(sink, parameters, "OUTPUT"))
        feedback.setProgress(100)
        summary = outcome.summary
        for m in summary["per_municipality"]:
            feedback.pushInfo(
                tr("{0}: heropenen {1}, nulmeting {2}, nieuw in effectgebied {3}").format(
                    m["municipality"] or "-", m["reopen"], m["nulmeting"], m["new_in_effect_area"]
                )
            )
        results = self.report({"counts": {}, **summary}, feedback)
        results.update({k.upper(): v for k, v in summary["totals"].items()})
        results["AFFECTED"] = summary["affected"]
        results["OUTPUT"] = dest
        return results
