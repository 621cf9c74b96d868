"""Cards on the system clipboard: a JSON mime type plus plain text.

The JSON holds each card via ``jmapper.model.codec.to_dict``, so cards copied
from one map paste into another (or another jmapper window); the plain text
lets a facilitator paste the titles into an e-mail or a spreadsheet.
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


def copy_cards(cards: list[Card]) -> None:
    data = QMimeData()
    payload = {"version": 1, "cards": [to_dict(card) for card in cards]}
    data.setData(MIME_TYPE, json.dumps(payload).encode("utf-8"))
    lines = []
    for card in cards:
        lines.append(card.title + (f"\t{card.description}" if card.description else ""))
    data.setText("\n".join(lines))
    QApplication.clipboard().setMimeData(data)


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
