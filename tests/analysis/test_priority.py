"""Opportunity scores, quadrants and ranks, worked by hand."""

from __future__ import annotations

import pytest

from jmapper.analysis.priority import (
    Method,
    Quadrant,
    is_priority,
    missing_inputs,
    quadrant,
    rank,
    score,
)
from jmapper.model.entities import Opportunity
from jmapper.model.enums import OpportunityStatus


@pytest.mark.parametrize(
    ("impact", "feasibility", "expected"),
    [
        (3, 3, Quadrant.QUICK_WIN),  # the midpoint counts as high
        (5, 5, Quadrant.QUICK_WIN),
        (3, 2, Quadrant.BIG_BET),
        (2, 3, Quadrant.FILL_IN),
        (2, 2, Quadrant.MONEY_PIT),
        (1, 1, Quadrant.MONEY_PIT),
        (None, 4, None),
        (4, None, None),
    ],
)
def test_quadrants(impact, feasibility, expected) -> None:
    assert quadrant(Opportunity(impact=impact, feasibility=feasibility)) is expected


def test_the_three_scores() -> None:
    opp = Opportunity(
        impact=3, feasibility=4, reach=1000, confidence=0.5, effort=2.0, volume=2600, severity=4
    )
    assert score(opp, Method.IMPACT_FEASIBILITY) == 12
    assert score(opp, Method.RICE) == pytest.approx(750.0)  # 1000 * 3 * 0.5 / 2
    assert score(opp, Method.VOLUME_SEVERITY) == 10400  # 2600 * 4


def test_a_missing_input_gives_no_score_and_is_named() -> None:
    opp = Opportunity(impact=3, reach=1000, effort=2.0)
    assert score(opp, Method.RICE) is None
    assert missing_inputs(opp, Method.RICE) == ("confidence",)
    assert missing_inputs(opp, Method.VOLUME_SEVERITY) == ("volume", "severity")
    assert score(Opportunity(volume=10, severity=0), Method.VOLUME_SEVERITY) == 0


def test_ranks_share_ties_keep_order_and_put_unscored_last() -> None:
    a = Opportunity(title="A", impact=4, feasibility=4)
    b = Opportunity(title="B", impact=4)
    c = Opportunity(title="C", impact=5, feasibility=3)
    d = Opportunity(title="D", impact=4, feasibility=4)
    e = Opportunity(title="E")
    ranked = rank([b, a, e, c, d], Method.IMPACT_FEASIBILITY)
    assert [(r.opportunity.title, r.score, r.rank) for r in ranked] == [
        ("A", 16, 1),
        ("D", 16, 1),
        ("C", 15, 3),
        ("B", None, None),
        ("E", None, None),
    ]
    assert ranked[3].missing == ("feasibility",)
    assert ranked[4].missing == ("impact", "feasibility")
    assert rank([], Method.RICE) == []


def test_priorities_are_planned_or_in_progress() -> None:
    statuses = {s: is_priority(Opportunity(status=s)) for s in OpportunityStatus}
    assert [s for s, yes in statuses.items() if yes] == [
        OpportunityStatus.PLANNED,
        OpportunityStatus.IN_PROGRESS,
    ]
