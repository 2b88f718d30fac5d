"""The Twitch connector against a local fake of Helix ``GET /streams`` (pytest-httpserver on 127.0.0.1).

Shapes follow the brief's PLATFORM_APIS §3. No test reaches the internet or sleeps: the client's
sleep and clock are recorders, and the connector's wall clock (for ``Ratelimit-Reset``) is fixed.
"""

from __future__ import annotations

import json
import random
import traceback

from datetime import datetime, timezone

import pytest
from pytest_httpserver import HTTPServer

from tests.integration.connectors.conftest import FakeTime
from tests.integration.connectors.conftest import closed_port_url as shared_closed_port_url
from werkzeug import Response

from curator_console.connectors.base import ConnectionSettings
from curator_console.connectors.errors import (
    NotAuthorisedError,
    PlatformError,
    PlatformUnavailableError,
    RateLimitedError,
    UnexpectedResponseError,
)
from curator_console.connectors.http import HttpClient, RetryPolicy
from curator_console.connectors.registry import connect, platform_type
from curator_console.connectors.twitch import PLATFORM, TwitchConnector, login_from
from curator_console.domain.platform import Capability

TOKEN = "app-token-SECRET-abcdef0123"
CLIENT_ID = "client-id-xyz"
LOGIN = "museumtours"
T0 = datetime(2026, 3, 10, 10, 0, tzinfo=timezone.utc)
EPOCH = int(T0.timestamp())
HEADERS = {"Client-Id": CLIENT_ID, "Authorization": f"Bearer {TOKEN}"}




def make(base_url: str, client: HttpClient, room: str = LOGIN, token: str | None = TOKEN,
         client_id: str | None = CLIENT_ID, now=lambda: T0) -> TwitchConnector:
    options = {"client_id": client_id} if client_id is not None else {}
    settings = ConnectionSettings(name="Twitch tour", platform="twitch", base_url=base_url, room=room,
                                  token=token, options=options)
    return TwitchConnector(settings, client, now=now)


def base(server: HTTPServer) -> str:
    return server.url_for("/helix")


def stream(viewers: int = 321, login: str = LOGIN) -> dict:
    return {"data": [{"id": "40952121085", "user_id": "101051819", "user_login": login, "user_name": "MuseumTours",
                      "game_id": "509658", "type": "live", "title": "Night at the museum", "viewer_count": viewers,
                      "started_at": "2026-03-10T09:00:00Z", "language": "en", "is_mature": False}],
            "pagination": {}}


def limits(remaining: int, reset: int, limit: int = 800) -> dict[str, str]:
    return {"Ratelimit-Limit": str(limit), "Ratelimit-Remaining": str(remaining), "Ratelimit-Reset": str(reset)}


def expect_streams(server: HTTPServer, **kwargs):
    return server.expect_request("/helix/streams", method="GET", query_string={"user_login": LOGIN}, **kwargs)


def assert_no_token(err: BaseException) -> None:
    assert TOKEN not in str(err)
    assert TOKEN not in "".join(traceback.format_exception(err))


def closed_port_url() -> str:
    return shared_closed_port_url("/helix")


# --- success ---------------------------------------------------------------------------------


def test_live_channel_viewers_with_client_id_and_bearer(server: HTTPServer, client: HttpClient) -> None:
    expect_streams(server, headers=HEADERS).respond_with_json(stream(321), headers=limits(799, EPOCH + 60))
    tw = make(base(server), client)
    count = tw.viewers()
    assert count.viewers == 321 and count.live is True
    assert count.at == T0
    assert tw.ratelimit_remaining == 799 and tw.ratelimit_reset == EPOCH + 60


def test_connection_test_says_live(server: HTTPServer, client: HttpClient) -> None:
    expect_streams(server, headers=HEADERS).respond_with_json(stream(12))
    assert make(base(server), client).test() == f"Connected to Twitch: {LOGIN} is live with 12 watching."


def test_offline_channel_is_absent_from_data(server: HTTPServer, client: HttpClient) -> None:
    expect_streams(server, headers=HEADERS).respond_with_json({"data": [], "pagination": {}})
    tw = make(base(server), client)
    count = tw.viewers()
    assert count.viewers is None and count.live is False
    assert tw.test() == f"Connected to Twitch: {LOGIN} is offline."


def test_other_channels_in_data_are_ignored(server: HTTPServer, client: HttpClient) -> None:
    expect_streams(server).respond_with_json(stream(5, login="someoneelse"))
    assert make(base(server), client).viewers().live is False


def test_login_is_normalised(server: HTTPServer, client: HttpClient) -> None:
    expect_streams(server).respond_with_json(stream(7))
    assert make(base(server), client, room="https://www.twitch.tv/MuseumTours").viewers().viewers == 7


@pytest.mark.parametrize("pasted", [LOGIN, "MuseumTours", "#museumtours", " museumtours ",
                                    "twitch.tv/museumtours", "https://www.twitch.tv/museumtours/videos"])
def test_login_from(pasted: str) -> None:
    assert login_from(pasted) == LOGIN


def test_viewer_count_of_wrong_type_is_unexpected(server: HTTPServer, client: HttpClient) -> None:
    body = stream()
    body["data"][0]["viewer_count"] = "321"
    expect_streams(server).respond_with_json(body)
    with pytest.raises(UnexpectedResponseError, match="viewer_count"):
        make(base(server), client).viewers()


def test_missing_data_is_unexpected(server: HTTPServer, client: HttpClient) -> None:
    expect_streams(server).respond_with_json({"streams": []})
    with pytest.raises(UnexpectedResponseError, match="data"):
        make(base(server), client).viewers()


# --- auth ---------------------------------------------------------------------------------------


def test_401_is_not_authorised(server: HTTPServer, client: HttpClient) -> None:
    expect_streams(server).respond_with_json({"error": "Unauthorized", "status": 401, "message": "Invalid OAuth token"},
                                             status=401)
    with pytest.raises(NotAuthorisedError) as info:
        make(base(server), client).viewers()
    assert_no_token(info.value)


def test_missing_client_id_fails_before_calling(server: HTTPServer, client: HttpClient) -> None:
    with pytest.raises(NotAuthorisedError, match="Client ID"):
        make(base(server), client, client_id=None).viewers()
    assert server.log == []


def test_missing_token_fails_before_calling(server: HTTPServer, client: HttpClient) -> None:
    with pytest.raises(NotAuthorisedError, match="token"):
        make(base(server), client, token=None).viewers()
    assert server.log == []


# --- rate limits -------------------------------------------------------------------------------


def test_spent_bucket_makes_the_next_call_wait_until_reset(server: HTTPServer, client: HttpClient,
                                                           fake_time: FakeTime) -> None:
    server.expect_ordered_request("/helix/streams").respond_with_json(stream(10), headers=limits(0, EPOCH + 12))
    server.expect_ordered_request("/helix/streams").respond_with_json(stream(11), headers=limits(799, EPOCH + 60))
    server.expect_ordered_request("/helix/streams").respond_with_json(stream(12), headers=limits(798, EPOCH + 60))
    tw = make(base(server), client)
    assert tw.viewers().viewers == 10
    assert fake_time.sleeps == []
    assert tw.viewers().viewers == 11
    assert fake_time.sleeps == [12.0]  # waited for Ratelimit-Reset before asking again
    assert tw.viewers().viewers == 12
    assert fake_time.sleeps == [12.0]  # points left: no more waiting


def test_spent_bucket_with_reset_in_the_past_does_not_wait(server: HTTPServer, client: HttpClient,
                                                           fake_time: FakeTime) -> None:
    server.expect_ordered_request("/helix/streams").respond_with_json(stream(10), headers=limits(0, EPOCH - 5))
    server.expect_ordered_request("/helix/streams").respond_with_json(stream(11), headers=limits(799, EPOCH + 60))
    tw = make(base(server), client)
    tw.viewers()
    assert tw.viewers().viewers == 11
    assert fake_time.sleeps == []


def test_spent_bucket_with_a_far_reset_raises_instead_of_blocking(server: HTTPServer, client: HttpClient,
                                                                  fake_time: FakeTime) -> None:
    expect_streams(server).respond_with_json(stream(10), headers=limits(0, EPOCH + 600))
    tw = make(base(server), client)
    tw.viewers()
    with pytest.raises(RateLimitedError) as info:
        tw.viewers()
    assert info.value.retry_after == 600
    assert fake_time.sleeps == [] and len(server.log) == 1


def test_429_without_retry_after_waits_for_ratelimit_reset(server: HTTPServer, client: HttpClient,
                                                           fake_time: FakeTime) -> None:
    server.expect_ordered_request("/helix/streams").respond_with_json(
        {"error": "Too Many Requests", "status": 429, "message": ""}, status=429, headers=limits(0, EPOCH + 7))
    server.expect_ordered_request("/helix/streams").respond_with_json(stream(44), headers=limits(799, EPOCH + 60))
    assert make(base(server), client).viewers().viewers == 44
    assert fake_time.sleeps == [7.0]


def test_429_with_retry_after_uses_it(server: HTTPServer, client: HttpClient, fake_time: FakeTime) -> None:
    server.expect_ordered_request("/helix/streams").respond_with_data(
        "", status=429, headers={"Retry-After": "3", **limits(0, EPOCH + 50)})
    server.expect_ordered_request("/helix/streams").respond_with_json(stream(45))
    assert make(base(server), client).viewers().viewers == 45
    assert fake_time.sleeps == [3.0]


def test_429_with_a_far_reset_raises_with_retry_after(server: HTTPServer, client: HttpClient,
                                                      fake_time: FakeTime) -> None:
    expect_streams(server).respond_with_data("", status=429, headers=limits(0, EPOCH + 120))
    with pytest.raises(RateLimitedError) as info:
        make(base(server), client).viewers()
    assert info.value.retry_after == 120
    assert "120 s" in str(info.value)
    assert fake_time.sleeps == []
    assert_no_token(info.value)


def test_429_every_time_gives_up_after_the_client_retries(server: HTTPServer, client: HttpClient,
                                                          fake_time: FakeTime) -> None:
    expect_streams(server).respond_with_data("", status=429, headers=limits(0, EPOCH + 2))
    with pytest.raises(RateLimitedError) as info:
        make(base(server), client).viewers()
    assert len(server.log) == 1 + client.retry.max_retries
    assert fake_time.sleeps == [2.0] * client.retry.max_retries
    assert info.value.retry_after == 2.0
    assert_no_token(info.value)


def test_429_with_no_hint_backs_off(server: HTTPServer, client: HttpClient, fake_time: FakeTime) -> None:
    server.expect_ordered_request("/helix/streams").respond_with_data("", status=429)
    server.expect_ordered_request("/helix/streams").respond_with_data("", status=429)
    server.expect_ordered_request("/helix/streams").respond_with_json(stream(3))
    assert make(base(server), client).viewers().viewers == 3
    assert fake_time.sleeps == [1.0, 2.0]


# --- transport ---------------------------------------------------------------------------------


def test_5xx_then_success_is_retried(server: HTTPServer, client: HttpClient, fake_time: FakeTime) -> None:
    server.expect_oneshot_request("/helix/streams").respond_with_data("bad gateway", status=502)
    expect_streams(server).respond_with_json(stream(8))
    assert make(base(server), client).viewers().viewers == 8
    assert len(server.log) == 2 and len(fake_time.sleeps) == 1


def test_malformed_json_is_unexpected(server: HTTPServer, client: HttpClient) -> None:
    expect_streams(server).respond_with_data("{data: oops", content_type="application/json")
    with pytest.raises(UnexpectedResponseError, match="not valid JSON") as info:
        make(base(server), client).viewers()
    assert_no_token(info.value)


@pytest.fixture
def blocking_server(hanging_server) -> HTTPServer:
    """A server whose handler blocks until teardown releases it (the client times out first)."""
    return hanging_server("/helix/streams", lambda: Response(json.dumps(stream()), content_type="application/json"))


def test_timeout_is_unavailable(blocking_server: HTTPServer, fake_time: FakeTime) -> None:
    client = HttpClient(timeout=(2.0, 0.05), retry=RetryPolicy(max_retries=1), sleep=fake_time.sleep,
                        clock=fake_time.clock, rng=random.Random(1))
    with pytest.raises(PlatformUnavailableError, match="did not answer in time") as info:
        make(blocking_server.url_for("/helix"), client).viewers()
    assert len(fake_time.sleeps) == 1
    assert_no_token(info.value)


def test_connection_refused_is_unavailable(client: HttpClient, fake_time: FakeTime) -> None:
    with pytest.raises(PlatformUnavailableError, match="cannot be reached") as info:
        make(closed_port_url(), client).viewers()
    assert len(fake_time.sleeps) == client.retry.max_retries
    assert_no_token(info.value)


# --- platform type -----------------------------------------------------------------------------


def test_platform_type_declares_twitch(client: HttpClient) -> None:
    assert platform_type("twitch") is PLATFORM
    assert PLATFORM.key == "twitch" and PLATFORM.label == "Twitch"
    assert PLATFORM.capabilities == frozenset({Capability.VIEWERS})
    assert PLATFORM.default_base_url == "https://api.twitch.tv/helix"
    assert PLATFORM.needs_token is True and PLATFORM.poll_interval_seconds == 5
    tw = connect(ConnectionSettings(name="t", platform="twitch", room=LOGIN, token=TOKEN,
                                    options={"client_id": CLIENT_ID}), client)
    assert isinstance(tw, TwitchConnector) and tw.base_url == "https://api.twitch.tv/helix"


def test_featuring_is_not_supported(client: HttpClient) -> None:
    tw = make("http://127.0.0.1:9/helix", client)
    with pytest.raises(PlatformError, match="no featured products"):
        tw.feature("S1")
