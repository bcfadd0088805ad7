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

from domain.store.schema import BOUNDARY_KINDS
from img_qgis_plugin.gui.i18n import tr
from img_qgis_plugin.processing.base import IMPORT_GROUP, ImgAlgorithm, import_steps

#: the domain's kinds (``BOUNDARY_KINDS``, the order of the choices) in words
KIND_LABELS = {
    "gemeente": QT_TRANSLATE_NOOP("@default", "Gemeenten"),
    "pc4": QT_TRANSLATE_NOOP("@default", "Postcodegebieden (PC4)"),
    "wijk": QT_TRANSLATE_NOOP("@default", "Wijken"),
    "buurt": QT_TRANSLATE_NOOP("@default", "Buurten"),
}
STEPS = {
    "read": QT_TRANSLATE_NOOP("@default", "Grenzenbestand lezen en controleren"),
    "write": QT_TRANSLATE_NOOP("@default", "Grenzen opslaan"),
}


class ImportBoundariesAlgorithm(ImgAlgorithm):
    NAME = "import_boundaries"
    DISPLAY = QT_TRANSLATE_NOOP("@default", "Gebiedsgrenzen importeren (CBS/PDOK)")
    GROUP_ID, GROUP = IMPORT_GROUP
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
                options=[tr(KIND_LABELS[kind]) for kind in BOUNDARY_KINDS],
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
        self.add_number_outputs({kind.upper(): KIND_LABELS[kind] for kind in BOUNDARY_KINDS})

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from domain.importers.boundaries import import_boundaries

        path = self.parameterAsFile(parameters, "FILE", context)
        if not path:
            raise QgsProcessingException(tr("Kies het grenzenbestand (FILE)."))
        kinds = []
        if parameters.get("KINDS") not in (None, "", []):  # unset: every kind in the file
            kinds = [BOUNDARY_KINDS[i] for i in self.parameterAsEnums(parameters, "KINDS", context)]
        year = None
        if parameters.get("YEAR") not in (None, ""):
            year = self.parameterAsInt(parameters, "YEAR", context)
        dry_run = self.parameterAsBool(parameters, "DRY_RUN", context)
        steps = import_steps(feedback, STEPS, dry_run)
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
