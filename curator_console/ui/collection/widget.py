"""Collection workspace: the museum's objects, filtered as you type; titles editable with undo."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout

from curator_console.services import collection as svc
from curator_console.ui import formatting as fmt
from curator_console.ui.commands import AppliedEditCommand
from curator_console.ui.table_model import Column, RowsModel
from curator_console.ui.workspace import WorkspacePage, heading, resize_columns

PAGE_SIZE = 1000


class CollectionPage(WorkspacePage):
    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        self.setObjectName("collectionPage")
        self.header = heading()
        self.search = QLineEdit()
        self.search.setObjectName("collectionSearch")
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("collectionCount")
        self.model = RowsModel([
            Column("object_number", lambda: self.tr("Object number"), lambda r: r.object_number, editable=True),
            Column("title", lambda: self.tr("Title"), lambda r: r.title, editable=True),
            Column("alt_title", lambda: self.tr("Title (second language)"), lambda r: r.alt_title, editable=True),
            Column("maker", lambda: self.tr("Maker"), lambda r: r.maker, editable=True),
            Column("period", lambda: self.tr("Period / dynasty"), lambda r: r.period, editable=True),
            Column("classification", lambda: self.tr("Classification"), lambda r: r.classification, editable=True),
            Column("medium", lambda: self.tr("Medium"), lambda r: r.medium, editable=True),
            Column("images", lambda: self.tr("Images"), lambda r: r.image_count, numeric=True),
        ], self)
        self.model.edit_requested.connect(self._edit)
        self.table = self.make_table(self.model, "collectionTable")

        top = QHBoxLayout()
        top.addWidget(self.header)
        top.addStretch(1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)

        self._debounce = QTimer(self, singleShot=True, interval=200)
        self._debounce.timeout.connect(self.load)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.retranslate()

    def title(self) -> str:
        return self.tr("Collection")

    def retranslate(self) -> None:
        self.header.setText(self.tr("Collection"))
        self.search.setPlaceholderText(self.tr("Filter by object number, title or maker…"))
        self.search.setAccessibleName(self.tr("Filter the collection"))
        self.table.setAccessibleName(self.tr("Collection objects"))
        self.model.retranslate()
        self._update_count()

    def load(self) -> None:
        text = self.search.text()
        uow = self.context.uow

        def query():
            return svc.list_items(uow(), text, limit=PAGE_SIZE), svc.count_items(uow(), text)

        self.fetch(query, self._show)

    def _show(self, result) -> None:
        rows, total = result
        self.model.set_rows(rows)
        self._total = total
        self._update_count()
        if rows:
            resize_columns(self.table)

    def _update_count(self) -> None:
        total = getattr(self, "_total", None)
        if total is None:
            self.count_label.setText("")
        elif total > len(self.model.rows):
            self.count_label.setText(fmt.arg(self.tr("Showing %1 of %2 objects"), fmt.number(len(self.model.rows)), fmt.number(total)))
        else:
            self.count_label.setText(fmt.arg(self.tr("Objects: %1"), fmt.number(total)))

    def _edit(self, row_index: int, key: str, text: str) -> None:
        row = self.model.rows[row_index]
        uow = self.context.uow

        def apply(value: str) -> str:
            return svc.update_item_field(uow(), row.id, key, value)

        try:
            old = apply(text)
        except Exception as exc:  # noqa: BLE001 - validation and conflicts are shown plainly
            self.show_error(exc)
            return
        if old == text.strip():
            return  # nothing changed (the service strips surrounding spaces): nothing to undo

        def after(_value) -> None:
            self.load()

        column = next(c for c in self.model.columns if c.key == key)
        label = fmt.arg(self.tr("Edit %1 of %2"), column.title(), row.object_number)
        self.context.undo_stack.push(AppliedEditCommand(label, apply, old, text, after, self.show_error))
        self.status_message.emit(self.tr("Saved."))
