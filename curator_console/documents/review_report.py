"""The session review as files: a PDF report, one PNG per chart, and CSV tables.

- ``export_review_pdf``: A4 landscape. Page 1: the session's title and facts (tour, mode, when,
  duration, baseline, currency), the headline sentences (``review_text``) and the figures table
  (session, baseline, change); then one page per chart (``review_charts``: timeline, products,
  cumulative, and the series when points are given); then the per-product and per-segment tables,
  continued over as many pages as they need with their column headings repeated. Every page has a
  running header and "Page x of y". Text is set with the documents' fonts as Type 3 (``pdf.py``),
  so ``pdftotext`` gives the Chinese and English exactly.
- ``export_review_pngs``: ``timeline.png``, ``products.png``, ``cumulative.png`` (and
  ``series.png``) at 150 dpi.
- ``export_review_csvs``: ``products.csv``, ``segments.csv``, ``minutes.csv``: UTF-8 with a BOM
  (so Excel reads Chinese), headers from the labels, money as plain decimal strings in the
  report's currency (``12345.00``: no symbol, no separators), times ISO 8601 with their offset.

Every file is written beside its target and renamed over it at the end, so a failed export never
leaves half a file. A file that cannot be written raises ``ReviewExportError`` with a plain
message naming the path.
"""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import tzinfo
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from curator_console.documents import formatting as f
from curator_console.documents.labels import fill, with_defaults
from curator_console.documents.layout import (
    Measure,
    Page,
    Row,
    RuleOp,
    TextOp,
    clamp_lines,
    elide,
    line_ops,
    paginate,
    place_rows,
    spacer,
    text_rows,
    wrap,
)
from curator_console.documents.parts import INK, MUTED, OK, RULE, WARN, add_page_frames
from curator_console.documents.review_text import (
    baseline_phrase,
    count,
    headline_lines,
    lift_cell,
    lift_sentence,
    ratio,
    window_label,
)
from curator_console.domain.money import Money
from curator_console.domain.review_model import CUSTOM, NEW_SALES, Lift, SeriesPoint, SessionReport

A4_LANDSCAPE = (841.89, 595.28)
PAGE_W, PAGE_H = A4_LANDSCAPE
MARGIN = 40.0
LEFT, RIGHT = MARGIN, PAGE_W - MARGIN
BODY_TOP = MARGIN + 26  # below the running header
BODY_BOTTOM = PAGE_H - MARGIN - 6  # above the footer
PNG_DPI = 150
TABLE_TEXT = 8.2
TABLE_ROW = 15.0
HEAD_TEXT = 7.6


class ReviewExportError(ValueError):
    """A review file could not be written (the message names the path and says why)."""


# --- checks and atomic writes -------------------------------------------------------------------


def _check_file(path: Path) -> None:
    if path.is_dir():
        raise ReviewExportError(f"{path} is a folder; give a file name such as {path / 'review.pdf'}.")
    if not path.parent.is_dir():
        raise ReviewExportError(f"cannot write {path}: the folder {path.parent} does not exist.")


def _check_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise ReviewExportError(f"cannot write into {folder}: it is a file, not a folder.")
    if not folder.is_dir():
        raise ReviewExportError(f"cannot write into {folder}: the folder does not exist.")


def _os_error(path: Path, exc: OSError) -> ReviewExportError:
    return ReviewExportError(f"cannot write {path}: {exc.strerror or exc}")


# --- small formatting helpers --------------------------------------------------------------------


def _money_cell(amount: Decimal | None, currency: str) -> str:
    return "—" if amount is None else f.money(amount, currency)


def _plain_money(amount: Decimal | None, currency: str) -> str:
    """``12345.00``: the amount rounded to the currency's minor unit, no symbol, no separators."""
    return "" if amount is None else str(Money(amount, currency).quantized())


def _plain(value: Decimal | float | int | None, places: int = 2) -> str:
    """A plain decimal string rounded to ``places`` with trailing zeros dropped (``12``, ``12.5``)."""
    if value is None:
        return ""
    d = Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = format(d, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _lift(session: Decimal | int | None, baseline: Decimal | int | None) -> Lift:
    from curator_console.domain.analytics import compute_lift

    return compute_lift(session, baseline)


def _local(value, tz: tzinfo | None):
    return value.astimezone(tz) if tz is not None else value.astimezone()


def _when(report: SessionReport, tz: tzinfo | None) -> str:
    w = report.session.window
    start, end = _local(w.start, tz), _local(w.end, tz)
    end_text = f"{end:%H:%M}" if end.date() == start.date() else f"{end:%Y-%m-%d %H:%M}"
    return f"{start:%Y-%m-%d %H:%M} – {end_text} ({f.zone_name(start)})"


def _baseline_fact(report: SessionReport, lb: Mapping[str, str], tz: tzinfo | None, custom_label: str | None) -> str:
    base = report.baseline
    if base is None:
        return lb["review_no_baseline"]
    phrase = baseline_phrase(report, lb, tz=tz, custom_label=custom_label)
    phrase = phrase[:1].upper() + phrase[1:]
    if base.spec.kind == CUSTOM or not base.windows:
        return phrase
    windows = "; ".join(window_label(w, tz) for w in base.windows)
    return f"{phrase} ({windows})"


def _mode(report: SessionReport, lb: Mapping[str, str]) -> str:
    return {"live": lb["review_mode_live"], "rehearsal": lb["review_mode_rehearsal"]}.get(
        report.session.mode, report.session.mode)


def _lift_color(lift: Lift) -> str:
    if lift.reason == NEW_SALES or (lift.percent is not None and lift.percent > 0):
        return OK
    if lift.percent is not None and lift.percent < 0:
        return WARN
    return INK


# --- page 1 ---------------------------------------------------------------------------------------


def _front_rows(report: SessionReport, lb: Mapping[str, str], measure: Measure, tz: tzinfo | None,
                custom_label: str | None) -> list[Row]:
    width = RIGHT - LEFT
    s = report.session
    rows = text_rows(wrap(s.title or s.tour or lb["review_report"], width, 20, measure, bold=True), LEFT, 20, 27,
                     keep_with_next=True)
    rows.append(spacer(4))
    facts = [
        [((0.0, 0.38), lb["review_tour"], s.tour or "—"), ((0.38, 0.74), lb["review_when"], _when(report, tz)),
         ((0.74, 0.87), lb["review_mode"], _mode(report, lb)),
         ((0.87, 1.0), lb["review_duration"], f.duration(int(round(s.window.seconds))))],
        [((0.0, 0.87), lb["review_baseline"], _baseline_fact(report, lb, tz, custom_label)),
         ((0.87, 1.0), lb["review_currency"], report.currency)],
    ]
    for cells in facts:
        ops = []
        for (a, b), label, value in cells:
            x, cell_w = LEFT + a * width, (b - a) * width
            ops.append(TextOp(x, 9, elide(label, cell_w - 12, 7.8, measure), 7.8, color=MUTED))
            ops.append(TextOp(x, 23, elide(value, cell_w - 12, 10.5, measure, bold=True), 10.5, bold=True))
        rows.append(Row(31, tuple(ops)))
    rows.append(spacer(12))

    lift_text = lift_sentence(report, lb, tz=tz, custom_label=custom_label)
    for n, sentence in enumerate(headline_lines(report, lb, tz=tz, custom_label=custom_label)):
        size = 15.0 if n == 0 else 13.0
        color = _lift_color(report.lift) if sentence == lift_text else INK
        rows += text_rows(wrap(sentence, width, size, measure, bold=n == 0), LEFT, size, size + 7, color=color)
    rows.append(spacer(16))
    rows += _figures_table(report, lb, measure)
    return rows


def _figures_table(report: SessionReport, lb: Mapping[str, str], measure: Measure) -> list[Row]:
    """Session | baseline | change for revenue, orders and units, then the viewer figures."""
    t = report.totals
    base = report.baseline
    cur = report.currency
    label_x, session_r, base_r, change_r = LEFT, LEFT + 390, LEFT + 540, LEFT + 640
    size = 10.0
    head = [TextOp(label_x, 11, lb["review_figures"], 8, True, MUTED),
            TextOp(session_r, 11, elide(lb["this_session"], 140, 8, measure, bold=True), 8, True, MUTED, "right")]
    if base is not None:
        head += [TextOp(base_r, 11, elide(lb["review_baseline"], 140, 8, measure, bold=True), 8, True, MUTED, "right"),
                 TextOp(change_r, 11, elide(lb["change"], 90, 8, measure, bold=True), 8, True, MUTED, "right")]
    head.append(RuleOp(LEFT, 16, change_r, 16, RULE, 0.8))
    rows = [Row(19, tuple(head), keep_with_next=True)]
    bt = base.totals if base is not None else None
    lines: list[tuple[str, str, str, str]] = [
        (lb["revenue"], _money_cell(t.revenue, cur), _money_cell(bt.revenue, cur) if bt else "",
         lift_cell(report.lift, lb) if bt else ""),
        (lb["orders"], count(t.orders), count(bt.orders) if bt else "",
         lift_cell(_lift(t.orders, bt.orders), lb) if bt else ""),
        (lb["units"], count(t.units), count(bt.units) if bt else "",
         lift_cell(_lift(t.units, bt.units), lb) if bt else ""),
        (lb["peak_viewers"], count(report.peak_viewers), "", ""),
        (lb["avg_viewers"], count(report.avg_viewers), "", ""),
        (lb["conversion"], ratio(report.conversion_per_1000), "", ""),
    ]
    for label, session_v, base_v, change in lines:
        ops = [TextOp(label_x, 13, elide(label, session_r - label_x - 150, size, measure), size, color=MUTED),
               TextOp(session_r, 13, session_v, size, True, INK, "right")]
        if base is not None:
            ops += [TextOp(base_r, 13, base_v, size, False, INK, "right"),
                    TextOp(change_r, 13, change, size, True, INK, "right")]
        ops.append(RuleOp(LEFT, 18, change_r, 18, "#e6e6e6", 0.5))
        rows.append(Row(19, tuple(ops)))
    return rows


# --- the tables -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    header: str
    width: float  # 0: takes the room left
    align: str = "right"


def _layout(columns: Sequence[Column]) -> list[tuple[float, float]]:
    """(x, width) of every column across the page."""
    fixed = sum(c.width for c in columns)
    flex = [c for c in columns if not c.width]
    room = max((RIGHT - LEFT - fixed) / max(len(flex), 1), 60.0)
    out, x = [], LEFT
    for c in columns:
        w = c.width or room
        out.append((x, w))
        x += w
    return out


def _head_rows(title: str, columns: Sequence[Column], measure: Measure) -> list[Row]:
    geometry = _layout(columns)
    rows = [Row(24, (TextOp(LEFT, 17, title, 12.5, True, INK),), keep_with_next=True)]
    line_h = HEAD_TEXT + 2.5
    wrapped = [clamp_lines(wrap(c.header, w - 6, HEAD_TEXT, measure, bold=True), 2, w - 6, HEAD_TEXT, measure)
               for c, (_x, w) in zip(columns, geometry)]
    n = max((len(lines) for lines in wrapped), default=1)
    height = n * line_h + 7
    ops = []
    for c, (x, w), lines in zip(columns, geometry, wrapped):
        # headings sit on the bottom line, like the numbers under them
        for k, ln in enumerate(lines):
            baseline = height - 6 - (len(lines) - 1 - k) * line_h
            if c.align == "right":
                ops += line_ops(ln, x + w - 3, baseline, HEAD_TEXT, MUTED, "right")
            else:
                ops += line_ops(ln, x + 3, baseline, HEAD_TEXT, MUTED)
    ops.append(RuleOp(LEFT, height - 1, RIGHT, height - 1, RULE, 0.8))
    rows.append(Row(height, tuple(ops), keep_with_next=True))
    return rows


def _table_row(cells: Sequence[str], columns: Sequence[Column], measure: Measure, group: str, *,
               bold: bool = False) -> Row:
    ops = []
    for text, c, (x, w) in zip(cells, columns, _layout(columns)):
        text = elide(text, w - 6, TABLE_TEXT, measure, bold=bold)
        if c.align == "right":
            ops.append(TextOp(x + w - 3, 10.5, text, TABLE_TEXT, bold, INK, "right"))
        else:
            ops.append(TextOp(x + 3, 10.5, text, TABLE_TEXT, bold, INK))
    ops.append(RuleOp(LEFT, TABLE_ROW - 0.5, RIGHT, TABLE_ROW - 0.5, "#e6e6e6", 0.4))
    return Row(TABLE_ROW, tuple(ops), group=group)


def _rate(value: Decimal | None) -> str:
    return "—" if value is None else f"{Decimal(str(value)).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP):,}"


def _product_table(report: SessionReport, lb: Mapping[str, str]) -> tuple[list[Column], list[list[str]], list[str]]:
    cur = report.currency
    money = report.totals.revenue is not None
    with_base = report.baseline is not None
    columns = [Column(lb["col_segment"], 24), Column(lb["col_sku"], 78, "left"), Column(lb["col_title"], 0, "left"),
               Column(lb["col_orders"], 52), Column(lb["col_units"], 52), Column(fill(lb["col_revenue"], cur), 88)]
    if with_base:
        columns += [Column(fill(lb["col_baseline_revenue"], cur) if money else lb["col_baseline_units"], 88),
                    Column(lb["col_lift"], 58)]
    columns += [Column(lb["col_featured"], 52), Column(lb["col_rate_featured"], 62), Column(lb["col_rate_rest"], 62)]
    rows = []
    for n, p in enumerate(report.products, start=1):
        cells = [str(n), p.sku, p.title or "—", count(p.orders), count(p.units), _money_cell(p.revenue, cur)]
        if with_base:
            cells += [_money_cell(p.baseline_revenue, cur) if money else _plain(p.baseline_units, 1) or "—",
                      lift_cell(p.lift, lb)]
        cells += [f.duration(int(round(p.featured_seconds))) if p.featured_seconds else "—",
                  _rate(p.units_per_min_featured), _rate(p.units_per_min_rest)]
        rows.append(cells)
    t = report.totals
    total = ["", "", lb["total"], count(t.orders), count(t.units), _money_cell(t.revenue, cur)]
    if with_base:
        bt = report.baseline.totals
        total += [_money_cell(bt.revenue, cur) if money else count(bt.units), lift_cell(report.lift, lb)]
    total += ["", "", ""]
    return columns, rows, total


def _segment_table(report: SessionReport, lb: Mapping[str, str], tz: tzinfo | None):
    cur = report.currency
    columns = [Column(lb["col_segment"], 24), Column(lb["col_title"], 0, "left"), Column(lb["col_start"], 48),
               Column(lb["col_end"], 48), Column(lb["col_duration"], 60), Column(lb["col_orders"], 60),
               Column(lb["col_units"], 60), Column(fill(lb["col_revenue"], cur), 96),
               Column(lb["col_avg_viewers"], 72), Column(lb["col_peak_viewers"], 72)]
    rows = []
    for g in report.segments:
        rows.append([str(g.index + 1), g.title or "—", f"{_local(g.start, tz):%H:%M}", f"{_local(g.end, tz):%H:%M}",
                     f.duration(int(round((g.end - g.start).total_seconds()))), count(g.orders), count(g.units),
                     _money_cell(g.revenue, cur), count(g.avg_viewers), count(g.peak_viewers)])
    return columns, rows


def _table_rows(title: str, group: str, columns, rows, measure: Measure, empty: str,
                total: Sequence[str] | None = None) -> list[Row]:
    out = _head_rows(title, columns, measure)
    if not rows:
        out += text_rows(wrap(empty, RIGHT - LEFT, 9.5, measure), LEFT, 9.5, 18, color=MUTED)
        return out
    body = [_table_row(cells, columns, measure, group) for cells in rows]
    if total is not None:
        body.append(_table_row(total, columns, measure, group, bold=True))
    room = BODY_BOTTOM - BODY_TOP
    if sum(r.height for r in out + body) <= room * 0.9:
        keep = range(len(body) - 1)  # a table that fits on one page is never split
    else:  # a long one never leaves fewer than three rows under its headings or two on its last page
        keep = [k for k in (0, 1, len(body) - 2) if 0 <= k < len(body) - 1]
    for k in keep:
        body[k] = dataclasses.replace(body[k], keep_with_next=True)
    return out + body


def _table_pages(report: SessionReport, lb: Mapping[str, str], measure: Measure, tz: tzinfo | None) -> list[Page]:
    p_columns, p_rows, p_total = _product_table(report, lb)
    s_columns, s_rows = _segment_table(report, lb, tz)
    rows = _table_rows(lb["products"], "products", p_columns, p_rows, measure, lb["no_products_sold"], p_total)
    rows.append(spacer(22))
    rows += _table_rows(lb["segments"], "segments", s_columns, s_rows, measure, lb["no_segments_recorded"])
    heads = {"products": (lb["products"], p_columns), "segments": (lb["segments"], s_columns)}

    def continued(group: object) -> list[Row]:
        title, columns = heads[group]
        return _head_rows(fill(lb["continued"], title), columns, measure)

    return _pages(paginate(rows, BODY_BOTTOM - BODY_TOP, continued=continued))


def _pages(placed) -> list[Page]:
    pages = []
    for page_rows in placed:
        page = Page(PAGE_W, PAGE_H)
        place_rows(page, page_rows, BODY_TOP)
        pages.append(page)
    return pages


# --- the PDF ----------------------------------------------------------------------------------------


def chart_area():
    """Where a chart goes on a report page (inches from the page's edges)."""
    from curator_console.documents.review_charts import Area

    return Area(MARGIN / 72, MARGIN / 72, (BODY_TOP + 6) / 72, (PAGE_H - BODY_BOTTOM + 6) / 72)


def build_review_pages(report: SessionReport, labels: Mapping[str, str] | None = None, tz: tzinfo | None = None,
                       series: Sequence[SeriesPoint] | None = None, *, measure: Measure,
                       custom_label: str | None = None) -> list[tuple[Page, str | None]]:
    """The report's pages: (page with its text and frame, the chart drawn on it or None)."""
    lb = with_defaults(labels)
    front = _pages(paginate(_front_rows(report, lb, measure, tz, custom_label), BODY_BOTTOM - BODY_TOP))
    charts = ["timeline", "products", "cumulative"] + (["series"] if series else [])
    tables = _table_pages(report, lb, measure, tz)
    pages = [(p, None) for p in front] + [(Page(PAGE_W, PAGE_H), c) for c in charts] + [(p, None) for p in tables]
    s = report.session
    add_page_frames([p for p, _c in pages], margin=MARGIN,
                    left_text=f"{lb['review_report']} · {s.title or s.tour}", right_text=s.tour if s.title else "",
                    footer_left=_when(report, tz), measure=measure, labels=lb)
    return pages


def export_review_pdf(report: SessionReport, path: Path | str, labels: Mapping[str, str] | None = None,
                      tz: tzinfo | None = None, series: Sequence[SeriesPoint] | None = None, *,
                      custom_label: str | None = None) -> int:
    """Write the review report (A4 landscape) to ``path``; returns the number of pages.

    ``tz``: the zone times are shown in (the computer's when None); ``series``: sessions to show
    side by side on a page of their own; ``custom_label``: how a custom baseline is named ("the
    whole of <custom_label>"; its dates when None)."""
    import matplotlib
    from matplotlib.backends.backend_pdf import PdfPages

    from curator_console.documents import review_charts as rc
    from curator_console.documents.fonts import FontMeasure
    from curator_console.documents.pdf import PDF_RC, _Props, atomic_output, page_figure, rc_lock

    path = Path(path).expanduser()
    _check_file(path)
    lb = with_defaults(labels)
    pages = build_review_pages(report, lb, tz, series, measure=FontMeasure(), custom_label=custom_label)
    area = chart_area()
    fp = _Props()
    s = report.session
    metadata = {"Title": f"{s.title or s.tour} — {lb['review_report']}", "Subject": lb["review_report"],
                "Creator": "Curator Console"}
    try:
        with atomic_output(path, ".pdf") as tmp, rc_lock, matplotlib.rc_context(PDF_RC):
            with PdfPages(tmp, metadata=metadata) as pdf:
                for page, chart in pages:
                    fig = page_figure(page, fp)
                    if chart == "timeline":
                        rc.draw_timeline(fig, area, report, lb, tz)
                    elif chart == "products":
                        rc.draw_products(fig, area, report, lb)
                    elif chart == "cumulative":
                        rc.draw_cumulative(fig, area, report, lb, tz)
                    elif chart == "series":
                        rc.draw_series(fig, area, series or (), lb, tz)
                    pdf.savefig(fig)
    except OSError as exc:
        raise _os_error(path, exc) from None
    return len(pages)


# --- PNGs -------------------------------------------------------------------------------------------


def export_review_pngs(report: SessionReport, folder: Path | str, labels: Mapping[str, str] | None = None,
                       tz: tzinfo | None = None, series: Sequence[SeriesPoint] | None = None, *,
                       dpi: int = PNG_DPI) -> list[Path]:
    """One PNG per chart in ``folder`` (``timeline.png``, ``products.png``, ``cumulative.png`` and,
    with ``series``, ``series.png``), replacing files of those names; returns their paths."""
    from curator_console.documents.pdf import atomic_output
    from curator_console.documents.review_charts import report_figures

    folder = Path(folder).expanduser()
    _check_folder(folder)
    written = []
    for name, fig in report_figures(report, labels, tz, series).items():
        path = folder / f"{name}.png"
        if path.is_dir():
            raise ReviewExportError(f"cannot write {path}: a folder of that name is in the way.")
        try:
            with atomic_output(path, ".png") as tmp:
                fig.savefig(tmp, format="png", dpi=dpi, facecolor="white")
        except OSError as exc:
            raise _os_error(path, exc) from None
        written.append(path)
    return written


# --- CSVs -------------------------------------------------------------------------------------------


def _iso(value, tz: tzinfo | None) -> str:
    return (value.astimezone(tz) if tz is not None else value).isoformat()


def review_csv_tables(report: SessionReport, labels: Mapping[str, str] | None = None,
                      tz: tzinfo | None = None) -> dict[str, list[list[str]]]:
    """The CSV files' rows by file name (header first), every value a string."""
    lb = with_defaults(labels)
    cur = report.currency

    products = [[lb["col_sku"], lb["col_title"], lb["col_orders"], lb["col_units"], fill(lb["col_revenue"], cur),
                 lb["col_baseline_units"], fill(lb["col_baseline_revenue"], cur), lb["col_lift_percent"],
                 lb["col_featured_seconds"], lb["col_units_featured"], fill(lb["col_revenue_featured"], cur),
                 lb["col_rate_featured"], lb["col_rate_rest"]]]
    for p in report.products:
        change = lb["lift_new"] if p.lift.reason == NEW_SALES else _plain(p.lift.percent, 1)
        products.append([p.sku, p.title, str(p.orders), str(p.units), _plain_money(p.revenue, cur),
                         _plain(p.baseline_units), _plain_money(p.baseline_revenue, cur), change,
                         _plain(p.featured_seconds, 0), str(p.units_featured), _plain_money(p.revenue_featured, cur),
                         _plain(p.units_per_min_featured), _plain(p.units_per_min_rest)])

    segments = [[lb["col_segment"], lb["col_title"], lb["col_start"], lb["col_end"], lb["col_duration_seconds"],
                 lb["col_orders"], lb["col_units"], fill(lb["col_revenue"], cur), lb["col_avg_viewers"],
                 lb["col_peak_viewers"]]]
    for g in report.segments:
        segments.append([str(g.index + 1), g.title, _iso(g.start, tz), _iso(g.end, tz),
                         _plain((g.end - g.start).total_seconds(), 0), str(g.orders), str(g.units),
                         _plain_money(g.revenue, cur), _plain(g.avg_viewers, 1),
                         "" if g.peak_viewers is None else str(g.peak_viewers)])

    minutes = [[lb["col_minute"], lb["col_start"], lb["col_viewers"], lb["col_orders"], lb["col_units"],
                fill(lb["col_revenue"], cur)]]
    for m in report.minutes:
        minutes.append([str(m.minute), _iso(m.start, tz), _plain(m.viewers, 1), str(m.orders), str(m.units),
                        _plain_money(m.revenue, cur)])
    return {"products.csv": products, "segments.csv": segments, "minutes.csv": minutes}


def export_review_csvs(report: SessionReport, folder: Path | str, labels: Mapping[str, str] | None = None, *,
                       tz: tzinfo | None = None) -> list[Path]:
    """``products.csv``, ``segments.csv`` and ``minutes.csv`` in ``folder`` (UTF-8 with a BOM,
    headers from ``labels``; times in ``tz``, UTC when None); returns their paths."""
    from curator_console.documents.pdf import atomic_output

    folder = Path(folder).expanduser()
    _check_folder(folder)
    written = []
    for name, rows in review_csv_tables(report, labels, tz).items():
        path = folder / name
        if path.is_dir():
            raise ReviewExportError(f"cannot write {path}: a folder of that name is in the way.")
        try:
            with atomic_output(path, ".csv") as tmp:
                with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
                    csv.writer(fh).writerows(rows)
        except OSError as exc:
            raise _os_error(path, exc) from None
        written.append(path)
    return written
