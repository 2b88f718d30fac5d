"""Queries the services need, kept in one place so the rest of the app never writes SQL.

Each repository hides the ORM behind small methods. Listing methods return rows of plain values;
``get``-style methods return ORM objects for services to change inside their unit of work.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy import Select, func, insert, or_, select, text
from sqlalchemy.orm import Session, selectinload

from curator_console.persistence import models as m


class MuseumRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    def first(self) -> m.Museum | None:
        return self.s.scalars(select(m.Museum).order_by(m.Museum.id).limit(1)).first()

    def by_code(self, code: str) -> m.Museum | None:
        return self.s.scalars(select(m.Museum).where(m.Museum.code == code)).first()

    def add(self, museum: m.Museum) -> m.Museum:
        self.s.add(museum)
        return museum


class CollectionRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    def get(self, item_id: int) -> m.CollectionItem | None:
        return self.s.get(m.CollectionItem, item_id)

    def by_object_number(self, museum_id: int, object_number: str) -> m.CollectionItem | None:
        q = select(m.CollectionItem).where(
            m.CollectionItem.museum_id == museum_id, m.CollectionItem.object_number == object_number
        )
        return self.s.scalars(q).first()

    def add(self, item: m.CollectionItem) -> m.CollectionItem:
        self.s.add(item)
        return item

    def _filtered(self, text: str) -> Select:
        image_count = (
            select(func.count(m.ItemImage.id)).where(m.ItemImage.item_id == m.CollectionItem.id).scalar_subquery()
        )
        q = select(
            m.CollectionItem.id,
            m.CollectionItem.object_number,
            m.CollectionItem.title,
            m.CollectionItem.alt_title,
            m.CollectionItem.maker,
            m.CollectionItem.period,
            m.CollectionItem.classification,
            m.CollectionItem.medium,
            image_count.label("image_count"),
            m.CollectionItem.version,
        )
        text = text.strip()
        if text:
            escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            like = f"%{escaped}%"
            q = q.where(
                or_(
                    m.CollectionItem.object_number.ilike(like, escape="\\"),
                    m.CollectionItem.title.ilike(like, escape="\\"),
                    m.CollectionItem.alt_title.ilike(like, escape="\\"),
                    m.CollectionItem.maker.ilike(like, escape="\\"),
                )
            )
        return q

    def list_rows(self, text: str = "", limit: int = 500, after_object_number: str | None = None) -> Sequence:
        """Rows ordered by object number, a page at a time (keyset: pass the last object number seen)."""
        q = self._filtered(text)
        if after_object_number is not None:
            q = q.where(m.CollectionItem.object_number > after_object_number)
        return self.s.execute(q.order_by(m.CollectionItem.object_number).limit(limit)).all()

    def count(self, text: str = "") -> int:
        sub = self._filtered(text).subquery()
        return self.s.execute(select(func.count()).select_from(sub)).scalar_one()


def filter_sql(f) -> tuple[str | None, dict]:
    """A ``CollectionFilter`` as an SQL condition on the ``collection_item`` table, with parameters."""
    if f is None or f.empty:
        return None, {}
    conds, params = [], {}
    if f.period:
        conds.append("collection_item.period = :f_period")
        params["f_period"] = f.period
    if f.classification:
        conds.append("collection_item.classification = :f_classification")
        params["f_classification"] = f.classification
    if f.tag:
        conds.append("EXISTS (SELECT 1 FROM item_tag WHERE item_tag.item_id = collection_item.id AND item_tag.tag = :f_tag)")
        params["f_tag"] = f.tag
    if f.has_image is not None:
        exists = "EXISTS (SELECT 1 FROM item_image WHERE item_image.item_id = collection_item.id)"
        conds.append(exists if f.has_image else f"NOT {exists}")
    return " AND ".join(conds), params


class CollectionQueries:
    """Reads behind the Collection workspace's lazy table: ordered id lists and rows by id."""

    def __init__(self, session: Session) -> None:
        self.s = session

    def rows_by_ids(self, ids: Sequence[int]) -> list:
        if not ids:
            return []
        image_count = (
            select(func.count(m.ItemImage.id)).where(m.ItemImage.item_id == m.CollectionItem.id).scalar_subquery()
        )
        q = select(
            m.CollectionItem.id, m.CollectionItem.object_number, m.CollectionItem.title, m.CollectionItem.alt_title,
            m.CollectionItem.maker, m.CollectionItem.period, m.CollectionItem.classification, m.CollectionItem.medium,
            image_count.label("image_count"), m.CollectionItem.version,
        ).where(m.CollectionItem.id.in_(list(ids)))
        by_id = {r.id: r for r in self.s.execute(q)}
        return [by_id[i] for i in ids if i in by_id]

    def count(self, flt=None) -> int:
        q = select(func.count(m.CollectionItem.id))
        cond, params = filter_sql(flt)
        if cond:
            q = q.where(text(cond).bindparams(**params))
        return self.s.execute(q).scalar_one()

    def facets(self, limit: int = 500) -> dict[str, list[str]]:
        """Distinct periods, classifications and tags (most used first) for the filter menus."""
        def top(col, table_filter=None):
            q = select(col, func.count()).group_by(col).order_by(func.count().desc(), col).limit(limit)
            return [v for v, _n in self.s.execute(q) if v]

        return {"period": top(m.CollectionItem.period), "classification": top(m.CollectionItem.classification),
                "tag": top(m.ItemTag.tag)}


class ProductRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    def get(self, product_id: int) -> m.Product | None:
        return self.s.get(m.Product, product_id)

    def by_sku(self, sku: str) -> m.Product | None:
        return self.s.scalars(select(m.Product).where(m.Product.sku == sku)).first()

    def add(self, product: m.Product) -> m.Product:
        self.s.add(product)
        return product

    def all_with_items(self) -> Sequence[m.Product]:
        q = select(m.Product).options(selectinload(m.Product.items)).order_by(m.Product.sku)
        return self.s.scalars(q).all()


class TourRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    def get(self, tour_id: int) -> m.Tour | None:
        return self.s.get(m.Tour, tour_id)

    def by_title(self, title: str) -> m.Tour | None:
        return self.s.scalars(select(m.Tour).where(m.Tour.title == title).order_by(m.Tour.id)).first()

    def add(self, tour: m.Tour) -> m.Tour:
        self.s.add(tour)
        return tour

    def all_with_segments(self, include_archived: bool = True) -> Sequence[m.Tour]:
        q = select(m.Tour).options(selectinload(m.Tour.segments)).order_by(m.Tour.title)
        if not include_archived:
            q = q.where(m.Tour.status != "archived")
        return self.s.scalars(q).all()

    def with_details(self, tour_id: int) -> m.Tour | None:
        q = (
            select(m.Tour)
            .where(m.Tour.id == tour_id)
            .options(
                selectinload(m.Tour.segments).selectinload(m.Segment.items),
                selectinload(m.Tour.segments).selectinload(m.Segment.products),
                selectinload(m.Tour.segments).selectinload(m.Segment.cues),
            )
        )
        return self.s.scalars(q).first()

    def whole(self, tour_id: int) -> m.Tour | None:
        """The tour with its museum, segments, their objects (with images), products and cues:
        one query per relation, however many segments there are."""
        segments = selectinload(m.Tour.segments)
        q = (
            select(m.Tour)
            .where(m.Tour.id == tour_id)
            .options(
                selectinload(m.Tour.museum),
                segments.selectinload(m.Segment.items).selectinload(m.SegmentItem.item)
                .selectinload(m.CollectionItem.images),
                segments.selectinload(m.Segment.products).selectinload(m.SegmentProduct.product),
                segments.selectinload(m.Segment.cues),
            )
        )
        return self.s.scalars(q).first()

    def segment(self, segment_id: int) -> m.Segment | None:
        return self.s.get(m.Segment, segment_id)

    def segment_with_links(self, segment_id: int) -> m.Segment | None:
        q = (
            select(m.Segment)
            .where(m.Segment.id == segment_id)
            .options(
                selectinload(m.Segment.items).selectinload(m.SegmentItem.item),
                selectinload(m.Segment.products).selectinload(m.SegmentProduct.product),
                selectinload(m.Segment.cues),
            )
        )
        return self.s.scalars(q).first()

    def templates(self) -> Sequence[m.Tour]:
        q = (select(m.Tour).where(m.Tour.is_template.is_(True)).options(selectinload(m.Tour.segments))
             .order_by(m.Tour.title, m.Tour.id))
        return self.s.scalars(q).all()

    def session_count(self, tour_id: int) -> int:
        return self.s.scalar(select(func.count(m.LiveSession.id)).where(m.LiveSession.tour_id == tour_id)) or 0

    def session_ids(self, tour_id: int) -> list[int]:
        return list(self.s.scalars(select(m.LiveSession.id).where(m.LiveSession.tour_id == tour_id)
                                   .order_by(m.LiveSession.id)))

    def version(self, version_id: int) -> m.TourVersion | None:
        return self.s.get(m.TourVersion, version_id)

    def versions(self, tour_id: int) -> Sequence[m.TourVersion]:
        q = (select(m.TourVersion).where(m.TourVersion.tour_id == tour_id)
             .order_by(m.TourVersion.created_at.desc(), m.TourVersion.id.desc()))
        return self.s.scalars(q).all()

    def items_by_ids(self, ids: Sequence[int]) -> dict[int, m.CollectionItem]:
        ids = list(dict.fromkeys(ids))
        out: dict[int, m.CollectionItem] = {}
        for start in range(0, len(ids), 500):
            q = select(m.CollectionItem).where(m.CollectionItem.id.in_(ids[start:start + 500]))
            out.update((i.id, i) for i in self.s.scalars(q))
        return out

    def items_by_numbers(self, numbers: Sequence[str]) -> dict[str, m.CollectionItem]:
        """Objects by object number (the lowest id wins when several museums share a number)."""
        numbers = list(dict.fromkeys(numbers))
        out: dict[str, m.CollectionItem] = {}
        for start in range(0, len(numbers), 500):
            q = (select(m.CollectionItem).where(m.CollectionItem.object_number.in_(numbers[start:start + 500]))
                 .order_by(m.CollectionItem.id.desc()))
            out.update((i.object_number, i) for i in self.s.scalars(q))
        return out

    def products_by_ids(self, ids: Sequence[int]) -> dict[int, m.Product]:
        ids = list(dict.fromkeys(ids))
        out: dict[int, m.Product] = {}
        for start in range(0, len(ids), 500):
            out.update((p.id, p) for p in self.s.scalars(select(m.Product).where(m.Product.id.in_(ids[start:start + 500]))))
        return out

    def products_by_skus(self, skus: Sequence[str]) -> dict[str, m.Product]:
        skus = list(dict.fromkeys(skus))
        out: dict[str, m.Product] = {}
        for start in range(0, len(skus), 500):
            out.update((p.sku, p) for p in self.s.scalars(select(m.Product).where(m.Product.sku.in_(skus[start:start + 500]))))
        return out

    def existing_segment_ids(self, ids: Sequence[int]) -> set[int]:
        ids = [i for i in dict.fromkeys(ids) if i]
        found: set[int] = set()
        for start in range(0, len(ids), 500):
            found.update(self.s.scalars(select(m.Segment.id).where(m.Segment.id.in_(ids[start:start + 500]))))
        return found

    def tour_id_taken(self, tour_id: int) -> bool:
        return self.s.get(m.Tour, tour_id) is not None

    def images_of(self, item_ids: Sequence[int]) -> dict[int, list[m.ItemImage]]:
        """The images of these objects, in their order, in one query per 500 objects."""
        ids = list(dict.fromkeys(item_ids))
        out: dict[int, list[m.ItemImage]] = {}
        for start in range(0, len(ids), 500):
            q = (select(m.ItemImage).where(m.ItemImage.item_id.in_(ids[start:start + 500]))
                 .order_by(m.ItemImage.item_id, m.ItemImage.position, m.ItemImage.id))
            for img in self.s.scalars(q):
                out.setdefault(img.item_id, []).append(img)
        return out


class ConnectionRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    def by_name(self, name: str) -> m.Connection | None:
        return self.s.scalars(select(m.Connection).where(m.Connection.name == name)).first()

    def add(self, connection: m.Connection) -> m.Connection:
        self.s.add(connection)
        return connection

    def all(self) -> Sequence[m.Connection]:
        return self.s.scalars(select(m.Connection).order_by(m.Connection.name)).all()


class SessionRepository:
    """Live sessions, their events, viewer samples, and the orders in their windows."""

    def __init__(self, session: Session) -> None:
        self.s = session

    def add(self, live: m.LiveSession) -> m.LiveSession:
        self.s.add(live)
        return live

    def all(self) -> Sequence[m.LiveSession]:
        q = (
            select(m.LiveSession)
            .options(selectinload(m.LiveSession.connection), selectinload(m.LiveSession.tour))
            .order_by(m.LiveSession.started_at.desc(), m.LiveSession.id.desc())
        )
        return self.s.scalars(q).all()

    def peak_viewers(self, session_ids: Sequence[int]) -> dict[int, int]:
        if not session_ids:
            return {}
        q = (
            select(m.ViewerSample.session_id, func.max(m.ViewerSample.viewers))
            .where(m.ViewerSample.session_id.in_(session_ids))
            .group_by(m.ViewerSample.session_id)
        )
        return {sid: int(v or 0) for sid, v in self.s.execute(q)}

    def order_lines_between(self, start, end) -> Sequence[tuple[str, int, Decimal, str, str]]:
        """(order id, quantity, unit price, currency, sku) for orders created in [start, end)."""
        q = (
            select(m.Order.platform_order_id, m.OrderLine.quantity, m.OrderLine.unit_price, m.OrderLine.currency, m.OrderLine.sku)
            .join(m.OrderLine, m.OrderLine.order_id == m.Order.id)
            .where(m.Order.created_at >= start, m.Order.created_at < end)
        )
        return self.s.execute(q).all()


class OrderRepository:
    """Store orders, keyed by (connection, platform order id) for exactly-once ingestion."""

    def __init__(self, session: Session) -> None:
        self.s = session

    def existing_ids(self, connection_id: int, platform_ids: Sequence[str]) -> set[str]:
        if not platform_ids:
            return set()
        found: set[str] = set()
        ids = list(dict.fromkeys(platform_ids))
        for start in range(0, len(ids), 500):  # stay under every backend's bound-parameter limit
            chunk = ids[start:start + 500]
            q = select(m.Order.platform_order_id).where(
                m.Order.connection_id == connection_id, m.Order.platform_order_id.in_(chunk)
            )
            found.update(self.s.scalars(q))
        return found

    def add(self, order: m.Order) -> m.Order:
        self.s.add(order)
        return order

    def insert_many(self, connection_id: int, orders: Sequence, product_ids: dict[str, int]) -> int:
        """Insert ``OrderInfo``-shaped orders (and their lines) in two batched statements."""
        if not orders:
            return 0
        from curator_console.persistence.models import utcnow

        now = utcnow()
        rows = [
            {"connection_id": connection_id, "platform_order_id": o.platform_order_id, "created_at": o.created_at,
             "currency": (o.currency or "CNY")[:3], "ingested_at": now}
            for o in orders
        ]
        orders_table = m.Order.__table__  # Core inserts: no ORM bookkeeping per row
        returned = self.s.execute(
            insert(orders_table).returning(orders_table.c.id, orders_table.c.platform_order_id,
                                           sort_by_parameter_order=True), rows
        ).all()
        ids = {platform_id: order_id for order_id, platform_id in returned}
        lines = [
            {"order_id": ids[o.platform_order_id], "line_no": no, "sku": ln.sku, "product_id": product_ids.get(ln.sku),
             "quantity": ln.quantity, "unit_price": ln.unit_price, "currency": (ln.currency or o.currency or "CNY")[:3]}
            for o in orders
            for no, ln in enumerate(o.lines, start=1)
        ]
        if lines:
            self.s.execute(insert(m.OrderLine.__table__), lines)
        return len(rows)

    def count_for(self, connection_id: int) -> int:
        return self.s.execute(select(func.count(m.Order.id)).where(m.Order.connection_id == connection_id)).scalar_one()

    def product_ids_by_sku(self, skus: Sequence[str]) -> dict[str, int]:
        if not skus:
            return {}
        q = select(m.Product.sku, m.Product.id).where(m.Product.sku.in_(list(set(skus))))
        return {sku: pid for sku, pid in self.s.execute(q)}


class Repositories:
    """All repositories over one session (the unit of work hands this out)."""

    def __init__(self, session: Session) -> None:
        self.museums = MuseumRepository(session)
        self.collection = CollectionRepository(session)
        self.collection_queries = CollectionQueries(session)
        self.products = ProductRepository(session)
        self.tours = TourRepository(session)
        self.connections = ConnectionRepository(session)
        self.sessions = SessionRepository(session)
        self.orders = OrderRepository(session)
