"""The priority matrix: drag a dot to a cell to score impact and feasibility in one undo step."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from jmapper.storage import LibraryStore
from jmapper.ui import action_names as names


def _drag(widget, start: QPointF, end: QPointF, steps: int = 5) -> None:
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton

    def send(kind, pos, button, buttons) -> None:
        global_pos = QPointF(widget.mapToGlobal(pos.toPoint()))
        event = QMouseEvent(kind, pos, global_pos, button, buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(widget, event)

    send(QEvent.Type.MouseButtonPress, start, left, left)
    for i in range(1, steps + 1):
        send(QEvent.Type.MouseMove, start + (end - start) * (i / steps), none, left)
    send(QEvent.Type.MouseButtonRelease, end, left, none)


def _open(window):
    summary = next(
        m for m in window.library.list_maps() if m.title.startswith("Broadband support request — c")
    )
    document = window.open_map(summary.id)
    window.named_actions[names.SHOW_PRIORITY_MATRIX].trigger()
    dock = window.matrix_dock
    assert dock.isVisible() and dock.document is document
    return document, dock


def _dot(dock, opportunity_id):
    return next(d for d in dock.view.dots if d.opportunity_id == opportunity_id)


def test_dragging_a_dot_scores_it_in_one_step(window, qtbot, library_path, tmp_path):
    document, dock = _open(window)
    view = dock.view
    opp = sorted(document.bundle.opportunities.values(), key=lambda o: o.title)[0]
    assert (opp.impact, opp.feasibility) == (3, 5)
    assert view.cell_at(_dot(dock, opp.id).centre) == (3, 5)  # drawn in its own cell
    before, steps = document.bundle.copy(), document.undo_stack.count()
    _drag(view, _dot(dock, opp.id).centre, view.cell_centre(2, 1))
    moved = document.bundle.opportunities[opp.id]
    assert (moved.impact, moved.feasibility) == (2, 1)
    assert document.undo_stack.count() == steps + 1
    with LibraryStore.open(library_path) as again:
        stored = again.load_map(document.map_id).opportunities[opp.id]
    assert (stored.impact, stored.feasibility) == (2, 1)
    assert f"{opp.title} \u2014 Money pit" in dock.legend.text()
    view.grab().save(str(tmp_path / "matrix.png"))
    # a drop outside the grid changes nothing
    grid = view.grid()
    _drag(view, _dot(dock, opp.id).centre, QPointF(grid.right() + 5, grid.top() - 5))
    assert document.undo_stack.count() == steps + 1
    document.undo_stack.undo()
    assert document.bundle == before
    assert f"{opp.title} \u2014 Quick win" in dock.legend.text()


def test_an_unscored_opportunity_is_scored_from_the_tray(window, qtbot):
    document, dock = _open(window)
    opp = next(iter(document.bundle.opportunities.values()))
    document.edit("opportunity", opp.id, impact=None, feasibility=None)
    dot = _dot(dock, opp.id)
    assert not dot.scored and not dock.view.grid().contains(dot.centre)
    _drag(dock.view, dot.centre, dock.view.cell_centre(5, 4))
    scored = document.bundle.opportunities[opp.id]
    assert (scored.impact, scored.feasibility) == (5, 4)
    assert _dot(dock, opp.id).scored
