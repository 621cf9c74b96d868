"""Writing output files so that a failure never leaves a half-written file.

Every file jmapper exports (JSON here, PDF through reportlab, PNG and SVG
through Qt) goes through :func:`atomic_output`: the writer fills a temporary
file beside the target, which is then flushed to disk (``fsync``) and renamed
over the target in one step, and the folder is flushed so the rename itself
survives a power cut.  The target is either the old file or the complete new
one, never something in between.

The temporary file is ``.<target name>.<pid>.<random>.part``.  A process
killed mid-write cannot remove it, so the next write to the same target
removes the ones whose writer process is gone.  It is created with mode
0666 minus the user's umask, like any file the user's tools create.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

from jmapper.services.errors import ServiceError

_SUFFIX = ".part"


def check_output_path(path: str | Path) -> Path:
    """``path`` as a Path if a file can be created there; ServiceError with a sentence if not."""
    target = Path(path)
    folder = target.parent
    if target.is_dir():
        raise ServiceError(
            f"Cannot write \u201c{target}\u201d: it is a folder; name a file inside it instead."
        )
    if not folder.is_dir():
        raise ServiceError(
            f"Cannot write \u201c{target}\u201d: the folder \u201c{folder}\u201d does not exist; "
            "create it or choose another folder."
        )
    return target


@contextlib.contextmanager
def atomic_output(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path for the writer; on success it replaces ``path`` durably.

    If the block raises, the temporary file is removed and ``path`` is untouched.
    """
    target = check_output_path(path)
    remove_stale_parts(target)
    temp = _create_part(target)
    try:
        yield temp
        _fsync_file(temp)
        os.replace(temp, target)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise ServiceError(
            f"Cannot write \u201c{target}\u201d: {error.strerror or error}. "
            "Choose a path you can write to."
        ) from error
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_folder(target.parent)


def write_atomically(path: str | Path, data: bytes | str) -> Path:
    """Write ``data`` to ``path`` atomically; raise ServiceError with a sentence on failure."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_output(path) as temp:
        temp.write_bytes(payload)
    return Path(path)


def remove_stale_parts(target: Path) -> None:
    """Remove temporary files for ``target`` left by writers that no longer run."""
    prefix = f".{target.name}."
    try:
        entries = list(target.parent.iterdir())
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if not (name.startswith(prefix) and name.endswith(_SUFFIX)):
            continue
        pid_text = name[len(prefix) :].split(".", 1)[0]
        if pid_text.isdigit() and not _process_exists(int(pid_text)):
            with contextlib.suppress(OSError):
                entry.unlink()


def _create_part(target: Path) -> Path:
    """A new empty temporary file beside ``target``, created with the user's umask."""
    for _ in range(100):
        temp = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}{_SUFFIX}")
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        except OSError as error:
            raise ServiceError(
                f"Cannot write \u201c{target}\u201d: {error.strerror or error}. "
                "Choose a folder you can write to."
            ) from error
        os.close(fd)
        return temp
    raise ServiceError(f"Cannot write \u201c{target}\u201d: no temporary name was free.")


def _process_exists(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return True  # no cheap check: keep the file rather than remove a live writer's
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # alive, but another user's
    return True


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable; folders cannot be opened for syncing on every system."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
