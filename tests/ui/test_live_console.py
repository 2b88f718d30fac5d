"""The live console draws whatever LiveView it is given: hand-built frames, no engine."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from curator_console.domain.live_view import CONNECTED, OFFLINE, RETRYING, ConnectionState
from curator_console.domain.timing import ReadingSpeed
from curator_console.ui.live import console as console_mod
from curator_console.ui.live.console import ConsolePanel
from curator_console.ui.live.minute_chart import MinuteChart
from curator_console.ui.live.sparkline import Sparkline
from curator_console.ui.live.status_line import StatusLines
from curator_console.ui.live.teleprompter import TeleprompterView

from .live_frames import HORSE, VASE, featured, frame, order


@pytest.fixture
def panel(qtbot):
    p = ConsolePanel()
    qtbot.addWidget(p)
    p.resize(1360, 860)
    render = p.render

    def render_and_settle(view):
        """Render, then let the segment's objects and products follow (the next event-loop turn)."""
        drawn = render(view)
        qtbot.waitUntil(lambda: p.links_current)
        return drawn

    p.render = render_and_settle
    return p


def test_clocks_show_session_and_segment_time(panel):
    panel.render(frame(session_elapsed_seconds=3725.9, segment_elapsed_seconds=125.2))
    assert panel.session_clock.text() == "1:02:05"
    assert panel.segment_clock.text() == "2:05"
    assert "10:00" in panel.segment_planned.text()
    assert panel.segment_title.full_text() == "2. The vase"


@pytest.mark.parametrize("drift, word, colour", [
    (47, "behind", console_mod.BEHIND_COLOUR),
    (-75, "ahead", console_mod.AHEAD_COLOUR),
    (2, "on time", console_mod.ON_TIME_COLOUR),
])
def test_drift_is_coloured_by_ahead_or_behind(panel, drift, word, colour):
    panel.render(frame(drift_seconds=drift))
    assert word in panel.drift.text()
    assert panel.drift_colour() == QColor(colour)
    if drift == 47:
        assert "0:47" in panel.drift.text()
    if drift == -75:
        assert "1:15" in panel.drift.text()


def test_badge_says_rehearsal_or_live(panel):
    panel.render(frame(mode="rehearsal"))
    assert panel.badge.text() == "REHEARSAL"
    panel.render(frame(mode="live"))
    assert panel.badge.text() == "LIVE"
    assert panel.badge.styleSheet() != ""


def test_same_version_moves_only_the_clocks(panel):
    f = frame(session_elapsed_seconds=60, segment_elapsed_seconds=30)
    assert panel.render(f) is True
    before = dict(panel.redraws)
    # the engine runs the clocks forward without a new version; nothing else is looked at
    assert panel.render(replace(f, viewers=99999, session_elapsed_seconds=75, segment_elapsed_seconds=45)) is False
    assert (panel.session_clock.text(), panel.segment_clock.text()) == ("1:15", "0:45")
    assert panel.viewers.text() != "99999"
    changed = {k for k in panel.redraws if panel.redraws[k] != before.get(k)}
    assert changed == {"session_clock", "segment_clock"}


def test_only_changed_parts_are_redrawn(panel):
    f = frame()
    panel.render(f)
    before = dict(panel.redraws)
    rows = list(panel.product_rows)
    panel.render(replace(f, version=f.version + 1000, viewers=2000))
    changed = {k for k in panel.redraws if panel.redraws[k] != before.get(k)}
    assert changed == {"viewers"}
    assert panel.product_rows == rows  # the same widgets, not rebuilt


def test_products_show_feature_state_and_ask_to_toggle(panel, qtbot):
    panel.render(frame(current=replace(VASE, products=(featured(VASE.products[0]), VASE.products[1]))))
    scarf, postcards = panel.product_row("TSM-P-001"), panel.product_row("TSM-P-002")
    assert scarf.button.text() == "Unfeature"
    assert postcards.button.text() == "Feature"
    assert (scarf.key.text(), postcards.key.text()) == ("1", "2")
    with qtbot.waitSignal(panel.unfeature_requested) as blocker:
        qtbot.mouseClick(scarf.button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["TSM-P-001"]
    with qtbot.waitSignal(panel.feature_requested) as blocker:
        qtbot.mouseClick(postcards.button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["TSM-P-002"]
    # the engine answers with the new state: the same row widget now offers Unfeature
    panel.render(frame(current=replace(VASE, products=(VASE.products[0], featured(VASE.products[1])))))
    assert panel.product_row("TSM-P-002") is postcards
    assert postcards.button.text() == "Unfeature"
    assert scarf.button.text() == "Feature"


def test_segment_change_shows_its_objects_script_and_next(panel):
    panel.render(frame())
    assert [c.number.text() for c in panel.object_cards] == ["TSM-001", "TSM-002"]
    assert "The horse" in panel.next_label.text() and "唐三彩马" in panel.next_label.text()
    assert "blue-and-white" in panel.teleprompter.text()
    panel.render(frame(segment_index=2, current=HORSE, next=None))
    assert [c.number.text() for c in panel.object_cards] == ["TSM-005"]
    assert panel.product_rows == [] and panel.products_empty.isVisibleTo(panel)
    assert "唐三彩马" in panel.teleprompter.text()
    assert "last segment" in panel.next_label.text()
    assert not panel.next_button.isEnabled()  # segment 3 of 3: what is left is ending the session
    assert panel.previous_button.isEnabled()


def test_sales_and_ticker_newest_first_incrementally(panel):
    first = frame(orders=2, units=3, latest_orders=(order(2, 2, "218.00", "TSM-P-002"), order(1)))
    panel.render(first)
    assert [panel.orders_value.text(), panel.units_value.text()] == ["2", "3"]
    assert "397.00" in panel.revenue_value.text()
    rows = panel.ticker_texts()
    assert len(rows) == 2 and "TSM-P-002" in rows[0] and "2 ×" in rows[0] and "218.00" in rows[0]
    kept = panel.ticker.item(0)
    panel.render(frame(orders=3, units=4, latest_orders=(order(3, 1, "39.00", "TSM-P-003"),) + first.latest_orders))
    rows = panel.ticker_texts()
    assert len(rows) == 3 and "TSM-P-003" in rows[0]
    assert panel.ticker.item(1) is kept  # prepended, not rebuilt
    many = tuple(order(n) for n in range(100, 40, -1))
    panel.render(frame(latest_orders=many))
    assert panel.ticker.count() == console_mod.TICKER_ROWS
    ids = [panel.ticker.item(i).data(Qt.ItemDataRole.UserRole) for i in range(panel.ticker.count())]
    assert ids == [o.platform_order_id for o in many[:console_mod.TICKER_ROWS]]
    # a burst that replaces every row rewrites the rows in place, newest first
    top = panel.ticker.item(0)
    burst = tuple(order(n) for n in range(300, 200, -1))
    panel.render(frame(latest_orders=burst))
    assert panel.ticker.item(0) is top
    ids = [panel.ticker.item(i).data(Qt.ItemDataRole.UserRole) for i in range(panel.ticker.count())]
    assert ids == [o.platform_order_id for o in burst[:console_mod.TICKER_ROWS]]
    assert panel.ticker_texts()[0].split()[-1].endswith(burst[0].revenue.to_eng_string()[-2:])
    # fewer orders than rows (a new session): the list shrinks to them
    panel.render(frame(latest_orders=(order(5), order(4))))
    assert [panel.ticker.item(i).data(Qt.ItemDataRole.UserRole) for i in range(panel.ticker.count())] == [
        order(5).platform_order_id, order(4).platform_order_id]


def test_viewer_count_and_missing_count(panel):
    panel.render(frame(viewers=1234))
    assert panel.viewers.text().replace(",", "").replace("\u00a0", "") == "1234"
    panel.render(frame(viewers=None))
    assert panel.viewers.text() == "—"


def test_paused_and_ended_states(panel):
    panel.render(frame(status="paused"))
    assert "PAUSED" in panel.state.text()
    assert panel.pause_button.text() == "Resume"
    panel.render(frame(status="ended"))
    assert not panel.next_button.isEnabled() and not panel.end_button.isEnabled()
    assert "ended" in panel.state.text()


def test_hint_footer_lists_the_keys(panel):
    text = panel.hints.text()
    for key in ("Space", "N", "Backspace", "1–9", "M", "Shift+M", "Ctrl+P", "F11", "T"):
        assert f"<b>{key}" in text or f" {key}</b>" in text or f"/ {key}" in text, key
    assert "next segment" in text and "marker" in text and "full screen" in text


# --- status lines ------------------------------------------------------------------------------
def test_status_lines_say_connected_retrying_offline(qtbot):
    lines = StatusLines()
    qtbot.addWidget(lines)
    since = datetime(2026, 3, 14, 21, 4, 13).astimezone()  # this computer's local time
    lines.set_states((
        ConnectionState("Built-in simulator", "platform", CONNECTED),
        ConnectionState("OBS", "obs", RETRYING, "connection refused", 4.0, since),
        ConnectionState("Shop", "platform", OFFLINE, "", None, since),
    ))
    assert lines.texts() == ["Connected", "Retrying in 4 s — connection refused", "Offline since 21:04:13"]
    first = lines._lines[0]
    lines.set_states((ConnectionState("Built-in simulator", "platform", RETRYING, "", 3.2, since),))
    assert lines.texts() == ["Retrying in 4 s"]
    assert lines._lines[0] is first


# --- charts ------------------------------------------------------------------------------------
def test_minute_chart_appends_new_minutes_and_updates_the_last(qtbot):
    chart = MinuteChart()
    qtbot.addWidget(chart)
    chart.set_minutes(())
    chart.set_minutes(((0, 850, 0), (1, 960, 1), (2, 1000, 0)))
    assert (chart.point_count, chart.rebuilt, chart.appended) == (3, 0, 3)
    chart.set_minutes(((0, 850, 0), (1, 960, 1), (2, 1010, 2)))  # the minute still counting changed
    assert (chart.point_count, chart.rebuilt, chart.appended) == (3, 0, 3)
    assert chart.minutes[-1] == (2, 1010, 2)
    chart.set_minutes(((0, 850, 0), (1, 960, 1), (2, 1010, 2), (3, 1100, 1), (4, 1150, 0)))
    assert (chart.point_count, chart.rebuilt, chart.appended) == (5, 0, 5)
    chart.set_minutes(((0, 10, 0),))  # a different history (a resumed session read again)
    assert (chart.point_count, chart.rebuilt) == (1, 1)


def test_minute_chart_grows_through_the_panel(panel):
    per_minute = [(0, 850, 0)]
    panel.render(frame(per_minute=tuple(per_minute)))
    for m in range(1, 6):
        per_minute.append((m, 900 + m, m % 2))
        panel.render(frame(per_minute=tuple(per_minute)))
        assert panel.chart.point_count == m + 1
    assert panel.chart.rebuilt == 0 and panel.chart.appended == 6
    panel.chart.grab()  # paints without error at any size


def test_sparkline_appends_points(qtbot):
    line = Sparkline()
    qtbot.addWidget(line)
    series = tuple((float(t), 100 + t) for t in range(5))
    line.set_series(series)
    line.set_series(series + ((5.0, 120), (6.0, 130)))
    assert (line.point_count, line.appended, line.rebuilt) == (7, 7, 0)
    line.set_series(series[::2])  # thinned again by the engine
    assert (line.point_count, line.rebuilt) == (3, 1)


# --- teleprompter ------------------------------------------------------------------------------
def test_teleprompter_font_size_changes_the_type(qtbot):
    view = TeleprompterView(font_pt=28)
    qtbot.addWidget(view)
    view.resize(800, 500)
    view.set_segment(VASE)
    height = view.scroll_range
    view.bigger()
    assert view.font_pt > 28
    assert view._doc.defaultFont().pointSizeF() == view.font_pt
    assert view.scroll_range > height  # larger type: a longer column to read
    for _ in range(40):
        view.smaller()
    assert view.font_pt == 12


def test_teleprompter_mirror_flips_the_picture(qtbot):
    view = TeleprompterView(font_pt=30)
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.set_segment(VASE)
    plain = view.grab().toImage()
    view.set_mirrored(True)
    assert view.paint_transform().m11() == -1
    flipped = view.grab().toImage()
    expected = plain.flipped(Qt.Orientation.Horizontal)

    def difference(a, b) -> float:
        """Mean lightness difference of the two pictures shrunk to 60 × 40 (glyph edges are
        antialiased a little differently when drawn flipped, so pixels are not compared one by one)."""
        a = a.scaled(60, 40, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
        b = b.scaled(60, 40, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
        return sum(abs(QColor(a.pixel(x, y)).lightness() - QColor(b.pixel(x, y)).lightness())
                   for y in range(40) for x in range(60)) / 2400

    assert difference(flipped, expected) < 2 < 10 < difference(flipped, plain)


def test_teleprompter_scrolls_at_the_reading_speed(qtbot):
    slow = TeleprompterView(ReadingSpeed(words_per_minute=75))
    fast = TeleprompterView(ReadingSpeed(words_per_minute=150))
    for view in (slow, fast):
        qtbot.addWidget(view)
        view.resize(800, 500)
        view.set_segment(VASE)
    assert fast.pixels_per_second == pytest.approx(2 * slow.pixels_per_second, rel=0.05)
    fast.advance(3.0)
    assert fast.offset == pytest.approx(3 * fast.pixels_per_second)
    fast.set_segment(HORSE)  # a new segment starts at its top
    assert fast.offset == 0


def test_teleprompter_scrolls_by_itself_and_stops_when_paused(qtbot):
    view = TeleprompterView()
    qtbot.addWidget(view)
    view.resize(800, 500)
    view.set_segment(VASE)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.offset > 0, timeout=5000)
    view.set_scroll_paused(True)
    assert not view.scrolling
    view.set_scroll_paused(False)
    view.set_running(False)  # the session paused
    assert not view.scrolling


def test_before_the_first_segment_the_teleprompter_shows_it_standing_still(panel):
    from .live_frames import WELCOME

    panel.render(frame(segment_index=None, current=None, next=WELCOME, segment_elapsed_seconds=0))
    assert panel.segment_title.full_text() == "Not started yet"
    assert "Welcome to the museum" in panel.teleprompter.text()
    assert "press Next" in panel.state.text()
    assert panel.next_button.text().startswith("Start the first segment") and panel.next_button.isEnabled()
    assert not panel.previous_button.isEnabled()
    panel.render(frame(segment_index=0, current=WELCOME, next=VASE))
    assert panel.segment_title.full_text() == "1. Welcome"
    assert "Welcome to the museum" in panel.teleprompter.text()


def test_a_segment_change_is_drawn_over_two_event_loop_turns(panel, qtbot):
    """The script and title first; the object cards and product rows on the next turn, so no
    single turn of the GUI thread carries the whole redraw."""
    panel.render(frame())
    ConsolePanel.render(panel, frame(segment_index=2, current=HORSE, next=None))
    assert panel.segment_title.full_text() == "3. The horse" and "唐三彩马" in panel.teleprompter.text()
    assert [c.number.text() for c in panel.object_cards] == ["TSM-001", "TSM-002"]  # not yet
    qtbot.waitUntil(lambda: panel.links_current)
    assert [c.number.text() for c in panel.object_cards] == ["TSM-005"]
