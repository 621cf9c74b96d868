"""Composition root: parse the command line, run a command or start the editor.

``jmapper [LIBRARY]`` starts the editor; ``jmapper COMMAND ...`` runs one of
the commands in :mod:`jmapper.cli.commands`.  Errors print one sentence on
stderr and exit 1; usage errors exit 2; nothing prints a traceback.
Heavy modules (Qt, SQLAlchemy, reportlab, alembic) are imported only by the
code path that needs them, so ``--version`` and ``templates`` are instant and
the editor's start-up pays only for Qt and storage.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence

from jmapper import __version__
from jmapper.cli.parser import COMMANDS, UsageError, build_editor_parser, parse_command
from jmapper.logging_setup import configure_logging

log = logging.getLogger("jmapper")


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    configure_logging()
    try:
        code = _dispatch(args_list)
        # Flush here, not at interpreter exit, so a closed pipe is caught below.
        sys.stdout.flush()
    except BrokenPipeError:
        return _reader_gone()
    except Exception as error:  # noqa: BLE001 - the last line of defence, see below
        return _unexpected(error)
    return code


def _unexpected(error: Exception) -> int:
    """A bug escaped every command's own checks: one sentence, the details in the log.

    Each command refuses what it expects (bad files, options, libraries) itself and
    writes through temporary files and transactions, so an error reaching here has left
    every file as it was; the user still deserves a sentence rather than a traceback.
    """
    from jmapper.logging_setup import log_path

    log.error("Unexpected error", exc_info=error)
    print(
        f"jmapper: An unexpected error stopped this command ({type(error).__name__}: "
        f"{error}); no file was left half-written. The details are in {log_path()}; "
        "please report them.",
        file=sys.stderr,
    )
    return 1


def _dispatch(args_list: list[str]) -> int:
    try:
        if args_list and args_list[0] in COMMANDS:
            args = parse_command(args_list)
            from jmapper.cli.commands import run_command

            return run_command(args)
        editor_args = build_editor_parser().parse_args(args_list)
    except UsageError as error:
        print(f"jmapper: {error}", file=sys.stderr)
        return 2
    if editor_args.version:
        print(f"jmapper {__version__}")
        return 0
    from jmapper.ui.editor_app import run_editor

    return run_editor(
        editor_args.library, quit_after_first_paint=editor_args.quit_after_first_paint
    )


def _reader_gone() -> int:
    """The reader of stdout closed it (``jmapper maps LIB | head -1``): stop quietly.

    The standard recipe: point stdout at devnull so the interpreter's final
    flush cannot raise again, and exit 1 without a message, as ``head`` expects.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return 1
