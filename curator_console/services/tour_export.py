"""Export a tour as a document: the run-of-show PDF or its cue cards.

``find_tour`` resolves what a person typed (an id or an exact title) to a tour id;
``export_tour_pdf`` reads the whole tour, loads the objects' thumbnails from the media store and
writes the PDF. The words of the document (``labels``) come from the caller, already translated.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path

from sqlalchemy import select

from curator_console.domain.timing import ReadingSpeed
from curator_console.persistence import models as m
from curator_console.persistence.media import MediaStore
from curator_console.persistence.unit_of_work import UnitOfWork
from curator_console.services import tours as tours_svc

MAX_LISTED = 8  # tours named in a "not found" message


class TourExportError(ValueError):
    """The tour cannot be found or the document cannot be written; the message says why."""


@dataclass(frozen=True)
class ExportSummary:
    pages: int
    path: Path


def find_tour(uow: UnitOfWork, ref: str) -> int:
    """The id of the tour ``ref`` names: its id (digits) or its exact title.

    Raises ``TourExportError`` naming ``ref`` when no tour matches, when several tours have that
    title, or when the digits are one tour's id and another tour's title."""
    text = ref.strip()
    if not text:
        raise TourExportError("no tour given: give a tour's id or its exact title.")
    with uow:
        s = uow.session
        by_title = list(s.execute(select(m.Tour.id, m.Tour.title).where(m.Tour.title == ref).order_by(m.Tour.id)))
        if not by_title and text != ref:
            by_title = list(s.execute(select(m.Tour.id, m.Tour.title).where(m.Tour.title == text).order_by(m.Tour.id)))
        by_id = None
        if text.isdigit() and len(text) <= 18:
            by_id = s.execute(select(m.Tour.id, m.Tour.title).where(m.Tour.id == int(text))).first()
        if len(by_title) > 1:
            ids = ", ".join(str(r.id) for r in by_title)
            raise TourExportError(f"more than one tour is titled “{ref}” (ids {ids}); give the id instead.")
        if by_title and by_id is not None and by_title[0].id != by_id.id:
            raise TourExportError(f"“{ref}” is the id of tour “{by_id.title}” and the title of tour "
                                  f"{by_title[0].id}; give the id of the one you mean.")
        if by_title:
            return by_title[0].id
        if by_id is not None:
            return by_id.id
        known = list(s.execute(select(m.Tour.id, m.Tour.title).order_by(m.Tour.id).limit(MAX_LISTED + 1)))
    if not known:
        raise TourExportError(f"there is no tour “{ref}”: this database has no tours.")
    listed = "; ".join(f"{r.id} “{r.title}”" for r in known[:MAX_LISTED])
    more = "; …" if len(known) > MAX_LISTED else ""
    raise TourExportError(f"there is no tour “{ref}” (give a tour's id or its exact title; tours: {listed}{more}).")


def load_thumbnails(media: MediaStore, shas: set[str]) -> dict[str, object]:
    """Decoded thumbnails of the stored images among ``shas`` (missing or broken ones left out)."""
    from curator_console.documents.images import load_thumbnail

    out: dict[str, object] = {}
    for sha in sorted(shas):
        image = load_thumbnail(media.path_for(sha))
        if image is not None:
            out[sha] = image
    return out


def export_tour_pdf(uow: UnitOfWork, media: MediaStore, tour_id: int, out_path: Path | str, *, cards: bool = False,
                    labels: Mapping[str, str] | None = None, speed: ReadingSpeed = ReadingSpeed(),
                    tz: tzinfo | None = None) -> ExportSummary:
    """Write the tour's run-of-show (or, with ``cards``, its cue cards) to ``out_path``.

    ``tz`` is the zone the planned start is printed in (the computer's when None). Raises
    ``TourExportError`` when the tour is gone or the file cannot be written."""
    path = Path(out_path).expanduser()
    tour = tours_svc.get_tour(uow, tour_id)
    if tour is None:
        raise TourExportError(f"there is no tour with id {tour_id} (it may have been deleted).")
    if path.is_dir():
        raise TourExportError(f"{path} is a folder; give a file name such as {path / 'tour.pdf'}.")
    if not path.parent.is_dir():
        raise TourExportError(f"cannot write {path}: the folder {path.parent} does not exist.")
    shas = {o.image_sha256 for seg in tour.segments for o in seg.objects if o.image_sha256}
    thumbnails = load_thumbnails(media, shas)
    if cards:
        from curator_console.documents.cue_cards import write_cue_cards as write
    else:
        from curator_console.documents.run_of_show import write_run_of_show as write
    try:
        pages = write(tour, path, labels=labels, speed=speed, tz=tz, thumbnails=thumbnails)
    except OSError as exc:
        raise TourExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    return ExportSummary(pages, path)
