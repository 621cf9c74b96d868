"""Fixtures for canvas tests: real sample maps in a real library file, a real MapCanvas.

Gestures are driven with real mouse and key events on the viewport; helpers
reopen the SQLite file with a fresh store to check what was persisted.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from jmapper.document import JourneyDocument
from jmapper.model.bundle import MapBundle
from jmapper.storage import LibraryStore
from jmapper.templates import SAMPLES, build_samples
from jmapper.ui.canvas import MapCanvas


@dataclass
class Ctx:
    """An open map on a canvas, with its library, for one test."""

    canvas: MapCanvas
    document: JourneyDocument
    store: LibraryStore
    path: Path
    map_ids: dict[str, str]

    @property
    def bundle(self) -> MapBundle:
        return self.document.bundle

    @property
    def steps(self) -> int:
        return self.document.undo_stack.count()

    def persisted(self) -> MapBundle:
        """The map as a fresh store reads it back from the file."""
        store = LibraryStore.open(self.path)
        try:
            return store.load_map(self.document.map_id)
        finally:
            store.close()

    def view_pos(self, x: float, y: float) -> QPoint:
        return self.canvas.mapFromScene(QPointF(x, y))

    def open(self, key: str) -> JourneyDocument:
        document = JourneyDocument(self.store.load_map(self.map_ids[key]), self.store)
        self.canvas.set_document(document)
        self.document = document
        return document


@pytest.fixture
def library(tmp_path: Path):
    path = tmp_path / "library.jmapper"
    store = LibraryStore.create(path)
    map_ids = {}
    for key, bundle in zip(SAMPLES, build_samples(), strict=True):
        store.add_bundle(bundle)
        map_ids[key] = bundle.map.id
    yield store, path, map_ids
    store.close()


def make_ctx(qtbot, library, key: str) -> Ctx:
    store, path, map_ids = library
    canvas = MapCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(1600, 900)
    canvas.show()
    qtbot.waitExposed(canvas)
    document = JourneyDocument(store.load_map(map_ids[key]), store)
    canvas.set_document(document)
    canvas.setFocus()
    return Ctx(canvas, document, store, path, map_ids)


@pytest.fixture
def ctx(qtbot, library) -> Ctx:
    return make_ctx(qtbot, library, "support_request")


@pytest.fixture
def blueprint(qtbot, library) -> Ctx:
    key = next(k for k in SAMPLES if "blueprint" in k)
    return make_ctx(qtbot, library, key)


def send_mouse(
    widget,
    kind: QEvent.Type,
    pos: QPoint,
    button: Qt.MouseButton,
    buttons: Qt.MouseButton,
    modifiers=Qt.KeyboardModifier.NoModifier,
) -> None:
    local = QPointF(pos)
    event = QMouseEvent(kind, local, QPointF(widget.mapToGlobal(pos)), button, buttons, modifiers)
    QApplication.sendEvent(widget, event)


def drag(
    canvas: MapCanvas,
    start: QPoint,
    end: QPoint,
    modifiers=Qt.KeyboardModifier.NoModifier,
    button: Qt.MouseButton = Qt.MouseButton.LeftButton,
    steps: int = 6,
) -> None:
    """Press, move in a few steps with the button held, release: a real drag."""
    viewport = canvas.viewport()
    send_mouse(viewport, QEvent.Type.MouseButtonPress, start, button, button, modifiers)
    for i in range(1, steps + 1):
        p = start + (end - start) * (i / steps)
        send_mouse(viewport, QEvent.Type.MouseMove, p, Qt.MouseButton.NoButton, button, modifiers)
    send_mouse(
        viewport, QEvent.Type.MouseButtonRelease, end, button, Qt.MouseButton.NoButton, modifiers
    )


def empty_cell(ctx: Ctx):
    """(lane box, column box) of a cell without cards in a card lane."""
    layout = ctx.canvas.projection.layout
    from jmapper.model.enums import LaneKind

    for lane in layout.lanes:
        if lane.kind in (LaneKind.EMOTIONS, LaneKind.OPPORTUNITIES):
            continue
        for column in layout.columns:
            if not ctx.bundle.cards_in_cell(lane.lane_id, column.stage_id, column.step_id):
                return lane, column
    raise AssertionError("no empty cell")


def cell_centre(lane, column) -> tuple[float, float]:
    return column.x + column.width / 2, lane.rect.y + lane.rect.h / 2
