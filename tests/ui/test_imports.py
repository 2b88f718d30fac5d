"""Collection imports through the real dialogs: the mapping dialog on a GB18030 file with Chinese
headers, the report (and its CSV), strict refusals, cancelling a large import, The Met / AIC / IIIF
against local fake servers, and fetching missing images.

Only the OS-level pickers and questions (QFileDialog, QInputDialog, QMessageBox.question) are
replaced; every dialog of the import is the real one, driven through its widgets. No sleeps: the
HTTP client's clock is a recorder (so a museum's pacing costs no time), and everything waits on
signals or ``waitUntil``.
"""

from __future__ import annotations

import csv
import random
import re
import struct
import threading
import zlib
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QInputDialog, QMessageBox
from sqlalchemy import func, select

from curator_console import __version__
from curator_console.connectors import aic as aic_connector
from curator_console.connectors.http import HttpClient, RetryPolicy
from curator_console.persistence import models as m
from curator_console.services import collection_import as svc
from curator_console.ui import i18n
from curator_console.ui.imports.actions import ImportActions, make_import_actions
from curator_console.ui.imports.mapping_dialog import MappingDialog
from curator_console.ui.imports.online_sources import IiifManifestDialog, OnlineSourcesDialog, SourceEndpoints
from curator_console.ui.imports.progress import ProgressDialog
from curator_console.ui.imports.report_dialog import ReportDialog
from tests.integration.conftest import row_counts
from tests.ui.conftest import LOAD_TIMEOUT_MS
from tests.ui.helpers import column_texts

MET = "/met/public/collection/v1"
AIC = "/aic/api/v1"


# --- helpers ---------------------------------------------------------------------------------------


def tiny_png(colour: bytes = b"\xff\x00\x00") -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + colour * 3 for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 3, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


PNG_RED, PNG_BLUE, PNG_GREEN = tiny_png(), tiny_png(b"\x00\x00\xff"), tiny_png(b"\x00\xff\x00")


class FakeTime:
    """The HTTP client's sleep and clock: pacing is recorded, never waited for."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.lock = threading.Lock()

    def sleep(self, seconds: float) -> None:
        with self.lock:
            self.now += seconds

    def clock(self) -> float:
        with self.lock:
            return self.now


@pytest.fixture
def fast_http(app) -> HttpClient:
    """The app's one HTTP client, with a recorded clock and no retries (so failures come at once)."""
    fake = FakeTime()
    client = HttpClient(timeout=(2.0, 5.0), sleep=fake.sleep, clock=fake.clock, rng=random.Random(3),
                        retry=RetryPolicy(max_retries=0))
    app.context._http = client
    return client


@pytest.fixture
def server(httpserver_ipv4: HTTPServer) -> HTTPServer:
    return httpserver_ipv4


@pytest.fixture
def imported(app):
    calls: list[int] = []
    return calls


@pytest.fixture
def actions(app, imported, server) -> ImportActions:
    endpoints = SourceEndpoints(met=server.url_for(MET), aic=server.url_for(AIC))
    return ImportActions(app.window, app.context, lambda: imported.append(1), endpoints)


def pick_file(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))


def objects(app) -> dict[str, m.CollectionItem]:
    with app.database.session() as s:
        items = s.scalars(select(m.CollectionItem)).all()
        for item in items:
            s.expunge(item)
        return {i.object_number: i for i in items}


def images(app, object_number: str) -> list[m.ItemImage]:
    with app.database.session() as s:
        rows = s.scalars(select(m.ItemImage).join(m.CollectionItem, m.CollectionItem.id == m.ItemImage.item_id)
                         .where(m.CollectionItem.object_number == object_number)
                         .order_by(m.ItemImage.position)).all()
        for row in rows:
            s.expunge(row)
        return list(rows)


def count(label) -> int:
    return int(label.text().replace(",", ""))


def open_mapping(qtbot, actions: ImportActions, monkeypatch, path: Path) -> MappingDialog:
    pick_file(monkeypatch, path)
    actions.import_file.trigger()
    qtbot.waitUntil(lambda: actions.file_import.mapping_dialog is not None
                    and actions.file_import.mapping_dialog.isVisible(), timeout=LOAD_TIMEOUT_MS)
    dialog = actions.file_import.mapping_dialog
    qtbot.waitUntil(lambda: dialog.saved_loaded, timeout=LOAD_TIMEOUT_MS)
    return dialog


def run_import(qtbot, actions: ImportActions, dialog: MappingDialog) -> None:
    flow = actions.file_import
    with qtbot.waitSignal(flow.finished, timeout=LOAD_TIMEOUT_MS):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)


def pick(dialog: MappingDialog, combo, data) -> None:
    """Choose an item of a combo box as a person does (the ``activated`` signal, not just the index)."""
    index = combo.findData(data)
    assert index >= 0, f"{data!r} not offered"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


GB_HEADERS = ["藏品编号", "名称", "年代", "质地", "备忘", "尺寸（cm）"]
GB_ROWS = [
    ["GB-001", "青花缠枝莲纹瓶", "明永乐", "瓷", "景德镇窑，口沿微损", "29.8"],
    ["GB-002", "铜鼎", "商", "青铜", "", "40"],
    ["TSM-002", "青铜鼎（修订）", "商晚期", "青铜", "重新测量", "41"],  # already in the small museum
    ["GB-004", "玉璧", "战国", "玉", "出土于墓葬", "15"],
]


def write_gb18030(path: Path) -> Path:
    lines = [",".join(GB_HEADERS)] + [",".join(r) for r in GB_ROWS]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gb18030"))
    return path


# --- the file import -------------------------------------------------------------------------------


def test_gb18030_file_mapping_saved_reapplied_and_imported(app, qtbot, qtmodeltester, actions, imported,
                                                           monkeypatch, tmp_path):
    path = write_gb18030(tmp_path / "馆藏导出.csv")
    before = objects(app)
    dialog = open_mapping(qtbot, actions, monkeypatch, path)
    qtmodeltester.check(dialog.model)

    # What was detected is shown, and the automatic mapping is pre-set above each column.
    assert dialog.encoding_combo.currentData() == "gb18030"
    assert "GB18030" in dialog.encoding_combo.currentText() and "detected" in dialog.encoding_combo.currentText()
    assert dialog.delimiter_combo.currentData() == ","
    assert "GB18030" in dialog.summary.text()
    assert [dialog.combo_for(h).currentData() for h in GB_HEADERS] == [
        "object_number", "title", "period,date_text", "medium", "", "dimensions"]
    assert dialog.combo_for("年代").currentText() == "Period / dynasty + Date"
    assert dialog.model.rowCount() == len(GB_ROWS)
    assert dialog.model.index(0, 1).data() == "青花缠枝莲纹瓶"
    memo = GB_HEADERS.index("备忘")
    assert dialog.model.marked == {memo}  # the unknown column is marked …
    assert dialog.model.headerData(memo, Qt.Orientation.Horizontal).startswith("⚠")
    assert "备忘" in dialog.status.text()
    assert dialog.import_button.isDefault() and dialog.import_button.isEnabled()
    assert dialog.combo_for("备忘").accessibleName() == "Field for the column “备忘”"

    # … until a field is chosen for it.
    pick(dialog, dialog.combo_for("备忘"), "description")
    assert dialog.model.marked == set()
    assert dialog.overrides() == {"备忘": "description"}

    # Save it under a name; saving again under the same name asks first.
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Museum system export", True)))
    with qtbot.waitSignal(dialog.mapping_saved, timeout=LOAD_TIMEOUT_MS):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.saved_combo.currentData() == "Museum system export", timeout=LOAD_TIMEOUT_MS)
    saved = svc.get_mapping(app.context.uow(), "Museum system export")
    assert saved["备忘"] == "description" and saved["藏品编号"] == "object_number"
    asked: list[str] = []

    def refuse(_parent, _title, text, *a, **k):
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(refuse))
    pick(dialog, dialog.combo_for("备忘"), "provenance")
    dialog.ask_and_save_mapping()
    assert asked and "Museum system export" in asked[0]
    assert svc.get_mapping(app.context.uow(), "Museum system export")["备忘"] == "description"  # kept

    # Another choice, then the saved mapping applied again from its combo box.
    pick(dialog, dialog.combo_for("备忘"), "")
    pick(dialog, dialog.combo_for("名称"), "alt_title")
    assert dialog.model.marked == {memo}
    pick(dialog, dialog.saved_combo, "")  # back to the automatic mapping
    assert dialog.combo_for("名称").currentData() == "title"
    pick(dialog, dialog.saved_combo, "Museum system export")
    assert dialog.combo_for("备忘").currentData() == "description"
    assert dialog.combo_for("名称").currentData() == "title"
    assert dialog.overrides() == {"备忘": "description"}

    # Switching the interface language re-translates the open dialog and keeps every choice.
    i18n.apply_language("zh_CN")
    i18n.apply_language("en")
    assert dialog.combo_for("备忘").currentData() == "description"
    assert dialog.encoding_combo.currentData() == "gb18030" and dialog.saved_names() == ["Museum system export"]
    assert dialog.saved_combo.currentData() == "Museum system export"

    # A different encoding reads the preview again (mojibake headers), and back; choices survive.
    with qtbot.waitSignal(dialog.previewed, timeout=LOAD_TIMEOUT_MS):
        pick(dialog, dialog.encoding_combo, "latin-1")
    assert "备忘" not in dialog.preview.headers and dialog.encoding() == "latin-1"
    assert not dialog.import_button.isEnabled()  # no column holds the object number now
    with qtbot.waitSignal(dialog.previewed, timeout=LOAD_TIMEOUT_MS):
        pick(dialog, dialog.encoding_combo, "gb18030")
    assert dialog.preview.headers == GB_HEADERS and dialog.encoding() is None
    assert dialog.combo_for("备忘").currentData() == "description"
    qtmodeltester.check(dialog.model)

    # Import, then the report's counts are what the database holds.
    run_import(qtbot, actions, dialog)
    flow = actions.file_import
    assert flow.outcome == "imported" and imported == [1]
    report = flow.report_dialog
    assert isinstance(report, ReportDialog) and report.isVisible()
    after = objects(app)
    new = set(after) - set(before)
    assert new == {"GB-001", "GB-002", "GB-004"}
    assert count(report.counts["imported"]) == len(new) == 3
    assert count(report.counts["updated"]) == 1 and count(report.counts["rejected"]) == 0
    assert count(report.counts["unchanged"]) == 0
    assert len(after) == len(before) + 3
    vase = after["GB-001"]
    assert (vase.title, vase.period, vase.date_text, vase.medium, vase.description, vase.dimensions) == (
        "青花缠枝莲纹瓶", "明永乐", "明永乐", "瓷", "景德镇窑，口沿微损", "29.8")
    assert after["TSM-002"].title == "青铜鼎（修订）" and after["TSM-002"].description == "重新测量"
    assert report.close_button.isDefault()


def write_bad_file(path: Path) -> Path:
    rows = [
        ["Object Number", "Title", "Object Begin Date", "Culture"],
        ["BAD-1", "Good vase", "1403", "China"],
        ["", "No number", "1500", "China"],  # row 3: no object number
        ["BAD-1", "Duplicate", "1600", "China"],  # row 4: repeated
        ["BAD-5", "Ragged", "1700", "China", "extra", "cells"],  # row 5: more cells than headers
        ["BAD-6", "Bad year", "Ming", "China"],  # row 6: not a year
        ["BAD-7", "Fine too", "", "Japan"],
    ]
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def test_bad_rows_are_listed_and_the_report_is_saved_as_csv(app, qtbot, actions, monkeypatch, tmp_path):
    path = write_bad_file(tmp_path / "bad.csv")
    dialog = open_mapping(qtbot, actions, monkeypatch, path)
    assert not dialog.strict.isChecked()
    run_import(qtbot, actions, dialog)
    report = actions.file_import.report_dialog
    assert count(report.counts["imported"]) == 2 and count(report.counts["rejected"]) == 4
    assert set(objects(app)) >= {"BAD-1", "BAD-7"} and "BAD-5" not in objects(app)

    table = report.table
    assert table.isVisible() and table.isSortingEnabled()
    rows = column_texts(table, "row")
    assert rows == ["3", "4", "5", "6"]
    fields = column_texts(table, "field")
    assert fields == ["Object number", "Object number", "Whole row", "Begin year"]
    assert all(s == "Rejected" for s in column_texts(table, "status"))
    assert "already appeared in row 2" in column_texts(table, "reason")[1]
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # sortable by row number
    assert column_texts(table, "row") == ["6", "5", "4", "3"]

    out = tmp_path / "chosen" / "report.csv"
    out.parent.mkdir()
    seen: dict = {}

    def save_as(_parent, _caption, suggested, _filter, *a, **k):
        seen["suggested"] = suggested
        return str(out), "CSV files (*.csv)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    qtbot.mouseClick(report.save_button, Qt.MouseButton.LeftButton)
    assert seen["suggested"].endswith("bad-import-report.csv")
    with open(out, encoding="utf-8-sig", newline="") as fh:
        written = list(csv.reader(fh))
    assert written[0] == ["row", "object_number", "field", "status", "problem"]
    assert [(r[0], r[2], r[3]) for r in written[1:]] == [
        ("3", "object_number", "rejected"), ("4", "object_number", "rejected"), ("5", "row", "rejected"),
        ("6", "begin_year", "rejected")]
    assert str(out) in report.saved_note.text()


def test_strict_import_of_a_bad_file_changes_nothing_and_lists_the_rows(app, qtbot, actions, imported,
                                                                         monkeypatch, tmp_path):
    path = write_bad_file(tmp_path / "bad.csv")
    before = row_counts(app.database.engine)
    dialog = open_mapping(qtbot, actions, monkeypatch, path)
    dialog.strict.setChecked(True)
    run_import(qtbot, actions, dialog)
    flow = actions.file_import
    assert flow.outcome == "refused" and imported == []
    report = flow.report_dialog
    assert report.windowTitle() == "Nothing was imported"
    assert count(report.counts["rejected"]) == 4 and report.counts["imported"].text() == "–"
    assert column_texts(report.table, "row") == ["3", "4", "5", "6"]
    assert row_counts(app.database.engine) == before


def test_cancelling_a_large_import_changes_nothing_and_says_so(app, qtbot, actions, imported, monkeypatch,
                                                               tmp_path):
    path = tmp_path / "large.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["Object Number", "Title", "Culture", "Object Begin Date"])
        out.writerows([f"L-{i:05d}", f"青花瓷 blue and white {i}", "China", str(1400 + i % 300)]
                      for i in range(20_000))
    before = row_counts(app.database.engine)

    # Hold the worker on its first progress report until Cancel has been pressed in the window.
    reached, release = threading.Event(), threading.Event()
    original = ProgressDialog.rows_progress

    def gated(self, progress):
        original(self, progress)
        if not reached.is_set():
            reached.set()
            release.wait(LOAD_TIMEOUT_MS / 1000)

    monkeypatch.setattr(ProgressDialog, "rows_progress", gated)
    dialog = open_mapping(qtbot, actions, monkeypatch, path)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    flow = actions.file_import
    try:
        qtbot.waitUntil(lambda: flow.progress is not None and "rows/s" in flow.progress.rate.text(),
                        timeout=LOAD_TIMEOUT_MS)
        progress = flow.progress
        assert progress.isVisible() and progress.cancel_button.isDefault()
        assert re.fullmatch(r"[\d,.]+ rows/s( · about .+ left)?", progress.rate.text()), progress.rate.text()
        assert re.fullmatch(r"[\d,]+ of about [\d,]+ rows read", progress.counts.text()), progress.counts.text()
        assert 0 < progress.bar.value() <= progress.bar.maximum()
        qtbot.mouseClick(progress.cancel_button, Qt.MouseButton.LeftButton)
        assert progress.cancelled() and not progress.cancel_button.isEnabled()
    finally:
        release.set()
    qtbot.waitUntil(lambda: flow.outcome != "", timeout=LOAD_TIMEOUT_MS)
    assert flow.outcome == "cancelled"
    assert flow.message.text() == "Import cancelled; nothing was changed."
    assert row_counts(app.database.engine) == before
    assert imported == []


def test_escape_on_the_progress_dialog_cancels_the_work_instead_of_hiding_it(app, qtbot):
    dialog = ProgressDialog("Working", app.window)
    dialog.set_heading("Working…")
    started, results = threading.Event(), []

    def work() -> str:  # a worker that runs until it is told to stop
        started.set()
        return "stopped" if dialog._cancel.wait(LOAD_TIMEOUT_MS / 1000) and dialog.cancelled() else "ran out"

    dialog.run(work, results.append, results.append)
    qtbot.waitUntil(started.is_set, timeout=LOAD_TIMEOUT_MS)
    assert dialog.isVisible() and dialog.running
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.cancelled()  # still shown until the work has stopped
    qtbot.waitUntil(lambda: results == ["stopped"], timeout=LOAD_TIMEOUT_MS)


def test_a_file_that_cannot_be_read_is_explained(app, qtbot, actions, monkeypatch, tmp_path):
    missing = tmp_path / "gone.csv"
    pick_file(monkeypatch, missing)
    actions.import_file.trigger()
    flow = actions.file_import
    qtbot.waitUntil(lambda: flow.outcome == "failed", timeout=LOAD_TIMEOUT_MS)
    assert "gone.csv" in flow.message.text() and "does not exist" in flow.message.text()
    assert flow.mapping_dialog is None


def test_actions_and_keyboard(app, qtbot, actions, monkeypatch, tmp_path):
    made = make_import_actions(app.window, app.context, lambda: None)
    assert [a.text() for a in made] == ["&Import collection file…", "Import from &online collections…",
                                        "Import II&IF manifest…", "&Fetch missing images"]
    assert made[0].shortcut() == QKeySequence("Ctrl+I")
    assert all(a.statusTip() for a in made)

    # Esc closes the mapping dialog without importing anything.
    dialog = open_mapping(qtbot, actions, monkeypatch, write_gb18030(tmp_path / "a.csv"))
    assert dialog.encoding_combo.accessibleName() and dialog.table.accessibleName()
    flow = actions.file_import
    with qtbot.waitSignal(flow.finished, timeout=LOAD_TIMEOUT_MS):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert flow.outcome == "closed"

    online = actions.open_online_sources()
    assert online.search_button.isDefault()
    assert online.buttons.buttonRole(online.close_button) == QDialogButtonBox.ButtonRole.RejectRole
    assert not online.import_button.isEnabled()  # nothing ticked yet
    online.reject()
    iiif = actions.open_iiif()
    assert iiif.import_button.isDefault() and iiif.url.accessibleName()
    qtbot.keyClick(iiif, Qt.Key.Key_Escape)
    assert not iiif.isVisible()


# --- The Met, AIC, IIIF ------------------------------------------------------------------------------


def met_object(object_id: int, image: str, **overrides) -> dict:
    body = {
        "objectID": object_id, "accessionNumber": f"29.100.{object_id}", "isPublicDomain": True,
        "primaryImage": image, "primaryImageSmall": image + "?small", "additionalImages": [],
        "department": "Asian Art", "objectName": "Vase", "title": f"Vase with lotus scrolls {object_id}",
        "culture": "China", "period": "Ming dynasty (1368–1644)", "dynasty": "", "artistDisplayName": "",
        "objectDate": "early 15th century", "objectBeginDate": 1403, "objectEndDate": 1424,
        "medium": "Porcelain", "dimensions": "H. 29.8 cm", "creditLine": "Gift", "classification": "Ceramics",
        "tags": [{"term": "Lotus"}], "objectURL": f"https://www.metmuseum.org/art/collection/search/{object_id}",
    }
    body.update(overrides)
    return body


def serve_images(server: HTTPServer) -> dict[str, str]:
    server.expect_request("/img/red.png").respond_with_data(PNG_RED, content_type="image/png")
    server.expect_request("/img/blue.png").respond_with_data(PNG_BLUE, content_type="image/png")
    server.expect_request("/img/green.png").respond_with_data(PNG_GREEN, content_type="image/png")
    server.expect_request("/img/missing.jpg").respond_with_data("no such image", status=404)
    return {n: server.url_for(f"/img/{n}") for n in ("red.png", "blue.png", "green.png", "missing.jpg")}


def serve_met(server: HTTPServer) -> dict[str, str]:
    img = serve_images(server)
    server.expect_request(f"{MET}/search", query_string={"q": "lotus", "hasImages": "true"}).respond_with_json(
        {"total": 3, "objectIDs": [101, 102, 103]})
    server.expect_request(f"{MET}/objects/101").respond_with_json(met_object(101, img["red.png"]))
    server.expect_request(f"{MET}/objects/102").respond_with_json(
        met_object(102, img["blue.png"], title="Bowl", artistDisplayName="Wang Hui"))
    server.expect_request(f"{MET}/objects/103").respond_with_json(
        met_object(103, img["green.png"], title="明青花缠枝莲纹瓶"))
    return img


def wait_searched(qtbot, dialog: OnlineSourcesDialog, go) -> None:
    with qtbot.waitSignal(dialog.searched, timeout=LOAD_TIMEOUT_MS):
        go()
    assert not dialog.is_searching


def test_met_search_tick_two_and_import_them_with_images(app, qtbot, qtmodeltester, actions, imported, server,
                                                        fast_http):
    serve_met(server)
    dialog = actions.open_online_sources()
    assert dialog.current_source == "met" and dialog.images_only.isVisible()
    dialog.query_edit.setText("lotus")
    with qtbot.waitSignal(dialog.thumbnails_done, timeout=LOAD_TIMEOUT_MS):
        wait_searched(qtbot, dialog, lambda: qtbot.keyClick(dialog.query_edit, Qt.Key.Key_Return))
    qtmodeltester.check(dialog.model)
    assert column_texts(dialog.table, "title") == [
        "Vase with lotus scrolls 101", "Bowl", "明青花缠枝莲纹瓶"]
    assert column_texts(dialog.table, "artist")[1] == "Wang Hui"
    assert column_texts(dialog.table, "object_number") == ["29.100.101", "29.100.102", "29.100.103"]
    assert dialog.page_label.text() == "Results 1–3" and not dialog.next_button.isEnabled()
    # Thumbnails arrived in the background (red, blue, green).
    colours = [dialog.model.index(r, 0).data(Qt.ItemDataRole.DecorationRole).toImage().pixelColor(28, 28).name()
               for r in range(3)]
    assert colours == ["#ff0000", "#0000ff", "#00ff00"]

    # Tick the first with the keyboard and the third with its check box.
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(dialog.model.index(0, 0))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    dialog.model.setData(dialog.model.index(2, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert dialog.model.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert dialog.checked_label.text() == "2 ticked"
    assert dialog.import_button.isEnabled() and dialog.import_button.text() == "&Import 2 with images"

    before = objects(app)
    with qtbot.waitSignal(dialog.import_finished, timeout=LOAD_TIMEOUT_MS):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    report = dialog.report_dialog
    assert report is not None and report.isVisible()
    assert count(report.counts["imported"]) == 2 and count(report.counts["warnings"]) == 0
    after = objects(app)
    assert set(after) - set(before) == {"29.100.101", "29.100.103"}
    assert after["29.100.103"].title == "明青花缠枝莲纹瓶" and after["29.100.101"].source == "met"
    for number in ("29.100.101", "29.100.103"):
        (image,) = images(app, number)
        assert len(image.sha256) == 64 and image.mime_type == "image/png"
    assert imported == [1]
    assert dialog.checked_label.text() == ""  # the imported ones are unticked


def aic_artwork(art_id: int, image_id: str | None, **overrides) -> dict:
    body = {"id": art_id, "title": f"Water Lilies {art_id}", "artist_display": "Claude Monet\nFrench, 1840–1926",
            "date_display": "1906", "date_start": 1906, "date_end": 1906, "medium_display": "Oil on canvas",
            "dimensions": "89.9 × 94.1 cm", "credit_line": "Ryerson Collection", "place_of_origin": "France",
            "main_reference_number": f"1933.{art_id}", "image_id": image_id, "is_public_domain": True}
    body.update(overrides)
    return body


def aic_answer(server: HTTPServer, data: list[dict], total: int, page: int, pages: int) -> dict:
    return {"pagination": {"total": total, "limit": 20, "offset": (page - 1) * 20, "total_pages": pages,
                           "current_page": page},
            "data": data, "config": {"iiif_url": server.url_for("/iiif/2"), "website_url": "http://www.artic.edu"}}


def serve_aic(server: HTTPServer) -> None:
    ua = {"AIC-User-Agent": f"Curator Console ({__version__})"}
    fields = ",".join(aic_connector.FIELDS)
    page1 = [aic_artwork(100 + i, f"img-{100 + i}") for i in range(20)]
    page2 = [aic_artwork(200, "img-200", title="荷花 Lotus", place_of_origin="China")]
    for page, data in ((1, page1), (2, page2)):
        server.expect_request(f"{AIC}/artworks/search", headers=ua, query_string={
            "q": "lilies", "page": str(page), "limit": "20", "fields": fields}).respond_with_json(
            aic_answer(server, data, 21, page, 2))
    server.expect_request(f"{AIC}/artworks", headers=ua).respond_with_json(
        aic_answer(server, [page1[0], page2[0]], 2, 1, 1))
    for art_id, png in ((100, PNG_RED), (200, PNG_BLUE)):
        for width in (843, 200):
            server.expect_request(f"/iiif/2/img-{art_id}/full/{width},/0/default.jpg").respond_with_data(
                png, content_type="image/jpeg")


def test_aic_pages_keep_ticks_and_import_with_images(app, qtbot, actions, imported, server, fast_http):
    serve_aic(server)
    dialog = actions.open_online_sources()
    pick_source = dialog.source.findData("aic")
    dialog.source.setCurrentIndex(pick_source)
    assert not dialog.images_only.isVisible()
    dialog.query_edit.setText("lilies")
    wait_searched(qtbot, dialog, lambda: qtbot.mouseClick(dialog.search_button, Qt.MouseButton.LeftButton))
    assert dialog.model.rowCount() == 20
    assert dialog.page_label.text() == "Page 1 of 2 (21 found)"
    assert dialog.next_button.isEnabled() and not dialog.previous_button.isEnabled()
    dialog.model.setData(dialog.model.index(0, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)

    wait_searched(qtbot, dialog, lambda: qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton))
    assert column_texts(dialog.table, "title") == ["荷花 Lotus"]
    assert dialog.page_label.text() == "Page 2 of 2 (21 found)" and dialog.previous_button.isEnabled()
    dialog.model.setData(dialog.model.index(0, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert dialog.checked_label.text() == "2 ticked"  # the tick on page 1 is kept

    with qtbot.waitSignal(dialog.import_finished, timeout=LOAD_TIMEOUT_MS):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert count(dialog.report_dialog.counts["imported"]) == 2
    after = objects(app)
    assert after["1933.200"].culture == "China" and after["1933.100"].maker == "Claude Monet, French, 1840–1926"
    assert [len(i.sha256) for i in images(app, "1933.100")] == [64]
    assert [len(i.sha256) for i in images(app, "1933.200")] == [64]
    assert imported == [1]


def test_a_rate_limited_search_is_explained_with_a_retry_suggestion(app, qtbot, actions, server, fast_http):
    server.expect_request(f"{MET}/search").respond_with_data("slow down", status=429, headers={"Retry-After": "120"})
    dialog = actions.open_online_sources()
    dialog.query_edit.setText("lotus")
    wait_searched(qtbot, dialog, dialog.search)
    text = dialog.status.text()
    assert "The Met is asking for fewer requests right now" in text and "try again" in text
    assert "2 min" in text
    assert dialog.model.rowCount() == 0 and dialog.search_button.isEnabled()


def test_an_unreachable_museum_is_explained(app, qtbot, imported, fast_http):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    endpoints = SourceEndpoints(met=f"http://127.0.0.1:{port}/met", aic=f"http://127.0.0.1:{port}/aic")
    holder = ImportActions(app.window, app.context, lambda: None, endpoints)
    dialog = holder.open_online_sources()
    dialog.source.setCurrentIndex(dialog.source.findData("aic"))
    dialog.query_edit.setText("lilies")
    wait_searched(qtbot, dialog, dialog.search)
    assert "Art Institute of Chicago cannot be reached" in dialog.status.text()
    assert "try again" in dialog.status.text()


def manifest_v3(server: HTTPServer) -> dict:
    def canvas(n: int, url: str) -> dict:
        return {"id": server.url_for(f"/iiif/canvas/{n}"), "type": "Canvas", "height": 2, "width": 3,
                "items": [{"id": server.url_for(f"/iiif/page/{n}"), "type": "AnnotationPage", "items": [
                    {"id": server.url_for(f"/iiif/anno/{n}"), "type": "Annotation", "motivation": "painting",
                     "target": server.url_for(f"/iiif/canvas/{n}"),
                     "body": {"id": url, "type": "Image", "format": "image/png"}}]}]}
    return {
        "@context": "http://iiif.io/api/presentation/3/context.json",
        "id": server.url_for("/iiif/v3/manifest.json"), "type": "Manifest",
        "label": {"zh": ["明青花缠枝莲纹瓶"], "en": ["Blue-and-white vase with lotus scrolls"]},
        "metadata": [{"label": {"en": ["Object Number"]}, "value": {"none": ["GU-2026.1"]}}],
        "items": [canvas(1, server.url_for("/img/red.png")), canvas(2, server.url_for("/img/missing.jpg"))],
    }


def test_iiif_manifest_imported_by_its_address(app, qtbot, actions, imported, server, fast_http):
    serve_images(server)
    server.expect_request("/iiif/v3/manifest.json").respond_with_json(manifest_v3(server))
    server.expect_request("/not-a-manifest.json").respond_with_json({"hello": "world"})
    dialog = actions.open_iiif()
    assert isinstance(dialog, IiifManifestDialog)

    dialog.url.setText("ftp://example.org/manifest")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "https://" in dialog.error.text() and dialog.isVisible()

    dialog.url.setText(server.url_for("/not-a-manifest.json"))
    with qtbot.waitSignal(dialog.import_finished, timeout=LOAD_TIMEOUT_MS):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "not a IIIF" in dialog.error.text() and dialog.isVisible()

    dialog.url.setText(server.url_for("/iiif/v3/manifest.json"))
    with qtbot.waitSignal(dialog.import_finished, timeout=LOAD_TIMEOUT_MS):
        qtbot.keyClick(dialog.url, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    report = dialog.report_dialog
    assert count(report.counts["imported"]) == 1 and count(report.counts["warnings"]) == 1
    assert "missing.jpg" in column_texts(report.table, "reason")[0]
    vase = objects(app)["GU-2026.1"]
    assert vase.title == "明青花缠枝莲纹瓶" and vase.source == "iiif"
    assert [len(i.sha256) for i in images(app, "GU-2026.1")] == [64, 0]
    assert imported == [1]


def test_fetch_missing_images_downloads_and_lists_failures(app, qtbot, actions, imported, server, fast_http,
                                                           tmp_path):
    img = serve_images(server)
    path = tmp_path / "linked.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([["Object Number", "Title", "Image URL"],
                                  ["WEB-1", "Linked vase", img["blue.png"]],
                                  ["WEB-2", "Linked bowl", img["missing.jpg"]]])
    svc.import_collection(app.context.uow(), path)
    assert [i.sha256 for i in images(app, "WEB-1")] == [""]

    actions.fetch_images.trigger()
    flow = actions.image_fetch
    qtbot.waitUntil(lambda: flow.ended, timeout=LOAD_TIMEOUT_MS)
    summary = flow.summary_dialog
    assert summary is not None and summary.isVisible()
    assert count(summary.counts["fetched"]) == 1 and count(summary.counts["failed"]) == 1
    assert column_texts(summary.table, "object_number") == ["WEB-2"]
    assert "404" in column_texts(summary.table, "reason")[0]
    assert len(images(app, "WEB-1")[0].sha256) == 64 and images(app, "WEB-2")[0].sha256 == ""
    assert imported == [1]

    # Nothing left that can be fetched except the broken one: it is tried again and reported again;
    # with no remote images at all, the answer is a plain message.
    with app.database.session() as s:
        s.query(m.ItemImage).filter(m.ItemImage.sha256 == "").delete()
        s.commit()
        assert s.scalar(select(func.count()).select_from(m.ItemImage).where(m.ItemImage.sha256 == "")) == 0
    actions.fetch_images.trigger()
    flow = actions.image_fetch
    qtbot.waitUntil(lambda: flow.ended, timeout=LOAD_TIMEOUT_MS)
    assert "nothing to download" in flow.message.text()
