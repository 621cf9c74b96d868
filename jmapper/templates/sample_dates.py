"""Keep the sample maps' dates current, so a new library's samples are not overdue on day one.

The samples are written with fixed dates (reviewed in 2025, opportunities due
months later).  Built as they are, every sample would trip the review-overdue,
stale-map and overdue-opportunity health rules (docs/health-rules.md) as soon
as the calendar moved on.  :func:`date_relative` moves every date of a sample
by the same number of days so that it was last reviewed ``REVIEWED_DAYS_AGO``
days before today: the gaps between review, due dates and research stay as
written, so the story each sample tells is unchanged.
"""

from __future__ import annotations

from datetime import date, timedelta

from jmapper.model.bundle import MapBundle

#: How long before "today" a sample says it was last reviewed.
REVIEWED_DAYS_AGO = 30

_ENTITY_DATES = ("due_date", "collected")


def date_relative(bundle: MapBundle, today: date) -> MapBundle:
    """Shift every date of ``bundle`` (in place) so its last review was a month ago."""
    m = bundle.map
    if m.last_reviewed is None:
        return bundle
    shift = today - timedelta(days=REVIEWED_DAYS_AGO) - m.last_reviewed
    m.last_reviewed = m.last_reviewed + shift
    if m.next_review is not None:
        m.next_review = m.next_review + shift
    for entities in bundle.collections.values():
        for entity in entities.values():
            for name in _ENTITY_DATES:
                value = getattr(entity, name, None)
                if isinstance(value, date):
                    setattr(entity, name, value + shift)
    return bundle


__all__ = ["REVIEWED_DAYS_AGO", "date_relative"]
