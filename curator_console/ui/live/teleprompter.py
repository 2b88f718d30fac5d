"""The teleprompter: the current segment's script in large type, scrolling by itself.

``TeleprompterView`` paints the script (``script_markup.to_html``) itself, light on dark, so it
can be mirrored (a horizontal flip for a beam-splitter glass) without any widget tricks. The
text moves past a reading line at a third of the height; it scrolls so that the whole script
passes that line in the time the reading-speed setting says it takes to say (the segment's
planned duration when the script has no words). The operator can pause the scroll, nudge it with
the mouse wheel and change the type size; a new segment starts again at its top.

``TeleprompterWindow`` is the same view in a window of its own for a second screen: a choice of
screen, full screen (F11; Escape leaves it), mirror and type size.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QKeySequence,
    QPainter,
    QPalette,
    QShortcut,
    QTextDocument,
    QTransform,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from curator_console.domain.live_view import LiveSegment
from curator_console.domain.script_markup import plain_text, to_html
from curator_console.domain.timing import ReadingSpeed, estimate_speaking_seconds
from curator_console.ui import formatting as fmt

BACKGROUND = QColor("#121212")
INK = QColor("#f4f1ea")
READING_LINE = QColor(255, 214, 0, 70)
MIN_FONT_PT = 12
MAX_FONT_PT = 120
FONT_STEP = 1.15
READING_LINE_AT = 0.3  # of the height
FRAME_MS = 33
MAX_STEP_SECONDS = 0.25  # a late frame never jumps further than this


def scroll_seconds(segment: LiveSegment | None, speed: ReadingSpeed) -> float:
    """How long the script takes to say: the reading-speed estimate, else the planned duration
    (a rehearsal run faster than real time divides it by its speed: ``set_rate``)."""
    if segment is None:
        return 60.0
    spoken = estimate_speaking_seconds(plain_text(segment.script), speed)
    if spoken > 0:
        return float(spoken)
    return float(segment.planned_seconds) if segment.planned_seconds > 0 else 60.0


class TeleprompterView(QWidget):
    """The scrolling script. ``advance(seconds)`` moves it as the frame timer does."""

    changed = Signal()  # font size, mirror or scroll pause changed (a twin view follows)

    def __init__(self, speed: ReadingSpeed = ReadingSpeed(), font_pt: float = 28, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teleprompterView")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAutoFillBackground(False)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.speed = speed
        self._font_pt = float(font_pt)
        self._mirrored = False
        self._scroll_paused = False
        self._running = True  # the session is running (paused / ended sessions stop the scroll)
        self._session_paused = False
        self._segment: LiveSegment | None = None
        self._doc = QTextDocument(self)
        self._doc.setDocumentMargin(0)
        self._offset = 0.0  # how far the text has moved up past the reading line (pixels)
        self._seconds = 60.0
        self._rate = 1.0  # a rehearsal at 2× speed reads at 2× too
        self._placeholder = ""
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._frame)
        self._layout_doc()
        self.retranslate()

    def sizeHint(self) -> QSize:
        return QSize(640, 360)

    def retranslate(self) -> None:
        self._placeholder = self.tr("The script of the current segment appears here.")
        self.setAccessibleName(self.tr("Teleprompter"))
        self.update()

    # --- state --------------------------------------------------------------------------
    @property
    def segment(self) -> LiveSegment | None:
        return self._segment

    @property
    def font_pt(self) -> float:
        return self._font_pt

    @property
    def mirrored(self) -> bool:
        return self._mirrored

    @property
    def scroll_paused(self) -> bool:
        return self._scroll_paused

    @property
    def offset(self) -> float:
        return self._offset

    @property
    def scroll_range(self) -> float:
        """Pixels the text moves until its last line stands on the reading line."""
        return max(1.0, self._doc.size().height() - self._line_height())

    def _line_height(self) -> float:
        return QFontMetricsF(self._doc.defaultFont()).lineSpacing() * 1.3

    @property
    def pixels_per_second(self) -> float:
        return self.scroll_range / max(1.0, self._seconds) * self._rate

    def set_rate(self, rate: float) -> None:
        """Scroll ``rate`` times faster than reading (a rehearsal run at that speed)."""
        self._rate = max(0.01, float(rate))

    @property
    def scrolling(self) -> bool:
        return self._timer.isActive()

    def text(self) -> str:
        return self._doc.toPlainText()

    def set_segment(self, segment: LiveSegment | None) -> None:
        """Show a segment's script from its top (the same segment again keeps its place)."""
        same = (segment is not None and self._segment is not None and segment.index == self._segment.index
                and segment.script == self._segment.script)
        self._segment = segment
        if same:
            return
        self._offset = 0.0
        self._seconds = scroll_seconds(segment, self.speed)
        self._layout_doc()
        self._update_timer()

    def set_speed(self, speed: ReadingSpeed) -> None:
        self.speed = speed
        self._seconds = scroll_seconds(self._segment, speed)

    def set_font_pt(self, pt: float) -> None:
        pt = min(MAX_FONT_PT, max(MIN_FONT_PT, float(pt)))
        if abs(pt - self._font_pt) < 0.01:
            return
        progress = self._offset / self.scroll_range
        self._font_pt = pt
        self._layout_doc()
        self._offset = progress * self.scroll_range  # the same place in the script
        self.changed.emit()

    def bigger(self) -> None:
        self.set_font_pt(round(self._font_pt * FONT_STEP))

    def smaller(self) -> None:
        self.set_font_pt(round(self._font_pt / FONT_STEP))

    def set_mirrored(self, on: bool) -> None:
        if on != self._mirrored:
            self._mirrored = on
            self.update()
            self.changed.emit()

    def set_scroll_paused(self, paused: bool) -> None:
        if paused != self._scroll_paused:
            self._scroll_paused = paused
            self._update_timer()
            self.update()
            self.changed.emit()

    def toggle_scroll(self) -> None:
        self.set_scroll_paused(not self._scroll_paused)

    def set_running(self, running: bool, session_paused: bool = False) -> None:
        """The text scrolls only while the session runs a segment; ``session_paused`` says so on
        screen (before the first segment the text just waits)."""
        if running != self._running or session_paused != self._session_paused:
            self._running = running
            self._session_paused = session_paused
            self._update_timer()
            self.update()

    def set_offset(self, offset: float) -> None:
        self._offset = min(self.scroll_range, max(0.0, offset))
        self.update()

    def advance(self, seconds: float) -> None:
        """Move the text as ``seconds`` of reading would."""
        self.set_offset(self._offset + self.pixels_per_second * seconds)

    def paint_transform(self) -> QTransform:
        """What the painter applies before drawing (a horizontal flip when mirrored)."""
        t = QTransform()
        if self._mirrored:
            t.translate(self.width(), 0)
            t.scale(-1, 1)
        return t

    # --- internals ----------------------------------------------------------------------
    def _margin(self) -> float:
        return max(16.0, self.width() * 0.06)

    def _layout_doc(self) -> None:
        font = QFont(self.font())
        font.setPointSizeF(self._font_pt)
        self._doc.setDefaultFont(font)
        self._doc.setDefaultStyleSheet("p, li { line-height: 130%; margin-bottom: 0.5em; }")
        script = self._segment.script if self._segment is not None else ""
        self._doc.setHtml(to_html(script, self._font_pt) if script.strip() else "")
        self._doc.setTextWidth(max(50.0, self.width() - 2 * self._margin()))
        self.update()

    def _update_timer(self) -> None:
        should = (self._running and not self._scroll_paused and self._segment is not None
                  and bool(self._segment.script.strip()) and self.isVisible())
        if should and not self._timer.isActive():
            self._clock.start()
            self._timer.start()
        elif not should and self._timer.isActive():
            self._timer.stop()

    def _frame(self) -> None:
        seconds = min(MAX_STEP_SECONDS, self._clock.restart() / 1000.0)
        if self._offset < self.scroll_range:
            self.advance(seconds)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._update_timer()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._update_timer()

    def resizeEvent(self, event) -> None:
        progress = self._offset / self.scroll_range
        self._doc.setTextWidth(max(50.0, self.width() - 2 * self._margin()))
        self._offset = progress * self.scroll_range
        super().resizeEvent(event)

    def wheelEvent(self, event) -> None:
        self.set_offset(self._offset - event.angleDelta().y() / 120 * self._font_pt * 1.5)
        event.accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._layout_doc()
        super().changeEvent(event)

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), BACKGROUND)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        p.setTransform(self.paint_transform())
        line_y = self.height() * READING_LINE_AT
        line_h = self._line_height()
        p.fillRect(QRectF(0, line_y - line_h * 0.1, self.width(), line_h * 1.1), READING_LINE)
        if self._doc.isEmpty():
            p.setPen(QColor("#9e9e9e"))
            p.drawText(QRectF(self._margin(), line_y, self.width() - 2 * self._margin(), self.height() - line_y),
                       Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap, self._placeholder)
        else:
            top = line_y - self._offset
            p.translate(QPointF(self._margin(), top))
            ctx = QAbstractTextDocumentLayout.PaintContext()
            palette = QPalette(self.palette())
            palette.setColor(QPalette.ColorRole.Text, INK)
            ctx.palette = palette
            ctx.clip = QRectF(0, -top, self._doc.textWidth(), self.height())
            self._doc.documentLayout().draw(p, ctx)
            p.translate(QPointF(-self._margin(), -top))
        if self._scroll_paused or self._session_paused:
            p.resetTransform()
            p.setPen(QColor("#ffd600"))
            small = QFont(self.font())
            small.setPointSizeF(max(10.0, self._font_pt * 0.45))
            p.setFont(small)
            p.drawText(QRectF(8, 6, self.width() - 16, self.height()), Qt.AlignmentFlag.AlignRight,
                       self.tr("scroll paused") if self._scroll_paused else self.tr("session paused"))
        p.end()


class TeleprompterWindow(QWidget):
    """The teleprompter in a window of its own, for a second screen."""

    def __init__(self, speed: ReadingSpeed = ReadingSpeed(), parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("teleprompterWindow")
        self.view = TeleprompterView(speed, font_pt=48, parent=self)
        self.screen_label = QLabel()
        self.screen_box = QComboBox()
        self.screen_box.setObjectName("teleprompterScreen")
        self.screen_box.activated.connect(self.move_to_screen)
        self.full_screen = QPushButton()
        self.full_screen.setCheckable(True)
        self.full_screen.toggled.connect(self.set_full_screen)
        self.mirror = QCheckBox()
        self.mirror.toggled.connect(self.view.set_mirrored)
        self.smaller = QPushButton("A−")
        self.smaller.clicked.connect(self.view.smaller)
        self.bigger = QPushButton("A+")
        self.bigger.clicked.connect(self.view.bigger)
        self.pause_scroll = QPushButton()
        self.pause_scroll.setCheckable(True)
        self.pause_scroll.toggled.connect(self.view.set_scroll_paused)
        self.view.changed.connect(self._sync_controls)
        self.bar = QWidget()
        bar = QHBoxLayout(self.bar)
        bar.setContentsMargins(8, 4, 8, 4)
        for w in (self.screen_label, self.screen_box, self.full_screen, self.mirror, self.smaller, self.bigger,
                  self.pause_scroll):
            if w is not self.screen_box:
                w.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            bar.addWidget(w)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.bar)
        for keys, slot in ((QKeySequence(Qt.Key.Key_F11), lambda: self.full_screen.toggle()),
                           (QKeySequence(Qt.Key.Key_Escape), lambda: self.full_screen.setChecked(False)),
                           (QKeySequence(Qt.Key.Key_Plus), self.view.bigger),
                           (QKeySequence(Qt.Key.Key_Equal), self.view.bigger),
                           (QKeySequence(Qt.Key.Key_Minus), self.view.smaller),
                           (QKeySequence(Qt.Key.Key_S), self.view.toggle_scroll)):
            QShortcut(keys, self, slot)
        app = QGuiApplication.instance()
        app.screenAdded.connect(self._fill_screens)
        app.screenRemoved.connect(self._fill_screens)
        self.resize(960, 600)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Teleprompter"))
        self.screen_label.setText(self.tr("Screen:"))
        self.full_screen.setText(self.tr("Full screen (F11)"))
        self.mirror.setText(self.tr("Mirror"))
        self.smaller.setToolTip(self.tr("Smaller type (−)"))
        self.bigger.setToolTip(self.tr("Larger type (+)"))
        self.pause_scroll.setText(self.tr("Pause scrolling"))
        self._fill_screens()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fill_screens(self, *_args) -> None:
        screens = QGuiApplication.screens()
        current = self.screen()
        self.screen_box.blockSignals(True)
        self.screen_box.clear()
        for i, screen in enumerate(screens):
            size = screen.size()
            self.screen_box.addItem(fmt.arg(self.tr("%1: %2 (%3 × %4)"), i + 1, screen.name() or "—",
                                            size.width(), size.height()))
        if current in screens:
            self.screen_box.setCurrentIndex(screens.index(current))
        self.screen_box.blockSignals(False)

    def _sync_controls(self) -> None:
        for box, value in ((self.mirror, self.view.mirrored), (self.pause_scroll, self.view.scroll_paused)):
            if box.isChecked() != value:
                box.blockSignals(True)
                box.setChecked(value)
                box.blockSignals(False)

    def move_to_screen(self, index: int) -> None:
        screens = QGuiApplication.screens()
        if not 0 <= index < len(screens):
            return
        screen = screens[index]
        full = self.isFullScreen()
        if full:
            self.showNormal()
        handle = self.windowHandle()
        if handle is not None:
            handle.setScreen(screen)
        area = screen.availableGeometry()
        self.move(area.topLeft() + (area.center() - area.topLeft()) / 4)
        if full:
            self.showFullScreen()
        if self.screen_box.currentIndex() != index:
            self.screen_box.setCurrentIndex(index)

    def set_full_screen(self, on: bool) -> None:
        if on and not self.isFullScreen():
            self.showFullScreen()
        elif not on and self.isFullScreen():
            self.showNormal()
        self.bar.setVisible(not on)
        if self.full_screen.isChecked() != on:
            self.full_screen.blockSignals(True)
            self.full_screen.setChecked(on)
            self.full_screen.blockSignals(False)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fill_screens()
