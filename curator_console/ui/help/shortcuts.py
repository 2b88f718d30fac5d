"""Help → Keyboard shortcuts: every key of the main window, read from the actions themselves.

Sections, in order: one per menu of the menu bar (every action with a shortcut, submenus
included), one per workspace for the actions a workspace keeps for itself (the script editor's
Bold, headings and lists; Review's Export PDF …), and the live console's keys, taken from
``ui/live/console.py: key_rows`` (the same table the console binds and shows at its bottom).
Nothing is typed twice, so the sheet cannot drift from what the keys do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from curator_console.ui import formatting as fmt


@dataclass(frozen=True)
class ShortcutSection:
    title: str
    rows: tuple[tuple[str, str], ...]  # (what it does, keys as shown)


def plain(text: str) -> str:
    """A menu text without its mnemonic marker ("&Undo" → "Undo", "撤销(&U)" → "撤销"; "&&" stays one "&")."""
    text = re.sub(r"\s*\(&[^)]\)", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def keys_text(action: QAction) -> str:
    return " / ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts() if not s.isEmpty())


def _menu_rows(menu: QMenu, submenus: dict, seen: set[int]) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        if action in submenus:
            rows.extend(_menu_rows(submenus[action], submenus, seen))
        keys = keys_text(action)
        if keys and plain(action.text()):
            seen.add(id(action))
            rows.append((plain(action.text()), keys))
    return rows


def _page_rows(page: QWidget, seen: set[int]) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    done: set[tuple[str, str]] = set()
    for action in page.findChildren(QAction):
        keys = keys_text(action)
        text = plain(action.text()) or plain(action.toolTip())
        if not keys or not text or id(action) in seen or (text, keys) in done:
            continue
        done.add((text, keys))
        rows.append((text, keys))
    return rows


def console_rows() -> list[tuple[str, str]]:
    """The live console's keys (``KEYS``, described as the console's hint line describes them)."""
    from curator_console.ui.live.console import key_rows, key_text

    rows = [(words, keys) for keys, words in key_rows()]
    rows.append((QCoreApplication.translate("ShortcutsDialog", "leave full screen (never ends the session)"),
                 key_text("Esc")))
    return rows


def collect_shortcuts(window: QMainWindow) -> list[ShortcutSection]:
    """The sections of the sheet for ``window`` (the main window), in the order shown."""
    seen: set[int] = set()
    sections: list[ShortcutSection] = []
    # Menus are found through their own menuAction(), never QAction.menu(): with PySide6 the
    # wrapper that call returns can take the menu with it when it is garbage-collected.
    submenus = {m.menuAction(): m for m in window.findChildren(QMenu)}
    for action in window.menuBar().actions():
        menu = submenus.get(action)
        if menu is None:
            continue
        rows = _menu_rows(menu, submenus, seen)
        if rows:
            sections.append(ShortcutSection(plain(menu.title()), tuple(rows)))
    for page in getattr(window, "pages", []):
        rows = _page_rows(page, seen)
        if rows:
            title = fmt.arg(QCoreApplication.translate("ShortcutsDialog", "In the %1 workspace"), page.title())
            sections.append(ShortcutSection(title, tuple(rows)))
    sections.append(ShortcutSection(QCoreApplication.translate("ShortcutsDialog", "Live console and teleprompter"),
                                    tuple(console_rows())))
    return sections


class ShortcutsDialog(QDialog):
    """The sheet: one tree with a bold line per section; typing in the filter narrows it."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent if parent is not None else window)
        self.setObjectName("shortcutsDialog")
        self.main_window = window
        self.sections: list[ShortcutSection] = []
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.filter = QLineEdit()
        self.filter.setObjectName("shortcutsFilter")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.tree = QTreeWidget()
        self.tree.setObjectName("shortcutsTree")
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(640, 720)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.intro.setText(self.tr("The keys of the main window by menu, of each workspace, and of the live "
                                   "console (they work while the console or its teleprompter window is in front)."))
        self.filter.setPlaceholderText(self.tr("Filter, e.g. “undo” or “Ctrl+”"))
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.reload()

    def reload(self) -> None:
        self.sections = collect_shortcuts(self.main_window)
        self.tree.clear()
        for section in self.sections:
            head = QTreeWidgetItem([section.title, ""])
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            head.setFirstColumnSpanned(False)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(head)
            for text, keys in section.rows:
                head.addChild(QTreeWidgetItem([text, keys]))
        self.tree.expandAll()
        self._apply_filter(self.filter.text())

    def rows(self) -> list[tuple[str, str, str]]:
        """``(section, what it does, keys)`` for every line (tests and the filter read it)."""
        return [(s.title, text, keys) for s in self.sections for text, keys in s.rows]

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for i in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(i)
            shown = 0
            for j in range(head.childCount()):
                child = head.child(j)
                hit = not needle or needle in child.text(0).casefold() or needle in child.text(1).casefold() \
                    or needle in head.text(0).casefold()
                child.setHidden(not hit)
                shown += hit
            head.setHidden(shown == 0)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
