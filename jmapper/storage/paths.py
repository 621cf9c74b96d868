"""Where the user's library lives unless they choose another file."""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR_ENV = "JMAPPER_DATA_DIR"  # overrides the platform's data folder (tests, portable installs)


def default_library_path() -> Path:
    """``<user data dir>/library.jmapper``, or under ``$JMAPPER_DATA_DIR`` when it is set."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser() / "library.jmapper"
    from platformdirs import user_data_dir

    return Path(user_data_dir("jmapper", appauthor=False)) / "library.jmapper"
