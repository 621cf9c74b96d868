"""Dock widgets of the main window: the inspector and the persona dock."""
