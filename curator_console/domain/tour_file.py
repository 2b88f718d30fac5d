"""The tour file (``.cctour``): one tour with the objects, products and images it uses, in one ZIP.

This module is the format without the database: the constants, plain records of what a file
holds, ``*_json`` functions that turn them into JSON-able values, ``parse_*`` functions that read
them back and refuse anything malformed with a message naming the member and the record, the
reference check and the rule for the imported tour's title. ``services/tour_transfer.py`` reads
and writes the database, the media store and the ZIP itself. See docs/tours.md, "Moving a tour to
another computer".

Members of the ZIP::

    manifest.json   format name and version, app version, export time, the museum, the tour's title
    tour.json       the tour's fields and its segments in running order (objects by object number,
                    products by SKU with the segment's pitch, live price and auto-feature, cues)
    objects.json    every object the tour shows: all fields, tags, image metadata
    products.json   every product the tour features: all fields, links to objects in objects.json
    media/<sha256>  the image files of those objects and products, named by their SHA-256

Money is decimal text ("138.00"), times ISO 8601 with an offset (written in UTC).
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation
from typing import Any

FORMAT_NAME = "curator-console-tour"
FORMAT_VERSION = 1  # what this version writes and the newest it reads
EXTENSION = ".cctour"

MANIFEST = "manifest.json"
TOUR = "tour.json"
OBJECTS = "objects.json"
PRODUCTS = "products.json"
MEDIA_DIR = "media/"
JSON_MEMBERS = (MANIFEST, TOUR, OBJECTS, PRODUCTS)

IMPORTED_SUFFIX = "imported"  # “Title (imported)”, “Title (imported 2)” …
MAX_TITLE = 500
INT_MIN, INT_MAX = -(2 ** 31), 2 ** 31 - 1  # an INTEGER column on every backend
MAX_SECONDS = 24 * 3600
MAX_MONEY = Decimal(10) ** 14

OBJECT_TEXT_FIELDS = (
    "title", "alt_title", "maker", "culture", "period", "date_text", "medium", "dimensions", "classification",
    "credit_line", "provenance", "description", "alt_description", "rights", "source", "source_ref",
)
OBJECT_YEAR_FIELDS = ("begin_year", "end_year")
MUSEUM_TEXT_FIELDS = ("alt_name", "city", "timezone", "description", "alt_description")

_SHA256 = re.compile(r"[0-9a-f]{64}")


class TourFileError(ValueError):
    """A tour file that cannot be written or read; the message says why in plain words, naming the
    file, and for a damaged file the member and the record."""


# --- records ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MuseumInfo:
    code: str
    name: str
    alt_name: str = ""
    city: str = ""
    timezone: str = "UTC"
    description: str = ""
    alt_description: str = ""


@dataclass(frozen=True)
class Manifest:
    format_version: int
    app_version: str
    exported_at: datetime
    museum: MuseumInfo
    tour_title: str = ""
    # Images the exporting computer did not have (its media folder lacked the file): the records
    # still name them, the file carries no media member for them.
    missing_media: tuple[str, ...] = ()


@dataclass(frozen=True)
class ImageRecord:
    sha256: str = ""  # "" for a remote image that was never fetched
    mime_type: str = ""
    width: int | None = None
    height: int | None = None
    byte_size: int | None = None
    original_name: str = ""
    source_url: str = ""
    caption: str = ""


@dataclass(frozen=True)
class ObjectRecord:
    object_number: str
    values: tuple[tuple[str, Any], ...] = ()  # OBJECT_TEXT_FIELDS and OBJECT_YEAR_FIELDS, in that order
    tags: tuple[str, ...] = ()
    images: tuple[ImageRecord, ...] = ()

    def value(self, name: str) -> Any:
        return dict(self.values).get(name, None if name in OBJECT_YEAR_FIELDS else "")


@dataclass(frozen=True)
class ProductRecord:
    sku: str
    title: str = ""
    alt_title: str = ""
    price: Decimal | None = None
    currency: str = "CNY"
    stock: int | None = None
    status: str = "active"
    url: str = ""
    image_sha256: str = ""
    image_url: str = ""
    external_id: str = ""
    synced_at: datetime | None = None
    connection: str = ""  # the store connection's name where it was exported (information only)
    objects: tuple[str, ...] = ()  # object numbers, all in objects.json


@dataclass(frozen=True)
class ProductLinkRecord:
    sku: str
    pitch: str = ""
    live_price: Decimal | None = None
    auto_feature: bool = False


@dataclass(frozen=True)
class CueRecord:
    kind: str = "text"
    text: str = ""


@dataclass(frozen=True)
class SegmentRecord:
    title: str = ""
    planned_seconds: int = 0
    script: str = ""
    script_alt: str = ""
    objects: tuple[str, ...] = ()
    products: tuple[ProductLinkRecord, ...] = ()
    cues: tuple[CueRecord, ...] = ()


@dataclass(frozen=True)
class TourRecord:
    title: str
    host: str = ""
    planned_start: datetime | None = None
    slot_seconds: int | None = None
    language: str = "zh_CN"
    status: str = "draft"
    is_template: bool = False
    notes: str = ""
    segments: tuple[SegmentRecord, ...] = ()


@dataclass(frozen=True)
class TourFile:
    """Everything a tour file holds except the image bytes."""

    manifest: Manifest
    tour: TourRecord
    objects: tuple[ObjectRecord, ...] = ()
    products: tuple[ProductRecord, ...] = ()

    def media_hashes(self) -> list[str]:
        """The SHA-256 of every stored image the records name (objects' images, products' pictures),
        each once, in the order they first appear."""
        shas = [img.sha256 for o in self.objects for img in o.images if img.sha256]
        shas += [p.image_sha256 for p in self.products if p.image_sha256]
        return list(dict.fromkeys(shas))


# --- writing ---------------------------------------------------------------------------------------


def iso(value: datetime | None) -> str | None:
    return value.astimezone(timezone.utc).isoformat() if value is not None else None


def money_text(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def manifest_json(manifest: Manifest) -> dict[str, Any]:
    museum = manifest.museum
    return {
        "format": FORMAT_NAME, "format_version": manifest.format_version, "app": "Curator Console",
        "app_version": manifest.app_version, "exported_at": iso(manifest.exported_at),
        "museum": {"code": museum.code, "name": museum.name,
                   **{k: getattr(museum, k) for k in MUSEUM_TEXT_FIELDS}},
        "tour_title": manifest.tour_title, "missing_media": list(manifest.missing_media),
    }


def tour_json(tour: TourRecord) -> dict[str, Any]:
    return {
        "title": tour.title, "host": tour.host, "planned_start": iso(tour.planned_start),
        "slot_seconds": tour.slot_seconds, "language": tour.language, "status": tour.status,
        "is_template": tour.is_template, "notes": tour.notes,
        "segments": [
            {"title": s.title, "planned_seconds": s.planned_seconds, "script": s.script, "script_alt": s.script_alt,
             "objects": list(s.objects),
             "products": [{"sku": p.sku, "pitch": p.pitch, "live_price": money_text(p.live_price),
                           "auto_feature": p.auto_feature} for p in s.products],
             "cues": [{"kind": c.kind, "text": c.text} for c in s.cues]}
            for s in tour.segments
        ],
    }


def image_json(img: ImageRecord) -> dict[str, Any]:
    return {"sha256": img.sha256, "mime_type": img.mime_type, "width": img.width, "height": img.height,
            "byte_size": img.byte_size, "original_name": img.original_name, "source_url": img.source_url,
            "caption": img.caption}


def objects_json(objects: Iterable[ObjectRecord]) -> list[dict[str, Any]]:
    return [
        {"object_number": o.object_number,
         **{k: o.value(k) for k in OBJECT_TEXT_FIELDS + OBJECT_YEAR_FIELDS},
         "tags": list(o.tags), "images": [image_json(i) for i in o.images]}
        for o in objects
    ]


def products_json(products: Iterable[ProductRecord]) -> list[dict[str, Any]]:
    return [
        {"sku": p.sku, "title": p.title, "alt_title": p.alt_title, "price": money_text(p.price),
         "currency": p.currency, "stock": p.stock, "status": p.status, "url": p.url,
         "image_sha256": p.image_sha256, "image_url": p.image_url, "external_id": p.external_id,
         "synced_at": iso(p.synced_at), "connection": p.connection, "objects": list(p.objects)}
        for p in products
    ]


def dump(value: Any) -> bytes:
    """A member's bytes: UTF-8 JSON, Chinese kept readable."""
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def json_members(tour_file: TourFile) -> dict[str, bytes]:
    """The four JSON members of a tour file, by name."""
    return {
        MANIFEST: dump(manifest_json(tour_file.manifest)),
        TOUR: dump(tour_json(tour_file.tour)),
        OBJECTS: dump(objects_json(tour_file.objects)),
        PRODUCTS: dump(products_json(tour_file.products)),
    }


# --- reading ---------------------------------------------------------------------------------------


def load_json(member: str, data: bytes) -> Any:
    """A member's JSON (numbers with a fraction as exact ``Decimal``); refuses text that is not
    UTF-8 or not JSON, naming the member, the line and the column."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TourFileError(f"{member} is not UTF-8 text (byte {exc.start}).") from None
    try:
        return json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise TourFileError(f"{member} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}).") from None
    except RecursionError:
        raise TourFileError(f"{member} is not valid JSON (nested too deeply).") from None


class _Where:
    """Where a value sits, for messages: ``tour.json: segment 2 (“Opening”): products[1]``."""

    def __init__(self, text: str) -> None:
        self.text = text

    def at(self, more: str) -> _Where:
        return _Where(f"{self.text}: {more}")

    def fail(self, problem: str) -> TourFileError:
        return TourFileError(f"{self.text}: {problem}")

    def obj(self, value: Any, what: str = "an object") -> Mapping[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(f"should be {what} ({{…}}), not {_kind(value)}.")
        return value

    def items(self, data: Mapping[str, Any], key: str) -> list[Any]:
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(f"“{key}” should be a list, not {_kind(value)}.")
        return value

    def text_value(self, data: Mapping[str, Any], key: str, *, required: bool = False) -> str:
        value = data.get(key)
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise self.fail(f"“{key}” should be text, not {_kind(value)}.")
        if required and not value.strip():
            raise self.fail(f"“{key}” is missing or empty.")
        return value

    def int_value(self, data: Mapping[str, Any], key: str, low: int = INT_MIN, high: int = INT_MAX, *,
                  optional: bool = True, default: int | None = None) -> int | None:
        value = data.get(key)
        if value is None:
            if optional:
                return default
            raise self.fail(f"“{key}” is missing.")
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(f"“{key}” should be a whole number, not {_kind(value)}.")
        if not low <= value <= high:
            raise self.fail(f"“{key}” is {value}; it must be between {low} and {high}.")
        return value

    def bool_value(self, data: Mapping[str, Any], key: str) -> bool:
        value = data.get(key, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise self.fail(f"“{key}” should be true or false, not {_kind(value)}.")
        return value

    def money_value(self, data: Mapping[str, Any], key: str) -> Decimal | None:
        value = data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
            raise self.fail(f"“{key}” should be an amount such as \"138.00\", not {_kind(value)}.")
        try:
            amount = value if isinstance(value, Decimal) else Decimal(str(value).strip())
        except InvalidOperation:
            raise self.fail(f"“{key}” “{value}” is not an amount of money.") from None
        if not amount.is_finite() or amount < 0 or amount >= MAX_MONEY:
            raise self.fail(f"“{key}” “{value}” is not an amount between 0 and {MAX_MONEY:,}.")
        if amount.as_tuple().exponent < -4:  # type: ignore[operator]
            raise self.fail(f"“{key}” “{value}” has more than 4 decimal places.")
        return amount

    def time_value(self, data: Mapping[str, Any], key: str, *, required: bool = False) -> datetime | None:
        value = data.get(key)
        if value is None or value == "":
            if required:
                raise self.fail(f"“{key}” is missing.")
            return None
        if not isinstance(value, str):
            raise self.fail(f"“{key}” should be a date and time such as \"2026-03-14T11:30:00+00:00\".")
        try:
            parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            raise self.fail(f"“{key}” “{value}” is not a date and time.") from None
        if parsed.tzinfo is None or parsed.utcoffset() is None:
            raise self.fail(f"“{key}” “{value}” has no time zone offset.")
        return parsed.astimezone(timezone.utc)

    def sha_value(self, data: Mapping[str, Any], key: str) -> str:
        value = self.text_value(data, key)
        if value and not _SHA256.fullmatch(value):
            raise self.fail(f"“{key}” “{value[:80]}” is not a SHA-256 (64 lowercase hexadecimal digits).")
        return value


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, Decimal, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text “{value[:40]}”"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def is_media_name(name: str) -> bool:
    """``media/<64 hex digits>``: a member holding an image."""
    return name.startswith(MEDIA_DIR) and bool(_SHA256.fullmatch(name[len(MEDIA_DIR):]))


def parse_manifest(value: Any) -> Manifest:
    """The manifest, or ``TourFileError``: not a tour file, made by a newer version, malformed."""
    where = _Where(MANIFEST)
    data = where.obj(value)
    if data.get("format") != FORMAT_NAME:
        raise where.fail(f"this is not a Curator Console tour file (“format” is {_kind(data.get('format'))}, "
                         f"not “{FORMAT_NAME}”).")
    version = data.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise where.fail(f"“format_version” should be a whole number from 1, not {_kind(version)}.")
    if version > FORMAT_VERSION:
        raise TourFileError(
            f"the file was made by a newer version of Curator Console ({data.get('app_version') or 'unknown'}, "
            f"tour file format {version}); this version reads format {FORMAT_VERSION} and older. "
            "Update Curator Console to import it.")
    museum_where = where.at("museum")
    museum = museum_where.obj(data.get("museum"))
    info = MuseumInfo(
        code=museum_where.text_value(museum, "code", required=True).strip(),
        name=museum_where.text_value(museum, "name", required=True),
        **{k: museum_where.text_value(museum, k) for k in MUSEUM_TEXT_FIELDS},
    )
    if not info.timezone:
        info = MuseumInfo(**{**info.__dict__, "timezone": "UTC"})
    missing = []
    for n, sha in enumerate(where.items(data, "missing_media"), start=1):
        if not isinstance(sha, str) or not _SHA256.fullmatch(sha):
            raise where.fail(f"“missing_media” entry {n} is not a SHA-256.")
        missing.append(sha)
    return Manifest(
        format_version=version, app_version=where.text_value(data, "app_version"),
        exported_at=where.time_value(data, "exported_at", required=True),  # type: ignore[arg-type]
        museum=info, tour_title=where.text_value(data, "tour_title"), missing_media=tuple(missing),
    )


def _image(where: _Where, value: Any) -> ImageRecord:
    data = where.obj(value)
    return ImageRecord(
        sha256=where.sha_value(data, "sha256"), mime_type=where.text_value(data, "mime_type"),
        width=where.int_value(data, "width", 0), height=where.int_value(data, "height", 0),
        byte_size=where.int_value(data, "byte_size", 0), original_name=where.text_value(data, "original_name"),
        source_url=where.text_value(data, "source_url"), caption=where.text_value(data, "caption"),
    )


def parse_objects(value: Any) -> tuple[ObjectRecord, ...]:
    where = _Where(OBJECTS)
    if not isinstance(value, list):
        raise where.fail(f"should be a list of objects, not {_kind(value)}.")
    out: list[ObjectRecord] = []
    seen: set[str] = set()
    for n, raw in enumerate(value, start=1):
        w = where.at(f"object {n}")
        data = w.obj(raw)
        number = w.text_value(data, "object_number", required=True)
        w = where.at(f"object {n} ({number})")
        if number in seen:
            raise w.fail("this object number is listed twice.")
        seen.add(number)
        values = [(k, w.text_value(data, k)) for k in OBJECT_TEXT_FIELDS]
        values += [(k, w.int_value(data, k)) for k in OBJECT_YEAR_FIELDS]
        tags = []
        for t, tag in enumerate(w.items(data, "tags"), start=1):
            if not isinstance(tag, str) or not tag.strip():
                raise w.fail(f"tag {t} should be non-empty text, not {_kind(tag)}.")
            tags.append(tag)
        images = tuple(_image(w.at(f"image {i}"), img) for i, img in enumerate(w.items(data, "images"), start=1))
        out.append(ObjectRecord(number, tuple(values), tuple(dict.fromkeys(tags)), images))
    return tuple(out)


def parse_products(value: Any) -> tuple[ProductRecord, ...]:
    where = _Where(PRODUCTS)
    if not isinstance(value, list):
        raise where.fail(f"should be a list of products, not {_kind(value)}.")
    out: list[ProductRecord] = []
    seen: set[str] = set()
    for n, raw in enumerate(value, start=1):
        w = where.at(f"product {n}")
        data = w.obj(raw)
        sku = w.text_value(data, "sku", required=True)
        w = where.at(f"product {n} ({sku})")
        if sku in seen:
            raise w.fail("this SKU is listed twice.")
        seen.add(sku)
        objects = []
        for k, number in enumerate(w.items(data, "objects"), start=1):
            if not isinstance(number, str) or not number:
                raise w.fail(f"object {k} should be an object number, not {_kind(number)}.")
            objects.append(number)
        out.append(ProductRecord(
            sku=sku, title=w.text_value(data, "title"), alt_title=w.text_value(data, "alt_title"),
            price=w.money_value(data, "price"), currency=w.text_value(data, "currency") or "CNY",
            stock=w.int_value(data, "stock", 0), status=w.text_value(data, "status") or "active",
            url=w.text_value(data, "url"), image_sha256=w.sha_value(data, "image_sha256"),
            image_url=w.text_value(data, "image_url"), external_id=w.text_value(data, "external_id"),
            synced_at=w.time_value(data, "synced_at"), connection=w.text_value(data, "connection"),
            objects=tuple(dict.fromkeys(objects)),
        ))
    return tuple(out)


def _segment(where: _Where, value: Any) -> SegmentRecord:
    data = where.obj(value)
    objects: list[str] = []
    for k, number in enumerate(where.items(data, "objects"), start=1):
        if not isinstance(number, str) or not number:
            raise where.fail(f"object {k} should be an object number, not {_kind(number)}.")
        if number in objects:
            raise where.fail(f"shows the object {number} twice.")
        objects.append(number)
    products: list[ProductLinkRecord] = []
    for k, raw in enumerate(where.items(data, "products"), start=1):
        w = where.at(f"product {k}")
        link = w.obj(raw)
        sku = w.text_value(link, "sku", required=True)
        if any(p.sku == sku for p in products):
            raise where.fail(f"features the product {sku} twice.")
        products.append(ProductLinkRecord(sku, w.text_value(link, "pitch"), w.money_value(link, "live_price"),
                                          w.bool_value(link, "auto_feature")))
    cues = []
    for k, raw in enumerate(where.items(data, "cues"), start=1):
        w = where.at(f"cue {k}")
        cue = w.obj(raw)
        cues.append(CueRecord(w.text_value(cue, "kind") or "text", w.text_value(cue, "text")))
    return SegmentRecord(
        title=where.text_value(data, "title"),
        planned_seconds=where.int_value(data, "planned_seconds", 0, MAX_SECONDS, default=0),  # type: ignore[arg-type]
        script=where.text_value(data, "script"), script_alt=where.text_value(data, "script_alt"),
        objects=tuple(objects), products=tuple(products), cues=tuple(cues),
    )


def parse_tour(value: Any) -> TourRecord:
    where = _Where(TOUR)
    data = where.obj(value)
    segments = []
    for n, raw in enumerate(where.items(data, "segments"), start=1):
        title = raw.get("title") if isinstance(raw, dict) else None
        label = f"segment {n} (“{title}”)" if isinstance(title, str) and title else f"segment {n}"
        segments.append(_segment(where.at(label), raw))
    return TourRecord(
        title=where.text_value(data, "title", required=True), host=where.text_value(data, "host"),
        planned_start=where.time_value(data, "planned_start"),
        slot_seconds=where.int_value(data, "slot_seconds", 1, MAX_SECONDS),
        language=where.text_value(data, "language") or "zh_CN", status=where.text_value(data, "status") or "draft",
        is_template=where.bool_value(data, "is_template"), notes=where.text_value(data, "notes"),
        segments=tuple(segments),
    )


def check_references(tour_file: TourFile, media_names: Collection[str]) -> None:
    """Refuse a file whose records name an object, a product or an image it does not carry:
    segment objects and products, products' objects, stored images (``media_names`` are the
    hashes with a ``media/`` member; the manifest's ``missing_media`` are allowed to lack one)."""
    numbers = {o.object_number for o in tour_file.objects}
    skus = {p.sku for p in tour_file.products}
    for n, seg in enumerate(tour_file.tour.segments, start=1):
        label = f"{TOUR}: segment {n}" + (f" (“{seg.title}”)" if seg.title else "")
        for number in seg.objects:
            if number not in numbers:
                raise TourFileError(f"{label} shows the object {number}, which is not in {OBJECTS}.")
        for link in seg.products:
            if link.sku not in skus:
                raise TourFileError(f"{label} features the product {link.sku}, which is not in {PRODUCTS}.")
    for p in tour_file.products:
        for number in p.objects:
            if number not in numbers:
                raise TourFileError(f"{PRODUCTS}: product {p.sku} is linked to the object {number}, "
                                    f"which is not in {OBJECTS}.")
    allowed = set(media_names) | set(tour_file.manifest.missing_media)
    for o in tour_file.objects:
        for img in o.images:
            if img.sha256 and img.sha256 not in allowed:
                raise TourFileError(f"{OBJECTS}: an image of the object {o.object_number} "
                                    f"({MEDIA_DIR}{img.sha256}) is not in the file.")
    for p in tour_file.products:
        if p.image_sha256 and p.image_sha256 not in allowed:
            raise TourFileError(f"{PRODUCTS}: the picture of the product {p.sku} "
                                f"({MEDIA_DIR}{p.image_sha256}) is not in the file.")


# --- importing -------------------------------------------------------------------------------------


def imported_title(title: str, taken: Collection[str], limit: int = MAX_TITLE) -> str:
    """The title an imported tour gets: its own when no tour has it yet, otherwise
    “Title (imported)”, then “Title (imported 2)”, “(imported 3)” … — the first one free. The
    title is shortened when the suffix would make it longer than ``limit``."""
    title = title[:limit] or "Tour"
    if title not in taken:
        return title
    n = 1
    while True:
        suffix = f" ({IMPORTED_SUFFIX})" if n == 1 else f" ({IMPORTED_SUFFIX} {n})"
        candidate = title[:limit - len(suffix)].rstrip() + suffix
        if candidate not in taken:
            return candidate
        n += 1

