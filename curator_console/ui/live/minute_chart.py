"""Viewers (line, left scale) and orders (bars, right scale) per minute of the session, drawn with
QPainter and updated incrementally.

The engine sends the whole ``per_minute`` tuple every frame; only its last minute is still
counting. ``set_minutes`` keeps what it has when the earlier minutes are unchanged: the last
minute is replaced, new minutes are appended to the viewers path (kept in data coordinates and
mapped at paint time) and the scale maxima grow without a rescan. Anything else (a resumed
session re-reading its history) rebuilds once. ``appended`` counts the minutes added,
``rebuilt`` the times everything was drawn afresh.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import QSizePolicy, QWidget

from curator_console.ui import appearance

VIEWERS = QColor("#1565c0")  # the light palette's; painting asks appearance.colour for the current one
ORDERS = QColor("#f9a825")
GRID = QColor("#e0e0e0")
INK = QColor("#616161")
MIN_MINUTES = 10  # the x axis spans at least this many minutes


def _nice_ceiling(value: float) -> int:
    """The smallest of 1, 2, 5 × 10^k at or above ``value`` (a readable top of scale)."""
    if value <= 1:
        return 1
    step = 1
    while True:
        for m in (1, 2, 5):
            if m * step >= value:
                return m * step
        step *= 10


class MinuteChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("minuteChart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(120)
        self._minutes: list[tuple[int, int | None, int]] = []
        self._settled = QPainterPath()  # viewers of the finished minutes, data coordinates
        self._settled_last: tuple[int, int] | None = None  # the last point of that path
        self._settled_count = 0  # how many minutes (from the first) that path covers
        self._max_viewers = 0
        self._max_orders = 0
        self.appended = 0
        self.rebuilt = 0
        self._legend = ("", "")
        self.retranslate()

    def retranslate(self) -> None:
        self._legend = (self.tr("Viewers"), self.tr("Orders per minute"))
        self.setAccessibleName(self.tr("Viewers and orders per minute"))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, 180)

    @property
    def point_count(self) -> int:
        return len(self._minutes)

    @property
    def minutes(self) -> list[tuple[int, int | None, int]]:
        return list(self._minutes)

    # --- data ---------------------------------------------------------------------------
    def set_minutes(self, per_minute: tuple[tuple[int, int | None, int], ...]) -> None:
        data = [(int(m), None if v is None else int(v), int(o)) for m, v, o in per_minute]
        old = self._minutes
        if data == old:
            return
        n = len(old)
        keep = max(0, n - 1)  # the minutes that were already finished
        if len(data) >= n and data[:keep] == old[:keep]:
            del self._minutes[keep:]
            for row in data[keep:]:
                self._append(row)
            self.appended += len(data) - n
        else:
            self._minutes = []
            self._settled = QPainterPath()
            self._settled_last = None
            self._settled_count = 0
            self._max_viewers = self._max_orders = 0
            for row in data:
                self._append(row)
            self.rebuilt += 1
        self.update()

    def _append(self, row: tuple[int, int | None, int]) -> None:
        """Add a minute; the ones before it are finished now, so they join the settled path."""
        self._minutes.append(row)
        while self._settled_count < len(self._minutes) - 1:
            self._settle(self._minutes[self._settled_count])
            self._settled_count += 1
        minute, viewers, orders = row
        if viewers is not None:
            self._max_viewers = max(self._max_viewers, viewers)
        self._max_orders = max(self._max_orders, orders)

    def _settle(self, row: tuple[int, int | None, int]) -> None:
        minute, viewers, _orders = row
        if viewers is None:
            return
        x = minute + 0.5
        if self._settled_last is None:
            self._settled.moveTo(x, viewers)
        else:
            self._settled.lineTo(x, viewers)
        self._settled_last = (minute, viewers)

    # --- drawing ------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetrics(self.font())
        top_viewers = _nice_ceiling(self._max_viewers * 1.05)
        top_orders = _nice_ceiling(self._max_orders)
        left = fm.horizontalAdvance(f"{top_viewers:,}") + 10
        right = fm.horizontalAdvance(f"{top_orders:,}") + 10
        area = QRectF(left, fm.height() + 10, self.width() - left - right, self.height() - 2 * fm.height() - 16)
        if area.width() < 20 or area.height() < 20:
            p.end()
            return
        first = self._minutes[0][0] if self._minutes else 0
        last = self._minutes[-1][0] if self._minutes else 0
        span = max(MIN_MINUTES, last - first + 1)

        # grid and scales (colours of the current palette: light or dark)
        grid, ink = appearance.colour("grid"), appearance.colour("ink")
        viewers_colour = appearance.colour("viewers")
        p.setPen(QPen(grid, 1))
        for k in range(5):
            y = area.bottom() - area.height() * k / 4
            p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        p.setPen(ink)
        p.drawText(QRectF(0, area.top() - fm.height() / 2, left - 6, fm.height()),
                   Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{top_viewers:,}")
        p.drawText(QRectF(0, area.bottom() - fm.height() / 2, left - 6, fm.height()),
                   Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, "0")
        p.drawText(QRectF(area.right() + 6, area.top() - fm.height() / 2, right, fm.height()),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, f"{top_orders:,}")
        tick = 5 if span <= 40 else 10 if span <= 90 else 30
        m = first - first % tick
        while m <= first + span:
            if m >= first:
                x = area.left() + area.width() * (m - first) / span
                p.drawText(QRectF(x - 30, area.bottom() + 2, 60, fm.height()), Qt.AlignmentFlag.AlignHCenter,
                           f"{m}′")
            m += tick

        # legend
        x = area.left()
        p.setPen(QPen(viewers_colour, 3))
        p.drawLine(QPointF(x, fm.height() / 2 + 3), QPointF(x + 16, fm.height() / 2 + 3))
        p.setPen(ink)
        p.drawText(QPointF(x + 20, fm.ascent() + 2), self._legend[0])
        x += 20 + fm.horizontalAdvance(self._legend[0]) + 18
        p.fillRect(QRectF(x, 4, 10, fm.height() - 4), ORDERS)
        p.drawText(QPointF(x + 14, fm.ascent() + 2), self._legend[1])

        if not self._minutes:
            p.end()
            return
        # orders: bars on the right scale
        bar_w = area.width() / span
        for minute, _viewers, orders in self._minutes:
            if orders <= 0:
                continue
            h = area.height() * orders / top_orders
            x = area.left() + bar_w * (minute - first)
            p.fillRect(QRectF(x + bar_w * 0.15, area.bottom() - h, bar_w * 0.7, h), ORDERS)

        # viewers: the settled path plus the minute still counting, on the left scale
        transform = QTransform()
        transform.translate(area.left(), area.bottom())
        transform.scale(area.width() / span, -area.height() / top_viewers)
        transform.translate(-first, 0)
        path = QPainterPath(self._settled)
        minute, viewers, _orders = self._minutes[-1]
        if viewers is not None:
            if path.elementCount() == 0:
                path.moveTo(minute + 0.5, viewers)
            else:
                path.lineTo(minute + 0.5, viewers)
        pen = QPen(viewers_colour, 2.5)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        p.drawPath(transform.map(path))
        if viewers is not None:
            p.setBrush(viewers_colour)
            p.drawEllipse(transform.map(QPointF(minute + 0.5, viewers)), 3.5, 3.5)
        p.end()
