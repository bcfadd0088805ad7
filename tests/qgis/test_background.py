"""The PDOK background map: added once at the bottom when the service answers, silently absent
when it does not, removed when switched off, and not forced back on a user who deleted it.

The service is a real HTTP server on loopback started here; it serves a SYNTHETIC stand-in for
PDOK's WMTS capabilities (same layer, style and tile matrix set names, RD New tile scheme) and
one single-colour PNG tile (made with QImage). No test reaches the real network.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsProject,
    QgsSettings,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QSettings,
    QSize,
    QTranslator,
)
from qgis.PyQt.QtGui import QColor, QImage

import img_qgis_plugin
from domain import policy
from domain.demo import build_demo
from img_qgis_plugin.background import (
    ATTRIBUTION,
    BACKGROUND_PROPERTY,
    WMTS_LAYER,
    WMTS_TILE_MATRIX_SET,
    background_layer_name,
    find_background_layer,
)
from img_qgis_plugin.gui.settings_dialog import SettingsDialog
from img_qgis_plugin.store_layers import GROUP_NAME
from img_qgis_plugin.toolbelt.log_handler import LOG_TAG
from img_qgis_plugin.toolbelt.preferences import GROUP, Preferences

TILE_COLOUR = QColor(123, 160, 201)  # distinct, so a rendered pixel shows the tile was drawn
CHECK_TIMEOUT_MS = 15000
#: the RD New tiling scheme (Geonovum's "Nederlandse richtlijn tiling"): level 0 is one 256 px
#: tile of 3440.64 m/px from the top-left corner (-285401.92, 903401.92)
RD_TOP_LEFT = "-285401.92 903401.92"
RD_LEVEL0_SCALE = 12288000.0
RD_LEVELS = 13


def synthetic_capabilities(base: str) -> str:
    """A minimal WMTS 1.0.0 capabilities document: SYNTHETIC, shaped like PDOK's (one layer
    ``grijs``, style ``default``, PNG, tile matrix set ``EPSG:28992``), tiles served by ``base``."""
    matrices = "".join(
        f"""
      <TileMatrix>
        <ows:Identifier>{level:02d}</ows:Identifier>
        <ScaleDenominator>{RD_LEVEL0_SCALE / 2**level}</ScaleDenominator>
        <TopLeftCorner>{RD_TOP_LEFT}</TopLeftCorner>
        <TileWidth>256</TileWidth>
        <TileHeight>256</TileHeight>
        <MatrixWidth>{2**level}</MatrixWidth>
        <MatrixHeight>{2**level}</MatrixHeight>
      </TileMatrix>"""
        for level in range(RD_LEVELS)
    )
    template = (
        f"{base}/tiles/{WMTS_LAYER}/{{TileMatrixSet}}/{{TileMatrix}}/{{TileCol}}/{{TileRow}}.png"
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<Capabilities xmlns="http://www.opengis.net/wmts/1.0" xmlns:ows="http://www.opengis.net/ows/1.1"
    xmlns:xlink="http://www.w3.org/1999/xlink" version="1.0.0">
  <ows:ServiceIdentification>
    <ows:Title>BRT-Achtergrondkaart (synthetisch testexemplaar)</ows:Title>
    <ows:ServiceType>OGC WMTS</ows:ServiceType>
    <ows:ServiceTypeVersion>1.0.0</ows:ServiceTypeVersion>
  </ows:ServiceIdentification>
  <Contents>
    <Layer>
      <ows:Title>{WMTS_LAYER}</ows:Title>
      <ows:WGS84BoundingBox>
        <ows:LowerCorner>3.0 50.5</ows:LowerCorner>
        <ows:UpperCorner>7.5 54.0</ows:UpperCorner>
      </ows:WGS84BoundingBox>
      <ows:Identifier>{WMTS_LAYER}</ows:Identifier>
      <Style isDefault="true"><ows:Identifier>default</ows:Identifier></Style>
      <Format>image/png</Format>
      <TileMatrixSetLink><TileMatrixSet>{WMTS_TILE_MATRIX_SET}</TileMatrixSet></TileMatrixSetLink>
      <ResourceURL format="image/png" resourceType="tile" template="{template}"/>
    </Layer>
    <TileMatrixSet>
      <ows:Identifier>{WMTS_TILE_MATRIX_SET}</ows:Identifier>
      <ows:SupportedCRS>urn:ogc:def:crs:EPSG::28992</ows:SupportedCRS>{matrices}
    </TileMatrixSet>
  </Contents>
</Capabilities>
"""


def png_tile() -> bytes:
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(TILE_COLOUR)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    return bytes(data)


class LoopbackWmts:
    """The stand-in service on 127.0.0.1, in a thread; ``requests`` lists the paths asked."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        tile = png_tile()
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                service.requests.append(self.path)
                if self.path.startswith("/broken"):
                    body, kind = b"<html>no capabilities here</html>", "text/html"
                elif "getcapabilities" in self.path.lower():
                    body, kind = synthetic_capabilities(service.base).encode(), "application/xml"
                else:
                    body, kind = tile, "image/png"
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)  # noqa: QGS201 (the HTTP socket, not a project)

            def log_message(self, *args):  # keep the test output clean
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.url = f"{self.base}/wmts/v2_0?request=GetCapabilities&service=WMTS"
        self.broken_url = f"{self.base}/broken?request=GetCapabilities&service=WMTS"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def capability_requests(self) -> int:
        return sum("getcapabilities" in path.lower() for path in self.requests)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def wmts():
    service = LoopbackWmts()
    yield service
    service.close()


def closed_port_url() -> str:
    """A loopback port nothing listens on: the connection is refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/wmts?request=GetCapabilities&service=WMTS"


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    base = tmp_path_factory.mktemp("background")
    a, b = base / "a.gpkg", base / "b.gpkg"
    build_demo(str(a), objects=120, seed=3)
    build_demo(str(b), objects=100, seed=5)
    return a, b


@pytest.fixture
def profile(qgis_app, tmp_path):
    """Settings of this test alone (the shared test profile keeps the background off)."""
    settings = QgsSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.clear()
    return settings


@pytest.fixture
def plugin(qgis_iface, profile):
    """``start(url)``: the plugin with the background on and pointing at ``url``, as a user's
    settings would have it; its background reads this test's own settings."""
    made = []

    def start(url: str):
        Preferences(background_map=True, background_url=url).save(profile)
        plugin = img_qgis_plugin.classFactory(qgis_iface)
        plugin.initGui()
        plugin.background.settings = profile
        plugin.background.enabled = True
        made.append(plugin)
        return plugin

    yield start
    for plugin in made:
        plugin.unload()
    QgsProject.instance().clear()
    qgis_iface.messageBar().clear_messages()


def open_and_wait(qtbot, plugin, where) -> bool:
    """Open a store and wait for the background check it starts; True when a layer was added."""
    with qtbot.waitSignal(plugin.background.checked, timeout=CHECK_TIMEOUT_MS) as blocker:
        assert plugin.open_store(str(where))
    return blocker.args[0]


def background_layers() -> list:
    return [
        layer
        for layer in QgsProject.instance().mapLayers().values()
        if layer.customProperty(BACKGROUND_PROPERTY)
    ]


@pytest.fixture
def plugin_log():
    """The Info lines the plugin writes to QGIS's message log during the test."""
    lines: list[tuple[str, object]] = []

    def keep(message, tag, level):
        if tag == LOG_TAG:
            lines.append((message, level))

    QgsApplication.messageLog().messageReceived.connect(keep)
    yield lines
    QgsApplication.messageLog().messageReceived.disconnect(keep)


def test_reachable_service_adds_one_layer_at_the_bottom(plugin, wmts, stores, qtbot):
    plugin = plugin(wmts.url)
    assert open_and_wait(qtbot, plugin, stores[0])
    layer = find_background_layer()
    assert layer is not None and layer.isValid()
    assert layer.providerType() == "wms"  # QGIS's own WMS/WMTS provider: its proxy applies
    assert layer.customProperty(BACKGROUND_PROPERTY) == wmts.url
    assert layer.name() == "Achtergrondkaart (PDOK)"
    assert layer.crs().authid() == "EPSG:28992"
    assert "tileMatrixSet=EPSG:28992" in layer.source() and "layers=grijs" in layer.source()
    assert layer.metadata().rights() == [ATTRIBUTION] == ["© Kadaster / PDOK"]
    assert layer.serverProperties().attribution() == ATTRIBUTION
    root = QgsProject.instance().layerTreeRoot()
    children = root.children()
    assert children[-1].layerId() == layer.id()  # the very bottom
    assert root.findGroup(GROUP_NAME) in children[:-1]
    assert wmts.capability_requests() >= 1

    # a layer of the user, added later, lands above: the background stays at the bottom
    user_layer = QgsVectorLayer("Point?crs=EPSG:28992", "mijn punten", "memory")
    assert QgsProject.instance().addMapLayer(user_layer) is not None
    assert root.children()[-1].layerId() == layer.id()


def test_the_tiles_come_from_the_service(plugin, wmts, stores, qtbot):
    """Rendered, the background shows the service's tile: the layer really draws from it."""
    plugin = plugin(wmts.url)
    assert open_and_wait(qtbot, plugin, stores[0])
    layer = find_background_layer()
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setOutputSize(QSize(64, 64))
    settings.setExtent(plugin.controller.layers["objects"].extent())
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    pixel = job.renderedImage().pixelColor(32, 32)
    assert (pixel.red(), pixel.green(), pixel.blue()) == (
        TILE_COLOUR.red(),
        TILE_COLOUR.green(),
        TILE_COLOUR.blue(),
    )
    assert any(path.startswith("/tiles/grijs/EPSG:28992/") for path in wmts.requests)


def test_a_second_store_keeps_one_background(plugin, wmts, stores, qtbot):
    plugin = plugin(wmts.url)
    assert open_and_wait(qtbot, plugin, stores[0])
    first = find_background_layer()
    asked = wmts.capability_requests()
    assert plugin.open_store(str(stores[1]))
    assert not plugin.background.checking  # present already: not even asked again
    qtbot.wait(200)
    assert background_layers() == [first]
    assert wmts.capability_requests() == asked
    root = QgsProject.instance().layerTreeRoot()
    assert root.children()[-1].layerId() == first.id()


def test_unreachable_service_is_silent(plugin, stores, qtbot, qgis_iface, plugin_log):
    plugin = plugin(closed_port_url())
    bar = qgis_iface.messageBar()
    bar.clear_messages()
    assert open_and_wait(qtbot, plugin, stores[0]) is False
    assert find_background_layer() is None
    pushed = [text for texts in bar.messages.values() for text in texts]
    assert len(pushed) == 1 and "Opslag geopend" in pushed[0]  # the store's own message only
    said = [message for message, _ in plugin_log if "Achtergrondkaart" in message]
    assert len(said) == 1 and "niet bereikbaar" in said[0]
    assert [level for message, level in plugin_log if message == said[0]] == [
        Qgis.MessageLevel.Info
    ]
    # another store: asked again, still nothing, and no second line in the log
    assert open_and_wait(qtbot, plugin, stores[1]) is False
    assert find_background_layer() is None
    assert len([message for message, _ in plugin_log if "Achtergrondkaart" in message]) == 1


def test_a_service_that_never_answers_times_out(plugin, stores, qtbot, monkeypatch, plugin_log):
    """Connected but silent (a listening socket that never replies): given up after the
    timeout, without blocking the interface meanwhile."""
    monkeypatch.setattr(policy, "BACKGROUND_TIMEOUT_S", 0.5)
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)
        port = silent.getsockname()[1]
        plugin = plugin(f"http://127.0.0.1:{port}/wmts?request=GetCapabilities&service=WMTS")
        with qtbot.waitSignal(plugin.background.checked, timeout=CHECK_TIMEOUT_MS) as blocker:
            assert plugin.open_store(str(stores[0]))
            assert plugin.background.checking  # open_store returned while the check runs
    assert blocker.args == [False]
    assert find_background_layer() is None
    said = [message for message, _ in plugin_log if "Achtergrondkaart" in message]
    assert len(said) == 1 and "0,5 s" in said[0]


def test_a_service_without_capabilities_adds_nothing(plugin, wmts, stores, qtbot, plugin_log):
    plugin = plugin(wmts.broken_url)
    assert open_and_wait(qtbot, plugin, stores[0]) is False
    assert find_background_layer() is None
    said = [message for message, _ in plugin_log if "Achtergrondkaart" in message]
    assert len(said) == 1 and "geen bruikbare kaart" in said[0]


def _save_settings(plugin, qtbot, background_on: bool) -> None:
    """What a user does: the settings dialog, the checkbox, OK."""
    dialog = SettingsDialog(plugin.background.settings, on_saved=plugin._on_settings_saved)
    qtbot.addWidget(dialog)
    dialog.form.backgroundCheck.setChecked(background_on)
    dialog.accept()


def test_switching_the_setting_off_removes_it_and_on_adds_it(plugin, wmts, stores, qtbot):
    plugin = plugin(wmts.url)
    assert open_and_wait(qtbot, plugin, stores[0])
    dialog = SettingsDialog(plugin.background.settings)
    qtbot.addWidget(dialog)
    assert dialog.form.backgroundCheck.isChecked()
    assert dialog.form.backgroundCheck.text() == "Achtergrondkaart (PDOK BRT, grijs)"

    _save_settings(plugin, qtbot, False)
    assert Preferences.load(plugin.background.settings).background_map is False
    assert find_background_layer() is None
    assert plugin.background.declined is False  # switched off is no hand removal
    assert plugin.open_store(str(stores[1]))  # off: another store brings none either
    assert not plugin.background.checking
    assert find_background_layer() is None

    with qtbot.waitSignal(plugin.background.checked, timeout=CHECK_TIMEOUT_MS) as blocker:
        _save_settings(plugin, qtbot, True)
    assert blocker.args == [True]
    assert len(background_layers()) == 1
    _save_settings(plugin, qtbot, True)  # saved again unchanged: still one
    qtbot.wait(200)
    assert len(background_layers()) == 1


def test_removed_by_the_user_is_not_added_again(plugin, wmts, stores, qtbot):
    plugin = plugin(wmts.url)
    assert open_and_wait(qtbot, plugin, stores[0])
    QgsProject.instance().removeMapLayer(find_background_layer().id())  # the layer panel
    assert plugin.background.declined
    assert plugin.open_store(str(stores[1]))
    assert not plugin.background.checking
    _save_settings(plugin, qtbot, True)  # the settings saved with the box still ticked
    assert not plugin.background.checking
    qtbot.wait(200)
    assert find_background_layer() is None

    # off and on again is asking for it again
    _save_settings(plugin, qtbot, False)
    with qtbot.waitSignal(plugin.background.checked, timeout=CHECK_TIMEOUT_MS):
        _save_settings(plugin, qtbot, True)
    assert find_background_layer() is not None


def test_a_new_project_is_no_refusal(plugin, wmts, stores, qtbot):
    """New project (all layers go at once): the next store gets its background again."""
    plugin = plugin(wmts.url)
    assert open_and_wait(qtbot, plugin, stores[0])
    QgsProject.instance().clear()
    assert not plugin.background.declined
    assert open_and_wait(qtbot, plugin, stores[1])
    assert len(background_layers()) == 1


def test_unload_leaves_no_background_and_no_check(plugin, wmts, stores, qtbot, qgis_iface):
    plugin = plugin(wmts.url)
    assert open_and_wait(qtbot, plugin, stores[0])
    plugin.unload()
    assert find_background_layer() is None
    assert plugin.background is None
    plugin.initGui()  # the fixture unloads it once more at the end


def test_off_by_default_in_the_test_profile(qgis_iface, stores, qtbot):
    """The conftest keeps every other qgis test off the network."""
    assert Preferences.load().background_map is False
    plugin = img_qgis_plugin.classFactory(qgis_iface)
    plugin.initGui()
    try:
        assert plugin.open_store(str(stores[0]))
        assert not plugin.background.checking
        assert find_background_layer() is None
    finally:
        plugin.unload()
        QgsProject.instance().clear()


def test_a_switch_in_an_ini_file_reads_as_a_bool(tmp_path, qgis_app):
    """``background_map=false`` in a profile (the e2e harness writes that) is off."""

    def loaded(text: str) -> bool:
        ini = tmp_path / "profile.ini"
        ini.write_text(f"[{GROUP}]\n{text}\n", encoding="utf-8")
        return Preferences.load(QgsSettings(str(ini), QSettings.Format.IniFormat)).background_map

    assert loaded("background_map=false") is False
    assert loaded("background_map=true") is True
    assert loaded("background_map=maybe") is True  # unreadable: the default
    assert Preferences().background_url == policy.BACKGROUND_WMTS_URL
    assert policy.BACKGROUND_WMTS_URL.startswith("https://service.pdok.nl/brt/achtergrondkaart/")


def test_english_names(profile, qtbot, tmp_path):
    """The layer and the checkbox read English under the English translation."""
    lrelease = shutil.which("lrelease")
    assert lrelease, "lrelease is missing (Debian package qttools5-dev-tools)"
    ts = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "img_qgis_plugin_en.ts"
    qm = tmp_path / "en.qm"
    subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        assert background_layer_name() == "Background map (PDOK)"
        dialog = SettingsDialog(profile)
        qtbot.addWidget(dialog)
        assert dialog.form.backgroundCheck.text() == "Background map (PDOK BRT, grey)"
    finally:
        QCoreApplication.removeTranslator(translator)
    assert background_layer_name() == "Achtergrondkaart (PDOK)"
