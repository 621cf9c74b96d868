"""Where log records go: a small rotating file in the data folder, never the terminal.

The terminal gets exactly one sentence per problem (the command line prints
it, the editor shows it); what SQLite or a library said, and tracebacks of
unexpected failures, are kept in ``<data folder>/jmapper.log`` for a bug
report.  The file (and the storage module that knows the data folder) is
opened only when the first record arrives, so ``--version`` stays instant and
commands that log nothing create nothing.  A log that cannot be written is
dropped silently: the terminal is not the place for it either.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_NAME = "jmapper.log"
MAX_BYTES = 512 * 1024  # per file; with one older file kept, at most 1 MB of log
BACKUPS = 1
FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"


def log_path() -> Path:
    """The log file: ``jmapper.log`` in the data folder (``JMAPPER_DATA_DIR`` moves it)."""
    from jmapper.storage.paths import data_dir

    return data_dir() / LOG_NAME


class _QuietRotatingFile(RotatingFileHandler):
    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging API)
        """Drop the record (a full disk, a removed folder): the default prints on stderr."""


class _LogFile(logging.Handler):
    """Writes to a rotating :func:`log_path` file, opened (folder made) at the first record."""

    def __init__(self) -> None:
        super().__init__()
        self._file: _QuietRotatingFile | None = None

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._file is None:
                path = log_path()
                path.parent.mkdir(parents=True, exist_ok=True)
                self._file = _QuietRotatingFile(
                    path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
                )
                self._file.setFormatter(self.formatter)
            self._file.emit(record)
        except Exception:
            self.handleError(record)

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging API)
        """Drop the record (the folder cannot be made): the default prints on stderr."""

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        super().close()


def configure_logging() -> None:
    """Send log records (jmapper's from INFO, everyone's from WARNING) to the log file.

    Safe to call more than once (tests run the command line's ``main`` many
    times): the previous handler is replaced, so a changed data folder takes
    effect.
    """
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, _LogFile)]:
        root.removeHandler(old)
        old.close()
    handler = _LogFile()
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    root.setLevel(logging.WARNING)
    logging.getLogger("jmapper").setLevel(logging.INFO)
