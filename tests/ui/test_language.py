"""Switching the interface language at run time retranslates the open window (and back again)."""

from __future__ import annotations

from curator_console.ui import i18n

from .conftest import has_cjk
from .helpers import ENGLISH_TITLES, find_table, header_texts, wait_for_page

TABLES = ("collectionTable", "storeTable", "tourTable", "segmentTable", "connectionTable",
          "liveSessionTable", "reviewSessionTable")
# Column names the Chinese interface keeps as they are.
LATIN_IN_CHINESE = {"#", "SKU"}
ENGLISH_MENUS = ["&File", "&Edit", "&View", "&Help"]
ENGLISH_FIRST_HEADERS = {
    "collectionTable": "Image", "storeTable": "SKU", "tourTable": "Tour", "segmentTable": "#",
    "connectionTable": "Connection", "liveSessionTable": "Started", "reviewSessionTable": "Started",
}


def nav_texts(window) -> list[str]:
    return [window.nav.item(i).text() for i in range(window.nav.count())]


def menu_titles(window) -> list[str]:
    return [m.title() for m in (window.file_menu, window.edit_menu, window.view_menu, window.help_menu)]


def load_every_page(qtbot, app, dataset) -> None:
    for row in (1, 2, 3, 4, 0):
        app.window.nav.setCurrentRow(row)
        wait_for_page(qtbot, app, row, dataset)


def test_compiled_chinese_translation_is_shipped():
    assert (i18n.translations_dir() / "curator_console_zh_CN.qm").is_file()


def test_switch_to_chinese_and_back(qtbot, app, dataset):
    window = app.window
    load_every_page(qtbot, app, dataset)
    assert nav_texts(window) == ENGLISH_TITLES
    assert menu_titles(window) == ENGLISH_MENUS

    english_count = window.pages[0].count_label.text()
    assert not has_cjk(english_count)

    assert i18n.apply_language("zh_CN") == "zh_CN"
    qtbot.waitUntil(lambda: window.nav.item(0).text() != "Collection")
    nav = nav_texts(window)
    assert all(has_cjk(t) for t in nav), nav
    assert len(set(nav)) == len(nav)
    menus = menu_titles(window)
    assert all(has_cjk(t) for t in menus), menus
    collection_headers = header_texts(find_table(window, "collectionTable"))
    assert has_cjk(collection_headers[1]) and collection_headers[1] != "Object number", collection_headers
    # The workspace actions (Ctrl+1..5) follow the navigation's names.
    assert [a.text() for a in window.workspace_actions] == nav
    assert has_cjk(window.undo_action.text())
    assert has_cjk(window.pages[0].count_label.text())

    assert i18n.apply_language("en") == "en"
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "Collection")
    assert nav_texts(window) == ENGLISH_TITLES
    assert menu_titles(window) == ENGLISH_MENUS
    for name, first in ENGLISH_FIRST_HEADERS.items():
        assert header_texts(find_table(window, name))[0] == first
    assert window.windowTitle() == "Curator Console"
    assert window.pages[0].count_label.text() == english_count


def test_every_table_header_is_translated(qtbot, app, dataset):
    """Each workspace table's headers turn Chinese (except names Chinese shops write in Latin too)."""
    load_every_page(qtbot, app, dataset)
    english = {name: header_texts(find_table(app.window, name)) for name in TABLES}
    i18n.apply_language("zh_CN")
    qtbot.waitUntil(lambda: app.window.nav.item(0).text() != "Collection")
    for name in TABLES:
        chinese = header_texts(find_table(app.window, name))
        untranslated = [en for en, zh in zip(english[name], chinese) if en not in LATIN_IN_CHINESE and not has_cjk(zh)]
        assert not untranslated, f"{name}: {untranslated}"


def test_page_texts_follow_the_language(qtbot, app, dataset):
    load_every_page(qtbot, app, dataset)
    window = app.window
    i18n.apply_language("zh_CN")
    qtbot.waitUntil(lambda: window.nav.item(0).text() != "Collection")
    assert has_cjk(window.pages[1].count_label.text())  # Store: products / out of stock
    assert has_cjk(window.pages[2].timing_label.text())  # Tours: timing against the slot
    assert has_cjk(window.pages[4].summary.text())  # Review: sessions · orders · revenue
    assert has_cjk(window.pages[0].search.placeholderText())


def test_switching_language_keeps_the_work_in_progress(qtbot, app, dataset):
    """Text being typed, the chosen workspace and the chosen tour all survive a language switch."""
    window = app.window
    load_every_page(qtbot, app, dataset)
    window.nav.setCurrentRow(2)
    tours = window.pages[2]
    editor = tours.editor
    qtbot.waitUntil(lambda: editor.title_edit.isEnabled() and bool(editor.title_edit.text()))
    chosen = editor.title_edit.text()
    editor.title_edit.setFocus()
    editor.title_edit.setText(chosen + " — 草稿 draft")  # typed, not yet committed
    undo_before = window.undo_action.isEnabled(), window.context.undo_stack.count()

    i18n.apply_language("zh_CN")
    qtbot.waitUntil(lambda: window.nav.item(0).text() != "Collection")
    assert window.nav.currentRow() == 2 and window.pages[2] is tours
    assert editor.title_edit.text() == chosen + " — 草稿 draft"
    assert (window.undo_action.isEnabled(), window.context.undo_stack.count()) == undo_before

    i18n.apply_language("en")
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "Collection")
    assert editor.title_edit.text() == chosen + " — 草稿 draft"
    editor.title_edit.editingFinished.emit()  # the edit is then saved as usual
    qtbot.waitUntil(lambda: window.context.undo_stack.count() == undo_before[1] + 1)
