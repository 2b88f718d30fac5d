"""The segment's script editor: the markup source (``domain/script_markup``) with highlighting,
a formatting toolbar, the second-language version beside it, and a live speaking-time estimate.

Saving is the owner's job: ``committed(field, old, new)`` says when an edit should be saved —
when an editor loses focus, after ``IDLE_COMMIT_MS`` without typing, and on ``flush()`` — and
never when the text did not change. ``old`` is the text last committed or loaded.

Undo belongs to the window's one ``QUndoStack``: the text edits keep no undo history of their
own, and Ctrl+Z / Ctrl+Shift+Z pressed while typing first commit the pending text, then go on to
the window's Undo / Redo actions (a ``QPlainTextEdit`` would otherwise claim those keys).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QSizePolicy,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from curator_console.domain.script_markup import (
    BOLD_MARK,
    BULLET,
    HEADING,
    HEADING_SCALE,
    NUMBERED,
    bold_spans,
    line_mark,
    plain_text,
)
from curator_console.domain.timing import ReadingSpeed, estimate_speaking_seconds
from curator_console.ui import appearance
from curator_console.ui import formatting as fmt

IDLE_COMMIT_MS = 1500
TIMING_DELAY_MS = 120
SCRIPT, SCRIPT_ALT = "script", "script_alt"
FIELDS = (SCRIPT, SCRIPT_ALT)
MARKER_COLOR = QColor("#1565c0")  # on a light palette (ScriptHighlighter takes appearance's "accent")


# --- line formatting (plain string functions the toolbar applies to the selected lines) -----------


def _split_mark(line: str) -> tuple[str, str, str]:
    """``(indent, mark, text)`` of a line; ``mark`` is "" for a plain line."""
    mark = line_mark(line)
    if mark is None:
        stripped = line.lstrip(" \t")
        return line[: len(line) - len(stripped)], "", stripped
    return line[: mark.start], line[mark.start:mark.end], line[mark.end:]


def _text_start(line: str) -> int:
    """Where a line's text begins (after its indent and mark)."""
    indent, mark, _text = _split_mark(line)
    return len(indent) + len(mark)


def _kind(line: str) -> tuple[str, int] | None:
    mark = line_mark(line)
    return (mark.kind, mark.level) if mark is not None else None


def toggle_heading(lines: list[str], level: int) -> list[str]:
    """Make the (non-blank) lines headings of ``level``; if they all are already, plain lines."""
    content = [i for i, line in enumerate(lines) if line.strip()]
    if content and all(_kind(lines[i]) == (HEADING, level) for i in content):
        return [_split_mark(line)[2] if line.strip() else line for line in lines]
    return ["#" * level + " " + _split_mark(line)[2] if line.strip() else line for line in lines]


def toggle_bullets(lines: list[str]) -> list[str]:
    """Bullet the (non-blank) lines, keeping their indent; if they all are bullets, unbullet them."""
    content = [i for i, line in enumerate(lines) if line.strip()]
    if content and all((_kind(lines[i]) or ("",))[0] == BULLET for i in content):
        return ["".join(_split_mark(line)[::2]) if line.strip() else line for line in lines]
    out = []
    for line in lines:
        if not line.strip():
            out.append(line)
            continue
        indent, mark, text = _split_mark(line)
        out.append(("" if mark.startswith("#") else indent) + "- " + text)
    return out


def toggle_numbers(lines: list[str]) -> list[str]:
    """Number the (non-blank) lines 1, 2, 3… (per indent level); if they all are numbered, unnumber them."""
    content = [i for i, line in enumerate(lines) if line.strip()]
    if content and all((_kind(lines[i]) or ("",))[0] == NUMBERED for i in content):
        return ["".join(_split_mark(line)[::2]) if line.strip() else line for line in lines]
    out = []
    counters: dict[int, int] = {}
    for line in lines:
        if not line.strip():
            out.append(line)
            continue
        indent, mark, text = _split_mark(line)
        if mark.startswith("#"):
            indent = ""
        width = len(indent.expandtabs(4))
        counters = {w: n for w, n in counters.items() if w <= width}
        counters[width] = counters.get(width, 0) + 1
        out.append(f"{indent}{counters[width]}. {text}")
    return out


# --- highlighting ---------------------------------------------------------------------------------


class ScriptHighlighter(QSyntaxHighlighter):
    """Headings larger and bold, ``**bold**`` bold with its asterisks dimmed, list marks coloured.
    Bold is found within each line (a pair spanning lines is shown plain while typing)."""

    def __init__(self, document: QTextDocument, palette: QPalette) -> None:
        super().__init__(document)
        self.set_palette(palette)

    def set_palette(self, palette: QPalette) -> None:
        dim = QColor(palette.color(QPalette.ColorRole.Text))
        dim.setAlphaF(0.4)
        self._dim = dim
        self._marker = appearance.colour("accent", dark=appearance.is_dark(palette))
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        if not text:
            return
        base = self.document().defaultFont().pointSizeF()
        mark = line_mark(text)
        line_format = QTextCharFormat()
        if mark is not None and mark.kind == HEADING:
            line_format.setFontWeight(QFont.Weight.Bold)
            if base > 0:
                line_format.setFontPointSize(base * HEADING_SCALE[mark.level])
            self.setFormat(0, len(text), line_format)
            marks = QTextCharFormat(line_format)
            marks.setForeground(self._dim)
            self.setFormat(mark.start, mark.end - mark.start, marks)
        elif mark is not None:
            marker = QTextCharFormat()
            marker.setForeground(self._marker)
            marker.setFontWeight(QFont.Weight.Bold)
            self.setFormat(mark.start, mark.end - mark.start, marker)
        n = len(BOLD_MARK)
        start_at = mark.end if mark is not None else 0
        for start, end in bold_spans(text[start_at:]):
            start, end = start + start_at, end + start_at
            bold = QTextCharFormat(line_format)
            bold.setFontWeight(QFont.Weight.Bold)
            self.setFormat(start + n, end - start - 2 * n, bold)
            dimmed = QTextCharFormat(bold)
            dimmed.setForeground(self._dim)
            self.setFormat(start, n, dimmed)
            self.setFormat(end - n, n, dimmed)


# --- the widget -----------------------------------------------------------------------------------


def _common_ends(old: str, new: str) -> tuple[int, int]:
    """Lengths of the common prefix and (non-overlapping) common suffix of two texts."""
    limit = min(len(old), len(new))
    p = 0
    while p < limit and old[p] == new[p]:
        p += 1
    s = 0
    while s < limit - p and old[-1 - s] == new[-1 - s]:
        s += 1
    return p, s


def _keys(action: QAction) -> str:
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


class ScriptEditor(QWidget):
    """A segment's script and its second-language version, side by side."""

    committed = Signal(str, str, str)  # field ("script" / "script_alt"), old text, new text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._speed = ReadingSpeed()
        self._committed = {SCRIPT: "", SCRIPT_ALT: ""}
        self._loading = False
        self._read_only = False

        self.edits: dict[str, QPlainTextEdit] = {}
        self.titles: dict[str, QLabel] = {}
        self.timing_labels: dict[str, QLabel] = {}
        self.panes: dict[str, QWidget] = {}
        self._idle: dict[str, QTimer] = {}
        self._timing: dict[str, QTimer] = {}
        self.highlighters: dict[str, ScriptHighlighter] = {}
        for field in FIELDS:
            self._build_pane(field)
        self.edit = self.edits[SCRIPT]
        self.alt_edit = self.edits[SCRIPT_ALT]
        self._active = self.edit  # the editor the toolbar formats (the one last focused)

        self.toolbar = QToolBar()
        self.toolbar.setObjectName("scriptToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.heading_actions = [self._action(f"scriptHeading{level}", f"Ctrl+Alt+{level}",
                                             lambda _=False, lv=level: self.toggle_heading(lv))
                                for level in (1, 2, 3)]
        self.bold_action = self._action("scriptBold", "Ctrl+B", self.toggle_bold)
        self.bullet_action = self._action("scriptBullets", "Ctrl+Shift+8", self.toggle_bullets)
        self.numbered_action = self._action("scriptNumbered", "Ctrl+Shift+7", self.toggle_numbers)
        self.heading_menu = QMenu(self)
        self.heading_menu.addActions(self.heading_actions)
        # "Heading" toggles a level-1 heading; its arrow offers levels 1–3.
        self.heading_action = QAction(self)
        self.heading_action.setObjectName("scriptHeading")
        self.heading_action.setMenu(self.heading_menu)
        self.heading_action.triggered.connect(lambda _=False: self.toggle_heading(1))
        self.toolbar.addAction(self.heading_action)
        self.heading_button = self.toolbar.widgetForAction(self.heading_action)
        self.heading_button.setObjectName("scriptHeadingButton")
        self.heading_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        bold_font = self.font()
        bold_font.setBold(True)
        self.bold_action.setFont(bold_font)
        self.toolbar.addAction(self.bold_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.bullet_action)
        self.toolbar.addAction(self.numbered_action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.second_language = QAction(self)
        self.second_language.setObjectName("scriptSecondLanguage")
        self.second_language.setCheckable(True)
        self.second_language.toggled.connect(self._show_second_language)
        self.toolbar.addAction(self.second_language)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("scriptSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.panes[SCRIPT])
        self.splitter.addWidget(self.panes[SCRIPT_ALT])
        self.panes[SCRIPT_ALT].hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter, 1)
        self.retranslate()
        for field in FIELDS:
            self._update_timing(field)

    def _build_pane(self, field: str) -> None:
        edit = QPlainTextEdit()
        edit.setObjectName("scriptEdit" if field == SCRIPT else "scriptAltEdit")
        edit.setUndoRedoEnabled(False)  # the window's undo stack is the only undo
        edit.setTabChangesFocus(True)
        edit.installEventFilter(self)
        self.highlighters[field] = ScriptHighlighter(edit.document(), edit.palette())
        title = QLabel()
        title.setBuddy(edit)
        timing = QLabel()
        timing.setObjectName("scriptTiming" if field == SCRIPT else "scriptAltTiming")
        pane = QWidget()
        box = QVBoxLayout(pane)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(title)
        box.addWidget(edit, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(timing)
        box.addLayout(row)
        idle = QTimer(self, singleShot=True, interval=IDLE_COMMIT_MS)
        idle.timeout.connect(lambda f=field: self.commit(f))
        timer = QTimer(self, singleShot=True, interval=TIMING_DELAY_MS)
        timer.timeout.connect(lambda f=field: self._update_timing(f))
        self.edits[field], self.titles[field], self.timing_labels[field] = edit, title, timing
        self.panes[field], self._idle[field], self._timing[field] = pane, idle, timer
        edit.textChanged.connect(lambda f=field: self._text_changed(f))

    def _action(self, name: str, shortcut: str, slot) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # --- texts ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.titles[SCRIPT].setText(self.tr("&Script"))
        self.titles[SCRIPT_ALT].setText(self.tr("Second &language"))
        self.edit.setAccessibleName(self.tr("Script"))
        self.alt_edit.setAccessibleName(self.tr("Script in the second language"))
        placeholder = self.tr("What you will say. # Heading, **bold**, - bullet, 1. numbered item")
        self.edit.setPlaceholderText(placeholder)
        self.alt_edit.setPlaceholderText(self.tr("The script in the second language (optional)"))
        heading = self.tr("Heading")
        self.heading_action.setText(heading)
        self.heading_action.setToolTip(f"{heading} ({', '.join(_keys(a) for a in self.heading_actions)})")
        for level, action in enumerate(self.heading_actions, start=1):
            action.setText(fmt.arg(self.tr("Heading %1"), level))
            action.setToolTip(f"{action.text()} ({_keys(action)})")
        for action, text in ((self.bold_action, self.tr("Bold")), (self.bullet_action, self.tr("Bullet list")),
                             (self.numbered_action, self.tr("Numbered list"))):
            action.setText(text)
            action.setToolTip(f"{text} ({_keys(action)})")
        self.second_language.setText(self.tr("Second language"))
        self.second_language.setToolTip(self.tr("Show or hide the script in the second language"))
        for field in FIELDS:
            self._update_timing(field)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            for field in FIELDS:  # this widget's palette: it hears of a change before its children
                self.highlighters[field].set_palette(self.palette())
        super().changeEvent(event)

    def set_texts(self, script: str, script_alt: str) -> None:
        """Show these texts (a segment loaded, or an undo/redo) without emitting ``committed``.
        A small change (an undone typo) keeps the cursor and the scroll position."""
        for field, text in ((SCRIPT, script or ""), (SCRIPT_ALT, script_alt or "")):
            self._idle[field].stop()
            self._committed[field] = text
            self._replace(self.edits[field], text)
            self._update_timing(field)
        if script_alt and not self.second_language.isChecked():
            self.second_language.setChecked(True)

    def _replace(self, edit: QPlainTextEdit, new: str) -> None:
        old = edit.toPlainText()
        if old == new:
            return
        p, s = _common_ends(old, new)
        self._loading = True
        try:
            if old and new and p + s >= min(len(old), len(new)) // 2:
                # An edit of one stretch: replace just that, so the cursor and scrolling stay put.
                scroll = edit.verticalScrollBar().value()
                cursor = QTextCursor(edit.document())
                cursor.setPosition(p)
                cursor.setPosition(len(old) - s, QTextCursor.MoveMode.KeepAnchor)
                cursor.insertText(new[p:len(new) - s])
                edit.verticalScrollBar().setValue(scroll)
            else:
                edit.setPlainText(new)
        finally:
            self._loading = False

    def texts(self) -> tuple[str, str]:
        return self.edit.toPlainText(), self.alt_edit.toPlainText()

    def set_reading_speed(self, speed: ReadingSpeed) -> None:
        self._speed = speed
        for field in FIELDS:
            self._update_timing(field)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for edit in self.edits.values():
            edit.setReadOnly(read_only)
        for action in (*self.heading_actions, self.bold_action, self.bullet_action, self.numbered_action):
            action.setEnabled(not read_only)
        self.heading_action.setEnabled(not read_only)

    def is_read_only(self) -> bool:
        return self._read_only

    def speaking_seconds(self, field: str = SCRIPT) -> int:
        return estimate_speaking_seconds(plain_text(self.edits[field].toPlainText()), self._speed)

    def second_language_shown(self) -> bool:
        return self.second_language.isChecked()

    def set_second_language_shown(self, shown: bool) -> None:
        self.second_language.setChecked(shown)

    def _show_second_language(self, shown: bool) -> None:
        self.panes[SCRIPT_ALT].setVisible(shown)
        if not shown and self.alt_edit.hasFocus():
            self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- committing -----------------------------------------------------------------------------
    def commit(self, field: str) -> bool:
        """Announce the edit of ``field`` if its text differs from the last committed one."""
        self._idle[field].stop()
        new = self.edits[field].toPlainText()
        old = self._committed[field]
        if new == old:
            return False
        self._committed[field] = new
        self.committed.emit(field, old, new)
        return True

    def flush(self) -> None:
        """Commit whatever has been typed and not committed yet (both languages)."""
        for field in FIELDS:
            self.commit(field)

    def has_pending_edits(self) -> bool:
        return any(self.edits[f].toPlainText() != self._committed[f] for f in FIELDS)

    def _text_changed(self, field: str) -> None:
        self._timing[field].start()
        if not self._loading:
            self._idle[field].start()

    def _update_timing(self, field: str) -> None:
        self._timing[field].stop()
        label = self.timing_labels[field]
        label.setText(fmt.arg(self.tr("Speaking time ≈ %1"), fmt.duration(self.speaking_seconds(field))))
        label.setToolTip(fmt.arg(self.tr("At %1 Chinese characters or %2 English words a minute (Settings)"),
                                 self._speed.cjk_chars_per_minute, self._speed.words_per_minute))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        field = next((f for f, e in self.edits.items() if e is watched), None)
        if field is None:
            return super().eventFilter(watched, event)
        kind = event.type()
        if kind == QEvent.Type.FocusIn:
            self._active = self.edits[field]
        elif kind == QEvent.Type.FocusOut:
            if event.reason() != Qt.FocusReason.PopupFocusReason:  # a context menu is no leaving
                self.commit(field)
        elif kind == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
                # The typing so far becomes an edit on the window's stack, then the key goes on to
                # the window's Undo/Redo action instead of the text edit's own (disabled) undo.
                self.flush()
                event.ignore()
                return True
        return super().eventFilter(watched, event)

    # --- formatting -----------------------------------------------------------------------------
    def active_edit(self) -> QPlainTextEdit:
        return self._active

    def _edit_lines(self, transform) -> None:
        edit = self._active
        if edit.isReadOnly():
            return
        doc = edit.document()
        cursor = edit.textCursor()
        has_selection = cursor.hasSelection()
        caret = cursor.position()  # (the cursor itself moves with the change below)
        first = doc.findBlock(cursor.selectionStart())
        last = doc.findBlock(cursor.selectionEnd())
        if has_selection and last.position() == cursor.selectionEnd() and last != first:
            last = last.previous()  # a selection ending at a line's start leaves that line alone
        blocks = []
        block = first
        while block.isValid():
            blocks.append(block)
            if block == last:
                break
            block = block.next()
        lines = [b.text() for b in blocks]
        new_lines = transform(lines)
        if new_lines == lines:
            return
        start = first.position()
        end = last.position() + last.length() - 1
        change = QTextCursor(doc)
        change.beginEditBlock()
        change.setPosition(start)
        change.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        change.insertText("\n".join(new_lines))
        change.endEditBlock()
        result = QTextCursor(doc)
        if has_selection:
            result.setPosition(start)
            result.setPosition(start + len("\n".join(new_lines)), QTextCursor.MoveMode.KeepAnchor)
        else:
            # The caret stays on the same character of the line's text, wherever its mark went.
            into_text = max(0, caret - start - _text_start(lines[0]))
            result.setPosition(start + min(len(new_lines[0]), _text_start(new_lines[0]) + into_text))
        edit.setTextCursor(result)

    def toggle_heading(self, level: int = 1) -> None:
        """Make the current lines headings of ``level`` (or plain again when they already are)."""
        self._edit_lines(lambda lines: toggle_heading(lines, level))

    def toggle_bullets(self) -> None:
        self._edit_lines(toggle_bullets)

    def toggle_numbers(self) -> None:
        self._edit_lines(toggle_numbers)

    def toggle_bold(self) -> None:
        """Bold the selection (or unbold it when it is bold); without a selection, unbold the bold
        text around the caret, or insert an empty pair of marks to type into."""
        edit = self._active
        if edit.isReadOnly():
            return
        n = len(BOLD_MARK)
        doc_text = edit.toPlainText()
        cursor = edit.textCursor()
        a, b = cursor.selectionStart(), cursor.selectionEnd()
        change = QTextCursor(edit.document())
        change.beginEditBlock()
        if cursor.hasSelection():
            selected = doc_text[a:b]
            if len(selected) > 2 * n and selected.startswith(BOLD_MARK) and selected.endswith(BOLD_MARK):
                inner = selected[n:-n]
                lo, hi = a, b
            elif doc_text[max(0, a - n):a] == BOLD_MARK and doc_text[b:b + n] == BOLD_MARK:
                inner = selected
                lo, hi = a - n, b + n
            else:
                inner = None
                lo, hi = a, b
            change.setPosition(lo)
            change.setPosition(hi, QTextCursor.MoveMode.KeepAnchor)
            if inner is None:
                change.insertText(BOLD_MARK + selected + BOLD_MARK)
                select = (lo + n, lo + n + len(selected))
            else:
                change.insertText(inner)
                select = (lo, lo + len(inner))
        else:
            block = cursor.block()
            line, offset, column = block.text(), block.position(), a - block.position()
            span = next(((s, e) for s, e in bold_spans(line) if s <= column <= e), None)
            if span is not None:
                s, e = span
                change.setPosition(offset + s)
                change.setPosition(offset + e, QTextCursor.MoveMode.KeepAnchor)
                change.insertText(line[s + n:e - n])
                caret = min(max(column - n, s), e - 2 * n)
                select = (offset + caret, offset + caret)
            else:
                change.setPosition(a)
                change.insertText(BOLD_MARK * 2)
                select = (a + n, a + n)
        change.endEditBlock()
        result = QTextCursor(edit.document())
        result.setPosition(select[0])
        result.setPosition(select[1], QTextCursor.MoveMode.KeepAnchor)
        edit.setTextCursor(result)
