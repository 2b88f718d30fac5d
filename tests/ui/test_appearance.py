"""Appearance: File → Settings switches between the light and the dark palette and changes the
text size of the whole running app; "System" follows the operating system's colour scheme;
icons are drawn in the palette's text colour; splitter positions survive a restart."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QSplitter

from curator_console.ui import appearance, icons, layout_state
from curator_console.ui import settings as keys
from curator_console.ui.settings import Settings
from curator_console.ui.settings_dialog import SettingsDialog

from .helpers import find_table, wait_for_page


@pytest.fixture(autouse=True)
def default_appearance(qapp) -> Iterator[None]:
    """Every test here starts and ends with the system palette at 100 % text size."""
    appearance.apply_font_scale(100)
    appearance.apply_colour_scheme(appearance.SYSTEM)
    yield
    appearance.apply_font_scale(100)
    appearance.apply_colour_scheme(appearance.SYSTEM)


def window_lightness(widget) -> int:
    return widget.palette().color(QPalette.ColorRole.Window).lightness()


def text_colour(widget) -> str:
    return widget.palette().color(QPalette.ColorRole.WindowText).name()


def run_settings(qtbot, window, fill: Callable[[SettingsDialog], None]) -> None:
    """File → Settings…, ``fill(dialog)``, OK: as a person would, through the modal dialog."""
    seen: list[str] = []

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SettingsDialog):
            QTimer.singleShot(10, fill_in)
            return
        seen.append(dialog.objectName())
        fill(dialog)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill_in)
    window.settings_action.trigger()
    assert seen == ["settingsDialog"]


def choose(combo, value) -> None:
    combo.setCurrentIndex(combo.findData(value))


def ink_pixels(icon: QIcon, size: int = 32, mode=QIcon.Mode.Normal) -> set[str]:
    image = icon.pixmap(QSize(size, size), 1.0, mode).toImage()
    return {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())
            if image.pixelColor(x, y).alpha() == 255}


# --- light and dark ---------------------------------------------------------------------------


def test_settings_switch_to_dark_and_back_to_light_live(qtbot, app):
    window = app.window
    assert window_lightness(window) > 128  # the offscreen system is light
    nav_icon = window.nav.item(0).icon()
    assert ink_pixels(nav_icon) == {QGuiApplication.palette().color(QPalette.ColorRole.WindowText).name()}

    run_settings(qtbot, window, lambda d: choose(d.appearance, appearance.DARK))

    assert Settings(app.settings_path).get(keys.APPEARANCE) == "dark"
    qtbot.waitUntil(lambda: window_lightness(window) < 80)  # a window hears of a new palette by event
    assert window_lightness(window.nav) < 80 and window.nav.palette().color(QPalette.ColorRole.Base).lightness() < 80
    assert QColorLightness.of(text_colour(window)) > 200
    assert QApplication.style().name().lower() == "fusion"
    # Icons are re-drawn in the dark palette's (light) text colour.
    assert ink_pixels(window.nav.item(0).icon()) == {QGuiApplication.palette().color(QPalette.ColorRole.WindowText).name()}
    assert all(QColorLightness.of(c) > 200 for c in ink_pixels(window.undo_action.icon()))
    # Themed colours: the warning colour of table cells and styled labels switch to the dark variant.
    assert appearance.colour("error").name() == appearance.COLOURS["error"][1]

    run_settings(qtbot, window, lambda d: choose(d.appearance, appearance.LIGHT))

    assert Settings(app.settings_path).get(keys.APPEARANCE) == "light"
    qtbot.waitUntil(lambda: window_lightness(window) > 200)
    assert QColorLightness.of(text_colour(window)) < 60
    assert all(QColorLightness.of(c) < 60 for c in ink_pixels(window.nav.item(0).icon()))


def test_styled_widgets_follow_a_palette_switch(qtbot, app):
    """A label coloured through appearance.styled (an error text) is readable on both palettes, and
    a sheet that refers to the palette is resolved again."""
    error = QLabel("refused")
    appearance.styled(error, "color: $error;")
    hint = QLabel("hint")
    hint.setStyleSheet("color: palette(placeholder-text);")
    qtbot.addWidget(error)
    qtbot.addWidget(hint)
    assert appearance.COLOURS["error"][0] in error.styleSheet()

    appearance.apply_colour_scheme(appearance.DARK)
    assert appearance.COLOURS["error"][1] in error.styleSheet()
    hint.ensurePolished()
    assert hint.palette().color(QPalette.ColorRole.WindowText).lightness() > 100

    appearance.apply_colour_scheme(appearance.LIGHT)
    assert appearance.COLOURS["error"][0] in error.styleSheet()


def test_system_mode_follows_the_operating_system(qtbot, app, monkeypatch):
    window = app.window
    system_dark = {"on": False}
    monkeypatch.setattr(appearance, "system_prefers_dark", lambda: system_dark["on"])
    appearance.apply_colour_scheme(appearance.SYSTEM)
    assert window_lightness(window) > 128

    system_dark["on"] = True  # the user turns on dark mode in the OS
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    qtbot.waitUntil(lambda: window_lightness(window) < 80)

    system_dark["on"] = False
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    qtbot.waitUntil(lambda: window_lightness(window) > 128)

    # A forced choice is kept whatever the system does.
    appearance.apply_colour_scheme(appearance.LIGHT)
    system_dark["on"] = True
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    QApplication.processEvents()
    assert window_lightness(window) > 128


def test_light_on_a_dark_system_is_light(qtbot, app, monkeypatch):
    monkeypatch.setattr(appearance, "system_prefers_dark", lambda: True)
    appearance.apply_colour_scheme(appearance.SYSTEM)
    qtbot.waitUntil(lambda: window_lightness(app.window) < 80)
    appearance.apply_colour_scheme(appearance.LIGHT)
    qtbot.waitUntil(lambda: window_lightness(app.window) > 200)


def test_appearance_is_applied_when_the_window_opens(qtbot, open_app, db_path, settings_path):
    stored = Settings(settings_path)
    stored.set(keys.APPEARANCE, "dark")
    stored.set(keys.FONT_SCALE, 120)
    stored.sync()
    base = QApplication.font().pointSizeF()
    opened = open_app(db_path, settings_path)
    qtbot.waitUntil(lambda: window_lightness(opened.window) < 80)
    assert QApplication.font().pointSizeF() == pytest.approx(base * 1.2)


# --- text size ----------------------------------------------------------------------------------


def test_text_size_setting_scales_the_whole_app_live(qtbot, app, dataset):
    window = app.window
    window.nav.setCurrentRow(2)
    wait_for_page(qtbot, app, 2, dataset)
    base = QApplication.font().pointSizeF()
    tours_page = window.pages[2]
    heading_before = tours_page.header.font().pointSizeF()
    nav_before = window.nav.font().pointSizeF()
    table = find_table(tours_page, "tourTable")
    row_before = table.verticalHeader().defaultSectionSize()
    plain = window.pages[2].editor.title_edit
    assert heading_before == pytest.approx(base * 1.35)

    run_settings(qtbot, window, lambda d: d.font_scale.setValue(150))

    assert Settings(app.settings_path).get(keys.FONT_SCALE) == 150
    assert QApplication.font().pointSizeF() == pytest.approx(base * 1.5)
    # Widgets without a font of their own follow the application font (Qt tells them by event).
    qtbot.waitUntil(lambda: plain.font().pointSizeF() == pytest.approx(base * 1.5))
    assert tours_page.header.font().pointSizeF() == pytest.approx(heading_before * 1.5)  # headings keep their 1.35×
    assert window.nav.font().pointSizeF() == pytest.approx(nav_before * 1.5)
    assert table.verticalHeader().defaultSectionSize() > row_before  # rows grow with their text

    run_settings(qtbot, window, lambda d: d.font_scale.setValue(100))

    assert QApplication.font().pointSizeF() == pytest.approx(base)
    qtbot.waitUntil(lambda: plain.font().pointSizeF() == pytest.approx(base))
    assert tours_page.header.font().pointSizeF() == pytest.approx(heading_before)
    assert abs(table.verticalHeader().defaultSectionSize() - row_before) <= 1


def test_text_size_is_clamped_and_read_back(settings_path, qtbot):
    settings = Settings(settings_path)
    settings.set(keys.FONT_SCALE, 900)
    assert settings.font_scale == appearance.FONT_SCALE_MAX
    settings.set(keys.APPEARANCE, "purple")
    assert settings.appearance == "system"
    dialog = SettingsDialog(settings, "x")
    qtbot.addWidget(dialog)
    assert dialog.font_scale.value() == appearance.FONT_SCALE_MAX
    assert dialog.appearance.currentData() == "system"


# --- icons ---------------------------------------------------------------------------------------


def test_workspaces_and_main_actions_have_icons(app):
    window = app.window
    for row in range(window.nav.count()):
        assert not window.nav.item(row).icon().isNull(), window.nav.item(row).text()
    for action in (window.undo_action, window.redo_action, window.settings_action, window.backup_action,
                   window.restore_action, window.refresh_action, window.import_products_action,
                   *window.import_actions, *window.workspace_actions):
        assert not action.icon().isNull(), action.text()
    assert icons.icon("no such icon").isNull()


def test_icons_are_crisp_at_every_device_pixel_ratio(qapp):
    icon = icons.icon("tours")
    for ratio in (1.0, 1.5, 2.0, 3.0):
        pixmap = icon.pixmap(QSize(24, 24), ratio)
        assert pixmap.width() == round(24 * ratio) and pixmap.devicePixelRatio() == pytest.approx(ratio)
    disabled = ink_pixels(icon, mode=QIcon.Mode.Disabled)
    normal = ink_pixels(icon)
    assert disabled and normal and disabled != normal


# --- splitters --------------------------------------------------------------------------------------


def fits_screen(window) -> QSize:
    """As large as the (small, offscreen) screen allows: Qt clamps a restored geometry to it."""
    avail = window.screen().availableGeometry().size()
    return QSize(min(1200, avail.width() - 40), min(760, avail.height() - 40))


def splitter(window, name: str) -> QSplitter:
    found = window.findChild(QSplitter, name)
    assert found is not None, name
    return found


def test_splitter_positions_survive_a_restart(qtbot, open_app, db_path, settings_path, dataset):
    first = open_app(db_path, settings_path)
    first.window.resize(fits_screen(first.window))
    first.window.nav.setCurrentRow(2)
    wait_for_page(qtbot, first, 2, dataset)
    names = ("mainSplitter", "toursSplitter")
    for name in names:  # the outer one first: it gives the inner one its width
        s = splitter(first.window, name)
        total = sum(s.sizes())
        s.setSizes([total * 30 // 100, total - total * 30 // 100])
    qtbot.wait(50)
    wanted = {name: splitter(first.window, name).sizes() for name in names}
    first.window.close()
    stored = Settings(settings_path)
    for scope, name in (("mainWindow", "mainSplitter"), ("toursPage", "toursSplitter"),
                        ("toursPage", "tourEditorSplitter"), ("collectionPage", "collectionSplitter")):
        assert not stored.get(keys.layout_key(scope, name)).isEmpty(), name

    second = open_app(db_path, settings_path)
    qtbot.waitUntil(lambda: second.window.stack.currentIndex() == 2)
    wait_for_page(qtbot, second, 2, dataset)
    for name in names:
        qtbot.waitUntil(lambda n=name: splitter(second.window, n).sizes() == wanted[n])
    # The nested splitter of the tour editor takes its saved state too (once it has its width).
    assert splitter(second.window, "tourEditorSplitter").property(layout_state.RESTORED)


def test_a_workspace_not_opened_keeps_its_saved_layout(qtbot, open_app, db_path, settings_path, dataset):
    first = open_app(db_path, settings_path)
    first.window.resize(fits_screen(first.window))
    first.window.nav.setCurrentRow(2)
    wait_for_page(qtbot, first, 2, dataset)
    tours = splitter(first.window, "toursSplitter")
    total = sum(tours.sizes())
    tours.setSizes([total * 30 // 100, total - total * 30 // 100])
    qtbot.wait(50)
    wanted = tours.sizes()
    first.window.nav.setCurrentRow(0)  # the next start opens on the Collection
    wait_for_page(qtbot, first, 0, dataset)
    first.window.close()
    second = open_app(db_path, settings_path)
    assert second.window.stack.currentIndex() == 0
    second.window.close()  # the Tours were never shown in this session: their layout is kept as saved

    third = open_app(db_path, settings_path)
    third.window.nav.setCurrentRow(2)
    wait_for_page(qtbot, third, 2, dataset)
    qtbot.waitUntil(lambda: splitter(third.window, "toursSplitter").sizes() == wanted)


def test_a_hidden_editor_keeps_its_width_across_a_restart(qtbot, open_app, db_path, settings_path, dataset):
    """The Collection's editor pane is hidden while no object is open: its last width is kept."""
    first = open_app(db_path, settings_path)
    first.window.resize(fits_screen(first.window))
    page = first.window.pages[0]
    wait_for_page(qtbot, first, 0, dataset)
    page.open_editor(0)
    qtbot.waitUntil(lambda: page.editor.isVisible())
    s = page.splitter
    total = sum(s.sizes())
    s.setSizes([total - s.sizes()[1] - 40, s.sizes()[1] + 40])  # a little wider than it opened
    qtbot.wait(50)
    width = s.sizes()[1]
    page.close_editor()
    first.window.close()

    second = open_app(db_path, settings_path)
    page2 = second.window.pages[0]
    wait_for_page(qtbot, second, 0, dataset)
    page2.open_editor(0)
    qtbot.waitUntil(lambda: page2.editor.isVisible())
    qtbot.waitUntil(lambda: page2.splitter.sizes()[1] == width)
    # Closed and opened again in the same session: the width stays too.
    page2.close_editor()
    page2.open_editor(1)
    qtbot.waitUntil(lambda: page2.editor.isVisible())
    assert page2.splitter.sizes()[1] == width


class QColorLightness:
    @staticmethod
    def of(name: str) -> int:
        from PySide6.QtGui import QColor

        return QColor(name).lightness()
