"""A chart in the Review workspace: matplotlib's Qt canvas with its navigation toolbar.

``ChartPanel.set_drawer(fn)`` gives the panel a function that draws the chart on a cleared
``Figure`` (``documents/review_charts``: ``draw_timeline`` etc.). The panel draws only while it is
visible, so a hidden tab costs nothing, and draws again after a resize (the charts lay themselves
out in inches, so a chart redrawn at the canvas's size never looks squeezed or stretched) and when
the language changes (the page gives it a new drawer with the new labels).

matplotlib is imported on the first chart shown, never when the app starts (it takes about a
second; ``data.warm_up_charts`` usually did it on a worker thread already).
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSize, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QSizePolicy, QVBoxLayout, QWidget

from curator_console.ui import formatting as fmt

log = logging.getLogger(__name__)

RESIZE_DELAY_MS = 120  # a resize redraws once the window has stopped changing size
SAVE_DPI = 150
MIN_WIDTH, MIN_HEIGHT = 280, 200

_toolbar_class = None


def toolbar_class():
    """matplotlib's navigation toolbar without the subplot and axis editors (they would undo the
    charts' layout and speak English only), saving through our own dialog."""
    global _toolbar_class
    if _toolbar_class is None:
        from matplotlib.backends.backend_qtagg import NavigationToolbar2QT

        keep = {"Home", "Back", "Forward", "Pan", "Zoom", "Save"}
        items = [t for t in NavigationToolbar2QT.toolitems if t[0] is None or t[0] in keep]
        items = [t for k, t in enumerate(items) if t[0] is not None or (k and items[k - 1][0] is not None)]

        class ChartToolbar(NavigationToolbar2QT):
            toolitems = items

            def __init__(self, canvas, panel: ChartPanel) -> None:
                super().__init__(canvas, panel, coordinates=False)
                self.panel = panel
                self.setObjectName("chartToolbar")
                self.setIconSize(self.iconSize() * 0.8)
                self._fix_icons()
                self.retranslate()

            def _fix_icons(self) -> None:
                """matplotlib's icons redraw their SVG on every paint (and warn about a Qt 5
                attribute each time): draw each once, at the toolbar's size."""
                ratio = self.devicePixelRatioF() or 1.0
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", DeprecationWarning)
                    for action in self._actions.values():
                        size = self.iconSize()
                        pixmap = action.icon().pixmap(size, ratio)
                        if not pixmap.isNull():
                            action.setIcon(QIcon(pixmap))

            def retranslate(self) -> None:
                texts = {
                    "home": (QCoreApplication.translate("ChartPanel", "Reset view"), QCoreApplication.translate("ChartPanel", "Show the whole chart again")),
                    "back": (QCoreApplication.translate("ChartPanel", "Back"), QCoreApplication.translate("ChartPanel", "Back to the previous view")),
                    "forward": (QCoreApplication.translate("ChartPanel", "Forward"), QCoreApplication.translate("ChartPanel", "Forward to the next view")),
                    "pan": (QCoreApplication.translate("ChartPanel", "Pan"), QCoreApplication.translate("ChartPanel", "Move the chart with the left button, zoom with the right")),
                    "zoom": (QCoreApplication.translate("ChartPanel", "Zoom"), QCoreApplication.translate("ChartPanel", "Zoom into a rectangle drawn with the mouse")),
                    "save_figure": (QCoreApplication.translate("ChartPanel", "Save image"), QCoreApplication.translate("ChartPanel", "Save this chart as an image")),
                }
                for name, action in self._actions.items():
                    if name in texts:
                        action.setText(texts[name][0])
                        action.setToolTip(texts[name][1])

            def save_figure(self, *args):
                self.panel.save_image()

        _toolbar_class = ChartToolbar
    return _toolbar_class


_canvas_classes: dict = {}


def _canvas_class(base):
    """matplotlib's canvas asks for its figure's size (which follows the canvas: it only grows);
    this one asks for the chart's minimum, and takes whatever room the layout gives it."""
    cls = _canvas_classes.get(base)
    if cls is None:
        class ChartCanvas(base):
            def sizeHint(self) -> QSize:
                return QSize(MIN_WIDTH, MIN_HEIGHT)

            def minimumSizeHint(self) -> QSize:
                return QSize(MIN_WIDTH // 2, MIN_HEIGHT // 2)

        cls = _canvas_classes[base] = ChartCanvas
    return cls


class ChartPanel(QWidget):
    """One chart (see the module docstring). ``draw_count`` counts the drawings (tests use it)."""

    def __init__(self, name: str, file_stem: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.file_stem = file_stem
        self.canvas = None
        self.toolbar = None
        self.draw_count = 0
        self._drawer: Callable[[object], None] | None = None
        self._dirty = False
        self._failure = ""
        self.placeholder = QLabel()
        self.placeholder.setObjectName("chartPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: palette(placeholder-text);")
        self.placeholder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self._layout.addWidget(self.placeholder)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._redraw)
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        self._empty_text = ""
        self.retranslate()

    # --- content ----------------------------------------------------------------------------
    def set_drawer(self, drawer: Callable[[object], None] | None, empty_text: str = "") -> None:
        """Draw with ``drawer(figure)`` (on a cleared figure) from now on; without one, show
        ``empty_text`` instead of a chart."""
        self._drawer = drawer
        self._empty_text = empty_text
        self._failure = ""
        if drawer is None:
            self._timer.stop()
            self._dirty = False
            self._show_placeholder(empty_text)
            return
        self._dirty = True
        self._schedule(0)

    def has_chart(self) -> bool:
        return self._drawer is not None

    def flush(self) -> None:
        """Draw now what is waiting to be drawn (when the panel is visible)."""
        if self._dirty:
            self._redraw()

    def texts(self) -> list[str]:
        """Every text the drawn chart shows (titles, axis labels, tick labels, legends, notes)."""
        if self.canvas is None or not self.canvas.isVisible():
            return []
        from matplotlib.text import Text

        return [t.get_text() for t in self.canvas.figure.findobj(Text) if t.get_visible() and t.get_text()]

    # --- Qt ---------------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(MIN_WIDTH, MIN_HEIGHT)

    def retranslate(self) -> None:
        if self._drawer is None:
            self.placeholder.setText(self._empty_text)
        if self.toolbar is not None:
            self.toolbar.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self._schedule(0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._drawer is not None and self.canvas is not None:
            self._dirty = True
            self._schedule(RESIZE_DELAY_MS)

    # --- drawing ----------------------------------------------------------------------------
    def _schedule(self, delay_ms: int) -> None:
        if self.isVisible():
            self._timer.start(delay_ms)

    def _show_placeholder(self, text: str) -> None:
        self.placeholder.setText(text)
        self.placeholder.show()
        if self.canvas is not None:
            self.canvas.hide()
            self.toolbar.hide()

    def _ensure_canvas(self) -> None:
        if self.canvas is not None:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.canvas = _canvas_class(FigureCanvasQTAgg)(Figure(facecolor="white"))
        self.canvas.setObjectName("chartCanvas")
        self.canvas.setParent(self)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.toolbar = toolbar_class()(self.canvas, self)
        self._layout.addWidget(self.toolbar)
        self._layout.addWidget(self.canvas, 1)

    def _redraw(self) -> None:
        self._timer.stop()
        if not self._dirty or self._drawer is None or not self.isVisible():
            return
        try:
            self._ensure_canvas()
        except Exception as exc:  # noqa: BLE001 - matplotlib missing or broken: said in the panel
            log.exception("could not create the chart canvas")
            self._dirty = False
            self._show_placeholder(fmt.arg(QCoreApplication.translate("ChartPanel", "The chart cannot be shown: %1"), str(exc) or type(exc).__name__))
            return
        self.placeholder.hide()
        self.toolbar.show()
        self.canvas.show()
        self._layout.activate()  # the canvas takes its size now, so the figure is drawn at it
        fig = self.canvas.figure
        fig.clear()
        self._dirty = False
        try:
            self._drawer(fig)
        except Exception as exc:  # noqa: BLE001 - a chart that cannot be drawn never breaks the page
            log.exception("could not draw the chart %s", self.objectName())
            fig.clear()
            self._show_placeholder(fmt.arg(QCoreApplication.translate("ChartPanel", "The chart cannot be shown: %1"), str(exc) or type(exc).__name__))
            return
        try:
            unclash_legends(fig, self.canvas.get_renderer())
        except Exception:  # noqa: BLE001 - only a nicety
            log.debug("could not check the legends", exc_info=True)
        self.toolbar.update()  # the zoom history belonged to the previous drawing
        self.canvas.draw_idle()
        self.draw_count += 1

    # --- saving -----------------------------------------------------------------------------
    def save_image(self, path: str | Path | None = None) -> Path | None:
        """Save the chart as shown (PNG, PDF or SVG by the extension; asks where when ``path`` is None)."""
        if self.canvas is None:
            return None
        if path is None:
            folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            base = Path(folder) if folder and Path(folder).is_dir() else Path.home()
            chosen, _filter = QFileDialog.getSaveFileName(
                self, QCoreApplication.translate("ChartPanel", "Save chart"), str(base / f"{self.file_stem}.png"),
                QCoreApplication.translate("ChartPanel", "PNG images (*.png);;PDF documents (*.pdf);;SVG images (*.svg)"))
            if not chosen:
                return None
            path = chosen
        path = Path(path)
        if path.suffix.lower() not in (".png", ".pdf", ".svg"):
            path = path.with_suffix(".png")
        try:
            self.canvas.figure.savefig(path, dpi=SAVE_DPI, facecolor="white")
        except (OSError, ValueError) as exc:
            detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            QMessageBox.warning(self, QCoreApplication.translate("ChartPanel", "Save chart"),
                                fmt.arg(QCoreApplication.translate("ChartPanel", "The chart could not be saved to %1: %2"), str(path), detail))
            return None
        return path


def unclash_legends(fig, renderer) -> None:
    """A legend above an axes that runs into the title beside it (a chart narrower than the
    documents' pages) moves into the axes' lower right corner."""
    for ax in fig.axes:
        legend = ax.get_legend()
        if legend is None:
            continue
        box = legend.get_window_extent(renderer)
        texts = [t for t in (*ax.texts, ax.title) if t.get_visible() and t.get_text()]
        if any(box.overlaps(t.get_window_extent(renderer)) for t in texts):
            legend.set_loc("lower right")
            legend.set_bbox_to_anchor((1.0, 0.02), transform=ax.transAxes)


# --- the segments' small chart (the workspace's own; the report has a table) -----------------------

SEGMENT_COLOR = "#1f5f8b"
_measure = None


def _font_measure():
    """Text widths with the documents' fonts (made on the GUI thread, where the charts are drawn)."""
    global _measure
    if _measure is None:
        from curator_console.documents.fonts import FontMeasure

        _measure = FontMeasure()
    return _measure


def draw_segments(fig, report, title: str, currency_text) -> None:
    """What each segment sold: revenue (units when the revenue cannot be added up), one bar per
    segment in running order, labelled with its number and title. ``currency_text(value)`` writes
    an amount for the bar ends."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    from curator_console.documents.fonts import font_families, font_properties
    from curator_console.documents.layout import elide

    segments = list(report.segments)
    money = report.totals.revenue is not None
    values = [float(g.revenue or 0) if money else float(g.units) for g in segments]
    label = (lambda v: currency_text(v)) if money else (lambda v: f"{v:,.0f}")
    w, h = fig.get_size_inches()
    size = 8.0
    measure = _font_measure()
    room = max(w * 0.34 * 72, 60.0)
    names = [elide(f"{g.index + 1}. {g.title}", room, size, measure) for g in segments]
    widest = max((measure(n, size) / 72 for n in names), default=0.5)
    left, right, top, bottom = widest + 0.35, 0.7, 0.55, 0.45
    axes_w = max(w - left - right, 0.1 * w)
    ax = fig.add_axes((left / w, bottom / h, axes_w / w, max(1 - (top + bottom) / h, 0.1)))
    families = list(font_families())
    ax.tick_params(labelsize=size, labelfontfamily=families, colors="#1f1f1f", length=3)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color("#9a9a9a")
    ax.grid(True, axis="x", color="#e3e3e3", linewidth=0.6)
    ax.set_axisbelow(True)
    fig.text(0.12 / w, 1 - 0.14 / h, title, ha="left", va="top", fontproperties=font_properties(11.0, True),
             color="#1f1f1f", parse_math=False)
    if not segments:
        ax.set_xticks([])
        ax.set_yticks([])
        return
    y = list(range(len(segments)))
    bars = ax.barh(y, values, height=0.6, color=SEGMENT_COLOR, linewidth=0, zorder=2)
    ax.bar_label(bars, labels=[label(v) for v in values], padding=3, fontproperties=font_properties(7.5, False),
                 color="#1f1f1f")
    ax.set_yticks(y, names)
    ax.tick_params(axis="y", length=0)
    for text in ax.get_yticklabels():
        text.set_parse_math(False)
    ax.set_ylim(max(len(segments), 4) - 0.4, -0.6)
    top_value = max(values + [0.0])
    ax.set_xlim(0, top_value * 1.18 if top_value > 0 else 1.0)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=max(2, min(6, int(axes_w / 0.85))), integer=True))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: label(v)))
