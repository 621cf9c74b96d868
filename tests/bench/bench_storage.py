"""On-demand figures for the storage hot paths (not collected by pytest).

Run ``python tests/bench/bench_storage.py`` from the repository root.  Prints
the median latency of one small ``apply`` (move one card) in a 20-card and a
2,000-card map, the same UPDATE through bare sqlite3 with the same pragmas,
and the time to ``load_map`` a 10,000-card map.
"""

from __future__ import annotations

import dataclasses
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from jmapper.model.bundle import MapBundle
from jmapper.model.changes import EntityChange
from jmapper.model.entities import Card, JourneyMap, Lane, Stage
from jmapper.storage import LibraryStore


def _bundle(cards: int) -> MapBundle:
    journey = JourneyMap(title=f"{cards} cards")
    bundle = MapBundle(map=journey)
    stages = [Stage(map_id=journey.id, name=f"S{i}", position=i) for i in range(10)]
    lanes = [Lane(map_id=journey.id, name=f"L{i}", position=i) for i in range(8)]
    for entity in (*stages, *lanes):
        bundle.add(entity)
    for i in range(cards):
        bundle.add(
            Card(
                map_id=journey.id,
                lane_id=lanes[i % 8].id,
                stage_id=stages[i % 10].id,
                position=i,
                title=f"Card {i}",
                description="Some words about this card " * 3,
            )
        )
    return bundle


def _apply_latency(folder: Path, cards: int, rounds: int = 200) -> float:
    bundle = _bundle(cards)
    with LibraryStore.create(folder / f"apply{cards}.jmapper") as store:
        store.add_bundle(bundle)
        card = next(iter(bundle.cards.values()))
        timings = []
        for i in range(rounds):
            moved = dataclasses.replace(card, position=card.position + 1, title=f"t{i}")
            start = time.perf_counter()
            store.apply([EntityChange("card", card.id, card, moved)])
            timings.append(time.perf_counter() - start)
            card = moved
    return statistics.median(timings)


def _bare_latency(folder: Path, cards: int, rounds: int = 200) -> float:
    path = folder / f"apply{cards}.jmapper"
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=2000"):
        conn.execute(f"PRAGMA {pragma}")
    card_id = conn.execute("SELECT id FROM card LIMIT 1").fetchone()[0]
    timings = []
    for i in range(rounds):
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE card SET position=?, title=? WHERE id=?", (i, f"b{i}", card_id))
        conn.execute("COMMIT")
        timings.append(time.perf_counter() - start)
    conn.close()
    return statistics.median(timings)


def _load_time(folder: Path, cards: int = 10_000, rounds: int = 5) -> float:
    bundle = _bundle(cards)
    with LibraryStore.create(folder / "load.jmapper") as store:
        store.add_bundle(bundle)
    with LibraryStore.open(folder / "load.jmapper") as store:
        timings = []
        for _ in range(rounds):
            start = time.perf_counter()
            loaded = store.load_map(bundle.map.id)
            timings.append(time.perf_counter() - start)
        assert loaded == bundle
    return min(timings)


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for cards in (20, 2000):
            ours = _apply_latency(folder, cards)
            bare = _bare_latency(folder, cards)
            print(
                f"apply, {cards:>5} cards: {ours * 1000:7.3f} ms median "
                f"(bare sqlite3 UPDATE: {bare * 1000:7.3f} ms, ratio {ours / bare:4.2f})"
            )
        print(f"load_map, 10,000 cards: {_load_time(folder) * 1000:7.1f} ms (best of 5)")


if __name__ == "__main__":
    main()
