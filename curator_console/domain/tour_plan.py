"""A whole tour as plain values: what the tour editor shows, the run-of-show PDF prints and the
readiness check inspects. Services build these from the database; nothing here knows about it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

CUE_TEXT = "text"
CUE_OBS_SCENE = "obs_scene"
CUE_KINDS = (CUE_TEXT, CUE_OBS_SCENE)

TOUR_STATUSES = ("draft", "ready", "archived")


@dataclass(frozen=True)
class SegmentObject:
    """A collection object shown in a segment."""

    item_id: int
    object_number: str
    title: str
    alt_title: str = ""
    image_sha256: str = ""  # the first stored image ("" when the object has none stored)
    image_url: str = ""  # a remote image not fetched yet
    rights: str = ""


@dataclass(frozen=True)
class ProductLink:
    """How a segment features a product: what the editor sets (and undo restores)."""

    product_id: int
    pitch: str = ""
    live_price: Decimal | None = None
    auto_feature: bool = False


@dataclass(frozen=True)
class SegmentProductInfo:
    """A featured product with the catalogue values the editor, PDF and readiness check need."""

    product_id: int
    sku: str
    title: str
    alt_title: str
    price: Decimal | None
    currency: str
    stock: int | None
    status: str
    pitch: str = ""
    live_price: Decimal | None = None
    auto_feature: bool = False

    @property
    def link(self) -> ProductLink:
        return ProductLink(self.product_id, self.pitch, self.live_price, self.auto_feature)

    @property
    def selling_price(self) -> Decimal | None:
        """The live price when one is set, else the catalogue price."""
        return self.live_price if self.live_price is not None else self.price


@dataclass(frozen=True)
class CueInfo:
    kind: str  # CUE_TEXT or CUE_OBS_SCENE
    text: str  # free text, or the OBS scene name


@dataclass(frozen=True)
class SegmentDetail:
    id: int
    position: int
    title: str
    planned_seconds: int
    script: str
    script_alt: str
    version: int
    objects: tuple[SegmentObject, ...] = ()
    products: tuple[SegmentProductInfo, ...] = ()
    cues: tuple[CueInfo, ...] = ()


@dataclass(frozen=True)
class TourDetail:
    id: int
    title: str
    host: str
    planned_start: datetime | None
    slot_seconds: int | None
    language: str
    status: str
    is_template: bool
    notes: str
    version: int
    museum_name: str = ""
    segments: tuple[SegmentDetail, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class TourVersionRow:
    """A saved version of a tour ("Save version"), as the versions list shows it."""

    id: int
    name: str
    created_at: datetime
    segment_count: int
    planned_seconds: int
