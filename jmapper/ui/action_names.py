"""Stable objectNames of every QAction: tests and settings find actions by these."""

UNDO = "actionUndo"
REDO = "actionRedo"
QUIT = "actionQuit"
