"""Comment count badges: how many open comments an object carries, on the object itself.

A speech-bubble badge with the number of unresolved comments sits on a card
(in its badge row), at the bottom right of a stage or step header, and at the
bottom right of a lane label.  Resolved comments do not count; the Comments
panel lists every comment (docs/research.md).  Headers and labels keep the
badge's width clear of their text when they carry one.
"""

from __future__ import annotations

from collections import Counter

from jmapper.layout.boxes import CommentBadge, Rect
from jmapper.layout.text import text_width
from jmapper.model.bundle import MapBundle
from jmapper.style import Style

#: Gap between a comment badge and its neighbour (the evidence badge, the frame).
GAP = 3.0


def open_comments(bundle: MapBundle) -> Counter[str]:
    """Unresolved comments per target id (stage, step, lane, card, opportunity or map)."""
    counts: Counter[str] = Counter()
    for comment in bundle.comments.values():
        if not comment.resolved:
            counts[comment.target_id or bundle.map.id] += 1
    return counts


def bubble_width(code: str, style: Style) -> float:
    """A badge's width: its number plus room for the bubble's rounded ends."""
    return max(style.marker_size + 4, text_width(code, style.marker_text_size + 1, True) + 9)


def reserve(count: int, style: Style) -> float:
    """Width a header or label keeps free for a badge of ``count`` (0: none)."""
    return bubble_width(str(count), style) + GAP if count else 0.0


def badge_at(right: float, bottom: float, count: int, style: Style) -> CommentBadge:
    """A badge whose bottom-right corner is at (right, bottom)."""
    code = str(count)
    w, h = bubble_width(code, style), style.marker_size
    return CommentBadge(Rect(right - w, bottom - h, w, h), count, code)


__all__ = ["GAP", "badge_at", "bubble_width", "open_comments", "reserve"]
