"""Moving blueprint lines as pure edits (docs/domain.md, "Service blueprints"): the order
refusals with their sentences, the lanes a line passes changing side, hidden lanes stepped
over, and every result passing the model's own check."""

from __future__ import annotations

from dataclasses import replace

import pytest

from jmapper.model import edits
from jmapper.model.blueprint_edits import (
    closest_position,
    line_move_problem,
    move_blueprint_line,
    next_line_position,
    zone_already_broken,
)
from jmapper.model.enums import BlueprintLineKind, BlueprintZone
from jmapper.model.errors import DomainError
from jmapper.model.invariants import check_changes
from tests.builders import blueprint_map, lane_named

# blueprint_map(): Physical evidence, Customer actions | interaction | Frontstage
# | visibility | Backstage | internal interaction | Support processes


def line(bundle, kind: BlueprintLineKind):
    return next(entry for entry in bundle.blueprint_lines.values() if entry.kind is kind)


def apply_and_check(bundle, changeset) -> None:
    bundle.apply(changeset.changes)
    check_changes(bundle, changeset.changes)


def test_moving_the_line_of_visibility_down_makes_the_lane_it_passes_frontstage():
    bundle = blueprint_map()
    visibility = line(bundle, BlueprintLineKind.VISIBILITY)
    changeset = move_blueprint_line(bundle, visibility.id, 4)
    assert changeset.text == "Move line of visibility down; \u201cBackstage\u201d is now frontstage"
    apply_and_check(bundle, changeset)
    assert bundle.blueprint_lines[visibility.id].position == 4
    assert lane_named(bundle, "Backstage").zone is BlueprintZone.FRONTSTAGE
    # the other lanes keep their zones
    assert lane_named(bundle, "Frontstage").zone is BlueprintZone.FRONTSTAGE
    assert lane_named(bundle, "Support processes").zone is BlueprintZone.SUPPORT


def test_moving_the_line_of_interaction_up_makes_the_lane_it_passes_frontstage():
    bundle = blueprint_map()
    interaction = line(bundle, BlueprintLineKind.INTERACTION)
    apply_and_check(bundle, move_blueprint_line(bundle, interaction.id, 1))
    assert lane_named(bundle, "Customer actions").zone is BlueprintZone.FRONTSTAGE
    assert lane_named(bundle, "Physical evidence").zone is BlueprintZone.CUSTOMER


def test_a_lane_without_a_zone_is_passed_unchanged():
    bundle = blueprint_map()
    free = lane_named(bundle, "Backstage")
    bundle.lanes[free.id] = replace(free, zone=BlueprintZone.NONE)
    visibility = line(bundle, BlueprintLineKind.VISIBILITY)
    changeset = move_blueprint_line(bundle, visibility.id, 4)
    assert [change.kind for change in changeset.changes] == ["blueprint_line"]
    assert changeset.text == "Move line of visibility down"


def test_a_line_cannot_pass_the_line_below_it():
    bundle = blueprint_map()
    interaction = line(bundle, BlueprintLineKind.INTERACTION)
    # joining the next line at its boundary is allowed
    assert line_move_problem(bundle, interaction.id, 3) is None
    with pytest.raises(DomainError) as refused:
        move_blueprint_line(bundle, interaction.id, 4)
    assert str(refused.value) == (
        "The line of interaction must stay above the line of visibility; "
        "move the line of visibility down first."
    )


def test_a_line_cannot_pass_the_line_above_it():
    bundle = blueprint_map()
    internal = line(bundle, BlueprintLineKind.INTERNAL_INTERACTION)
    with pytest.raises(DomainError) as refused:
        move_blueprint_line(bundle, internal.id, 2)
    assert str(refused.value) == (
        "The line of internal interaction must stay below the line of visibility; "
        "move the line of visibility up first."
    )


def test_the_keyboard_step_stops_at_the_edges_of_the_map():
    bundle = blueprint_map()
    interaction = line(bundle, BlueprintLineKind.INTERACTION)
    bundle.blueprint_lines[interaction.id] = replace(interaction, position=0)
    with pytest.raises(DomainError, match="already above every lane"):
        next_line_position(bundle, interaction.id, -1)
    internal = line(bundle, BlueprintLineKind.INTERNAL_INTERACTION)
    bundle.blueprint_lines[internal.id] = replace(internal, position=5)
    with pytest.raises(DomainError, match="already below every lane"):
        next_line_position(bundle, internal.id, 1)


def test_a_hidden_lane_is_stepped_over():
    bundle = blueprint_map()
    backstage = lane_named(bundle, "Backstage")
    bundle.lanes[backstage.id] = replace(backstage, visible=False, zone=BlueprintZone.NONE)
    visibility = line(bundle, BlueprintLineKind.VISIBILITY)
    internal = line(bundle, BlueprintLineKind.INTERNAL_INTERACTION)
    # the line of internal interaction (after Backstage, hidden) is seen between Frontstage and
    # Support processes: one step up lands above Frontstage, past the hidden lane
    assert next_line_position(bundle, internal.id, -1) == 2
    # dropping the line of visibility on the boundary it is already seen at changes nothing
    assert closest_position(bundle, visibility.id, 3) == visibility.position
    assert move_blueprint_line(bundle, visibility.id, visibility.position).changes == []


def test_an_already_broken_zone_is_known_so_the_lines_stay_movable():
    bundle = blueprint_map()
    assert not zone_already_broken(bundle)
    apply = edits.reorder(bundle, "lane", lane_named(bundle, "Frontstage").id, 3)
    bundle.apply(apply.changes)
    check_changes(bundle, apply.changes, allow_zone_override=True)
    assert zone_already_broken(bundle)
