"""One editor per library file: a second start on an open library raises the first window.

Two editors on one library would each hold the maps in memory and
overwrite each other's edits, so the editor that has a library open listens
on a local socket named after the library's resolved path
(:class:`LibraryServer`).  Before anything opens or creates the library, a
new start asks that socket (:func:`ask_running_editor`): if an editor
answers, it brings its window forward and the new start exits without
having touched the file; if nobody listens, the new start goes on.  An
editor that crashed leaves a socket file nobody accepts on; the next one to
serve the library removes it.

With ``JMAPPER_DATA_DIR`` set the socket lives in that folder (tests and
portable installs never meet another user's editors); otherwise the name
carries a digest of the user and the path, in the system's runtime folder.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
import sys
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from jmapper.services.library_api import DATA_DIR_ENV

log = logging.getLogger(__name__)

#: The one request and its answer; a line each, so both ends can tell they are complete.
RAISE = b"raise\n"
RAISED = b"raised\n"
#: How long a new start waits for the running editor, in milliseconds.
ANSWER_TIMEOUT_MS = 3000
#: Unix socket paths longer than this do not fit ``sockaddr_un``; such names go to /tmp.
_MAX_SOCKET_PATH = 100


class Answer(Enum):
    """What :func:`ask_running_editor` found."""

    NOBODY = "nobody"  # no editor has the library open: go on
    RAISED = "raised"  # an editor has it and brought its window forward
    SILENT = "silent"  # an editor has it but did not answer in time


def resolved(library: str | Path) -> Path:
    """The path two starts on the same file agree on (user folder and links resolved)."""
    return Path(library).expanduser().resolve()


def server_name(library: str | Path) -> str:
    """The local socket name for ``library``: its own per user and resolved path."""
    path = str(resolved(library))
    digest = hashlib.sha256(f"{_user()}\0{path}".encode()).hexdigest()[:24]
    name = f"jmapper-{digest}"
    folder = os.environ.get(DATA_DIR_ENV)
    if folder and sys.platform != "win32":
        candidate = Path(folder).expanduser().resolve() / f"{name}.sock"
        if len(str(candidate)) <= _MAX_SOCKET_PATH:
            return str(candidate)
    return name


def ask_running_editor(library: str | Path, timeout_ms: int = ANSWER_TIMEOUT_MS) -> Answer:
    """Ask the editor that has ``library`` open, if any, to raise its window."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(library))
    if not socket.waitForConnected(timeout_ms):
        return Answer.NOBODY
    socket.write(RAISE)
    socket.flush()
    answer = b""
    while not answer.endswith(b"\n") and socket.waitForReadyRead(timeout_ms):
        answer += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return Answer.RAISED if answer == RAISED else Answer.SILENT


def already_open_sentence(library: str | Path, answer: Answer) -> str:
    """What a second start says before it exits."""
    name = resolved(library).name
    if answer is Answer.RAISED:
        return (
            f"\u201c{name}\u201d is already open in jmapper; its window has been brought forward."
        )
    return (
        f"\u201c{name}\u201d is already open in another jmapper that does not answer; "
        "close that jmapper before opening the library again."
    )


class LibraryServer(QObject):
    """Answers other starts on the window's library by raising the window.

    The window calls :meth:`serve` with each library it opens; serving a new
    library stops serving the previous one.
    """

    raised = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._server: QLocalServer | None = None
        self.library: Path | None = None

    def serve(self, library: str | Path) -> bool:
        """Listen for starts on ``library``; False (and logged) if another editor serves it."""
        self.stop()
        name = server_name(library)
        # Ask first: with access options Qt moves its socket into place over any old one.
        if _someone_listens(name):
            log.warning("another jmapper already serves %s", library)
            return False
        QLocalServer.removeServer(name)  # a socket left behind by an editor that crashed
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(name):
            log.warning("cannot serve %s: %s", library, server.errorString())
            server.deleteLater()
            return False
        server.newConnection.connect(self._accept)
        self._server = server
        self.library = resolved(library)
        return True

    def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
            self.library = None

    def _accept(self) -> None:
        server = self._server
        while server is not None and server.hasPendingConnections():
            socket = server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        if bytes(socket.readLine().data()) == RAISE:
            self.bring_forward()
            socket.write(RAISED)
            socket.flush()
        socket.disconnectFromServer()

    def bring_forward(self) -> None:
        """Show the window in front, restored if it was minimised."""
        window = self._window
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        window.raise_()
        window.activateWindow()
        self.raised.emit()


def _someone_listens(name: str) -> bool:
    socket = QLocalSocket()
    socket.connectToServer(name)
    alive = socket.waitForConnected(500)
    socket.abort()
    return alive


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (containers)
        return str(os.getuid()) if hasattr(os, "getuid") else ""
