"""Platform tokens in the operating system's keychain (``keyring``), never in the database,
settings or logs.

Where no keychain exists (a headless Linux machine), ``KeychainUnavailableError`` says so and a
connection can name an environment variable that holds its token instead. Every token this
process reads is registered with ``RedactingFilter`` so that no log line can carry it.
"""

from __future__ import annotations

import logging
import os
import threading

SERVICE = "Curator Console"


class KeychainUnavailableError(RuntimeError):
    pass


class MissingTokenError(RuntimeError):
    pass


_known: set[str] = set()
_lock = threading.Lock()


def _remember(secret: str | None) -> str | None:
    if secret and len(secret) >= 4:
        with _lock:
            _known.add(secret)
    return secret


class RedactingFilter(logging.Filter):
    """Replaces every known token in a log record's message with ``[redacted]``."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not _known:
            return True
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a malformed record is left alone
            return True
        redacted = message
        for secret in list(_known):
            if secret in redacted:
                redacted = redacted.replace(secret, "[redacted]")
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


def install_log_redaction() -> None:
    """Attach the filter to every handler of the root logger (call after logging is configured)."""
    flt = RedactingFilter()
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(flt)


def _account(connection_name: str) -> str:
    return f"connection:{connection_name}"


def _keyring():
    import keyring
    from keyring.backends import fail

    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        raise KeychainUnavailableError(
            "This computer has no system keychain that Curator Console can use. Keep the token in an "
            "environment variable and name that variable in the connection (--token-env NAME)."
        )
    return keyring


def keychain_available() -> bool:
    try:
        _keyring()
    except KeychainUnavailableError:
        return False
    return True


def store_token(connection_name: str, token: str) -> None:
    kr = _keyring()
    _remember(token)
    try:
        kr.set_password(SERVICE, _account(connection_name), token)
    except Exception as exc:  # noqa: BLE001 - keyring backends raise many kinds
        raise KeychainUnavailableError(f"The system keychain refused to store the token ({type(exc).__name__}).") from None


def delete_token(connection_name: str) -> None:
    try:
        kr = _keyring()
    except KeychainUnavailableError:
        return
    try:
        kr.delete_password(SERVICE, _account(connection_name))
    except Exception:  # noqa: BLE001 - nothing stored is fine
        pass


def rename_token(old_name: str, new_name: str) -> None:
    token = keychain_token(old_name)
    if token is not None:
        store_token(new_name, token)
        delete_token(old_name)


def keychain_token(connection_name: str) -> str | None:
    try:
        kr = _keyring()
    except KeychainUnavailableError:
        return None
    try:
        return _remember(kr.get_password(SERVICE, _account(connection_name)))
    except Exception:  # noqa: BLE001
        return None


def resolve_token(connection_name: str, token_env: str = "", required: bool = True) -> str | None:
    """The token of a connection: from its environment variable when it names one, else the keychain."""
    if token_env:
        value = os.environ.get(token_env)
        if value:
            return _remember(value)
        if required:
            raise MissingTokenError(
                f"The connection “{connection_name}” reads its token from the environment variable "
                f"{token_env}, which is not set."
            )
        return None
    token = keychain_token(connection_name)
    if token is None and required:
        if not keychain_available():
            raise MissingTokenError(
                f"The connection “{connection_name}” has no token: this computer has no system keychain. "
                "Name an environment variable that holds the token in the connection's settings."
            )
        raise MissingTokenError(f"The connection “{connection_name}” has no token saved. Edit it and enter the token.")
    return token
