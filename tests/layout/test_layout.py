"""The pure layout: geometry a person would check on the printed map."""

from __future__ import annotations

import subprocess
import sys

import pytest

from jmapper.layout import compute_layout, text_width, wrap
from jmapper.layout.emotion import monotone_beziers
from jmapper.layout.text import segments
from jmapper.model.entities import Card
from jmapper.model.enums import BlueprintLineKind, LaneKind, MapType
from jmapper.templates import build_samples
from tests.layout.maps import make_map

ALL_TYPES = list(MapType)


def _all_maps():
    return [make_map(t) for t in ALL_TYPES] + list(build_samples())


@pytest.mark.parametrize("bundle", _all_maps(), ids=lambda b: b.map.title[:30])
def test_every_text_run_fits_and_nothing_overlaps(bundle) -> None:
    layout = compute_layout(bundle)
    assert layout.text_runs
    assert all(run.fits for run in layout.text_runs)
    assert len(layout.cards) == len(bundle.cards)
    lanes = {lane.lane_id: lane for lane in layout.lanes}
    by_lane: dict[str, list] = {}
    for box in layout.cards.values():
        lane = lanes[box.lane_id]
        assert lane.rect.contains(box.rect), "a card sticks out of its lane"
        assert layout.grid.contains(box.rect)
        for block in (box.title, box.body):
            if block is not None:
                assert box.rect.contains(block.rect)
        for marker in box.markers:
            assert box.rect.contains(marker.rect)
        by_lane.setdefault(box.lane_id, []).append(box.rect)
    for rects in by_lane.values():
        for i, a in enumerate(rects):
            for b in rects[i + 1 :]:
                assert not a.intersects(b), "two cards overlap"
    for a, b in zip(layout.lanes, layout.lanes[1:], strict=False):
        assert a.rect.bottom <= b.rect.y + 1e-6, "lanes overlap"


def test_long_card_text_grows_its_row(journey) -> None:
    before = compute_layout(journey)
    card = next(c for c in journey.cards.values() if c.description)
    card.description = ("Waiting on hold for the third time this week, " * 20)[:600]
    assert len(card.description) == 600
    after = compute_layout(journey)
    box = after.cards[card.id]
    assert box.body is not None and box.body.fits and box.title.fits
    assert len(box.body.lines) > 10
    lane_before = next(ln for ln in before.lanes if ln.lane_id == card.lane_id)
    lane_after = next(ln for ln in after.lanes if ln.lane_id == card.lane_id)
    assert lane_after.rect.h > lane_before.rect.h
    assert lane_after.rect.contains(box.rect)


def test_spanning_card_covers_its_columns_and_pushes_neighbours_down(journey) -> None:
    lane = next(ln for ln in journey.lanes.values() if ln.kind is LaneKind.THOUGHTS)
    columns = journey.columns()
    wide = Card(
        map_id=journey.map.id,
        lane_id=lane.id,
        stage_id=columns[0].stage_id,
        step_id=columns[0].step_id,
        span=3,
        position=5,
        title="Spans three steps",
    )
    journey.add(wide)
    layout = compute_layout(journey)
    box = layout.cards[wide.id]
    assert box.rect.w > 2.5 * layout.columns[0].width
    others = [b.rect for b in layout.cards.values() if b.lane_id == lane.id and b is not box]
    assert not any(box.rect.intersects(r) for r in others)


def test_emotion_points_sit_at_column_centres_and_scale_heights(journey) -> None:
    layout = compute_layout(journey)
    (lane,) = layout.emotion
    primary = next(c for c in lane.curves if c.primary)
    assert len(primary.marks) == len(journey.columns())
    for mark in primary.marks:
        assert mark.x == pytest.approx(layout.columns[mark.column_index].centre_x)
    ys = {v: y for v, y, _ in lane.ticks}
    assert ys[2] < ys[0] < ys[-2]
    assert lane.midline_y == pytest.approx(ys[0])
    for mark in primary.marks:
        assert mark.y == pytest.approx(ys[mark.value])
        assert (
            mark.face == {True: "smile", False: "frown"}.get(mark.value > 0, "flat")
            if mark.value
            else mark.face == "flat"
        )
    labels = {m.value: m.label for m in primary.marks}
    assert labels[2] == "+2" and labels[-2] == "-2" and labels[0] == "0"
    overlay = [c for c in lane.curves if not c.primary]
    assert overlay and overlay[0].dash != primary.dash


def test_curve_never_overshoots_the_points() -> None:
    pts = [(0.0, 10.0), (10.0, 0.0), (20.0, 0.0), (30.0, 10.0)]
    for p0, c1, c2, p3 in monotone_beziers(pts):
        lo, hi = min(p0[1], p3[1]), max(p0[1], p3[1])
        assert lo - 1e-9 <= c1[1] <= hi + 1e-9 and lo - 1e-9 <= c2[1] <= hi + 1e-9


def test_blueprint_lines_in_order_and_visibility_heaviest(blueprint) -> None:
    layout = compute_layout(blueprint)
    kinds = [line.kind for line in sorted(layout.blueprint_lines, key=lambda ln: ln.y)]
    assert kinds == [
        BlueprintLineKind.INTERACTION,
        BlueprintLineKind.VISIBILITY,
        BlueprintLineKind.INTERNAL_INTERACTION,
    ]
    weights = {line.kind: line.weight for line in layout.blueprint_lines}
    assert weights[BlueprintLineKind.VISIBILITY] > weights[BlueprintLineKind.INTERACTION]
    lanes = {ln.kind: ln for ln in layout.lanes}
    vis = next(ln for ln in layout.blueprint_lines if ln.kind is BlueprintLineKind.VISIBILITY)
    assert lanes[LaneKind.FRONTSTAGE].rect.bottom <= vis.y <= lanes[LaneKind.BACKSTAGE].rect.y
    assert vis.x0 == 0 and vis.x1 == pytest.approx(layout.width)
    assert all(line.label.fits and line.label.lines for line in layout.blueprint_lines)


def test_links_start_and_end_on_card_edges(blueprint) -> None:
    layout = compute_layout(blueprint)
    assert len(layout.links) == 2
    for link in layout.links:
        src = next(b for b in layout.cards.values() if _on_edge(b.rect, link.start))
        dst = next(b for b in layout.cards.values() if _on_edge(b.rect, link.end))
        assert src is not dst
    assert sorted(len(link.heads) for link in layout.links) == [1, 2]


def _on_edge(rect, point, tol=0.01) -> bool:
    x, y = point
    inside = rect.x - tol <= x <= rect.right + tol and rect.y - tol <= y <= rect.bottom + tol
    edge = min(abs(x - rect.x), abs(x - rect.right), abs(y - rect.y), abs(y - rect.bottom))
    return inside and edge <= tol


def test_moments_and_opportunities(journey) -> None:
    layout = compute_layout(journey)
    assert len(layout.moments) == 1
    moment = layout.moments[0]
    column = layout.columns[moment.column_index]
    assert column.x <= moment.marker.x and moment.marker.right <= column.x + column.width
    assert moment.note is not None and moment.note.lines[0].text == "Parcel arrives"
    (opp,) = layout.opportunities  # the unplaced one stays off the grid
    assert opp.priority == "Quick win"


def test_cjk_uses_fallback_font_with_full_width_glyphs() -> None:
    assert text_width("日本", 10) == pytest.approx(20)
    segs = segments("Café ✓ 日本 Ørsted")
    assert [s[0] for s in segs] == ["regular", "fallback", "regular"]
    assert text_width("Ørsted", 10, True) > text_width("Ørsted", 10)
    lines = wrap("日本語のテキストは単語の間に空白がありません" * 3, 10, 60)
    assert all(text_width(line, 10) <= 60 for line in lines)
    assert all(text_width(line, 9) <= 40 for line in wrap("x" * 200, 9, 40))


def test_markup_is_plain_text(journey) -> None:
    card = next(iter(journey.cards.values()))
    card.title = "<b>&amp;"
    layout = compute_layout(journey)
    assert layout.cards[card.id].title.lines[0].text == "<b>&amp;"


def test_layout_and_style_import_neither_qt_nor_reportlab() -> None:
    code = (
        "import sys, jmapper.layout, jmapper.style;"
        "from jmapper.templates import build_samples;"
        "[jmapper.layout.compute_layout(b) for b in build_samples()];"
        "bad=[m for m in sys.modules if m.startswith(('PySide6','reportlab'))];"
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_quote_repeated_as_the_title_is_not_printed_twice() -> None:
    bundle = next(iter(build_samples()))
    layout = compute_layout(bundle)
    quoted = [c for c in bundle.cards.values() if c.quote and not c.description]
    assert quoted
    for card in quoted:
        body = layout.cards[card.id].body
        printed = " ".join(line.text for line in body.lines) if body else ""
        same = card.title.strip("\u201c\u201d") == card.quote
        assert (card.quote[:12] in printed) != same, card.title


def test_a_long_word_is_never_cut_between_a_letter_and_its_marks() -> None:
    """Cut between characters to fit, a Devanagari or Thai word keeps each vowel sign and
    tone mark with its letter (a line starting with a mark prints a dotted circle)."""
    import unicodedata

    from jmapper.layout.text import wrap

    for word in ("नमस्तेदुनियानमस्तेदुनिया", "สวัสดีชาวโลกสวัสดีชาวโลก", "👍🏽👨\u200d👩\u200d👧👍🏽"):
        lines = wrap(word, 10, 14)
        assert len(lines) > 1, word
        assert "".join(lines) == word
        for line in lines:
            assert unicodedata.category(line[0])[0] != "M", (word, lines)
            assert not line.startswith(("\u200d", "\U0001f3fd")), (word, lines)
