"""The entity-level three-way merge (jmapper.services.merge_three_way) on real maps and edits."""

from __future__ import annotations

from collections.abc import Callable

from jmapper.model import edits
from jmapper.model.bundle import MapBundle
from jmapper.model.changes import ChangeSet
from jmapper.model.entities import Card
from jmapper.services.merge_three_way import merge_three_way, same_content
from tests.builders import small_map

Edit = Callable[[MapBundle], ChangeSet]


def edited(base: MapBundle, *changes: Edit) -> MapBundle:
    bundle = base.copy()
    for change in changes:
        bundle.apply(change(bundle).changes)
    return bundle


def card(bundle: MapBundle, title: str) -> Card:
    return next(c for c in bundle.cards.values() if c.title == title)


def retitle(old: str, new: str) -> Edit:
    return lambda b: edits.edit_fields(b, "card", card(b, old).id, title=new)


def remove(title: str) -> Edit:
    return lambda b: edits.remove_cards(b, [card(b, title).id])


def titles(bundle: MapBundle) -> set[str]:
    return {c.title for c in bundle.cards.values()}


def test_theirs_unchanged_gives_ours_and_ours_unchanged_gives_theirs() -> None:
    base = small_map()
    ours = edited(base, retitle("Ask a friend", "Ask family"))
    result = merge_three_way(base, ours, base)
    assert result.merged is not None and same_content(result.merged, ours)
    result = merge_three_way(base, base, ours)
    assert result.merged is not None and same_content(result.merged, ours)
    assert (result.taken, result.kept) == (1, 0)


def test_removed_on_one_side_and_edited_on_the_other_is_a_conflict() -> None:
    base = small_map()
    ours = edited(base, remove("Ask a friend"))
    theirs = edited(base, retitle("Ask a friend", "Ask family"))
    result = merge_three_way(base, ours, theirs)
    assert result.merged is None
    assert [c.sentence() for c in result.conflicts] == [
        "Card \u201cAsk family\u201d: removed here, changed in the other library."
    ]


def test_removed_on_one_side_only_is_removed_and_the_same_removal_on_both_is_fine() -> None:
    base = small_map()
    ours = edited(base, remove("Call the helpline"), retitle("Search the web", "Search"))
    theirs = edited(base, remove("Call the helpline"))
    result = merge_three_way(base, ours, theirs)
    assert result.merged is not None
    assert titles(result.merged) == {"Search", "Ask a friend", "Comparison site"}
    result = merge_three_way(base, base, edited(base, remove("Ask a friend")))
    assert result.merged is not None and "Ask a friend" not in titles(result.merged)


def test_cards_added_on_both_sides_are_both_kept() -> None:
    base = small_map()
    place = card(base, "Call the helpline")

    def add(title: str) -> Edit:
        def change(bundle: MapBundle) -> ChangeSet:
            new = Card(
                map_id=bundle.map.id,
                lane_id=place.lane_id,
                stage_id=place.stage_id,
                title=title,
                position=1,
            )
            return edits.add_card(bundle, new)

        return change

    result = merge_three_way(base, edited(base, add("Chat")), edited(base, add("Email")))
    assert result.merged is not None
    assert {"Chat", "Email"} <= titles(result.merged)


def test_a_combination_that_breaks_a_rule_is_refused_with_the_rule() -> None:
    base = small_map()
    during = next(s for s in base.stages.values() if s.name == "During")
    ours = edited(base, lambda b: edits.remove_stage(b, during.id))
    lane = next(lane for lane in base.lanes.values() if lane.name == "Touchpoints")

    def add_in_during(bundle: MapBundle) -> ChangeSet:
        new = Card(map_id=bundle.map.id, lane_id=lane.id, stage_id=during.id, title="Web chat")
        return edits.add_card(bundle, new)

    theirs = edited(base, add_in_during)
    result = merge_three_way(base, ours, theirs)
    assert result.merged is None and not result.conflicts
    assert result.refusal
