"""Presentation mode at 1920x1080: every lane of the service blueprint reached by keyboard.

The sample blueprint is presented on a full-HD canvas and walked with the keys a
presenter's clicker sends (Page Down, Page Up) and the arrows; every step is
saved as a PNG (``JMAPPER_RENDER_DIR`` keeps them) and checked: each lane is
shown whole below the frozen header at some step, labels stay at least 14 px,
the frozen label column hides what scrolls under it, the overview says where
the view is, and every start shows the first stage at the top.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage

from jmapper.ui.canvas.presentation import (
    MIN_LABEL_PX,
    PRESENTATION_STYLE,
    smallest_text,
)
from jmapper.ui.canvas.zoom import ZOOM_BASE
from tests.canvas.conftest import make_ctx


def _visible_lane_ids(canvas) -> set[str]:
    """Lanes whose whole row shows between the frozen header and the view's bottom."""
    layout = canvas.projection.layout
    top_left = canvas.mapToScene(QPoint(0, 0))
    bottom = canvas.mapToScene(QPoint(0, canvas.viewport().height() - 1)).y()
    header_bottom = max(0.0, top_left.y()) + layout.header_height
    return {
        lane.lane_id
        for lane in layout.lanes
        if lane.rect.y >= header_bottom - 0.5 and lane.rect.bottom <= bottom + 0.5
    }


def _column(image: QImage, width: int, top: int) -> QImage:
    return image.copy(QRect(0, top, width, image.height() - top - 200))


def test_every_lane_of_the_blueprint_is_reached_by_keyboard_at_full_hd(
    qtbot, library, render_dir: Path
) -> None:
    ctx = make_ctx(qtbot, library, "support_blueprint")
    canvas = ctx.canvas
    canvas.resize(1920, 1080)
    qtbot.wait(10)
    canvas.set_presentation(True)
    layout = canvas.projection.layout
    lanes = {lane.lane_id for lane in layout.lanes}
    assert len(lanes) >= 6

    seen: set[str] = set()
    stages_seen: set[int] = set()
    overview = canvas.presentation.overview
    assert overview.isVisible()
    shots: list[QImage] = []
    positions: list[tuple[int, int]] = []
    for step in range(40):
        positions.append((canvas.stage_index(), canvas.presentation.group_index))
        shot = canvas.grab().toImage()
        shot.save(str(render_dir / f"present_{step:02d}.png"))
        shots.append(shot)
        assert canvas.zoom() * ZOOM_BASE * smallest_text(PRESENTATION_STYLE) >= MIN_LABEL_PX
        seen |= _visible_lane_ids(canvas)
        stages_seen.add(canvas.stage_index())
        assert canvas.presentation.where().startswith(f"Stage {canvas.stage_index() + 1} of ")
        if seen == lanes and len(stages_seen) == len(layout.stages):
            break
        qtbot.keyClick(canvas, Qt.Key.Key_PageDown)
    assert seen == lanes, "some lanes were never shown whole"
    assert stages_seen == set(range(len(layout.stages)))
    assert len(shots) > len(layout.stages), "the lanes took more than one screen per stage"

    assert len(set(positions)) == len(positions), "every Page Down moved the view"
    # Page Up walks back the same way; Home returns to the first stage's top.
    qtbot.keyClick(canvas, Qt.Key.Key_PageUp)
    assert (canvas.stage_index(), canvas.presentation.group_index) == positions[-2]
    qtbot.keyClick(canvas, Qt.Key.Key_Home)
    assert canvas.stage_index() == 0 and canvas.presentation.group_index == 0
    assert layout.lanes[0].lane_id in _visible_lane_ids(canvas)
    assert ctx.steps == 0


def test_the_frozen_label_column_hides_what_scrolls_under_it(
    qtbot, library, render_dir: Path
) -> None:
    ctx = make_ctx(qtbot, library, "support_blueprint")
    canvas = ctx.canvas
    canvas.resize(1920, 1080)
    canvas.set_presentation(True)
    qtbot.keyClick(canvas, Qt.Key.Key_PageDown)  # the blueprint lines' lanes
    first = canvas.grab().toImage()
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    qtbot.keyClick(canvas, Qt.Key.Key_Right)  # cards of earlier stages now under the column
    assert canvas.stage_index() == 2
    later = canvas.grab().toImage()
    first.save(str(render_dir / "present_column_stage1.png"))
    later.save(str(render_dir / "present_column_stage3.png"))
    layout = canvas.projection.layout
    scale = canvas.zoom() * ZOOM_BASE
    width = int(layout.grid.x * scale) - 2
    top = int(layout.header_height * scale) + 4
    assert _column(first, width, top) == _column(later, width, top)


def test_every_start_shows_the_first_stage_at_the_top(qtbot, library) -> None:
    ctx = make_ctx(qtbot, library, "support_blueprint")
    canvas = ctx.canvas
    canvas.resize(1920, 1080)
    canvas.set_presentation(True)
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    qtbot.keyClick(canvas, Qt.Key.Key_PageDown)
    assert canvas.stage_index() == 1
    canvas.set_presentation(False)
    assert not canvas.presentation.overview.isVisible()
    canvas.set_presentation(True)
    assert canvas.stage_index() == 0 and canvas.presentation.group_index == 0
    top = canvas.mapToScene(QPoint(0, 0))
    assert top.y() <= 0 and top.x() <= 0


def test_h_fits_the_map_height_with_type_never_below_the_minimum(
    qtbot, library, render_dir: Path
) -> None:
    """The presenter's choice: large type in lane groups, or H for more lanes per screen."""
    ctx = make_ctx(qtbot, library, "support_blueprint")
    canvas = ctx.canvas
    canvas.resize(1920, 1080)
    canvas.set_presentation(True)
    large, groups = canvas.zoom(), len(canvas.presentation.groups())
    qtbot.keyClick(canvas, Qt.Key.Key_H)
    assert canvas.presentation.fit_height
    assert canvas.zoom() < large
    assert canvas.zoom() * ZOOM_BASE * smallest_text(PRESENTATION_STYLE) >= MIN_LABEL_PX - 0.01
    assert len(canvas.presentation.groups()) < groups
    assert canvas.presentation.where().endswith("fit height")
    canvas.grab().save(str(render_dir / "present_fit_height.png"))
    qtbot.keyClick(canvas, Qt.Key.Key_H)
    assert canvas.zoom() == large
    canvas.set_presentation(False)
    canvas.set_presentation(True)
    assert not canvas.presentation.fit_height  # every start: large type, first stage


def test_a_stage_wider_than_the_screen_is_shown_a_screenful_at_a_time(qtbot, library) -> None:
    """On a small projector a wide stage does not shrink its type: Right shows the rest of
    it before moving on, Left comes back, and the stage's last step is reached."""
    ctx = make_ctx(qtbot, library, "support_blueprint")
    canvas = ctx.canvas
    canvas.resize(800, 600)
    canvas.set_presentation(True)
    layout = canvas.projection.layout
    widest = max(range(len(layout.stages)), key=lambda i: layout.stages[i].rect.w)
    canvas.show_stage(widest)
    stage = layout.stages[widest].rect
    visible = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    assert visible.right() < stage.right, "the stage is wider than the screen"
    assert canvas.zoom() * ZOOM_BASE * smallest_text(PRESENTATION_STYLE) >= MIN_LABEL_PX - 0.01
    steps = 0
    while canvas.mapToScene(canvas.viewport().rect()).boundingRect().right() < stage.right - 1:
        qtbot.keyClick(canvas, Qt.Key.Key_Right)
        steps += 1
        assert canvas.stage_index() == widest and steps < 10
    qtbot.keyClick(canvas, Qt.Key.Key_Left)
    assert canvas.stage_index() == widest and canvas.presentation.pan < stage.w
    while canvas.presentation.pan > 0:
        qtbot.keyClick(canvas, Qt.Key.Key_Left)
    qtbot.keyClick(canvas, Qt.Key.Key_Left)
    assert canvas.stage_index() == max(0, widest - 1)
