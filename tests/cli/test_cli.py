"""Every command of the command line, with its output and its errors."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from jmapper import __version__
from jmapper.app import main
from jmapper.storage import LibraryStore

ROOT = Path(__file__).resolve().parents[2]


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def sample_library(tmp_path, capsys):
    path = tmp_path / "lib.jmapper"
    code, out, _ = run(
        capsys, "new", str(path), "--title", "Support", "--from-sample", "support_request"
    )
    assert code == 0
    return path, out.strip()


def test_version(capsys):
    assert run(capsys, "--version") == (0, f"jmapper {__version__}\n", "")


def test_python_dash_m_and_the_entry_point_work():
    result = subprocess.run(
        [sys.executable, "-m", "jmapper", "--version"], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0 and result.stdout.strip() == f"jmapper {__version__}"
    script = Path(sys.executable).with_name("jmapper")
    if script.exists():  # installed with pip install -e .
        result = subprocess.run([str(script), "--version"], capture_output=True, text=True)
        assert result.stdout.strip() == f"jmapper {__version__}"


def test_templates_text_and_json(capsys):
    code, out, _ = run(capsys, "templates")
    assert code == 0
    assert "service_blueprint" in out and "support_interaction" in out and "theme_park_visit" in out
    code, out, _ = run(capsys, "templates", "--json")
    data = json.loads(out)
    assert {t["key"] for t in data["map_types"]} == {
        "current_state",
        "future_state",
        "day_in_the_life",
        "service_blueprint",
        "buyers_journey",
    }
    assert len(data["samples"]) >= 5


def test_new_creates_the_library_and_prints_the_id(tmp_path, capsys):
    path = tmp_path / "new.jmapper"
    code, out, err = run(
        capsys, "new", str(path), "--title", "Onboarding", "--type", "service-blueprint"
    )
    assert code == 0, err
    map_id = out.strip()
    assert len(map_id) == 32
    store = LibraryStore.open(path)
    bundle = store.load_map(map_id)
    store.close()
    assert bundle.map.title == "Onboarding"
    assert bundle.map.map_type.value == "service_blueprint"
    assert len(bundle.blueprint_lines) == 3


def test_new_errors(tmp_path, capsys):
    path = tmp_path / "x.jmapper"
    code, _, err = run(capsys, "new", str(path), "--title", "X", "--type", "galaxy")
    assert code == 1 and err.startswith("jmapper: \u201cgalaxy\u201d is not a map type")
    code, _, err = run(capsys, "new", str(path), "--title", "X", "--from-sample", "nope")
    assert code == 1 and "There is no sample called \u201cnope\u201d" in err
    code, _, err = run(capsys, "new", str(path))
    assert code == 2 and "--title" in err
    assert "Traceback" not in err


def test_maps_lists_counts(sample_library, capsys):
    path, map_id = sample_library
    code, out, _ = run(capsys, "maps", str(path), "--json")
    assert code == 0
    (row,) = json.loads(out)
    assert row["id"] == map_id and row["title"] == "Support"
    assert row["type"] == "current_state" and row["persona"]
    assert row["stages"] == 4 and row["cards"] > 10 and row["lanes"] >= 6
    code, out, _ = run(capsys, "maps", str(path))
    assert map_id in out and "Support" in out


def test_maps_on_a_missing_or_bad_file(tmp_path, capsys):
    code, _, err = run(capsys, "maps", str(tmp_path / "missing.jmapper"))
    assert code == 1 and "missing.jmapper" in err and err[-1] == "\n" and err.count("\n") == 1
    bad = tmp_path / "notes.txt"
    bad.write_text("hello, not a library")
    before = digest(bad)
    code, _, err = run(capsys, "maps", str(bad))
    assert code == 1 and "not a jmapper library" in err
    assert digest(bad) == before


def test_export_and_import_json_round_trip(sample_library, tmp_path, capsys):
    path, map_id = sample_library
    out = tmp_path / "support.json"
    code, _, err = run(
        capsys, "export", str(path), "--map", "Support", "--format", "json", "-o", str(out)
    )
    assert code == 0, err
    assert json.loads(out.read_text())["format"] == "jmapper-map"

    other = tmp_path / "other.jmapper"
    code, printed, err = run(capsys, "import", str(other), str(out))
    assert code == 0, err
    assert printed.startswith(map_id) and "(imported)" in printed
    # the same file again into the same library: a copy, never a silent overwrite
    code, printed, _ = run(capsys, "import", str(other), str(out))
    assert "imported as a copy" in printed and "Support (copy)" in printed
    code, printed, _ = run(capsys, "import", str(other), str(out), "--replace")
    assert "(replaced)" in printed
    store = LibraryStore.open(other)
    titles = sorted(s.title for s in store.list_maps())
    original = LibraryStore.open(path)
    assert store.load_map(map_id) == original.load_map(map_id)
    store.close()
    original.close()
    assert titles == ["Support", "Support (copy)"]


def test_export_errors(sample_library, tmp_path, capsys):
    path, _ = sample_library
    code, _, err = run(
        capsys,
        "export",
        str(path),
        "--map",
        "Nope",
        "--format",
        "json",
        "-o",
        str(tmp_path / "x.json"),
    )
    assert code == 1 and "No map with the id or title \u201cNope\u201d" in err
    code, _, err = run(
        capsys,
        "export",
        str(path),
        "--map",
        "Support",
        "--format",
        "json",
        "-o",
        str(tmp_path / "no" / "such" / "x.json"),
    )
    assert code == 1 and "does not exist" in err
    code, _, err = run(
        capsys, "export", str(path), "--map", "Support", "--format", "doc", "-o", "x"
    )
    assert code == 2 and "invalid choice" in err


def test_import_errors_leave_the_source_untouched(tmp_path, capsys):
    lib = tmp_path / "lib.jmapper"
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "jmapper-map", ')
    before = digest(broken)
    code, _, err = run(capsys, "import", str(lib), str(broken))
    assert code == 1 and "not valid JSON" in err
    assert digest(broken) == before
    code, _, err = run(capsys, "import", str(lib), str(tmp_path / "absent.json"))
    assert code == 1 and "There is no file" in err


def test_unknown_option_is_a_usage_error(capsys):
    code, _, err = run(capsys, "--frobnicate")
    assert code == 2 and err.startswith("jmapper: ")


def test_quit_after_first_paint_prints_the_time(tmp_path):
    env_dir = tmp_path / "data"
    result = subprocess.run(
        [sys.executable, "-m", "jmapper", "--quit-after-first-paint"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={
            **__import__("os").environ,
            "JMAPPER_DATA_DIR": str(env_dir),
            "QT_QPA_PLATFORM": "offscreen",
        },
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("first paint after ")
    # first run created the default library with the sample maps
    libraries = list(env_dir.glob("*.jmapper"))
    assert len(libraries) == 1
    store = LibraryStore.open(libraries[0])
    assert len(store.list_maps()) >= 5
    store.close()


def test_export_pdf_png_svg_and_all_maps(sample_library, tmp_path, capsys):
    from pypdf import PdfReader

    path, _ = sample_library
    pdf = tmp_path / "map.pdf"
    code, _, err = run(
        capsys,
        "export",
        str(path),
        "--map",
        "Support",
        "--format",
        "pdf",
        "-o",
        str(pdf),
        "--paper",
        "A1",
        "--pages",
        "map,actions,matrix,persona",
        "--organisation",
        "Northwind CX",
        "--accent",
        "#D55E00",
    )
    assert code == 0, err
    reader = PdfReader(pdf)
    assert len(reader.pages) == 5  # map, actions, matrix, the primary and the overlay persona
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (2384, 1684)  # A1 landscape in points
    assert "Northwind CX" in reader.pages[0].extract_text()

    png = tmp_path / "map.png"
    code, _, err = run(
        capsys,
        "export",
        str(path),
        "--map",
        "Support",
        "--format",
        "png",
        "-o",
        str(png),
        "--dpi",
        "72",
    )
    assert code == 0, err
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = tmp_path / "map.svg"
    code, _, err = run(
        capsys, "export", str(path), "--map", "Support", "--format", "svg", "-o", str(svg)
    )
    assert code == 0, err
    assert "<svg" in svg.read_text(encoding="utf-8")

    folder = tmp_path / "all"
    folder.mkdir()
    code, out, err = run(
        capsys, "export", str(path), "--all-maps", "--format", "pdf", "-o", str(folder)
    )
    assert code == 0, err
    assert len(list(folder.glob("*.pdf"))) == 1 and "Support-" in out


def test_failed_pdf_export_leaves_the_old_file(sample_library, tmp_path, capsys):
    path, _ = sample_library
    out = tmp_path / "map.pdf"
    out.write_bytes(b"old contents")
    code, _, err = run(
        capsys,
        "export",
        str(path),
        "--map",
        "Support",
        "--format",
        "pdf",
        "-o",
        str(out),
        "--paper",
        "B7",
    )
    assert code == 2 and "unknown paper size" in err
    assert out.read_bytes() == b"old contents"
    code, _, err = run(capsys, "export", str(path), "--all-maps", "--format", "pdf", "-o", str(out))
    assert code == 1 and "is a file" in err
    assert out.read_bytes() == b"old contents"
