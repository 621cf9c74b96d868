"""Moving a blueprint line: by keyboard (Up / Down, or Alt+Up / Alt+Down) or by dragging
(the drag itself is :class:`jmapper.ui.canvas.interactions.LineDragInteraction`).

A line sits after the first ``position`` lanes (docs/domain.md, "Service
blueprints").  It moves from lane boundary to lane boundary, skipping hidden
lanes; each move is one undo step.  The document checks the invariant (the
lines keep their order and every zoned lane stays on its side), so a move
that would break it is refused with the sentence that says what to change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jmapper.ui.canvas.host import CanvasHost


def boundaries(canvas: CanvasHost) -> list[tuple[int, float]]:
    """(position, y) of every boundary between shown lanes, top to bottom."""
    bundle = canvas.document_bundle()
    layout = canvas.projection.layout
    if bundle is None or layout is None or not layout.lanes:
        return []
    index = {lane.id: i for i, lane in enumerate(bundle.ordered_lanes())}
    out = [(index[box.lane_id], box.rect.y) for box in layout.lanes]
    last = layout.lanes[-1]
    out.append((index[last.lane_id] + 1, last.rect.bottom))
    return out


def move_line_by(canvas: CanvasHost, line_id: str, step: int) -> bool:
    """Move the line one shown lane up (-1) or down (+1)."""
    bundle = canvas.document_bundle()
    line = bundle.blueprint_lines.get(line_id) if bundle is not None else None
    if line is None:
        return False
    positions = sorted({p for p, _y in boundaries(canvas)})
    if step < 0:
        target = max((p for p in positions if p < line.position), default=None)
    else:
        target = min((p for p in positions if p > line.position), default=None)
    if target is None:
        return False
    return canvas.controller.edit("blueprint_line", line_id, position=target)


def move_line_to(canvas: CanvasHost, line_id: str, y: float) -> bool:
    """Move the line to the lane boundary nearest ``y`` (a drag's drop)."""
    bundle = canvas.document_bundle()
    line = bundle.blueprint_lines.get(line_id) if bundle is not None else None
    found = boundaries(canvas)
    if line is None or not found:
        return False
    position = min(found, key=lambda b: abs(b[1] - y))[0]
    if position == line.position:
        return False
    return canvas.controller.edit("blueprint_line", line_id, position=position)


__all__ = ["boundaries", "move_line_by", "move_line_to"]
