"""File-dialog filters for the interchange formats, from the one registry the CLI uses.

The Import dialog offers every format jmapper reads (and "every importable
file", which lets the content choose the reader); the chosen filter names
the format, so the dialog and ``jmapper import --format`` agree.
"""

from __future__ import annotations

from jmapper.interchange.registry import FORMATS

ALL_IMPORTABLE = "All importable files"


def import_filters() -> list[tuple[str, str | None]]:
    """(filter text, format name or None for detection), in the order the dialog lists them."""
    readable = [fmt for fmt in FORMATS.values() if fmt.reads]
    patterns = " ".join(f"*{ext}" for fmt in readable for ext in fmt.extensions)
    filters: list[tuple[str, str | None]] = [(f"{ALL_IMPORTABLE} ({patterns})", None)]
    for fmt in readable:
        filters.append((f"{fmt.label} ({' '.join('*' + e for e in fmt.extensions)})", fmt.name))
    filters.append(("All files (*)", None))
    return filters


def import_filter_text() -> str:
    return ";;".join(text for text, _ in import_filters())


def format_of_filter(chosen: str) -> str | None:
    """The format a chosen filter names, or None to tell it from the file."""
    return dict(import_filters()).get(chosen)
