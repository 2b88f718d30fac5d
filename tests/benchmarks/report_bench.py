"""The ``report`` benchmark: the Review's analytics and charts on a big session.

``python tests/benchmarks/run.py report [--orders 100000] [--runs 3]``

A generated two-hour session (viewer samples every 10 s, 8 segments, 22 feature windows,
6 markers, 20 products with Chinese titles, ``--orders`` order lines spread over the session with
bursts after every feature) and a day-before baseline of a fifth as many lines.

- **app**: ``analytics.build_report`` + every chart figure of the report
  (``documents.review_charts``: timeline, products, cumulative, series) drawn to an Agg canvas
  (``FigureCanvasAgg(fig).draw()``).
- **baseline**: a bare matplotlib script that draws the same data, already reduced with numpy
  (per-minute counts with ``bincount``, cumulative revenue with ``cumsum``, per-product sums),
  into figures of the same sizes with the same plot types — no analytics, no labels fitted, no
  Decimal money.
- **pdf**: ``export_review_pdf`` of the report (analytics not included), for information.

Prints one line per run and returns the medians:
``report orders=N app_ms=… baseline_ms=… ratio=… pdf_ms=… build_ms=… charts_ms=…``.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np

from curator_console.domain.review_model import (
    DAY_BEFORE,
    BaselineData,
    BaselineSpec,
    FeatureSpan,
    Marker,
    SaleLine,
    SegmentSpan,
    SeriesPoint,
    SessionData,
    Window,
)

TZ = ZoneInfo("Asia/Shanghai")
START = datetime(2026, 3, 20, 11, 30, tzinfo=timezone.utc)  # 19:30 in Shanghai
HOURS = 2
SAMPLE_SECONDS = 10

PRODUCTS = [
    ("QHM-P001", "青花缠枝莲纹瓶（复刻）", "1280.00"),
    ("QHM-P002", "青花瓷盘", "168.00"),
    ("QHM-P003", "鱼藻纹青花餐盘", "159.00"),
    ("QHM-P004", "蜀绣团扇·芙蓉", "298.00"),
    ("QHM-P005", "唐锦对鸟纹丝巾", "239.00"),
    ("QHM-P006", "Tang brocade bookmark set", "39.90"),
    ("QHM-P007", "汝窑天青釉茶杯", "88.00"),
    ("QHM-P008", "Museum tote bag — Lotus", "69.00"),
    ("QHM-P009", "宋画花鸟明信片（12 张）", "45.00"),
    ("QHM-P010", "青铜饕餮纹镇纸", "128.00"),
    ("QHM-P011", "Jade disc pendant replica", "399.00"),
    ("QHM-P012", "缂丝书签", "59.00"),
    ("QHM-P013", "景德镇手绘青花杯碟套装", "358.00"),
    ("QHM-P014", "Catalogue: Blue and White, 1300–1900", "198.00"),
    ("QHM-P015", "龙泉青瓷香插", "76.00"),
    ("QHM-P016", "漆器首饰盒", "468.00"),
    ("QHM-P017", "蜀绣熊猫胸针", "99.00"),
    ("QHM-P018", "Silk Road map print (A2)", "120.00"),
    ("QHM-P019", "釉里红冰箱贴", "25.00"),
    ("QHM-P020", "Gift card", "200.00"),
]

SEGMENTS = ["开场：欢迎来到青禾", "明青花缠枝莲纹瓶", "Where the Silk Road Began: A Tang Brocade", "蜀绣：一针一线",
            "汝窑与宋代美学", "The Bronze Age Room", "景德镇的千年窑火", "结束与抽奖"]
MARKERS = [(6, "开场抽奖"), (24, "Price drop on QHM-P002"), (47, "主播换场"), (71, "Audio glitch"),
           (93, "限时秒杀 QHM-P013"), (112, "Closing giveaway")]


@dataclass
class BenchData:
    session: SessionData
    baseline: BaselineData
    series: list[SeriesPoint]


def make_data(orders: int, seed: int = 5, baseline_share: float = 0.2) -> BenchData:
    """The session and its day-before baseline (see the module's docstring)."""
    rng = np.random.default_rng(seed)
    pyrng = random.Random(seed)
    end = START + timedelta(hours=HOURS)
    total_s = HOURS * 3600
    window = Window(START, end)

    # Viewers: a ramp to ~12,000, waves and noise.
    t = np.arange(0, total_s, SAMPLE_SECONDS)
    ramp = np.minimum(1.0, t / 900)
    wave = 1 + 0.12 * np.sin(t / 700) + 0.05 * np.sin(t / 95)
    viewers = (11_000 * ramp * wave + rng.normal(0, 180, len(t))).clip(40).astype(int)
    samples = tuple((START + timedelta(seconds=int(s)), int(n)) for s, n in zip(t, viewers))

    seg_len = total_s // len(SEGMENTS)
    segments = tuple(SegmentSpan(i, title, START + timedelta(seconds=i * seg_len),
                                 START + timedelta(seconds=(i + 1) * seg_len) if i < len(SEGMENTS) - 1 else end)
                     for i, title in enumerate(SEGMENTS))
    features = []
    for i in range(len(SEGMENTS)):
        base = i * seg_len
        for k, offset in enumerate((120, 420, 690) if i % 3 == 0 else (150, 540)):
            sku = PRODUCTS[(i * 3 + k) % len(PRODUCTS)][0]
            length = pyrng.randint(150, 330)
            features.append(FeatureSpan(sku, START + timedelta(seconds=base + offset),
                                        START + timedelta(seconds=min(base + offset + length, total_s))))
    features[5] = FeatureSpan(features[5].sku, features[5].start, features[6].start + timedelta(seconds=60))  # overlap
    markers = tuple(Marker(START + timedelta(minutes=m), text) for m, text in MARKERS)

    lines = _lines(rng, orders, START, total_s, viewers, features, "S")
    titles = {sku: title for sku, title, _p in PRODUCTS}
    session = SessionData(id=42, title="青花与蜀绣：夜间直播导览 · 第 3 场", tour="青花与蜀绣：夜间直播导览", mode="live",
                          window=window, viewers=samples, segments=segments, features=tuple(features),
                          markers=markers, lines=lines, product_titles=titles)
    day_before = Window(START - timedelta(days=1), end - timedelta(days=1))
    base_lines = _lines(rng, int(orders * baseline_share), day_before.start, total_s, np.full(len(t), 3000), [], "B")
    baseline = BaselineData(BaselineSpec(DAY_BEFORE), (day_before,), Decimal(1), base_lines)
    series = [SeriesPoint(i + 1, f"第 {i + 1} 场" if i % 2 else f"Session {i + 1}", START - timedelta(days=7 * (6 - i)),
                          int(6000 + 900 * i), Decimal(180_000 + 41_000 * i), "CNY", Decimal(8 + 1.5 * i))
              for i in range(6)]
    return BenchData(session, baseline, series)


def _lines(rng, count: int, start: datetime, total_s: int, viewers: np.ndarray, features, prefix: str):
    """``count`` order lines: times follow the viewers plus a burst after every feature (of the
    featured product); one to three lines per order."""
    if count <= 0:
        return ()
    weights = viewers.astype(float) / max(float(viewers.sum()), 1.0)
    n_burst = int(count * 0.35) if features else 0
    n_base = count - n_burst
    bucket = rng.choice(len(weights), size=n_base, p=weights)
    secs = bucket * SAMPLE_SECONDS + rng.uniform(0, SAMPLE_SECONDS, n_base)
    sku_idx = rng.choice(len(PRODUCTS), size=n_base, p=_zipf(len(PRODUCTS)))
    if n_burst:
        which = rng.integers(0, len(features), n_burst)
        f_start = np.array([(ft.start - START).total_seconds() for ft in features])
        burst_secs = f_start[which] + rng.exponential(90, n_burst)
        sku_of = {sku: i for i, (sku, _t, _p) in enumerate(PRODUCTS)}
        burst_sku = np.array([sku_of[ft.sku] for ft in features])[which]
        secs = np.concatenate([secs, burst_secs])
        sku_idx = np.concatenate([sku_idx, burst_sku])
    secs = np.clip(secs, 0, total_s - 0.001)
    order = np.argsort(secs, kind="stable")
    secs, sku_idx = secs[order], sku_idx[order]
    qty = rng.choice([1, 1, 1, 1, 2, 2, 3], size=count)
    # Consecutive lines share an order: a new order starts with probability 0.7.
    new_order = rng.random(count) < 0.7
    new_order[0] = True
    order_no = np.cumsum(new_order)
    prices = [Decimal(p) for _s, _t, p in PRODUCTS]
    skus = [s for s, _t, _p in PRODUCTS]
    micro = (secs * 1_000_000).astype(np.int64)
    return tuple(SaleLine(f"{prefix}{o:07d}", start + timedelta(microseconds=int(us)), skus[k], int(q), prices[k], "CNY")
                 for o, us, k, q in zip(order_no.tolist(), micro.tolist(), sku_idx.tolist(), qty.tolist()))


def _zipf(n: int) -> np.ndarray:
    w = 1 / np.arange(1, n + 1) ** 0.9
    return w / w.sum()


# --- the bare matplotlib yardstick -------------------------------------------------------------


def bare_arrays(data: BenchData) -> dict[str, object]:
    """What the bare script draws, reduced with numpy alone (no analytics, floats not Decimals)."""
    s = data.session
    total_min = s.window.seconds / 60
    at = np.array([(ln.at - s.window.start).total_seconds() / 60 for ln in s.lines])
    amount = np.array([float(ln.unit_price) * ln.quantity for ln in s.lines])
    orders_first = np.array([i == 0 or s.lines[i].order_id != s.lines[i - 1].order_id for i in range(len(s.lines))])
    minute = at.astype(int)
    per_minute = np.bincount(minute[orders_first], minlength=int(np.ceil(total_min)))
    skus = sorted({ln.sku for ln in s.lines})
    sku_index = {k: i for i, k in enumerate(skus)}
    idx = np.array([sku_index[ln.sku] for ln in s.lines])
    revenue = np.bincount(idx, weights=amount, minlength=len(skus))
    b = data.baseline
    b_at = np.array([(ln.at - b.windows[0].start).total_seconds() / 60 for ln in b.lines])
    b_amount = np.array([float(ln.unit_price) * ln.quantity for ln in b.lines])
    b_idx = np.array([sku_index.get(ln.sku, 0) for ln in b.lines])
    b_revenue = np.bincount(b_idx, weights=b_amount, minlength=len(skus))
    return {
        "total": total_min,
        "vt": np.array([(a - s.window.start).total_seconds() / 60 for a, _n in s.viewers]),
        "vv": np.array([n for _a, n in s.viewers], dtype=float),
        "per_minute": per_minute.astype(float),
        "seg": [((g.start - s.window.start).total_seconds() / 60, (g.end - s.window.start).total_seconds() / 60,
                 g.title) for g in s.segments],
        "feat": [((ft.start - s.window.start).total_seconds() / 60, (ft.end - ft.start).total_seconds() / 60, ft.sku)
                 for ft in s.features],
        "marks": [((m.at - s.window.start).total_seconds() / 60, m.text) for m in s.markers],
        "names": [s.product_titles.get(k, k) for k in skus],
        "revenue": revenue,
        "b_revenue": b_revenue,
        "cum_x": at, "cum_y": np.cumsum(amount),
        "b_cum_x": b_at, "b_cum_y": np.cumsum(b_amount),
        "series": [(p.label, p.peak_viewers, float(p.revenue), float(p.conversion_per_1000)) for p in data.series],
    }


def bare_draw(a: dict[str, object]) -> None:
    """The same four figures with bare matplotlib (object API, same sizes and plot types)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from curator_console.documents import review_charts as rc

    family = ["DejaVu Sans", "Noto Sans CJK SC"]
    fig = Figure(figsize=rc.TIMELINE_SIZE)
    FigureCanvasAgg(fig)
    ax2 = fig.add_axes((0.1, 0.2, 0.8, 0.65))
    ax = fig.add_axes((0.1, 0.2, 0.8, 0.65), sharex=ax2)
    ax.patch.set_visible(False)
    axf = fig.add_axes((0.1, 0.1, 0.8, 0.08), sharex=ax2)
    for i, (x0, x1, title) in enumerate(a["seg"]):
        if i % 2:
            ax2.axvspan(x0, x1, color="#efefef")
        ax.text(x0, 0.98, title, transform=ax.get_xaxis_transform(), family=family, fontsize=7.5)
    n = len(a["per_minute"])
    ax2.bar(np.arange(n) + 0.1, a["per_minute"], width=0.8, align="edge")
    ax.plot(a["vt"], a["vv"], drawstyle="steps-post")
    axf.broken_barh([(x, w) for x, w, _s in a["feat"]], (0.1, 0.8))
    for x, w, sku in a["feat"]:
        axf.text(x + w / 2, 0.5, sku, fontsize=6.5, ha="center")
    ax.vlines([x for x, _t in a["marks"]], 0, 0.93, transform=ax.get_xaxis_transform(), linestyles="dashed")
    for x, text in a["marks"]:
        ax.text(x, 0.9, text, rotation=90, transform=ax.get_xaxis_transform(), family=family, fontsize=7.5)
    ax.set_title("Viewers and orders per minute", loc="left")
    fig.canvas.draw()

    fig = Figure(figsize=rc.PRODUCTS_SIZE)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.3, 0.1, 0.65, 0.8))
    order = np.argsort(-a["revenue"])[:16]
    y = np.arange(len(order))
    bars = ax.barh(y - 0.19, a["revenue"][order], height=0.38)
    ax.barh(y + 0.19, a["b_revenue"][order], height=0.38)
    ax.bar_label(bars, labels=[f"¥{v:,.0f}" for v in a["revenue"][order]], fontsize=7.5)
    ax.set_yticks(y, [a["names"][i] for i in order], family=family)
    ax.invert_yaxis()
    ax.legend(["session", "baseline"])
    fig.canvas.draw()

    fig = Figure(figsize=rc.CUMULATIVE_SIZE)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.1, 0.1, 0.8, 0.8))
    ax.plot(a["cum_x"], a["cum_y"], drawstyle="steps-post")
    ax.plot(a["b_cum_x"], a["b_cum_y"], drawstyle="steps-post", linestyle="--")
    ax.set_title("Cumulative revenue", loc="left")
    ax.legend(["session", "baseline"])
    fig.canvas.draw()

    fig = Figure(figsize=rc.SERIES_SIZE)
    FigureCanvasAgg(fig)
    labels = [p[0] for p in a["series"]]
    x = np.arange(len(labels))
    prev = None
    for k in range(3):
        ax = fig.add_axes((0.1, 0.7 - 0.28 * k, 0.85, 0.2), sharex=prev)
        bars = ax.bar(x, [p[k + 1] for p in a["series"]], width=0.6)
        ax.bar_label(bars, fontsize=7.5)
        if k < 2:
            ax.tick_params(labelbottom=False)
        prev = ax
    prev.set_xticks(x, labels, family=family)
    fig.canvas.draw()


# --- the run ----------------------------------------------------------------------------------


def app_draw(data: BenchData) -> tuple[object, float, float]:
    """build_report + every chart drawn to Agg: (report, build seconds, charts seconds)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from curator_console.documents.review_charts import report_figures
    from curator_console.domain.analytics import build_report

    t0 = time.perf_counter()
    report = build_report(data.session, data.baseline)
    t1 = time.perf_counter()
    for fig in report_figures(report, None, TZ, data.series).values():
        FigureCanvasAgg(fig).draw()
    return report, t1 - t0, time.perf_counter() - t1


def run(orders: int, runs: int = 3, out: Path | None = None, seed: int = 5) -> dict[str, object]:
    """Time ``runs`` rounds; returns the summary's figures (medians). The PDF is written to
    ``out/review.pdf`` (into a temporary folder, removed afterwards, when ``out`` is None)."""
    from curator_console.documents.review_report import export_review_pdf

    t0 = time.perf_counter()
    data = make_data(orders, seed)
    print(f"report: generated {len(data.session.lines):,} session lines, {len(data.baseline.lines):,} baseline "
          f"lines in {time.perf_counter() - t0:.1f} s", flush=True)
    arrays = bare_arrays(data)
    # Warm-up: imports, font cache, first-draw costs for both sides.
    app_draw(data)
    bare_draw(arrays)
    keep = tempfile.TemporaryDirectory(prefix="curator-report-") if out is None else None
    folder = Path(keep.name) if keep else out
    pdf_path = folder / "review.pdf"
    app_ms, bare_ms, pdf_ms, build_ms, charts_ms = [], [], [], [], []
    try:
        for i in range(runs):
            t0 = time.perf_counter()
            report, build_s, charts_s = app_draw(data)
            app = (time.perf_counter() - t0) * 1000
            t0 = time.perf_counter()
            bare_draw(arrays)
            bare = (time.perf_counter() - t0) * 1000
            t0 = time.perf_counter()
            export_review_pdf(report, pdf_path, None, TZ, series=data.series)
            pdf = (time.perf_counter() - t0) * 1000
            app_ms.append(app)
            bare_ms.append(bare)
            pdf_ms.append(pdf)
            build_ms.append(build_s * 1000)
            charts_ms.append(charts_s * 1000)
            print(f"report run {i + 1}/{runs}: app_ms={app:.0f} (build_report {build_s * 1000:.0f}, charts "
                  f"{charts_s * 1000:.0f}) baseline_ms={bare:.0f} pdf_ms={pdf:.0f}", flush=True)
    finally:
        if keep is not None:
            keep.cleanup()
    app_m, bare_m = statistics.median(app_ms), statistics.median(bare_ms)
    return {"orders": len(data.session.lines), "app_ms": round(app_m), "baseline_ms": round(bare_m),
            "ratio": f"{app_m / bare_m:.2f}", "pdf_ms": round(statistics.median(pdf_ms)),
            "build_ms": round(statistics.median(build_ms)), "charts_ms": round(statistics.median(charts_ms)),
            "runs": runs}
