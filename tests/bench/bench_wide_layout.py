"""Wide-map layout benchmark (a plain script): python tests/bench/bench_wide_layout.py

Builds maps of 10, 20, 40 and 80 stages (3 steps each, 4 card lanes with one card
per cell, an emotion lane) where every persona and series has a value at every
step, as in the samples: the primary persona as-is and to-be, and two overlay
personas as-is and to-be (6 curves).  Times ``compute_layout`` on each, side by
side with a bare baseline: the same map laid out with no emotion points at all,
so the difference is what the emotion lane costs.  The per-point cost of the
value-label placement should stay flat as the map widens (near-linear work).

    python tests/bench/bench_wide_layout.py [--stages 10 20 40 80] [--repeat 3]
        [--profile 40] [--cards]

``--profile N`` prints the top of a cProfile of one layout of the N-stage map;
``--cards`` also times the 2,000- and 10,000-card maps of ``generate_map.py``.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from jmapper.layout import compute_layout  # noqa: E402
from jmapper.model.bundle import MapBundle  # noqa: E402
from jmapper.model.entities import (  # noqa: E402
    Card,
    CardLink,
    EmotionPoint,
    JourneyMap,
    Lane,
    Persona,
    Stage,
    Step,
)
from jmapper.model.enums import EmotionSeries, LaneKind  # noqa: E402
from tests.bench.generate_map import generate_bundle  # noqa: E402

STEPS_PER_STAGE = 3
CARD_LANES = (
    LaneKind.CUSTOMER_ACTIONS,
    LaneKind.TOUCHPOINTS,
    LaneKind.THOUGHTS,
    LaneKind.PAIN_POINTS,
)


def wide_map(stages: int, seed: int = 11) -> MapBundle:
    """A map ``stages`` wide with a value for every persona and series at every step."""
    rng = random.Random(seed)
    personas = [
        Persona(name="Primary"),
        Persona(name="Overlay one", colour="#1f77b4"),
        Persona(name="Overlay two", colour="#d62728"),
    ]
    jm = JourneyMap(
        title=f"Wide {stages} stages",
        primary_persona_id=personas[0].id,
        overlay_persona_ids=[p.id for p in personas[1:]],
    )
    bundle = MapBundle(map=jm)
    for persona in personas:
        bundle.add(persona)
    columns: list[tuple[str, str]] = []
    for s in range(stages):
        stage = Stage(map_id=jm.id, name=f"Stage {s + 1}", position=s)
        bundle.add(stage)
        for t in range(STEPS_PER_STAGE):
            step = Step(map_id=jm.id, stage_id=stage.id, name=f"Step {s + 1}.{t + 1}", position=t)
            bundle.add(step)
            columns.append((stage.id, step.id))
    for li, kind in enumerate(CARD_LANES):
        lane = Lane(map_id=jm.id, name=kind.label, kind=kind, position=li)
        bundle.add(lane)
        for stage_id, step_id in columns:
            bundle.add(
                Card(
                    map_id=jm.id,
                    lane_id=lane.id,
                    stage_id=stage_id,
                    step_id=step_id,
                    position=0,
                    title="The customer checks the status page again",
                )
            )
    bundle.add(
        Lane(map_id=jm.id, name="Emotions", kind=LaneKind.EMOTIONS, position=len(CARD_LANES))
    )
    for persona in personas:
        for series in (EmotionSeries.AS_IS, EmotionSeries.TO_BE):
            value = rng.randint(-2, 2)
            for stage_id, step_id in columns:
                # a random walk, as real curves are: mostly small moves, some plateaus
                value = max(-2, min(2, value + rng.choice((-1, 0, 0, 1))))
                bundle.add(
                    EmotionPoint(
                        map_id=jm.id,
                        stage_id=stage_id,
                        step_id=step_id,
                        persona_id=persona.id,
                        series=series,
                        value=value,
                    )
                )
    return bundle


def with_links(bundle: MapBundle, per_cell: int = 2) -> MapBundle:
    """Labelled hand-offs: the first ``per_cell`` cards of each cell point at the lane below."""
    by_cell: dict[tuple[str, str | None, str], list[Card]] = {}
    for card in bundle.cards.values():
        by_cell.setdefault((card.stage_id, card.step_id, card.lane_id), []).append(card)
    lanes = sorted(bundle.lanes.values(), key=lambda lane: lane.position)
    below = {a.id: b.id for a, b in zip(lanes, lanes[1:], strict=False)}
    for (stage_id, step_id, lane_id), cards in by_cell.items():
        targets = by_cell.get((stage_id, step_id, below.get(lane_id, "")), [])
        for k, (card, target) in enumerate(zip(cards[:per_cell], targets, strict=False)):
            bundle.add(
                CardLink(
                    map_id=bundle.map.id,
                    source_card_id=card.id,
                    target_card_id=target.id,
                    label=f"hand-off {k + 1}",
                )
            )
    return bundle


def without_emotion(bundle: MapBundle) -> MapBundle:
    """The bare baseline: the same map with no emotion points (an empty emotion lane)."""
    bare = MapBundle(map=replace(bundle.map))
    for collection in (bundle.personas, bundle.stages, bundle.steps, bundle.lanes, bundle.cards):
        for entity in collection.values():
            bare.add(entity)
    return bare


def _median_s(run: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def _profile(bundle: MapBundle, top: int = 18) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    compute_layout(bundle)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
    print(out.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stages", type=int, nargs="+", default=[10, 20, 40, 80])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", type=int, default=0, metavar="N")
    parser.add_argument("--cards", action="store_true")
    args = parser.parse_args()
    previous: tuple[int, float] | None = None
    for stages in args.stages:
        bundle = wide_map(stages)
        bare = without_emotion(bundle)
        points = len(bundle.emotion_points)
        t_ours = _median_s(lambda b=bundle: compute_layout(b), args.repeat)
        t_bare = _median_s(lambda b=bare: compute_layout(b), args.repeat)
        extra_us = (t_ours - t_bare) / points * 1e6
        growth = ""
        if previous is not None:
            growth = f"  x{t_ours / previous[1]:4.1f} for x{points / previous[0]:.0f} points"
        print(
            f"{stages:>3} stages {stages * STEPS_PER_STAGE:>4} columns {points:>5} points  "
            f"ours {t_ours * 1000:8.1f} ms  bare {t_bare * 1000:7.1f} ms  "
            f"emotion {extra_us:7.1f} us/point{growth}"
        )
        previous = (points, t_ours)
    if args.profile:
        _profile(wide_map(args.profile))
    if args.cards:
        for per_cell in (10, 50):
            bundle = generate_bundle(
                stages=20, steps_per_stage=1, lanes=10, cards_per_cell=per_cell
            )
            t = _median_s(lambda b=bundle: compute_layout(b), args.repeat)
            print(
                f"{len(bundle.cards):>6} cards (generate_map.py): compute_layout {t * 1000:8.1f} ms"
            )
            with_links(bundle)
            t = _median_s(lambda b=bundle: compute_layout(b), args.repeat)
            print(
                f"{len(bundle.cards):>6} cards, {len(bundle.card_links)} labelled links: "
                f"compute_layout {t * 1000:8.1f} ms"
            )


if __name__ == "__main__":
    main()
