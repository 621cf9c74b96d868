"""Names in a tiled sheet's margins: lanes at the left, stages at the top.

A sheet that does not start the map (not in the first column, or not in the
first row) shows cells without the lane labels or stage headers that name
them.  Their names are printed in the sheet's margin, outside the printable
area, so the sheet reads on its own and trimming the margins to assemble the
poster removes them.
"""

from __future__ import annotations

from jmapper.drawing.painter import Painter
from jmapper.drawing.text import draw_label
from jmapper.export.furniture import fit_line
from jmapper.export.options import MM
from jmapper.layout import MapLayout, Rect, Style
from jmapper.style import text_colour_on

#: The margin strip's width (lanes) or height (stages), and the text in it.
STRIP = 6 * MM
SIZE = 7.0


def margin_lane_labels(
    pen: Painter, layout: MapLayout, style: Style, tile: Rect, map_y: float, m: float
) -> None:
    """Each lane's name, turned, in the left margin beside the rows the sheet shows."""
    x = m - 1.5 * MM - STRIP
    top, bottom = m + 2 * MM, m + tile.h - 2 * MM
    for lane in layout.lanes:
        y0 = m + map_y + lane.rect.y - tile.y
        y0, y1 = max(y0, top), min(y0 + lane.rect.h, bottom)
        if y1 - y0 < 12:
            continue
        pen.rect(Rect(x, y0, STRIP, y1 - y0), style.label_fill)
        pen.rect(Rect(x + STRIP - 1.5, y0, 1.5, y1 - y0), lane.accent)
        name = " ".join(line.text for line in lane.label.lines)
        text = fit_line(name, SIZE, y1 - y0 - 6, True)
        pen.save()
        pen.translate(x + STRIP / 2 + SIZE * 0.35, (y0 + y1) / 2)
        pen.rotate(-90)
        draw_label(pen, 0, 0, text, SIZE, bold=True, align="center")
        pen.restore()


def margin_stage_names(
    pen: Painter, layout: MapLayout, style: Style, accent: str, tile: Rect, m: float
) -> None:
    """Each stage's name in the top margin above the columns the sheet shows."""
    del style
    y = m - 1.5 * MM - STRIP
    left, right = m + 2 * MM, m + tile.w - 2 * MM
    colour = text_colour_on(accent)
    for stage in layout.stages:
        x0 = m + stage.rect.x - tile.x
        x0, x1 = max(x0, left), min(x0 + stage.rect.w, right)
        if x1 - x0 < 24:
            continue
        pen.rect(Rect(x0, y, x1 - x0, STRIP), accent, "#FFFFFF", 1.0)
        name = " ".join(line.text for line in stage.label.lines)
        text = fit_line(name, SIZE, x1 - x0 - 8, True)
        draw_label(pen, x0 + 4, y + STRIP / 2 + SIZE * 0.35, text, SIZE, bold=True, fill=colour)
