"""Qt widgets: the editor's windows, docks and dialogs (never SQLAlchemy or reportlab)."""
