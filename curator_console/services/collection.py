"""Collection use cases: list and edit objects."""

from __future__ import annotations

from curator_console.domain.records import ItemRow
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
            uow.commit()
        return old
