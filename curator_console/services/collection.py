"""Collection use cases: list and edit objects."""

from __future__ import annotations

from curator_console.domain.records import ItemRow
from curator_console.domain.search import CollectionFilter
from curator_console.persistence.search import SearchIndex
from curator_console.persistence.unit_of_work import UnitOfWork

# Fields a person may edit in place; each maps to a column of CollectionItem.
EDITABLE_TEXT_FIELDS = (
    "object_number", "title", "alt_title", "maker", "culture", "period", "date_text", "medium",
    "dimensions", "classification", "credit_line", "provenance", "description", "alt_description", "rights",
)


class ValidationError(ValueError):
    """An edit that cannot be saved; the message names the field."""


def _row(r) -> ItemRow:
    return ItemRow(
        id=r.id, object_number=r.object_number, title=r.title, alt_title=r.alt_title, maker=r.maker,
        period=r.period, classification=r.classification, medium=r.medium,
        image_count=int(r.image_count or 0), version=r.version,
    )


def list_items(uow: UnitOfWork, text: str = "", limit: int = 500, after: str | None = None) -> list[ItemRow]:
    with uow:
        return [_row(r) for r in uow.repos.collection.list_rows(text, limit=limit, after_object_number=after)]


def count_items(uow: UnitOfWork, text: str = "") -> int:
    with uow:
        return uow.repos.collection.count(text)


def update_item_field(uow: UnitOfWork, item_id: int, field: str, value: str) -> str:
    """Set one text field of an object and commit. Returns the previous value (for undo)."""
    if field not in EDITABLE_TEXT_FIELDS:
        raise ValidationError(f"“{field}” cannot be edited here.")
    value = value.strip()
    if field == "object_number" and not value:
        raise ValidationError("The object number cannot be empty.")
    with uow:
        item = uow.repos.collection.get(item_id)
        if item is None:
            raise ValidationError("This object no longer exists.")
        if field == "object_number" and value != item.object_number:
            if uow.repos.collection.by_object_number(item.museum_id, value) is not None:
                raise ValidationError(f"Another object already has the number “{value}”.")
        old = getattr(item, field)
        if old != value:
            setattr(item, field, value)
            uow.session.flush()
            SearchIndex(uow.session).index_items([item])
            uow.commit()
        return old


# --- search and browsing ---------------------------------------------------------------------


def search(uow: UnitOfWork, query: str, limit: int = 50, flt: CollectionFilter | None = None) -> list[ItemRow]:
    """The best ``limit`` objects for ``query``: exact object number first, then matches in object
    numbers and titles, then maker and tags, then anywhere (see ``persistence.search``)."""
    from curator_console.persistence.repositories import filter_sql

    with uow:
        cond, params = filter_sql(flt)
        hits = SearchIndex(uow.session).ranked(query, limit, within=cond, within_params=params)
        return [_row(r) for r in uow.repos.collection_queries.rows_by_ids([h.item_id for h in hits])]


def result_ids(uow: UnitOfWork, query: str = "", flt: CollectionFilter | None = None,
               sort: str | None = None, descending: bool = False) -> list[int]:
    """Every object id the view shows, in display order: the whole collection (or a filter of it)
    by ``sort``; or the matches of ``query``, ranked (``sort`` None) or by ``sort``. (The
    Collection view uses ``collection_objects.result_id_array``, the same ids streamed into a
    compact array.)"""
    from curator_console.services.collection_objects import result_id_array

    return list(result_id_array(uow, query, flt, sort, descending))


def rows_by_ids(uow: UnitOfWork, ids: list[int]) -> list[ItemRow]:
    with uow:
        return [_row(r) for r in uow.repos.collection_queries.rows_by_ids(ids)]


def facets(uow: UnitOfWork) -> dict[str, list[str]]:
    with uow:
        return uow.repos.collection_queries.facets()


def rebuild_search_index(uow: UnitOfWork) -> int:
    with uow:
        n = SearchIndex(uow.session).rebuild()
        uow.commit()
        return n
