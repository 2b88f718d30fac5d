"""The simulator misbehaves on request, for a while, so fault handling can be tested against it."""

from __future__ import annotations

import threading

import pytest
import requests

from curator_console.connectors.errors import PlatformUnavailableError, RateLimitedError
from curator_console.connectors.http import HttpClient, RetryPolicy
from curator_console.connectors.simulator.server import SimulatorServer

from .conftest import TOKEN, Client, make_model


def test_error_fault_answers_503_until_it_expires(client, server, clock):
    r = client.post("/v1/_sim/faults", json={"mode": "error", "seconds": 30})
    assert r.status_code == 204
    for path in ("/v1/rooms", "/v1/rooms/r1/viewers", "/v1/products"):
        r = client.get(path)
        assert r.status_code == 503 and "error" in r.json()
    assert client.put("/v1/rooms/r1/featured/QHM-P001").status_code == 503
    assert client.get("/v1/_sim/faults").json()["mode"] == "error"  # the controls keep working
    clock.advance(29)
    assert client.get("/v1/rooms").status_code == 503
    clock.advance(1.5)
    assert client.get("/v1/rooms").status_code == 200
    assert client.get("/v1/_sim/faults").json()["mode"] is None


def test_rate_limit_fault_answers_429_with_retry_after(client, server, clock):
    server.inject_fault("rate_limit", 10, retry_after=7)
    r = client.get("/v1/rooms/r1/viewers")
    assert r.status_code == 429
    assert r.headers["Retry-After"] == "7"
    assert "error" in r.json()
    clock.advance(11)
    assert client.get("/v1/rooms/r1/viewers").status_code == 200


def test_drop_fault_closes_the_connection_without_an_answer(client, server, clock):
    assert client.post("/v1/_sim/faults", json={"mode": "drop", "seconds": 60}).status_code == 204
    for _ in range(3):
        with pytest.raises(requests.ConnectionError):
            client.get("/v1/rooms")
        with pytest.raises(requests.ConnectionError):
            requests.get(server.url + "/v1/rooms", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=5)
    assert client.delete("/v1/_sim/faults").status_code == 204  # cleared before its time
    assert client.get("/v1/rooms").status_code == 200


def test_slow_fault_delays_answers(client, server):
    """A 30-second delay: a client that waits half a second gets no answer; once the fault is
    cleared the same short wait is enough (behaviour, not a measured duration)."""
    server.inject_fault("slow", 60, delay=30)
    with pytest.raises(requests.Timeout):
        client.session.get(server.url + "/v1/rooms", timeout=(2, 0.5))
    server.clear_faults()
    assert client.session.get(server.url + "/v1/rooms", timeout=(2, 5),
                              headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200


def test_stop_interrupts_slow_answers(clock):
    srv = SimulatorServer(make_model(clock=clock), "127.0.0.1", 0, TOKEN)
    srv.start()
    srv.inject_fault("slow", 600, delay=300)
    results = []
    def ask() -> None:
        try:
            results.append(Client(srv.url).get("/v1/rooms").status_code)
        except requests.ConnectionError:
            results.append("closed")  # stop() came first and closed the socket: also an end

    worker = threading.Thread(target=ask)
    worker.start()
    srv.stop()
    worker.join(timeout=10)  # the answer was delayed 300 s: only stop() can have ended it this soon
    assert not worker.is_alive() and results in ([200], ["closed"])


def test_fault_requests_are_validated(client, server):
    for body in ({"mode": "explode", "seconds": 5}, {"mode": "error", "seconds": 0},
                 {"mode": "error", "seconds": "soon"}, ["error"]):
        r = client.post("/v1/_sim/faults", json=body)
        assert r.status_code == 400, body
    assert Client(server.url, token=None).post("/v1/_sim/faults", json={"mode": "error", "seconds": 5}).status_code == 401
    assert client.get("/v1/rooms").status_code == 200
    with pytest.raises(ValueError):
        server.inject_fault("nope", 5)


def test_the_apps_http_client_reports_each_fault_in_plain_words(server, clock):
    """The shared HttpClient against the simulator's faults (no real waiting: sleep is a no-op)."""
    http = HttpClient(retry=RetryPolicy(max_retries=2, max_retry_after=30), sleep=lambda s: None)
    headers = {"Authorization": f"Bearer {TOKEN}"}
    url = server.url + "/v1/rooms"

    server.inject_fault("error", 60)
    with pytest.raises(PlatformUnavailableError):
        http.get_json(url, headers=headers, platform="Simulator")
    server.inject_fault("rate_limit", 60, retry_after=120)
    with pytest.raises(RateLimitedError) as info:
        http.get_json(url, headers=headers, platform="Simulator")
    assert info.value.retry_after == 120
    server.inject_fault("drop", 60)
    with pytest.raises(PlatformUnavailableError):
        http.get_json(url, headers=headers, platform="Simulator")
    clock.advance(61)
    assert http.get_json(url, headers=headers, platform="Simulator")["rooms"][0]["id"] == "r1"
