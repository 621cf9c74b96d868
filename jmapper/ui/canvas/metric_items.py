"""Scene items of the metrics lane: one per tile (selectable: it stands for the value it
shows) and one for the whole-journey band.  They draw through
:mod:`jmapper.drawing.metrics`, the routine the PDF and image exports use.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF

from jmapper.drawing.metrics import draw_metric_band, draw_metric_tile
from jmapper.layout.boxes import Rect
from jmapper.layout.metrics import MetricBand, MetricTile
from jmapper.ui.canvas.items import Z_CARD, Z_PLOT, MapItem
from jmapper.ui.qt_painter import QtPainter


def _bounds(rect: Rect, margin: float) -> QRectF:
    return QRectF(rect.x - margin, rect.y - margin, rect.w + 2 * margin, rect.h + 2 * margin)


class MetricTileItem(MapItem):
    """A metric tile; selecting it selects the metric value it shows."""

    kind = "metric_value"
    z = Z_CARD
    margin = 3.0
    selectable = True

    def compute_rect(self, box: MetricTile) -> QRectF:
        return _bounds(box.rect, self.margin)

    def paint(self, painter, option, widget=None) -> None:
        lod = self.lod(option, painter)
        draw_metric_tile(QtPainter(painter), self.box, self.style, lod, self.isSelected())


class MetricBandItem(MapItem):
    """The whole-journey band behind the map-wide tiles."""

    kind = ""
    z = Z_PLOT

    def compute_rect(self, box: MetricBand) -> QRectF:
        return _bounds(box.rect, 1.0)

    def paint(self, painter, option, widget=None) -> None:
        draw_metric_band(QtPainter(painter), self.box)
