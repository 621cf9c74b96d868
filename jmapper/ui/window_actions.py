"""The main window's actions as one declarative table: id, text, shortcut, tooltip, handler, menu.

Adding a command to the editor is one row here (plus its handler); the
window builds its menus from the table in order, so menus, shortcuts and
tooltips cannot drift apart.  Menu entries that are not plain actions (the
recent-libraries submenu, undo and redo from the undo group, the canvas's
own actions, the docks' show/hide toggles) are named by a placeholder row.
The handlers are typed against :class:`ActionWindow`, the part of the main
window they call, so this module never imports the window that imports it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QStatusBar, QWidget

from jmapper.ui import action_names as names

if TYPE_CHECKING:
    from jmapper.document import JourneyDocument
    from jmapper.services.library_api import Library
    from jmapper.ui.dialogs.review_commands import ReviewWindow
    from jmapper.ui.library_panel.operations import MapOperations

Std = QKeySequence.StandardKey


class ActionWindow(Protocol):
    """What the menu handlers call on the window: its commands and how it shows a dialog."""

    @property
    def operations(self) -> MapOperations: ...

    @property
    def document(self) -> JourneyDocument | None: ...

    @property
    def library(self) -> Library: ...

    def statusBar(self) -> QStatusBar: ...  # noqa: N802 (Qt's name)

    def open_library_file(self) -> None: ...

    def export_map(self) -> QDialog | None: ...

    def save_snapshot(self) -> QDialog | None: ...

    def show_snapshots(self) -> QDialog | None: ...

    def toggle_presentation(self) -> None: ...

    def leave_presentation(self) -> None: ...

    def close(self) -> bool: ...

    def show_dialog(self, dialog: QDialog, modal: bool = True) -> QDialog: ...

    def window(self) -> QWidget:
        """The top-level widget dialogs open over (Qt's own ``QWidget.window``)."""
        ...


@dataclass(frozen=True)
class ActionSpec:
    """One menu entry.

    ``handler`` receives the window and returns the callable to run, so the
    table can name methods of objects the window creates later (its
    operations, its canvas).  ``keys`` are literal shortcuts and
    ``standard_keys`` the platform's bindings, in that order.
    """

    name: str
    text: str
    tip: str
    handler: Callable[[ActionWindow], Callable[[], object]]
    menu: str
    keys: tuple[str, ...] = ()
    standard_keys: tuple[QKeySequence.StandardKey, ...] = ()
    checkable: bool = False
    separator_before: bool = False
    #: "map" actions need an open map and a writable library; "writable" only the latter.
    needs: str = ""


@dataclass(frozen=True)
class Placeholder:
    """A place in a menu the window fills itself (``what`` says with what)."""

    what: str
    menu: str
    separator_before: bool = False
    extra: dict[str, str] = field(default_factory=dict)


Entry = ActionSpec | Placeholder

MENUS: tuple[tuple[str, str], ...] = (
    ("file", "&File"),
    ("edit", "&Edit"),
    ("view", "&View"),
    ("map", "&Map"),
    ("help", "&Help"),
)

ACTIONS: tuple[Entry, ...] = (
    ActionSpec(
        names.NEW_MAP,
        "&New Map…",
        "Start a new map from a template or a sample",
        lambda w: w.operations.new_map,
        "file",
        standard_keys=(Std.New,),
        needs="writable",
    ),
    ActionSpec(
        names.OPEN_LIBRARY,
        "&Open Library…",
        "Open another library file",
        lambda w: w.open_library_file,
        "file",
        standard_keys=(Std.Open,),
    ),
    Placeholder("recent", "file"),
    ActionSpec(
        names.IMPORT_JSON,
        "&Import…",
        "Add the maps of a JSON, CSV, XLSX or Mermaid journey file to this library",
        lambda w: w.operations.import_json,
        "file",
        separator_before=True,
        needs="writable",
    ),
    ActionSpec(
        names.IMPORT_CONTACTS,
        "Import &Contact Data…",
        "Add a contact-centre export (CSAT, NPS, CES, repeats, handle time) to the map's metrics",
        lambda w: _contact_import(w),
        "file",
        needs="map",
    ),
    ActionSpec(
        names.MERGE_LIBRARY,
        "&Merge Library\u2026",
        "Bring the maps of other libraries (or JSON exports) into this one; one undo step",
        lambda w: w.operations.merge_library,
        "file",
        needs="writable",
    ),
    ActionSpec(
        names.EXPORT,
        "&Export…",
        "Export the open map as PDF, PNG, SVG, JSON, CSV, XLSX or a Mermaid journey",
        lambda w: w.export_map,
        "file",
        keys=("Ctrl+E",),
        needs="open",
    ),
    ActionSpec(
        names.SAVE_SNAPSHOT,
        "&Save Version…",
        "Every change is already saved; keep a named version of the map to come back to",
        lambda w: w.save_snapshot,
        "file",
        standard_keys=(Std.Save,),
        separator_before=True,
        needs="map",
    ),
    ActionSpec(
        names.SNAPSHOTS,
        "&Versions…",
        "See the map's named versions and restore one",
        lambda w: w.show_snapshots,
        "file",
        needs="open",
    ),
    ActionSpec(
        names.QUIT,
        "&Quit",
        "Close jmapper (everything is already saved)",
        lambda w: w.close,
        "file",
        standard_keys=(Std.Quit,),
        keys=("Ctrl+Q",),
        separator_before=True,
    ),
    Placeholder("undo_redo", "edit"),
    Placeholder("canvas_edit", "edit", separator_before=True),
    Placeholder("canvas_view", "view"),
    ActionSpec(
        names.PRESENTATION,
        "&Presentation",
        "Full screen with only the map, for the projector (Esc leaves)",
        lambda w: w.toggle_presentation,
        "view",
        keys=("F11",),
        standard_keys=(Std.FullScreen,),
        checkable=True,
        separator_before=True,
    ),
    ActionSpec(
        names.LEAVE_PRESENTATION,
        "Leave Presentation",
        "Back to the editor",
        lambda w: w.leave_presentation,
        "",
        keys=("Esc",),
    ),
    Placeholder("dock_toggles", "view", separator_before=True),
    ActionSpec(
        names.DUPLICATE_MAP,
        "D&uplicate Map",
        "Copy the open map under a new title",
        lambda w: w.operations.duplicate,
        "map",
        needs="map",
    ),
    ActionSpec(
        names.DERIVE_FUTURE_STATE,
        "Derive &Future State",
        "Start a future-state map from this current-state map (stages, lanes and cards are copied)",
        lambda w: w.operations.derive_future_state,
        "map",
        needs="map",
    ),
    ActionSpec(
        names.RENAME_MAP,
        "&Rename Map…",
        "Give the open map a new title",
        lambda w: w.operations.rename,
        "map",
        needs="map",
    ),
    ActionSpec(
        names.DELETE_MAP,
        "&Delete Map…",
        "Delete the open map from the library (undoable)",
        lambda w: w.operations.delete,
        "map",
        needs="map",
    ),
    ActionSpec(
        names.AGREE_PRIORITIES,
        "&Agree Priorities…",
        "Make the top opportunities (by votes or by score) priorities, once each has an owner, "
        "a metric and a due date",
        lambda w: lambda: _agree_priorities(w),
        "map",
        separator_before=True,
        needs="map",
    ),
    ActionSpec(
        names.START_REVIEW,
        "Start Re&view",
        "Record a review today: a named version, the last-reviewed date and the next review by "
        "the map's cadence; shows what changed since the previous review",
        lambda w: lambda: _review("start_review", w),
        "map",
        separator_before=True,
        needs="map",
    ),
    ActionSpec(
        names.REVIEW_REPORT,
        "Review Re&port",
        "What changed since the last review: emotions, touchpoints, pain points, priorities",
        lambda w: lambda: _review("show_review_report", w),
        "map",
        needs="open",
    ),
    ActionSpec(
        names.ABOUT,
        "&About jmapper",
        "jmapper's version and licence, and the licences of the fonts and libraries it ships",
        lambda w: lambda: _show_about(w),
        "help",
    ),
)


def _review(command: str, window: ActionWindow) -> object:
    """Map > Start Review / Review Report; the module loads when first asked."""
    from jmapper.ui.dialogs import review_commands

    run: Callable[[ReviewWindow], object] = getattr(review_commands, command)
    return run(window)


def _show_about(window: ActionWindow) -> object:
    """Help > About; the dialog's module loads when first asked, not at start-up."""
    from jmapper.ui.dialogs.about import AboutDialog

    return window.show_dialog(AboutDialog(window.window()), modal=False)


def _agree_priorities(window: ActionWindow) -> object:
    """Map > Agree Priorities; the dialog's module loads when first asked."""
    from jmapper.ui.dialogs.agree_priorities import AgreePrioritiesDialog

    document = getattr(window, "document", None)
    if document is None:
        return None
    return window.show_dialog(AgreePrioritiesDialog(document, window.window()))


def shortcuts(spec: ActionSpec) -> list[QKeySequence]:
    """The spec's literal keys, then the platform's standard ones, without repeats."""
    found: list[QKeySequence] = []
    for sequence in [QKeySequence(k) for k in spec.keys] + [
        binding for key in spec.standard_keys for binding in QKeySequence.keyBindings(key)
    ]:
        if not sequence.isEmpty() and sequence not in found:
            found.append(sequence)
    return found


def _contact_import(window: ActionWindow) -> Callable[[], object]:
    """File > Import Contact Data… (the dialog module loads only when it is used)."""

    def run() -> object:
        from jmapper.ui.dialogs.contact_import import open_contact_import

        return open_contact_import(window)

    return run
