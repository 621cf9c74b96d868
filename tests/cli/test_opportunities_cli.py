"""``jmapper opportunities``: the register on the sample library, its filters, its JSON,
and the real process refusing bad options with one sentence."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from jmapper.analysis.priority import Method, rank
from jmapper.app import main
from jmapper.model.enums import OpportunityStatus
from jmapper.services.library import add_samples
from jmapper.storage import LibraryStore

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def library(tmp_path: Path) -> Path:
    path = tmp_path / "samples.jmapper"
    store = LibraryStore.create(path)
    add_samples(store)
    store.close()
    return path


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_lists_every_sample_opportunity_with_every_score(library, capsys):
    before = library.read_bytes()
    code, out, err = run(capsys, "opportunities", str(library), "--json")
    assert code == 0 and err == ""
    document = json.loads(out)
    store = LibraryStore.open(library)
    try:
        bundles = [store.load_map(m.id) for m in store.list_maps()]
    finally:
        store.close()
    expected = {o.id: (b, o) for b in bundles for o in b.opportunities.values()}
    rows = document["opportunities"]
    assert document["version"] == 1 and document["maps"] == len(bundles)
    assert {r["id"] for r in rows} == set(expected)
    for row in rows:
        bundle, opp = expected[row["id"]]
        assert row["map"] == {"id": bundle.map.id, "title": bundle.map.title}
        assert (row["owner"], row["metric"], row["baseline"], row["target"]) == (
            opp.owner,
            opp.metric,
            opp.baseline,
            opp.target,
        )
        assert row["status"] == opp.status.value and row["votes"] == opp.votes
        rice = {r.opportunity.id: r for r in rank(bundle.opportunities.values(), Method.RICE)}
        assert row["rice"]["value"] == rice[opp.id].score
        assert row["rice"]["rank"] == rice[opp.id].rank
        assert row["pains"] == [bundle.cards[c].title for c in opp.pain_card_ids]
    # the samples exercise every score: all four quadrants, and each method scores and misses
    assert {r["quadrant"] for r in rows} >= {"quick_win", "big_bet", "fill_in", "money_pit"}
    for method in ("impact_x_feasibility", "rice", "volume_x_severity"):
        assert any(r[method]["value"] is not None for r in rows), method
    assert any(r["volume_x_severity"]["missing"] for r in rows)
    assert library.read_bytes() == before  # listing never writes


def test_rice_worked_by_hand(library, capsys):
    code, out, _err = run(capsys, "opportunities", str(library), "--json")
    rows = {r["title"]: r for r in json.loads(out)["opportunities"]}
    # reach 134,000 x impact 4 x confidence 0.8 / effort 1.5 = 285,866.67
    ivr = rows["Line-fault option at the top of the IVR"]
    assert ivr["rice"]["value"] == pytest.approx(134000 * 4 * 0.8 / 1.5)
    assert ivr["volume_x_severity"]["value"] == 11200 * 3
    assert ivr["impact_x_feasibility"]["value"] == 20 and ivr["quadrant"] == "quick_win"


def test_map_status_and_overdue_filters(library, capsys):
    store = LibraryStore.open(library)
    try:
        summary = next(m for m in store.list_maps() if m.title.startswith("Mortgage"))
        bundle = store.load_map(summary.id)
        late = next(o for o in bundle.opportunities.values() if o.status.value == "idea")
        from dataclasses import replace

        from jmapper.model.changes import EntityChange

        after = replace(late, due_date=date.today() - timedelta(days=3), owner="")
        store.apply([EntityChange("opportunity", late.id, late, after)])
    finally:
        store.close()
    code, out, _ = run(
        capsys, "opportunities", str(library), "--map", summary.title, "--overdue", "--json"
    )
    rows = json.loads(out)["opportunities"]
    assert code == 0 and [r["id"] for r in rows] == [late.id]
    assert rows[0]["overdue"] and rows[0]["missing"] == ["owner"]
    code, out, _ = run(capsys, "opportunities", str(library), "--map", summary.title)
    assert f"* {late.title}  [OVERDUE; NO OWNER]" in out
    code, out, _ = run(capsys, "opportunities", str(library), "--status", "planned", "--json")
    statuses = {r["status"] for r in json.loads(out)["opportunities"]}
    assert statuses == {OpportunityStatus.PLANNED.value}


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (("--status", "nope"), 2, "invalid choice: 'nope'"),
        (("--overdue=yes",), 2, "ignored explicit argument"),
        (("--map", "No such map"), 1, "No such map"),
        (("--sort", "rice"), 2, "unrecognized arguments"),
    ],
)
def test_real_process_bad_options_are_one_sentence(library, tmp_path, args, code, says):
    before = library.read_bytes()
    done = subprocess.run(
        [sys.executable, "-m", "jmapper", "opportunities", str(library), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "JMAPPER_DATA_DIR": str(tmp_path)},
    )
    assert done.returncode == code
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and says in lines[0], done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    assert library.read_bytes() == before
