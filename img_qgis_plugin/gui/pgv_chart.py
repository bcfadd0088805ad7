"""PGV per quake over time, drawn with QPainter (a plotting library would slow the plugin's load).

The y axis is logarithmic because PGV at one address spans decades (0.5 – 50 mm/s); the policy
thresholds are drawn as horizontal lines and decision dates as vertical ones so the reader sees
at a glance which quakes came after a final decision and how hard they shook.
"""

from __future__ import annotations

import datetime as dt
import math

from qgis.PyQt.QtCore import QPointF, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont, QPainter, QPen
from qgis.PyQt.QtWidgets import QSizePolicy, QWidget

from img_qgis_plugin.gui.i18n import tr

MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 44, 10, 10, 26
POINT_COLOUR = QColor("#1f4e9c")
REOPEN_COLOUR = QColor("#c0392b")
THRESHOLD_COLOUR = QColor("#7f7f7f")
DECISION_COLOUR = QColor("#2e7d32")


class PgvChart(QWidget):
    """Scatter of (quake day, PGV) with threshold and decision lines; data set by :meth:`set_data`."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("ImgPgvChart")
        self.setMinimumHeight(160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.quakes: list[tuple[dt.date, float, bool]] = []
        self.thresholds: list[tuple[float, str]] = []
        self.decisions: list[tuple[dt.date, bool]] = []
        self.setToolTip(tr("PGV per beving (mm/s, logaritmische schaal)"))

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(280, 200)  # fits the panel at the default dock width; it grows with it

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        # axis labels plus a plot a few years wide still read; narrower would squash the dots
        return QSize(MARGIN_LEFT + MARGIN_RIGHT + 100, 160)

    def set_data(
        self,
        quakes: list[tuple[dt.date, float, bool]],
        thresholds: list[tuple[float, str]],
        decisions: list[tuple[dt.date, bool]],
    ) -> None:
        """``quakes``: (day, pgv mm/s, highlighted); ``thresholds``: (mm/s, label);
        ``decisions``: (day, final)."""
        self.quakes = [
            (day, float(pgv), highlighted)
            for day, pgv, highlighted in quakes
            if day is not None and pgv and pgv > 0
        ]
        self.thresholds = list(thresholds)
        self.decisions = [(day, final) for day, final in decisions if day is not None]
        self.update()

    # --- scales -------------------------------------------------------------------------
    def day_range(self) -> tuple[dt.date, dt.date]:
        days = [day for day, _, _ in self.quakes] + [day for day, _ in self.decisions]
        if not days:
            today = dt.date.today()
            return today - dt.timedelta(days=365), today
        first, last = min(days), max(days)
        pad = max(30, (last - first).days // 20)
        return first - dt.timedelta(days=pad), last + dt.timedelta(days=pad)

    def pgv_range(self) -> tuple[float, float]:
        values = [pgv for _, pgv, _ in self.quakes] + [mm_s for mm_s, _ in self.thresholds]
        low = min(values + [1.0])
        high = max(values + [10.0])
        return 10 ** math.floor(math.log10(low)), 10 ** math.ceil(math.log10(high))

    def plot_rect(self) -> QRectF:
        return QRectF(
            MARGIN_LEFT,
            MARGIN_TOP,
            max(1, self.width() - MARGIN_LEFT - MARGIN_RIGHT),
            max(1, self.height() - MARGIN_TOP - MARGIN_BOTTOM),
        )

    def to_point(self, day: dt.date, pgv: float) -> QPointF:
        rect = self.plot_rect()
        first, last = self.day_range()
        span = max(1, (last - first).days)
        x = rect.left() + rect.width() * (day - first).days / span
        low, high = self.pgv_range()
        fraction = (math.log10(pgv) - math.log10(low)) / (math.log10(high) - math.log10(low))
        return QPointF(x, rect.bottom() - rect.height() * fraction)

    # --- drawing ------------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        rect = self.plot_rect()
        font = QFont(painter.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        painter.setFont(font)
        self._draw_axes(painter, rect)
        self._draw_thresholds(painter, rect)
        self._draw_decisions(painter, rect)
        for day, pgv, highlighted in self.quakes:
            point = self.to_point(day, pgv)
            colour = REOPEN_COLOUR if highlighted else POINT_COLOUR
            painter.setPen(QPen(colour, 1))
            painter.setBrush(colour)
            radius = 4.0 if highlighted else 3.0
            painter.drawEllipse(point, radius, radius)
        if not self.quakes:
            painter.setPen(self.palette().text().color())
            painter.drawText(
                rect, Qt.AlignmentFlag.AlignCenter, tr("Geen bevingen boven de ondergrens")
            )
        painter.end()

    def _draw_axes(self, painter: QPainter, rect: QRectF) -> None:
        pen = QPen(self.palette().text().color(), 1)
        painter.setPen(pen)
        painter.drawRect(rect)
        low, high = self.pgv_range()
        decade = low
        while decade <= high * 1.0001:
            y = self.to_point(self.day_range()[0], decade).y()
            painter.drawLine(QPointF(rect.left() - 3, y), QPointF(rect.left(), y))
            label = f"{decade:g}"
            painter.drawText(
                QRectF(0, y - 8, MARGIN_LEFT - 5, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            decade *= 10
        first, last = self.day_range()
        step = max(1, (last.year - first.year) // 5 + 1)
        for year in range(first.year + 1, last.year + 1, step):
            x = self.to_point(dt.date(year, 1, 1), low).x()
            painter.drawLine(QPointF(x, rect.bottom()), QPointF(x, rect.bottom() + 3))
            painter.drawText(
                QRectF(x - 20, rect.bottom() + 4, 40, 14), Qt.AlignmentFlag.AlignHCenter, str(year)
            )
        painter.save()
        painter.translate(10, rect.center().y())
        painter.rotate(-90)
        painter.drawText(QRectF(-40, -8, 80, 16), Qt.AlignmentFlag.AlignCenter, tr("mm/s"))
        painter.restore()

    def _draw_thresholds(self, painter: QPainter, rect: QRectF) -> None:
        for value, label in self.thresholds:
            y = self.to_point(self.day_range()[0], value).y()
            painter.setPen(QPen(THRESHOLD_COLOUR, 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
            painter.drawText(
                QRectF(rect.left() + 3, y - 14, 120, 14), Qt.AlignmentFlag.AlignLeft, label
            )

    def _draw_decisions(self, painter: QPainter, rect: QRectF) -> None:
        for day, final in self.decisions:
            x = self.to_point(day, self.pgv_range()[0]).x()
            style = Qt.PenStyle.SolidLine if final else Qt.PenStyle.DotLine
            painter.setPen(QPen(DECISION_COLOUR, 2 if final else 1, style))
            painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
