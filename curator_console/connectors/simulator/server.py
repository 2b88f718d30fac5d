"""The simulated platform as a real HTTP server speaking the live-commerce REST contract.

Contract (``PLATFORM_APIS.md`` §1): bearer auth on every call (401 otherwise); JSON everywhere;
money as decimal strings; times in UTC ISO 8601 with ``Z``; errors as ``{"error": "…"}``.

    GET    /v1/rooms                              {"rooms": [{id, title, status, started_at}]}
    GET    /v1/rooms/{room}                       one room (extension)
    GET    /v1/rooms/{room}/viewers               {room, viewers, at, visitors, status}
    GET    /v1/rooms/{room}/featured              {"skus": [...]}
    PUT    /v1/rooms/{room}/featured/{sku}        204
    DELETE /v1/rooms/{room}/featured/{sku}        204
    GET    /v1/rooms/{room}/on-show               {"object_numbers": [...]}       (extension)
    PUT    /v1/rooms/{room}/on-show               {"object_numbers": [...]} → 204 (extension)
    GET    /v1/orders?since=ISO&until=ISO[&cursor=C][&limit=N]   {"orders": [...], "next_cursor"}
    GET    /v1/products[?cursor=C][&limit=N]      {"products": [...], "next_cursor"}

Simulator controls (auth required, never subject to faults):

    GET    /v1/_sim/status                        seed, speed, simulated now, peak viewers …
    POST   /v1/_sim/faults                        {"mode": "error"|"rate_limit"|"slow"|"drop",
                                                   "seconds": N, "retry_after": S, "delay": D}
    DELETE /v1/_sim/faults                        clear
    POST   /v1/_sim/rooms/{room}/start            go live now (for ``--idle``)
    POST   /v1/_sim/rooms/{room}/end              end the live session
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import logging
import socket
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from curator_console.connectors.simulator.model import (
    Order,
    RoomInfo,
    SimulatorModel,
    UnknownProductError,
    UnknownRoomError,
)

log = logging.getLogger(__name__)

FAULT_MODES = ("error", "rate_limit", "slow", "drop")
MAX_PAGE = 1000
MAX_BODY = 1 << 20


class BadRequest(Exception):
    pass


def iso(when: datetime | float | int) -> str:
    if not isinstance(when, datetime):
        when = datetime.fromtimestamp(when, timezone.utc)
    return when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso(value: str, name: str) -> float:
    """An ISO 8601 instant as epoch seconds; naive times are taken as UTC."""
    text = value.strip().replace(" ", "+")  # an unescaped "+" in a query string arrives as a space
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        raise BadRequest(f"{name} is not an ISO 8601 time: {value!r}") from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.timestamp()


def encode_cursor(data: dict[str, Any]) -> str:
    raw = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> dict[str, Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw.decode("utf-8"))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise BadRequest("cursor is not one this server gave out") from None
    if not isinstance(data, dict):
        raise BadRequest("cursor is not one this server gave out")
    return data


def money(amount) -> str | None:
    return None if amount is None else f"{amount:f}"


def order_json(order: Order) -> dict[str, Any]:
    return {
        "id": order.id,
        "created_at": iso(order.ts),
        "lines": [
            {"sku": line.sku, "quantity": line.quantity, "unit_price": money(line.unit_price), "currency": line.currency}
            for line in order.lines
        ],
    }


def room_json(room: RoomInfo) -> dict[str, Any]:
    return {
        "id": room.id,
        "title": room.title,
        "status": room.status,
        "started_at": iso(room.started_at) if room.started_at else None,
    }


@dataclass(frozen=True)
class Fault:
    mode: str
    until: float  # server clock (real seconds)
    retry_after: int = 5
    delay: float = 2.0


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    # SO_REUSEADDR lets a restarted simulator rebind at once on POSIX; on Windows it would let
    # two servers share a port, so it stays off there.
    allow_reuse_address = sys.platform != "win32"
    block_on_close = False
    simulator: SimulatorServer


class _HTTPServer6(_HTTPServer):
    address_family = socket.AF_INET6


class _Handler(BaseHTTPRequestHandler):
    server: _HTTPServer
    protocol_version = "HTTP/1.1"
    server_version = "CuratorConsoleSimulator/1"
    timeout = 60  # idle keep-alive connections are closed after this long
    disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms stalls

    # --- plumbing ---------------------------------------------------------------------------
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - signature from the base class
        log.debug("%s " + format, self.address_string(), *args)

    def do_GET(self) -> None:
        self._handle("GET")

    def do_PUT(self) -> None:
        self._handle("PUT")

    def do_DELETE(self) -> None:
        self._handle("DELETE")

    def do_POST(self) -> None:
        self._handle("POST")

    def _read_body(self) -> bytes:
        length = self.headers.get("Content-Length")
        if not length:
            return b""
        try:
            n = int(length)
        except ValueError:
            raise BadRequest("bad Content-Length") from None
        if n < 0 or n > MAX_BODY:
            raise BadRequest("request body too large")
        return self.rfile.read(n)

    def _json_body(self, body: bytes) -> Any:
        if not body.strip():
            return {}
        try:
            return json.loads(body.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            raise BadRequest("the request body is not valid JSON") from None

    def _send(self, status: int, payload: Any = None, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if status == HTTPStatus.NO_CONTENT:
            self.end_headers()
            return
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _error(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        self._send(status, {"error": message}, headers)

    def _drop(self) -> None:
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    # --- dispatch ---------------------------------------------------------------------------
    def _handle(self, method: str) -> None:
        sim = self.server.simulator
        try:
            body = self._read_body()
        except BadRequest as exc:
            self.close_connection = True
            self._error(400, str(exc))
            return
        except OSError:
            self.close_connection = True
            return
        parts = urlsplit(self.path)
        path = parts.path.rstrip("/") or "/"
        control = path.startswith("/v1/_sim/")
        if not control:
            fault = sim.active_fault()
            if fault is not None:
                if fault.mode == "drop":
                    self._drop()
                    return
                if fault.mode == "error":
                    self._error(503, "the simulated platform is failing on purpose (injected fault)")
                    return
                if fault.mode == "rate_limit":
                    self._error(429, "too many requests (injected fault)", {"Retry-After": str(fault.retry_after)})
                    return
                if fault.mode == "slow":
                    sim.wait(fault.delay)
        if not sim.authorised(self.headers.get("Authorization")):
            self._error(401, "missing or wrong bearer token", {"WWW-Authenticate": 'Bearer realm="simulator"'})
            return
        query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        segments = [unquote(s) for s in path.split("/")[1:]]
        try:
            self._route(method, segments, query, body)
        except BadRequest as exc:
            self._error(400, str(exc))
        except UnknownRoomError as exc:
            self._error(404, str(exc))
        except UnknownProductError as exc:
            self._error(404, str(exc))
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        except Exception:  # pragma: no cover - a bug; answer rather than hang the client
            log.exception("simulator: %s %s failed", method, parts.path)
            self.close_connection = True
            self._error(500, "internal error in the simulated platform")

    def _route(self, method: str, seg: list[str], query: dict[str, str], body: bytes) -> None:
        sim = self.server.simulator
        model = sim.model
        allowed: tuple[str, ...]
        if seg[:1] != ["v1"]:
            return self._error(404, "not found")
        rest = seg[1:]
        if rest == ["rooms"]:
            allowed = ("GET",)
            if method == "GET":
                return self._send(200, {"rooms": [room_json(r) for r in model.rooms()]})
        elif len(rest) == 2 and rest[0] == "rooms":
            allowed = ("GET",)
            if method == "GET":
                return self._send(200, room_json(model.room(rest[1])))
        elif len(rest) == 3 and rest[0] == "rooms" and rest[2] == "viewers":
            allowed = ("GET",)
            if method == "GET":
                v = model.viewers(rest[1])
                return self._send(200, {"room": v.room, "viewers": v.viewers, "at": iso(v.at),
                                        "visitors": v.visitors, "status": v.status})
        elif len(rest) == 3 and rest[0] == "rooms" and rest[2] == "featured":
            allowed = ("GET",)
            if method == "GET":
                return self._send(200, {"skus": model.featured(rest[1])})
        elif len(rest) == 4 and rest[0] == "rooms" and rest[2] == "featured":
            allowed = ("PUT", "DELETE")
            if method == "PUT":
                model.feature(rest[1], rest[3])
                return self._send(204)
            if method == "DELETE":
                model.unfeature(rest[1], rest[3])
                return self._send(204)
        elif len(rest) == 3 and rest[0] == "rooms" and rest[2] == "on-show":
            allowed = ("GET", "PUT")
            if method == "GET":
                return self._send(200, {"object_numbers": model.on_show(rest[1])})
            if method == "PUT":
                data = self._json_body(body)
                numbers = data.get("object_numbers") if isinstance(data, dict) else None
                if not isinstance(numbers, list) or not all(isinstance(n, str) for n in numbers):
                    raise BadRequest('expected {"object_numbers": ["…", …]}')
                model.set_on_show(rest[1], numbers)
                return self._send(204)
        elif rest == ["orders"]:
            allowed = ("GET",)
            if method == "GET":
                return self._orders(query)
        elif rest == ["products"]:
            allowed = ("GET",)
            if method == "GET":
                return self._products(query)
        elif rest[:1] == ["_sim"]:
            return self._control(method, rest[1:], body)
        else:
            return self._error(404, "not found")
        self._error(405, f"{method} is not allowed here", {"Allow": ", ".join(allowed)})

    def _limit(self, query: dict[str, str]) -> int:
        value = query.get("limit")
        if value in (None, ""):
            return self.server.simulator.page_size
        try:
            n = int(value)
        except ValueError:
            raise BadRequest("limit must be a whole number") from None
        if not 1 <= n <= MAX_PAGE:
            raise BadRequest(f"limit must be between 1 and {MAX_PAGE}")
        return n

    def _orders(self, query: dict[str, str]) -> None:
        if not query.get("since") or not query.get("until"):
            raise BadRequest("since and until are required (ISO 8601 times)")
        since = parse_iso(query["since"], "since")
        until = parse_iso(query["until"], "until")
        after = None
        if query.get("cursor"):
            data = decode_cursor(query["cursor"])
            t, i = data.get("t"), data.get("i")
            if not isinstance(t, int) or not isinstance(i, str):
                raise BadRequest("cursor is not one this server gave out")
            after = (t, i)
        orders, more = self.server.simulator.model.orders_page(since, until, after, self._limit(query))
        next_cursor = encode_cursor({"t": orders[-1].ts, "i": orders[-1].id}) if more and orders else None
        self._send(200, {"orders": [order_json(o) for o in orders], "next_cursor": next_cursor})

    def _products(self, query: dict[str, str]) -> None:
        offset = 0
        if query.get("cursor"):
            o = decode_cursor(query["cursor"]).get("o")
            if not isinstance(o, int) or o < 0:
                raise BadRequest("cursor is not one this server gave out")
            offset = o
        limit = self._limit(query)
        stocked = self.server.simulator.model.products()
        page = stocked[offset:offset + limit]
        end = offset + len(page)
        self._send(200, {
            "products": [
                {
                    "sku": s.product.sku, "title": s.product.title, "price": money(s.product.price),
                    "currency": s.product.currency, "stock": s.stock, "url": s.product.url,
                    "image_url": s.product.image_url,
                    # extensions
                    "status": s.product.status, "objects": list(s.product.object_numbers),
                }
                for s in page
            ],
            "next_cursor": encode_cursor({"o": end}) if end < len(stocked) else None,
        })

    def _control(self, method: str, rest: list[str], body: bytes) -> None:
        sim = self.server.simulator
        if rest == ["status"] and method == "GET":
            status = sim.model.describe()
            fault = sim.active_fault()
            status["fault"] = fault.mode if fault else None
            return self._send(200, status)
        if rest == ["faults"] and method == "GET":
            fault = sim.active_fault()
            return self._send(200, {"mode": fault.mode if fault else None,
                                    "remaining": round(max(0.0, fault.until - sim.clock()), 3) if fault else 0})
        if rest == ["faults"] and method == "POST":
            data = self._json_body(body)
            if not isinstance(data, dict):
                raise BadRequest("expected a JSON object")
            try:
                sim.inject_fault(
                    str(data.get("mode")), float(data.get("seconds", 30)),
                    retry_after=int(data.get("retry_after", 5)), delay=float(data.get("delay", 2.0)),
                )
            except (TypeError, ValueError) as exc:
                raise BadRequest(str(exc)) from None
            return self._send(204)
        if rest == ["faults"] and method == "DELETE":
            sim.clear_faults()
            return self._send(204)
        if len(rest) == 3 and rest[0] == "rooms" and rest[2] in ("start", "end") and method == "POST":
            room = sim.model.start_room(rest[1]) if rest[2] == "start" else sim.model.end_room(rest[1])
            return self._send(200, room_json(room))
        self._error(404, "not found")


class SimulatorServer:
    """Serves a ``SimulatorModel`` over HTTP on a background thread.

    ``port=0`` binds a free port; ``start()`` returns the port actually bound. The fault timer
    uses ``clock`` (the model's clock by default, so a test's fake clock drives both).
    """

    def __init__(
        self,
        model: SimulatorModel,
        host: str = "127.0.0.1",
        port: int = 0,
        token: str = "",
        *,
        page_size: int = 100,
        clock: Callable[[], float] | None = None,
    ) -> None:
        if not token:
            raise ValueError("the simulator needs a token")
        if not 1 <= page_size <= MAX_PAGE:
            raise ValueError(f"page size must be between 1 and {MAX_PAGE}")
        self.model = model
        self.host = host
        self.port = port
        self.token = token
        self.page_size = page_size
        self.clock = clock or model.clock
        self._expected = f"Bearer {token}".encode("utf-8")
        self._fault: Fault | None = None
        self._fault_lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None

    def __repr__(self) -> str:  # never shows the token
        return f"SimulatorServer(url={self.url!r}, seed={self.model.seed}, speed={self.model.speed:g})"

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def running(self) -> bool:
        return self._httpd is not None

    def start(self) -> int:
        if self._httpd is not None:
            return self.port
        self._stopping.clear()
        server_class = _HTTPServer6 if ":" in self.host else _HTTPServer
        httpd = server_class((self.host, self.port), _Handler)
        httpd.simulator = self
        self._httpd = httpd
        self.port = httpd.server_address[1]
        self._thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, name=f"simulator:{self.port}", daemon=True
        )
        self._thread.start()
        log.info("simulated platform serving on %s (seed %s, speed %g)", self.url, self.model.seed, self.model.speed)
        return self.port

    def stop(self) -> None:
        httpd, self._httpd = self._httpd, None
        self._stopping.set()  # releases answers held back by a "slow" fault
        if httpd is None:
            return
        httpd.shutdown()
        httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> SimulatorServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- used by the handler ----------------------------------------------------------------
    def authorised(self, header: str | None) -> bool:
        if not header:
            return False
        return hmac.compare_digest(header.strip().encode("utf-8"), self._expected)

    def wait(self, seconds: float) -> None:
        self._stopping.wait(max(0.0, seconds))

    # --- faults -----------------------------------------------------------------------------
    def inject_fault(self, mode: str, seconds: float, *, retry_after: int = 5, delay: float = 2.0) -> None:
        """Misbehave for ``seconds`` real seconds: ``error`` → 503, ``rate_limit`` → 429 with
        ``Retry-After: retry_after``, ``slow`` → every answer ``delay`` seconds late, ``drop`` →
        the connection is closed without an answer. The controls under ``/v1/_sim/`` keep working."""
        if mode not in FAULT_MODES:
            raise ValueError(f"mode must be one of {', '.join(FAULT_MODES)}")
        if seconds <= 0:
            raise ValueError("seconds must be positive")
        if retry_after < 0 or delay < 0:
            raise ValueError("retry_after and delay cannot be negative")
        with self._fault_lock:
            self._fault = Fault(mode, self.clock() + seconds, int(retry_after), float(delay))
        log.info("simulator: fault %s for %gs", mode, seconds)

    def clear_faults(self) -> None:
        with self._fault_lock:
            self._fault = None

    def active_fault(self) -> Fault | None:
        with self._fault_lock:
            fault = self._fault
            if fault is not None and self.clock() >= fault.until:
                self._fault = fault = None
            return fault
