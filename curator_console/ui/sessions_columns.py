"""Column sets shared by the Live and Review workspaces' session tables."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from curator_console.ui import formatting as fmt
from curator_console.ui.table_model import Column


def mode_text(mode: str) -> str:
    return {"live": QCoreApplication.translate("SessionColumns", "Live"), "rehearsal": QCoreApplication.translate("SessionColumns", "Rehearsal")}.get(mode, mode)


def status_text(status: str) -> str:
    return {"running": QCoreApplication.translate("SessionColumns", "Running"), "paused": QCoreApplication.translate("SessionColumns", "Paused"), "ended": QCoreApplication.translate("SessionColumns", "Ended"),
            "abandoned": QCoreApplication.translate("SessionColumns", "Unfinished")}.get(status, status)


def revenue_text(r) -> str:
    """The session's revenue; in several currencies, each on its own (never added together)."""
    parts = getattr(r, "revenue_by_currency", ()) or ((r.currency, r.revenue),)
    return " + ".join(fmt.money(amount, currency) for currency, amount in parts)


def session_duration(r) -> int | None:
    if r.started_at is None or r.ended_at is None:
        return None
    return int((r.ended_at - r.started_at).total_seconds())


def session_columns(with_sales: bool) -> list[Column]:
    cols = [
        Column("started", lambda: QCoreApplication.translate("SessionColumns", "Started"), lambda r: fmt.local_datetime(r.started_at),
               sort_value=lambda r: r.started_at.timestamp() if r.started_at else 0),
        Column("tour", lambda: QCoreApplication.translate("SessionColumns", "Tour"), lambda r: r.tour_title),
        Column("mode", lambda: QCoreApplication.translate("SessionColumns", "Mode"), lambda r: mode_text(r.mode)),
        Column("status", lambda: QCoreApplication.translate("SessionColumns", "Status"), lambda r: status_text(r.status)),
        Column("duration", lambda: QCoreApplication.translate("SessionColumns", "Duration"), lambda r: fmt.duration(session_duration(r)),
               sort_value=lambda r: session_duration(r) or 0, numeric=True),
        Column("peak", lambda: QCoreApplication.translate("SessionColumns", "Peak viewers"), lambda r: fmt.number(r.peak_viewers),
               sort_value=lambda r: r.peak_viewers, numeric=True),
    ]
    if with_sales:
        cols += [
            Column("orders", lambda: QCoreApplication.translate("SessionColumns", "Orders"), lambda r: fmt.number(r.orders), sort_value=lambda r: r.orders, numeric=True),
            Column("units", lambda: QCoreApplication.translate("SessionColumns", "Units"), lambda r: fmt.number(r.units), sort_value=lambda r: r.units, numeric=True),
            Column("revenue", lambda: QCoreApplication.translate("SessionColumns", "Revenue"), revenue_text,
                   sort_value=lambda r: float(r.revenue), numeric=True),
        ]
    else:
        cols.append(Column("connection", lambda: QCoreApplication.translate("SessionColumns", "Platform connection"), lambda r: r.connection_name))
    return cols
