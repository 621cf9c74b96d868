"""A map this version cannot read is marked in the library panel; the others open.

The library holds the sample maps, two of them with values a newer jmapper
might write: one in the map row itself (seen when the list is read), one in
a lane (seen only when the map is loaded).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from jmapper.templates import SAMPLES
from jmapper.ui.library_panel.panel import UNREADABLE_TYPE

ALIEN_TYPE = SAMPLES["theme_park_visit"].title
ALIEN_LANE = SAMPLES["support_blueprint"].title


@pytest.fixture
def library_path(library_path: Path) -> Path:
    conn = sqlite3.connect(library_path)
    conn.execute("UPDATE map SET map_type = 'alien' WHERE title = ?", (ALIEN_TYPE,))
    conn.execute(
        "UPDATE lane SET kind = 'alien' WHERE map_id = (SELECT id FROM map WHERE title = ?)",
        (ALIEN_LANE,),
    )
    conn.commit()
    conn.close()
    return library_path


def _row(window, title: str):  # noqa: ANN001, ANN202
    tree = window.library_panel.tree
    return next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).text(0) == title
    )


def test_a_map_whose_row_cannot_be_read_is_listed_marked(window, message_boxes) -> None:
    row = _row(window, ALIEN_TYPE)
    assert row.text(1) == UNREADABLE_TYPE
    assert not row.icon(0).isNull()
    sentence = row.toolTip(0)
    assert f"“{ALIEN_TYPE}”" in sentence and "its map type is “alien”" in sentence
    opened_before = window.document
    window.library_panel.tree.setCurrentItem(row)
    assert message_boxes.texts[-1] == sentence
    assert window.document is opened_before  # nothing else was closed or opened


def test_a_map_that_fails_to_load_is_marked_and_the_others_still_open(
    window, message_boxes
) -> None:
    window.library_panel.tree.setCurrentItem(_row(window, ALIEN_LANE))
    sentence = message_boxes.texts[-1]
    assert sentence.startswith(f"The map “{ALIEN_LANE}” cannot be read by this version")
    assert "a lane’s kind is “alien”" in sentence
    assert _row(window, ALIEN_LANE).text(1) == UNREADABLE_TYPE
    assert _row(window, ALIEN_LANE).toolTip(0) == sentence
    window.refresh_maps()
    assert _row(window, ALIEN_LANE).text(1) == UNREADABLE_TYPE  # stays marked
    readable = SAMPLES["support_request"].title
    window.library_panel.tree.setCurrentItem(_row(window, readable))
    assert window.document is not None and window.document.bundle.map.title == readable
    assert window.library_panel.unreadable_ids() == {
        _row(window, ALIEN_TYPE).data(0, 256),
        _row(window, ALIEN_LANE).data(0, 256),
    }
