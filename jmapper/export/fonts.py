"""The bundled fonts, registered with reportlab once per process.

Font keys come from the layout (regular, bold, fallback); the fallback face
supplies the glyphs the main font lacks, so CJK never prints as hollow boxes.
"""

from __future__ import annotations

import threading
from contextlib import ExitStack
from importlib import resources

from jmapper.layout.text import BOLD, FALLBACK, REGULAR

FONT_FILES = {
    REGULAR: ("JM-Sans", "DejaVuSans.ttf"),
    BOLD: ("JM-Sans-Bold", "DejaVuSans-Bold.ttf"),
    FALLBACK: ("JM-Fallback", "DroidSansFallbackFull.ttf"),
}

#: Layout font key -> registered reportlab font name.
FONT_NAMES = {key: name for key, (name, _file) in FONT_FILES.items()}

_lock = threading.Lock()
_registered = False
_files = ExitStack()


def font_path(file_name: str) -> str:
    """A real filesystem path to a bundled font (extracted once if the package is zipped)."""
    ref = resources.files("jmapper").joinpath("resources", "fonts", file_name)
    return str(_files.enter_context(resources.as_file(ref)))


def register_fonts() -> None:
    """Register the three faces with reportlab (idempotent, thread-safe)."""
    global _registered
    with _lock:
        if _registered:
            return
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        for name, file_name in FONT_FILES.values():
            pdfmetrics.registerFont(TTFont(name, font_path(file_name)))
        _registered = True
