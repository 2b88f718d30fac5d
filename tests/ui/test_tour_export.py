"""`curator-console export-script` as a real process on the demo museum, and the interface's export
(background task, busy dialog, result or error message) on the small test museum."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from curator_console import paths
from curator_console.documents.labels import DEFAULT_LABELS, REVIEW_LABELS
from curator_console.domain.timing import ReadingSpeed, format_duration, plan_tour
from curator_console.services.tour_export import ExportSummary, TourExportError, find_tour
from tests.pdf_tools import page_count, pdf_text, squeezed

from .conftest import LOAD_TIMEOUT_MS, PYTHON, seed_into, subprocess_env

PROCESS_TIMEOUT_S = 180  # a hang guard only
DEMO = paths.resources_dir() / "demo"
DEMO_TOURS = json.loads((DEMO / "tours.json").read_text(encoding="utf-8"))
ZH_TOUR = next(t for t in DEMO_TOURS if t["language"] == "zh_CN")


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "demo-museum.sqlite3"
    seed_into(path, DEMO)
    return path


@pytest.fixture
def home(tmp_path: Path) -> Path:
    path = tmp_path / "process-home"
    path.mkdir()
    return path


def run_cli(home: Path, db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([PYTHON, "-m", "curator_console", "--db", str(db), "export-script", *args],
                          env=subprocess_env(home), capture_output=True, text=True, encoding="utf-8",
                          timeout=PROCESS_TIMEOUT_S, cwd=home)


def test_export_script_by_title_writes_the_run_of_show_and_the_cue_cards(home: Path, demo_db: Path,
                                                                         tmp_path: Path) -> None:
    out = tmp_path / "run of show.pdf"
    result = run_cli(home, demo_db, ZH_TOUR["title"], "--pdf", str(out), "--tz", "Asia/Shanghai")
    assert result.returncode == 0, result.stderr
    pages = page_count(out)
    assert result.stdout.strip() == f"pages={pages} file={out}"
    flat = squeezed(pdf_text(out))
    for seg in ZH_TOUR["segments"]:
        assert squeezed(seg["title"]) in flat
        for product in seg["products"]:
            assert product["sku"] in flat
        for number in seg["objects"]:
            assert number in flat
    assert "(Asia/Shanghai)" in flat

    cards = tmp_path / "cards.pdf"
    result = run_cli(home, demo_db, ZH_TOUR["title"], "--pdf", str(cards), "--cards")
    assert result.returncode == 0, result.stderr
    assert page_count(cards) == len(ZH_TOUR["segments"])
    for k, seg in enumerate(ZH_TOUR["segments"], start=1):
        assert squeezed(seg["title"]) in squeezed(pdf_text(cards, k))


def test_export_script_by_id_uses_the_saved_reading_speed(home: Path, demo_db: Path, tmp_path: Path) -> None:
    settings = home / "config" / "settings.ini"
    settings.parent.mkdir(parents=True)
    settings.write_text("[timing]\ncjk_chars_per_minute=60\nwords_per_minute=150\n", encoding="utf-8")
    out = tmp_path / "by-id.pdf"
    result = run_cli(home, demo_db, "1", "--pdf", str(out))
    assert result.returncode == 0, result.stderr
    segments = [(s["title"], s["planned_seconds"], s["script"]) for s in ZH_TOUR["segments"]]
    slow = plan_tour(segments, None, ReadingSpeed(60, 150)).estimated_seconds
    usual = plan_tour(segments, None, ReadingSpeed()).estimated_seconds
    assert slow != usual
    text = pdf_text(out)
    assert squeezed(ZH_TOUR["title"]) in squeezed(text)  # tour 1 is the first demo tour
    words = text.split()
    assert format_duration(slow) in words and format_duration(usual) not in words  # the tour's total estimate


def test_export_script_refuses_an_unknown_tour_and_a_bad_time_zone(home: Path, demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "never.pdf"
    result = run_cli(home, demo_db, "No such tour", "--pdf", str(out))
    assert result.returncode == 1
    assert "there is no tour “No such tour”" in result.stderr and ZH_TOUR["title"] in result.stderr
    assert not out.exists()
    result = run_cli(home, demo_db, ZH_TOUR["title"], "--pdf", str(out), "--tz", "Mars/Olympus")
    assert result.returncode == 2 and "Mars/Olympus" in result.stderr
    result = run_cli(home, demo_db, ZH_TOUR["title"], "--pdf", str(tmp_path / "missing" / "x.pdf"))
    assert result.returncode == 1 and "does not exist" in result.stderr


# --- the interface ----------------------------------------------------------------------------


def test_document_labels_cover_every_key_and_match_the_english_defaults() -> None:
    from curator_console.ui.export_labels import document_labels

    # English interface: the same words, every key (the run-of-show's and the review's)
    assert document_labels() == {**DEFAULT_LABELS, **REVIEW_LABELS}


def test_suggested_file_name_comes_from_the_title() -> None:
    from curator_console.ui.tours.export import suggested_file_name

    assert suggested_file_name("青花与蜀绣：夜间导览", "Run of show") == "青花与蜀绣：夜间导览 - Run of show.pdf"
    assert suggested_file_name('a/b\\c:d*e?"f"<g>|h', "Cue cards") == "a b c d e f g h - Cue cards.pdf"
    assert suggested_file_name("   ", "Cue cards") == "Cue cards.pdf"


@pytest.fixture
def context(db_path: Path, settings_path: Path):
    from curator_console.services.database import open_database
    from curator_console.ui.context import AppContext
    from curator_console.ui.settings import Settings

    database = open_database(str(db_path))
    yield AppContext(database, Settings(settings_path))
    database.dispose()


def test_the_interface_exports_in_the_background_and_says_where_the_file_is(qtbot, context, tmp_path: Path,
                                                                           dataset) -> None:
    from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

    from curator_console.ui.tours.export import TourExport

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    title = dataset.tours[0]["title"]
    tour_id = find_tour(context.uow(), title)
    exporter = TourExport(parent, context, tour_id, cards=True)
    with qtbot.waitSignal(exporter.finished, timeout=LOAD_TIMEOUT_MS) as signal:
        exporter.start(tmp_path / "cards")
        assert parent.findChild(QProgressDialog, "tourExportProgress").isVisible()  # busy while it runs
    summary = signal.args[0]
    assert isinstance(summary, ExportSummary) and summary.path == tmp_path / "cards.pdf"
    assert summary.pages == page_count(summary.path) == len(dataset.tours[0]["segments"])
    text = pdf_text(summary.path)
    for seg in dataset.tours[0]["segments"]:
        assert seg["title"] in text
    box = parent.findChild(QMessageBox, "tourExportDone")
    assert box.isVisible() and str(summary.path) in box.text() and f"{summary.pages} pages" in box.text()
    assert parent.findChild(QProgressDialog, "tourExportProgress") is None or \
        not parent.findChild(QProgressDialog, "tourExportProgress").isVisible()
    box.button(QMessageBox.StandardButton.Close).click()
    qtbot.waitUntil(lambda: parent.findChild(QMessageBox, "tourExportDone") is None, timeout=LOAD_TIMEOUT_MS)


def test_the_interface_shows_a_plain_error_when_the_file_cannot_be_written(qtbot, context, tmp_path: Path,
                                                                          dataset) -> None:
    from PySide6.QtWidgets import QMessageBox, QWidget

    from curator_console.ui.tours.export import TourExport

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    tour_id = find_tour(context.uow(), dataset.tours[0]["title"])
    exporter = TourExport(parent, context, tour_id, cards=False)
    target = tmp_path / "no-such-folder" / "run.pdf"
    with qtbot.waitSignal(exporter.finished, timeout=LOAD_TIMEOUT_MS) as signal:
        exporter.start(target)
    assert isinstance(signal.args[0], TourExportError)
    box = parent.findChild(QMessageBox, "tourExportFailed")
    assert box.isVisible() and box.text() == "The PDF could not be written."
    assert "does not exist" in box.informativeText() and str(target.parent) in box.informativeText()
    assert not target.exists()
    box.button(QMessageBox.StandardButton.Close).click()


def test_the_export_code_the_app_loads_does_not_import_matplotlib(home: Path) -> None:
    code = ("import sys; import curator_console.ui.tours.export, curator_console.services.tour_export; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('matplotlib', 'PIL')))")
    result = subprocess.run([PYTHON, "-c", code], env=subprocess_env(home), capture_output=True, text=True,
                            encoding="utf-8", timeout=PROCESS_TIMEOUT_S)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"  # matplotlib (about a second to load) waits for the first export
