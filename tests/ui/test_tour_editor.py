"""The tour editor driven through its widgets: a tour built step by step (segments, titles,
scripts, objects and products dropped onto segments, a reorder by drag and drop, cues), every
step saved at once, then undone back to the start and redone forward again — the database checked
after every step."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from curator_console.domain.tour_plan import CUE_TEXT, CueInfo
from curator_console.services import tours as tours_svc
from curator_console.ui.pickers import OBJECT_IDS_MIME, PRODUCT_IDS_MIME, encode_ids

from .conftest import drain_background_tasks
from .helpers import LOAD_TIMEOUT_MS, column_texts, find_table

TOURS_ROW = 2
TITLE = "Night walk 夜游"


def tours_state(app) -> list:
    """Every tour's content (ids left out: an undone deletion comes back under a new id)."""
    out = []
    for row in sorted(tours_svc.list_tours(app.uow()), key=lambda r: r.title):
        d = tours_svc.get_tour(app.uow(), row.id)
        out.append((d.title, d.slot_seconds, tuple(
            (s.title, s.planned_seconds, s.script, tuple(o.object_number for o in s.objects),
             tuple((p.sku, p.live_price, p.auto_feature) for p in s.products), tuple(s.cues))
            for s in d.segments)))
    return out


def open_tours(qtbot, app):
    window = app.window
    window.show_workspace(TOURS_ROW)
    page = window.pages[TOURS_ROW]
    qtbot.waitUntil(lambda: page.has_loaded and not page.is_loading, timeout=LOAD_TIMEOUT_MS)
    return page


def settle(qtbot, page) -> None:
    drain_background_tasks(qtbot)
    qtbot.waitUntil(lambda: not page.is_loading, timeout=LOAD_TIMEOUT_MS)


def ids_by_number(app) -> dict[str, int]:
    from curator_console.services import collection_objects as objsvc

    ids = list(objsvc.result_id_array(app.uow()))
    return {r.object_number: r.id for r in objsvc.listed_rows(app.uow(), ids)}


def product_ids(app) -> dict[str, int]:
    from curator_console.services import store

    return {p.sku: p.id for p in store.list_products(app.uow())}


def test_build_a_tour_then_undo_everything_and_redo_it(qtbot, app, dataset):
    page = open_tours(qtbot, app)
    editor = page.editor
    stack = app.context.undo_stack
    states = [tours_state(app)]

    def step() -> None:
        settle(qtbot, page)
        states.append(tours_state(app))
        assert states[-1] != states[-2], "the step changed nothing in the database"

    # 1. a new tour, selected and shown in the editor
    page.create_tour(TITLE)
    qtbot.waitUntil(lambda: editor.detail is not None and editor.detail.title == TITLE, timeout=LOAD_TIMEOUT_MS)
    step()
    assert TITLE in column_texts(find_table(page, "tourTable"), "title")

    # 2-4. three segments through the button, each renamed through its title field
    for n, title in enumerate(("开场 Opening", "The vase 花瓶", "Goodbye"), start=1):
        qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(editor.detail.segments) == n  # noqa: B023
                        and editor.segment_panel.segment is not None, timeout=LOAD_TIMEOUT_MS)
        step()
        title_edit = editor.segment_panel.title_edit
        title_edit.setFocus()
        title_edit.setText(title)  # (typing CJK through QTest is not possible; Return commits)
        qtbot.keyClick(title_edit, Qt.Key.Key_Return)
        step()
    tour = tours_svc.get_tour(app.uow(), editor.tour_ids.resolve(editor.tour_id))
    assert [s.title for s in tour.segments] == ["开场 Opening", "The vase 花瓶", "Goodbye"]

    # 5. the slot, through its spin box
    editor.slot_edit.setFocus()
    editor.slot_edit.setValue(20)
    editor.slot_edit.editingFinished.emit()
    step()

    # 6. a script for the second segment, typed and committed when focus leaves
    editor.select_segment_row(1)
    qtbot.waitUntil(lambda: editor.segment_panel.segment.title == "The vase 花瓶", timeout=LOAD_TIMEOUT_MS)
    script = editor.segment_panel.script
    with qtbot.waitSignal(script.committed, timeout=LOAD_TIMEOUT_MS):
        script.edit.setFocus()
        script.edit.insertPlainText("这件青花瓶 ")
        qtbot.keyClicks(script.edit, "is our treasure.")
        script.flush()
    step()
    assert tours_svc.get_tour(app.uow(), editor._tour()).segments[1].script == "这件青花瓶 is our treasure."

    # 7. objects dropped onto the second segment's row (as the Collection panel's drag carries them)
    numbers = ids_by_number(app)
    chosen = sorted(numbers)[:2]
    model = editor.model
    model.dropMimeData(encode_ids([numbers[n] for n in chosen], OBJECT_IDS_MIME), Qt.DropAction.CopyAction,
                       -1, -1, model.index(1, 0))
    step()
    assert [o.object_number for o in tours_svc.get_tour(app.uow(), editor._tour()).segments[1].objects] == chosen

    # 8. a product dropped onto the third segment, then featured automatically with a live price
    skus = product_ids(app)
    sku = sorted(skus)[0]
    model.dropMimeData(encode_ids([skus[sku]], PRODUCT_IDS_MIME), Qt.DropAction.CopyAction, -1, -1, model.index(2, 0))
    step()
    editor.select_segment_row(2)
    qtbot.waitUntil(lambda: editor.segment_panel.products.table.rowCount() == 1, timeout=LOAD_TIMEOUT_MS)
    products = editor.segment_panel.products
    products.table.item(0, products.COL_LIVE).setText("99.50")
    step()
    products = editor.segment_panel.products
    products.table.item(0, products.COL_AUTO).setCheckState(Qt.CheckState.Checked)
    step()
    third = tours_svc.get_tour(app.uow(), editor._tour()).segments[2]
    assert [(p.sku, str(p.live_price), p.auto_feature) for p in third.products] == [(sku, "99.50", True)]

    # 9. a cue on the first segment
    editor.select_segment_row(0)
    qtbot.waitUntil(lambda: editor.segment_panel.segment.title == "开场 Opening", timeout=LOAD_TIMEOUT_MS)
    qtbot.mouseClick(editor.segment_panel.cues.add_text_button, Qt.MouseButton.LeftButton)
    step()
    assert tours_svc.get_tour(app.uow(), editor._tour()).segments[0].cues[0].kind == CUE_TEXT

    # 10. reorder by drag and drop: the first segment dragged below the last
    mime = model.mimeData([model.index(0, 2)])
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    step()
    assert [s.title for s in tours_svc.get_tour(app.uow(), editor._tour()).segments] == [
        "The vase 花瓶", "Goodbye", "开场 Opening"]

    # 11. and by keyboard: Alt+Up moves the selected (last) segment one place earlier
    editor.select_segment_row(2)
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    step()
    assert [s.title for s in tours_svc.get_tour(app.uow(), editor._tour()).segments] == [
        "The vase 花瓶", "开场 Opening", "Goodbye"]

    # 12. a segment deleted with the Delete key
    editor.select_segment_row(2)
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_Delete)
    step()
    assert len(tours_svc.get_tour(app.uow(), editor._tour()).segments) == 2

    # Undo every step back to the start, checking the database after each one ...
    steps = len(states) - 1
    assert stack.count() >= steps
    for i in range(steps):
        stack.undo()
        settle(qtbot, page)
        assert tours_state(app) == states[-2 - i], f"undo {i + 1} did not restore the state before the step"
    assert tours_state(app) == states[0]
    assert TITLE not in [r.title for r in tours_svc.list_tours(app.uow())]

    # ... and forward again.
    for i in range(steps):
        stack.redo()
        settle(qtbot, page)
        assert tours_state(app) == states[i + 1], f"redo {i + 1} did not bring the step back"
    qtbot.waitUntil(lambda: editor.detail is not None and editor.detail.title == TITLE, timeout=LOAD_TIMEOUT_MS)
    assert [line.segment.title for line in editor.model.rows] == ["The vase 花瓶", "开场 Opening"]


def test_cues_and_cue_kinds_are_shown(qtbot, app, dataset):
    page = open_tours(qtbot, app)
    editor = page.editor
    qtbot.waitUntil(lambda: editor.detail is not None and bool(editor.detail.segments), timeout=LOAD_TIMEOUT_MS)
    cues = editor.segment_panel.cues
    old = cues.cues
    editor._segment_list("cues", old, old + (CueInfo("obs_scene", "Close-up"),))
    settle(qtbot, page)
    qtbot.waitUntil(lambda: cues.table.rowCount() == len(old) + 1, timeout=LOAD_TIMEOUT_MS)
    assert cues.table.item(len(old), 0).text() == "OBS scene"
    assert cues.table.cellWidget(len(old), 1).currentText() == "Close-up"


def _answer_conflict(qtbot, keep_mine: bool, seen: list) -> None:
    """When the conflict dialog opens, note what it shows and press one of its buttons."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from curator_console.ui.tours.conflict import ConflictDialog

    def press() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ConflictDialog) and w.isVisible()]
        if not dialogs:
            QTimer.singleShot(20, press)
            return
        d = dialogs[0]
        seen.append((d.mine_view.toPlainText(), d.theirs_view.toPlainText()))
        (d.mine_button if keep_mine else d.theirs_button).click()

    QTimer.singleShot(0, press)


def _colleague_saves_script(app, segment_id: int, text: str) -> None:
    """A colleague's save through a second, independent connection to the same database file."""
    from curator_console.services import database as db_svc
    from curator_console.services import tour_segments

    other = db_svc.open_database(str(app.db_path))
    try:
        tour_segments.update_segment_field(db_svc.unit_of_work(other), segment_id, "script", text)
    finally:
        other.dispose()


def test_a_colleagues_saved_script_is_never_overwritten_silently(qtbot, app):
    page = open_tours(qtbot, app)
    editor = page.editor
    qtbot.waitUntil(lambda: editor.segment_panel.segment is not None, timeout=LOAD_TIMEOUT_MS)
    segment = editor.segment_panel.segment
    original = segment.script
    _colleague_saves_script(app, segment.id, "Their script")

    # Keep theirs: my text is not saved, the editor shows theirs, nothing goes on the undo stack.
    seen: list = []
    count = app.context.undo_stack.count()
    _answer_conflict(qtbot, keep_mine=False, seen=seen)
    script = editor.segment_panel.script
    script.edit.setFocus()
    script.edit.setPlainText(original + " mine")
    script.flush()
    qtbot.waitUntil(lambda: bool(seen), timeout=LOAD_TIMEOUT_MS)
    assert seen[0] == (original + " mine", "Their script")
    settle(qtbot, page)
    assert tours_svc.get_tour(app.uow(), editor._tour()).segments[0].script == "Their script"
    qtbot.waitUntil(lambda: script.edit.toPlainText() == "Their script", timeout=LOAD_TIMEOUT_MS)
    assert app.context.undo_stack.count() == count

    # Keep mine: saved over theirs only because the user chose it; undoable like any edit.
    _colleague_saves_script(app, segment.id, "Their second script")
    seen.clear()
    _answer_conflict(qtbot, keep_mine=True, seen=seen)
    script.edit.setFocus()
    script.edit.setPlainText("My script")
    script.flush()
    qtbot.waitUntil(lambda: bool(seen), timeout=LOAD_TIMEOUT_MS)
    assert seen[0] == ("My script", "Their second script")
    settle(qtbot, page)
    assert tours_svc.get_tour(app.uow(), editor._tour()).segments[0].script == "My script"
    assert app.context.undo_stack.count() == count + 1


def test_readiness_lines_jump_to_the_problem(qtbot, app):
    from curator_console.domain.readiness import check_readiness

    page = open_tours(qtbot, app)
    editor = page.editor
    qtbot.waitUntil(lambda: editor.detail is not None, timeout=LOAD_TIMEOUT_MS)
    # An empty script on the last segment makes a "no script" problem.
    last = len(editor.detail.segments) - 1
    editor.select_segment_row(last)
    seg = editor.detail.segments[last]
    editor._segment_field("script", seg.script, "")
    settle(qtbot, page)
    expected = check_readiness(editor.detail, app.context.settings.reading_speed)
    panel = editor.readiness
    assert panel.list.count() == len(expected) > 0
    row = next(i for i, p in enumerate(expected) if p.kind == "no_script")
    editor.select_segment_row(0)
    panel.list.itemClicked.emit(panel.list.item(row))
    assert editor.current_row() == last
    assert editor.segment_panel.tabs.currentIndex() == editor.segment_panel.TAB_SCRIPT
    assert str(last + 1) in panel.list.item(row).text()


def test_restoring_a_saved_version_is_undoable(qtbot, app):
    from curator_console.services import tour_versions
    from curator_console.ui.tours.versions import VersionsDialog

    page = open_tours(qtbot, app)
    editor = page.editor
    qtbot.waitUntil(lambda: editor.detail is not None, timeout=LOAD_TIMEOUT_MS)
    tour_id = editor._tour()
    tour_versions.save_version(app.uow(), tour_id, "before the rewrite")
    saved = tours_state(app)
    first = editor.detail.segments[0]
    editor._segment_field("title", first.title, "Rewritten opening")
    settle(qtbot, page)
    changed = tours_state(app)
    assert changed != saved

    dialog = VersionsDialog(app.context, tour_id, editor)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1
    texts = [dialog.changes.item(r, c).text() for r in range(dialog.changes.rowCount()) for c in range(4)]
    assert first.title in texts and "Rewritten opening" in texts

    editor.restore_version(*dialog.list.item(0).data(Qt.ItemDataRole.UserRole + 30))
    settle(qtbot, page)
    assert tours_state(app) == saved
    app.context.undo_stack.undo()
    settle(qtbot, page)
    assert tours_state(app) == changed


def test_a_new_tour_starts_from_a_template(qtbot, app):
    page = open_tours(qtbot, app)
    editor = page.editor
    source = tours_svc.list_tours(app.uow())[0]
    tours_svc.set_template(app.uow(), source.id, True)
    page.load()
    settle(qtbot, page)
    page._fill_new_menu()
    entries = [a.text() for a in page.new_menu.actions()]
    assert any(source.title in e for e in entries)
    page.create_tour("From the template", template_id=source.id)
    qtbot.waitUntil(lambda: editor.detail is not None and editor.detail.title == "From the template",
                    timeout=LOAD_TIMEOUT_MS)
    template = tours_svc.get_tour(app.uow(), source.id)
    assert [s.title for s in editor.detail.segments] == [s.title for s in template.segments]
    assert not editor.detail.is_template
    app.context.undo_stack.undo()
    settle(qtbot, page)
    assert "From the template" not in [r.title for r in tours_svc.list_tours(app.uow())]
