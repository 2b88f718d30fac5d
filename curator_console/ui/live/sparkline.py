"""A small viewer-count line drawn with QPainter.

``set_series`` takes the engine's thinned ``(session seconds, viewers)`` series. When the new
series continues the one shown (same points, more at the end) only the new points are added to
the path; when the engine has thinned it again, the path is rebuilt once. ``appended`` and
``rebuilt`` count both, so the incremental path can be checked.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import QSizePolicy, QWidget

from curator_console.ui import appearance

LINE = QColor("#1565c0")
FILL = QColor(21, 101, 192, 40)


class Sparkline(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("viewerSparkline")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(36)
        self._points: list[tuple[float, int]] = []
        self._path = QPainterPath()  # in data coordinates (seconds, viewers)
        self._max_viewers = 0
        self.appended = 0
        self.rebuilt = 0

    def sizeHint(self) -> QSize:
        return QSize(200, 44)

    @property
    def point_count(self) -> int:
        return len(self._points)

    def set_series(self, series: tuple[tuple[float, int], ...]) -> None:
        points = [(float(t), int(v)) for t, v in series if v is not None]
        n = len(self._points)
        if points == self._points:
            return
        if len(points) >= n and points[:n] == self._points:
            for t, v in points[n:]:
                self._add(t, v)
            self.appended += len(points) - n
        else:
            self._points = []
            self._path = QPainterPath()
            self._max_viewers = 0
            for t, v in points:
                self._add(t, v)
            self.rebuilt += 1
        self.update()

    def _add(self, t: float, v: int) -> None:
        if not self._points:
            self._path.moveTo(t, v)
        else:
            self._path.lineTo(t, v)
        self._points.append((t, v))
        self._max_viewers = max(self._max_viewers, v)

    def paintEvent(self, _event) -> None:
        if len(self._points) < 2:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(2, 3, -4, -3)
        t0, t1 = self._points[0][0], self._points[-1][0]
        span_t = max(1.0, t1 - t0)
        top = max(1, self._max_viewers) * 1.1
        transform = QTransform()
        transform.translate(area.left(), area.bottom())
        transform.scale(area.width() / span_t, -area.height() / top)
        transform.translate(-t0, 0)
        screen = transform.map(self._path)
        fill = QPainterPath(screen)
        fill.lineTo(QPointF(area.right(), area.bottom()))
        fill.lineTo(QPointF(area.left(), area.bottom()))
        fill.closeSubpath()
        line = appearance.colour("viewers")  # of the current palette (light or dark)
        fill_colour = QColor(line)
        fill_colour.setAlpha(FILL.alpha())
        p.fillPath(fill, fill_colour)
        pen = QPen(line, 2)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        p.drawPath(screen)
        last = transform.map(QPointF(*self._points[-1]))
        p.setBrush(line)
        p.drawEllipse(last, 3, 3)
        p.end()
