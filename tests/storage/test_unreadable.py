"""A stored value this version cannot read spoils one map, never the library.

The values are written with plain SQL, as a newer jmapper or a hand edit
would leave them.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from jmapper.storage import LibraryStore, UnreadableMapError, UnreadablePersonaError
from tests.storage.bundles import full_bundle


def poke(path: Path, sql: str, *params: object) -> None:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute(sql, params).rowcount >= 1
        conn.commit()
    finally:
        conn.close()


@pytest.fixture
def library(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A closed library with the maps North, South and West; returns their ids by title."""
    path = tmp_path / "lib.jmapper"
    ids = {}
    with LibraryStore.create(path) as store:
        for title in ("North", "South", "West"):
            bundle = full_bundle(title)
            store.add_bundle(bundle)
            ids[title] = bundle.map.id
    return path, ids


@pytest.mark.parametrize(
    ("column", "value", "shown"),
    [
        ("map_type", "alien", "its map type is “alien”"),
        ("status", "archived-by-a-newer-version", "its status is “archived-by-a-newer-version”"),
        ("last_reviewed", "2024-13-45", "its last reviewed is “2024-13-45”"),
    ],
)
def test_a_map_row_it_cannot_read_is_reported_and_the_others_listed(
    library: tuple[Path, dict[str, str]], column: str, value: str, shown: str
) -> None:
    path, ids = library
    poke(path, f'UPDATE "map" SET {column} = ? WHERE id = ?', value, ids["South"])
    message = (
        f"The map “South” cannot be read by this version of jmapper ({shown}). "
        "Open it with a newer jmapper; the other maps are not affected."
    )
    with LibraryStore.open(path) as store:
        survey = store.survey_maps()
        assert [s.title for s in survey.readable] == ["North", "West"]
        assert [s.title for s in store.list_maps()] == ["North", "West"]
        (problem,) = survey.unreadable
        assert (problem.map_id, problem.title, problem.field) == (ids["South"], "South", column)
        assert str(problem) == message
        with pytest.raises(UnreadableMapError) as caught:
            store.load_map(ids["South"])
        assert str(caught.value) == message
        assert store.load_map(ids["North"]).map.title == "North"


@pytest.mark.parametrize(
    ("table", "column", "value", "shown"),
    [
        ("lane", "kind", "alien", "a lane’s kind is “alien”"),
        ("card", "channel", "telepathy", "a card’s channel is “telepathy”"),
        ("stage", "data_sources", "[not json", "a stage’s data sources is “[not json”"),
    ],
)
def test_a_child_row_it_cannot_read_names_the_map_and_field_on_loading(
    library: tuple[Path, dict[str, str]], table: str, column: str, value: str, shown: str
) -> None:
    path, ids = library
    poke(path, f'UPDATE "{table}" SET {column} = ? WHERE map_id = ?', value, ids["West"])
    with LibraryStore.open(path) as store:
        assert [s.title for s in store.list_maps()] == ["North", "South", "West"]
        with pytest.raises(UnreadableMapError) as caught:
            store.load_map(ids["West"])
        assert str(caught.value) == (
            f"The map “West” cannot be read by this version of jmapper ({shown}). "
            "Open it with a newer jmapper; the other maps are not affected."
        )
        assert (caught.value.map_id, caught.value.kind) == (ids["West"], table)
        assert store.load_map(ids["South"]).map.title == "South"


def test_a_persona_it_cannot_read_is_named_wherever_personas_are_read(
    library: tuple[Path, dict[str, str]],
) -> None:
    path, ids = library
    poke(path, "UPDATE persona SET name = 'Priya'")
    poke(path, "UPDATE persona SET preferred_channels = '[\"telepathy\"]'")
    with LibraryStore.open(path) as store:
        with pytest.raises(UnreadablePersonaError) as caught:
            store.list_personas()
        assert str(caught.value) == (
            "The persona “Priya” in “lib.jmapper” cannot be read by this version of jmapper "
            '(its preferred channels is “["telepathy"]”). Open the library with a newer jmapper.'
        )
        with pytest.raises(UnreadablePersonaError):
            store.load_map(ids["North"])
        assert len(store.list_maps()) == 3
