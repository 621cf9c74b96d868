"""Reading the "time per step" users write."""

from __future__ import annotations

from datetime import timedelta

import pytest

from jmapper.analysis.durations import StepTime, parse_step_time

D, H, M = timedelta(days=1), timedelta(hours=1), timedelta(minutes=1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("45 min", StepTime(0 * D, 45 * M)),
        ("1 h 10 min", StepTime(0 * D, 70 * M)),
        ("3-5 days", StepTime(0 * D, 5 * D)),
        ("4\u20136 weeks", StepTime(0 * D, 42 * D)),
        ("75 min, no wait time shown", StepTime(0 * D, 75 * M)),
        ("4 days later", StepTime(4 * D, 0 * D)),
        ("2 days later, 1 h", StepTime(2 * D, 1 * H)),
        ("1.5 hours", StepTime(0 * D, 90 * M)),
        ("5 working days", StepTime(0 * D, 5 * D)),
        ("2 months", StepTime(0 * D, 60 * D)),
        ("", StepTime(0 * D, 0 * D)),
        ("a while", StepTime(0 * D, 0 * D)),
    ],
)
def test_parse_step_time(text: str, expected: StepTime) -> None:
    assert parse_step_time(text) == expected
