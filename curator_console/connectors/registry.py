"""The connection types the app knows, each declaring what it can do.

Platform modules are imported on first use, so the app never loads a connector it does not need.
"""

from __future__ import annotations

import importlib

from curator_console.connectors.base import ConnectionSettings, Connector, PlatformType
from curator_console.connectors.http import HttpClient

# key -> module that defines PLATFORM (a PlatformType)
_MODULES = {
    "simulator": "curator_console.connectors.simulator.platform",
    "rest": "curator_console.connectors.rest",
    "youtube": "curator_console.connectors.youtube",
    "twitch": "curator_console.connectors.twitch",
    "shopify": "curator_console.connectors.shopify",
    "obs": "curator_console.connectors.obs",
}


class UnknownPlatformError(ValueError):
    pass


def platform_keys() -> list[str]:
    return list(_MODULES)


def platform_type(key: str) -> PlatformType:
    module = _MODULES.get(key)
    if module is None:
        raise UnknownPlatformError(f"Unknown connection type “{key}”; known: {', '.join(_MODULES)}.")
    return importlib.import_module(module).PLATFORM


def all_platform_types() -> list[PlatformType]:
    return [platform_type(k) for k in _MODULES]


def connect(settings: ConnectionSettings, client: HttpClient) -> Connector:
    return platform_type(settings.platform).factory(settings, client)
