"""Fixtures for the simulated platform: a fake clock, models, and a real server on port 0."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone

import pytest
import requests

from curator_console.connectors.simulator.model import SimulatorModel
from curator_console.connectors.simulator.server import SimulatorServer

TOKEN = "test-token-8c1f"
START = datetime(2026, 3, 10, 11, 30, tzinfo=timezone.utc)  # 19:30 in China


class FakeClock:
    """Real seconds, advanced by hand."""

    def __init__(self, t: float = 1000.0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds

    def advance_minutes(self, minutes: float, speed: float = 1.0) -> None:
        self.t += minutes * 60.0 / speed


def make_model(seed: int = 7, clock: FakeClock | None = None, **kwargs) -> SimulatorModel:
    kwargs.setdefault("start", START)
    return SimulatorModel(seed=seed, clock=clock or FakeClock(), **kwargs)


class Client:
    """An independent client: plain requests against the server's URL."""

    def __init__(self, base_url: str, token: str | None = TOKEN) -> None:
        self.base = base_url
        self.session = requests.Session()
        if token is not None:
            self.session.headers["Authorization"] = f"Bearer {token}"

    def get(self, path: str, **kw) -> requests.Response:
        return self.session.get(self.base + path, timeout=10, **kw)

    def put(self, path: str, **kw) -> requests.Response:
        return self.session.put(self.base + path, timeout=10, **kw)

    def delete(self, path: str, **kw) -> requests.Response:
        return self.session.delete(self.base + path, timeout=10, **kw)

    def post(self, path: str, **kw) -> requests.Response:
        return self.session.post(self.base + path, timeout=10, **kw)

    def all_orders(self, since: str, until: str, **params) -> tuple[list[dict], int]:
        """Every order in the window, following cursors to the end; returns (orders, pages)."""
        orders: list[dict] = []
        cursor = None
        pages = 0
        while True:
            query = {"since": since, "until": until, **params}
            if cursor:
                query["cursor"] = cursor
            r = self.get("/v1/orders", params=query)
            assert r.status_code == 200, r.text
            body = r.json()
            pages += 1
            orders.extend(body["orders"])
            cursor = body["next_cursor"]
            if cursor is None:
                return orders, pages
            assert pages < 10_000


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def model(clock: FakeClock) -> SimulatorModel:
    return make_model(seed=7, clock=clock)


@pytest.fixture
def server(model: SimulatorModel) -> Iterator[SimulatorServer]:
    srv = SimulatorServer(model, "127.0.0.1", 0, TOKEN, page_size=25)
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def client(server: SimulatorServer) -> Client:
    return Client(server.url)
