"""Render jmapper's icon from its one SVG into every file a desktop needs.

The drawing lives once, in ``jmapper/resources/icons/jmapper.svg`` (the
editor loads it as its window icon).  This script copies it into the hicolor
theme tree that ``install.sh`` installs, renders the PNG sizes desktops and
file managers pick from, and packs the Windows ``.ico`` and macOS ``.icns``
the PyInstaller spec names.  Both containers hold PNGs, which every
supported Windows and macOS reads, so no image library beyond Qt is needed.
The outputs are committed; run this again after changing the SVG::

    .venv/bin/python packaging/linux/make_icons.py
"""

from __future__ import annotations

import argparse
import os
import shutil
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "jmapper" / "resources" / "icons" / "jmapper.svg"
APP_ID = "io.github.jmapper.Jmapper"
#: The hicolor sizes installed on Linux.
LINUX_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
#: The sizes Windows picks from in an .ico (256 is the largest an .ico holds).
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: .icns PNG entries: OSType -> pixel size (ic10..ic14 are the @2x variants).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    """The SVG drawn into a transparent ``size`` x ``size`` PNG, antialiased."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """An ICONDIR whose entries are PNGs (Windows Vista and later read them)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def icns(pngs: dict[int, bytes]) -> bytes:
    """An Apple icon family whose entries are PNGs (macOS 10.7 and later)."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def make_icons(packaging: Path) -> list[Path]:
    """Write every icon file under ``packaging`` (the repository's packaging folder)."""
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {SOURCE} is not an SVG Qt can draw.")
    sizes = sorted({*LINUX_SIZES, *ICO_SIZES, *(size for _kind, size in ICNS_TYPES)})
    pngs = {size: render_png(renderer, size) for size in sizes}
    hicolor = packaging / "linux" / "icons" / "hicolor"
    written: list[Path] = []
    scalable = hicolor / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable)
    written.append(scalable)
    for size in LINUX_SIZES:
        target = hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pngs[size])
        written.append(target)
    for target, data in (
        (packaging / "windows" / "jmapper.ico", ico({s: pngs[s] for s in ICO_SIZES})),
        (packaging / "macos" / "jmapper.icns", icns(pngs)),
    ):
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--packaging",
        type=Path,
        default=ROOT / "packaging",
        help="the packaging folder to write into (default: the repository's)",
    )
    args = parser.parse_args(argv)
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for path in make_icons(args.packaging):
        print(path.relative_to(args.packaging))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
