"""Cards on the system clipboard: a JSON mime type plus plain text.

The JSON holds each card via ``jmapper.model.codec.to_dict``, so cards copied
from one map paste into another (or another jmapper window); the plain text
is the copied cells as a tab-separated block, so they paste into a spreadsheet
in the same layout.  A block copied from a spreadsheet pastes into the cells
it covers (:func:`pasted_block`).
"""

from __future__ import annotations

import json
import logging

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication

from jmapper.model.codec import from_dict, to_dict
from jmapper.model.entities import Card

log = logging.getLogger(__name__)

MIME_TYPE = "application/x-jmapper-cards+json"
#: The largest block pasted: more rows or columns than any map has lanes or steps.
MAX_BLOCK_ROWS = 200
MAX_BLOCK_COLUMNS = 500


def copy_cards(cards: list[Card], text: str | None = None) -> None:
    """Cards for jmapper, and ``text`` (the cells as a tab-separated block) for everything else."""
    data = QMimeData()
    payload = {"version": 1, "cards": [to_dict(card) for card in cards]}
    data.setData(MIME_TYPE, json.dumps(payload).encode("utf-8"))
    if text is None:
        lines = []
        for card in cards:
            lines.append(card.title + (f"\t{card.description}" if card.description else ""))
        text = "\n".join(lines)
    data.setText(text)
    QApplication.clipboard().setMimeData(data)


def pasted_block() -> list[list[str]] | None:
    """Cells copied from a spreadsheet (tab-separated text, or an HTML table beside it), or None.

    jmapper's own cards and plain lines of text are not a block: they paste
    as cards into the current cell (:func:`pasted_cards`).
    """
    from jmapper.interchange.tsv import looks_like_block, parse_block

    data = QApplication.clipboard().mimeData()
    if data is None or data.hasFormat(MIME_TYPE) or not data.hasText():
        return None
    text = data.text()
    table = data.hasHtml() and "<table" in data.html().lower()
    if not (looks_like_block(text) or table):
        return None
    rows = parse_block(text)[:MAX_BLOCK_ROWS]
    return [row[:MAX_BLOCK_COLUMNS] for row in rows]


def pasted_cards() -> list[Card]:
    """Cards on the clipboard: ours, or one new card per line of plain text."""
    data = QApplication.clipboard().mimeData()
    if data is None:
        return []
    if data.hasFormat(MIME_TYPE):
        try:
            payload = json.loads(bytes(data.data(MIME_TYPE).data()).decode("utf-8"))
            return [from_dict("card", item) for item in payload.get("cards", [])]
        except (ValueError, KeyError, TypeError):
            log.warning("clipboard holds unreadable jmapper cards", exc_info=True)
            return []
    if data.hasText():
        titles = [line.strip() for line in data.text().splitlines() if line.strip()]
        return [Card(title=title[:500]) for title in titles[:200]]
    return []


def release_clipboard() -> None:
    """Drop cards we put on the clipboard before Qt shuts down.

    With PySide6, mime data still held by the clipboard when the application
    object is destroyed crashes the interpreter on exit (seen offscreen); the
    cards are in the library anyway, so clearing them on quit loses nothing.
    """
    clipboard = QApplication.clipboard()
    data = clipboard.mimeData()
    if data is not None and data.hasFormat(MIME_TYPE):
        clipboard.clear()
