"""Time the health check on the 2,000-card map: the cost it adds to every edit.

    python tests/bench/bench_health.py [--repeat 50]

Prints the median and worst time of ``run_checks`` over all rules, and the
median of each rule alone, slowest first.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from jmapper.analysis.health import RULES, run_checks  # noqa: E402
from tests.bench.generate_map import generate_bundle  # noqa: E402

TODAY = date(2026, 12, 1)


def _times(run: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    bundle = generate_bundle(stages=20, steps_per_stage=1, lanes=10, cards_per_cell=10)
    findings = run_checks(bundle, TODAY)
    total = _times(lambda: run_checks(bundle, TODAY), args.repeat)
    print(
        f"run_checks on {len(bundle.cards)} cards, {len(RULES)} rules, {len(findings)} findings: "
        f"median {statistics.median(total):.2f} ms, worst {max(total):.2f} ms "
        f"over {args.repeat} runs"
    )
    per_rule = {
        rule_id: statistics.median(_times(lambda r=rule_id: run_checks(bundle, TODAY, [r]), 10))
        for rule_id in RULES
    }
    for rule_id, ms in sorted(per_rule.items(), key=lambda item: -item[1]):
        print(f"  {rule_id:34} {ms:7.3f} ms")


if __name__ == "__main__":
    main()
