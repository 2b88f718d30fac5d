"""Facts about the museum the database holds that several use cases need."""

from __future__ import annotations

from datetime import timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from curator_console.persistence.unit_of_work import UnitOfWork


def zone(uow: UnitOfWork) -> tuple[tzinfo, str]:
    """The museum's time zone and its name (for naive times in imports, "the day before", local
    clock times in reports): the first museum's, or UTC when none is set or the name is unknown.
    Call inside an open unit of work."""
    museum = uow.repos.museums.first()
    name = (museum.timezone if museum is not None else "") or "UTC"
    try:
        return ZoneInfo(name), name
    except (ZoneInfoNotFoundError, ValueError):
        return timezone.utc, "UTC"
