"""Persona text typed while no map is open goes straight to the library: it is
cleaned there too (``jmapper.model.text``), like every edit made through a map."""

from __future__ import annotations

from jmapper.services.library_api import Library
from jmapper.storage import LibraryStore
from jmapper.ui.docks.personas import PersonaDock


def test_personas_added_and_edited_without_a_map_are_clean(qtbot, tmp_path):
    store = LibraryStore.create(tmp_path / "lib.jmapper")
    try:
        dock = PersonaDock(Library(store))
        qtbot.addWidget(dock)
        dock.new_name.setText("Pri\x00ya\x1b")
        dock.add_persona()
        (persona,) = store.list_personas()
        assert persona.name == "Priya"
        dock._persona_id = persona.id
        dock._field_edited("role", "Com\x07muter\r\nat night", continuous=False)
        (persona,) = store.list_personas()
        assert persona.role == "Commuter\nat night"
    finally:
        store.close()
