"""Preparing the embedded simulator to play this museum's own shop (its products and the
collection objects they belong to), so rehearsal orders are for real SKUs."""

from __future__ import annotations

from curator_console.connectors.simulator import platform as sim
from curator_console.persistence.unit_of_work import UnitOfWork


def catalog_from_database(uow: UnitOfWork) -> list[dict]:
    with uow:
        return [
            {
                "sku": p.sku, "title": p.title, "price": str(p.price) if p.price is not None else None,
                "currency": p.currency, "stock": p.stock, "url": p.url, "image_url": p.image_url,
                "status": p.status, "objects": [i.object_number for i in p.items],
            }
            for p in uow.repos.products.all_with_items()
            if p.price is not None
        ]


def prepare_embedded(uow: UnitOfWork, seed: int | None = None, speed: float = 1.0) -> None:
    """Before the embedded simulator first starts: sell the database's products (demo ones if none)."""
    if sim.is_running():
        return
    catalog = catalog_from_database(uow)
    sim.configure(catalog=catalog or None, seed=seed, speed=speed)
