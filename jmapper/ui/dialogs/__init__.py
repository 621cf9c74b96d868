"""Dialogs of the editor: new map, text prompts, snapshots, export (imported lazily)."""
