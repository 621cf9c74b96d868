"""Text through a painter: the layout's wrapped blocks and short one-line labels.

Labels (badge codes, tick values, legend and page text) are measured exactly
as the layout measures text (cached), so an aligned label sits where the
layout expects it in every backend.
"""

from __future__ import annotations

from jmapper.drawing.painter import Painter
from jmapper.layout.boxes import TextBlock
from jmapper.layout.text import TextLine, measure_line


def draw_block(painter: Painter, block: TextBlock | None, colour: str = "") -> None:
    """Already wrapped lines where the layout put them, in ``colour`` or the block's own."""
    if block is not None and block.lines:
        painter.text(block.lines, block.size, colour or block.colour)


def draw_label(
    painter: Painter,
    x: float,
    baseline: float,
    text: str,
    size: float,
    *,
    bold: bool = False,
    fill: str = "#1A1A1A",
    align: str = "left",
) -> float:
    """One unwrapped line in ``fill`` starting (left), centred or ending (right) at ``x``.

    Returns its width.
    """
    width, segments = measure_line(text, size, bold)
    if align == "center":
        x -= width / 2
    elif align == "right":
        x -= width
    painter.text((TextLine(text, x, baseline, width, segments),), size, fill)
    return width
