"""Turning refused user actions into message boxes, never tracebacks.

Every user action that reaches the model, a service or storage runs inside
:func:`reporting_errors`: a DomainError, ServiceError or LibraryError (each
already one sentence for the user) is shown in a QMessageBox; anything else
is logged with its traceback and shown as a short apology, so the editor
stays up in the middle of a workshop.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QMessageBox, QWidget

from jmapper.model.errors import DomainError
from jmapper.services.errors import ServiceError
from jmapper.services.library_api import LibraryError

log = logging.getLogger(__name__)

#: Errors whose message is a sentence meant for the user.
USER_ERRORS: tuple[type[Exception], ...] = (DomainError, ServiceError, LibraryError)


def show_error(parent: QWidget | None, title: str, sentence: str) -> None:
    QMessageBox.warning(parent, title, sentence)


@contextmanager
def reporting_errors(parent: QWidget | None, title: str) -> Iterator[None]:
    """Show a user-facing error raised in the block as a message box, and swallow it."""
    try:
        yield
    except USER_ERRORS as error:
        log.info("%s refused: %s", title, error)
        show_error(parent, title, str(error))
    except OSError as error:
        log.exception("%s failed", title)
        show_error(parent, title, f"{title} failed: {error.strerror or error}.")
    except Exception:
        log.exception("%s failed", title)
        from jmapper.logging_setup import log_path

        show_error(
            parent,
            title,
            f"{title} could not be completed because of an unexpected problem. "
            f"Your work so far is saved; the details are in {log_path()}.",
        )
