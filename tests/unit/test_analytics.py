"""The Review workspace's figures (domain/analytics.py), checked against hand-computed sessions."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from curator_console.domain.analytics import (
    baseline_windows,
    build_report,
    compute_lift,
    lines_in,
    series_point,
    timeline_from_events,
)
from curator_console.domain.live_view import (
    MARKER,
    PRODUCT_FEATURED,
    PRODUCT_UNFEATURED,
    SEGMENT_ENDED,
    SEGMENT_STARTED,
    SESSION_ENDED,
    SESSION_PAUSED,
    SESSION_RESUMED,
    SESSION_STARTED,
)
from curator_console.domain.review_model import (
    AVG_28D,
    CUSTOM,
    DAY_BEFORE,
    NEW_SALES,
    NO_BASELINE,
    NO_MONEY,
    NO_SALES,
    WEEK_BEFORE,
    BaselineData,
    BaselineSpec,
    FeatureSpan,
    Lift,
    Marker,
    SaleLine,
    SegmentSpan,
    SessionData,
    Window,
)

UTC = timezone.utc
T0 = datetime(2026, 3, 14, 10, 0, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
D = Decimal


def at(seconds: float, base: datetime = T0) -> datetime:
    return base + timedelta(seconds=seconds)


def line(order: str, seconds: float, sku: str, qty: int, price: str, cur: str = "CNY",
         base: datetime = T0) -> SaleLine:
    return SaleLine(order_id=order, at=at(seconds, base), sku=sku, quantity=qty, unit_price=D(price), currency=cur)


def ev(kind: str, seconds: float, **payload):
    return (kind, at(seconds), payload)


WINDOW = Window(T0, at(300))

# The hand-computed session: 300 s, four orders inside (o0 before, o5 exactly at the end are out).
LINES = (
    line("o0", -1, "A", 5, "10.00"),
    line("o1", 0, "A", 2, "10.00"),
    line("o1", 0, "B", 1, "5.50"),
    line("o2", 90, "A", 1, "10.00"),
    line("o3", 150, "C", 3, "2.00"),
    line("o4", 299, "B", 1, "5.50"),
    line("o5", 300, "A", 1, "10.00"),
)
VIEWERS = ((at(-10), 999), (at(0), 100), (at(30), 200), (at(120), 300), (at(240), 100), (at(300), 999))
FEATURES = (
    FeatureSpan("A", at(60), at(120)),
    FeatureSpan("A", at(100), at(180)),  # overlaps the first: A is featured [60, 180) = 120 s
    FeatureSpan("B", at(290), at(400)),  # clipped to [290, 300) = 10 s
    FeatureSpan("D", at(10), at(20)),  # featured, never sold
)
SEGMENTS = (SegmentSpan(0, "Intro", at(0), at(120)), SegmentSpan(1, "Vases", at(120), at(300)))


def session(**changes) -> SessionData:
    values = dict(
        id=7, title="Spring vases", tour="Vases tour", mode="live", window=WINDOW, viewers=VIEWERS,
        segments=SEGMENTS, features=FEATURES, lines=LINES, product_titles={"A": "Blue vase", "B": "Bowl"},
    )
    values.update(changes)
    return SessionData(**values)


def day_before_baseline(lines=None) -> BaselineData:
    base = T0 - timedelta(days=1)
    if lines is None:
        lines = (
            line("b1", 60, "A", 1, "10.00", base=base),
            line("b2", 120, "C", 2, "2.00", base=base),
            line("b3", 300, "A", 9, "10.00", base=base),  # at the window's end: out
        )
    return BaselineData(BaselineSpec(DAY_BEFORE), (Window(base, at(300, base)),), D(1), tuple(lines))


# --- build_report: the session ---------------------------------------------------------------------


def test_totals_count_only_lines_inside_the_half_open_window():
    r = build_report(session())
    assert r.currency == "CNY"
    assert (r.totals.orders, r.totals.units, r.totals.revenue) == (4, 8, D("47.00"))
    assert r.money_problem == ""


def test_lines_in_keeps_the_start_and_drops_the_end():
    assert [x.order_id for x in lines_in(LINES, WINDOW)] == ["o1", "o1", "o2", "o3", "o4"]


def test_one_row_per_started_minute():
    r = build_report(session())
    rows = [(m.minute, m.start, m.viewers, m.orders, m.units, m.revenue) for m in r.minutes]
    assert rows == [
        (0, at(0), 150.0, 1, 3, D("25.50")),
        (1, at(60), None, 1, 1, D("10.00")),
        (2, at(120), 300.0, 1, 3, D("6.00")),
        (3, at(180), None, 0, 0, D("0")),
        (4, at(240), 100.0, 1, 1, D("5.50")),
    ]
    assert len(build_report(session(window=Window(T0, at(61)))).minutes) == 2
    assert len(build_report(session(window=Window(T0, at(60)))).minutes) == 1
    assert len(build_report(session(window=Window(T0, at(0.5)))).minutes) == 1


def test_viewers_peak_time_weighted_average_and_conversion():
    r = build_report(session())
    assert r.peak_viewers == 300
    # 100 × 30 s + 200 × 90 s + 300 × 120 s + 100 × 60 s over 300 s
    assert r.avg_viewers == 210.0
    assert r.conversion_per_1000 == D(4000) / D(300)


def test_average_viewers_start_at_the_first_sample():
    r = build_report(session(viewers=((at(200), 50), (at(250), 150))))
    assert r.avg_viewers == 100.0  # 50 × 50 s + 150 × 50 s over [200, 300)
    assert r.peak_viewers == 150


def test_no_samples_no_viewer_figures():
    r = build_report(session(viewers=()))
    assert (r.peak_viewers, r.avg_viewers, r.conversion_per_1000) == (None, None, None)
    assert all(m.viewers is None for m in r.minutes)
    r = build_report(session(viewers=((at(10), 0),)))
    assert (r.peak_viewers, r.avg_viewers, r.conversion_per_1000) == (0, 0.0, None)


def test_products_featured_against_the_rest():
    r = build_report(session())
    assert [p.sku for p in r.products] == ["A", "B", "C", "D"]  # by revenue 30, 11, 6, 0
    a, b, c, d = r.products
    assert (a.title, a.orders, a.units, a.revenue) == ("Blue vase", 2, 3, D("30.00"))
    assert a.featured_seconds == 120.0  # overlapping spans counted once
    assert (a.units_featured, a.revenue_featured) == (1, D("10.00"))
    assert a.units_per_min_featured == D("0.5")
    assert a.units_per_min_rest == D(2) / D(3)  # 2 units in 180 s
    assert (b.title, b.orders, b.units, b.revenue) == ("Bowl", 2, 2, D("11.00"))
    assert b.featured_seconds == 10.0
    assert (b.units_featured, b.revenue_featured, b.units_per_min_featured) == (1, D("5.50"), D(6))
    assert b.units_per_min_rest == D(60) / D(290)
    assert (c.title, c.units, c.featured_seconds, c.units_featured) == ("C", 3, 0.0, 0)
    assert (c.units_per_min_featured, c.units_per_min_rest, c.revenue_featured) == (None, D("0.6"), D(0))
    assert (d.orders, d.units, d.revenue, d.featured_seconds, d.units_per_min_featured) == (0, 0, D(0), 10.0, D(0))
    for p in r.products:
        assert p.lift == Lift(None, None, NO_BASELINE)
        assert (p.baseline_units, p.baseline_revenue) == (None, None)


def test_featured_throughout_has_no_rest_rate():
    r = build_report(session(features=(FeatureSpan("C", at(-50), at(500)),)))
    c = next(p for p in r.products if p.sku == "C")
    assert (c.featured_seconds, c.units_featured, c.units_per_min_featured) == (300.0, 3, D("0.6"))
    assert c.units_per_min_rest is None


def test_products_sort_by_units_then_sku_when_revenue_ties():
    lines = (line("1", 0, "Z", 1, "5"), line("2", 0, "Y", 1, "5"), line("3", 0, "X", 5, "1"))
    assert [p.sku for p in build_report(session(lines=lines, features=())).products] == ["X", "Y", "Z"]


def test_segments():
    r = build_report(session())
    rows = [(s.index, s.title, s.orders, s.units, s.revenue, s.avg_viewers, s.peak_viewers) for s in r.segments]
    assert rows == [
        (0, "Intro", 2, 4, D("35.50"), 150.0, 200),
        (1, "Vases", 2, 4, D("11.50"), 200.0, 300),
    ]


def test_segment_without_samples_or_orders():
    r = build_report(session(segments=(SegmentSpan(3, "Quiet", at(180), at(240)),)))
    s = r.segments[0]
    assert (s.orders, s.units, s.revenue, s.avg_viewers, s.peak_viewers) == (0, 0, D(0), None, None)


def test_cumulative_revenue_one_point_per_order():
    r = build_report(session())
    assert r.cumulative == (
        (0.0, D(0)), (0.0, D("25.50")), (1.5, D("35.50")), (2.5, D("41.50")), (299 / 60, D("47.00")),
    )
    assert r.baseline_cumulative == ()


def test_empty_session():
    r = build_report(session(lines=(), viewers=(), features=(), segments=()))
    assert (r.totals.orders, r.totals.units, r.totals.revenue) == (0, 0, D(0))
    assert r.products == () and r.cumulative == ((0.0, D(0)),)
    assert r.lift == Lift(None, None, NO_BASELINE)


def test_series_point():
    p = series_point(build_report(session()))
    assert (p.session_id, p.label, p.started_at, p.peak_viewers, p.revenue, p.currency) == (
        7, "Spring vases", T0, 300, D("47.00"), "CNY")
    assert p.conversion_per_1000 == D(4000) / D(300)
    assert series_point(build_report(session(title=""))).label == "Vases tour"


# --- build_report: baselines -------------------------------------------------------------------------


def test_day_before_baseline_totals_lift_and_curve():
    r = build_report(session(), day_before_baseline())
    b = r.baseline
    assert b.scale == 1
    assert (b.raw.orders, b.raw.units, b.raw.revenue) == (2, 3, D("14.00"))
    assert (b.totals.orders, b.totals.units, b.totals.revenue) == (2, 3, D("14.00"))
    assert b.revenue_exact == D("14.00")
    assert r.lift == Lift(D(33) / D(14) * 100, D(47) / D(14))
    assert r.baseline_cumulative == ((0.0, D(0)), (1.0, D("10.00")), (2.0, D("14.00")))
    products = {p.sku: p for p in r.products}
    assert (products["A"].baseline_units, products["A"].baseline_revenue) == (D(1), D("10.00"))
    assert products["A"].lift == Lift(D(200), D(3))
    assert products["C"].lift == Lift(D(50), D("1.5"))
    assert products["B"].lift == Lift(None, None, NEW_SALES)
    assert products["D"].lift == Lift(None, None, NO_SALES)
    assert (products["D"].baseline_units, products["D"].baseline_revenue) == (D(0), D(0))


def test_shifted_baseline_orders_land_on_the_session_clock_of_their_own_window():
    d1, d7 = T0 - timedelta(days=1), T0 - timedelta(days=7)
    windows = (Window(d7, at(300, d7)), Window(d1, at(300, d1)))
    lines = (line("x", 30, "A", 1, "1.00", base=d1), line("y", 60, "A", 1, "2.00", base=d7),
             line("y", 60, "C", 1, "0.50", base=d7), line("z", 90, "A", 1, "4.00", base=d1))
    r = build_report(session(), BaselineData(BaselineSpec(WEEK_BEFORE), windows, D(1), lines))
    assert r.baseline.raw == r.baseline.totals
    assert (r.baseline.raw.orders, r.baseline.raw.units, r.baseline.raw.revenue) == (3, 4, D("7.50"))
    assert r.baseline_cumulative == ((0.0, D(0)), (0.5, D("1.00")), (1.0, D("3.50")), (1.5, D("7.50")))


def test_a_sku_featured_only_outside_the_window_is_listed_but_not_featured():
    r = build_report(session(lines=(), features=(FeatureSpan("E", at(-100), at(-50)),)))
    (e,) = r.products
    assert (e.sku, e.featured_seconds, e.units_per_min_featured, e.units_per_min_rest) == ("E", 0.0, None, D(0))


def test_a_product_sold_only_in_the_baseline_is_listed():
    base = T0 - timedelta(days=1)
    r = build_report(session(), day_before_baseline([line("b1", 5, "Q", 2, "3.00", base=base)]))
    q = next(p for p in r.products if p.sku == "Q")
    assert (q.units, q.revenue, q.baseline_units, q.baseline_revenue) == (0, D(0), D(2), D("6.00"))
    assert q.lift == Lift(D(-100), D(0))


def test_scaled_baseline_rounds_half_even_and_keeps_the_exact_revenue():
    spec = BaselineSpec(CUSTOM, Window(at(-10_000), at(-1_000)))
    lines = (line("x", -5000, "A", 2, "3.35"), line("y", -4000, "A", 2, "1.00"),
             line("z", -3000, "C", 1, "1.35"))  # 3 orders, 5 units, 10.05
    r = build_report(session(), BaselineData(spec, (spec.custom,), D("0.5"), lines))
    b = r.baseline
    assert (b.raw.orders, b.raw.units, b.raw.revenue) == (3, 5, D("10.05"))
    assert (b.totals.orders, b.totals.units) == (2, 2)  # 1.5 -> 2, 2.5 -> 2
    assert (b.revenue_exact, b.totals.revenue) == (D("5.025"), D("5.03"))
    assert r.lift == compute_lift(D("47.00"), D("5.025"))
    assert r.baseline_cumulative == ((0.0, D(0)), (5.0, D("5.025")))  # a straight line for scaled kinds
    a = next(p for p in r.products if p.sku == "A")
    assert (a.baseline_units, a.baseline_revenue) == (D("2.0"), D("4.350"))


def test_jpy_baseline_revenue_rounds_to_whole_yen():
    spec = BaselineSpec(CUSTOM, Window(at(-1000), at(-1)))
    r = build_report(session(lines=()), BaselineData(spec, (spec.custom,), D("0.25"),
                                                   (line("x", -500, "A", 1, "1002", "JPY"),)))
    assert r.currency == "JPY"
    assert (r.baseline.revenue_exact, r.baseline.totals.revenue) == (D("250.50"), D("251"))


def test_avg_28d_baseline_curve_is_a_straight_line():
    spec = BaselineSpec(AVG_28D)
    windows, scale = baseline_windows(spec, WINDOW, BERLIN)
    lines = (line("x", -3 * 86400, "A", 8064, "1"),)
    r = build_report(session(), BaselineData(spec, windows, scale, lines))
    # 8064 × 300 / 2,419,200 = 1 (the scale 1/8064 is a 28-digit Decimal, so "exact" is within 1e-27)
    assert r.baseline.totals.revenue == D("1.00") and r.baseline.totals.units == 1
    assert abs(r.baseline.revenue_exact - 1) < D("1e-27")
    assert r.baseline_cumulative == ((0.0, D(0)), (5.0, r.baseline.revenue_exact))


def test_zero_baseline_means_new_sales_or_no_sales_never_infinity():
    empty = day_before_baseline(lines=())
    r = build_report(session(), empty)
    assert r.lift == Lift(None, None, NEW_SALES)
    r = build_report(session(lines=()), empty)
    assert r.lift == Lift(None, None, NO_SALES)


def test_baseline_lines_outside_its_windows_are_ignored():
    base = T0 - timedelta(days=1)
    r = build_report(session(), day_before_baseline([line("b1", -1, "A", 1, "10.00", base=base)]))
    assert r.baseline.raw.orders == 0


# --- build_report: currencies ------------------------------------------------------------------------


def test_a_currency_without_a_rate_leaves_money_out_but_counts_orders():
    lines = (line("1", 0, "A", 1, "10.00"), line("2", 10, "A", 1, "10.00"), line("3", 20, "B", 2, "3.50", "USD"))
    r = build_report(session(lines=lines), day_before_baseline())
    assert r.currency == "CNY"
    assert r.money_problem == "Orders are in CNY and USD; give an exchange rate for USD to add them up."
    assert (r.totals.orders, r.totals.units, r.totals.revenue) == (3, 4, None)
    assert [(m.orders, m.units, m.revenue) for m in r.minutes][0] == (3, 4, None)
    assert all(p.revenue is None and p.revenue_featured is None and p.baseline_revenue is None for p in r.products)
    assert all(p.lift.reason == NO_MONEY for p in r.products)
    assert all(s.revenue is None for s in r.segments)
    assert (r.baseline.raw.revenue, r.baseline.totals.revenue, r.baseline.revenue_exact) == (None, None, None)
    assert r.baseline.raw.orders == 2
    assert r.lift == Lift(None, None, NO_MONEY)
    assert r.cumulative == () and r.baseline_cumulative == ()
    assert series_point(r).revenue is None


def test_a_rate_converts_exactly():
    lines = (line("1", 0, "A", 1, "10.00"), line("2", 10, "A", 1, "10.00"), line("3", 20, "B", 2, "3.50", "USD"))
    r = build_report(session(lines=lines), rates={"usd": D("7.1")})
    assert r.money_problem == ""
    assert r.totals.revenue == D("69.700")  # 20.00 + 2 × 3.50 × 7.1
    assert next(p for p in r.products if p.sku == "B").revenue == D("49.700")


def test_the_baseline_currency_needs_a_rate_too():
    base = T0 - timedelta(days=1)
    r = build_report(session(), day_before_baseline([line("b", 1, "A", 1, "2", "EUR", base=base),
                                                     line("c", 1, "A", 1, "2", "USD", base=base)]))
    assert r.money_problem == "Orders are in CNY, EUR and USD; give exchange rates for EUR and USD to add them up."
    assert r.totals.revenue is None and r.totals.units == 8


def test_report_currency_choice():
    two = (line("1", 0, "A", 1, "1", "USD"), line("2", 0, "A", 1, "1", "EUR"))
    assert build_report(session(lines=two), rates={"USD": 1}).currency == "EUR"  # tie: alphabetical
    r = build_report(session(lines=two), currency="usd", rates={"EUR": D("1.1")})
    assert (r.currency, r.totals.revenue) == ("USD", D("2.1"))
    assert build_report(session(lines=())).currency == "CNY"
    base = T0 - timedelta(days=1)
    r = build_report(session(lines=()), day_before_baseline([line("b", 1, "A", 1, "2", "JPY", base=base)]))
    assert r.currency == "JPY"
    r = build_report(session(), currency="EUR")
    assert r.money_problem == ("Orders are in CNY, but the report is in EUR; "
                               "give an exchange rate for CNY to add them up.")


# --- baseline_windows ---------------------------------------------------------------------------------


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_day_and_week_before_follow_the_local_calendar_across_dst():
    # Sunday 29 March 2026, 19:00–21:00 in Berlin (CEST, UTC+2); the day before was still CET (UTC+1).
    sess = Window(utc(2026, 3, 29, 17), utc(2026, 3, 29, 19))
    assert baseline_windows(BaselineSpec(DAY_BEFORE), sess, BERLIN) == (
        (Window(utc(2026, 3, 28, 18), utc(2026, 3, 28, 20)),), D(1))
    assert baseline_windows(BaselineSpec(WEEK_BEFORE), sess, BERLIN) == (
        (Window(utc(2026, 3, 22, 18), utc(2026, 3, 22, 20)),), D(1))
    # New York falls back on 1 November 2026: 20:00 EST (UTC−5) then, 20:00 EDT (UTC−4) the day before.
    sess = Window(utc(2026, 11, 2, 1), utc(2026, 11, 2, 2, 30))
    windows, scale = baseline_windows(BaselineSpec(DAY_BEFORE), sess, NEW_YORK)
    assert windows == (Window(utc(2026, 11, 1, 0), utc(2026, 11, 1, 1, 30)),) and scale == 1
    windows, _ = baseline_windows(BaselineSpec(WEEK_BEFORE), sess, NEW_YORK)
    assert windows == (Window(utc(2026, 10, 26, 0), utc(2026, 10, 26, 1, 30)),)


def test_shifted_window_keeps_the_wall_clock_hours_over_the_change_night():
    # Monday 30 March 01:00–04:00 CEST (3 h); the same hours on 29 March (01:00 CET to 04:00 CEST)
    # are only 2 h long, and are not scaled.
    sess = Window(utc(2026, 3, 29, 23), utc(2026, 3, 30, 2))
    windows, scale = baseline_windows(BaselineSpec(DAY_BEFORE), sess, BERLIN)
    assert windows == (Window(utc(2026, 3, 29, 0), utc(2026, 3, 29, 2)),) and scale == 1


def test_shifted_window_starting_in_a_skipped_hour_keeps_the_session_length():
    # 02:30–03:10 CEST on 30 March; 02:30 did not exist on 29 March (read as 02:30 CET = 01:30 UTC).
    sess = Window(utc(2026, 3, 30, 0, 30), utc(2026, 3, 30, 1, 10))
    windows, _ = baseline_windows(BaselineSpec(DAY_BEFORE), sess, BERLIN)
    assert windows == (Window(utc(2026, 3, 29, 1, 30), utc(2026, 3, 29, 2, 10)),)


def test_avg_28d_covers_the_28_local_days_before_the_sessions_local_day():
    # Starts 23:30 UTC on 29 March = 01:30 CEST on 30 March: the local day is 30 March.
    sess = Window(utc(2026, 3, 29, 23, 30), utc(2026, 3, 30, 1, 30))
    windows, scale = baseline_windows(BaselineSpec(AVG_28D), sess, BERLIN)
    # 2 March 00:00 CET .. 30 March 00:00 CEST
    assert windows == (Window(utc(2026, 3, 1, 23), utc(2026, 3, 29, 22)),)
    assert scale == D(7200) / D(28 * 86400) == D(1) / D(336)
    windows, scale = baseline_windows(BaselineSpec(AVG_28D), WINDOW, UTC)
    assert windows == (Window(utc(2026, 2, 14), utc(2026, 3, 14)),) and scale == D(300) / D(2419200)


def test_custom_baseline():
    w = Window(utc(2026, 2, 1), utc(2026, 3, 1))
    assert baseline_windows(BaselineSpec(CUSTOM, w), WINDOW, BERLIN) == ((w,), D(1))
    with pytest.raises(ValueError, match="custom baseline needs"):
        baseline_windows(BaselineSpec(CUSTOM), WINDOW, BERLIN)
    with pytest.raises(ValueError, match="end after it starts"):
        baseline_windows(BaselineSpec(CUSTOM, Window(w.end, w.end)), WINDOW, BERLIN)
    with pytest.raises(ValueError, match="day-before, week-before, avg-28d, custom"):
        baseline_windows(BaselineSpec("month-before"), WINDOW, BERLIN)


# --- compute_lift --------------------------------------------------------------------------------------


def test_compute_lift():
    assert compute_lift(D(150), D(100)) == Lift(D(50), D("1.5"), "")
    assert compute_lift(0, 10) == Lift(D(-100), D(0))
    assert compute_lift(5, 0) == Lift(None, None, NEW_SALES)
    assert compute_lift(D("0.00"), D(0)) == Lift(None, None, NO_SALES)
    assert compute_lift(None, D(1)) == Lift(None, None, NO_MONEY)
    assert compute_lift(D(1), None) == Lift(None, None, NO_MONEY)
    third = compute_lift(D(1), D(3))
    assert third.multiple == D(1) / D(3) and third.percent == (D(1) - D(3)) / D(3) * 100


# --- timeline_from_events ------------------------------------------------------------------------------

TW = Window(T0, at(600))


def test_segments_run_to_the_next_start_their_end_or_the_window_end():
    segs, feats, marks = timeline_from_events([
        ev(SESSION_STARTED, 0),
        ev(SEGMENT_STARTED, 10, index=0, title="Intro"),
        ev(SEGMENT_STARTED, 100, index=1, title="Vases"),
        ev(SEGMENT_ENDED, 200, index=1),
        ev(SEGMENT_STARTED, 250, index=2, title="Bowls"),
    ], TW)
    assert segs == (
        SegmentSpan(0, "Intro", at(10), at(100)),
        SegmentSpan(1, "Vases", at(100), at(200)),
        SegmentSpan(2, "Bowls", at(250), at(600)),
    )
    assert feats == () and marks == ()


def test_a_restarted_segment_is_one_span():
    segs, _, _ = timeline_from_events([
        ev(SEGMENT_STARTED, 0, index=0, title="Intro"),
        ev(SESSION_PAUSED, 50),
        ev(SESSION_RESUMED, 80),
        ev(SEGMENT_STARTED, 80, index=0, title="Intro"),  # re-announced after the resume
        ev(SEGMENT_ENDED, 120, index=0),
        ev(SEGMENT_STARTED, 130, index=0, title="Intro"),  # restarted after its end
        ev(SEGMENT_STARTED, 200, index=1, title="Next"),
        ev(SEGMENT_STARTED, 300, index=0, title="Intro again"),  # a later visit: a new span
        ev(SESSION_ENDED, 400),
    ], TW)
    assert segs == (
        SegmentSpan(0, "Intro", at(0), at(200)),
        SegmentSpan(1, "Next", at(200), at(300)),
        SegmentSpan(0, "Intro again", at(300), at(400)),
    )


def test_spans_are_clipped_to_the_window():
    window = Window(at(100), at(200))
    segs, feats, marks = timeline_from_events([
        ev(SEGMENT_STARTED, 0, index=0, title="Before"),
        ev(PRODUCT_FEATURED, 10, sku="A"),
        ev(SEGMENT_STARTED, 50, index=1, title="Across"),
        ev(MARKER, 50, text="too early"),
        ev(MARKER, 100, text="first"),
        ev(MARKER, 200, text="too late"),
        ev(SEGMENT_STARTED, 200, index=2, title="After"),
        ev(PRODUCT_FEATURED, 250, sku="B"),
    ], window)
    assert segs == (SegmentSpan(1, "Across", at(100), at(200)),)
    assert feats == (FeatureSpan("A", at(100), at(200)),)
    assert marks == (Marker(at(100), "first"),)


def test_features():
    _, feats, _ = timeline_from_events([
        ev(PRODUCT_UNFEATURED, 5, sku="A"),  # not featured: ignored
        ev(PRODUCT_FEATURED, 10, sku="A"),
        ev(PRODUCT_FEATURED, 20, sku="A"),  # already featured: no change
        ev(PRODUCT_FEATURED, 30, sku="B"),
        ev(PRODUCT_UNFEATURED, 40, sku="A"),
        ev(PRODUCT_FEATURED, 50, sku="A"),
        ev(PRODUCT_FEATURED, 60, sku="C"),
        ev(SESSION_ENDED, 70),  # ends every featuring
        ev(PRODUCT_FEATURED, 80, sku="D"),  # runs to the window's end
    ], TW)
    assert feats == (
        FeatureSpan("A", at(10), at(40)),
        FeatureSpan("B", at(30), at(70)),
        FeatureSpan("A", at(50), at(70)),
        FeatureSpan("C", at(60), at(70)),
        FeatureSpan("D", at(80), at(600)),
    )


def test_malformed_events_are_skipped_without_crashing():
    naive = datetime(2026, 3, 14, 10, 1)
    segs, feats, marks = timeline_from_events([
        None,
        ("too", "short"),
        (SEGMENT_STARTED, "yesterday", {"index": 5}),
        (SEGMENT_STARTED, naive, {"index": 5}),
        (SEGMENT_STARTED, at(0), None),  # no payload: segment 0, no title
        ev(SEGMENT_STARTED, 10, index="x", title=3),  # unusable index: the next one
        ev(SEGMENT_ENDED, 20, index="x"),  # matches nothing: ignored
        ev(SEGMENT_ENDED, 30, index=7),  # not the running segment: ignored
        ev(SEGMENT_ENDED, 40),  # no index: ends the running segment
        ev(PRODUCT_FEATURED, 50, sku=5),
        ev(PRODUCT_FEATURED, 50, sku=""),
        ev(PRODUCT_UNFEATURED, 50),
        ev(MARKER, 60),
        ev(MARKER, 61, text=["x"]),
        ("some_future_event", at(70), {"x": 1}),
        ev(SEGMENT_STARTED, 80, index=True, title="bool index"),
        ev(SEGMENT_STARTED, 90, index=-3, title="negative"),
    ], TW)
    assert segs == (
        SegmentSpan(0, "", at(0), at(10)),
        SegmentSpan(1, "", at(10), at(40)),
        SegmentSpan(2, "bool index", at(80), at(90)),
        SegmentSpan(3, "negative", at(90), at(600)),
    )
    assert feats == ()
    assert marks == (Marker(at(60), ""), Marker(at(61), ""))


def test_events_are_taken_in_time_order_and_empty_spans_dropped():
    segs, feats, _ = timeline_from_events([
        ev(SEGMENT_STARTED, 100, index=1, title="B"),
        ev(SEGMENT_STARTED, 0, index=0, title="A"),  # logged late
        ev(PRODUCT_FEATURED, 50, sku="X"),
        ev(PRODUCT_UNFEATURED, 50, sku="X"),  # zero length
    ], TW)
    assert segs == (SegmentSpan(0, "A", at(0), at(100)), SegmentSpan(1, "B", at(100), at(600)))
    assert feats == ()
    assert timeline_from_events([], TW) == ((), (), ())


def test_timeline_feeds_the_report():
    segs, feats, marks = timeline_from_events([
        ev(SEGMENT_STARTED, 0, index=0, title="Intro"),
        ev(PRODUCT_FEATURED, 60, sku="A"),
        ev(PRODUCT_UNFEATURED, 180, sku="A"),
        ev(SEGMENT_STARTED, 120, index=1, title="Vases"),
    ], WINDOW)
    r = build_report(session(segments=segs, features=feats, markers=marks))
    assert [(s.title, s.units) for s in r.segments] == [("Intro", 4), ("Vases", 4)]
    assert next(p for p in r.products if p.sku == "A").featured_seconds == 120.0


# --- properties ------------------------------------------------------------------------------------------

SKUS = st.sampled_from(["A", "B", "C"])


@st.composite
def sessions(draw):
    length = draw(st.integers(min_value=1, max_value=900))
    window = Window(T0, at(length))
    orders = draw(st.lists(st.tuples(st.integers(-100, length + 100),
                                      st.lists(st.tuples(SKUS, st.integers(1, 5),
                                                         st.sampled_from(["0.99", "5", "12.50"])),
                                               min_size=1, max_size=3)), max_size=30))
    lines = tuple(SaleLine(f"o{n}", at(t), sku, q, D(p), "CNY")
                  for n, (t, items) in enumerate(orders) for sku, q, p in items)
    cuts = sorted(set(draw(st.lists(st.integers(0, length), max_size=5))))
    segments = tuple(SegmentSpan(i, f"S{i}", at(a), at(b)) for i, (a, b) in enumerate(zip(cuts, cuts[1:])))
    features = tuple(FeatureSpan(sku, at(a), at(a + d)) for sku, a, d in draw(st.lists(
        st.tuples(SKUS, st.integers(-50, length), st.integers(1, 300)), max_size=6)))
    viewers = tuple(sorted((at(t), v) for t, v in draw(st.lists(
        st.tuples(st.integers(0, length + 10), st.integers(0, 1000)), max_size=10))))
    return session(window=window, lines=lines, segments=segments, features=features, viewers=viewers)


@given(sessions())
def test_figures_add_up(s):
    r = build_report(s)
    assert sum(m.units for m in r.minutes) == r.totals.units
    assert sum(m.orders for m in r.minutes) == r.totals.orders  # each order at one instant
    assert sum((m.revenue for m in r.minutes), D(0)) == r.totals.revenue
    assert sum(p.units for p in r.products) == r.totals.units
    assert sum((p.revenue for p in r.products), D(0)) == r.totals.revenue
    assert sum(seg.units for seg in r.segments) <= r.totals.units
    assert sum(seg.orders for seg in r.segments) <= r.totals.orders
    assert sum((seg.revenue for seg in r.segments), D(0)) <= r.totals.revenue
    assert r.cumulative[-1][1] == r.totals.revenue and len(r.cumulative) == r.totals.orders + 1
    for p in r.products:
        assert 0 <= p.units_featured <= p.units
        assert 0 <= p.featured_seconds <= s.window.seconds
    if r.avg_viewers is not None:
        assert min(v for _, v in s.viewers if s.window.contains(_)) <= r.avg_viewers + 1e-9
        assert r.avg_viewers <= r.peak_viewers + 1e-9
