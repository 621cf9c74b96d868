"""The interchange formats jmapper reads and writes, found by name, extension or content.

Each format is one module in this package with ``read(data, check_map=...)``
and/or ``write_map(bundle)`` (see :class:`Format`).  The registry names the
modules as strings and imports one only when it is used, so a format that
needs a heavy library (openpyxl for XLSX) costs nothing until a user picks it.

Choosing a reader (:func:`detect`): a format named by the user wins; else a
file whose first bytes say what it is (a ZIP archive is XLSX, a JSON object
is JSON, a first statement ``journey`` is Mermaid); else the file's
extension; else text is read as CSV.  A file none of these fits is refused
with a sentence listing the formats.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from pathlib import PurePath
from types import ModuleType

from jmapper.interchange.errors import InterchangeError


@dataclass(frozen=True)
class Format:
    """One interchange format: its name on the command line, its label in dialogs, its module.

    ``extensions`` are lower case with the dot; the first is the one written.
    ``module`` defines ``read(data: bytes, *, check_map=None, name="") -> Reading``
    (``name``: the file's name without extension, a title when the file has none)
    when ``reads`` and ``write_map(bundle) -> tuple[bytes, list[str]]``
    (the file and its warnings) when ``writes``.
    """

    name: str
    label: str
    extensions: tuple[str, ...]
    module: str
    reads: bool = True
    writes: bool = True

    @property
    def extension(self) -> str:
        return self.extensions[0]

    def load(self) -> ModuleType:
        return importlib.import_module(self.module)


FORMATS: dict[str, Format] = {
    fmt.name: fmt
    for fmt in (
        Format("json", "JSON (complete data)", (".json",), "jmapper.interchange.json_io"),
        Format("csv", "CSV laid out as the map", (".csv",), "jmapper.interchange.csv_grid"),
        Format(
            "xlsx",
            "Excel workbook laid out as the map",
            (".xlsx",),
            "jmapper.interchange.xlsx_grid",
        ),
        Format(
            "mermaid",
            "Mermaid journey",
            (".mmd", ".mermaid"),
            "jmapper.interchange.mermaid_journey",
        ),
    )
}


def names(*, reading: bool = False, writing: bool = False) -> tuple[str, ...]:
    """Format names, optionally only those that read or write."""
    return tuple(
        f.name for f in FORMATS.values() if (not reading or f.reads) and (not writing or f.writes)
    )


def get(name: str) -> Format:
    """The format called ``name`` (any case); InterchangeError naming the choices if none."""
    fmt = FORMATS.get(name.strip().lower())
    if fmt is None:
        raise InterchangeError(
            f"\u201c{name}\u201d is not a format jmapper knows; choose one of {', '.join(FORMATS)}."
        )
    return fmt


def by_extension(path: str | PurePath) -> Format | None:
    suffix = PurePath(path).suffix.lower()
    for fmt in FORMATS.values():
        if suffix in fmt.extensions:
            return fmt
    return None


_JOURNEY = re.compile(rb"^\s*journey\b", re.IGNORECASE)
_FENCED_JOURNEY = re.compile(rb"^\s*(```|~~~)\s*mermaid\s*$\s*^\s*journey\b", re.I | re.M)


def sniff(head: bytes) -> Format | None:
    """The format the first bytes of a file show, or None when they do not tell."""
    if head.startswith(b"PK\x03\x04"):
        return FORMATS.get("xlsx")
    text = head.removeprefix(b"\xef\xbb\xbf")
    if text.lstrip().startswith(b"{"):
        return FORMATS.get("json")
    if _starts_with_journey(text) or _FENCED_JOURNEY.search(text):
        return FORMATS.get("mermaid")
    return None


def _starts_with_journey(text: bytes) -> bool:
    """Whether the first statement, after blank lines, comments and front matter, is journey."""
    lines = text.splitlines()
    index = 0
    if lines and lines[0].strip() == b"---":
        closing = next((i for i, ln in enumerate(lines[1:], 1) if ln.strip() == b"---"), None)
        index = closing + 1 if closing is not None else len(lines)
    for line in lines[index:]:
        stripped = line.strip()
        if not stripped or stripped.startswith((b"%%", b"#")):
            continue
        return bool(_JOURNEY.match(stripped))
    return False


def detect(name: str | PurePath, head: bytes, chosen: str | None = None) -> Format:
    """The reader for a file called ``name`` starting with ``head`` (see the module docstring)."""
    if chosen:
        named = get(chosen)
        if not named.reads:
            raise InterchangeError(f"jmapper cannot import {named.label} files.")
        return named
    found = sniff(head) or by_extension(name)
    if found is not None and found.reads:
        return found
    if "csv" in FORMATS and _looks_like_text(head):
        return FORMATS["csv"]
    if head.startswith(_SQLITE_HEADER):
        # Another library: its maps come in by merging, which import cannot do.
        raise InterchangeError(
            "It is a jmapper library (an SQLite database), not an export; bring its maps in "
            "with \u2018jmapper merge LIBRARY SOURCE\u2019 "
            "(File > Merge Library\u2026 in the editor)."
        )
    raise InterchangeError(
        f"jmapper cannot tell what kind of file \u201c{PurePath(name).name}\u201d is; "
        f"name the format with --format ({', '.join(names(reading=True))})."
    )


_SQLITE_HEADER = b"SQLite format 3\x00"


def _looks_like_text(head: bytes) -> bool:
    """No NUL bytes: text in some 8-bit or UTF-8 encoding (the CSV reader decodes it)."""
    return b"\x00" not in head
