"""The interfaces every platform implements, and what a connector is built from.

A connector is one small class per platform (``rest.py``, ``youtube.py`` …) built from
``ConnectionSettings`` and the shared ``HttpClient``. It implements whichever of ``LiveRoom``,
``Store`` and ``SceneControl`` its platform supports, and says so in ``capabilities``.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol, runtime_checkable

from curator_console.connectors.http import HttpClient
from curator_console.domain.platform import (
    Capability,
    OrderInfo,
    ProductInfo,
    SceneList,
    StreamStatus,
    ViewerCount,
)


@dataclass(frozen=True)
class ConnectionSettings:
    """A configured connection as a connector needs it. The token lives only in memory here
    (read from the keychain or an environment variable) and is never part of ``repr``."""

    name: str
    platform: str
    base_url: str = ""
    room: str = ""  # room id / channel login / video id / shop name
    token: str | None = field(default=None, repr=False)
    allow_insecure_http: bool = False
    options: Mapping[str, Any] = field(default_factory=dict)


@runtime_checkable
class LiveRoom(Protocol):
    def viewers(self) -> ViewerCount: ...

    def feature(self, sku: str) -> None: ...

    def unfeature(self, sku: str) -> None: ...

    def featured(self) -> list[str]: ...


@runtime_checkable
class Store(Protocol):
    def products(self) -> Iterator[ProductInfo]: ...

    def orders(self, since: datetime, until: datetime, known: Container[str] = ()) -> Iterator[OrderInfo]:
        """Orders created in ``[since, until]``; ids in ``known`` (what a live poll already has
        from its overlap) may be left out without being read."""
        ...


@runtime_checkable
class SceneControl(Protocol):
    def scene_list(self) -> SceneList: ...

    def set_program_scene(self, name: str) -> None: ...

    def stream_status(self) -> StreamStatus: ...


class Connector:
    """Base of every connector: settings, the shared client, and a plain-words connection test."""

    platform: str = ""
    capabilities: frozenset[Capability] = frozenset()

    def __init__(self, settings: ConnectionSettings, client: HttpClient) -> None:
        self.settings = settings
        self.client = client

    @property
    def label(self) -> str:
        return self.settings.name or self.platform

    def test(self) -> str:
        """Make one cheap call; return what was found in plain words, or raise a PlatformError."""
        raise TypeError(f"{type(self).__name__} must implement test()")

    def close(self) -> None:
        """Release sockets (OBS keeps a websocket open); HTTP connectors share the client."""


@dataclass(frozen=True)
class PlatformType:
    key: str
    label: str
    capabilities: frozenset[Capability]
    factory: Callable[[ConnectionSettings, HttpClient], Connector]
    default_base_url: str = ""
    needs_token: bool = True
    room_label: str = "Room"
    poll_interval_seconds: float = 5.0  # the fastest a live console should poll viewers
