"""Every score of every opportunity with its rank among the map's, worked by hand."""

from __future__ import annotations

from jmapper.analysis.opportunity_scores import format_score, map_scores
from jmapper.analysis.priority import Quadrant
from jmapper.model.entities import Opportunity


def test_ranks_are_n_of_scored_and_missing_inputs_are_named() -> None:
    a = Opportunity(
        impact=4, feasibility=4, reach=100, confidence=0.5, effort=2.0
    )  # IF 16, RICE 100
    b = Opportunity(impact=2, feasibility=5, volume=300, severity=3)  # IF 10, VxS 900
    c = Opportunity(impact=4, feasibility=4, reach=1000, confidence=1.0, effort=0.5)  # 16, 8000
    scores = map_scores([a, b, c])
    assert scores[a.id].quadrant is Quadrant.QUICK_WIN
    assert scores[b.id].quadrant is Quadrant.FILL_IN
    assert scores[a.id].impact_feasibility.text() == "16 (rank 1 of 3)"
    assert scores[c.id].impact_feasibility.text() == "16 (rank 1 of 3)"  # tie shares the rank
    assert scores[b.id].impact_feasibility.text() == "10 (rank 3 of 3)"
    assert scores[c.id].rice.text() == "8,000 (rank 1 of 2)"
    assert scores[a.id].rice.text() == "100 (rank 2 of 2)"
    assert scores[b.id].rice.text() == "needs reach, confidence, effort"
    assert scores[b.id].volume_severity.text() == "900 (rank 1 of 1)"
    assert scores[a.id].volume_severity.text() == "needs volume, severity"


def test_format_score() -> None:
    assert format_score(16.0) == "16"
    assert format_score(410400.0) == "410,400"
    assert format_score(0.75) == "0.75"
    assert format_score(1234.5) == "1,234.5"
