"""The tour's running order drawn against its slot: one block per segment (width = planned time),
the slot's end as a line, and the part that runs past the slot in the warning colour."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from curator_console.ui import formatting as fmt

BLOCK_COLOURS = (QColor("#4f7cac"), QColor("#7aa6c2"))
OVER_COLOUR = QColor("#b3261e")
SELECTED_COLOUR = QColor("#e0a526")


class TimingBar(QWidget):
    segment_clicked = Signal(int)  # row

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("timingBar")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self._segments: list[tuple[str, int, int]] = []  # title, planned, estimated
        self._slot: int | None = None
        self._selected = -1

    def sizeHint(self) -> QSize:
        return QSize(400, self.fontMetrics().height() * 2 + 8)

    def set_timing(self, segments: list[tuple[str, int, int]], slot_seconds: int | None) -> None:
        self._segments = list(segments)
        self._slot = slot_seconds or None
        self.setAccessibleDescription(self._summary())
        self.update()

    def set_selected(self, row: int) -> None:
        self._selected = row
        self.update()

    def _summary(self) -> str:
        total = sum(p for _t, p, _e in self._segments)
        if self._slot:
            return fmt.arg(self.tr("Planned %1 of a %2 slot"), fmt.duration(total), fmt.duration(self._slot))
        return fmt.arg(self.tr("Planned %1, no slot set"), fmt.duration(total))

    def _scale(self) -> float:
        total = sum(p for _t, p, _e in self._segments)
        span = max(total, self._slot or 0, 1)
        return (self.width() - 2) / span

    def _rects(self) -> list[QRectF]:
        scale, x, out = self._scale(), 1.0, []
        h = self.height() - 2
        for _title, planned, _est in self._segments:
            w = planned * scale
            out.append(QRectF(x, 1, w, h))
            x += w
        return out

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        bg = self.palette().color(QPalette.ColorRole.AlternateBase)
        p.fillRect(self.rect(), bg)
        scale = self._scale()
        slot_x = 1 + (self._slot or 0) * scale
        for i, (rect, (title, _planned, _est)) in enumerate(zip(self._rects(), self._segments)):
            colour = SELECTED_COLOUR if i == self._selected else BLOCK_COLOURS[i % 2]
            p.fillRect(rect, colour)
            if self._slot and rect.right() > slot_x:
                over = QRectF(max(rect.left(), slot_x), rect.top(), rect.right() - max(rect.left(), slot_x), rect.height())
                p.fillRect(over, OVER_COLOUR)
            p.setPen(QPen(self.palette().color(QPalette.ColorRole.Base), 1))
            p.drawLine(rect.topRight(), rect.bottomRight())
            label = f"{i + 1}"
            if rect.width() > self.fontMetrics().horizontalAdvance(label) + 6:
                p.setPen(Qt.GlobalColor.white)
                p.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
        if self._slot:
            p.setPen(QPen(self.palette().color(QPalette.ColorRole.WindowText), 2, Qt.PenStyle.DashLine))
            p.drawLine(int(slot_x), 0, int(slot_x), self.height())
        p.end()

    def _row_at(self, x: float) -> int:
        for i, rect in enumerate(self._rects()):
            if rect.left() <= x <= rect.right():
                return i
        return -1

    def mouseMoveEvent(self, event) -> None:
        row = self._row_at(event.position().x())
        if row >= 0:
            title, planned, est = self._segments[row]
            QToolTip.showText(event.globalPosition().toPoint(), fmt.arg(
                self.tr("%1. %2 — planned %3, speaking time %4"), row + 1, title, fmt.duration(planned), fmt.duration(est)), self)
        else:
            QToolTip.hideText()

    def mousePressEvent(self, event) -> None:
        row = self._row_at(event.position().x())
        if row >= 0:
            self.segment_clicked.emit(row)
