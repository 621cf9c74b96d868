"""Generate a large map for benchmarks, into a library file.

    python tests/bench/generate_map.py OUT.jmapper --stages 20 --steps-per-stage 1 \
        --lanes 10 --cards-per-cell 10          # 2,000 cards

``generate_bundle`` is importable by other benchmark scripts.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from jmapper.model.bundle import MapBundle  # noqa: E402
from jmapper.model.entities import (  # noqa: E402
    Card,
    EmotionPoint,
    JourneyMap,
    Lane,
    Persona,
    Stage,
    Step,
)
from jmapper.model.enums import Channel, LaneKind  # noqa: E402

WORDS = (
    "customer",
    "calls",
    "again",
    "because",
    "the",
    "status",
    "page",
    "says",
    "nothing",
    "about",
    "the",
    "outage",
    "and",
    "the",
    "chatbot",
    "loops",
    "back",
    "to",
    "the",
    "start",
    "while",
    "the",
    "agent",
    "cannot",
    "see",
    "the",
    "earlier",
    "ticket",
    "history",
)


def generate_bundle(
    stages: int = 20,
    steps_per_stage: int = 1,
    lanes: int = 10,
    cards_per_cell: int = 10,
    seed: int = 7,
) -> MapBundle:
    rng = random.Random(seed)
    persona = Persona(name="Generated persona")
    journey_map = JourneyMap(
        title=f"Generated {stages}x{lanes}x{cards_per_cell}", primary_persona_id=persona.id
    )
    bundle = MapBundle(map=journey_map)
    bundle.add(persona)
    m = journey_map.id
    columns: list[tuple[str, str | None]] = []
    for s in range(stages):
        stage = Stage(map_id=m, name=f"Stage {s + 1}", position=s)
        bundle.add(stage)
        for t in range(steps_per_stage):
            step = Step(map_id=m, stage_id=stage.id, name=f"Step {s + 1}.{t + 1}", position=t)
            bundle.add(step)
            columns.append((stage.id, step.id))
        if steps_per_stage == 0:
            columns.append((stage.id, None))
    kinds = [
        LaneKind.CUSTOMER_ACTIONS,
        LaneKind.TOUCHPOINTS,
        LaneKind.THOUGHTS,
        LaneKind.PAIN_POINTS,
        LaneKind.OPPORTUNITIES,
        LaneKind.TEXT,
    ]
    for index in range(lanes):
        lane = Lane(
            map_id=m, name=f"Lane {index + 1}", kind=kinds[index % len(kinds)], position=index
        )
        bundle.add(lane)
        for stage_id, step_id in columns:
            for position in range(cards_per_cell):
                words = rng.sample(WORDS, rng.randint(3, 9))
                bundle.add(
                    Card(
                        map_id=m,
                        lane_id=lane.id,
                        stage_id=stage_id,
                        step_id=step_id,
                        position=position,
                        title=" ".join(words).capitalize(),
                        description=" ".join(rng.sample(WORDS, rng.randint(0, 12))),
                        channel=rng.choice(list(Channel))
                        if lane.kind is LaneKind.TOUCHPOINTS
                        else None,
                        pain_severity=rng.randint(0, 4)
                        if lane.kind is LaneKind.PAIN_POINTS
                        else None,
                    )
                )
    for stage_id, step_id in columns:
        bundle.add(
            EmotionPoint(
                map_id=m,
                stage_id=stage_id,
                step_id=step_id,
                persona_id=persona.id,
                value=rng.randint(-2, 2),
            )
        )
    return bundle


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out")
    parser.add_argument("--stages", type=int, default=20)
    parser.add_argument("--steps-per-stage", type=int, default=1)
    parser.add_argument("--lanes", type=int, default=10)
    parser.add_argument("--cards-per-cell", type=int, default=10)
    args = parser.parse_args()
    from jmapper.storage import LibraryStore

    started = time.perf_counter()
    bundle = generate_bundle(args.stages, args.steps_per_stage, args.lanes, args.cards_per_cell)
    path = Path(args.out)
    store = LibraryStore.open(path, create=True)
    store.add_bundle(bundle)
    store.close()
    print(
        f"{len(bundle.cards)} cards written to {path} as map {bundle.map.id} "
        f"in {time.perf_counter() - started:.2f} s"
    )


if __name__ == "__main__":
    main()
