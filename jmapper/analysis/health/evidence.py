"""Rule: every stage rests on data (a cited source or an evidence item)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from jmapper.analysis.coverage import stages_backed_by_data
from jmapper.analysis.health.findings import Problem, Rule, Severity, Target
from jmapper.model.bundle import MapBundle


def stage_without_evidence(bundle: MapBundle, today: date) -> Iterator[Problem]:
    backed = stages_backed_by_data(bundle)
    for stage in bundle.ordered_stages():
        if stage.id not in backed:
            yield Problem(
                Target("stage", stage.id),
                f"The stage \u201c{stage.name}\u201d cites no data source or evidence item; add "
                "the research or data it rests on.",
            )


RULES = (
    Rule(
        "stage-without-evidence",
        Severity.WARNING,
        "A stage cites no data source and carries no evidence item.",
        stage_without_evidence,
    ),
)
