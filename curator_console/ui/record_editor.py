"""What the object editor (Collection) and the product editor (Store) share: a panel beside a table
that shows one record, field by field, and saves each change as an undoable command.

``RecordEditor`` holds the mechanics: the heading, close button and concurrent-change banner; a
form row (field, label, error line) per ``FieldSpec``; reading the record in the background (a read
started before a change saved here is dropped and read again); saving a field when it is left,
through the service, with the value the editor last saw as ``expected`` (so a colleague's change is
never overwritten); putting every saved change on the window's undo stack
(``AppliedEditCommand``); refused values explained under their field; image files dropped on the
panel. A subclass says what it edits through a few hooks: ``_field_specs``, ``_build_body``,
``_read``, ``_save_field``, ``_text``, ``_retranslate_own``, ``_subheading_parts``, ``_show_more``,
``_files_dropped`` and ``_thumbnail_ready``, plus ``key_field`` and ``missing_error``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from curator_console.services.collection import ValidationError
from curator_console.services.collection_objects import ConcurrentEditError, FieldError
from curator_console.ui import appearance
from curator_console.ui import formatting as fmt
from curator_console.ui import layout_state
from curator_console.ui.commands import AppliedEditCommand
from curator_console.ui.thumbnails import Thumbnails

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".tif", ".tiff", ".bmp")
ERROR_COLOR = "color: $error;"  # templates for appearance.styled: the colour follows light/dark
ERROR_STYLE = "border: 1px solid $error; border-radius: 3px;"  # a field holding a refused value


def local_files(mime: QMimeData) -> list[str]:
    """The local file paths a drag carries (none for web links or text)."""
    if not mime.hasUrls():
        return []
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and u.toLocalFile()]


def error_label(name: str) -> QLabel:
    """A hidden, red, word-wrapped line that explains a refused value."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    appearance.styled(label, ERROR_COLOR)
    label.hide()
    return label


def stacked(*parts: QWidget | QLayout) -> QWidget:
    """A widget holding ``parts`` one under the other, tightly (a field over its error line)."""
    cell = QWidget()
    layout = QVBoxLayout(cell)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    for part in parts:
        if isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)
    return cell


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: Callable[[], str]
    kind: str = "line"  # line, or what the subclass's ``_make_field`` makes of it


class RecordEditor(QWidget):
    """Shows one record (``show_record(id)``) and saves each change as an undoable command."""

    closed = Signal()
    changed = Signal(int)  # a record's saved values changed (the page refreshes it)
    loaded = Signal(int)  # a record has been read and shown

    key_field = ""  # the field that names the record (required, unique), e.g. "object_number"
    missing_error: type[Exception]  # what the service raises for a record deleted meanwhile

    def __init__(self, context, thumbnails: Thumbnails, fetch: Callable, show_error: Callable[[BaseException], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.thumbnails = thumbnails
        self.fetch = fetch
        self.show_error = show_error
        self.record_id: int | None = None
        self.detail: Any = None
        self._saves = 0  # bumped by every change saved from here (a read started earlier is stale)
        self.setAcceptDrops(True)
        self.setMinimumWidth(340)

        self.fields: list[FieldSpec] = self._field_specs()
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self._opened_beside = False  # shown beside its list before (open_beside keeps its width then)

        # Header: what is being edited, and a close button.
        self.heading = QLabel()
        self.heading.setObjectName("editorHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton()
        self.close_button.setObjectName("editorClose")
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.close_editor)
        self.subheading = QLabel()
        self.subheading.setObjectName("editorSubheading")
        self.subheading.setStyleSheet("color: palette(placeholder-text);")
        self.subheading.setWordWrap(True)

        self.banner = QLabel()
        self.banner.setObjectName("editorBanner")
        self.banner.setWordWrap(True)
        appearance.styled(self.banner, "QLabel { background: $banner_bg; color: $banner_fg; "
                                       "border: 1px solid $banner_border; border-radius: 4px; padding: 6px 8px; }")
        self.banner.hide()

        body = QWidget()
        body.setObjectName("editorBody")
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 6, 0)
        body_layout.setSpacing(10)
        self._build_body(body_layout)
        body_layout.addStretch(1)

        self.scroll = QScrollArea()
        self.scroll.setObjectName("editorScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(body)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.subheading)
        layout.addWidget(self.banner)
        layout.addWidget(self.scroll, 1)

        close = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        close.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        close.activated.connect(self.close_editor)
        self.thumbnails.ready.connect(self._thumbnail_ready)
        self.retranslate()
        self._set_enabled(False)

    # --- what a subclass says ---------------------------------------------------------------
    def _field_specs(self) -> list[FieldSpec]:
        """The editable fields, in form order."""
        raise NotImplementedError

    def _build_body(self, layout: QVBoxLayout) -> None:
        """Make the fields (``_add_field``) and the other boxes, and add them to ``layout``."""
        raise NotImplementedError

    def _read(self, uow, record_id: int):
        """The record's detail (with ``id`` and ``value(name)``), or None when it no longer exists.
        Runs in the background."""
        raise NotImplementedError

    def _save_field(self, uow, record_id: int, name: str, value: Any, expected: Any) -> tuple[Any, Any]:
        """Save one field through the service; (old, new) stored values."""
        raise NotImplementedError

    def _text(self, key: str) -> str:
        """The sentences that name what is edited: ``name`` (the editor's accessible name),
        ``none`` (nothing shown), ``missing`` (read, but deleted), ``concurrent`` (a colleague saved
        it first) and ``gone`` (deleted while shown)."""
        raise NotImplementedError

    def _retranslate_own(self) -> None:
        """Set the subclass's own texts again (after the field labels)."""

    def _subheading_parts(self, detail) -> list[str]:
        """What the line under the heading shows (empty parts are left out)."""
        return []

    def _show_more(self, detail) -> None:
        """Show what is not a field (images, links…)."""

    def _record_switched(self) -> None:
        """Another record is about to be shown: clear what belongs to the previous one."""

    def _files_dropped(self, files: list[str]) -> None:
        """Local files were dropped on the editor while it shows a record."""

    def _thumbnail_ready(self, sha: str, px: int) -> None:
        """A thumbnail has been made in the background."""

    # --- building ---------------------------------------------------------------------------
    def _make_field(self, spec: FieldSpec) -> QWidget:
        """The input for a field, saving it when it is left."""
        line = QLineEdit()
        line.editingFinished.connect(lambda name=spec.name: self.commit(name))
        return line

    def _add_field(self, spec: FieldSpec) -> tuple[QWidget, QLabel, QLabel]:
        """Make a field's input, error line and label (the subclass lays them out)."""
        widget = self._make_field(spec)
        widget.setObjectName(f"field_{spec.name}")
        error = error_label(f"error_{spec.name}")
        label = QLabel()
        label.setBuddy(widget)
        self.editors[spec.name], self.errors[spec.name], self.labels[spec.name] = widget, error, label
        return widget, error, label

    # --- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        for spec in self.fields:
            self.labels[spec.name].setText(spec.label() + (" *" if spec.name == self.key_field else ""))
            self.editors[spec.name].setAccessibleName(spec.label())
        self._retranslate_own()
        self.close_button.setToolTip(self.tr("Close the editor (Esc)"))
        self.close_button.setAccessibleName(self.tr("Close the editor"))
        self.setAccessibleName(self._text("name"))
        if self.detail is not None:
            self._show_detail(self.detail, keep_errors=True)
        else:
            self.heading.setText(self._text("none"))
            self.subheading.setText("")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _image_filter(self) -> str:
        """The file dialog's filter for image files."""
        return fmt.arg(self.tr("Images (%1)"), " ".join("*" + s for s in IMAGE_SUFFIXES))

    def _image_problem(self, code: str, default: str) -> str:
        """Why an image file was not taken (``MediaStore`` problem codes)."""
        reasons = {
            "missing": self.tr("the file does not exist"),
            "not_image": self.tr("not an image (PNG, JPEG, GIF, WebP, TIFF or BMP)"),
            "too_large": self.tr("too large"),
            "unreadable": self.tr("cannot be read"),
        }
        return reasons.get(code, default)

    # --- loading ----------------------------------------------------------------------------
    def show_record(self, record_id: int) -> None:
        """Read the record in the background and show it."""
        if record_id != self.record_id:
            self._clear_errors()
            self.banner.hide()
            self._record_switched()
            self.scroll.verticalScrollBar().setValue(0)
        self.record_id = record_id
        uow = self.context.uow
        stamp = self._saves
        self.fetch(lambda: (record_id, stamp, self._read(uow(), record_id)), self._loaded)

    def reload(self) -> None:
        if self.record_id is not None:
            self.show_record(self.record_id)

    def _loaded(self, result) -> None:
        record_id, stamp, detail = result
        if record_id != self.record_id:
            return
        if stamp != self._saves:
            self.reload()  # read before a change saved here meanwhile: read again
            return
        if detail is None:
            self.detail = None
            self._set_enabled(False)
            self.heading.setText(self._text("missing"))
            self.subheading.setText("")
            return
        self._show_detail(detail)
        self._set_enabled(True)
        self.loaded.emit(record_id)

    def _set_enabled(self, enabled: bool) -> None:
        self.scroll.widget().setEnabled(enabled)

    def _display(self, name: str, value: Any) -> str:
        return "" if value is None else str(value)

    def _show_detail(self, detail, keep_errors: bool = False) -> None:
        self.detail = detail
        for spec in self.fields:
            if keep_errors and self.errors[spec.name].isVisible():
                continue  # the refused value stays for the user to correct
            self._set_field(spec.name, detail.value(spec.name))
        self._update_heading()
        self._show_more(detail)

    def _update_heading(self) -> None:
        d = self.detail
        if d is None:
            return
        title = d.title or d.alt_title or self.tr("Untitled")
        self.heading.setText(fmt.arg(self.tr("%1 — %2"), d.value(self.key_field), title))
        parts = [p for p in self._subheading_parts(d) if p]
        self.subheading.setText(" · ".join(parts))
        self.subheading.setVisible(bool(parts))

    def _set_field(self, name: str, value: Any) -> None:
        widget = self.editors[name]
        text = self._display(name, value)
        if widget.text() != text:
            widget.blockSignals(True)
            widget.setText(text)
            widget.blockSignals(False)
            if isinstance(widget, QLineEdit):
                widget.setCursorPosition(0)

    def _field_text(self, name: str) -> str:
        return self.editors[name].text()

    def close_editor(self) -> None:
        self.closed.emit()

    def open_beside(self, splitter: QSplitter, record_id: int, focus: str | None, width: int, share: float) -> None:
        """Show the editor as the right-hand side of ``splitter`` (``share`` of it, at most ``width``
        pixels, when it opens), read the record, and put the focus in the field ``focus`` once the
        record is shown."""
        if not self.isVisible():
            self.show()
            splitter.refresh()  # lay the shown pane out now: its remembered width, if any
            # The width the editor had when it was last open (this session, or the last one:
            # ui/layout_state.py) is kept; the first time, it gets its default share.
            index = splitter.indexOf(self)
            kept = splitter.sizes()[index] if index >= 0 else 0
            remembered = self._opened_beside or bool(splitter.property(layout_state.RESTORED))
            if not (remembered and kept >= max(self.minimumWidth(), 160)):
                total = max(600, splitter.width())
                editor_width = max(self.minimumWidth(), min(width, int(total * share)))
                splitter.setSizes([total - editor_width, editor_width])
            self._opened_beside = True
        self.show_record(record_id)
        if focus:
            widget = self.editors[focus]

            def focus_field(loaded_id: int) -> None:
                self.loaded.disconnect(focus_field)
                if loaded_id == record_id:
                    widget.setFocus(Qt.FocusReason.OtherFocusReason)
                    if hasattr(widget, "selectAll"):
                        widget.selectAll()

            self.loaded.connect(focus_field)

    # --- saving -----------------------------------------------------------------------------
    def commit(self, name: str) -> bool:
        """Save the field if it differs from the stored value. Returns True when saved."""
        detail = self.detail  # the record whose values the fields show (even while the next one loads)
        if detail is None:
            return False
        text = self._field_text(name)
        current = detail.value(name)
        if text == self._display(name, current):
            self._set_error(name, None)
            return False
        record_id = detail.id
        uow = self.context.uow
        try:
            old, new = self._save_field(uow(), record_id, name, text, current)
        except FieldError as exc:
            self._set_error(name, self.error_text(exc))
            return False
        except (ConcurrentEditError, self.missing_error) as exc:
            self._stale(exc)
            return False
        except Exception as exc:  # noqa: BLE001 - a database error is shown plainly
            self.show_error(exc)
            return False
        self._set_error(name, None)
        if old == new:
            self._set_field(name, new)  # e.g. surrounding spaces dropped, "128" for 128.00: nothing to undo
            return False

        spec = next(s for s in self.fields if s.name == name)
        label = fmt.arg(self.tr("Edit %1 of %2"), spec.label(),
                        detail.value(self.key_field) if name != self.key_field else old)
        self._push_saved_edit(label, old, new,
                              lambda value, expected: self._save_field(uow(), record_id, name, value, expected),
                              lambda value: self._field_saved(record_id, name, value))
        return True

    def _push_saved_edit(self, label: str, old, new, save, after) -> None:
        """Put an edit that is already saved on the undo stack. Undo and redo save again with
        ``save(value, expected)``, where ``expected`` is the value the database should still hold
        (so a colleague's change in between is refused, not overwritten); ``after(value)`` then
        refreshes the editor."""

        def apply(value):
            save(value, new if value == old else old)

        self.context.undo_stack.push(AppliedEditCommand(label, apply, old, new, after, self._undo_failed))

    def _after_save(self, record_id: int, refresh: Callable[[Any], None]) -> Callable[[Any], None]:
        """An ``after`` for ``_push_saved_edit``: count the save, ``refresh(value)`` when the editor
        still shows the record, and tell the page."""

        def after(value) -> None:
            if not isValid(self):
                return
            self._saves += 1
            if self.detail is not None and self.detail.id == record_id:
                refresh(value)
            self.changed.emit(record_id)

        return after

    def _field_saved(self, record_id: int, name: str, value: Any) -> None:
        if not isValid(self):
            return
        self._saves += 1
        if self.detail is not None and self.detail.id == record_id:
            self.detail = replace(self.detail, **{name: value})
            self._set_error(name, None)
            self._set_field(name, value)
            self._update_heading()
        self.changed.emit(record_id)

    def _undo_failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self.show_error(exc)
        self.reload()

    def _change_links(self, label: str, wanted: Sequence[int], expected: Sequence[int],
                      save: Callable[[Any, Any], tuple[Any, Any]]) -> bool:
        """Save the record's links to other records (``save(value, expected)`` → old, new) as one
        undoable change; the record is read again after each step (the linked names)."""
        record_id = self.detail.id
        try:
            old, new = save(wanted, expected)
        except (ConcurrentEditError, self.missing_error) as exc:
            self._stale(exc)
            return False
        except ValidationError as exc:
            self.show_error(exc)
            self.reload()
            return False
        if old == new:
            return False
        self._push_saved_edit(label, old, new, save, self._after_save(record_id, lambda _value: self.reload()))
        return True

    # --- refusals and conflicts -------------------------------------------------------------
    def error_text(self, exc: FieldError) -> str:
        """Why a value was refused, in the interface language (subclasses add their codes)."""
        if exc.code == "too_long":
            return fmt.arg(self.tr("This is too long: at most %1 characters."), fmt.number(exc.limit))
        return str(exc)

    def _set_error(self, name: str, message: str | None) -> None:
        label = self.errors[name]
        widget = self.editors[name]
        if message:
            label.setText(message)
            label.show()
            self.scroll.ensureWidgetVisible(widget)
            appearance.styled(widget, ERROR_STYLE)
            widget.setToolTip(message)
        else:
            if label.isVisible():
                label.hide()
            appearance.styled(widget, "")
            widget.setToolTip("")

    def _clear_errors(self) -> None:
        for name in self.errors:
            self._set_error(name, None)

    def has_errors(self) -> bool:
        return any(not label.isHidden() for label in self.errors.values())

    def _stale(self, exc: BaseException) -> bool:
        """Explain a colleague's change or a deleted record (and read it again); False for any
        other error."""
        if isinstance(exc, ConcurrentEditError):
            self._concurrent()
        elif isinstance(exc, self.missing_error):
            self._gone()
        else:
            return False
        return True

    def _concurrent(self) -> None:
        self.banner.setText(self._text("concurrent"))
        self.banner.show()
        self._clear_errors()
        self.detail = None  # the fields are replaced, not kept
        self.reload()

    def _gone(self) -> None:
        self.banner.setText(self._text("gone"))
        self.banner.show()
        self.reload()

    # --- image files dropped on the editor --------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.detail is not None and local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if self.detail is not None and local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = local_files(event.mimeData())
        if self.detail is not None and files:
            event.acceptProposedAction()
            self._files_dropped(files)
        else:
            event.ignore()
