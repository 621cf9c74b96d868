"""Reading what a merge brings in: another library file, or a jmapper JSON export.

A source is read completely, and never written, before the target library
is touched: a ``.jmapper`` file is opened read-only (an older one is first
copied to a temporary folder and the copy upgraded, so the source stays
byte-identical), a JSON file goes through the JSON reader with the usual
limits.  Whatever is wrong with the source (missing, a folder, the target
itself, neither a library nor JSON) is one :class:`ServiceError` sentence.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from jmapper.model.bundle import MapBundle
from jmapper.model.entities import Persona, Snapshot
from jmapper.services.errors import ServiceError
from jmapper.storage import SCHEMA_VERSION, LibraryStore, UnreadableMapError, journal
from jmapper.storage import probe as probing

log = logging.getLogger(__name__)

#: The first bytes of every SQLite file.
_SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass
class SourceLibrary:
    """Everything a source holds: maps, personas, and each map's named versions (full)."""

    path: Path
    #: How the report and copied titles name it: the file name without its extension.
    name: str
    #: "library" for a .jmapper file, "JSON" for an export.
    kind: str
    bundles: list[MapBundle] = field(default_factory=list)
    personas: list[Persona] = field(default_factory=list)
    snapshots: dict[str, list[Snapshot]] = field(default_factory=dict)
    #: Sentences about what could not be read (a map this version cannot read).
    warnings: list[str] = field(default_factory=list)


def same_file(first: Path, second: Path) -> bool:
    """Whether two paths name one file (through links and relative parts)."""
    try:
        return first.exists() and second.exists() and os.path.samefile(first, second)
    except OSError:
        return first.resolve() == second.resolve()


def read_source(path: str | Path, target: str | Path) -> SourceLibrary:
    """Read a library or JSON file to merge into ``target`` (which it must not be)."""
    path = Path(path).expanduser()
    if not path.exists():
        raise ServiceError(f"There is no file \u201c{path}\u201d to merge; check its name.")
    if path.is_dir():
        raise ServiceError(f"\u201c{path}\u201d is a folder; choose a library or JSON file.")
    if same_file(path, Path(target).expanduser()):
        raise ServiceError(
            f"\u201c{path.name}\u201d is the library being merged into; "
            "choose another library to merge from."
        )
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError as error:
        raise ServiceError(f"Cannot read \u201c{path}\u201d: {error.strerror or error}.") from None
    if head.startswith(_SQLITE_HEADER):
        return _read_library(path)
    return _read_json(path, head)


def _read_json(path: Path, head: bytes) -> SourceLibrary:
    from jmapper.interchange import registry
    from jmapper.interchange.errors import InterchangeError
    from jmapper.services.transfer import read_source as read_file

    try:
        found = registry.detect(path.name, head)
    except InterchangeError:
        found = None
    if found is None or found.name != "json":
        raise ServiceError(
            f"\u201c{path.name}\u201d is neither a jmapper library nor a jmapper JSON export; "
            "merge takes a .jmapper file or a JSON export (add other files with "
            "\u2018jmapper import\u2019)."
        )
    reading = read_file(path, "json")
    document = reading.document
    return SourceLibrary(
        path=path,
        name=path.stem,
        kind="JSON",
        bundles=list(document.bundles),
        personas=list(document.personas),
        warnings=list(reading.warnings),
    )


@contextmanager
def reading_only(path: Path) -> Iterator[LibraryStore]:
    """A current library opened strictly for reading, leaving no journal files behind.

    A read-only connection cannot remove the ``-wal``/``-shm`` it makes SQLite
    create, so they are removed here once it is closed (unless another
    program has the library open), and the folder is left as it was.
    """
    before = journal.Companions.of(path)
    try:
        store = LibraryStore(path, read_only=True)
        try:
            yield store
        finally:
            store.close()
    finally:
        journal.remove_created(path, before)


def _read_library(path: Path) -> SourceLibrary:
    """A library file's maps, personas and versions, opened read-only (never changed)."""
    found = probing.probe(path)
    if found.schema == SCHEMA_VERSION:
        with reading_only(path) as store:
            return _contents(store, path)
    # An older library must be upgraded to be read: upgrade a copy, not the source.
    folder = Path(tempfile.mkdtemp(prefix="jmapper-merge-"))
    try:
        copy = folder / path.name
        shutil.copyfile(path, copy)
        for suffix in ("-wal",):
            companion = Path(f"{path}{suffix}")
            if companion.exists():
                shutil.copyfile(companion, Path(f"{copy}{suffix}"))
        with LibraryStore.open(copy) as store:
            return _contents(store, path)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _contents(store: LibraryStore, path: Path) -> SourceLibrary:
    source = SourceLibrary(path=path, name=path.stem, kind="library")
    survey = store.survey_maps()
    source.warnings.extend(
        f"\u201c{problem.title}\u201d in {path.name} cannot be read by this version, "
        "so it was left out of the merge."
        for problem in survey.unreadable
    )
    source.personas = store.list_personas()
    for summary in survey.readable:
        try:
            bundle = store.load_map(summary.id)
        except UnreadableMapError:
            source.warnings.append(
                f"\u201c{summary.title}\u201d in {path.name} cannot be read by this version, "
                "so it was left out of the merge."
            )
            continue
        source.bundles.append(bundle)
        source.snapshots[summary.id] = [
            store.load_snapshot(s.id) for s in store.list_snapshots(summary.id)
        ]
    return source
