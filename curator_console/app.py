"""The desktop app: builds the QApplication, opens the database, shows the main window.

``--smoke`` starts everything for real (offscreen when there is no display), waits until the
main window is shown and its first workspace has loaded and the event loop is idle, prints
``startup_ms=<N>`` and exits 0.
"""

from __future__ import annotations

import os
import sys
import time

SMOKE_TIMEOUT_MS = 60_000


def _needs_offscreen() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return False
    if sys.platform.startswith("linux"):
        return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return False


def set_app_icon(app) -> None:
    """The app icon (resources/icons/app.png, and app@2x.png on HiDPI screens) on every window;
    the desktop bundles carry it in their own formats too (build.spec)."""
    from PySide6.QtGui import QIcon

    from curator_console import paths

    icon = QIcon()
    for name in ("app.png", "app@2x.png"):
        path = paths.resources_dir() / "icons" / name
        if path.is_file():
            icon.addFile(str(path))
    if not icon.isNull():
        app.setWindowIcon(icon)


def run_gui(args, started: float | None = None) -> int:
    started = time.perf_counter() if started is None else started
    if args.smoke and _needs_offscreen():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from curator_console import APP_NAME, ORG_NAME, __version__
    from curator_console.persistence.db import DatabaseError
    from curator_console.services import database as db_svc
    from curator_console.services import demo
    from curator_console.ui import formatting as fmt
    from curator_console.ui import i18n
    from curator_console.ui import settings as keys
    from curator_console.ui.context import AppContext
    from curator_console.ui.main_window import MainWindow
    from curator_console.ui.settings import Settings

    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    set_app_icon(app)
    settings = Settings()
    i18n.apply_language(args.lang or settings.language)

    try:
        if args.demo:
            database = demo.open_demo_database(reset=args.reset)
        else:
            database = db_svc.open_database(args.db or settings.get(keys.DATABASE) or None)
    except DatabaseError as exc:
        if not args.smoke and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
            QMessageBox.critical(None, QCoreApplication.translate("App", "Cannot open the database"), str(exc))
        raise

    window = MainWindow(AppContext(database, settings), demo=args.demo)
    window.show()
    if database.backup_path is not None:
        window.statusBar().showMessage(
            fmt.arg(QCoreApplication.translate("App", "The database was upgraded; a backup of the old one is at %1"),
                    database.backup_path), 15000)

    if args.smoke:
        def finish() -> None:
            print(f"startup_ms={int((time.perf_counter() - started) * 1000)}", flush=True)
            app.quit()

        def when_ready() -> None:
            QTimer.singleShot(0, finish)  # runs once the event loop has drained pending events

        if window.current_page().has_loaded:
            when_ready()
        else:
            window.ready.connect(when_ready)

        def too_slow() -> None:
            print("smoke: the main window did not become ready in time", file=sys.stderr, flush=True)
            app.exit(1)

        QTimer.singleShot(SMOKE_TIMEOUT_MS, too_slow)
    try:
        return app.exec()
    finally:
        settings.sync()
        database.dispose()


def choose_live_session(uow_factory, tour_ref: str, connection: str | None, resume: bool) -> tuple[int, bool]:
    """The session ``live TOUR`` opens: with ``resume`` the tour's newest unfinished session, else a
    new one on ``connection``. Returns ``(session id, resumed)``; raises ``LiveSessionError`` /
    ``TourExportError`` with a plain message."""
    from curator_console.services import live_sessions, tour_export

    tour_id = tour_export.find_tour(uow_factory(), tour_ref)
    if resume:
        for row in live_sessions.unfinished_sessions(uow_factory()):
            info = live_sessions.session_info(uow_factory(), row.id)
            if (info.get("snapshot") or {}).get("tour_id") == tour_id:
                return row.id, True
        raise live_sessions.LiveSessionError(f"There is no unfinished session of tour “{tour_ref}” to resume.")
    return live_sessions.start_session(uow_factory(), tour_id, connection), False


def run_live(args, started: float | None = None, on_shown=None) -> int:
    """``curator-console live TOUR``: the live console alone, on a new session of the tour (or its
    unfinished one with ``--resume``). The app quits when the console closes. ``on_shown(console)``
    runs once the console is on screen (tests use it to look and close)."""
    started = time.perf_counter() if started is None else started
    if args.smoke and _needs_offscreen():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from curator_console import APP_NAME, ORG_NAME, __version__
    from curator_console.services import database as db_svc
    from curator_console.services import demo
    from curator_console.services.live_sessions import LiveSessionError
    from curator_console.services.tour_export import TourExportError
    from curator_console.ui import i18n
    from curator_console.ui import settings as keys
    from curator_console.ui.context import AppContext
    from curator_console.ui.live.console import open_console
    from curator_console.ui.settings import Settings

    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    set_app_icon(app)
    settings = Settings()
    i18n.apply_language(args.lang or settings.language)
    from curator_console.ui.appearance import apply_settings

    apply_settings(settings)  # light/dark and text size (the main window applies them in run_gui)
    if args.demo:
        database = demo.open_demo_database(reset=args.reset)
    else:
        database = db_svc.open_database(args.db or settings.get(keys.DATABASE) or None)
    try:
        context = AppContext(database, settings)
        try:
            session_id, resumed = choose_live_session(context.uow, args.tour, args.connection, args.resume)
        except (LiveSessionError, TourExportError) as exc:
            print(f"curator-console: {exc}", file=sys.stderr, flush=True)
            if os.environ.get("QT_QPA_PLATFORM") != "offscreen":
                QMessageBox.warning(None, QCoreApplication.translate("App", "Cannot open the live console"), str(exc))
            return 1
        console = open_console(context, session_id, resume=resumed, autopilot=args.autopilot, speed=args.speed)
        # A loop of its own that ends with the console (not app.quit(): nothing is left queued to
        # end the next event loop of whoever called this, e.g. a test).
        loop = QEventLoop(app)
        console.closed.connect(loop.quit)

        def shown() -> None:
            if args.smoke:
                print(f"startup_ms={int((time.perf_counter() - started) * 1000)}", flush=True)
                console.shutdown()
            if on_shown is not None:
                on_shown(console)

        QTimer.singleShot(0, shown)
        loop.exec()
        return 0
    finally:
        settings.sync()
        database.dispose()
