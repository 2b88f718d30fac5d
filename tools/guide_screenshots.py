"""Take the screenshots of the user guide (docs/images/*.png), offscreen, at 1440×900.

    python tools/guide_screenshots.py [OUTDIR] [--lang en|zh_CN] [--qm EXTRA.qm] [--size 1440x900] [--all]

OUTDIR defaults to docs/images. Everything runs in a temporary app home (CURATOR_CONSOLE_HOME):
an empty database for the welcome page, a freshly seeded demo museum for the workspaces and a
rehearsal on the built-in simulator for the live console; the user's own data is never opened.
``--qm`` loads one more compiled translation (a draft for strings not yet in
resources/translations). PNGs are reduced to a 256-colour palette when that keeps them legible
and smaller (Pillow), so each stays well under 250 KB.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
GUIDE_SHOTS = ("welcome", "collection", "store", "tours", "start", "console", "review")  # what docs/user-guide*.md show


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("outdir", nargs="?", default=str(ROOT / "docs" / "images"))
    p.add_argument("--lang", default="en", choices=["en", "zh_CN"])
    p.add_argument("--qm", default="")
    p.add_argument("--size", default="1440x900")
    p.add_argument("--only", default="", help="comma-separated shot names")
    p.add_argument("--all", action="store_true",
                   help="also the shots the guide does not use (about, shortcuts, live, user-guide)")
    args = p.parse_args()
    out = Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="guide-shots-"))
    os.environ["CURATOR_CONSOLE_HOME"] = str(home)
    width, height = (int(x) for x in args.size.split("x"))
    only = set(filter(None, args.only.split(","))) or (set() if args.all else set(GUIDE_SHOTS))

    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication

    from curator_console.app import set_app_icon
    from curator_console.ui import i18n

    app = QApplication(sys.argv[:1])
    set_app_icon(app)
    i18n.apply_language(args.lang)
    if args.qm:
        extra = QTranslator(app)
        if not extra.load(args.qm):
            raise SystemExit(f"cannot load {args.qm}")
        app.installTranslator(extra)

    from curator_console.services import database as db_svc
    from curator_console.services import demo, tours as tours_svc
    from curator_console.ui.context import AppContext
    from curator_console.ui.main_window import MainWindow
    from curator_console.ui.settings import Settings

    written: list[Path] = []

    def pump(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    def wait(condition, seconds: float = 20.0) -> None:
        end = time.monotonic() + seconds
        while not condition():
            if time.monotonic() > end:
                raise SystemExit("timed out waiting for the window")
            app.processEvents()
            time.sleep(0.01)

    def save(widget, name: str) -> None:
        if only and name not in only:
            return
        path = out / f"{name}-{args.lang}.png"
        widget.grab().save(str(path))
        shrink(path)
        written.append(path)
        print(path, f"{path.stat().st_size // 1024} KB", flush=True)

    def window_on(database, settings_name: str, demo_flag: bool) -> MainWindow:
        settings = Settings(home / settings_name)
        window = MainWindow(AppContext(database, settings), demo=demo_flag)
        window.resize(width, height)
        window.show()
        wait(lambda: window.current_page().has_loaded)
        return window

    # --- the welcome page, on an empty database -------------------------------------------------
    empty = db_svc.open_database(str(home / "empty.sqlite3"))
    window = window_on(empty, "empty.ini", False)
    wait(lambda: window.first_run.showing and window.first_run.facts is not None)
    pump(0.5)
    save(window, "welcome")
    about = window.show_about()
    pump(0.3)
    save(about, "about")
    about.close()
    window.close()

    # --- the demo museum ------------------------------------------------------------------------
    database = demo.open_demo_database()
    window = window_on(database, "demo.ini", True)
    shots = [(0, "collection"), (1, "store"), (2, "tours"), (3, "live"), (4, "review")]
    for row, name in shots:
        window.nav.setCurrentRow(row)
        page = window.pages[row]
        wait(lambda: page.has_loaded and not page.is_loading)  # noqa: B023
        if name in ("collection", "store"):
            pump(0.5)
            if page.table.model().rowCount() > 2:
                page.table.selectRow(2)
        if name == "tours":
            editor = page.editor
            wait(lambda: editor.detail is not None)
            if editor.table.model().rowCount() > 2:
                editor.table.selectRow(2)
        if name == "review":
            if page.table.model().rowCount():
                page.table.selectRow(0)
            pump(1.0)
            page.baseline.set_choice("avg-28d")  # the lift against an ordinary day
            pump(3.0)
        pump(1.0)
        save(window, name)

    shortcuts = window.help_actions.show_shortcuts()
    shortcuts.resize(640, 860)
    pump(0.3)
    save(shortcuts, "shortcuts")
    shortcuts.close()
    guide = window.help_actions.show_user_guide()
    pump(0.5)
    save(guide, "user-guide")
    guide.close()

    # --- a rehearsal on the built-in simulator ----------------------------------------------------
    if not only or "console" in only or "start" in only:
        from curator_console.services import live_sessions
        from curator_console.ui.live.console import open_console

        window.nav.setCurrentRow(3)
        live = window.pages[3]
        tour = next(t for t in tours_svc.list_tours(window.context.uow()) if not t.is_template)
        live.start_session(tour_id=tour.id)
        dialog = live.start_dialog
        wait(lambda: dialog.tours_loaded)
        pump(0.3)
        save(dialog, "start")
        dialog.reject()
        session_id = live_sessions.start_session(window.context.uow(), tour.id)
        console = open_console(window.context, session_id, autopilot=True, speed=40.0)
        console.resize(width, height)
        wait(lambda: console.panel.view is not None and console.panel.view.ready)
        pump(30.0)
        save(console, "console")
        console.shutdown()
        pump(1.0)
    window.close()
    database.dispose()
    empty.dispose()
    return 0


def shrink(path: Path) -> None:
    """A 256-colour palette when Pillow is there and it makes the file smaller."""
    try:
        from PIL import Image
    except ImportError:
        return
    image = Image.open(path).convert("RGB")
    small = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    trial = path.with_suffix(".tmp.png")
    small.save(trial, optimize=True)
    if trial.stat().st_size < path.stat().st_size:
        trial.replace(path)
    else:
        trial.unlink()


if __name__ == "__main__":
    raise SystemExit(main())
