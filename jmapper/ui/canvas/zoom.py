"""Zoom for the map canvas: the one place that sets the view's scale.

Wheel with Ctrl, pinch and trackpad gestures, the zoom actions and presentation
all end in :meth:`Zoom.apply`, which keeps the sticky header and label layers in
place and announces the new value through the canvas's ``zoom_changed``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt
from PySide6.QtGui import QNativeGestureEvent, QTransform, QWheelEvent
from PySide6.QtWidgets import QGraphicsView

if TYPE_CHECKING:
    from jmapper.ui.canvas.host import CanvasHost

#: Scene units are points; 100% shows them at their real size on a 96 dpi screen.
ZOOM_BASE = 96 / 72
MIN_ZOOM, MAX_ZOOM = 0.05, 8.0


class Zoom:
    """The canvas's zoom level (1.0 is 100%) and the gestures that change it."""

    def __init__(self, canvas: CanvasHost) -> None:
        self.canvas = canvas
        self.value = 1.0
        canvas.setTransform(QTransform.fromScale(ZOOM_BASE, ZOOM_BASE))

    def set(self, zoom: float, anchor: QPoint | None = None) -> None:
        """Zoom to ``zoom``, keeping the scene point under ``anchor`` still."""
        view = self.canvas
        zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        if anchor is None:
            anchor = view.viewport().rect().center()
        before = view.mapToScene(anchor)
        old = view.transformationAnchor()
        view.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        view.setTransform(QTransform.fromScale(zoom * ZOOM_BASE, zoom * ZOOM_BASE))
        delta = (view.mapToScene(anchor) - before) * zoom * ZOOM_BASE
        view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() - round(delta.x()))
        view.verticalScrollBar().setValue(view.verticalScrollBar().value() - round(delta.y()))
        view.setTransformationAnchor(old)
        self.apply(zoom)

    def scale_to(self, zoom: float) -> None:
        """Set the scale without anchoring (the caller scrolls where it wants)."""
        self.canvas.setTransform(QTransform.fromScale(zoom * ZOOM_BASE, zoom * ZOOM_BASE))
        self.apply(zoom)

    def apply(self, zoom: float) -> None:
        """The view's scale is now ``zoom``: keep the sticky layers and tell listeners."""
        self.canvas.update_sticky()
        if abs(zoom - self.value) > 1e-9:
            self.value = zoom
            self.canvas.zoom_changed.emit(zoom)

    def by(self, factor: float, anchor: QPoint | None = None) -> None:
        self.set(self.value * factor, anchor)

    def fit(self) -> None:
        layout = self.canvas.projection.layout
        if layout is None:
            return
        self.canvas.fitInView(
            QRectF(-8, -8, layout.width + 16, layout.height + 16),
            Qt.AspectRatioMode.KeepAspectRatio,
        )
        self.apply(self.canvas.transform().m11() / ZOOM_BASE)

    def wheel(self, event: QWheelEvent) -> bool:
        """Ctrl+wheel zooms around the pointer; True when the event was used."""
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return False
        self.by(1.15 ** (event.angleDelta().y() / 120), event.position().toPoint())
        return True

    def native_gesture(self, event: QEvent) -> bool:
        """A trackpad pinch on macOS; True when the event was used."""
        if (
            isinstance(event, QNativeGestureEvent)
            and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture
        ):
            self.by(1.0 + event.value(), event.position().toPoint())
            return True
        return False

    def pinch(self, event: QEvent) -> bool:
        """A touch pinch gesture; True when the event was used."""
        if event.type() != QEvent.Type.Gesture:
            return False
        pinch = event.gesture(Qt.GestureType.PinchGesture)  # type: ignore[attr-defined]
        if pinch is None:
            return False
        factor = pinch.scaleFactor()
        if factor > 0:
            anchor = self.canvas.viewport().mapFromGlobal(pinch.centerPoint().toPoint())
            self.by(factor, anchor)
        return True
