"""Build the one-folder bundle with the documented command and run the program it made.

This is the check that the bundle works on a machine without Python: the
executable starts, reports its version, opens the editor on a new library
(creating it with the sample maps), exports a PDF with the bundled fonts
embedded, and imports a JSON file.  The build takes about a minute and a half,
so it runs once per session (a module fixture) into a temporary folder, through
``packaging/build.sh`` itself rather than a copy of its steps.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built program: ``<dist>/jmapper/jmapper`` (``.exe`` on Windows)."""
    work = tmp_path_factory.mktemp("bundle")
    env = {
        **os.environ,
        "JMAPPER_PYTHON": sys.executable,
        "JMAPPER_DIST": str(work / "dist"),
        "JMAPPER_BUILD": str(work / "build"),
        # A private PyInstaller cache: builds running at the same time (two
        # checkouts on one machine) otherwise race on ~/.cache/pyinstaller's
        # binary cache and fail with "... is not a valid file".
        "PYINSTALLER_CONFIG_DIR": str(work / "pyinstaller-cache"),
    }
    result = subprocess.run(
        ["bash", str(ROOT / "packaging" / "build.sh")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    program = work / "dist" / "jmapper" / ("jmapper.exe" if os.name == "nt" else "jmapper")
    assert program.is_file(), result.stdout
    return program


def run(program: Path, *args: str, data: Path) -> subprocess.CompletedProcess[str]:
    """Run the bundled program as a user would, with its own data folder and no screen."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "JMAPPER_DATA_DIR": str(data),
    }
    # The bundle must not lean on this interpreter's packages.
    env.pop("PYTHONPATH", None)
    env.pop("VIRTUAL_ENV", None)
    return subprocess.run(
        [str(program), *args], env=env, capture_output=True, text=True, timeout=120
    )


def test_the_bundle_reports_its_version(bundle: Path, tmp_path: Path) -> None:
    from jmapper import __version__

    result = run(bundle, "--version", data=tmp_path)
    assert result.returncode == 0, result.stderr
    assert __version__ in result.stdout


def test_the_bundle_opens_the_editor_on_a_new_library(bundle: Path, tmp_path: Path) -> None:
    library = tmp_path / "workshop.jmapper"
    made = run(bundle, "new", str(library), "--title", "Workshop", data=tmp_path)
    assert made.returncode == 0, made.stderr
    result = run(bundle, "--quit-after-first-paint", str(library), data=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "first paint after" in result.stdout + result.stderr


def test_the_bundle_starts_on_the_default_library_with_the_samples(
    bundle: Path, tmp_path: Path
) -> None:
    result = run(bundle, "--quit-after-first-paint", data=tmp_path)
    assert result.returncode == 0, result.stderr
    libraries = list(tmp_path.glob("*.jmapper"))
    assert len(libraries) == 1
    listing = run(bundle, "maps", str(libraries[0]), "--json", data=tmp_path)
    assert listing.returncode == 0, listing.stderr
    assert len(json.loads(listing.stdout)) == 5


def test_the_bundle_exports_a_pdf_with_the_bundled_fonts(bundle: Path, tmp_path: Path) -> None:
    library = tmp_path / "client.jmapper"
    made = run(
        bundle,
        "new",
        str(library),
        "--title",
        "Support",
        "--from-sample",
        "support_request",
        data=tmp_path,
    )
    assert made.returncode == 0, made.stderr
    pdf = tmp_path / "support.pdf"
    result = run(
        bundle,
        "export",
        str(library),
        "--map",
        "Support",
        "--format",
        "pdf",
        "--paper",
        "A3",
        "-o",
        str(pdf),
        data=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    fonts: set[str] = set()
    for page in PdfReader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert descriptor is not None, font
            descriptor = descriptor.get_object()
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts.add(str(font["/BaseFont"]))
    assert any("DejaVu" in name for name in fonts), fonts


def test_the_bundle_imports_a_json_file(bundle: Path, tmp_path: Path) -> None:
    source = tmp_path / "source.jmapper"
    assert (
        run(
            bundle,
            "new",
            str(source),
            "--title",
            "Loan",
            "--from-sample",
            "loan_application",
            data=tmp_path,
        ).returncode
        == 0
    )
    exported = tmp_path / "loan.json"
    out = run(
        bundle,
        "export",
        str(source),
        "--map",
        "Loan",
        "--format",
        "json",
        "-o",
        str(exported),
        data=tmp_path,
    )
    assert out.returncode == 0, out.stderr
    target = tmp_path / "target.jmapper"
    result = run(bundle, "import", str(target), str(exported), data=tmp_path)
    assert result.returncode == 0, result.stderr
    listing = run(bundle, "maps", str(target), "--json", data=tmp_path)
    assert [entry["title"] for entry in json.loads(listing.stdout)] == ["Loan"]


@pytest.mark.parametrize(("fmt", "suffix"), [("xlsx", "xlsx"), ("csv", "csv"), ("mermaid", "mmd")])
def test_the_bundle_round_trips_every_interchange_format(
    bundle: Path, tmp_path: Path, fmt: str, suffix: str
) -> None:
    """The format registry imports its readers by name, which PyInstaller cannot follow."""
    source = tmp_path / "source.jmapper"
    made = run(
        bundle,
        "new",
        str(source),
        "--title",
        "Loan",
        "--from-sample",
        "loan_application",
        data=tmp_path,
    )
    assert made.returncode == 0, made.stderr
    exported = tmp_path / f"loan.{suffix}"
    out = run(
        bundle,
        "export",
        str(source),
        "--map",
        "Loan",
        "--format",
        fmt,
        "-o",
        str(exported),
        data=tmp_path,
    )
    assert out.returncode == 0, out.stderr
    target = tmp_path / "target.jmapper"
    result = run(bundle, "import", str(target), str(exported), data=tmp_path)
    assert result.returncode == 0, result.stderr
    listing = run(bundle, "maps", str(target), "--json", data=tmp_path)
    assert len(json.loads(listing.stdout)) == 1
