"""The Review workspace driven through its real widgets on the small seeded museum: the chosen
session's figures (against the service and against plain SQL on the file), baselines (the
chooser and the custom window dialog), the products table (numeric sort, copy as tab-separated
rows), exports (PDF, PNG, CSV), exchange rates for a second currency, fetching orders from the
built-in simulated platform, and the language switch (charts included)."""

from __future__ import annotations

import sqlite3
import subprocess
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from curator_console.connectors.errors import PlatformUnavailableError
from curator_console.domain.review_model import AVG_28D, CUSTOM, DAY_BEFORE, WEEK_BEFORE, BaselineSpec, Window
from curator_console.persistence import models as m
from curator_console.services import review as review_svc
from curator_console.services.store_sync import Cancelled
from curator_console.ui import formatting as fmt
from curator_console.ui import i18n
from curator_console.ui.table_model import ROW_ROLE

from .conftest import DATA_DIR, LOAD_TIMEOUT_MS, PYTHON, has_cjk, seed_into, subprocess_env
from .helpers import column_of, column_texts, figures, header_texts

SESSION_ID = 1
PRODUCT_REVENUES = {"TSM-P-001": Decimal("1393.00"), "TSM-P-003": Decimal("1316.00"), "TSM-P-002": Decimal("447.50")}


# --- helpers --------------------------------------------------------------------------------------


def settle(qtbot, page) -> None:
    from curator_console.ui import tasks

    qtbot.waitUntil(lambda: not page.is_loading and tasks.pending_count() == 0, timeout=LOAD_TIMEOUT_MS)


def open_review(qtbot, app):
    app.window.nav.setCurrentRow(4)
    page = app.window.pages[4]
    qtbot.waitUntil(lambda: page.has_loaded and not page.is_loading and page.result is not None,
                    timeout=LOAD_TIMEOUT_MS)
    return page


def wait_result(qtbot, page, predicate) -> None:
    qtbot.waitUntil(lambda: not page.is_loading and page.result is not None and predicate(page.result),
                    timeout=LOAD_TIMEOUT_MS)


def report(app, baseline=BaselineSpec(DAY_BEFORE), **kwargs):
    return review_svc.session_report(app.uow(), SESSION_ID, baseline, **kwargs)


def money(amount: Decimal | None, currency: str = "CNY") -> str:
    return fmt.money(amount, currency)


def sql_session_revenue(db_path: Path, session_id: int) -> tuple[Decimal, int, int]:
    """Revenue, orders and units of the session's own connection in [start, end), summed here."""
    con = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        start, end, connection = con.execute(
            "SELECT started_at, ended_at, connection_id FROM live_session WHERE id = ?", (session_id,)).fetchone()
        rows = con.execute(
            "SELECT o.platform_order_id, l.quantity, l.unit_price FROM store_order o "
            "JOIN order_line l ON l.order_id = o.id "
            "WHERE o.connection_id = ? AND o.created_at >= ? AND o.created_at < ?", (connection, start, end)).fetchall()
    finally:
        con.close()
    revenue = sum((Decimal(str(price)) * qty for _oid, qty, price in rows), Decimal(0))
    return revenue, len({oid for oid, _q, _p in rows}), sum(qty for _oid, qty, _p in rows)


def chart_texts(qtbot, panel) -> list[str]:
    qtbot.waitUntil(lambda: panel.isVisible() and panel.has_chart(), timeout=LOAD_TIMEOUT_MS)
    panel.flush()
    qtbot.waitUntil(lambda: panel.canvas is not None and panel.canvas.isVisible(), timeout=LOAD_TIMEOUT_MS)
    return panel.texts()


def activate(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitActive(window)


# --- the figures ------------------------------------------------------------------------------------


def test_selecting_a_session_shows_the_reports_figures(qtbot, app):
    page = open_review(qtbot, app)
    detail = page.detail
    assert page.session_id == SESSION_ID
    expected = report(app)
    t = expected.totals
    assert detail.figure_text("revenue") == money(t.revenue)
    assert detail.figure_text("orders") == fmt.number(t.orders)
    assert detail.figure_text("units") == fmt.number(t.units)
    assert detail.figure_text("peak") == fmt.number(expected.peak_viewers)
    assert detail.figure_text("average") == fmt.number(int(round(expected.avg_viewers)))
    assert figures(detail.figure_text("conversion")) == figures(f"{expected.conversion_per_1000:.0f}")
    assert figures(detail.figure_text("lift")) == figures(f"{expected.lift.percent:,.0f}")
    assert money(expected.baseline.totals.revenue) in detail.tiles["revenue"].note.text()
    # Independently: the orders in the session's window, summed with plain SQL on the file.
    revenue, orders, units = sql_session_revenue(app.db_path, SESSION_ID)
    assert (revenue, orders, units) == (t.revenue, t.orders, t.units)
    assert detail.figure_text("revenue") == money(revenue)
    # The headline sentences, and what the session is compared with.
    headline = detail.headline()
    assert len(headline) == 3 and money(revenue) in headline[0]
    assert "day before" in headline[1] and figures(headline[2])[0] == fmt.number(expected.peak_viewers)
    assert "Built-in simulator" in detail.facts_label.text() and "Asia/Shanghai" in detail.facts_label.text()
    assert not detail.money_banner.isVisible()


def test_the_tabs_show_charts_and_tables(qtbot, app, tmp_path, monkeypatch):
    page = open_review(qtbot, app)
    detail = page.detail
    texts = chart_texts(qtbot, detail.timeline_chart)
    assert "Viewers and orders per minute" in texts and "1. Welcome" in texts
    toolbar = detail.timeline_chart.toolbar
    assert toolbar is not None and toolbar.isVisible()
    assert set(toolbar._actions) == {"home", "back", "forward", "pan", "zoom", "save_figure"}
    image = tmp_path / "timeline.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(image), "")))
    toolbar._actions["save_figure"].trigger()  # the toolbar's Save, through our dialog
    assert image.read_bytes().startswith(b"\x89PNG")
    detail.show_tab("products")
    assert any(t.startswith("Revenue per product") for t in chart_texts(qtbot, detail.products_chart))
    assert sorted(column_texts(detail.products_table, "sku")) == sorted(PRODUCT_REVENUES)
    detail.show_tab("segments")
    assert column_texts(detail.segments_table, "title") == ["Welcome", "The vase", "The horse"]
    assert column_texts(detail.segments_table, "start") == ["20:00", "20:05", "20:15"]  # the museum's zone
    assert any(t.startswith("Revenue per segment") for t in chart_texts(qtbot, detail.segments_chart))
    detail.show_tab("cumulative")
    assert any(t.startswith("Cumulative revenue") for t in chart_texts(qtbot, detail.cumulative_chart))
    detail.show_tab("series")
    qtbot.waitUntil(lambda: detail.series_points is not None, timeout=LOAD_TIMEOUT_MS)
    assert [p.session_id for p in detail.series_points] == [SESSION_ID]
    assert "Sessions side by side" in chart_texts(qtbot, detail.series_chart)
    detail.all_sessions.click()
    assert detail.scope == "museum"
    qtbot.waitUntil(lambda: detail.series_points is not None and page.series_key[1] == "museum",
                    timeout=LOAD_TIMEOUT_MS)
    assert "Sessions side by side" in chart_texts(qtbot, detail.series_chart)
    settle(qtbot, page)


def test_a_session_that_never_started_and_no_sessions_are_said_plainly(qtbot, app):
    page = open_review(qtbot, app)
    with app.database.session() as s:
        s.add(m.LiveSession(title="Not yet", mode="rehearsal", status="running"))
        s.commit()
        new_id = s.query(m.LiveSession).filter_by(title="Not yet").one().id
    page.load()
    qtbot.waitUntil(lambda: not page.is_loading and len(page.sessions.rows) == 2, timeout=LOAD_TIMEOUT_MS)
    # The user clicks the other session's row.
    model = page.table.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(ROW_ROLE).id == new_id)
    rect = page.table.visualRect(model.index(row, 1))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.session_id == new_id
    settle(qtbot, page)
    assert page.detail.stack.currentWidget() is page.detail.message_label
    assert "never started" in page.detail.message_label.text()
    assert not page.fetch_button.isEnabled() and not page.export_button.isEnabled()
    page.select_session(SESSION_ID)
    wait_result(qtbot, page, lambda r: r.request.session_id == SESSION_ID)
    assert page.export_button.isEnabled() and page.fetch_button.isEnabled()
    with app.database.session() as s:
        s.query(m.LiveSession).delete()
        s.commit()
    page.load()
    qtbot.waitUntil(lambda: not page.is_loading and not page.sessions.rows, timeout=LOAD_TIMEOUT_MS)
    assert page.session_id is None and "No sessions yet" in page.detail.message_label.text()
    assert not page.export_pdf_action.isEnabled()


def test_a_chart_is_drawn_again_at_its_new_size(qtbot, app):
    page = open_review(qtbot, app)
    panel = page.detail.timeline_chart
    chart_texts(qtbot, panel)
    before = panel.draw_count
    width = panel.canvas.figure.get_size_inches()[0]
    app.window.resize(app.window.width() + 240, app.window.height())
    qtbot.waitUntil(lambda: panel.draw_count > before, timeout=LOAD_TIMEOUT_MS)
    assert panel.canvas.figure.get_size_inches()[0] > width


# --- baselines --------------------------------------------------------------------------------------


def choose_baseline(qtbot, page, key: str) -> None:
    chooser = page.baseline
    chooser.setCurrentIndex(chooser.findData(key))
    chooser.activated.emit(chooser.currentIndex())


def test_changing_the_baseline_changes_the_baseline_figures(qtbot, app):
    page = open_review(qtbot, app)
    detail = page.detail
    day = report(app)
    assert page.baseline.choice() == DAY_BEFORE
    assert money(day.baseline.totals.revenue) in detail.tiles["revenue"].note.text()

    choose_baseline(qtbot, page, WEEK_BEFORE)
    wait_result(qtbot, page, lambda r: r.report.baseline.spec.kind == WEEK_BEFORE)
    week = report(app, BaselineSpec(WEEK_BEFORE))
    assert week.baseline.totals.revenue != day.baseline.totals.revenue
    assert money(week.baseline.totals.revenue) in detail.tiles["revenue"].note.text()
    assert figures(detail.figure_text("lift")) == figures(f"{week.lift.percent:,.0f}")
    assert "week before" in detail.facts_label.text()
    baseline_col = column_of(detail.products_table, "baseline_revenue")
    assert not detail.products_table.isColumnHidden(baseline_col)

    choose_baseline(qtbot, page, AVG_28D)
    wait_result(qtbot, page, lambda r: r.report.baseline.spec.kind == AVG_28D)
    avg = report(app, BaselineSpec(AVG_28D))
    assert money(avg.baseline.totals.revenue) in detail.tiles["revenue"].note.text()

    choose_baseline(qtbot, page, "none")
    wait_result(qtbot, page, lambda r: r.report.baseline is None)
    assert detail.figure_text("lift") == "—" and detail.tiles["revenue"].note.text() == ""
    assert detail.products_table.isColumnHidden(baseline_col)
    assert len(detail.headline()) == 2  # no sentence about a change
    settle(qtbot, page)


def test_a_custom_window_is_asked_in_the_museums_zone_and_checked(qtbot, app):
    page = open_review(qtbot, app)
    choose_baseline(qtbot, page, CUSTOM)
    dialog = page.baseline.dialog
    assert dialog is not None and dialog.isVisible()
    assert page.baseline.choice() == DAY_BEFORE  # until the dialog is accepted
    assert "Asia/Shanghai" in dialog.note.text()
    assert dialog.start_edit.dateTime().timeZone().id() == b"Asia/Shanghai"
    # The suggestion is the calendar month before the session (local midnights).
    assert dialog.start_edit.dateTime().toString("yyyy-MM-dd HH:mm") == "2026-02-01 00:00"
    assert dialog.end_edit.dateTime().toString("yyyy-MM-dd HH:mm") == "2026-03-01 00:00"
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.end_edit.setDateTime(dialog.start_edit.dateTime().addSecs(-3600))
    assert not ok.isEnabled() and dialog.problem.isVisible()
    dialog.end_edit.setDateTime(dialog.start_edit.dateTime().addDays(14))
    assert ok.isEnabled()
    ok.click()
    wait_result(qtbot, page, lambda r: r.report.baseline is not None and r.report.baseline.spec.kind == CUSTOM)
    start = datetime(2026, 2, 1, tzinfo=timezone(timedelta(hours=8))).astimezone(timezone.utc)
    window = Window(start, start + timedelta(days=14))
    assert page.result.request.baseline == BaselineSpec(CUSTOM, window)
    custom = report(app, BaselineSpec(CUSTOM, window))
    assert money(custom.baseline.totals.revenue) in page.detail.tiles["revenue"].note.text()
    assert "2026-02-01 – 2026-02-14" in page.baseline.currentText()
    # Cancelling the dialog keeps the custom window chosen.
    choose_baseline(qtbot, page, CUSTOM)
    page.baseline.dialog.reject()
    assert page.baseline.choice() == CUSTOM and page.baseline.spec() == BaselineSpec(CUSTOM, window)
    settle(qtbot, page)


# --- the tables ----------------------------------------------------------------------------------------


def test_products_sort_by_revenue_as_numbers_and_copy_as_tab_separated_rows(qtbot, app):
    page = open_review(qtbot, app)
    detail = page.detail
    detail.show_tab("products")
    view = detail.products_table
    col = column_of(view, "revenue")
    view.sortByColumn(col, Qt.SortOrder.AscendingOrder)
    # As text "¥1,316.00" < "¥1,393.00" < "¥447.50"; as numbers the scarf comes first.
    assert column_texts(view, "sku") == ["TSM-P-002", "TSM-P-003", "TSM-P-001"]
    view.sortByColumn(col, Qt.SortOrder.DescendingOrder)
    assert column_texts(view, "sku") == ["TSM-P-001", "TSM-P-003", "TSM-P-002"]
    assert column_texts(view, "revenue") == [money(PRODUCT_REVENUES[s]) for s in ("TSM-P-001", "TSM-P-003", "TSM-P-002")]

    activate(qtbot, app.window)
    view.setFocus()
    view.selectRow(0)
    view.selectionModel().select(view.model().index(2, 0), view.selectionModel().SelectionFlag.Select
                                 | view.selectionModel().SelectionFlag.Rows)
    QApplication.clipboard().clear()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QApplication.clipboard().text().splitlines()
    assert lines[0].split("\t") == [h for c, h in enumerate(header_texts(view)) if not view.isColumnHidden(c)]
    assert lines[0].startswith("SKU\tProduct\tUnits\tOrders\tRevenue (CNY)\tBaseline revenue (CNY)\tChange")
    assert [ln.split("\t")[0] for ln in lines[1:]] == ["TSM-P-001", "TSM-P-002"]
    first = lines[1].split("\t")
    assert first[1:5] == ["Vase replica", "7", "5", "1393.00"]  # plain amounts for a spreadsheet
    # The context menu's Copy does the same.
    QApplication.clipboard().clear()
    view.customContextMenuRequested.emit(QPoint(5, 5))
    menu = view.context_menu
    copy = next(a for a in menu.actions() if a.objectName() == "copyRowsAction")
    assert copy.text() == "&Copy" and copy.isEnabled()
    copy.trigger()
    menu.close()
    assert QApplication.clipboard().text().splitlines() == lines
    settle(qtbot, page)


# --- exports ----------------------------------------------------------------------------------------------


def test_exports_write_the_pdf_the_pngs_and_the_csvs(qtbot, app, tmp_path, monkeypatch):
    page = open_review(qtbot, app)
    pdf = tmp_path / "review.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(pdf), "")))
    # Ctrl+E is the PDF report.
    activate(qtbot, app.window)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    export = page.export
    assert export is not None and export.kind == "pdf"
    with qtbot.waitSignal(export.finished, timeout=LOAD_TIMEOUT_MS) as signal:
        pass
    result = signal.args[0]
    assert not isinstance(result, BaseException), result
    assert pdf.read_bytes().startswith(b"%PDF") and result.pages >= 4
    box = export.message_box
    assert box.objectName() == "reviewExportDone" and str(pdf) in box.text()
    box.close()

    png_dir = tmp_path / "png"
    png_dir.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(png_dir)))
    page.export_png_action.trigger()
    export = page.export
    with qtbot.waitSignal(export.finished, timeout=LOAD_TIMEOUT_MS) as signal:
        pass
    written = sorted(p.name for p in png_dir.iterdir())
    assert written == ["cumulative.png", "products.png", "series.png", "timeline.png"]
    assert all((png_dir / n).read_bytes().startswith(b"\x89PNG") for n in written)
    assert all(n in export.message_box.text() for n in written)
    export.message_box.close()

    csv_dir = tmp_path / "csv"
    csv_dir.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(csv_dir)))
    page.export_csv_action.trigger()
    export = page.export
    with qtbot.waitSignal(export.finished, timeout=LOAD_TIMEOUT_MS) as signal:
        pass
    assert sorted(p.name for p in csv_dir.iterdir()) == ["minutes.csv", "products.csv", "segments.csv"]
    products = (csv_dir / "products.csv").read_text(encoding="utf-8-sig").splitlines()
    assert products[0].startswith("SKU,Title,Orders,Units,Revenue (CNY)") and "TSM-P-001" in products[1]
    assert "1393.00" in products[1]
    export.message_box.close()

    # Exporting the CSVs again asks before replacing them; No leaves them alone.
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    before = (csv_dir / "products.csv").stat().st_mtime_ns
    page.export_csv_action.trigger()
    settle(qtbot, page)
    assert (csv_dir / "products.csv").stat().st_mtime_ns == before
    settle(qtbot, page)


def test_ctrl_e_exports_only_from_the_review_workspace(qtbot, app, monkeypatch):
    page = open_review(qtbot, app)
    asked: list[str] = []

    def cancelled_dialog(*args, **kwargs):
        asked.append("pdf")
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(cancelled_dialog))
    app.window.nav.setCurrentRow(0)
    activate(qtbot, app.window)
    app.window.nav.setFocus()
    qtbot.keyClick(app.window.nav, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert asked == [] and page.export is None
    app.window.nav.setCurrentRow(4)
    qtbot.keyClick(app.window.nav, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["pdf"]  # asked where to save; cancelled: nothing written
    settle(qtbot, page)


def test_an_export_that_cannot_be_written_says_why(qtbot, app, tmp_path):
    page = open_review(qtbot, app)
    target = tmp_path / "missing" / "review.pdf"
    export = page.export_report("pdf", target)
    with qtbot.waitSignal(export.finished, timeout=LOAD_TIMEOUT_MS) as signal:
        pass
    assert isinstance(signal.args[0], Exception)
    box = export.message_box
    assert box.objectName() == "reviewExportFailed" and box.text() == "The PDF could not be written."
    assert "does not exist" in box.informativeText() and not target.exists()
    box.close()


# --- a second currency -------------------------------------------------------------------------------------


def add_usd_order(app, quantity: int = 2, price: str = "25.00") -> None:
    with app.database.session() as s:
        session = s.get(m.LiveSession, SESSION_ID)
        order = m.Order(connection_id=session.connection_id, platform_order_id="USD-0001",
                        created_at=session.started_at + timedelta(minutes=3), currency="USD")
        order.lines.append(m.OrderLine(line_no=1, sku="TSM-P-001", quantity=quantity, unit_price=Decimal(price),
                                       currency="USD"))
        s.add(order)
        s.commit()


def test_orders_in_a_second_currency_need_a_rate_then_add_up(qtbot, app):
    page = open_review(qtbot, app)
    detail = page.detail
    cny_revenue = report(app).totals.revenue
    add_usd_order(app)
    app.window.refresh_action.trigger()  # F5 reads the sessions and the report again
    wait_result(qtbot, page, lambda r: bool(r.report.money_problem))
    assert detail.money_banner.isVisible()
    assert "USD" in detail.money_text.text() and "exchange rate" in detail.money_text.text()
    assert detail.figure_text("revenue") == "—" and detail.figure_text("orders") == fmt.number(report(app).totals.orders)
    assert "USD" in detail.headline()[0] and "cannot be added up" in detail.headline()[0]
    assert detail.rates_button.text() == "Set exchange rate…"
    detail.rates_button.click()
    dialog = page.rates_dialog
    assert dialog is not None and dialog.isVisible() and list(dialog.fields) == ["USD"]
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.fields["USD"].setText("-3")
    assert not ok.isEnabled() and dialog.problem.isVisible()
    dialog.fields["USD"].setText("7.10")
    assert ok.isEnabled()
    ok.click()
    wait_result(qtbot, page, lambda r: not r.report.money_problem)
    converted = cny_revenue + 2 * Decimal("25.00") * Decimal("7.10")
    assert detail.figure_text("revenue") == money(converted)
    assert report(app, rates={"USD": Decimal("7.10")}).totals.revenue == converted
    assert "7.10" in detail.money_text.text() and detail.rates_button.text() == "Change exchange rates…"
    # The rate is kept for the session while the workspace lives: a recompute still adds up.
    choose_baseline(qtbot, page, WEEK_BEFORE)
    wait_result(qtbot, page, lambda r: r.report.baseline.spec.kind == WEEK_BEFORE)
    assert detail.figure_text("revenue") == money(converted)
    settle(qtbot, page)


# --- fetching orders ---------------------------------------------------------------------------------------


@pytest.fixture
def fresh_simulator():
    from curator_console.connectors.simulator import platform as sim

    sim.stop_shared()
    sim.configure(seed=7)
    yield sim
    sim.stop_shared()
    sim.configure()


@pytest.fixture
def recent_db(tmp_path: Path, monkeypatch) -> Path:
    """The small museum seeded with today as "now": its session (a week ago) is inside the
    simulated platform's 30 days of history."""
    monkeypatch.setenv("CURATOR_CONSOLE_HOME", str(tmp_path / "seed-home"))
    path = tmp_path / "recent.sqlite3"
    seed_into(path, DATA_DIR, now=datetime.now(timezone.utc))
    return path


def order_count(db_path: Path) -> int:
    con = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return con.execute("SELECT count(*) FROM store_order").fetchone()[0]
    finally:
        con.close()


def test_fetch_orders_from_the_builtin_simulator_stores_them_and_recomputes(qtbot, open_app, recent_db,
                                                                            fresh_simulator):
    app = open_app(recent_db)
    page = open_review(qtbot, app)
    choose_baseline(qtbot, page, AVG_28D)  # 28 days of orders to fetch for the baseline
    wait_result(qtbot, page, lambda r: r.report.baseline.spec.kind == AVG_28D)
    before = order_count(recent_db)
    qtbot.mouseClick(page.fetch_button, Qt.MouseButton.LeftButton)
    job = page.order_fetch
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=60_000):
        assert job.progress is not None
    assert job.outcome == "fetched", job.message.text() if job.message else ""
    new, seen = job.result
    assert new > 0 and order_count(recent_db) == before + new
    assert "Built-in simulator" in job.message.text() and fmt.number(new) in job.message.text()
    job.message.close()
    # The page worked the figures out again with the new orders.
    expected = review_svc.session_report(app.uow(), SESSION_ID, BaselineSpec(AVG_28D))
    wait_result(qtbot, page, lambda r: r.report.baseline.totals == expected.baseline.totals)
    assert page.detail.figure_text("revenue") == money(expected.totals.revenue)
    assert money(expected.baseline.totals.revenue) in page.detail.tiles["revenue"].note.text()
    # Fetching again stores nothing twice.
    qtbot.mouseClick(page.fetch_button, Qt.MouseButton.LeftButton)
    again = page.order_fetch
    with qtbot.waitSignal(again.finished, timeout=60_000):
        pass
    assert again.outcome == "fetched" and again.result[0] == 0 and order_count(recent_db) == before + new
    again.message.close()
    settle(qtbot, page)


@pytest.mark.parametrize("error, outcome, words", [
    (Cancelled(), "cancelled", "Cancelled; the orders fetched so far are kept."),
    (PlatformUnavailableError("connection refused"), "failed", "cannot be reached"),
    (review_svc.ReviewError("There is no store connection to fetch orders from."), "failed",
     "There is no store connection to fetch orders from."),
])
def test_a_fetch_that_stops_says_so_plainly(qtbot, app, monkeypatch, error, outcome, words):
    page = open_review(qtbot, app)

    def stopping(*args, **kwargs):
        kwargs["progress"](1, 2, 3, 4)
        raise error

    monkeypatch.setattr(review_svc, "sync_review_orders", stopping)
    job = page.fetch_orders()
    with qtbot.waitSignal(job.finished, timeout=LOAD_TIMEOUT_MS):
        pass
    assert job.outcome == outcome
    assert words in job.message.text()
    job.message.close()
    settle(qtbot, page)


# --- language ----------------------------------------------------------------------------------------------


class MarkingTranslator:
    """A translator giving every string of the Review workspace a mark, so the test sees which
    texts went through tr() and were set again on the language change."""

    CONTEXTS = {"ReviewPage", "ReviewDetail", "ReviewTables", "BaselineChooser", "ChartPanel", "DocumentLabels",
                "SessionColumns"}

    def __new__(cls):
        from PySide6.QtCore import QTranslator

        class _T(QTranslator):
            def translate(self, context, source, disambiguation=None, n=-1):
                if context in cls.CONTEXTS and source and source not in ("#", ", "):
                    return "ZH·" + source
                return source

            def isEmpty(self) -> bool:
                return False

        return _T()


def test_switching_language_retranslates_everything_including_the_charts(qtbot, app):
    page = open_review(qtbot, app)
    detail = page.detail
    english_timeline = chart_texts(qtbot, page.detail.timeline_chart)
    assert "Viewers and orders per minute" in english_timeline
    translator = MarkingTranslator()
    QApplication.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: page.header.text().startswith("ZH·"), timeout=LOAD_TIMEOUT_MS)
        assert detail.tabs.tabText(0) == "ZH·Timeline"
        assert page.fetch_button.text().startswith("ZH·") and page.export_button.text().startswith("ZH·")
        assert all(a.text().startswith("ZH·") for a in page.export_menu.actions())
        assert all(page.baseline.itemText(i).startswith("ZH·") for i in range(page.baseline.count()))
        assert all(tile.caption.text().startswith("ZH·") for tile in detail.tiles.values())
        assert detail.headline()[0].startswith("ZH·")
        assert all(h.startswith("ZH·") for h in header_texts(detail.products_table)[:7] if h != "#")
        assert all(h.startswith("ZH·") or h == "#" for h in header_texts(detail.segments_table)), header_texts(detail.segments_table)
        assert all(h.startswith("ZH·") for h in header_texts(page.table))
        texts = chart_texts(qtbot, detail.timeline_chart)
        assert "ZH·Viewers and orders per minute" in texts and "ZH·Viewers" in texts
        toolbar = detail.timeline_chart.toolbar
        assert all(a.text().startswith("ZH·") for a in toolbar.actions() if a.text() and not a.isSeparator())
        detail.show_tab("products")
        assert any(t.startswith("ZH·Revenue per product") for t in chart_texts(qtbot, detail.products_chart))
    finally:
        QApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: page.header.text() == "Review", timeout=LOAD_TIMEOUT_MS)
    detail.show_tab("timeline")
    texts = chart_texts(qtbot, detail.timeline_chart)
    assert "Viewers and orders per minute" in texts and not any("ZH·" in t for t in texts)
    settle(qtbot, page)


def test_the_chinese_interface_shows_the_review(qtbot, app):
    page = open_review(qtbot, app)
    draws = page.detail.timeline_chart.draw_count
    i18n.apply_language("zh_CN")
    qtbot.waitUntil(lambda: has_cjk(page.header.text()), timeout=LOAD_TIMEOUT_MS)
    assert all(has_cjk(h) for h in header_texts(page.table))
    qtbot.waitUntil(lambda: page.detail.timeline_chart.draw_count > draws, timeout=LOAD_TIMEOUT_MS)
    assert page.detail.figure_text("revenue") == money(report(app).totals.revenue)
    settle(qtbot, page)


# --- start-up ---------------------------------------------------------------------------------------------


def test_the_review_workspace_does_not_import_matplotlib_or_requests_at_start_up(tmp_path: Path) -> None:
    """Both cost ~0.1-0.9 s to import: the charts load them when first shown, Fetch orders when used."""
    home = tmp_path / "home"
    home.mkdir()
    code = ("import sys; import curator_console.ui.main_window, curator_console.ui.review.widget; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('matplotlib', 'requests')))")
    result = subprocess.run([PYTHON, "-c", code], env=subprocess_env(home), capture_output=True, text=True,
                            encoding="utf-8", timeout=180)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
