"""Cards, their badges, opportunities and moments of truth: one rule each.

Every function draws one layout box through a :class:`Painter`.  ``lod`` is
the level of detail (1.0 at 100%): zoomed far out a card is a coloured block
with a title bar, then its frame and title, then everything.  Exports draw at
:data:`FULL_DETAIL`; ``selected`` is for the canvas only.
"""

from __future__ import annotations

from jmapper.drawing.comments import draw_comment_bubble
from jmapper.drawing.painter import Painter
from jmapper.drawing.text import draw_block, draw_label
from jmapper.layout.boxes import CardBox, Marker, MomentBox, OpportunityBox, Rect
from jmapper.style import MARKER_FILLS, OKABE_ITO, Style, marker_stroke

#: Full detail: what the canvas shows at 100% and what every export draws.
FULL_DETAIL = 1.0
#: Below this level of detail a card is a block; from it on its frame and title show.
SKETCH_DETAIL = 0.35
#: From this level of detail on, bodies and badges show too.
BODY_DETAIL = 0.6
SELECTION_COLOUR = "#0060DF"
CARD_RADIUS = 3.0
INK = "#1A1A1A"
NOTE_FILL = "#FBF6C9"


def draw_marker(painter: Painter, marker: Marker, style: Style) -> None:
    """A badge: its kind gives fill and outline (pill-shaped for a failure point)."""
    if marker.kind == "comment":
        draw_comment_bubble(painter, marker.rect, marker.code)
        return
    stroke, width = marker_stroke(marker.kind, style)
    radius = marker.rect.h / 2 if marker.kind == "failure" else 2.0
    fill = MARKER_FILLS.get(marker.kind, "#FFFFFF")
    painter.rect(marker.rect, fill, stroke, width, radius)
    size = style.marker_text_size
    cx, cy = marker.rect.centre
    draw_label(
        painter,
        cx,
        cy + size * 0.36,
        marker.code,
        size,
        bold=True,
        fill=style.text_colour,
        align="center",
    )


def draw_card(
    painter: Painter,
    box: CardBox,
    style: Style,
    lod: float = FULL_DETAIL,
    selected: bool = False,
) -> None:
    """A card at ``lod``; see the module docstring."""
    if lod < SKETCH_DETAIL:
        draw_card_sketch(painter, box, selected)
        return
    draw_card_frame(painter, box, style)
    draw_card_text(painter, box, lod)
    draw_card_markers(painter, box, style, lod)
    if selected:
        draw_selection(painter, box.rect)


def draw_card_sketch(painter: Painter, box: CardBox, selected: bool) -> None:
    """A card too small to read: its border colour, its fill, a grey bar for its title."""
    r = box.rect
    painter.rect(r, SELECTION_COLOUR if selected else box.border)
    painter.rect(Rect(r.x + 1.5, r.y + 1.5, r.w - 3, r.h - 3), box.fill)
    t = box.title.rect
    painter.rect(Rect(t.x, t.y + 1, t.w * 0.7, min(t.h - 2, 7.0)), "#9A9A9A")


def draw_card_frame(painter: Painter, box: CardBox, style: Style) -> None:
    """Fill and border; a failure point's border is drawn heavier."""
    width = style.card_border_weight * (2.2 if box.failure_point else 1.0)
    painter.rect(box.rect, box.fill, box.border, width, CARD_RADIUS)


def draw_card_text(painter: Painter, box: CardBox, lod: float = FULL_DETAIL) -> None:
    draw_block(painter, box.title)
    if lod >= BODY_DETAIL:
        draw_block(painter, box.body)


def draw_card_markers(
    painter: Painter, box: CardBox, style: Style, lod: float = FULL_DETAIL
) -> None:
    if lod >= BODY_DETAIL:
        for marker in box.markers:
            draw_marker(painter, marker, style)


def draw_selection(painter: Painter, rect: Rect) -> None:
    """A thick blue outline outside a box: seen by weight, not only by colour."""
    outline = Rect(rect.x - 2, rect.y - 2, rect.w + 4, rect.h + 4)
    painter.rect(outline, None, SELECTION_COLOUR, 2.5, 4.0)


def draw_opportunity(
    painter: Painter,
    box: OpportunityBox,
    style: Style,
    lod: float = FULL_DETAIL,
    selected: bool = False,
) -> None:
    """A dashed green card with its priority badge."""
    painter.rect(box.rect, box.fill, OKABE_ITO["bluish_green"], 0.9, CARD_RADIUS, (3.0, 2.0))
    if lod >= SKETCH_DETAIL:
        draw_block(painter, box.title)
    if lod >= BODY_DETAIL:
        draw_block(painter, box.body)
        if box.priority_rect is not None:
            badge = Marker("priority", box.priority_rect, box.priority, box.priority)
            draw_marker(painter, badge, style)
        if box.votes_rect is not None:
            draw_marker(painter, Marker("votes", box.votes_rect, box.votes, box.votes), style)
        if box.comments is not None:
            draw_marker(painter, box.comments, style)
    if selected:
        draw_selection(painter, box.rect)


def draw_diamond(painter: Painter, rect: Rect, style: Style) -> None:
    """The moment-of-truth mark: a diamond touching the middle of each side of ``rect``."""
    cx, cy = rect.centre
    corners = ((rect.right, cy), (cx, rect.bottom), (rect.x, cy))
    painter.path((cx, rect.y), [(p,) for p in corners], style.moment_colour, INK, 0.6, close=True)


def draw_moment_marker(
    painter: Painter, moment: MomentBox, style: Style, selected: bool = False
) -> None:
    draw_diamond(painter, moment.marker, style)
    if selected:
        r = moment.marker
        painter.rect(Rect(r.x - 2, r.y - 2, r.w + 4, r.h + 4), None, SELECTION_COLOUR, 2.0)


def draw_moment_note(
    painter: Painter, moment: MomentBox, style: Style, selected: bool = False
) -> None:
    if moment.note_rect is None:
        return
    painter.rect(moment.note_rect, NOTE_FILL, style.moment_colour, 1.0, CARD_RADIUS)
    draw_block(painter, moment.note)
    if selected:
        draw_selection(painter, moment.note_rect)
