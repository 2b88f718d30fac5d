"""What a segment shows and features: its objects, its products and its cues.

Each widget shows the segment's current list and announces a wanted change as
``changed(old, new)`` with whole lists; the editor saves it as one undoable command and reloads.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from curator_console.domain.money import parse_amount
from curator_console.domain.tour_plan import CUE_OBS_SCENE, CUE_TEXT, CueInfo, ProductLink, SegmentObject, SegmentProductInfo
from curator_console.ui import appearance
from curator_console.ui import formatting as fmt
from curator_console.ui.pickers import OBJECT_IDS_MIME, PRODUCT_IDS_MIME, decode_ids

THUMB_PX = 56
ID_ROLE = Qt.ItemDataRole.UserRole + 10


def _button(text: str, name: str) -> QPushButton:
    b = QPushButton(text)
    b.setObjectName(name)
    return b


def button_bar(buttons) -> QToolBar:
    """A row of buttons that folds into an overflow menu when the panel is narrow."""
    bar = QToolBar()
    for b in buttons:
        bar.addWidget(b)
    return bar


class _LinkEditor(QWidget):
    """A list of links with Add (its own), Remove, Up and Down buttons and the Delete key."""

    def _build(self, view: QWidget, add_buttons: tuple[QPushButton, ...], prefix: str) -> None:
        self.remove_button = _button("", f"remove{prefix}Button")
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button = _button("", f"{prefix.lower().rstrip('s')}UpButton")
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button = _button("", f"{prefix.lower().rstrip('s')}DownButton")
        self.down_button.clicked.connect(lambda: self._move(1))
        delete = QShortcut(QKeySequence.StandardKey.Delete, view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_selected)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(button_bar((*add_buttons, self.remove_button, self.up_button, self.down_button)))
        layout.addWidget(view, 1)

    def _retranslate_buttons(self) -> None:
        # An explicit context: tr() in a base class would look the words up under each subclass.
        self.remove_button.setText(QCoreApplication.translate("SegmentLinks", "Remove"))
        self.up_button.setText(QCoreApplication.translate("SegmentLinks", "Up"))
        self.down_button.setText(QCoreApplication.translate("SegmentLinks", "Down"))

    def _enable_buttons(self, has: bool) -> None:
        for b in (self.remove_button, self.up_button, self.down_button):
            b.setEnabled(has)

    def remove_selected(self) -> None:
        raise NotImplementedError

    def _move(self, delta: int) -> None:
        raise NotImplementedError


def moved(values: tuple, index: int, delta: int) -> tuple | None:
    """``values`` with the entry at ``index`` moved by ``delta`` places (None when it cannot move)."""
    to = index + delta
    if not (0 <= index < len(values)) or not (0 <= to < len(values)):
        return None
    out = list(values)
    out.insert(to, out.pop(index))
    return tuple(out)


class ObjectDropList(QListWidget):
    """The segment's objects as thumbnails; accepts dropped objects, reorders by dragging."""

    objects_dropped = Signal(list)
    reorder_requested = Signal(int, int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("segmentObjects")
        self.setIconSize(QSize(THUMB_PX, THUMB_PX))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSpacing(2)

    def dragEnterEvent(self, event) -> None:
        if event.source() is self or event.mimeData().hasFormat(OBJECT_IDS_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if event.source() is self or event.mimeData().hasFormat(OBJECT_IDS_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        if event.source() is self:
            source = self.currentRow()
            target_item = self.itemAt(event.position().toPoint())
            to = self.row(target_item) if target_item is not None else self.count() - 1
            if source >= 0 and to != source:
                self.reorder_requested.emit(source, to)
        elif event.mimeData().hasFormat(OBJECT_IDS_MIME):
            self.objects_dropped.emit(decode_ids(event.mimeData(), OBJECT_IDS_MIME))
        event.setDropAction(Qt.DropAction.IgnoreAction)  # the editor saves it and reloads the list
        event.accept()


class SegmentObjectsWidget(_LinkEditor):
    changed = Signal(tuple, tuple)  # old item ids, new item ids
    pick_requested = Signal()
    open_requested = Signal(int)  # item id: show it in the Collection

    def __init__(self, thumbnails, parent=None) -> None:
        super().__init__(parent)
        self.thumbnails = thumbnails
        self.objects: tuple[SegmentObject, ...] = ()
        self.list = ObjectDropList(self)
        self.list.objects_dropped.connect(self._add)
        self.list.reorder_requested.connect(self._reorder)
        self.list.itemActivated.connect(lambda item: self.open_requested.emit(item.data(ID_ROLE)))
        self.add_button = _button("", "addObjectsButton")
        self.add_button.clicked.connect(self.pick_requested)
        self._build(self.list, (self.add_button,), "Objects")
        thumbnails.ready.connect(self._thumbnail_ready)
        self.retranslate()

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add objects…"))
        self._retranslate_buttons()
        self.list.setAccessibleName(self.tr("Objects shown in this segment"))
        self.list.setToolTip(self.tr("Drag objects here from the Collection panel; drag to reorder; Delete removes."))

    @property
    def ids(self) -> tuple[int, ...]:
        return tuple(o.item_id for o in self.objects)

    def set_objects(self, objects: tuple[SegmentObject, ...]) -> None:
        selected = {i.data(ID_ROLE) for i in self.list.selectedItems()}
        self.objects = tuple(objects)
        self.list.clear()
        for o in self.objects:
            item = QListWidgetItem(self._icon(o), f"{o.object_number}  {o.title}")
            item.setData(ID_ROLE, o.item_id)
            tip = o.title if not o.rights else f"{o.title}\n{o.rights}"
            item.setToolTip(tip)
            self.list.addItem(item)
            item.setSelected(o.item_id in selected)
        self._update_buttons()

    def _icon(self, o: SegmentObject) -> QIcon:
        pm = self.thumbnails.pixmap(o.image_sha256, THUMB_PX) if o.image_sha256 else None
        return QIcon(pm if pm is not None else self.thumbnails.placeholder(THUMB_PX))

    def _thumbnail_ready(self, sha: str, px: int) -> None:
        if px != THUMB_PX:
            return
        for row, o in enumerate(self.objects):
            if o.image_sha256 == sha and row < self.list.count():
                self.list.item(row).setIcon(self._icon(o))

    def _update_buttons(self) -> None:
        self._enable_buttons(self.list.count() > 0)

    def add_ids(self, ids: list[int]) -> None:
        self._add(ids)

    def _add(self, ids: list[int]) -> None:
        new = self.ids + tuple(i for i in dict.fromkeys(ids) if i not in self.ids)
        if new != self.ids:
            self.changed.emit(self.ids, new)

    def remove_selected(self) -> None:
        gone = {i.data(ID_ROLE) for i in self.list.selectedItems()}
        if gone:
            self.changed.emit(self.ids, tuple(i for i in self.ids if i not in gone))

    def _reorder(self, source: int, to: int) -> None:
        out = list(self.ids)
        out.insert(to, out.pop(source))
        self.changed.emit(self.ids, tuple(out))

    def _move(self, delta: int) -> None:
        new = moved(self.ids, self.list.currentRow(), delta)
        if new is not None:
            self.changed.emit(self.ids, new)


class ProductDropTable(QTableWidget):
    products_dropped = Signal(list)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDropIndicatorShown(True)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasFormat(PRODUCT_IDS_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    dragMoveEvent = dragEnterEvent

    def dropEvent(self, event) -> None:
        if event.mimeData().hasFormat(PRODUCT_IDS_MIME):
            self.products_dropped.emit(decode_ids(event.mimeData(), PRODUCT_IDS_MIME))
            event.acceptProposedAction()
        else:
            event.ignore()


class SegmentProductsWidget(_LinkEditor):
    """Featured products: SKU, title, catalogue price, live price, pitch line, auto-feature."""

    changed = Signal(tuple, tuple)  # old ProductLinks, new ProductLinks
    pick_requested = Signal()
    invalid_value = Signal(str)  # a message for a value that could not be used

    COL_SKU, COL_TITLE, COL_PRICE, COL_STOCK, COL_LIVE, COL_AUTO, COL_PITCH = range(7)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.products: tuple[SegmentProductInfo, ...] = ()
        self._loading = False
        self.table = ProductDropTable(self)
        self.table.setObjectName("segmentProducts")
        self.table.setColumnCount(7)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.itemChanged.connect(self._item_changed)
        self.table.products_dropped.connect(self.add_ids)
        self.add_button = _button("", "addProductsButton")
        self.add_button.clicked.connect(self.pick_requested)
        self._build(self.table, (self.add_button,), "Products")
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([
            self.tr("SKU"), self.tr("Product"), self.tr("Price"), self.tr("Stock"), self.tr("Live price"),
            self.tr("Feature automatically"), self.tr("Pitch line"),
        ])
        self.add_button.setText(self.tr("Add products…"))
        self._retranslate_buttons()
        self.table.setAccessibleName(self.tr("Products featured in this segment"))
        self.table.setToolTip(self.tr("Drag products here from the Store panel. Double-click a live price or pitch "
                                      "line to edit it; tick to feature the product when the segment starts."))

    @property
    def links(self) -> tuple[ProductLink, ...]:
        return tuple(p.link for p in self.products)

    def set_products(self, products: tuple[SegmentProductInfo, ...]) -> None:
        self._loading = True
        try:
            current = self.table.currentRow()
            self.products = tuple(products)
            self.table.setRowCount(len(self.products))
            for row, p in enumerate(self.products):
                def cell(text: str, editable: bool = False, numeric: bool = False) -> QTableWidgetItem:
                    item = QTableWidgetItem(text)
                    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                    if editable:
                        flags |= Qt.ItemFlag.ItemIsEditable
                    item.setFlags(flags)
                    if numeric:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    return item

                self.table.setItem(row, self.COL_SKU, cell(p.sku))
                self.table.setItem(row, self.COL_TITLE, cell(p.title))
                price = cell(fmt.money(p.price, p.currency) if p.price is not None else self.tr("no price"), numeric=True)
                if p.price is None:
                    price.setForeground(QBrush(appearance.colour("error")))
                self.table.setItem(row, self.COL_PRICE, price)
                stock = cell(fmt.number(p.stock), numeric=True)
                if p.stock == 0:
                    stock.setText(self.tr("out of stock"))
                    stock.setForeground(QBrush(appearance.colour("error")))
                self.table.setItem(row, self.COL_STOCK, stock)
                self.table.setItem(row, self.COL_LIVE, cell("" if p.live_price is None else str(p.live_price), True, True))
                auto = QTableWidgetItem()
                auto.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
                auto.setCheckState(Qt.CheckState.Checked if p.auto_feature else Qt.CheckState.Unchecked)
                self.table.setItem(row, self.COL_AUTO, auto)
                self.table.setItem(row, self.COL_PITCH, cell(p.pitch, True))
            self.table.resizeColumnsToContents()
            if self.products:
                self.table.setCurrentCell(max(0, min(current, len(self.products) - 1)), self.COL_SKU)
            self._enable_buttons(bool(self.products))
        finally:
            self._loading = False

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        row, col = item.row(), item.column()
        if not (0 <= row < len(self.products)):
            return
        old_link = self.products[row].link
        if col == self.COL_LIVE:
            text = item.text().strip().lstrip("¥$€£").replace(",", "")
            try:
                price = None if not text else parse_amount(text)
            except (ValueError, ArithmeticError):
                price = ...
            if price is ... or (isinstance(price, Decimal) and price < 0):
                self.invalid_value.emit(fmt.arg(self.tr("“%1” is not a price."), item.text()))
                self.set_products(self.products)
                return
            new_link = ProductLink(old_link.product_id, old_link.pitch, price, old_link.auto_feature)
        elif col == self.COL_PITCH:
            new_link = ProductLink(old_link.product_id, item.text().strip(), old_link.live_price, old_link.auto_feature)
        elif col == self.COL_AUTO:
            checked = item.checkState() == Qt.CheckState.Checked
            new_link = ProductLink(old_link.product_id, old_link.pitch, old_link.live_price, checked)
        else:
            return
        if new_link != old_link:
            links = list(self.links)
            links[row] = new_link
            self.changed.emit(self.links, tuple(links))

    def add_ids(self, ids: list[int]) -> None:
        have = {link.product_id for link in self.links}
        added = tuple(ProductLink(i) for i in dict.fromkeys(ids) if i not in have)
        if added:
            self.changed.emit(self.links, self.links + added)

    def remove_selected(self) -> None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        if rows:
            self.changed.emit(self.links, tuple(link for r, link in enumerate(self.links) if r not in rows))

    def _move(self, delta: int) -> None:
        new = moved(self.links, self.table.currentRow(), delta)
        if new is not None:
            self.changed.emit(self.links, new)


class SegmentCuesWidget(_LinkEditor):
    """Production cues: free text, or an OBS scene to switch to (chosen from the connected OBS)."""

    changed = Signal(tuple, tuple)  # old CueInfos, new CueInfos
    scenes_wanted = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.cues: tuple[CueInfo, ...] = ()
        self.scenes: tuple[str, ...] = ()
        self._loading = False
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("segmentCues")
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.itemChanged.connect(self._item_changed)
        self.add_text_button = _button("", "addCueButton")
        self.add_text_button.clicked.connect(lambda: self._add(CUE_TEXT))
        self.add_scene_button = _button("", "addSceneCueButton")
        self.add_scene_button.clicked.connect(lambda: self._add(CUE_OBS_SCENE))
        self._build(self.table, (self.add_text_button, self.add_scene_button), "Cues")
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Cue")])
        self.add_text_button.setText(self.tr("Add cue"))
        self.add_scene_button.setText(self.tr("Add OBS scene"))
        self._retranslate_buttons()
        self.table.setAccessibleName(self.tr("Cues of this segment"))
        self._render()

    def kind_name(self, kind: str) -> str:
        return self.tr("OBS scene") if kind == CUE_OBS_SCENE else self.tr("Text")

    def set_scenes(self, scenes: tuple[str, ...]) -> None:
        self.scenes = tuple(scenes)
        self._render()

    def set_cues(self, cues: tuple[CueInfo, ...]) -> None:
        self.cues = tuple(cues)
        self._render()

    def _render(self) -> None:
        self._loading = True
        try:
            self.table.setRowCount(len(self.cues))
            for row, cue in enumerate(self.cues):
                kind = QTableWidgetItem(self.kind_name(cue.kind))
                kind.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, 0, kind)
                if cue.kind == CUE_OBS_SCENE:
                    self.table.setItem(row, 1, QTableWidgetItem(""))
                    combo = QComboBox()
                    combo.setEditable(True)
                    combo.setAccessibleName(self.tr("OBS scene"))
                    names = list(self.scenes)
                    if cue.text and cue.text not in names:
                        names.insert(0, cue.text)
                    combo.addItems(names)
                    combo.setCurrentText(cue.text)
                    combo.setToolTip(self.tr("Scenes of the connected OBS; type a name when OBS is not connected."))
                    combo.activated.connect(lambda _i, r=row, c=combo: self._set_text(r, c.currentText()))
                    combo.lineEdit().editingFinished.connect(lambda r=row, c=combo: self._set_text(r, c.currentText()))
                    self.table.setCellWidget(row, 1, combo)
                else:
                    self.table.removeCellWidget(row, 1)
                    self.table.setItem(row, 1, QTableWidgetItem(cue.text))
            self.table.resizeColumnToContents(0)
            self._enable_buttons(bool(self.cues))
        finally:
            self._loading = False

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() != 1:
            return
        self._set_text(item.row(), item.text())

    def _set_text(self, row: int, text: str) -> None:
        if not (0 <= row < len(self.cues)):
            return
        text = text.strip()
        cue = self.cues[row]
        if text == cue.text:
            return
        new = list(self.cues)
        if text:
            new[row] = CueInfo(cue.kind, text)
        else:
            del new[row]
        self.changed.emit(self.cues, tuple(new))

    def _add(self, kind: str) -> None:
        if kind == CUE_OBS_SCENE:
            self.scenes_wanted.emit()
            text = self.scenes[0] if self.scenes else self.tr("Scene")
        else:
            text = self.tr("New cue")
        self.changed.emit(self.cues, self.cues + (CueInfo(kind, text),))

    def remove_selected(self) -> None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        if not rows and self.table.currentRow() >= 0:
            rows = {self.table.currentRow()}
        if rows:
            self.changed.emit(self.cues, tuple(c for r, c in enumerate(self.cues) if r not in rows))

    def _move(self, delta: int) -> None:
        new = moved(self.cues, self.table.currentRow(), delta)
        if new is not None:
            self.changed.emit(self.cues, new)
