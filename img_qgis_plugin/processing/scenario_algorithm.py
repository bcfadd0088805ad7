"""Scenario quake as an algorithm: counts per municipality and its footprint as layers.

The footprint is what the map tool draws: the affected objects, the 2 and 5 mm/s contours and
the epicentre, each a feature sink that loads in QGIS styled as the map tool styles it.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterPoint,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from domain import policy
from domain.groundmotion.coordinates import RD_NEW
from img_qgis_plugin.gui.i18n import tr
from img_qgis_plugin.processing.base import (
    COMPUTE_GROUP,
    ImgAlgorithm,
    Steps,
    kept_post_processor,
)
from img_qgis_plugin.processing.scenario_features import affected_features, scenario_fields
from img_qgis_plugin.processing.store_algorithms import parse_date

SCENARIO_STEPS = {
    "compute": QT_TRANSLATE_NOOP("@default", "Trillingen van de scenario-beving berekenen"),
    "layers": QT_TRANSLATE_NOOP("@default", "Lagen van de voetafdruk schrijven"),
}


class _StyledLike(QgsProcessingLayerPostProcessorInterface):
    """Gives a loaded sink the name, symbols and labels of the map tool's own layer.

    ``template()`` builds that layer (empty) on the main thread, where Processing calls this."""

    def __init__(self, template) -> None:
        super().__init__()
        self.template = template

    def postProcessLayer(self, layer, context, feedback) -> None:  # noqa: N802
        if layer is None or not layer.isValid():
            return
        model = self.template()
        layer.setName(model.name())
        layer.setRenderer(model.renderer().clone())
        if model.labeling() is not None:
            layer.setLabeling(model.labeling().clone())
            layer.setLabelsEnabled(model.labelsEnabled())
        layer.triggerRepaint()


class ScenarioAlgorithm(ImgAlgorithm):
    NAME = "scenario"
    DISPLAY = QT_TRANSLATE_NOOP("@default", "Scenario-beving")
    GROUP_ID, GROUP = COMPUTE_GROUP
    HELP = QT_TRANSLATE_NOOP(
        "@default",
        "Wat als er op dit punt een beving van magnitude ML komt? Telt per gemeente de objecten "
        "die heropend worden (besluit vóór de datum en PGV > 5 mm/s), een nulmeting nodig "
        "hebben (PGV ≥ 5 mm/s) of nieuw in het effectgebied komen (PGV ≥ 2 mm/s), en maakt "
        "een puntlaag (RD New) van die objecten, met de contouren van 2 en 5 mm/s en het "
        "epicentrum als eigen lagen. Het epicentrum mag in elk CRS.",
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_store_parameter()
        self.addParameter(QgsProcessingParameterPoint("EPICENTRE", tr("Epicentrum")))
        # the quake: a default and a range from the policy each
        for key, label, default, (low, high) in (
            (
                "ML",
                QT_TRANSLATE_NOOP("@default", "Magnitude (ML)"),
                policy.SCENARIO_ML_DEFAULT,
                policy.SCENARIO_ML_RANGE,
            ),
            (
                "DEPTH",
                QT_TRANSLATE_NOOP("@default", "Diepte (km)"),
                policy.DEFAULT_DEPTH_KM,
                policy.SCENARIO_DEPTH_RANGE_KM,
            ),
        ):
            self.addParameter(
                QgsProcessingParameterNumber(
                    key,
                    tr(label),
                    Qgis.ProcessingNumberParameterType.Double,
                    defaultValue=default,
                    minValue=low,
                    maxValue=high,
                )
            )
        self.addParameter(
            QgsProcessingParameterString(
                "DATE", tr("Datum (JJJJ-MM-DD, leeg is vandaag)"), optional=True
            )
        )
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", tr("Getroffen objecten")))
        # the rest of the footprint: optional, a temporary layer unless asked elsewhere
        for key, label in (
            ("CONTOURS", QT_TRANSLATE_NOOP("@default", "Contouren 2 en 5 mm/s")),
            ("EPICENTRE_POINT", QT_TRANSLATE_NOOP("@default", "Epicentrum (punt)")),
        ):
            self.addParameter(
                QgsProcessingParameterFeatureSink(
                    key,
                    tr(label),
                    optional=True,
                    createByDefault=True,
                    defaultValue=QgsProcessing.TEMPORARY_OUTPUT,
                )
            )
        self.add_report_output()
        for key, label in (
            ("REOPEN", QT_TRANSLATE_NOOP("@default", "Heropenen")),
            ("NULMETING", QT_TRANSLATE_NOOP("@default", "Nulmeting")),
            ("NEW_IN_EFFECT_AREA", QT_TRANSLATE_NOOP("@default", "Nieuw in effectgebied")),
            ("AFFECTED", QT_TRANSLATE_NOOP("@default", "Getroffen objecten (≥ 2 mm/s)")),
        ):
            self.addOutput(QgsProcessingOutputNumber(key, tr(label)))  # noqa: QGS201

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from domain.groundmotion.scenario import scenario_contours
        from domain.store.scenario import scenario_with_objects
        from img_qgis_plugin.gui import scenario_tool
        from img_qgis_plugin.processing.base import plugin_motion

        rd = QgsCoordinateReferenceSystem(RD_NEW)
        point = self.parameterAsPoint(parameters, "EPICENTRE", context, rd)
        if point.isEmpty():
            raise QgsProcessingException(tr("EPICENTRE: kies een punt op de kaart."))
        ml = self.parameterAsDouble(parameters, "ML", context)
        depth = self.parameterAsDouble(parameters, "DEPTH", context)
        day = parse_date(self.parameterAsString(parameters, "DATE", context), "DATE")
        day = day or dt.date.today()
        x, y = point.x(), point.y()
        steps = Steps(feedback, SCENARIO_STEPS)
        with self.open_store(parameters, context) as store, self.domain_errors():
            steps.stage("compute")
            motion = plugin_motion()
            outcome = scenario_with_objects(store, x, y, ml, depth, day, motion)
            quake_depth = outcome.summary["quake"]["depth_km"]
            contours = scenario_contours(x, y, ml, quake_depth, motion.ground_motion())
        with self.domain_errors():
            steps.stage("layers")
        results = {}
        fields = scenario_fields()
        results["OUTPUT"] = self._write(
            parameters,
            context,
            "OUTPUT",
            fields,
            Qgis.WkbType.Point,
            affected_features(outcome.objects, fields, feedback),
            lambda: scenario_tool.scenario_layer(SimpleNamespace(objects=[]), ml, day),
        )
        for key, made in (
            ("CONTOURS", lambda: scenario_tool.contour_layer(contours, ml, day)),
            ("EPICENTRE_POINT", lambda: scenario_tool.epicentre_layer(x, y, ml, day)),
        ):
            layer = made()
            results[key] = self._write(
                parameters,
                context,
                key,
                layer.fields(),
                layer.wkbType(),
                list(layer.getFeatures()),
                made,
            )
        with self.domain_errors():
            steps.check()  # a cancel while writing leaves layers cut short: say so instead
        steps.finish()
        summary = outcome.summary
        for row in summary["per_municipality"]:
            feedback.pushInfo(
                tr("{0}: heropenen {1}, nulmeting {2}, nieuw in effectgebied {3}").format(
                    row["municipality"] or "-",
                    row["reopen"],
                    row["nulmeting"],
                    row["new_in_effect_area"],
                )
            )
        counts = {**summary["totals"], "affected": summary["affected"]}
        results.update(self.report({**summary, "counts": counts}, feedback))
        return {key: value for key, value in results.items() if value is not None}

    def _write(self, parameters, context, key, fields, geometry_type, features, template):
        """``features`` into the sink ``key`` (None when that optional sink is not wanted);
        a layer loaded on completion is styled like ``template()``."""
        rd = QgsCoordinateReferenceSystem(RD_NEW)
        sink, dest = self.parameterAsSink(parameters, key, context, fields, geometry_type, rd)
        if sink is None:
            if key == "OUTPUT":
                raise QgsProcessingException(self.invalidSinkError(parameters, key))
            return None
        if not sink.addFeatures(features, QgsFeatureSink.Flag.FastInsert):
            raise QgsProcessingException(self.writeFeatureError(sink, parameters, key))
        if context.willLoadLayerOnCompletion(dest):
            styler = kept_post_processor(_StyledLike(template))
            context.layerToLoadOnCompletionDetails(dest).setPostProcessor(styler)
        return dest
