"""Line icons drawn from ``resources/icons/<name>.svg`` in the colour of the current palette.

The SVG files draw with ``stroke="currentColor"``, which Qt's SVG renderer does not know; the
word is replaced by the palette's text colour (the highlighted-text colour for a selected item,
the disabled text colour for a disabled control) when a pixmap is needed. ``icon(name)`` returns
a QIcon whose engine renders at exactly the size and device pixel ratio asked for, so icons stay
crisp on high-DPI screens, and follow a palette change by themselves (a widget repaints on a
palette change and asks for its icon pixmap again, in the new colour). Rendered pixmaps are cached
per name, size, mode and colour.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt, qVersion
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from curator_console import paths

PLACEHOLDER = "currentColor"
SIZES = (16, 20, 24, 32, 48)  # what ``availableSizes`` reports; any other size is rendered too
_MAX_CACHED = 600
_LOGICAL_SCALED_SIZE = tuple(int(p) for p in qVersion().split(".")[:2]) >= (6, 8)

_pixmaps: dict[tuple, QPixmap] = {}
_icons: dict[str, QIcon] = {}


def icons_dir():
    return paths.resources_dir() / "icons"


@lru_cache(maxsize=None)
def svg_source(name: str) -> str:
    """The SVG text of ``name`` ("" when there is no such icon)."""
    path = icons_dir() / f"{name}.svg"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


def icon_colour(mode: QIcon.Mode = QIcon.Mode.Normal, palette: QPalette | None = None) -> QColor:
    """The colour an icon is drawn in for ``mode``, taken from the (application's) palette."""
    palette = palette if palette is not None else QGuiApplication.palette()
    if mode == QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    if mode == QIcon.Mode.Selected:
        return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText)
    return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)


@lru_cache(maxsize=256)
def _renderer(name: str, colour: str) -> QSvgRenderer | None:
    source = svg_source(name)
    if not source:
        return None
    renderer = QSvgRenderer(QByteArray(source.replace(PLACEHOLDER, colour).encode("utf-8")))
    return renderer if renderer.isValid() else None


def render(name: str, size: QSize, colour: QColor) -> QPixmap:
    """``name`` drawn into a transparent pixmap of ``size`` device pixels, in ``colour``."""
    key = (name, size.width(), size.height(), colour.rgba())
    cached = _pixmaps.get(key)
    if cached is not None:
        return cached
    pixmap = QPixmap(size)
    pixmap.fill(Qt.GlobalColor.transparent)
    renderer = _renderer(name, colour.name(QColor.NameFormat.HexRgb))  # SVG knows #rrggbb, not alpha
    if renderer is not None and not size.isEmpty():
        side = min(size.width(), size.height())
        target = QRectF((size.width() - side) / 2, (size.height() - side) / 2, side, side)
        painter = QPainter(pixmap)
        painter.setOpacity(colour.alphaF())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter, target)
        painter.end()
    if len(_pixmaps) >= _MAX_CACHED:
        _pixmaps.clear()
    _pixmaps[key] = pixmap
    return pixmap


class SvgIconEngine(QIconEngine):
    """Renders one of the app's SVG icons on demand, tinted with the current palette."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return QPixmap(render(self._name, size, icon_colour(mode)))

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        # Qt 6.8 and later ask with the logical size; earlier versions multiplied it by ``scale``.
        scale = max(1.0, scale)
        device = QSize(round(size.width() * scale), round(size.height() * scale)) if _LOGICAL_SCALED_SIZE else size
        pixmap = QPixmap(render(self._name, device, icon_colour(mode)))
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        size = QSize(max(1, round(rect.width() * ratio)), max(1, round(rect.height() * ratio)))
        pixmap = QPixmap(render(self._name, size, icon_colour(mode)))
        pixmap.setDevicePixelRatio(ratio)
        painter.drawPixmap(rect, pixmap)

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        side = min(size.width(), size.height())
        return QSize(side, side)

    def availableSizes(self, mode: QIcon.Mode = QIcon.Mode.Normal, state: QIcon.State = QIcon.State.Off):
        return [QSize(s, s) for s in SIZES]

    def iconName(self) -> str:
        return self._name

    def key(self) -> str:
        return "curator_console_svg"

    def isNull(self) -> bool:
        return not svg_source(self._name)

    def clone(self) -> QIconEngine:
        return SvgIconEngine(self._name)


def icon(name: str) -> QIcon:
    """The app's icon ``name`` (a file in ``resources/icons``); a null QIcon when there is none."""
    cached = _icons.get(name)
    if cached is None:
        cached = QIcon(SvgIconEngine(name)) if svg_source(name) else QIcon()
        _icons[name] = cached
    return cached


def clear_cache() -> None:
    """Forget rendered pixmaps (the palette changed; they are drawn again when asked for)."""
    _pixmaps.clear()
