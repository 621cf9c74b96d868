"""The Linux desktop integration in packaging/linux, checked with the freedesktop tools.

The files must pass the validators distributions run; the MIME type must
claim a real jmapper library (by name and by content) and leave a plain
SQLite database alone; ``install.sh --user`` must install everything a
desktop needs to open a ``.jmapper`` file in jmapper, and ``--uninstall``
must take it all away again.
"""

from __future__ import annotations

import os
import sqlite3
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from jmapper import __version__
from jmapper.storage import LibraryStore
from jmapper.storage.constants import APPLICATION_ID
from tests.packaging.conftest import APP_ID, LINUX, ROOT, require

MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def installed_files(share: Path) -> list[Path]:
    """Every file install.sh puts under ``share``."""
    files = [
        share / "applications" / f"{APP_ID}.desktop",
        share / "metainfo" / f"{APP_ID}.metainfo.xml",
        share / "mime" / "packages" / f"{APP_ID}.xml",
        share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
    ]
    files += [
        share / "icons" / "hicolor" / f"{n}x{n}" / "apps" / f"{APP_ID}.png" for n in ICON_SIZES
    ]
    return files


def install(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(LINUX / "install.sh"), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def desktop_env(share: Path, home: Path) -> dict[str, str]:
    """An environment whose XDG user data folder is ``share`` and nothing else is searched
    but the system's, so gio answers from the rules install.sh installed there."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(share),
        XDG_DATA_DIRS="/usr/local/share:/usr/share",
        XDG_CONFIG_HOME=str(home / "config"),
        GIO_USE_VFS="local",
    )
    return env


def content_type(path: Path, env: dict[str, str]) -> str:
    """The MIME type gio sniffs for ``path`` (name and content, as file managers do)."""
    result = subprocess.run(
        [require("gio"), "info", "-a", "standard::content-type", str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=30,
        check=True,
    )
    for line in result.stdout.splitlines():
        key, _, value = line.strip().partition(": ")
        if key == "standard::content-type":
            return value
    raise AssertionError(f"gio reported no content type for {path}: {result.stdout!r}")


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    """A real library (as .jmapper and without a suffix) and a plain SQLite database (both)."""
    library = tmp_path / "workshop.jmapper"
    LibraryStore.create(library).close()
    plain = tmp_path / "plain.db"
    connection = sqlite3.connect(plain)
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    renamed = tmp_path / "workshop-copy"
    renamed.write_bytes(library.read_bytes())
    bare = tmp_path / "database"
    bare.write_bytes(plain.read_bytes())
    return {"library": library, "renamed": renamed, "plain": plain, "bare": bare}


def test_desktop_entry_validates_cleanly():
    result = subprocess.run(
        [require("desktop-file-validate"), str(LINUX / f"{APP_ID}.desktop")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "" and result.stderr == ""  # not even a hint


def test_metainfo_validates():
    result = subprocess.run(
        [require("appstreamcli"), "validate", "--no-net", str(LINUX / f"{APP_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "E:" not in result.stdout and "W:" not in result.stdout


def test_metainfo_shows_the_readme_screenshots_and_this_release():
    root = ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    images = [image.text or "" for image in root.iter("image")]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = sorted(p.name for p in (ROOT / "resources" / "screenshots").glob("*.png"))
    assert sorted(url.rsplit("/", 1)[-1] for url in images) == shown
    for name in shown:
        assert f"resources/screenshots/{name}" in readme
    assert root.find("releases/release").get("version") == __version__
    assert root.findtext("project_license") == "MIT"
    assert root.find("content_rating").get("type") == "oars-1.1"
    assert root.find("provides/mediatype").text == "application/x-jmapper"


def test_mime_magic_names_the_storage_application_id():
    """The magic's big-endian word at offset 68 is the id the store writes."""
    mime = ET.parse(LINUX / f"{APP_ID}.xml").getroot().find(f"{MIME_NS}mime-type")
    assert mime.get("type") == "application/x-jmapper"
    outer = mime.find(f"{MIME_NS}magic/{MIME_NS}match")
    inner = outer.find(f"{MIME_NS}match")
    assert (outer.get("offset"), outer.get("value")) == ("0", "SQLite format 3\\000")
    assert (inner.get("type"), inner.get("offset")) == ("big32", "68")
    assert int(inner.get("value"), 16) == APPLICATION_ID


def test_a_library_file_carries_what_the_magic_looks_for(files):
    header = files["library"].read_bytes()[:100]
    assert header.startswith(b"SQLite format 3\x00")
    assert struct.unpack(">I", header[68:72])[0] == APPLICATION_ID


def test_icons_exist_at_every_size_and_the_svg_is_the_editors(tmp_path):
    from PySide6.QtGui import QImage

    hicolor = LINUX / "icons" / "hicolor"
    for size in ICON_SIZES:
        image = QImage(str(hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
        assert (image.width(), image.height(), image.hasAlphaChannel()) == (size, size, True)
    scalable = hicolor / "scalable" / "apps" / f"{APP_ID}.svg"
    master = ROOT / "jmapper" / "resources" / "icons" / "jmapper.svg"
    assert scalable.read_bytes() == master.read_bytes()


def test_installed_mime_rules_claim_libraries_and_not_plain_sqlite(tmp_path, files):
    require("update-mime-database")
    prefix, home = tmp_path / "prefix", tmp_path / "home"
    env = desktop_env(prefix / "share", home)
    result = install("--prefix", str(prefix), "--exec", "/opt/jmapper/jmapper", env=env)
    assert result.returncode == 0, result.stderr
    assert (prefix / "share" / "mime" / "mime.cache").exists()

    assert content_type(files["library"], env) == "application/x-jmapper"
    assert content_type(files["renamed"], env) == "application/x-jmapper"  # by content alone
    assert content_type(files["plain"], env) == "application/vnd.sqlite3"
    assert content_type(files["bare"], env) == "application/vnd.sqlite3"


def test_without_the_rules_a_library_is_only_sqlite(tmp_path, files):
    """The control for the test above: the system alone does not know the type."""
    env = desktop_env(tmp_path / "empty-share", tmp_path / "home")
    assert content_type(files["renamed"], env) == "application/vnd.sqlite3"


def test_install_user_installs_everything_and_uninstall_removes_it(tmp_path, files):
    require("update-desktop-database")
    home = tmp_path / "home"
    home.mkdir()
    share = home / ".local" / "share"
    env = desktop_env(share, home)
    del env["XDG_DATA_HOME"]  # --user falls back to ~/.local/share
    program = tmp_path / "my apps" / "jmapper"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)

    result = install("--user", "--exec", str(program), env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Installed jmapper's desktop integration in ")
    for path in installed_files(share):
        assert path.is_file(), path
    entry = (share / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f'Exec="{program}" %f' in entry.splitlines()
    installed_entry = share / "applications" / f"{APP_ID}.desktop"
    check = subprocess.run(
        [require("desktop-file-validate"), str(installed_entry)], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout

    gio_env = {**env, "XDG_DATA_HOME": str(share)}
    assert content_type(files["library"], gio_env) == "application/x-jmapper"
    default = subprocess.run(
        [require("gio"), "mime", "application/x-jmapper"],
        capture_output=True,
        text=True,
        env=gio_env,
        check=True,
    )
    assert f"Default application for “application/x-jmapper”: {APP_ID}.desktop" in default.stdout

    result = install("--user", "--uninstall", env=env)
    assert result.returncode == 0, result.stderr
    assert not [path for path in installed_files(share) if path.exists()]
    assert content_type(files["renamed"], gio_env) == "application/vnd.sqlite3"


def test_install_says_what_is_wrong_with_its_command_line(tmp_path):
    env = desktop_env(tmp_path / "share", tmp_path)
    result = install("--user", "--frobnicate", env=env)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "install.sh: unknown option --frobnicate; see --help."
    ]
    assert not (tmp_path / "share").exists()
