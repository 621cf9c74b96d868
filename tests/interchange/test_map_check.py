"""The reader's hook for limits: it sees each map's title and card count before any card is read."""

from __future__ import annotations

import json

import pytest

from jmapper.interchange.errors import InterchangeError
from jmapper.interchange.json_format import dump_library, dump_map, parse
from tests.builders import small_map


def test_the_check_sees_title_and_card_count_and_its_sentence_refuses():
    bundle = small_map()
    seen: list[tuple[str, int]] = []

    def check(title: str, cards: int) -> str | None:
        seen.append((title, cards))
        return None

    parse(dump_map(bundle), check_map=check)
    assert seen == [(bundle.map.title, len(bundle.cards))]

    data = json.loads(dump_library([bundle], []))
    data["maps"][0]["cards"] = ["not a card"] * 3  # never read: the check refuses first
    with pytest.raises(InterchangeError, match="^Too many: 3$"):
        parse(json.dumps(data), check_map=lambda title, cards: f"Too many: {cards}")
