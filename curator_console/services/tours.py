"""Tour use cases: list tours with their timing, read a tour's segments, rename a tour."""

from __future__ import annotations

from curator_console.domain.records import SegmentRow, TourRow
from curator_console.domain.timing import ReadingSpeed, plan_tour
from curator_console.persistence.unit_of_work import UnitOfWork
from curator_console.services.collection import ValidationError


def list_tours(uow: UnitOfWork, speed: ReadingSpeed = ReadingSpeed()) -> list[TourRow]:
    with uow:
        rows = []
        for t in uow.repos.tours.all_with_segments():
            timing = plan_tour([(s.title, s.planned_seconds, s.script) for s in t.segments], t.slot_seconds, speed)
            rows.append(
                TourRow(
                    id=t.id, title=t.title, host=t.host, language=t.language, planned_start=t.planned_start,
                    slot_seconds=t.slot_seconds, segment_count=len(t.segments),
                    planned_seconds=timing.planned_seconds, estimated_seconds=timing.estimated_seconds,
                    status=t.status, version=t.version,
                )
            )
        return rows


def list_segments(uow: UnitOfWork, tour_id: int, speed: ReadingSpeed = ReadingSpeed()) -> list[SegmentRow]:
    with uow:
        tour = uow.repos.tours.with_details(tour_id)
        if tour is None:
            return []
        timing = plan_tour([(s.title, s.planned_seconds, s.script) for s in tour.segments], tour.slot_seconds, speed)
        return [
            SegmentRow(
                id=s.id, position=s.position, title=s.title, planned_seconds=s.planned_seconds,
                estimated_seconds=t.estimated_seconds, start_offset_seconds=t.start_offset_seconds,
                object_count=len(s.items), product_count=len(s.products), cues=tuple(c.text for c in s.cues),
            )
            for s, t in zip(tour.segments, timing.segments)
        ]


def rename_tour(uow: UnitOfWork, tour_id: int, title: str) -> str:
    """Give a tour a new title and commit. Returns the previous title (for undo)."""
    title = title.strip()
    if not title:
        raise ValidationError("A tour needs a title.")
    with uow:
        tour = uow.repos.tours.get(tour_id)
        if tour is None:
            raise ValidationError("This tour no longer exists.")
        old = tour.title
        if old != title:
            tour.title = title
            uow.commit()
        return old
