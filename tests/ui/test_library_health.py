"""The library list shows each map's health and review state, with text and an icon."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from jmapper.analysis.health.review import add_months
from jmapper.model import edits
from jmapper.model.enums import MapType
from jmapper.ui.library_panel.panel import COUNTING, HEALTH_COLUMN, REVIEW_COLUMN


def _row(panel, map_id):
    return next(
        panel.tree.topLevelItem(i)
        for i in range(panel.tree.topLevelItemCount())
        if panel.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == map_id
    )


def _settled(window, qtbot) -> None:
    qtbot.waitUntil(lambda: not window.library_health.busy, timeout=10_000)


def test_every_map_gets_its_health_and_review_state_in_the_background(window, qtbot):
    panel = window.library_panel
    _settled(window, qtbot)
    for summary in panel.summaries():
        health, review = panel.health_text(summary.id)
        assert health and health != COUNTING, summary.title
        assert review.startswith("Due "), (summary.title, review)  # samples: reviewed lately
        row = _row(panel, summary.id)
        assert not row.icon(HEALTH_COLUMN).isNull() and not row.icon(REVIEW_COLUMN).isNull()


def _new_map(window, title: str, last_reviewed: date | None = None):
    bundle = window.library.create_map(title, MapType.CURRENT_STATE)
    if last_reviewed is not None:
        changeset = edits.edit_fields(bundle, "map", bundle.map.id, last_reviewed=last_reviewed)
        window.library.apply(changeset.changes)
        bundle.apply(changeset.changes)
    return bundle


def test_a_bare_overdue_and_a_stale_map_say_so(window, qtbot):
    today = date.today()
    bare = _new_map(window, "Bare", add_months(today, -4))
    stale = _new_map(window, "Forgotten", add_months(today, -20))
    window.refresh_maps()
    assert window.library_panel.health_text(bare.map.id)[0] == COUNTING  # list first
    _settled(window, qtbot)
    health, review = window.library_panel.health_text(bare.map.id)
    assert health.startswith("2 errors, ")
    due = add_months(bare.map.last_reviewed, 3)
    assert review == f"Overdue since {due.isoformat()}"
    assert window.library_panel.health_text(stale.map.id)[1].startswith("Stale: last reviewed")


def test_the_open_map_row_follows_the_health_panel(window, qtbot):
    bare = _new_map(window, "Bare")
    window.refresh_maps()
    document = window.open_map(bare.map.id)
    _settled(window, qtbot)
    assert window.library_panel.health_text(bare.map.id)[0].startswith("2 errors")
    document.edit_map(scenario="Ana moves house and needs broadband on day one.")
    qtbot.waitUntil(
        lambda: window.library_panel.health_text(bare.map.id)[0].startswith("1 error,"),
        timeout=3000,
    )


def test_render_the_library_list(window, qtbot, render_dir):
    window.resize(1600, 900)
    window.resizeDocks([window.library_dock], [760], Qt.Orientation.Horizontal)
    _settled(window, qtbot)
    qtbot.wait(50)
    window.library_dock.grab().save(str(render_dir / "library-health.png"))
