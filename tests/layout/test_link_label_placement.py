"""Link labels land exactly where the unindexed placement put them.

``layout_links`` passes each label only the cards, notes and arrows within its reach
(``label_reach``).  ``reference_layout_links`` below is a verbatim copy of the loop as
it was before, passing every obstacle and arrow of the map; every link of every sample,
and of crowded random maps, must come out identical.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

import pytest

from jmapper.layout import compute_layout
from jmapper.layout.boxes import CardBox, LinkBox, Point, Rect, TextBlock
from jmapper.layout.connectors import arrow_heads, edge_point, layout_links, place_link_label
from jmapper.layout.text import line_height, place_lines, text_width
from jmapper.model.bundle import MapBundle
from jmapper.model.entities import Card, CardLink
from jmapper.model.enums import LinkDirection
from jmapper.style import DEFAULT_STYLE, Style
from jmapper.templates import build_samples
from tests.layout.maps import make_map


def reference_layout_links(
    bundle: MapBundle,
    cards: dict[str, CardBox],
    style: Style,
    obstacles: Sequence[Rect] = (),
    bounds: Rect | None = None,
) -> list[LinkBox]:
    """Every card link's arrow, heads and label.

    ``obstacles`` are rectangles other than cards that labels keep clear of
    (opportunities, moment notes); ``bounds`` keeps moved-out labels on the grid.
    """
    ordered = sorted(bundle.card_links.values(), key=lambda k: k.id)
    ends: dict[str, tuple[Point, Point]] = {}
    for link in ordered:
        source = cards.get(link.source_card_id)
        target = cards.get(link.target_card_id)
        if source is None or target is None or source is target:
            continue
        ends[link.id] = (
            edge_point(source.rect, target.rect.centre),
            edge_point(target.rect, source.rect.centre),
        )
    blocked = [c.rect for c in cards.values()] + list(obstacles)
    out = []
    for link in ordered:
        if link.id not in ends:
            continue
        start, end = ends[link.id]
        heads = arrow_heads(start, end, link.direction, style)
        label = None
        leader = None
        if link.label:
            size = style.line_label_size
            width = text_width(link.label, size)
            others = [e for key, e in ends.items() if key != link.id]
            rect, leader = place_link_label(
                start,
                end,
                width,
                line_height(size, style.line_spacing),
                blocked,
                heads,
                bounds,
                others,
            )
            blocked.append(rect)
            lines = place_lines([link.label], rect.x, rect.y, size, rect.w, style.line_spacing)
            label = TextBlock(
                "link_label", link.id, rect, lines, size, False, style.label_text_colour, True
            )
        out.append(
            LinkBox(link.id, start, end, link.direction, link.link_type, heads, label, leader)
        )
    return out


def _crowded_map(seed: int) -> MapBundle:
    """A hand-built map with stacks of cards and many labelled links, near and far."""
    rng = random.Random(seed)
    bundle = make_map(stages=4)
    cells = sorted({(c.lane_id, c.stage_id, c.step_id) for c in bundle.cards.values()})
    for lane_id, stage_id, step_id in rng.sample(cells, min(len(cells), 8)):
        for k in range(rng.randint(2, 6)):
            bundle.add(
                Card(
                    map_id=bundle.map.id,
                    lane_id=lane_id,
                    stage_id=stage_id,
                    step_id=step_id,
                    position=10 + k,
                    title=f"Extra card {k} with a longer title that wraps",
                )
            )
    cards = sorted(bundle.cards.values(), key=lambda c: c.id)
    for k in range(40):
        source, target = rng.sample(cards, 2)
        bundle.add(
            CardLink(
                map_id=bundle.map.id,
                source_card_id=source.id,
                target_card_id=target.id,
                direction=rng.choice(list(LinkDirection)),
                label=rng.choice(["", "hand-off", f"escalates after {k} days", "SMS"]),
            )
        )
    return bundle


def _assert_same_as_reference(bundle: MapBundle) -> int:
    layout = compute_layout(bundle)
    obstacles = [o.rect for o in layout.opportunities] + [
        m.note_rect for m in layout.moments if m.note_rect
    ]
    expected = reference_layout_links(bundle, layout.cards, DEFAULT_STYLE, obstacles, layout.grid)
    assert list(layout.links) == expected
    assert layout_links(bundle, layout.cards, DEFAULT_STYLE, obstacles, layout.grid) == expected
    return sum(1 for link in expected if link.label is not None)


@pytest.mark.parametrize("bundle", build_samples(), ids=lambda b: b.map.title[:30])
def test_every_sample_places_its_link_labels_as_before(bundle: MapBundle) -> None:
    labelled = _assert_same_as_reference(bundle)
    assert labelled == sum(1 for link in bundle.card_links.values() if link.label)


@pytest.mark.parametrize("seed", range(4))
def test_crowded_maps_place_their_link_labels_as_before(seed: int) -> None:
    assert _assert_same_as_reference(_crowded_map(seed)) > 15
