"""Writing output files so that a failure never leaves a half-written file.

The data goes to a temporary file in the destination folder, is flushed to
disk, and then replaces the destination in one rename: an existing file is
either the old one or the complete new one, never something in between.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from jmapper.services.errors import ServiceError


def write_atomically(path: str | Path, data: bytes | str) -> Path:
    """Write ``data`` to ``path`` atomically; raise ServiceError with a sentence on failure."""
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ServiceError(
            f"Cannot write \u201c{target}\u201d: the folder \u201c{folder}\u201d does not exist."
        )
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise ServiceError(
            f"Cannot write \u201c{target}\u201d: {error.strerror or error}. "
            "Choose a folder you can write to."
        ) from error
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, target)
    except OSError as error:
        Path(temp_name).unlink(missing_ok=True)
        raise ServiceError(
            f"Cannot write \u201c{target}\u201d: {error.strerror or error}. "
            "Choose a path you can write to."
        ) from error
    return target
