"""Official boundaries (CBS/PDOK) into a store, as a Processing algorithm (as the CLI's
``imgschade import-boundaries``): the domain reads, checks and writes; this only passes the
parameters on and shows the stages."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from img_qgis_plugin.gui.i18n import tr
from img_qgis_plugin.processing.base import ImgAlgorithm, Steps

#: the domain's kinds (domain.store.schema.BOUNDARY_KINDS), in the order of the choices
KINDS = ("gemeente", "pc4", "wijk", "buurt")
KIND_LABELS = (
    QT_TRANSLATE_NOOP("@default", "Gemeenten"),
    QT_TRANSLATE_NOOP("@default", "Postcodegebieden (PC4)"),
    QT_TRANSLATE_NOOP("@default", "Wijken"),
    QT_TRANSLATE_NOOP("@default", "Buurten"),
)
#: why the import left rows out (the report's ``skipped`` keys)
SKIPPED = {
    "outside_region": QT_TRANSLATE_NOOP("@default", "buiten de regio"),
    "water": QT_TRANSLATE_NOOP("@default", "alleen water"),
}
STEPS = {
    "read": QT_TRANSLATE_NOOP("@default", "Grenzenbestand lezen en controleren"),
    "write": QT_TRANSLATE_NOOP("@default", "Grenzen opslaan"),
}


class ImportBoundariesAlgorithm(ImgAlgorithm):
    NAME = "import_boundaries"
    DISPLAY = QT_TRANSLATE_NOOP("@default", "Gebiedsgrenzen importeren (CBS/PDOK)")
    GROUP_ID = "import"
    GROUP = QT_TRANSLATE_NOOP("@default", "Importeren")
    HELP = QT_TRANSLATE_NOOP(
        "@default",
        "Leest officiële gebiedsgrenzen uit een GeoPackage van het CBS: de gebiedsindelingen "
        "zoals PDOK ze publiceert (gemeenten, wijken, buurten), het postcode-4-bestand of de "
        "Wijk- en Buurtkaart. Alleen de vlakken rond Groningen worden bewaard. Heeft het bestand "
        "meer jaren, dan wordt het nieuwste genomen, tenzij u een jaar opgeeft. Het regionaal "
        "overzicht telt daarna per officiële grens in plaats van per benaderd vlak. De import "
        "vervangt de opgeslagen grenzen van dezelfde soort in één transactie; hetzelfde bestand "
        "nog eens importeren verandert niets.",
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_store_parameter()
        self.addParameter(
            QgsProcessingParameterFile(
                "FILE", tr("Grenzenbestand (GeoPackage)"), fileFilter=tr("GeoPackage (*.gpkg)")
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                "KINDS",
                tr("Soorten (leeg: alle in het bestand)"),
                options=[tr(label) for label in KIND_LABELS],
                allowMultiple=True,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "YEAR",
                tr("Jaar van de indeling (leeg: het nieuwste in het bestand)"),
                type=QgsProcessingParameterNumber.Type.Integer,
                minValue=1900,
                maxValue=2099,
                optional=True,
            )
        )
        self.add_crs_parameter()
        self.add_dry_run_parameter()
        self.add_report_output()
        self.add_number_outputs(
            {kind.upper(): label for kind, label in zip(KINDS, KIND_LABELS, strict=True)}
        )

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from domain.importers.boundaries import import_boundaries

        path = self.parameterAsFile(parameters, "FILE", context)
        if not path:
            raise QgsProcessingException(tr("Kies het grenzenbestand (FILE)."))
        kinds = []
        if parameters.get("KINDS") not in (None, "", []):  # unset: every kind in the file
            kinds = [KINDS[i] for i in self.parameterAsEnums(parameters, "KINDS", context)]
        year = None
        if parameters.get("YEAR") not in (None, ""):
            year = self.parameterAsInt(parameters, "YEAR", context)
        dry_run = self.parameterAsBool(parameters, "DRY_RUN", context)
        labels = {key: tr(text) for key, text in STEPS.items()}
        steps = Steps(feedback, {"read": labels["read"]} if dry_run else labels)
        with self.open_store(parameters, context) as store, self.domain_errors():
            report = import_boundaries(
                store,
                path,
                kinds=kinds or None,
                year=year,
                crs=self.given_crs(parameters, context),
                dry_run=dry_run,
                stage=steps.stage,
            )
        steps.finish()
        return self.report(report.as_dict(), feedback)

    def summary_text(self, data: dict) -> str:
        """The shared summary, with this import's reasons for skipping in words."""
        skipped = {tr(SKIPPED.get(k, k)): v for k, v in data.get("skipped", {}).items()}
        return super().summary_text({**data, "skipped": skipped})
