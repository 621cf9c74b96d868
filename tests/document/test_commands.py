"""Every edit through the document: one undo step, stored at once, undone exactly."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from jmapper.document import JourneyDocument
from jmapper.model.entities import Card, Lane, MetricDefinition, MetricValue, Opportunity
from jmapper.model.enums import Channel, LaneKind, LinkDirection, MetricScope
from jmapper.model.errors import DomainError
from tests.builders import card_titled, lane_named, stage_named, step_named
from tests.document.conftest import reload


def _add_card(doc: JourneyDocument) -> None:
    lane = lane_named(doc.bundle, "Touchpoints")
    doc.add_card(
        Card(
            lane_id=lane.id,
            stage_id=stage_named(doc.bundle, "During").id,
            title="Chat with an agent",
            channel=Channel.CHAT,
        )
    )


def _edit_card(doc: JourneyDocument) -> None:
    card = card_titled(doc.bundle, "Ask a friend")
    doc.edit("card", card.id, title="Ask two friends", pain_severity=3)


def _remove_card(doc: JourneyDocument) -> None:
    doc.remove_cards([card_titled(doc.bundle, "Search the web").id])


def _move_card(doc: JourneyDocument) -> None:
    card = card_titled(doc.bundle, "Search the web")
    doc.move_cards(
        [card.id],
        lane_named(doc.bundle, "Touchpoints").id,
        stage_named(doc.bundle, "During").id,
        None,
    )


def _move_two_cards(doc: JourneyDocument) -> None:
    ids = [card_titled(doc.bundle, t).id for t in ("Search the web", "Ask a friend")]
    doc.move_cards(
        ids,
        lane_named(doc.bundle, "Emotions").id,
        stage_named(doc.bundle, "Before").id,
        step_named(doc.bundle, "Compare").id,
    )


def _span(doc: JourneyDocument) -> None:
    doc.set_span(card_titled(doc.bundle, "Ask a friend").id, 3)


def _emotion(doc: JourneyDocument) -> None:
    doc.set_emotion(stage_named(doc.bundle, "During").id, None, -2)


def _link(doc: JourneyDocument) -> None:
    doc.link_cards(
        card_titled(doc.bundle, "Ask a friend").id,
        card_titled(doc.bundle, "Call the helpline").id,
        direction=LinkDirection.TWO_WAY,
        label="then",
    )


def _add_stage(doc: JourneyDocument) -> None:
    doc.add_stage("After", position=1)


def _add_step(doc: JourneyDocument) -> None:
    doc.add_step(stage_named(doc.bundle, "During").id, "Wait")


def _add_lane(doc: JourneyDocument) -> None:
    doc.add_lane(Lane(name="Pain points", kind=LaneKind.PAIN_POINTS, position=1))


def _remove_stage(doc: JourneyDocument) -> None:
    _emotion(doc)
    doc.undo_stack.clear()
    doc.remove("stage", stage_named(doc.bundle, "Before").id)


def _remove_step(doc: JourneyDocument) -> None:
    doc.remove("step", step_named(doc.bundle, "Search").id)


def _remove_lane(doc: JourneyDocument) -> None:
    doc.remove("lane", lane_named(doc.bundle, "Actions").id)


def _reorder_stage(doc: JourneyDocument) -> None:
    doc.reorder("stage", stage_named(doc.bundle, "During").id, 0)


def _reorder_lane(doc: JourneyDocument) -> None:
    doc.reorder("lane", lane_named(doc.bundle, "Emotions").id, 0)


def _reorder_step(doc: JourneyDocument) -> None:
    doc.reorder("step", step_named(doc.bundle, "Compare").id, 0)


def _edit_map(doc: JourneyDocument) -> None:
    doc.edit_map(scenario="Renewing a season ticket", organisation="Acme")


def _duplicate(doc: JourneyDocument) -> None:
    doc.duplicate_cards([card_titled(doc.bundle, "Ask a friend").id])


def _paste(doc: JourneyDocument) -> None:
    source = card_titled(doc.bundle, "Ask a friend")
    doc.paste_cards(
        [source], lane_named(doc.bundle, "Emotions").id, stage_named(doc.bundle, "During").id, None
    )


def _add_opportunity(doc: JourneyDocument) -> None:
    pain = card_titled(doc.bundle, "Search the web")
    doc.add(
        Opportunity(
            map_id=doc.map_id,
            title="Better search",
            pain_card_ids=[pain.id],
            owner="Dana",
            metric="Search success",
            impact=4,
            feasibility=3,
        )
    )


def _add_metric(doc: JourneyDocument) -> None:
    metric = MetricDefinition(map_id=doc.map_id, name="CSAT")
    doc.add(metric)
    doc.undo_stack.clear()
    doc.add(
        MetricValue(
            map_id=doc.map_id,
            metric_id=metric.id,
            scope=MetricScope.STAGE,
            scope_id=stage_named(doc.bundle, "During").id,
            value=71.0,
        )
    )


EDITS: dict[str, Callable[[JourneyDocument], None]] = {
    "add card": _add_card,
    "edit card": _edit_card,
    "remove card": _remove_card,
    "move card": _move_card,
    "move two cards": _move_two_cards,
    "span": _span,
    "emotion": _emotion,
    "link": _link,
    "add stage": _add_stage,
    "add step": _add_step,
    "add lane": _add_lane,
    "remove stage": _remove_stage,
    "remove step": _remove_step,
    "remove lane": _remove_lane,
    "reorder stage": _reorder_stage,
    "reorder lane": _reorder_lane,
    "reorder step": _reorder_step,
    "edit map": _edit_map,
    "duplicate": _duplicate,
    "paste": _paste,
    "add opportunity": _add_opportunity,
    "add metric value": _add_metric,
}


@pytest.mark.parametrize("name", list(EDITS))
def test_edit_is_one_undo_step_persisted_and_undone_exactly(document, name):
    EDITS[name](document)
    # Edits that need set-up clear the stack after it; the edit under test is the last push.
    start_count = document.undo_stack.count() - 1
    assert document.undo_stack.count() >= 1
    after = document.bundle.copy()
    assert reload(document) == after, "the edit was not stored at once"

    document.undo_stack.undo()
    before = document.bundle.copy()
    assert before != after
    assert reload(document) == before, "the undo was not stored at once"

    document.undo_stack.redo()
    assert document.bundle == after
    assert reload(document) == after, "the redo was not stored at once"
    assert document.undo_stack.count() == start_count + 1


def test_undo_restores_the_original_after_a_compound_removal(document):
    original = document.bundle.copy()
    document.remove("stage", stage_named(document.bundle, "Before").id)
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert document.bundle == original
    assert reload(document) == original


def test_typing_in_one_field_merges_into_one_undo_step(document):
    card = card_titled(document.bundle, "Ask a friend")
    for text in ("A", "As", "Ask", "Ask m", "Ask me"):
        document.edit("card", card.id, title=text)
    assert document.undo_stack.count() == 1
    assert reload(document).cards[card.id].title == "Ask me"
    document.undo_stack.undo()
    assert document.bundle.cards[card.id].title == "Ask a friend"
    assert reload(document).cards[card.id].title == "Ask a friend"


def test_dragging_an_emotion_point_merges(document):
    during = stage_named(document.bundle, "During")
    for value in (0, 1, 2, 1):
        document.set_emotion(during.id, None, value)
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert not document.bundle.emotion_points
    assert not reload(document).emotion_points


def test_a_broken_rule_changes_nothing(document):
    original = document.bundle.copy()
    card = card_titled(document.bundle, "Ask a friend")
    with pytest.raises(DomainError, match="cannot span past the last step"):
        document.set_span(card.id, 9)
    assert document.bundle == original
    assert reload(document) == original
    assert document.undo_stack.count() == 0


def test_signals_name_what_changed(document, qtbot):
    card = card_titled(document.bundle, "Ask a friend")
    with qtbot.waitSignal(document.entity_changed) as blocker:
        document.edit("card", card.id, title="Phone a friend")
    assert blocker.args == ["card", card.id]
    with qtbot.waitSignal(document.entity_removed) as blocker:
        document.remove_cards([card.id])
    assert blocker.args == ["card", card.id]
    with qtbot.waitSignal(document.entity_added) as blocker:
        document.undo_stack.undo()
    assert blocker.args == ["card", card.id]


def test_snapshot_save_list_and_restore_is_undoable(document):
    original = document.bundle.copy()
    snapshot = document.save_snapshot("Before the workshop")
    assert [s.name for s in document.snapshots()] == ["Before the workshop"]
    document.remove("stage", stage_named(document.bundle, "Before").id)
    document.edit_map(title="Renamed")
    changed = document.bundle.copy()

    document.restore_snapshot(snapshot.id)
    assert document.bundle == original
    assert reload(document) == original
    document.undo_stack.undo()
    assert document.bundle == changed
    assert reload(document) == changed


def test_read_only_library_refuses_edits(qapp, library_path):
    import os
    import stat

    from jmapper.storage import LibraryStore

    os.chmod(library_path, stat.S_IRUSR | stat.S_IRGRP)
    try:
        store = LibraryStore.open(library_path)
        assert store.read_only
        (map_id,) = store.map_ids()
        doc = JourneyDocument(store.load_map(map_id), store)
        with pytest.raises(DomainError, match="read-only"):
            doc.edit_map(title="Nope")
        store.close()
    finally:
        os.chmod(library_path, stat.S_IRUSR | stat.S_IWUSR)


def test_dismissing_a_finding_is_one_undo_step_stored_at_once(document) -> None:
    stage = document.bundle.ordered_stages()[0]
    assert document.dismiss_finding("stage-without-evidence", "stage", stage.id, "In the study")
    (dismissal,) = reload(document).dismissals.values()
    assert dismissal.key == f"stage-without-evidence:stage:{stage.id}"
    assert dismissal.reason == "In the study" and dismissal.created
    document.undo_stack.undo()
    assert document.bundle.dismissals == {} and reload(document).dismissals == {}
    document.undo_stack.redo()
    assert document.restore_finding(dismissal.id)
    assert reload(document).dismissals == {}
    assert document.undo_stack.count() == 2


def test_start_review_sets_the_dates_by_cadence_and_records_a_named_version(document) -> None:
    from datetime import date

    day = date(2026, 11, 30)
    snapshot = document.start_review(day)
    assert snapshot.name == "Review 2026-Q4"
    stored = reload(document).map
    assert stored.last_reviewed == day and stored.next_review == date(2027, 2, 28)
    document.edit_map(review_cadence_months=6)
    again = document.start_review(day)
    assert again.name == "Review 2026-Q4 (2)"
    assert reload(document).map.next_review == date(2027, 5, 30)
    assert {s.name for s in document.snapshots()} >= {"Review 2026-Q4 (2)", "Review 2026-Q4"}
    document.undo_stack.undo()  # the dates of the second review
    assert reload(document).map.next_review == date(2027, 2, 28)
