"""Rules that turn findings into action: owned, measured, dated, few, and on time.

Owner, metric and due date are asked of the *priorities* (planned or in
progress, see :func:`jmapper.analysis.priority.is_priority`): an idea on a
workshop wall needs none of them until the team commits to it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from jmapper.analysis.health.findings import Problem, Rule, Severity, Target
from jmapper.analysis.priority import CLOSED_STATUSES, is_priority
from jmapper.model.bundle import MapBundle
from jmapper.model.entities import Opportunity

#: A workshop ends with the top 3-5 gaps (docs/domain.md); more and nothing is a priority.
MAX_PRIORITIES = 5

#: Pain severities (Nielsen 0-4) that need an opportunity: major and catastrophic.
SERIOUS_PAIN = frozenset({3, 4})


def _priorities(bundle: MapBundle) -> list[Opportunity]:
    return sorted(
        (o for o in bundle.opportunities.values() if is_priority(o)), key=lambda o: (o.title, o.id)
    )


def _target(opp: Opportunity) -> Target:
    return Target("opportunity", opp.id)


def _name(opp: Opportunity) -> str:
    return f"\u201c{opp.title}\u201d" if opp.title.strip() else "An untitled opportunity"


def without_owner(bundle: MapBundle, today: date) -> Iterator[Problem]:
    for opp in _priorities(bundle):
        if not opp.owner.strip():
            yield Problem(
                _target(opp),
                f"The priority {_name(opp)} has no owner; name the person who owns it.",
            )


def without_metric(bundle: MapBundle, today: date) -> Iterator[Problem]:
    for opp in _priorities(bundle):
        if not opp.metric.strip():
            yield Problem(
                _target(opp),
                f"The priority {_name(opp)} has no metric; say how success will be measured.",
            )


def without_due_date(bundle: MapBundle, today: date) -> Iterator[Problem]:
    for opp in _priorities(bundle):
        if opp.due_date is None:
            yield Problem(
                _target(opp), f"The priority {_name(opp)} has no due date; agree when it is due."
            )


def too_many_priorities(bundle: MapBundle, today: date) -> Iterator[Problem]:
    count = len(_priorities(bundle))
    if count > MAX_PRIORITIES:
        yield Problem(
            Target("map", bundle.map.id),
            f"The map has {count} priorities (planned or in progress); agree on the top "
            f"{MAX_PRIORITIES} at most and set the rest back to ideas.",
        )


def pain_without_opportunity(bundle: MapBundle, today: date) -> Iterator[Problem]:
    linked = {card_id for o in bundle.opportunities.values() for card_id in o.pain_card_ids}
    serious = [
        c for c in bundle.cards.values() if c.pain_severity in SERIOUS_PAIN and c.id not in linked
    ]
    for card in sorted(serious, key=lambda c: (c.title, c.id)):
        yield Problem(
            Target("card", card.id),
            f"The severity-{card.pain_severity} pain point \u201c{card.title}\u201d has no "
            "opportunity; add one that addresses it or link an existing one.",
        )


def overdue_opportunity(bundle: MapBundle, today: date) -> Iterator[Problem]:
    overdue = [
        (o.due_date, o.title, o.id, o)
        for o in bundle.opportunities.values()
        if o.due_date is not None and o.due_date < today and o.status not in CLOSED_STATUSES
    ]
    for due, _title, _id, opp in sorted(overdue, key=lambda row: row[:3]):
        yield Problem(
            _target(opp),
            f"{_name(opp)} was due on {due.isoformat()} and is still "
            f"{opp.status.label.lower()}; mark it done or dropped, or agree a new date.",
        )


RULES = (
    Rule(
        "opportunity-without-owner",
        Severity.ERROR,
        "A priority opportunity has no owner.",
        without_owner,
    ),
    Rule(
        "opportunity-without-metric",
        Severity.ERROR,
        "A priority opportunity has no metric.",
        without_metric,
    ),
    Rule(
        "opportunity-without-due-date",
        Severity.ERROR,
        "A priority opportunity has no due date.",
        without_due_date,
    ),
    Rule(
        "too-many-priorities",
        Severity.WARNING,
        "More than five opportunities are planned or in progress.",
        too_many_priorities,
    ),
    Rule(
        "pain-without-opportunity",
        Severity.WARNING,
        "A pain point of severity 3 or 4 has no linked opportunity.",
        pain_without_opportunity,
    ),
    Rule(
        "overdue-opportunity",
        Severity.WARNING,
        "An open opportunity is past its due date.",
        overdue_opportunity,
    ),
)
