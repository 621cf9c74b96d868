"""One drawing routine for the map, over a small painter protocol.

Pure: imports neither Qt nor reportlab.  ``painter`` holds the protocol,
the other modules one routine per kind of box (cards and badges, the grid,
links, the emotion lane), and ``map`` the whole map in the canvas's stacking
order.  The backends live with their toolkits: ``jmapper.ui.qt_painter`` and
``jmapper.export.pdf_painter``.
"""

from jmapper.drawing.cards import FULL_DETAIL, SELECTION_COLOUR
from jmapper.drawing.map import draw_map
from jmapper.drawing.painter import Dash, Painter, Segment

__all__ = ["FULL_DETAIL", "SELECTION_COLOUR", "Dash", "Painter", "Segment", "draw_map"]
