"""The whole product's tables (SQLAlchemy 2.0 typed ORM).

Rows people edit carry a ``version`` column used by SQLAlchemy for optimistic locking: an UPDATE
whose version no longer matches raises ``StaleDataError`` instead of silently overwriting a
colleague's edit on a shared database. Times are UTC (``UTCDateTime``), money is ``Decimal``
(``Money``). Platform tokens are never stored here: a connection names the keychain entry or the
environment variable that holds its token.
"""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from curator_console.persistence.types import Money, UTCDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Versioned:
    """Mixin for rows people edit: optimistic locking plus created/updated stamps."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow, onupdate=utcnow)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}


# --- Collection -----------------------------------------------------------------------------


class Museum(Versioned, Base):
    __tablename__ = "museum"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    alt_name: Mapped[str] = mapped_column(String(300), default="")
    city: Mapped[str] = mapped_column(String(200), default="")
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    description: Mapped[str] = mapped_column(Text, default="")
    alt_description: Mapped[str] = mapped_column(Text, default="")

    items: Mapped[list[CollectionItem]] = relationship(back_populates="museum", cascade="all, delete-orphan")


class CollectionItem(Versioned, Base):
    __tablename__ = "collection_item"
    __table_args__ = (
        UniqueConstraint("museum_id", "object_number", name="uq_collection_item_museum_object_number"),
        Index("ix_collection_item_museum_title", "museum_id", "title"),
        Index("ix_collection_item_object_number", "object_number"),
        Index("ix_collection_item_classification", "classification"),
        Index("ix_collection_item_period", "period"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    museum_id: Mapped[int] = mapped_column(ForeignKey("museum.id", ondelete="CASCADE"))
    object_number: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(String(1000), default="")
    alt_title: Mapped[str] = mapped_column(String(1000), default="")
    maker: Mapped[str] = mapped_column(String(500), default="")
    culture: Mapped[str] = mapped_column(String(200), default="")
    period: Mapped[str] = mapped_column(String(200), default="")  # period / dynasty
    date_text: Mapped[str] = mapped_column(String(200), default="")
    begin_year: Mapped[int | None] = mapped_column(Integer)
    end_year: Mapped[int | None] = mapped_column(Integer)
    medium: Mapped[str] = mapped_column(String(1000), default="")
    dimensions: Mapped[str] = mapped_column(String(1000), default="")
    classification: Mapped[str] = mapped_column(String(200), default="")
    credit_line: Mapped[str] = mapped_column(String(1000), default="")
    provenance: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    alt_description: Mapped[str] = mapped_column(Text, default="")
    rights: Mapped[str] = mapped_column(String(500), default="")
    source: Mapped[str] = mapped_column(String(100), default="")  # e.g. "csv", "met", "aic", "iiif", "manual"
    source_ref: Mapped[str] = mapped_column(String(1000), default="")  # id or URL at the source

    museum: Mapped[Museum] = relationship(back_populates="items")
    tags: Mapped[list[ItemTag]] = relationship(
        back_populates="item", cascade="all, delete-orphan", order_by="ItemTag.position"
    )
    images: Mapped[list[ItemImage]] = relationship(
        back_populates="item", cascade="all, delete-orphan", order_by="ItemImage.position"
    )
    products: Mapped[list[Product]] = relationship(secondary="product_item", back_populates="items")


class ItemTag(Base):
    __tablename__ = "item_tag"
    __table_args__ = (Index("ix_item_tag_tag", "tag"),)

    item_id: Mapped[int] = mapped_column(ForeignKey("collection_item.id", ondelete="CASCADE"), primary_key=True)
    tag: Mapped[str] = mapped_column(String(200), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    item: Mapped[CollectionItem] = relationship(back_populates="tags")


class ItemImage(Base):
    """An image of an object. The file lives in the media store under its SHA-256 (``sha256``);
    ``source_url`` keeps where it came from. ``sha256`` is empty while a remote image is not fetched."""

    __tablename__ = "item_image"
    __table_args__ = (Index("ix_item_image_item", "item_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("collection_item.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    mime_type: Mapped[str] = mapped_column(String(100), default="")
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    byte_size: Mapped[int | None] = mapped_column(Integer)
    original_name: Mapped[str] = mapped_column(String(500), default="")
    source_url: Mapped[str] = mapped_column(String(2000), default="")
    caption: Mapped[str] = mapped_column(String(1000), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    item: Mapped[CollectionItem] = relationship(back_populates="images")


class ImportMapping(Versioned, Base):
    """A saved header-to-field mapping for collection or product imports."""

    __tablename__ = "import_mapping"
    __table_args__ = (UniqueConstraint("kind", "name", name="uq_import_mapping_kind_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))  # "collection", "products", "orders"
    name: Mapped[str] = mapped_column(String(200))
    mapping: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)


# --- Store ----------------------------------------------------------------------------------


class Product(Versioned, Base):
    __tablename__ = "product"
    __table_args__ = (CheckConstraint("stock IS NULL OR stock >= 0", name="stock_not_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(100), unique=True)
    title: Mapped[str] = mapped_column(String(500), default="")
    alt_title: Mapped[str] = mapped_column(String(500), default="")
    price: Mapped[Decimal | None] = mapped_column(Money)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    stock: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default="active")  # active / draft / archived
    url: Mapped[str] = mapped_column(String(2000), default="")
    image_sha256: Mapped[str] = mapped_column(String(64), default="")
    image_url: Mapped[str] = mapped_column(String(2000), default="")
    connection_id: Mapped[int | None] = mapped_column(ForeignKey("connection.id", ondelete="SET NULL"))
    external_id: Mapped[str] = mapped_column(String(200), default="")  # id at the store platform
    synced_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    items: Mapped[list[CollectionItem]] = relationship(
        secondary="product_item", back_populates="products", order_by="CollectionItem.object_number"
    )


class ProductItem(Base):
    """Which collection objects a product belongs to (many-to-many)."""

    __tablename__ = "product_item"
    __table_args__ = (Index("ix_product_item_item", "item_id"),)

    product_id: Mapped[int] = mapped_column(ForeignKey("product.id", ondelete="CASCADE"), primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("collection_item.id", ondelete="CASCADE"), primary_key=True)


# --- Tours ----------------------------------------------------------------------------------


class Tour(Versioned, Base):
    __tablename__ = "tour"

    id: Mapped[int] = mapped_column(primary_key=True)
    museum_id: Mapped[int | None] = mapped_column(ForeignKey("museum.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(500))
    host: Mapped[str] = mapped_column(String(300), default="")
    planned_start: Mapped[datetime | None] = mapped_column(UTCDateTime)
    slot_seconds: Mapped[int | None] = mapped_column(Integer)
    language: Mapped[str] = mapped_column(String(20), default="zh_CN")
    status: Mapped[str] = mapped_column(String(20), default="draft")  # draft / ready / archived
    is_template: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")

    museum: Mapped[Museum | None] = relationship()
    segments: Mapped[list[Segment]] = relationship(
        back_populates="tour", cascade="all, delete-orphan", order_by="Segment.position"
    )
    saved_versions: Mapped[list[TourVersion]] = relationship(
        back_populates="tour", cascade="all, delete-orphan", order_by="TourVersion.created_at"
    )


class TourVersion(Base):
    """A named snapshot of a whole tour ("Save version"), kept as JSON for compare and restore."""

    __tablename__ = "tour_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    tour_id: Mapped[int] = mapped_column(ForeignKey("tour.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)

    tour: Mapped[Tour] = relationship(back_populates="saved_versions")


class Segment(Versioned, Base):
    __tablename__ = "segment"
    __table_args__ = (
        Index("ix_segment_tour_position", "tour_id", "position"),
        CheckConstraint("planned_seconds >= 0", name="planned_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    tour_id: Mapped[int] = mapped_column(ForeignKey("tour.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500), default="")
    planned_seconds: Mapped[int] = mapped_column(Integer, default=0)
    script: Mapped[str] = mapped_column(Text, default="")  # light Markdown: headings, bold, lists
    script_alt: Mapped[str] = mapped_column(Text, default="")  # optional second-language version

    tour: Mapped[Tour] = relationship(back_populates="segments")
    items: Mapped[list[SegmentItem]] = relationship(
        back_populates="segment", cascade="all, delete-orphan", order_by="SegmentItem.position"
    )
    products: Mapped[list[SegmentProduct]] = relationship(
        back_populates="segment", cascade="all, delete-orphan", order_by="SegmentProduct.position"
    )
    cues: Mapped[list[Cue]] = relationship(
        back_populates="segment", cascade="all, delete-orphan", order_by="Cue.position"
    )


class SegmentItem(Base):
    __tablename__ = "segment_item"

    segment_id: Mapped[int] = mapped_column(ForeignKey("segment.id", ondelete="CASCADE"), primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("collection_item.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    segment: Mapped[Segment] = relationship(back_populates="items")
    item: Mapped[CollectionItem] = relationship()


class SegmentProduct(Base):
    __tablename__ = "segment_product"

    segment_id: Mapped[int] = mapped_column(ForeignKey("segment.id", ondelete="CASCADE"), primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    pitch: Mapped[str] = mapped_column(String(1000), default="")
    live_price: Mapped[Decimal | None] = mapped_column(Money)
    auto_feature: Mapped[bool] = mapped_column(Boolean, default=False)

    segment: Mapped[Segment] = relationship(back_populates="products")
    product: Mapped[Product] = relationship()


class Cue(Base):
    """A production cue in a segment: free text, or an OBS scene to switch to (``kind='obs_scene'``)."""

    __tablename__ = "cue"
    __table_args__ = (Index("ix_cue_segment", "segment_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    segment_id: Mapped[int] = mapped_column(ForeignKey("segment.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(20), default="text")  # text / obs_scene
    text: Mapped[str] = mapped_column(String(500), default="")

    segment: Mapped[Segment] = relationship(back_populates="cues")


# --- Platforms ------------------------------------------------------------------------------


class Connection(Versioned, Base):
    """A configured platform: the built-in simulator, a REST-contract partner, YouTube, Twitch,
    Shopify or OBS. The token is *not* here: it lives in the OS keychain under this connection's
    name, or in the environment variable named by ``token_env``."""

    __tablename__ = "connection"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    platform: Mapped[str] = mapped_column(String(40))  # simulator / rest / youtube / twitch / shopify / obs / file
    base_url: Mapped[str] = mapped_column(String(2000), default="")
    room: Mapped[str] = mapped_column(String(500), default="")  # room / channel / video id / shop
    token_env: Mapped[str] = mapped_column(String(200), default="")
    allow_insecure_http: Mapped[bool] = mapped_column(Boolean, default=False)
    options: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


# --- Live sessions --------------------------------------------------------------------------


class LiveSession(Base):
    __tablename__ = "live_session"
    __table_args__ = (Index("ix_live_session_started", "started_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tour_id: Mapped[int | None] = mapped_column(ForeignKey("tour.id", ondelete="SET NULL"), index=True)
    connection_id: Mapped[int | None] = mapped_column(ForeignKey("connection.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(500), default="")
    tour_snapshot: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # frozen at start
    mode: Mapped[str] = mapped_column(String(20), default="rehearsal")  # rehearsal / live
    status: Mapped[str] = mapped_column(String(20), default="running")  # running / paused / ended / abandoned
    room: Mapped[str] = mapped_column(String(500), default="")
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    connection: Mapped[Connection | None] = relationship()
    tour: Mapped[Tour | None] = relationship()


class SessionEvent(Base):
    """Append-only log of everything that happened in a session, written the moment it happens."""

    __tablename__ = "session_event"
    __table_args__ = (Index("ix_session_event_session_at", "session_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("live_session.id", ondelete="CASCADE"))
    type: Mapped[str] = mapped_column(String(40))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class ViewerSample(Base):
    __tablename__ = "viewer_sample"
    __table_args__ = (Index("ix_viewer_sample_session_at", "session_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("live_session.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    viewers: Mapped[int] = mapped_column(Integer)


class Order(Base):
    """A store order, keyed by (connection, platform order id) so ingestion is exactly-once."""

    __tablename__ = "store_order"
    __table_args__ = (
        UniqueConstraint("connection_id", "platform_order_id", name="uq_store_order_connection_platform_id"),
        Index("ix_store_order_created", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    connection_id: Mapped[int] = mapped_column(ForeignKey("connection.id", ondelete="CASCADE"))
    platform_order_id: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    ingested_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderLine.line_no"
    )


class OrderLine(Base):
    __tablename__ = "order_line"
    __table_args__ = (
        UniqueConstraint("order_id", "line_no", name="uq_order_line_order_line_no"),
        Index("ix_order_line_sku", "sku"),
        CheckConstraint("quantity > 0", name="quantity_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("store_order.id", ondelete="CASCADE"))
    line_no: Mapped[int] = mapped_column(Integer)
    sku: Mapped[str] = mapped_column(String(100))
    product_id: Mapped[int | None] = mapped_column(ForeignKey("product.id", ondelete="SET NULL"))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[Decimal] = mapped_column(Money)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")

    order: Mapped[Order] = relationship(back_populates="lines")
