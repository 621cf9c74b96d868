"""Every score of every opportunity of a map, with its rank among the map's opportunities.

The inspector, the register, the command line and the matrix all show the
same three scores (:mod:`jmapper.analysis.priority`): impact x feasibility
(and its quadrant), RICE, and volume x severity.  A rank is "n of m", m being
how many opportunities of the map that method could score.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from jmapper.analysis.priority import Method, Quadrant, quadrant, rank
from jmapper.model.entities import Opportunity


@dataclass(frozen=True)
class MethodScore:
    """One method's score of one opportunity: value, rank and what it is missing."""

    value: float | None
    rank: int | None
    of: int
    missing: tuple[str, ...]

    def text(self) -> str:
        """'1,200 (rank 2 of 4)', or 'needs reach, effort'."""
        if self.value is None:
            return "needs " + ", ".join(self.missing)
        return f"{format_score(self.value)} (rank {self.rank} of {self.of})"


@dataclass(frozen=True)
class Scores:
    quadrant: Quadrant | None
    by_method: dict[Method, MethodScore]

    @property
    def impact_feasibility(self) -> MethodScore:
        return self.by_method[Method.IMPACT_FEASIBILITY]

    @property
    def rice(self) -> MethodScore:
        return self.by_method[Method.RICE]

    @property
    def volume_severity(self) -> MethodScore:
        return self.by_method[Method.VOLUME_SEVERITY]


def format_score(value: float) -> str:
    """Whole numbers without decimals, others with up to two: '16', '1,200', '0.75'."""
    if abs(value - round(value)) < 1e-9:
        return f"{round(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def map_scores(opportunities: Iterable[Opportunity]) -> dict[str, Scores]:
    """Opportunity id -> its scores and ranks among ``opportunities``."""
    opps = list(opportunities)
    per_method: dict[Method, dict[str, MethodScore]] = {}
    for method in Method:
        ranked = rank(opps, method)
        scored = sum(1 for r in ranked if r.rank is not None)
        per_method[method] = {
            r.opportunity.id: MethodScore(r.score, r.rank, scored, r.missing) for r in ranked
        }
    return {
        opp.id: Scores(quadrant(opp), {m: per_method[m][opp.id] for m in Method}) for opp in opps
    }


__all__ = ["MethodScore", "Scores", "format_score", "map_scores"]
