"""Tab-separated blocks, as Excel, LibreOffice and Google Sheets put cells on the clipboard.

A copied range is one line per row and a tab between cells; a cell holding
line breaks or quotes is quoted with doubled quotes inside (Excel's rule,
which :mod:`csv` follows with ``delimiter="\\t"``).  A cell's text holds cards
as the spreadsheet layout does (:func:`jmapper.interchange.grid.cell_items`).
"""

from __future__ import annotations

import csv
import io

from jmapper.interchange.grid import cell_items, items_text

__all__ = ["block_text", "cell_items", "items_text", "looks_like_block", "parse_block"]


def looks_like_block(text: str) -> bool:
    """Whether plain text is a copied range of cells (it has a tab) rather than lines."""
    return "\t" in text


def parse_block(text: str) -> list[list[str]]:
    """The rows of cells of a pasted block; a final line break makes no extra row."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t")
    try:
        return [row for row in reader]
    except csv.Error:  # a stray quote: read the lines plainly, cell by cell
        return [line.split("\t") for line in text.split("\n")]


def block_text(rows: list[list[str]]) -> str:
    """Rows of cell texts as a block a spreadsheet pastes into the same cells."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerows(rows)
    return out.getvalue()
