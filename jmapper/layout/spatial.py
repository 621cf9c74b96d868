"""A one-dimensional bucket index over x, so collision tests meet only their neighbours.

The layout places things column by column (value labels beside emotion faces, say);
testing each candidate against everything in the map makes the work grow with the
square of the map's width.  Filing every item under the x-cells its extent touches
lets a query look only at the items near it, which keeps a whole placement
near-linear.  The index only narrows the candidates: callers still run their exact
test on each, so results are the same as testing everything.
"""

from __future__ import annotations

import math

#: How far beyond a query's extent items are still returned, in points: an exact test on
#: an item farther away than this is False however floating point rounds.
MARGIN = 1.0


class XBuckets:
    """Integer item ids filed by their horizontal extent ``[x0, x1]``."""

    def __init__(self, cell: float = 24.0) -> None:
        self._cell = cell
        self._cells: dict[int, list[int]] = {}

    def _span(self, x0: float, x1: float) -> range:
        return range(math.floor(x0 / self._cell), math.floor(x1 / self._cell) + 1)

    def add(self, item: int, x0: float, x1: float) -> None:
        for k in self._span(x0, x1):
            self._cells.setdefault(k, []).append(item)

    def near(self, x0: float, x1: float) -> set[int]:
        """Every item whose extent comes within :data:`MARGIN` of ``[x0, x1]``, maybe more."""
        found: set[int] = set()
        cells = self._cells
        for k in self._span(x0 - MARGIN, x1 + MARGIN):
            bucket = cells.get(k)
            if bucket:
                found.update(bucket)
        return found
