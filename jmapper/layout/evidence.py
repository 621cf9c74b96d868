"""The per-stage "backed by data" badge in the stage header.

Every stage header carries one: "Data 3" on a filled badge when the stage
cites data sources or carries evidence items (on itself, its steps or its
cards; the count is both together), and "No data" on an empty, dashed badge
when it has none, so a stage resting on nothing is visible at a glance, in
words and not by colour (docs/domain.md, "What goes wrong").  The rule that
decides is :func:`jmapper.analysis.coverage.stage_evidence`, shared with the
health check.
"""

from __future__ import annotations

from jmapper.layout.boxes import EvidenceBadge, Rect
from jmapper.layout.text import text_width
from jmapper.style import Style

NO_DATA = "No data"
#: Room the stage name leaves free at the right of its header for the badge.
BADGE_GAP = 4.0


def badge_code(count: int) -> str:
    """What the badge prints: 'Data 3', or 'No data'."""
    return f"Data {count}" if count else NO_DATA


def badge_width(code: str, style: Style) -> float:
    return text_width(code, style.marker_text_size + 1, True) + 8


def badge_reserve(style: Style) -> float:
    """Width the stage name keeps clear at the right: the widest badge plus a gap."""
    return badge_width("Data 888", style) + BADGE_GAP


def stage_badge(header: Rect, count: int, style: Style) -> EvidenceBadge:
    """The badge at the bottom right of a stage header (a moment diamond may sit above it)."""
    code = badge_code(count)
    w = badge_width(code, style)
    h = style.marker_size
    rect = Rect(header.right - w - style.header_padding, header.bottom - h - 3, w, h)
    return EvidenceBadge(rect, count > 0, count, code)


__all__ = ["NO_DATA", "badge_code", "badge_reserve", "badge_width", "stage_badge"]
