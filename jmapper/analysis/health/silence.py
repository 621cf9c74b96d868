"""Rule: no long silence between touchpoints within a stage.

The steps' durations say how long the customer spends in each; a touchpoint
is taken to happen when its step starts.  Walking a stage's steps in order,
the time since the last touchpoint grows by each step's length (and by any
wait written before a step, "4 days later"), and a touchpoint ends the
silence.  A silence of :data:`LONG_SILENCE` or more, including the time from
the last touchpoint to the end of the stage, is a finding.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from jmapper.analysis.durations import parse_step_time
from jmapper.analysis.health.findings import Problem, Rule, Severity, Target
from jmapper.analysis.touchpoints import touchpoint_columns
from jmapper.model.bundle import MapBundle
from jmapper.model.entities import Stage, Step

#: A working week with nothing from the organisation is a long silence.
LONG_SILENCE = timedelta(days=5)


def _describe(span: timedelta) -> str:
    days = span / timedelta(days=1)
    if days >= 14:
        return f"{days / 7:.0f} weeks"
    return f"{days:.0f} days"


def _problem(stage: Stage, start: Step, silence: timedelta) -> Problem:
    return Problem(
        Target("step", start.id),
        f"In the stage \u201c{stage.name}\u201d the customer hears nothing for up to "
        f"{_describe(silence)} from \u201c{start.name}\u201d on; add a status update or "
        "notification touchpoint in that gap, or shorten it.",
    )


def long_silence(bundle: MapBundle, today: date) -> Iterator[Problem]:
    touched = touchpoint_columns(bundle)
    for stage in bundle.ordered_stages():
        steps = bundle.ordered_steps(stage.id)
        if not steps:
            continue
        start, silence = steps[0], timedelta()
        for step in steps:
            time = parse_step_time(step.duration)
            silence += time.lead
            column = bundle.column_of(stage.id, step.id)
            if column is not None and column.index in touched:
                if silence >= LONG_SILENCE:
                    yield _problem(stage, start, silence)
                start, silence = step, timedelta()
            silence += time.length
        if silence >= LONG_SILENCE:
            yield _problem(stage, start, silence)


RULES = (
    Rule(
        "long-silence",
        Severity.WARNING,
        "Within a stage, step durations add up to 5 days or more with no touchpoint.",
        long_silence,
    ),
)
