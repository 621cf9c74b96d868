"""Agree priorities: the top N by votes or score become priorities in one undo step, and only
once each has an owner, a metric and a due date (the dialog refuses otherwise)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from jmapper.model.enums import OpportunityStatus
from jmapper.storage import LibraryStore
from jmapper.ui import action_names as names
from jmapper.ui.dialogs.agree_priorities import DUE, METRIC, OWNER, AgreePrioritiesDialog


def _open_support(window):
    summary = next(
        m for m in window.library.list_maps() if m.title.startswith("Broadband support request — c")
    )
    return window.open_map(summary.id)


def _stored(library_path, document):
    with LibraryStore.open(library_path) as again:
        return again.load_map(document.map_id).opportunities


def test_refuses_a_priority_without_an_owner_then_agrees_in_one_step(window, qtbot, library_path):
    document = _open_support(window)
    bundle = document.bundle
    ordered = sorted(bundle.opportunities.values(), key=lambda o: o.title)
    # the room voted: 4, 2, 1; the last one got no vote
    for opp, votes in zip(ordered, (4, 2, 1), strict=False):
        document.edit("opportunity", opp.id, votes=votes)
    no_owner = ordered[1]
    document.edit("opportunity", no_owner.id, owner="", due_date=None)
    before, steps = bundle.copy(), document.undo_stack.count()
    window.named_actions[names.AGREE_PRIORITIES].trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, AgreePrioritiesDialog)
    assert dialog.count.value() == 5 and dialog.ranking.currentData() == "votes"
    dialog.count.setValue(3)
    assert [o.id for o in dialog.candidates] == [o.id for o in ordered[:3]]  # by votes
    row = [o.id for o in dialog.candidates].index(no_owner.id)
    assert dialog.editor(row, OWNER).text() == ""
    qtbot.mouseClick(dialog.agree_button, Qt.MouseButton.LeftButton)
    # refused: nothing changed, the dialog stays and says what is missing
    assert dialog.isVisible()
    assert f"\u201c{no_owner.title}\u201d needs an owner and a due date" in dialog.problem.text()
    assert bundle == before and document.undo_stack.count() == steps
    assert _stored(library_path, document) == before.opportunities
    # a bad date is refused in words too
    qtbot.keyClicks(dialog.editor(row, OWNER), "Priya Shah")
    qtbot.keyClicks(dialog.editor(row, DUE), "next week")
    qtbot.mouseClick(dialog.agree_button, Qt.MouseButton.LeftButton)
    assert "is not a date" in dialog.problem.text() and bundle == before
    dialog.editor(row, DUE).setText("2027-05-31")
    qtbot.mouseClick(dialog.agree_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert document.undo_stack.count() == steps + 1
    stored = _stored(library_path, document)
    for opp in ordered[:3]:
        agreed = bundle.opportunities[opp.id]
        assert agreed.status in (OpportunityStatus.PLANNED, OpportunityStatus.IN_PROGRESS)
        assert agreed.owner and agreed.metric and agreed.due_date
        assert stored[opp.id] == agreed
    assert bundle.opportunities[no_owner.id].owner == "Priya Shah"
    assert bundle.opportunities[no_owner.id].due_date == date(2027, 5, 31)
    assert bundle.opportunities[ordered[3].id] == before.opportunities[ordered[3].id]
    document.undo_stack.undo()
    assert bundle == before
    assert _stored(library_path, document) == before.opportunities


def test_top_by_score_and_metric_typed_in_the_dialog(window, qtbot):
    document = _open_support(window)
    bundle = document.bundle
    target = max(
        bundle.opportunities.values(), key=lambda o: (o.impact or 0) * (o.feasibility or 0)
    )
    document.edit("opportunity", target.id, metric="")
    window.named_actions[names.AGREE_PRIORITIES].trigger()
    dialog = window.active_dialog
    dialog.count.setValue(1)
    dialog.ranking.setCurrentIndex(dialog.ranking.findData("impact_feasibility"))
    assert [o.id for o in dialog.candidates] == [target.id]
    qtbot.mouseClick(dialog.agree_button, Qt.MouseButton.LeftButton)
    assert "needs a metric" in dialog.problem.text()
    qtbot.keyClicks(dialog.editor(0, METRIC), "Average wait")
    qtbot.mouseClick(dialog.agree_button, Qt.MouseButton.LeftButton)
    assert bundle.opportunities[target.id].metric == "Average wait"


def test_more_than_five_priorities_are_pointed_out(window):
    from jmapper.model.entities import Opportunity

    document = _open_support(window)
    window.named_actions[names.AGREE_PRIORITIES].trigger()
    dialog = window.active_dialog
    assert dialog.note.text() == ""  # 4 opportunities: at most 4 priorities
    dialog.reject()
    for n in range(4):
        document.add(
            Opportunity(
                map_id=document.map_id, title=f"Planned {n}", status=OpportunityStatus.PLANNED
            )
        )
    window.named_actions[names.AGREE_PRIORITIES].trigger()
    dialog = window.active_dialog
    dialog.count.setValue(1)
    assert "a workshop ends with the top 5 at most" in dialog.note.text()
