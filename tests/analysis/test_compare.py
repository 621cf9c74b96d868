"""Compare: a snapshot before random edits reports exactly the changed entities; a derived
future state lines up with its current state."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jmapper.analysis.compare import Mark, compare
from jmapper.interchange.json_format import dump_map, parse
from jmapper.model import edits
from jmapper.model.bundle import MapBundle
from jmapper.model.entities import CHILD_KINDS, Card, Opportunity
from jmapper.model.enums import OpportunityStatus
from jmapper.model.errors import DomainError
from jmapper.model.invariants import check_changes
from jmapper.templates import build_samples
from jmapper.templates.factory import derive_future_state
from tests.builders import small_map


def _pick(items, n):
    items = list(items)
    return items[n % len(items)] if items else None


def _add_card(b: MapBundle, a: int, c: int):
    lane, column = _pick(b.ordered_lanes(), a), _pick(b.columns(), c)
    card = Card(
        map_id=b.map.id,
        lane_id=lane.id,
        stage_id=column.stage_id,
        step_id=column.step_id,
        title=f"Card {a}",
    )
    return edits.add_card(b, card)


def _edit_card(b, a, c):
    card = _pick(sorted(b.cards), a)
    return edits.edit_fields(b, "card", card, title=f"Edited {c}") if card else None


def _remove_card(b, a, c):
    card = _pick(sorted(b.cards), a)
    return edits.remove_cards(b, [card]) if card else None


def _move_card(b, a, c):
    card, lane, column = (
        _pick(sorted(b.cards), a),
        _pick(b.ordered_lanes(), c),
        _pick(b.columns(), a + c),
    )
    if not card:
        return None
    return edits.move_cards(b, [card], lane.id, column.stage_id, column.step_id, c % 2)


def _emotion(b, a, c):
    column = _pick(b.columns(), a)
    return edits.set_emotion(b, column.stage_id, column.step_id, c % 5 - 2)


def _add_step(b, a, c):
    stage = _pick(b.ordered_stages(), a)
    return edits.add_step(b, stage.id, f"Step {c}")[0]


def _remove_step(b, a, c):
    step = _pick(sorted(b.steps), a)
    return edits.remove_step(b, step) if step else None


def _opportunity(b, a, c):
    opp = Opportunity(map_id=b.map.id, title=f"Idea {a}", status=OpportunityStatus.PLANNED)
    return edits.add_entity(b, opp)


def _rename_stage(b, a, c):
    stage = _pick(b.ordered_stages(), a)
    return edits.edit_fields(b, "stage", stage.id, name=f"Stage {c}")


def _retitle_map(b, a, c):
    return edits.edit_fields(b, "map", b.map.id, scenario=f"Scenario {a}")


OPS = [
    _add_card,
    _edit_card,
    _remove_card,
    _move_card,
    _emotion,
    _add_step,
    _remove_step,
    _opportunity,
    _rename_stage,
    _retitle_map,
]


def _snapshot(bundle: MapBundle) -> MapBundle:
    """What File > Versions keeps: the map through the JSON format."""
    (copy,) = parse(dump_map(bundle)).bundles
    return copy


def _truth(before: MapBundle, after: MapBundle) -> dict[tuple[str, str], Mark]:
    """Every entity that differs, worked out directly from the two states."""
    out: dict[tuple[str, str], Mark] = {}
    if before.map != after.map:
        out[("map", after.map.id)] = Mark.CHANGED
    for kind in CHILD_KINDS:
        old, new = before.collection(kind), after.collection(kind)
        for i in new.keys() - old.keys():
            out[(kind, i)] = Mark.ADDED
        for i in old.keys() - new.keys():
            out[(kind, i)] = Mark.REMOVED
        for i in old.keys() & new.keys():
            if old[i] != new[i]:
                out[(kind, i)] = Mark.CHANGED
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(st.sampled_from(OPS), st.integers(0, 50), st.integers(0, 50)), max_size=14)
)
def test_random_edits_after_a_snapshot_are_reported_exactly(steps) -> None:
    bundle = small_map()
    snapshot = _snapshot(bundle)
    for op, a, c in steps:
        try:
            changeset = op(bundle, a, c)
        except DomainError:
            continue
        if not changeset:
            continue
        bundle.apply(changeset.changes)
        try:
            check_changes(bundle, changeset.changes)
        except DomainError:
            bundle.apply(reversed(changeset.changes), backwards=True)
    comparison = compare(snapshot, bundle)
    reported = {(c.kind, c.id): c.mark for c in comparison.changes}
    assert reported == _truth(snapshot, bundle)
    for change in comparison.changes:
        if change.mark is Mark.CHANGED:
            assert change.fields and all(
                getattr(change.old, f) != getattr(change.new, f) for f in change.fields
            )
    # every column of either side appears once, in order
    assert [c.new.index for c in comparison.columns if c.new] == [c.index for c in bundle.columns()]
    assert sorted(c.old.index for c in comparison.columns if c.old) == [
        c.index for c in snapshot.columns()
    ]


def test_the_derived_future_state_sample_lines_up_with_its_current_state() -> None:
    samples = {b.map.title: b for b in build_samples()}
    current = samples["Broadband support request \u2014 current state"]
    future = samples["Broadband support request \u2014 future state"]
    assert future.map.derived_from_id == current.map.id
    comparison = compare(current, future)
    assert all(c.old is not None and c.new is not None for c in comparison.columns)
    assert len(comparison.columns) == len(current.columns())
    # the future state's curve is its to-be series: every changed step has a real delta
    assert any(c.delta for c in comparison.columns)
    for column in comparison.columns:
        assert column.delta == column.new_value - column.old_value
    cards = comparison.of("card")
    assert cards and all(c.mark is Mark.CHANGED for c in cards)  # retitled, none lost
    assert not comparison.of("stage") and not comparison.of("step")


def test_a_fresh_derivation_differs_only_by_what_deriving_does() -> None:
    current = next(b for b in build_samples() if b.map.map_type.value == "current_state")
    future = derive_future_state(current)
    comparison = compare(current, future)
    kinds = {(c.kind, c.mark) for c in comparison.changes}
    assert ("card", Mark.ADDED) not in kinds and ("card", Mark.REMOVED) not in kinds
    assert ("opportunity", Mark.REMOVED) in kinds  # opportunities stay with the current state
    assert all(c.delta == 0 for c in comparison.columns if c.delta is not None)
