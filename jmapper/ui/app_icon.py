"""jmapper's icon for windows and dialogs, from the one SVG in the package.

Qt draws an SVG icon afresh for every size and device pixel ratio it is
asked for, so HiDPI screens get a sharp title-bar, task-bar and dialog icon
without a PNG per scale.  The desktop entry and the bundles use the same
drawing (packaging/linux/make_icons.py renders their PNGs from it).
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtGui import QIcon

#: The icon's file inside the package.
ICON_PARTS = ("resources", "icons", "jmapper.svg")


def app_icon() -> QIcon:
    """The application icon (scalable: Qt's SVG icon engine renders each size on demand)."""
    with resources.as_file(resources.files("jmapper").joinpath(*ICON_PARTS)) as path:
        return QIcon(str(path))
