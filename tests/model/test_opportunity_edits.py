"""Opportunity gestures are single undo steps (no merge key) and refuse what makes no sense."""

from __future__ import annotations

import pytest

from jmapper.model import opportunity_edits
from jmapper.model.enums import LaneKind
from jmapper.model.errors import DomainError
from jmapper.templates import build_samples


@pytest.fixture
def bundle():
    return build_samples()[0]


def test_pain_link_toggles_and_refuses_a_card_that_is_no_pain(bundle) -> None:
    opp = next(iter(bundle.opportunities.values()))
    pain_lanes = {ln.id for ln in bundle.lanes.values() if ln.kind is LaneKind.PAIN_POINTS}
    pain = next(
        c
        for c in bundle.cards.values()
        if c.lane_id in pain_lanes and c.id not in opp.pain_card_ids
    )
    link = opportunity_edits.toggle_pain_link(bundle, opp.id, pain.id)
    assert link.merge_key is None and link.text == "Link pain point"
    assert link.changes[0].after.pain_card_ids == [*opp.pain_card_ids, pain.id]
    bundle.apply(link.changes)
    unlink = opportunity_edits.toggle_pain_link(bundle, opp.id, pain.id)
    assert unlink.changes[0].after.pain_card_ids == opp.pain_card_ids
    plain = next(
        c for c in bundle.cards.values() if c.lane_id not in pain_lanes and c.pain_severity is None
    )
    with pytest.raises(DomainError, match="is not a pain point"):
        opportunity_edits.toggle_pain_link(bundle, opp.id, plain.id)


def test_covered_steps_follow_column_order(bundle) -> None:
    opp = next(iter(bundle.opportunities.values()))
    steps = [c.step_id for c in bundle.columns() if c.step_id is not None]
    change = opportunity_edits.set_covered_steps(bundle, opp.id, [steps[3], steps[0]])
    assert change.changes[0].after.step_ids == [steps[0], steps[3]]
    assert change.merge_key is None
    with pytest.raises(DomainError):
        opportunity_edits.set_covered_steps(bundle, opp.id, ["nope"])
