"""The built-in simulated platform as a connection type.

A ``simulator`` connection with no address talks to the simulator running inside this process
(started on first use on 127.0.0.1 with a random token, shared by every connector, stopped at
exit). With an address it talks to a ``curator-console simulate-platform`` server elsewhere,
exactly like a REST-contract partner. Either way the connector is the REST connector: the
simulator implements the contract and nothing else.
"""

from __future__ import annotations

import atexit
import threading
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from curator_console.connectors.base import ConnectionSettings, PlatformType
from curator_console.connectors.http import HttpClient
from curator_console.connectors.rest import RestConnector
from curator_console.connectors.simulator import runner
from curator_console.connectors.simulator.server import SimulatorServer
from curator_console.domain.platform import Capability

_lock = threading.Lock()
_shared: SimulatorServer | None = None
_config: dict[str, Any] = {"catalog": None, "seed": None, "speed": 1.0}


def configure(catalog: Sequence[Mapping[str, Any]] | None = None, seed: int | None = None, speed: float = 1.0) -> None:
    """Set what the embedded simulator plays next time it starts (a running one is left alone)."""
    with _lock:
        _config.update(catalog=list(catalog) if catalog else None, seed=seed, speed=speed)


def is_running() -> bool:
    return _shared is not None


def shared() -> SimulatorServer:
    """The embedded simulator, started on first use."""
    global _shared
    with _lock:
        if _shared is None:
            _shared = runner.start_embedded(seed=_config["seed"], speed=_config["speed"], catalog=_config["catalog"])
        return _shared


def stop_shared() -> None:
    global _shared
    with _lock:
        server, _shared = _shared, None
    if server is not None:
        server.stop()


atexit.register(stop_shared)


class SimulatorConnector(RestConnector):
    platform = "simulator"

    def __init__(self, settings: ConnectionSettings, client: HttpClient) -> None:
        self.embedded = not (settings.base_url or "").strip()
        if self.embedded:
            server = shared()
            settings = replace(settings, base_url=server.url, token=server.token)
        super().__init__(settings, client)

    def test(self) -> str:
        message = super().test()
        where = "the built-in simulated platform" if self.embedded else self.base_url
        return f"{message} ({where})"


PLATFORM = PlatformType(
    key="simulator",
    label="Built-in simulated platform",
    capabilities=frozenset({Capability.VIEWERS, Capability.FEATURE, Capability.PRODUCTS, Capability.ORDERS}),
    factory=SimulatorConnector,
    needs_token=False,
    room_label="Room",
    poll_interval_seconds=1.0,
)
