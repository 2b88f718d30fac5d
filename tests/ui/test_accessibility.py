"""Every control a person can reach (buttons, fields, lists, tables, check boxes, spin boxes) has a
name a screen reader can say: its accessible name, its own visible text (a button's), or the label
it is the buddy of. The walk covers the main window on the shipped demo museum with all five
workspaces loaded and both record editors open, and the main dialogs. The editors' Tab order
follows what is on screen."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QScrollBar,
    QSlider,
    QStackedWidget,
    QTabBar,
    QTextEdit,
    QWidget,
)

from curator_console import paths

from .conftest import LOAD_TIMEOUT_MS, drain_background_tasks, seed_into

DEMO_DIR = paths.resources_dir() / "demo"
INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QTextEdit,
               QPlainTextEdit, QSlider)
# Parts Qt builds inside a control and names through it (a combo box's line edit, a spin box's
# arrows, a line edit's clear button, a tab bar's scroll buttons …).
COMPOSITES = (QComboBox, QAbstractSpinBox, QTabBar, QScrollBar, QCalendarWidget, QLineEdit, QMenu)
WORDS = re.compile(r"\w")


def is_internal(widget: QWidget) -> bool:
    if isinstance(widget, QHeaderView) or widget.objectName().startswith("qt_"):
        return True
    parent = widget.parentWidget()
    if isinstance(widget, QAbstractButton) and isinstance(parent, QAbstractItemView):
        return True  # a table's corner button
    while parent is not None:
        if isinstance(parent, COMPOSITES):
            return True
        parent = parent.parentWidget()
    return False


def buddies(root: QWidget) -> set[int]:
    return {id(label.buddy()) for label in root.findChildren(QLabel)
            if label.buddy() is not None and WORDS.search(label.text() or "")}


def has_name(widget: QWidget, buddied: set[int]) -> bool:
    if widget.accessibleName().strip():
        return True
    if isinstance(widget, QAbstractButton) and WORDS.search(widget.text().replace("&", "")):
        return True  # its visible words are its name ("◀" or "✕" alone are not)
    return id(widget) in buddied


def describe(widget: QWidget, root: QWidget) -> str:
    path, w = [], widget
    while w is not None and w is not root:
        path.append(f"{type(w).__name__}({w.objectName()!r})")
        w = w.parentWidget()
    return " < ".join(path[:6])


def hidden_by_state(widget: QWidget, root: QWidget) -> bool:
    """Hidden until something shows it (the exchange-rate banner of a review with several
    currencies), which also gives it its texts. Pages of a stack or tab widget (hidden because
    another page is in front) are walked."""
    w = widget
    while w is not None and w is not root:
        parent = w.parentWidget()
        if w.isHidden() and not isinstance(parent, QStackedWidget):
            return True
        w = parent
    return False


def unnamed(root: QWidget) -> list[str]:
    buddied = buddies(root)
    return sorted(describe(w, root) for w in root.findChildren(QWidget)
                  if isinstance(w, INTERACTIVE) and not is_internal(w) and not hidden_by_state(w, root)
                  and not has_name(w, buddied))


@pytest.fixture
def demo_app(tmp_path: Path, open_app):
    path = tmp_path / "demo-museum.sqlite3"
    seed_into(path, DEMO_DIR)
    return open_app(path, demo=True)


def load_everything(qtbot, app) -> None:
    window = app.window
    for row, page in enumerate(window.pages):
        window.nav.setCurrentRow(row)
        qtbot.waitUntil(lambda p=page: p.has_loaded and not p.is_loading, timeout=LOAD_TIMEOUT_MS)
    drain_background_tasks(qtbot)
    collection, store = window.pages[0], window.pages[1]
    window.nav.setCurrentRow(0)
    for row in range(collection.model.rowCount()):  # an object with tags, so the tag chips are walked too
        assert collection.open_editor(row)
        qtbot.waitUntil(lambda: collection.editor.isVisible() and not collection.is_loading, timeout=LOAD_TIMEOUT_MS)
        if any(c.isVisible() for c in collection.editor.findChildren(QAbstractButton, "tagChip")):
            break
    window.nav.setCurrentRow(1)
    assert store.open_editor(0)
    qtbot.waitUntil(lambda: store.editor.isVisible() and not store.is_loading, timeout=LOAD_TIMEOUT_MS)
    drain_background_tasks(qtbot)


def test_every_control_of_the_main_window_has_a_name(qtbot, demo_app):
    load_everything(qtbot, demo_app)
    missing = unnamed(demo_app.window)
    assert not missing, "controls without an accessible name or buddy label:\n" + "\n".join(missing)


def test_every_control_of_the_main_dialogs_has_a_name(qtbot, demo_app):
    from curator_console.ui.live.start_dialog import StartSessionDialog
    from curator_console.ui.restore_dialog import RestoreDialog
    from curator_console.ui.settings_dialog import SettingsDialog

    context = demo_app.context
    settings = SettingsDialog(context.settings, context.database.display, demo_app.window, context=context)
    restore = RestoreDialog(context.database.display, demo_app.window)
    start = StartSessionDialog(context, demo_app.window)
    missing = []
    for dialog in (settings, restore, start):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: settings.connections is None or settings.connections.has_loaded, timeout=LOAD_TIMEOUT_MS)
    drain_background_tasks(qtbot)
    for dialog in (settings, restore, start):
        missing += [f"{dialog.objectName()}: {line}" for line in unnamed(dialog)]
        dialog.close()
    assert not missing, "controls without an accessible name or buddy label:\n" + "\n".join(missing)


def focus_order(root: QWidget, names: list[str]) -> list[str]:
    """The named widgets of ``root`` in the order Tab visits them."""
    seen: list[str] = []
    widget = root.nextInFocusChain()
    for _ in range(5000):
        if widget is root:
            break
        name = widget.objectName()
        if (name in names and name not in seen and root.isAncestorOf(widget)
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            seen.append(name)
        widget = widget.nextInFocusChain()
    return seen


def test_tab_order_of_the_editors_follows_the_screen(qtbot, demo_app):
    load_everything(qtbot, demo_app)
    window = demo_app.window
    collection, store, tours = window.pages[0], window.pages[1], window.pages[2]

    object_fields = ["field_object_number", "field_title", "field_dimensions", "tagChip", "tagInput", "imageList",
                     "addImageButton", "field_description", "field_credit_line", "field_provenance"]
    assert focus_order(collection.editor, object_fields) == object_fields
    window.nav.setCurrentRow(0)
    chips = [w for w in collection.editor.findChildren(QAbstractButton, "tagChip") if w.isVisible()]
    assert chips, "the demo object has tags"
    # Every chip sits between the last field and the line that adds a tag.
    order = []
    w = collection.editor.findChild(QLineEdit, "field_dimensions")
    while w is not collection.editor.findChild(QLineEdit, "tagInput"):
        w = w.nextInFocusChain()
        if w in chips:
            order.append(w)
    assert order == chips

    product_fields = ["field_sku", "field_title", "field_price", "field_stock", "field_status", "field_url",
                      "linkedObjects"]
    assert focus_order(store.editor, product_fields) == product_fields

    tour_fields = ["tourTitleEdit", "tourHostEdit", "tourStartCheck", "tourStartEdit", "tourSlotEdit",
                   "tourLanguageCombo", "addSegmentButton", "segmentTable", "readinessList", "segmentTitleEdit",
                   "segmentPlannedEdit", "scriptEdit"]
    assert focus_order(tours.editor, tour_fields) == tour_fields
    page_order = ["newTourButton", "tourTable", "showArchivedCheck", "tourTitleEdit"]
    assert focus_order(tours, page_order) == page_order


def test_the_walk_reports_a_control_without_a_name(qtbot):
    from PySide6.QtWidgets import QFormLayout, QPushButton, QToolButton, QVBoxLayout

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    form = QFormLayout()
    named_by_label = QLineEdit(objectName="withBuddy")
    form.addRow("Title", named_by_label)  # QFormLayout makes the label its buddy
    layout.addLayout(form)
    for widget in (QLineEdit(objectName="bare"), QToolButton(text="◀", objectName="arrowOnly"),
                   QPushButton("Save", objectName="saveButton")):
        layout.addWidget(widget)
    named = QLineEdit(objectName="named")
    named.setAccessibleName("Search")
    layout.addWidget(named)
    missing = unnamed(root)
    assert sorted(line.split("(")[1].split(")")[0] for line in missing) == ["'arrowOnly'", "'bare'"]
