"""Stable objectNames of every QAction the main window owns.

Tests, settings and documentation find actions by these names, so a name is
never reused for another action and never changes once released.  The
canvas's own actions (add card, zoom, find ...) are named by the canvas.
"""

# File
NEW_MAP = "actionNewMap"
OPEN_LIBRARY = "actionOpenLibrary"
RECENT_LIBRARIES = "actionRecentLibraries"
CLEAR_RECENT = "actionClearRecentLibraries"
IMPORT_JSON = "actionImportJson"
MERGE_LIBRARY = "actionMergeLibrary"
IMPORT_CONTACTS = "actionImportContacts"
EXPORT = "actionExport"
SAVE_SNAPSHOT = "actionSaveSnapshot"
SNAPSHOTS = "actionSnapshots"
QUIT = "actionQuit"

# Edit
UNDO = "actionUndo"
REDO = "actionRedo"

# View
PRESENTATION = "actionPresentation"
LEAVE_PRESENTATION = "actionLeavePresentation"
SHOW_LIBRARY = "actionShowLibraryDock"
SHOW_INSPECTOR = "actionShowInspectorDock"
SHOW_PERSONAS = "actionShowPersonaDock"
SHOW_OPPORTUNITY_REGISTER = "actionShowOpportunityRegister"
SHOW_PRIORITY_MATRIX = "actionShowPriorityMatrix"
SHOW_HEALTH = "actionShowHealthDock"
SHOW_COMMENTS = "actionShowCommentsDock"
SHOW_EVIDENCE = "actionShowEvidenceDock"
START_REVIEW = "actionStartReview"
REVIEW_REPORT = "actionReviewReport"
COMPARE_MAPS = "actionCompareMaps"

# Map
DUPLICATE_MAP = "actionDuplicateMap"
DERIVE_FUTURE_STATE = "actionDeriveFutureState"
RENAME_MAP = "actionRenameMap"
DELETE_MAP = "actionDeleteMap"
AGREE_PRIORITIES = "actionAgreePriorities"

# Help
ABOUT = "actionAbout"
