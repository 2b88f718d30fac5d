"""The YouTube connector against a local fake of ``videos.list`` (pytest-httpserver on 127.0.0.1).

Shapes follow the brief's PLATFORM_APIS §2. No test reaches the internet or sleeps: the client's
sleep and clock are recorders, and the connector's wall clock is fixed.
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
from curator_console.connectors.youtube import (
    PLATFORM,
    YouTubeConnector,
    google_error,
    seconds_until_quota_reset,
    video_id_from,
)
from curator_console.domain.platform import Capability

KEY = "AIzaSy-SECRET-key-0123456789"
VIDEO = "dQw4w9WgXcQ"
T0 = datetime(2026, 3, 10, 10, 0, tzinfo=timezone.utc)  # 03:00 PDT: the quota resets in 21 h




def make(base_url: str, client: HttpClient, room: str = VIDEO, token: str | None = KEY) -> YouTubeConnector:
    settings = ConnectionSettings(name="Tour stream", platform="youtube", base_url=base_url, room=room, token=token)
    return YouTubeConnector(settings, client, now=lambda: T0)


def base(server: HTTPServer) -> str:
    return server.url_for("/youtube/v3")


def video(details: dict | None, vid: str = VIDEO) -> dict:
    item: dict = {"kind": "youtube#video", "id": vid}
    if details is not None:
        item["liveStreamingDetails"] = details
    return {"kind": "youtube#videoListResponse", "items": [item], "pageInfo": {"totalResults": 1}}


def live_video(viewers: str) -> dict:
    return video({"actualStartTime": "2026-03-10T09:00:00Z", "concurrentViewers": viewers})


def expect_videos(server: HTTPServer):
    return server.expect_request(
        "/youtube/v3/videos",
        method="GET",
        query_string={"part": "liveStreamingDetails", "id": VIDEO, "key": KEY},
    )


def google_envelope(code: int, reason: str, status: str = "PERMISSION_DENIED") -> dict:
    return {
        "error": {
            "code": code,
            "message": f"The request cannot be completed: {reason}.",
            "errors": [{"message": "…", "domain": "youtube.quota", "reason": reason}],
            "status": status,
        }
    }


def assert_no_key(err: BaseException) -> None:
    assert KEY not in str(err)
    assert KEY not in "".join(traceback.format_exception(err))
    chained = err.__cause__ or err.__context__  # error reporters may walk the chain
    assert chained is None or KEY not in repr(chained) + str(chained)


def closed_port_url() -> str:
    return shared_closed_port_url("/youtube/v3")


# --- success ---------------------------------------------------------------------------------


def test_live_video_viewers_string_becomes_int(server: HTTPServer, client: HttpClient) -> None:
    expect_videos(server).respond_with_json(
        video({"actualStartTime": "2026-03-10T09:00:00Z", "concurrentViewers": "1234", "activeLiveChatId": "x"})
    )
    count = make(base(server), client).viewers()
    assert count.viewers == 1234 and isinstance(count.viewers, int)
    assert count.live is True
    assert count.at == T0 and count.at.tzinfo is not None


def test_connection_test_says_live_with_count(server: HTTPServer, client: HttpClient) -> None:
    expect_videos(server).respond_with_json(live_video("87"))
    assert make(base(server), client).test() == f"Connected to YouTube: video {VIDEO} is live with 87 watching."


def test_hidden_or_nobody_watching_gives_none(server: HTTPServer, client: HttpClient) -> None:
    expect_videos(server).respond_with_json(video({"actualStartTime": "2026-03-10T09:00:00Z"}))
    count = make(base(server), client).viewers()
    assert count.viewers is None and count.live is True


def test_ended_broadcast_is_not_live(server: HTTPServer, client: HttpClient) -> None:
    expect_videos(server).respond_with_json(
        video({"actualStartTime": "2026-03-10T08:00:00Z", "actualEndTime": "2026-03-10T09:30:00Z"})
    )
    yt = make(base(server), client)
    count = yt.viewers()
    assert count.viewers is None and count.live is False
    assert yt.test() == f"Connected to YouTube: video {VIDEO} is not live."


def test_scheduled_not_started_is_not_live(server: HTTPServer, client: HttpClient) -> None:
    expect_videos(server).respond_with_json(video({"scheduledStartTime": "2026-03-10T12:00:00Z"}))
    count = make(base(server), client).viewers()
    assert count.live is False and count.viewers is None


def test_ordinary_upload_is_not_live(server: HTTPServer, client: HttpClient) -> None:
    expect_videos(server).respond_with_json(video(None))
    count = make(base(server), client).viewers()
    assert count.live is False and count.viewers is None


def test_unknown_video_names_the_id(server: HTTPServer, client: HttpClient) -> None:
    empty = {"kind": "youtube#videoListResponse", "items": [], "pageInfo": {"totalResults": 0}}
    expect_videos(server).respond_with_json(empty)
    with pytest.raises(UnexpectedResponseError) as info:
        make(base(server), client).viewers()
    assert VIDEO in str(info.value)
    assert_no_key(info.value)


def test_garbage_viewer_count_is_unexpected(server: HTTPServer, client: HttpClient) -> None:
    expect_videos(server).respond_with_json(live_video("lots"))
    with pytest.raises(UnexpectedResponseError, match="concurrentViewers"):
        make(base(server), client).viewers()


def test_pasted_watch_url_is_read_as_the_video_id(server: HTTPServer, client: HttpClient) -> None:
    expect_videos(server).respond_with_json(live_video("5"))
    yt = make(base(server), client, room=f"https://www.youtube.com/watch?v={VIDEO}&t=42s")
    assert yt.viewers().viewers == 5


@pytest.mark.parametrize(
    "pasted",
    [VIDEO, f" {VIDEO} ", f"https://youtu.be/{VIDEO}", f"https://www.youtube.com/live/{VIDEO}?si=abc",
     f"youtube.com/watch?v={VIDEO}"],
)
def test_video_id_from_pasted_text(pasted: str) -> None:
    assert video_id_from(pasted) == VIDEO


# --- quota, permissions ------------------------------------------------------------------------


def test_quota_exceeded_is_rate_limited_with_a_daily_quota_message(server: HTTPServer, client: HttpClient) -> None:
    expect_videos(server).respond_with_json(google_envelope(403, "quotaExceeded"), status=403)
    with pytest.raises(RateLimitedError) as info:
        make(base(server), client).viewers()
    message = str(info.value)
    assert "daily quota" in message and "midnight Pacific" in message
    expected = seconds_until_quota_reset(T0)
    assert info.value.retry_after == expected
    assert expected in (None, 21 * 3600)
    assert info.value.platform == "YouTube"
    assert_no_key(info.value)


@pytest.mark.parametrize(
    "body",
    [
        google_envelope(403, "rateLimitExceeded"),
        google_envelope(403, "userRateLimitExceeded"),
        {"error": {"code": 403, "message": "Quota exceeded", "status": "RESOURCE_EXHAUSTED"}},
    ],
    ids=["rateLimitExceeded", "userRateLimitExceeded", "RESOURCE_EXHAUSTED"],
)
def test_other_quota_shapes_are_rate_limited(server: HTTPServer, client: HttpClient, body: dict) -> None:
    expect_videos(server).respond_with_json(body, status=403)
    with pytest.raises(RateLimitedError) as info:
        make(base(server), client).viewers()
    assert_no_key(info.value)


def test_plain_403_is_not_authorised(server: HTTPServer, client: HttpClient) -> None:
    expect_videos(server).respond_with_json(google_envelope(403, "forbidden"), status=403)
    with pytest.raises(NotAuthorisedError) as info:
        make(base(server), client).viewers()
    assert not isinstance(info.value, RateLimitedError)
    assert "403" in str(info.value)
    assert_no_key(info.value)


def test_403_without_json_is_not_authorised(server: HTTPServer, client: HttpClient) -> None:
    expect_videos(server).respond_with_data("<html>Forbidden</html>", status=403, content_type="text/html")
    with pytest.raises(NotAuthorisedError) as info:
        make(base(server), client).viewers()
    assert_no_key(info.value)


def test_api_not_enabled_is_not_authorised_and_says_so(server: HTTPServer, client: HttpClient) -> None:
    expect_videos(server).respond_with_json(google_envelope(403, "accessNotConfigured"), status=403)
    with pytest.raises(NotAuthorisedError, match="not enabled"):
        make(base(server), client).viewers()


def test_invalid_key_400_is_not_authorised(server: HTTPServer, client: HttpClient) -> None:
    body = {"error": {"code": 400, "message": "API key not valid. Please pass a valid API key.",
                      "errors": [{"message": "API key not valid.", "domain": "global", "reason": "badRequest"}],
                      "status": "INVALID_ARGUMENT",
                      "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "API_KEY_INVALID"}]}}
    expect_videos(server).respond_with_json(body, status=400)
    with pytest.raises(NotAuthorisedError) as info:
        make(base(server), client).viewers()
    assert_no_key(info.value)


def test_401_is_not_authorised(server: HTTPServer, client: HttpClient) -> None:
    expect_videos(server).respond_with_json(google_envelope(401, "authError", "UNAUTHENTICATED"), status=401)
    with pytest.raises(NotAuthorisedError) as info:
        make(base(server), client).viewers()
    assert_no_key(info.value)


def test_missing_key_fails_before_calling(server: HTTPServer, client: HttpClient) -> None:
    with pytest.raises(NotAuthorisedError, match="API key"):
        make(base(server), client, token=None).viewers()
    assert server.log == []


@pytest.mark.parametrize("body", [{"error": "nope"}, {"error": {"errors": "x"}}, [], "text", None])
def test_google_error_reads_odd_shapes_defensively(body: object) -> None:
    assert google_error(body) == (set(), "")


# --- transport ---------------------------------------------------------------------------------


def test_5xx_then_success_is_retried(server: HTTPServer, client: HttpClient, fake_time: FakeTime) -> None:
    server.expect_oneshot_request("/youtube/v3/videos").respond_with_data("oops", status=503)
    expect_videos(server).respond_with_json(live_video("9"))
    assert make(base(server), client).viewers().viewers == 9
    assert len(server.log) == 2
    assert len(fake_time.sleeps) == 1 and 0 <= fake_time.sleeps[0] <= 0.5


def test_5xx_every_time_is_unavailable(server: HTTPServer, client: HttpClient) -> None:
    expect_videos(server).respond_with_data("oops", status=500)
    with pytest.raises(PlatformUnavailableError) as info:
        make(base(server), client).viewers()
    assert len(server.log) == 1 + client.retry.max_retries
    assert_no_key(info.value)


def test_malformed_json_is_unexpected(server: HTTPServer, client: HttpClient) -> None:
    expect_videos(server).respond_with_data('{"items": [', content_type="application/json")
    with pytest.raises(UnexpectedResponseError, match="not valid JSON") as info:
        make(base(server), client).viewers()
    assert_no_key(info.value)


def test_wrong_shape_is_unexpected(server: HTTPServer, client: HttpClient) -> None:
    expect_videos(server).respond_with_json({"kind": "youtube#videoListResponse"})
    with pytest.raises(UnexpectedResponseError, match="items"):
        make(base(server), client).viewers()


@pytest.fixture
def blocking_server(hanging_server) -> HTTPServer:
    """A server whose handler blocks until teardown releases it (the client times out first)."""
    return hanging_server("/youtube/v3/videos", lambda: Response(json.dumps(video({})), content_type="application/json"))


def test_timeout_is_unavailable(blocking_server: HTTPServer, fake_time: FakeTime) -> None:
    client = HttpClient(timeout=(2.0, 0.05), retry=RetryPolicy(max_retries=1), sleep=fake_time.sleep,
                        clock=fake_time.clock, rng=random.Random(1))
    with pytest.raises(PlatformUnavailableError, match="did not answer in time") as info:
        make(blocking_server.url_for("/youtube/v3"), client).viewers()
    assert len(fake_time.sleeps) == 1  # one retry, after a recorded (not real) backoff
    assert_no_key(info.value)


def test_connection_refused_is_unavailable(client: HttpClient, fake_time: FakeTime) -> None:
    with pytest.raises(PlatformUnavailableError, match="cannot be reached") as info:
        make(closed_port_url(), client).viewers()
    assert len(fake_time.sleeps) == client.retry.max_retries
    assert_no_key(info.value)


# --- platform type -----------------------------------------------------------------------------


def test_platform_type_declares_youtube() -> None:
    assert platform_type("youtube") is PLATFORM
    assert PLATFORM.key == "youtube" and PLATFORM.label == "YouTube"
    assert PLATFORM.capabilities == frozenset({Capability.VIEWERS})
    assert PLATFORM.default_base_url == "https://www.googleapis.com/youtube/v3"
    assert PLATFORM.needs_token is True
    assert PLATFORM.poll_interval_seconds >= 10  # 10,000 units a day at 1 unit a call
    assert PLATFORM.room_label


def test_default_base_url_and_factory(client: HttpClient) -> None:
    settings = ConnectionSettings(name="yt", platform="youtube", room=VIDEO, token=KEY)
    yt = connect(settings, client)
    assert isinstance(yt, YouTubeConnector)
    assert yt.base_url == "https://www.googleapis.com/youtube/v3"
    assert KEY not in repr(settings)


def test_featuring_is_not_supported(client: HttpClient) -> None:
    yt = make("http://127.0.0.1:9/youtube/v3", client)
    assert Capability.FEATURE not in yt.capabilities
    for call in (lambda: yt.feature("S1"), lambda: yt.unfeature("S1"), yt.featured):
        with pytest.raises(PlatformError, match="no featured products"):
            call()
