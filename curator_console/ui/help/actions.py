"""The Help menu's own actions (About stays the main window's):

- "Getting started" — the welcome page with the guided path (``ui/welcome``);
- "Keyboard shortcuts" (Ctrl+/, ⌘/ on macOS) — every key of the window and the live console;
- "User guide" (F1: the platform's Help key) — ``docs/user-guide.md`` in the interface's language.

    help = HelpActions(window, show_getting_started)
    help_menu.addActions(help.actions)

The actions retranslate themselves on a language change; the dialogs they opened last are kept in
``shortcuts_dialog`` and ``guide_dialog`` (tests look at them).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow
from shiboken6 import isValid

SHORTCUTS_KEY = "Ctrl+/"


class HelpActions(QObject):
    def __init__(self, window: QMainWindow, show_getting_started: Callable[[], object]) -> None:
        super().__init__(window)
        self.setObjectName("helpActions")
        self.window = window
        self.shortcuts_dialog = None
        self.guide_dialog = None
        self.getting_started = QAction(window)
        self.getting_started.setObjectName("gettingStartedAction")
        self.getting_started.triggered.connect(lambda _checked=False: show_getting_started())
        self.shortcuts = QAction(window)
        self.shortcuts.setObjectName("keyboardShortcutsAction")
        self.shortcuts.setShortcut(QKeySequence(SHORTCUTS_KEY))
        self.shortcuts.triggered.connect(self.show_shortcuts)
        self.user_guide = QAction(window)
        self.user_guide.setObjectName("userGuideAction")
        self.user_guide.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.user_guide.triggered.connect(self.show_user_guide)
        self.actions = [self.getting_started, self.shortcuts, self.user_guide]
        window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.getting_started.setText(self.tr("&Getting started"))
        self.getting_started.setStatusTip(self.tr("The first steps, from an empty database to your first rehearsal"))
        self.shortcuts.setText(self.tr("&Keyboard shortcuts"))
        self.shortcuts.setStatusTip(self.tr("Every key of the main window and the live console"))
        self.user_guide.setText(self.tr("&User guide"))
        self.user_guide.setStatusTip(self.tr("How to prepare, run and review a tour, step by step"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().eventFilter(watched, event)

    def show_shortcuts(self):
        from curator_console.ui.help.shortcuts import ShortcutsDialog

        dialog = self.shortcuts_dialog
        if dialog is not None and isValid(dialog) and dialog.isVisible():
            dialog.reload()
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        dialog = ShortcutsDialog(self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.shortcuts_dialog = dialog
        dialog.show()
        return dialog

    def show_user_guide(self):
        from curator_console.ui.help.guide import UserGuideDialog

        dialog = self.guide_dialog
        if dialog is not None and isValid(dialog) and dialog.isVisible():
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        dialog = UserGuideDialog(parent=self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.guide_dialog = dialog
        dialog.show()
        return dialog
