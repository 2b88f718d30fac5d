"""Tours → More → "Export tour to file…" and New tour → "Import tour from file…" in the real main
window: the file dialogs are answered (monkeypatched, as in the other UI tests), the work runs in
the background, a message says what happened; the imported tour is listed and selected; a damaged
file is refused plainly and changes nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from curator_console.services import collection, store
from curator_console.services import tours as tours_svc

from .conftest import drain_background_tasks
from .helpers import LOAD_TIMEOUT_MS, column_texts, find_table

TOURS_ROW = 2


def open_tours(qtbot, app):
    app.window.show_workspace(TOURS_ROW)
    page = app.window.pages[TOURS_ROW]
    qtbot.waitUntil(lambda: page.has_loaded and not page.is_loading, timeout=LOAD_TIMEOUT_MS)
    return page


def wait_for_message(qtbot, page, name: str) -> QMessageBox:
    qtbot.waitUntil(lambda: page.last_transfer is not None and page.last_transfer.result is not None,
                    timeout=LOAD_TIMEOUT_MS)
    box = page.last_transfer.message_box
    assert box is not None and box.objectName() == name, (box.objectName(), box.text(), box.informativeText())
    assert box.isVisible()
    return box


def test_export_a_tour_then_import_it_into_an_empty_database(qtbot, open_app, db_path: Path, tmp_path: Path,
                                                             dataset, monkeypatch) -> None:
    source = open_app(db_path)
    page = open_tours(qtbot, source)
    title = dataset.tours[0]["title"]
    assert column_texts(find_table(page, "tourTable"), "title") == [title]

    # Export: the save dialog suggests the tour's title as the file name; the answer has no extension.
    asked: list[str] = []

    def save_as(parent, caption, suggested, filters, *args, **kwargs):
        asked.append(suggested)
        assert caption == "Export tour to file" and "*.cctour" in filters
        return str(tmp_path / "moved"), filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    assert page.more_button.isEnabled()
    page.export_file_action.trigger()
    box = wait_for_message(qtbot, page, "tourFileExported")
    assert Path(asked[0]).name.endswith(".cctour") and title in Path(asked[0]).name
    exported = tmp_path / "moved.cctour"
    assert exported.is_file() and str(exported) in box.text() and title in box.text()
    assert f"{len(dataset.tours[0]['segments'])} segments" in box.informativeText()
    box.button(QMessageBox.StandardButton.Close).click()

    # Import on "another computer": a new, empty database, its own window.
    empty = open_app(tmp_path / "empty.sqlite3", settings_file=tmp_path / "other-settings.ini")
    other = open_tours(qtbot, empty)
    assert column_texts(find_table(other, "tourTable"), "title") == []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(exported), "Curator Console tours (*.cctour)")))
    other.import_file_action.trigger()
    box = wait_for_message(qtbot, other, "tourFileImported")
    summary = other.last_transfer.result
    assert box.text() == f"Imported the tour “{title}”."
    assert f"Objects: {summary.objects_created} new, 0 already there" in box.informativeText()
    assert summary.objects_created == len({n for s in dataset.tours[0]["segments"] for n in s["objects"]})
    box.button(QMessageBox.StandardButton.Close).click()
    drain_background_tasks(qtbot)
    qtbot.waitUntil(lambda: column_texts(find_table(other, "tourTable"), "title") == [title], timeout=LOAD_TIMEOUT_MS)
    qtbot.waitUntil(lambda: other.editor.detail is not None and other.editor.detail.id == summary.tour_id,
                    timeout=LOAD_TIMEOUT_MS)  # the imported tour is selected and open
    detail = tours_svc.get_tour(empty.uow(), summary.tour_id)
    assert [s.title for s in detail.segments] == [s["title"] for s in dataset.tours[0]["segments"]]
    assert len(store.list_products(empty.uow())) == summary.products_created
    assert collection.count_items(empty.uow()) == summary.objects_created

    # Importing it again into the first window: a second tour, “(imported)”.
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(exported), "")))
    page.import_file_action.trigger()
    box = wait_for_message(qtbot, page, "tourFileImported")
    assert f"{title} (imported)" in box.text()
    assert "already there" in box.informativeText() and "(imported)" in box.informativeText()
    box.button(QMessageBox.StandardButton.Close).click()
    drain_background_tasks(qtbot)
    qtbot.waitUntil(lambda: sorted(column_texts(find_table(page, "tourTable"), "title")) ==
                    sorted([title, f"{title} (imported)"]), timeout=LOAD_TIMEOUT_MS)


def test_a_damaged_file_is_refused_plainly_and_a_cancelled_dialog_does_nothing(qtbot, app, tmp_path: Path,
                                                                               monkeypatch) -> None:
    page = open_tours(qtbot, app)
    before = [r.id for r in tours_svc.list_tours(app.uow())]

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    page.import_file_action.trigger()
    drain_background_tasks(qtbot)
    assert page.last_transfer is None or page.last_transfer.result is None
    assert page.findChild(QMessageBox, "tourFileFailed") is None

    broken = tmp_path / "broken.cctour"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(broken), "")))
    page.import_file_action.trigger()
    box = wait_for_message(qtbot, page, "tourFileFailed")
    assert box.text() == "The tour could not be imported. Nothing was changed."
    assert str(broken) in box.informativeText() and "not a ZIP archive" in box.informativeText()
    box.button(QMessageBox.StandardButton.Close).click()
    assert [r.id for r in tours_svc.list_tours(app.uow())] == before
