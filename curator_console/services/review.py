"""Review use cases: sessions with their headline figures."""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal

from curator_console.domain.records import SessionRow
from curator_console.persistence.unit_of_work import UnitOfWork


def list_sessions(uow: UnitOfWork) -> list[SessionRow]:
    """Every session, newest first, with peak viewers and the orders placed during it."""
    with uow:
        sessions = uow.repos.sessions.all()
        peaks = uow.repos.sessions.peak_viewers([s.id for s in sessions])
        rows = []
        for s in sessions:
            orders: set[str] = set()
            units = 0
            revenue = Decimal(0)
            currency = ""
            if s.started_at is not None:
                end = s.ended_at or datetime.now(timezone.utc)
                for order_id, qty, price, cur, _sku in uow.repos.sessions.order_lines_between(s.started_at, end):
                    orders.add(order_id)
                    units += qty
                    revenue += qty * price
                    currency = currency or cur
            rows.append(
                SessionRow(
                    id=s.id, title=s.title, tour_title=s.tour.title if s.tour else s.tour_snapshot.get("title", ""),
                    mode=s.mode, status=s.status, started_at=s.started_at, ended_at=s.ended_at,
                    connection_name=s.connection.name if s.connection else "", peak_viewers=peaks.get(s.id, 0),
                    orders=len(orders), units=units, revenue=revenue, currency=currency or "CNY",
                )
            )
        return rows
