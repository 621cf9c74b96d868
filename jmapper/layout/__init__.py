"""The pure map layout: every rectangle, text line and curve point, in points.

Qt-free and reportlab-free (stdlib and :mod:`jmapper.model` only), so the
canvas, the PDF exporter and the image exporter draw the same geometry, and
the geometry is unit-tested without a display.  Coordinates put (0, 0) at the
top-left of the map with y growing downwards, as on screen.
"""

from jmapper.layout.boxes import (
    BlueprintLineBox,
    CardBox,
    ColumnBox,
    EmotionCurve,
    EmotionLane,
    EmotionMark,
    LaneBox,
    LinkBox,
    MapLayout,
    Marker,
    MomentBox,
    OpportunityBox,
    Rect,
    StageBox,
    TextBlock,
)
from jmapper.layout.grid import compute_layout, text_block
from jmapper.layout.priority import quadrant
from jmapper.layout.text import TextLine, layout_lines, text_width, wrap
from jmapper.style import DEFAULT_STYLE, Style

__all__ = [
    "DEFAULT_STYLE",
    "BlueprintLineBox",
    "CardBox",
    "ColumnBox",
    "EmotionCurve",
    "EmotionLane",
    "EmotionMark",
    "LaneBox",
    "LinkBox",
    "MapLayout",
    "Marker",
    "MomentBox",
    "OpportunityBox",
    "Rect",
    "StageBox",
    "Style",
    "TextBlock",
    "TextLine",
    "compute_layout",
    "layout_lines",
    "quadrant",
    "text_block",
    "text_width",
    "wrap",
]
