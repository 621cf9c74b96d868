"""Fixtures for the packaging tests: the repository's packaging folder and the desktop tools.

The freedesktop tools (``desktop-file-validate``, ``appstreamcli``,
``update-mime-database``, ``gio``) are Debian packages that ``tests/run.sh``
installs when they are missing; a test that needs one fails with that advice
rather than skipping, so CI cannot pass without having checked the files.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "io.github.jmapper.Jmapper"

#: Each tool and the Debian package that has it.
TOOL_PACKAGES = {
    "desktop-file-validate": "desktop-file-utils",
    "update-desktop-database": "desktop-file-utils",
    "appstreamcli": "appstream",
    "update-mime-database": "shared-mime-info",
    "gio": "libglib2.0-bin",
}


def require(tool: str) -> str:
    """The path of ``tool``, or a failure saying which package to install."""
    found = shutil.which(tool)
    if found is None:
        pytest.fail(
            f"{tool} is missing: install the Debian package {TOOL_PACKAGES[tool]} "
            "(bash tests/run.sh does)."
        )
    return found
