"""Quadrant labels for opportunity cards and the matrix page.

The rule itself (which scores make a quick win) lives in
:mod:`jmapper.analysis.priority`, shared with the register and the command
line; this module only names the quadrants as the layout prints them.
"""

from __future__ import annotations

from jmapper.analysis.priority import HIGH, Quadrant
from jmapper.analysis.priority import quadrant as _quadrant
from jmapper.model.entities import Opportunity

QUICK_WIN = Quadrant.QUICK_WIN.label
BIG_BET = Quadrant.BIG_BET.label
FILL_IN = Quadrant.FILL_IN.label
MONEY_PIT = Quadrant.MONEY_PIT.label


def quadrant(opportunity: Opportunity) -> str:
    """The quadrant label, or '' when impact or feasibility has not been scored."""
    cell = _quadrant(opportunity)
    return "" if cell is None else cell.label


#: Most to least urgent, for sorting an action plan.
QUADRANT_ORDER = (*(cell.label for cell in Quadrant), "")

__all__ = ["BIG_BET", "FILL_IN", "HIGH", "MONEY_PIT", "QUADRANT_ORDER", "QUICK_WIN", "quadrant"]
