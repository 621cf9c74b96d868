"""Visual order of a measured line: the Unicode bidi algorithm over the whole line.

A line is measured in logical order, split into runs of one font
(:func:`jmapper.layout.text.measure_line`).  To draw it, every backend needs the
same pieces in *visual* order, left to right: runs of one font and one
embedding level, the odd levels drawn right to left (and shaped that way).
Computing this once here keeps the canvas, PNG, SVG and PDF in agreement; the
levels come from python-bidi's implementation of UAX #9 (rules P2 to I2, then
L1 for trailing white space and L2 to reorder), with the line as the paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

#: Characters whose presence makes a line need the bidi algorithm (strong right-to-left
#: letters, their presentation forms, and the explicit direction controls).
_NEEDS_BIDI = re.compile(
    "[\\u0590-\\u08ff\\ufb1d-\\ufdff\\ufe70-\\ufefe\\u200f\\u202b\\u202e\\u2067"
    "\\U00010800-\\U00010fff\\U0001e800-\\U0001efff]"
)


@dataclass(frozen=True)
class VisualRun:
    """One piece of a line in display order: one font, one direction."""

    key: str
    text: str
    rtl: bool


def needs_bidi(text: str) -> bool:
    """True when ``text`` holds right-to-left letters (or controls) to reorder."""
    return _NEEDS_BIDI.search(text) is not None


@lru_cache(maxsize=4096)
def levels(text: str) -> tuple[int, ...]:
    """The resolved embedding level of each character of ``text`` (one paragraph)."""
    from bidi import algorithm

    storage = algorithm.get_empty_storage()
    base = algorithm.get_base_level(text)
    storage["base_level"] = base
    storage["base_dir"] = ("L", "R")[base]
    algorithm.get_embedding_levels(text, storage)
    for index, ch in enumerate(storage["chars"]):
        ch["index"] = index
    algorithm.explicit_embed_and_overrides(storage)
    algorithm.resolve_weak_types(storage)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    resolved = {ch["index"]: int(ch["level"]) for ch in storage["chars"]}
    # X9 removed the controls and joiners (ZWJ is a boundary neutral): they take the
    # level of the character before them, so a joined emoji stays in one piece.
    out: list[int] = []
    for index in range(len(text)):
        out.append(resolved.get(index, out[-1] if out else base))
    # L1: white space at the end of the line takes the paragraph level.
    i = len(text) - 1
    while i >= 0 and (text[i].isspace() or text[i] in "\u200b\u2066\u2067\u2068\u2069"):
        out[i] = base
        i -= 1
    return tuple(out)


def visual_runs(text: str, segments: tuple[tuple[str, str, float], ...]) -> list[VisualRun]:
    """``text``'s font ``segments`` (logical order) cut by level and put in display order."""
    lv = levels(text)
    pieces: list[tuple[str, int, list[str]]] = []
    i = 0
    for key, run, _offset in segments:
        for char in run:
            level = lv[i] if i < len(lv) else 0
            i += 1
            if pieces and pieces[-1][0] == key and pieces[-1][1] == level:
                pieces[-1][2].append(char)
            else:
                pieces.append((key, level, [char]))
    order = list(range(len(pieces)))
    if pieces:
        # L2: from the highest level down to the lowest odd one, reverse every
        # maximal sequence of pieces at that level or above.
        highest = max(level for _k, level, _c in pieces)
        odd = [level for _k, level, _c in pieces if level % 2]
        lowest_odd = min(odd) if odd else highest + 1
        for floor in range(highest, lowest_odd - 1, -1):
            j = 0
            while j < len(order):
                if pieces[order[j]][1] >= floor:
                    k = j
                    while k < len(order) and pieces[order[k]][1] >= floor:
                        k += 1
                    order[j:k] = order[j:k][::-1]
                    j = k
                else:
                    j += 1
    return [VisualRun(pieces[n][0], "".join(pieces[n][2]), pieces[n][1] % 2 == 1) for n in order]
