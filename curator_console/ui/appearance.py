"""Appearance of the whole app: a light or dark palette (following the operating system, or chosen
in Settings) and the text size, both applied to the running app without a restart.

Colours the app uses beside the palette (error and success texts, banners, chart lines …) are
named here once with a light and a dark value (``colour``/``css``); a widget whose style sheet
uses them sets it through ``styled(widget, template)`` so that a palette switch writes the sheet
again in the new colours. Widgets that paint read ``colour(name)`` while painting (a palette
switch repaints every widget).

Text size: explicit font sizes in the app are relative to the widget's font (headings 1.35×, the
live console's clocks …), so a new size scales every explicitly set font by the same ratio as the
application font, and row heights of tables with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from string import Template

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QStyleFactory, QTableView, QWidget

SYSTEM, LIGHT, DARK = "system", "light", "dark"
MODES = (SYSTEM, LIGHT, DARK)
FONT_SCALE_MIN, FONT_SCALE_MAX, FONT_SCALE_STEP = 80, 160, 10
STYLE_PROPERTY = "ccThemedStyle"  # the template a widget's style sheet is written from
FIXED_FONT_PROPERTY = "ccFixedFont"  # a widget whose explicit font size is its own (not scaled)

# name: (light, dark)
COLOURS: dict[str, tuple[str, str]] = {
    "error": ("#b3261e", "#ff8a80"),
    "ok": ("#1b6e20", "#81c995"),
    "warning": ("#8a5a00", "#f6c26b"),
    "notice": ("#e65100", "#ffab70"),
    "muted": ("#616161", "#a8a8a8"),
    "subtle": ("#455a64", "#b0bec5"),
    "accent": ("#1565c0", "#8ab4f8"),
    "up": ("#1e6b35", "#81c995"),
    "ahead": ("#2e7d32", "#81c995"),
    "behind": ("#c62828", "#ff8a80"),
    "on_time": ("#616161", "#b0b0b0"),
    "down": ("#b3261e", "#ff8a80"),
    "banner_bg": ("#fff4ce", "#4a3f1a"),
    "banner_fg": ("#5d4200", "#f5e6b8"),
    "banner_border": ("#e8c95a", "#8a7430"),
    "chip_bg": ("#e8f0f8", "#2c3e52"),
    "chip_border": ("#9fb3c8", "#5b7894"),
    "chip_hover": ("#d3e2f1", "#37506b"),
    "card_border": ("#dcdcdc", "#4a4a4e"),
    "featured_bg": ("#e8f5e9", "#1f3a26"),
    "key_bg": ("#eeeeee", "#3a3a3d"),
    "key_fg": ("#424242", "#e0e0e0"),
    "grid": ("#e0e0e0", "#45454a"),
    "ink": ("#616161", "#bdbdbd"),
    "viewers": ("#1565c0", "#64b5f6"),
    "orders": ("#f9a825", "#f9a825"),
    "placeholder_bg": ("#eceff1", "#3a3f44"),
    "placeholder_ink": ("#b0bec5", "#6f7a83"),
    "block_a": ("#4f7cac", "#4f7cac"),
    "block_b": ("#7aa6c2", "#5f8fae"),
    "selected_block": ("#e0a526", "#e0a526"),
}


def is_dark(palette: QPalette | None = None) -> bool:
    """The palette (the application's by default) has light text on a dark window."""
    palette = palette if palette is not None else QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def css(name: str, dark: bool | None = None) -> str:
    light_value, dark_value = COLOURS[name]
    return dark_value if (is_dark() if dark is None else dark) else light_value


def colour(name: str, dark: bool | None = None) -> QColor:
    return QColor(css(name, dark))


def _css_map() -> dict[str, str]:
    dark = is_dark()
    return {name: (pair[1] if dark else pair[0]) for name, pair in COLOURS.items()}


def styled(widget: QWidget, template: str) -> None:
    """Set ``widget``'s style sheet from ``template``, where ``$error``, ``$banner_bg`` … stand
    for the named colours of the current palette; written again when the palette switches."""
    widget.setProperty(STYLE_PROPERTY, template)
    widget.setStyleSheet(Template(template).safe_substitute(_css_map()) if template else "")


def restyle() -> None:
    """Write every themed style sheet again (after a palette switch). A sheet that refers to the
    palette (``palette(placeholder-text)``) is set again too: Qt resolves those once, when set."""
    values = _css_map()
    for widget in QApplication.allWidgets():
        template = widget.property(STYLE_PROPERTY)
        if template:
            widget.setStyleSheet(Template(str(template)).safe_substitute(values))
        else:
            sheet = widget.styleSheet()
            if sheet and "palette(" in sheet:
                widget.setStyleSheet(sheet)


# --- palettes ---------------------------------------------------------------------------------


def dark_palette() -> QPalette:
    p = QPalette()
    roles = QPalette.ColorRole
    for role, value in (
        (roles.Window, "#2d2d30"), (roles.WindowText, "#e8e8e8"), (roles.Base, "#1f1f22"),
        (roles.AlternateBase, "#28282c"), (roles.ToolTipBase, "#3a3a3e"), (roles.ToolTipText, "#f0f0f0"),
        (roles.PlaceholderText, "#9a9a9a"), (roles.Text, "#e8e8e8"), (roles.Button, "#3a3a3e"),
        (roles.ButtonText, "#e8e8e8"), (roles.BrightText, "#ff6b6b"), (roles.Light, "#505055"),
        (roles.Midlight, "#434347"), (roles.Mid, "#303034"), (roles.Dark, "#1c1c1e"), (roles.Shadow, "#111111"),
        (roles.Highlight, "#3d7ad6"), (roles.HighlightedText, "#ffffff"), (roles.Link, "#8ab4f8"),
        (roles.LinkVisited, "#c58af9"),
    ):
        p.setColor(role, QColor(value))
    if hasattr(roles, "Accent"):
        p.setColor(roles.Accent, QColor("#3d7ad6"))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText, roles.PlaceholderText):
        p.setColor(disabled, role, QColor("#7c7c80"))
    p.setColor(disabled, roles.Highlight, QColor("#4a4a4e"))
    p.setColor(disabled, roles.HighlightedText, QColor("#a0a0a0"))
    p.setColor(disabled, roles.Base, QColor("#262629"))
    p.setColor(disabled, roles.Button, QColor("#333336"))
    return p


def light_palette() -> QPalette:
    """Fusion's light palette, for "Light" on a system that is dark."""
    p = QPalette()
    roles = QPalette.ColorRole
    for role, value in (
        (roles.Window, "#efefef"), (roles.WindowText, "#000000"), (roles.Base, "#ffffff"),
        (roles.AlternateBase, "#f7f7f7"), (roles.ToolTipBase, "#ffffdc"), (roles.ToolTipText, "#000000"),
        (roles.PlaceholderText, "#7f7f7f"), (roles.Text, "#000000"), (roles.Button, "#efefef"),
        (roles.ButtonText, "#000000"), (roles.BrightText, "#ffffff"), (roles.Light, "#ffffff"),
        (roles.Midlight, "#cacaca"), (roles.Mid, "#b8b8b8"), (roles.Dark, "#9f9f9f"), (roles.Shadow, "#767676"),
        (roles.Highlight, "#308cc6"), (roles.HighlightedText, "#ffffff"), (roles.Link, "#0000ff"),
        (roles.LinkVisited, "#ff00ff"),
    ):
        p.setColor(role, QColor(value))
    if hasattr(roles, "Accent"):
        p.setColor(roles.Accent, QColor("#308cc6"))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        p.setColor(disabled, role, QColor("#bebebe"))
    p.setColor(disabled, roles.Base, QColor("#efefef"))
    p.setColor(disabled, roles.Highlight, QColor("#919191"))
    return p


@dataclass
class _State:
    original_style: str = ""
    base_font: QFont | None = None
    mode: str = SYSTEM
    font_scale: int = 100
    applying: bool = False


_state = _State()


class _Watcher(QObject):
    """Follows the operating system's colour scheme while the mode is "system"."""

    applied = Signal()  # after a palette or text size change has been applied

    def scheme_changed(self, *_args) -> None:
        if _state.mode == SYSTEM and not _state.applying:
            apply_colour_scheme(SYSTEM)


_watcher: _Watcher | None = None


def watcher() -> _Watcher:
    global _watcher
    if _watcher is None:
        _watcher = _Watcher(QApplication.instance())
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(_watcher.scheme_changed)
    return _watcher


def _remember_originals() -> None:
    if not _state.original_style:
        style = QApplication.style()
        _state.original_style = style.name() if style is not None else "Fusion"
    if _state.base_font is None:
        _state.base_font = QFont(QApplication.font())


def system_prefers_dark() -> bool:
    """The operating system's colour scheme is dark (Qt 6.5+; unknown counts as light)."""
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    return scheme is not None and scheme() == Qt.ColorScheme.Dark


def _request_scheme(scheme) -> None:
    """Tell the platform which scheme the app shows (Qt 6.8+: native title bars follow)."""
    hints = QGuiApplication.styleHints()
    if hasattr(hints, "setColorScheme"):
        try:
            hints.setColorScheme(scheme)
        except (TypeError, RuntimeError):  # pragma: no cover - platform without support
            pass


def _set_style(name: str) -> None:
    current = QApplication.style()
    if current is not None and current.name().lower() == name.lower():
        return
    style = QStyleFactory.create(name)
    if style is not None:
        QApplication.setStyle(style)


def apply_colour_scheme(mode: str) -> bool:
    """Apply ``mode`` (system, light or dark); returns whether the app is now dark."""
    mode = mode if mode in MODES else SYSTEM
    watcher()
    _remember_originals()
    _state.mode = mode
    _state.applying = True
    try:
        _request_scheme(Qt.ColorScheme.Unknown)  # read the system's own scheme
        system_dark = system_prefers_dark()
        dark = mode == DARK or (mode == SYSTEM and system_dark)
        if mode != SYSTEM:
            _request_scheme(Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light)
        if dark:
            _set_style("Fusion")  # draws every control from the palette: consistently dark
            QApplication.setPalette(dark_palette())
        elif system_dark:
            _set_style("Fusion")  # "Light" on a dark system
            QApplication.setPalette(light_palette())
        else:
            _set_style(_state.original_style)
            QApplication.setPalette(QPalette())  # the platform's own palette
    finally:
        _state.applying = False
    from curator_console.ui import icons

    icons.clear_cache()
    restyle()
    watcher().applied.emit()
    return dark


# --- text size ------------------------------------------------------------------------------


def _size_bit() -> int:
    probe = QFont()
    probe.setPointSizeF(10.0)
    return int(probe.resolveMask())


def clamp_font_scale(percent: int) -> int:
    return max(FONT_SCALE_MIN, min(FONT_SCALE_MAX, int(percent or 100)))


def apply_font_scale(percent: int) -> None:
    """The application font at ``percent`` of the system's; explicitly sized fonts and table rows
    follow by the same ratio."""
    watcher()
    _remember_originals()
    percent = clamp_font_scale(percent)
    if percent == _state.font_scale and QApplication.font() == _scaled_base(percent):
        return
    ratio = percent / _state.font_scale
    _state.font_scale = percent
    QApplication.setFont(_scaled_base(percent))
    if abs(ratio - 1.0) > 1e-6:
        _rescale_widgets(ratio)
    watcher().applied.emit()


def font_scale() -> int:
    return _state.font_scale


def _scaled_base(percent: int) -> QFont:
    font = QFont(_state.base_font)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * percent / 100)
    elif font.pixelSize() > 0:
        font.setPixelSize(max(1, round(font.pixelSize() * percent / 100)))
    return font


def _rescale_widgets(ratio: float) -> None:
    size_bit = _size_bit()
    for widget in QApplication.allWidgets():
        if (widget.testAttribute(Qt.WidgetAttribute.WA_SetFont) and not widget.property(FIXED_FONT_PROPERTY)
                and int(widget.font().resolveMask()) & size_bit):
            font = QFont(widget.font())
            if font.pointSizeF() > 0:
                font.setPointSizeF(font.pointSizeF() * ratio)
            elif font.pixelSize() > 0:
                font.setPixelSize(max(1, round(font.pixelSize() * ratio)))
            widget.setFont(font)
    for widget in QApplication.allWidgets():
        if isinstance(widget, QTableView):  # rows as tall as the new text needs
            header = widget.verticalHeader()
            header.setDefaultSectionSize(max(header.minimumSectionSize(), round(header.defaultSectionSize() * ratio)))
        elif isinstance(widget, QAbstractItemView):
            widget.doItemsLayout()


# --- settings ---------------------------------------------------------------------------------


def apply_settings(settings) -> None:
    """Apply the appearance and text size stored in ``settings`` (a ``ui.settings.Settings``)."""
    apply_font_scale(settings.font_scale)
    apply_colour_scheme(settings.appearance)


def current_mode() -> str:
    return _state.mode
