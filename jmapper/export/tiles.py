"""Tile mode's arithmetic: a grid trimmed to the map, and where the key pieces go.

The grid covers the header and the map only, so no sheet exists for the
legend and title block alone.  Those two are then placed whole on one sheet
each (or both on one) in the part of a sheet that no neighbouring sheet also
prints (outside the overlap strips) and that the map leaves empty; when no
sheet has such room they go on a key sheet of their own after the grid, which
is not part of the assembly.  Pure arithmetic (no reportlab).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from jmapper.export.furniture import Piece
from jmapper.layout import Rect

#: Space kept between the map and a key piece, and between the pieces, in points.
KEY_GAP = 12.0


@dataclass(frozen=True)
class TileGrid:
    rows: int
    cols: int
    step_w: float
    step_h: float
    area_w: float
    area_h: float
    overlap: float

    def tile(self, r: int, c: int) -> Rect:
        """Sheet (r, c)'s printable area in poster points."""
        return Rect(c * self.step_w, r * self.step_h, self.area_w, self.area_h)

    def own(self, r: int, c: int) -> Rect:
        """The part of sheet (r, c) no other sheet prints (its overlap strips removed)."""
        t = self.tile(r, c)
        left = self.overlap if c > 0 else 0.0
        right = self.overlap if c < self.cols - 1 else 0.0
        top = self.overlap if r > 0 else 0.0
        bottom = self.overlap if r < self.rows - 1 else 0.0
        return Rect(t.x + left, t.y + top, t.w - left - right, t.h - top - bottom)


def tile_grid(
    content_w: float, content_h: float, area_w: float, area_h: float, overlap: float
) -> TileGrid:
    """As few sheets as cover ``content_w`` x ``content_h`` with ``overlap`` between them."""
    step_w, step_h = area_w - overlap, area_h - overlap
    cols = max(1, math.ceil((content_w - overlap) / step_w - 1e-9))
    rows = max(1, math.ceil((content_h - overlap) / step_h - 1e-9))
    return TileGrid(rows, cols, step_w, step_h, area_w, area_h, overlap)


@dataclass(frozen=True)
class KeyPlace:
    """Where a key piece goes: a grid sheet (row-major index) or -1 for the key sheet,
    and its top-left corner in poster points (grid) or page points (key sheet)."""

    sheet: int
    x: float
    y: float


def place_key(
    grid: TileGrid,
    content_w: float,
    content_h: float,
    block: Piece,
    build_legend: Callable[[float], Piece],
) -> tuple[KeyPlace | None, KeyPlace | None, Piece]:
    """Places for the title block and the legend on the grid (None: no room there).

    The title block goes to the bottom-right-most free spot; the legend (rebuilt for
    the width it gets) below the map as far left as there is room, else beside it.
    """
    free = _free_rects(grid, content_w, content_h)
    block_at: KeyPlace | None = None
    order = sorted(free, key=lambda f: (-f[1].bottom, -f[1].right))
    for sheet, rect in order:
        if block.w <= rect.w and block.h <= rect.h:
            block_at = KeyPlace(sheet, rect.right - block.w, rect.bottom - block.h)
            free.remove((sheet, rect))
            # What the block leaves of its rect: the part left of it.
            rest = Rect(rect.x, rect.y, rect.w - block.w - KEY_GAP, rect.h)
            if rest.w > 40:
                free.append((sheet, rest))
            break
    taken = (
        Rect(block_at.x - KEY_GAP, block_at.y - KEY_GAP, block.w + KEY_GAP, block.h + KEY_GAP)
        if block_at
        else None
    )
    legend = build_legend(0)
    legend_at: KeyPlace | None = None
    if legend.ops:
        # Below the map first, leftmost first: where a reader looks for a key.
        for sheet, rect in sorted(free, key=lambda f: (f[1].y < content_h, f[1].x, f[1].y)):
            candidate = build_legend(rect.w)
            spot = Rect(rect.x, rect.y, candidate.w, candidate.h)
            fits = candidate.w <= rect.w + 0.01 and candidate.h <= rect.h
            if fits and (taken is None or not spot.intersects(taken)):
                legend, legend_at = candidate, KeyPlace(sheet, rect.x, rect.y)
                break
    return block_at, legend_at, legend


def _free_rects(grid: TileGrid, content_w: float, content_h: float) -> list[tuple[int, Rect]]:
    """Per sheet, the empty parts of its own area: below the content and right of it."""
    out: list[tuple[int, Rect]] = []
    for r in range(grid.rows):
        for c in range(grid.cols):
            own = grid.own(r, c)
            sheet = r * grid.cols + c
            below_y = max(own.y, content_h + KEY_GAP)
            if own.bottom - below_y > 0:
                out.append((sheet, Rect(own.x, below_y, own.w, own.bottom - below_y)))
            right_x = max(own.x, content_w + KEY_GAP)
            if own.right - right_x > 0 and own.y < content_h:
                out.append((sheet, Rect(right_x, own.y, own.right - right_x, own.h)))
    return out
