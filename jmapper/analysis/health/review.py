"""Rules that keep a map alive: reviewed, on its cadence, and not stale.

docs/domain.md: review at least quarterly; a map not reviewed for 18 months
no longer reflects the experience.  A draft is still being made, so it is
"never reviewed" only once it is a quarter old.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date, timedelta

from jmapper.analysis.health.findings import Problem, Rule, Severity, Target
from jmapper.model.bundle import MapBundle
from jmapper.model.enums import MapStatus

#: The default review cadence: a quarter.
REVIEW_CADENCE = timedelta(days=91)

#: A map last reviewed longer ago than this is stale.
STALE_AFTER_MONTHS = 18


def months_before(day: date, months: int) -> date:
    """The same day ``months`` calendar months earlier (clamped to the month's end)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last_day))


def _created(bundle: MapBundle) -> date | None:
    try:
        return date.fromisoformat(bundle.map.created[:10])
    except ValueError:
        return None


def _map(bundle: MapBundle) -> Target:
    return Target("map", bundle.map.id)


def never_reviewed(bundle: MapBundle, today: date) -> Iterator[Problem]:
    m = bundle.map
    if m.last_reviewed is not None:
        return
    created = _created(bundle)
    old_draft = created is not None and created + REVIEW_CADENCE <= today
    if m.status is not MapStatus.DRAFT or old_draft:
        yield Problem(
            _map(bundle),
            "The map has never been reviewed; review it with the team and record the date, "
            "then plan the next review.",
        )


def review_overdue(bundle: MapBundle, today: date) -> Iterator[Problem]:
    m = bundle.map
    due = m.next_review
    if due is None and m.last_reviewed is not None:
        due = m.last_reviewed + REVIEW_CADENCE
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
        "The next review date (or a quarter after the last review) has passed.",
        review_overdue,
    ),
    Rule(
        "stale-map",
        Severity.ERROR,
        "The map was last reviewed over 18 months ago.",
        stale_map,
    ),
)
