"""Map tool "Gebied tekenen": the user draws a start area by hand and gets it as RD New WKT.

Left click adds a corner, the rubber band follows the mouse, right click or double click closes
the polygon, Backspace takes the last corner back, Esc gives up. Only the shape is handled here;
which addresses lie inside and why to visit them stays in ``domain.planning``.
"""

from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
)
from qgis.gui import QgsMapTool, QgsRubberBand
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor

from domain.groundmotion.coordinates import RD_NEW
from img_qgis_plugin.gui.i18n import tr
from img_qgis_plugin.toolbelt.log_handler import log

MIN_CORNERS = 3
BAND_COLOUR = QColor(230, 120, 0, 200)
BAND_FILL = QColor(255, 200, 0, 60)


class StartAreaDrawTool(QgsMapTool):
    """Captures one polygon on ``canvas``; emits it as WKT in EPSG:28992 when closed."""

    area_drawn = pyqtSignal(str)
    cancelled = pyqtSignal()
    problem = pyqtSignal(str)

    def __init__(self, canvas) -> None:
        super().__init__(canvas)
        self.corners: list[QgsPointXY] = []  # in the canvas CRS
        self.band: QgsRubberBand | None = None
        self._skip_release = False
        self.setCursor(Qt.CursorShape.CrossCursor)

    # --- mouse and keys ----------------------------------------------------------------
    def canvasReleaseEvent(self, event) -> None:  # noqa: N802
        if self._skip_release:  # the release that ends a double click
            self._skip_release = False
            return
        if event.button() == Qt.MouseButton.RightButton:
            self.finish()
        elif event.button() == Qt.MouseButton.LeftButton:
            self.corners.append(QgsPointXY(event.mapPoint()))
            self._redraw()

    def canvasDoubleClickEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.finish()
            self._skip_release = True  # after finish(): closing resets the drawing state

    def canvasMoveEvent(self, event) -> None:  # noqa: N802
        if self.corners:
            self._redraw(QgsPointXY(event.mapPoint()))

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            self.cancel()
        elif event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            event.accept()
            if self.corners:
                self.corners.pop()
                self._redraw()
        else:
            event.ignore()

    def deactivate(self) -> None:
        self.reset()
        super().deactivate()

    # --- drawing -----------------------------------------------------------------------
    def finish(self) -> str:
        """Close the polygon; returns the WKT emitted, or "" (with a message) when unusable."""
        if len(self.corners) < MIN_CORNERS:
            self._tell(
                tr(
                    "Een gebied heeft minstens 3 hoekpunten; u heeft er {0} gezet. Klik links "
                    "om punten toe te voegen en rechts om het gebied te sluiten."
                ).format(len(self.corners))
            )
            return ""
        geometry = QgsGeometry.fromPolygonXY([[*self.corners, self.corners[0]]])
        if not geometry.isGeosValid():
            self._tell(
                tr(
                    "De rand van het getekende gebied snijdt zichzelf. Haal punten weg met "
                    "Backspace of begin opnieuw met Esc, en teken zonder kruisende lijnen."
                )
            )
            return ""
        try:
            wkt = self._in_rd(geometry).asWkt(2)
        except QgsCsException as exc:
            self._tell(
                tr("Het gebied kon niet naar RD New worden omgerekend: {0}").format(str(exc))
            )
            return ""
        self.reset()
        self.area_drawn.emit(wkt)
        return wkt

    def cancel(self) -> None:
        self.reset()
        self.cancelled.emit()

    def reset(self) -> None:
        """Forget the corners and take the rubber band off the map."""
        self.corners = []
        self._skip_release = False
        if self.band is not None:
            self.band.reset(Qgis.GeometryType.Polygon)
            self.canvas().scene().removeItem(self.band)
            self.band = None

    def _redraw(self, hover: QgsPointXY | None = None) -> None:
        if self.band is None:
            self.band = QgsRubberBand(self.canvas(), Qgis.GeometryType.Polygon)
            self.band.setStrokeColor(BAND_COLOUR)
            self.band.setFillColor(BAND_FILL)
            self.band.setWidth(2)
        self.band.reset(Qgis.GeometryType.Polygon)
        points = self.corners + ([hover] if hover is not None else [])
        for k, point in enumerate(points):
            self.band.addPoint(point, k == len(points) - 1)
        self.band.show()

    def _in_rd(self, geometry: QgsGeometry) -> QgsGeometry:
        source = self.canvas().mapSettings().destinationCrs()
        target = QgsCoordinateReferenceSystem(RD_NEW)
        if source.isValid() and source != target:
            transform = QgsCoordinateTransform(source, target, QgsProject.instance())
            if geometry.transform(transform) != Qgis.GeometryOperationResult.Success:
                raise QgsCsException(source.authid())
        return geometry

    def _tell(self, message: str) -> None:
        log(message, "warning", push=True)
        self.problem.emit(message)
