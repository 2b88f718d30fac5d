"""The Collection workspace in the real window: search as you type (Chinese and English), filters,
sorting by a column header, counts, keyboard (Ctrl+F, Enter, Ctrl+N, Delete), new and deleted
objects with undo, and image files dropped on a row."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QMessageBox

from curator_console.services import collection as collection_svc
from curator_console.services import collection_objects as objsvc
from curator_console.ui.collection.model import PLACEHOLDER
from curator_console.ui.collection.widget import THUMB_PX

from .conftest import LOAD_TIMEOUT_MS
from .helpers import column_texts, figures, find_table
from .test_collection_model import N_OBJECTS, generated_template  # noqa: F401 - a fixture


def shown(page) -> list[str] | None:
    """The object numbers the table shows, top to bottom (None while rows are still loading)."""
    texts = column_texts(page.table, "object_number")
    return None if PLACEHOLDER in texts or page.is_loading else texts


def wait_shown(qtbot, page, expected: list[str], ordered: bool = False) -> None:
    def ok() -> bool:
        texts = shown(page)
        if texts is None or page._total is None:
            return False
        return (texts if ordered else sorted(texts)) == (expected if ordered else sorted(expected))

    qtbot.waitUntil(ok, timeout=LOAD_TIMEOUT_MS)


def settle(qtbot, page) -> None:
    """Wait until no query, row page, image or thumbnail is on its way (a test ends idle)."""
    from curator_console.ui import tasks

    qtbot.waitUntil(lambda: not page.is_loading and page.thumbnails.pending == 0 and tasks.pending_count() == 0,
                    timeout=LOAD_TIMEOUT_MS)


def db_numbers(app) -> list[str]:
    return sorted(r.object_number for r in collection_svc.list_items(app.uow()))


def type_search(qtbot, page, text: str) -> None:
    page.search.clear()
    if text.isascii():
        qtbot.keyClicks(page.search, text)
    else:
        page.search.insert(text)  # as an input method commits it (QTest types Latin-1 only)


def make_png(path: Path, color: str = "#c62828", size: tuple[int, int] = (120, 80)) -> Path:
    image = QImage(size[0], size[1], QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    assert image.save(str(path))
    return path


# --- search as you type ------------------------------------------------------------------------------


@pytest.mark.parametrize(("query", "expected"), [
    ("青", ["TSM-001", "TSM-002"]),  # one character inside 青花瓷瓶 and 青铜鼎
    ("青花", ["TSM-001"]),  # two characters
    ("唐三彩马", ["TSM-005"]),  # four characters
    ("三彩", ["TSM-005"]),  # inside the word
    ("lands", ["TSM-003"]),  # an English prefix of "Landscape"
    ("BRO", ["TSM-002"]),  # any case: bronze
    ("wang hu", ["TSM-003"]),  # maker, both words as prefixes
    ("tsm-004", ["TSM-004"]),  # object number
    ("ming", ["TSM-001"]),  # a tag / period
    ("一只瓶", ["TSM-001"]),  # the second-language description
    ("%", []),  # not a word: nothing
])
def test_search_as_you_type(qtbot, app, query, expected):
    page = app.window.pages[0]
    type_search(qtbot, page, query)
    wait_shown(qtbot, page, expected)
    text = page.count_label.text()
    assert figures(text) == ([str(len(expected))] if expected else ["0"])
    assert ("match" in text) and (("matches" in text) == (len(expected) != 1))


def test_clearing_the_search_shows_every_object_again(qtbot, app, dataset):
    page = app.window.pages[0]
    type_search(qtbot, page, "青铜")
    wait_shown(qtbot, page, ["TSM-002"])
    page.search.clear()
    wait_shown(qtbot, page, sorted(o["object_number"] for o in dataset.objects), ordered=True)
    assert page.count_label.text() == "5 objects"


def test_typing_fast_shows_only_the_last_query(qtbot, app, monkeypatch):
    page = app.window.pages[0]
    calls: list[str] = []
    real = objsvc.result_id_array

    def counting(uow, query="", *args, **kwargs):
        calls.append(query)
        return real(uow, query, *args, **kwargs)

    monkeypatch.setattr(objsvc, "result_id_array", counting)
    qtbot.keyClicks(page.search, "horse")  # five keystrokes within the pause
    wait_shown(qtbot, page, ["TSM-005"])
    assert set(calls) == {"horse"}  # one query (its first screen), not one per keystroke


def test_search_in_a_large_collection_counts_every_match(qtbot, open_app, tmp_path, generated_template):  # noqa: F811
    from .conftest import copy_sqlite

    path = tmp_path / "generated.sqlite3"
    copy_sqlite(generated_template, path)
    app = open_app(path)
    page = app.window.pages[0]
    qtbot.waitUntil(lambda: page._total == N_OBJECTS, timeout=LOAD_TIMEOUT_MS)
    assert page.count_label.text() == f"{N_OBJECTS:,} objects"
    assert page.model.rowCount() == N_OBJECTS
    for query in ("青花", "vase", "鼎", "lotus d"):
        expected = objsvc.result_id_array(app.uow(), query)
        assert len(expected) > 100  # more than the first screenful
        type_search(qtbot, page, query)
        qtbot.waitUntil(lambda: page._total == len(expected) and page._query[0] == query  # noqa: B023
                        and not page.is_loading, timeout=LOAD_TIMEOUT_MS)
        assert figures(page.count_label.text()) == [f"{len(expected):,}"]
        assert list(page.model.ids) == list(expected)  # ranked: the index's order
        assert page.table.horizontalHeader().sortIndicatorSection() == -1  # ranked, not a column sort


# --- filters ------------------------------------------------------------------------------------------------


def test_filters_narrow_the_list(qtbot, app, dataset):
    page = app.window.pages[0]
    filters = page.filters
    qtbot.waitUntil(lambda: filters.period.count() > 1, timeout=LOAD_TIMEOUT_MS)
    periods = [filters.period.itemText(i) for i in range(1, filters.period.count())]
    assert sorted(periods) == sorted({o["period"] for o in dataset.objects})
    tags = [filters.tag.itemData(i) for i in range(1, filters.tag.count())]
    assert "porcelain" in tags and "bronze" in tags

    filters.set_value("classification", "Ceramics")
    wait_shown(qtbot, page, ["TSM-001", "TSM-005"])
    assert page.count_label.text() == "2 objects"
    assert filters.clear_button.isVisibleTo(page)
    filters.set_value("period", "Tang")
    wait_shown(qtbot, page, ["TSM-005"])
    assert page.count_label.text() == "1 object"
    filters.clear()
    wait_shown(qtbot, page, [o["object_number"] for o in dataset.objects])
    filters.set_value("tag", "bronze")
    wait_shown(qtbot, page, ["TSM-002"])
    filters.clear()
    filters.set_value("image", True)
    wait_shown(qtbot, page, [])
    filters.set_value("image", False)
    wait_shown(qtbot, page, [o["object_number"] for o in dataset.objects])
    # Search and filters together.
    filters.clear()
    filters.set_value("classification", "Ceramics")
    type_search(qtbot, page, "horse")
    wait_shown(qtbot, page, ["TSM-005"])
    assert page.count_label.text() == "1 match"


# --- sorting -----------------------------------------------------------------------------------------------


def click_header(qtbot, page, key: str) -> None:
    header = page.table.horizontalHeader()
    col = page._column(key)
    x = header.sectionViewportPosition(col) + header.sectionSize(col) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPointF(x, header.height() / 2).toPoint())


def test_clicking_a_header_sorts_by_that_column(qtbot, app, dataset):
    page = app.window.pages[0]
    by_title = [o["object_number"] for o in sorted(dataset.objects, key=lambda o: o["title"])]
    click_header(qtbot, page, "title")
    wait_shown(qtbot, page, by_title, ordered=True)
    assert page.table.horizontalHeader().sortIndicatorSection() == page._column("title")
    click_header(qtbot, page, "title")
    wait_shown(qtbot, page, by_title[::-1], ordered=True)
    assert page.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    click_header(qtbot, page, "images")  # not sortable: the order and the arrow stay
    assert page.table.horizontalHeader().sortIndicatorSection() == page._column("title")
    assert page._sort == ("title", True)


def test_search_results_are_ranked_until_a_column_is_sorted(qtbot, app):
    page = app.window.pages[0]
    type_search(qtbot, page, "c")  # Ceramics, Chinese, ... : several objects
    qtbot.waitUntil(lambda: page._query[0] == "c" and shown(page) is not None, timeout=LOAD_TIMEOUT_MS)
    assert len(shown(page)) > 2
    assert page.table.horizontalHeader().sortIndicatorSection() == -1
    ranked = objsvc.result_id_array(app.uow(), "c")
    assert list(page.model.ids) == list(ranked)
    page.sort_by("object_number", descending=True)
    qtbot.waitUntil(lambda: shown(page) is not None and shown(page) == sorted(shown(page), reverse=True)
                    and page._query[2] == "object_number", timeout=LOAD_TIMEOUT_MS)
    # A new search starts ranked again.
    page.search.clear()
    qtbot.waitUntil(lambda: page._query is not None and page._query[0] == "" and not page.is_loading,
                    timeout=LOAD_TIMEOUT_MS)
    type_search(qtbot, page, "c")
    qtbot.waitUntil(lambda: page._query[0] == "c" and not page.is_loading, timeout=LOAD_TIMEOUT_MS)
    assert page._sort is None and list(page.model.ids) == list(ranked)


# --- keyboard ----------------------------------------------------------------------------------------------


def test_ctrl_f_enter_and_escape(qtbot, app):
    window, page = app.window, app.window.pages[0]
    window.activateWindow()
    qtbot.waitActive(window)
    page.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.search
    qtbot.keyClicks(page.search, "jade")
    wait_shown(qtbot, page, ["TSM-004"])
    qtbot.keyClick(page.search, Qt.Key.Key_Down)  # into the results
    assert page.table.hasFocus() and page.current_id() is not None
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.editor.isVisible() and page.editor.detail is not None, timeout=LOAD_TIMEOUT_MS)
    assert page.editor.detail.object_number == "TSM-004"
    qtbot.waitUntil(lambda: page.editor.editors["title"].hasFocus(), timeout=LOAD_TIMEOUT_MS)
    qtbot.keyClick(page.editor.editors["title"], Qt.Key.Key_Escape)
    assert not page.editor.isVisible() and page.table.hasFocus()
    settle(qtbot, page)


def test_double_click_opens_the_editor_which_follows_the_selection(qtbot, app):
    page = app.window.pages[0]
    wait_shown(qtbot, page, ["TSM-001", "TSM-002", "TSM-003", "TSM-004", "TSM-005"], ordered=True)
    table = page.table
    rect = table.visualRect(page.model.index(2, 2))
    # QTest's double click alone leaves the view without a pressed index: click first, as a person does.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: page.editor.detail is not None and page.editor.detail.object_number == "TSM-003",
                    timeout=LOAD_TIMEOUT_MS)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: page.editor.detail.object_number == "TSM-004", timeout=LOAD_TIMEOUT_MS)
    settle(qtbot, page)


def test_ctrl_n_creates_an_object_undoably(qtbot, app, dataset):
    window, page, stack = app.window, app.window.pages[0], app.context.undo_stack
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert "NEW-0001" in db_numbers(app)
    qtbot.waitUntil(lambda: page.editor.detail is not None and page.editor.detail.object_number == "NEW-0001",
                    timeout=LOAD_TIMEOUT_MS)
    qtbot.waitUntil(lambda: page.editor.editors["object_number"].hasFocus(), timeout=LOAD_TIMEOUT_MS)
    wait_shown(qtbot, page, [o["object_number"] for o in dataset.objects] + ["NEW-0001"])
    assert page.current_id() == page.editor.detail.id
    # Give it its real number right away.
    field = page.editor.editors["object_number"]
    field.selectAll()
    qtbot.keyClicks(field, "TSM-006")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert "TSM-006" in db_numbers(app) and stack.count() == 2
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert db_numbers(app) == sorted(o["object_number"] for o in dataset.objects)
    wait_shown(qtbot, page, [o["object_number"] for o in dataset.objects])
    assert not page.editor.isVisible()
    window.redo_action.trigger()
    assert "NEW-0001" in db_numbers(app)
    wait_shown(qtbot, page, [o["object_number"] for o in dataset.objects] + ["NEW-0001"])


def test_delete_asks_then_deletes_and_undo_restores(qtbot, app, dataset, answers):
    window, page, stack = app.window, app.window.pages[0], app.context.undo_stack
    everything = [o["object_number"] for o in dataset.objects]
    wait_shown(qtbot, page, everything, ordered=True)
    before = objsvc.get_object(app.uow(), page.model.id_at(4))
    assert before.object_number == "TSM-005" and before.tours and before.products
    page._select_row(4)
    page.table.setFocus()

    answers.queue.append(QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert db_numbers(app) == sorted(everything) and stack.count() == 0

    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    question = answers.asked[-1]
    assert "TSM-005" in question and "1 tour" in question and "1 product" in question
    assert "TSM-005" not in db_numbers(app)
    wait_shown(qtbot, page, everything[:4])
    assert page.count_label.text() == "4 objects"
    assert stack.count() == 1 and "TSM-005" in stack.undoText()

    window.undo_action.trigger()
    wait_shown(qtbot, page, everything)
    after = objsvc.get_object(app.uow(), before.id)
    assert (after.object_number, after.title, after.tags, after.products, after.tours) == (
        before.object_number, before.title, before.tags, before.products, before.tours)
    assert page.current_id() == before.id
    window.redo_action.trigger()
    wait_shown(qtbot, page, everything[:4])
    settle(qtbot, page)


def test_deleting_several_objects(qtbot, app, dataset, answers):
    page = app.window.pages[0]
    wait_shown(qtbot, page, [o["object_number"] for o in dataset.objects], ordered=True)
    page.table.selectRow(1)
    page.table.setSelectionMode(page.table.SelectionMode.MultiSelection)
    page.table.selectRow(2)
    assert page.delete_selected()
    assert "2 objects" in answers.asked[-1]
    assert db_numbers(app) == ["TSM-001", "TSM-004", "TSM-005"]
    app.window.undo_action.trigger()
    assert db_numbers(app) == [o["object_number"] for o in dataset.objects]
    settle(qtbot, page)


# --- images dropped on a row -----------------------------------------------------------------------------


def drag_and_drop(widget, pos, mime: QMimeData) -> bool:
    """What a drag from the file manager does: enter, move, drop at ``pos``. Returns whether the
    drop was accepted (Qt delivers a drop only to the widget that accepted the drag's enter)."""
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(QPoint(pos.x(), pos.y()), *args)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    move = QDragMoveEvent(QPoint(pos.x(), pos.y()), *args)
    QApplication.sendEvent(widget, move)
    drop = QDropEvent(QPointF(pos), *args)
    QApplication.sendEvent(widget, drop)
    return drop.isAccepted()


def file_urls(files: list[Path]) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    return mime


def test_image_dropped_on_a_row_is_added_with_its_thumbnail(qtbot, app, tmp_path):
    page, stack = app.window.pages[0], app.context.undo_stack
    wait_shown(qtbot, page, ["TSM-001", "TSM-002", "TSM-003", "TSM-004", "TSM-005"], ordered=True)
    png = make_png(tmp_path / "scroll.png")
    rect = page.table.visualRect(page.model.index(2, 1))
    mime = file_urls([png])
    assert drag_and_drop(page.table.viewport(), rect.center(), mime)
    qtbot.waitUntil(lambda: not page.is_loading and stack.count() == 1, timeout=LOAD_TIMEOUT_MS)
    detail = objsvc.get_object(app.uow(), page.model.id_at(2))
    assert detail.object_number == "TSM-003" and [i.original_name for i in detail.images] == ["scroll.png"]
    images_col = page._column("images")
    qtbot.waitUntil(lambda: page.model.index(2, images_col).data() == "1", timeout=LOAD_TIMEOUT_MS)
    placeholder = page.thumbnails.placeholder(THUMB_PX * 2).cacheKey()

    def thumbnail_shown() -> bool:
        pm = page.model.index(2, 0).data(Qt.ItemDataRole.DecorationRole)
        return pm is not None and pm.cacheKey() != placeholder and not pm.isNull()

    qtbot.waitUntil(thumbnail_shown, timeout=LOAD_TIMEOUT_MS)
    assert page.model.index(1, 0).data(Qt.ItemDataRole.DecorationRole) is None  # no image: no icon
    app.window.undo_action.trigger()
    assert objsvc.get_object(app.uow(), detail.id).images == ()
    qtbot.waitUntil(lambda: page.model.index(2, images_col).data() == "0", timeout=LOAD_TIMEOUT_MS)
    settle(qtbot, page)


def test_a_drop_without_files_is_refused(qtbot, app):
    page = app.window.pages[0]
    wait_shown(qtbot, page, ["TSM-001", "TSM-002", "TSM-003", "TSM-004", "TSM-005"], ordered=True)
    mime = QMimeData()
    mime.setText("just text")
    rect = page.table.visualRect(page.model.index(0, 1))
    assert not drag_and_drop(page.table.viewport(), rect.center(), mime)
    assert app.context.undo_stack.count() == 0


def test_the_page_follows_the_language(qtbot, app):
    from curator_console.ui import i18n

    from .conftest import has_cjk

    page = app.window.pages[0]
    i18n.apply_language("zh_CN")
    qtbot.waitUntil(lambda: has_cjk(page.count_label.text()), timeout=LOAD_TIMEOUT_MS)
    assert figures(page.count_label.text()) == ["5"]
    for widget in (page.new_button, page.filters.label, page.filters.clear_button):
        assert has_cjk(widget.text()), widget.text()
    assert has_cjk(page.filters.period.itemText(0)) and has_cjk(page.filters.image.itemText(1))
    page.open_editor(0)
    qtbot.waitUntil(lambda: page.editor.detail is not None, timeout=LOAD_TIMEOUT_MS)
    editor = page.editor
    assert all(has_cjk(label.text()) for label in editor.labels.values())
    assert has_cjk(editor.tags_box.title()) and has_cjk(editor.images_box.title())
    assert has_cjk(editor.add_image_button.text())
    settle(qtbot, page)


def test_find_table_still_finds_the_collection(app):
    assert find_table(app.window, "collectionTable") is app.window.pages[0].table



def test_deleting_too_many_at_once_is_refused(qtbot, app, dataset, answers, monkeypatch):
    import curator_console.ui.collection.widget as widget

    page = app.window.pages[0]
    wait_shown(qtbot, page, [o["object_number"] for o in dataset.objects], ordered=True)
    monkeypatch.setattr(widget, "MAX_DELETE", 3)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a, **k: told.append(text))
    page.table.setFocus()
    page.table.selectAll()
    assert page.selected_row_count() == len(dataset.objects)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert len(told) == 1 and "3" in told[0]
    assert answers.asked == [] and db_numbers(app) == [o["object_number"] for o in dataset.objects]
