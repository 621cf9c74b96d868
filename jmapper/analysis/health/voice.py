"""Rule (advice): customer lanes written in the customer's voice, not the organisation's.

Inside-out maps describe what the organisation does ("We send the contract",
"CRM creates a ticket").  The cards of the customer lanes are read for the
organisation's first person ("we", "our", "us") and for a system as the
subject of the sentence; quoted text is the customer speaking and is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from jmapper.analysis.health.findings import Problem, Rule, Severity, Target
from jmapper.model.bundle import MapBundle
from jmapper.model.enums import LaneKind

#: Lanes that speak for the customer.
CUSTOMER_LANES = frozenset({LaneKind.CUSTOMER_ACTIONS, LaneKind.GOALS_NEEDS})

#: Words that make a system the subject when they open a card.
SYSTEM_SUBJECTS = frozenset(
    {"system", "platform", "backend", "back-end", "server", "database", "workflow", "algorithm"}
)

_QUOTED = re.compile(r"\u201c[^\u201d]*\u201d|\"[^\"]*\"|\u2018[^\u2019]*\u2019")
_OUR_VOICE = re.compile(r"\b(we|our|ours|us|ourselves)\b", re.IGNORECASE)
_ACRONYM = re.compile(r"[A-Z]{2,6}s?")


def _inside_out(title: str) -> str:
    """Why ``title`` reads inside-out, or '' if it does not."""
    text = _QUOTED.sub(" ", title)
    voice = _OUR_VOICE.search(text)
    if voice:
        return f"says \u201c{voice.group(0)}\u201d"
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words:
        return ""
    first = words[0].strip(".,:;")
    if first.lower() in SYSTEM_SUBJECTS or _ACRONYM.fullmatch(first):
        return f"makes \u201c{first}\u201d its subject"
    return ""


def inside_out(bundle: MapBundle, today: date) -> Iterator[Problem]:
    lanes = {lane.id for lane in bundle.lanes.values() if lane.kind in CUSTOMER_LANES}
    cards = sorted(
        (c for c in bundle.cards.values() if c.lane_id in lanes), key=lambda c: (c.title, c.id)
    )
    for card in cards:
        why = _inside_out(card.title)
        if why:
            yield Problem(
                Target("card", card.id),
                f"The customer card \u201c{card.title}\u201d {why}, the organisation's point of "
                "view; rewrite it as what the customer does, thinks or needs.",
            )


RULES = (
    Rule(
        "inside-out",
        Severity.ADVICE,
        "A customer-lane card is written in the organisation's voice.",
        inside_out,
    ),
)
