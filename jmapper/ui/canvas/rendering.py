"""The canvas's scene as an image: the whole map, as the user sees it, for tests and shots.

Sticky layers are put back at the map's origin and the cell cursor hidden
while painting, then restored; selection stays as it is on screen.  (PNG and
SVG export draw the layout directly with :func:`jmapper.drawing.draw_map`.)
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from jmapper.ui.canvas.projection import Projection


def render_scene(
    scene: QGraphicsScene, projection: Projection, cursor: QGraphicsItem, scale: float = 1.0
) -> QImage:
    """The whole map at ``scale`` pixels per point; a null image with no map."""
    layout = projection.layout
    if layout is None:
        return QImage()
    size = QSize(max(1, round(layout.width * scale)), max(1, round(layout.height * scale)))
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor("#FFFFFF"))
    header, label = projection.header_layer.pos(), projection.label_layer.pos()
    projection.set_sticky_offset(0.0, 0.0)
    shown = cursor.isVisible()
    cursor.setVisible(False)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(
        painter,
        # The exact scale, not the rounded image size: a fractional map height would
        # otherwise squash the picture by a fraction of a pixel (PNG export draws exact).
        QRectF(0, 0, layout.width * scale, layout.height * scale),
        QRectF(0, 0, layout.width, layout.height),
    )
    painter.end()
    cursor.setVisible(shown)
    projection.set_sticky_offset(label.x(), header.y())
    return image
