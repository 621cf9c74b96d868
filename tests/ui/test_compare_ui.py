"""Compare from the library panel and from the Versions dialog, and the comparison page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from jmapper.ui import action_names as names
from jmapper.ui.dialogs.report_view import ReportDialog
from jmapper.ui.dialogs.snapshots import SnapshotDialog

CURRENT = "Broadband support request \u2014 current state"
FUTURE = "Broadband support request \u2014 future state"


def _row(panel, title):
    return next(
        panel.tree.topLevelItem(i)
        for i in range(panel.tree.topLevelItemCount())
        if panel.tree.topLevelItem(i).text(0) == title
    )


def _id(window, title):
    return next(s.id for s in window.library_panel.summaries() if s.title == title)


def test_compare_a_listed_map_with_the_open_one(window, qtbot, render_dir):
    window.open_map(_id(window, FUTURE))
    panel = window.library_panel
    assert panel.context_menu(_row(panel, FUTURE)).actions()[0].isEnabled() is False  # itself
    menu = panel.context_menu(_row(panel, CURRENT))
    (action,) = menu.actions()
    assert action.isEnabled()
    action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, ReportDialog)
    report = dialog.view.report
    assert report.title == f"Comparison: {FUTURE} against {CURRENT}"  # source -> derived
    chart = report.chart
    assert chart is not None and None not in chart.old and None not in chart.new
    steps = next(s for s in report.sections if s.heading == "Steps and emotion")
    assert steps.lines and all(line.symbol == "\u0394" for line in steps.lines)
    cards = next(s for s in report.sections if s.heading == "Cards")
    assert all(line.word == "changed" for line in cards.lines)
    dialog.resize(1100, 900)
    qtbot.wait(50)
    dialog.grab().save(str(render_dir / "compare-view.png"))
    dialog.close()


def test_compare_a_version_with_the_map_now(window, qtbot, message_boxes, render_dir):
    document = window.document
    document.save_snapshot("Before the workshop")
    card_id = sorted(document.bundle.cards)[0]
    title = document.bundle.cards[card_id].title
    document.edit("card", card_id, title="Rewritten in the workshop")
    document.remove_cards([sorted(document.bundle.cards)[-1]])
    window.named_actions[names.SNAPSHOTS].trigger()
    versions = window.active_dialog
    assert isinstance(versions, SnapshotDialog)
    assert not versions.compare_button.isEnabled()
    versions.list.setCurrentRow(0)
    QTest.mouseClick(versions.compare_button, Qt.MouseButton.LeftButton)
    dialog = versions.comparison
    assert isinstance(dialog, ReportDialog)
    cards = next(s for s in dialog.view.report.sections if s.heading == "Cards")
    words = sorted(line.word for line in cards.lines)
    assert words == ["changed", "removed"]
    changed = next(line for line in cards.lines if line.word == "changed")
    assert "Rewritten in the workshop" in changed.text and "(title)" in changed.text
    assert changed.text.startswith(f"{title} \u2192 Rewritten")
    dialog.resize(1000, 700)
    qtbot.wait(50)
    dialog.grab().save(str(render_dir / "compare-version.png"))
    dialog.close()
    versions.close()
