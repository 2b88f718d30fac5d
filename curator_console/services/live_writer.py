"""The session's event writer: ``put`` returns at once; a daemon thread commits every event.

Whatever the live engine (or the console) records goes through ``EventWriter.put(type, payload,
at)``, which stamps the moment (``at`` defaults to now, UTC), puts it on a queue and returns. The
writer thread takes what is queued — one event, or the whole burst that arrived meanwhile — and
commits it in one short transaction straight away, so every event is in the database within
moments of happening and the caller (the GUI thread, a poller) never waits for the database.

What each event writes, in the same transaction as its ``session_event`` row:

- ``order_received``: the ``store_order`` row and its ``order_line`` rows, keyed by (the
  session's connection, platform order id). An order already stored — received before a crash,
  polled twice across a window overlap, or synced by ``sync-store`` — is skipped *entirely*
  (no rows, no event): each order is stored and announced exactly once, even across resumes and
  concurrent writers (the unique constraint settles a race: the batch is redone one by one).
  The payload given to ``put`` carries ``platform_order_id``, ``created_at`` and ``lines``
  (``sku``, ``quantity``, ``unit_price``, ``currency``); the stored event keeps
  ``platform_order_id``, ``created_at``, ``units``, ``revenue`` (decimal string), ``currency``
  and ``skus`` (the lines themselves live in ``order_line``).
- ``viewer_sample``: a ``viewer_sample`` row (payload ``viewers``).
- ``session_paused`` / ``session_resumed`` / ``session_ended``: the session row's ``status``
  (and ``ended_at``).

A database that cannot be written (locked, server gone) is retried with backoff; ``on_error``
hears about it once per outage. An event that can never be written (a bug) is reported through
``on_error`` and dropped so it cannot hold up the rest.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Mapping
from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Any

from sqlalchemy import insert
from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError

from curator_console.domain.live_view import (
    ORDER_RECEIVED,
    SESSION_ENDED,
    SESSION_PAUSED,
    SESSION_RESUMED,
    VIEWER_SAMPLE,
)
from curator_console.domain.platform import OrderInfo, OrderLineInfo
from curator_console.persistence import models as m
from curator_console.persistence.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)

MAX_BATCH = 500
_STOP = object()


def jsonable(value: Any) -> Any:
    """Payload values as JSON: Decimal → string, datetime → ISO 8601 UTC, tuples → lists."""
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [jsonable(v) for v in value]
    return value


def parse_time(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    text = str(value).strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _amount(value: Any) -> Decimal:
    if isinstance(value, float):
        raise TypeError("money must be a Decimal or a decimal string, not a float")
    return value if isinstance(value, Decimal) else Decimal(str(value))


class EventWriter:
    def __init__(self, uow_factory: Callable[[], UnitOfWork], session_id: int,
                 on_error: Callable[[BaseException], None] | None = None) -> None:
        self._uow_factory = uow_factory
        self.session_id = session_id
        self._on_error = on_error
        self._queue: queue.Queue = queue.Queue()
        self._cond = threading.Condition()
        self._submitted = 0
        self._done = 0
        self._closed = False
        self._connection_id: int | None = None
        self._connection_loaded = False
        self.committed_events = 0
        self.skipped_orders = 0
        self.dropped_events = 0
        self._thread = threading.Thread(target=self._run, name=f"live-writer-{session_id}", daemon=True)
        self._thread.start()

    # --- the caller's side (any thread; never blocks) ------------------------------------------
    def put(self, type: str, payload: Mapping[str, Any] | None = None, at: datetime | None = None) -> None:  # noqa: A002
        """Queue an event that happened at ``at`` (default: now). Returns at once."""
        if self._closed:
            raise RuntimeError("the event writer is closed")
        when = at or datetime.now(timezone.utc)
        if when.tzinfo is None:
            raise ValueError("event times must be timezone-aware (UTC)")
        with self._cond:
            self._submitted += 1
        self._queue.put((type, dict(payload or {}), when))

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until everything queued so far is committed (or dropped); False on timeout."""
        with self._cond:
            target = self._submitted
            return self._cond.wait_for(lambda: self._done >= target or not self._thread.is_alive(), timeout) \
                and self._done >= target

    @property
    def pending(self) -> int:
        with self._cond:
            return self._submitted - self._done

    def close(self, timeout: float = 10.0) -> bool:
        """Commit what is queued (waiting at most ``timeout``), then stop the thread."""
        if self._closed:
            return True
        flushed = self.flush(timeout)
        self._closed = True
        self._queue.put(_STOP)
        self._thread.join(timeout=max(1.0, timeout))
        return flushed

    # --- the writer thread -----------------------------------------------------------------------
    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is _STOP:
                return
            batch = [item]
            stop_after = False
            while len(batch) < MAX_BATCH:
                try:
                    more = self._queue.get_nowait()
                except queue.Empty:
                    break
                if more is _STOP:
                    stop_after = True
                    break
                batch.append(more)
            self._write_with_retry(batch)
            with self._cond:
                self._done += len(batch)
                self._cond.notify_all()
            if stop_after:
                return

    def _report(self, exc: BaseException) -> None:
        if self._on_error is not None:
            try:
                self._on_error(exc)
            except Exception:  # pragma: no cover - a faulty callback must not stop the writer
                log.exception("live writer: on_error failed")
        else:
            log.warning("live writer (session %s): %s", self.session_id, exc)

    def _write_with_retry(self, batch: list) -> None:
        delay = 0.05
        reported = False
        while True:
            try:
                self._write(batch)
                return
            except IntegrityError:
                break  # a concurrent writer stored one of these orders meanwhile: redo one by one
            except DBAPIError as exc:
                if not (isinstance(exc, (OperationalError, InterfaceError)) or exc.connection_invalidated):
                    break  # not the database being away: a bad event, found one by one below
                if not reported:
                    self._report(exc)
                    reported = True
                if self._closed and delay >= 2.0:
                    self.dropped_events += len(batch)
                    return  # closing and the database stays unusable: give up rather than hang
                time.sleep(delay)
                delay = min(delay * 2, 2.0)
            except Exception:
                break  # a bad event: find it by writing them one by one
        for item in batch:
            try:
                self._write([item])
            except Exception as exc:  # noqa: BLE001 - reported, and the rest carries on
                self.dropped_events += 1
                self._report(exc)

    def _session_connection(self, uow: UnitOfWork) -> int | None:
        if not self._connection_loaded:
            live = uow.session.get(m.LiveSession, self.session_id)
            if live is None:
                raise LookupError(f"session {self.session_id} does not exist")
            self._connection_id = live.connection_id
            self._connection_loaded = True
        return self._connection_id

    def _write(self, batch: list) -> None:
        """One transaction for the batch, written with batched Core inserts (an ORM object per
        order cost the GUI thread its share of the interpreter lock during an order burst)."""
        with self._uow_factory() as uow:
            s = uow.session
            connection_id = self._session_connection(uow)
            orders = [item for item in batch if item[0] == ORDER_RECEIVED]
            existing: set[str] = set()
            product_ids: dict[str, int] = {}
            if orders:
                if connection_id is None:
                    raise LookupError("the session's connection was removed; its orders cannot be stored")
                ids = [str(p["platform_order_id"]) for _, p, _ in orders]
                existing = uow.repos.orders.existing_ids(connection_id, ids)
                skus = {str(line["sku"]) for _, p, _ in orders for line in p.get("lines") or ()}
                product_ids = uow.repos.orders.product_ids_by_sku(sorted(skus))
            events: list[dict[str, Any]] = []
            new_orders: list[OrderInfo] = []
            samples: list[dict[str, Any]] = []
            skipped = 0
            live = None
            for kind, payload, at in batch:
                if kind == ORDER_RECEIVED:
                    order_id = str(payload["platform_order_id"])
                    if order_id in existing:
                        skipped += 1
                        continue
                    existing.add(order_id)  # the same order twice in one batch: once
                    order, payload = _order(order_id, payload)  # already plain JSON values
                    new_orders.append(order)
                    events.append({"session_id": self.session_id, "type": kind, "at": at, "payload": payload})
                    continue
                elif kind == VIEWER_SAMPLE:
                    viewers = payload.get("viewers")
                    if isinstance(viewers, int):
                        samples.append({"session_id": self.session_id, "at": at, "viewers": viewers})
                elif kind in (SESSION_PAUSED, SESSION_RESUMED, SESSION_ENDED):
                    live = live or s.get(m.LiveSession, self.session_id)
                    if live is not None:
                        if kind == SESSION_ENDED:
                            live.status, live.ended_at = "ended", at
                        elif live.status not in ("ended", "abandoned"):
                            live.status = "paused" if kind == SESSION_PAUSED else "running"
                events.append({"session_id": self.session_id, "type": kind, "at": at, "payload": jsonable(payload)})
            s.flush()  # the session row's status first
            if new_orders:
                uow.repos.orders.insert_many(connection_id, new_orders, product_ids)
            if samples:
                s.execute(insert(m.ViewerSample.__table__), samples)
            if events:  # in the order they happened: ids ascend in log order
                s.execute(insert(m.SessionEvent.__table__), events)
            uow.commit()
        self.committed_events += len(events)
        self.skipped_orders += skipped


def _order(order_id: str, payload: Mapping[str, Any]) -> tuple[OrderInfo, dict[str, Any]]:
    """The order to store, and the event's payload: the totals instead of the lines."""
    lines = list(payload.get("lines") or ())
    currency = str(payload.get("currency") or (lines[0].get("currency") if lines else "") or "CNY")[:3]
    created_at = parse_time(payload["created_at"])
    units = 0
    revenue = Decimal(0)
    skus: list[str] = []
    infos = []
    for line in lines:
        qty = int(line["quantity"])
        if qty <= 0:
            raise ValueError(f"order {order_id}: a line's quantity must be above 0, not {qty}")
        price = _amount(line["unit_price"])
        sku = str(line["sku"])
        infos.append(OrderLineInfo(sku, qty, price, str(line.get("currency") or currency)[:3]))
        units += qty
        revenue += qty * price
        skus.append(sku)
    order = OrderInfo(order_id, created_at, tuple(infos))
    event = {"platform_order_id": order_id, "created_at": jsonable(created_at), "units": units,
             "revenue": f"{revenue:f}", "currency": currency, "skus": list(dict.fromkeys(skus))}
    extra = {k: v for k, v in payload.items()
             if k not in ("lines", "platform_order_id", "created_at", "units", "revenue", "currency", "skus")}
    if extra:
        event.update(jsonable(extra))
    return order, event
