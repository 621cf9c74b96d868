"""Rules that keep a map alive: reviewed, on its cadence, and not stale.

docs/domain.md: review at least quarterly; a map not reviewed for 18 months
no longer reflects the experience.  A map's cadence (months between reviews)
is its own or a quarter.  A draft is still being made, so it is "never
reviewed" only once it is a cadence old.  :func:`review_state` sums this up
for the library list and the review report.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from enum import Enum

from jmapper.analysis.health.findings import Problem, Rule, Severity, Target
from jmapper.model.bundle import MapBundle
from jmapper.model.entities import JourneyMap
from jmapper.model.enums import MapStatus

#: The default review cadence in months: a quarter (docs/domain.md).
DEFAULT_CADENCE_MONTHS = 3

#: A map last reviewed longer ago than this is stale.
STALE_AFTER_MONTHS = 18


def months_before(day: date, months: int) -> date:
    """The same day ``months`` calendar months earlier (clamped to the month's end)."""
    return add_months(day, -months)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` calendar months later (clamped to the month's end)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last_day))


def cadence_months(journey_map: JourneyMap) -> int:
    """The map's review cadence in months (its own, else a quarter)."""
    return journey_map.review_cadence_months or DEFAULT_CADENCE_MONTHS


def review_due(journey_map: JourneyMap) -> date | None:
    """When the map is next due for review: its next-review date, else a cadence after the last."""
    if journey_map.next_review is not None:
        return journey_map.next_review
    if journey_map.last_reviewed is not None:
        return add_months(journey_map.last_reviewed, cadence_months(journey_map))
    return None


class ReviewKind(Enum):
    """Where a map stands in its review cycle, worst last."""

    CURRENT = "current"
    NEW_DRAFT = "new draft"
    OVERDUE = "overdue"
    NEVER = "never reviewed"
    STALE = "stale"


@dataclass(frozen=True)
class ReviewState:
    """A map's review state with a short text for lists ('Overdue since 2026-11-02')."""

    kind: ReviewKind
    text: str
    due: date | None


def review_state(journey_map: JourneyMap, today: date) -> ReviewState:
    """The review state the review rules report on, for the library list and reports."""
    m = journey_map
    due = review_due(m)
    last = m.last_reviewed
    if last is not None and last < months_before(today, STALE_AFTER_MONTHS):
        return ReviewState(ReviewKind.STALE, f"Stale: last reviewed {last.isoformat()}", due)
    if last is None:
        created = _created(m)
        young = created is not None and add_months(created, cadence_months(m)) > today
        if m.status is MapStatus.DRAFT and young:
            return ReviewState(ReviewKind.NEW_DRAFT, "New draft, not yet reviewed", due)
        if due is None or due >= today:
            return ReviewState(ReviewKind.NEVER, "Never reviewed", due)
    if due is not None and due < today:
        return ReviewState(ReviewKind.OVERDUE, f"Overdue since {due.isoformat()}", due)
    if last is None:
        return ReviewState(ReviewKind.NEVER, "Never reviewed", due)
    return ReviewState(ReviewKind.CURRENT, f"Due {due.isoformat()}" if due else "Reviewed", due)


def _created(journey_map: JourneyMap) -> date | None:
    try:
        return date.fromisoformat(journey_map.created[:10])
    except ValueError:
        return None


def _map(bundle: MapBundle) -> Target:
    return Target("map", bundle.map.id)


def never_reviewed(bundle: MapBundle, today: date) -> Iterator[Problem]:
    m = bundle.map
    if m.last_reviewed is not None:
        return
    if review_state(m, today).kind is not ReviewKind.NEW_DRAFT:
        yield Problem(
            _map(bundle),
            "The map has never been reviewed; review it with the team and record the date, "
            "then plan the next review.",
        )


def review_overdue(bundle: MapBundle, today: date) -> Iterator[Problem]:
    due = review_due(bundle.map)
    if due is not None and due < today:
        yield Problem(
            _map(bundle),
            f"The map's review was due on {due.isoformat()}; review it and set the next "
            "review date.",
        )


def stale_map(bundle: MapBundle, today: date) -> Iterator[Problem]:
    last = bundle.map.last_reviewed
    if last is not None and last < months_before(today, STALE_AFTER_MONTHS):
        yield Problem(
            _map(bundle),
            f"The map was last reviewed on {last.isoformat()}, over {STALE_AFTER_MONTHS} months "
            "ago, so it no longer reflects the experience; review it against fresh research.",
        )


RULES = (
    Rule(
        "never-reviewed",
        Severity.WARNING,
        "The map has no last-reviewed date (drafts: once a quarter old).",
        never_reviewed,
    ),
    Rule(
        "review-overdue",
        Severity.WARNING,
        "The next review date (or the map's cadence after the last review) has passed.",
        review_overdue,
    ),
    Rule(
        "stale-map",
        Severity.ERROR,
        "The map was last reviewed over 18 months ago.",
        stale_map,
    ),
)
