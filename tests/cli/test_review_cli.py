"""``jmapper review-report`` and ``jmapper compare`` on a real library, and as real processes
with bad input: one sentence on stderr, the right exit code, no file written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from jmapper.analysis.priority import is_priority
from jmapper.app import main
from jmapper.interchange.json_format import dump_map
from jmapper.model.entities import Snapshot
from jmapper.model.enums import OpportunityStatus
from jmapper.storage import LibraryStore


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def library(tmp_path, capsys) -> Path:
    """The support sample and its future state; the current state has a review snapshot
    taken before a scripted set of edits."""
    lib = tmp_path / "lib.jmapper"
    for title, sample in (
        ("Current", "support_request"),
        ("Other", "theme_park_visit"),
    ):
        code, _out, err = run(capsys, "new", str(lib), "--title", title, "--from-sample", sample)
        assert code == 0, err
    with LibraryStore.open(lib) as store:
        (summary,) = [s for s in store.list_maps() if s.title == "Current"]
        bundle = store.load_map(summary.id)
        store.save_snapshot(
            Snapshot(
                map_id=bundle.map.id,
                name="Review 2026-Q3",
                created="2026-09-01T09:00:00",
                payload=dump_map(bundle),
            )
        )
        from jmapper.model import edits

        point = sorted(bundle.emotion_points.values(), key=lambda p: p.id)[0]
        opp = min(
            (o for o in bundle.opportunities.values() if is_priority(o)), key=lambda o: o.title
        )
        for changeset in (
            edits.edit_fields(
                bundle, "emotion_point", point.id, value=bundle.map.emotion_scale.maximum
            ),
            edits.edit_fields(bundle, "opportunity", opp.id, status=OpportunityStatus.DONE),
        ):
            bundle.apply(changeset.changes)
            store.apply(changeset.changes)
    return lib


def test_review_report_lists_what_changed_since_the_review(library, capsys) -> None:
    code, out, err = run(capsys, "review-report", str(library), "--map", "Current", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["version"] == 1 and report["since"]["snapshot"] == "Review 2026-Q3"
    assert report["today"] == date.today().isoformat()
    assert {o["change"] for o in report["opportunities"]} >= {"done"}
    code, text, _ = run(capsys, "review-report", str(library), "--map", "Current")
    assert code == 0 and text.startswith("Review: what changed since Review 2026-Q3")
    assert "Priority opportunities:" in text


def test_compare_with_a_snapshot_and_with_another_map(library, capsys, tmp_path) -> None:
    code, out, err = run(
        capsys,
        "compare",
        str(library),
        "--map",
        "Current",
        "--snapshot",
        "Review 2026-Q3",
        "--json",
    )
    assert code == 0, err
    document = json.loads(out)
    assert document["old"]["name"] == "Review 2026-Q3" and document["new"]["name"] == "Now"
    changed = {(c["kind"], c["change"]) for c in document["changes"]}
    assert changed == {("emotion_point", "changed"), ("opportunity", "changed")}
    pdf = tmp_path / "compare.pdf"
    code, out, err = run(
        capsys, "compare", str(library), "--map", "Current", "--with", "Other", "-o", str(pdf)
    )
    assert code == 0, err
    assert pdf.read_bytes().startswith(b"%PDF") and out.strip() == str(pdf)


BAD = [
    (("review-report", "LIB", "--map", "Other"), 1, "has no review yet"),
    (("review-report", "LIB", "--map", "Current", "--since", "Nope"), 1, "no snapshot called"),
    (("review-report", "LIB"), 2, "--map"),
    (("compare", "LIB", "--map", "Current"), 2, "one of the arguments --with --snapshot"),
    (("compare", "LIB", "--map", "Current", "--with", "Other", "-o", "HERE/x.png"), 2, ".pdf"),
    (("compare", "LIB", "--map", "Current", "--with", "Nobody"), 1, "No map with the id"),
    (
        ("compare", "LIB", "--map", "Current", "--snapshot", "Nope", "-o", "HERE/x.pdf"),
        1,
        "no snapshot called",
    ),
    (
        ("compare", "LIB", "--map", "Current", "--with", "Other", "-o", "HERE/no/x.pdf"),
        1,
        "does not exist",
    ),
    (("compare", "HERE/missing.jmapper", "--map", "A", "--with", "B"), 1, "does not exist"),
]


@pytest.mark.parametrize(
    ("args", "code", "says"), BAD, ids=[" ".join(b[0][:1]) + f"-{i}" for i, b in enumerate(BAD)]
)
def test_bad_input_is_one_sentence_and_writes_nothing(library, tmp_path, args, code, says):
    here = tmp_path / "here"
    here.mkdir()
    before = library.read_bytes()
    argv = [a.replace("LIB", str(library)).replace("HERE", str(here)) for a in args]
    result = subprocess.run(
        [sys.executable, "-m", "jmapper", *argv],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "JMAPPER_DATA_DIR": str(tmp_path / "data")},
    )
    assert result.returncode == code, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert says in lines[0]
    assert list(here.iterdir()) == []
    assert library.read_bytes() == before


def test_a_review_page_of_a_map_never_reviewed_is_refused_and_writes_nothing(library, tmp_path):
    here = tmp_path / "out"
    here.mkdir()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "jmapper",
            "export",
            str(library),
            "--map",
            "Other",
            "--format",
            "pdf",
            "-o",
            str(here / "x.pdf"),
            "--pages",
            "map,review",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "JMAPPER_DATA_DIR": str(tmp_path / "data")},
    )
    assert result.returncode == 1
    assert "has no review yet" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert list(here.iterdir()) == []


def test_a_long_report_continues_its_section_on_the_next_page() -> None:
    from jmapper.drawing.report import Line, Report, Section, layout_report

    lines = tuple(Line("+", "added", f"Card {n}") for n in range(80))
    pages = layout_report(Report("T", "S", None, (Section("Cards", lines),)), 500, 600)
    assert len(pages) >= 2
    assert pages[1][0].heading == "Cards (continued)"
    assert sum(1 for page in pages for row in page if row.line is not None) == 80
