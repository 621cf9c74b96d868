"""The inspector edits every field of an opportunity, its steps and its pain points,
and shows its scores and ranks; "Pick on canvas" links pain points by clicking them."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QPointF, Qt

from jmapper.analysis.priority import Method, rank
from jmapper.model.enums import LaneKind, OpportunityStatus
from jmapper.storage import LibraryStore


def _open(window, title_start: str):
    summary = next(m for m in window.library.list_maps() if m.title.startswith(title_start))
    document = window.open_map(summary.id)
    assert document is not None
    return document


def _stored(library_path, document, opp_id):
    with LibraryStore.open(library_path) as again:
        return again.load_map(document.map_id).opportunities[opp_id]


def _select(window, opp):
    window.canvas.select("opportunity", opp.id)
    assert (window.inspector.kind, window.inspector.entity_id) == ("opportunity", opp.id)
    return window.inspector.form, window.inspector.opportunity_extras


def test_every_field_is_one_undo_step_and_stored(window, qtbot, library_path):
    document = _open(window, "Broadband support request — current")
    opp = sorted(document.bundle.opportunities.values(), key=lambda o: o.title)[0]
    form, _extras = _select(window, opp)
    typed = {
        "title": "Text when the engineer leaves",
        "owner": "Sam Ortiz",
        "metric": "Repeat calls",
        "baseline": "31%",
        "target": "15%",
    }
    steps = document.undo_stack.count()
    for name, text in typed.items():
        line = form.editors[name].line
        line.selectAll()
        qtbot.keyClicks(line, text)
    qtbot.keyClicks(form.editors["description"].text, " More.")
    form.editors["due_date"].date_edit.setDate(QDate(2027, 11, 30))
    form.editors["status"].choose(OpportunityStatus.IN_PROGRESS)
    numbers = {"impact": 2, "feasibility": 1, "reach": 900, "volume": 40, "severity": 4}
    for name, value in numbers.items():
        form.editors[name].spin.setValue(value)
    form.editors["confidence"].spin.setValue(0.5)
    form.editors["effort"].spin.setValue(3.0)
    fields = len(typed) + 1 + 2 + len(numbers) + 2
    assert document.undo_stack.count() == steps + fields
    stored = _stored(library_path, document, opp.id)
    assert stored == document.bundle.opportunities[opp.id]
    assert {name: getattr(stored, name) for name in typed} == typed
    assert stored.description == opp.description + " More."
    assert stored.due_date == date(2027, 11, 30)
    assert stored.status is OpportunityStatus.IN_PROGRESS
    assert (stored.impact, stored.feasibility, stored.reach) == (2, 1, 900)
    assert (stored.volume, stored.severity, stored.confidence, stored.effort) == (40, 4, 0.5, 3.0)
    for _ in range(fields):
        document.undo_stack.undo()
    assert document.bundle.opportunities[opp.id] == opp
    assert _stored(library_path, document, opp.id) == opp


def test_scores_and_ranks_are_shown_and_follow_edits(window, qtbot):
    document = _open(window, "Broadband support request — current")
    opps = list(document.bundle.opportunities.values())
    opp = opps[0]
    form, extras = _select(window, opp)
    # 2 x 1 = 2: a money pit; every other sample opportunity scores more
    form.editors["impact"].spin.setValue(2)
    form.editors["feasibility"].spin.setValue(1)
    assert extras.quadrant.text() == "Money pit"
    assert extras.impact_feasibility.text() == f"2 (rank {len(opps)} of {len(opps)})"
    # RICE: 10,000 x 2 x 0.5 / 0.5 = 20,000
    form.editors["reach"].spin.setValue(10000)
    form.editors["confidence"].spin.setValue(0.5)
    form.editors["effort"].spin.setValue(0.5)
    rice = rank(document.bundle.opportunities.values(), Method.RICE)
    place = next(r.rank for r in rice if r.opportunity.id == opp.id)
    assert extras.rice.text() == f"20,000 (rank {place} of {len(opps)})"
    form.editors["volume"].spin.setValue(-1)  # none
    assert extras.volume_severity.text() == "needs volume"
    # a change to another opportunity moves this one's rank at once
    other = opps[1]
    document.edit("opportunity", other.id, impact=1, feasibility=1)
    assert extras.impact_feasibility.text() == f"2 (rank {len(opps) - 1} of {len(opps)})"


def test_ticking_steps_is_one_undo_step_each(window, library_path):
    document = _open(window, "Broadband support request — current")
    opp = next(iter(document.bundle.opportunities.values()))
    _form, extras = _select(window, opp)
    steps = document.undo_stack.count()
    unticked = [
        extras.steps.item(row)
        for row in range(extras.steps.count())
        if extras.steps.item(row).checkState() == Qt.CheckState.Unchecked
    ]
    unticked[0].setCheckState(Qt.CheckState.Checked)
    step_id = unticked[0].data(Qt.ItemDataRole.UserRole)
    assert step_id in document.bundle.opportunities[opp.id].step_ids
    assert step_id in _stored(library_path, document, opp.id).step_ids
    assert document.undo_stack.count() == steps + 1
    document.undo_stack.undo()
    assert document.bundle.opportunities[opp.id] == opp
    row = next(
        r
        for r in range(extras.steps.count())
        if extras.steps.item(r).data(Qt.ItemDataRole.UserRole) == step_id
    )
    assert extras.steps.item(row).checkState() == Qt.CheckState.Unchecked


def test_pick_on_canvas_links_and_unlinks_pain_points(window, qtbot, library_path):
    document = _open(window, "Broadband support request — current")
    bundle = document.bundle
    opp = next(iter(bundle.opportunities.values()))
    _form, extras = _select(window, opp)
    pain_lane = next(lane for lane in bundle.lanes.values() if lane.kind is LaneKind.PAIN_POINTS)
    pain = next(
        c
        for c in bundle.cards.values()
        if c.lane_id == pain_lane.id and c.id not in opp.pain_card_ids
    )
    plain = next(
        c
        for c in bundle.cards.values()
        if c.pain_severity is None
        and bundle.lanes[c.lane_id].kind in (LaneKind.CUSTOMER_ACTIONS, LaneKind.THOUGHTS)
    )
    canvas = window.canvas

    def click(card) -> None:
        canvas.centerOn(canvas.projection.item("card", card.id).sceneBoundingRect().center())
        box = canvas.projection.layout.cards[card.id].rect
        pos = canvas.mapFromScene(QPointF(box.x + 8, box.y + 8))
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)

    qtbot.mouseClick(extras.pick_button, Qt.MouseButton.LeftButton)
    assert canvas.pain_picker.active
    steps = document.undo_stack.count()
    click(pain)
    assert bundle.opportunities[opp.id].pain_card_ids == [*opp.pain_card_ids, pain.id]
    assert _stored(library_path, document, opp.id).pain_card_ids == [*opp.pain_card_ids, pain.id]
    assert canvas.primary_selection() == ("opportunity", opp.id)  # still the opportunity
    assert pain.title in [extras.pains.item(r).text() for r in range(extras.pains.count())][-1]
    click(plain)  # not a pain point: refused with a sentence, nothing changes
    assert "is not a pain point" in window.statusBar().currentMessage()
    assert bundle.opportunities[opp.id].pain_card_ids == [*opp.pain_card_ids, pain.id]
    click(pain)  # again: unlinked
    assert bundle.opportunities[opp.id].pain_card_ids == opp.pain_card_ids
    assert document.undo_stack.count() == steps + 2
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert not canvas.pain_picker.active
    assert not extras.pick_button.isChecked()
    assert canvas.primary_selection() == ("opportunity", opp.id)
    document.undo_stack.undo()
    assert bundle.opportunities[opp.id].pain_card_ids == [*opp.pain_card_ids, pain.id]
    # Unlink from the list
    extras.pains.setCurrentRow(extras.pains.count() - 1)
    qtbot.mouseClick(extras.unlink_button, Qt.MouseButton.LeftButton)
    assert bundle.opportunities[opp.id].pain_card_ids == opp.pain_card_ids
    assert _stored(library_path, document, opp.id).pain_card_ids == opp.pain_card_ids
