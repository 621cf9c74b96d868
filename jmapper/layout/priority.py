"""Impact x feasibility quadrants, shared by opportunity cards and the matrix page."""

from __future__ import annotations

from jmapper.model.entities import Opportunity

QUICK_WIN = "Quick win"
BIG_BET = "Big bet"
FILL_IN = "Fill-in"
MONEY_PIT = "Money pit"

#: Scores of 3 and above (on 1-5) count as high: the midpoint belongs to the upper half.
HIGH = 3


def quadrant(opportunity: Opportunity) -> str:
    """The quadrant label, or '' when impact or feasibility has not been scored."""
    impact, feasibility = opportunity.impact, opportunity.feasibility
    if impact is None or feasibility is None:
        return ""
    if impact >= HIGH:
        return QUICK_WIN if feasibility >= HIGH else BIG_BET
    return FILL_IN if feasibility >= HIGH else MONEY_PIT


#: Most to least urgent, for sorting an action plan.
QUADRANT_ORDER = (QUICK_WIN, BIG_BET, FILL_IN, MONEY_PIT, "")
