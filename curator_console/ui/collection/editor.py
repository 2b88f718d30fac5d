"""The object editor: every field of an object, its tags and images, the products linked to it and
the tours that use it. A panel beside the Collection table.

Each field is saved when it is left (``editingFinished`` / focus out), never on every keystroke,
through ``services.collection_objects`` (which checks the value the editor last saw, so a
colleague's change is never overwritten), and pushed onto the window's undo stack as one
``AppliedEditCommand`` per field edit, tag change or image change. A refused value shows its
reason under the field and saves nothing; a concurrent change is explained in a banner and the
object is read again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFocusEvent, QIcon, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from curator_console import paths
from curator_console.persistence.media import MediaStore
from curator_console.services import collection_objects as objsvc
from curator_console.ui import appearance
from curator_console.ui import formatting as fmt
from curator_console.ui.record_editor import FieldSpec, RecordEditor, error_label, local_files, stacked
from curator_console.ui.tasks import run_task
from curator_console.ui.thumbnails import Thumbnails

IMAGE_PX = 112  # thumbnails in the editor (logical pixels)


# --- small widgets ------------------------------------------------------------------------------


class CommitTextEdit(QPlainTextEdit):
    """A multi-line field that announces ``editingFinished`` when it loses focus (or on Ctrl+Enter)."""

    editingFinished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.fontMetrics().lineSpacing() * 5 + 12)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editingFinished.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.editingFinished.emit()
            return
        super().keyPressEvent(event)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self.setPlainText(text)


class FlowLayout(QLayout):
    """Lays widgets out left to right, wrapping onto new lines (the tag chips)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and line > 0:
                x, y, line = rect.x(), y + line + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y()


class ImageList(QListWidget):
    """The object's images as thumbnails, first = primary. Reordered by dragging; image files
    dropped on it are announced with ``files_dropped``."""

    files_dropped = Signal(list)
    order_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListWidget.ViewMode.ListMode)
        self.setFlow(QListWidget.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setIconSize(QSize(IMAGE_PX, IMAGE_PX))
        self.setSpacing(4)
        self.setUniformItemSizes(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setAcceptDrops(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMinimumHeight(IMAGE_PX + 28)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), IMAGE_PX + 28)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:
        if local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        files = local_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            self.files_dropped.emit(files)
            return
        super().dropEvent(event)
        self.order_changed.emit()


@dataclass(frozen=True)
class ObjectField(FieldSpec):
    """An object field; ``kind`` line / text / year."""

    group: str = "object"  # the box that shows it: object / description / rights


# --- the editor ---------------------------------------------------------------------------------


class ObjectEditor(RecordEditor):
    """Shows one object (``show_object(id)``) and saves each change as an undoable command."""

    key_field = "object_number"
    missing_error = objsvc.ObjectMissingError

    def __init__(self, context, thumbnails: Thumbnails, fetch: Callable, show_error: Callable[[BaseException], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(context, thumbnails, fetch, show_error, parent)
        self.setObjectName("collectionEditor")
        self.adding_images = 0  # image files still being copied in the background

    @property
    def item_id(self) -> int | None:
        """The object shown (or being read)."""
        return self.record_id

    def show_object(self, item_id: int) -> None:
        """Read the object in the background and show it."""
        self.show_record(item_id)

    # --- what the editor shows ----------------------------------------------------------------
    def _field_specs(self) -> list[FieldSpec]:
        return [
            ObjectField("object_number", lambda: self.tr("Object number")),
            ObjectField("title", lambda: self.tr("Title")),
            ObjectField("alt_title", lambda: self.tr("Title (second language)")),
            ObjectField("maker", lambda: self.tr("Maker")),
            ObjectField("culture", lambda: self.tr("Culture")),
            ObjectField("period", lambda: self.tr("Period / dynasty")),
            ObjectField("date_text", lambda: self.tr("Date")),
            ObjectField("begin_year", lambda: self.tr("Begin year"), "year"),
            ObjectField("end_year", lambda: self.tr("End year"), "year"),
            ObjectField("classification", lambda: self.tr("Classification")),
            ObjectField("medium", lambda: self.tr("Medium")),
            ObjectField("dimensions", lambda: self.tr("Dimensions")),
            ObjectField("description", lambda: self.tr("Description"), "text", "description"),
            ObjectField("alt_description", lambda: self.tr("Description (second language)"), "text", "description"),
            ObjectField("credit_line", lambda: self.tr("Credit line"), "line", "rights"),
            ObjectField("rights", lambda: self.tr("Rights"), "line", "rights"),
            ObjectField("provenance", lambda: self.tr("Provenance"), "text", "rights"),
        ]

    def _make_field(self, spec: FieldSpec) -> QWidget:
        if spec.kind != "text":
            return super()._make_field(spec)
        widget = CommitTextEdit()
        widget.editingFinished.connect(lambda name=spec.name: self.commit(name))
        return widget

    def _build_body(self, body_layout: QVBoxLayout) -> None:
        self.groups: dict[str, QGroupBox] = {}
        forms: dict[str, QFormLayout] = {}
        for key in ("object", "description", "rights"):
            box = QGroupBox()
            form = QFormLayout(box)
            # Long texts read better under their label than beside it.
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows if key == "description"
                                  else QFormLayout.RowWrapPolicy.WrapLongRows)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.groups[key] = box
            forms[key] = form
        years = QWidget()  # "from [    ] to [    ]" on one line, their messages below it
        years_layout = QVBoxLayout(years)
        years_layout.setContentsMargins(0, 0, 0, 0)
        years_layout.setSpacing(2)
        years_row = QHBoxLayout()
        years_row.setSpacing(6)
        years_layout.addLayout(years_row)
        for spec in self.fields:
            widget, error, label = self._add_field(spec)
            if spec.kind == "year":
                widget.setMaximumWidth(self.fontMetrics().horizontalAdvance("-0000000") + 24)
                if spec.name == "end_year":
                    years_row.addWidget(label)
                years_row.addWidget(widget)
                years_layout.addWidget(error)
                if spec.name == "end_year":
                    years_row.addStretch(1)
                    forms[spec.group].addRow(self.labels["begin_year"], years)
                continue
            if spec.kind == "text":
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            forms[spec.group].addRow(label, stacked(widget, error))

        # Tags: chips (click one to remove it) and a line to add one.
        self.tags_box = QGroupBox()
        self.tags_box.setObjectName("editorTags")
        tags_layout = QVBoxLayout(self.tags_box)
        self.chips = QWidget()
        self.chips.setObjectName("tagChips")
        self.chip_layout = FlowLayout(self.chips)
        self.no_tags = QLabel()
        self.no_tags.setStyleSheet("color: palette(placeholder-text);")
        self.tag_input = QLineEdit()
        self.tag_input.setObjectName("tagInput")
        self.tag_input.setClearButtonEnabled(True)
        self.tag_input.returnPressed.connect(self._add_tag_from_input)
        self.tag_completer = QCompleter([], self)
        self.tag_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tag_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.tag_input.setCompleter(self.tag_completer)
        self.tag_error = error_label("error_tags")
        tags_layout.addWidget(self.chips)
        tags_layout.addWidget(self.no_tags)
        tags_layout.addWidget(self.tag_input)
        tags_layout.addWidget(self.tag_error)

        # Images: thumbnails (first = primary), add / remove / move.
        self.images_box = QGroupBox()
        self.images_box.setObjectName("editorImages")
        images_layout = QVBoxLayout(self.images_box)
        self.image_list = ImageList()
        self.image_list.setObjectName("imageList")
        self.image_list.files_dropped.connect(lambda files: self.add_image_files(files))
        self.image_list.order_changed.connect(self._images_reordered)
        self.image_list.currentRowChanged.connect(lambda _r: self._update_image_buttons())
        self.image_hint = QLabel()
        self.image_hint.setObjectName("imageHint")
        self.image_hint.setWordWrap(True)
        self.image_hint.setStyleSheet("color: palette(placeholder-text);")
        self.image_problems = error_label("imageProblems")
        buttons = QHBoxLayout()
        self.add_image_button = QPushButton()
        self.add_image_button.setObjectName("addImageButton")
        self.add_image_button.clicked.connect(self.choose_images)
        self.remove_image_button = QPushButton()
        self.remove_image_button.setObjectName("removeImageButton")
        self.remove_image_button.clicked.connect(self.remove_selected_image)
        self.primary_button = QPushButton()
        self.primary_button.setObjectName("primaryImageButton")
        self.primary_button.clicked.connect(lambda: self.move_selected_image(0, absolute=True))
        self.left_button = QToolButton()
        self.left_button.setText("◀")
        self.left_button.clicked.connect(lambda: self.move_selected_image(-1))
        self.right_button = QToolButton()
        self.right_button.setText("▶")
        self.right_button.clicked.connect(lambda: self.move_selected_image(1))
        buttons.addWidget(self.add_image_button)
        buttons.addWidget(self.remove_image_button)
        buttons.addWidget(self.primary_button)
        buttons.addStretch(1)
        buttons.addWidget(self.left_button)
        buttons.addWidget(self.right_button)
        images_layout.addWidget(self.image_list)
        images_layout.addLayout(buttons)
        images_layout.addWidget(self.image_hint)
        images_layout.addWidget(self.image_problems)
        remove = QShortcut(QKeySequence.StandardKey.Delete, self.image_list)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self.remove_selected_image)

        # Where the object is used (read-only).
        self.used_box = QGroupBox()
        self.used_box.setObjectName("editorUsage")
        used = QFormLayout(self.used_box)
        used.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.products_label = QLabel()
        self.tours_label = QLabel()
        self.product_list = QLabel()
        self.product_list.setObjectName("linkedProducts")
        self.tour_list = QLabel()
        self.tour_list.setObjectName("usedInTours")
        for lst in (self.product_list, self.tour_list):
            lst.setWordWrap(True)
            lst.setTextFormat(Qt.TextFormat.PlainText)
            lst.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            lst.setContentsMargins(12, 0, 0, 0)
        used.addRow(self.products_label, self.product_list)
        self.link_product_button = QPushButton()  # the object's side of a product's links (Store editor)
        self.link_product_button.setObjectName("linkProductButton")
        self.link_product_button.clicked.connect(self.choose_products)
        used.addRow("", self.link_product_button)
        used.addRow(self.tours_label, self.tour_list)

        body_layout.addWidget(self.groups["object"])
        body_layout.addWidget(self.tags_box)
        body_layout.addWidget(self.images_box)
        body_layout.addWidget(self.groups["description"])
        body_layout.addWidget(self.groups["rights"])
        body_layout.addWidget(self.used_box)

    # --- texts ------------------------------------------------------------------------------
    def _text(self, key: str) -> str:
        if key == "name":
            return self.tr("Object editor")
        if key == "none":
            return self.tr("No object selected")
        if key == "missing":
            return self.tr("This object no longer exists.")
        if key == "concurrent":
            return self.tr("Someone else changed this object after you opened it. "
                           "It has been read again; please make your change again.")
        return self.tr("This object has been deleted (perhaps by someone else).")

    def _retranslate_own(self) -> None:
        self.editors["begin_year"].setPlaceholderText(self.tr("e.g. 1426"))
        self.editors["end_year"].setPlaceholderText(self.tr("e.g. 1435"))
        self.labels["begin_year"].setText(self.tr("Years (from, to)"))
        self.labels["end_year"].setText(self.tr("to"))
        self.editors["object_number"].setPlaceholderText(self.tr("Required, unique in the museum"))
        self.groups["object"].setTitle(self.tr("Object"))
        self.groups["description"].setTitle(self.tr("Description"))
        self.groups["rights"].setTitle(self.tr("Credit, rights and provenance"))
        self.tags_box.setTitle(self.tr("Tags"))
        self.tag_input.setPlaceholderText(self.tr("Add a tag and press Enter…"))
        self.tag_input.setAccessibleName(self.tr("Add a tag"))
        self.no_tags.setText(self.tr("No tags yet."))
        self.images_box.setTitle(self.tr("Images"))
        self.image_list.setAccessibleName(self.tr("Images of the object"))
        self.add_image_button.setText(self.tr("Add images…"))
        self.remove_image_button.setText(self.tr("Remove"))
        self.primary_button.setText(self.tr("Make primary"))
        self.left_button.setToolTip(self.tr("Move the image earlier"))
        self.left_button.setAccessibleName(self.left_button.toolTip())  # "◀" says nothing to a screen reader
        self.right_button.setToolTip(self.tr("Move the image later"))
        self.right_button.setAccessibleName(self.right_button.toolTip())
        self.image_hint.setText(self.tr("The first image is the primary one. Drag thumbnails to reorder; drop image files here to add them."))
        self.used_box.setTitle(self.tr("Used in"))
        self.products_label.setText(self.tr("Products linked to this object"))
        self.link_product_button.setText(self.tr("Link product…"))
        self.link_product_button.setToolTip(self.tr("Link shop products to this object"))
        self.tours_label.setText(self.tr("Tours that show this object"))

    def set_tag_suggestions(self, tags: Sequence[str]) -> None:
        from PySide6.QtCore import QStringListModel

        self.tag_completer.setModel(QStringListModel(list(tags), self.tag_completer))

    # --- loading ----------------------------------------------------------------------------
    def _read(self, uow, record_id: int):
        return objsvc.get_object(uow, record_id)

    def _record_switched(self) -> None:
        self.image_problems.hide()

    def _subheading_parts(self, d: objsvc.ObjectDetail) -> list[str]:
        return [d.alt_title if d.title else "", d.maker, d.period, d.date_text]

    def _show_more(self, detail: objsvc.ObjectDetail) -> None:
        self._show_tags(detail.tags)
        self._show_images(detail.images)
        self._show_usage(detail)

    # --- field edits --------------------------------------------------------------------------
    def _save_field(self, uow, record_id: int, name: str, value: Any, expected: Any):
        return objsvc.update_field(uow, record_id, name, value, expected=expected)

    def error_text(self, exc: objsvc.FieldError) -> str:
        if exc.code == "required":
            return self.tr("The object number cannot be empty.")
        if exc.code == "duplicate":
            value = self._field_text("object_number").strip()
            return fmt.arg(self.tr("Another object already has the number “%1”."), value)
        if exc.code == "not_integer":
            return self.tr("Enter a whole number of years, e.g. 1426, or -1200 for 1200 BC.")
        if exc.code == "out_of_range":
            return fmt.arg(self.tr("Enter a year between -%1 and %1."), exc.limit)
        return super().error_text(exc)

    def _clear_errors(self) -> None:
        super()._clear_errors()
        self.tag_error.hide()

    # --- tags ---------------------------------------------------------------------------------
    def _show_tags(self, tags: Sequence[str]) -> None:
        while self.chip_layout.count():
            item = self.chip_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()
        chips: list[QToolButton] = []
        for tag in tags:
            chip = QToolButton()
            chip.setObjectName("tagChip")
            chip.setText(f"{tag}  ✕")
            chip.setToolTip(fmt.arg(self.tr("Remove the tag “%1”"), tag))
            chip.setAccessibleName(fmt.arg(self.tr("Remove the tag “%1”"), tag))
            appearance.styled(chip, "QToolButton { border: 1px solid $chip_border; border-radius: 10px; "
                                    "padding: 2px 8px; background: $chip_bg; } "
                                    "QToolButton:hover { background: $chip_hover; }")
            chip.clicked.connect(lambda _c=False, t=tag: self.remove_tag(t))
            self.chip_layout.addWidget(chip)
            chips.append(chip)
        # Tab reaches the chips where they are shown: above the line that adds a tag, not after
        # the last field of the editor (new widgets join the end of the focus chain).
        before = self.tag_input.previousInFocusChain()
        while before.focusPolicy() == Qt.FocusPolicy.NoFocus and before is not self.window():
            before = before.previousInFocusChain()  # setTabOrder ignores a widget that takes no focus
        for prev, chip in zip([before, *chips], chips):
            QWidget.setTabOrder(prev, chip)
        if chips:
            QWidget.setTabOrder(chips[-1], self.tag_input)
        self.chips.setVisible(bool(tags))
        self.no_tags.setVisible(not tags)
        self.chips.updateGeometry()

    def _add_tag_from_input(self) -> None:
        tag = self.tag_input.text().strip()
        if not tag:
            return
        if self.add_tag(tag):
            self.tag_input.clear()

    def add_tag(self, tag: str) -> bool:
        if self.detail is None:
            return False
        current = self.detail.tags
        return self._change_tags(current + (tag,), fmt.arg(self.tr("Add tag “%1” to %2"), tag.strip(),
                                                           self.detail.object_number))

    def remove_tag(self, tag: str) -> bool:
        if self.detail is None:
            return False
        current = self.detail.tags
        return self._change_tags(tuple(t for t in current if t != tag),
                                 fmt.arg(self.tr("Remove tag “%1” from %2"), tag, self.detail.object_number))

    def _change_tags(self, tags: Sequence[str], label: str) -> bool:
        detail = self.detail
        assert detail is not None
        item_id = detail.id
        uow = self.context.uow
        try:
            old, new = objsvc.set_tags(uow(), item_id, tags, expected=detail.tags)
        except objsvc.FieldError as exc:
            self.tag_error.setText(self.error_text(exc))
            self.tag_error.show()
            return False
        except (objsvc.ConcurrentEditError, objsvc.ObjectMissingError) as exc:
            self._stale(exc)
            return False
        self.tag_error.hide()
        if old == new:
            return True

        def refresh(value) -> None:
            self.detail = replace(self.detail, tags=tuple(value))
            self._show_tags(self.detail.tags)

        self._push_saved_edit(label, old, new,
                              lambda value, expected: objsvc.set_tags(uow(), item_id, value, expected=expected),
                              self._after_save(item_id, refresh))
        return True

    # --- images -------------------------------------------------------------------------------
    def _show_images(self, images: Sequence[objsvc.ImageInfo]) -> None:
        self.image_list.blockSignals(True)
        selected = self.image_list.currentRow()
        self.image_list.clear()
        for pos, info in enumerate(images):
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, pos)
            item.setData(Qt.ItemDataRole.UserRole + 1, info.sha256)
            item.setSizeHint(QSize(IMAGE_PX + 12, IMAGE_PX + 12))
            size = f"{info.width} × {info.height}" if info.width and info.height else ""
            name = info.original_name or info.source_url or info.sha256[:12]
            tip = name + (f"\n{size}" if size else "")
            if pos == 0:
                tip = self.tr("Primary image") + "\n" + tip
            item.setToolTip(tip)
            item.setIcon(self._icon(info.sha256))
            self.image_list.addItem(item)
        if 0 <= selected < self.image_list.count():
            self.image_list.setCurrentRow(selected)
        self.image_list.blockSignals(False)
        self._update_image_buttons()

    def _icon(self, sha: str) -> QIcon:
        pm = self.thumbnails.pixmap(sha, IMAGE_PX * 2)
        return QIcon(pm if pm is not None else self.thumbnails.placeholder(IMAGE_PX * 2))

    def _thumbnail_ready(self, sha: str, px: int) -> None:
        if px != IMAGE_PX * 2:
            return
        for i in range(self.image_list.count()):
            item = self.image_list.item(i)
            if item.data(Qt.ItemDataRole.UserRole + 1) == sha:
                item.setIcon(self._icon(sha))

    def _update_image_buttons(self) -> None:
        row = self.image_list.currentRow()
        n = self.image_list.count()
        self.remove_image_button.setEnabled(row >= 0)
        self.primary_button.setEnabled(row > 0)
        self.left_button.setEnabled(row > 0)
        self.right_button.setEnabled(0 <= row < n - 1)

    def choose_images(self) -> None:
        if self.detail is None:
            return
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add images"), "", self._image_filter())
        if files:
            self.add_image_files(files)

    def add_image_files(self, files: Sequence[str | Path], item_id: int | None = None) -> bool:
        """Copy image files into the media store (in the background) and add them to the object
        (the one shown, or ``item_id``), as one undoable change. Returns False when there is no
        object to add them to."""
        item_id = item_id if item_id is not None else (self.detail.id if self.detail else None)
        if item_id is None or not files:
            return False
        files = [str(f) for f in files]
        uow = self.context.uow
        self.adding_images += 1
        self.image_problems.hide()

        def work():
            store = MediaStore(paths.media_dir())
            return objsvc.add_images(uow(), store, item_id, files)

        def done(result) -> None:
            if not isValid(self):
                return
            self.adding_images -= 1
            old, new, problems = result
            self._report_problems(item_id, problems)
            if [i.key for i in old] != [i.key for i in new]:
                added = len(new) - len(old)
                number = self._number_of(item_id)
                label = (fmt.arg(self.tr("Add an image to %1"), number) if added == 1
                         else fmt.arg(self.tr("Add %1 images to %2"), added, number))
                self._push_images(item_id, old, new, label)

        def failed(exc: BaseException) -> None:
            if not isValid(self):
                return
            self.adding_images -= 1
            if not self._stale(exc):
                self.show_error(exc)

        run_task(work, done, failed)
        return True

    def _number_of(self, item_id: int) -> str:
        if self.detail is not None and self.detail.id == item_id:
            return self.detail.object_number
        return f"#{item_id}"

    def _report_problems(self, item_id: int, problems: Sequence[objsvc.ImageProblem]) -> None:
        if not problems:
            return
        lines = [fmt.arg(self.tr("Not added: %1 — %2"), p.name, self._image_problem(p.code, p.message))
                 for p in problems]
        if self.detail is not None and self.detail.id == item_id:
            self.image_problems.setText("\n".join(lines))
            self.image_problems.show()
        else:
            self.show_error(Exception("\n".join(lines)))

    def _push_images(self, item_id: int, old, new, label: str) -> None:
        uow = self.context.uow
        after = self._after_save(item_id, lambda _value: self.reload())  # fresh image ids and sizes
        self._push_saved_edit(label, tuple(old), tuple(new),
                              lambda value, expected: objsvc.set_images(uow(), item_id, value, expected=expected), after)

    def _change_images(self, images: Sequence[objsvc.ImageInfo], label: str) -> bool:
        detail = self.detail
        if detail is None:
            return False
        item_id = detail.id
        try:
            old, new = objsvc.set_images(self.context.uow(), item_id, images, expected=detail.images)
        except (objsvc.ConcurrentEditError, objsvc.ObjectMissingError) as exc:
            self._stale(exc)
            return False
        self._saves += 1
        self.detail = replace(detail, images=new)
        self._show_images(new)
        if [i.key for i in old] != [i.key for i in new]:
            self._push_images(item_id, old, new, label)
        return True

    def remove_selected_image(self) -> bool:
        row = self.image_list.currentRow()
        return self.remove_image(row)

    def remove_image(self, index: int) -> bool:
        if self.detail is None or not 0 <= index < len(self.detail.images):
            return False
        images = list(self.detail.images)
        images.pop(index)
        label = fmt.arg(self.tr("Remove an image from %1"), self.detail.object_number)
        return self._change_images(images, label)

    def move_selected_image(self, step: int, absolute: bool = False) -> bool:
        row = self.image_list.currentRow()
        if self.detail is None or row < 0:
            return False
        to = step if absolute else row + step
        if not 0 <= to < len(self.detail.images) or to == row:
            return False
        return self.move_image(row, to)

    def move_image(self, index: int, to: int) -> bool:
        if self.detail is None:
            return False
        images = list(self.detail.images)
        if not (0 <= index < len(images) and 0 <= to < len(images)):
            return False
        images.insert(to, images.pop(index))
        label = fmt.arg(self.tr("Reorder the images of %1"), self.detail.object_number)
        ok = self._change_images(images, label)
        if ok:
            self.image_list.setCurrentRow(to)
        return ok

    def _images_reordered(self) -> None:
        """A thumbnail was dragged to a new place in the list."""
        if self.detail is None:
            return
        order = [self.image_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.image_list.count())]
        if sorted(order) != list(range(len(self.detail.images))) or order == sorted(order):
            self._show_images(self.detail.images)
            return
        images = [self.detail.images[i] for i in order]
        self._change_images(images, fmt.arg(self.tr("Reorder the images of %1"), self.detail.object_number))

    def _files_dropped(self, files: list[str]) -> None:
        self.add_image_files(files)

    # --- usage ---------------------------------------------------------------------------------
    def _show_usage(self, detail: objsvc.ObjectDetail) -> None:
        lines = []
        for p in detail.products:
            title = p.title or p.alt_title
            lines.append("• " + (fmt.arg(self.tr("%1 — %2"), p.sku, title) if title else p.sku))
        self.product_list.setText("\n".join(lines) if lines else self.tr("None"))
        lines = []
        for t in detail.tours:
            segments = "、".join(t.segments) if _mostly_cjk(t.segments) else ", ".join(t.segments)
            lines.append("• " + (fmt.arg(self.tr("%1 (segment: %2)"), t.title, segments) if segments else t.title))
        self.tour_list.setText("\n".join(lines) if lines else self.tr("None"))

    def choose_products(self) -> bool:
        """Pick shop products (``ui.pickers``) and link them to the object, as one undoable change."""
        if self.detail is None:
            return False
        from curator_console.ui.pickers import pick_products

        current = tuple(p.id for p in self.detail.products)
        chosen = pick_products(self, self.context, exclude=current,
                               title=fmt.arg(self.tr("Link products to %1"), self.detail.object_number))
        return self.link_products(chosen) if chosen else False

    def link_products(self, product_ids: Sequence[int]) -> bool:
        detail = self.detail
        if detail is None:
            return False
        from curator_console.services import store as store_svc

        item_id = detail.id
        current = tuple(sorted(p.id for p in detail.products))
        uow = self.context.uow
        label = fmt.arg(self.tr("Link products to %1"), detail.object_number)
        return self._change_links(label, set(current) | set(product_ids), current,
                                  lambda value, expected: store_svc.set_object_products(
                                      uow(), item_id, value, expected=expected))

    def product_lines(self) -> list[str]:
        return [line.removeprefix("• ") for line in self.product_list.text().splitlines()] if self.detail and self.detail.products else []

    def tour_lines(self) -> list[str]:
        return [line.removeprefix("• ") for line in self.tour_list.text().splitlines()] if self.detail and self.detail.tours else []


def _mostly_cjk(texts: Sequence[str]) -> bool:
    joined = "".join(texts)
    return bool(joined) and sum(1 for ch in joined if "\u4e00" <= ch <= "\u9fff") * 2 > len(joined)

