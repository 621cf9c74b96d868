"""A session on an existing, up-to-date library never imports SQLAlchemy or Alembic.

SQLAlchemy defines the schema and is needed only to create a library (and,
with Alembic, to upgrade one); importing it costs about a third of a second,
which the editor's start-up path must not pay.  Each check runs in a fresh
interpreter, because the test process itself has long imported both.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from jmapper.storage import LibraryStore
from tests.storage.bundles import full_bundle

ROOT = Path(__file__).resolve().parents[2]

HEAVY = ("sqlalchemy", "alembic")


def _run_fresh(body: str) -> None:
    """Run ``body`` in a new interpreter, then fail if it imported anything heavy."""
    check = textwrap.dedent(
        f"""
        heavy = sorted(
            name for name in sys.modules if name.split(".")[0] in {HEAVY!r}
        )
        assert not heavy, f"imported {{heavy[:5]}}"
        """
    )
    script = "import sys\n" + textwrap.dedent(body) + check
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


@pytest.fixture
def existing(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "lib.jmapper"
    bundle = full_bundle()
    with LibraryStore.create(path) as store:
        store.add_bundle(bundle)
    return path, bundle.map.id


def test_opening_and_loading_a_map_does_not_import_sqlalchemy(
    existing: tuple[Path, str],
) -> None:
    path, map_id = existing
    _run_fresh(
        f"""
        import jmapper.storage
        from jmapper.storage import LibraryStore
        with LibraryStore.open({str(path)!r}) as store:
            assert store.load_map({map_id!r}).map.id == {map_id!r}
        """
    )


def test_a_whole_session_does_not_import_sqlalchemy(existing: tuple[Path, str]) -> None:
    path, map_id = existing
    _run_fresh(
        f"""
        import dataclasses
        from jmapper.model.changes import EntityChange
        from jmapper.model.entities import Card, Persona, Snapshot
        from jmapper.storage import LibraryStore

        with LibraryStore.open({str(path)!r}) as store:
            assert [m.id for m in store.list_maps()] == [{map_id!r}]
            assert store.map_ids() == [{map_id!r}] and store.has_map({map_id!r})
            bundle = store.load_map({map_id!r})
            card = next(iter(bundle.cards.values()))
            moved = dataclasses.replace(card, position=card.position + 1)
            added = Card(
                map_id=card.map_id, lane_id=card.lane_id, stage_id=card.stage_id, title="New"
            )
            store.apply([
                EntityChange("card", card.id, card, moved),
                EntityChange("card", added.id, None, added),
            ])
            store.apply([EntityChange("card", added.id, added, None)])
            store.save_persona(Persona(name="Extra"))
            assert "Extra" in [p.name for p in store.list_personas()]
            snapshot = Snapshot(map_id={map_id!r}, name="v1", created="2024-01-01", payload="{{}}")
            store.save_snapshot(snapshot)
            assert [s.id for s in store.list_snapshots({map_id!r})] == [snapshot.id]
            assert store.load_snapshot(snapshot.id).payload == "{{}}"
            store.delete_snapshot(snapshot.id)
            store.set_setting("export.branding", "Rail Co")
            assert store.get_setting("export.branding") == "Rail Co"
            store.replace_bundle(store.load_map({map_id!r}))
            assert store.integrity_ok()
        with LibraryStore.open({str(path)!r}) as store:
            assert store.load_map({map_id!r}).cards[card.id].position == card.position + 1
        """
    )


def test_creating_a_library_does_import_sqlalchemy(tmp_path: Path) -> None:
    """The check above is real: creating a new library is where SQLAlchemy is used."""
    path = tmp_path / "new.jmapper"
    script = textwrap.dedent(
        f"""
        import sys
        from jmapper.storage import LibraryStore
        assert "sqlalchemy" not in sys.modules
        LibraryStore.create({str(path)!r}).close()
        assert "sqlalchemy" in sys.modules and "alembic" not in sys.modules
        """
    )
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=True)
