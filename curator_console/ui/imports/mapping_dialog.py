"""The mapping dialog: the first rows of a collection file, a field chooser above each column.

Shows the detected encoding and delimiter (both can be changed; the preview is read again in the
background), a preview of the first rows with a combo box above each column pre-set from the
automatic mapping, columns whose names are not known marked, saved mappings (apply, save under
a name, delete) and the strict option. ``Import`` is the default button; Esc cancels. A kind whose
records belong to a connection (orders) also asks for the store connection (``connection_combo``).

What it hands back: ``overrides()`` — only the columns whose field differs from the automatic
mapping (so the automatic ranking, e.g. MetObjects' Period before its Dynasty, is kept for the
rest) — plus ``encoding()``, ``delimiter()`` (None when the detected one is kept), ``strict`` and
``run_options()`` (the kind's own arguments for its import: ``connection`` for orders).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from curator_console.importers.mapping import normalize_header
from curator_console.services import collection_import as svc
from curator_console.services.order_import import DEFAULT_CONNECTION
from curator_console.ui import appearance
from curator_console.ui import formatting as fmt
from curator_console.ui.context import AppContext
from curator_console.ui.imports.common import field_label, spec_label
from curator_console.ui.imports.kinds import COLLECTION, ImportKind
from curator_console.ui.platform_names import platform_label
from curator_console.ui.table_model import Column, RowsModel
from curator_console.ui.tasks import run_task
from curator_console.ui.workspace import heading

PREVIEW_ROWS = 20
COMBO_MIN_WIDTH = 150
_MARGIN = 3
WARN = QColor("#9a5b00")  # the light palette's; headers use appearance.colour("warning")

# (codec name, label) — the label is translated in ``_encoding_label``.
ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "utf-16", "big5", "shift_jis", "cp1252", "latin-1")
DELIMITERS = (",", ";", "\t", "|")


def _canonical_spec(spec: str) -> str:
    """"ignore"/"" → ""; otherwise the targets joined by commas (as the combo boxes hold them)."""
    parts = [p.strip() for p in (spec or "").split(",") if p.strip() and p.strip() != "ignore"]
    return ",".join(dict.fromkeys(parts))


class PreviewModel(RowsModel):
    """Adapts ``Preview.rows`` (lists of cells) to a table whose columns are the file's headers;
    a header that no field is chosen for and whose name is not known carries a warning mark."""

    def __init__(self, parent=None) -> None:
        super().__init__([], parent)
        self.marked: set[int] = set()
        self.marked_tip: Callable[[], str] = lambda: ""

    def set_preview(self, headers: list[str], rows: list[list[str]]) -> None:
        self.beginResetModel()
        self.columns = [
            Column(str(i), (lambda h=h: h), (lambda r, i=i: _cell(r, i)),
                   tooltip=(lambda r, i=i: r[i] if i < len(r) else ""))
            for i, h in enumerate(headers)
        ]
        self.rows = list(rows)
        self.marked = set()
        self.endResetModel()

    def set_marked(self, marked: set[int]) -> None:
        if marked != self.marked:
            self.marked = marked
            if self.columns:
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and section in self.marked:
            if role == Qt.ItemDataRole.DisplayRole:
                return "⚠ " + (self.columns[section].title() or "")
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(appearance.colour("warning"))
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.marked_tip()
        return super().headerData(section, orientation, role)


def _cell(row: list[str], i: int) -> str:
    if i >= len(row):
        return ""
    text = row[i]
    if "\n" in text:
        text = " ⏎ ".join(line.strip() for line in text.splitlines())
    return text[:300]


class MappingHeader(QHeaderView):
    """A horizontal header with a widget (the field combo box) above each section's title.
    The widgets live in the header's viewport, so scrolling moves them with their columns."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.widgets: list[QWidget] = []
        self.setSectionsClickable(False)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.sectionResized.connect(self.place_widgets)
        self.sectionMoved.connect(self.place_widgets)
        self.geometriesChanged.connect(self.place_widgets)

    def set_widgets(self, widgets: list[QWidget]) -> None:
        for old in self.widgets:
            if isValid(old):
                old.hide()
                old.deleteLater()
        self.widgets = list(widgets)
        for w in self.widgets:
            w.setParent(self.viewport())
            w.show()
        self.updateGeometry()
        self.place_widgets()

    def _widget_height(self) -> int:
        if self.widgets:
            return max(w.sizeHint().height() for w in self.widgets)
        return QComboBox().sizeHint().height()

    def sizeHint(self) -> QSize:
        size = super().sizeHint()
        size.setHeight(size.height() + self._widget_height() + 2 * _MARGIN)
        return size

    def paintSection(self, painter: QPainter, rect: QRect, index: int) -> None:
        top = self._widget_height() + 2 * _MARGIN
        painter.save()
        painter.fillRect(QRect(rect.left(), rect.top(), rect.width(), top), self.palette().window())
        painter.restore()
        painter.save()
        super().paintSection(painter, rect.adjusted(0, top, 0, 0), index)
        painter.restore()

    def place_widgets(self, *_args) -> None:
        h = self._widget_height()
        for i, w in enumerate(self.widgets):
            if i >= self.count() or self.isSectionHidden(i):
                w.hide()
                continue
            x = self.sectionViewportPosition(i)
            w.setGeometry(x + 2, _MARGIN, max(10, self.sectionSize(i) - 4), h)
            w.show()


class MappingDialog(QDialog):
    """See the module docstring. ``previewed`` is emitted each time a (re-)read preview is shown,
    ``mappings_loaded`` when the saved mappings are listed, ``mapping_saved(name)`` after a save."""

    previewed = Signal()
    mappings_loaded = Signal()
    connections_loaded = Signal()
    mapping_saved = Signal(str)

    def __init__(self, path: Path | str, preview: svc.Preview, context: AppContext,
                 parent: QWidget | None = None, kind: ImportKind | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importMappingDialog")
        self.kind = kind or COLLECTION  # the collection's objects, or the store's products
        self.path = Path(path)
        self.context = context
        self.preview = preview
        self.detected_encoding = preview.encoding
        self.detected_delimiter = preview.delimiter
        self._encoding: str | None = None
        self._delimiter: str | None = None
        self._chosen: dict[str, str] = {}  # normalized header → spec the person (or a saved mapping) chose
        self._saved: list[svc.SavedMapping] = []
        self.saved_loaded = False  # the saved mappings have been listed at least once
        self._connections: list | None = None  # ConnectionRow the records can go to (None: not read yet)
        self._connections_error = ""
        self._reading = 0
        self._read_generation = 0
        self._error = ""
        self.combos: list[QComboBox] = []

        self.title = heading()
        self.summary = QLabel()
        self.summary.setObjectName("mappingSummary")
        self.summary.setWordWrap(True)

        self.encoding_label = QLabel()
        self.encoding_combo = QComboBox()
        self.encoding_combo.setObjectName("encodingCombo")
        self.encoding_label.setBuddy(self.encoding_combo)
        self.delimiter_label = QLabel()
        self.delimiter_combo = QComboBox()
        self.delimiter_combo.setObjectName("delimiterCombo")
        self.delimiter_label.setBuddy(self.delimiter_combo)
        self.saved_label = QLabel()
        self.saved_combo = QComboBox()
        self.saved_combo.setObjectName("savedMappingCombo")
        self.saved_combo.setMinimumContentsLength(18)
        self.saved_label.setBuddy(self.saved_combo)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveMappingButton")
        self.save_button.setAutoDefault(False)
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("deleteMappingButton")
        self.delete_button.setAutoDefault(False)
        self.connection_label = QLabel()
        self.connection_combo = QComboBox()
        self.connection_combo.setObjectName("importConnectionCombo")
        self.connection_combo.setMinimumContentsLength(24)
        self.connection_label.setBuddy(self.connection_combo)
        for w in (self.connection_label, self.connection_combo):
            w.setVisible(self.kind.connections is not None)

        self.note = QLabel()
        self.note.setObjectName("mappingNote")
        self.note.setWordWrap(True)

        self.model = PreviewModel(self)
        self.model.marked_tip = lambda: self.tr(
            "Curator Console does not know this column's name, so it is not imported unless you choose a field.")
        self.header = MappingHeader()
        self.table = QTableView()
        self.table.setObjectName("mappingPreviewTable")
        self.table.setHorizontalHeader(self.header)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setMinimumHeight(280)
        # Scrolling moves the header's viewport (and the combo boxes in it); placing them again after
        # the header has taken the new offset keeps them exact whatever way the offset changed.
        self.table.horizontalScrollBar().valueChanged.connect(self.header.place_widgets)

        self.status = QLabel()
        self.status.setObjectName("mappingStatus")
        self.status.setWordWrap(True)
        self.strict = QCheckBox()
        self.strict.setObjectName("strictImport")

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("mappingImportButton")
        self.import_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("mappingCancelButton")
        self.cancel_button.setAutoDefault(False)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

        # --- layout ---
        options = QGridLayout()
        options.setHorizontalSpacing(8)
        options.addWidget(self.encoding_label, 0, 0)
        options.addWidget(self.encoding_combo, 0, 1)
        options.addWidget(self.delimiter_label, 0, 2)
        options.addWidget(self.delimiter_combo, 0, 3)
        options.setColumnStretch(4, 1)
        options.addWidget(self.saved_label, 1, 0)
        saved_row = QHBoxLayout()
        saved_row.addWidget(self.saved_combo)
        saved_row.addWidget(self.save_button)
        saved_row.addWidget(self.delete_button)
        saved_row.addStretch(1)
        options.addLayout(saved_row, 1, 1, 1, 4)
        options.addWidget(self.connection_label, 2, 0)
        options.addWidget(self.connection_combo, 2, 1, 1, 3)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addSpacing(4)
        layout.addLayout(options)
        layout.addSpacing(4)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.strict)
        layout.addWidget(self.buttons)

        self.encoding_combo.activated.connect(self._encoding_chosen)
        self.delimiter_combo.activated.connect(self._delimiter_chosen)
        self.saved_combo.activated.connect(self._saved_chosen)
        self.connection_combo.activated.connect(lambda _i: self._update_state())
        self.save_button.clicked.connect(self.ask_and_save_mapping)
        self.delete_button.clicked.connect(self.ask_and_delete_mapping)

        self.retranslate()
        self._show_preview(preview)
        self.load_saved_mappings()
        self.load_connections()
        self.resize(980, 400 if preview.format == "iiif" else 640)

    # --- texts ----------------------------------------------------------------------------
    def _encoding_label(self, codec: str) -> str:
        labels = {
            "utf-8": self.tr("UTF-8"),
            "utf-8-sig": self.tr("UTF-8 with BOM"),
            "gb18030": self.tr("GB18030 (GBK, GB2312)"),
            "utf-16": self.tr("UTF-16"),
            "big5": self.tr("Big5 (Traditional Chinese)"),
            "shift_jis": self.tr("Shift JIS (Japanese)"),
            "cp1252": self.tr("Windows-1252 (Western European)"),
            "latin-1": self.tr("ISO-8859-1 (Latin-1)"),
        }
        return labels.get(codec, codec)

    def _delimiter_label(self, delimiter: str) -> str:
        labels = {",": self.tr("Comma ( , )"), ";": self.tr("Semicolon ( ; )"), "\t": self.tr("Tab"),
                  "|": self.tr("Vertical bar ( | )")}
        return labels.get(delimiter, delimiter)

    def retranslate(self) -> None:
        if self.kind.key == "products":
            self.setWindowTitle(self.tr("Import products"))
        elif self.kind.key == "orders":
            self.setWindowTitle(self.tr("Import orders"))
        else:
            self.setWindowTitle(self.tr("Import collection file"))
        self.title.setText(fmt.arg(self.tr("Import “%1”"), self.path.name))
        self.encoding_label.setText(self.tr("&Encoding:"))
        self.delimiter_label.setText(self.tr("&Delimiter:"))
        self.saved_label.setText(self.tr("Saved &mapping:"))
        self.save_button.setText(self.tr("Save mapping…"))
        self.delete_button.setText(self.tr("Delete"))
        self.strict.setText(self.tr("&Reject the whole file if any row has a problem"))
        self.import_button.setText(self.tr("&Import"))
        self.encoding_combo.setAccessibleName(self.tr("Text encoding of the file"))
        self.delimiter_combo.setAccessibleName(self.tr("Column delimiter"))
        self.saved_combo.setAccessibleName(self.tr("Saved mapping"))
        self.connection_label.setText(self.tr("Store &connection:"))
        self.connection_combo.setAccessibleName(self.tr("The store connection the orders belong to"))
        self.connection_combo.setToolTip(self.tr(
            "Orders are stored once per connection and order ID: an order this connection holds already (imported "
            "before, or synced from the store) is not stored again."))
        self.save_button.setAccessibleName(self.tr("Save the mapping under a name"))
        self.delete_button.setAccessibleName(self.tr("Delete the chosen saved mapping"))
        self.table.setAccessibleName(self.tr("The first rows of the file"))
        self.strict.setToolTip(self.tr(
            "Off: rows with problems are skipped and listed in the report. On: nothing is imported when any "
            "row has a problem."))
        self._fill_encoding_combo()
        self._fill_delimiter_combo()
        self._fill_saved_combo()
        self._fill_connection_combo()
        for combo in self.combos:
            self._fill_field_combo(combo, combo.currentData() or "")
        self._refresh_combo_names()
        self._refresh_texts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _refresh_texts(self) -> None:
        p = self.preview
        kind = p.format
        csv_like = kind == "csv"
        for w in (self.encoding_label, self.encoding_combo, self.delimiter_label, self.delimiter_combo):
            w.setVisible(csv_like)
        for w in (self.saved_label, self.saved_combo, self.save_button, self.delete_button):
            w.setVisible(kind != "iiif")
        rows = fmt.number(len(p.rows))
        if kind == "csv":
            self.summary.setText(fmt.arg(
                self.tr("A CSV file. Encoding: %1. Delimiter: %2. The first %3 rows are shown."),
                self._encoding_label(p.encoding), self._delimiter_label(p.delimiter), rows))
        elif kind == "iiif":
            self.summary.setText(self.tr("A IIIF manifest: one object, with the fields shown below."))
        else:
            self.summary.setText(fmt.arg(self.tr("A JSON file. The first %1 objects are shown."), rows))
        if kind == "iiif":
            self.note.setText(self.tr("A IIIF manifest is read as it is; there is nothing to map."))
        else:
            self.note.setText(self.tr(
                "Choose the field each column fills (above each column). Columns marked ⚠ have names Curator "
                "Console does not know: they are ignored unless you choose a field."))
        self._update_state()

    def _fill_encoding_combo(self) -> None:
        current = self.encoding_combo.currentData() or self._encoding or self.detected_encoding
        self.encoding_combo.blockSignals(True)
        self.encoding_combo.clear()
        codecs = list(ENCODINGS)
        if self.detected_encoding and self.detected_encoding not in codecs:
            codecs.insert(0, self.detected_encoding)
        for codec in codecs:
            label = self._encoding_label(codec)
            if codec == self.detected_encoding:
                label = fmt.arg(self.tr("%1 (detected)"), label)
            self.encoding_combo.addItem(label, codec)
        self.encoding_combo.setCurrentIndex(max(0, self.encoding_combo.findData(current)))
        self.encoding_combo.blockSignals(False)

    def _fill_delimiter_combo(self) -> None:
        current = self.delimiter_combo.currentData() or self._delimiter or self.detected_delimiter
        self.delimiter_combo.blockSignals(True)
        self.delimiter_combo.clear()
        delimiters = list(DELIMITERS)
        if self.detected_delimiter and self.detected_delimiter not in delimiters:
            delimiters.append(self.detected_delimiter)
        for d in delimiters:
            label = self._delimiter_label(d)
            if d == self.detected_delimiter:
                label = fmt.arg(self.tr("%1 (detected)"), label)
            self.delimiter_combo.addItem(label, d)
        self.delimiter_combo.setCurrentIndex(max(0, self.delimiter_combo.findData(current)))
        self.delimiter_combo.blockSignals(False)

    def _fill_saved_combo(self, select: str | None = None) -> None:
        current = select if select is not None else self.saved_combo.currentData()
        self.saved_combo.blockSignals(True)
        self.saved_combo.clear()
        self.saved_combo.addItem(self.tr("(none: the automatic mapping)"), "")
        for saved in self._saved:
            self.saved_combo.addItem(saved.name, saved.name)
        self.saved_combo.setCurrentIndex(max(0, self.saved_combo.findData(current or "")))
        self.saved_combo.blockSignals(False)
        self.delete_button.setEnabled(bool(self.saved_combo.currentData()))

    def _fill_connection_combo(self) -> None:
        """The store connections (one chosen when there is just one; with none, the one the import creates)."""
        if self.kind.connections is None:
            return
        current = self.connection_combo.currentData()
        combo = self.connection_combo
        combo.blockSignals(True)
        combo.clear()
        rows = self._connections
        if rows is None:
            combo.addItem(self.tr("Reading the connections…"), None)
        elif not rows:
            combo.addItem(fmt.arg(self.tr("“%1” (a new connection for imported orders)"), DEFAULT_CONNECTION), "")
        else:
            if len(rows) > 1:
                combo.addItem(self.tr("Choose the store the orders come from…"), None)
            for row in rows:
                combo.addItem(fmt.arg(self.tr("%1 (%2)"), row.name, platform_label(row.platform)), row.name)
        combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
        combo.setEnabled(bool(rows))
        combo.blockSignals(False)

    def _fill_field_combo(self, combo: QComboBox, spec: str) -> None:
        spec = _canonical_spec(spec)
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(field_label("ignore"), "")
        for target in self.kind.targets:
            combo.addItem(field_label(target), target)
        if spec and combo.findData(spec) < 0:  # several fields from one column (年代 → period + date)
            combo.insertItem(1, spec_label(spec), spec)
        combo.setCurrentIndex(max(0, combo.findData(spec)))
        combo.blockSignals(False)

    def _refresh_combo_names(self) -> None:
        for header, combo in zip(self.preview.headers, self.combos):
            combo.setAccessibleName(fmt.arg(self.tr("Field for the column “%1”"), header))
            combo.setToolTip(fmt.arg(self.tr("The field the column “%1” fills"), header))

    # --- preview --------------------------------------------------------------------------
    def _show_preview(self, preview: svc.Preview) -> None:
        self.preview = preview
        self.model.set_preview(preview.headers, preview.rows)
        combos: list[QComboBox] = []
        for header in preview.headers:
            combo = QComboBox()
            combo.setObjectName("fieldCombo")
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
            auto = preview.auto_mapping.get(header, "")
            spec = self._chosen.get(normalize_header(header), auto)
            self._fill_field_combo(combo, spec)
            combo.setEnabled(preview.format != "iiif")
            combo.activated.connect(lambda _i, c=combo: self._field_chosen(c))
            combos.append(combo)
        self.combos = combos
        self.header.set_widgets(combos)
        self._refresh_combo_names()
        self._size_columns()
        self._fix_tab_order()
        self._refresh_texts()

    def _size_columns(self) -> None:
        self.table.resizeColumnsToContents()
        metrics = self.fontMetrics()
        for i, combo in enumerate(self.combos):
            needed = metrics.horizontalAdvance(combo.currentText()) + 48  # the text and the arrow
            width = max(self.header.sectionSize(i) + 16, needed, COMBO_MIN_WIDTH)
            self.header.resizeSection(i, min(width, 320))
        self.header.place_widgets()

    def _fix_tab_order(self) -> None:
        chain: list[QWidget] = [self.encoding_combo, self.delimiter_combo, self.saved_combo, self.save_button,
                                self.delete_button, self.connection_combo, *self.combos, self.table, self.strict, self.import_button,
                                self.cancel_button]
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)

    def _update_state(self) -> None:
        """Marks, the object-number check, and whether Import can be pressed."""
        unknown = {normalize_header(h) for h in self.preview.unknown_headers}
        marked = {i for i, (h, c) in enumerate(zip(self.preview.headers, self.combos))
                  if normalize_header(h) in unknown and not c.currentData()}
        self.model.set_marked(marked)
        for i, combo in enumerate(self.combos):
            combo.setProperty("unknownColumn", i in marked)
        key_field = self.kind.key_field
        chosen = {f for c in self.combos for f in (c.currentData() or "").split(",") if f}
        has_number = key_field in chosen
        if not has_number and self.kind.key == "products":  # a Shopify handle stands in for the SKU
            has_number = "handle" in chosen
        missing = [f for f in self.kind.required if f not in chosen]
        needs_connection = self.kind.connections is not None and self.connection_combo.currentData() is None
        reading = self._reading > 0
        if reading:
            self._set_status(self.tr("Reading the file again…"), warn=False)
        elif self._error:
            self._set_status(self._error, warn=True)
        elif not has_number and self.kind.key == "products":
            self._set_status(self.tr(
                "No column is mapped to SKU. Choose the column that holds each product's SKU (the code products "
                "are matched by)."), warn=True)
        elif not has_number and self.kind.key == "orders":
            self._set_status(self.tr(
                "No column is mapped to Order ID. Choose the column that holds each order's ID (the rows of one "
                "order share it, and orders already stored are recognised by it)."), warn=True)
        elif has_number and missing:
            self._set_status(fmt.arg(self.tr("No column is mapped to: %1. Choose the column for each."),
                                     ", ".join(field_label(f) for f in missing)), warn=True)
        elif has_number and needs_connection and self._connections_error:
            self._set_status(self._connections_error, warn=True)
        elif has_number and needs_connection and self._connections is not None:
            self._set_status(self.tr("Choose the store connection the orders belong to."), warn=True)
        elif not has_number:
            self._set_status(self.tr(
                "No column is mapped to Object number. Choose the column that holds each object's number (the "
                "number objects are matched by)."), warn=True)
        elif marked:
            names = ", ".join(self.preview.headers[i].strip() for i in sorted(marked))
            self._set_status(fmt.arg(self.tr("Not imported (marked ⚠): %1"), names), warn=False)
        else:
            self._set_status("", warn=False)
        self.import_button.setEnabled(has_number and not missing and not needs_connection and not reading
                                      and not self._error)
        for w in (self.encoding_combo, self.delimiter_combo):
            w.setEnabled(not reading)

    def _set_status(self, text: str, warn: bool) -> None:
        self.status.setText(text)
        appearance.styled(self.status, "color: $error;" if warn else "")
        self.status.setVisible(bool(text))

    def _encoding_chosen(self, _index: int) -> None:
        codec = self.encoding_combo.currentData()
        self._encoding = None if codec == self.detected_encoding else codec
        self.reread()

    def _delimiter_chosen(self, _index: int) -> None:
        d = self.delimiter_combo.currentData()
        self._delimiter = None if d == self.detected_delimiter else d
        self.reread()

    def reread(self) -> None:
        """Read the preview again (in the background) with the chosen encoding and delimiter."""
        self._read_generation += 1
        generation = self._read_generation
        self._reading += 1
        self._update_state()
        path, encoding, delimiter = self.path, self.encoding_combo.currentData(), self.delimiter_combo.currentData()

        def done(preview: svc.Preview) -> None:
            if not isValid(self):
                return
            self._reading -= 1
            if generation == self._read_generation:
                self._error = ""
                self._show_preview(preview)
                self.previewed.emit()
            self._update_state()

        def failed(exc: BaseException) -> None:
            if not isValid(self):
                return
            self._reading -= 1
            if generation == self._read_generation:
                self._error = fmt.arg(self.tr("The file cannot be read this way: %1"), str(exc))
                self.previewed.emit()
            self._update_state()

        preview = self.kind.preview
        run_task(lambda: preview(path, encoding=encoding, delimiter=delimiter, limit=PREVIEW_ROWS), done, failed)

    @property
    def is_reading(self) -> bool:
        return self._reading > 0

    # --- field choices --------------------------------------------------------------------
    def _field_chosen(self, combo: QComboBox) -> None:
        index = self.combos.index(combo)
        header = self.preview.headers[index]
        spec = combo.currentData() or ""
        key = normalize_header(header)
        self._chosen[key] = spec
        for other, h in zip(self.combos, self.preview.headers):  # the same header twice: keep both alike
            if other is not combo and normalize_header(h) == key:
                self._fill_field_combo(other, spec)
        needed = self.fontMetrics().horizontalAdvance(combo.currentText()) + 48
        if needed > self.header.sectionSize(index):  # a longer field name: widen the column to show it
            self.header.resizeSection(index, min(needed, 320))
        self._update_state()

    def combo_for(self, header: str) -> QComboBox:
        key = normalize_header(header)
        for h, combo in zip(self.preview.headers, self.combos):
            if normalize_header(h) == key:
                return combo
        raise KeyError(header)

    def set_field(self, header: str, spec: str) -> None:
        """Choose the field(s) for a column, as picking it in its combo box does."""
        combo = self.combo_for(header)
        spec = _canonical_spec(spec)
        index = combo.findData(spec)
        if index < 0:
            self._fill_field_combo(combo, spec)
            index = combo.findData(spec)
        combo.setCurrentIndex(index)
        combo.activated.emit(index)

    def mapping(self) -> dict[str, str]:
        """Every column → its field spec as shown ("ignore" for ignored columns)."""
        out: dict[str, str] = {}
        for header, combo in zip(self.preview.headers, self.combos):
            if header.strip():
                out.setdefault(header, combo.currentData() or "ignore")
        return out

    def overrides(self) -> dict[str, str]:
        """Only the columns whose field differs from the automatic mapping."""
        out: dict[str, str] = {}
        for header, combo in zip(self.preview.headers, self.combos):
            if not header.strip():
                continue
            spec = combo.currentData() or ""
            if spec != _canonical_spec(self.preview.auto_mapping.get(header, "")):
                out[header] = spec or "ignore"
        return out

    def encoding(self) -> str | None:
        return self._encoding if self.preview.format == "csv" else None

    def run_options(self) -> dict[str, object]:
        """The kind's own arguments for its import (``connection`` for orders; "" = the default rule)."""
        if self.kind.connections is None:
            return {}
        return {"connection": self.connection_combo.currentData() or None}

    def connection_names(self) -> list[str]:
        return [row.name for row in self._connections or []]

    @property
    def connections_read(self) -> bool:
        """Whether the connections have been read (always, for kinds without any)."""
        return self.kind.connections is None or self._connections is not None

    def load_connections(self) -> None:
        """Read the connections the records can go to (kinds that have them), in the background."""
        if self.kind.connections is None:
            return
        uow = self.context.uow()

        def done(rows: list) -> None:
            if not isValid(self):
                return
            self._connections = rows
            self._connections_error = ""
            self._fill_connection_combo()
            self._update_state()
            self.connections_loaded.emit()

        def failed(exc: BaseException) -> None:
            if isValid(self):
                self._connections = []
                self._connections_error = fmt.arg(self.tr("The connections cannot be read: %1"), str(exc))
                self._fill_connection_combo()
                self.connection_combo.clear()
                self._update_state()
                self.connections_loaded.emit()

        connections = self.kind.connections
        run_task(lambda: connections(uow), done, failed)

    def choose_connection(self, name: str) -> None:
        """Choose the store connection, as picking it in its combo box does."""
        index = self.connection_combo.findData(name)
        if index < 0:
            raise KeyError(name)
        self.connection_combo.setCurrentIndex(index)
        self.connection_combo.activated.emit(index)

    def delimiter(self) -> str | None:
        return self._delimiter if self.preview.format == "csv" else None

    # --- saved mappings -------------------------------------------------------------------
    def load_saved_mappings(self, select: str | None = None) -> None:
        uow = self.context.uow()

        def done(saved: list[svc.SavedMapping]) -> None:
            if not isValid(self):
                return
            self._saved = saved
            self.saved_loaded = True
            self._fill_saved_combo(select)
            self.mappings_loaded.emit()

        def failed(exc: BaseException) -> None:
            if isValid(self):
                self._set_status(fmt.arg(self.tr("The saved mappings cannot be read: %1"), str(exc)), warn=True)

        list_mappings = self.kind.list_mappings
        run_task(lambda: list_mappings(uow), done, failed)

    def saved_names(self) -> list[str]:
        return [s.name for s in self._saved]

    def _saved_chosen(self, _index: int) -> None:
        name = self.saved_combo.currentData() or ""
        self.delete_button.setEnabled(bool(name))
        if not name:
            self._chosen = {}
            self._show_preview(self.preview)
            return
        self.apply_saved(name)

    def apply_saved(self, name: str) -> None:
        """Set every column the saved mapping names (the others go back to the automatic mapping)."""
        found = next((s for s in self._saved if s.name == name), None)
        if found is None:
            return
        self._chosen = {normalize_header(h): _canonical_spec(spec) for h, spec in found.mapping.items()}
        self.saved_combo.blockSignals(True)
        self.saved_combo.setCurrentIndex(max(0, self.saved_combo.findData(name)))
        self.saved_combo.blockSignals(False)
        self.delete_button.setEnabled(True)
        self._show_preview(self.preview)

    def ask_and_save_mapping(self) -> None:
        current = self.saved_combo.currentData() or ""
        name, ok = QInputDialog.getText(self, self.tr("Save mapping"),
                                        self.tr("Name of the mapping (for example the system the file comes from):"),
                                        QLineEdit.EchoMode.Normal, current)
        name = (name or "").strip()
        if not ok or not name:
            return
        if name in self.saved_names():
            answer = QMessageBox.question(
                self, self.tr("Replace the saved mapping?"),
                fmt.arg(self.tr("A mapping named “%1” exists already. Replace it with this one?"), name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.save_mapping_as(name)

    def save_mapping_as(self, name: str) -> None:
        uow, mapping = self.context.uow(), self.mapping()

        def done(saved: svc.SavedMapping) -> None:
            if not isValid(self):
                return
            self._set_status(fmt.arg(self.tr("The mapping “%1” was saved."), saved.name), warn=False)
            self.load_saved_mappings(select=saved.name)
            self.mapping_saved.emit(saved.name)

        def failed(exc: BaseException) -> None:
            if isValid(self):
                self._set_status(fmt.arg(self.tr("The mapping was not saved: %1"), str(exc)), warn=True)

        save_mapping = self.kind.save_mapping
        run_task(lambda: save_mapping(uow, name, mapping), done, failed)

    def ask_and_delete_mapping(self) -> None:
        name = self.saved_combo.currentData() or ""
        if not name:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete the saved mapping?"),
            fmt.arg(self.tr("Delete the saved mapping “%1”? Files already imported are not affected."), name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        uow = self.context.uow()

        def done(_deleted: bool) -> None:
            if isValid(self):
                self.load_saved_mappings(select="")

        delete_mapping = self.kind.delete_mapping
        run_task(lambda: delete_mapping(uow, name), done,
                 lambda exc: isValid(self) and self._set_status(str(exc), warn=True))

    # --- accept ---------------------------------------------------------------------------
    def _accept(self) -> None:
        if not self.import_button.isEnabled():
            return
        self.accept()
