"""Imports and recomputations on a store, as Processing algorithms (same functions as the CLI)."""

from __future__ import annotations

import datetime as dt

from qgis.core import (
    Qgis,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from img_qgis_plugin.processing.base import (
    ImgAlgorithm,
    cancel_for,
    plugin_motion,
    progress_for,
    tr,
)

IMPORT_GROUP = ("import", QT_TRANSLATE_NOOP("@default", "Importeren"))
COMPUTE_GROUP = ("compute", QT_TRANSLATE_NOOP("@default", "Berekenen"))

DATA_KINDS = ("bag", "parcels", "areas", "claims", "ownerships")
#: the kinds read as map files (GDAL/OGR), which take a coordinate system the file lacks
MAP_KINDS = ("bag", "parcels", "areas")
DATA_KIND_LABELS = (
    QT_TRANSLATE_NOOP("@default", "BAG (GeoPackage van PDOK)"),
    QT_TRANSLATE_NOOP("@default", "Kadastrale percelen (GML of GeoPackage)"),
    QT_TRANSLATE_NOOP("@default", "Gebieden (shapefile, GeoJSON, GeoPackage)"),
    QT_TRANSLATE_NOOP("@default", "Schadehistorie (CSV)"),
    QT_TRANSLATE_NOOP("@default", "Eigendommen (CSV)"),
)
AREA_KINDS = ("effect_area", "dh_area", "subsidence", "zone_6km", "start_area")
AREA_KIND_LABELS = (
    QT_TRANSLATE_NOOP("@default", "Effectgebied"),
    QT_TRANSLATE_NOOP("@default", "Duurzaam herstel-gebied"),
    QT_TRANSLATE_NOOP("@default", "Diepe bodemdaling"),
    QT_TRANSLATE_NOOP("@default", "6 km-zone"),
    QT_TRANSLATE_NOOP("@default", "Startgebied"),
)


def _importer(kind: str):
    if kind == "bag":
        from domain.importers.bag import import_bag

        return import_bag
    if kind == "parcels":
        from domain.importers.parcels import import_parcels

        return import_parcels
    if kind == "areas":
        from domain.importers.areas import import_areas

        return import_areas
    if kind == "claims":
        from domain.importers.claims import import_claims

        return import_claims
    from domain.importers.ownerships import import_ownerships

    return import_ownerships


class ImportCatalogAlgorithm(ImgAlgorithm):
    NAME = "import_catalog"
    DISPLAY = QT_TRANSLATE_NOOP("@default", "Bevingscatalogus importeren")
    GROUP_ID, GROUP = IMPORT_GROUP
    HELP = QT_TRANSLATE_NOOP(
        "@default",
        "Leest een KNMI-bevingscatalogus in de opslag en berekent daarna de trillingen per "
        "object, de gebieden en de kaartstatus opnieuw. Met 'Alleen controleren' wordt niets "
        "geschreven. Een fout noemt bestand, regel en veld.",
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_store_parameter()
        self.addParameter(QgsProcessingParameterFile("CATALOG", tr("Bevingscatalogus")))
        # as --time-zone and --catalog-end of imgschade import-catalog
        self.addParameter(
            QgsProcessingParameterString(
                "TIME_ZONE",
                tr(
                    "Tijdzone van tijden zonder zone (landelijke datumlijst, all_induced.csv; "
                    "leeg = UTC)"
                ),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "CATALOG_END",
                tr("Catalogus dekt t/m (JJJJ-MM-DD; leeg = dag van de laatste beving)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "DRY_RUN", tr("Alleen controleren, niets schrijven"), defaultValue=False
            )
        )
        self.add_report_output()

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from pathlib import Path

        from domain.importers.catalog import parse_catalog_end
        from domain.store.compute import import_catalog

        path = self.parameterAsFile(parameters, "CATALOG", context)
        dry_run = self.parameterAsBool(parameters, "DRY_RUN", context)
        zone = self.parameterAsString(parameters, "TIME_ZONE", context).strip() or None
        end_text = self.parameterAsString(parameters, "CATALOG_END", context).strip() or None
        with self.open_store(parameters, context) as store, self.domain_errors():
            feedback.setProgress(5)
            motion = plugin_motion()
            report = import_catalog(
                store,
                path,
                dry_run=dry_run,
                motion=motion,
                time_zone=zone,
                catalog_end=parse_catalog_end(end_text, Path(path).name),
            )
        feedback.setProgress(100)
        return self.report(report.as_dict() | {"motion": motion.as_dict()}, feedback)


class ImportDataAlgorithm(ImgAlgorithm):
    NAME = "import_data"
    DISPLAY = QT_TRANSLATE_NOOP("@default", "Gegevens importeren")
    GROUP_ID, GROUP = IMPORT_GROUP
    HELP = QT_TRANSLATE_NOOP(
        "@default",
        "Importeert BAG-objecten, kadastrale percelen, gebieden, schadehistorie of eigendommen "
        "in de opslag, in één transactie: een afgekeurd bestand laat de opslag zoals hij was en "
        "de melding noemt elk probleem met bestand, regel en veld. Voor gebieden kiest u ook "
        "de soort gebied.",
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_store_parameter()
        self.addParameter(
            QgsProcessingParameterEnum(
                "KIND", tr("Soort gegevens"), options=[tr(t) for t in DATA_KIND_LABELS]
            )
        )
        self.addParameter(QgsProcessingParameterFile("FILE", tr("Bestand")))
        self.addParameter(
            QgsProcessingParameterEnum(
                "AREA_KIND",
                tr("Soort gebied (alleen bij gebieden)"),
                options=[tr(t) for t in AREA_KIND_LABELS],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "NAME_FIELD", tr("Attribuut met de naam (gebieden)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterCrs(
                "CRS",
                tr("Coördinatenstelsel, alleen als het kaartbestand er geen (juist) noemt"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "DRY_RUN", tr("Alleen controleren, niets schrijven"), defaultValue=False
            )
        )
        self.add_report_output()

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        kind = DATA_KINDS[self.parameterAsEnum(parameters, "KIND", context)]
        path = self.parameterAsFile(parameters, "FILE", context)
        dry_run = self.parameterAsBool(parameters, "DRY_RUN", context)
        extra = {}
        if kind == "areas":
            if parameters.get("AREA_KIND") is None:
                raise QgsProcessingException(
                    tr("{0}: kies bij gebieden ook de soort gebied (AREA_KIND).").format(path)
                )
            extra["kind"] = AREA_KINDS[self.parameterAsEnum(parameters, "AREA_KIND", context)]
            extra["name_field"] = self.parameterAsString(parameters, "NAME_FIELD", context) or None
        crs = self.parameterAsCrs(parameters, "CRS", context)
        if kind in MAP_KINDS and crs.isValid():
            extra["crs"] = crs.authid() or crs.toWkt()
        importer = _importer(kind)
        with self.open_store(parameters, context) as store, self.domain_errors():
            feedback.setProgress(5)
            report = importer(store, path, dry_run=dry_run, **extra)
        feedback.setProgress(100)
        return self.report(report.as_dict(), feedback)


class ExposureAlgorithm(ImgAlgorithm):
    NAME = "exposure"
    DISPLAY = QT_TRANSLATE_NOOP("@default", "Trillingen per object herberekenen")
    GROUP_ID, GROUP = COMPUTE_GROUP
    HELP = QT_TRANSLATE_NOOP(
        "@default",
        "Berekent voor elk object de trillingssnelheid (PGV) van elke opgeslagen beving en "
        "daarna de kaartstatus. Annuleren laat de opslag ongewijzigd.",
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_store_parameter()
        self.add_report_output()

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from domain.store.compute import recompute_with_settings

        with self.open_store(parameters, context) as store, self.domain_errors():
            motion = plugin_motion()  # the plugin's settings; the effect/DH areas follow them
            result = recompute_with_settings(
                store, motion, progress=progress_for(feedback, 0, 90), cancel=cancel_for(feedback)
            )
        feedback.setProgress(100)
        return self.report({"counts": result, "motion": motion.as_dict()}, feedback)


class ZonesAlgorithm(ImgAlgorithm):
    NAME = "zones"
    DISPLAY = QT_TRANSLATE_NOOP("@default", "Gebieden herberekenen")
    GROUP_ID, GROUP = COMPUTE_GROUP
    HELP = QT_TRANSLATE_NOOP(
        "@default",
        "Berekent de 6 km-zone rond de gasvelden en de gebieden uit de opgeslagen bevingen "
        "opnieuw. Optioneel: eigen omtrekken van de bronnen (bestanden).",
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_store_parameter()
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                "OUTLINES",
                tr("Omtrekken van de bronnen (optioneel)"),
                layerType=Qgis.ProcessingSourceType.File,
                optional=True,
            )
        )
        self.add_report_output()

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from domain.store.compute import recompute_zones

        paths = _file_list(parameters.get("OUTLINES"))
        with self.domain_errors():
            outlines = None
            if paths:
                from domain.groundmotion.sources import load_outline, merge_outlines

                outlines = merge_outlines([load_outline(p) for p in paths])
        with self.open_store(parameters, context) as store, self.domain_errors():
            feedback.setProgress(10)
            counts = recompute_zones(store, outlines)
        feedback.setProgress(100)
        return self.report({"counts": counts}, feedback)


class AssessAlgorithm(ImgAlgorithm):
    NAME = "assess"
    DISPLAY = QT_TRANSLATE_NOOP("@default", "Kaartstatus bepalen")
    GROUP_ID, GROUP = COMPUTE_GROUP
    HELP = QT_TRANSLATE_NOOP(
        "@default",
        "Past de regels toe op elk object en schrijft de kaartstatus, per peildatum "
        "(JJJJ-MM-DD; leeg is vandaag).",
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_store_parameter()
        self.addParameter(
            QgsProcessingParameterString(
                "AS_OF", tr("Peildatum (JJJJ-MM-DD, leeg is vandaag)"), optional=True
            )
        )
        self.add_report_output()

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from domain.store.status import assess_store

        as_of = parse_date(self.parameterAsString(parameters, "AS_OF", context), "AS_OF")
        with self.open_store(parameters, context) as store, self.domain_errors():
            feedback.setProgress(5)
            counts = assess_store(store, as_of)
        feedback.setProgress(100)
        return self.report({"counts": counts}, feedback)


def parse_date(text: str, name: str) -> dt.date | None:
    """An ISO date or None when empty; otherwise an error naming the parameter and the form."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise QgsProcessingException(
            tr("{0}: '{1}' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2025-03-01.").format(
                name, text
            )
        ) from exc


def _file_list(value) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        return [p for p in value.split(";") if p]
    return [str(v) for v in value if v]
