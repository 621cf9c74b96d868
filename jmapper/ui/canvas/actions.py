"""Every canvas action, named once: the main window puts them in menus, tests find them.

Standard shortcuts come from ``QKeySequence.StandardKey`` where Qt has one, so
they follow the platform (Cmd on macOS).  Shortcuts work while the canvas or a
child of it has focus, so they never fight the inspector's text fields.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

ADD_CARD = "actionAddCard"
ADD_OPPORTUNITY = "actionAddOpportunity"
EDIT_CARD = "actionEditCard"
DELETE = "actionDelete"
COPY = "actionCopy"
PASTE = "actionPaste"
DUPLICATE = "actionDuplicate"
ZOOM_IN = "actionZoomIn"
ZOOM_OUT = "actionZoomOut"
ZOOM_FIT = "actionZoomFit"
ZOOM_100 = "actionZoom100"
FIND = "actionFind"
INSERT_STAGE_BEFORE = "actionInsertStageBefore"
INSERT_STAGE_AFTER = "actionInsertStageAfter"
INSERT_STEP_BEFORE = "actionInsertStepBefore"
INSERT_STEP_AFTER = "actionInsertStepAfter"
INSERT_LANE_ABOVE = "actionInsertLaneAbove"
INSERT_LANE_BELOW = "actionInsertLaneBelow"
DRAW_ARROW = "actionDrawArrow"
EMOTION_UP = "actionEmotionUp"
EMOTION_DOWN = "actionEmotionDown"
ADD_METRIC = "actionAddMetric"
SHOW_KEY = "actionShowKey"
TOGGLE_MOMENT_OF_TRUTH = "actionToggleMomentOfTruth"
VOTE_MODE = "actionVoteMode"
ADD_EVIDENCE = "actionAddEvidence"
ADD_COMMENT = "actionAddComment"
HIDE_LANE = "actionHideLane"
#: View > Hidden Lanes (a submenu the canvas fills: jmapper/ui/canvas/lane_visibility.py).
HIDDEN_LANES = "actionHiddenLanes"
SELECT_LINE = "actionSelectBlueprintLine"
MOVE_LINE_UP = "actionMoveBlueprintLineUp"
MOVE_LINE_DOWN = "actionMoveBlueprintLineDown"

Shortcut = QKeySequence.StandardKey | str | None

#: name -> (menu text, tooltip, shortcut(s)); order is menu order.
SPECS: dict[str, tuple[str, str, tuple[Shortcut, ...]]] = {
    ADD_CARD: ("&Add Card", "Add a card to the selected cell and type its title", ("Ins",)),
    ADD_OPPORTUNITY: (
        "Add &Opportunity",
        "Add an opportunity in the Opportunities lane, in the selected column, and type its title",
        ("Ctrl+Shift+O",),
    ),
    EDIT_CARD: ("&Edit Card Title", "Type a new title for the selected card", ("F2",)),
    DELETE: (
        "&Delete",
        "Delete the selected cards (or the selected stage, step or lane)",
        (QKeySequence.StandardKey.Delete, "Backspace"),
    ),
    COPY: (
        "&Copy",
        "Copy the selected cards; paste them here or into another map",
        (QKeySequence.StandardKey.Copy,),
    ),
    PASTE: (
        "&Paste",
        "Paste copied cards into the selected cell",
        (QKeySequence.StandardKey.Paste,),
    ),
    DUPLICATE: ("D&uplicate", "Duplicate the selected cards just below themselves", ("Ctrl+D",)),
    ZOOM_IN: ("Zoom &In", "Zoom in", (QKeySequence.StandardKey.ZoomIn, "Ctrl+=")),
    ZOOM_OUT: ("Zoom &Out", "Zoom out", (QKeySequence.StandardKey.ZoomOut,)),
    ZOOM_FIT: ("&Fit Map in Window", "Show the whole map", ("Ctrl+0",)),
    ZOOM_100: ("&Actual Size", "Zoom to 100%", ("Ctrl+1",)),
    FIND: ("&Find Card\u2026", "Find a card by its text", (QKeySequence.StandardKey.Find,)),
    INSERT_STAGE_BEFORE: (
        "Insert Stage &Before",
        "Insert a stage before the selected one",
        ("Ctrl+Alt+Left",),
    ),
    INSERT_STAGE_AFTER: (
        "Insert Stage &After",
        "Insert a stage after the selected one",
        ("Ctrl+Alt+Right",),
    ),
    INSERT_STEP_BEFORE: (
        "Insert Step B&efore",
        "Insert a step before the selected column",
        ("Ctrl+Shift+Left",),
    ),
    INSERT_STEP_AFTER: (
        "Insert Step A&fter",
        "Insert a step after the selected column",
        ("Ctrl+Shift+Right",),
    ),
    INSERT_LANE_ABOVE: (
        "Insert Lane A&bove",
        "Insert a lane above the selected one",
        ("Ctrl+Alt+Up",),
    ),
    INSERT_LANE_BELOW: (
        "Insert Lane Be&low",
        "Insert a lane below the selected one",
        ("Ctrl+Alt+Down",),
    ),
    DRAW_ARROW: (
        "Draw A&rrow",
        "Draw an arrow: click the first card, then the second (or Alt-drag from card to card)",
        ("Ctrl+Shift+A",),
    ),
    EMOTION_UP: ("Emotion &Up", "Raise the selected emotion point by one", ("+",)),
    EMOTION_DOWN: ("Emotion Do&wn", "Lower the selected emotion point by one", ("-",)),
    ADD_METRIC: (
        "Add &Metric\u2026",
        "Add a metric value (CSAT, NPS, CES, FCR, ...) for the map or the selected stage, step "
        "or card",
        ("Ctrl+Shift+M",),
    ),
    SHOW_KEY: (
        "Show &Key",
        "Show or hide the key: what every curve, badge, marker, arrow and line on this map means",
        ("Ctrl+K",),
    ),
    TOGGLE_MOMENT_OF_TRUTH: (
        "&Moment of Truth",
        "Mark the selected step as a moment of truth, or unmark it (M)",
        ("M",),
    ),
    VOTE_MODE: (
        "&Vote Mode",
        "Dot voting: click an opportunity, then + or Up adds a vote and - or Down removes one",
        ("Ctrl+Shift+V",),
    ),
    ADD_EVIDENCE: (
        "Add E&vidence\u2026",
        "Attach research (interviews, survey, tickets, ...) to the selected stage, step or card",
        ("Ctrl+Shift+E",),
    ),
    HIDE_LANE: (
        "&Hide Lane",
        "Hide the selected lane (its cards stay); View > Hidden Lanes shows it again",
        (),
    ),
    ADD_COMMENT: (
        "Add Co&mment\u2026",
        "Comment on the selected card, step, stage, lane or opportunity, or on the map",
        ("Ctrl+Alt+M",),
    ),
    SELECT_LINE: (
        "Select Blueprint &Line",
        "Select the next blueprint line (again: the one below); Up / Down then move it",
        ("Ctrl+L",),
    ),
    MOVE_LINE_UP: (
        "Move &Line Up",
        "Move the selected blueprint line up past one lane (or drag the line)",
        ("Alt+Up",),
    ),
    MOVE_LINE_DOWN: (
        "Move Li&ne Down",
        "Move the selected blueprint line down past one lane (or drag the line)",
        ("Alt+Down",),
    ),
}

CHECKABLE = {VOTE_MODE, DRAW_ARROW, SHOW_KEY}

#: Actions for a selected blueprint line (disabled otherwise, so Alt+arrows fall through).
LINE_ACTIONS = (MOVE_LINE_UP, MOVE_LINE_DOWN)

#: The canvas actions the View menu shows (the others are edits).
VIEW_ACTIONS = (ZOOM_IN, ZOOM_OUT, ZOOM_FIT, ZOOM_100, SHOW_KEY, HIDDEN_LANES)


def build_actions(parent: QObject, handlers: dict[str, Callable[[], None]]) -> dict[str, QAction]:
    """Make every action with its name, tooltip and shortcuts, wired to ``handlers``."""
    actions: dict[str, QAction] = {}
    for name, (text, tip, shortcuts) in SPECS.items():
        action = QAction(text, parent)
        action.setObjectName(name)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        keys: list[QKeySequence] = []
        for shortcut in shortcuts:
            if isinstance(shortcut, QKeySequence.StandardKey):
                keys.extend(QKeySequence.keyBindings(shortcut))
            elif shortcut:
                keys.append(QKeySequence(shortcut))
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setCheckable(name in CHECKABLE)
        if name in handlers:
            action.triggered.connect(handlers[name])
        actions[name] = action
    return actions


#: The canvas's context menu: groups of actions, a separator after each.
CONTEXT_MENU: tuple[tuple[str, ...], ...] = (
    (ADD_CARD, ADD_OPPORTUNITY, EDIT_CARD, DUPLICATE, COPY, PASTE, DELETE),
    (ADD_METRIC, ADD_EVIDENCE, ADD_COMMENT),
    (
        INSERT_STAGE_BEFORE,
        INSERT_STAGE_AFTER,
        INSERT_STEP_BEFORE,
        INSERT_STEP_AFTER,
        INSERT_LANE_ABOVE,
        INSERT_LANE_BELOW,
        HIDE_LANE,
    ),
    (DRAW_ARROW, EMOTION_UP, EMOTION_DOWN, TOGGLE_MOMENT_OF_TRUTH, VOTE_MODE),
    (SELECT_LINE, *LINE_ACTIONS),
)


def enable_actions(
    actions: dict[str, QAction],
    has_document: bool,
    editable: bool,
    cards_selected: bool,
    *,
    line_selected: bool = False,
) -> None:
    """Viewing works on any open map, copying needs cards, everything else an editable map."""
    for name, action in actions.items():
        if name in LINE_ACTIONS:
            action.setEnabled(editable and line_selected)
        elif name in (*VIEW_ACTIONS, FIND, SELECT_LINE):
            action.setEnabled(has_document)
        elif name == COPY:
            action.setEnabled(cards_selected)
        elif name == DUPLICATE:
            action.setEnabled(cards_selected and editable)
        else:
            action.setEnabled(editable)
