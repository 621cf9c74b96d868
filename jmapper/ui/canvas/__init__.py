"""The map canvas: a QGraphicsView projection of one JourneyDocument.

``MapCanvas`` is the one public class; the main window adds ``canvas.canvas_actions``
to its menus and listens to ``selection_changed``, ``edit_refused`` and
``zoom_changed``.
"""

from jmapper.ui.canvas.view import MapCanvas

__all__ = ["MapCanvas"]
