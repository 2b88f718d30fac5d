"""Connection use cases: add, edit, remove and test platform connections.

The database row keeps the platform type, address, room and the *name* of an environment
variable; the token itself goes to the OS keychain (``persistence.secrets``).
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from curator_console.connectors.base import ConnectionSettings
from curator_console.connectors.http import HttpClient
from curator_console.connectors.registry import UnknownPlatformError, connect, platform_keys, platform_type
from curator_console.domain.records import ConnectionRow
from curator_console.persistence import models as m
from curator_console.persistence import secrets
from curator_console.persistence.unit_of_work import UnitOfWork
from curator_console.services.errors import ConnectionError_

_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass
class ConnectionSpec:
    name: str
    platform: str
    base_url: str = ""
    room: str = ""
    token_env: str = ""
    allow_insecure_http: bool = False
    options: dict[str, Any] = field(default_factory=dict)


def _row(c: m.Connection) -> ConnectionRow:
    return ConnectionRow(id=c.id, name=c.name, platform=c.platform, base_url=c.base_url, room=c.room)


def list_connections(uow: UnitOfWork) -> list[ConnectionRow]:
    with uow:
        return [_row(c) for c in uow.repos.connections.all()]


def get_spec(uow: UnitOfWork, name: str) -> ConnectionSpec:
    with uow:
        c = _get(uow, name)
        return ConnectionSpec(c.name, c.platform, c.base_url, c.room, c.token_env, c.allow_insecure_http, dict(c.options or {}))


def _get(uow: UnitOfWork, name: str) -> m.Connection:
    c = uow.repos.connections.by_name(name)
    if c is None:
        raise ConnectionError_(f"There is no connection named “{name}”.")
    return c


def validate(spec: ConnectionSpec) -> ConnectionSpec:
    name = spec.name.strip()
    if not name:
        raise ConnectionError_("A connection needs a name.")
    try:
        ptype = platform_type(spec.platform)
    except UnknownPlatformError as exc:
        raise ConnectionError_(str(exc)) from None
    url = spec.base_url.strip()
    if url:
        parts = urlsplit(url)
        allowed = ("ws", "wss") if spec.platform == "obs" else ("http", "https")
        if parts.scheme not in allowed or not parts.hostname:
            raise ConnectionError_(f"“{url}” is not a valid address for {ptype.label} (it must start with {allowed[1]}://).")
    if spec.token_env and not _ENV_NAME.match(spec.token_env):
        raise ConnectionError_(f"“{spec.token_env}” is not a valid environment variable name.")
    if spec.platform in ("youtube", "twitch", "shopify") and not spec.room.strip():
        raise ConnectionError_(f"{ptype.label} needs the {ptype.room_label.lower() or 'room'} to watch.")
    if spec.platform == "twitch" and not str(spec.options.get("client_id", "")).strip():
        raise ConnectionError_("Twitch needs the application's Client ID (option client_id).")
    return ConnectionSpec(name, spec.platform, url, spec.room.strip(), spec.token_env.strip(),
                          bool(spec.allow_insecure_http), dict(spec.options))


def add_connection(uow: UnitOfWork, spec: ConnectionSpec, token: str | None = None) -> ConnectionRow:
    spec = validate(spec)
    with uow:
        if uow.repos.connections.by_name(spec.name) is not None:
            raise ConnectionError_(f"A connection named “{spec.name}” already exists.")
        if token:
            secrets.store_token(spec.name, token)  # before the row: no row without its token
        c = m.Connection(
            name=spec.name, platform=spec.platform, base_url=spec.base_url, room=spec.room, token_env=spec.token_env,
            allow_insecure_http=spec.allow_insecure_http, options=spec.options,
        )
        uow.repos.connections.add(c)
        try:
            uow.commit()
        except Exception:
            if token:
                secrets.delete_token(spec.name)
            raise
        return _row(c)


def update_connection(uow: UnitOfWork, old_name: str, spec: ConnectionSpec, token: str | None = None) -> ConnectionRow:
    """Change a connection; ``token`` replaces the stored one when given (None keeps it)."""
    spec = validate(spec)
    with uow:
        c = _get(uow, old_name)
        if spec.name != old_name and uow.repos.connections.by_name(spec.name) is not None:
            raise ConnectionError_(f"A connection named “{spec.name}” already exists.")
        c.name, c.platform, c.base_url, c.room = spec.name, spec.platform, spec.base_url, spec.room
        c.token_env, c.allow_insecure_http, c.options = spec.token_env, spec.allow_insecure_http, spec.options
        uow.commit()
        if spec.name != old_name:
            secrets.rename_token(old_name, spec.name)
        if token:
            secrets.store_token(spec.name, token)
        return _row(c)


def remove_connection(uow: UnitOfWork, name: str, delete_orders: bool = False) -> int:
    """Remove a connection and its keychain token. Its synced orders go with it, so a connection
    holding orders is only removed with ``delete_orders=True``. Returns the orders deleted."""
    with uow:
        c = _get(uow, name)
        n = uow.repos.orders.count_for(c.id)
        if n and not delete_orders:
            raise ConnectionError_(
                f"“{name}” holds {n} synced orders that reports use; removing it deletes them. "
                "Confirm to remove it with its orders."
            )
        uow.session.delete(c)
        uow.commit()
    secrets.delete_token(name)
    return n


def settings_for(uow: UnitOfWork, name: str) -> ConnectionSettings:
    """What a connector needs, with the token read from the environment or the keychain."""
    spec = get_spec(uow, name)
    ptype = platform_type(spec.platform)
    if spec.platform == "simulator" and not spec.base_url:
        from curator_console.services.simulator import prepare_embedded

        options = spec.options or {}
        # A stable seed per connection: a restarted simulator replays the same store history
        # under the same order ids, so syncing again never counts it twice.
        seed = int(options.get("seed") or zlib.crc32(spec.name.encode("utf-8")))
        prepare_embedded(uow.fresh(), seed=seed, speed=float(options.get("speed", 1.0)))
    token = secrets.resolve_token(spec.name, spec.token_env, required=ptype.needs_token)
    return ConnectionSettings(
        name=spec.name, platform=spec.platform, base_url=spec.base_url, room=spec.room, token=token,
        allow_insecure_http=spec.allow_insecure_http, options=spec.options,
    )


def test_connection(uow: UnitOfWork, name: str, client: HttpClient) -> str:
    """One cheap call to the platform; returns what it said in plain words (raises PlatformError)."""
    connector = connect(settings_for(uow, name), client)
    try:
        return connector.test()
    finally:
        connector.close()


def known_platforms() -> list[str]:
    return platform_keys()
