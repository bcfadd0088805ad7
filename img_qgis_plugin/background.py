"""The PDOK background map (BRT-Achtergrondkaart, grey) under the plugin's layers.

Optional and on by default: when a store opens, the service is asked for its capabilities
through QGIS's own network manager (so QGIS's proxy and authentication settings apply), with a
short timeout and without blocking the interface. Reachable: one WMTS layer is added through
QGIS's WMS/WMTS provider at the very bottom of the layer tree. Unreachable: no layer, no message
bar, at most one Info line in the plugin's log. A background the user removed by hand stays
removed for the session; switching the setting off removes it.

Reports look the layer up with :func:`find_background_layer`.
"""

from __future__ import annotations

import contextlib

from qgis.core import (
    QgsDataSourceUri,
    QgsLayerMetadata,
    QgsNetworkAccessManager,
    QgsProject,
    QgsRasterLayer,
    QgsSettings,
)
from qgis.PyQt.QtCore import QObject, QTimer, QUrl, pyqtSignal
from qgis.PyQt.QtNetwork import QNetworkReply, QNetworkRequest

from domain import policy
from img_qgis_plugin.gui.i18n import number_text, tr
from img_qgis_plugin.toolbelt.log_handler import log
from img_qgis_plugin.toolbelt.preferences import Preferences

#: custom property that marks the plugin's background layer in a project (its value: the
#: service URL the layer was made from)
BACKGROUND_PROPERTY = "img_qgis_plugin/background"
#: the WMTS layer, style, format and tile matrix set of the grey BRT-Achtergrondkaart (PDOK's
#: capabilities document, service v2_0)
WMTS_LAYER = "grijs"
WMTS_STYLE = "default"
WMTS_FORMAT = "image/png"
#: these two are the service's names, not the product's RD New constant: PDOK's identifier of
#: the tile matrix set (it only reads like an EPSG code) and the CRS that matrix set is served in
WMTS_TILE_MATRIX_SET = "EPSG:28992"
WMTS_CRS = "EPSG:28992"
#: PDOK's terms of use ask for this attribution; the same in every language
ATTRIBUTION = "© Kadaster / PDOK"


def find_background_layer(project=None):
    """The plugin's background raster layer in ``project`` (default: the current one), or None."""
    project = project or QgsProject.instance()
    for layer in project.mapLayers().values():
        if layer.customProperty(BACKGROUND_PROPERTY):
            return layer
    return None


def background_layer_name() -> str:
    return tr("Achtergrondkaart (PDOK)")


def wmts_uri(service_url: str) -> str:
    """The data source of the WMTS layer for QGIS's ``wms`` provider."""
    uri = QgsDataSourceUri()
    for key, value in (
        ("contextualWMSLegend", "0"),
        ("crs", WMTS_CRS),
        ("dpiMode", "7"),
        ("format", WMTS_FORMAT),
        ("layers", WMTS_LAYER),
        ("styles", WMTS_STYLE),
        ("tileMatrixSet", WMTS_TILE_MATRIX_SET),
        ("url", service_url),
    ):
        uri.setParam(key, value)
    return bytes(uri.encodedUri()).decode("utf-8")


def make_background_layer(service_url: str) -> QgsRasterLayer:
    """The background layer itself, named, attributed and marked (not yet in a project)."""
    layer = QgsRasterLayer(wmts_uri(service_url), background_layer_name(), "wms")
    layer.setCustomProperty(BACKGROUND_PROPERTY, service_url)
    # the attribution travels in the layer's metadata (rights) and as its map attribution
    metadata = QgsLayerMetadata(layer.metadata())
    metadata.setRights([ATTRIBUTION])
    metadata.setTitle(background_layer_name())
    layer.setMetadata(metadata)
    layer.serverProperties().setAttribution(ATTRIBUTION)
    return layer


class BackgroundMap(QObject):
    """Keeps at most one background layer in the project, as the settings and the user want.

    ``follow_store`` is a store listener (``controller.add_store_listener``); ``apply`` takes
    the saved settings. ``checked(added)`` is emitted when a reachability check has ended.
    """

    checked = pyqtSignal(bool)

    def __init__(self, settings: QgsSettings | None = None, project=None, parent=None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.project = project or QgsProject.instance()
        #: the user removed the background by hand: not added again this session
        self.declined = False
        self.store_open = False
        self.enabled = self._preferences().background_map
        self._reply: QNetworkReply | None = None
        self._probe_url = ""
        self._timer: QTimer | None = None
        self._removing = False
        self._clearing = False
        self._said = False
        self.project.layersWillBeRemoved.connect(self._on_layers_removed)
        self.project.removeAll.connect(self._on_project_cleared)

    # --- what starts a check ----------------------------------------------------------------
    def follow_store(self, reason: str, removed=None) -> None:
        """Store listener: an opened store gets the background below its layers."""
        if reason in ("opened", "switched"):
            self.store_open = True
            self.ensure()
        elif reason == "closed":
            self.store_open = False

    def apply(self, prefs: Preferences) -> None:
        """The settings were saved: switched off removes the layer; switched on (or a store is
        open) adds it when the service answers; another service URL replaces it."""
        was_enabled, self.enabled = self.enabled, bool(prefs.background_map)
        if not self.enabled:
            self.declined = False  # switching it on again is asking for it again
            self._cancel_probe()
            self.remove()
            return
        url = prefs.background_url.strip()
        if self._reply is not None and self._probe_url != url:
            self._cancel_probe()
        existing = find_background_layer(self.project)
        if existing is not None and existing.customProperty(BACKGROUND_PROPERTY) != url:
            self.remove()
        if self.store_open or not was_enabled:
            self.ensure(prefs)

    def ensure(self, prefs: Preferences | None = None) -> None:
        """Start a reachability check unless the background is off, declined, present or
        already being checked; the layer is added when the check succeeds."""
        prefs = prefs or self._preferences()
        url = prefs.background_url.strip()
        if not prefs.background_map or not url or self.declined or self._reply is not None:
            return
        if find_background_layer(self.project) is not None:
            return
        request = QNetworkRequest(QUrl(url))
        # a copy from the cache says nothing about whether the service answers now
        request.setAttribute(
            QNetworkRequest.Attribute.CacheLoadControlAttribute,
            QNetworkRequest.CacheLoadControl.AlwaysNetwork,
        )
        reply = QgsNetworkAccessManager.instance().get(request)
        self._reply, self._probe_url = reply, url
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(reply.abort)
        self._timer.start(int(policy.BACKGROUND_TIMEOUT_S * 1000))
        reply.finished.connect(lambda: self._on_probe_finished(reply, url))

    @property
    def checking(self) -> bool:
        """A reachability check is under way."""
        return self._reply is not None

    # --- the answer ------------------------------------------------------------------------
    def _on_probe_finished(self, reply: QNetworkReply, url: str) -> None:
        if reply is not self._reply:  # a check cancelled on the way
            reply.deleteLater()
            return
        timed_out = self._timer is not None and not self._timer.isActive()
        self._stop_timer()
        self._reply = None
        status = reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
        failed = reply.error() != QNetworkReply.NetworkError.NoError
        # any answer of the server short of an HTTP error counts: the service is there
        reachable = not failed and (status is None or int(status) < 400)
        reason = reply.errorString() if failed else f"HTTP {status}"
        reply.deleteLater()
        prefs = self._preferences()
        still_wanted = prefs.background_map and not self.declined
        added = False
        if not reachable:
            if timed_out:
                reason = tr("geen antwoord binnen {seconds} s").format(
                    seconds=number_text(policy.BACKGROUND_TIMEOUT_S, decimals=None)
                )
            self._say_once(
                tr(
                    "Achtergrondkaart niet toegevoegd: de dienst is niet bereikbaar ({reason}). "
                    "De kaart werkt zonder achtergrond."
                ).format(reason=reason)
            )
        elif (
            still_wanted
            and prefs.background_url.strip() == url
            and find_background_layer(self.project) is None
        ):
            added = self._add(url)
        self.checked.emit(added)

    def _add(self, url: str) -> bool:
        layer = make_background_layer(url)
        if not layer.isValid():
            reason = layer.error().summary() or tr("geen bruikbare kaartlaag")
            self._say_once(
                tr(
                    "Achtergrondkaart niet toegevoegd: de dienst gaf geen bruikbare kaart "
                    "({reason}). De kaart werkt zonder achtergrond."
                ).format(reason=reason)
            )
            return False
        if self.project.addMapLayer(layer, False) is None:
            return False
        self._said = False
        # at the very bottom: under the plugin's group and any layer of the user
        self.project.layerTreeRoot().addLayer(layer)
        return True

    def _say_once(self, message: str) -> None:
        """One Info line in the plugin log until the background works again; never the
        message bar (a map without background is no error)."""
        if self._said:
            return
        self._said = True
        log(message, "info")

    # --- removing ---------------------------------------------------------------------------
    def remove(self) -> None:
        """Take the plugin's background out of the project (not counted as the user's doing)."""
        layer = find_background_layer(self.project)
        if layer is None:
            return
        self._removing = True
        try:
            self.project.removeMapLayer(layer.id())
        finally:
            self._removing = False

    def _on_layers_removed(self, layer_ids) -> None:
        """The user deleted the background by hand: respect that for the rest of the session."""
        if self._removing:
            return
        if self._clearing:  # the whole project goes: nobody chose against the background
            self._clearing = False
            return
        layer = find_background_layer(self.project)
        if layer is not None and layer.id() in set(layer_ids):
            self.declined = True

    def _on_project_cleared(self) -> None:
        """A new or another project is coming: all its layers go at once."""
        self._clearing = True
        # when the project had no layers, no removal follows to end the clearing
        QTimer.singleShot(0, self._end_clearing)

    def _end_clearing(self) -> None:
        self._clearing = False

    def _cancel_probe(self) -> None:
        self._stop_timer()
        reply, self._reply = self._reply, None
        if reply is not None:
            reply.abort()

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer.deleteLater()
            self._timer = None

    def _preferences(self) -> Preferences:
        return Preferences.load(self.settings)

    def shutdown(self) -> None:
        """The plugin unloads: no check left running, no background left behind."""
        self._cancel_probe()
        for signal, slot in (
            (self.project.layersWillBeRemoved, self._on_layers_removed),
            (self.project.removeAll, self._on_project_cleared),
        ):
            with contextlib.suppress(TypeError, RuntimeError):
                signal.disconnect(slot)
        self.remove()
