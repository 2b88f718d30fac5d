"""The simulated platform inside the app: what ``--demo`` and rehearsals connect to.

``start_embedded()`` binds 127.0.0.1 on a free port with a fresh random token and returns the
running ``SimulatorServer`` (``.url``, ``.token``, ``.model``; ``.stop()`` when done). Pass
``catalog`` to sell the museum's own shop (a list of product dicts shaped like
``resources/demo/products.json`` entries, e.g. built from the app database) instead of the demo
catalogue.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

from curator_console.connectors.simulator.model import Catalog, SimulatorModel
from curator_console.connectors.simulator.server import SimulatorServer


def catalog_from_dicts(products: Sequence[Mapping[str, Any]]) -> Catalog:
    """Keys: ``sku``, ``title``, ``price`` (string/number/Decimal), ``currency``, ``stock``,
    ``url``, ``image_url``, ``status`` and ``objects`` (linked object numbers)."""
    return Catalog.from_dicts(products)


def start_embedded(
    seed: int | None = None,
    speed: float = 1.0,
    catalog: Catalog | Sequence[Mapping[str, Any]] | None = None,
    idle: bool = False,
    *,
    start: datetime | None = None,
    page_size: int = 100,
    clock: Callable[[], float] | None = None,
    token: str | None = None,
) -> SimulatorServer:
    kwargs: dict[str, Any] = {"seed": seed, "speed": speed, "start": start, "idle": idle}
    if clock is not None:
        kwargs["clock"] = clock
    model = SimulatorModel(catalog, **kwargs)
    server = SimulatorServer(model, "127.0.0.1", 0, token or secrets.token_urlsafe(24), page_size=page_size)
    server.start()
    return server
