"""The segment script editor: commits, formatting, the second language, speaking time, and undo
through the window's one QUndoStack."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QKeySequence, QTextCursor, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QVBoxLayout, QWidget

from curator_console.domain.timing import ReadingSpeed
from curator_console.ui.tours.script_editor import IDLE_COMMIT_MS, ScriptEditor

from .helpers import LOAD_TIMEOUT_MS, figures


class ScriptEditCommand(QUndoCommand):
    """What the tour editor does with a commit: the text is saved already; undo/redo load it."""

    def __init__(self, editor: ScriptEditor, field: str, old: str, new: str) -> None:
        super().__init__(f"Edit {field}")
        self.editor, self.field, self.old, self.new = editor, field, old, new

    def _load(self, value: str) -> None:
        script, alt = self.editor.texts()
        self.editor.set_texts(value, alt) if self.field == "script" else self.editor.set_texts(script, value)

    def redo(self) -> None:
        self._load(self.new)

    def undo(self) -> None:
        self._load(self.old)


class EditorWindow(QMainWindow):
    """A small window like the app's: an Edit menu whose Undo/Redo actions drive one QUndoStack."""

    def __init__(self) -> None:
        super().__init__()
        self.stack = QUndoStack(self)
        self.undo_action = self.stack.createUndoAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.stack.createRedoAction(self)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu = self.menuBar().addMenu("Edit")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        self.editor = ScriptEditor()
        self.other = QLineEdit()  # somewhere else to put the focus
        self.other.setObjectName("elsewhere")
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.other)
        layout.addWidget(self.editor)
        self.setCentralWidget(body)
        self.commits: list[tuple[str, str, str]] = []
        self.editor.committed.connect(self._committed)
        self.resize(900, 500)

    def _committed(self, field: str, old: str, new: str) -> None:
        self.commits.append((field, old, new))
        self.stack.push(ScriptEditCommand(self.editor, field, old, new))


@pytest.fixture
def window(qtbot) -> EditorWindow:
    w = EditorWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=LOAD_TIMEOUT_MS)
    return w


def focus(qtbot, widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(widget.hasFocus, timeout=LOAD_TIMEOUT_MS)


def put_caret(edit, position: int, anchor: int | None = None) -> None:
    cursor = edit.textCursor()
    cursor.setPosition(anchor if anchor is not None else position)
    cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type as a user does: Latin text key by key, Chinese committed by the input method."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)


def press(qtbot, widget: QWidget, sequence: QKeySequence) -> None:
    combo = sequence[0]
    qtbot.keyClick(widget, combo.key(), combo.keyboardModifiers())


# --- committing -----------------------------------------------------------------------------------


def test_typing_then_leaving_the_editor_commits_once_with_old_and_new(qtbot, window) -> None:
    editor = window.editor
    editor.set_texts("欢迎来到博物馆。", "")
    assert window.commits == []  # loading never commits
    focus(qtbot, editor.edit)
    put_caret(editor.edit, len("欢迎来到博物馆。"))
    type_text(qtbot, editor.edit, " Welcome")
    assert window.commits == []
    focus(qtbot, window.other)
    assert window.commits == [("script", "欢迎来到博物馆。", "欢迎来到博物馆。 Welcome")]
    # Coming back and leaving again without typing commits nothing more.
    focus(qtbot, editor.edit)
    focus(qtbot, window.other)
    assert len(window.commits) == 1


def test_idle_typing_commits_after_a_pause(qtbot, window) -> None:
    editor = window.editor
    editor.set_texts("", "old second")
    focus(qtbot, editor.alt_edit)
    put_caret(editor.alt_edit, 0)
    with qtbot.waitSignal(editor.committed, timeout=IDLE_COMMIT_MS + LOAD_TIMEOUT_MS) as blocker:
        type_text(qtbot, editor.alt_edit, "the ")
    assert blocker.args == ["script_alt", "old second", "the old second"]
    assert editor.alt_edit.hasFocus()  # committed while still typing there


def test_flush_commits_pending_text_and_never_an_unchanged_one(qtbot, window) -> None:
    editor = window.editor
    editor.set_texts("青铜", "")
    focus(qtbot, editor.edit)
    put_caret(editor.edit, 2)
    qtbot.keyClick(editor.edit, Qt.Key.Key_A)
    qtbot.keyClick(editor.edit, Qt.Key.Key_Backspace)
    editor.flush()
    assert window.commits == []  # typed and taken back: nothing changed
    type_text(qtbot, editor.edit, "鼎")
    editor.flush()
    editor.flush()
    assert window.commits == [("script", "青铜", "青铜鼎")]
    editor.set_texts("另一段", "")  # another segment: its text is the new "old"
    put_caret(editor.edit, 3)
    type_text(qtbot, editor.edit, "!")
    editor.flush()
    assert window.commits[-1] == ("script", "另一段", "另一段!")


# --- undo through the window's stack --------------------------------------------------------------


def test_keyboard_undo_while_typing_reaches_the_window_stack(qtbot, window) -> None:
    editor = window.editor
    editor.set_texts("第一句。", "")
    focus(qtbot, editor.edit)
    put_caret(editor.edit, 4)
    type_text(qtbot, editor.edit, "第二句。")
    editor.flush()
    assert window.stack.count() == 1
    type_text(qtbot, editor.edit, "Typo")  # not committed yet: Ctrl+Z commits it, then undoes it
    press(qtbot, editor.edit, QKeySequence(QKeySequence.StandardKey.Undo))
    assert editor.texts()[0] == "第一句。第二句。"
    assert window.stack.count() == 2 and window.stack.index() == 1
    press(qtbot, editor.edit, QKeySequence(QKeySequence.StandardKey.Undo))
    assert editor.texts()[0] == "第一句。"
    press(qtbot, editor.edit, QKeySequence(QKeySequence.StandardKey.Redo))
    assert editor.texts()[0] == "第一句。第二句。"
    assert editor.edit.hasFocus()
    assert window.commits == [("script", "第一句。", "第一句。第二句。"), ("script", "第一句。第二句。", "第一句。第二句。Typo")]


def test_undo_of_a_typo_keeps_the_caret_where_it_was(qtbot, window) -> None:
    editor = window.editor
    lines = [f"Line {i} of the script about the bronze ding." for i in range(60)]
    text = "\n".join(lines)
    editor.set_texts(text, "")
    focus(qtbot, editor.edit)
    where = text.index("Line 40") + 5
    put_caret(editor.edit, where)
    editor.edit.ensureCursorVisible()
    scroll = editor.edit.verticalScrollBar().value()
    assert scroll > 0
    type_text(qtbot, editor.edit, "x")
    press(qtbot, editor.edit, QKeySequence(QKeySequence.StandardKey.Undo))
    assert editor.texts()[0] == text
    assert editor.edit.textCursor().position() == where
    assert editor.edit.verticalScrollBar().value() == scroll


def test_the_text_edits_keep_no_undo_history_of_their_own(window) -> None:
    for edit in (window.editor.edit, window.editor.alt_edit):
        assert not edit.isUndoRedoEnabled()
        assert edit.accessibleName()
    assert window.editor.edit.accessibleName() != window.editor.alt_edit.accessibleName()


# --- formatting -----------------------------------------------------------------------------------


def test_shortcuts_toggle_bullets_numbers_and_headings_on_the_selected_lines(qtbot, window) -> None:
    editor, edit = window.editor, window.editor.edit
    editor.set_texts("青铜鼎\nJade bi\n\n瓷器", "")
    focus(qtbot, edit)
    put_caret(edit, len(edit.toPlainText()), 0)
    qtbot.keyClick(edit, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert edit.toPlainText() == "- 青铜鼎\n- Jade bi\n\n- 瓷器"
    qtbot.keyClick(edit, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert edit.toPlainText() == "1. 青铜鼎\n2. Jade bi\n\n3. 瓷器"
    qtbot.keyClick(edit, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert edit.toPlainText() == "青铜鼎\nJade bi\n\n瓷器"
    put_caret(edit, 1)  # the caret inside the first line only
    qtbot.keyClick(edit, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert edit.toPlainText() == "## 青铜鼎\nJade bi\n\n瓷器"
    assert edit.textCursor().position() == 4  # still after "青"
    qtbot.keyClick(edit, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert edit.toPlainText() == "# 青铜鼎\nJade bi\n\n瓷器"
    qtbot.keyClick(edit, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert edit.toPlainText() == "青铜鼎\nJade bi\n\n瓷器"


def test_nested_bullets_keep_their_indent(qtbot, window) -> None:
    editor, edit = window.editor, window.editor.edit
    editor.set_texts("鼎\n  三足\n  两耳", "")
    focus(qtbot, edit)
    put_caret(edit, len(edit.toPlainText()), 0)
    editor.bullet_action.trigger()
    assert edit.toPlainText() == "- 鼎\n  - 三足\n  - 两耳"
    editor.numbered_action.trigger()
    assert edit.toPlainText() == "1. 鼎\n  1. 三足\n  2. 两耳"


def test_bold_toggles_on_the_selection_and_around_the_caret(qtbot, window) -> None:
    editor, edit = window.editor, window.editor.edit
    editor.set_texts("这是西周的鼎", "")
    focus(qtbot, edit)
    put_caret(edit, 4, 2)  # "西周"
    qtbot.keyClick(edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert edit.toPlainText() == "这是**西周**的鼎"
    assert edit.textCursor().selectedText() == "西周"
    qtbot.keyClick(edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert edit.toPlainText() == "这是西周的鼎"
    put_caret(edit, 6, 2)
    editor.bold_action.trigger()
    put_caret(edit, 7)  # the caret inside the bold text, nothing selected: unbold it
    editor.bold_action.trigger()
    assert edit.toPlainText() == "这是西周的鼎"
    put_caret(edit, 6)  # at the end, outside any bold: an empty pair to type into
    qtbot.keyClick(edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, edit, "ding")
    assert edit.toPlainText() == "这是西周的鼎**ding**"


def test_toolbar_buttons_format_the_editor_that_had_the_focus(qtbot, window) -> None:
    editor = window.editor
    editor.set_texts("Script", "Second line one\nSecond line two")
    focus(qtbot, editor.alt_edit)
    put_caret(editor.alt_edit, 0, len(editor.alt_edit.toPlainText()))
    button = editor.toolbar.widgetForAction(editor.bullet_action)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert editor.texts() == ("Script", "- Second line one\n- Second line two")
    assert editor.alt_edit.hasFocus()
    qtbot.mouseClick(editor.heading_button, Qt.MouseButton.LeftButton)
    assert editor.texts()[1] == "# Second line one\n# Second line two"


def test_read_only_blocks_typing_and_formatting(qtbot, window) -> None:
    editor = window.editor
    editor.set_texts("固定", "")
    editor.set_read_only(True)
    focus(qtbot, editor.edit)
    type_text(qtbot, editor.edit, "abc")
    qtbot.keyClick(editor.edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    editor.flush()
    assert editor.texts() == ("固定", "")
    assert not editor.bold_action.isEnabled()
    assert window.commits == []


# --- second language and timing ------------------------------------------------------------------


def test_second_language_toggle_and_automatic_show(qtbot, window) -> None:
    editor = window.editor
    pane = editor.alt_edit
    editor.set_texts("只有中文", "")
    assert not pane.isVisible()
    qtbot.mouseClick(editor.toolbar.widgetForAction(editor.second_language), Qt.MouseButton.LeftButton)
    assert pane.isVisible()
    qtbot.mouseClick(editor.toolbar.widgetForAction(editor.second_language), Qt.MouseButton.LeftButton)
    assert not pane.isVisible()
    editor.set_texts("中文", "English version")
    assert pane.isVisible() and editor.second_language.isChecked()
    assert editor.texts() == ("中文", "English version")


def test_speaking_time_follows_typing_in_chinese_and_english(qtbot, window) -> None:
    editor = window.editor
    editor.set_reading_speed(ReadingSpeed(cjk_chars_per_minute=60, words_per_minute=30))
    editor.set_texts("", "")
    editor.second_language.setChecked(True)
    assert figures(editor.timing_labels["script"].text()) == ["0:00"]
    focus(qtbot, editor.edit)
    type_text(qtbot, editor.edit, "# 青铜**鼎**")  # 3 characters at 60 a minute; marks are not spoken
    qtbot.waitUntil(lambda: figures(editor.timing_labels["script"].text()) == ["0:03"], timeout=LOAD_TIMEOUT_MS)
    focus(qtbot, editor.alt_edit)
    type_text(qtbot, editor.alt_edit, "- The bronze ding")  # 3 words at 30 a minute
    qtbot.waitUntil(lambda: figures(editor.timing_labels["script_alt"].text()) == ["0:06"], timeout=LOAD_TIMEOUT_MS)
    editor.set_reading_speed(ReadingSpeed(cjk_chars_per_minute=30, words_per_minute=30))
    assert figures(editor.timing_labels["script"].text()) == ["0:06"]
