"""The scenes of the connected OBS, for scene cues in the tour editor (and the live console)."""

from __future__ import annotations

from dataclasses import dataclass

from curator_console.connectors.http import HttpClient
from curator_console.connectors.registry import connect
from curator_console.persistence.unit_of_work import UnitOfWork
from curator_console.services.connections import list_connections, settings_for


@dataclass(frozen=True)
class ObsScenes:
    connection: str  # "" when no OBS connection is configured
    scenes: tuple[str, ...]
    current: str = ""


def obs_connection_name(uow: UnitOfWork) -> str:
    """The first configured OBS connection ("" when there is none)."""
    return next((c.name for c in list_connections(uow) if c.platform == "obs"), "")


def obs_scenes(uow: UnitOfWork, client: HttpClient) -> ObsScenes:
    """Ask the connected OBS for its scenes. No OBS connection: an empty list (not an error);
    OBS not answering: the connector's ``PlatformError`` (the caller shows it and carries on)."""
    name = obs_connection_name(uow)
    if not name:
        return ObsScenes("", ())
    connector = connect(settings_for(uow.fresh(), name), client)
    try:
        listing = connector.scene_list()  # type: ignore[attr-defined]
    finally:
        connector.close()
    return ObsScenes(name, tuple(listing.scenes), listing.current)
