"""Store use cases: the product catalogue, editing a product, its image, its links to collection
objects (many-to-many, from either side), creating and deleting products (with snapshots that
restore them), and syncing from a store connection.

Every function takes a ``UnitOfWork`` (one session, committed at once) and returns plain frozen
dataclasses, never ORM objects. Edits take the value the caller last saw (``expected``) and refuse
with ``ConcurrentEditError`` when the database no longer holds it, so a colleague's change on a
shared database is never overwritten silently, and undo/redo never clobber a later change.
Refused values are ``FieldError``s (``collection_objects.FieldError``: the field and a stable
``code``; ``str(error)`` is a plain English fallback). Prices are ``Decimal``, parsed by the same
rules as product imports (``importers.csv_products.parse_price``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, insert, select, update

from curator_console.domain.records import ConnectionRow, ProductRow
from curator_console.importers.csv_products import (
    STATUSES,
    is_web_address,
    parse_currency,
    parse_price,
    parse_status,
    parse_stock,
)
from curator_console.persistence import models as m
from curator_console.persistence.media import MediaStore
from curator_console.persistence.unit_of_work import ConcurrentEditError, UnitOfWork
from curator_console.services.collection import ValidationError
from curator_console.services.collection_objects import FieldError, store_images

__all__ = [
    "EDITABLE_FIELDS", "STATUSES", "ConcurrentEditError", "FieldError", "LinkedObject", "ListedProduct",
    "ProductDeleteSummary", "ProductDetail", "ProductImage", "ProductMissingError", "ProductSnapshot",
    "SyncProgress", "ValidationError", "clear_product_image", "create_product", "delete_products", "get_product",
    "list_products", "normalize_product_value", "product_delete_summary", "restore_products", "set_object_products",
    "set_product_image", "set_product_image_value", "set_product_objects", "store_connections", "suggest_sku",
    "sync_from_store", "update_product_field",
]

EDITABLE_FIELDS = ("sku", "title", "alt_title", "price", "currency", "stock", "status", "url")
_PRODUCT_COLUMNS = tuple(c.name for c in m.Product.__table__.columns)
_P = m.Product.__table__
_LINKS = m.ProductItem.__table__
CHUNK = 500


class ProductMissingError(ValidationError):
    """The product was deleted (here or by someone else on a shared database)."""

    def __init__(self) -> None:
        super().__init__("This product no longer exists.")


# --- plain results -------------------------------------------------------------------------------


@dataclass(frozen=True)
class LinkedObject:
    id: int
    object_number: str
    title: str
    alt_title: str


@dataclass(frozen=True)
class ProductImage:
    """The product's picture: a file in the media store (``sha256``) and/or an address at the store."""

    sha256: str = ""
    url: str = ""

    def __bool__(self) -> bool:
        return bool(self.sha256 or self.url)


@dataclass(frozen=True)
class ProductDetail:
    id: int
    sku: str
    title: str
    alt_title: str
    price: Decimal | None
    currency: str
    stock: int | None
    status: str
    url: str
    image: ProductImage
    external_id: str
    connection_name: str
    synced_at: datetime | None
    version: int
    objects: tuple[LinkedObject, ...] = ()

    def value(self, name: str) -> Any:
        return getattr(self, name)

    @property
    def object_ids(self) -> tuple[int, ...]:
        return tuple(sorted(o.id for o in self.objects))


@dataclass(frozen=True)
class ListedProduct(ProductRow):
    """A row of the product list: the product, the ids of its objects, its picture and last sync."""

    object_ids: tuple[int, ...] = ()
    url: str = ""
    image_sha256: str = ""
    image_url: str = ""
    synced_at: datetime | None = None
    connection_name: str = ""


@dataclass(frozen=True)
class ProductSnapshot:
    """Everything needed to put a deleted product back as it was (same id)."""

    values: tuple[tuple[str, Any], ...]
    item_ids: tuple[int, ...]
    segments: tuple[tuple[int, int, str, Decimal | None, bool], ...]  # segment, position, pitch, live price, auto
    order_line_ids: tuple[int, ...]

    @property
    def id(self) -> int:
        return dict(self.values)["id"]

    @property
    def sku(self) -> str:
        return dict(self.values)["sku"]


@dataclass(frozen=True)
class ProductDeleteSummary:
    """What deleting some products touches, for the confirmation question."""

    products: int
    tours: int
    order_lines: int
    skus: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class SyncProgress:
    """How far a store sync is: ``stage`` "products" (``products`` stored so far) or "orders"."""

    stage: str
    products: int = 0
    orders_new: int = 0
    orders_seen: int = 0


# --- reading -------------------------------------------------------------------------------------


def _connection_names(uow: UnitOfWork, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = sorted({i for i in ids if i is not None})
    if not wanted:
        return {}
    q = select(m.Connection.id, m.Connection.name).where(m.Connection.id.in_(wanted))
    return dict(uow.session.execute(q).all())


def list_products(uow: UnitOfWork) -> list[ListedProduct]:
    """Every product by SKU, with its linked objects (numbers and ids), picture and last sync."""
    with uow:
        products = uow.repos.products.all_with_items()
        names = _connection_names(uow, (p.connection_id for p in products))
        return [
            ListedProduct(
                id=p.id, sku=p.sku, title=p.title, alt_title=p.alt_title, price=p.price, currency=p.currency,
                stock=p.stock, status=p.status, linked_objects=tuple(i.object_number for i in p.items),
                version=p.version, object_ids=tuple(i.id for i in p.items), url=p.url or "",
                image_sha256=p.image_sha256 or "", image_url=p.image_url or "", synced_at=p.synced_at,
                connection_name=names.get(p.connection_id, "") if p.connection_id else "",
            )
            for p in products
        ]


def _get(uow: UnitOfWork, product_id: int) -> m.Product:
    p = uow.repos.products.get(product_id)
    if p is None:
        raise ProductMissingError()
    return p


def _detail(uow: UnitOfWork, p: m.Product) -> ProductDetail:
    names = _connection_names(uow, [p.connection_id])
    return ProductDetail(
        id=p.id, sku=p.sku, title=p.title or "", alt_title=p.alt_title or "", price=p.price,
        currency=p.currency or "CNY", stock=p.stock, status=p.status or "active", url=p.url or "",
        image=ProductImage(p.image_sha256 or "", p.image_url or ""), external_id=p.external_id or "",
        connection_name=names.get(p.connection_id, "") if p.connection_id else "", synced_at=p.synced_at,
        version=p.version,
        objects=tuple(LinkedObject(i.id, i.object_number, i.title or "", i.alt_title or "") for i in p.items),
    )


def get_product(uow: UnitOfWork, product_id: int) -> ProductDetail | None:
    """The product with every field, its picture and the objects it is linked to."""
    with uow:
        p = uow.repos.products.get(product_id)
        return None if p is None else _detail(uow, p)


# --- editing fields ------------------------------------------------------------------------------


def _max_length(name: str) -> int | None:
    return getattr(_P.c[name].type, "length", None)


def normalize_product_value(name: str, value: Any, currency: str = "") -> Any:
    """The value as it would be stored, or ``FieldError``. ``currency`` is the product's, so that a
    price written in another currency (``$12`` for a CNY product) is refused rather than converted.
    Codes: ``required``, ``too_long``, ``not_amount``, ``negative``, ``too_many_decimals``,
    ``other_currency``, ``not_integer``, ``not_status``, ``not_currency``, ``not_url``,
    ``not_editable``."""
    if name not in EDITABLE_FIELDS:
        raise FieldError(name, "not_editable", f"“{name}” cannot be edited here.")
    if name == "price":
        if isinstance(value, float):
            raise FieldError(name, "not_amount", "A price must be given as text or Decimal, never a float.")
        try:
            amount, hint = parse_price(value)
        except ValueError as exc:
            text = str(exc)
            code = ("negative" if "negative" in text else "too_many_decimals" if "decimal places" in text
                    else "not_amount")
            raise FieldError(name, code, text[:1].upper() + text[1:] + ".") from None
        if hint and currency and hint != currency:
            raise FieldError(name, "other_currency",
                             f"The price is written in {hint}, but this product is priced in {currency}. "
                             "Change the currency first.")
        return amount
    if name == "stock":
        try:
            return parse_stock(value)
        except ValueError as exc:
            text = str(exc)
            raise FieldError(name, "negative" if "negative" in text else "not_integer",
                             text[:1].upper() + text[1:] + ".") from None
    if name == "status":
        try:
            status = parse_status(value)
        except ValueError as exc:
            raise FieldError(name, "not_status", str(exc)[:1].upper() + str(exc)[1:] + ".") from None
        if status is None:
            raise FieldError(name, "required", "Choose a status: active, draft or archived.")
        return status
    if name == "currency":
        try:
            code = parse_currency(value)
        except ValueError as exc:
            raise FieldError(name, "not_currency", str(exc)[:1].upper() + str(exc)[1:] + ".") from None
        if code is None:
            raise FieldError(name, "required", "A product needs a currency (e.g. CNY).")
        return code
    text = "" if value is None else " ".join(str(value).split()) if name != "url" else str(value).strip()
    if name == "sku" and not text:
        raise FieldError(name, "required", "The SKU cannot be empty.")
    limit = _max_length(name)
    if limit is not None and len(text) > limit:
        raise FieldError(name, "too_long", f"At most {limit} characters.", limit=limit)
    if name == "url" and text and not is_web_address(text):
        raise FieldError(name, "not_url", "A store link must be a web address starting with https:// or http://.")
    return text


def _concurrent(what: str = "This product") -> ConcurrentEditError:
    return ConcurrentEditError(f"{what} was changed by someone else after you opened it. It has been reloaded; "
                               "please make your change again.")


def update_product_field(uow: UnitOfWork, product_id: int, name: str, value: Any,
                         expected: Any = ...) -> tuple[Any, Any]:
    """Set one field and commit. ``expected`` is the value the caller saw (omit it to skip the
    check). Returns ``(old, new)`` as stored; ``old == new`` when nothing changed."""
    with uow:
        p = _get(uow, product_id)
        new = normalize_product_value(name, value, currency=p.currency or "")
        old = getattr(p, name)
        if expected is not ... and old != expected and old != new:
            raise _concurrent()
        if name == "sku" and new != old:
            other = uow.repos.products.by_sku(new)
            if other is not None and other.id != p.id:
                raise FieldError(name, "duplicate", f"Another product already has the SKU “{new}”.")
        if old != new:
            setattr(p, name, new)
            uow.commit()
        return old, new


# --- the picture ---------------------------------------------------------------------------------


def set_product_image_value(uow: UnitOfWork, product_id: int, image: ProductImage,
                            expected: ProductImage | None = None) -> tuple[ProductImage, ProductImage]:
    """Make the product's picture exactly ``image`` (undo and redo use this). Returns (old, new)."""
    with uow:
        p = _get(uow, product_id)
        old = ProductImage(p.image_sha256 or "", p.image_url or "")
        if expected is not None and expected != old and old != image:
            raise _concurrent("The picture of this product")
        if old != image:
            p.image_sha256, p.image_url = image.sha256, image.url
            uow.commit()
        return old, image


def set_product_image(uow: UnitOfWork, media: MediaStore, product_id: int, path: Path | str,
                      expected: ProductImage | None = None) -> tuple[ProductImage, ProductImage]:
    """Copy an image file into the media store and make it the product's picture (the store's
    address is kept beside it). A file that is missing, not an image or too large is a
    ``FieldError`` on ``image`` (code ``missing`` / ``not_image`` / ``too_large`` / ``unreadable``)."""
    stored, problems = store_images(media, [path])
    if problems:
        raise FieldError("image", problems[0].code, problems[0].message)
    with uow:
        p = _get(uow, product_id)
        current = ProductImage(p.image_sha256 or "", p.image_url or "")
    return set_product_image_value(uow.fresh(), product_id, ProductImage(stored[0].sha256, current.url),
                                   expected=expected if expected is not None else current)


def clear_product_image(uow: UnitOfWork, product_id: int,
                        expected: ProductImage | None = None) -> tuple[ProductImage, ProductImage]:
    """Remove the product's picture (the file stays in the media store, for undo)."""
    return set_product_image_value(uow, product_id, ProductImage(), expected=expected)


# --- links to collection objects -----------------------------------------------------------------


def set_product_objects(uow: UnitOfWork, product_id: int, item_ids: Iterable[int],
                        expected: Iterable[int] | None = None) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Link the product to exactly these objects. Returns (old, new) object ids, sorted."""
    new = tuple(sorted(set(int(i) for i in item_ids)))
    with uow:
        p = _get(uow, product_id)
        old = tuple(sorted(i.id for i in p.items))
        if expected is not None and tuple(sorted(set(expected))) != old and old != new:
            raise _concurrent("The objects linked to this product")
        if old != new:
            items = list(uow.session.scalars(select(m.CollectionItem).where(m.CollectionItem.id.in_(new)))) \
                if new else []
            if len(items) != len(new):
                raise ValidationError("An object to link no longer exists (perhaps someone else deleted it).")
            p.items = sorted(items, key=lambda i: i.object_number)
            p.updated_at = m.utcnow()  # the product's version moves on, as with any edit
            uow.commit()
        return old, new


def set_object_products(uow: UnitOfWork, item_id: int, product_ids: Iterable[int],
                        expected: Iterable[int] | None = None) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Link an object to exactly these products (the object's side of ``set_product_objects``).
    Returns (old, new) product ids, sorted."""
    new = tuple(sorted(set(int(i) for i in product_ids)))
    with uow:
        s = uow.session
        if s.get(m.CollectionItem, item_id) is None:
            from curator_console.services.collection_objects import ObjectMissingError

            raise ObjectMissingError()
        old = tuple(sorted(s.scalars(select(_LINKS.c.product_id).where(_LINKS.c.item_id == item_id))))
        if expected is not None and tuple(sorted(set(expected))) != old and old != new:
            raise ConcurrentEditError("The products linked to this object were changed by someone else. They have "
                                      "been reloaded; please make your change again.")
        if old != new:
            found = set(s.scalars(select(_P.c.id).where(_P.c.id.in_(new)))) if new else set()
            if found != set(new):
                raise ValidationError("A product to link no longer exists (perhaps someone else deleted it).")
            removed, added = set(old) - set(new), set(new) - set(old)
            if removed:
                s.execute(delete(_LINKS).where(_LINKS.c.item_id == item_id, _LINKS.c.product_id.in_(removed)))
            if added:
                s.execute(insert(_LINKS), [{"product_id": pid, "item_id": item_id} for pid in sorted(added)])
            s.execute(update(_P).where(_P.c.id.in_(removed | added))
                      .values(version=_P.c.version + 1, updated_at=m.utcnow()))
            uow.commit()
        return old, new


# --- creating and deleting -----------------------------------------------------------------------


def suggest_sku(uow: UnitOfWork, prefix: str = "NEW-") -> str:
    """A SKU not used yet: NEW-0001, NEW-0002 …"""
    with uow:
        taken = set(uow.session.scalars(select(m.Product.sku).where(m.Product.sku.like(prefix + "%"))))
    n = 1
    while f"{prefix}{n:04d}" in taken:
        n += 1
    return f"{prefix}{n:04d}"


def create_product(uow: UnitOfWork, sku: str = "", title: str = "") -> ProductSnapshot:
    """A new product (draft, no price yet), committed; returns its snapshot (for undo). An empty
    ``sku`` gets a free one (NEW-0001 …)."""
    sku = normalize_product_value("sku", sku or suggest_sku(uow.fresh()))
    title = normalize_product_value("title", title)
    with uow:
        if uow.repos.products.by_sku(sku) is not None:
            raise FieldError("sku", "duplicate", f"Another product already has the SKU “{sku}”.")
        p = uow.repos.products.add(m.Product(sku=sku, title=title, status="draft", currency="CNY"))
        uow.session.flush()
        snap = _snapshot(uow, p)
        uow.commit()
        return snap


def _snapshot(uow: UnitOfWork, p: m.Product) -> ProductSnapshot:
    s = uow.session
    items = tuple(s.scalars(select(_LINKS.c.item_id).where(_LINKS.c.product_id == p.id).order_by(_LINKS.c.item_id)))
    sp = m.SegmentProduct.__table__
    segments = tuple(
        (sid, pos, pitch or "", live, bool(auto))
        for sid, pos, pitch, live, auto in s.execute(
            select(sp.c.segment_id, sp.c.position, sp.c.pitch, sp.c.live_price, sp.c.auto_feature)
            .where(sp.c.product_id == p.id).order_by(sp.c.segment_id)))
    lines = tuple(s.scalars(select(m.OrderLine.id).where(m.OrderLine.product_id == p.id).order_by(m.OrderLine.id)))
    return ProductSnapshot(values=tuple((c, getattr(p, c)) for c in _PRODUCT_COLUMNS), item_ids=items,
                           segments=segments, order_line_ids=lines)


def product_delete_summary(uow: UnitOfWork, ids: Sequence[int]) -> ProductDeleteSummary:
    """How many tours feature the products about to be deleted, and how many order lines name them."""
    ids = list(dict.fromkeys(ids))[:CHUNK]
    with uow:
        s = uow.session
        skus = tuple(s.scalars(select(m.Product.sku).where(m.Product.id.in_(ids)).order_by(m.Product.sku).limit(5)))
        tours = s.scalar(select(func.count(func.distinct(m.Segment.tour_id))).select_from(m.SegmentProduct)
                         .join(m.Segment, m.Segment.id == m.SegmentProduct.segment_id)
                         .where(m.SegmentProduct.product_id.in_(ids))) or 0
        lines = s.scalar(select(func.count(m.OrderLine.id)).where(m.OrderLine.product_id.in_(ids))) or 0
        return ProductDeleteSummary(len(ids), int(tours), int(lines), skus)


def delete_products(uow: UnitOfWork, ids: Sequence[int]) -> list[ProductSnapshot]:
    """Delete products (their object links and tour features go with them; order lines keep their
    SKU and lose the link) and commit. Returns snapshots that ``restore_products`` puts back."""
    ids = list(dict.fromkeys(ids))
    with uow:
        snaps = []
        for product_id in ids:
            snaps.append(_snapshot(uow, _get(uow, product_id)))
        s = uow.session
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start:start + CHUNK]
            s.execute(delete(_LINKS).where(_LINKS.c.product_id.in_(chunk)))
            s.execute(delete(m.SegmentProduct.__table__).where(m.SegmentProduct.__table__.c.product_id.in_(chunk)))
            s.execute(update(m.OrderLine.__table__).where(m.OrderLine.__table__.c.product_id.in_(chunk))
                      .values(product_id=None))
            s.execute(delete(_P).where(_P.c.id.in_(chunk)))
        s.expunge_all()
        uow.commit()
        return snaps


def restore_products(uow: UnitOfWork, snapshots: Sequence[ProductSnapshot]) -> list[int]:
    """Put deleted products back with their ids and fields, their links to the objects and tour
    segments that still exist, and their order lines. Refused when the SKU has been taken meanwhile."""
    with uow:
        s = uow.session
        for snap in snapshots:
            values = dict(snap.values)
            if uow.repos.products.by_sku(values["sku"]) is not None:
                raise FieldError("sku", "duplicate", f"Another product already has the SKU “{values['sku']}”.")
            if s.get(m.Product, values["id"]) is not None:
                raise ValidationError(f"The product “{snap.sku}” cannot be put back: its place was taken meanwhile.")
            if values.get("connection_id") is not None and s.get(m.Connection, values["connection_id"]) is None:
                values["connection_id"] = None
            s.execute(insert(_P).values(**{k: v for k, v in values.items() if k != "version"}, version=1))
        for snap in snapshots:
            pid = snap.id
            if snap.item_ids:
                existing = set(s.scalars(select(m.CollectionItem.id).where(m.CollectionItem.id.in_(snap.item_ids))))
                rows = [{"product_id": pid, "item_id": i} for i in snap.item_ids if i in existing]
                if rows:
                    s.execute(insert(_LINKS), rows)
            if snap.segments:
                seg_ids = [sid for sid, *_rest in snap.segments]
                existing = set(s.scalars(select(m.Segment.id).where(m.Segment.id.in_(seg_ids))))
                rows = [{"segment_id": sid, "product_id": pid, "position": pos, "pitch": pitch, "live_price": live,
                         "auto_feature": auto} for sid, pos, pitch, live, auto in snap.segments if sid in existing]
                if rows:
                    s.execute(insert(m.SegmentProduct.__table__), rows)
            if snap.order_line_ids:
                ol = m.OrderLine.__table__
                s.execute(update(ol).where(ol.c.id.in_(snap.order_line_ids), ol.c.product_id.is_(None))
                          .values(product_id=pid))
        uow.commit()
        return [snap.id for snap in snapshots]


# --- syncing from a store ------------------------------------------------------------------------


def store_connections(uow: UnitOfWork) -> list[ConnectionRow]:
    """The connections a store can be synced from (they list products and orders)."""
    from curator_console.connectors.registry import UnknownPlatformError, platform_type
    from curator_console.domain.platform import Capability
    from curator_console.services.connections import list_connections

    out = []
    for row in list_connections(uow):
        try:
            capabilities = platform_type(row.platform).capabilities
        except UnknownPlatformError:
            continue
        if Capability.ORDERS in capabilities and Capability.PRODUCTS in capabilities:
            out.append(row)
    return out


def sync_from_store(uow_factory: Callable[[], UnitOfWork], connection_name: str, client, *, days: int = 30,
                    progress: Callable[[SyncProgress], None] | None = None,
                    cancelled: Callable[[], bool] | None = None):
    """Products (price, stock, title; links made in the app are kept) and the orders of the last
    ``days`` days from a store connection, exactly once. Returns ``store_sync.SyncSummary``;
    raises ``store_sync.Cancelled`` when cancelled (what was stored so far is kept)."""
    from curator_console.services import store_sync

    until = datetime.now(timezone.utc)
    since = until - timedelta(days=max(1, days))
    stored = {"products": 0}

    def products_done(n: int) -> None:
        stored["products"] = n
        if progress is not None:
            progress(SyncProgress("products", products=n))

    def orders_done(new: int, seen: int) -> None:
        if progress is not None:
            progress(SyncProgress("orders", products=stored["products"], orders_new=new, orders_seen=seen))

    return store_sync.sync_store(uow_factory, connection_name, client, since, until, progress=orders_done,
                                 cancelled=cancelled, product_progress=products_done)
