"""What jmapper ships and under which licences: the About dialog's facts, Qt-free.

A bundle (``packaging/jmapper.spec``) carries the Python libraries listed in
:data:`SHIPPED_DISTRIBUTIONS`, with their metadata, so the About dialog can
name each one's version and licence and show its licence text wherever the
distribution includes one; a pip install reads the same metadata from the
environment.  The fonts' licence texts sit beside the fonts in the package.
"""

from __future__ import annotations

import platform
import re
from dataclasses import dataclass
from importlib import metadata, resources

from jmapper import __version__

#: jmapper's own licence (pyproject.toml's ``license``).
LICENCE = "MIT"

#: The run-time dependency closure of jmapper, as PyPI names it: what a bundle ships.
SHIPPED_DISTRIBUTIONS: tuple[str, ...] = (
    "PySide6-Essentials",
    "shiboken6",
    "SQLAlchemy",
    "typing_extensions",
    "alembic",
    "Mako",
    "MarkupSafe",
    "reportlab",
    "uharfbuzz",
    "python-bidi",
    "pillow",
    "charset-normalizer",
    "platformdirs",
    "openpyxl",
    "et_xmlfile",
)

#: The bundled fonts: (family, font files, licence, licence file) in ``jmapper/resources/fonts``.
FONTS: tuple[tuple[str, tuple[str, ...], str, str], ...] = (
    (
        "DejaVu Sans",
        ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
        "Bitstream Vera and DejaVu licence (free)",
        "LICENSE-DejaVu.txt",
    ),
    (
        "Droid Sans Fallback",
        ("DroidSansFallbackFull.ttf",),
        "Apache-2.0",
        "LICENSE-DroidSansFallback.txt",
    ),
    (
        "Noto (Sans Arabic, Hebrew, Thai, Devanagari, KR; Emoji)",
        (
            "NotoSansArabic-Regular.ttf",
            "NotoSansHebrew-Regular.ttf",
            "NotoSansThai-Regular.ttf",
            "NotoSansDevanagari-Regular.ttf",
            "NotoSansKR-Hangul.ttf",
            "NotoEmoji-Regular.ttf",
        ),
        "OFL-1.1",
        "LICENSE-Noto.txt",
    ),
)

_LICENCE_FILE = re.compile(r"(^|/)(LICEN[CS]E|COPYING)[^/]*$", re.IGNORECASE)


@dataclass(frozen=True)
class Credit:
    """One shipped component: its name, version, licence and the licence's text if shipped."""

    name: str
    version: str
    licence: str
    text: str


def version_line() -> str:
    """``jmapper 0.1.0 (Python 3.11.2)``."""
    return f"jmapper {__version__} (Python {platform.python_version()})"


def font_credits() -> list[Credit]:
    """The bundled fonts with the text of their licences."""
    folder = resources.files("jmapper").joinpath("resources", "fonts")
    credits = []
    for family, files, licence, licence_file in FONTS:
        text = folder.joinpath(licence_file).read_text(encoding="utf-8")
        credits.append(Credit(family, ", ".join(files), licence, text))
    return credits


def library_credits() -> list[Credit]:
    """Python and every shipped library; one whose metadata is missing says so."""
    credits = [
        Credit("Python", platform.python_version(), "PSF-2.0", ""),
    ]
    for name in SHIPPED_DISTRIBUTIONS:
        try:
            distribution = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            credits.append(Credit(name, "", "(not installed here)", ""))
            continue
        credits.append(
            Credit(name, distribution.version, _licence(distribution), _licence_text(distribution))
        )
    return credits


def _licence(distribution: metadata.Distribution) -> str:
    """The SPDX expression when the metadata has one, else the short licence or classifier."""
    meta = distribution.metadata
    expression = (meta.get_all("License-Expression") or [""])[0]
    if expression:
        return str(expression)
    short = str((meta.get_all("License") or [""])[0]).strip()
    if short and "\n" not in short and len(short) <= 80:
        return short
    for classifier in meta.get_all("Classifier") or []:
        if classifier.startswith("License ::"):
            return str(classifier.rsplit("::", 1)[-1].strip())
    return "see the project"


def _licence_text(distribution: metadata.Distribution) -> str:
    """The first licence file the distribution ships in its metadata folder, if any."""
    for path in distribution.files or []:
        if ".dist-info" in str(path) and _LICENCE_FILE.search(str(path)):
            try:
                return path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
    return ""
