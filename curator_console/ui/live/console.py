"""The live console: what the operator looks at while a session runs.

``ConsolePanel`` draws a ``LiveView`` frame — the session and segment clocks, the drift, the
teleprompter and the next segment, the segment's objects and products (Feature / Unfeature), the
viewers with a sparkline, sales and the latest orders, viewers and orders per minute, one status
line per connection and the keyboard hints — and only redraws the parts that changed. It never
calls the engine; its buttons emit signals.

``LiveConsole`` is the window around it. It owns one ``LiveEngine``, asks it for ``view()`` on
a 100 ms timer (the call is cheap and never waits on I/O; nothing is drawn when ``version`` has
not moved), turns buttons and keys into engine commands (which return at once) and keeps a
second-screen ``TeleprompterWindow`` on the current segment. Escape never ends the session;
ending asks first; closing the window while the session runs leaves it unfinished (the Live page
and the next start offer to resume it).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QShortcut
from shiboken6 import isValid
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from curator_console.domain.live_view import LiveObject, LiveProduct, LiveSegment, LiveView, TickerOrder
from curator_console.domain.script_markup import plain_text
from curator_console.domain.timing import ReadingSpeed, format_duration
from curator_console.ui import appearance
from curator_console.ui import formatting as fmt
from curator_console.ui.live.minute_chart import MinuteChart
from curator_console.ui.live.sparkline import Sparkline
from curator_console.ui.live.status_line import StatusLines, clock_time
from curator_console.ui.live.teleprompter import TeleprompterView, TeleprompterWindow

REFRESH_MS = 100
TICKER_ROWS = 30
GIL_SWITCH_SECONDS = 0.0002  # see keep_gui_responsive
ON_TIME_SECONDS = 5  # drift within this many seconds reads as "on time"
AHEAD_COLOUR = "#2e7d32"
BEHIND_COLOUR = "#c62828"
ON_TIME_COLOUR = "#616161"
REHEARSAL_COLOUR = "#f9a825"
LIVE_COLOUR = "#d50000"
THUMB_PX = 72
UNSET = ("not drawn yet",)


# --- keys -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class KeyBinding:
    command: str
    keys: tuple[str, ...]  # portable QKeySequence strings


KEYS: tuple[KeyBinding, ...] = (
    KeyBinding("next", ("Space", "N")),
    KeyBinding("previous", ("Backspace", "P")),
    KeyBinding("feature", tuple(str(n) for n in range(1, 10))),
    KeyBinding("marker", ("M",)),
    KeyBinding("marker_text", ("Shift+M",)),
    KeyBinding("pause", ("Ctrl+P", "Pause")),
    KeyBinding("teleprompter", ("T",)),
    KeyBinding("full_screen", ("F11",)),
    KeyBinding("scroll", ("S",)),
    KeyBinding("bigger", ("+", "=")),
    KeyBinding("smaller", ("-",)),
)


def key_text(sequence: str) -> str:
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)


def key_descriptions() -> dict[str, str]:
    """What each command of ``KEYS`` does, translated (the console's hint line and Help → Keyboard
    shortcuts both read it)."""
    return {
        "next": QCoreApplication.translate("ConsolePanel", "next segment"),
        "previous": QCoreApplication.translate("ConsolePanel", "previous"),
        "feature": QCoreApplication.translate("ConsolePanel", "feature product"),
        "marker": QCoreApplication.translate("ConsolePanel", "marker"),
        "marker_text": QCoreApplication.translate("ConsolePanel", "marker with text"),
        "pause": QCoreApplication.translate("ConsolePanel", "pause / resume"),
        "teleprompter": QCoreApplication.translate("ConsolePanel", "teleprompter window"),
        "full_screen": QCoreApplication.translate("ConsolePanel", "full screen"),
        "scroll": QCoreApplication.translate("ConsolePanel", "pause scrolling"),
        "bigger": QCoreApplication.translate("ConsolePanel", "larger type"),
        "smaller": QCoreApplication.translate("ConsolePanel", "smaller type"),
    }


def key_rows() -> list[tuple[str, str]]:
    """``(keys as shown, what they do)`` for every binding of ``KEYS``, in order; the nine feature
    keys as one range."""
    words = key_descriptions()
    rows = []
    for binding in KEYS:
        if binding.command == "feature":
            keys = f"{key_text('1')}–{key_text('9')}"
        else:
            keys = " / ".join(key_text(k) for k in binding.keys)
        rows.append((keys, words[binding.command]))
    return rows


def drift_colour(drift_seconds: float) -> str:
    if drift_seconds >= ON_TIME_SECONDS:
        return BEHIND_COLOUR
    if drift_seconds <= -ON_TIME_SECONDS:
        return AHEAD_COLOUR
    return ON_TIME_COLOUR


def prompter_segment(view: LiveView) -> LiveSegment | None:
    """What the teleprompter shows: the current segment; before the first one, the first one
    (standing still, so the host can read the opening line)."""
    return view.current if view.current is not None else view.next


def prompter_running(view: LiveView) -> bool:
    return view.status == "running" and view.current is not None


def _font(widget: QWidget, scale: float, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    return font


def _clock_font(widget: QWidget, scale: float) -> QFont:
    font = _font(widget, scale, bold=True)
    font.setStyleHint(QFont.StyleHint.Monospace)
    return font


class ElidedLabel(QLabel):
    """A one-line label that ends in "…" when it is too narrow (the full text is its tool tip)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def _elide(self) -> None:
        width = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width) if width > 0 else self._full
        super().setText(shown)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._elide()

    def minimumSizeHint(self) -> QSize:
        return QSize(10, super().minimumSizeHint().height())


class _Card(QFrame):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)


# --- pieces -----------------------------------------------------------------------------------
class ObjectCard(QWidget):
    def __init__(self, obj: LiveObject, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.obj = obj
        self.image = QLabel()
        self.image.setFixedSize(THUMB_PX, THUMB_PX)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number = QLabel(obj.object_number)
        self.number.setFont(_font(self, 1.0, bold=True))
        self.title = QLabel()
        self.title.setMaximumWidth(int(THUMB_PX * 1.6))
        self.title.setText(self.title.fontMetrics().elidedText(obj.title, Qt.TextElideMode.ElideRight,
                                                               int(THUMB_PX * 1.6)))
        self.title.setToolTip(obj.title)
        text = QVBoxLayout()
        text.setSpacing(0)
        text.addWidget(self.number)
        text.addWidget(self.title)
        text.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.addWidget(self.image)
        layout.addLayout(text)


class ProductRow(QWidget):
    """One product of the segment: its hotkey, title, price, stock and the Feature button."""

    toggled = Signal(str, bool)  # sku, feature (True) / unfeature (False)

    def __init__(self, product: LiveProduct, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sku = product.sku
        self.product: LiveProduct | None = None
        self.key = QLabel()
        self.key.setFixedWidth(self.fontMetrics().horizontalAdvance("[9]") + 8)
        self.key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key.setFont(_font(self, 1.1, bold=True))
        self.title = ElidedLabel()
        self.title.setFont(_font(self, 1.05, bold=True))
        self.detail = ElidedLabel()
        self.button = QPushButton()
        self.button.setObjectName(f"feature-{product.sku}")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.setMinimumWidth(self.fontMetrics().horizontalAdvance("Unfeature") + 32)
        self.button.clicked.connect(self._clicked)
        text = QVBoxLayout()
        text.setSpacing(0)
        text.addWidget(self.title)
        text.addWidget(self.detail)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.key)
        layout.addLayout(text, 1)
        layout.addWidget(self.button)
        self.show_product(product)

    def _clicked(self) -> None:
        if self.product is not None:
            self.toggled.emit(self.sku, not self.product.featured)

    def show_product(self, product: LiveProduct) -> None:
        self.product = product
        self.key.setText(f"{product.hotkey}" if product.hotkey else "")
        self.title.setText(product.title or product.sku)
        parts = [product.sku]
        if product.price is not None:
            parts.append(fmt.money(product.price, product.currency))
        if product.stock is not None:
            parts.append(fmt.arg(self.tr("stock %1"), fmt.number(product.stock)))
        if product.pitch:
            parts.append(product.pitch)
        self.detail.setText(" · ".join(parts))
        if product.featured:
            self.button.setText(self.tr("Unfeature"))
            appearance.styled(self, "ProductRow { background: $featured_bg; border-radius: 4px; }")
            self.key.setStyleSheet(f"color: white; background: {AHEAD_COLOUR}; border-radius: 4px;")
        else:
            self.button.setText(self.tr("Feature"))
            appearance.styled(self, "")
            appearance.styled(self.key, "color: $key_fg; background: $key_bg; border-radius: 4px;")
        self.button.setAccessibleName(
            fmt.arg(self.tr("Unfeature %1") if product.featured else self.tr("Feature %1"), product.title or product.sku))

    def paintEvent(self, event) -> None:  # let the style sheet background show on a plain QWidget
        from PySide6.QtWidgets import QStyle, QStyleOption
        from PySide6.QtGui import QPainter

        opt = QStyleOption()
        opt.initFrom(self)
        p = QPainter(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, opt, p, self)
        p.end()


# --- the panel --------------------------------------------------------------------------------
class ConsolePanel(QWidget):
    """Draws ``LiveView`` frames; emits what the operator asks for."""

    next_requested = Signal()
    previous_requested = Signal()
    feature_requested = Signal(str)
    unfeature_requested = Signal(str)
    marker_requested = Signal()
    marker_text_requested = Signal()
    pause_requested = Signal()  # pause or resume, whichever applies
    end_requested = Signal()
    teleprompter_requested = Signal()
    autopilot_toggled = Signal(bool)

    def __init__(self, speed: ReadingSpeed = ReadingSpeed(), thumbnails=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("liveConsolePanel")
        self._view: LiveView | None = None
        self._segment_key: tuple | None = UNSET
        self._links_generation = 0  # the newest segment change whose objects and products are due
        self._links_shown = 0
        self._next_key: tuple | None = UNSET
        self._ticker_ids: list[str] = []
        self._drift_colour = QColor(ON_TIME_COLOUR)
        self.redraws: dict[str, int] = {}  # part -> how often it was redrawn (for the heartbeat checks)
        if thumbnails is None:
            from curator_console import paths
            from curator_console.persistence.media import MediaStore
            from curator_console.ui.thumbnails import Thumbnails

            thumbnails = Thumbnails(MediaStore(paths.media_dir()), self)
        self.thumbnails = thumbnails
        self.thumbnails.ready.connect(self._thumbnail_ready)

        # header
        self.badge = QLabel()
        self.badge.setObjectName("modeBadge")
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge.setFont(_font(self, 1.6, bold=True))
        self.title = ElidedLabel()
        self.title.setObjectName("sessionTitle")
        self.title.setFont(_font(self, 1.35, bold=True))
        self.state = QLabel()
        self.state.setObjectName("sessionState")
        self.state.setFont(_font(self, 1.1, bold=True))
        self.session_caption = QLabel()
        self.session_caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.session_clock = QLabel("0:00")
        self.session_clock.setObjectName("sessionClock")
        self.session_clock.setFont(_clock_font(self, 3.2))
        self.session_clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header = QHBoxLayout()
        header.addWidget(self.badge)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.title)
        titles.addWidget(self.state)
        header.addLayout(titles, 1)
        header.addWidget(self.session_caption)
        header.addWidget(self.session_clock)

        # segment
        self.segment_title = ElidedLabel()
        self.segment_title.setObjectName("segmentTitle")
        self.segment_title.setFont(_font(self, 1.35, bold=True))
        self.segment_clock = QLabel("0:00")
        self.segment_clock.setObjectName("segmentClock")
        self.segment_clock.setFont(_clock_font(self, 2.4))
        self.segment_planned = QLabel()
        self.segment_planned.setObjectName("segmentPlanned")
        self.segment_planned.setFont(_font(self, 1.3))
        self.drift = QLabel()
        self.drift.setObjectName("drift")
        self.drift.setFont(_font(self, 1.5, bold=True))
        self.drift.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        seg_row = QHBoxLayout()
        seg_row.addWidget(self.segment_title, 1)
        seg_row.addWidget(self.segment_clock)
        seg_row.addWidget(self.segment_planned)
        seg_row.addSpacing(16)
        seg_row.addWidget(self.drift)

        self.teleprompter = TeleprompterView(speed, font_pt=24, parent=self)
        self.next_label = QLabel()
        self.next_label.setObjectName("nextSegment")
        self.next_label.setWordWrap(True)
        self.next_label.setTextFormat(Qt.TextFormat.PlainText)
        self.next_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        appearance.styled(self.next_label, "color: $subtle;")

        # objects and products
        self.objects_caption = QLabel()
        self.objects_caption.setFont(_font(self, 1.0, bold=True))
        self.objects_box = QHBoxLayout()
        self.objects_box.setContentsMargins(0, 0, 0, 0)
        self.objects_empty = QLabel()
        appearance.styled(self.objects_empty, "color: $muted;")
        self.objects_box.addWidget(self.objects_empty)
        self.objects_box.addStretch(1)
        self.object_cards: list[ObjectCard] = []
        self.products_caption = QLabel()
        self.products_caption.setFont(_font(self, 1.0, bold=True))
        self.products_box = QVBoxLayout()
        self.products_box.setContentsMargins(0, 0, 0, 0)
        self.products_box.setSpacing(2)
        self.products_empty = QLabel()
        appearance.styled(self.products_empty, "color: $muted;")
        self.products_box.addWidget(self.products_empty)
        self.product_rows: list[ProductRow] = []
        segment_card = _Card("segmentCard")
        seg_layout = QVBoxLayout(segment_card)
        seg_layout.addLayout(seg_row)
        seg_layout.addWidget(self.teleprompter, 1)
        seg_layout.addWidget(self.next_label)
        items_card = _Card("itemsCard")
        items = QGridLayout(items_card)
        items.addWidget(self.objects_caption, 0, 0)
        items.addLayout(self.objects_box, 1, 0)
        items.addWidget(self.products_caption, 0, 1)
        items.addLayout(self.products_box, 1, 1)
        items.setColumnStretch(0, 1)
        items.setColumnStretch(1, 2)

        # audience and sales
        self.viewers_caption = QLabel()
        self.viewers = QLabel("—")
        self.viewers.setObjectName("viewerCount")
        self.viewers.setFont(_clock_font(self, 3.0))
        self.sparkline = Sparkline(self)
        self.orders_caption, self.orders_value = QLabel(), QLabel("0")
        self.units_caption, self.units_value = QLabel(), QLabel("0")
        self.revenue_caption, self.revenue_value = QLabel(), QLabel("0")
        self.orders_value.setObjectName("ordersValue")
        self.units_value.setObjectName("unitsValue")
        self.revenue_value.setObjectName("revenueValue")
        sales = QGridLayout()
        sales.setHorizontalSpacing(28)
        for col, (caption, value) in enumerate(((self.orders_caption, self.orders_value),
                                                (self.units_caption, self.units_value),
                                                (self.revenue_caption, self.revenue_value))):
            value.setFont(_clock_font(self, 1.8))
            appearance.styled(caption, "color: $muted;")
            sales.addWidget(caption, 0, col)
            sales.addWidget(value, 1, col)
        sales.setColumnStretch(2, 1)
        self.ticker_caption = QLabel()
        self.ticker_caption.setFont(_font(self, 1.0, bold=True))
        self.ticker = QListWidget()
        self.ticker.setObjectName("orderTicker")
        self.ticker.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.ticker.setUniformItemSizes(True)
        self.ticker.setFont(_font(self, 1.1))
        self.ticker.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.chart = MinuteChart(self)
        audience = _Card("audienceCard")
        aud = QVBoxLayout(audience)
        top = QHBoxLayout()
        vbox = QVBoxLayout()
        vbox.setSpacing(0)
        vbox.addWidget(self.viewers_caption)
        vbox.addWidget(self.viewers)
        top.addLayout(vbox)
        top.addWidget(self.sparkline, 1, Qt.AlignmentFlag.AlignBottom)
        aud.addLayout(top)
        aud.addLayout(sales)
        aud.addWidget(self.ticker_caption)
        aud.addWidget(self.ticker, 2)
        aud.addWidget(self.chart, 3)

        # controls
        self.previous_button = QPushButton()
        self.next_button = QPushButton()
        self.next_button.setObjectName("nextButton")
        self.next_button.setFont(_font(self, 1.25, bold=True))
        self.next_button.setMinimumHeight(self.fontMetrics().height() * 2 + 8)
        self.pause_button = QPushButton()
        self.marker_button = QPushButton()
        self.teleprompter_button = QPushButton()
        self.autopilot = QCheckBox()
        self.end_button = QPushButton()
        self.end_button.setObjectName("endButton")
        appearance.styled(self.end_button, "QPushButton { color: $behind; font-weight: 600; }")
        self.previous_button.clicked.connect(self.previous_requested)
        self.next_button.clicked.connect(self.next_requested)
        self.pause_button.clicked.connect(self.pause_requested)
        self.marker_button.clicked.connect(self.marker_requested)
        self.teleprompter_button.clicked.connect(self.teleprompter_requested)
        self.end_button.clicked.connect(self.end_requested)
        self.autopilot.toggled.connect(self.autopilot_toggled)
        controls = QHBoxLayout()
        for w in (self.previous_button, self.next_button, self.pause_button, self.marker_button,
                  self.teleprompter_button, self.autopilot):
            w.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            controls.addWidget(w, 2 if w is self.next_button else 0)
        controls.addStretch(1)
        self.end_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        controls.addWidget(self.end_button)

        # status and hints
        self.status_lines = StatusLines(self)
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        appearance.styled(self.notice, "color: $notice; font-weight: 600;")
        self.notice.hide()
        self.hints = QLabel()
        self.hints.setObjectName("keyHints")
        self.hints.setTextFormat(Qt.TextFormat.RichText)
        self.hints.setWordWrap(True)
        appearance.styled(self.hints, "color: $subtle;")

        left = QVBoxLayout()
        left.addWidget(segment_card, 3)
        left.addWidget(items_card, 0)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addWidget(audience, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.addLayout(header)
        layout.addLayout(body, 1)
        layout.addLayout(controls)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_lines, 1)
        bottom.addWidget(self.notice, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.hints)
        appearance.styled(self, "QFrame#segmentCard, QFrame#itemsCard, QFrame#audienceCard "
                                "{ border: 1px solid $card_border; border-radius: 6px; background: palette(base); }")
        self.retranslate()

    # --- texts --------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.session_caption.setText(self.tr("Session"))
        self.viewers_caption.setText(self.tr("Viewers"))
        self.orders_caption.setText(self.tr("Orders"))
        self.units_caption.setText(self.tr("Units"))
        self.revenue_caption.setText(self.tr("Revenue"))
        self.ticker_caption.setText(self.tr("Latest orders"))
        self.objects_caption.setText(self.tr("Objects"))
        self.products_caption.setText(self.tr("Products"))
        self.objects_empty.setText(self.tr("No objects in this segment."))
        self.products_empty.setText(self.tr("No products in this segment."))
        self.previous_button.setText(self.tr("◀ Previous"))
        self.next_button.setText(self.tr("Next segment ▶"))  # "Start the first segment" before it
        self.marker_button.setText(self.tr("Marker"))
        self.teleprompter_button.setText(self.tr("Teleprompter window…"))
        self.autopilot.setText(self.tr("Autopilot"))
        self.autopilot.setToolTip(self.tr("Move to the next segment when the planned time is up"))
        self.end_button.setText(self.tr("End session…"))
        self.ticker.setAccessibleName(self.tr("Latest orders"))
        self.hints.setText(self.hint_html())
        self.chart.retranslate()
        view, self._view = self._view, None
        self._segment_key = self._next_key = UNSET
        self._ticker_ids = []
        if view is not None:
            self.render(view)
        else:
            self._show_mode("rehearsal")
            self.pause_button.setText(self.tr("Pause"))

    def hint_descriptions(self) -> dict[str, str]:
        return key_descriptions()

    def hint_html(self) -> str:
        return " &nbsp;·&nbsp; ".join(f"<b>{keys}</b>&nbsp;{words}" for keys, words in key_rows())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- drawing ------------------------------------------------------------------------
    def _count(self, part: str) -> None:
        self.redraws[part] = self.redraws.get(part, 0) + 1

    @property
    def view(self) -> LiveView | None:
        return self._view

    def render(self, view: LiveView) -> bool:
        """Show ``view``; returns False (nothing drawn) when its version was shown already."""
        last = self._view
        # The engine runs the clocks forward between versions: they (and the drift) are looked at
        # on every frame, everything else only when the version moved.
        self._set(self.session_clock, format_duration(int(view.session_elapsed_seconds)), "session_clock")
        self._set(self.segment_clock, format_duration(int(view.segment_elapsed_seconds)), "segment_clock")
        self._show_drift(view.drift_seconds)
        if last is not None and view.version == last.version and view.session_id == last.session_id:
            self._view = view
            return False
        self._view = view

        def changed(*names: str) -> bool:
            return last is None or any(getattr(last, n, None) != getattr(view, n, None) for n in names)

        if changed("mode"):
            self._show_mode(view.mode)
        if changed("title"):
            self.title.setText(view.title)
        if changed("status", "autopilot", "segment_index", "segment_count", "markers", "ready", "speed"):
            self._show_state(view)
        segment_key = (self._segment_identity(view.current) if view.current is not None
                       else ("before the first", self._segment_identity(view.next)))
        if segment_key != self._segment_key:
            self._segment_key = segment_key
            self._show_segment(view)
        elif changed("current", "featured"):
            self._show_products(view.current)
        next_key = self._segment_identity(view.next)
        if next_key != self._next_key:
            self._next_key = next_key
            self._show_next(view.next)
        if changed("status", "segment_index"):
            self.teleprompter.set_running(prompter_running(view), view.status == "paused")
        if changed("speed", "mode"):
            self.teleprompter.set_rate(self.scroll_rate(view))
        if changed("viewers"):
            self._set(self.viewers, fmt.number(view.viewers) if view.viewers is not None else "—", "viewers")
        if changed("viewer_series"):
            self.sparkline.set_series(view.viewer_series)
        if changed("orders", "units", "revenue", "currency"):
            self._set(self.orders_value, fmt.number(view.orders), "orders")
            self._set(self.units_value, fmt.number(view.units), "units")
            self._set(self.revenue_value, fmt.money(view.revenue, view.currency or "CNY"), "revenue")
        if changed("latest_orders"):
            self._show_ticker(view.latest_orders)
        if changed("per_minute"):
            self.chart.set_minutes(view.per_minute)
        if changed("connections"):
            self.status_lines.set_states(view.connections)
        if changed("notice"):
            self.notice.setText(view.notice)
            self.notice.setVisible(bool(view.notice))
        if self.autopilot.isChecked() != view.autopilot:
            self.autopilot.blockSignals(True)
            self.autopilot.setChecked(view.autopilot)
            self.autopilot.blockSignals(False)
        return True

    @staticmethod
    def scroll_rate(view: LiveView) -> float:
        return view.speed if view.mode == "rehearsal" else 1.0

    def _set(self, label: QLabel, text: str, part: str) -> None:
        if label.text() != text:
            label.setText(text)
            self._count(part)

    @staticmethod
    def _segment_identity(segment: LiveSegment | None) -> tuple | None:
        if segment is None:
            return None
        return (segment.index, segment.title, segment.planned_seconds, segment.script, segment.objects)

    def _show_mode(self, mode: str) -> None:
        self.badge.setVisible(mode in ("live", "rehearsal"))  # "" until the engine has read the session
        live = mode == "live"
        self.badge.setText(self.tr("LIVE") if live else self.tr("REHEARSAL"))
        colour = LIVE_COLOUR if live else REHEARSAL_COLOUR
        ink = "white" if live else "#212121"
        self.badge.setStyleSheet(f"background: {colour}; color: {ink}; border-radius: 6px; padding: 4px 14px;")
        self.badge.setAccessibleName(self.badge.text())
        self._count("mode")

    def _show_state(self, view: LiveView) -> None:
        if not view.ready:
            state = self.tr("Connecting…")
        elif view.status == "ended":
            state = self.tr("Session ended")
        elif view.status == "paused":
            state = self.tr("PAUSED")
        elif view.segment_index is None:
            state = self.tr("Ready — press Next to start the first segment")
        else:
            state = self.tr("Running")
        if view.segment_index is not None:
            state = fmt.arg(self.tr("%1 · segment %2 of %3"), state, view.segment_index + 1, view.segment_count)
        speed = view.speed
        if view.mode == "rehearsal" and speed != 1.0:
            state = fmt.arg(self.tr("%1 · %2× speed"), state, f"{speed:g}")
        if view.autopilot:
            state = fmt.arg(self.tr("%1 · autopilot"), state)
        if view.markers:
            state = fmt.arg(self.tr("%1 · markers: %2"), state, view.markers)
        self.state.setText(state)
        colour = {"paused": "$notice", "ended": "$muted"}.get(view.status, "$ahead")
        appearance.styled(self.state, f"color: {colour};")
        self.pause_button.setText(self.tr("Resume") if view.status == "paused" else self.tr("Pause"))
        ended = view.status == "ended"
        for w in (self.previous_button, self.next_button, self.pause_button, self.marker_button, self.end_button,
                  self.autopilot):
            w.setEnabled(not ended)
        self.previous_button.setEnabled(not ended and (view.segment_index or 0) > 0)
        last = view.segment_index is not None and view.segment_index >= view.segment_count - 1
        self.next_button.setEnabled(not ended and not last)
        self.next_button.setText(self.tr("Start the first segment ▶") if view.segment_index is None
                                 else self.tr("Next segment ▶"))
        self._count("state")

    def _show_drift(self, drift: float) -> None:
        seconds = int(abs(drift))
        if drift >= ON_TIME_SECONDS:
            text = fmt.arg(self.tr("%1 behind"), format_duration(seconds))
        elif drift <= -ON_TIME_SECONDS:
            text = fmt.arg(self.tr("%1 ahead"), format_duration(seconds))
        else:
            text = self.tr("on time")
        if text == self.drift.text():
            return
        self.drift.setText(text)
        colour = QColor(drift_colour(drift))
        if colour != self._drift_colour or not self.drift.styleSheet():
            self._drift_colour = colour
            name = {BEHIND_COLOUR: "behind", AHEAD_COLOUR: "ahead"}.get(drift_colour(drift), "on_time")
            appearance.styled(self.drift, f"color: ${name};")  # lighter variants on a dark palette
        self._count("drift")

    def drift_colour(self) -> QColor:
        """The colour the drift is shown in."""
        return QColor(self._drift_colour)

    def _show_segment(self, view: LiveView) -> None:
        seg = view.current
        if seg is None:
            self.segment_title.setText(self.tr("Not started yet"))
            self.segment_planned.setText("")
        else:
            self.segment_title.setText(fmt.arg(self.tr("%1. %2"), seg.index + 1, seg.title))
            self.segment_planned.setText(fmt.arg(self.tr("/ %1"), format_duration(seg.planned_seconds)))
        self.teleprompter.set_segment(prompter_segment(view))
        # A segment change is the console's heaviest redraw (the teleprompter's layout, object
        # cards, product rows). The cards and rows follow on the next turn of the event loop, so
        # no single turn holds the GUI thread for all of it.
        self._links_generation += 1
        QTimer.singleShot(0, lambda generation=self._links_generation: self._show_links(generation))
        self._count("segment")

    def _show_links(self, generation: int) -> None:
        if not isValid(self) or generation != self._links_generation or self._view is None:
            return  # a newer segment change follows
        seg = self._view.current
        self._show_objects(seg)
        self._show_products(seg)
        self._links_shown = generation

    @property
    def links_current(self) -> bool:
        """The objects and products of the latest segment change are on screen."""
        return self._links_shown == self._links_generation

    def _show_objects(self, seg: LiveSegment | None) -> None:
        for card in self.object_cards:
            self.objects_box.removeWidget(card)
            card.deleteLater()
        self.object_cards = []
        objects = seg.objects if seg else ()
        self.objects_empty.setVisible(not objects)
        for i, obj in enumerate(objects):
            card = ObjectCard(obj, self)
            self.objects_box.insertWidget(i, card)
            self.object_cards.append(card)
            self._set_image(card)

    def _set_image(self, card: ObjectCard) -> None:
        pm = self.thumbnails.pixmap(card.obj.image_sha256, THUMB_PX)
        if pm is None:
            pm = self.thumbnails.placeholder(THUMB_PX)
        card.image.setPixmap(pm)

    def _thumbnail_ready(self, sha256: str, px: int) -> None:
        for card in self.object_cards:
            if card.obj.image_sha256 == sha256 and px == THUMB_PX:
                self._set_image(card)

    def _show_products(self, seg: LiveSegment | None) -> None:
        products = seg.products if seg else ()
        self.products_empty.setVisible(not products)
        if [r.sku for r in self.product_rows] != [p.sku for p in products]:
            for row in self.product_rows:
                self.products_box.removeWidget(row)
                row.deleteLater()
            self.product_rows = []
            for product in products:
                row = ProductRow(product, self)
                row.toggled.connect(self._product_toggled)
                self.products_box.addWidget(row)
                self.product_rows.append(row)
        else:
            for row, product in zip(self.product_rows, products):
                if row.product != product:
                    row.show_product(product)
        self._count("products")

    def _product_toggled(self, sku: str, feature: bool) -> None:
        (self.feature_requested if feature else self.unfeature_requested).emit(sku)

    def _show_next(self, seg: LiveSegment | None) -> None:
        if seg is None:
            self.next_label.setText(self.tr("Next: — (last segment)"))
        else:
            first = plain_text(seg.script).strip().splitlines()
            preview = first[0] if first else ""
            if len(preview) > 140:
                preview = preview[:139] + "…"
            text = fmt.arg(self.tr("Next: %1 (%2)"), seg.title, format_duration(seg.planned_seconds))
            self.next_label.setText(f"{text} — {preview}" if preview else text)
        self._count("next")

    def _show_ticker(self, orders: tuple[TickerOrder, ...]) -> None:
        ids = [o.platform_order_id for o in orders]
        known = set(self._ticker_ids)
        fresh = [o for o in orders if o.platform_order_id not in known]
        if self._ticker_ids and ids[len(fresh):len(fresh) + 1] == self._ticker_ids[:1]:
            for order in reversed(fresh):  # newest first: insert the oldest new one first
                self.ticker.insertItem(0, self._ticker_item(order))
            while self.ticker.count() > TICKER_ROWS:
                self.ticker.takeItem(self.ticker.count() - 1)
        elif ids[:TICKER_ROWS] != self._ticker_ids:
            # A burst replaced every row (or the list is new): rewrite the rows in place rather
            # than clearing the list and building new items (cheaper for Qt to lay out and paint).
            shown = orders[:TICKER_ROWS]
            while self.ticker.count() < len(shown):
                self.ticker.addItem(QListWidgetItem())
            while self.ticker.count() > len(shown):
                self.ticker.takeItem(self.ticker.count() - 1)
            for row, order in enumerate(shown):
                item = self.ticker.item(row)
                item.setText(self._ticker_text(order))
                item.setData(Qt.ItemDataRole.UserRole, order.platform_order_id)
        self._ticker_ids = ids[:TICKER_ROWS]
        self._count("ticker")

    def _ticker_text(self, order: TickerOrder) -> str:
        what = ", ".join(order.skus) if order.skus else order.platform_order_id
        return fmt.arg(self.tr("%1  %2 × %3  %4"), clock_time(order.at), order.units, what,
                       fmt.money(order.revenue, order.currency))

    def _ticker_item(self, order: TickerOrder) -> QListWidgetItem:
        item = QListWidgetItem(self._ticker_text(order))
        item.setData(Qt.ItemDataRole.UserRole, order.platform_order_id)
        return item

    def ticker_texts(self) -> list[str]:
        return [self.ticker.item(i).text() for i in range(self.ticker.count())]

    def product_row(self, sku: str) -> ProductRow | None:
        return next((r for r in self.product_rows if r.sku == sku), None)


# --- the window -------------------------------------------------------------------------------
class LiveConsole(QMainWindow):
    """The console window around one ``LiveEngine``."""

    closed = Signal()  # the window is closed and the engine has stopped

    def __init__(self, engine, settings=None, thumbnails=None, parent: QWidget | None = None,
                 refresh_ms: int = REFRESH_MS, session_id: int | None = None, uow_factory=None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("liveConsole")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.engine = engine
        self.engine_session_id = session_id if session_id is not None else getattr(engine, "session_id", None)
        self.speed = settings.reading_speed if settings is not None else ReadingSpeed()
        self.panel = ConsolePanel(self.speed, thumbnails, self)
        self.setCentralWidget(self.panel)
        self.teleprompter_window: TeleprompterWindow | None = None
        self.confirm_box: QMessageBox | None = None
        self.marker_dialog: QInputDialog | None = None
        self._closing = False
        self._closed = False
        self._close_when_ended = False
        self._end_check_running = False
        self.engine_closed = False
        self._uow_factory = uow_factory
        self._engine_lock = threading.Lock()
        self._engine_closing_done = False
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._app_quitting)
        self.refreshes = 0
        p = self.panel
        p.next_requested.connect(self.next_segment)
        p.previous_requested.connect(self.previous_segment)
        p.feature_requested.connect(lambda sku: self.engine.feature(sku))
        p.unfeature_requested.connect(lambda sku: self.engine.unfeature(sku))
        p.marker_requested.connect(self.add_marker)
        p.marker_text_requested.connect(self.ask_marker_text)
        p.pause_requested.connect(self.toggle_pause)
        p.end_requested.connect(self.ask_end)
        p.teleprompter_requested.connect(self.show_teleprompter)
        p.autopilot_toggled.connect(lambda on: self.engine.set_autopilot(on))
        self.shortcuts: dict[str, list[QShortcut]] = {}
        self._actions: dict[str, Callable[[], None]] = {
            "next": self.next_segment,
            "previous": self.previous_segment,
            "marker": self.add_marker,
            "marker_text": self.ask_marker_text,
            "pause": self.toggle_pause,
            "teleprompter": self.show_teleprompter,
            "full_screen": self.toggle_full_screen,
            "scroll": self.toggle_scroll,
            "bigger": self.bigger_type,
            "smaller": self.smaller_type,
        }
        self._bind_keys(self)
        leave = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        leave.activated.connect(self.leave_full_screen)  # Escape never ends the session
        self.timer = QTimer(self)
        self.timer.setInterval(refresh_ms)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self._restore_size()
        self.retranslate()
        self.refresh()

    def _bind_keys(self, window: QWidget, skip: tuple[str, ...] = ()) -> None:
        """The console's keys on ``window`` (the console, and the teleprompter window so the keys
        keep working when that one has the focus)."""
        for binding in KEYS:
            if binding.command in skip:
                continue
            for key in binding.keys:
                if binding.command == "feature":
                    slot = (lambda n=int(key): self.feature_hotkey(n))
                else:
                    slot = self._actions[binding.command]
                shortcut = QShortcut(QKeySequence(key), window)
                shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
                shortcut.setAutoRepeat(False)
                shortcut.activated.connect(slot)
                if window is self:
                    self.shortcuts.setdefault(binding.command, []).append(shortcut)

    def _restore_size(self) -> None:
        from PySide6.QtWidgets import QApplication

        screen = QApplication.primaryScreen()
        avail = screen.availableGeometry() if screen else None
        width = min(1440, avail.width() - 40) if avail else 1360
        height = min(900, avail.height() - 60) if avail else 860
        self.resize(max(1000, width), max(680, height))

    def sizeHint(self) -> QSize:
        return QSize(1360, 860)

    def retranslate(self) -> None:
        view = self.panel.view
        title = view.title if view is not None else ""
        mode = self.tr("LIVE") if view is not None and view.mode == "live" else self.tr("REHEARSAL")
        self.setWindowTitle(fmt.arg(self.tr("%1 — %2 — Live console"), mode, title) if title
                            else fmt.arg(self.tr("%1 — Live console"), mode))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- refresh ------------------------------------------------------------------------
    def refresh(self) -> None:
        if self._closed:
            return
        view = self.engine.view()
        if self._close_when_ended and view.status == "ended":
            self._close_once_recorded()
        mode_or_title_changed = self.panel.view is None or (self.panel.view.mode, self.panel.view.title) != (
            view.mode, view.title)
        if not self.panel.render(view):
            return
        self.refreshes += 1
        if mode_or_title_changed:
            self.retranslate()
        if self.teleprompter_window is not None:
            self._follow(self.teleprompter_window.view, view)

    def _follow(self, prompter: TeleprompterView, view: LiveView) -> None:
        prompter.set_segment(prompter_segment(view))
        prompter.set_running(prompter_running(view), view.status == "paused")
        prompter.set_rate(ConsolePanel.scroll_rate(view))

    # --- commands -----------------------------------------------------------------------
    def _running(self) -> bool:
        view = self.panel.view
        return view is not None and view.status != "ended"

    def next_segment(self) -> None:
        if self._running():
            self.engine.next_segment()

    def previous_segment(self) -> None:
        if self._running():
            self.engine.previous_segment()

    def feature_hotkey(self, n: int) -> None:
        if self._running():
            self.engine.feature_hotkey(n)

    def add_marker(self, text: str = "") -> None:
        if self._running():
            self.engine.add_marker(text)
            self.statusBar().showMessage(self.tr("Marker added."), 3000)

    def ask_marker_text(self) -> None:
        if not self._running():
            return
        if self.marker_dialog is not None and self.marker_dialog.isVisible():
            return
        dialog = QInputDialog(self)
        dialog.setObjectName("markerDialog")
        dialog.setWindowTitle(self.tr("Marker"))
        dialog.setLabelText(self.tr("What happened here? (shown in the review)"))
        dialog.setTextValue("")
        dialog.textValueSelected.connect(lambda text: self.add_marker(text.strip()))
        self.marker_dialog = dialog
        dialog.open()

    def toggle_pause(self) -> None:
        view = self.panel.view
        if view is None or view.status == "ended":
            return
        if view.status == "paused":
            self.engine.resume()
        else:
            self.engine.pause()

    def ask_end(self) -> None:
        if not self._running() or (self.confirm_box is not None and self.confirm_box.isVisible()):
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("End the session?"),
                          self.tr("End the session now? The console stops recording viewers and orders, and "
                                  "the session cannot be continued afterwards."),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("endConfirm")
        end = box.addButton(self.tr("End session"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep going"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.buttonClicked.connect(lambda button: self.engine.end() if button is end else None)
        self.confirm_box = box
        box.open()

    def show_teleprompter(self) -> None:
        if self.teleprompter_window is None:
            window = TeleprompterWindow(self.speed)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
            window.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)  # the operator keeps the console
            # its own type size and full screen keys act on it; the session keys on the session
            self._bind_keys(window, skip=("full_screen", "bigger", "smaller", "scroll"))
            self.teleprompter_window = window
            window.view.set_mirrored(self.panel.teleprompter.mirrored)
            if self.panel.view is not None:
                self._follow(window.view, self.panel.view)
        fresh = not self.teleprompter_window.isVisible()
        self.teleprompter_window.show()
        self.teleprompter_window.raise_()
        if fresh:
            QTimer.singleShot(0, self._sync_teleprompter_place)

    def _sync_teleprompter_place(self) -> None:
        """The window starts where the console's teleprompter stands in the script."""
        window, own = self.teleprompter_window, self.panel.teleprompter
        if window is not None and own.segment is not None and window.view.segment == own.segment:
            window.view.set_offset(own.offset / own.scroll_range * window.view.scroll_range)

    def toggle_scroll(self) -> None:
        self.panel.teleprompter.toggle_scroll()
        if self.teleprompter_window is not None:
            self.teleprompter_window.view.set_scroll_paused(self.panel.teleprompter.scroll_paused)

    def bigger_type(self) -> None:
        self.panel.teleprompter.bigger()

    def smaller_type(self) -> None:
        self.panel.teleprompter.smaller()

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def leave_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()

    # --- closing ------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop refreshing, stop the engine's threads (the session is not ended) and close."""
        self._closing = True
        self.close()

    def closeEvent(self, event) -> None:
        if not self._closing and self._running():
            event.ignore()
            self._ask_close()
            return
        if self._closed:
            super().closeEvent(event)
            return
        self._closed = True
        self.timer.stop()
        if self.teleprompter_window is not None:
            self.teleprompter_window.close()
            self.teleprompter_window.deleteLater()
            self.teleprompter_window = None
        super().closeEvent(event)
        # The engine commits what is queued and stops its threads: off the GUI thread. ``closed``
        # follows once it has.
        from curator_console.ui.tasks import run_task

        def stopped(_result=None) -> None:
            if isValid(self):
                self.engine_closed = True
                self.closed.emit()

        run_task(self._close_engine, stopped, lambda _exc: stopped())

    def _close_engine(self) -> None:
        """Close the engine once (from the background close, or at application quit — which
        waits for a close in flight, so the database is never shut under the engine's writer)."""
        with self._engine_lock:
            if not self._engine_closing_done:
                self.engine.close()
                self._engine_closing_done = True

    def _app_quitting(self) -> None:
        self.timer.stop()
        self._close_engine()

    def _close_once_recorded(self) -> None:
        """Close when the end is in the database (the engine fetches the last orders first); the
        check runs in the background, at most one at a time."""
        if self._end_check_running:
            return
        from curator_console.services import live_sessions
        from curator_console.ui.tasks import run_task

        uow, session_id = self._uow_factory, self.engine_session_id
        if uow is None or session_id is None:
            self.shutdown()
            return
        self._end_check_running = True

        def done(status: str) -> None:
            if not isValid(self):
                return
            self._end_check_running = False
            if status not in live_sessions.UNFINISHED and not self._closed:
                self.shutdown()

        def failed(_exc: BaseException) -> None:
            if isValid(self):
                self._end_check_running = False

        run_task(lambda: live_sessions.session_info(uow(), session_id)["status"], done, failed)

    def _ask_close(self) -> None:
        if self.confirm_box is not None and self.confirm_box.isVisible():
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("The session is still running"),
                          self.tr("End the session now, or close the console and leave the session unfinished? "
                                  "An unfinished session can be resumed from the Live page."),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("closeConfirm")
        end = box.addButton(self.tr("End session and close"), QMessageBox.ButtonRole.DestructiveRole)
        leave = box.addButton(self.tr("Close, resume later"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)

        def answered(button) -> None:
            if button is end:
                self._close_when_ended = True  # once the engine says so (the GUI never waits on it)
                self.engine.end()
            elif button is leave:
                self.shutdown()

        box.buttonClicked.connect(answered)
        self.confirm_box = box
        box.open()


def keep_gui_responsive() -> None:
    """While a session runs, the engine's threads parse hundreds of orders a second. Two process
    settings keep the GUI thread from waiting on them (measured in docs/benchmarks.md, live-soak):
    a 0.2 ms interpreter-lock hand-over (the default 5 ms lets one busy thread hold the GUI for
    tens of ms after every Qt call; 1 ms still left stalls of 45-86 ms in the fault run), and everything alive once the console is up moved out of the
    garbage collector's sight (full collections over the app's long-lived objects took 60-90 ms)."""
    import gc
    import sys

    sys.setswitchinterval(GIL_SWITCH_SECONDS)
    QTimer.singleShot(2000, gc.freeze)


def open_console(context, session_id: int, *, resume: bool = False, autopilot: bool = False,
                 speed: float = 1.0, show: bool = True) -> LiveConsole:
    """Build the engine for a stored session, start (or resume) it and show its console."""
    from curator_console import paths
    from curator_console.persistence.media import MediaStore
    from curator_console.services.live_engine import LiveEngine

    keep_gui_responsive()
    engine = LiveEngine(context.uow, context.http, session_id, autopilot=autopilot, speed=speed,
                        media=MediaStore(paths.media_dir()))
    console = LiveConsole(engine, context.settings, session_id=session_id, uow_factory=context.uow)
    engine.start(resume=resume)
    if show:
        console.show()
        console.raise_()
        console.activateWindow()
    return console
