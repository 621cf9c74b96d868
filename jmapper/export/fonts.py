"""The bundled fonts, registered with reportlab once per process.

Font keys come from the layout (regular, bold, the CJK fallback and one face
per script: Arabic, Hebrew, Thai, Devanagari, Hangul, emoji); the fallback faces
supply the glyphs the main font lacks, so no script prints as hollow boxes.
With ``uharfbuzz`` installed reportlab can shape them (``shaping.py``).
"""

from __future__ import annotations

import threading
from contextlib import ExitStack
from importlib import resources

from jmapper.layout.text import (
    ARABIC,
    BOLD,
    DEVANAGARI,
    EMOJI,
    FALLBACK,
    HANGUL,
    HEBREW,
    REGULAR,
    THAI,
)

FONT_FILES = {
    REGULAR: ("JM-Sans", "DejaVuSans.ttf"),
    BOLD: ("JM-Sans-Bold", "DejaVuSans-Bold.ttf"),
    FALLBACK: ("JM-Fallback", "DroidSansFallbackFull.ttf"),
    ARABIC: ("JM-Arabic", "NotoSansArabic-Regular.ttf"),
    HEBREW: ("JM-Hebrew", "NotoSansHebrew-Regular.ttf"),
    THAI: ("JM-Thai", "NotoSansThai-Regular.ttf"),
    DEVANAGARI: ("JM-Devanagari", "NotoSansDevanagari-Regular.ttf"),
    HANGUL: ("JM-Hangul", "NotoSansKR-Hangul.ttf"),
    EMOJI: ("JM-Emoji", "NotoEmoji-Regular.ttf"),
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
    """Register the bundled faces with reportlab (idempotent, thread-safe)."""
    global _registered
    with _lock:
        if _registered:
            return
        from reportlab.pdfbase import pdfmetrics, ttfonts
        from reportlab.pdfbase.ttfonts import TTFont

        ttfonts.makeToUnicodeCMap = to_unicode_cmap
        for name, file_name in FONT_FILES.values():
            pdfmetrics.registerFont(TTFont(name, font_path(file_name)))
        _registered = True


def _utf16_hex(code: int) -> str:
    return chr(code).encode("utf-16-be", "surrogatepass").hex().upper()


def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap for one font subset, with characters past U+FFFF right.

    Why: reportlab writes each code's character as ``<%04X>``, five hex digits for an
    emoji, which a PDF reader rejects (no emoji copied or searched); the PDF wants
    UTF-16BE, a surrogate pair for such a character.
    """
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *(f"<{i:02X}> <{_utf16_hex(v)}>" for i, v in enumerate(subset)),
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )
