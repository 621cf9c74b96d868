"""Open-comment bubbles on cards, opportunities, stage and step headers and lane labels."""

from __future__ import annotations

from jmapper.layout import compute_layout
from jmapper.templates import MapBuilder
from jmapper.templates.samples import build_sample


def test_every_kind_of_object_shows_its_open_comment_count() -> None:
    bundle = build_sample("support_request")
    for comment in list(bundle.comments.values()):
        del bundle.comments[comment.id]
    b = MapBuilder(bundle)
    opp = next(iter(bundle.opportunities.values()))
    card = next(iter(bundle.cards.values()))
    stage = bundle.ordered_stages()[0]
    step = next(s for s in bundle.steps.values() if s.stage_id == stage.id)
    lane = bundle.ordered_lanes()[0]
    for target in (opp, opp, card, stage, step, lane, lane, lane):
        b.comment(target, "Sam", "Why?", "2025-06-01T10:00:00")
    b.comment(card, "Sam", "Done", "2025-06-01T10:00:00", resolved=True)  # does not count
    layout = compute_layout(bundle)

    opp_box = next(o for o in layout.opportunities if o.opportunity_id == opp.id)
    assert opp_box.comments is not None and opp_box.comments.code == "2"
    assert opp_box.rect.contains(opp_box.comments.rect)
    (card_badge,) = [m for m in layout.cards[card.id].markers if m.kind == "comment"]
    assert card_badge.code == "1"
    stage_box = next(s for s in layout.stages if s.stage_id == stage.id)
    assert stage_box.comments is not None and stage_box.comments.code == "1"
    column = next(c for c in layout.columns if c.step_id == step.id)
    assert column.comments is not None and column.header.contains(column.comments.rect)
    assert all(line.x + line.width <= column.comments.rect.x for line in column.label.lines)
    lane_box = next(box for box in layout.lanes if box.lane_id == lane.id)
    assert lane_box.comments is not None and lane_box.comments.code == "3"
    assert lane_box.label_rect.contains(lane_box.comments.rect)
    others = [s for s in layout.stages if s.stage_id != stage.id]
    assert all(s.comments is None for s in others)
    assert "comment" in layout.uses
    assert all(run.fits for run in layout.text_runs)
