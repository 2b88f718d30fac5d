"""The few ways a platform call can fail, each with a message a curator understands.

Messages never contain tokens, API keys or full URLs with query strings.
"""

from __future__ import annotations


class PlatformError(Exception):
    """Base: ``str(error)`` is a plain-words message; ``platform`` names the service."""

    def __init__(self, message: str, platform: str = "") -> None:
        super().__init__(message)
        self.platform = platform


class NotAuthorisedError(PlatformError):
    """The token or key is missing, wrong or lacks permission (401/403)."""


class RateLimitedError(PlatformError):
    """The platform asks us to slow down (429, quota exceeded, Shopify "Throttled")."""

    def __init__(self, message: str, platform: str = "", retry_after: float | None = None) -> None:
        super().__init__(message, platform)
        self.retry_after = retry_after


class PlatformUnavailableError(PlatformError):
    """Cannot reach the platform: refused, timed out, dropped, or 5xx after retries."""


class UnexpectedResponseError(PlatformError):
    """The platform answered something we do not understand (malformed JSON, wrong shape, 404)."""


class InsecureAddressError(PlatformError):
    """A plain http:// address to another machine, refused unless allowed for the connection."""
