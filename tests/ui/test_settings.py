"""Settings: the dialog writes the INI file, a new Settings object reads the same values back, the
main window applies them, and the window geometry survives a close and reopen."""

from __future__ import annotations

import configparser
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSize, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from curator_console.services import tours as tours_svc
from curator_console.ui import settings as keys
from curator_console.ui import tasks
from curator_console.ui.settings import Settings
from curator_console.ui.settings_dialog import SettingsDialog

from .conftest import LOAD_TIMEOUT_MS, has_cjk
from .helpers import cell, find_table, wait_for_page


def read_ini(path: Path) -> configparser.ConfigParser:
    """The file as written on disk (QSettings caches in-process; this does not)."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(path, encoding="utf-8")
    return parser


def type_into_spin(qtbot, spin, text: str) -> None:
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), text)
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Tab)


def test_fresh_settings_have_the_defaults(settings_path):
    settings = Settings(settings_path)
    assert settings.language == ""
    assert settings.get(keys.CJK_CPM) == keys.CJK_CPM.default
    assert settings.get(keys.WORDS_PM) == keys.WORDS_PM.default


def test_dialog_save_persists_reading_speeds_and_language(qtbot, settings_path):
    settings = Settings(settings_path)
    dialog = SettingsDialog(settings, "/somewhere/museum.sqlite3")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.findChild(type(dialog.cjk_speed), "cjkSpeedSpin") is dialog.cjk_speed

    type_into_spin(qtbot, dialog.cjk_speed, "300")
    type_into_spin(qtbot, dialog.word_speed, "180")
    assert (dialog.cjk_speed.value(), dialog.word_speed.value()) == (300, 180)
    combo = dialog.findChild(type(dialog.language), "languageCombo")
    combo.setCurrentIndex(combo.findData("zh_CN"))

    assert dialog.save() is True  # the language changed

    reread = Settings(settings_path)
    assert reread.get(keys.CJK_CPM) == 300
    assert reread.get(keys.WORDS_PM) == 180
    assert reread.language == "zh_CN"
    assert (reread.reading_speed.cjk_chars_per_minute, reread.reading_speed.words_per_minute) == (300, 180)

    on_disk = read_ini(settings_path)
    assert on_disk.get("timing", "cjk_chars_per_minute") == "300"
    assert on_disk.get("timing", "words_per_minute") == "180"
    assert on_disk.get("ui", "language") == "zh_CN"

    # A dialog opened on the saved settings shows them; saving unchanged reports no language change.
    again = SettingsDialog(Settings(settings_path), "/somewhere/museum.sqlite3")
    qtbot.addWidget(again)
    assert (again.cjk_speed.value(), again.word_speed.value()) == (300, 180)
    assert again.language.currentData() == "zh_CN"
    assert again.save() is False


def test_dialog_clamps_reading_speeds_to_their_ranges(qtbot, settings_path):
    settings = Settings(settings_path)
    dialog = SettingsDialog(settings, "x")
    qtbot.addWidget(dialog)
    dialog.cjk_speed.setValue(5000)
    dialog.word_speed.setValue(1)
    dialog.save()
    reread = Settings(settings_path)
    assert reread.get(keys.CJK_CPM) == dialog.cjk_speed.maximum()
    assert reread.get(keys.WORDS_PM) == dialog.word_speed.minimum()


def test_settings_menu_action_applies_language_and_reading_speed(qtbot, app, dataset):
    """File → Settings…: OK saves, switches the language and re-times the tours."""
    window = app.window
    window.nav.setCurrentRow(2)
    wait_for_page(qtbot, app, 2, dataset)
    tours = find_table(window, "tourTable")
    default_estimate = tours_svc.list_tours(app.uow(), app.settings.reading_speed)[0].estimated_seconds
    slow = Settings(app.settings_path)  # only to compute what the slower speeds give
    slow.set(keys.CJK_CPM, 60)
    slow.set(keys.WORDS_PM, 40)
    slow_estimate = tours_svc.list_tours(app.uow(), slow.reading_speed)[0].estimated_seconds
    slow.set(keys.CJK_CPM, keys.CJK_CPM.default)
    slow.set(keys.WORDS_PM, keys.WORDS_PM.default)
    slow.sync()
    assert slow_estimate > default_estimate
    seen: list[str] = []

    def fill_in_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        panel = getattr(dialog, "connections", None)
        if not isinstance(dialog, SettingsDialog) or (panel is not None and not panel.has_loaded):
            # Like a person: wait until the dialog is up and has shown its data (closing it earlier
            # is covered by test_closing_settings_before_its_connections_load).
            QTimer.singleShot(10, fill_in_dialog)
            return
        seen.append(dialog.objectName())
        dialog.cjk_speed.setValue(60)
        dialog.word_speed.setValue(40)
        dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill_in_dialog)
    window.settings_action.trigger()  # runs the modal dialog until OK is clicked
    assert seen == ["settingsDialog"]

    assert app.settings.language == "zh_CN"
    qtbot.waitUntil(lambda: has_cjk(window.nav.item(0).text()), timeout=LOAD_TIMEOUT_MS)
    minutes, seconds = divmod(slow_estimate, 60)
    qtbot.waitUntil(lambda: cell(tours, 0, "estimated") == f"{minutes}:{seconds:02d}", timeout=LOAD_TIMEOUT_MS)
    assert Settings(app.settings_path).get(keys.CJK_CPM) == 60


def fits_screen(window, size: QSize) -> QSize:
    """Qt clamps a restored geometry to the screen (the offscreen screen is small): stay inside it."""
    avail = window.screen().availableGeometry().size()
    return QSize(min(size.width(), avail.width() - 40), min(size.height(), avail.height() - 40))


def test_window_geometry_persists_across_close_and_reopen(qtbot, open_app, db_path, settings_path):
    first = open_app(db_path, settings_path)
    size_a = fits_screen(first.window, QSize(761, 603))
    first.window.resize(size_a)
    first.window.move(17, 29)
    qtbot.waitUntil(lambda: first.window.size() == size_a and first.window.pos() == QPoint(17, 29))
    first.window.close()
    assert not Settings(settings_path).get(keys.GEOMETRY).isEmpty()

    second = open_app(db_path, settings_path)
    assert second.window.size() == size_a
    assert second.window.pos() == QPoint(17, 29)
    size_b = fits_screen(second.window, QSize(max(702, second.window.minimumSizeHint().width()), 555))
    assert size_b != size_a
    second.window.resize(size_b)
    second.window.move(40, 48)
    qtbot.waitUntil(lambda: second.window.size() == size_b)
    second.window.close()

    third = open_app(db_path, settings_path)
    assert third.window.size() == size_b
    assert third.window.pos() == QPoint(40, 48)


def test_first_start_gets_a_usable_window_size(app):
    size = app.window.size()
    assert size.width() >= 900 and size.height() >= 600


def test_closing_settings_before_its_connections_load(qtbot, app, monkeypatch):
    """OK is pressed while the Connections tab is still loading (a slow shared database)."""
    from curator_console.services import connections as connections_svc

    gate = threading.Event()
    real = connections_svc.list_connections

    def slow_list(uow):
        rows = real(uow)
        gate.wait(LOAD_TIMEOUT_MS / 1000)  # held until the dialog has gone
        return rows

    # (Nothing else in this test lists connections, so the held call is the dialog's own.)

    monkeypatch.setattr(connections_svc, "list_connections", slow_list)

    def press_ok() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SettingsDialog):
            QTimer.singleShot(10, press_ok)
            return
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, press_ok)
    app.window.settings_action.trigger()
    gate.set()
    qtbot.waitUntil(lambda: tasks.pending_count() == 0, timeout=LOAD_TIMEOUT_MS)
    assert app.window.statusBar().currentMessage() != ""
