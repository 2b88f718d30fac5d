"""The Review's sentences: what a session did, in plain words, from a ``SessionReport``.

``headline_lines`` gives the few sentences the report opens with (and the Review workspace shows):

    Revenue ¥12,345.00 from 321 orders (456 units)
    Sales rose 460% against the same hours the day before
    Peak 12,300 viewers, average 5,400; 26 orders per 1,000 peak viewers

How the change against the baseline is said (``lift_sentence``): the baseline sold nothing →
"New sales: the baseline sold nothing"; a multiple from 1.95 up to (not including) 2.05 →
"Doubled compared with the day before"; a multiple of 10 or more → "60 times the whole of
February 2026"; otherwise the percentage, rounded ("Sales rose 460% …", "Sales fell 12% …"; one
decimal under 10 %, "Sales were level with …" when it rounds to zero).

Every sentence is a label with ``%1``/``%2`` placeholders (``labels.REVIEW_LABELS``), so the
interface can pass translated ones. Numbers are written the same in every language.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta, tzinfo
from decimal import ROUND_HALF_UP, Decimal

from curator_console.documents import formatting as f
from curator_console.documents.labels import fill, with_defaults
from curator_console.domain.review_model import (
    AVG_28D,
    CUSTOM,
    DAY_BEFORE,
    NEW_SALES,
    NO_SALES,
    WEEK_BEFORE,
    Lift,
    SessionReport,
    Window,
)

DOUBLED = (Decimal("1.95"), Decimal("2.05"))  # [low, high): said as "doubled"
TIMES_FROM = Decimal(10)  # a multiple from here on is said as "N times"

_BASELINE_KEYS = {DAY_BEFORE: "baseline_day_before", WEEK_BEFORE: "baseline_week_before", AVG_28D: "baseline_avg_28d"}


# --- numbers ------------------------------------------------------------------------------------


def count(value: int | float | Decimal | None) -> str:
    """``12,300``: a whole number with thousands separators (rounded half up); "—" for None."""
    if value is None:
        return "—"
    return f"{Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP):,}"


def ratio(value: Decimal | float | None) -> str:
    """``26`` from 10 up, ``2.6`` below (one decimal, ``.0`` dropped); "—" for None."""
    if value is None:
        return "—"
    d = Decimal(str(value))
    if abs(d) >= 10:
        return count(d)
    text = f"{d.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP):,}"
    return text[:-2] if text.endswith(".0") else text


def percent(value: Decimal) -> str:
    """A percentage's number without its sign: ``460``, ``12``, ``3.5``."""
    return ratio(abs(value))


def lift_cell(lift: Lift, labels: Mapping[str, str] | None = None) -> str:
    """A lift in a table cell: ``+460%``, ``−12%``, ``0%``, "new" (the baseline sold nothing), "—"."""
    lb = with_defaults(labels)
    if lift.reason == NEW_SALES:
        return lb["lift_new"]
    if lift.percent is None:
        return "—"
    text = percent(lift.percent)
    if text in ("0", "0.0"):
        return "0%"
    return f"{'+' if lift.percent > 0 else '−'}{text}%"


# --- the baseline in words -------------------------------------------------------------------


def window_label(window: Window, tz: tzinfo | None = None) -> str:
    """A custom window as dates in ``tz`` (the computer's when None): ``2026-02-01 – 2026-02-28``
    for whole days (the end is exclusive, so the last day shown is the one before it),
    ``2026-03-19`` for one day, else with times: ``2026-03-19 19:30 – 21:30``."""
    start = window.start.astimezone(tz) if tz is not None else window.start.astimezone()
    end = window.end.astimezone(tz) if tz is not None else window.end.astimezone()
    midnight = start.time() == end.time() == datetime.min.time()
    if midnight and end > start:
        last = (end - timedelta(days=1)).date()
        return f"{start:%Y-%m-%d}" if last == start.date() else f"{start:%Y-%m-%d} – {last:%Y-%m-%d}"
    if start.date() == end.date():
        return f"{start:%Y-%m-%d %H:%M} – {end:%H:%M}"
    return f"{start:%Y-%m-%d %H:%M} – {end:%Y-%m-%d %H:%M}"


def baseline_phrase(report: SessionReport, labels: Mapping[str, str] | None = None, *, short: bool = False,
                    tz: tzinfo | None = None, custom_label: str | None = None) -> str:
    """What the session is compared with: "the same hours the day before" (``short``: "the day
    before"), "the whole of <custom_label>" (default: the custom window's dates in ``tz``);
    "" without a baseline."""
    lb = with_defaults(labels)
    base = report.baseline
    if base is None:
        return ""
    key = _BASELINE_KEYS.get(base.spec.kind)
    if key is not None:
        return lb[key + "_short"] if short else lb[key]
    if base.spec.kind == CUSTOM:
        if custom_label is None:
            window = base.spec.custom or (Window(base.windows[0].start, base.windows[-1].end) if base.windows else None)
            custom_label = window_label(window, tz) if window is not None else ""
        return fill(lb["baseline_custom"], custom_label)
    return base.spec.kind


# --- sentences ------------------------------------------------------------------------------------


def lift_sentence(report: SessionReport, labels: Mapping[str, str] | None = None, *, tz: tzinfo | None = None,
                  custom_label: str | None = None) -> str | None:
    """The change in revenue against the baseline in words, or None when there is nothing to say
    (no baseline, or revenue that cannot be added up: the revenue sentence says why)."""
    lb = with_defaults(labels)
    lift = report.lift
    if report.baseline is None:
        return None
    if lift.reason == NEW_SALES:
        return lb["lift_new_sales"]
    if lift.reason == NO_SALES:
        return lb["lift_no_sales"]
    if lift.percent is None and lift.multiple is None:
        return None  # no baseline / no money: said elsewhere

    def phrase(short: bool = False) -> str:
        return baseline_phrase(report, lb, short=short, tz=tz, custom_label=custom_label)

    multiple = lift.multiple if lift.multiple is not None else (lift.percent + 100) / 100
    if multiple >= TIMES_FROM:
        return fill(lb["lift_times"], count(multiple), phrase())
    if DOUBLED[0] <= multiple < DOUBLED[1]:
        return fill(lb["lift_doubled"], phrase(short=True))
    pct = lift.percent if lift.percent is not None else (multiple - 1) * 100
    text = percent(pct)
    if text in ("0", "0.0"):
        return fill(lb["lift_level"], phrase())
    return fill(lb["lift_rose"] if pct > 0 else lb["lift_fell"], text, phrase())


def revenue_sentence(report: SessionReport, labels: Mapping[str, str] | None = None) -> str:
    lb = with_defaults(labels)
    t = report.totals
    if t.revenue is None:
        return fill(lb["headline_no_money"], count(t.orders), count(t.units), report.money_problem or "—")
    return fill(lb["headline_revenue"], f.money(t.revenue, report.currency), count(t.orders), count(t.units))


def viewers_sentence(report: SessionReport, labels: Mapping[str, str] | None = None) -> str:
    lb = with_defaults(labels)
    if report.peak_viewers is None:
        return lb["headline_no_viewers"]
    if report.conversion_per_1000 is None:
        return fill(lb["headline_viewers_only"], count(report.peak_viewers), count(report.avg_viewers))
    return fill(lb["headline_viewers"], count(report.peak_viewers), count(report.avg_viewers),
                ratio(report.conversion_per_1000))


def headline_lines(report: SessionReport, labels: Mapping[str, str] | None = None, *, tz: tzinfo | None = None,
                   custom_label: str | None = None) -> list[str]:
    """The report's opening sentences: revenue (or why it cannot be added up), the change against
    the baseline (when there is one to state), viewers and conversion."""
    lb = with_defaults(labels)
    lines = [revenue_sentence(report, lb)]
    lift = lift_sentence(report, lb, tz=tz, custom_label=custom_label)
    if lift:
        lines.append(lift)
    lines.append(viewers_sentence(report, lb))
    return lines
