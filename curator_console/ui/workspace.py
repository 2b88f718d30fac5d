"""The base of the five workspace pages: background loading, retranslation, a sortable table."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QMessageBox, QTableView, QWidget
from shiboken6 import isValid

from curator_console.ui.context import AppContext
from curator_console.ui.table_model import ROW_ROLE, SORT_ROLE, RowsModel
from curator_console.ui.tasks import run_task


class WorkspacePage(QWidget):
    """A workspace. Subclasses build widgets in ``__init__``, set texts in ``retranslate`` and load
    data in ``load`` (which must use ``self.fetch`` so queries run off the GUI thread)."""

    loaded = Signal()
    status_message = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.has_loaded = False
        self._loading = 0
        self._generation: dict[str, int] = {}  # per result handler: the newest fetch's number

    # --- each page overrides these -------------------------------------------------------
    def title(self) -> str:
        """The page's name in the navigation (translated)."""
        return ""

    def retranslate(self) -> None:
        """Set every visible text again (called on language change)."""

    def load(self) -> None:
        """(Re)load the page's data through ``fetch``."""

    # --- helpers --------------------------------------------------------------------------
    def ensure_loaded(self) -> None:
        if not self.has_loaded and not self._loading:
            self.load()

    def fetch(self, fn: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        """Run ``fn`` in the background; ``on_done(result)`` on the GUI thread; errors shown plainly.

        Only the newest fetch for the same ``on_done`` is shown (an older one that comes back later
        is dropped), and nothing is delivered to a page that has been deleted meanwhile."""
        key = getattr(on_done, "__qualname__", None) or repr(on_done)
        generation = self._generation.get(key, 0) + 1
        self._generation[key] = generation
        self._loading += 1

        def current() -> bool:
            return self._generation.get(key) == generation

        def done(result: Any) -> None:
            if not isValid(self):
                return  # the page (e.g. its dialog) was closed before the query came back
            self._loading -= 1
            if current():
                on_done(result)
            if self._loading == 0:
                self.has_loaded = True
                self.loaded.emit()

        def failed(exc: BaseException) -> None:
            if not isValid(self):
                return
            self._loading -= 1
            if current():
                self.show_error(exc)
            if self._loading == 0:
                self.has_loaded = True
                self.loaded.emit()

        run_task(fn, done, failed)

    @property
    def is_loading(self) -> bool:
        return self._loading > 0

    def show_error(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Could not complete the action"), str(exc) or exc.__class__.__name__)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def make_table(self, model: RowsModel, name: str) -> QTableView:
        return make_sortable_table(model, name, self, editable=True)


def make_sortable_table(model: RowsModel, name: str, parent: QWidget, editable: bool = False,
                        copy_shortcut: bool = True) -> QTableView:
    """A table over ``model`` through a sort proxy: row selection, sortable headers, Ctrl+C copies
    the selection as tab-separated text (unless the caller brings its own copy, ``copy_shortcut``
    False); cells editable by typing when ``editable``."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    if editable:
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
    else:
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    if copy_shortcut:
        copy = QShortcut(QKeySequence.StandardKey.Copy, view)
        copy.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        copy.activated.connect(lambda: copy_selection(view))
    return view


def selected_row(view: QTableView) -> Any | None:
    index = view.currentIndex()
    if not index.isValid():
        return None
    return index.data(ROW_ROLE)


def copy_selection(view: QTableView) -> None:
    """Copy the selected cells as tab-separated text, ready to paste into a spreadsheet."""
    indexes = sorted(view.selectionModel().selectedIndexes(), key=lambda i: (i.row(), i.column()))
    if not indexes:
        return
    lines: dict[int, list[str]] = {}
    for i in indexes:
        lines.setdefault(i.row(), []).append(str(i.data() or ""))
    QGuiApplication.clipboard().setText("\n".join("\t".join(cells) for cells in lines.values()))


def resize_columns(view: QTableView, max_width: int = 360) -> None:
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for c in range(header.count()):
        if header.sectionSize(c) > max_width:
            header.resizeSection(c, max_width)


def heading(text: str = "") -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.35)
    font.setBold(True)
    label.setFont(font)
    return label
