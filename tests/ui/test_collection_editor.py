"""The object editor beside the Collection table: every field saved when it is left, refused values
explained under the field (nothing saved), undo / redo of each change, tags, images (file dialog,
drops, remove, reorder), linked products and tours, and a colleague's change never overwritten."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from curator_console.services import collection_objects as objsvc

from .conftest import LOAD_TIMEOUT_MS
from .test_collection_page import drag_and_drop, file_urls, make_png, settle, shown, type_search, wait_shown

NUMBERS = ["TSM-001", "TSM-002", "TSM-003", "TSM-004", "TSM-005"]


def open_editor(qtbot, app, number: str):
    page = app.window.pages[0]
    wait_shown(qtbot, page, NUMBERS, ordered=True)
    row = NUMBERS.index(number)
    page._select_row(row)
    assert page.open_editor(row)
    editor = page.editor
    qtbot.waitUntil(lambda: editor.detail is not None and editor.detail.object_number == number
                    and not page.is_loading, timeout=LOAD_TIMEOUT_MS)
    assert editor.isVisible()
    return page, editor


def db(app, editor):
    return objsvc.get_object(app.uow(), editor.detail.id)


def edit(editor, name: str, text: str) -> None:
    """Type a value and leave the field (what editingFinished reports)."""
    widget = editor.editors[name]
    widget.setText(text)
    widget.editingFinished.emit()


# --- fields ----------------------------------------------------------------------------------------------


def test_the_editor_shows_every_field(qtbot, app, dataset):
    page, editor = open_editor(qtbot, app, "TSM-001")
    source = dataset.objects[0]
    for name in editor.editors:
        value = source.get(name)
        assert editor.editors[name].text() == ("" if value is None else str(value)), name
    assert "TSM-001" in editor.heading.text() and source["title"] in editor.heading.text()
    assert [c.text().split("  ")[0] for c in editor.chips.findChildren(type(editor.close_button), "tagChip")] == source["tags"]


def test_every_field_is_saved_when_left_and_each_is_one_undo_step(qtbot, app):
    page, editor = open_editor(qtbot, app, "TSM-002")
    stack = app.context.undo_stack
    values = {
        "object_number": "TSM-002A", "title": "Ding with taotie", "alt_title": "饕餮纹鼎", "maker": "Anyang foundry",
        "culture": "Shang", "period": "商 Shang", "date_text": "c. 1250–1150 BC", "begin_year": "-1300",
        "end_year": "-1046", "medium": "Cast bronze", "dimensions": "H. 21.5 cm", "classification": "Bronzes",
        "credit_line": "Purchase", "provenance": "Excavated at Anyang.\nThen a private collection.",
        "description": "A ritual cauldron.", "alt_description": "一件礼器。", "rights": "CC BY",
    }
    for n, (name, value) in enumerate(values.items(), start=1):
        edit(editor, name, value)
        assert stack.count() == n, name
    saved = db(app, editor)
    for name, value in values.items():
        assert saved.value(name) == (int(value) if name.endswith("_year") else value), name
    assert editor.heading.text().startswith("TSM-002A")
    # The table row shows the saved values too.
    qtbot.waitUntil(lambda: "TSM-002A" in (shown(page) or []), timeout=LOAD_TIMEOUT_MS)
    # Nothing else was saved on the way (one command per field, each undoable).
    for _ in values:
        app.window.undo_action.trigger()
    original = db(app, editor)
    assert original.object_number == "TSM-002" and original.title == "Bronze ding" and original.begin_year == -1250
    assert original.alt_description == "" and editor.editors["title"].text() == "Bronze ding"
    settle(qtbot, page)


def test_typing_then_tab_saves_once(qtbot, app):
    page, editor = open_editor(qtbot, app, "TSM-003")
    app.window.activateWindow()
    qtbot.waitActive(app.window)
    title = editor.editors["title"]
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Landscape after Juran")
    assert db(app, editor).title == "Landscape handscroll"  # not on every keystroke
    qtbot.keyClick(title, Qt.Key.Key_Tab)
    assert db(app, editor).title == "Landscape after Juran"
    description = editor.editors["description"]
    description.setFocus()
    qtbot.keyClicks(description, "Ink and colour.")
    assert db(app, editor).description == ""
    editor.editors["maker"].setFocus()  # leaving the text box saves it
    assert db(app, editor).description == "Ink and colour."
    assert app.context.undo_stack.count() == 2
    settle(qtbot, page)


@pytest.mark.parametrize(("name", "value", "message"), [
    ("object_number", "  ", "cannot be empty"),
    ("object_number", "TSM-001", "TSM-001"),
    ("begin_year", "about 1400", "whole number"),
    ("end_year", "99999", "between"),
    ("maker", "x" * 501, "500"),
])
def test_refused_values_are_explained_next_to_the_field(qtbot, app, warnings, name, value, message):
    page, editor = open_editor(qtbot, app, "TSM-004")
    before = db(app, editor)
    edit(editor, name, value)
    error = editor.errors[name]
    assert error.isVisibleTo(editor) and message in error.text()
    assert db(app, editor) == before
    assert app.context.undo_stack.count() == 0 and warnings == []
    assert editor.editors[name].text() == value  # kept for the user to correct
    # Correcting it saves and clears the message.
    good = {"object_number": "TSM-004B", "begin_year": "-2500", "end_year": "-2400", "maker": "Liangzhu"}[name]
    edit(editor, name, good)
    assert not error.isVisibleTo(editor)
    assert str(db(app, editor).value(name)) == good
    assert app.context.undo_stack.count() == 1
    settle(qtbot, page)


def test_undo_and_redo_of_a_field_edit_update_editor_table_and_database(qtbot, app):
    page, editor = open_editor(qtbot, app, "TSM-005")
    window = app.window
    edit(editor, "title", "Prancing horse")
    assert "Prancing horse" in window.undo_action.text() or "TSM-005" in window.undo_action.text()
    qtbot.waitUntil(lambda: page.model.index(4, page._column("title")).data() == "Prancing horse",
                    timeout=LOAD_TIMEOUT_MS)
    window.undo_action.trigger()
    assert db(app, editor).title == "Tang horse" and editor.editors["title"].text() == "Tang horse"
    qtbot.waitUntil(lambda: page.model.index(4, page._column("title")).data() == "Tang horse",
                    timeout=LOAD_TIMEOUT_MS)
    window.redo_action.trigger()
    assert db(app, editor).title == "Prancing horse" and editor.editors["title"].text() == "Prancing horse"
    # Leaving a field unchanged (or changed only by spaces) saves nothing.
    edit(editor, "title", "  Prancing horse ")
    assert app.context.undo_stack.count() == 1
    settle(qtbot, page)


def test_a_colleagues_change_is_not_overwritten(qtbot, app, warnings):
    page, editor = open_editor(qtbot, app, "TSM-001")
    objsvc.update_field(app.uow(), editor.detail.id, "title", "Changed on another computer")
    edit(editor, "title", "My title")
    assert editor.banner.isVisibleTo(editor) and "someone else" in editor.banner.text().lower()
    qtbot.waitUntil(lambda: editor.editors["title"].text() == "Changed on another computer", timeout=LOAD_TIMEOUT_MS)
    assert db(app, editor).title == "Changed on another computer"
    assert app.context.undo_stack.count() == 0
    # Other fields still save (the check is per value).
    edit(editor, "maker", "Jingdezhen imperial kilns")
    assert db(app, editor).maker == "Jingdezhen imperial kilns"
    settle(qtbot, page)


def test_an_undo_after_a_colleagues_change_is_refused_plainly(qtbot, app, warnings):
    page, editor = open_editor(qtbot, app, "TSM-001")
    edit(editor, "medium", "Hard-paste porcelain")
    objsvc.update_field(app.uow(), editor.detail.id, "medium", "Their medium")
    app.window.undo_action.trigger()
    assert len(warnings) == 1 and "someone else" in warnings[0][1]
    assert db(app, editor).medium == "Their medium"
    qtbot.waitUntil(lambda: editor.editors["medium"].text() == "Their medium", timeout=LOAD_TIMEOUT_MS)
    settle(qtbot, page)


# --- tags --------------------------------------------------------------------------------------------------


def chip_texts(editor) -> list[str]:
    return [c.text().split("  ")[0] for c in editor.chips.findChildren(type(editor.close_button), "tagChip")
            if not c.isHidden()]


def test_tags_added_and_removed_with_undo(qtbot, app):
    page, editor = open_editor(qtbot, app, "TSM-003")
    window = app.window
    qtbot.keyClicks(editor.tag_input, "landscape")
    qtbot.keyClick(editor.tag_input, Qt.Key.Key_Return)
    assert db(app, editor).tags == ("painting", "qing", "landscape")
    assert editor.tag_input.text() == ""
    qtbot.waitUntil(lambda: chip_texts(editor) == ["painting", "qing", "landscape"], timeout=LOAD_TIMEOUT_MS)
    editor.tag_input.insert("山水")
    qtbot.keyClick(editor.tag_input, Qt.Key.Key_Return)
    assert db(app, editor).tags[-1] == "山水"
    # The new tag is searchable at once.
    page.close_editor()
    type_search(qtbot, page, "山水")
    wait_shown(qtbot, page, ["TSM-003"])
    page.open_editor(0)
    qtbot.waitUntil(lambda: editor.detail is not None and len(chip_texts(editor)) == 4, timeout=LOAD_TIMEOUT_MS)
    chip = next(c for c in editor.chips.findChildren(type(editor.close_button), "tagChip") if c.text().startswith("qing"))
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert db(app, editor).tags == ("painting", "landscape", "山水")
    qtbot.waitUntil(lambda: chip_texts(editor) == ["painting", "landscape", "山水"], timeout=LOAD_TIMEOUT_MS)
    window.undo_action.trigger()
    assert db(app, editor).tags == ("painting", "qing", "landscape", "山水")
    qtbot.waitUntil(lambda: chip_texts(editor) == ["painting", "qing", "landscape", "山水"], timeout=LOAD_TIMEOUT_MS)
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert db(app, editor).tags == ("painting", "qing")
    window.redo_action.trigger()
    assert db(app, editor).tags == ("painting", "qing", "landscape")
    settle(qtbot, page)


def test_a_tag_too_long_is_refused(qtbot, app):
    page, editor = open_editor(qtbot, app, "TSM-004")
    editor.tag_input.setText("x" * 201)
    qtbot.keyClick(editor.tag_input, Qt.Key.Key_Return)
    assert editor.tag_error.isVisibleTo(editor) and "200" in editor.tag_error.text()
    assert db(app, editor).tags == () and app.context.undo_stack.count() == 0
    settle(qtbot, page)


# --- images ------------------------------------------------------------------------------------------------


def image_names(app, editor) -> list[str]:
    return [i.original_name for i in db(app, editor).images]


def wait_images(qtbot, page, editor, count: int) -> None:
    qtbot.waitUntil(lambda: editor.adding_images == 0 and not page.is_loading
                    and editor.image_list.count() == count, timeout=LOAD_TIMEOUT_MS)


def test_images_added_from_files_with_problems_reported(qtbot, app, tmp_path):
    page, editor = open_editor(qtbot, app, "TSM-001")
    files = [make_png(tmp_path / "front.png", "#1565c0"), tmp_path / "notes.txt", make_png(tmp_path / "back.png")]
    files[1].write_text("hello", encoding="utf-8")
    assert editor.add_image_files(files)  # what the drop handlers and the file dialog call
    wait_images(qtbot, page, editor, 2)
    assert image_names(app, editor) == ["front.png", "back.png"]
    assert editor.image_problems.isVisibleTo(editor) and "notes.txt" in editor.image_problems.text()
    stack = app.context.undo_stack
    assert stack.count() == 1 and "TSM-001" in stack.undoText()
    # Stored in the app's media folder under their content hash.
    from curator_console import paths

    sha = db(app, editor).images[0].sha256
    assert (paths.media_dir() / sha[:2]).is_dir()
    # The table's row shows the count and the primary image.
    qtbot.waitUntil(lambda: page.model.index(0, page._column("images")).data() == "2", timeout=LOAD_TIMEOUT_MS)
    app.window.undo_action.trigger()
    assert image_names(app, editor) == []
    wait_images(qtbot, page, editor, 0)
    app.window.redo_action.trigger()
    assert image_names(app, editor) == ["front.png", "back.png"]
    wait_images(qtbot, page, editor, 2)
    settle(qtbot, page)


def test_add_images_through_the_file_dialog(qtbot, app, tmp_path, monkeypatch):
    page, editor = open_editor(qtbot, app, "TSM-002")
    png = make_png(tmp_path / "ding.png")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(png)], ""))
    qtbot.mouseClick(editor.add_image_button, Qt.MouseButton.LeftButton)
    wait_images(qtbot, page, editor, 1)
    assert image_names(app, editor) == ["ding.png"]
    settle(qtbot, page)


def test_image_files_dropped_on_the_editor(qtbot, app, tmp_path):
    page, editor = open_editor(qtbot, app, "TSM-004")
    files = [make_png(tmp_path / "a.png", "#2e7d32"), make_png(tmp_path / "b.png", "#6a1b9a")]
    target = editor.image_list.viewport()
    assert drag_and_drop(target, target.rect().center(), file_urls(files))
    wait_images(qtbot, page, editor, 2)
    assert image_names(app, editor) == ["a.png", "b.png"]
    # Anywhere on the editor works too.
    more = [make_png(tmp_path / "c.png", "#ef6c00")]
    heading = editor.heading
    assert drag_and_drop(heading, heading.rect().center(), file_urls(more))
    wait_images(qtbot, page, editor, 3)
    assert image_names(app, editor) == ["a.png", "b.png", "c.png"]
    settle(qtbot, page)


def test_images_removed_and_reordered_with_undo(qtbot, app, tmp_path):
    page, editor = open_editor(qtbot, app, "TSM-005")
    files = [make_png(tmp_path / f"{n}.png", color) for n, color in (("one", "#000080"), ("two", "#008000"),
                                                                       ("three", "#800000"))]
    editor.add_image_files(files)
    wait_images(qtbot, page, editor, 3)
    window, stack = app.window, app.context.undo_stack

    editor.image_list.setCurrentRow(2)
    qtbot.mouseClick(editor.primary_button, Qt.MouseButton.LeftButton)  # make "three" the primary image
    assert image_names(app, editor) == ["three.png", "one.png", "two.png"]
    assert editor.image_list.currentRow() == 0
    primary = db(app, editor).images[0].sha256
    qtbot.waitUntil(lambda: page.model.row_at(4) is not None and page.model.row_at(4).primary_image == primary,
                    timeout=LOAD_TIMEOUT_MS)

    editor.image_list.setCurrentRow(1)
    qtbot.mouseClick(editor.right_button, Qt.MouseButton.LeftButton)
    assert image_names(app, editor) == ["three.png", "two.png", "one.png"]

    editor.image_list.setCurrentRow(0)
    editor.image_list.setFocus()
    qtbot.keyClick(editor.image_list, Qt.Key.Key_Delete)
    assert image_names(app, editor) == ["two.png", "one.png"]
    assert stack.count() == 4  # add, primary, move, remove

    window.undo_action.trigger()
    assert image_names(app, editor) == ["three.png", "two.png", "one.png"]
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert image_names(app, editor) == ["one.png", "two.png", "three.png"]
    wait_images(qtbot, page, editor, 3)
    window.redo_action.trigger()
    assert image_names(app, editor) == ["three.png", "one.png", "two.png"]
    settle(qtbot, page)


def test_dragging_a_thumbnail_reorders(qtbot, app, tmp_path):
    page, editor = open_editor(qtbot, app, "TSM-002")
    editor.add_image_files([make_png(tmp_path / "x.png", "#111111"), make_png(tmp_path / "y.png", "#eeeeee")])
    wait_images(qtbot, page, editor, 2)
    # What the list does after an internal move: the items are in a new order, then it tells us.
    lst = editor.image_list
    item = lst.takeItem(1)
    lst.insertItem(0, item)
    lst.order_changed.emit()
    assert image_names(app, editor) == ["y.png", "x.png"]
    settle(qtbot, page)


# --- usage ---------------------------------------------------------------------------------------------------


def test_linked_products_and_tours_are_listed(qtbot, app, dataset):
    page, editor = open_editor(qtbot, app, "TSM-001")
    assert editor.product_lines() == ["TSM-P-001 — Vase replica"]
    assert editor.tour_lines() == [f"{dataset.tours[0]['title']} (segment: The vase)"]
    page._select_row(4)
    qtbot.waitUntil(lambda: editor.detail.object_number == "TSM-005", timeout=LOAD_TIMEOUT_MS)
    assert editor.product_lines() == ["TSM-P-003 — Tang horse figurine"]
    assert editor.tour_lines() == [f"{dataset.tours[0]['title']} (segment: The horse)"]
    page._select_row(1)
    qtbot.waitUntil(lambda: editor.detail.object_number == "TSM-002", timeout=LOAD_TIMEOUT_MS)
    assert editor.product_lines() == [] and editor.tour_lines() == []
    assert editor.product_list.text() == "None"
    settle(qtbot, page)


def test_an_edit_is_saved_when_another_row_is_chosen(qtbot, app):
    page, editor = open_editor(qtbot, app, "TSM-001")
    app.window.activateWindow()
    qtbot.waitActive(app.window)
    field = editor.editors["dimensions"]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "H. 40 cm")
    rect = page.table.visualRect(page.model.index(2, 2))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: editor.detail.object_number == "TSM-003", timeout=LOAD_TIMEOUT_MS)
    assert objsvc.get_object(app.uow(), page.model.id_at(0)).dimensions == "H. 40 cm"
    assert editor.editors["dimensions"].text() == "33 x 560 cm"
    assert QApplication.focusWidget() is page.table
    settle(qtbot, page)


def test_editor_shows_a_deleted_object_as_gone(qtbot, app, warnings):
    page, editor = open_editor(qtbot, app, "TSM-002")
    objsvc.delete_objects(app.uow(), [editor.detail.id])
    edit(editor, "title", "Too late")
    assert editor.banner.isVisibleTo(editor) and "deleted" in editor.banner.text()
    qtbot.waitUntil(lambda: editor.detail is None, timeout=LOAD_TIMEOUT_MS)
    assert not editor.scroll.widget().isEnabled()
    settle(qtbot, page)

