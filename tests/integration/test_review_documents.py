"""The Review's charts and report files: the headline sentences (seed phrasing), the PDF read back
with poppler (pages, exact Chinese, headline, tables continued over pages), PNG sizes, CSVs parsed
back with their exact decimal strings, charts of empty sessions, write errors, and a small run of
the ``report`` benchmark."""

from __future__ import annotations

import csv
import dataclasses
import importlib.util
import re
import sys
import warnings
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from curator_console.documents import review_charts as rc
from curator_console.documents.labels import REVIEW_LABELS, with_defaults
from curator_console.documents.review_report import (
    PAGE_H,
    PAGE_W,
    ReviewExportError,
    export_review_csvs,
    export_review_pdf,
    export_review_pngs,
)
from curator_console.documents.review_text import headline_lines, lift_cell, lift_sentence, window_label
from curator_console.domain.analytics import build_report, compute_lift
from curator_console.domain.review_model import (
    AVG_28D,
    CUSTOM,
    DAY_BEFORE,
    NEW_SALES,
    NO_BASELINE,
    NO_MONEY,
    NO_SALES,
    WEEK_BEFORE,
    BaselineResult,
    BaselineSpec,
    FeatureSpan,
    Lift,
    Marker,
    MinuteRow,
    ProductResult,
    SegmentResult,
    SegmentSpan,
    SeriesPoint,
    SessionData,
    SessionReport,
    Totals,
    Window,
)
from tests.pdf_tools import page_count, page_size, pdf_text, squeezed, word_boxes

SHANGHAI = ZoneInfo("Asia/Shanghai")
START = datetime(2026, 3, 20, 11, 30, tzinfo=timezone.utc)  # 19:30 in Shanghai
MINUTES = 60
SEGMENT_TITLES = ("开场：欢迎来到青禾", "Where the Silk Road Began", "青花瓷盘的故事")
BENCH_DIR = Path(__file__).resolve().parents[1] / "benchmarks"


# --- a hand-built report ------------------------------------------------------------------------


def product(sku: str, title: str, orders: int, units: int, revenue: str | None, base: str | None,
            lift: Lift, featured: float = 0.0) -> ProductResult:
    return ProductResult(
        sku=sku, title=title, orders=orders, units=units, revenue=Decimal(revenue) if revenue else None,
        baseline_units=Decimal(units // 5), baseline_revenue=Decimal(base) if base else None, lift=lift,
        featured_seconds=featured, units_featured=units // 3 if featured else 0,
        revenue_featured=Decimal(revenue) / 3 if featured and revenue else None,
        units_per_min_featured=Decimal("12.5") if featured else None, units_per_min_rest=Decimal("1.25"))


def hand_report(**changes) -> SessionReport:
    """A one-hour session: 321 orders, ¥12,345.00, 460 % over the day before, peak 12,300 viewers."""
    end = START + timedelta(minutes=MINUTES)
    seg_len = timedelta(minutes=MINUTES / len(SEGMENT_TITLES))
    spans = tuple(SegmentSpan(i, t, START + i * seg_len, START + (i + 1) * seg_len)
                  for i, t in enumerate(SEGMENT_TITLES))
    session = SessionData(
        id=7, title="青花与蜀绣：夜间直播导览 · 第 3 场", tour="青花与蜀绣：夜间直播导览", mode="live",
        window=Window(START, end),
        viewers=tuple((START + timedelta(minutes=m), 2000 + 10300 * min(m, 30) // 30) for m in range(MINUTES)),
        segments=spans,
        features=(FeatureSpan("QHM-P002", START + timedelta(minutes=10), START + timedelta(minutes=22)),
                  FeatureSpan("QHM-P004", START + timedelta(minutes=40), START + timedelta(minutes=48))),
        markers=(Marker(START + timedelta(minutes=15), "价格下调"), Marker(START + timedelta(minutes=41), "Giveaway")),
        product_titles={"QHM-P002": "青花瓷盘", "QHM-P004": "蜀绣团扇·芙蓉"},
    )
    orders = [5 + (m % 7) for m in range(MINUTES)]
    orders[-1] += 321 - sum(orders)
    revenue_per_minute = [Decimal("205.75")] * (MINUTES - 1) + [Decimal("12345.00") - Decimal("205.75") * (MINUTES - 1)]
    minutes = tuple(MinuteRow(m, START + timedelta(minutes=m), 2000.0 + m * 150.5, orders[m], orders[m] + m % 3,
                              revenue_per_minute[m]) for m in range(MINUTES))
    cumulative, so_far = [], Decimal(0)
    for m, amount in enumerate(revenue_per_minute):
        so_far += amount
        cumulative.append((m + 0.5, so_far))
    base_cumulative = [(m + 0.5, Decimal("36.74") * (m + 1)) for m in range(MINUTES)]
    products = (
        product("QHM-P002", "青花瓷盘", 200, 280, "10000", "1785.714", Lift(Decimal("460"), Decimal("5.6")), 720.0),
        product("QHM-P004", "蜀绣团扇·芙蓉", 100, 150, "2345.5", "418.75", Lift(Decimal("460.1"), Decimal("5.601"))),
        product("QHM-P019", "Museum tote bag — save $5", 21, 26, "-0.5", None, Lift(None, None, NEW_SALES)),
    )
    segments = tuple(SegmentResult(s.index, s.title, s.start, s.end, 107, 152, Decimal("4115.00"), 5400.0, 12300)
                     for s in spans)
    windows = (Window(START - timedelta(days=1), end - timedelta(days=1)),)
    baseline = BaselineResult(BaselineSpec(DAY_BEFORE), windows, Decimal(1), Totals(60, 80, Decimal("2204.46")),
                              Totals(60, 80, Decimal("2204.46")), Decimal("2204.46"))
    report = SessionReport(
        session=session, currency="CNY", totals=Totals(321, 456, Decimal("12345.00")), peak_viewers=12300,
        avg_viewers=5400.0, conversion_per_1000=Decimal("26.09756"), minutes=minutes, products=products,
        segments=segments, baseline=baseline, lift=Lift(Decimal("460"), Decimal("5.6")),
        cumulative=tuple(cumulative), baseline_cumulative=tuple(base_cumulative))
    return dataclasses.replace(report, **changes)


def with_lift(percent: str | None, multiple: str | None = None, reason: str = "", kind: str = DAY_BEFORE,
              custom: Window | None = None) -> SessionReport:
    report = hand_report()
    if multiple is None and percent is not None:
        multiple = str(Decimal(percent) / 100 + 1)
    baseline = dataclasses.replace(report.baseline, spec=BaselineSpec(kind, custom))
    return dataclasses.replace(report, baseline=baseline, lift=Lift(
        Decimal(percent) if percent is not None else None, Decimal(multiple) if multiple is not None else None, reason))


HEADLINE = [
    "Revenue ¥12,345.00 from 321 orders (456 units)",
    "Sales rose 460% against the same hours the day before",
    "Peak 12,300 viewers, average 5,400; 26 orders per 1,000 peak viewers",
]


# --- headline phrasing ----------------------------------------------------------------------------


def test_headline_lines_say_revenue_change_and_viewers_in_plain_sentences() -> None:
    assert headline_lines(hand_report(), None) == HEADLINE


@pytest.mark.parametrize(("percent", "multiple", "kind", "expected"), [
    ("460", None, DAY_BEFORE, "Sales rose 460% against the same hours the day before"),
    ("95", "1.95", DAY_BEFORE, "Doubled compared with the day before"),
    ("104.9", "2.049", WEEK_BEFORE, "Doubled compared with the week before"),
    ("105", "2.05", DAY_BEFORE, "Sales rose 105% against the same hours the day before"),
    ("94.9", "1.949", DAY_BEFORE, "Sales rose 95% against the same hours the day before"),
    ("899", "9.99", DAY_BEFORE, "Sales rose 899% against the same hours the day before"),
    ("900", "10", DAY_BEFORE, "10 times the same hours the day before"),
    ("1248.7", "13.487", AVG_28D, "13 times an average day of the 28 days before"),
    ("-12.4", None, WEEK_BEFORE, "Sales fell 12% against the same hours a week before"),
    ("3.46", None, DAY_BEFORE, "Sales rose 3.5% against the same hours the day before"),
    ("-0.04", None, DAY_BEFORE, "Sales were level with the same hours the day before"),
])
def test_the_change_is_said_as_a_percentage_doubled_or_n_times(percent, multiple, kind, expected) -> None:
    assert lift_sentence(with_lift(percent, multiple, kind=kind), None) == expected


def test_n_times_a_custom_window_uses_its_label_or_its_dates() -> None:
    february = Window(datetime(2026, 2, 1, tzinfo=SHANGHAI), datetime(2026, 3, 1, tzinfo=SHANGHAI))
    report = with_lift("5900", "60", kind=CUSTOM, custom=february)
    assert lift_sentence(report, None, custom_label="February 2026") == "60 times the whole of February 2026"
    assert lift_sentence(report, None, tz=SHANGHAI) == "60 times the whole of 2026-02-01 – 2026-02-28"
    assert window_label(Window(datetime(2026, 3, 19, tzinfo=SHANGHAI), datetime(2026, 3, 20, tzinfo=SHANGHAI)),
                        SHANGHAI) == "2026-03-19"
    assert window_label(Window(START, START + timedelta(hours=2)), SHANGHAI) == "2026-03-20 19:30 – 21:30"


def test_new_sales_no_sales_and_no_baseline() -> None:
    assert lift_sentence(with_lift(None, None, NEW_SALES), None) == "New sales: the baseline sold nothing"
    assert lift_sentence(with_lift(None, None, NO_SALES), None) == "No sales in the session or the baseline"
    lines = headline_lines(hand_report(baseline=None, lift=Lift(None, None, NO_BASELINE)), None)
    assert lines == [HEADLINE[0], HEADLINE[2]]


def test_money_unknown_says_why_and_states_no_change() -> None:
    report = hand_report(totals=Totals(321, 456, None), lift=Lift(None, None, NO_MONEY),
                         money_problem="no rate for USD was given")
    assert headline_lines(report, None) == [
        "321 orders (456 units); revenue cannot be added up: no rate for USD was given", HEADLINE[2]]


def test_viewer_sentences_without_samples_or_conversion() -> None:
    assert headline_lines(hand_report(peak_viewers=None, avg_viewers=None, conversion_per_1000=None))[-1] \
        == "No viewer counts were recorded"
    assert headline_lines(hand_report(conversion_per_1000=None))[-1] == "Peak 12,300 viewers, average 5,400"
    assert headline_lines(hand_report(conversion_per_1000=Decimal("2.64")))[-1].endswith(
        "; 2.6 orders per 1,000 peak viewers")


def test_translated_sentences_fill_their_placeholders() -> None:
    zh = {"lift_rose": "销售额比%2增长 %1%", "baseline_day_before": "前一天同一时段",
          "headline_revenue": "销售额 %1，共 %2 单（%3 件）", "lift_times": "是%2的 %1 倍"}
    lines = headline_lines(hand_report(), zh)
    assert lines[:2] == ["销售额 ¥12,345.00，共 321 单（456 件）", "销售额比前一天同一时段增长 460%"]
    assert lift_sentence(with_lift("5900", "60"), zh) == "是前一天同一时段的 60 倍"


def test_the_analytics_lift_is_phrased_like_the_seed_story() -> None:
    lift = compute_lift(Decimal("5600.00"), Decimal("1000.00"))
    report = hand_report(lift=lift)
    assert lift_sentence(report, None) == "Sales rose 460% against the same hours the day before"
    assert lift_sentence(hand_report(lift=compute_lift(Decimal("2000"), Decimal("1000"))), None) \
        == "Doubled compared with the day before"
    assert lift_sentence(hand_report(lift=compute_lift(Decimal("60"), Decimal("1"))), None) \
        == "60 times the same hours the day before"
    assert lift_sentence(hand_report(lift=compute_lift(Decimal("5"), Decimal("0"))), None) \
        == "New sales: the baseline sold nothing"
    assert lift_cell(compute_lift(Decimal("88"), Decimal("100"))) == "−12%"
    assert lift_cell(Lift(None, None, NEW_SALES)) == "new"


def test_every_review_label_has_an_english_default() -> None:
    merged = with_defaults(None)
    assert all(merged[k] == v for k, v in REVIEW_LABELS.items())
    assert with_defaults({"viewers": ""})["viewers"] == "Viewers"  # empty translations fall back


# --- the PDF ------------------------------------------------------------------------------------------


SERIES = [SeriesPoint(i, f"第 {i} 场" if i % 2 else f"Session {i}", START - timedelta(days=7 * (4 - i)), 9000 + i * 800,
                      Decimal(10000 + 2345 * i), "CNY", Decimal("20") + i) for i in range(1, 5)]


def test_the_pdf_has_the_front_page_a_page_per_chart_and_the_tables(tmp_path: Path) -> None:
    out = tmp_path / "review.pdf"
    pages = export_review_pdf(hand_report(), out, None, SHANGHAI, series=SERIES)
    assert pages == page_count(out) == 6  # front, timeline, products, cumulative, series, tables
    assert page_size(out) == pytest.approx((PAGE_W, PAGE_H), abs=0.5)
    front = squeezed(pdf_text(out, 1))
    for sentence in HEADLINE:
        assert squeezed(sentence) in front, sentence
    for expected in ("Session review", "青花与蜀绣：夜间直播导览 · 第 3 场", "2026-03-20 19:30 – 20:30 (Asia/Shanghai)",
                     "The same hours the day before (2026-03-19 19:30 – 20:30)", "¥2,204.46", "+460%", "+435%", "+470%",
                     "Page 1 of 6"):
        assert squeezed(expected) in front, expected
    assert "Viewers and orders per minute" in pdf_text(out, 2)
    timeline = squeezed(pdf_text(out, 2))
    for title in SEGMENT_TITLES:
        assert squeezed(f"{SEGMENT_TITLES.index(title) + 1}. {title}") in timeline, title
    assert "价格下调" in timeline and "QHM-P002" in timeline
    products_page = squeezed(pdf_text(out, 3))
    assert squeezed("Revenue per product (CNY)") in products_page
    assert "青花瓷盘" in products_page and "蜀绣团扇·芙蓉" in products_page and "Museumtotebag—save$5" in products_page
    assert squeezed("Sales rose 460% against the same hours the day before") in squeezed(pdf_text(out, 4))
    assert "第1场" in squeezed(pdf_text(out, 5)) and "Session2" in squeezed(pdf_text(out, 5))
    tables = squeezed(pdf_text(out, 6))
    for expected in ("QHM-P002", "青花瓷盘", "¥10,000.00", "¥1,785.71", "蜀绣团扇·芙蓉", "¥2,345.50", "-¥0.50", "new",
                     "12:00", "12.5", "¥12,345.00", *SEGMENT_TITLES, "19:30", "19:50", "20:10", "¥4,115.00", "Page6of6"):
        assert squeezed(expected) in tables, expected


def test_chinese_labels_reach_the_pdf_text_exactly(tmp_path: Path) -> None:
    zh = {"review_report": "直播复盘", "lift_rose": "销售额比%2增长 %1%", "baseline_day_before": "前一天同一时段",
          "chart_timeline": "每分钟观众与订单", "products": "商品", "page_of": "第 %1 页，共 %2 页"}
    out = tmp_path / "zh.pdf"
    export_review_pdf(hand_report(), out, zh, SHANGHAI)
    text = squeezed(pdf_text(out))
    for expected in ("直播复盘", "销售额比前一天同一时段增长460%", "每分钟观众与订单", "商品", "第1页，共5页", "青花瓷盘"):
        assert expected in text, expected


def test_long_tables_continue_over_pages_and_nothing_passes_the_page(tmp_path: Path) -> None:
    many = tuple(product(f"SKU-{k:03d}", f"第 {k} 号商品：景德镇手绘青花杯碟套装", 3, 4, f"{1000 - k}.25", "10",
                         Lift(Decimal("10"), Decimal("1.1"))) for k in range(90))
    out = tmp_path / "long.pdf"
    pages = export_review_pdf(hand_report(products=many), out, None, SHANGHAI)
    assert pages == page_count(out) >= 7
    text = pdf_text(out)
    assert squeezed("Products (continued)") in squeezed(text)
    for k in range(90):
        assert f"SKU-{k:03d}" in text
    boxes = word_boxes(out)
    assert all(20 <= x0 and x1 <= PAGE_W - 20 and y1 <= PAGE_H - 20 for _p, x0, _y0, x1, y1, _w in boxes)


# --- PNGs and CSVs ------------------------------------------------------------------------------------


def test_pngs_are_images_of_the_expected_size(tmp_path: Path) -> None:
    from PIL import Image

    paths = export_review_pngs(hand_report(), tmp_path, None, SHANGHAI, series=SERIES)
    assert [p.name for p in paths] == ["timeline.png", "products.png", "cumulative.png", "series.png"]
    sizes = {"timeline": rc.TIMELINE_SIZE, "products": rc.PRODUCTS_SIZE, "cumulative": rc.CUMULATIVE_SIZE,
             "series": rc.SERIES_SIZE}
    for path in paths:
        with Image.open(path) as image:
            image.verify()
        with Image.open(path) as image:
            w, h = sizes[path.stem]
            assert image.format == "PNG" and image.size == (round(w * 150), round(h * 150))
    assert not list(tmp_path.glob(".*part"))


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def test_csvs_parse_back_with_exact_decimal_strings(tmp_path: Path) -> None:
    paths = export_review_csvs(hand_report(), tmp_path, None, tz=SHANGHAI)
    assert [p.name for p in paths] == ["products.csv", "segments.csv", "minutes.csv"]
    products = read_csv(tmp_path / "products.csv")
    assert products[0][:8] == ["SKU", "Title", "Orders", "Units", "Revenue (CNY)", "Baseline units",
                               "Baseline revenue (CNY)", "Change (%)"]
    assert products[1][:8] == ["QHM-P002", "青花瓷盘", "200", "280", "10000.00", "56", "1785.71", "460"]
    assert products[1][8:] == ["720", "93", "3333.33", "12.5", "1.25"]
    assert products[2][:8] == ["QHM-P004", "蜀绣团扇·芙蓉", "100", "150", "2345.50", "30", "418.75", "460.1"]
    assert products[3][1] == "Museum tote bag — save $5" and products[3][4] == "-0.50" and products[3][7] == "new"
    segments = read_csv(tmp_path / "segments.csv")
    assert segments[0][0] == "#" and segments[0][4] == "Duration (seconds)"
    assert segments[1] == ["1", "开场：欢迎来到青禾", "2026-03-20T19:30:00+08:00", "2026-03-20T19:50:00+08:00", "1200",
                           "107", "152", "4115.00", "5400", "12300"]
    minutes = read_csv(tmp_path / "minutes.csv")
    assert minutes[0] == ["Minute", "Start", "Viewers", "Orders", "Units", "Revenue (CNY)"]
    assert len(minutes) == MINUTES + 1
    assert minutes[1] == ["0", "2026-03-20T19:30:00+08:00", "2000", "5", "5", "205.75"]
    assert minutes[2][2] == "2150.5"
    assert sum(Decimal(r[5]) for r in minutes[1:]) == Decimal("12345.00")
    # Headers come from the labels; UTC times without a zone.
    export_review_csvs(hand_report(), tmp_path, {"col_sku": "商品编号", "col_revenue": "销售额（%1）"})
    assert read_csv(tmp_path / "products.csv")[0][:5] == ["商品编号", "Title", "Orders", "Units", "销售额（CNY）"]
    assert read_csv(tmp_path / "minutes.csv")[1][1] == "2026-03-20T11:30:00+00:00"


def test_money_unknown_leaves_money_cells_empty_and_charts_units(tmp_path: Path) -> None:
    report = hand_report(totals=Totals(321, 456, None), lift=Lift(None, None, NO_MONEY), money_problem="no rate for USD",
                         products=tuple(dataclasses.replace(p, revenue=None, baseline_revenue=None, revenue_featured=None,
                                                            lift=Lift(None, None, NO_MONEY)) for p in hand_report().products),
                         minutes=tuple(dataclasses.replace(m, revenue=None) for m in hand_report().minutes))
    export_review_csvs(report, tmp_path)
    row = read_csv(tmp_path / "products.csv")[1]
    assert row[4] == "" and row[6] == "" and row[7] == ""
    out = tmp_path / "units.pdf"
    export_review_pdf(report, out, None, SHANGHAI)
    text = squeezed(pdf_text(out))
    assert squeezed("Units per product (revenue cannot be added up)") in text
    assert squeezed("Cumulative units (revenue cannot be added up)") in text
    assert squeezed("revenue cannot be added up: no rate for USD") in text


# --- charts of empty sessions and their fonts -------------------------------------------------------


def draw_all(report: SessionReport, series=()) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figures = rc.report_figures(report, None, SHANGHAI, series)
        figures["series_empty"] = rc.series_figure([], None, SHANGHAI)
        for fig in figures.values():
            FigureCanvasAgg(fig).draw()
    problems = [str(w.message) for w in caught if "Glyph" in str(w.message) or "singular" in str(w.message)]
    assert not problems  # a missing glyph would be drawn as an empty box


def empty_session(viewers=()) -> SessionData:
    return SessionData(id=1, title="空场", tour="Tour", mode="rehearsal", window=Window(START, START + timedelta(hours=2)),
                       viewers=tuple(viewers), segments=(SegmentSpan(0, "唯一一段", START, START + timedelta(hours=2)),))


def test_a_session_with_zero_orders_and_one_without_viewer_samples_still_draw(tmp_path: Path) -> None:
    draw_all(build_report(empty_session()))  # no orders, no viewers
    draw_all(build_report(empty_session([(START + timedelta(seconds=10 * k), 100 + k) for k in range(720)])))
    draw_all(hand_report(), SERIES)
    draw_all(hand_report(session=dataclasses.replace(hand_report().session, viewers=())))
    report = build_report(empty_session())
    out = tmp_path / "empty.pdf"
    assert export_review_pdf(report, out, None, SHANGHAI) == page_count(out) == 5
    text = squeezed(pdf_text(out))
    assert squeezed("No orders in this session") in text and squeezed("No viewer counts recorded") in text
    assert squeezed("No products sold.") in text


def test_figures_embed_with_their_own_fonts_outside_any_rc_context() -> None:
    """The Qt canvas draws later, under the application's rcParams: the Chinese tick labels keep
    the documents' font chain."""
    fig = rc.products_figure(hand_report())
    labels = [t for ax in fig.axes for t in ax.get_yticklabels() if t.get_text() == "青花瓷盘"]
    assert labels and tuple(labels[0].get_fontfamily()) == tuple(rc.font_families())


# --- errors -------------------------------------------------------------------------------------------


def test_write_errors_name_the_path_and_leave_nothing_behind(tmp_path: Path, monkeypatch) -> None:
    missing = tmp_path / "missing" / "review.pdf"
    with pytest.raises(ReviewExportError, match=re.escape(f"cannot write {missing}: the folder")):
        export_review_pdf(hand_report(), missing)
    with pytest.raises(ReviewExportError, match="is a folder"):
        export_review_pdf(hand_report(), tmp_path)
    with pytest.raises(ReviewExportError, match="the folder does not exist"):
        export_review_pngs(hand_report(), tmp_path / "nowhere")
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    with pytest.raises(ReviewExportError, match="it is a file, not a folder"):
        export_review_csvs(hand_report(), a_file)

    import os

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    target = tmp_path / "review.pdf"
    target.write_bytes(b"old")
    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ReviewExportError, match=re.escape(f"cannot write {target}: Permission denied")):
        export_review_pdf(hand_report(), target)
    assert target.read_bytes() == b"old"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


# --- the benchmark ------------------------------------------------------------------------------------


def load_run_module():
    spec = importlib.util.spec_from_file_location("curator_bench_run", BENCH_DIR / "run.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_report_benchmark_prints_its_summary_and_writes_the_pdf(tmp_path: Path, capsys) -> None:
    run = load_run_module()
    args = run.build_parser().parse_args(["report", "--orders", "2000", "--runs", "1"])
    assert args.orders == 2000 and run.build_parser().parse_args(["report"]).runs == 3
    ctx = run.make_context(tmp_path)
    figures = run.bench_report(args, ctx)
    print(run.summary_line("report", figures))
    out = capsys.readouterr().out
    m = re.search(r"^report orders=(\d+) app_ms=(\d+) baseline_ms=(\d+) ratio=(\d+\.\d\d) pdf_ms=(\d+)", out,
                  re.MULTILINE)
    assert m, out
    assert int(m.group(1)) == 2000 and int(m.group(2)) > 0 and int(m.group(3)) > 0 and int(m.group(5)) > 0
    pdf = tmp_path / "review.pdf"
    assert pdf.exists() and page_count(pdf) >= 6
