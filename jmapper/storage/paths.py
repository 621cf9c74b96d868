"""Where jmapper keeps the user's library and its log unless told otherwise."""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR_ENV = "JMAPPER_DATA_DIR"  # overrides the platform's data folder (tests, portable installs)


def data_dir() -> Path:
    """``$JMAPPER_DATA_DIR`` when it is set, else the platform's user data folder."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("jmapper", appauthor=False))


def default_library_path() -> Path:
    """``<data dir>/library.jmapper``."""
    return data_dir() / "library.jmapper"
