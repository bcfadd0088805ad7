"""Connects the open store, the map and the object panel. Shows and records; decides nothing.

Every verdict comes from ``domain.presentation.object_view``; every write goes through the store's
repository (one transaction each, hand-off changes with their version), and reading a case's
personal data is written to the audit log.
"""

from __future__ import annotations

import contextlib
import datetime as dt

from qgis.core import (
    QgsCoordinateTransform,
    QgsLocatorResult,
    QgsProject,
    QgsRectangle,
)

from domain.errors import DomainError
from domain.presentation.object_view import object_view
from domain.store import open_store
from domain.store.motion_settings import DEFAULT_MOTION, store_motion_settings
from img_qgis_plugin.connections import with_layer_credentials
from img_qgis_plugin.gui.i18n import tr, ui_language
from img_qgis_plugin.identity import current_user
from img_qgis_plugin.store_layers import add_store_layers, remove_store_layers
from img_qgis_plugin.toolbelt.log_handler import log, log_exception
from img_qgis_plugin.toolbelt.preferences import Preferences

ZOOM_MARGIN_M = 60.0


#: why a widget was emptied: another store, the store closed, its map layers removed
STORE_CHANGES = ("opened", "switched", "closed", "layers_removed")


def no_store_text() -> str:
    """What an action that needs a store says when none is open."""
    return tr("Open eerst een opslag (menu Mijnbouwschade › Opslag openen…).")


def say_no_store() -> None:
    """Warn in the message bar that the action needs an open store."""
    log(no_store_text(), "warning", push=True)


def store_change_text(reason: str) -> str:
    """What a widget says when it cleared itself because the open store changed."""
    if reason == "switched":
        return tr(
            "Er is een andere opslag geopend; wat hier stond hoorde bij de vorige en is "
            "leeggemaakt."
        )
    if reason == "closed":
        return tr("De opslag is gesloten; wat hier stond is leeggemaakt.")
    if reason == "layers_removed":
        return tr(
            "De kaartlagen van de opslag zijn uit het project verwijderd; wat hier stond is "
            "leeggemaakt. Open de opslag opnieuw om weer op de kaart te werken."
        )
    return ""


class StoreController:
    """One open store at a time, with its layers, and the panel showing one of its objects."""

    def __init__(self, interface, panel) -> None:
        self.iface = interface
        self.panel = panel
        self.store = None
        self.where = ""
        self.layers: dict = {}
        self.object_id: int | None = None
        self.as_of: dt.date | None = None
        #: the settings the open store's figures were computed with (``MotionSettings``)
        self.store_motion = None
        #: the running settings recompute, if any (kept: the task manager does not own Python)
        self.recompute_task = None
        #: counts the stores opened, so a result of an earlier one is recognised (locator)
        self.generation = 0
        #: ``callback(reason, removed_keys)`` for every widget that must follow the store
        self._listeners: list = []
        self._removing_own_layers = False
        QgsProject.instance().layersWillBeRemoved.connect(self._on_layers_removed)
        panel.as_of_changed.connect(self._on_as_of_changed)
        panel.handoff_requested.connect(self._on_handoff_requested)
        panel.handoff_status_requested.connect(self._on_handoff_status_requested)

    # --- store ---------------------------------------------------------------------------
    def open_store(self, where: str, authcfg: str = "") -> bool:
        """Open a GeoPackage path or a PostgreSQL URI/service; add its layers; remember it.

        ``authcfg`` is the QGIS authentication configuration the PostGIS layers log in with."""
        try:
            store = open_store(where)
        except DomainError as exc:
            log(str(exc), "critical", push=True, duration=0)
            return False
        except Exception as exc:
            log_exception(tr("De opslag kon niet worden geopend"), exc)
            return False
        switched = self.store is not None
        self.close_store(notify=False)
        self.generation += 1
        self.store, self.where = store, str(where)
        self.store_motion = store_motion_settings(store)
        facts = store.info().get("facts", {})
        synthetic = str(facts.get("catalog_origin", "")).startswith("synthetisch")
        uris = with_layer_credentials(store.layer_uris(), str(where), authcfg)
        self.layers = add_store_layers(uris, synthetic_quakes=synthetic)
        if uris and not self.layers:
            # the store answered, but QGIS could not draw from it (login, rights, driver)
            log(
                tr(
                    "De opslag is geopend, maar QGIS kon er geen kaartlaag uit laden. "
                    "Controleer de inlog (authenticatie) en de leesrechten."
                ),
                "warning",
                push=True,
            )
        log(tr("Opslag geopend: {0}").format(store.kind), "success", push=True)
        self._tell("switched" if switched else "opened", set())
        return True

    def close_store(self, notify: bool = True) -> None:
        was_open = self.store is not None
        if self.store is not None:
            self.store.close()
        self.store, self.where, self.layers, self.object_id = None, "", {}, None
        self.store_motion = None
        self._removing_own_layers = True
        try:
            remove_store_layers()
        finally:
            self._removing_own_layers = False
        if notify and was_open:
            self.generation += 1
            self._tell("closed", set())

    # --- widgets that follow the store ---------------------------------------------------
    def add_store_listener(self, callback) -> None:
        """``callback(reason, removed_keys)`` after another store opened (``switched``), the
        first one opened, the store closed, or some of its layers were removed from the
        project (``layers_removed``, with their store keys)."""
        self._listeners.append(callback)

    def shutdown(self) -> None:
        """The plugin unloads: no more announcements, the store closed."""
        self._listeners.clear()
        with contextlib.suppress(TypeError, RuntimeError):
            QgsProject.instance().layersWillBeRemoved.disconnect(self._on_layers_removed)
        self.close_store(notify=False)

    def _tell(self, reason: str, removed: set) -> None:
        for callback in list(self._listeners):
            try:
                callback(reason, removed)
            except Exception as exc:  # one widget failing must not stop the others
                log_exception(tr("Een venster kon de opslag niet volgen"), exc)

    def _on_layers_removed(self, layer_ids) -> None:
        """The user (or a new project) removed store layers: forget them, tell the widgets."""
        if self._removing_own_layers or not self.layers:
            return
        ids = set(layer_ids)
        removed = set()
        for key, layer in list(self.layers.items()):
            try:
                gone = layer.id() in ids
            except RuntimeError:  # already deleted
                gone = True
            if gone:
                removed.add(key)
                del self.layers[key]
        if removed:
            self._tell("layers_removed", removed)

    # --- one object ----------------------------------------------------------------------
    def as_of_date(self) -> dt.date:
        if self.as_of is not None:
            return self.as_of
        text = Preferences.load().as_of
        try:
            return dt.date.fromisoformat(text) if text else dt.date.today()
        except ValueError:
            return dt.date.today()

    def show_object(self, object_id: int, zoom: bool = False) -> dict | None:
        """Fill the panel with the object's view; audit the read of its personal data."""
        if self.store is None:
            say_no_store()
            return None
        try:
            record = self.store.read_object(int(object_id))
            lang = ui_language()
            view = object_view(record, self.as_of_date(), lang=lang)
            view["motion"] = self.motion_note(lang)
            self.store.audit(current_user(), "read_object", record.object_id, "objectpaneel")
        except DomainError as exc:
            log(str(exc), "warning", push=True)
            return None
        self.object_id = record.object_id
        self.panel.show_object(view)
        self.panel.show()
        self.panel.raise_()
        if zoom:
            self.zoom_to(record.x, record.y)
        self._select(record.object_id)
        return view

    # --- ground-motion settings -----------------------------------------------------------
    def wanted_motion(self, prefs: Preferences | None = None):
        """The settings the user chose, or None when they cannot be used (said in the log)."""
        try:
            return (prefs or Preferences.load()).motion()
        except DomainError as exc:
            log(str(exc), "warning", push=True, duration=0)
            return None

    def motion_note(self, lang: str) -> dict:
        """Which settings the store's figures use, and whether the user chose others."""
        stored = self.store_motion or DEFAULT_MOTION
        wanted = self.wanted_motion()
        differs = wanted is not None and not wanted.same_as(stored)
        return {
            "text": stored.describe(lang),
            "differs": differs,
            "wanted": wanted.describe(lang) if differs else "",
        }

    def offer_recompute(self, prefs: Preferences | None = None, ask=None):
        """If the open store was computed with other settings than ``prefs``, ask whether to
        recompute it; yes starts a task with progress, no leaves the store as it was (the panel
        then says its figures use the other settings). Returns the task, if one started.

        ``ask(title, question) -> bool`` replaces the question dialog (tests)."""
        wanted = self.wanted_motion(prefs)
        if self.store is None or wanted is None or wanted.same_as(self.store_motion):
            return None
        lang = ui_language()
        question = tr(
            "De cijfers van deze opslag zijn berekend met: {stored}.\n"
            "U koos: {wanted}.\n\nDe opslag nu herberekenen (trillingen, gebieden en "
            "statussen)? Dit kan even duren."
        ).format(stored=self.store_motion.describe(lang), wanted=wanted.describe(lang))
        title = tr("Opslag herberekenen?")
        if ask is None:
            from qgis.PyQt.QtWidgets import QMessageBox

            answer = QMessageBox.question(self.iface.mainWindow(), title, question)
            agreed = answer == QMessageBox.StandardButton.Yes
        else:
            agreed = bool(ask(title, question))
        if not agreed:
            self.refresh()  # the panel now says the figures use the store's settings
            return None
        return self.recompute(wanted)

    def recompute(self, motion):
        """Recompute the open store with ``motion`` in a task (one transaction)."""
        from domain.store.compute import recompute_with_settings
        from img_qgis_plugin.tasks import DomainTask, start

        store = self.store

        def work(progress, cancel):
            return recompute_with_settings(store, motion, progress=progress, cancel=cancel)

        def done(result, error) -> None:
            self.recompute_task = None
            if error is not None or store is not self.store:
                return  # the task logged why; the store is as it was
            self.store_motion = store_motion_settings(store)
            for layer in self.layers.values():
                layer.dataProvider().reloadData()
                layer.triggerRepaint()
            log(
                tr("Opslag herberekend met: {0}").format(motion.describe(ui_language())),
                "success",
                push=True,
            )
            self.refresh()

        self.recompute_task = start(DomainTask(tr("Opslag herberekenen"), work, done))
        return self.recompute_task

    def zoom_to(self, x: float, y: float) -> None:
        canvas = self.iface.mapCanvas()
        layer = self.layers.get("objects")
        rect = QgsRectangle(
            x - ZOOM_MARGIN_M, y - ZOOM_MARGIN_M, x + ZOOM_MARGIN_M, y + ZOOM_MARGIN_M
        )
        if layer is not None:
            transform = QgsCoordinateTransform(
                layer.crs(), canvas.mapSettings().destinationCrs(), QgsProject.instance()
            )
            rect = transform.transformBoundingBox(rect)
        canvas.setExtent(rect)
        canvas.refresh()

    def _select(self, object_id: int) -> None:
        layer = self.layers.get("objects")
        if layer is not None:
            layer.selectByExpression(f'"id" = {int(object_id)}')

    def refresh(self) -> None:
        if self.object_id is not None:
            self.show_object(self.object_id)
        layer = self.layers.get("objects")
        if layer is not None:
            layer.triggerRepaint()

    # --- panel signals -------------------------------------------------------------------
    def _on_as_of_changed(self, day) -> None:
        self.as_of = day
        self.refresh()

    def _on_handoff_requested(self, draft) -> None:
        if self.store is None:
            return
        try:
            handoff_id = self.store.add_handoff(draft, by=current_user())
        except DomainError as exc:
            log(str(exc), "warning", push=True, duration=0)
            return
        log(tr("Overdracht {0} vastgelegd.").format(handoff_id), "success", push=True)
        self.refresh()

    def _on_handoff_status_requested(self, handoff_id, expected_version: int, status: str) -> None:
        if self.store is None:
            return
        try:
            self.store.change_handoff_status(
                int(handoff_id), expected_version, status, current_user(), None
            )
        except DomainError as exc:  # a concurrent change is reported, never overwritten
            log(str(exc), "warning", push=True, duration=0)
        self.refresh()

    # --- search (locator) ----------------------------------------------------------------
    def search(self, text: str, feedback=None, locator_filter=None) -> list[QgsLocatorResult]:
        """Locator results for ``text``; each carries the object id as its user data."""
        if self.store is None:
            return []
        results = []
        for hit in self.store.search(text, limit=20):
            if feedback is not None and feedback.isCanceled():
                break
            # the store it came from travels along: a result shown before a switch is refused
            result = QgsLocatorResult(locator_filter, hit.label, [hit.object_id, self.generation])
            result.description = tr("object {0}").format(hit.object_id)
            result.group = tr("Mijnbouwschade")
            results.append(result)
        return results


def result_object_id(result: QgsLocatorResult) -> int:
    """The object id of a locator result (a Python property since QGIS 3.34)."""
    data = result.userData
    return int(data[0] if isinstance(data, (list, tuple)) else data)


def result_generation(result: QgsLocatorResult) -> int | None:
    """Which opened store (``StoreController.generation``) a locator result came from."""
    data = result.userData
    return int(data[1]) if isinstance(data, (list, tuple)) and len(data) > 1 else None
