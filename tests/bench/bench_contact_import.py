"""Contact-centre import benchmark (a plain script, not a test): 1,000,000 rows, time and memory.

    python tests/bench/bench_contact_import.py [--rows 1000000]

Writes a realistic export (tests/contact_centre_data.py: BOM, semicolons,
decimal commas, mixed dates, formula-looking cells, blank rows) of ``--rows``
rows, then runs in its own process, with wall time and peak RSS from
``os.wait4``:

- ``read (work)``: stream the file into counts per place
  (``jmapper.services.contact_import.summarise_file``), nothing else;
- ``jmapper import --as metrics``: the real command on a library holding the
  support sample, writing the metric values.

The targets (docs/contact-centre.md): under 10 s and under 200 MB for a million rows.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

TARGET_S, TARGET_MB = 10.0, 200.0

_WORK = """
import json, sys
from jmapper.interchange.contact_records import ColumnMapping
from jmapper.services.contact_import import summarise_file
mapping = ColumnMapping.from_json(open(sys.argv[2], encoding="utf-8").read())
summary = summarise_file(sys.argv[1], mapping)
print(summary.rows, sum(t.contacts for t in summary.tallies.values()))
"""


def measure(command: list[str]) -> tuple[float, float, str]:
    """(seconds, peak RSS in MB, stdout) of one child process."""
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    out = child.stdout.read().decode() if child.stdout else ""
    err = child.stderr.read().decode() if child.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{command[:4]} failed: {err}")
    peak_mb = usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / 2**20
    return seconds, peak_mb, out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    from jmapper.services.library import create_map, open_library
    from tests.contact_centre_data import MAPPING, iter_records, write_export

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "contacts.csv"
        started = time.perf_counter()
        write_export(source, iter_records(args.rows))
        size_mb = source.stat().st_size / 2**20
        print(
            f"wrote {args.rows:,} rows ({size_mb:.0f} MB) in {time.perf_counter() - started:.1f} s"
        )
        mapping = Path(folder) / "mapping.json"
        mapping.write_text(json.dumps(MAPPING), encoding="utf-8")
        library = Path(folder) / "lib.jmapper"
        store = open_library(library, create=True)
        create_map(store, "Support", from_sample="support_request")
        store.close()
        rows = [
            ("read (work)", [sys.executable, "-c", _WORK, str(source), str(mapping)]),
            (
                "jmapper import --as metrics",
                [sys.executable, "-m", "jmapper", "import", str(library), str(source),
                 "--as", "metrics", "--map", "Support", "--mapping", str(mapping)],
            ),
        ]  # fmt: skip
        print(f"{'step':<30} {'seconds':>8} {'peak MB':>8}  rows/s")
        for name, command in rows:
            seconds, peak, _ = measure(command)
            verdict = "ok" if seconds < TARGET_S and peak < TARGET_MB else "OVER TARGET"
            print(f"{name:<30} {seconds:>8.2f} {peak:>8.0f}  {args.rows / seconds:,.0f}  {verdict}")


if __name__ == "__main__":
    main()
