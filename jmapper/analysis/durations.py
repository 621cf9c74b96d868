"""Reading the "time per step" users write ("45 min", "3-5 days", "2 days later, 1 h").

A step's duration is free text, so this reads what it can: numbers with a
unit, ranges (the upper bound counts: a gap that *may* last five days is a
gap to look at), several parts added up ("1 h 10 min").  Whatever comes
before the word "later" is a wait *before* the step starts ("4 days later"),
kept apart from the step's own length.  Text with no number and unit reads
as zero: unknown, so it never raises a finding on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

_UNITS: tuple[tuple[tuple[str, ...], timedelta], ...] = (
    (("s", "sec", "secs", "second", "seconds"), timedelta(seconds=1)),
    (("m", "min", "mins", "minute", "minutes"), timedelta(minutes=1)),
    (("h", "hr", "hrs", "hour", "hours"), timedelta(hours=1)),
    (("d", "day", "days", "working day", "working days"), timedelta(days=1)),
    (("w", "wk", "wks", "week", "weeks"), timedelta(weeks=1)),
    (("month", "months"), timedelta(days=30)),
)
_UNIT_OF = {name: length for names, length in _UNITS for name in names}
_UNIT_PATTERN = "|".join(sorted((re.escape(n) for n in _UNIT_OF), key=len, reverse=True))
_PART = re.compile(
    rf"(\d+(?:[.,]\d+)?)(?:\s*(?:-|\u2013|to)\s*(\d+(?:[.,]\d+)?))?\s*({_UNIT_PATTERN})\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class StepTime:
    """A step's own length and the wait before it starts."""

    lead: timedelta
    length: timedelta


def _total(text: str) -> timedelta:
    total = timedelta()
    for match in _PART.finditer(text):
        amount = float((match.group(2) or match.group(1)).replace(",", "."))
        total += amount * _UNIT_OF[match.group(3).lower()]
    return total


def parse_step_time(text: str) -> StepTime:
    """The lead wait and the length written in ``text`` (zero where nothing is readable)."""
    before, later, after = text.lower().partition("later")
    if not later:
        return StepTime(timedelta(), _total(text))
    return StepTime(_total(before), _total(after))


__all__ = ["StepTime", "parse_step_time"]
