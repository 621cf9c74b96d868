"""The key on the canvas: Ctrl+K shows what every curve, badge, marker, arrow and line means."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from jmapper.export.furniture import legend_groups
from jmapper.ui.canvas import actions as names
from jmapper.ui.canvas.key import LEGEND_TEXT_PT
from tests.canvas.conftest import make_ctx


class _Texts:
    """A painter that only notes the text it is asked to draw."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def text(self, lines, size, colour) -> None:
        self.texts.extend(line.text for line in lines)

    def __getattr__(self, name):
        return lambda *args, **kwargs: None


def _key_texts(canvas) -> list[str]:
    recorder = _Texts()
    canvas.key.piece.draw(recorder, 0, 0)
    return recorder.texts


def test_ctrl_k_shows_every_curve_badge_marker_arrow_and_line_in_use(
    qtbot, library, render_dir: Path
) -> None:
    ctx = make_ctx(qtbot, library, "support_blueprint")
    canvas = ctx.canvas
    # Shortcuts reach the focused widget of the active window, as at a desk.
    canvas.activateWindow()
    qtbot.waitUntil(canvas.isActiveWindow)
    assert not canvas.key.isVisible()
    qtbot.keyClick(canvas, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert canvas.key.isVisible()
    assert canvas.canvas_actions[names.SHOW_KEY].isChecked()
    canvas.grab().save(str(render_dir / "key_editor.png"))
    layout = canvas.projection.layout
    texts = _key_texts(canvas)
    for lane in layout.emotion:
        for curve in lane.curves:
            assert curve.legend_label in texts
    uses = layout.uses
    assert "failure" in uses and "Failure point" in texts
    assert "moment" in uses and "Moment of truth" in texts
    assert "One-way exchange / hand-off" in texts
    assert "Line of visibility" in texts
    for _heading, items in legend_groups(ctx.bundle, layout):
        for _kind, _payload, label in items:
            assert label in texts
    # The key is drawn (ink on white) inside the viewport, and ignores the mouse.
    geometry = canvas.key.geometry()
    assert canvas.viewport().rect().contains(geometry)
    assert canvas.key.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    qtbot.keyClick(canvas, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert not canvas.key.isVisible()
    assert ctx.steps == 0


def test_the_key_follows_edits_and_shows_while_presenting(qtbot, library, render_dir: Path) -> None:
    ctx = make_ctx(qtbot, library, "support_request_future")
    canvas = ctx.canvas
    canvas.canvas_actions[names.SHOW_KEY].trigger()
    texts = _key_texts(canvas)
    curves = [c.legend_label for lane in canvas.projection.layout.emotion for c in lane.curves]
    assert len(curves) >= 4 and all(label in texts for label in curves)
    assert any("To-be" in label for label in curves) and any("As-is" in label for label in curves)

    canvas.resize(1920, 1080)
    canvas.set_presentation(True)
    assert canvas.key.isVisible()
    assert canvas.key.scale * LEGEND_TEXT_PT >= 14
    overview = canvas.presentation.overview.geometry()
    assert not canvas.key.geometry().intersects(overview)
    canvas.grab().save(str(render_dir / "key_presenting.png"))
    canvas.set_presentation(False)
    assert canvas.key.isVisible() and canvas.key.scale * LEGEND_TEXT_PT < 14
