"""The guided path from an empty database to the first rehearsal, as plain facts.

``services/welcome.py: getting_started`` counts what the database holds; ``GettingStarted`` turns
those counts into the five steps the welcome page shows (each done or still to do):

| step | done when |
|---|---|
| ``objects``   | the collection holds at least one object |
| ``products``  | at least one shop product is linked to an object |
| ``tour``      | a tour (not a template) has at least one segment |
| ``readiness`` | such a tour passes the readiness check (warnings allowed, no problems) |
| ``rehearsal`` | a session has been run (a rehearsal on the built-in simulator, or live) |

The database counts as *empty* (the welcome page opens by itself) while it holds no objects, no
products, no tours (templates included) and no sessions; platform connections do not count.
"""

from __future__ import annotations

from dataclasses import dataclass

OBJECTS = "objects"
PRODUCTS = "products"
TOUR = "tour"
READINESS = "readiness"
REHEARSAL = "rehearsal"
STEPS: tuple[str, ...] = (OBJECTS, PRODUCTS, TOUR, READINESS, REHEARSAL)


@dataclass(frozen=True)
class GettingStarted:
    objects: int = 0
    products: int = 0
    linked_products: int = 0  # products linked to at least one object
    tours: int = 0  # every tour, templates and archived ones included
    templates: int = 0
    written_tours: int = 0  # not templates, not archived, with at least one segment
    ready_tour_id: int | None = None  # a written tour without readiness problems
    focus_tour_id: int | None = None  # the tour steps 4 and 5 open: the ready one, else the newest written one
    focus_tour_title: str = ""
    sessions: int = 0
    rehearsals: int = 0

    @property
    def empty(self) -> bool:
        return not (self.objects or self.products or self.tours or self.sessions)

    def done(self, step: str) -> bool:
        if step == OBJECTS:
            return self.objects > 0
        if step == PRODUCTS:
            return self.linked_products > 0
        if step == TOUR:
            return self.written_tours > 0
        if step == READINESS:
            return self.ready_tour_id is not None
        if step == REHEARSAL:
            return self.sessions > 0
        raise KeyError(step)

    @property
    def steps(self) -> tuple[tuple[str, bool], ...]:
        """``(step, done)`` in the order of the guided path."""
        return tuple((step, self.done(step)) for step in STEPS)

    @property
    def next_step(self) -> str | None:
        """The first step still to do (``None`` when all are done)."""
        return next((step for step, done in self.steps if not done), None)

    @property
    def done_count(self) -> int:
        return sum(1 for _step, done in self.steps if done)
