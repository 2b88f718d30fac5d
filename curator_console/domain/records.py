"""Plain rows that services hand to the UI and the CLI (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal


@dataclass(frozen=True)
class MuseumInfo:
    id: int
    code: str
    name: str
    alt_name: str


@dataclass(frozen=True)
class ItemRow:
    id: int
    object_number: str
    title: str
    alt_title: str
    maker: str
    period: str
    classification: str
    medium: str
    image_count: int
    version: int


@dataclass(frozen=True)
class ProductRow:
    id: int
    sku: str
    title: str
    alt_title: str
    price: Decimal | None
    currency: str
    stock: int | None
    status: str
    linked_objects: tuple[str, ...] = field(default_factory=tuple)
    version: int = 1


@dataclass(frozen=True)
class TourRow:
    id: int
    title: str
    host: str
    language: str
    planned_start: datetime | None
    slot_seconds: int | None
    segment_count: int
    planned_seconds: int
    estimated_seconds: int
    status: str
    version: int
    is_template: bool = False


@dataclass(frozen=True)
class SegmentRow:
    id: int
    position: int
    title: str
    planned_seconds: int
    estimated_seconds: int
    start_offset_seconds: int
    object_count: int
    product_count: int
    cues: tuple[str, ...]


@dataclass(frozen=True)
class ConnectionRow:
    id: int
    name: str
    platform: str
    base_url: str
    room: str


@dataclass(frozen=True)
class SessionRow:
    id: int
    title: str
    tour_title: str
    mode: str
    status: str
    started_at: datetime | None
    ended_at: datetime | None
    connection_name: str
    peak_viewers: int
    orders: int
    units: int
    revenue: Decimal  # in ``currency``; with orders in several currencies, the first of them
    currency: str
    # every currency's revenue when the orders were in more than one (never added together)
    revenue_by_currency: tuple[tuple[str, Decimal], ...] = ()


@dataclass(frozen=True)
class DatabaseInfo:
    url: str
    backend: str
    revision: str | None
    head_revision: str
    counts: dict[str, int]


@dataclass(frozen=True)
class BackupInfo:
    """One backup file of the database, as the restore dialog lists it."""

    path: str
    created_at: datetime  # UTC: from the file name when it has the app's timestamp, else its mtime
    size_bytes: int
    kind: str  # "upgrade" (automatic, before a schema upgrade), "manual", "restore" (safety copy), "other"
    revision: str | None  # the schema revision stored in it (None: none, or unreadable)
    upgraded_from: str = ""  # for "upgrade": the revision the database had then


@dataclass(frozen=True)
class RestoreSummary:
    """What ``services.database.restore_backup`` did."""

    source: str  # the backup file restored
    source_revision: str
    safety_backup: str  # the copy of the database as it was before the restore
    revision: str | None  # the database's schema revision now (upgraded when the backup was older)
    upgrade_backup: str | None = None  # set when the restored backup was upgraded after another backup
