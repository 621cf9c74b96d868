"""The whole map through one painter, stacked as the canvas stacks its items.

PNG, SVG and PDF export call this; the canvas calls the same per-box routines
from its items, so an export is the canvas at 100% without selection.
"""

from __future__ import annotations

from jmapper.drawing.cards import (
    draw_card_frame,
    draw_card_markers,
    draw_card_text,
    draw_moment_marker,
    draw_moment_note,
    draw_opportunity,
)
from jmapper.drawing.emotion import draw_emotion_plot, draw_faces
from jmapper.drawing.grid import (
    corner_rect,
    draw_blueprint_label,
    draw_blueprint_line,
    draw_corner,
    draw_lane_label,
    draw_lane_row,
    draw_sheet,
    draw_stage_header,
    draw_step_header,
)
from jmapper.drawing.links import draw_link
from jmapper.drawing.metrics import draw_metric_band, draw_metric_tile
from jmapper.drawing.painter import Painter
from jmapper.layout.boxes import MapLayout, Rect
from jmapper.style import Style, text_colour_on


def draw_map(
    painter: Painter, layout: MapLayout, style: Style, header_fill: str | None = None
) -> None:
    """The whole map at full detail, nothing selected, stage headers in ``header_fill``.

    The sheet, rows, lines, emotion plots, cards, arrows and faces, each over the last,
    then the label column, then the header row and its corner (the canvas's sticky
    layers).  Cards come in three passes (frames, text, badges): they never overlap, and
    fewer colour and font switches keep a 10,000-card PDF close to the bare drawing.
    """
    draw_sheet(painter, Rect(0, 0, layout.width, layout.height), style.paper)
    draw_cells(painter, layout, style)
    draw_label_column(painter, layout, style)
    draw_header_row(painter, layout, style, header_fill)
    draw_corner(painter, corner_rect(layout), style)


def draw_cells(painter: Painter, layout: MapLayout, style: Style) -> None:
    """Everything right of the label column and below the header row.

    A handout page draws these three parts apart (each from a layout cut to the
    page), so its lane labels and headers sit beside a piece of the map.
    """
    for lane in layout.lanes:
        draw_lane_row(painter, lane, layout.columns, layout.grid.x, style)
    for line in layout.blueprint_lines:
        draw_blueprint_line(painter, line, style)
    for emotion in layout.emotion:
        draw_emotion_plot(painter, emotion, style)
    cards = layout.cards.values()
    for box in cards:
        draw_card_frame(painter, box, style)
    for box in cards:
        draw_card_text(painter, box)
    for box in cards:
        draw_card_markers(painter, box, style)
    for band in layout.metric_bands:
        draw_metric_band(painter, band)
    for tile in layout.metric_tiles:
        draw_metric_tile(painter, tile, style)
    for opp in layout.opportunities:
        draw_opportunity(painter, opp, style)
    for moment in layout.moments:
        draw_moment_note(painter, moment, style)
    for link in layout.links:
        draw_link(painter, link, style)
    for emotion in layout.emotion:
        draw_faces(painter, emotion, style)


def draw_label_column(painter: Painter, layout: MapLayout, style: Style) -> None:
    """The lane labels and the blueprint lines' labels."""
    for lane in layout.lanes:
        draw_lane_label(painter, lane, style)
    for line in layout.blueprint_lines:
        draw_blueprint_label(painter, line, style.paper)


def draw_header_row(
    painter: Painter, layout: MapLayout, style: Style, header_fill: str | None = None
) -> None:
    """Stage and step headers and the moment-of-truth markers in them."""
    fill = header_fill or style.header_fill
    text = text_colour_on(fill)
    for stage in layout.stages:
        draw_stage_header(painter, stage, fill, text, separator=style.paper)
    for column in layout.columns:
        draw_step_header(painter, column, style)
    for moment in layout.moments:
        draw_moment_marker(painter, moment, style)
