"""Which opportunities a workshop takes to "Agree priorities": the top N by votes or a score.

docs/domain.md: a workshop ends with the top 3-5 gaps, each with an owner, a
metric and a due date.  Done and dropped opportunities are not candidates.
Votes rank by count (ties by impact x feasibility, then title); a score ranks
by :mod:`jmapper.analysis.priority` (unscored ones last).
"""

from __future__ import annotations

from collections.abc import Iterable

from jmapper.analysis.priority import CLOSED_STATUSES, Method, rank, score
from jmapper.model.entities import Opportunity

#: The default number of priorities a workshop agrees.
DEFAULT_TOP = 5

#: How the dialog can rank: "votes" or one of the score methods.
RANKINGS: tuple[tuple[str, str], ...] = (
    ("votes", "Votes"),
    (Method.IMPACT_FEASIBILITY.value, "Impact \u00d7 feasibility"),
    (Method.RICE.value, "RICE"),
    (Method.VOLUME_SEVERITY.value, "Volume \u00d7 severity"),
)


def top_candidates(opportunities: Iterable[Opportunity], n: int, by: str) -> list[Opportunity]:
    """The first ``n`` open opportunities, ranked by ``by`` ('votes' or a Method value)."""
    open_ = [o for o in opportunities if o.status not in CLOSED_STATUSES]
    if by == "votes":
        ordered = sorted(
            open_,
            key=lambda o: (
                -o.votes,
                -(score(o, Method.IMPACT_FEASIBILITY) or 0.0),
                o.title.casefold(),
                o.id,
            ),
        )
    else:
        ordered = [r.opportunity for r in rank(sorted(open_, key=lambda o: o.title), Method(by))]
    return ordered[: max(0, n)]


__all__ = ["DEFAULT_TOP", "RANKINGS", "top_candidates"]
