"""Fixtures shared by the connector tests: a fake clock and sleep for the HttpClient (so every
wait is checked exactly and nothing waits for real), an IPv4 pytest-httpserver, a server that
never answers in time, and an address nobody listens on."""

from __future__ import annotations

import random
import socket
import threading
from collections.abc import Callable, Iterator

import pytest
from pytest_httpserver import HTTPServer
from werkzeug.wrappers import Request, Response

from curator_console.connectors.http import HttpClient


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    def clock(self) -> float:
        return self.now


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def client(fake_time: FakeTime) -> HttpClient:
    return HttpClient(timeout=(2.0, 5.0), sleep=fake_time.sleep, clock=fake_time.clock, rng=random.Random(7))


@pytest.fixture
def server(httpserver_ipv4: HTTPServer) -> HTTPServer:
    return httpserver_ipv4


def closed_port_url(path: str = "") -> str:
    """An http address on 127.0.0.1 where nothing listens (the port was bound, then freed)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}{path}"


@pytest.fixture
def hanging_server() -> Iterator[Callable[[str, Callable[[], Response]], HTTPServer]]:
    """``hanging_server(path, answer)``: a server whose handler for ``path`` blocks until teardown
    releases it (so the client's read timeout fires first), then returns ``answer()``."""
    release = threading.Event()
    servers: list[HTTPServer] = []

    def start(path: str, answer: Callable[[], Response]) -> HTTPServer:
        def hang(request: Request) -> Response:
            release.wait(10)
            return answer()

        srv = HTTPServer(host="127.0.0.1", port=0, threaded=True)
        srv.expect_request(path).respond_with_handler(hang)
        srv.start()
        servers.append(srv)
        return srv

    yield start
    release.set()
    for srv in servers:
        srv.clear()
        srv.stop()
