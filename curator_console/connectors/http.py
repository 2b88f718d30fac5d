"""The one HTTP client every connector uses (a ``requests.Session`` underneath).

- connect/read timeouts on every call;
- retries with exponential backoff and full jitter for connection errors and 5xx, on idempotent
  methods only (GET, HEAD, PUT, DELETE, OPTIONS) unless a call says it is safe to repeat;
- ``429`` honours ``Retry-After`` (seconds or an HTTP date) when it is short enough to wait,
  and otherwise raises ``RateLimitedError`` carrying it;
- pacing per host: a minimum interval between two requests to the same host;
- a User-Agent naming the app and version; TLS verification always on;
- plain ``http://`` refused for anything but loopback unless the connection allows it;
- failures become the typed errors of ``connectors.errors``, whose messages never contain
  tokens, API keys or query strings.

``sleep`` and ``clock`` are injectable so tests can check backoff without waiting on a clock.
"""

from __future__ import annotations

import email.utils
import ipaddress
import json
import logging
import random
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests

from curator_console import APP_NAME, __version__
from curator_console.connectors.errors import (
    InsecureAddressError,
    NotAuthorisedError,
    PlatformUnavailableError,
    RateLimitedError,
    UnexpectedResponseError,
)

log = logging.getLogger(__name__)

USER_AGENT = f"CuratorConsole/{__version__} (+{APP_NAME} desktop app)"
IDEMPOTENT = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})


@dataclass
class RetryPolicy:
    max_retries: int = 3  # retries after the first attempt
    backoff_base: float = 0.5  # seconds; attempt n waits up to base * 2**n (full jitter)
    backoff_max: float = 20.0
    max_retry_after: float = 30.0  # wait for a 429's Retry-After up to this long, else raise


def is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def safe_url(url: str) -> str:
    """The URL without query string or credentials, for messages and logs."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return f"{parts.scheme}://{host}{parts.path}"


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta seconds or an HTTP date)."""
    if value is None or value.strip() == "":
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    now_dt = datetime.fromtimestamp(now, timezone.utc) if now is not None else datetime.now(timezone.utc)
    return max(0.0, (when - now_dt).total_seconds())


class HttpClient:
    """Shared by all connectors; thread-safe (pacing uses a lock; requests' Session is shared)."""

    def __init__(
        self,
        *,
        timeout: tuple[float, float] = (5.0, 20.0),
        retry: RetryPolicy | None = None,
        min_interval: Mapping[str, float] | None = None,
        default_min_interval: float = 0.0,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        rng: random.Random | None = None,
        session: requests.Session | None = None,
    ) -> None:
        self.timeout = timeout
        self.retry = retry or RetryPolicy()
        self.min_interval = dict(min_interval or {})
        self.default_min_interval = default_min_interval
        self.sleep = sleep
        self.clock = clock
        self.rng = rng or random.Random()
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        self.session.verify = True
        self._lock = threading.Lock()
        self._next_slot: dict[str, float] = {}

    # --- pacing -----------------------------------------------------------------------------
    def set_min_interval(self, host: str, seconds: float) -> None:
        with self._lock:
            self.min_interval[host.lower()] = seconds

    def _pace(self, host: str) -> None:
        interval = self.min_interval.get(host.lower(), self.default_min_interval)
        if interval <= 0:
            return
        with self._lock:
            now = self.clock()
            slot = max(now, self._next_slot.get(host.lower(), now))
            self._next_slot[host.lower()] = slot + interval
        if slot > now:
            self.sleep(slot - now)

    def _backoff(self, attempt: int) -> float:
        cap = min(self.retry.backoff_max, self.retry.backoff_base * (2**attempt))
        return self.rng.uniform(0, cap)

    # --- requests ---------------------------------------------------------------------------
    def request(
        self,
        method: str,
        url: str,
        *,
        platform: str = "",
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        json_body: Any = None,
        allow_insecure_http: bool = False,
        retry_unsafe: bool = False,
        timeout: tuple[float, float] | None = None,
        ok_statuses: tuple[int, ...] = (),
        stream: bool = False,
    ) -> requests.Response:
        """Send a request; return the response for 2xx (and ``ok_statuses``), raise a typed error otherwise.

        With ``stream=True`` the body is not read yet: use ``read_capped`` (or close the response)."""
        method = method.upper()
        parts = self._check_address(url, platform, allow_insecure_http)
        host = parts.hostname
        can_retry = method in IDEMPOTENT or retry_unsafe
        where = f"{platform or host}"
        attempt = 0
        while True:
            self._pace(host)
            failure: PlatformUnavailableError | None = None
            try:
                response = self._send(method, url, params, headers, json_body, timeout or self.timeout,
                                      platform, allow_insecure_http, stream)
            except requests.exceptions.SSLError:
                failure = PlatformUnavailableError(
                    f"The secure connection to {where} could not be verified (TLS certificate problem).", platform
                )
            except (requests.exceptions.ConnectionError, requests.exceptions.Timeout) as exc:
                kind = "did not answer in time" if isinstance(exc, requests.exceptions.Timeout) else "cannot be reached"
                if can_retry and attempt < self.retry.max_retries:
                    delay = self._backoff(attempt)
                    log.info("%s %s %s; retry %d in %.1fs", method, safe_url(url), kind, attempt + 1, delay)
                    self.sleep(delay)
                    attempt += 1
                    continue
                failure = PlatformUnavailableError(f"{where} {kind}. Check the network connection.", platform)
            except requests.exceptions.RequestException as exc:
                failure = PlatformUnavailableError(f"{where}: the request failed ({type(exc).__name__}).", platform)
            if failure is not None:
                # Raised outside the except block: no __context__ carrying a URL with a key in it.
                raise failure

            status = response.status_code
            if 200 <= status < 300 or status in ok_statuses:
                return response
            if status == 429:
                retry_after = parse_retry_after(response.headers.get("Retry-After"))
                wait = retry_after if retry_after is not None else self._backoff(attempt)
                if attempt < self.retry.max_retries and wait <= self.retry.max_retry_after:
                    log.info("%s %s rate limited; waiting %.1fs", method, safe_url(url), wait)
                    self.sleep(wait)
                    attempt += 1
                    continue
                raise RateLimitedError(
                    f"{where} asks us to slow down" + (f" (try again in {retry_after:.0f} s)." if retry_after else "."),
                    platform, retry_after,
                )
            if status in (401, 403):
                raise NotAuthorisedError(self._auth_message(where, status, response), platform)
            if status >= 500:
                if can_retry and attempt < self.retry.max_retries:
                    delay = self._backoff(attempt)
                    log.info("%s %s answered %d; retry %d in %.1fs", method, safe_url(url), status, attempt + 1, delay)
                    self.sleep(delay)
                    attempt += 1
                    continue
                raise PlatformUnavailableError(f"{where} is having trouble (HTTP {status}). Try again later.", platform)
            if status == 404:
                raise UnexpectedResponseError(f"{where} does not know {parts.path} (HTTP 404).", platform)
            raise UnexpectedResponseError(f"{where} refused the request (HTTP {status}).", platform)

    @staticmethod
    def _check_address(url: str, platform: str, allow_insecure_http: bool):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise UnexpectedResponseError(f"“{safe_url(url)}” is not a web address.", platform)
        if parts.scheme == "http" and not allow_insecure_http and not is_loopback(parts.hostname):
            raise InsecureAddressError(
                f"{platform or 'This connection'} uses an unencrypted http:// address to {parts.hostname}. "
                "Use https://, or allow plain HTTP for this connection if it is on a trusted network.",
                platform,
            )
        return parts

    def _send(self, method, url, params, headers, json_body, timeout, platform, allow_insecure_http, stream=False):
        """One request, following redirects ourselves: only for GET/HEAD, at most 5 hops, every hop
        checked against the plain-HTTP rule, credentials dropped when the host changes."""
        headers = dict(headers or {})
        for _hop in range(6):
            response = self.session.request(method, url, params=params, headers=headers, json=json_body,
                                            timeout=timeout, allow_redirects=False, stream=stream)
            if not response.is_redirect:
                return response
            if method not in ("GET", "HEAD"):
                raise UnexpectedResponseError(
                    f"{platform or 'The platform'} redirected a {method} request (HTTP {response.status_code}); "
                    "check the connection's address.", platform)
            target = urljoin(response.url or url, response.headers.get("Location", ""))
            new_parts = self._check_address(target, platform, allow_insecure_http)
            if new_parts.hostname != urlsplit(url).hostname:
                for secret in ("Authorization", "X-Shopify-Access-Token", "Client-Id"):
                    headers.pop(secret, None)
            response.close()
            url, params = target, None  # the Location already carries its query
        raise UnexpectedResponseError(f"{platform or 'The platform'} redirected too many times.", platform)

    @staticmethod
    def _auth_message(where: str, status: int, response: requests.Response) -> str:
        if status == 401:
            return f"{where} did not accept the token or key (HTTP 401). Check it in the connection's settings."
        return f"{where} refused access (HTTP 403): the token or key lacks permission."

    def get_json(self, url: str, **kwargs: Any) -> Any:
        return decode_json(self.request("GET", url, **kwargs), kwargs.get("platform", ""))

    def post_json(self, url: str, body: Any, **kwargs: Any) -> Any:
        return decode_json(self.request("POST", url, json_body=body, **kwargs), kwargs.get("platform", ""))


class TooLargeError(UnexpectedResponseError):
    """A body larger than the caller accepts (the download stopped at the limit)."""


def read_capped(response: requests.Response, max_bytes: int, platform: str = "") -> bytes:
    """The body of a streamed response, refusing to read more than ``max_bytes``: a declared
    Content-Length over the limit is refused before reading, and reading stops at the limit."""
    try:
        declared = (response.headers.get("Content-Length") or "").strip()
        if declared.isdigit() and int(declared) > max_bytes:
            raise TooLargeError(f"{platform or 'The server'} offers {int(declared):,} bytes; at most {max_bytes:,} are accepted.",
                                platform)
        chunks, total = [], 0
        try:
            for chunk in response.iter_content(64 * 1024):
                total += len(chunk)
                if total > max_bytes:
                    raise TooLargeError(f"{platform or 'The server'} sent more than {max_bytes:,} bytes.", platform)
                chunks.append(chunk)
        except (requests.exceptions.ConnectionError, requests.exceptions.ChunkedEncodingError,
                requests.exceptions.Timeout):
            raise PlatformUnavailableError(f"{platform or 'The server'} dropped the connection mid-download.",
                                           platform) from None
        return b"".join(chunks)
    finally:
        response.close()


def decode_json(response: requests.Response, platform: str = "") -> Any:
    try:
        return response.json()
    except (ValueError, json.JSONDecodeError):
        raise UnexpectedResponseError(
            f"{platform or 'The platform'} sent an answer that is not valid JSON "
            f"(HTTP {response.status_code}, {len(response.content)} bytes).",
            platform,
        ) from None


def require(data: Any, path: str, kind: type | tuple[type, ...], platform: str = "") -> Any:
    """``data[a][b]…`` for ``path`` "a.b", checked to be of ``kind``; else UnexpectedResponseError."""
    current = data
    for key in path.split("."):
        if not isinstance(current, dict) or key not in current:
            raise UnexpectedResponseError(f"{platform or 'The platform'}'s answer lacks “{path}”.", platform)
        current = current[key]
    if not isinstance(current, kind) or (kind is int and isinstance(current, bool)):
        raise UnexpectedResponseError(f"{platform or 'The platform'}'s answer has an unexpected “{path}”.", platform)
    return current
