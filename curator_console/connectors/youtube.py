"""YouTube Data API v3: the concurrent viewers of one live broadcast (a video id).

``GET {base}/videos?part=liveStreamingDetails&id=VIDEO&key=KEY`` — one quota unit a call, and a
key has 10,000 units a day by default, so the console polls no faster than every 15 s.

- ``concurrentViewers`` arrives as a string; it is absent when the owner hides it, when nobody
  watches and after the broadcast has ended: then ``viewers`` is None.
- ``live`` means started (``actualStartTime``) and not ended (``actualEndTime``).
- Errors come in Google's envelope ``{"error": {"code", "status", "message", "errors": [{"reason"}]}}``
  (the exact shape is unconfirmed, so it is read defensively): ``quotaExceeded`` (daily quota) and
  ``rateLimitExceeded`` become ``RateLimitedError``; any other 403 ``NotAuthorisedError``.

The key travels as the documented ``key`` query parameter; the shared client never puts query
strings in messages, and no message here quotes the platform's text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, time, timedelta, timezone
from typing import Any
from urllib.parse import parse_qs, urlsplit

from curator_console.connectors.base import ConnectionSettings, Connector, PlatformType
from curator_console.connectors.errors import (
    NotAuthorisedError,
    PlatformError,
    RateLimitedError,
    UnexpectedResponseError,
)
from curator_console.connectors.http import HttpClient, decode_json, require
from curator_console.domain.platform import Capability, ViewerCount

NAME = "YouTube"
DEFAULT_BASE_URL = "https://www.googleapis.com/youtube/v3"
POLL_SECONDS = 15.0  # 1 unit per call, 10,000 units a day: 86400 / 10000 ≈ 8.6 s is the floor
QUOTA_TIMEZONE = "America/Los_Angeles"  # the daily quota resets at midnight Pacific time

_DAILY_QUOTA = frozenset({"quotaExceeded", "dailyLimitExceeded"})
_SLOW_DOWN = frozenset({"rateLimitExceeded", "userRateLimitExceeded", "RATE_LIMIT_EXCEEDED"})
_BAD_KEY = frozenset({"keyInvalid", "keyExpired", "API_KEY_INVALID", "API_KEY_EXPIRED"})
_API_DISABLED = frozenset({"accessNotConfigured", "SERVICE_DISABLED"})
_VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{6,64}$")


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


def video_id_from(room: str) -> str:
    """The video id from what a curator may paste: the id itself, a watch / live / youtu.be URL."""
    text = (room or "").strip()
    if "/" in text or "?" in text:
        parts = urlsplit(text if "://" in text else "https://" + text)
        query = parse_qs(parts.query)
        if query.get("v"):
            return query["v"][0].strip()
        segments = [s for s in parts.path.split("/") if s]
        if segments:
            return segments[-1]
    return text


def google_error(data: Any) -> tuple[set[str], str]:
    """(reasons, status) from Google's error envelope; empty when the body has another shape."""
    reasons: set[str] = set()
    status = ""
    error = data.get("error") if isinstance(data, dict) else None
    if not isinstance(error, dict):
        return reasons, status
    if isinstance(error.get("status"), str):
        status = error["status"]
    for key in ("errors", "details"):  # v3 "errors": [{"reason"}]; newer google.rpc "details": [{"reason"}]
        items = error.get(key)
        if isinstance(items, list):
            for item in items:
                if isinstance(item, dict) and isinstance(item.get("reason"), str):
                    reasons.add(item["reason"])
    return reasons, status


def seconds_until_quota_reset(now: datetime) -> float | None:
    """Seconds from ``now`` to the next midnight Pacific time (None without time zone data)."""
    try:
        from zoneinfo import ZoneInfo

        zone = ZoneInfo(QUOTA_TIMEZONE)
    except Exception:  # ZoneInfoNotFoundError, or no tzdata on this system
        return None
    local = now.astimezone(zone)
    midnight = datetime.combine(local.date() + timedelta(days=1), time(0), tzinfo=zone)
    return max(0.0, (midnight.astimezone(timezone.utc) - now.astimezone(timezone.utc)).total_seconds())


class YouTubeConnector(Connector):
    """Viewers of one YouTube live broadcast. YouTube has no featured products: not a FEATURE room."""

    platform = "youtube"
    capabilities = frozenset({Capability.VIEWERS})

    def __init__(
        self,
        settings: ConnectionSettings,
        client: HttpClient,
        *,
        now: Callable[[], datetime] = _utcnow,
    ) -> None:
        super().__init__(settings, client)
        self.base_url = (settings.base_url or "").strip().rstrip("/") or DEFAULT_BASE_URL
        self.video_id = video_id_from(settings.room)
        self.now = now

    # --- plumbing ---------------------------------------------------------------------------
    def _check_settings(self) -> None:
        if not self.video_id:
            raise PlatformError("No YouTube video is set: enter the live video's id in the connection.", NAME)
        if not _VIDEO_ID.match(self.video_id):
            raise PlatformError(
                f"“{self.video_id[:80]}” does not look like a YouTube video id (the part after watch?v=).", NAME
            )
        if not self.settings.token:
            raise NotAuthorisedError("YouTube needs an API key: set it in the connection's settings.", NAME)

    def _video(self) -> dict[str, Any]:
        """The video's resource with its ``liveStreamingDetails`` (one quota unit)."""
        self._check_settings()
        try:
            response = self.client.request(
                "GET",
                f"{self.base_url}/videos",
                platform=NAME,
                params={"part": "liveStreamingDetails", "id": self.video_id, "key": self.settings.token},
                headers={"Accept": "application/json"},
                allow_insecure_http=self.settings.allow_insecure_http,
                ok_statuses=(400, 403),  # Google's envelope says why: quota, bad key, API not enabled …
            )
        except PlatformError as err:
            # The client raises "from None", but the requests exception stays in __context__, and
            # its text quotes the full URL — key included. Drop it: nothing may carry the key.
            err.__context__ = None
            raise
        if response.status_code in (400, 403):
            self._raise_for_error(response)
        data = decode_json(response, NAME)
        items = require(data, "items", list, NAME)
        for item in items:
            if isinstance(item, dict) and item.get("id", self.video_id) == self.video_id:
                return item
        raise UnexpectedResponseError(
            f"YouTube knows no video “{self.video_id}” (or it is private). Check the video id.", NAME
        )

    def _raise_for_error(self, response: Any) -> None:
        status = response.status_code
        try:
            data = response.json()
        except ValueError:
            data = None
        reasons, rpc_status = google_error(data)
        if reasons & _DAILY_QUOTA:
            wait = seconds_until_quota_reset(self.now())
            when = f" (in about {wait / 3600:.0f} h)" if wait is not None and wait >= 3600 else ""
            raise RateLimitedError(
                "YouTube's daily quota for this API key is used up (10,000 units a day unless Google raised it). "
                f"Viewer counts resume when it resets at midnight Pacific time{when}.",
                NAME,
                wait,
            )
        if reasons & _SLOW_DOWN or rpc_status == "RESOURCE_EXHAUSTED":
            raise RateLimitedError(
                "YouTube asks us to slow down: this API key is making too many requests. "
                "Poll less often or try again in a few minutes.",
                NAME,
            )
        if reasons & _BAD_KEY:
            raise NotAuthorisedError(
                "YouTube did not accept the API key. Check it in the connection's settings.", NAME
            )
        if reasons & _API_DISABLED:
            raise NotAuthorisedError(
                "The YouTube Data API v3 is not enabled for this API key's Google Cloud project. "
                "Enable it in the Google Cloud console.",
                NAME,
            )
        if status == 403:
            detail = f", reason: {sorted(reasons)[0]}" if reasons else ""
            raise NotAuthorisedError(
                f"YouTube refused access (HTTP 403{detail}): the API key lacks permission or is restricted.", NAME
            )
        detail = f": {sorted(reasons)[0]}" if reasons else ""
        raise UnexpectedResponseError(f"YouTube refused the request (HTTP {status}{detail}).", NAME)

    # --- LiveRoom ---------------------------------------------------------------------------
    def viewers(self) -> ViewerCount:
        video = self._video()
        details = video.get("liveStreamingDetails")
        at = self.now()
        if details is None:  # an ordinary upload, never a live broadcast
            return ViewerCount(viewers=None, at=at, live=False)
        if not isinstance(details, dict):
            raise UnexpectedResponseError("YouTube's answer has an unexpected “liveStreamingDetails”.", NAME)
        live = bool(details.get("actualStartTime")) and not details.get("actualEndTime")
        raw = details.get("concurrentViewers")
        viewers: int | None
        if raw is None or raw == "":
            viewers = None
        elif isinstance(raw, bool):
            raise UnexpectedResponseError("YouTube's answer has an unexpected “concurrentViewers”.", NAME)
        else:
            try:
                viewers = int(str(raw).strip())
            except ValueError:
                raise UnexpectedResponseError(
                    "YouTube's answer has an unexpected “concurrentViewers”.", NAME
                ) from None
            if viewers < 0:
                raise UnexpectedResponseError("YouTube's answer has an unexpected “concurrentViewers”.", NAME)
        return ViewerCount(viewers=viewers, at=at, live=live)

    def feature(self, sku: str) -> None:
        raise PlatformError("YouTube has no featured products: feature it on your shop platform instead.", NAME)

    def unfeature(self, sku: str) -> None:
        raise PlatformError("YouTube has no featured products: feature it on your shop platform instead.", NAME)

    def featured(self) -> list[str]:
        raise PlatformError("YouTube has no featured products: feature it on your shop platform instead.", NAME)

    # --- Connector --------------------------------------------------------------------------
    def test(self) -> str:
        count = self.viewers()
        if not count.live:
            return f"Connected to YouTube: video {self.video_id} is not live."
        if count.viewers is None:
            return f"Connected to YouTube: video {self.video_id} is live (the viewer count is hidden or zero)."
        return f"Connected to YouTube: video {self.video_id} is live with {count.viewers} watching."


PLATFORM = PlatformType(
    key="youtube",
    label="YouTube",
    capabilities=YouTubeConnector.capabilities,
    factory=YouTubeConnector,
    default_base_url=DEFAULT_BASE_URL,
    needs_token=True,
    room_label="Video ID",
    poll_interval_seconds=POLL_SECONDS,
)
