"""``jmapper metrics``: the sample's metrics scored by hand, and bad input as one sentence."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jmapper.app import main

ROOT = Path(__file__).resolve().parents[2]
SUPPORT = "Broadband support request"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library holding the support-request sample (as a map titled SUPPORT) and a bare map."""
    path = tmp_path_factory.mktemp("metrics") / "lib.jmapper"
    for args in (
        ["new", str(path), "--title", SUPPORT, "--from-sample", "support_request"],
        ["new", str(path), "--title", "Bare"],
    ):
        assert main(args) == 0
    return path


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_scores_the_sample_by_the_domain_formulas(library, capsys) -> None:
    before = library.read_bytes()
    code, out, err = run(capsys, "metrics", str(library), "--map", SUPPORT, "--json")
    assert code == 0 and err == ""
    document = json.loads(out)
    assert document["version"] == 1 and document["map"]["title"] == SUPPORT
    metrics = {m["kind"]: m for m in document["metrics"]}
    assert len(metrics) == 7
    nps = {v["role"]: v for v in metrics["nps"]["values"]}
    # baseline: 420 promoters, 610 passives, 770 detractors: (420 - 770) / 1800 = -19.44
    assert nps["baseline"]["score"] == pytest.approx(-350 / 18)
    assert nps["baseline"]["computed"] is True and nps["baseline"]["sample_size"] == 1800
    # actual: (450 - 720) / 1810 = -14.92, against the target 5 and 4.53 up since the baseline
    actual = nps["actual"]
    assert actual["score"] == pytest.approx(-27000 / 1810)
    assert actual["target"] == 5.0 and actual["baseline"] == pytest.approx(-350 / 18)
    assert actual["change"]["delta"] == pytest.approx(-27000 / 1810 + 350 / 18)
    assert actual["change"]["direction"] == "up" and actual["change"]["improved"] is True
    # the repeat-contact rate reports its window; 13 282 of 45 800 = 29 %, down 2 from 31 %
    rcr = metrics["repeat_contact_rate"]
    assert rcr["repeat_window_days"] == 7
    rcr_actual = next(v for v in rcr["values"] if v["role"] == "actual")
    assert rcr_actual["score"] == pytest.approx(29.0) and rcr_actual["computed"] is True
    assert rcr_actual["change"] == {
        "delta": pytest.approx(-2.0),
        "direction": "down",
        "improved": True,
    }
    csat = metrics["csat"]
    assert csat["csat_mode"] == "top_2_box"
    # Q2: 280, 230, 250, 450, 330 answers: (450 + 330) / 1540 = 50.65 %
    csat_actual = next(v for v in csat["values"] if v["role"] == "actual")
    assert csat_actual["score"] == pytest.approx(78000 / 1540)
    ces = metrics["ces"]["values"][0]
    assert ces["scope"]["kind"] == "step" and ces["scope"]["name"].startswith("Contact initiation")
    assert ces["score"] == pytest.approx(3.1)
    assert library.read_bytes() == before  # reading metrics never writes


def test_text_lists_roles_scores_and_changes_with_arrows(library, capsys) -> None:
    code, out, err = run(capsys, "metrics", str(library), "--map", SUPPORT)
    assert code == 0 and err == ""
    assert "Relationship NPS (NPS, -100..100)" in out
    assert "Repeat-contact rate (Repeat contact rate, 7-day window, %)" in out
    rows = [line.split() for line in out.splitlines()]
    nps_actual = next(r for r in rows if r[:2] == ["actual", "Map"] and "-14.9*" in r)
    assert nps_actual[-3:] == ["+4.5", "\u2191", "better"]
    assert any(r[-3:] == ["-2", "\u2193", "better"] for r in rows)  # repeat contacts fell
    assert out.rstrip().endswith("* computed from the raw counts.")


def test_a_map_without_metrics_says_so(library, capsys) -> None:
    code, out, _ = run(capsys, "metrics", str(library), "--map", "Bare")
    assert code == 0 and "No metrics yet" in out
    code, out, _ = run(capsys, "metrics", str(library), "--map", "Bare", "--json")
    assert json.loads(out)["metrics"] == []


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (("metrics", "LIB"), 2, "--map"),
        (("metrics",), 2, "required"),
        (("metrics", "LIB", "--map", "Nope"), 1, "Nope"),
        (("metrics", "LIB", "--map", SUPPORT, "--csv"), 2, "unrecognized"),
        (("metrics", "HERE/none.jmapper", "--map", SUPPORT), 1, "none.jmapper"),
        (("metrics", "HERE/notes.txt", "--map", SUPPORT), 1, "notes.txt"),
    ],
)
def test_bad_input_is_one_sentence_from_the_real_process(
    library, tmp_path, args, code, says
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a library\n")
    before = library.read_bytes()
    argv = [a.replace("LIB", str(library)).replace("HERE", str(tmp_path)) for a in args]
    result = subprocess.run(
        [sys.executable, "-m", "jmapper", *argv],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        env={**os.environ, "JMAPPER_DATA_DIR": str(tmp_path / "data")},
    )
    lines = result.stderr.splitlines()
    assert "Traceback" not in result.stderr
    assert len(lines) == 1 and lines[0].startswith("jmapper: ") and says in lines[0], lines
    assert result.returncode == code and result.stdout == ""
    assert library.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
