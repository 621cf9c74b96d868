"""Where a pasted spreadsheet block lands on the grid, and selected cards as a block to copy.

A block pasted at the current cell fills the cells to its right and below,
in the order the canvas shows lanes and columns; what falls past the last
lane or column is left out (the controller says how much).  Copying works the
other way: the cells the selected cards sit in, from the top-left one to the
bottom-right one, become a tab-separated block a spreadsheet pastes as is.
"""

from __future__ import annotations

from jmapper.interchange.tsv import block_text, cell_items, items_text
from jmapper.layout.boxes import MapLayout
from jmapper.model.bundle import MapBundle
from jmapper.model.entities import Card
from jmapper.ui.canvas.cells import Cell

#: A placed cell of a pasted block: lane id, column index, its cards as (title, description).
Placed = tuple[str, int, list[tuple[str, str]]]


def block_cells(layout: MapLayout, at: Cell, rows: list[list[str]]) -> list[Placed]:
    """The non-empty cells of ``rows`` placed from ``at``; off-grid ones get lane id ''."""
    lanes = [lane.lane_id for lane in layout.lanes]
    top = lanes.index(at.lane_id) if at.lane_id in lanes else 0
    placed: list[Placed] = []
    for r, row in enumerate(rows):
        lane_id = lanes[top + r] if top + r < len(lanes) else ""
        for c, text in enumerate(row):
            items = cell_items(text)
            if items:
                placed.append((lane_id, at.column + c, items))
    return placed


def selection_block(bundle: MapBundle, layout: MapLayout, cards: list[Card]) -> str:
    """The cells holding ``cards``, as a tab-separated block from the top-left to bottom-right."""
    lanes = [lane.lane_id for lane in layout.lanes]
    index = {(c.stage_id, c.step_id): c.index for c in bundle.columns()}
    placed = [
        (lanes.index(card.lane_id), index[(card.stage_id, card.step_id)], card)
        for card in cards
        if card.lane_id in lanes and (card.stage_id, card.step_id) in index
    ]
    if not placed:
        return ""
    top = min(r for r, _, _ in placed)
    left = min(c for _, c, _ in placed)
    height = max(r for r, _, _ in placed) - top + 1
    width = max(c for _, c, _ in placed) - left + 1
    cells: dict[tuple[int, int], list[Card]] = {}
    for r, c, card in placed:
        cells.setdefault((r - top, c - left), []).append(card)
    rows = [
        [
            items_text(
                [
                    (card.title, card.description)
                    for card in sorted(cells.get((r, c), []), key=lambda k: (k.position, k.id))
                ]
            )
            if (r, c) in cells
            else ""
            for c in range(width)
        ]
        for r in range(height)
    ]
    return block_text(rows)
