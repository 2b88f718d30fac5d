"""The Review charts, as ``matplotlib.figure.Figure`` objects drawn from a ``SessionReport``.

The same figures serve the Review workspace (embedded with ``FigureCanvasQTAgg``), the PNG export
and the report PDF (drawn onto an A4 page under its running header). Only matplotlib's object API
is used — never pyplot, which keeps global state — and matplotlib is imported inside functions.

- ``timeline_figure``: viewers (line, left axis) and orders per minute (bars, right axis) on the
  session's clock; segments shaded alternately with their titles along the top, the featured
  products as bands labelled with their SKU in a strip below, markers as dashed lines.
- ``products_figure``: revenue per product, the session against the baseline (top 15 and
  "others"); units when the revenue cannot be added up.
- ``cumulative_figure``: revenue so far against the baseline's, with the change in the title.
- ``series_figure``: several sessions side by side (peak viewers, revenue, conversion).

Text uses the documents' font chain (``fonts.font_families``: DejaVu Sans, then a Chinese font),
set on every text and tick label, so Chinese titles render on screen, in PNGs and in the PDF
without touching matplotlib's global settings. Labels that could be too wide (segment titles,
SKUs, product titles) are shortened with "…" to the room they have at the figure's size. Every
series is one artist built from numpy arrays (no artist per order), so a two-hour session with
100,000 orders draws as fast as a few hundred.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from decimal import Decimal

from curator_console.documents import formatting as f
from curator_console.documents.fonts import font_families, font_properties
from curator_console.documents.labels import fill, with_defaults
from curator_console.documents.layout import elide
from curator_console.documents.review_text import baseline_phrase, count, lift_sentence, ratio
from curator_console.domain.review_model import NEW_SALES, SeriesPoint, SessionReport

TIMELINE_SIZE = (11.0, 5.6)  # inches
PRODUCTS_SIZE = (10.0, 6.6)
CUMULATIVE_SIZE = (10.0, 5.6)
SERIES_SIZE = (10.0, 6.6)
TOP_PRODUCTS = 15  # bars; the rest are summed into "others"

INK = "#1f1f1f"
MUTED = "#6b6b6b"
GRID = "#e3e3e3"
VIEWERS = "#1f5f8b"
ORDERS = "#e39b2d"
SESSION = "#1f5f8b"
BASELINE = "#b5b5b5"
BASELINE_LINE = "#8c8c8c"
SHADE = "#efefef"
FEATURE = "#4f8a3c"
MARKER = "#8a3f76"
UP = "#1e6b35"
DOWN = "#b3261e"

TITLE_SIZE = 11.5
SUBTITLE_SIZE = 9.5
TEXT_SIZE = 8.5
SMALL_SIZE = 7.5
TICK_SIZE = 8.0

_CLOCK_STEPS = (1, 2, 5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 720, 1440)  # minutes


# --- shared pieces ----------------------------------------------------------------------------

_local = threading.local()


def _measure():
    """The width measure of the documents' fonts (one per thread: FreeType faces are not shared)."""
    measure = getattr(_local, "measure", None)
    if measure is None:
        from curator_console.documents.fonts import FontMeasure

        measure = _local.measure = FontMeasure()
    return measure


def _fp(size: float, bold: bool = False):
    return font_properties(size, bold)


def _fit(text: str, width_pt: float, size: float, bold: bool = False) -> str:
    """``text`` shortened with "…" to ``width_pt`` points ("" when not even one letter fits)."""
    if width_pt <= 0:
        return ""
    text = elide(text, width_pt, size, _measure(), bold=bold)
    return "" if text in ("", "…") else text


def _fit_tail(text: str, width_pt: float, size: float) -> str:
    """``text`` shortened from the front ("…P017"): the end of a SKU tells products apart."""
    measure = _measure()
    if measure(text, size, False) <= width_pt:
        return text
    for k in range(1, len(text)):
        tail = "…" + text[k:]
        if measure(tail, size, False) <= width_pt:
            return tail if len(text) - k >= 2 else ""
    return ""


def _width(text: str, size: float, bold: bool = False) -> float:
    """The width of the widest line of ``text`` in points."""
    return max(_measure()(line, size, bold) for line in text.split("\n"))


@dataclass(frozen=True)
class Area:
    """Where a chart goes on its figure: insets from the figure's edges, in inches."""

    left: float = 0.0
    right: float = 0.0
    top: float = 0.0
    bottom: float = 0.0


def _rect(fig, area: Area, left: float, right: float, top: float, bottom: float) -> tuple[float, float, float, float]:
    """An axes rectangle (figure fractions) inside ``area`` with further insets in inches."""
    w, h = fig.get_size_inches()
    x0 = (area.left + left) / w
    x1 = 1 - (area.right + right) / w
    y0 = (area.bottom + bottom) / h
    y1 = 1 - (area.top + top) / h
    return x0, y0, max(x1 - x0, 0.05), max(y1 - y0, 0.05)


def _axes_points(fig, rect: tuple[float, float, float, float]) -> tuple[float, float]:
    w, h = fig.get_size_inches()
    return rect[2] * w * 72, rect[3] * h * 72


def _style(ax, *, grid_axis: str | None = "y") -> None:
    ax.tick_params(labelsize=TICK_SIZE, labelfontfamily=list(font_families()), colors=INK, length=3)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color("#9a9a9a")
    if grid_axis:
        ax.grid(True, axis=grid_axis, color=GRID, linewidth=0.6)
        ax.set_axisbelow(True)


def _title(ax, title: str, subtitle: str = "", subtitle_color: str = MUTED) -> None:
    """A bold title above the axes' top-left corner (and a second line under it)."""
    from matplotlib.transforms import offset_copy

    fig = ax.figure
    up = 6 + (SUBTITLE_SIZE + 5 if subtitle else 0)
    ax.text(0, 1, title, transform=offset_copy(ax.transAxes, fig=fig, x=0, y=up, units="points"),
            fontproperties=_fp(TITLE_SIZE, True), color=INK, ha="left", va="bottom", parse_math=False)
    if subtitle:
        ax.text(0, 1, subtitle, transform=offset_copy(ax.transAxes, fig=fig, x=0, y=5, units="points"),
                fontproperties=_fp(SUBTITLE_SIZE), color=subtitle_color, ha="left", va="bottom", parse_math=False)


def _note(ax, text: str, y: float = 0.5) -> None:
    ax.text(0.5, y, text, transform=ax.transAxes, ha="center", va="center", color=MUTED,
            fontproperties=_fp(TEXT_SIZE + 1), parse_math=False)


def _legend(ax, handles, names, *, loc: str = "lower right", anchor=(1.0, 1.0), ncol: int | None = None) -> None:
    if not handles:
        return
    ax.legend(handles, names, loc=loc, bbox_to_anchor=anchor, ncol=ncol or len(handles), frameon=False,
              prop=_fp(TEXT_SIZE), borderaxespad=0.2, handlelength=1.6, columnspacing=1.2)


def _float_array(values, size: int | None = None):
    import numpy as np

    return np.fromiter((float(v) for v in values), dtype=float, count=-1 if size is None else size)


def _currency_symbol(currency: str) -> str:
    return f.CURRENCY_SYMBOLS.get((currency or "").upper(), "")


def _money_short(value: float, currency: str) -> str:
    """``¥12,346``: whole currency units for axes and bar ends."""
    symbol = _currency_symbol(currency)
    text = f"{abs(value):,.0f}"
    sign = "−" if value < -0.5 else ""
    return f"{sign}{symbol}{text}" if symbol else f"{sign}{text} {currency}".rstrip()


def _thousands(value: float, _pos=None) -> str:
    return f"{value:,.0f}"


def _clock_ticks(start: datetime, total_minutes: float, tz: tzinfo | None, max_ticks: int):
    """Tick positions (minutes from ``start``) at round local clock times, and their HH:MM labels."""
    local = start.astimezone(tz) if tz is not None else start.astimezone()
    of_day = local.hour * 60 + local.minute + local.second / 60 + local.microsecond / 60e6
    step = next((s for s in _CLOCK_STEPS if total_minutes / s <= max_ticks), _CLOCK_STEPS[-1])
    first = (-of_day) % step
    positions = []
    x = first
    while x <= total_minutes + 1e-9:
        positions.append(x)
        x += step
    labels = []
    for x in positions:
        at = start + timedelta(minutes=x)
        at = at.astimezone(tz) if tz is not None else at.astimezone()
        labels.append(f"{at:%H:%M}")
    return positions, labels, local


def _elapsed_ticks(total_minutes: float, max_ticks: int):
    step = next((s for s in _CLOCK_STEPS if total_minutes / s <= max_ticks), _CLOCK_STEPS[-1])
    positions = [k * step for k in range(int(total_minutes // step) + 1)]
    return positions, [f"{int(p // 60)}:{int(p % 60):02d}" for p in positions]


def _time_axis(ax, report: SessionReport, tz: tzinfo | None, width_pt: float, lb: Mapping[str, str],
               *, clock: bool = True) -> None:
    total = _total_minutes(report)
    max_ticks = max(3, int(width_pt // 58))
    if clock:
        positions, labels, local = _clock_ticks(report.session.window.start, total, tz, max_ticks)
        ax.set_xlabel(fill(lb["time_in"], f.zone_name(local)), fontproperties=_fp(TEXT_SIZE), color=MUTED)
    else:
        positions, labels = _elapsed_ticks(total, max_ticks)
        ax.set_xlabel(lb["time_since_start"], fontproperties=_fp(TEXT_SIZE), color=MUTED)
    ax.set_xticks(positions, labels)
    ax.set_xlim(0, total)


def _total_minutes(report: SessionReport) -> float:
    return max(report.session.window.seconds / 60, 1 / 60)


def _minutes_from_start(report: SessionReport, at: datetime) -> float:
    return (at - report.session.window.start).total_seconds() / 60


def _new_figure(size: tuple[float, float] | None, default: tuple[float, float]):
    from matplotlib.figure import Figure

    return Figure(figsize=size or default, facecolor="white")


SCREEN_AREA = Area(0.12, 0.12, 0.1, 0.1)


# --- timeline ---------------------------------------------------------------------------------


def timeline_figure(report: SessionReport, labels: Mapping[str, str] | None = None, tz: tzinfo | None = None,
                    *, figsize: tuple[float, float] | None = None):
    """Viewers and orders per minute on the session's clock (times in ``tz``; the computer's when
    None), with the segments, featured products and markers."""
    fig = _new_figure(figsize, TIMELINE_SIZE)
    draw_timeline(fig, SCREEN_AREA, report, with_defaults(labels), tz)
    return fig


def _lanes(spans: Sequence[tuple[float, float]]) -> list[int]:
    """A lane for every span so that spans in one lane never overlap (greedy, in start order)."""
    ends: list[float] = []
    lanes = [0] * len(spans)
    for i in sorted(range(len(spans)), key=lambda k: spans[k][0]):
        x0, x1 = spans[i]
        for lane, end in enumerate(ends):
            if end <= x0 + 1e-9:
                lanes[i] = lane
                ends[lane] = x1
                break
        else:
            lanes[i] = len(ends)
            ends.append(x1)
    return lanes


def draw_timeline(fig, area: Area, report: SessionReport, lb: Mapping[str, str], tz: tzinfo | None) -> None:
    import numpy as np
    from matplotlib.collections import PolyCollection
    from matplotlib.patches import Patch
    from matplotlib.ticker import FuncFormatter, MaxNLocator
    from matplotlib.transforms import blended_transform_factory, offset_copy

    lb = with_defaults(lb)
    s = report.session
    total = _total_minutes(report)

    features = [(max(0.0, _minutes_from_start(report, ft.start)), min(total, _minutes_from_start(report, ft.end)),
                 ft.sku) for ft in s.features]
    features = [ft for ft in features if ft[1] > ft[0]]
    lanes = _lanes([(a, b) for a, b, _ in features])
    n_lanes = max(lanes) + 1 if lanes else 0
    strip = 0.2 * n_lanes + 0.04 if n_lanes else 0.0

    bottom_in, top_in = 0.55, 0.62
    main_rect = _rect(fig, area, 0.8, 0.75, top_in, bottom_in + (strip + 0.08 if strip else 0))
    ax2 = fig.add_axes(main_rect)  # orders (right axis): drawn first, under the viewers
    ax = fig.add_axes(main_rect, sharex=ax2)  # viewers (left axis), transparent over it
    ax.patch.set_visible(False)
    ax2.yaxis.tick_right()
    ax2.yaxis.set_label_position("right")
    _style(ax2, grid_axis=None)
    _style(ax)
    ax.spines["right"].set_visible(False)
    ax2.spines["left"].set_visible(False)
    ax2.spines["right"].set_visible(True)
    ax2.spines["right"].set_color("#9a9a9a")
    width_pt, height_pt = _axes_points(fig, main_rect)

    strip_ax = None
    if n_lanes:
        strip_rect = _rect(fig, area, 0.8, 0.75, 1, bottom_in)
        w_in, h_in = fig.get_size_inches()
        strip_rect = (strip_rect[0], strip_rect[1], strip_rect[2], strip / h_in)
        strip_ax = fig.add_axes(strip_rect, sharex=ax2)
        _style(strip_ax, grid_axis=None)
        strip_ax.spines["left"].set_visible(False)
        strip_ax.set_yticks([])
        strip_ax.set_ylim(n_lanes, 0)
        strip_ax.set_ylabel(lb["featured"], fontproperties=_fp(SMALL_SIZE), color=MUTED, rotation=0,
                            ha="right", va="center", labelpad=6)
    bottom_ax = strip_ax or ax2
    for a in (ax, ax2, strip_ax):
        if a is not None and a is not bottom_ax:
            a.tick_params(labelbottom=False, bottom=False)
    _time_axis(bottom_ax, report, tz, width_pt, lb)

    # Segments: alternate shading, titles along the top.
    top_band = blended_transform_factory(ax.transData, ax.transAxes)
    pad = offset_copy(top_band, fig=fig, x=3, y=-3, units="points")
    for k, seg in enumerate(sorted(s.segments, key=lambda g: g.start)):
        x0 = max(0.0, _minutes_from_start(report, seg.start))
        x1 = min(total, _minutes_from_start(report, seg.end))
        if x1 <= x0:
            continue
        if k % 2 == 1:
            for a in (ax2, strip_ax):
                if a is not None:
                    a.axvspan(x0, x1, color=SHADE, zorder=0, linewidth=0)
        room = (x1 - x0) / total * width_pt - 6
        text = _fit(f"{seg.index + 1}. {seg.title}", room, SMALL_SIZE, True)
        if text:
            ax.text(x0, 1, text, transform=pad, ha="left", va="top", fontproperties=_fp(SMALL_SIZE, True),
                    color="#444444", parse_math=False, clip_on=False, zorder=5)

    # Orders per minute: bars on the right axis.
    handles, names = [], []
    minutes = report.minutes
    orders = np.fromiter((m.orders for m in minutes), dtype=float, count=len(minutes))
    if len(orders):
        # One collection of rectangles (not an artist per bar): as fast for 600 minutes as for 60.
        idx = np.fromiter((m.minute for m in minutes), dtype=float, count=len(minutes))
        verts = np.empty((len(idx), 4, 2))
        verts[:, (0, 1), 0] = (idx + 0.1)[:, None]
        verts[:, (2, 3), 0] = (idx + 0.9)[:, None]
        verts[:, (0, 3), 1] = 0.0
        verts[:, (1, 2), 1] = orders[:, None]
        ax2.add_collection(PolyCollection(verts, facecolors=ORDERS, linewidths=0, zorder=2), autolim=False)
        handles.append(Patch(color=ORDERS))
        names.append(lb["orders_per_minute"])
    top_orders = float(orders.max()) if len(orders) else 0.0
    ax2.set_ylim(0, max(top_orders, 1.0) * 1.22)
    ax2.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax2.yaxis.set_major_formatter(FuncFormatter(_thousands))
    ax2.set_ylabel(lb["orders_per_minute"], fontproperties=_fp(TEXT_SIZE), color=ORDERS)
    if top_orders <= 0:
        _note(ax2, lb["no_orders"], 0.42)

    # Viewers: the samples as a step line on the left axis, held to the end of the session.
    if s.viewers:
        t = np.fromiter(((at - s.window.start).total_seconds() / 60 for at, _n in s.viewers), dtype=float,
                        count=len(s.viewers))
        v = np.fromiter((n for _at, n in s.viewers), dtype=float, count=len(s.viewers))
        t = np.append(t, max(total, float(t[-1])))
        v = np.append(v, v[-1])
        (line,) = ax.plot(t, v, drawstyle="steps-post", color=VIEWERS, linewidth=1.3, zorder=3)
        handles.insert(0, line)
        names.insert(0, lb["viewers"])
        ax.set_ylim(0, max(float(v.max()), 1.0) * 1.22)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.yaxis.set_major_formatter(FuncFormatter(_thousands))
    else:
        ax.set_ylim(0, 1)
        ax.set_yticks([])
        _note(ax, lb["no_viewer_samples"], 0.58)
    ax.set_ylabel(lb["viewers"], fontproperties=_fp(TEXT_SIZE), color=VIEWERS)

    # Featured products: bands in the strip below, labelled with their SKUs.
    if strip_ax is not None:
        for lane in range(n_lanes):
            spans = [(a, b - a) for (a, b, _sku), ln in zip(features, lanes) if ln == lane]
            strip_ax.broken_barh(spans, (lane + 0.12, 0.76), facecolors=FEATURE, linewidth=0)
        for (a, b, sku), lane in zip(features, lanes):
            text = _fit_tail(sku, (b - a) / total * width_pt - 4, 6.5)
            if text:
                strip_ax.text((a + b) / 2, lane + 0.5, text, ha="center", va="center", color="white",
                              fontproperties=_fp(6.5), parse_math=False, clip_on=True)
        handles.append(Patch(color=FEATURE))
        names.append(lb["featured"])

    # Markers: dashed lines with their words beside them.
    marks = [(_minutes_from_start(report, mk.at), mk.text) for mk in s.markers]
    marks = [(x, text) for x, text in marks if 0 <= x <= total]
    if marks:
        xs = np.array([x for x, _ in marks])
        ax.vlines(xs, 0, 0.93, transform=top_band, colors=MARKER, linestyles=(0, (4, 3)), linewidth=0.9, zorder=4)
        beside = offset_copy(top_band, fig=fig, x=-2, y=0, units="points")
        for x, text in marks:
            text = _fit(text, height_pt * 0.45, SMALL_SIZE)
            if text:
                ax.text(x, 0.9, text, transform=beside, rotation=90, ha="right", va="top", color=MARKER,
                        fontproperties=_fp(SMALL_SIZE), parse_math=False, zorder=6,
                        bbox={"facecolor": "white", "alpha": 0.7, "edgecolor": "none", "pad": 0.6})

    _title(ax, lb["chart_timeline"])
    _legend(ax, handles, names)


# --- products ---------------------------------------------------------------------------------


def products_figure(report: SessionReport, labels: Mapping[str, str] | None = None, *,
                    figsize: tuple[float, float] | None = None):
    """Revenue per product (units when the revenue cannot be added up), the session against the
    baseline: the top 15 and "others"."""
    fig = _new_figure(figsize, PRODUCTS_SIZE)
    draw_products(fig, SCREEN_AREA, report, with_defaults(labels))
    return fig


def _product_values(report: SessionReport, lb: Mapping[str, str]):
    """(names, session values, baseline values or None, money?) for the bars, top first."""
    money = report.totals.revenue is not None
    rows = list(report.products)
    if money:
        value = lambda p: p.revenue or Decimal(0)  # noqa: E731
        base = lambda p: p.baseline_revenue  # noqa: E731
    else:
        rows.sort(key=lambda p: (-p.units, p.sku))
        value = lambda p: Decimal(p.units)  # noqa: E731
        base = lambda p: p.baseline_units  # noqa: E731
    top, rest = rows[:TOP_PRODUCTS], rows[TOP_PRODUCTS:]
    if len(rest) == 1:  # "others (1 product)" would hide a name for nothing
        top, rest = rows, []
    names = [p.title or p.sku for p in top]
    session = [value(p) for p in top]
    with_base = report.baseline is not None
    baseline = [base(p) or Decimal(0) for p in top] if with_base else None
    if rest:
        names.append(fill(lb["others"], len(rest)))
        session.append(sum((value(p) for p in rest), Decimal(0)))
        if baseline is not None:
            baseline.append(sum((base(p) or Decimal(0) for p in rest), Decimal(0)))
    return names, session, baseline, money


def draw_products(fig, area: Area, report: SessionReport, lb: Mapping[str, str]) -> None:
    import numpy as np
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    lb = with_defaults(lb)
    names, session, baseline, money = _product_values(report, lb)
    currency = report.currency
    fmt = (lambda v: _money_short(v, currency)) if money else (lambda v: count(v))
    label_room = 190.0  # points for a product's name
    shown = [_fit(n, label_room, TICK_SIZE) or "…" for n in names]
    widest = max((_width(n, TICK_SIZE) for n in shown), default=40.0)
    rect = _rect(fig, area, widest / 72 + 0.22, 0.3, 0.75, 0.45)
    ax = fig.add_axes(rect)
    _style(ax, grid_axis="x")
    title = fill(lb["chart_products"], currency) if money else lb["chart_products_units"]
    _title(ax, title)
    if not names:
        ax.set_yticks([])
        ax.set_xticks([])
        for spine in ax.spines.values():
            spine.set_visible(False)
        _note(ax, lb["no_products_sold"])
        return
    n = len(names)
    y = np.arange(n, dtype=float)
    s = _float_array(session, n)
    handles, legend = [], []
    if baseline is not None:
        b = _float_array(baseline, n)
        h = 0.38
        sb = ax.barh(y - h / 2, s, height=h, color=SESSION, linewidth=0, zorder=2)
        bb = ax.barh(y + h / 2, b, height=h, color=BASELINE, linewidth=0, zorder=2)
        handles += [sb, bb]
        legend += [lb["this_session"], fill(lb["baseline_legend"], baseline_phrase(report, lb, short=True))]
        top = max(float(s.max()), float(b.max()), 0.0)
        low = min(float(s.min()), float(b.min()), 0.0)
    else:
        sb = ax.barh(y, s, height=0.62, color=SESSION, linewidth=0, zorder=2)
        top = max(float(s.max()), 0.0)
        low = min(float(s.min()), 0.0)
    ax.bar_label(sb, labels=[fmt(v) for v in s], padding=3, fontproperties=_fp(SMALL_SIZE), color=INK)
    ax.set_yticks(y, shown)
    ax.tick_params(axis="y", length=0)
    for text in ax.get_yticklabels():
        text.set_parse_math(False)
    ax.set_ylim(max(n, 6) - 0.4, -0.6)  # a few products get bars of the usual thickness
    span = (top - low) or 1.0
    ax.set_xlim(low * 1.16 - span * 0.05 if low < 0 else 0, top + span * 0.16 if top > 0 else 1.0)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: fmt(v)))
    _legend(ax, handles, legend)


# --- cumulative -------------------------------------------------------------------------------


def cumulative_figure(report: SessionReport, labels: Mapping[str, str] | None = None, tz: tzinfo | None = None,
                      *, figsize: tuple[float, float] | None = None):
    """Revenue so far against the baseline's (step lines), with the change against the baseline in
    the title. With ``tz`` the axis shows clock times in it, else the time since the start."""
    fig = _new_figure(figsize, CUMULATIVE_SIZE)
    draw_cumulative(fig, SCREEN_AREA, report, with_defaults(labels), tz, clock=tz is not None)
    return fig


def _steps(points: Sequence[tuple[float, Decimal]], total: float):
    """x and y of a step line from (0, 0) through every point to the end of the session."""
    import numpy as np

    n = len(points)
    x = np.empty(n + 2)
    y = np.empty(n + 2)
    x[0] = y[0] = 0.0
    if n:
        x[1:-1] = np.fromiter((p[0] for p in points), dtype=float, count=n)
        y[1:-1] = np.fromiter((float(p[1]) for p in points), dtype=float, count=n)
    x[-1] = max(total, float(x[-2]))
    y[-1] = y[-2]
    return x, y


def draw_cumulative(fig, area: Area, report: SessionReport, lb: Mapping[str, str], tz: tzinfo | None, *,
                    clock: bool = True) -> None:
    import numpy as np
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    lb = with_defaults(lb)
    total = _total_minutes(report)
    money = report.totals.revenue is not None
    rect = _rect(fig, area, 0.95, 1.05, 0.85, 0.55)
    ax = fig.add_axes(rect)
    _style(ax, grid_axis="both")
    width_pt, _h = _axes_points(fig, rect)
    _time_axis(ax, report, tz, width_pt, lb, clock=clock)
    currency = report.currency
    handles, names = [], []
    ends: list[tuple[float, str, str]] = []
    if money:
        x, y = _steps(report.cumulative, total)
        fmt = lambda v: _money_short(v, currency)  # noqa: E731
        title = fill(lb["chart_cumulative"], currency)
    else:  # units, minute by minute
        units = np.fromiter((m.units for m in report.minutes), dtype=float, count=len(report.minutes))
        x = np.concatenate(([0.0], np.fromiter((m.minute + 1 for m in report.minutes), dtype=float,
                                                count=len(report.minutes))))
        x[-1:] = np.minimum(x[-1:], total) if len(x) > 1 else x[-1:]
        y = np.concatenate(([0.0], np.cumsum(units)))
        x = np.append(x, total)
        y = np.append(y, y[-1])
        fmt = count
        title = lb["chart_cumulative_units"]
    (line,) = ax.plot(x, y, drawstyle="steps-post", color=SESSION, linewidth=1.6, zorder=3)
    handles.append(line)
    names.append(lb["this_session"])
    ends.append((float(y[-1]), fmt(float(y[-1])), SESSION))
    top = float(y.max())
    if money and report.baseline is not None:
        bx, by = _steps(report.baseline_cumulative, total)
        (bline,) = ax.plot(bx, by, drawstyle="steps-post", color=BASELINE_LINE, linewidth=1.3,
                           linestyle=(0, (5, 2)), zorder=2)
        handles.append(bline)
        names.append(fill(lb["baseline_legend"], baseline_phrase(report, lb, short=True, tz=tz)))
        ends.append((float(by[-1]), fmt(float(by[-1])), BASELINE_LINE))
        top = max(top, float(by.max()))
    ax.set_ylim(0, (top or 1.0) * 1.08)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: fmt(v)))
    # The final figures at the right end, kept apart when they are close.
    ends.sort()
    min_gap = (top or 1.0) * 1.08 * (12 / max(_h, 1))
    placed: list[float] = []
    for value, text, color in ends:
        yy = max(value, placed[-1] + min_gap) if placed else value
        placed.append(yy)
        ax.annotate(text, (total, yy), xytext=(5, 0), textcoords="offset points", va="center", ha="left",
                    color=color, fontproperties=_fp(SMALL_SIZE, True), annotation_clip=False)
    if report.totals.orders == 0:
        _note(ax, lb["no_orders"])
    sentence = lift_sentence(report, lb, tz=tz) or ""
    lift = report.lift
    color = MUTED
    if lift.percent is not None:
        color = UP if lift.percent > 0 else DOWN if lift.percent < 0 else MUTED
    elif sentence and lift.reason == NEW_SALES:
        color = UP
    _title(ax, title, sentence, color)
    _legend(ax, handles, names, loc="upper left", anchor=(0.0, 1.0), ncol=1)


# --- series -----------------------------------------------------------------------------------


def series_figure(points: Sequence[SeriesPoint], labels: Mapping[str, str] | None = None, tz: tzinfo | None = None,
                  *, figsize: tuple[float, float] | None = None):
    """Sessions side by side: peak viewers, revenue and orders per 1,000 peak viewers, one small
    panel each, sharing the sessions along the bottom (dates in ``tz``)."""
    fig = _new_figure(figsize, SERIES_SIZE)
    draw_series(fig, SCREEN_AREA, points, with_defaults(labels), tz)
    return fig


def draw_series(fig, area: Area, points: Sequence[SeriesPoint], lb: Mapping[str, str], tz: tzinfo | None) -> None:
    import numpy as np
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    lb = with_defaults(lb)
    n = len(points)
    currencies = {p.currency for p in points if p.revenue is not None}
    currency = next(iter(currencies)) if len(currencies) == 1 else ""
    rotate = n > 6
    w_in, _h_in = fig.get_size_inches()
    slot = (w_in - area.left - area.right - 1.2) * 72 / max(n, 1)
    label_room = 110.0 if rotate else max(slot - 6, 20)
    names = []
    for p in points:
        local = p.started_at.astimezone(tz) if tz is not None else p.started_at.astimezone()
        name = _fit(p.label, label_room, TICK_SIZE) or "…"
        names.append(f"{name} {local:%m-%d}" if rotate else f"{name}\n{local:%Y-%m-%d}")
    widest = max((_width(nm, TICK_SIZE) for nm in names), default=0.0)
    bottom = (widest * 0.64 / 72 + 0.25) if rotate else 0.55
    top_in, gap = 0.65, 0.42
    w, h = fig.get_size_inches()
    usable = h - area.top - area.bottom - top_in - bottom - 2 * gap
    panel = max(usable / 3, 0.3)
    panels = [
        (lb["peak_viewers"], [p.peak_viewers for p in points], _thousands, VIEWERS, count),
        (fill(lb["revenue_in"], currency) if currency else lb["revenue"], [p.revenue for p in points],
         (lambda v, _p=None: _money_short(v, currency)) if currency else _thousands, SESSION,
         (lambda v: _money_short(float(v), currency)) if currency else count),
        (lb["conversion"], [p.conversion_per_1000 for p in points], lambda v, _p=None: ratio(v), ORDERS, ratio),
    ]
    axes = []
    x = np.arange(n, dtype=float)
    for k, (name, values, tick_fmt, color, bar_fmt) in enumerate(panels):
        y0 = area.bottom + bottom + (2 - k) * (panel + gap)
        rect = (
            (area.left + 0.95) / w, y0 / h, (w - area.left - area.right - 1.2) / w, panel / h,
        )
        ax = fig.add_axes(rect, sharex=axes[0] if axes else None)
        _style(ax)
        ax.set_title(name, loc="left", fontproperties=_fp(TEXT_SIZE + 0.5, True), color=INK, pad=4)
        vals = np.array([float(v) if v is not None else np.nan for v in values], dtype=float)
        if n:
            bars = ax.bar(x, np.nan_to_num(vals), width=0.6, color=color, linewidth=0, zorder=2)
            if n <= 14:
                ax.bar_label(bars, labels=["" if np.isnan(v) else bar_fmt(v) for v in vals], padding=2,
                             fontproperties=_fp(SMALL_SIZE), color=INK)
            finite = vals[~np.isnan(vals)]
            top = float(finite.max()) if len(finite) else 0.0
            ax.set_ylim(0, (top if top > 0 else 1.0) * 1.25)
        ax.yaxis.set_major_locator(MaxNLocator(nbins=3, integer=k < 2))
        ax.yaxis.set_major_formatter(FuncFormatter(tick_fmt))
        axes.append(ax)
    if n:
        for ax in axes[:-1]:
            ax.tick_params(labelbottom=False)
        axes[-1].set_xticks(x, names)
        axes[-1].set_xlim(-0.6, n - 0.4)
        for text in axes[-1].get_xticklabels():
            text.set_parse_math(False)
            if rotate:
                text.set_rotation(40)
                text.set_ha("right")
                text.set_rotation_mode("anchor")
    else:
        for ax in axes:
            ax.set_xticks([])
            ax.set_yticks([])
        _note(axes[1], lb["no_sessions"])
    axes[0].text(0, 1, lb["chart_series"], transform=_offset(axes[0], 22), fontproperties=_fp(TITLE_SIZE, True),
                 color=INK, ha="left", va="bottom", parse_math=False)


def _offset(ax, up: float):
    from matplotlib.transforms import offset_copy

    return offset_copy(ax.transAxes, fig=ax.figure, x=0, y=up, units="points")


# --- all of them ------------------------------------------------------------------------------

CHARTS = ("timeline", "products", "cumulative", "series")


def report_figures(report: SessionReport, labels: Mapping[str, str] | None = None, tz: tzinfo | None = None,
                   series: Sequence[SeriesPoint] | None = None) -> dict[str, object]:
    """Every chart of the report by name (``series`` only when points are given)."""
    lb = with_defaults(labels)
    figures = {
        "timeline": timeline_figure(report, lb, tz),
        "products": products_figure(report, lb),
        "cumulative": cumulative_figure(report, lb, tz),
    }
    if series:
        figures["series"] = series_figure(series, lb, tz)
    return figures
