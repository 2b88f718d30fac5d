"""The Review workspace's figures, worked out from a finished session and its orders (pure; no I/O).

Types come from ``domain/review_model.py`` (read its conventions first: aware datetimes, half-open
windows, Decimal money in the report's currency). Nothing is rounded here except where a result
field says so (the scaled baseline totals); presentation rounds the rest.

- ``timeline_from_events(events, window)`` turns the session's event log into segment spans,
  feature spans and markers.
- ``baseline_windows(spec, session_window, tz)`` says which windows a baseline covers and how to
  scale their totals.
- ``compute_lift(session, baseline)`` compares two amounts without ever dividing by zero.
- ``build_report(session, baseline, currency=, rates=)`` computes the whole ``SessionReport``.
- ``series_point(report)`` is one session's point in a series.

``build_report`` is linear in the number of order lines (one sort, then single passes; segments
and feature spans are found by bisection), so 100,000 lines take well under a second.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from itertools import accumulate, groupby
from operator import attrgetter
from datetime import datetime, time, timedelta, timezone, tzinfo
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, InvalidOperation

from curator_console.domain.live_view import (
    MARKER,
    PRODUCT_FEATURED,
    PRODUCT_UNFEATURED,
    SEGMENT_ENDED,
    SEGMENT_STARTED,
    SESSION_ENDED,
)
from curator_console.domain.money import minor_units
from curator_console.domain.review_model import (
    AVG_28D,
    BASELINE_KINDS,
    CUSTOM,
    DAY_BEFORE,
    NEW_SALES,
    NO_BASELINE,
    NO_MONEY,
    NO_SALES,
    WEEK_BEFORE,
    BaselineData,
    BaselineResult,
    BaselineSpec,
    FeatureSpan,
    Lift,
    Marker,
    MinuteRow,
    ProductResult,
    SaleLine,
    SegmentResult,
    SegmentSpan,
    SeriesPoint,
    SessionData,
    SessionReport,
    Totals,
    Window,
)

DEFAULT_CURRENCY = "CNY"  # the report's currency when nothing else says which

Event = tuple[str, datetime, Mapping]

_US = timedelta(microseconds=1)
_MINUTE = timedelta(minutes=1)
_US_PER_MINUTE = 60_000_000
_DAY_SECONDS = 86_400
_ZERO = Decimal(0)


def _us(delta: timedelta) -> int:
    """A duration in whole microseconds (exact, unlike ``total_seconds()``)."""
    return delta // _US


def _decimal_seconds(delta: timedelta) -> Decimal:
    return Decimal(_us(delta)) / Decimal(1_000_000)


# --- timeline -------------------------------------------------------------------------------------


def _segment_index(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return None
    return value


def _sku(payload: Mapping) -> str | None:
    sku = payload.get("sku")
    return sku if isinstance(sku, str) and sku else None


def timeline_from_events(
    events: Iterable[Event], window: Window,
) -> tuple[tuple[SegmentSpan, ...], tuple[FeatureSpan, ...], tuple[Marker, ...]]:
    """Segment spans, feature spans and markers from a session's event log, clipped to ``window``.

    Events are ``(type, at, payload)`` (names from ``domain/live_view.py``), taken in time order
    (a stable sort: same-instant events keep their log order, as in ``domain/live_clock.py``).

    - A segment runs from its ``segment_started`` to the next ``segment_started``, its own
      ``segment_ended`` (one without an index ends the running segment, as in the live clock),
      ``session_ended`` or the window's end, whichever comes first.
    - One span per visit: when the same index is started again with no other segment started in
      between (a resumed session re-announces its segment; an operator restarts one), the starts
      make one span from the first start to the last end, including any gap between them.
    - A ``segment_started`` without a usable index continues the numbering (the previous index
      + 1, or 0), like the live clock; an empty or missing title stays ``""``.
    - A product is featured from ``product_featured`` to ``product_unfeatured`` of the same sku,
      ``session_ended`` or the window's end. Featuring an already featured sku changes nothing;
      unfeaturing one that is not featured is ignored.
    - Markers inside the window are kept (a missing text becomes ``""``).
    - Pauses do not cut spans: wall-clock time is what orders and viewers are counted against.
    - Malformed events (not a triple, no datetime, a payload that is not a mapping, a sku that is
      not text) are skipped; spans that are empty after clipping are dropped.
    """
    aware = window.start.tzinfo is not None
    ordered: list[Event] = []
    for event in events:
        try:
            kind, at, payload = event
        except (TypeError, ValueError):
            continue
        if not isinstance(kind, str) or not isinstance(at, datetime) or (at.tzinfo is not None) != aware:
            continue
        ordered.append((kind, at, payload if isinstance(payload, Mapping) else {}))
    ordered.sort(key=lambda e: e[1])

    segments: list[list] = []  # [index, title, start, end or None]
    running: list | None = None
    featured: dict[str, datetime] = {}
    features: list[tuple[str, datetime, datetime]] = []
    markers: list[Marker] = []

    for kind, at, payload in ordered:
        if kind == SEGMENT_STARTED:
            index = _segment_index(payload.get("index"))
            if index is None:
                index = segments[-1][0] + 1 if segments else 0
            title = payload.get("title")
            title = title if isinstance(title, str) else ""
            if running is not None and running[0] != index:
                running[3] = at
                running = None
            last = segments[-1] if segments else None
            if last is not None and last[0] == index:  # the same segment again: one span
                last[3] = None
                last[1] = last[1] or title
                running = last
            else:
                running = [index, title, at, None]
                segments.append(running)
        elif kind == SEGMENT_ENDED:
            raw = payload.get("index")
            if running is not None and (raw is None or _segment_index(raw) == running[0]):
                running[3] = at
                running = None
        elif kind == PRODUCT_FEATURED:
            sku = _sku(payload)
            if sku is not None and sku not in featured:
                featured[sku] = at
        elif kind == PRODUCT_UNFEATURED:
            sku = _sku(payload)
            start = featured.pop(sku, None) if sku is not None else None
            if start is not None:
                features.append((sku, start, at))
        elif kind == MARKER:
            if window.contains(at):
                text = payload.get("text")
                markers.append(Marker(at=at, text=text if isinstance(text, str) else ""))
        elif kind == SESSION_ENDED:
            if running is not None:
                running[3] = at
                running = None
            features.extend((sku, start, at) for sku, start in featured.items())
            featured.clear()
    features.extend((sku, start, window.end) for sku, start in featured.items())

    seg_spans = []
    for index, title, start, end in segments:
        start, end = max(start, window.start), min(end or window.end, window.end)
        if start < end:
            seg_spans.append(SegmentSpan(index=index, title=title, start=start, end=end))
    feat_spans = []
    for sku, start, end in features:
        start, end = max(start, window.start), min(end, window.end)
        if start < end:
            feat_spans.append(FeatureSpan(sku=sku, start=start, end=end))
    feat_spans.sort(key=lambda f: (f.start, f.sku))
    return tuple(seg_spans), tuple(feat_spans), tuple(markers)


# --- baselines ------------------------------------------------------------------------------------


def _shift_days(at: datetime, days: int, tz: tzinfo) -> datetime:
    """The same local wall-clock time ``days`` calendar days earlier, in UTC (DST-safe)."""
    local = at.astimezone(tz)
    # Arithmetic on an aware datetime keeps the wall clock; astimezone then finds the right offset.
    return (local - timedelta(days=days)).astimezone(timezone.utc)


def _local_midnight(day, tz: tzinfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=tz).astimezone(timezone.utc)


def baseline_windows(spec: BaselineSpec, session: Window, tz: tzinfo) -> tuple[tuple[Window, ...], Decimal]:
    """The windows a baseline covers and the scale that makes their totals comparable.

    - ``DAY_BEFORE`` / ``WEEK_BEFORE``: the session's local wall-clock hours (in ``tz``) one / seven
      calendar days earlier, scale 1. Across a DST change the window is the same local hours, so
      it may be an hour shorter or longer than the session (not scaled). Should the shifted end
      not come after the shifted start (a start inside a skipped hour), the session's length is kept.
    - ``AVG_28D``: the 28 whole local days before the local day the session started on (local
      midnight to local midnight), scale = session seconds / (28 × 86,400).
    - ``CUSTOM``: ``spec.custom`` as given, scale 1.

    Windows are returned in UTC. Raises ValueError for an unknown kind or a missing/empty custom window.
    """
    kind = spec.kind
    if kind in (DAY_BEFORE, WEEK_BEFORE):
        days = 1 if kind == DAY_BEFORE else 7
        start = _shift_days(session.start, days, tz)
        end = _shift_days(session.end, days, tz)
        if end <= start:
            end = start + (session.end - session.start)
        return (Window(start, end),), Decimal(1)
    if kind == AVG_28D:
        day = session.start.astimezone(tz).date()
        window = Window(_local_midnight(day - timedelta(days=28), tz), _local_midnight(day, tz))
        scale = _decimal_seconds(session.end - session.start) / Decimal(28 * _DAY_SECONDS)
        return (window,), scale
    if kind == CUSTOM:
        custom = spec.custom
        if custom is None:
            raise ValueError("A custom baseline needs a start and an end.")
        if custom.end <= custom.start:
            raise ValueError("A custom baseline must end after it starts.")
        return (custom,), Decimal(1)
    raise ValueError(f"Unknown baseline {kind!r}; choose one of: {', '.join(BASELINE_KINDS)}.")


# --- lift -----------------------------------------------------------------------------------------


def compute_lift(session: Decimal | int | None, baseline: Decimal | int | None) -> Lift:
    """Session against baseline: ``percent`` = (s − b) / b × 100, ``multiple`` = s / b, unrounded.

    A zero baseline gives no figures but a reason: ``NEW_SALES`` when the session sold (any
    non-zero amount), ``NO_SALES`` when both are zero. A missing amount gives ``NO_MONEY``.
    """
    if session is None or baseline is None:
        return Lift(None, None, NO_MONEY)
    s, b = Decimal(session), Decimal(baseline)
    if b == 0:
        return Lift(None, None, NO_SALES if s == 0 else NEW_SALES)
    return Lift(percent=(s - b) / b * 100, multiple=s / b)


# --- the report -----------------------------------------------------------------------------------


def lines_in(lines: Iterable[SaleLine], window: Window) -> tuple[SaleLine, ...]:
    """The lines placed inside ``window`` (half-open: at its start in, at its end out), in input order."""
    start, end = window.start, window.end
    return tuple(line for line in lines if start <= line.at < end)


def _lines_in_any(lines: Iterable[SaleLine], windows: Sequence[Window]) -> list[SaleLine]:
    if len(windows) == 1:
        return list(lines_in(lines, windows[0]))
    return [line for line in lines if any(w.contains(line.at) for w in windows)]


def _norm_currency(code: str | None) -> str:
    return (code or "").strip().upper()


def _rate(value: object) -> Decimal | None:
    if isinstance(value, bool):
        return None
    try:
        rate = Decimal(str(value)) if isinstance(value, float) else Decimal(value)  # type: ignore[arg-type]
    except (InvalidOperation, TypeError, ValueError):
        return None
    return rate if rate.is_finite() and rate > 0 else None


def _and_list(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _report_currency(currency: str | None, session_lines: Sequence[SaleLine],
                     baseline_lines: Sequence[SaleLine]) -> str:
    if _norm_currency(currency):
        return _norm_currency(currency)
    for lines in (session_lines, baseline_lines):
        counts: Counter[str] = Counter()
        for code, n in Counter(map(attrgetter("currency"), lines)).items():
            counts[_norm_currency(code)] += n
        if counts:
            return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    return DEFAULT_CURRENCY


def _factors(report_currency: str, line_groups: Iterable[Sequence[SaleLine]],
             rates: Mapping[str, object] | None) -> tuple[dict[str, Decimal | None], str]:
    """Per line currency, the factor to the report currency (None: the same currency), or a problem."""
    given: dict[str, Decimal] = {}
    for code, value in (rates or {}).items():
        rate = _rate(value)
        if rate is not None:
            given[_norm_currency(code)] = rate
    factors: dict[str, Decimal | None] = {}
    missing: list[str] = []
    codes: set[str] = set()
    for lines in line_groups:
        codes.update(map(attrgetter("currency"), lines))
    for code in codes:
        norm = _norm_currency(code)
        if norm == report_currency:
            factors[code] = None
        elif norm in given:
            factors[code] = given[norm]
        else:
            missing.append(norm)
    if not missing:
        return factors, ""
    present = sorted({_norm_currency(code) for code in factors} | set(missing))
    missing = sorted(set(missing))
    text = f"Orders are in {_and_list(present)}"
    if report_currency not in present:
        text += f", but the report is in {report_currency}"
    rates_word = "an exchange rate" if len(missing) == 1 else "exchange rates"
    return {}, f"{text}; give {rates_word} for {_and_list(missing)} to add them up."


def _amounts(lines: Sequence[SaleLine], factors: dict[str, Decimal | None] | None) -> list[Decimal] | None:
    """Each line's quantity × unit price in the report currency (None when money cannot be added up)."""
    if factors is None:
        return None
    if all(factor is None for factor in factors.values()):
        return [line.unit_price * line.quantity for line in lines]
    return [line.unit_price * line.quantity * (factors[line.currency] or 1) for line in lines]


def _cumulative(order_ids: Sequence[str], stamps: Sequence, origin, amounts: Sequence[Decimal],
                scale: Decimal | None = None) -> tuple[tuple[float, Decimal], ...]:
    """(minutes since ``origin``, revenue so far) per order at its first line, starting from (0, 0).

    Lines are in time order; ``stamps`` are their times (or, with a timedelta ``origin``, their
    offsets, which are then sorted here).
    """
    n = len(order_ids)
    first_index = dict(zip(reversed(order_ids), range(n - 1, -1, -1)))  # each order's first line
    firsts = sorted(first_index.values())
    if isinstance(origin, timedelta):
        firsts.sort(key=stamps.__getitem__)
    revenue: dict[str, Decimal] = {}
    for order_id, amount in zip(order_ids, amounts):
        revenue[order_id] = revenue.get(order_id, _ZERO) + amount
    points = [(0.0, _ZERO)]
    running = _ZERO
    for i in firsts:
        running += revenue[order_ids[i]]
        points.append(((stamps[i] - origin) / _MINUTE, running if scale is None else running * scale))
    return tuple(points)


def _round_int(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_HALF_EVEN))


def _merge_spans(spans: Iterable[tuple[datetime, datetime]]) -> tuple[list[datetime], list[datetime]]:
    """Sorted, non-overlapping (starts, ends); touching or overlapping spans become one."""
    starts: list[datetime] = []
    ends: list[datetime] = []
    for start, end in sorted(spans):
        if starts and start <= ends[-1]:
            if end > ends[-1]:
                ends[-1] = end
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _inside(at: datetime, starts: list[datetime], ends: list[datetime]) -> bool:
    i = bisect_right(starts, at) - 1
    return i >= 0 and at < ends[i]


def _per_minute_rate(units: int, us: int) -> Decimal:
    return Decimal(units) * _US_PER_MINUTE / Decimal(us)


def build_report(
    session: SessionData,
    baseline: BaselineData | None = None,
    *,
    currency: str | None = None,
    rates: Mapping[str, Decimal] | None = None,
) -> SessionReport:
    """Every figure of the Review workspace for one session (and, optionally, a baseline).

    The report's currency is ``currency`` if given, else that of most session lines (ties:
    alphabetical), else of most baseline lines, else ``DEFAULT_CURRENCY``. Other currencies are
    multiplied by ``rates[code]``; when one has no rate every money figure is None and
    ``money_problem`` says which rate is needed. Only lines inside the session's window count for
    the session, only lines inside one of the baseline's windows for the baseline. The scaled
    baseline revenue is rounded half-up to the currency's minor unit, as ``Money`` shows amounts.
    """
    window = session.window
    w_start, w_end = window.start, window.end
    window_us = max(0, _us(w_end - w_start))
    by_time = attrgetter("at")
    lines = sorted(lines_in(session.lines, window), key=by_time)
    base_windows = tuple(baseline.windows) if baseline is not None else ()
    base_lines = sorted(_lines_in_any(baseline.lines, base_windows), key=by_time) if baseline else []
    scale = Decimal(baseline.scale) if baseline is not None else Decimal(1)

    report_currency = _report_currency(currency, lines, base_lines)
    factors, problem = _factors(report_currency, (lines, base_lines), rates)
    money = not problem
    amounts = _amounts(lines, factors if money else None)
    base_amounts = _amounts(base_lines, factors if money else None)

    # --- the session's lines as columns in time order, with prefix sums ------------------------------
    times = list(map(by_time, lines))
    order_ids = list(map(attrgetter("order_id"), lines))
    quantities = list(map(attrgetter("quantity"), lines))
    cum_units = [0, *accumulate(quantities)]
    cum_revenue = [_ZERO, *accumulate(amounts)] if amounts is not None else None

    def figures(start: datetime, end: datetime) -> tuple[int, int, Decimal | None]:
        """Orders, units and revenue of the lines in [start, end) (two bisections, one slice)."""
        i, j = bisect_left(times, start), bisect_left(times, end)
        j = max(i, j)
        revenue = cum_revenue[j] - cum_revenue[i] if cum_revenue is not None else None
        return len(set(order_ids[i:j])), cum_units[j] - cum_units[i], revenue

    total_revenue = cum_revenue[-1] if cum_revenue is not None else None
    totals = Totals(orders=len(set(order_ids)), units=cum_units[-1], revenue=total_revenue)
    n_minutes = max(1, -(-window_us // _US_PER_MINUTE))

    # --- viewers ------------------------------------------------------------------------------------
    samples = sorted((at, v) for at, v in session.viewers if w_start <= at < w_end)
    m_view_sum = [0] * n_minutes
    m_view_n = [0] * n_minutes
    for at, v in samples:
        k = (at - w_start) // _MINUTE
        m_view_sum[k] += v
        m_view_n[k] += 1
    peak = max((v for _, v in samples), default=None)
    avg_viewers = None
    if samples:
        weighted = 0
        for j, (at, v) in enumerate(samples):
            until = samples[j + 1][0] if j + 1 < len(samples) else w_end
            weighted += v * _us(until - at)
        avg_viewers = weighted / _us(w_end - samples[0][0])
    conversion = Decimal(totals.orders * 1000) / Decimal(peak) if peak else None

    minutes = []
    for k in range(n_minutes):
        start = w_start + k * _MINUTE
        orders, units, revenue = figures(start, min(start + _MINUTE, w_end))
        viewers = m_view_sum[k] / m_view_n[k] if m_view_n[k] else None
        minutes.append(MinuteRow(minute=k, start=start, viewers=viewers, orders=orders, units=units,
                                 revenue=revenue))

    # --- baseline -------------------------------------------------------------------------------------
    b_units: dict[str, int] = {}
    b_revenue: dict[str, Decimal] = {}
    baseline_result = None
    if baseline is not None:
        b_orders: dict[str, None] = {}
        for i, line in enumerate(base_lines):
            b_units[line.sku] = b_units.get(line.sku, 0) + line.quantity
            if base_amounts is not None:
                b_revenue[line.sku] = b_revenue.get(line.sku, _ZERO) + base_amounts[i]
            b_orders[line.order_id] = None
        raw_revenue = sum(base_amounts, _ZERO) if base_amounts is not None else None
        raw = Totals(orders=len(b_orders), units=sum(b_units.values()), revenue=raw_revenue)
        exact = raw_revenue * scale if raw_revenue is not None else None
        minor = Decimal(1).scaleb(-minor_units(report_currency))
        baseline_result = BaselineResult(
            spec=baseline.spec,
            windows=base_windows,
            scale=scale,
            raw=raw,
            totals=Totals(
                orders=_round_int(raw.orders * scale),
                units=_round_int(raw.units * scale),
                revenue=exact.quantize(minor, rounding=ROUND_HALF_UP) if exact is not None else None,
            ),
            revenue_exact=exact,
        )

    # --- products: each sku's lines by index; feature spans merged per sku, found by bisection ------
    by_sku: defaultdict[str, list[int]] = defaultdict(list)
    for i, line in enumerate(lines):
        by_sku[line.sku].append(i)
    merged: dict[str, tuple[list[datetime], list[datetime]]] = {}
    for sku, group in groupby(sorted(session.features, key=attrgetter("sku")), key=attrgetter("sku")):
        merged[sku] = _merge_spans((max(f.start, w_start), min(f.end, w_end)) for f in group
                                   if max(f.start, w_start) < min(f.end, w_end))
    products = []
    for sku in set(by_sku) | set(b_units) | set(merged):
        idx = by_sku.get(sku, [])
        units = sum(map(quantities.__getitem__, idx))
        revenue = sum(map(amounts.__getitem__, idx), _ZERO) if amounts is not None else None
        starts, ends = merged.get(sku, ([], []))
        feat_us = sum(_us(e - s) for s, e in zip(starts, ends))
        feat_idx = [i for i in idx if _inside(times[i], starts, ends)] if starts else []
        units_feat = sum(map(quantities.__getitem__, feat_idx))
        rest_us = window_us - feat_us
        if baseline is None:
            base_units = base_revenue = None
            lift = Lift(None, None, NO_BASELINE)
        else:
            base_units = b_units.get(sku, 0) * scale
            base_revenue = b_revenue.get(sku, _ZERO) * scale if money else None
            lift = compute_lift(revenue, base_revenue)
        products.append(ProductResult(
            sku=sku,
            title=session.product_titles.get(sku) or sku,
            orders=len(set(map(order_ids.__getitem__, idx))),
            units=units,
            revenue=revenue,
            baseline_units=base_units,
            baseline_revenue=base_revenue,
            lift=lift,
            featured_seconds=feat_us / 1_000_000,
            units_featured=units_feat,
            revenue_featured=sum(map(amounts.__getitem__, feat_idx), _ZERO) if amounts is not None else None,
            units_per_min_featured=_per_minute_rate(units_feat, feat_us) if feat_us > 0 else None,
            units_per_min_rest=_per_minute_rate(units - units_feat, rest_us) if rest_us > 0 else None,
        ))
    products.sort(key=lambda p: (-(p.revenue or _ZERO), -p.units, p.sku))

    # --- segments ----------------------------------------------------------------------------------
    sample_times = [at for at, _ in samples]
    segments = []
    for span in session.segments:
        orders, units, revenue = figures(span.start, span.end)
        i, j = bisect_left(sample_times, span.start), bisect_left(sample_times, span.end)
        values = [v for _, v in samples[i:j]]
        segments.append(SegmentResult(
            index=span.index,
            title=span.title,
            start=span.start,
            end=span.end,
            orders=orders,
            units=units,
            revenue=revenue,
            avg_viewers=sum(values) / len(values) if values else None,
            peak_viewers=max(values) if values else None,
        ))

    # --- lift and cumulative curves -------------------------------------------------------------------
    if baseline_result is None:
        lift = Lift(None, None, NO_BASELINE)
    else:
        lift = compute_lift(total_revenue, baseline_result.revenue_exact)

    cumulative: tuple[tuple[float, Decimal], ...] = ()
    if amounts is not None:
        cumulative = _cumulative(order_ids, times, w_start, amounts)

    baseline_cumulative: tuple[tuple[float, Decimal], ...] = ()
    if baseline is not None and baseline_result is not None and base_amounts is not None:
        if baseline.spec.kind in (DAY_BEFORE, WEEK_BEFORE):
            base_ids = [line.order_id for line in base_lines]
            base_times = [line.at for line in base_lines]
            if len(base_windows) == 1:
                stamps, origin = base_times, base_windows[0].start
            else:  # offsets from the latest window starting at or before each line
                w_starts = sorted(w.start for w in base_windows)
                stamps = [at - w_starts[bisect_right(w_starts, at) - 1] for at in base_times]
                origin = timedelta(0)
            baseline_cumulative = _cumulative(base_ids, stamps, origin, base_amounts,
                                              None if scale == 1 else scale)
        else:
            baseline_cumulative = ((0.0, _ZERO), (window_us / _US_PER_MINUTE, baseline_result.revenue_exact))

    return SessionReport(
        session=session,
        currency=report_currency,
        totals=totals,
        peak_viewers=peak,
        avg_viewers=avg_viewers,
        conversion_per_1000=conversion,
        minutes=tuple(minutes),
        products=tuple(products),
        segments=tuple(segments),
        baseline=baseline_result,
        lift=lift,
        cumulative=cumulative,
        baseline_cumulative=baseline_cumulative,
        money_problem=problem,
    )


def series_point(report: SessionReport) -> SeriesPoint:
    """One session's point in a series of sessions (labelled by its title, else its tour)."""
    session = report.session
    return SeriesPoint(
        session_id=session.id,
        label=session.title or session.tour,
        started_at=session.window.start,
        peak_viewers=report.peak_viewers,
        revenue=report.totals.revenue,
        currency=report.currency,
        conversion_per_1000=report.conversion_per_1000,
    )
