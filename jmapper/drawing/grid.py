"""The map's frame: the sheet, lane rows and labels, headers, blueprint lines.

The lane rows, lines and labels are drawn per lane (as the canvas has one
item per lane), so the whole-map drawing and the canvas are the same strokes.
"""

from __future__ import annotations

from collections.abc import Sequence

from jmapper.drawing.cards import SELECTION_COLOUR
from jmapper.drawing.comments import draw_comment_bubble
from jmapper.drawing.painter import Painter
from jmapper.drawing.text import draw_block, draw_label
from jmapper.layout.boxes import (
    BlueprintLineBox,
    ColumnBox,
    EvidenceBadge,
    LaneBox,
    MapLayout,
    Rect,
    StageBox,
)
from jmapper.style import Style

WHITE = "#FFFFFF"
#: The accent bar at the left end of each lane label.
ACCENT_WIDTH = 4.0


def draw_sheet(painter: Painter, rect: Rect, paper: str = WHITE) -> None:
    """The sheet under the map: gaps between lanes show paper."""
    painter.rect(rect, paper)


def corner_rect(layout: MapLayout) -> Rect:
    """The top-left corner where the header row and the label column meet."""
    return Rect(0, 0, layout.grid.x, layout.header_height)


def draw_corner(painter: Painter, rect: Rect, style: Style) -> None:
    painter.rect(rect, style.label_fill)


def draw_stage_header(
    painter: Painter,
    stage: StageBox,
    fill: str,
    text: str,
    selected: bool = False,
    separator: str = WHITE,
) -> None:
    painter.rect(stage.rect, fill, separator, 1.0)
    draw_block(painter, stage.label, text)
    if stage.evidence is not None:
        draw_evidence_badge(painter, stage.evidence, fill, text)
    if stage.comments is not None:
        draw_comment_bubble(painter, stage.comments.rect, stage.comments.code)
    if selected:
        draw_header_selection(painter, stage.rect)


def evidence_text_size(badge_height: float) -> float:
    """The badge's type size: 7 pt on the 11 pt high badge of the default style, growing
    with the badge (presentation's larger badges keep their words readable)."""
    return badge_height * 7.0 / 11.0


def draw_evidence_badge(painter: Painter, badge: EvidenceBadge, fill: str, text: str) -> None:
    """'Data n' in header colours reversed (a solid badge); 'No data' as a dashed empty outline.

    Drawn in the header's own text colour, so it reads on any accent fill.
    """
    size = evidence_text_size(badge.rect.h)
    cx, cy = badge.rect.centre
    if badge.backed:
        painter.rect(badge.rect, text, None, 0.0, 2.0)
        ink = fill
    else:
        painter.rect(badge.rect, None, text, 0.9, 2.0, (2.0, 1.5))
        ink = text
    draw_label(painter, cx, cy + size * 0.36, badge.code, size, bold=True, fill=ink, align="center")


def draw_step_header(
    painter: Painter, column: ColumnBox, style: Style, selected: bool = False
) -> None:
    if column.header is None:
        return
    painter.rect(column.header, style.step_header_fill, style.paper, 1.0)
    draw_block(painter, column.label)
    if column.comments is not None:
        draw_comment_bubble(painter, column.comments.rect, column.comments.code)
    if selected:
        draw_header_selection(painter, column.header)


def draw_header_selection(painter: Painter, rect: Rect) -> None:
    """A heavy blue outline just inside a header or label cell."""
    painter.rect(
        Rect(rect.x + 1.5, rect.y + 1.5, rect.w - 3, rect.h - 3), None, SELECTION_COLOUR, 3.0
    )


def draw_lane_label(painter: Painter, lane: LaneBox, style: Style, selected: bool = False) -> None:
    """The label cell: its fill, the lane's accent bar, the rules below and beside it."""
    r = lane.label_rect
    painter.rect(r, style.label_fill)
    painter.rect(Rect(0, lane.rect.y, ACCENT_WIDTH, lane.rect.h), lane.accent)
    painter.line(r.x, r.bottom, r.right, r.bottom, style.grid_colour, style.grid_weight)
    painter.line(r.right, r.y, r.right, r.bottom, style.grid_colour, 0.8)
    draw_block(painter, lane.label)
    if lane.comments is not None:
        draw_comment_bubble(painter, lane.comments.rect, lane.comments.code)
    if selected:
        draw_header_selection(painter, r)


def draw_lane_row(
    painter: Painter, lane: LaneBox, columns: Sequence[ColumnBox], grid_x: float, style: Style
) -> None:
    """The cell area of one lane: white band, row rules and the column separators."""
    r = lane.rect
    painter.rect(Rect(grid_x, r.y, r.right - grid_x, r.h), style.paper)
    rules = [(grid_x, r.y, r.right, r.y), (grid_x, r.bottom, r.right, r.bottom)]
    rules += [(column.x, r.y, column.x, r.bottom) for column in columns[1:]]
    painter.lines(rules, style.grid_colour, style.grid_weight)


def draw_rule(
    painter: Painter,
    x0: float,
    x1: float,
    y: float,
    weight: float,
    dash: tuple[float, ...],
    style: Style,
) -> None:
    """A blueprint line's stroke (on the map and in the legend)."""
    painter.line(x0, y, x1, y, style.line_colour, weight, dash)


def draw_blueprint_line(painter: Painter, line: BlueprintLineBox, style: Style) -> None:
    draw_rule(painter, line.x0, line.x1, line.y, line.weight, line.dash, style)


def draw_blueprint_label(painter: Painter, line: BlueprintLineBox, paper: str = WHITE) -> None:
    painter.rect(line.label_bg, paper)
    draw_block(painter, line.label)
