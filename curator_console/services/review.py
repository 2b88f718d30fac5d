"""Review use cases: the sessions with their headline figures, and one session's full report
against a baseline — read from the database into ``domain/review_model`` values and worked out by
``domain/analytics``.

Which orders count. A session's orders and its baseline's come from one *order source*: a
connection holding the store's orders. By default that is the session's own connection when it
holds orders or is a store (the built-in simulator, a REST partner, Shopify, or orders imported into
it); otherwise the connection with the most orders in the session's window (or at all). A caller
may name another (``source=``). Orders from two sources are never added together: two sources may
hold the same store's orders under the same ids.

Windows are half-open, ``[start, end)``: an order placed exactly at the session's start counts,
one placed exactly at its end belongs to what comes after.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import func, select

from curator_console.domain import analytics
from curator_console.domain.live_view import (
    MARKER,
    PRODUCT_FEATURED,
    PRODUCT_UNFEATURED,
    SEGMENT_ENDED,
    SEGMENT_STARTED,
    SESSION_ENDED,
)
from curator_console.domain.records import SessionRow
from curator_console.domain.review_model import (
    BASELINE_KINDS,
    CUSTOM,
    BaselineData,
    BaselineSpec,
    SaleLine,
    SeriesPoint,
    SessionData,
    SessionReport,
    Window,
)
from curator_console.persistence import models as m
from curator_console.persistence.unit_of_work import UnitOfWork
from curator_console.services import museum

TIMELINE_EVENTS = (SEGMENT_STARTED, SEGMENT_ENDED, PRODUCT_FEATURED, PRODUCT_UNFEATURED, MARKER, SESSION_ENDED)
STORE_PLATFORMS = ("simulator", "rest", "shopify", "file")
_SECOND = timedelta(seconds=1)


class ReviewError(ValueError):
    """A review cannot be made as asked; the message says why in plain words."""


def list_sessions(uow: UnitOfWork) -> list[SessionRow]:
    """Every session, newest first, with peak viewers and the orders of its window from its order
    source (the same orders its report counts). Revenue in several currencies is kept apart."""
    with uow:
        sessions = uow.repos.sessions.all()
        peaks = uow.repos.sessions.peak_viewers([s.id for s in sessions])
        rows = []
        for s in sessions:
            orders: set[str] = set()
            units = 0
            revenues: dict[str, Decimal] = {}
            if s.started_at is not None:
                window = _window(uow, s)
                conn = order_source(uow, s, window)
                for line in _lines(uow, conn.id if conn is not None else None, [window]):
                    orders.add(line.order_id)
                    units += line.quantity
                    cur = line.currency or "CNY"
                    revenues[cur] = revenues.get(cur, Decimal(0)) + line.quantity * line.unit_price
            ranked = sorted(revenues.items(), key=lambda kv: (-kv[1], kv[0]))
            currency, revenue = ranked[0] if ranked else ("CNY", Decimal(0))
            rows.append(
                SessionRow(
                    id=s.id, title=s.title, tour_title=s.tour.title if s.tour else s.tour_snapshot.get("title", ""),
                    mode=s.mode, status=s.status, started_at=s.started_at, ended_at=s.ended_at,
                    connection_name=s.connection.name if s.connection else "", peak_viewers=peaks.get(s.id, 0),
                    orders=len(orders), units=units, revenue=revenue, currency=currency,
                    revenue_by_currency=tuple(ranked) if len(ranked) > 1 else (),
                )
            )
        return rows


# --- reading a session --------------------------------------------------------------------------


def museum_zone(uow: UnitOfWork) -> tzinfo:
    """The museum's time zone (see ``services/museum.zone``); call inside an open unit of work."""
    return museum.zone(uow)[0]


def _session(uow: UnitOfWork, session_id: int) -> m.LiveSession:
    s = uow.session.get(m.LiveSession, session_id)
    if s is None:
        raise ReviewError(f"There is no session {session_id}.")
    if s.started_at is None:
        raise ReviewError(f"Session {session_id} never started: there is nothing to review.")
    return s


def _window(uow: UnitOfWork, s: m.LiveSession) -> Window:
    end = s.ended_at
    if end is None:  # unfinished (running, or abandoned after a crash): up to its last event
        end = uow.session.scalar(select(func.max(m.SessionEvent.at)).where(m.SessionEvent.session_id == s.id))
    if end is None or end <= s.started_at:
        end = s.started_at
    return Window(s.started_at, end)


def _order_counts(uow: UnitOfWork, window: Window | None = None) -> dict[int, int]:
    q = select(m.Order.connection_id, func.count()).group_by(m.Order.connection_id)
    if window is not None:
        q = q.where(m.Order.created_at >= window.start, m.Order.created_at < window.end)
    return {cid: int(n) for cid, n in uow.session.execute(q)}


def order_source(uow: UnitOfWork, s: m.LiveSession, window: Window, name: str | None = None) -> m.Connection | None:
    """The connection whose orders the review counts (see the module's docstring)."""
    if name:
        conn = uow.repos.connections.by_name(name)
        if conn is None:
            raise ReviewError(f"There is no connection called “{name}”.")
        return conn
    everywhere = _order_counts(uow)
    own = s.connection
    if own is not None and (everywhere.get(own.id) or own.platform in STORE_PLATFORMS):
        return own
    for counts in (_order_counts(uow, window), everywhere):
        if counts:
            best = max(counts.items(), key=lambda kv: (kv[1], -kv[0]))[0]
            return uow.session.get(m.Connection, best)
    return None


def _lines(uow: UnitOfWork, source_id: int | None, windows: Sequence[Window]) -> tuple[SaleLine, ...]:
    if source_id is None:
        return ()
    out: list[SaleLine] = []
    for w in windows:
        q = (select(m.Order.platform_order_id, m.Order.created_at, m.OrderLine.sku, m.OrderLine.quantity,
                    m.OrderLine.unit_price, m.OrderLine.currency)
             .join(m.OrderLine, m.OrderLine.order_id == m.Order.id)
             .where(m.Order.connection_id == source_id, m.Order.created_at >= w.start, m.Order.created_at < w.end)
             .order_by(m.Order.created_at, m.Order.id, m.OrderLine.line_no))
        out.extend(SaleLine(oid, at, sku, int(qty), price, cur or "")
                   for oid, at, sku, qty, price, cur in uow.session.execute(q))
    return tuple(out)


@dataclass(frozen=True)
class ReviewInput:
    """What one report is made of, read in one go."""

    session: SessionData
    baseline: BaselineData | None
    source: str  # the order source's connection name ("" when there is none)
    zone: tzinfo


def _session_data(uow: UnitOfWork, s: m.LiveSession, window: Window, source_id: int | None) -> SessionData:
    q = (select(m.SessionEvent.type, m.SessionEvent.at, m.SessionEvent.payload)
         .where(m.SessionEvent.session_id == s.id, m.SessionEvent.type.in_(TIMELINE_EVENTS))
         .order_by(m.SessionEvent.id))
    events = [(kind, at, payload if isinstance(payload, dict) else {}) for kind, at, payload in uow.session.execute(q)]
    segments, features, markers = analytics.timeline_from_events(events, window)
    samples = tuple((at, int(v)) for at, v in uow.session.execute(
        select(m.ViewerSample.at, m.ViewerSample.viewers).where(m.ViewerSample.session_id == s.id)
        .order_by(m.ViewerSample.at, m.ViewerSample.id)))
    lines = _lines(uow, source_id, [window])
    titles = {sku: title for sku, title in uow.session.execute(select(m.Product.sku, m.Product.title)) if title}
    snapshot = s.tour_snapshot or {}
    tour = s.tour.title if s.tour is not None else str(snapshot.get("title") or "")
    return SessionData(id=s.id, title=s.title or tour, tour=tour, mode=s.mode, window=window, viewers=samples,
                       segments=segments, features=features, markers=markers, lines=lines, product_titles=titles)


def review_input(uow: UnitOfWork, session_id: int, baseline: BaselineSpec | None = None, *,
                 source: str | None = None, tz: tzinfo | None = None) -> ReviewInput:
    """Read a session, its orders and (if asked) its baseline's orders."""
    with uow:
        s = _session(uow, session_id)
        zone = tz or museum_zone(uow)
        window = _window(uow, s)
        conn = order_source(uow, s, window, source)
        source_id = conn.id if conn is not None else None
        data = _session_data(uow, s, window, source_id)
        base = None
        if baseline is not None:
            try:
                windows, scale = analytics.baseline_windows(baseline, window, zone)
            except ValueError as exc:
                raise ReviewError(str(exc)) from None
            base = BaselineData(spec=baseline, windows=windows, scale=scale, lines=_lines(uow, source_id, windows))
        return ReviewInput(data, base, conn.name if conn is not None else "", zone)


def session_report(uow: UnitOfWork, session_id: int, baseline: BaselineSpec | None = None, *,
                   source: str | None = None, currency: str | None = None,
                   rates: Mapping[str, Decimal] | None = None, tz: tzinfo | None = None) -> SessionReport:
    """One session's full report (figures, per minute / product / segment, against ``baseline``)."""
    data = review_input(uow, session_id, baseline, source=source, tz=tz)
    return analytics.build_report(data.session, data.baseline, currency=currency, rates=rates)


def series(uow: UnitOfWork, session_id: int, scope: str = "tour", *, source: str | None = None,
           currency: str | None = None, rates: Mapping[str, Decimal] | None = None) -> list[SeriesPoint]:
    """The sessions to compare with ``session_id``, oldest first: those of the same tour
    (``scope="tour"``; sessions of a deleted tour are matched by the tour's title) or every session
    of the museum (``scope="museum"``). Sessions that never started are left out."""
    with uow:
        s = _session(uow, session_id)
        title = s.tour.title if s.tour is not None else str((s.tour_snapshot or {}).get("title") or "")
        ids = []
        for other in uow.repos.sessions.all():
            if other.started_at is None:
                continue
            if scope == "tour":
                other_title = (other.tour.title if other.tour is not None
                               else str((other.tour_snapshot or {}).get("title") or ""))
                same = (other.tour_id == s.tour_id) if s.tour_id is not None else other_title == title
                if not same:
                    continue
            ids.append((other.started_at, other.id))
    points = []
    for _at, sid in sorted(ids):
        try:
            points.append(analytics.series_point(session_report(uow, sid, source=source, currency=currency,
                                                                rates=rates)))
        except ReviewError:
            continue
    return points


# --- baselines from words ---------------------------------------------------------------------------


def parse_baseline(text: str, tz: tzinfo | None = None) -> BaselineSpec:
    """``day-before``, ``week-before``, ``avg-28d`` or ``FROM..TO`` (ISO dates or date-times;
    a date alone means its local midnight, and ``TO`` as a date is inclusive: ``2026-02-01..2026-02-28``
    is the whole of February). Naive times are read in ``tz`` (the museum's zone)."""
    text = (text or "").strip()
    if text in BASELINE_KINDS and text != CUSTOM:
        return BaselineSpec(text)
    if ".." not in text:
        raise ReviewError(f"“{text}” is not a baseline: use day-before, week-before, avg-28d or FROM..TO "
                          "(e.g. 2026-02-01..2026-02-28).")
    first, _, last = text.partition("..")
    zone = tz or timezone.utc
    start = _moment(first, zone, end=False)
    end = _moment(last, zone, end=True)
    if end <= start:
        raise ReviewError(f"In “{text}” the end does not come after the start.")
    return BaselineSpec(CUSTOM, Window(start, end))


def _moment(text: str, tz: tzinfo, *, end: bool) -> datetime:
    text = text.strip()
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            if end:
                day += timedelta(days=1)
            return datetime(day.year, day.month, day.day, tzinfo=tz).astimezone(timezone.utc)
        at = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ReviewError(f"“{text}” is not a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:MM).") from None
    if at.tzinfo is None:
        at = at.replace(tzinfo=tz)
    return at.astimezone(timezone.utc)


def parse_rate(text: str) -> tuple[str, Decimal]:
    """``USD=7.10``: one USD is worth 7.10 of the report's currency."""
    code, sep, value = (text or "").partition("=")
    code = code.strip().upper()
    try:
        rate = Decimal(value.strip())
    except InvalidOperation:
        rate = Decimal(0)
    if not sep or len(code) != 3 or not code.isalpha() or not rate.is_finite() or rate <= 0:
        raise ReviewError(f"“{text}” is not an exchange rate: write it as CODE=RATE, e.g. USD=7.10.")
    return code, rate


# --- figures as JSON ------------------------------------------------------------------------------------


def _money(amount: Decimal | None, currency: str) -> str | None:
    if amount is None:
        return None
    from curator_console.domain.money import minor_units

    places = minor_units(currency)
    return f"{amount.quantize(Decimal(1).scaleb(-places)):f}" if places else f"{amount.quantize(Decimal(1)):f}"


def _number(value: Decimal | float | None, places: int) -> float | None:
    return None if value is None else round(float(value), places)


def report_json(report: SessionReport, source: str = "") -> dict[str, Any]:
    """The headline figures: ``session_revenue``, ``units``, ``orders``, ``baseline_revenue``,
    ``lift_percent``, ``lift_multiple``, ``peak_viewers``, ``avg_viewers``, ``conversion_per_1000``,
    ``currency`` and ``products`` (``sku``, ``units``, ``revenue``, ``baseline_revenue``,
    ``lift_percent``); money as decimal strings; a lift that cannot be given is null with a
    ``lift_reason``."""
    cur = report.currency
    base = report.baseline
    out: dict[str, Any] = {
        "session_id": report.session.id,
        "tour": report.session.tour,
        "started_at": report.session.window.start.isoformat().replace("+00:00", "Z"),
        "ended_at": report.session.window.end.isoformat().replace("+00:00", "Z"),
        "currency": cur,
        "order_source": source,
        "session_revenue": _money(report.totals.revenue, cur),
        "units": report.totals.units,
        "orders": report.totals.orders,
        "baseline": None if base is None else {
            "kind": base.spec.kind,
            "windows": [[w.start.isoformat().replace("+00:00", "Z"), w.end.isoformat().replace("+00:00", "Z")]
                        for w in base.windows],
            "scale": str(base.scale),
            "orders": base.totals.orders, "units": base.totals.units,
        },
        "baseline_revenue": None if base is None else _money(base.totals.revenue, cur),
        "lift_percent": _number(report.lift.percent, 2),
        "lift_multiple": _number(report.lift.multiple, 3),
        "lift_reason": report.lift.reason or None,
        "peak_viewers": report.peak_viewers,
        "avg_viewers": _number(report.avg_viewers, 1),
        "conversion_per_1000": _number(report.conversion_per_1000, 2),
        "money_problem": report.money_problem or None,
        "products": [{
            "sku": p.sku, "title": p.title, "orders": p.orders, "units": p.units,
            "revenue": _money(p.revenue, cur),
            "baseline_revenue": _money(p.baseline_revenue, cur),
            "lift_percent": _number(p.lift.percent, 2),
            "lift_reason": p.lift.reason or None,
        } for p in report.products],
        "segments": [{
            "index": g.index, "title": g.title, "orders": g.orders, "units": g.units,
            "revenue": _money(g.revenue, cur), "peak_viewers": g.peak_viewers,
        } for g in report.segments],
    }
    return out


# --- syncing the orders a review needs --------------------------------------------------------------


def sync_windows(uow: UnitOfWork, session_id: int, baseline: BaselineSpec | None = None, *,
                 source: str | None = None, tz: tzinfo | None = None) -> tuple[str, list[Window]]:
    """The order source's name and the windows to fetch from it: the session's and the baseline's."""
    with uow:
        s = _session(uow, session_id)
        zone = tz or museum_zone(uow)
        window = _window(uow, s)
        conn = order_source(uow, s, window, source)
        if conn is None:
            raise ReviewError("There is no store connection to fetch orders from.")
        windows = [window]
        if baseline is not None:
            try:
                windows.extend(analytics.baseline_windows(baseline, window, zone)[0])
            except ValueError as exc:
                raise ReviewError(str(exc)) from None
        return conn.name, windows


def sync_review_orders(uow_factory: Callable[[], UnitOfWork], client, session_id: int,
                       baseline: BaselineSpec | None = None, *, source: str | None = None,
                       progress: Callable[[int, int, int, int], None] | None = None,
                       cancelled: Callable[[], bool] | None = None) -> tuple[int, int]:
    """Fetch from the store the orders of the session's window and of each baseline window,
    exactly once. ``progress(window number, windows, new so far, already here so far)``. Returns
    (new, already here); raises ``store_sync.Cancelled`` (what was stored is kept) or
    ``ConnectionError_`` (not a store, unreachable...)."""
    from curator_console.services import store_sync

    name, windows = sync_windows(uow_factory(), session_id, baseline, source=source)
    new_total = seen_total = 0
    for n, w in enumerate(windows, start=1):
        base_new, base_seen = new_total, seen_total

        def step(new: int, seen: int, n: int = n, base_new: int = base_new, base_seen: int = base_seen) -> None:
            if progress is not None:
                progress(n, len(windows), base_new + new, base_seen + seen)

        summary = store_sync.sync_store(uow_factory, name, client, w.start, max(w.end, w.start + _SECOND),
                                        include_products=False, progress=step, cancelled=cancelled)
        new_total += summary.orders_new
        seen_total += summary.orders_seen
        if progress is not None:
            progress(n, len(windows), new_total, seen_total)
    return new_total, seen_total
