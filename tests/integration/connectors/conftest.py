"""Fixtures shared by the connector tests: a fake clock and sleep for the HttpClient (so every
wait is checked exactly and nothing waits for real), and an IPv4 pytest-httpserver."""

from __future__ import annotations

import random

import pytest
from pytest_httpserver import HTTPServer

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
