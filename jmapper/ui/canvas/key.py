"""The key on the canvas: what every curve, badge, marker, arrow and line on this map means.

The same legend the PDF prints (:func:`jmapper.export.furniture.build_legend`,
drawn through the painter protocol, so its swatches are the map's own faces,
badges, diamond, arrows and rules), listing only what the map uses: each
curve by persona and series, the channel, failure, severity, priority and
evidence badges, the moment-of-truth diamond, one- and two-way arrows and the
blueprint lines.  It floats in the bottom-right corner of the canvas, in the
editor and while presenting (then larger, at least 14 px, above the
overview), and View > Show Key (Ctrl+K) shows or hides it.  It ignores the
mouse, so the map under it stays editable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from jmapper.export.furniture import Piece, build_legend
from jmapper.style import light_variant
from jmapper.ui.qt_painter import QtPainter

if TYPE_CHECKING:
    from jmapper.ui.canvas.host import CanvasHost

#: The legend's smallest text, in points (furniture.build_legend's item labels).
LEGEND_TEXT_PT = 7.0
#: Pixels per legend point: in the editor (7 pt at 11.2 px) and presenting (at least 14 px).
EDITOR_SCALE = 1.6
PRESENTING_SCALE = 14.0 / LEGEND_TEXT_PT
PADDING = 8


class MapKey(QWidget):
    """The floating key; :meth:`refresh` after the layout changed, :meth:`place` after a resize."""

    def __init__(self, canvas: CanvasHost) -> None:
        super().__init__(canvas.viewport())
        self.canvas = canvas
        self.setObjectName("mapKey")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.piece: Piece | None = None
        self.scale = EDITOR_SCALE
        self.hide()

    def set_shown(self, shown: bool) -> None:
        self.setVisible(shown)
        if shown:
            self.refresh()

    def refresh(self) -> None:
        """Rebuild the legend from the canvas's current layout (only while shown)."""
        if not self.isVisible():
            return
        canvas = self.canvas
        layout = canvas.projection.layout
        bundle = canvas.document_bundle()
        if layout is None or bundle is None:
            self.piece = None
        else:
            self.scale = PRESENTING_SCALE if canvas.presenting() else EDITOR_SCALE
            room = max(200.0, canvas.viewport().width() * 0.72 / self.scale)
            # The swatches at the editor's size: the legend's rows are spaced for them.
            style = light_variant(canvas.normal_style())  # the key is white in either scheme
            self.piece = build_legend(bundle, layout, room, style)
        self.place()

    def place(self) -> None:
        """Bottom right of the viewport (above the presentation overview when it shows)."""
        piece = self.piece
        if piece is None or piece.w <= 0:
            self.resize(0, 0)
            return
        width = round(piece.w * self.scale) + 2 * PADDING
        height = round(piece.h * self.scale) + 2 * PADDING
        viewport = self.canvas.viewport()
        bottom = viewport.height() - 12
        overview = self.canvas.presentation.overview
        if overview.isVisible():
            bottom = overview.y() - 8
        self.setGeometry(viewport.width() - width - 12, bottom - height, width, height)
        self.raise_()
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        piece = self.piece
        if piece is None:
            return
        painter = QPainter(self)
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        painter.fillRect(self.rect(), QColor("#FFFFFF"))
        painter.setPen(QPen(QColor("#5f6670"), 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.translate(PADDING, PADDING)
        piece.draw(QtPainter(painter), 0, 0, self.scale)
        painter.end()
