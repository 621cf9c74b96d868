"""Storage fixtures: every test works on a real library file in tmp_path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from jmapper.storage import LibraryStore


@pytest.fixture
def library(tmp_path: Path) -> Iterator[LibraryStore]:
    store = LibraryStore.create(tmp_path / "lib.jmapper", busy_timeout=0.2)
    yield store
    store.close()
