"""The inspector edits the selected entity through the document: one undo step, on disk."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from jmapper.model.enums import Channel, MapStatus
from jmapper.storage import LibraryStore
from jmapper.ui import action_names as names


def _first_card(document):
    return sorted(document.bundle.cards.values(), key=lambda c: (c.stage_id, c.position))[0]


def test_typing_a_card_title_is_one_merged_undo_step(window, qtbot, library_path):
    document = window.document
    card = _first_card(document)
    window.canvas.select("card", card.id)
    assert window.inspector.kind == "card" and window.inspector.entity_id == card.id
    editor = window.inspector.form.editors["title"]
    assert editor.value() == card.title
    steps_before = document.undo_stack.count()
    editor.line.selectAll()
    qtbot.keyClicks(editor.line, "Calls the help line")
    assert document.bundle.cards[card.id].title == "Calls the help line"
    assert document.undo_stack.count() == steps_before + 1
    assert "title" in window.named_actions[names.UNDO].text()
    with LibraryStore.open(library_path) as again:
        assert again.load_map(document.map_id).cards[card.id].title == "Calls the help line"
    window.named_actions[names.UNDO].trigger()
    assert document.bundle.cards[card.id].title == card.title
    assert editor.value() == card.title  # the inspector followed the undo
    with LibraryStore.open(library_path) as again:
        assert again.load_map(document.map_id).cards[card.id].title == card.title


def test_enum_spin_and_date_edits(window, library_path):
    document = window.document
    card = _first_card(document)
    window.canvas.select("card", card.id)
    form = window.inspector.form
    form.editors["channel"].choose(Channel.PHONE)
    assert document.bundle.cards[card.id].channel is Channel.PHONE
    form.editors["channel"].choose(None)
    assert document.bundle.cards[card.id].channel is None
    form.editors["pain_severity"].spin.setValue(3)
    assert document.bundle.cards[card.id].pain_severity == 3
    form.editors["pain_severity"].spin.setValue(-1)  # the "none" value
    assert document.bundle.cards[card.id].pain_severity is None

    window.canvas.select("", "")
    assert window.inspector.kind == "map"
    form = window.inspector.form
    form.editors["status"].choose(MapStatus.APPROVED)
    form.editors["next_review"].date_edit.setDate(QDate(2031, 3, 14))
    assert document.bundle.map.next_review == date(2031, 3, 14)
    form.editors["last_reviewed"].clear_button.click()
    assert document.bundle.map.last_reviewed is None
    with LibraryStore.open(library_path) as again:
        stored = again.load_map(document.map_id).map
        assert stored.status is MapStatus.APPROVED
        assert stored.next_review == date(2031, 3, 14)
        assert stored.last_reviewed is None
    window.named_actions[names.UNDO].trigger()
    assert window.inspector.form.editors["last_reviewed"].value() is not None


def test_refused_edits_say_why(window, qtbot, message_boxes):
    window.canvas.select("", "")
    title = window.inspector.form.editors["title"]
    title.line.selectAll()
    qtbot.keyClick(title.line, "a")
    qtbot.keyClick(title.line, "\b")  # an empty title is refused...
    assert window.statusBar().currentMessage() == "A map needs a title."
    assert message_boxes.shown == []  # ...in the status bar, not a dialog
    assert window.document.bundle.map.title == "a"


def test_other_kinds_show_their_fields(window):
    document = window.document
    bundle = document.bundle
    stage = bundle.ordered_stages()[0]
    window.canvas.select("stage", stage.id)
    form = window.inspector.form
    form.editors["data_sources"].text.setPlainText("Interviews\nTickets")
    assert bundle.stages[stage.id].data_sources == ["Interviews", "Tickets"]
    lane = bundle.ordered_lanes()[0]
    window.canvas.select("lane", lane.id)
    window.inspector.form.editors["visible"].check.click()
    assert bundle.lanes[lane.id].visible is False
    # The first sample holds opportunities and emotion values: both must be editable.
    assert bundle.opportunities and bundle.emotion_points
    opportunity = next(iter(bundle.opportunities.values()))
    window.inspector.show_selection("opportunity", opportunity.id)
    impact = 4 if opportunity.impact == 5 else 5
    window.inspector.form.editors["impact"].spin.setValue(impact)
    assert bundle.opportunities[opportunity.id].impact == impact
    point = next(iter(bundle.emotion_points.values()))
    window.inspector.show_selection("emotion_point", point.id)
    spin = window.inspector.form.editors["value"].spin
    highest = bundle.map.emotion_scale.maximum
    assert spin.maximum() == highest
    wanted = highest - 1 if point.value == highest else highest
    spin.setValue(wanted)
    assert bundle.emotion_points[point.id].value == wanted
    with LibraryStore.open(window.library.path) as again:
        stored = again.load_map(document.map_id)
    assert stored.opportunities[opportunity.id].impact == impact
    assert stored.emotion_points[point.id].value == wanted
