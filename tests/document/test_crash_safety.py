"""Kill a process mid-edit with SIGKILL, many times: nothing reported as done is lost."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from jmapper.storage import LibraryStore
from tests.builders import small_map

CHILD = Path(__file__).with_name("crash_child.py")
ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")


def test_sigkill_at_random_points_loses_no_reported_edit(tmp_path):
    path = tmp_path / "crash.jmapper"
    store = LibraryStore.create(path)
    store.add_bundle(small_map())
    (map_id,) = store.map_ids()
    store.close()

    rng = random.Random(20261123)
    expected: dict[str, str] = {}
    first = 0
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    for _round in range(20):
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(path), str(first)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert child.stdout is not None
        wanted = rng.randint(1, 12)
        reported = 0
        for line in child.stdout:
            _, n, card_id, title = line.split()
            expected[card_id] = title
            first = int(n) + 1
            reported += 1
            if reported >= wanted:
                break
        # Land the kill anywhere: between edits, inside a transaction, during fsync.
        time.sleep(rng.uniform(0, 0.02))
        child.send_signal(signal.SIGKILL)
        rest, errors = child.communicate()
        assert reported == wanted, f"child died early: {errors[-2000:]}"
        for line in rest.splitlines():  # edits reported before the kill landed
            _, n, card_id, title = line.split()
            expected[card_id] = title
            first = int(n) + 1

        with sqlite3.connect(path) as check:
            assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        reopened = LibraryStore.open(path)
        bundle = reopened.load_map(map_id)
        reopened.close()
        for card_id, title in expected.items():
            assert card_id in bundle.cards, f"card {title} was reported done but is gone"
            # An edit may have been stored just before the kill but not yet reported;
            # then the file holds that later edit, never an earlier one.
            stored = int(bundle.cards[card_id].title.split("-")[1])
            assert stored >= int(title.split("-")[1]), f"{title} was reported but is lost"

    assert len(expected) >= 20
