"""Handout pages: each page draws its window of the map beside the lane labels.

Each page draws a layout cut to its window (:mod:`jmapper.export.handout_cut`)
in three clipped parts (the stage and step headers, the lane labels, the
cells), so the labels and headers repeat on every page and a page's text is
only what it shows.  What a window cuts gets a cue: a stage split across pages
shows its name on every part with "continued" / "continues", the emotion scale
stands at every page's left edge, and the footer says which stages and lanes
the page shows and "page n of N".
"""

from __future__ import annotations

from collections.abc import Callable

from jmapper.drawing.grid import corner_rect, draw_corner
from jmapper.drawing.map import draw_cells, draw_header_row, draw_label_column
from jmapper.drawing.painter import Painter
from jmapper.drawing.text import draw_label
from jmapper.export.furniture import Piece
from jmapper.export.handout_cut import cut_layout, cut_sides
from jmapper.export.handout_plan import FOOTER_DROP, HandoutPlan, Window
from jmapper.layout import MapLayout, Rect, Style
from jmapper.layout.text import text_width
from jmapper.model.bundle import MapBundle
from jmapper.style import text_colour_on

PageFn = Callable[[Painter, int, int], None]
FOOTER_SIZE = 7.5
CUE_SIZE = 7.0


def handout_pages(
    bundle: MapBundle,
    layout: MapLayout,
    style: Style,
    plan: HandoutPlan,
    size: tuple[float, float],
    margin: float,
    accent: str,
    title_block: Callable[[str], Piece],
) -> list[PageFn]:
    """One drawing per page: the map's windows, then (if it needs one) the key page."""
    pw, ph = size
    m = margin

    def page(index: int) -> PageFn:
        window = plan.windows[index] if index < len(plan.windows) else None

        def draw(pen: Painter, number: int, total: int) -> None:
            plan.header.draw(pen, m, m)
            where = "Legend and title block"
            if window is not None:
                _draw_window(
                    pen, bundle, layout, style, accent, window, plan.scale, m, plan.map_top
                )
                where = where_text(layout, window)
            if index == plan.key_page:
                plan.legend.draw(pen, *plan.legend_xy)
                title_block(f"{number} of {total}").draw(pen, *plan.block_xy)
            baseline = ph - m + FOOTER_DROP
            draw_label(pen, m, baseline, where, FOOTER_SIZE, fill=style.muted_text_colour)
            draw_label(
                pen, pw - m, baseline, f"page {number} of {total}", FOOTER_SIZE, align="right"
            )

        return draw

    return [page(i) for i in range(plan.pages)]


def _part(
    pen: Painter,
    src: Rect,
    dst: tuple[float, float],
    scale: float,
    draw: Callable[[], None],
) -> None:
    """Run ``draw`` (layout points) so that ``src`` lands at page point ``dst``, clipped."""
    pen.save()
    pen.clip(Rect(dst[0], dst[1], src.w * scale, src.h * scale))
    pen.translate(dst[0] - src.x * scale, dst[1] - src.y * scale)
    pen.scale(scale)
    draw()
    pen.restore()


def _draw_window(
    pen: Painter,
    bundle: MapBundle,
    layout: MapLayout,
    style: Style,
    accent: str,
    w: Window,
    s: float,
    m: float,
    top: float,
) -> None:
    cut = cut_layout(bundle, layout, style, w)
    label_w, head_h = layout.grid.x, layout.header_height
    band_h = w.y1 - w.y0
    cells_x, cells_y = m + label_w * s, top + head_h * s

    def headers() -> None:
        draw_header_row(pen, cut, style, accent)
        _stage_cues(pen, layout, accent, w)

    _part(
        pen,
        Rect(0, 0, label_w, head_h),
        (m, top),
        s,
        lambda: draw_corner(pen, corner_rect(layout), style),
    )
    _part(pen, Rect(w.x0, 0, w.x1 - w.x0, head_h), (cells_x, top), s, headers)
    if band_h > 0:
        sheet = Rect(0, w.y0, layout.width, band_h)
        _part(
            pen,
            Rect(0, w.y0, label_w, band_h),
            (m, cells_y),
            s,
            lambda: draw_label_column(pen, cut, style),
        )

        def cells() -> None:
            pen.rect(sheet, "#FFFFFF")
            draw_cells(pen, cut, style)
            if w.x0 > label_w + 0.01:  # a curve enters from the page edge: keep the scale clear
                _scale_on_white(pen, cut, style)

        _part(pen, Rect(w.x0, w.y0, w.x1 - w.x0, band_h), (cells_x, cells_y), s, cells)
    # A hairline frame says where the page's piece of the map ends.
    pen.rect(
        Rect(m, top, (label_w + w.x1 - w.x0) * s, (head_h + band_h) * s),
        None,
        style.grid_colour,
        0.6,
    )


def _scale_on_white(pen: Painter, cut: MapLayout, style: Style) -> None:
    """The emotion scale's values again, each on a white patch, over the curves."""
    size = style.tick_text_size
    for lane in cut.emotion:
        x = lane.plot.x + 3
        for _value, y, label in lane.ticks:
            neutral = abs(y - lane.midline_y) < 0.01
            text = f"neutral {label}" if neutral else label
            baseline = y - 2 if neutral else y - 1.5
            pen.rect(
                Rect(x - 1, baseline - size, text_width(text, size) + 2, size + 1.5), "#FFFFFF"
            )
            draw_label(pen, x, baseline, text, size, fill=style.muted_text_colour)


def _stage_cues(pen: Painter, layout: MapLayout, accent: str, w: Window) -> None:
    """ "<- continued" / "continues ->" at the foot of each stage header the page cuts."""
    colour = text_colour_on(accent)
    for stage in layout.stages:
        r = stage.rect
        if r.right <= w.x0 or r.x >= w.x1:
            continue
        left, right = cut_sides(stage, w)
        cue = "   ".join(
            c for c, on in (("\u2190 continued", left), ("continues \u2192", right)) if on
        )
        if cue:
            x = min(r.right, w.x1) - 6
            draw_label(pen, x, r.bottom - 4, cue, CUE_SIZE, fill=colour, align="right")


def where_text(layout: MapLayout, w: Window) -> str:
    """ "Stages 1-2 of 4 (Aware - Contact), lanes 1-3 of 6": what a page shows."""
    if not layout.columns:
        return ""
    index = {st.stage_id: i for i, st in enumerate(layout.stages)}
    names = {st.stage_id: " ".join(line.text for line in st.label.lines) for st in layout.stages}
    first = layout.columns[w.first_column].stage_id
    last = layout.columns[w.last_column].stage_id
    a, b, n = index.get(first, 0) + 1, index.get(last, 0) + 1, len(layout.stages)
    if a == b:
        text = f"Stage {a} of {n} ({names.get(first, '')})"
    else:
        text = f"Stages {a}\u2013{b} of {n} ({names.get(first, '')} \u2013 {names.get(last, '')})"
    lanes = len(layout.lanes)
    if lanes and (w.first_lane > 0 or w.last_lane < lanes - 1):
        text += f", lanes {w.first_lane + 1}\u2013{w.last_lane + 1} of {lanes}"
    return text
