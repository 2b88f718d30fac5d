"""Store use cases: the product catalogue and its links to collection objects."""

from __future__ import annotations

from curator_console.domain.records import ProductRow
from curator_console.persistence.unit_of_work import UnitOfWork


def list_products(uow: UnitOfWork) -> list[ProductRow]:
    with uow:
        return [
            ProductRow(
                id=p.id, sku=p.sku, title=p.title, alt_title=p.alt_title, price=p.price, currency=p.currency,
                stock=p.stock, status=p.status, linked_objects=tuple(i.object_number for i in p.items),
                version=p.version,
            )
            for p in uow.repos.products.all_with_items()
        ]
