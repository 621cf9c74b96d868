"""The layout's quadrant labels follow the one rule in jmapper.analysis.priority."""

from __future__ import annotations

import itertools

from jmapper.analysis import priority as rule
from jmapper.layout.priority import (
    BIG_BET,
    FILL_IN,
    MONEY_PIT,
    QUADRANT_ORDER,
    QUICK_WIN,
    quadrant,
)
from jmapper.model.entities import Opportunity


def test_labels_come_from_the_shared_rule_for_every_score() -> None:
    for impact, feasibility in itertools.product([None, 1, 2, 3, 4, 5], repeat=2):
        opp = Opportunity(impact=impact, feasibility=feasibility)
        cell = rule.quadrant(opp)
        assert quadrant(opp) == ("" if cell is None else cell.label)


def test_label_names_and_order() -> None:
    assert (QUICK_WIN, BIG_BET, FILL_IN, MONEY_PIT) == (
        "Quick win",
        "Big bet",
        "Fill-in",
        "Money pit",
    )
    assert QUADRANT_ORDER == (QUICK_WIN, BIG_BET, FILL_IN, MONEY_PIT, "")
    assert quadrant(Opportunity(impact=3, feasibility=3)) == QUICK_WIN
