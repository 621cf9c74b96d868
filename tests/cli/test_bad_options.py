"""Every option of the real ``jmapper`` process with bad values, and good values that
cannot work (a missing folder, ``-o`` naming a folder, an unknown map, a file that is
not a library).

Each row runs the process once and holds it to the README's promise: the exit code
(2 for a malformed command line, 1 for a refusal at run time), exactly one line on
stderr, no traceback, nothing left in the output folder, and the library's bytes and
folder unchanged.  Every row works on its own copy in its own temporary folder, so the
rows can run in parallel.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
USAGE, RUNTIME = 2, 1


@dataclass(frozen=True)
class Case:
    """``args`` with LIB, OUT (the output folder) and HERE (a scratch folder) filled in."""

    name: str
    args: tuple[str, ...]
    code: int
    says: str  # a fragment of the one stderr line

    def __str__(self) -> str:
        return self.name


EXPORT = ("export", "LIB", "--map", "S")


def to(fmt: str, out: str) -> tuple[str, ...]:
    """``export LIB --map S --format fmt -o out``."""
    return (*EXPORT, "--format", fmt, "-o", out)


PDF, PNG, SVG = to("pdf", "OUT/x.pdf"), to("png", "OUT/x.png"), to("svg", "OUT/x.svg")


def case(name: str, code: int, says: str, *args: str) -> Case:
    return Case(name, args, code, says)


CASES = [
    case("accent-word", USAGE, "not a colour", *PDF, "--accent", "notacolour"),
    case("accent-png", USAGE, "not a colour", *PNG, "--accent", "notacolour"),
    case("accent-svg", USAGE, "not a colour", *SVG, "--accent", "#12345"),
    case("accent-no-hash", USAGE, "#12AB34", *PDF, "--accent", "12AB34"),
    case("accent-empty", USAGE, "not a colour", *PDF, "--accent", ""),
    case("dpi-negative", USAGE, "between 36 and 1200", *PNG, "--dpi", "-5"),
    case("dpi-zero", USAGE, "between 36 and 1200", *PNG, "--dpi", "0"),
    case("dpi-one", USAGE, "between 36 and 1200", *PNG, "--dpi", "1"),
    case("dpi-huge", USAGE, "between 36 and 1200", *PNG, "--dpi", "5000"),
    case("dpi-text", USAGE, "not a whole number", *PNG, "--dpi", "high"),
    case("overlap-negative", USAGE, "between 0 and 50", *PDF, "--tile", "--overlap-mm", "-1"),
    case("overlap-huge", USAGE, "between 0 and 50", *PDF, "--overlap-mm", "51"),
    case("overlap-nan", USAGE, "between 0 and 50", *PDF, "--overlap-mm", "nan"),
    case("pages-unknown", USAGE, "unknown page kind", *PDF, "--pages", "map,cover"),
    case("pages-empty", USAGE, "at least one page", *PDF, "--pages", ","),
    case("paper-unknown", USAGE, "unknown paper size", *PDF, "--paper", "B7"),
    case("paper-tiny", USAGE, "at least 50 x 50", *PDF, "--paper", "10x10"),
    case("orientation", USAGE, "invalid choice", *PDF, "--orientation", "sideways"),
    case("fit-and-tile", USAGE, "not allowed", *PDF, "--fit", "--tile"),
    case("handout-and-tile", USAGE, "not allowed", *PDF, "--handout", "--tile"),
    case("handout-png", USAGE, "use it with --format pdf", *PNG, "--handout"),
    case(
        "handout-too-narrow",
        RUNTIME,
        "too narrow for a readable handout",
        *PDF,
        "--handout",
        "--paper",
        "120x400",
        "--orientation",
        "portrait",
    ),
    case("format-unknown", USAGE, "invalid choice", *to("docx", "OUT/x.docx")),
    case("format-vs-suffix", USAGE, "but --format pdf", *to("pdf", "OUT/x.png")),
    case("format-vs-no-suffix", USAGE, "ending in .json", *to("json", "OUT/x")),
    case("no-map-or-all", USAGE, "required", *EXPORT[:2], "--format", "pdf", "-o", "OUT/x.pdf"),
    case("unknown-option", USAGE, "unrecognized", *PDF, "--colour", "red"),
    case("maps-no-library", USAGE, "required", "maps"),
    case("new-no-title", USAGE, "--title", "new", "HERE/n.jmapper"),
    case("import-no-source", USAGE, "required", "import", "LIB"),
    case("templates-extra", USAGE, "unrecognized", "templates", "--yaml"),
    case("check-no-library", USAGE, "required", "check"),
    case(
        "check-unknown-rule", USAGE, "no health rule called nope", "check", "LIB", "--rules", "nope"
    ),
    case("check-empty-rules", USAGE, "at least one rule id", "check", "LIB", "--rules", ","),
    case("check-map-unknown", RUNTIME, "Nope", "check", "LIB", "--map", "Nope"),
    case("check-library-missing", RUNTIME, "none.jmapper", "check", "HERE/none.jmapper"),
    case("out-folder-missing-pdf", RUNTIME, "does not exist", *to("pdf", "OUT/none/x.pdf")),
    case("out-folder-missing-png", RUNTIME, "does not exist", *to("png", "OUT/none/x.png")),
    case("out-folder-missing-svg", RUNTIME, "does not exist", *to("svg", "OUT/none/x.svg")),
    case("out-folder-missing-json", RUNTIME, "does not exist", *to("json", "OUT/none/x.json")),
    case("out-is-a-folder-pdf", RUNTIME, "is a folder", *to("pdf", "HERE/dir.pdf")),
    case("out-is-a-folder-png", RUNTIME, "is a folder", *to("png", "HERE/dir.png")),
    case("logo-missing", RUNTIME, "does not exist", *PDF, "--logo", "HERE/none.png"),
    case("logo-folder", RUNTIME, "is a folder", *PDF, "--logo", "HERE"),
    case("text-as-paths-png", RUNTIME, "for SVG exports", *PNG, "--text-as-paths"),
    case("text-as-paths-pdf", RUNTIME, "for SVG exports", *PDF, "--text-as-paths"),
    case("with-legend-pdf", RUNTIME, "always carries the title and legend", *PDF, "--with-legend"),
    case(
        "logo-not-an-image",
        RUNTIME,
        "could not be read as an image",
        *PDF,
        "--logo",
        "HERE/notes.txt",
    ),
    case(
        "map-unknown",
        RUNTIME,
        "Nope",
        "export",
        "LIB",
        "--map",
        "Nope",
        "--format",
        "pdf",
        "-o",
        "OUT/x.pdf",
    ),
    case(
        "library-missing",
        RUNTIME,
        "none.jmapper",
        "export",
        "HERE/none.jmapper",
        "--map",
        "S",
        "--format",
        "pdf",
        "-o",
        "OUT/x.pdf",
    ),
    case("library-not-a-library", RUNTIME, "notes.txt", "maps", "HERE/notes.txt"),
    case("library-is-a-folder", RUNTIME, "dir.pdf", "maps", "HERE/dir.pdf"),
    case("import-source-missing", RUNTIME, "none.json", "import", "LIB", "HERE/none.json"),
    case("import-not-json", RUNTIME, "notes.txt", "import", "LIB", "HERE/notes.txt"),
    case(
        "new-unknown-type",
        RUNTIME,
        "not a map type",
        "new",
        "HERE/n.jmapper",
        "--title",
        "T",
        "--type",
        "alien",
    ),
    case(
        "new-unknown-sample",
        RUNTIME,
        "nope",
        "new",
        "HERE/n.jmapper",
        "--title",
        "T",
        "--from-sample",
        "nope",
    ),
]


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library with one map titled S, made by the real process."""
    path = tmp_path_factory.mktemp("source") / "lib.jmapper"
    made = subprocess.run(
        [sys.executable, "-m", "jmapper", "new", str(path), "--title", "S"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "JMAPPER_DATA_DIR": str(path.parent)},
    )
    assert made.returncode == 0, made.stderr
    return path


def _listing(folder: Path) -> dict[str, bytes | None]:
    return {
        str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else None)
        for p in sorted(folder.rglob("*"))
    }


@pytest.mark.parametrize("case", CASES, ids=str)
def test_a_bad_option_is_one_sentence_and_changes_nothing(case: Case, library, tmp_path):
    lib_dir, out, here = tmp_path / "lib", tmp_path / "out", tmp_path / "here"
    for folder in (lib_dir, out, here):
        folder.mkdir()
    lib = lib_dir / "lib.jmapper"
    shutil.copyfile(library, lib)
    (here / "notes.txt").write_text("not a library, not an image, not JSON\n")
    (here / "dir.pdf").mkdir()
    (here / "dir.png").mkdir()
    libraries_before, here_before = _listing(lib_dir), _listing(here)
    args = [
        a.replace("LIB", str(lib)).replace("OUT", str(out)).replace("HERE", str(here))
        for a in case.args
    ]
    result = subprocess.run(
        [sys.executable, "-m", "jmapper", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        env={
            **os.environ,
            "JMAPPER_DATA_DIR": str(tmp_path / "data"),
            "QT_QPA_PLATFORM": "offscreen",
        },
    )
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("jmapper: ") and case.says in lines[0], lines[0]
    assert result.returncode == case.code, lines[0]
    assert result.stdout == ""
    assert _listing(out) == {}, "left in the output folder"
    assert _listing(lib_dir) == libraries_before, "the library or its folder changed"
    assert _listing(here) == here_before, "the scratch folder changed"
