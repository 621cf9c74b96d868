"""Regenerate ``font_metrics.json`` from the bundled TTFs (run once, by hand).

The layout must measure text without Qt or reportlab at run time, so the
advance widths of the bundled fonts are frozen into a small JSON table.  This
script uses reportlab, which is why it lives in tests/ (the layout stays reportlab-free):
``python tests/layout/gen_font_metrics.py`` after changing a bundled font.
"""

from __future__ import annotations

import json
from pathlib import Path

FONTS = {
    "regular": "DejaVuSans.ttf",
    "bold": "DejaVuSans-Bold.ttf",
    "fallback": "DroidSansFallbackFull.ttf",
    "arabic": "NotoSansArabic-Regular.ttf",
    "hebrew": "NotoSansHebrew-Regular.ttf",
    "thai": "NotoSansThai-Regular.ttf",
    "devanagari": "NotoSansDevanagari-Regular.ttf",
    "hangul": "NotoSansKR-Hangul.ttf",
    "emoji": "NotoEmoji-Regular.ttf",
}


def _runs(widths: dict[int, float]) -> list[list[float]]:
    """Codepoint -> width as [first, last, width] runs (1/1000 em), equal neighbours merged."""
    runs: list[list[float]] = []
    for cp in sorted(widths):
        width = round(widths[cp], 2)
        if runs and runs[-1][1] == cp - 1 and runs[-1][2] == width:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp, width])
    return runs


def main() -> None:
    from reportlab.pdfbase.ttfonts import TTFontFile

    root = Path(__file__).resolve().parents[2] / "jmapper"
    font_dir = root / "resources" / "fonts"
    table: dict[str, object] = {}
    for key, name in FONTS.items():
        face = TTFontFile(str(font_dir / name))
        table[key] = {
            "file": name,
            "ascent": round(face.ascent, 2),
            "descent": round(face.descent, 2),
            "default_width": round(face.defaultWidth, 2),
            "runs": _runs({cp: w for cp, w in face.charWidths.items() if cp >= 32}),
        }
    out = root / "layout" / "font_metrics.json"
    out.write_text(json.dumps(table, separators=(",", ":")), encoding="utf-8")


if __name__ == "__main__":
    main()
