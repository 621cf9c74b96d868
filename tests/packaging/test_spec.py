"""packaging/jmapper.spec, read without building: what it bundles on each system.

Building the bundle takes minutes, so the test suite does not; these tests
run the spec with PyInstaller's build steps replaced by recorders (the way
PyInstaller itself executes a spec) and check what it would put in: every
data file the package reads at run time, the metadata of every shipped
library, the icons and, per system, the file associations.
"""

from __future__ import annotations

import re
import sys
import types
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement

from jmapper.services.credits import SHIPPED_DISTRIBUTIONS
from tests.packaging.conftest import ROOT

SPEC = ROOT / "packaging" / "jmapper.spec"


class Recorder:
    """Stands in for one of PyInstaller's build steps and keeps what it was given."""

    def __init__(self, kind: str, calls: list[tuple[str, Any]]) -> None:
        self.kind, self.calls = kind, calls

    def __call__(self, *args: Any, **kwargs: Any) -> types.SimpleNamespace:
        self.calls.append((self.kind, (args, kwargs)))
        return types.SimpleNamespace(
            args=args,
            kwargs=kwargs,
            binaries=[],
            datas=list(kwargs.get("datas", [])),
            pure=[],
            scripts=[],
        )


def run_spec(monkeypatch: pytest.MonkeyPatch, platform: str) -> dict[str, list[Any]]:
    """Execute the spec as PyInstaller would on ``platform``; the recorded steps by kind."""
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.copy_metadata = lambda name: [(f"<{name} metadata>", f"{name}.dist-info")]  # type: ignore[attr-defined]
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(sys, "path", list(sys.path))  # the spec puts the repository first
    calls: list[tuple[str, Any]] = []
    namespace: dict[str, Any] = {"SPECPATH": str(SPEC.parent), "__file__": str(SPEC)}
    for kind in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"):
        namespace[kind] = Recorder(kind, calls)
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)  # noqa: S102
    steps: dict[str, list[Any]] = {}
    for kind, arguments in calls:
        steps.setdefault(kind, []).append(arguments)
    return steps


def test_the_bundle_carries_every_file_the_package_reads_at_run_time(monkeypatch):
    steps = run_spec(monkeypatch, "linux")
    ((args, kwargs),) = steps["Analysis"]
    assert args[0] == [str(ROOT / "jmapper" / "__main__.py")]
    bundled = {(Path(source), destination) for source, destination in kwargs["datas"]}
    package = ROOT / "jmapper"
    wanted = [
        *(package / "resources" / "fonts").iterdir(),
        package / "resources" / "icons" / "jmapper.svg",
        package / "layout" / "font_metrics.json",
        package / "storage" / "migrations" / "env.py",
        package / "storage" / "migrations" / "script.py.mako",
        *(package / "storage" / "migrations" / "versions").glob("*.py"),
    ]
    for path in wanted:
        assert (path, path.parent.relative_to(ROOT).as_posix()) in bundled, path
    for name in SHIPPED_DISTRIBUTIONS:
        assert (Path(f"<{name} metadata>"), f"{name}.dist-info") in bundled
    assert "alembic.op" in kwargs["hiddenimports"]
    # The format registry imports its readers and writers by name (PyInstaller cannot see it).
    from jmapper.interchange.registry import FORMATS

    assert {entry.module for entry in FORMATS.values()} <= set(kwargs["hiddenimports"])


def test_unused_qt_modules_are_left_out_and_used_ones_are_not(monkeypatch):
    ((_args, kwargs),) = run_spec(monkeypatch, "linux")["Analysis"]
    excluded = set(kwargs["excludes"])
    assert {"PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtPdf", "PySide6.QtDesigner"} <= excluded
    used = {
        match
        for path in (ROOT / "jmapper").rglob("*.py")
        for match in re.findall(r"PySide6\.Qt\w+", path.read_text(encoding="utf-8"))
    }
    assert used and not used & excluded


def test_linux_builds_one_program(monkeypatch):
    steps = run_spec(monkeypatch, "linux")
    assert [kwargs["name"] for _args, kwargs in steps["EXE"]] == ["jmapper"]
    ((_args, collected),) = steps["COLLECT"]
    assert collected["name"] == "jmapper"
    assert "BUNDLE" not in steps


def test_windows_builds_a_windowed_and_a_console_program_with_the_icon(monkeypatch):
    steps = run_spec(monkeypatch, "win32")
    programs = {kwargs["name"]: kwargs for _args, kwargs in steps["EXE"]}
    assert programs["jmapper"]["console"] is False
    assert programs["jmapper-cli"]["console"] is True
    icon = Path(programs["jmapper"]["icon"])
    assert icon.suffix == ".ico" and icon.read_bytes()[:4] == b"\x00\x00\x01\x00"


def test_macos_declares_the_jmapper_document_type(monkeypatch):
    ((_args, kwargs),) = run_spec(monkeypatch, "darwin")["BUNDLE"]
    assert kwargs["bundle_identifier"] == "io.github.jmapper.Jmapper"
    assert Path(kwargs["icon"]).read_bytes()[:4] == b"icns"
    plist = kwargs["info_plist"]
    (document,) = plist["CFBundleDocumentTypes"]
    (exported,) = plist["UTExportedTypeDeclarations"]
    assert document["LSItemContentTypes"] == [exported["UTTypeIdentifier"]]
    assert exported["UTTypeTagSpecification"]["public.filename-extension"] == ["jmapper"]
    assert document["CFBundleTypeRole"] == "Editor"


def test_the_shipped_libraries_are_exactly_jmappers_runtime_dependencies():
    """The list the About dialog and the spec share must follow pyproject.toml."""
    found: dict[str, str] = {}
    todo = ["jmapper"]
    while todo:
        distribution = metadata.distribution(todo.pop())
        for text in distribution.requires or []:
            requirement = Requirement(text)
            if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
                continue
            key = re.sub(r"[-_.]+", "-", requirement.name).lower()
            if key not in found:
                found[key] = requirement.name
                todo.append(requirement.name)
    shipped = {re.sub(r"[-_.]+", "-", name).lower() for name in SHIPPED_DISTRIBUTIONS}
    assert shipped == set(found)
