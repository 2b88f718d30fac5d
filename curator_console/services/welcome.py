"""First run: is the database still empty, and how far along the guided path is it?

``is_empty`` decides whether the welcome page opens by itself; ``getting_started`` gives the
facts behind the five steps of the guided path (``domain/getting_started.py`` says when each step
is done). Both only read.
"""

from __future__ import annotations

from sqlalchemy import distinct, exists, func, select

from curator_console.domain.getting_started import GettingStarted
from curator_console.domain.readiness import ERROR, check_readiness
from curator_console.domain.timing import ReadingSpeed
from curator_console.persistence import models as m
from curator_console.persistence.unit_of_work import UnitOfWork
from curator_console.services.tours import tour_detail

# The readiness step checks at most this many tours (newest first) and stops at the first ready
# one, so the welcome page stays quick on a database with hundreds of tours.
READINESS_TOURS = 25


def is_empty(uow: UnitOfWork) -> bool:
    """No objects, no products, no tours (templates included) and no sessions. Platform
    connections and saved import mappings do not count: they are set-up, not content."""
    with uow:
        s = uow.session
        return not any(s.scalar(select(model.id).limit(1)) is not None
                       for model in (m.CollectionItem, m.Product, m.Tour, m.LiveSession))


def getting_started(uow: UnitOfWork, speed: ReadingSpeed = ReadingSpeed()) -> GettingStarted:
    """What the database holds, counted for the guided path (see ``domain/getting_started.py``)."""
    with uow:
        s = uow.session

        def count(stmt) -> int:
            return int(s.scalar(stmt) or 0)

        objects = count(select(func.count()).select_from(m.CollectionItem))
        products = count(select(func.count()).select_from(m.Product))
        linked = count(select(func.count(distinct(m.ProductItem.product_id))))
        tours = count(select(func.count()).select_from(m.Tour))
        templates = count(select(func.count()).select_from(m.Tour).where(m.Tour.is_template.is_(True)))
        has_segment = exists().where(m.Segment.tour_id == m.Tour.id)
        own_tours = (m.Tour.is_template.is_not(True), m.Tour.status != "archived")
        written = list(s.scalars(select(m.Tour.id).where(*own_tours, has_segment).order_by(m.Tour.id.desc())))
        ready: int | None = None
        for tour_id in written[:READINESS_TOURS]:
            tour = uow.repos.tours.whole(tour_id)
            if tour is None:
                continue
            if not any(p.severity == ERROR for p in check_readiness(tour_detail(tour), speed)):
                ready = tour_id
                break
        if ready is not None:
            focus = ready
        elif written:
            focus = written[0]
        else:
            focus = s.scalar(select(m.Tour.id).where(*own_tours).order_by(m.Tour.id.desc()).limit(1))
        title = s.scalar(select(m.Tour.title).where(m.Tour.id == focus)) if focus is not None else ""
        sessions = count(select(func.count()).select_from(m.LiveSession))
        rehearsals = count(select(func.count()).select_from(m.LiveSession).where(m.LiveSession.mode == "rehearsal"))
        return GettingStarted(
            objects=objects, products=products, linked_products=linked, tours=tours, templates=templates,
            written_tours=len(written), ready_tour_id=ready, focus_tour_id=focus,
            focus_tour_title=title or "", sessions=sessions,
            rehearsals=rehearsals,
        )
