"""Live workspace use cases: the configured platform connections and the sessions run so far."""

from __future__ import annotations

from curator_console.domain.records import ConnectionRow
from curator_console.persistence.unit_of_work import UnitOfWork


def list_connections(uow: UnitOfWork) -> list[ConnectionRow]:
    with uow:
        return [
            ConnectionRow(id=c.id, name=c.name, platform=c.platform, base_url=c.base_url, room=c.room)
            for c in uow.repos.connections.all()
        ]
