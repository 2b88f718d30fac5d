"""The shared HttpClient against real local servers (pytest-httpserver, http.server on 127.0.0.1).

Nothing here reaches the internet: non-loopback addresses only ever meet a requests adapter that
answers in-process. Nothing sleeps: the client's ``sleep`` and ``clock`` are recorders/fakes, so the
tests check *what* the client decided to wait, never how long anything took.
"""

from __future__ import annotations

import email.utils
import json
import logging
import socket
import threading
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace

import pytest
import requests
from pytest_httpserver import HTTPServer
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict

from curator_console import APP_NAME, __version__
from curator_console.connectors.errors import (
    InsecureAddressError,
    NotAuthorisedError,
    PlatformError,
    PlatformUnavailableError,
    RateLimitedError,
    UnexpectedResponseError,
)
from curator_console.connectors.http import HttpClient, RetryPolicy

TOKEN = "tok-VERY-SECRET-42"
QUERY_SECRET = "QSECRET-99"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


# --- helpers ---------------------------------------------------------------------------------


class SleepRecorder:
    """Stands in for ``time.sleep``: remembers each requested delay and returns at once."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


class FakeClock:
    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


class MaxJitter:
    """An rng whose full-jitter draw is always the cap, so the caps themselves can be checked."""

    def uniform(self, low: float, high: float) -> float:
        return high


class LocalAdapter(BaseAdapter):
    """A requests transport that answers in-process and records what it was asked (no sockets)."""

    def __init__(self, status: int = 200, body: bytes = b'{"ok": true}') -> None:
        super().__init__()
        self.status = status
        self.body = body
        self.calls: list[requests.PreparedRequest] = []

    def send(self, request, **kwargs):  # noqa: ANN001, ANN003 - requests' adapter signature
        self.calls.append(request)
        response = requests.Response()
        response.status_code = self.status
        response._content = self.body
        response.headers = CaseInsensitiveDict({"Content-Type": "application/json"})
        response.encoding = "utf-8"
        response.url = request.url
        response.request = request
        return response

    def close(self) -> None:
        pass


def local_session(adapter: LocalAdapter) -> requests.Session:
    session = requests.Session()
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


def make_client(
    *,
    sleep: SleepRecorder | None = None,
    max_retries: int = 3,
    backoff_base: float = 0.5,
    backoff_max: float = 20.0,
    max_retry_after: float = 30.0,
    **kwargs,
) -> HttpClient:
    return HttpClient(
        timeout=kwargs.pop("timeout", (2.0, 5.0)),
        retry=RetryPolicy(
            max_retries=max_retries,
            backoff_base=backoff_base,
            backoff_max=backoff_max,
            max_retry_after=max_retry_after,
        ),
        sleep=sleep if sleep is not None else SleepRecorder(),
        **kwargs,
    )


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http_date(moment: datetime) -> str:
    return email.utils.format_datetime(moment.astimezone(timezone.utc), usegmt=True)


@pytest.fixture
def sleeps() -> SleepRecorder:
    return SleepRecorder()


@pytest.fixture
def local_server() -> Iterator[Callable[..., SimpleNamespace]]:
    """``local_server(block=False)``: a threaded http.server on 127.0.0.1 answering ``{"ok": true}``.

    With ``block=True`` each handler waits (on an Event, released at teardown) before answering,
    so a client with a tiny read timeout gives up first.
    """
    started: list[tuple[ThreadingHTTPServer, threading.Thread]] = []
    release = threading.Event()

    def start(block: bool = False) -> SimpleNamespace:
        seen: list[dict[str, str]] = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                seen.append(dict(self.headers))
                if block:
                    release.wait(timeout=60)
                body = b'{"ok": true}'
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:  # the client gave up long ago
                    pass

            def log_message(self, format: str, *args) -> None:  # noqa: A002
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        started.append((server, thread))
        return SimpleNamespace(url=f"http://127.0.0.1:{server.server_port}", seen=seen)

    yield start
    release.set()
    for server, thread in started:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


# --- timeouts and unreachable hosts ----------------------------------------------------------


def test_a_server_slower_than_the_read_timeout_is_unavailable(local_server, sleeps):
    server = local_server(block=True)
    client = make_client(sleep=sleeps, max_retries=1, backoff_base=0.01, timeout=(2.0, 0.05))

    with pytest.raises(PlatformUnavailableError) as caught:
        client.get_json(server.url + "/slow", platform="Slow shop")

    assert "did not answer in time" in str(caught.value)
    assert caught.value.platform == "Slow shop"
    assert len(sleeps.calls) == 1  # one retry after the first timeout, then it gave up


def test_connection_refused_is_retried_with_bounded_full_jitter_backoff(sleeps):
    url = f"http://127.0.0.1:{closed_port()}/v1/rooms"
    client = make_client(sleep=sleeps, max_retries=3, backoff_base=0.5)

    with pytest.raises(PlatformUnavailableError) as caught:
        client.request("GET", url, platform="Shop")

    assert "cannot be reached" in str(caught.value)
    assert len(sleeps.calls) == 3
    for attempt, delay in enumerate(sleeps.calls):
        assert 0.0 <= delay <= 0.5 * 2**attempt


def test_backoff_caps_double_each_attempt_and_stop_at_backoff_max(sleeps):
    url = f"http://127.0.0.1:{closed_port()}/"
    client = make_client(sleep=sleeps, max_retries=4, backoff_base=0.5, backoff_max=2.0, rng=MaxJitter())

    with pytest.raises(PlatformUnavailableError):
        client.request("GET", url)

    assert sleeps.calls == [0.5, 1.0, 2.0, 2.0]


def test_connection_refused_on_post_is_not_retried(sleeps):
    client = make_client(sleep=sleeps)
    with pytest.raises(PlatformUnavailableError):
        client.request("POST", f"http://127.0.0.1:{closed_port()}/v1/things", json_body={"a": 1})
    assert sleeps.calls == []


# --- 5xx -------------------------------------------------------------------------------------


def test_5xx_on_get_is_retried_then_succeeds(httpserver: HTTPServer, sleeps):
    httpserver.expect_ordered_request("/v1/rooms").respond_with_data("down", status=503)
    httpserver.expect_ordered_request("/v1/rooms").respond_with_data("oops", status=500)
    httpserver.expect_ordered_request("/v1/rooms").respond_with_json({"rooms": []})
    client = make_client(sleep=sleeps, max_retries=3, backoff_base=0.5)

    assert client.get_json(httpserver.url_for("/v1/rooms")) == {"rooms": []}

    assert len(httpserver.log) == 3
    assert len(sleeps.calls) == 2
    assert all(0.0 <= d <= 0.5 * 2**n for n, d in enumerate(sleeps.calls))
    httpserver.check_assertions()


def test_5xx_after_all_retries_is_unavailable(httpserver: HTTPServer, sleeps):
    httpserver.expect_request("/v1/rooms").respond_with_data("down", status=502)
    client = make_client(sleep=sleeps, max_retries=2)

    with pytest.raises(PlatformUnavailableError) as caught:
        client.get_json(httpserver.url_for("/v1/rooms"), platform="Shop")

    assert "HTTP 502" in str(caught.value)
    assert len(httpserver.log) == 3  # first attempt + 2 retries
    assert len(sleeps.calls) == 2


def test_5xx_on_post_is_not_retried(httpserver: HTTPServer, sleeps):
    httpserver.expect_oneshot_request("/v1/orders", method="POST").respond_with_data("down", status=503)
    httpserver.expect_request("/v1/orders", method="POST").respond_with_json({"id": "o1"})
    client = make_client(sleep=sleeps)

    with pytest.raises(PlatformUnavailableError):
        client.post_json(httpserver.url_for("/v1/orders"), {"sku": "S1"})

    assert len(httpserver.log) == 1
    assert sleeps.calls == []


def test_5xx_on_post_is_retried_when_the_call_says_it_is_safe(httpserver: HTTPServer, sleeps):
    httpserver.expect_oneshot_request("/graphql", method="POST").respond_with_data("down", status=503)
    httpserver.expect_request("/graphql", method="POST").respond_with_json({"data": {}})
    client = make_client(sleep=sleeps)

    assert client.post_json(httpserver.url_for("/graphql"), {"query": "{}"}, retry_unsafe=True) == {"data": {}}
    assert len(httpserver.log) == 2
    assert len(sleeps.calls) == 1


# --- 429 -------------------------------------------------------------------------------------


def test_429_retry_after_seconds_is_waited_exactly(httpserver: HTTPServer, sleeps):
    httpserver.expect_ordered_request("/v1/products").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "7"}
    )
    httpserver.expect_ordered_request("/v1/products").respond_with_json({"products": []})
    client = make_client(sleep=sleeps)

    assert client.get_json(httpserver.url_for("/v1/products")) == {"products": []}
    assert sleeps.calls == [7.0]


def test_429_retry_after_as_an_http_date_in_the_past_means_retry_now(httpserver: HTTPServer, sleeps):
    past = http_date(datetime.now(timezone.utc) - timedelta(days=1))
    httpserver.expect_ordered_request("/v1/products").respond_with_data(
        "slow down", status=429, headers={"Retry-After": past}
    )
    httpserver.expect_ordered_request("/v1/products").respond_with_json({"products": []})
    client = make_client(sleep=sleeps)

    assert client.get_json(httpserver.url_for("/v1/products")) == {"products": []}
    assert sleeps.calls == [0.0]


def test_429_retry_after_as_a_far_http_date_raises_with_the_wait(httpserver: HTTPServer, sleeps):
    later = http_date(datetime.now(timezone.utc) + timedelta(hours=1))
    httpserver.expect_request("/v1/products").respond_with_data("slow", status=429, headers={"Retry-After": later})
    client = make_client(sleep=sleeps, max_retry_after=30.0)

    with pytest.raises(RateLimitedError) as caught:
        client.get_json(httpserver.url_for("/v1/products"), platform="Shop")

    assert caught.value.retry_after is not None
    assert 1800 < caught.value.retry_after <= 3600
    assert sleeps.calls == []


def test_429_beyond_max_retry_after_raises_rate_limited(httpserver: HTTPServer, sleeps):
    httpserver.expect_request("/v1/orders").respond_with_data("slow", status=429, headers={"Retry-After": "120"})
    client = make_client(sleep=sleeps, max_retry_after=30.0)

    with pytest.raises(RateLimitedError) as caught:
        client.get_json(httpserver.url_for("/v1/orders"), platform="Shop")

    assert caught.value.retry_after == 120.0
    assert "120 s" in str(caught.value)
    assert len(httpserver.log) == 1
    assert sleeps.calls == []


def test_429_every_time_gives_up_after_the_retries(httpserver: HTTPServer, sleeps):
    httpserver.expect_request("/v1/orders").respond_with_data("slow", status=429, headers={"Retry-After": "1"})
    client = make_client(sleep=sleeps, max_retries=2)

    with pytest.raises(RateLimitedError) as caught:
        client.get_json(httpserver.url_for("/v1/orders"))

    assert caught.value.retry_after == 1.0
    assert sleeps.calls == [1.0, 1.0]
    assert len(httpserver.log) == 3


# --- other statuses and bodies ---------------------------------------------------------------


@pytest.mark.parametrize("status", [401, 403])
def test_401_and_403_are_not_authorised_and_not_retried(httpserver: HTTPServer, sleeps, status):
    httpserver.expect_request("/v1/rooms").respond_with_data("no", status=status)
    client = make_client(sleep=sleeps)

    with pytest.raises(NotAuthorisedError) as caught:
        client.get_json(httpserver.url_for("/v1/rooms"), platform="Shop", headers=AUTH)

    assert f"HTTP {status}" in str(caught.value)
    assert caught.value.platform == "Shop"
    assert len(httpserver.log) == 1
    assert sleeps.calls == []


def test_404_is_an_unexpected_response(httpserver: HTTPServer, sleeps):
    httpserver.expect_request("/v1/nothing").respond_with_data("not found", status=404)
    client = make_client(sleep=sleeps)

    with pytest.raises(UnexpectedResponseError) as caught:
        client.get_json(httpserver.url_for("/v1/nothing"), platform="Shop")

    assert "HTTP 404" in str(caught.value)
    assert sleeps.calls == []


def test_other_4xx_is_an_unexpected_response(httpserver: HTTPServer, sleeps):
    httpserver.expect_request("/v1/orders").respond_with_data("bad", status=400)
    with pytest.raises(UnexpectedResponseError, match="HTTP 400"):
        make_client(sleep=sleeps).get_json(httpserver.url_for("/v1/orders"))
    assert sleeps.calls == []


def test_ok_statuses_are_returned_instead_of_raised(httpserver: HTTPServer):
    httpserver.expect_request("/v1/rooms/r9/on-show", method="PUT").respond_with_data("", status=404)
    response = make_client().request("PUT", httpserver.url_for("/v1/rooms/r9/on-show"), ok_statuses=(404,))
    assert response.status_code == 404


@pytest.mark.parametrize("body", [b"{not json", b"", b"<html>Bad gateway</html>"])
def test_malformed_json_is_an_unexpected_response(httpserver: HTTPServer, body):
    httpserver.expect_request("/v1/rooms").respond_with_data(body, content_type="application/json")

    with pytest.raises(UnexpectedResponseError) as caught:
        make_client().get_json(httpserver.url_for("/v1/rooms"), platform="Shop")

    assert "not valid JSON" in str(caught.value)


def test_a_non_web_address_is_refused_without_a_request():
    adapter = LocalAdapter()
    client = make_client(session=local_session(adapter))
    with pytest.raises(UnexpectedResponseError, match="not a web address"):
        client.request("GET", "ftp://files.example.com/x")
    assert adapter.calls == []


# --- plain http ------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["http://example.com/v1/rooms", "http://10.1.2.3:8080/v1/rooms"])
def test_plain_http_to_another_machine_is_refused_before_any_request(url):
    adapter = LocalAdapter()
    client = make_client(session=local_session(adapter))

    with pytest.raises(InsecureAddressError) as caught:
        client.request("GET", url, platform="Partner", headers=AUTH)

    assert "https://" in str(caught.value)
    assert adapter.calls == []  # refused before anything was sent


def test_plain_http_to_another_machine_is_sent_when_the_connection_allows_it():
    adapter = LocalAdapter(body=b'{"rooms": []}')
    client = make_client(session=local_session(adapter))

    assert client.get_json("http://example.com/v1/rooms", allow_insecure_http=True) == {"rooms": []}
    assert [c.url for c in adapter.calls] == ["http://example.com/v1/rooms"]


def test_https_to_another_machine_needs_no_permission():
    adapter = LocalAdapter()
    client = make_client(session=local_session(adapter))
    assert client.get_json("https://partner.example/v1/rooms") == {"ok": True}
    assert len(adapter.calls) == 1


def test_plain_http_to_loopback_is_allowed(httpserver: HTTPServer, local_server):
    httpserver.expect_request("/v1/rooms").respond_with_json({"rooms": []})
    client = make_client()

    assert httpserver.url_for("/v1/rooms").startswith("http://localhost:")
    assert client.get_json(httpserver.url_for("/v1/rooms")) == {"rooms": []}

    server = local_server()
    assert server.url.startswith("http://127.0.0.1:")
    assert client.get_json(server.url + "/v1/rooms") == {"ok": True}


# --- headers and pacing ----------------------------------------------------------------------


def test_user_agent_names_the_app_and_version(httpserver: HTTPServer):
    httpserver.expect_request("/v1/rooms").respond_with_json({"rooms": []})

    make_client().get_json(httpserver.url_for("/v1/rooms"), headers=AUTH)

    request, _ = httpserver.log[0]
    agent = request.headers["User-Agent"]
    assert f"CuratorConsole/{__version__}" in agent
    assert APP_NAME in agent
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"


def test_two_quick_requests_to_one_host_are_paced(httpserver: HTTPServer, sleeps):
    httpserver.expect_request("/v1/rooms").respond_with_json({"rooms": []})
    clock = FakeClock()
    client = make_client(sleep=sleeps, clock=clock)
    client.set_min_interval("localhost", 0.25)

    client.get_json(httpserver.url_for("/v1/rooms"))
    client.get_json(httpserver.url_for("/v1/rooms"))
    assert sleeps.calls == [0.25]

    clock.now += 10.0  # long after: no wait
    client.get_json(httpserver.url_for("/v1/rooms"))
    assert sleeps.calls == [0.25]
    assert len(httpserver.log) == 3


def test_pacing_is_per_host(sleeps):
    adapter = LocalAdapter()
    client = make_client(sleep=sleeps, clock=FakeClock(), default_min_interval=1.5, session=local_session(adapter))

    client.get_json("https://a.example/x")
    client.get_json("https://b.example/x")
    assert sleeps.calls == []
    client.get_json("https://A.example/y")  # same host, any case
    assert sleeps.calls == [1.5]


def test_pacing_queues_a_burst_one_interval_apart(sleeps):
    adapter = LocalAdapter()
    client = make_client(sleep=sleeps, clock=FakeClock(), session=local_session(adapter))
    client.set_min_interval("a.example", 0.5)

    for _ in range(4):
        client.get_json("https://a.example/x")

    assert sleeps.calls == [0.5, 1.0, 1.5]


# --- secrets stay out of messages and logs ---------------------------------------------------


def app_log(caplog) -> str:
    """What the app itself logged (the local test server's own access log is not ours)."""
    return "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("curator_console"))


def _failures(httpserver: HTTPServer) -> list[tuple[str, Callable[[], None]]]:
    return [
        ("401", lambda: httpserver.expect_request("/v1/x").respond_with_data("no", status=401)),
        ("403", lambda: httpserver.expect_request("/v1/x").respond_with_data("no", status=403)),
        ("404", lambda: httpserver.expect_request("/v1/x").respond_with_data("no", status=404)),
        ("400", lambda: httpserver.expect_request("/v1/x").respond_with_data("no", status=400)),
        ("500", lambda: httpserver.expect_request("/v1/x").respond_with_data("no", status=500)),
        (
            "429",
            lambda: httpserver.expect_request("/v1/x").respond_with_data(
                "no", status=429, headers={"Retry-After": "3600"}
            ),
        ),
        ("bad json", lambda: httpserver.expect_request("/v1/x").respond_with_data("{", status=200)),
    ]


@pytest.mark.parametrize("case", ["401", "403", "404", "400", "500", "429", "bad json"])
def test_messages_and_logs_never_contain_the_token_or_query(httpserver: HTTPServer, caplog, case):
    dict(_failures(httpserver))[case]()
    caplog.set_level(logging.DEBUG, logger="curator_console")
    client = make_client(max_retries=1)
    url = httpserver.url_for("/v1/x") + f"?key={QUERY_SECRET}&since=2026-01-01"

    with pytest.raises(PlatformError) as caught:
        client.get_json(url, platform="Shop", headers=AUTH)

    for text in (str(caught.value), repr(caught.value), app_log(caplog)):
        assert TOKEN not in text
        assert QUERY_SECRET not in text
        assert "key=" not in text
    assert httpserver.log[0][0].args["key"] == QUERY_SECRET  # it was really sent
    if case == "500":  # the retry was logged, by path only
        assert "/v1/x" in app_log(caplog)


def test_unreachable_and_insecure_messages_never_contain_the_token_or_query(caplog):
    caplog.set_level(logging.DEBUG, logger="curator_console")
    client = make_client(max_retries=1)
    errors = []
    for url in (
        f"http://127.0.0.1:{closed_port()}/v1/x?key={QUERY_SECRET}",
        f"http://example.com/v1/x?key={QUERY_SECRET}",
        f"http://user:{TOKEN}@example.com/v1/x?key={QUERY_SECRET}",
    ):
        with pytest.raises(PlatformError) as caught:
            client.request("GET", url, headers=AUTH)
        errors.append(caught.value)

    for text in [str(e) for e in errors] + [app_log(caplog)]:
        assert TOKEN not in text
        assert QUERY_SECRET not in text


def test_json_bodies_are_sent_as_json(httpserver: HTTPServer):
    httpserver.expect_request("/v1/rooms/r1/on-show", method="PUT", json={"object_numbers": ["A1"]}).respond_with_data(
        "", status=204
    )
    response = make_client().request(
        "PUT", httpserver.url_for("/v1/rooms/r1/on-show"), json_body={"object_numbers": ["A1"]}
    )
    assert response.status_code == 204
    assert json.loads(httpserver.log[0][0].get_data()) == {"object_numbers": ["A1"]}


# --- redirects ----------------------------------------------------------------------------------


def test_a_redirect_on_the_same_host_is_followed_with_the_token(httpserver: HTTPServer, sleeps):
    httpserver.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/new?x=1"})
    httpserver.expect_request("/new", headers={"Authorization": "Bearer T0K3N"}).respond_with_json({"ok": True})
    client = make_client(sleep=sleeps)
    assert client.get_json(httpserver.url_for("/old"), headers={"Authorization": "Bearer T0K3N"}) == {"ok": True}


def test_a_redirect_to_plain_http_elsewhere_is_refused_before_following(httpserver: HTTPServer, sleeps):
    httpserver.expect_request("/go").respond_with_data("", status=302, headers={"Location": "http://example.com/x"})
    with pytest.raises(InsecureAddressError, match="example.com"):
        make_client(sleep=sleeps).get_json(httpserver.url_for("/go"))
    assert len(httpserver.log) == 1  # nothing else was requested


def test_a_redirected_post_is_an_error_not_silently_replayed(httpserver: HTTPServer, sleeps):
    httpserver.expect_request("/submit", method="POST").respond_with_data("", status=307, headers={"Location": "/elsewhere"})
    with pytest.raises(UnexpectedResponseError, match="redirected a POST"):
        make_client(sleep=sleeps).post_json(httpserver.url_for("/submit"), {"a": 1})


def test_redirect_loops_end_with_a_clear_error(httpserver: HTTPServer, sleeps):
    httpserver.expect_request("/loop").respond_with_data("", status=302, headers={"Location": "/loop"})
    with pytest.raises(UnexpectedResponseError, match="too many times"):
        make_client(sleep=sleeps).get_json(httpserver.url_for("/loop"))


# --- capped downloads ---------------------------------------------------------------------------


def test_read_capped_refuses_a_declared_length_over_the_limit_and_stops_reading(httpserver: HTTPServer, sleeps):
    from curator_console.connectors.http import TooLargeError, read_capped

    httpserver.expect_request("/big").respond_with_data(b"x" * 10_000, content_type="image/png")
    client = make_client(sleep=sleeps)
    with pytest.raises(TooLargeError, match="1,000"):
        read_capped(client.request("GET", httpserver.url_for("/big"), stream=True), 1_000)
    ok = read_capped(client.request("GET", httpserver.url_for("/big"), stream=True), 10_000)
    assert ok == b"x" * 10_000


def test_read_capped_stops_an_undeclared_stream_at_the_limit(sleeps):
    from curator_console.connectors.http import TooLargeError, read_capped

    class Endless:
        headers: dict = {}
        closed = False

        def iter_content(self, size):
            while True:
                yield b"y" * size

        def close(self):
            self.closed = True

    body = Endless()
    with pytest.raises(TooLargeError):
        read_capped(body, 200_000)
    assert body.closed
