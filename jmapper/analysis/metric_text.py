"""Metric figures as words: one way to print a score, a unit and a change everywhere.

The command line, the metrics lane on the canvas and the PDF all print a
change since baseline as a sign, an arrow and a word ("+3.3 ↑ better"), so
the direction never rests on colour alone (docs/domain.md, WCAG 1.4.1).
"""

from __future__ import annotations

import re

from jmapper.analysis.metric_change import Change, Direction

ARROWS = {Direction.UP: "\u2191", Direction.DOWN: "\u2193", Direction.FLAT: "\u2192"}

_RANGE_UNIT = re.compile(r"^\s*-?\d+\s*[-\u2013]\s*\d+\s*$")


def format_number(number: float | None) -> str:
    """A score as a person reads it: '15,600', '50.6', '-2'; '-' for none."""
    if number is None:
        return "-"
    if abs(number - round(number)) < 0.05:
        return f"{round(number):,d}"
    return f"{number:,.1f}"


def format_with_unit(number: float | None, unit: str) -> str:
    """'50.6%', '14.6 min', '3.1 (1-7)': the number with its unit as people write it."""
    text = format_number(number)
    unit = unit.strip()
    if number is None or not unit:
        return text
    if unit == "%":
        return f"{text}%"
    if _RANGE_UNIT.match(unit):
        return f"{text} ({unit})"
    return f"{text} {unit}"


def verdict(change: Change) -> str:
    """'better', 'worse', 'same' or '' (moved, but nothing says which way is better)."""
    if change.direction is Direction.FLAT:
        return "same"
    return {True: "better", False: "worse", None: ""}[change.improved]


def signed(delta: float) -> str:
    """'+3.3', '-2', '0': a change always carries its sign."""
    return ("+" if delta > 0 and format_number(delta) != "0" else "") + format_number(delta)


def format_change(change: Change | None) -> str:
    """'+3.3 ↑ better', '-2 ↓ better', '0 → same'; '' when there is nothing to compare."""
    if change is None:
        return ""
    words = f"{signed(change.delta)} {ARROWS[change.direction]}"
    word = verdict(change)
    return f"{words} {word}" if word else words


_COUNT = re.compile(r"^\s*([A-Za-z_0-9]+)\s*[:=]\s*([0-9][0-9,_ ]*)\s*$")


def parse_counts(text: str) -> dict[str, int]:
    """'4: 25, 5: 15' (or one pair a line, '=' for ':') as raw counts; ValueError says which.

    Keys are the score ('0'..'10') or a count's name ('contacts', 'promoters', ...);
    counts are whole numbers, thousands separators allowed.
    """
    counts: dict[str, int] = {}
    for part in re.split(r"[;,\n]+(?=\s*[A-Za-z_0-9]+\s*[:=])|[;\n]+", text):
        if not part.strip():
            continue
        match = _COUNT.match(part)
        if match is None:
            raise ValueError(
                f"\u201c{part.strip()}\u201d is not a count; write it as key: number, "
                "e.g. 5: 120 or contacts: 800."
            )
        key, number = match.group(1), re.sub(r"[,_ ]", "", match.group(2))
        counts[key] = counts.get(key, 0) + int(number)
    return counts


def format_counts(counts: dict[str, int]) -> str:
    """Raw counts as the editor shows them: scores in order first, then names."""

    def order(key: str) -> tuple[int, int, str]:
        return (0, int(key), "") if key.isdigit() else (1, 0, key)

    return ", ".join(f"{key}: {counts[key]}" for key in sorted(counts, key=order))


__all__ = [
    "ARROWS",
    "format_counts",
    "parse_counts",
    "format_change",
    "format_number",
    "format_with_unit",
    "signed",
    "verdict",
]
