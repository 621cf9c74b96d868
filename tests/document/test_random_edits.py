"""Random edit sequences: undo all is the start, redo all is the end, the file is the screen."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jmapper.document import JourneyDocument
from jmapper.model.entities import Card, Lane
from jmapper.model.enums import LaneKind
from jmapper.model.errors import DomainError
from jmapper.storage import LibraryStore
from tests.builders import small_map


def _pick(items, n):
    items = list(items)
    return items[n % len(items)] if items else None


def op_add_card(doc, a, b):
    lane = _pick(doc.bundle.ordered_lanes(), a)
    column = _pick(doc.bundle.columns(), b)
    if lane and column:
        doc.add_card(
            Card(
                lane_id=lane.id, stage_id=column.stage_id, step_id=column.step_id, title=f"Card {a}"
            )
        )


def op_edit_card(doc, a, b):
    card = _pick(sorted(doc.bundle.cards), a)
    if card:
        doc.edit("card", card, title=f"Edited {b}", pain_severity=b % 5)


def op_remove_card(doc, a, b):
    card = _pick(sorted(doc.bundle.cards), a)
    if card:
        doc.remove_cards([card])


def op_move_card(doc, a, b):
    card = _pick(sorted(doc.bundle.cards), a)
    lane = _pick(doc.bundle.ordered_lanes(), b)
    column = _pick(doc.bundle.columns(), a + b)
    if card and lane and column:
        doc.move_cards([card], lane.id, column.stage_id, column.step_id, position=b % 3)


def op_span(doc, a, b):
    card = _pick(sorted(doc.bundle.cards), a)
    if card:
        doc.set_span(card, 1 + b % 3)


def op_emotion(doc, a, b):
    column = _pick(doc.bundle.columns(), a)
    if column:
        doc.set_emotion(column.stage_id, column.step_id, b % 5 - 2)


def op_add_stage(doc, a, b):
    doc.add_stage(f"Stage {a}", position=b % (len(doc.bundle.stages) + 1))


def op_add_step(doc, a, b):
    stage = _pick(doc.bundle.ordered_stages(), a)
    if stage:
        doc.add_step(stage.id, f"Step {b}", position=0)


def op_remove_stage(doc, a, b):
    stage = _pick(doc.bundle.ordered_stages(), a)
    if stage and len(doc.bundle.stages) > 1:
        doc.remove("stage", stage.id)


def op_remove_step(doc, a, b):
    step = _pick(sorted(doc.bundle.steps), a)
    if step:
        doc.remove("step", step)


def op_add_lane(doc, a, b):
    doc.add_lane(
        Lane(name=f"Lane {a}", kind=LaneKind.THOUGHTS, position=b % (len(doc.bundle.lanes) + 1))
    )


def op_remove_lane(doc, a, b):
    lane = _pick(doc.bundle.ordered_lanes(), a)
    if lane and len(doc.bundle.lanes) > 1:
        doc.remove("lane", lane.id)


def op_reorder(doc, a, b):
    kind = ("stage", "lane", "step")[a % 3]
    entity = _pick(sorted(doc.bundle.collection(kind)), b)
    if entity:
        doc.reorder(kind, entity, a % 4)


def op_link(doc, a, b):
    cards = sorted(doc.bundle.cards)
    source, target = _pick(cards, a), _pick(cards, b)
    if source and target and source != target:
        doc.link_cards(source, target)


def op_duplicate(doc, a, b):
    card = _pick(sorted(doc.bundle.cards), a)
    if card:
        doc.duplicate_cards([card])


def op_edit_map(doc, a, b):
    doc.edit_map(scenario=f"Scenario {a}")


def op_undo(doc, a, b):
    doc.undo_stack.undo()


OPS = [
    op_add_card,
    op_edit_card,
    op_remove_card,
    op_move_card,
    op_span,
    op_emotion,
    op_add_stage,
    op_add_step,
    op_remove_stage,
    op_remove_step,
    op_add_lane,
    op_remove_lane,
    op_reorder,
    op_link,
    op_duplicate,
    op_edit_map,
    op_undo,
]


def _reload(path: Path, map_id: str):
    store = LibraryStore.open(path)
    try:
        return store.load_map(map_id)
    finally:
        store.close()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.sampled_from(OPS), st.integers(0, 50), st.integers(0, 50)),
        min_size=1,
        max_size=14,
    )
)
def test_random_edit_sequences(qapp, steps):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "random.jmapper"
        store = LibraryStore.create(path)
        store.add_bundle(small_map())
        (map_id,) = store.map_ids()
        doc = JourneyDocument(store.load_map(map_id), store)
        start = doc.bundle.copy()
        for op, a, b in steps:
            before = doc.bundle.copy()
            try:
                op(doc, a, b)
            except DomainError:
                assert doc.bundle == before, f"{op.__name__} failed but changed the map"
        # The file always holds what the screen shows, even after trailing undos.
        assert _reload(path, map_id) == doc.bundle
        while doc.undo_stack.canRedo():
            doc.undo_stack.redo()
        end = doc.bundle.copy()
        assert _reload(path, map_id) == end
        while doc.undo_stack.canUndo():
            doc.undo_stack.undo()
        assert doc.bundle == start
        assert _reload(path, map_id) == start
        while doc.undo_stack.canRedo():
            doc.undo_stack.redo()
        assert doc.bundle == end
        assert _reload(path, map_id) == end
        store.close()
