"""A map layout cut to one handout page's window, so a page prints only what it shows.

Drawing the whole map under a clip would put every card's words on every page
(a search in the PDF would find a card on all of them, and a reader's copy and
paste would bring the whole map).  The cut keeps the boxes the window touches,
moves each emotion plot's scale to the window's left edge (so every page shows
the scale), and narrows a stage the page cuts to its visible part with its name
wrapped into it.
"""

from __future__ import annotations

from dataclasses import replace

from jmapper.export.furniture import fit_line
from jmapper.export.handout_plan import Window
from jmapper.layout import MapLayout, Rect, Style
from jmapper.layout.boxes import EmotionLane, LinkBox, MetricBand, StageBox
from jmapper.layout.grid import text_block
from jmapper.layout.text import line_height, wrap
from jmapper.model.bundle import MapBundle

#: Room kept at the bottom of a cut stage's header for the "continued" cue.
CUE_ROOM = 10.0


def cut_layout(bundle: MapBundle, layout: MapLayout, style: Style, w: Window) -> MapLayout:
    """``layout`` with only what window ``w`` shows (lanes of its band, its columns)."""
    area = Rect(w.x0, w.y0, w.x1 - w.x0, w.y1 - w.y0)

    def inside(rect: Rect | None) -> bool:
        return rect is not None and rect.intersects(area)

    lanes = tuple(layout.lanes[w.first_lane : w.last_lane + 1])
    columns = tuple(layout.columns[w.first_column : w.last_column + 1])
    stages = tuple(
        _visible_stage(bundle, stage, w, style)
        for stage in layout.stages
        if stage.rect.right > w.x0 + 0.01 and stage.rect.x < w.x1 - 0.01
    )
    emotion = tuple(_emotion(lane, w) for lane in layout.emotion if w.y0 <= lane.plot.y < w.y1)
    return replace(
        layout,
        stages=stages,
        columns=columns,
        lanes=lanes,
        cards={k: c for k, c in layout.cards.items() if inside(c.rect)},
        emotion=emotion,
        blueprint_lines=tuple(b for b in layout.blueprint_lines if w.y0 <= b.y < w.y1),
        links=tuple(link for link in layout.links if _link_inside(link, area)),
        moments=tuple(
            m
            for m in layout.moments
            if w.first_column <= m.column_index <= w.last_column
            and (m.note_rect is None or inside(m.note_rect) or w.first_lane == 0)
        ),
        opportunities=tuple(o for o in layout.opportunities if inside(o.rect)),
        metric_tiles=tuple(t for t in layout.metric_tiles if inside(t.rect)),
        metric_bands=tuple(
            _visible_band(band, w, style) for band in layout.metric_bands if inside(band.rect)
        ),
    )


def _visible_band(band: MetricBand, w: Window, style: Style) -> MetricBand:
    """A whole-journey band from the page's left edge, its caption moved along with it."""
    if band.rect.x >= w.x0 - 0.01:
        return band
    shift = w.x0 - band.rect.x
    rect = Rect(w.x0, band.rect.y, band.rect.right - w.x0, band.rect.h)
    c = band.caption
    caption = text_block(
        c.role,
        c.owner_id,
        [line.text for line in c.lines],
        Rect(c.rect.x + shift, c.rect.y, c.rect.w, c.rect.h),
        c.size,
        style,
        bold=c.bold,
        colour=c.colour,
    )
    return replace(band, rect=rect, caption=caption)


def _emotion(lane: EmotionLane, w: Window) -> EmotionLane:
    """The plot narrowed to the window (its scale at the left edge), faces of its columns."""
    plot = Rect(w.x0, lane.plot.y, w.x1 - w.x0, lane.plot.h)
    curves = tuple(
        replace(
            curve,
            marks=tuple(
                m for m in curve.marks if w.first_column <= m.column_index <= w.last_column
            ),
        )
        for curve in lane.curves
    )
    return replace(lane, plot=plot, curves=curves)


def _link_inside(link: LinkBox, area: Rect) -> bool:
    xs = [link.start[0], link.end[0]]
    ys = [link.start[1], link.end[1]]
    box = Rect(min(xs), min(ys), max(xs) - min(xs) + 0.1, max(ys) - min(ys) + 0.1)
    return box.intersects(area) or (link.label is not None and link.label.rect.intersects(area))


def cut_sides(stage: StageBox, w: Window) -> tuple[bool, bool]:
    """Whether window ``w`` cuts ``stage`` off at its left and at its right."""
    return stage.rect.x < w.x0 - 0.01, stage.rect.right > w.x1 + 0.01


def _visible_stage(bundle: MapBundle, stage: StageBox, w: Window, style: Style) -> StageBox:
    left, right = cut_sides(stage, w)
    if not (left or right):
        return stage
    r = stage.rect
    visible = Rect(max(r.x, w.x0), r.y, min(r.right, w.x1) - max(r.x, w.x0), r.h)
    pad = style.header_padding
    size = stage.label.size
    name = bundle.stages[stage.stage_id].name if stage.stage_id in bundle.stages else ""
    room = max(1, int((r.h - 2 * pad - CUE_ROOM) // line_height(size, style.line_spacing)))
    width = visible.w - 2 * pad
    lines = wrap(name, size, width, True)
    if len(lines) > room:  # the last kept line ends in an ellipsis: never a silent cut
        lines = [*lines[: room - 1], fit_line(" ".join(lines[room - 1 :]), size, width, True)]
    inner = Rect(visible.x + pad, pad, visible.w - 2 * pad, r.h - 2 * pad)
    label = text_block("stage", stage.stage_id, lines, inner, size, style, bold=True)
    return StageBox(stage.stage_id, visible, label)
