"""The canvas as its helpers see it: a QGraphicsView plus the map state they may use.

Zoom, presentation, the key, moments, keyboard editing, research actions and
mouse interactions each work on the canvas, and the canvas
(:class:`~jmapper.ui.canvas.view.MapCanvas`) builds them.  They are typed
against :class:`CanvasHost`, declared here below all of them, so none of them
imports the view that imports it; what the helpers may touch is exactly what
this class declares.
"""

from __future__ import annotations

from abc import abstractmethod
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QGraphicsView, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint, Signal
    from PySide6.QtGui import QKeyEvent

    from jmapper.document import JourneyDocument
    from jmapper.model.bundle import MapBundle
    from jmapper.style import Style
    from jmapper.ui.canvas.cells import Cell
    from jmapper.ui.canvas.controller import CanvasController
    from jmapper.ui.canvas.emotion_target import EmotionSeriesPicker
    from jmapper.ui.canvas.find_bar import FindBar
    from jmapper.ui.canvas.inline_editor import InlineEditor
    from jmapper.ui.canvas.items import CardItem
    from jmapper.ui.canvas.projection import Projection


class Scaling(Protocol):
    """The part of the canvas's zoom that presentation drives."""

    def scale_to(self, zoom: float) -> None: ...


class Overlay(Protocol):
    """The map key in the corner, which presentation moves and refreshes."""

    def refresh(self) -> None: ...

    def place(self) -> None: ...


class Presenting(Protocol):
    """The presentation mode's part the key steps around."""

    @property
    def overview(self) -> QWidget: ...


class Voter(Protocol):
    """Vote mode's part that + and - ask first."""

    def vote(self, delta: int) -> bool: ...

    def key(self, event: QKeyEvent) -> bool: ...


class CanvasHost(QGraphicsView):
    """The map canvas's state, selection and overlays, as the helpers may use them."""

    if TYPE_CHECKING:
        zoom_changed: Signal
        edit_refused: Signal
        projection: Projection
        map_style: Style
        controller: CanvasController
        current_cell: Cell | None
        editor: InlineEditor
        find_bar: FindBar
        zoom_control: Scaling
        presentation: Presenting
        key: Overlay
        emotion_picker: EmotionSeriesPicker
        voting: Voter

        # -- the document ------------------------------------------------------------
        @abstractmethod
        def current_document(self) -> JourneyDocument | None: ...

        @abstractmethod
        def document_bundle(self) -> MapBundle | None: ...

        # -- selection and the cell cursor -------------------------------------------
        @abstractmethod
        def select(self, kind: str, entity_id: str, scroll: bool = True) -> None: ...

        @abstractmethod
        def select_many(self, kind: str, entity_ids: list[str]) -> None: ...

        @abstractmethod
        def clear_selection(self) -> None: ...

        @abstractmethod
        def selected_card_ids(self) -> list[str]: ...

        @abstractmethod
        def primary_selection(self) -> tuple[str, str]: ...

        @abstractmethod
        def card_column(self, card_id: str) -> int | None: ...

        @abstractmethod
        def set_current_cell(self, cell: Cell | None, scroll: bool = True) -> None: ...

        @abstractmethod
        def card_item_at(self, pos: QPoint) -> CardItem | None: ...

        @abstractmethod
        def finish_arrow_mode(self) -> None: ...

        # -- zoom and style ----------------------------------------------------------
        @abstractmethod
        def zoom(self) -> float: ...

        @abstractmethod
        def set_zoom(self, zoom: float, anchor: QPoint | None = None) -> None: ...

        @abstractmethod
        def zoom_by(self, factor: float, anchor: QPoint | None = None) -> None: ...

        @abstractmethod
        def zoom_fit(self) -> None: ...

        @abstractmethod
        def update_sticky(self) -> None: ...

        @abstractmethod
        def restyle(self, style: Style | None) -> None: ...

        @abstractmethod
        def normal_style(self) -> Style: ...

        @abstractmethod
        def in_scheme(self, style: Style) -> Style: ...

        @abstractmethod
        def presenting(self) -> bool: ...
