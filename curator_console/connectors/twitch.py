"""Twitch Helix: the viewers of one channel (its login).

``GET {base}/streams?user_login=NAME`` with ``Client-Id`` (option ``client_id``) and
``Authorization: Bearer <app access token>``. ``data[]`` holds the stream while the channel is
live (``viewer_count`` is an integer); an offline channel is simply absent.

Rate limit: a bucket of points refilled every minute, reported on every answer as
``Ratelimit-Limit`` / ``Ratelimit-Remaining`` / ``Ratelimit-Reset`` (epoch seconds). When the
last answer said nothing remains, the next call first waits until the reset. A 429 is handled
here rather than by the shared client because Twitch may send no ``Retry-After``: the wait is
taken from ``Ratelimit-Reset``; a wait longer than the client's ``max_retry_after`` (or still 429
after the client's retry count) becomes ``RateLimitedError`` carrying ``retry_after``.
Waiting uses the client's injectable ``sleep``; the wall clock for ``Reset`` is injectable here.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlsplit

from curator_console.connectors.base import ConnectionSettings, Connector, PlatformType
from curator_console.connectors.errors import (
    NotAuthorisedError,
    PlatformError,
    RateLimitedError,
    UnexpectedResponseError,
)
from curator_console.connectors.http import HttpClient, decode_json, parse_retry_after, require
from curator_console.domain.platform import Capability, ViewerCount

NAME = "Twitch"
DEFAULT_BASE_URL = "https://api.twitch.tv/helix"
POLL_SECONDS = 5.0
_LOGIN = re.compile(r"^[A-Za-z0-9_]{1,25}$")
_FALLBACK_WAIT = 1.0  # a 429 with neither Retry-After nor Ratelimit-Reset: 1 s, 2 s, 4 s …


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


def login_from(room: str) -> str:
    """The channel login from what a curator may paste: ``name``, ``#name``, ``twitch.tv/name``."""
    text = (room or "").strip()
    if "/" in text:
        parts = urlsplit(text if "://" in text else "https://" + text)
        segments = [s for s in parts.path.split("/") if s]
        text = segments[0] if segments else ""
    return text.lstrip("#@").lower()


def _int_header(headers: Any, name: str) -> int | None:
    value = headers.get(name)
    if value is None:
        return None
    try:
        return int(float(str(value).strip()))
    except ValueError:
        return None


class TwitchConnector(Connector):
    """Viewers of one Twitch channel. Twitch has no featured products: not a FEATURE room."""

    platform = "twitch"
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
        self.login = login_from(settings.room)
        self.client_id = str((settings.options or {}).get("client_id", "") or "").strip()
        self.now = now  # wall clock: Ratelimit-Reset is in epoch seconds
        self._lock = threading.Lock()
        self.ratelimit_remaining: int | None = None
        self.ratelimit_reset: float | None = None  # epoch seconds

    # --- plumbing ---------------------------------------------------------------------------
    def _check_settings(self) -> None:
        if not self.login:
            raise PlatformError("No Twitch channel is set: enter the channel's login name in the connection.", NAME)
        if not _LOGIN.match(self.login):
            raise PlatformError(f"“{self.login[:80]}” is not a Twitch channel login (letters, digits, _).", NAME)
        if not self.client_id:
            raise NotAuthorisedError("Twitch needs the application's Client ID (option client_id).", NAME)
        if not self.settings.token:
            raise NotAuthorisedError("Twitch needs an app access token: set it in the connection's settings.", NAME)

    def _epoch(self) -> float:
        return self.now().timestamp()

    def _note_limits(self, headers: Any) -> None:
        remaining = _int_header(headers, "Ratelimit-Remaining")
        reset = _int_header(headers, "Ratelimit-Reset")
        with self._lock:
            if remaining is not None:
                self.ratelimit_remaining = remaining
            if reset is not None:
                self.ratelimit_reset = float(reset)

    def _wait_for_budget(self) -> None:
        """Before a call: when the last answer left no points, wait until the bucket resets."""
        with self._lock:
            remaining, reset = self.ratelimit_remaining, self.ratelimit_reset
        if remaining is None or remaining > 0 or reset is None:
            return
        wait = reset - self._epoch()
        if wait > self.client.retry.max_retry_after:
            raise RateLimitedError(
                f"Twitch's rate limit is used up; it resets in {wait:.0f} s.", NAME, wait
            )
        if wait > 0:
            self.client.sleep(wait)
        with self._lock:  # the bucket is full again after the reset
            self.ratelimit_remaining = None

    def _get_streams(self) -> dict[str, Any]:
        self._check_settings()
        attempt = 0
        while True:
            self._wait_for_budget()
            response = self.client.request(
                "GET",
                f"{self.base_url}/streams",
                platform=NAME,
                params={"user_login": self.login},
                headers={
                    "Client-Id": self.client_id,
                    "Authorization": f"Bearer {self.settings.token}",
                    "Accept": "application/json",
                },
                allow_insecure_http=self.settings.allow_insecure_http,
                ok_statuses=(429,),
            )
            self._note_limits(response.headers)
            if response.status_code != 429:
                data = decode_json(response, NAME)
                if not isinstance(data, dict):
                    raise UnexpectedResponseError("Twitch sent an answer of an unexpected shape.", NAME)
                return data
            wait = parse_retry_after(response.headers.get("Retry-After"), self._epoch())
            if wait is None and self.ratelimit_reset is not None:
                wait = max(0.0, self.ratelimit_reset - self._epoch())
            if wait is None:
                wait = _FALLBACK_WAIT * (2**attempt)
            if attempt >= self.client.retry.max_retries or wait > self.client.retry.max_retry_after:
                raise RateLimitedError(
                    f"Twitch asks us to slow down (try again in {max(wait, 1):.0f} s).", NAME, wait
                )
            self.client.sleep(wait)
            with self._lock:
                self.ratelimit_remaining = None  # waited for the reset: do not wait again
            attempt += 1

    # --- LiveRoom ---------------------------------------------------------------------------
    def viewers(self) -> ViewerCount:
        data = self._get_streams()
        streams = require(data, "data", list, NAME)
        at = self.now()
        for stream in streams:
            if not isinstance(stream, dict):
                raise UnexpectedResponseError("Twitch's answer has an unexpected “data”.", NAME)
            login = stream.get("user_login")
            if isinstance(login, str) and login.lower() != self.login:
                continue
            if stream.get("type", "live") not in ("live", ""):
                continue  # Helix only lists live streams; anything else is not "live"
            count = require(stream, "viewer_count", int, NAME)
            return ViewerCount(viewers=count, at=at, live=True)
        return ViewerCount(viewers=None, at=at, live=False)

    def feature(self, sku: str) -> None:
        raise PlatformError("Twitch has no featured products: feature it on your shop platform instead.", NAME)

    def unfeature(self, sku: str) -> None:
        raise PlatformError("Twitch has no featured products: feature it on your shop platform instead.", NAME)

    def featured(self) -> list[str]:
        raise PlatformError("Twitch has no featured products: feature it on your shop platform instead.", NAME)

    # --- Connector --------------------------------------------------------------------------
    def test(self) -> str:
        count = self.viewers()
        if not count.live:
            return f"Connected to Twitch: {self.login} is offline."
        return f"Connected to Twitch: {self.login} is live with {count.viewers} watching."


PLATFORM = PlatformType(
    key="twitch",
    label="Twitch",
    capabilities=TwitchConnector.capabilities,
    factory=TwitchConnector,
    default_base_url=DEFAULT_BASE_URL,
    needs_token=True,
    room_label="Channel",
    poll_interval_seconds=POLL_SECONDS,
)
