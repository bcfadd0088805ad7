"""What every Mijnbouwschade algorithm shares: the store parameter, feedback, errors, results.

The domain does the work; an algorithm only turns parameters into arguments, feedback into the
domain's ``progress``/``cancel``/``stage`` callbacks (:class:`Steps`: one Processing step per
stage the domain names), and the domain's errors (which name file, row and field) into a
``QgsProcessingException`` the person can act on. Results are declared outputs: numbers, a
readable summary, the full report as JSON for scripts, and the store layers a run wrote.
"""

from __future__ import annotations

import json
from collections import deque
from contextlib import contextmanager

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputMultipleLayers,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFile,
    QgsProcessingUtils,
)
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP
from qgis.PyQt.QtGui import QIcon

from domain.errors import Cancelled
from img_qgis_plugin.__about__ import __icon_path__
from img_qgis_plugin.gui.i18n import tr
from img_qgis_plugin.processing.open_store import open_store_default, refresh_open_store

STORE = "STORE"
CRS = "CRS"
DRY_RUN = "DRY_RUN"
REPORT = "REPORT"
SUMMARY = "SUMMARY"
#: the layer outputs: the store layers a run wrote, or the one it wrote
LAYERS = "LAYERS"
LAYER = "LAYER"
#: the algorithms' groups: (group id, name)
STORE_GROUP = ("store", QT_TRANSLATE_NOOP("@default", "Opslag"))
IMPORT_GROUP = ("import", QT_TRANSLATE_NOOP("@default", "Importeren"))
COMPUTE_GROUP = ("compute", QT_TRANSLATE_NOOP("@default", "Berekenen"))
#: why an import left rows out, as the report's ``skipped`` keys say it
SKIPPED_LABELS = {
    "already_in_store": QT_TRANSLATE_NOOP("@default", "Al in de opslag"),
    "unchanged": QT_TRANSLATE_NOOP("@default", "Ongewijzigd"),
    "blank_rows": QT_TRANSLATE_NOOP("@default", "Lege regels"),
    "status_not_active": QT_TRANSLATE_NOOP("@default", "Niet in gebruik (BAG-status)"),
    "other_fields": QT_TRANSLATE_NOOP("@default", "Omtrekken van andere gasvelden"),
    "outside_region": QT_TRANSLATE_NOOP("@default", "buiten de regio"),
    "water": QT_TRANSLATE_NOOP("@default", "alleen water"),
}


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


class Steps:
    """A run in named steps, one ``QgsProcessingMultiStepFeedback`` step per stage.

    ``labels``: stage key → text (a ``QT_TRANSLATE_NOOP`` text, shown translated), in the order
    the stages run. The domain (or the
    algorithm) calls :meth:`stage` as each starts: the step is named in the log and the
    progress text, and a cancel stops the run there; :meth:`progress` and :meth:`cancel` are
    the domain's callbacks within a step. ``spans`` (stage key → (low, high)) is for a domain
    function whose ``progress`` runs over the whole job rather than per stage.
    """

    def __init__(self, feedback, labels: dict[str, str], spans: dict | None = None) -> None:
        self.feedback = feedback
        self.labels = {key: tr(text) for key, text in labels.items()}
        self.keys = list(self.labels)
        self.spans = dict(spans or {})
        self.current = ""
        self.steps = None
        if feedback is not None:
            self.steps = QgsProcessingMultiStepFeedback(len(self.keys), feedback)

    def stage(self, key: str) -> None:
        self.check()
        self.current = key
        if self.steps is None or key not in self.labels:
            return  # a stage this run does not show as a step of its own
        number = self.keys.index(key) + 1
        self.steps.setCurrentStep(number - 1)
        text = tr("Stap {0} van {1}: {2}").format(number, len(self.keys), self.labels[key])
        self.steps.setProgressText(text)
        self.steps.pushInfo(text)
        self.check()

    def progress(self, percent, what: str = "") -> None:
        self.check()
        if self.steps is None:
            return
        low, high = self.spans.get(self.current, (0.0, 100.0))
        within = (float(percent) - low) * 100.0 / max(high - low, 1e-9)
        self.steps.setProgress(min(max(within, 0.0), 100.0))
        self.check()

    def cancel(self) -> bool:
        return self.feedback is not None and bool(self.feedback.isCanceled())

    def check(self) -> None:
        """Stop (``Cancelled``) when the person pressed Cancel."""
        if self.cancel():
            raise Cancelled()

    def finish(self) -> None:
        """Every step done: the bar at 100 %."""
        if self.steps is not None:
            self.steps.setCurrentStep(len(self.keys))


def import_steps(feedback, labels: dict[str, str], dry_run: bool) -> Steps:
    """An import's steps: all of ``labels``, or on a dry run only its "read" step."""
    return Steps(feedback, {"read": labels["read"]} if dry_run else labels)


#: recent layer post-processors: Processing's context deletes each once it is done, but the
#: Python object behind it must live until then (Processing holds only the C++ pointer)
_POST_PROCESSORS: deque = deque(maxlen=64)


def kept_post_processor(processor):
    """``processor`` handed to a ``LayerDetails``: owned (and deleted) by the context, its
    Python side kept alive here meanwhile."""
    sip.transferto(processor, None)
    _POST_PROCESSORS.append(processor)
    return processor


class _StoreLayerStyle(QgsProcessingLayerPostProcessorInterface):
    """Gives a store layer that Processing loads the style the plugin gives it."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key

    def postProcessLayer(self, layer, context, feedback) -> None:  # noqa: N802
        from img_qgis_plugin.paths import resource
        from img_qgis_plugin.store_layers import LAYER_LOOKS, show_present_statuses

        look = LAYER_LOOKS.get(self.key)
        if look is None or layer is None or not layer.isValid():
            return
        layer.loadNamedStyle(resource("styles", look.style))
        show_present_statuses(layer)
        layer.triggerRepaint()


class ImgAlgorithm(QgsProcessingAlgorithm):
    """Base: names, group and help come from class attributes, each translatable."""

    NAME = ""
    DISPLAY = ""
    GROUP_ID = ""
    GROUP = ""
    HELP = ""
    #: the STORE location of the running run (set as it opens the store)
    _store_used = ""

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
        """STORE, filled with the store the plugin has open (parameters are built anew for
        every form and run, so the default is the store open at that moment)."""
        param = QgsProcessingParameterFile(
            STORE,
            tr("Opslag (GeoPackage, postgresql://… of postgres-connection:NAAM)"),
            # "all files" too: a typed postgresql:// or postgres-connection: passes the check
            fileFilter=tr("GeoPackage (*.gpkg);;Alle bestanden (*)"),
            defaultValue=open_store_default(),
        )
        self.addParameter(param)  # noqa: QGS201 (False only for a duplicate name)

    def add_crs_parameter(self) -> None:
        """CRS: only for a map file that names no (or a wrong) coordinate system."""
        self.addParameter(  # noqa: QGS201 (False only for a duplicate name)
            QgsProcessingParameterCrs(
                CRS,
                tr("Coördinatenstelsel, alleen als het kaartbestand er geen (juist) noemt"),
                optional=True,
            )
        )

    def given_crs(self, parameters, context) -> str | None:
        """The CRS the user chose, as the importers take it (authority id or WKT), or None."""
        crs = self.parameterAsCrs(parameters, CRS, context)
        return (crs.authid() or crs.toWkt()) if crs.isValid() else None

    def add_dry_run_parameter(self) -> None:
        self.addParameter(  # noqa: QGS201 (False only for a duplicate name)
            QgsProcessingParameterBoolean(
                DRY_RUN, tr("Alleen controleren, niets schrijven"), defaultValue=False
            )
        )

    def add_report_output(self) -> None:
        """A readable summary (SUMMARY) and the whole report as JSON for scripts (REPORT)."""
        self.addOutput(QgsProcessingOutputString(SUMMARY, tr("Samenvatting")))  # noqa: QGS201
        self.addOutput(QgsProcessingOutputString(REPORT, tr("Verslag (JSON)")))  # noqa: QGS201

    def add_number_outputs(self, labels: dict[str, str]) -> None:
        """One number output per count: output name → label (a ``QT_TRANSLATE_NOOP`` text)."""
        for name, label in labels.items():
            self.addOutput(QgsProcessingOutputNumber(name, tr(label)))  # noqa: QGS201

    def add_layers_output(self) -> None:
        """LAYERS: the store layers a run wrote (see :meth:`written_layers`)."""
        self.addOutput(  # noqa: QGS201
            QgsProcessingOutputMultipleLayers(LAYERS, tr("Bijgewerkte kaartlagen"))
        )

    def add_layer_output(self, source_type) -> None:
        """LAYER: the one store layer a run wrote (``source_type``: a ProcessingSourceType)."""
        self.addOutput(  # noqa: QGS201
            QgsProcessingOutputVectorLayer(LAYER, tr("Bijgewerkte kaartlaag"), source_type)
        )

    # --- running -------------------------------------------------------------------------
    def store_location(self, parameters, context) -> str:
        return str(
            self.parameterAsString(parameters, STORE, context)
            or self.parameterAsFile(parameters, STORE, context)
            or ""
        )

    @contextmanager
    def open_store(self, parameters, context):
        """The store named by the STORE parameter, closed afterwards."""
        from domain.store import open_store
        from img_qgis_plugin.connections import resolve

        where = self.store_location(parameters, context)
        self._store_used = where
        with self.domain_errors():
            try:
                resolved = resolve(where)
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
        from img_qgis_plugin.toolbelt.log_handler import redacted

        try:
            yield
        except Cancelled as exc:  # before DomainError: a cancel is a DomainError too
            raise QgsProcessingException(tr("Gestopt door de gebruiker; niets gewijzigd.")) from exc
        except DomainError as exc:
            raise QgsProcessingException(redacted(str(exc))) from exc
        except (OSError, ValueError) as exc:
            raise QgsProcessingException(redacted(f"{type(exc).__name__}: {exc}")) from exc

    def written_layers(self, store, keys, context, output: str) -> dict:
        """The result ``output`` for the store layers ``keys`` (what the run wrote): their
        sources for LAYERS, the one source for LAYER (no result when nothing was written).

        When the store is not the one the plugin shows, they are loaded into the project on
        completion, named and styled as the plugin does; the plugin's own layers of the open
        store are redrawn instead (see :meth:`postProcessAlgorithm`)."""
        from img_qgis_plugin.store_layers import LAYER_LOOKS

        uris = store.layer_uris()
        shown = self._store_used == open_store_default()  # the plugin's layers show it already
        sources = []
        for key in keys:
            if key not in uris:
                continue
            provider, uri = uris[key]
            source = (
                uri
                if provider == "ogr"
                else QgsProcessingUtils.encodeProviderKeyAndUri(provider, uri)
            )
            sources.append(source)
            if shown or context.project() is None:
                continue
            details = QgsProcessingContext.LayerDetails(
                tr(LAYER_LOOKS[key].name), context.project(), output
            )
            details.setPostProcessor(kept_post_processor(_StoreLayerStyle(key)))
            context.addLayerToLoadOnCompletion(source, details)
        if output == LAYERS:
            return {LAYERS: sources}
        return {output: sources[0]} if sources else {}

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802
        """On the main thread after a run: the open store's layers show what it wrote."""
        if self._store_used and self._store_used == open_store_default():
            refresh_open_store()
        return {}  # a non-empty map here would replace the run's results

    def report(self, data: dict, feedback=None) -> dict:
        """Results: each count as its own output, a readable SUMMARY and the JSON REPORT."""
        results = {REPORT: json.dumps(data, ensure_ascii=False, default=str)}
        counts = data.get("counts", {})
        for key, value in counts.items():
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                results[key.upper()] = value
        results[SUMMARY] = self.summary_text(data)
        if feedback is not None:
            for line in results[SUMMARY].splitlines():
                feedback.pushInfo(line)
        return results

    def summary_text(self, data: dict) -> str:
        """The report as lines a person reads: what was (or would be) counted, skipped and
        changed, numbers written the way the interface language writes them."""
        from domain.presentation import text_format
        from img_qgis_plugin.gui.i18n import ui_language

        lang = ui_language()
        lines = []
        if data.get("dry_run"):
            lines.append(tr("Alleen gecontroleerd; er is niets geschreven."))
        numbers = {
            key: value
            for key, value in data.get("counts", {}).items()
            if isinstance(value, (int, float)) and not isinstance(value, bool)
        }
        declared = {key: self.outputDefinition(key.upper()) for key in numbers}
        declared = {key: output for key, output in declared.items() if output is not None}
        for key, value in numbers.items():
            if declared and key not in declared:
                continue  # the algorithm names what it reports; the rest is in REPORT
            label = declared[key].description() if key in declared else key
            lines.append(f"{label}: {text_format.number(value, None, lang)}")
        for key, value in data.get("skipped", {}).items():
            reason = tr(SKIPPED_LABELS[key]) if key in SKIPPED_LABELS else key
            amount = text_format.number(value, None, lang)
            lines.append(tr("Overgeslagen ({0}): {1}").format(reason, amount))
        lines.extend(str(change) for change in data.get("changes", []))
        return "\n".join(lines)
