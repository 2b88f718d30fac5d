"""Collection sources over HTTP: The Met and the Art Institute of Chicago (search, pick, import
with images), IIIF Presentation 2 and 3 manifests, and remote images fetched into the media store.

How an import from a source runs (``import_from_met`` / ``import_from_aic`` / ``import_iiif_manifest``):

1. **fetch** the records from the source, paced by the shared ``HttpClient`` (The Met: under 80
   requests a second; AIC: one a second). Nothing is written yet, so cancelling here (or a source
   failing) leaves the database as it was. Ids the source does not know are skipped and named in
   the report's warnings.
2. **save** them through ``services.collection_import.import_records`` — the same transactional
   upsert by object number, report and rejection rules as a CSV or JSON import. Images go in as
   remote ``ItemImage`` rows (``source_url`` set, ``sha256`` empty): no network call happens
   inside the database transaction.
3. **images**: the imported objects' remote images are downloaded into the media store
   (``fetch_missing_images``), each committed on its own. A failed download is a warning on the
   report, never a failure of the import; the row keeps its URL and no hash, so "fetch missing
   images" can try again later. Cancelling here keeps the objects and the images fetched so far.

``progress`` receives ``SourceProgress(stage, done, total)`` with ``stage`` one of ``"fetching"``,
``"saving"``, ``"images"``; ``cancelled()`` is polled between requests and rows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, NamedTuple
from urllib.parse import unquote, urlsplit

from sqlalchemy import or_, select

from curator_console.connectors import aic, met
from curator_console.connectors.errors import PlatformError, RateLimitedError
from curator_console.connectors.http import HttpClient, safe_url
from curator_console.connectors.iiif_fetch import ImageFetchError, fetch_image_bytes, fetch_manifest
from curator_console.importers.iiif import records_from_manifest
from curator_console.importers.records import (
    FIELDS,
    ImportProgress,
    ImportReport,
    ObjectRecord,
    RowProblem,
    make_record,
)
from curator_console.persistence import models as m
from curator_console.persistence.media import MAX_IMAGE_BYTES, MediaError, MediaStore
from curator_console.persistence.unit_of_work import UnitOfWork
from curator_console.services import collection_import

log = logging.getLogger(__name__)

UowFactory = Callable[[], UnitOfWork]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class SourceProgress:
    stage: str  # "fetching" | "saving" | "images"
    done: int
    total: int


Progress = Callable[[SourceProgress], None]


@dataclass(frozen=True)
class SourceHit:
    """One search result to pick from: ``object_id`` is what ``import_from_met`` / ``import_from_aic`` take."""

    source: str  # "met" | "aic"
    object_id: str
    title: str
    artist: str
    date: str
    thumbnail_url: str
    object_number: str = ""
    source_ref: str = ""  # the object's page at the museum


@dataclass(frozen=True)
class SourcePage:
    """One page of search results with the source's paging."""

    hits: list[SourceHit]
    total: int
    page: int
    total_pages: int


class FailedImage(NamedTuple):
    item: str  # the object number
    url: str
    reason: str


@dataclass
class FetchSummary:
    fetched: int = 0
    failed: list[FailedImage] = field(default_factory=list)
    cancelled: bool = False
    stopped: str = ""  # why the rest were not tried (a server asking us to slow down)
    not_tried: list[FailedImage] = field(default_factory=list)  # left for later (cancelled or stopped)

    def line(self) -> str:
        return f"fetched={self.fetched} failed={len(self.failed)}"


def _check(cancelled: Cancelled | None) -> bool:
    return cancelled is not None and cancelled()


def _report(progress: Progress | None, stage: str, done: int, total: int) -> None:
    if progress is not None:
        progress(SourceProgress(stage, done, total))


# --- search --------------------------------------------------------------------------------------


def _met_hit(obj: dict[str, Any]) -> SourceHit:
    fields = met.object_fields(obj)
    return SourceHit(
        source=met.SOURCE, object_id=met.text(obj.get("objectID")), title=fields["title"],
        artist=fields["maker"], date=fields["date_text"],
        thumbnail_url=met.text(obj.get("primaryImageSmall")) or (fields["images"][0] if fields["images"] else ""),
        object_number=fields["object_number"], source_ref=fields["source_ref"],
    )


def iter_met_hits(client: HttpClient, query: str, has_images: bool = True, *, offset: int = 0,
                  base_url: str = met.DEFAULT_BASE_URL, cancelled: Cancelled | None = None) -> Iterator[SourceHit]:
    """Met search results one by one: one search request, then each object's details fetched
    only when the next hit is asked for (paced). Ids the Met no longer serves are skipped;
    ``offset`` skips that many ids of the search result."""
    api = met.MetCollection(client, base_url)
    for object_id in api.search(query, has_images)[max(0, offset):]:
        if _check(cancelled):
            return
        obj = api.object(object_id)
        if obj is not None:
            yield _met_hit(obj)


MET_API = met.DEFAULT_BASE_URL
AIC_API = aic.DEFAULT_BASE_URL
THUMBNAIL_MAX_BYTES = 2 * 1024 * 1024


def thumbnail_bytes(client: HttpClient, url: str, max_bytes: int = THUMBNAIL_MAX_BYTES) -> bytes:
    """The (small) preview image of a search hit, refused above ``max_bytes``; errors as the
    client raises them (``PlatformError``) or ``ImageFetchError`` for an unusable answer."""
    return fetch_image_bytes(client, url, max_bytes)


def display_address(url: str) -> str:
    """An address as shown to people: without query string or credentials."""
    return safe_url(url)


def search_met(client: HttpClient, query: str, has_images: bool = True, limit: int = 20, *, offset: int = 0,
               base_url: str = met.DEFAULT_BASE_URL, cancelled: Cancelled | None = None) -> list[SourceHit]:
    """Up to ``limit`` Met objects matching ``query`` (see ``iter_met_hits``)."""
    return list(islice(iter_met_hits(client, query, has_images, offset=offset, base_url=base_url,
                                     cancelled=cancelled), max(0, limit)))


def search_aic(client: HttpClient, query: str, page: int = 1, limit: int = 20, *,
               base_url: str = aic.DEFAULT_BASE_URL) -> SourcePage:
    """One page (``limit`` ≤ 100) of AIC artworks matching ``query``: one request."""
    result = aic.AicCollection(client, base_url).search(query, page=page, limit=limit)
    hits = [
        SourceHit(source=aic.SOURCE, object_id=met.text(art.get("id")), title=fields["title"],
                  artist=fields["maker"], date=fields["date_text"],
                  thumbnail_url=aic.image_url(result.iiif_url, met.text(art.get("image_id")), 200),
                  object_number=fields["object_number"], source_ref=fields["source_ref"])
        for art, fields in zip(result.artworks, result.items)
    ]
    return SourcePage(hits, result.total, result.current_page, result.total_pages)


# --- records -------------------------------------------------------------------------------------


def record_from_fields(row: int, fields: dict[str, Any], source: str) -> ObjectRecord:
    """A connector's field dict (``met.object_fields`` / ``aic.artwork_fields``) as an import record."""
    values: dict[str, object] = {k: v for k, v in fields.items() if k in FIELDS}
    values["image"] = list(fields.get("images") or [])
    values["tags"] = list(fields.get("tags") or [])
    return make_record(row, values, source)


def _unique_ids(ids: Iterable[int | str]) -> list[str]:
    return list(dict.fromkeys(str(i).strip() for i in ids if str(i).strip()))


def met_records(client: HttpClient, object_ids: Iterable[int | str], *, base_url: str = met.DEFAULT_BASE_URL,
                progress: Progress | None = None, cancelled: Cancelled | None = None
                ) -> tuple[list[ObjectRecord], list[RowProblem]]:
    """Records of these Met objects (row = position in ``object_ids``, from 1) and warnings for
    the ids the Met does not know. Raises ``collection_import.ImportCancelled`` when cancelled."""
    api = met.MetCollection(client, base_url)
    ids = _unique_ids(object_ids)
    records: list[ObjectRecord] = []
    skipped: list[RowProblem] = []
    for row, object_id in enumerate(ids, start=1):
        if _check(cancelled):
            raise collection_import.ImportCancelled()
        obj = api.object(object_id)
        if obj is None:
            skipped.append(RowProblem(row, "row", f"The Met has no object {object_id} (withdrawn or never "
                                                  "published); skipped"))
        else:
            records.append(record_from_fields(row, met.object_fields(obj), met.SOURCE))
        _report(progress, "fetching", row, len(ids))
    return records, skipped


def aic_records(client: HttpClient, artwork_ids: Iterable[int | str], *, base_url: str = aic.DEFAULT_BASE_URL,
                progress: Progress | None = None, cancelled: Cancelled | None = None
                ) -> tuple[list[ObjectRecord], list[RowProblem]]:
    """Records of these AIC artworks (100 per request) and warnings for ids AIC does not know."""
    api = aic.AicCollection(client, base_url)
    ids = _unique_ids(artwork_ids)
    records: list[ObjectRecord] = []
    skipped: list[RowProblem] = []
    for start in range(0, len(ids), aic.MAX_LIMIT):
        if _check(cancelled):
            raise collection_import.ImportCancelled()
        chunk = ids[start:start + aic.MAX_LIMIT]
        result = api.artworks(chunk)
        by_id = {met.text(a.get("id")): f for a, f in zip(result.artworks, result.items)}
        for row, art_id in enumerate(chunk, start=start + 1):
            if art_id in by_id:
                records.append(record_from_fields(row, by_id[art_id], aic.SOURCE))
            else:
                skipped.append(RowProblem(row, "row", f"The Art Institute of Chicago has no artwork {art_id}; "
                                                      "skipped"))
        _report(progress, "fetching", min(start + len(chunk), len(ids)), len(ids))
    return records, skipped


# --- imports -------------------------------------------------------------------------------------


def _save(uow_factory: UowFactory, media: MediaStore, records: Sequence[ObjectRecord], progress: Progress | None,
          cancelled: Cancelled | None, fmt: str, path: str) -> ImportReport:
    total = len(records)

    def saving(p: ImportProgress) -> None:
        _report(progress, "saving", p.rows_done, total)

    report = collection_import.import_records(uow_factory(), records, total=total, source_label=fmt,
                                              media_dir=media.root, progress=saving, cancelled=cancelled)
    report.path = path
    return report


def _import_with_images(uow_factory: UowFactory, client: HttpClient, media: MediaStore,
                        records: list[ObjectRecord], skipped: list[RowProblem], progress: Progress | None,
                        cancelled: Cancelled | None, fmt: str, path: str, fetch_images: bool,
                        allow_insecure_http: bool = False) -> ImportReport:
    report = _save(uow_factory, media, records, progress, cancelled, fmt, path)
    report.warnings.extend(skipped)
    rejected = {p.row for p in report.rejected}
    rows = {r.object_number: r.row for r in records if r.row not in rejected and r.images}
    if fetch_images and rows:
        summary = fetch_missing_images(uow_factory, client, media, progress=progress, cancelled=cancelled,
                                       object_numbers=list(rows), allow_insecure_http=allow_insecure_http)
        for failure in summary.failed:
            report.warnings.append(RowProblem(rows.get(failure.item, 0), "image",
                                              f"{safe_url(failure.url)}: {failure.reason}", failure.item))
        why = "the download was cancelled" if summary.cancelled else summary.stopped
        for left in summary.not_tried:
            report.warnings.append(RowProblem(rows.get(left.item, 0), "image",
                                              f"{safe_url(left.url)}: not fetched yet ({why}); fetching missing "
                                              "images later gets it", left.item))
    report.warnings.sort(key=lambda p: p.row)  # stable: each row's warnings keep their order
    return report


def import_from_met(uow_factory: UowFactory, client: HttpClient, object_ids: Iterable[int | str],
                    media: MediaStore, progress: Progress | None = None, cancelled: Cancelled | None = None, *,
                    base_url: str = met.DEFAULT_BASE_URL, fetch_images: bool = True) -> ImportReport:
    """Import these Met objects (ids from ``search_met``) with their images; see the module doc."""
    records, skipped = met_records(client, object_ids, base_url=base_url, progress=progress, cancelled=cancelled)
    return _import_with_images(uow_factory, client, media, records, skipped, progress, cancelled,
                               "met", safe_url(base_url), fetch_images)


def import_from_aic(uow_factory: UowFactory, client: HttpClient, artwork_ids: Iterable[int | str],
                    media: MediaStore, progress: Progress | None = None, cancelled: Cancelled | None = None, *,
                    base_url: str = aic.DEFAULT_BASE_URL, fetch_images: bool = True) -> ImportReport:
    """Import these AIC artworks (ids from ``search_aic``) with their images; see the module doc."""
    records, skipped = aic_records(client, artwork_ids, base_url=base_url, progress=progress, cancelled=cancelled)
    return _import_with_images(uow_factory, client, media, records, skipped, progress, cancelled,
                               "aic", safe_url(base_url), fetch_images)


def import_iiif_manifest(uow_factory: UowFactory, client: HttpClient, url: str, media: MediaStore,
                         progress: Progress | None = None, cancelled: Cancelled | None = None, *,
                         mapping: dict[str, str] | None = None, allow_insecure_http: bool = False,
                         fetch_images: bool = True) -> ImportReport:
    """Import the object a IIIF Presentation 2 or 3 manifest at ``url`` describes, with its images.
    A document that is not a manifest raises ``connectors.iiif_fetch.NotAManifestError``."""
    _report(progress, "fetching", 0, 1)
    data = fetch_manifest(client, url, allow_insecure_http=allow_insecure_http)
    if _check(cancelled):
        raise collection_import.ImportCancelled()
    records = records_from_manifest(data, source_url=url, mapping=mapping)
    _report(progress, "fetching", 1, 1)
    return _import_with_images(uow_factory, client, media, records, [], progress, cancelled,
                               "iiif", safe_url(url), fetch_images, allow_insecure_http)


# --- images --------------------------------------------------------------------------------------


def _name_from(url: str) -> str:
    path = urlsplit(url).path
    return unquote(path.rstrip("/").rsplit("/", 1)[-1])[:200]


def _pending_images(uow_factory: UowFactory, limit: int | None, object_numbers: Sequence[str] | None,
                    item_ids: Sequence[int] | None) -> list[tuple[int, str, str]]:
    """(image id, URL, object number) of remote images not fetched yet, oldest first."""
    base = (
        select(m.ItemImage.id, m.ItemImage.source_url, m.CollectionItem.object_number)
        .join(m.CollectionItem, m.CollectionItem.id == m.ItemImage.item_id)
        .where(m.ItemImage.sha256 == "")
        .where(or_(m.ItemImage.source_url.like("http://%"), m.ItemImage.source_url.like("https://%")))
        .order_by(m.ItemImage.id)
    )
    out: list[tuple[int, str, str]] = []
    uow = uow_factory()
    with uow:
        if object_numbers is None and item_ids is None:
            q = base.limit(limit) if limit is not None else base
            return [tuple(r) for r in uow.session.execute(q)]
        if object_numbers is not None:
            # Object numbers are unique within a museum; imports go to the first museum.
            museum = uow.repos.museums.first()
            if museum is None:
                return []
            base = base.where(m.CollectionItem.museum_id == museum.id)
            column, keys = m.CollectionItem.object_number, list(object_numbers)
        else:
            column, keys = m.ItemImage.item_id, list(item_ids or [])
        for start in range(0, len(keys), 500):
            out.extend(tuple(r) for r in uow.session.execute(base.where(column.in_(keys[start:start + 500]))))
    out.sort()
    return out[:limit] if limit is not None else out


def fetch_missing_images(uow_factory: UowFactory, client: HttpClient, media: MediaStore, limit: int | None = None,
                         progress: Progress | None = None, cancelled: Cancelled | None = None, *,
                         object_numbers: Sequence[str] | None = None, item_ids: Sequence[int] | None = None,
                         max_bytes: int | None = None, allow_insecure_http: bool = False) -> FetchSummary:
    """Download remote images (``ItemImage`` rows with a ``source_url`` and no ``sha256``) into
    the media store, at most ``limit``, optionally only those of some objects.

    Each image is committed on its own as soon as it is stored. Anything that goes wrong with one
    image — unreachable, 404, too large, not an image, rate limited — is recorded in ``failed``
    with a plain reason and its row stays as it was; nothing here raises for one bad image.
    """
    cap = min(max_bytes or MAX_IMAGE_BYTES, MAX_IMAGE_BYTES)  # never above what the media store takes
    todo = _pending_images(uow_factory, limit, object_numbers, item_ids)
    summary = FetchSummary()
    _report(progress, "images", 0, len(todo))
    for done, (image_id, url, number) in enumerate(todo, start=1):
        if _check(cancelled):
            summary.cancelled = True
            summary.not_tried.extend(FailedImage(n, u, "cancelled") for _i, u, n in todo[done - 1:])
            break
        reason = ""
        try:
            data = fetch_image_bytes(client, url, cap, allow_insecure_http=allow_insecure_http)
            info = media.add_bytes(data, _name_from(url))
        except RateLimitedError as exc:  # the server wants a pause: stop asking, keep the rest for later
            summary.failed.append(FailedImage(number, url, str(exc)))
            summary.stopped = str(exc)
            summary.not_tried.extend(FailedImage(n, u, "not tried") for _i, u, n in todo[done:])
            break
        except (PlatformError, ImageFetchError, MediaError) as exc:
            reason = str(exc)
        except Exception as exc:  # never let one image stop the rest
            log.exception("fetching image %s failed", safe_url(url))
            reason = f"unexpected error ({type(exc).__name__})"
        if reason:
            summary.failed.append(FailedImage(number, url, reason))
        else:
            uow = uow_factory()
            with uow:
                image = uow.session.get(m.ItemImage, image_id)
                if image is not None and not image.sha256:  # deleted or fetched meanwhile: leave it
                    image.sha256 = info.sha256
                    image.mime_type = info.mime_type
                    image.width, image.height, image.byte_size = info.width, info.height, info.byte_size
                    image.original_name = image.original_name or _name_from(url)
                    uow.commit()
            summary.fetched += 1
        _report(progress, "images", done, len(todo))
    return summary
