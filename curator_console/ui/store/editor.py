"""The product editor: a panel beside the Store table with every field of a product, its picture,
the collection objects it is linked to, and where it was last synced from.

As in the object editor (both are ``ui.record_editor.RecordEditor``s), each field is saved when it
is left (or, for the currency and status choosers, when a choice is made) through
``services.store`` — which checks the value the editor last saw, so a colleague's change on a
shared database is never overwritten — and pushed onto the window's undo stack as one
``AppliedEditCommand``. A refused value shows its reason under the field and saves nothing; a
concurrent change is explained in a banner and the product read again. Objects are linked through
``ui.pickers.pick_objects``; double-clicking one opens it in the Collection workspace
(``open_object``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from curator_console import paths
from curator_console.persistence.media import MediaStore
from curator_console.services import store as svc
from curator_console.ui import formatting as fmt
from curator_console.ui.record_editor import FieldSpec, RecordEditor, error_label, stacked
from curator_console.ui.tasks import run_task
from curator_console.ui.thumbnails import Thumbnails

IMAGE_PX = 144  # the product picture in the editor (logical pixels)
CURRENCIES = ("CNY", "USD", "EUR", "GBP", "HKD", "TWD", "JPY")


class ProductEditor(RecordEditor):
    """Shows one product (``show_product(id)``) and saves each change as an undoable command."""

    open_object = Signal(int)  # a linked object was double-clicked

    key_field = "sku"
    missing_error = svc.ProductMissingError

    def __init__(self, context, thumbnails: Thumbnails, fetch: Callable, show_error: Callable[[BaseException], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(context, thumbnails, fetch, show_error, parent)
        self.setObjectName("productEditor")
        self.busy = 0  # background image work still running

    @property
    def product_id(self) -> int | None:
        """The product shown (or being read)."""
        return self.record_id

    def show_product(self, product_id: int) -> None:
        """Read the product in the background and show it."""
        self.show_record(product_id)

    # --- what the editor shows ----------------------------------------------------------------
    def _field_specs(self) -> list[FieldSpec]:
        return [
            FieldSpec("sku", lambda: self.tr("SKU")),
            FieldSpec("title", lambda: self.tr("Title")),
            FieldSpec("alt_title", lambda: self.tr("Title (second language)")),
            FieldSpec("price", lambda: self.tr("Price")),
            FieldSpec("currency", lambda: self.tr("Currency"), "currency"),
            FieldSpec("stock", lambda: self.tr("Stock")),
            FieldSpec("status", lambda: self.tr("Status"), "status"),
            FieldSpec("url", lambda: self.tr("Store link")),
        ]

    def _build_body(self, body_layout: QVBoxLayout) -> None:
        # The fields.
        self.product_box = QGroupBox()
        form = QFormLayout(self.product_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for spec in self.fields:
            widget, error, label = self._add_field(spec)
            if spec.name == "url":
                line = QHBoxLayout()
                line.setSpacing(4)
                line.addWidget(widget, 1)
                self.open_url_button = QToolButton()
                self.open_url_button.setObjectName("openStoreLink")
                self.open_url_button.setText("↗")
                self.open_url_button.clicked.connect(self.open_store_link)
                line.addWidget(self.open_url_button)
                form.addRow(label, stacked(line, error))
            else:
                form.addRow(label, stacked(widget, error))

        # The picture.
        self.image_box = QGroupBox()
        self.image_box.setObjectName("productImageBox")
        image_layout = QHBoxLayout(self.image_box)
        self.image_view = QLabel()
        self.image_view.setObjectName("productImage")
        self.image_view.setFixedSize(QSize(IMAGE_PX + 8, IMAGE_PX + 8))
        self.image_view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_view.setFrameShape(QFrame.Shape.StyledPanel)
        image_side = QVBoxLayout()
        self.choose_image_button = QPushButton()
        self.choose_image_button.setObjectName("chooseProductImage")
        self.choose_image_button.clicked.connect(self.choose_image)
        self.remove_image_button = QPushButton()
        self.remove_image_button.setObjectName("removeProductImage")
        self.remove_image_button.clicked.connect(self.remove_image)
        self.image_note = QLabel()
        self.image_note.setObjectName("productImageNote")
        self.image_note.setWordWrap(True)
        self.image_note.setStyleSheet("color: palette(placeholder-text);")
        self.image_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.image_error = error_label("error_image")
        image_side.addWidget(self.choose_image_button)
        image_side.addWidget(self.remove_image_button)
        image_side.addWidget(self.image_note)
        image_side.addWidget(self.image_error)
        image_side.addStretch(1)
        image_layout.addWidget(self.image_view, 0, Qt.AlignmentFlag.AlignTop)
        image_layout.addLayout(image_side, 1)

        # The objects it belongs to.
        self.objects_box = QGroupBox()
        self.objects_box.setObjectName("productObjectsBox")
        objects_layout = QVBoxLayout(self.objects_box)
        self.object_list = QListWidget()
        self.object_list.setObjectName("linkedObjects")
        self.object_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.object_list.itemActivated.connect(self._object_activated)
        self.object_list.itemSelectionChanged.connect(self._update_object_buttons)
        self.no_objects = QLabel()
        self.no_objects.setObjectName("noLinkedObjects")
        self.no_objects.setWordWrap(True)
        self.no_objects.setStyleSheet("color: palette(placeholder-text);")
        buttons = QHBoxLayout()
        self.link_button = QPushButton()
        self.link_button.setObjectName("linkObjectsButton")
        self.link_button.clicked.connect(self.choose_objects)
        self.unlink_button = QPushButton()
        self.unlink_button.setObjectName("unlinkObjectsButton")
        self.unlink_button.clicked.connect(self.unlink_selected)
        buttons.addWidget(self.link_button)
        buttons.addWidget(self.unlink_button)
        buttons.addStretch(1)
        objects_layout.addWidget(self.object_list)
        objects_layout.addWidget(self.no_objects)
        objects_layout.addLayout(buttons)
        unlink = QShortcut(QKeySequence.StandardKey.Delete, self.object_list)
        unlink.setContext(Qt.ShortcutContext.WidgetShortcut)
        unlink.activated.connect(self.unlink_selected)

        self.sync_info = QLabel()
        self.sync_info.setObjectName("productSyncInfo")
        self.sync_info.setWordWrap(True)
        self.sync_info.setStyleSheet("color: palette(placeholder-text);")

        body_layout.addWidget(self.product_box)
        body_layout.addWidget(self.image_box)
        body_layout.addWidget(self.objects_box)
        body_layout.addWidget(self.sync_info)

    def _make_field(self, spec: FieldSpec) -> QWidget:
        """``currency``: a chooser that also takes a typed code; ``status``: a chooser; else a line."""
        if spec.kind == "currency":
            combo = QComboBox()
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.addItems(list(CURRENCIES))
            combo.setMaximumWidth(self.fontMetrics().horizontalAdvance("MMMMMM") + 40)
            combo.activated.connect(lambda _i: self.commit("currency"))
            combo.lineEdit().editingFinished.connect(lambda: self.commit("currency"))
            return combo
        if spec.kind == "status":
            combo = QComboBox()
            for key in svc.STATUSES:
                combo.addItem("", key)
            combo.activated.connect(lambda _i: self.commit("status"))
            return combo
        line = super()._make_field(spec)
        if spec.name in ("price", "stock"):
            line.setMaximumWidth(self.fontMetrics().horizontalAdvance("0000000000.00") + 24)
        return line

    # --- texts ------------------------------------------------------------------------------
    def status_text(self, status: str) -> str:
        names = {"active": self.tr("On sale"), "draft": self.tr("Draft"), "archived": self.tr("Archived")}
        return names.get(status, status)

    def _text(self, key: str) -> str:
        if key == "name":
            return self.tr("Product editor")
        if key == "none":
            return self.tr("No product selected")
        if key == "missing":
            return self.tr("This product no longer exists.")
        if key == "concurrent":
            return self.tr("Someone else changed this product after you opened it. "
                           "It has been read again; please make your change again.")
        return self.tr("This product has been deleted (perhaps by someone else).")

    def _retranslate_own(self) -> None:
        status = self.editors["status"]
        for i in range(status.count()):
            status.setItemText(i, self.status_text(status.itemData(i)))
        self.editors["sku"].setPlaceholderText(self.tr("Required, unique in the store"))
        self.editors["price"].setPlaceholderText(self.tr("e.g. 128.00"))
        self.editors["stock"].setPlaceholderText(self.tr("Empty: not tracked"))
        self.editors["url"].setPlaceholderText(self.tr("https://…"))
        self.open_url_button.setToolTip(self.tr("Open the product at the store in the web browser"))
        self.open_url_button.setAccessibleName(self.tr("Open the store link"))
        self.product_box.setTitle(self.tr("Product"))
        self.image_box.setTitle(self.tr("Picture"))
        self.image_view.setAccessibleName(self.tr("Picture of the product"))
        self.choose_image_button.setText(self.tr("Choose picture…"))
        self.remove_image_button.setText(self.tr("Remove picture"))
        self.objects_box.setTitle(self.tr("Collection objects"))
        self.object_list.setAccessibleName(self.tr("Collection objects this product belongs to"))
        self.no_objects.setText(self.tr("Not linked to any object yet. Link the objects this product reproduces or "
                                        "belongs to, so tours can offer it when they show them."))
        self.link_button.setText(self.tr("Link objects…"))
        self.unlink_button.setText(self.tr("Unlink"))
        self.unlink_button.setToolTip(self.tr("Unlink the selected objects (Delete)"))

    # --- loading ----------------------------------------------------------------------------
    def _read(self, uow, record_id: int):
        return svc.get_product(uow, record_id)

    def _subheading_parts(self, d: svc.ProductDetail) -> list[str]:
        parts = [d.alt_title if d.title else "", fmt.money(d.price, d.currency), self.status_text(d.status)]
        if d.stock == 0:
            parts.append(self.tr("Out of stock"))
        return parts

    def _show_more(self, detail: svc.ProductDetail) -> None:
        self._show_image(detail.image)
        self._show_objects(detail.objects)
        self._show_sync(detail)

    def _set_field(self, name: str, value: Any) -> None:
        widget = self.editors[name]
        if not isinstance(widget, QComboBox):
            super()._set_field(name, value)
        elif name == "status":
            widget.setCurrentIndex(max(0, widget.findData(value)))
        else:
            text = self._display(name, value)
            if widget.currentText() != text:
                widget.blockSignals(True)
                widget.setCurrentText(text)
                widget.blockSignals(False)

    def _field_text(self, name: str) -> str:
        widget = self.editors[name]
        if isinstance(widget, QComboBox):
            return widget.currentData() if name == "status" else widget.currentText()
        return widget.text()

    def _show_sync(self, d: svc.ProductDetail) -> None:
        if d.connection_name and d.synced_at is not None:
            self.sync_info.setText(fmt.arg(self.tr(
                "Synced from “%1” on %2. Each sync takes the price, stock and title from the store again; the "
                "objects linked here are kept."), d.connection_name, fmt.local_datetime(d.synced_at)))
        else:
            self.sync_info.setText(self.tr("Kept in Curator Console only (not synced from a store)."))

    # --- field edits --------------------------------------------------------------------------
    def _save_field(self, uow, record_id: int, name: str, value: Any, expected: Any):
        return svc.update_product_field(uow, record_id, name, value, expected=expected)

    def error_text(self, exc: svc.FieldError) -> str:
        code, name = exc.code, exc.field
        if code == "required":
            return {"sku": self.tr("The SKU cannot be empty."),
                    "currency": self.tr("Choose a currency, e.g. CNY."),
                    "status": self.tr("Choose a status.")}.get(name, str(exc))
        if code == "duplicate":
            return fmt.arg(self.tr("Another product already has the SKU “%1”."), self._field_text("sku").strip())
        if code == "not_amount":
            return self.tr("Enter a price such as 128 or 128.00 (¥128.00 and 1,280.50 work too).")
        if code == "negative":
            return self.tr("A price cannot be negative.") if name == "price" else self.tr("Stock cannot be negative.")
        if code == "too_many_decimals":
            return self.tr("A price has at most 4 decimal places.")
        if code == "other_currency":
            return self.tr("This price is written in another currency than the product's. Change the currency "
                           "first.")
        if code == "not_integer":
            return self.tr("Enter a whole number of items, or leave it empty when the stock is not tracked.")
        if code == "not_currency":
            return self.tr("Enter a three-letter currency code such as CNY, USD or EUR.")
        if code == "not_url":
            return self.tr("Enter a web address starting with https://.")
        return super().error_text(exc)

    def _clear_errors(self) -> None:
        super()._clear_errors()
        self.image_error.hide()

    def open_store_link(self) -> None:
        url = self.editors["url"].text().strip()
        if url.lower().startswith(("http://", "https://")):
            QDesktopServices.openUrl(QUrl(url))

    # --- the picture ----------------------------------------------------------------------------
    def _show_image(self, image: svc.ProductImage) -> None:
        if image.sha256:
            pm = self.thumbnails.pixmap(image.sha256, IMAGE_PX * 2)
            pm = pm if pm is not None else self.thumbnails.placeholder(IMAGE_PX * 2)
            pm.setDevicePixelRatio(2.0)
            self.image_view.setPixmap(pm)
        else:
            self.image_view.clear()
            self.image_view.setText(self.tr("No picture"))
        if image.url and not image.sha256:
            self.image_note.setText(fmt.arg(self.tr("The store's picture: %1"), image.url))
        elif image.sha256:
            self.image_note.setText(self.tr("Drop an image file here to replace it."))
        else:
            self.image_note.setText(self.tr("Drop an image file here, or choose one."))
        self.image_note.setToolTip(image.url)
        self.remove_image_button.setEnabled(bool(image))

    def _thumbnail_ready(self, sha: str, px: int) -> None:
        if self.detail is not None and px == IMAGE_PX * 2 and self.detail.image.sha256 == sha:
            self._show_image(self.detail.image)

    def choose_image(self) -> None:
        if self.detail is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a picture"), "", self._image_filter())
        if path:
            self.set_image_file(path)

    def set_image_file(self, path: str | Path) -> bool:
        """Copy an image file into the media store (in the background) and make it the picture,
        as one undoable change."""
        detail = self.detail
        if detail is None:
            return False
        product_id, expected, sku = detail.id, detail.image, detail.sku
        uow = self.context.uow
        self.busy += 1
        self.image_error.hide()

        def work():
            return svc.set_product_image(uow(), MediaStore(paths.media_dir()), product_id, str(path), expected=expected)

        def done(result) -> None:
            if not isValid(self):
                return
            self.busy -= 1
            old, new = result
            if old != new:
                self._push_image(product_id, old, new, fmt.arg(self.tr("Change the picture of %1"), sku))

        def failed(exc: BaseException) -> None:
            if not isValid(self):
                return
            self.busy -= 1
            if isinstance(exc, svc.FieldError):
                self.image_error.setText(fmt.arg(self.tr("Not used: %1 — %2"), Path(path).name,
                                                 self._image_problem(exc.code, str(exc))))
                self.image_error.show()
            elif not self._stale(exc):
                self.show_error(exc)

        run_task(work, done, failed)
        return True

    def remove_image(self) -> bool:
        detail = self.detail
        if detail is None or not detail.image:
            return False
        try:
            old, new = svc.clear_product_image(self.context.uow(), detail.id, expected=detail.image)
        except (svc.ConcurrentEditError, svc.ProductMissingError) as exc:
            self._stale(exc)
            return False
        self._push_image(detail.id, old, new, fmt.arg(self.tr("Remove the picture of %1"), detail.sku))
        return True

    def _push_image(self, product_id: int, old, new, label: str) -> None:
        uow = self.context.uow

        def refresh(value) -> None:
            self.detail = replace(self.detail, image=value)
            self._show_image(value)

        self._push_saved_edit(label, old, new, lambda value, expected: svc.set_product_image_value(
            uow(), product_id, value, expected=expected), self._after_save(product_id, refresh))

    def _files_dropped(self, files: list[str]) -> None:
        self.set_image_file(files[0])

    # --- linked objects -------------------------------------------------------------------------
    def _show_objects(self, objects: Sequence[svc.LinkedObject]) -> None:
        self.object_list.clear()
        for o in objects:
            title = o.title or o.alt_title
            item = QListWidgetItem(fmt.arg(self.tr("%1 — %2"), o.object_number, title) if title else o.object_number)
            item.setData(Qt.ItemDataRole.UserRole, o.id)
            item.setToolTip(self.tr("Double-click to open the object in the Collection"))
            self.object_list.addItem(item)
        rows = min(max(len(objects), 2), 8)  # as tall as the links need, within bounds
        self.object_list.setFixedHeight(rows * (self.object_list.fontMetrics().height() + 6)
                                        + 2 * self.object_list.frameWidth() + 4)
        self.object_list.setVisible(bool(objects))
        self.no_objects.setVisible(not objects)
        self._update_object_buttons()

    def object_lines(self) -> list[str]:
        return [self.object_list.item(i).text() for i in range(self.object_list.count())]

    def _update_object_buttons(self) -> None:
        self.unlink_button.setEnabled(bool(self.object_list.selectedItems()))

    def _object_activated(self, item: QListWidgetItem) -> None:
        self.open_object.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def choose_objects(self) -> bool:
        """Pick objects from the collection (``ui.pickers``) and link them."""
        detail = self.detail
        if detail is None:
            return False
        from curator_console.ui.pickers import pick_objects

        chosen = pick_objects(self, self.context, exclude=detail.object_ids,
                              title=fmt.arg(self.tr("Link objects to %1"), detail.sku))
        if not chosen:
            return False
        return self.link_objects(chosen)

    def link_objects(self, item_ids: Sequence[int]) -> bool:
        detail = self.detail
        if detail is None:
            return False
        wanted = tuple(sorted(set(detail.object_ids) | set(item_ids)))
        added = len(wanted) - len(detail.object_ids)
        label = (fmt.arg(self.tr("Link an object to %1"), detail.sku) if added == 1
                 else fmt.arg(self.tr("Link %1 objects to %2"), added, detail.sku))
        return self._change_objects(wanted, label)

    def unlink_selected(self) -> bool:
        detail = self.detail
        ids = {int(i.data(Qt.ItemDataRole.UserRole)) for i in self.object_list.selectedItems()}
        if detail is None or not ids:
            return False
        return self.unlink_objects(ids)

    def unlink_objects(self, item_ids) -> bool:
        detail = self.detail
        if detail is None:
            return False
        wanted = tuple(i for i in detail.object_ids if i not in set(item_ids))
        removed = len(detail.object_ids) - len(wanted)
        label = (fmt.arg(self.tr("Unlink an object from %1"), detail.sku) if removed == 1
                 else fmt.arg(self.tr("Unlink %1 objects from %2"), removed, detail.sku))
        return self._change_objects(wanted, label)

    def _change_objects(self, wanted: tuple[int, ...], label: str) -> bool:
        detail = self.detail
        assert detail is not None
        product_id = detail.id
        uow = self.context.uow
        return self._change_links(label, wanted, detail.object_ids, lambda value, expected: svc.set_product_objects(
            uow(), product_id, value, expected=expected))
