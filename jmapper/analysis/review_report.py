"""What changed since the previous review: the review report.

Built on :func:`jmapper.analysis.compare.compare` between the snapshot taken
when the last review started and the map as it is now: the emotion value
per step (shifted by how much), touchpoints and pain points added and
removed, and each priority opportunity's status change (done, slipped past
its due date, new, or its status moved on).  Pure, so the editor's report,
the PDF "Review" page and ``jmapper review-report`` say the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from jmapper.analysis.compare import ColumnPair, Comparison, Mark, compare
from jmapper.analysis.priority import CLOSED_STATUSES, is_priority
from jmapper.analysis.touchpoints import TOUCHPOINT_LANES
from jmapper.model.bundle import MapBundle
from jmapper.model.entities import Card, Opportunity
from jmapper.model.enums import LaneKind, OpportunityStatus

#: The prefix of the snapshots "Start review" records ("Review 2026-Q4").
REVIEW_PREFIX = "Review "


def review_name(day: date) -> str:
    """The snapshot name of a review started on ``day``: 'Review 2026-Q4'."""
    return f"{REVIEW_PREFIX}{day.year}-Q{(day.month - 1) // 3 + 1}"


@dataclass(frozen=True)
class CardChange:
    """A touchpoint or pain point added or removed, with where it sits."""

    mark: Mark
    title: str
    place: str


@dataclass(frozen=True)
class OpportunityChange:
    """A priority opportunity (then or now) and what happened to it."""

    title: str
    change: str  # "done", "slipped", "new", "dropped", "moved on", "unchanged"
    detail: str


@dataclass
class ReviewReport:
    since: str  # the snapshot's name
    since_created: str  # its ISO timestamp
    title: str
    today: date
    scale: tuple[int, int] = (-2, 2)  # the emotion scale's (minimum, maximum)
    emotions: list[ColumnPair] = field(default_factory=list)
    touchpoints: list[CardChange] = field(default_factory=list)
    pain_points: list[CardChange] = field(default_factory=list)
    opportunities: list[OpportunityChange] = field(default_factory=list)

    @property
    def shifted(self) -> list[ColumnPair]:
        """The steps whose emotion value moved (or appeared, or went)."""
        return [c for c in self.emotions if c.old_value != c.new_value]

    def as_json(self) -> dict[str, Any]:
        return {
            "since": {"snapshot": self.since, "created": self.since_created},
            "map": self.title,
            "today": self.today.isoformat(),
            "emotions": [
                {
                    "step": c.label,
                    "before": c.old_value,
                    "now": c.new_value,
                    "shift": c.delta,
                }
                for c in self.emotions
            ],
            "touchpoints": [_card_json(c) for c in self.touchpoints],
            "pain_points": [_card_json(c) for c in self.pain_points],
            "opportunities": [
                {"title": o.title, "change": o.change, "detail": o.detail}
                for o in self.opportunities
            ],
        }


def _card_json(change: CardChange) -> dict[str, str]:
    return {"change": change.mark.value, "title": change.title, "place": change.place}


def review_report(
    since: MapBundle, now: MapBundle, since_name: str, since_created: str, today: date
) -> ReviewReport:
    """What changed from ``since`` (a review snapshot) to ``now``."""
    comparison = compare(since, now)
    scale = now.map.emotion_scale
    report = ReviewReport(
        since_name, since_created, now.map.title, today, (scale.minimum, scale.maximum)
    )
    report.emotions = comparison.columns
    for change in comparison.of("card"):
        if change.mark is Mark.CHANGED:
            continue
        bundle = comparison.new if change.mark is Mark.ADDED else comparison.old
        card = change.entity
        entry = CardChange(change.mark, card.title, _place(bundle, card))
        if _is_touchpoint(bundle, card):
            report.touchpoints.append(entry)
        if _is_pain(bundle, card):
            report.pain_points.append(entry)
    report.opportunities = _opportunities(comparison, today)
    return report


def _place(bundle: MapBundle, card: Card) -> str:
    stage = bundle.stages.get(card.stage_id)
    step = bundle.steps.get(card.step_id or "")
    names = [x.name for x in (stage, step) if x is not None]
    return " \u203a ".join(names)


def _is_touchpoint(bundle: MapBundle, card: Card) -> bool:
    lane = bundle.lanes.get(card.lane_id)
    return card.channel is not None or (lane is not None and lane.kind in TOUCHPOINT_LANES)


def _is_pain(bundle: MapBundle, card: Card) -> bool:
    lane = bundle.lanes.get(card.lane_id)
    return card.pain_severity is not None or (
        lane is not None and lane.kind is LaneKind.PAIN_POINTS
    )


def _opportunities(comparison: Comparison, today: date) -> list[OpportunityChange]:
    pairs = comparison.pairs.get("opportunity", {})
    old = comparison.old.opportunities
    new = comparison.new.opportunities
    out: list[OpportunityChange] = []
    for old_id, new_id in pairs.items():
        before, after = old[old_id], new[new_id]
        if is_priority(before) or is_priority(after):
            out.append(_status_change(before, after, today))
    for new_id in new.keys() - set(pairs.values()):
        opp = new[new_id]
        if is_priority(opp):
            out.append(OpportunityChange(opp.title, "new", _new_detail(opp)))
    for old_id in old.keys() - pairs.keys():
        opp = old[old_id]
        if is_priority(opp):
            out.append(OpportunityChange(opp.title, "removed", "no longer on the map"))
    order = ("slipped", "new", "done", "moved on", "dropped", "removed", "unchanged")
    return sorted(out, key=lambda o: (order.index(o.change), o.title.casefold()))


def _new_detail(opp: Opportunity) -> str:
    due = f", due {opp.due_date.isoformat()}" if opp.due_date else ", no due date"
    return f"{opp.status.label.lower()}{due}"


def _status_change(before: Opportunity, after: Opportunity, today: date) -> OpportunityChange:
    if after.status is OpportunityStatus.DONE:
        detail = "done" if before.status is not OpportunityStatus.DONE else "still done"
        return OpportunityChange(after.title, "done", detail)
    if after.status is OpportunityStatus.DROPPED:
        return OpportunityChange(after.title, "dropped", f"was {before.status.label.lower()}")
    if (
        after.due_date is not None
        and after.due_date < today
        and after.status not in CLOSED_STATUSES
    ):
        return OpportunityChange(
            after.title,
            "slipped",
            f"due {after.due_date.isoformat()}, still {after.status.label.lower()}",
        )
    if before.status is not after.status:
        return OpportunityChange(
            after.title,
            "moved on",
            f"{before.status.label.lower()} \u2192 {after.status.label.lower()}",
        )
    return OpportunityChange(after.title, "unchanged", after.status.label.lower())


__all__ = [
    "REVIEW_PREFIX",
    "CardChange",
    "OpportunityChange",
    "ReviewReport",
    "review_name",
    "review_report",
]
