"""UI test fixtures: a small seeded museum in a real SQLite file, and the real main window on it.

The data set lives in ``tests/ui/data/demo_small`` in the same JSON shapes as ``resources/demo``
(5 objects, 3 products, 1 tour with 3 segments, 1 session) and is seeded with the app's own
``services.demo.seed_demo``. It is seeded once per test session into a template file; every test
gets its own copy (SQLite's backup API, so WAL state never matters).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from .helpers import LOAD_TIMEOUT_MS  # noqa: F401 - re-exported for the tests
from .helpers import Answers

DATA_DIR = Path(__file__).resolve().parent / "data" / "demo_small"
# A fixed "now" so the seeded sessions and history orders are the same in every run.
SEED_NOW = datetime(2026, 3, 14, 9, 30, tzinfo=timezone.utc)
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


def has_cjk(text: str) -> bool:
    return bool(CJK.search(text or ""))


@dataclass(frozen=True)
class Dataset:
    """The JSON files of a demo folder, as loaded."""

    folder: Path
    museum: dict
    objects: list[dict]
    products: list[dict]
    tours: list[dict]
    sessions: list[dict]

    @classmethod
    def load(cls, folder: Path) -> Dataset:
        def read(name: str) -> Any:
            return json.loads((folder / name).read_text(encoding="utf-8"))

        return cls(folder, read("museum.json"), read("objects.json"), read("products.json"),
                   read("tours.json"), read("sessions.json"))


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return Dataset.load(DATA_DIR)


def seed_into(path: Path, folder: Path, now: datetime | None = SEED_NOW):
    """Create a database file at ``path`` with the app's schema and seed the demo JSON in ``folder``."""
    from curator_console.services import database as db_svc
    from curator_console.services import demo

    database = db_svc.open_database(str(path))
    try:
        return demo.seed_demo(db_svc.unit_of_work(database), folder, now=now)
    finally:
        database.dispose()


def copy_sqlite(src: Path, dest: Path) -> None:
    source = sqlite3.connect(f"{src.resolve().as_uri()}?mode=ro", uri=True)
    try:
        out = sqlite3.connect(dest)
        try:
            source.backup(out)
        finally:
            out.close()
    finally:
        source.close()


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small museum seeded once; tests copy it. Its own app home so nothing leaks to the user's."""
    root = tmp_path_factory.mktemp("ui-template")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CURATOR_CONSOLE_HOME", str(root / "home"))
        path = root / "template.sqlite3"
        summary = seed_into(path, DATA_DIR)
    assert (summary.objects, summary.products, summary.tours, summary.sessions) == (5, 3, 1, 1)
    return path


@pytest.fixture
def db_path(tmp_path: Path, seeded_template: Path) -> Path:
    """A private copy of the seeded small museum (a real SQLite file)."""
    path = tmp_path / "museum.sqlite3"
    copy_sqlite(seeded_template, path)
    return path


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture(autouse=True)
def english_ui(qapp) -> Iterator[None]:
    """Every UI test starts and ends in English (the translators are process-wide)."""
    from curator_console.ui import i18n

    i18n.apply_language("en")
    yield
    i18n.apply_language("en")


@pytest.fixture
def answers(monkeypatch) -> Answers:
    """QMessageBox.question answered from ``answers.queue`` (Yes when empty); ``answers.asked`` holds the texts."""
    from PySide6.QtWidgets import QMessageBox

    answers = Answers()
    monkeypatch.setattr(QMessageBox, "question", answers)
    return answers


@pytest.fixture
def warnings(monkeypatch) -> list[tuple[str, str]]:
    """Every QMessageBox.warning the app shows, as (title, text), instead of a modal box."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []

    def fake_warning(parent, title, text, *args, **kwargs):
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", fake_warning)
    return shown


def drain_background_tasks(qtbot) -> None:
    """Wait until every background query has delivered its result on the GUI thread."""
    from PySide6.QtCore import QThreadPool

    from curator_console.ui import tasks

    qtbot.waitUntil(lambda: tasks.pending_count() == 0, timeout=LOAD_TIMEOUT_MS)
    QThreadPool.globalInstance().waitForDone(LOAD_TIMEOUT_MS)


@dataclass
class App:
    """One running main window over one open database."""

    window: Any
    context: Any
    database: Any
    settings: Any
    db_path: Path
    settings_path: Path

    def uow(self):
        return self.context.uow()


@pytest.fixture
def open_app(qtbot, settings_path: Path) -> Iterator[Callable[..., App]]:
    """``open_app(db_path)``: open the database, build Settings, AppContext and MainWindow, show
    the window and wait for its ``ready`` signal. Everything is closed after the test."""
    from curator_console.services.database import open_database
    from curator_console.ui.context import AppContext
    from curator_console.ui.main_window import MainWindow
    from curator_console.ui.settings import Settings

    opened: list[App] = []

    def _open(path: Path, settings_file: Path | None = None, demo: bool = False) -> App:
        database = open_database(str(path))
        settings = Settings(settings_file or settings_path)
        context = AppContext(database, settings)
        window = MainWindow(context, demo=demo)
        qtbot.addWidget(window)
        app = App(window, context, database, settings, path, Path(settings_file or settings_path))
        opened.append(app)
        with qtbot.waitSignal(window.ready, timeout=LOAD_TIMEOUT_MS):
            window.show()
        qtbot.waitExposed(window)
        return app

    yield _open
    from shiboken6 import isValid

    drain_background_tasks(qtbot)
    for app in opened:
        # pytest-qt may already have deleted the window (its widget clean-up runs first, and the
        # wait above lets the deferred delete happen when background work was still running).
        if not isValid(app.window):
            # Its actions are gone: clear the stack without telling them.
            app.context.undo_stack.blockSignals(True)
            app.context.undo_stack.clear()
            continue
        if app.window.isVisible():
            app.window.close()
        app.context.undo_stack.clear()
    drain_background_tasks(qtbot)
    for app in opened:
        app.database.dispose()


@pytest.fixture
def app(open_app, db_path: Path) -> App:
    """The main window on a private copy of the small seeded museum, shown and ready."""
    return open_app(db_path)


def subprocess_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["CURATOR_CONSOLE_HOME"] = str(home)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.setdefault("LANG", "C.UTF-8")
    env.pop("CURATOR_TEST_PG_URL", None)
    return env


PYTHON = sys.executable
