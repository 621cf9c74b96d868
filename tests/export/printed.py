"""Reading a written PDF as a printer would: the size every character prints at.

pypdf reports each text run with its font size, text matrix and current
transformation (form XObjects included), so the printed size is the font size
times the vertical scale of their product.
"""

from __future__ import annotations

import math
from pathlib import Path

from pypdf import PdfReader


def printed_sizes(path: str | Path) -> list[list[tuple[float, str]]]:
    """Per page, (printed size in points, text) of every non-blank text run."""
    pages = []
    for page in PdfReader(str(path)).pages:
        runs: list[tuple[float, str]] = []

        def visit(text, cm, tm, _font, size, runs=runs) -> None:
            if not text.strip():
                return
            c = tm[2] * cm[0] + tm[3] * cm[2]
            d = tm[2] * cm[1] + tm[3] * cm[3]
            runs.append((size * math.hypot(c, d), text.strip()))

        page.extract_text(visitor_text=visit)
        pages.append(runs)
    return pages


def smallest_per_page(path: str | Path) -> list[float]:
    """The smallest printed text size of each page (inf for a page without text)."""
    return [min((s for s, _t in runs), default=math.inf) for runs in printed_sizes(path)]
