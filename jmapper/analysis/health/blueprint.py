"""Rule: the blueprint lines in order, with every lane on its side of them.

The check is the model's own (:func:`jmapper.model.invariants.check_blueprint_lines`):
edits already refuse a broken line order, but a user may confirm a lane on
the wrong side of a line, and an imported map may carry one; this rule keeps
such a map flagged until it is put right.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from jmapper.analysis.health.findings import Problem, Rule, Severity, Target
from jmapper.model.bundle import MapBundle
from jmapper.model.errors import DomainError
from jmapper.model.invariants import check_blueprint_lines


def blueprint_line_order(bundle: MapBundle, today: date) -> Iterator[Problem]:
    try:
        check_blueprint_lines(bundle)
    except DomainError as error:
        lines = bundle.ordered_lines()
        target = Target("blueprint_line", lines[0].id) if lines else Target("map", bundle.map.id)
        yield Problem(target, str(error))


RULES = (
    Rule(
        "blueprint-line-order",
        Severity.ERROR,
        "Blueprint lines out of order, or a lane on the wrong side of a line.",
        blueprint_line_order,
    ),
)
