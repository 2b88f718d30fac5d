"""What every importer produces: one ``ObjectRecord`` per object, with its problems attached.

A record carries only the fields its source *has* (``fields``): a CSV column that is present sets
its field on every row (an empty cell empties it), a JSON key that is missing leaves the field as
it is on an existing object. ``tags`` / ``images`` are ``None`` when the source has no such column.

``problems`` make the service reject the row (no object number, an undecodable row, a year that
is not a whole number, more cells than headers …); ``warnings`` are kept with an imported object
(a text cut to its column's length, an image that could not be read …). Row numbers are the ones
a person sees: in a CSV the header is row 1 and the first data record row 2 (a record spanning
several lines because of quoted newlines is one row, as in a spreadsheet); in JSON the first object
is record 1; a IIIF manifest is record 1.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

# The fields an import can set, in the order the report and the mapping dialog show them.
FIELDS: tuple[str, ...] = (
    "object_number", "title", "alt_title", "maker", "culture", "period", "date_text", "begin_year", "end_year",
    "medium", "dimensions", "classification", "credit_line", "provenance", "description", "alt_description",
    "rights", "tags", "image", "source_ref",
)
# A true/false column (MetObjects.csv "Is Public Domain"): true sets ``rights`` to PUBLIC_DOMAIN.
PUBLIC_DOMAIN_FIELD = "is_public_domain"
PUBLIC_DOMAIN = "Public domain"
# Every target a column may be mapped to ("ignore" drops a column on purpose).
TARGETS: tuple[str, ...] = FIELDS + (PUBLIC_DOMAIN_FIELD,)
IGNORE = "ignore"

YEAR_FIELDS = ("begin_year", "end_year")
MULTI_FIELDS = ("tags", "image")
TEXT_FIELDS: tuple[str, ...] = tuple(f for f in FIELDS if f not in ("object_number", *YEAR_FIELDS, *MULTI_FIELDS))

# Multi-value cells: tags split on | and on ; / ； (Chinese exports); images only on |.
TAG_SPLIT = re.compile(r"[|;；]")
IMAGE_SPLIT = re.compile(r"\|")
_YEAR = re.compile(r"^[+-]?\d{1,10}(?:\.0*)?$")
INT32 = (-(2**31), 2**31 - 1)
_TRUE = frozenset({"true", "t", "yes", "y", "1", "是", "真", "x", "✓"})


class ImportFileError(Exception):
    """A file that cannot be imported at all (unreadable, not CSV/JSON, no header …).
    The message names the file and says what to do."""


@dataclass(frozen=True, slots=True)
class RowProblem:
    """One problem in one row: ``field`` is a field name (``object_number``, ``begin_year``,
    ``image`` …) or ``row`` for the row as a whole (undecodable bytes, ragged row)."""

    row: int
    field: str
    reason: str
    object_number: str = ""


@dataclass(frozen=True, slots=True)
class ObjectRecord:
    row: int
    object_number: str
    fields: Mapping[str, str | int | None]
    tags: tuple[str, ...] | None = None
    images: tuple[str, ...] | None = None  # file paths (relative to the import file's folder) or URLs
    source: str = ""  # csv / json / iiif / met / aic …
    problems: tuple[RowProblem, ...] = ()
    warnings: tuple[RowProblem, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class ImportProgress:
    rows_done: int
    rows_total_estimate: int
    rows_per_s: float
    seconds_left: float | None  # None until there is a rate to go by


@dataclass
class ImportReport:
    """What an import did. ``rejected`` may hold several problems of one row; ``rejected_rows``
    counts rows. ``warnings`` belong to objects that were imported anyway."""

    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)
    unknown_headers: list[str] = field(default_factory=list)
    encoding: str = ""
    delimiter: str = ""
    format: str = ""
    path: str = ""
    museum: str = ""

    @property
    def rejected_rows(self) -> int:
        return len({p.row for p in self.rejected})

    def summary_line(self) -> str:
        return f"imported={self.imported} updated={self.updated} rejected={self.rejected_rows}"


@dataclass(frozen=True)
class Preview:
    """The first rows of a file as the mapping dialog shows them."""

    headers: list[str]
    rows: list[list[str]]
    auto_mapping: dict[str, str]  # header → target(s) ("" when nothing matched)
    encoding: str
    delimiter: str
    unknown_headers: list[str]
    format: str = "csv"


# --- values --------------------------------------------------------------------------------


def clean_text(value: object) -> str:
    """A cell as stored: trimmed, NUL-free (PostgreSQL refuses NUL), newlines as ``\\n``."""
    if type(value) is str:  # the common case first: a CSV cell
        if "\x00" not in value and "\r" not in value:
            return value.strip()
    elif value is None:
        return ""
    elif isinstance(value, bool):
        value = "true" if value else "false"
    elif isinstance(value, (list, tuple)):
        value = "; ".join(t for t in (clean_text(v) for v in value) if t)
    elif not isinstance(value, str):
        value = str(value)
    if "\x00" in value:
        value = value.replace("\x00", "")
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.strip()


def parse_year(value: object) -> tuple[int | None, str | None]:
    """(year, None) or (None, reason). Empty → no year. ``1403``, ``-200``, ``1403.0`` are years."""
    if type(value) is str:
        stripped = value.strip()
        if not stripped:
            return None, None
        if len(stripped) < 10 and stripped.isascii() and stripped.isdigit():  # the common case
            return int(stripped), None
    if value is None or isinstance(value, bool):
        return (None, None) if value is None else (None, f"“{value}” is not a year")
    if isinstance(value, int):
        year = value
    else:
        text = clean_text(value)
        if not text:
            return None, None
        if not _YEAR.match(text):
            return None, f"“{text[:40]}” is not a whole number (a year such as 1403 or -200)"
        year = int(text.split(".")[0])
    if not INT32[0] <= year <= INT32[1]:
        return None, f"{year} is out of range for a year"
    return year, None


def is_true(value: object) -> bool:
    if isinstance(value, bool):
        return value
    return clean_text(value).lower() in _TRUE


def split_multi(value: object, pattern: re.Pattern[str]) -> tuple[str, ...]:
    """A multi-value cell (or a JSON list, or several columns' cells) as unique, trimmed values."""
    parts: list[str] = []

    def add(item: object) -> None:
        if item is None:
            return
        if isinstance(item, (list, tuple)):
            for inner in item:
                add(inner)
            return
        if isinstance(item, dict):  # e.g. the Met API's tags: [{"term": "Flowers", …}]
            item = item.get("term") or item.get("label") or item.get("value") or item.get("name") or ""
        text = clean_text(item)
        if text:
            parts.extend(p.strip() for p in pattern.split(text))

    add(value)
    return tuple(dict.fromkeys(p for p in parts if p))


def make_record(row: int, values: Mapping[str, object], source: str,
                problems: Iterable[RowProblem] = (), warnings: Iterable[RowProblem] = ()) -> ObjectRecord:
    """A record from raw values keyed by target (only the targets the source has). Text is
    cleaned, years parsed, multi-values split; problems found here are attached to the record."""
    found = list(problems)
    number = clean_text(values.get("object_number"))
    if not number:
        found.append(RowProblem(row, "object_number", "no object number"))
    fields: dict[str, str | int | None] = {}
    for name, raw in values.items():
        if name in _TEXT_SET:
            fields[name] = raw.strip() if type(raw) is str and "\x00" not in raw and "\r" not in raw \
                else clean_text(raw)
        elif name in _YEAR_SET:
            year, error = parse_year(raw)
            if error:
                found.append(RowProblem(row, name, error, number))
            else:
                fields[name] = year
    if PUBLIC_DOMAIN_FIELD in values:
        if is_true(values[PUBLIC_DOMAIN_FIELD]):
            fields["rights"] = PUBLIC_DOMAIN
        else:
            fields.setdefault("rights", "")
    tags = split_multi(values["tags"], TAG_SPLIT) if "tags" in values else None
    images = split_multi(values["image"], IMAGE_SPLIT) if "image" in values else None
    if found:
        found = [p if p.object_number or not number else RowProblem(p.row, p.field, p.reason, number) for p in found]
    return ObjectRecord(row, number, fields, tags, images, source, tuple(found), tuple(warnings))


_TEXT_SET = frozenset(TEXT_FIELDS)
_YEAR_SET = frozenset(YEAR_FIELDS)
