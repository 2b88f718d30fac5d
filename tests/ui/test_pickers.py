"""Searching and picking collection objects and shop products, on the small seeded museum."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QByteArray, QPoint, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from curator_console import paths
from curator_console.persistence.media import MediaStore
from curator_console.services import collection as collection_svc
from curator_console.services import collection_objects as objsvc
from curator_console.services import store as store_svc
from curator_console.services.database import open_database
from curator_console.ui.context import AppContext
from curator_console.ui.pickers import (
    EXCLUDED_ROLE,
    OBJECT_IDS_MIME,
    PRODUCT_IDS_MIME,
    ObjectPickerDialog,
    ObjectSearchPanel,
    ProductPickerDialog,
    THUMB_PX,
    decode_ids,
    encode_ids,
    pick_objects,
    pick_products,
)
from curator_console.ui.settings import Settings

from .conftest import LOAD_TIMEOUT_MS, drain_background_tasks
from .helpers import column_texts


@pytest.fixture
def context(qtbot, db_path: Path, settings_path: Path) -> Iterator[AppContext]:
    """The app's context over a private copy of the small seeded museum (no main window)."""
    database = open_database(str(db_path))
    yield AppContext(database, Settings(settings_path))
    drain_background_tasks(qtbot)
    database.dispose()


@pytest.fixture
def object_ids(context) -> dict[str, int]:
    return {r.object_number: r.id for r in collection_svc.list_items(context.uow())}


@pytest.fixture
def product_ids(context) -> dict[str, int]:
    return {r.sku: r.id for r in store_svc.list_products(context.uow())}


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type as a user does: Latin text key by key, Chinese committed by the input method."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)


def search_for(qtbot, panel, text: str) -> None:
    """Clear the box, type ``text`` and wait until the panel shows that query's answer."""
    panel.search.clear()
    type_text(qtbot, panel.search, text)
    qtbot.waitUntil(lambda: not panel.is_searching and panel.query() == text.strip()
                    and getattr(panel, "shown_query", text.strip()) == text.strip(), timeout=LOAD_TIMEOUT_MS)


def open_dialog(qtbot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    panel = dialog.panel
    qtbot.waitUntil(lambda: not panel.is_searching and panel.view.model().rowCount() > 0, timeout=LOAD_TIMEOUT_MS)
    return dialog


def row_point(view, row: int, column: int = 1) -> QPoint:
    return view.visualRect(view.model().index(row, column)).center()


def click_row(qtbot, view, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, row_point(view, row))


def double_click_row(qtbot, view, row: int) -> None:
    """A double-click as the mouse makes it: a click, then the second press (QTest's ``mouseDClick``
    on its own sends just the double-click event)."""
    click_row(qtbot, view, row)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, row_point(view, row))


# --- objects --------------------------------------------------------------------------------------


def test_object_search_finds_by_chinese_title_and_by_object_number(qtbot, context, object_ids) -> None:
    dialog = open_dialog(qtbot, ObjectPickerDialog(context))
    panel = dialog.panel
    assert sorted(column_texts(panel.view, "object_number")) == sorted(object_ids)  # before typing: the collection
    assert panel.search.hasFocus()

    search_for(qtbot, panel, "青铜")
    assert panel.shown_ids() == [object_ids["TSM-002"]]
    assert column_texts(panel.view, "alt_title") == ["青铜鼎"]
    assert column_texts(panel.view, "title") == ["Bronze ding"]

    search_for(qtbot, panel, "TSM-004")
    assert panel.shown_ids()[0] == object_ids["TSM-004"]
    assert column_texts(panel.view, "alt_title")[0] == "玉璧"

    search_for(qtbot, panel, "不存在的东西")
    assert panel.shown_ids() == []
    assert panel.count_label.text()


def test_selecting_and_accepting_returns_the_ids(qtbot, context, object_ids) -> None:
    dialog = open_dialog(qtbot, ObjectPickerDialog(context, title="Objects for segment 2"))
    assert dialog.windowTitle() == "Objects for segment 2"
    panel, view = dialog.panel, dialog.panel.view
    assert not dialog.ok_button.isEnabled()
    numbers = column_texts(view, "object_number")
    click_row(qtbot, view, numbers.index("TSM-003"))
    assert dialog.ok_button.isEnabled()
    click_row(qtbot, view, numbers.index("TSM-005"), Qt.KeyboardModifier.ControlModifier)
    expected = [object_ids[n] for n in sorted(("TSM-003", "TSM-005"), key=numbers.index)]
    assert panel.selected_ids() == expected
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.picked == expected


def test_double_click_or_enter_on_a_result_picks_it(qtbot, context, object_ids) -> None:
    dialog = open_dialog(qtbot, ObjectPickerDialog(context))
    view = dialog.panel.view
    row = column_texts(view, "object_number").index("TSM-004")
    double_click_row(qtbot, view, row)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.picked == [object_ids["TSM-004"]]

    again = open_dialog(qtbot, ObjectPickerDialog(context))
    search_for(qtbot, again.panel, "玉璧")
    qtbot.keyClick(again.panel.search, Qt.Key.Key_Down)  # from the search box into the results
    assert again.panel.view.hasFocus()
    qtbot.keyClick(again.panel.view, Qt.Key.Key_Return)
    assert again.result() == QDialog.DialogCode.Accepted
    assert again.picked == [object_ids["TSM-004"]]


def test_enter_in_the_search_box_searches_and_never_accepts(qtbot, context, object_ids) -> None:
    dialog = open_dialog(qtbot, ObjectPickerDialog(context))
    panel = dialog.panel
    click_row(qtbot, panel.view, 0)
    panel.search.setFocus()
    type_text(qtbot, panel.search, "TSM-005")
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not panel.is_searching and panel.shown_query == "TSM-005", timeout=LOAD_TIMEOUT_MS)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert panel.shown_ids()[0] == object_ids["TSM-005"]


def test_already_linked_objects_are_marked_and_cannot_be_picked(qtbot, context, object_ids) -> None:
    linked = object_ids["TSM-001"]
    dialog = open_dialog(qtbot, ObjectPickerDialog(context, exclude=[linked]))
    panel, view = dialog.panel, dialog.panel.view
    row = panel.shown_ids().index(linked)
    index = view.model().index(row, 1)
    assert index.data(EXCLUDED_ROLE) is True
    assert index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None  # the "added" mark
    assert not index.flags() & Qt.ItemFlag.ItemIsSelectable
    assert not index.flags() & Qt.ItemFlag.ItemIsDragEnabled
    other = view.model().index(panel.shown_ids().index(object_ids["TSM-002"]), 1)
    assert other.data(EXCLUDED_ROLE) is False
    assert index.data(Qt.ItemDataRole.ForegroundRole) != other.data(Qt.ItemDataRole.ForegroundRole)
    click_row(qtbot, view, row)
    assert panel.selected_ids() == []
    assert not dialog.ok_button.isEnabled()
    # Marking an id as linked later also takes it out of the selection.
    click_row(qtbot, view, other.row())
    assert panel.selected_ids() == [object_ids["TSM-002"]]
    panel.set_excluded([linked, object_ids["TSM-002"]])
    assert panel.selected_ids() == []
    assert not dialog.ok_button.isEnabled()


def modal_dialog(qtbot, kind):
    """The modal dialog of type ``kind`` once it is open."""
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind), timeout=LOAD_TIMEOUT_MS)
    return QApplication.activeModalWidget()


def driving(qtbot, kind, steps) -> None:
    """Run ``steps(dialog)`` on the modal dialog once it is open; should a step fail, the dialog is
    closed so the test fails instead of waiting forever."""

    def run() -> None:
        dialog = modal_dialog(qtbot, kind)
        try:
            steps(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, run)


def test_pick_objects_answers_the_ids_or_none_when_cancelled(qtbot, context, object_ids) -> None:
    def drive(dialog, accept: bool) -> None:
        panel = dialog.panel
        qtbot.waitUntil(lambda: not panel.is_searching and panel.view.model().rowCount() > 0, timeout=LOAD_TIMEOUT_MS)
        search_for(qtbot, panel, "唐三彩")
        click_row(qtbot, panel.view, 0)
        if accept:
            qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        else:
            qtbot.keyClick(panel.view, Qt.Key.Key_Escape)

    driving(qtbot, ObjectPickerDialog, lambda dialog: drive(dialog, True))
    assert pick_objects(None, context, exclude=[object_ids["TSM-001"]]) == [object_ids["TSM-005"]]
    driving(qtbot, ObjectPickerDialog, lambda dialog: drive(dialog, False))
    assert pick_objects(None, context) is None


def test_only_the_first_results_are_read(qtbot, context, object_ids) -> None:
    panel = ObjectSearchPanel(context, limit=2)
    qtbot.addWidget(panel)
    panel.show()
    search_for(qtbot, panel, "TSM")
    assert len(panel.shown_ids()) == 2
    assert "2" in panel.count_label.text()


def test_a_newer_search_wins(qtbot, context, object_ids) -> None:
    panel = ObjectSearchPanel(context)
    qtbot.addWidget(panel)
    panel.show()
    panel.set_query("TSM")
    panel.set_query("唐三彩马")
    qtbot.waitUntil(lambda: not panel.is_searching, timeout=LOAD_TIMEOUT_MS)
    assert panel.shown_query == "唐三彩马"
    assert panel.shown_ids() == [object_ids["TSM-005"]]


def test_embedded_panel_announces_activated_ids_and_drags_them(qtbot, context, object_ids) -> None:
    panel = ObjectSearchPanel(context)
    qtbot.addWidget(panel)
    panel.set_excluded([object_ids["TSM-003"]])
    panel.show()
    qtbot.waitUntil(lambda: not panel.is_searching and len(panel.shown_ids()) == 5, timeout=LOAD_TIMEOUT_MS)
    view = panel.view
    numbers = column_texts(view, "object_number")
    click_row(qtbot, view, numbers.index("TSM-002"))
    click_row(qtbot, view, numbers.index("TSM-004"), Qt.KeyboardModifier.ShiftModifier)  # TSM-003 between is linked
    assert panel.selected_ids() == [object_ids["TSM-002"], object_ids["TSM-004"]]
    # What a drag carries: the selected, not linked, ids.
    indexes = view.selectionModel().selectedIndexes()
    mime = view.model().mimeData(indexes)
    assert mime.formats() == [OBJECT_IDS_MIME]
    assert decode_ids(mime, OBJECT_IDS_MIME) == [object_ids["TSM-002"], object_ids["TSM-004"]]
    with qtbot.waitSignal(panel.activated_ids, timeout=LOAD_TIMEOUT_MS) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == [[object_ids["TSM-002"], object_ids["TSM-004"]]]


def png_file(path: Path, color: str) -> Path:
    image = QImage(320, 240, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    assert image.save(str(path))
    return path


def test_results_show_the_objects_thumbnail(qtbot, context, object_ids, tmp_path) -> None:
    ding = object_ids["TSM-002"]
    objsvc.add_images(context.uow(), MediaStore(paths.media_dir()), ding, [png_file(tmp_path / "ding.png", "#8d6e63")])
    panel = ObjectSearchPanel(context)
    qtbot.addWidget(panel)
    panel.show()
    search_for(qtbot, panel, "青铜鼎")
    sha = objsvc.primary_images(context.uow(), [ding])[ding]
    qtbot.waitUntil(lambda: panel.thumbnails.pixmap(sha, THUMB_PX * 2) is not None, timeout=LOAD_TIMEOUT_MS)
    icon = panel.view.model().index(0, 0).data(Qt.ItemDataRole.DecorationRole)
    image = icon.pixmap(panel.view.iconSize()).toImage()
    assert image.pixelColor(image.width() // 2, image.height() // 2) == QColor("#8d6e63")


# --- drag data ------------------------------------------------------------------------------------


def test_drag_mime_round_trip() -> None:
    mime = encode_ids([7, 3, 7, 12])
    assert mime.hasFormat(OBJECT_IDS_MIME) and not mime.hasFormat(PRODUCT_IDS_MIME)
    assert decode_ids(mime, OBJECT_IDS_MIME) == [7, 3, 12]
    assert decode_ids(mime, PRODUCT_IDS_MIME) == []
    products = encode_ids([5], PRODUCT_IDS_MIME)
    assert decode_ids(products, PRODUCT_IDS_MIME) == [5]
    assert decode_ids(products, OBJECT_IDS_MIME) == []


@pytest.mark.parametrize("payload", [b"not json", b"{\"ids\": [1]}", b"[1, \"2\", true, 3.5, 4]", b"\xff\xfe"])
def test_decode_ignores_what_is_not_a_list_of_ids(payload: bytes) -> None:
    mime = QMimeData()
    mime.setData(OBJECT_IDS_MIME, QByteArray(payload))
    expected = [1, 4] if payload.startswith(b"[1") else []
    assert decode_ids(mime, OBJECT_IDS_MIME) == expected


# --- products -------------------------------------------------------------------------------------


def test_product_panel_filters_by_sku_and_chinese_title(qtbot, context, product_ids) -> None:
    dialog = open_dialog(qtbot, ProductPickerDialog(context))
    panel = dialog.panel
    assert sorted(column_texts(panel.view, "sku")) == sorted(product_ids)
    search_for(qtbot, panel, "p-002")
    assert column_texts(panel.view, "sku") == ["TSM-P-002"]
    assert panel.shown_ids() == [product_ids["TSM-P-002"]]
    search_for(qtbot, panel, "复制品")
    assert column_texts(panel.view, "alt_title") == ["青花瓷瓶复制品"]
    search_for(qtbot, panel, "ＴＳＭ 马")  # full-width letters are the same letters; every word must match
    assert column_texts(panel.view, "sku") == ["TSM-P-003"]
    search_for(qtbot, panel, "")
    assert len(column_texts(panel.view, "sku")) == len(product_ids)


def test_product_picker_marks_linked_products_and_returns_the_pick(qtbot, context, product_ids) -> None:
    linked = product_ids["TSM-P-001"]
    dialog = open_dialog(qtbot, ProductPickerDialog(context, exclude=[linked]))
    panel, view = dialog.panel, dialog.panel.view
    skus = column_texts(view, "sku")
    assert view.model().index(skus.index("TSM-P-001"), 0).data(EXCLUDED_ROLE) is True
    click_row(qtbot, view, skus.index("TSM-P-001"))
    assert not dialog.ok_button.isEnabled()
    search_for(qtbot, panel, "丝巾")
    click_row(qtbot, view, 0)
    mime = view.model().mimeData(view.selectionModel().selectedIndexes())
    assert decode_ids(mime, PRODUCT_IDS_MIME) == [product_ids["TSM-P-002"]]
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.picked == [product_ids["TSM-P-002"]]


def test_pick_products_dialog_function(qtbot, context, product_ids) -> None:
    def drive(dialog) -> None:
        qtbot.waitUntil(lambda: dialog.panel.loaded, timeout=LOAD_TIMEOUT_MS)
        search_for(qtbot, dialog.panel, "TSM-P-003")
        double_click_row(qtbot, dialog.panel.view, 0)

    driving(qtbot, ProductPickerDialog, drive)
    assert pick_products(None, context, title="Feature a product") == [product_ids["TSM-P-003"]]
