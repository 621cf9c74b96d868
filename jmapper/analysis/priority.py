"""Opportunity scores and ranks: impact x feasibility, RICE, volume x severity.

docs/domain.md names the three ways teams prioritise the gaps a map finds.
The action plan, the PDF's priority matrix, the register and the command line
all rank with these functions, so they never disagree.

Quadrants: impact and feasibility are rated 1-5; a rating of :data:`HIGH`
(3, the midpoint) or more counts as high, so the midpoint belongs to the
upper half.  High impact and high feasibility is a quick win, high impact
and low feasibility a big bet, low impact and high feasibility a fill-in,
low and low a money pit.

Ranks: highest score first; equal scores share a rank ("1, 2, 2, 4") and keep
the order they were given in; an opportunity missing an input has no score,
is listed after every scored one, and names what it is missing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from jmapper.model.entities import Opportunity
from jmapper.model.enums import OpportunityStatus

#: The lowest 1-5 rating that counts as high impact or high feasibility.
HIGH = 3

#: Statuses that make an opportunity one of the map's agreed priorities.
PRIORITY_STATUSES = frozenset({OpportunityStatus.PLANNED, OpportunityStatus.IN_PROGRESS})

#: Statuses after which an opportunity needs no more work.
CLOSED_STATUSES = frozenset({OpportunityStatus.DONE, OpportunityStatus.DROPPED})


class Quadrant(Enum):
    """A cell of the impact x feasibility matrix, most to least urgent."""

    QUICK_WIN = "quick_win"
    BIG_BET = "big_bet"
    FILL_IN = "fill_in"
    MONEY_PIT = "money_pit"

    @property
    def label(self) -> str:
        return _QUADRANT_LABELS[self]


_QUADRANT_LABELS = {
    Quadrant.QUICK_WIN: "Quick win",
    Quadrant.BIG_BET: "Big bet",
    Quadrant.FILL_IN: "Fill-in",
    Quadrant.MONEY_PIT: "Money pit",
}


class Method(Enum):
    """A way of scoring opportunities against each other."""

    IMPACT_FEASIBILITY = "impact_feasibility"
    RICE = "rice"
    VOLUME_SEVERITY = "volume_severity"


#: The opportunity fields each method multiplies (RICE divides by effort).
INPUTS: dict[Method, tuple[str, ...]] = {
    Method.IMPACT_FEASIBILITY: ("impact", "feasibility"),
    Method.RICE: ("reach", "impact", "confidence", "effort"),
    Method.VOLUME_SEVERITY: ("volume", "severity"),
}


def is_priority(opportunity: Opportunity) -> bool:
    """Whether the team has committed to it (planned or in progress)."""
    return opportunity.status in PRIORITY_STATUSES


def quadrant(opportunity: Opportunity) -> Quadrant | None:
    """The matrix cell, or None when impact or feasibility has not been rated."""
    impact, feasibility = opportunity.impact, opportunity.feasibility
    if impact is None or feasibility is None:
        return None
    if impact >= HIGH:
        return Quadrant.QUICK_WIN if feasibility >= HIGH else Quadrant.BIG_BET
    return Quadrant.FILL_IN if feasibility >= HIGH else Quadrant.MONEY_PIT


def missing_inputs(opportunity: Opportunity, method: Method) -> tuple[str, ...]:
    """The fields ``method`` needs that ``opportunity`` leaves empty, in formula order."""
    return tuple(name for name in INPUTS[method] if getattr(opportunity, name) is None)


def score(opportunity: Opportunity, method: Method) -> float | None:
    """The opportunity's score by ``method``, or None when an input is missing.

    impact x feasibility (1..25), RICE = reach x impact x confidence / effort,
    volume x severity.  Effort is never zero (the model refuses it).
    """
    if missing_inputs(opportunity, method):
        return None
    o = opportunity
    if method is Method.IMPACT_FEASIBILITY:
        return float(_known(o.impact) * _known(o.feasibility))
    if method is Method.RICE:
        return _known(o.reach) * _known(o.impact) * _known(o.confidence) / _known(o.effort)
    return float(_known(o.volume) * _known(o.severity))


def _known(value: float | None) -> float:
    assert value is not None  # missing_inputs() ruled it out
    return value


@dataclass(frozen=True)
class Ranked:
    """One opportunity's place in a ranking; ``rank`` is None when it cannot be scored."""

    opportunity: Opportunity
    score: float | None
    rank: int | None
    missing: tuple[str, ...]


def rank(opportunities: Iterable[Opportunity], method: Method) -> list[Ranked]:
    """Scored opportunities best first (ties share a rank, keep input order), then unscored."""
    scored: list[tuple[Opportunity, float]] = []
    unscored: list[Ranked] = []
    for opp in opportunities:
        value = score(opp, method)
        if value is None:
            unscored.append(Ranked(opp, None, None, missing_inputs(opp, method)))
        else:
            scored.append((opp, value))
    scored.sort(key=lambda pair: -pair[1])
    ranked: list[Ranked] = []
    for index, (opp, value) in enumerate(scored):
        tied = index > 0 and value == scored[index - 1][1]
        place = ranked[-1].rank if tied else index + 1
        ranked.append(Ranked(opp, value, place, ()))
    return ranked + unscored


__all__ = [
    "CLOSED_STATUSES",
    "HIGH",
    "INPUTS",
    "PRIORITY_STATUSES",
    "Method",
    "Quadrant",
    "Ranked",
    "is_priority",
    "missing_inputs",
    "quadrant",
    "rank",
    "score",
]
