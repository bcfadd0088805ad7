"""Imports and recomputations on a store, as Processing algorithms (same functions as the CLI).

Each reports progress one step per stage of the domain function (:class:`Steps`), honours
Cancel at every stage and inside the long computations (the store is written in one
transaction, so a cancelled run leaves it as it was), returns its counts as number outputs with
a readable summary, and names the store layers it wrote as layer outputs.
"""

from __future__ import annotations

import datetime as dt

from qgis.core import (
    Qgis,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from domain.store.schema import AREA_KINDS
from img_qgis_plugin.gui.i18n import tr
from img_qgis_plugin.processing.base import (
    COMPUTE_GROUP,
    IMPORT_GROUP,
    LAYER,
    LAYERS,
    ImgAlgorithm,
    Steps,
    import_steps,
    plugin_motion,
)

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
#: the domain's area kinds (``AREA_KINDS``, the order of the choices) in words
AREA_KIND_LABELS = {
    "effect_area": QT_TRANSLATE_NOOP("@default", "Effectgebied"),
    "dh_area": QT_TRANSLATE_NOOP("@default", "Duurzaam herstel-gebied"),
    "subsidence": QT_TRANSLATE_NOOP("@default", "Diepe bodemdaling"),
    "zone_6km": QT_TRANSLATE_NOOP("@default", "6 km-zone"),
    "start_area": QT_TRANSLATE_NOOP("@default", "Startgebied"),
}
#: the store layer each kind writes to (claims and ownerships are tables, not map layers)
DATA_KIND_LAYERS = {"bag": "objects", "parcels": "parcels"}

#: the store layers each recomputation writes to
ZONE_LAYERS = ("areas_zone_6km", "areas_effect_area", "areas_dh_area")
EXPOSURE_LAYERS = ("objects", "areas_effect_area", "areas_dh_area")
CATALOG_LAYERS = ("quakes", "objects", *ZONE_LAYERS)

# --- the stages the domain functions name, as the steps people see -----------------------
READ_WRITE_STEPS = {
    "read": QT_TRANSLATE_NOOP("@default", "Bestand lezen en controleren"),
    "write": QT_TRANSLATE_NOOP("@default", "Opslaan in de opslag"),
}
CATALOG_STEPS = {
    "read": QT_TRANSLATE_NOOP("@default", "Catalogus lezen en controleren"),
    "quakes": QT_TRANSLATE_NOOP("@default", "Bevingen opslaan"),
    "exposure": QT_TRANSLATE_NOOP("@default", "Trillingen per object berekenen"),
    "status": QT_TRANSLATE_NOOP("@default", "Kaartstatus bepalen"),
    "zones": QT_TRANSLATE_NOOP("@default", "Gebieden berekenen"),
}
EXPOSURE_STEPS = {
    "exposure": CATALOG_STEPS["exposure"],
    "status": CATALOG_STEPS["status"],
    "areas": QT_TRANSLATE_NOOP("@default", "Effectgebied en Duurzaam herstel-gebied berekenen"),
}
#: ``recompute_with_settings`` reports progress over the whole job: exposure to 75 %, areas after
EXPOSURE_SPANS = {"exposure": (0.0, 75.0), "areas": (75.0, 99.0)}
ZONES_STEPS = {
    "outlines": QT_TRANSLATE_NOOP("@default", "Omtrekken van de bronnen lezen"),
    "zones": CATALOG_STEPS["zones"],
}
ASSESS_STEPS = {
    "assess": QT_TRANSLATE_NOOP("@default", "Regels toepassen op elk object"),
    "write": QT_TRANSLATE_NOOP("@default", "Kaartstatus opslaan"),
}

# --- the counts, as number outputs --------------------------------------------------------
EXPOSURE_COUNTS = {
    "OBJECTS": QT_TRANSLATE_NOOP("@default", "Objecten"),
    "QUAKES": QT_TRANSLATE_NOOP("@default", "Bevingen"),
    "EXCLUDED_QUAKES": QT_TRANSLATE_NOOP("@default", "Bevingen die niet meetellen (andere bron)"),
    "EXPOSURE_EVENTS": QT_TRANSLATE_NOOP("@default", "Trillingen per object opgeslagen"),
    "IN_EFFECT_AREA": QT_TRANSLATE_NOOP("@default", "Objecten in het effectgebied"),
    "IN_DH_AREA": QT_TRANSLATE_NOOP("@default", "Objecten in het Duurzaam herstel-gebied"),
}
ZONE_COUNTS = {
    "ZONE_6KM": QT_TRANSLATE_NOOP("@default", "6 km-zones"),
    "EFFECT_AREA": QT_TRANSLATE_NOOP("@default", "Effectgebieden"),
    "DH_AREA": QT_TRANSLATE_NOOP("@default", "Duurzaam herstel-gebieden"),
}
CATALOG_COUNTS = {
    "QUAKES": EXPOSURE_COUNTS["QUAKES"],
    "EXCLUDED": EXPOSURE_COUNTS["EXCLUDED_QUAKES"],
    **{k: v for k, v in EXPOSURE_COUNTS.items() if k not in ("QUAKES", "EXCLUDED_QUAKES")},
    **{f"AREAS_{k}": v for k, v in ZONE_COUNTS.items()},
}
DATA_COUNTS = {
    "OBJECTS": EXPOSURE_COUNTS["OBJECTS"],
    "ADDRESSES": QT_TRANSLATE_NOOP("@default", "Adressen"),
    "PARCELS": QT_TRANSLATE_NOOP("@default", "Percelen"),
    "PARCELS_UPDATED": QT_TRANSLATE_NOOP("@default", "Percelen bijgewerkt"),
    "OBJECTS_LINKED": QT_TRANSLATE_NOOP("@default", "Objecten aan een perceel gekoppeld"),
    "CLAIMS": QT_TRANSLATE_NOOP("@default", "Schademeldingen"),
    "OWNERSHIPS": QT_TRANSLATE_NOOP("@default", "Eigendommen"),
    "PERSONS": QT_TRANSLATE_NOOP("@default", "Personen (nieuw)"),
    **{kind.upper(): AREA_KIND_LABELS[kind] for kind in AREA_KINDS},
}


def status_counts() -> dict[str, str]:
    """One number output per map status (output name → label in the interface language)."""
    from domain.rules.status import MAP_STATUSES, status_label
    from img_qgis_plugin.gui.i18n import ui_language

    lang = ui_language()
    return {status.upper(): status_label(status, lang) for status in MAP_STATUSES}


def with_every_status(counts: dict) -> dict:
    """Counts per status with a 0 for each status no object has (every output is filled)."""
    from domain.rules.status import MAP_STATUSES

    return {status: int(counts.get(status, 0)) for status in MAP_STATUSES} | dict(counts)


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
        self.add_dry_run_parameter()
        self.add_report_output()
        self.add_number_outputs(CATALOG_COUNTS)
        self.add_layers_output()

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from pathlib import Path

        from domain.importers.catalog import parse_catalog_end
        from domain.store.compute import import_catalog

        path = self.parameterAsFile(parameters, "CATALOG", context)
        dry_run = self.parameterAsBool(parameters, "DRY_RUN", context)
        zone = self.parameterAsString(parameters, "TIME_ZONE", context).strip() or None
        end_text = self.parameterAsString(parameters, "CATALOG_END", context).strip() or None
        steps = import_steps(feedback, CATALOG_STEPS, dry_run)
        with self.open_store(parameters, context) as store, self.domain_errors():
            motion = plugin_motion()
            report = import_catalog(
                store,
                path,
                dry_run=dry_run,
                progress=steps.progress,
                cancel=steps.cancel,
                motion=motion,
                time_zone=zone,
                catalog_end=parse_catalog_end(end_text, Path(path).name),
                stage=steps.stage,
            )
            written = self.written_layers(store, () if dry_run else CATALOG_LAYERS, context, LAYERS)
        steps.finish()
        return self.report(report.as_dict() | {"motion": motion.as_dict()}, feedback) | written


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
                options=[tr(AREA_KIND_LABELS[kind]) for kind in AREA_KINDS],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "NAME_FIELD", tr("Attribuut met de naam (gebieden)"), optional=True
            )
        )
        self.add_crs_parameter()
        self.add_dry_run_parameter()
        self.add_report_output()
        self.add_number_outputs(DATA_COUNTS)
        self.add_layer_output(Qgis.ProcessingSourceType.VectorAnyGeometry)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        kind = DATA_KINDS[self.parameterAsEnum(parameters, "KIND", context)]
        path = self.parameterAsFile(parameters, "FILE", context)
        dry_run = self.parameterAsBool(parameters, "DRY_RUN", context)
        extra = {}
        layer_key = DATA_KIND_LAYERS.get(kind)
        if kind == "areas":
            if parameters.get("AREA_KIND") is None:
                raise QgsProcessingException(
                    tr("{0}: kies bij gebieden ook de soort gebied (AREA_KIND).").format(path)
                )
            extra["kind"] = AREA_KINDS[self.parameterAsEnum(parameters, "AREA_KIND", context)]
            extra["name_field"] = self.parameterAsString(parameters, "NAME_FIELD", context) or None
            layer_key = f"areas_{extra['kind']}"
        crs = self.given_crs(parameters, context)
        if kind in MAP_KINDS and crs:
            extra["crs"] = crs
        importer = _importer(kind)
        steps = import_steps(feedback, READ_WRITE_STEPS, dry_run)
        with self.open_store(parameters, context) as store, self.domain_errors():
            report = importer(store, path, dry_run=dry_run, stage=steps.stage, **extra)
            layers = [] if dry_run or layer_key is None else [layer_key]
            written = self.written_layers(store, layers, context, LAYER)
        steps.finish()
        return self.report(report.as_dict(), feedback) | written


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
        self.add_number_outputs(EXPOSURE_COUNTS)
        self.add_number_outputs(
            {f"AREAS_{k}": v for k, v in ZONE_COUNTS.items() if k != "ZONE_6KM"}
        )
        self.add_number_outputs(status_counts())
        self.add_layers_output()

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from domain.store.compute import recompute_with_settings

        steps = Steps(feedback, EXPOSURE_STEPS, EXPOSURE_SPANS)
        with self.open_store(parameters, context) as store, self.domain_errors():
            motion = plugin_motion()  # the plugin's settings; the effect/DH areas follow them
            result = recompute_with_settings(
                store, motion, progress=steps.progress, cancel=steps.cancel, stage=steps.stage
            )
            written = self.written_layers(store, EXPOSURE_LAYERS, context, LAYERS)
        steps.finish()
        counts = {k: v for k, v in result.items() if not isinstance(v, dict)}
        counts |= {f"areas_{k}": v for k, v in result.get("areas", {}).items()}
        counts |= with_every_status(result.get("object_status", {}))
        return self.report({"counts": counts, "motion": motion.as_dict()}, feedback) | written


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
        self.add_number_outputs(ZONE_COUNTS)
        self.add_layers_output()

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from domain.store.compute import recompute_zones

        paths = _file_list(parameters.get("OUTLINES"))
        steps = Steps(feedback, ZONES_STEPS)
        with self.domain_errors():
            steps.stage("outlines")
            outlines = None
            if paths:
                from domain.groundmotion.sources import load_outline, merge_outlines

                outlines = merge_outlines([load_outline(p) for p in paths])
        with self.open_store(parameters, context) as store, self.domain_errors():
            steps.stage("zones")
            counts = recompute_zones(store, outlines, progress=steps.progress, cancel=steps.cancel)
            written = self.written_layers(store, ZONE_LAYERS, context, LAYERS)
        steps.finish()
        every_kind = {key.lower(): 0 for key in ZONE_COUNTS}  # a kind no longer produced: 0
        return self.report({"counts": every_kind | counts}, feedback) | written


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
        self.add_number_outputs(status_counts())
        self.add_layer_output(Qgis.ProcessingSourceType.VectorPoint)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from domain.store.status import assess_store

        as_of = parse_date(self.parameterAsString(parameters, "AS_OF", context), "AS_OF")
        steps = Steps(feedback, ASSESS_STEPS)
        with self.open_store(parameters, context) as store, self.domain_errors():
            counts = assess_store(store, as_of, stage=steps.stage)
            written = self.written_layers(store, ["objects"], context, LAYER)
        steps.finish()
        return self.report({"counts": with_every_status(counts)}, feedback) | written


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
