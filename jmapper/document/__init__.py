"""The editable document: one map, its undo stack and change signals."""

from jmapper.document.document import ChangeStore, JourneyDocument

__all__ = ["ChangeStore", "JourneyDocument"]
