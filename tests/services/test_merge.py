"""Merging libraries (jmapper.services.merge) on real library files in tmp_path.

The story of every test: a facilitator's library holds a map and a saved
version of it; the file is copied to a second laptop; both laptops edit the
map; the second laptop's library is merged back into the first.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from jmapper.interchange.json_format import dump_library, dump_map
from jmapper.model import edits
from jmapper.model.bundle import MapBundle
from jmapper.model.changes import ChangeSet
from jmapper.model.entities import Card, Persona, Snapshot
from jmapper.services.errors import ServiceError
from jmapper.services.library import create_map, open_library
from jmapper.services.merge import merge_into, open_target, redo_merge, undo_merge
from jmapper.services.merge_sources import read_source
from jmapper.storage import LibraryStore
from tests.builders import small_map

Edit = Callable[[MapBundle], ChangeSet]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def edit(path: Path, title: str, *changes: Edit) -> None:
    """Apply edits to the map called ``title`` in the library at ``path``, as the editor would."""
    with LibraryStore.open(path) as store:
        (summary,) = [s for s in store.list_maps() if s.title == title]
        bundle = store.load_map(summary.id)
        for change in changes:
            changeset = change(bundle)
            bundle.apply(changeset.changes)
            store.apply(changeset.changes)


def snapshot(path: Path, title: str, name: str) -> None:
    with LibraryStore.open(path) as store:
        (summary,) = [s for s in store.list_maps() if s.title == title]
        bundle = store.load_map(summary.id)
        store.save_snapshot(
            Snapshot(
                map_id=bundle.map.id,
                name=name,
                created="2026-11-30T09:00:00",
                payload=dump_map(bundle),
            )
        )


def cards(bundle: MapBundle) -> list:
    return sorted(bundle.cards.values(), key=lambda c: (c.stage_id, c.lane_id, c.position, c.id))


def retitle_card(index: int, title: str) -> Edit:
    return lambda b: edits.edit_fields(b, "card", cards(b)[index].id, title=title)


def merge(target: Path, *sources: Path, dry_run: bool = False):
    read = [read_source(source, target) for source in sources]
    with open_target(target, dry_run=dry_run) as store:
        return merge_into(store, read, dry_run=dry_run)


def maps_by_title(path: Path) -> dict[str, MapBundle]:
    with LibraryStore.open(path) as store:
        return {s.title: store.load_map(s.id) for s in store.list_maps()}


@pytest.fixture
def laptops(tmp_path) -> tuple[Path, Path]:
    """workshop.jmapper with the support sample and a saved version, copied to laptop-2."""
    workshop = tmp_path / "workshop.jmapper"
    store = open_library(workshop, create=True)
    create_map(store, "Support", from_sample="support_request")
    store.close()
    snapshot(workshop, "Support", "Workshop start")
    laptop = tmp_path / "laptop-2.jmapper"
    shutil.copyfile(workshop, laptop)
    return workshop, laptop


def test_edits_on_both_sides_that_do_not_conflict_are_both_kept(laptops) -> None:
    workshop, laptop = laptops
    edit(workshop, "Support", retitle_card(0, "Edited on the workshop laptop"))
    edit(laptop, "Support", retitle_card(3, "Edited on laptop 2"))
    result = merge(workshop, laptop)
    (outcome,) = result.report.maps
    assert outcome.how == "merged" and outcome.base == "Workshop start"
    assert (outcome.from_source, outcome.from_target) == (1, 1)
    merged = maps_by_title(workshop)
    assert list(merged) == ["Support"]
    titles = [c.title for c in cards(merged["Support"])]
    assert titles[0] == "Edited on the workshop laptop" and titles[3] == "Edited on laptop 2"
    assert result.report.backup is not None and result.report.backup.exists()
    with LibraryStore.open(workshop) as store:
        names = [s.name for s in store.list_snapshots(merged["Support"].map.id)]
    assert "Before merge from laptop-2" in names and "Workshop start" in names


def test_both_sides_adding_a_stage_keeps_both_in_order(laptops) -> None:
    workshop, laptop = laptops
    edit(workshop, "Support", lambda b: edits.add_stage(b, "Workshop stage")[0])
    edit(laptop, "Support", lambda b: edits.add_stage(b, "Laptop stage")[0])
    result = merge(workshop, laptop)
    assert [o.how for o in result.report.maps] == ["merged"]
    stages = [s.name for s in maps_by_title(workshop)["Support"].ordered_stages()]
    assert set(stages[-2:]) == {"Workshop stage", "Laptop stage"}


def test_a_conflicting_edit_keeps_both_versions_and_lists_the_conflict(laptops) -> None:
    workshop, laptop = laptops
    edit(workshop, "Support", retitle_card(2, "Workshop wording"), retitle_card(5, "Only here"))
    edit(laptop, "Support", retitle_card(2, "Laptop wording"))
    result = merge(workshop, laptop)
    (outcome,) = result.report.maps
    assert outcome.how == "kept_twice"
    assert outcome.copy_title == "Support (from laptop-2)"
    assert outcome.conflicts == (
        "Card \u201cWorkshop wording\u201d (\u201cLaptop wording\u201d there): "
        "changed differently on both sides.",
    )
    after = maps_by_title(workshop)
    assert sorted(after) == ["Support", "Support (from laptop-2)"]
    assert [c.title for c in cards(after["Support"])][2] == "Workshop wording"
    copy_titles = {c.title for c in after["Support (from laptop-2)"].cards.values()}
    assert "Laptop wording" in copy_titles and "Workshop wording" not in copy_titles
    assert not set(after["Support (from laptop-2)"].cards) & set(after["Support"].cards)
    text = "\n".join(result.report.lines())
    assert "Kept twice (1):" in text and "changed differently on both sides" in text
    # The copy keeps laptop 2's versions, renamed with it, so it can be restored.
    with LibraryStore.open(workshop) as store:
        copy_id = after["Support (from laptop-2)"].map.id
        (version,) = store.list_snapshots(copy_id)
        assert version.name == "Workshop start"
        assert copy_id in store.load_snapshot(version.id).payload


def test_no_common_version_keeps_both(tmp_path) -> None:
    workshop = tmp_path / "workshop.jmapper"
    store = open_library(workshop, create=True)
    create_map(store, "Support", from_sample="support_request")
    store.close()
    laptop = tmp_path / "laptop-2.jmapper"
    shutil.copyfile(workshop, laptop)  # no saved version: nothing to merge against
    edit(workshop, "Support", retitle_card(0, "Here"))
    edit(laptop, "Support", retitle_card(1, "There"))
    result = merge(workshop, laptop)
    (outcome,) = result.report.maps
    assert outcome.how == "kept_twice" and "no saved version in common" in outcome.reason
    assert sorted(maps_by_title(workshop)) == ["Support", "Support (from laptop-2)"]


def test_edits_on_the_source_only_update_the_map(laptops) -> None:
    workshop, laptop = laptops
    edit(laptop, "Support", retitle_card(1, "Laptop only"))
    result = merge(workshop, laptop)
    assert [(o.how, o.base) for o in result.report.maps] == [("updated", "Workshop start")]
    assert [c.title for c in cards(maps_by_title(workshop)["Support"])][1] == "Laptop only"


def test_nothing_new_changes_nothing_and_makes_no_backup(laptops) -> None:
    workshop, laptop = laptops
    edit(workshop, "Support", retitle_card(1, "Workshop only"))
    before = digest(workshop)
    result = merge(workshop, laptop)
    assert [o.how for o in result.report.maps] == ["unchanged"]
    assert result.report.backup is None and not result.report.changes_anything
    assert digest(workshop) == before


def test_new_maps_are_added_and_personas_reused_by_name(laptops, tmp_path) -> None:
    workshop, laptop = laptops
    with LibraryStore.open(laptop) as store:
        bundle = small_map("Commute")
        store.add_bundle(bundle)
    with LibraryStore.open(workshop) as store:
        store.save_persona(Persona(name="priya", role="Already here"))
    result = merge(workshop, laptop)
    assert sorted((o.how, o.title) for o in result.report.maps) == [
        ("added", "Commute"),
        ("unchanged", "Support"),
    ]
    assert result.report.personas_reused == ["priya"]
    with LibraryStore.open(workshop) as store:
        names = [p.name.casefold() for p in store.list_personas()]
        commute = maps_by_title(workshop)["Commute"]
    assert names.count("priya") == 1
    primary = commute.personas[commute.map.primary_persona_id]
    assert primary.role == "Already here"


def test_a_json_export_merges_too(laptops, tmp_path) -> None:
    workshop, laptop = laptops
    # The export holds the map as saved in "Workshop start": nothing newer.
    with LibraryStore.open(laptop) as store:
        bundles = [store.load_map(i) for i in store.map_ids()]
        personas = store.list_personas()
    export = tmp_path / "laptop-3.json"
    export.write_text(dump_library(bundles, personas), encoding="utf-8")
    edit(workshop, "Support", retitle_card(0, "Moved on"))
    result = merge(workshop, export)
    assert [o.how for o in result.report.maps] == ["unchanged"]
    # Edited on both sides, and JSON carries no versions: both are kept.
    edit(laptop, "Support", retitle_card(4, "Laptop 3"))
    with LibraryStore.open(laptop) as store:
        bundles = [store.load_map(i) for i in store.map_ids()]
    export.write_text(dump_library(bundles, personas), encoding="utf-8")
    result = merge(workshop, export)
    assert [(o.how, o.copy_title) for o in result.report.maps] == [
        ("kept_twice", "Support (from laptop-3)")
    ]


def test_dry_run_reports_and_changes_no_byte(laptops) -> None:
    workshop, laptop = laptops
    edit(workshop, "Support", retitle_card(0, "Here"))
    edit(laptop, "Support", retitle_card(1, "There"))
    before, source_before = digest(workshop), digest(laptop)
    result = merge(workshop, laptop, dry_run=True)
    assert [o.how for o in result.report.maps] == ["merged"]
    assert result.report.lines()[-1] == "Nothing was changed (dry run)."
    assert digest(workshop) == before and digest(laptop) == source_before
    assert sorted(p.name for p in workshop.parent.iterdir() if "before-merge" in p.name) == []


def test_a_failure_while_writing_leaves_the_library_as_it_was(laptops, monkeypatch) -> None:
    workshop, laptop = laptops
    edit(workshop, "Support", retitle_card(0, "Here"))
    edit(laptop, "Support", retitle_card(1, "There"))
    with LibraryStore.open(laptop) as store:
        store.add_bundle(small_map("Commute"))
    before = maps_by_title(workshop)

    def broken(self: LibraryStore, bundle: MapBundle) -> None:
        raise OSError("the disk went away")

    monkeypatch.setattr(LibraryStore, "replace_bundle", broken)
    with pytest.raises(OSError):
        merge(workshop, laptop)
    monkeypatch.undo()
    assert maps_by_title(workshop) == before
    assert not [p for p in workshop.parent.iterdir() if "before-merge" in p.name]


def test_undo_and_redo_take_the_whole_merge_back_and_forth(laptops) -> None:
    workshop, laptop = laptops
    edit(workshop, "Support", retitle_card(2, "Workshop wording"))
    edit(laptop, "Support", retitle_card(2, "Laptop wording"))
    with LibraryStore.open(laptop) as store:
        store.add_bundle(small_map("Commute"))
    before = maps_by_title(workshop)
    result = merge(workshop, laptop)
    merged = maps_by_title(workshop)
    assert sorted(merged) == ["Commute", "Support", "Support (from laptop-2)"]
    with LibraryStore.open(workshop) as store:
        undo_merge(store, result.undo)
        assert [p.name for p in store.list_personas()] == [
            p.name for p in sorted(before["Support"].personas.values(), key=_name)
        ]
    assert maps_by_title(workshop) == before
    with LibraryStore.open(workshop) as store:
        redo_merge(store, result.undo)
    assert sorted(maps_by_title(workshop)) == sorted(merged)


def test_undo_is_refused_when_a_merged_map_was_edited_since(laptops) -> None:
    workshop, laptop = laptops
    edit(laptop, "Support", retitle_card(1, "There"))
    result = merge(workshop, laptop)
    edit(workshop, "Support", retitle_card(0, "Edited after the merge"))
    after = digest(workshop)
    with LibraryStore.open(workshop) as store, pytest.raises(ServiceError, match="edited after"):
        undo_merge(store, result.undo)
    assert digest(workshop) == after
    assert [c.title for c in cards(maps_by_title(workshop)["Support"])][0] == (
        "Edited after the merge"
    )


def test_a_source_that_is_the_target_is_refused(laptops) -> None:
    workshop, _laptop = laptops
    with pytest.raises(ServiceError, match="is the library being merged into"):
        read_source(workshop.parent / "." / workshop.name, workshop)


def _name(persona: Persona) -> tuple[str, str]:
    return (persona.name.casefold(), persona.id)


def test_edits_that_break_a_rule_together_keep_both_and_say_which_rule(laptops) -> None:
    workshop, laptop = laptops

    def last_stage(bundle: MapBundle):  # noqa: ANN202
        return bundle.ordered_stages()[-1]

    def add_card_there(bundle: MapBundle) -> ChangeSet:
        lane = bundle.ordered_lanes()[0]
        stage = last_stage(bundle)
        step = next(iter(bundle.ordered_steps(stage.id)), None)
        new = Card(
            map_id=bundle.map.id,
            lane_id=lane.id,
            stage_id=stage.id,
            step_id=step.id if step else None,
            title="Added on laptop 2",
            position=99,
        )
        return edits.add_card(bundle, new)

    edit(workshop, "Support", lambda b: edits.remove_stage(b, last_stage(b).id))
    edit(laptop, "Support", add_card_there)
    result = merge(workshop, laptop)
    (outcome,) = result.report.maps
    assert outcome.how == "kept_twice" and not outcome.conflicts
    assert outcome.reason.startswith("the edits do not fit together (the card refers to a stage")
    assert sorted(maps_by_title(workshop)) == ["Support", "Support (from laptop-2)"]
