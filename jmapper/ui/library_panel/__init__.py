"""The library panel: the open library's maps, and undoable map-level operations."""

from jmapper.ui.library_panel.commands import AddMapCommand, DeleteMapCommand
from jmapper.ui.library_panel.panel import LibraryPanel

__all__ = ["AddMapCommand", "DeleteMapCommand", "LibraryPanel"]
