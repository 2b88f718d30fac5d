"""What the Review workspace works out in the background for one session.

``compute(uow, request)`` reads the session, its order source's orders and the baseline's
(``services.review.review_input``) and builds the report (``analytics.build_report``, exactly what
``services.review.session_report`` does) with the exchange rates the user gave. It also says which
currencies the orders are in, so the page can ask for the missing rates, and warms up matplotlib
(about a second to import) on the worker thread, so the first chart shown does not freeze the window.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass
from datetime import tzinfo
from decimal import Decimal
from operator import attrgetter

from curator_console.domain import analytics
from curator_console.domain.review_model import BaselineSpec, SeriesPoint, SessionReport
from curator_console.persistence.unit_of_work import UnitOfWork
from curator_console.services import review as svc

log = logging.getLogger(__name__)

Rates = tuple[tuple[str, Decimal], ...]  # (currency, how much of the report's currency one unit is worth)


@dataclass(frozen=True)
class ReviewRequest:
    session_id: int
    baseline: BaselineSpec | None
    rates: Rates = ()


@dataclass(frozen=True)
class ReviewResult:
    request: ReviewRequest
    report: SessionReport
    zone: tzinfo  # the museum's: times, "the day before" and custom windows are read in it
    source: str  # the connection whose orders were counted ("" when there is none)
    currencies: tuple[str, ...]  # every currency of the session's and the baseline's orders, sorted

    @property
    def other_currencies(self) -> tuple[str, ...]:
        """The currencies that need a rate to be added to the report's."""
        return tuple(c for c in self.currencies if c != self.report.currency)

    @property
    def missing_rates(self) -> tuple[str, ...]:
        """The currencies the money problem is about (none when the money adds up)."""
        if not self.report.money_problem:
            return ()
        given = {code for code, _rate in self.request.rates}
        return tuple(c for c in self.other_currencies if c not in given)


@dataclass(frozen=True)
class Unavailable:
    """The session cannot be reviewed; ``message`` says why (from the service, in English)."""

    request: ReviewRequest
    message: str


def _codes(lines) -> set[str]:
    return {(c or "").strip().upper() for c in map(attrgetter("currency"), lines) if (c or "").strip()}


def compute(uow: UnitOfWork, request: ReviewRequest) -> ReviewResult | Unavailable:
    try:
        data = svc.review_input(uow, request.session_id, request.baseline)
    except svc.ReviewError as exc:
        return Unavailable(request, str(exc))
    report = analytics.build_report(data.session, data.baseline, rates=dict(request.rates) or None)
    codes = _codes(data.session.lines) | (_codes(data.baseline.lines) if data.baseline is not None else set())
    warm_up_charts()
    return ReviewResult(request, report, data.zone, data.source, tuple(sorted(codes)))


def compute_series(uow: UnitOfWork, session_id: int, scope: str, currency: str, rates: Rates) -> list[SeriesPoint]:
    """The sessions to show side by side with ``session_id`` (``scope``: "tour" or "museum")."""
    points = svc.series(uow, session_id, scope, currency=currency, rates=dict(rates) or None)
    warm_up_charts()
    return points


def museum_zone(uow: UnitOfWork) -> tzinfo:
    with uow:
        return svc.museum_zone(uow)


def warm_up_charts() -> None:
    """Import matplotlib and the chart code, and find the fonts, here on the worker thread."""
    try:
        for name in ("matplotlib.figure", "matplotlib.backends.backend_agg", "curator_console.documents.review_charts"):
            importlib.import_module(name)
        from curator_console.documents.fonts import font_families

        font_families()
    except Exception:  # noqa: BLE001 - only a head start: the chart says what is wrong when shown
        log.debug("warming up the charts failed", exc_info=True)
