"""Optional pages after the map: action plan, priority matrix, persona.

Laid out with the same text measurement as the map, so long values wrap
inside their cells and an action plan too long for one page continues on
the next one.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Callable, Sequence

from reportlab.lib.utils import ImageReader

from jmapper.drawing.painter import Painter
from jmapper.drawing.text import draw_label
from jmapper.export.furniture import Piece, persona_line
from jmapper.export.options import MM, ExportError
from jmapper.layout.boxes import Rect
from jmapper.layout.priority import (
    BIG_BET,
    FILL_IN,
    HIGH,
    MONEY_PIT,
    QUADRANT_ORDER,
    QUICK_WIN,
    quadrant,
)
from jmapper.layout.text import text_width, wrap
from jmapper.model.bundle import MapBundle
from jmapper.model.entities import Opportunity
from jmapper.style import OKABE_ITO, Style, text_colour_on

PageFn = Callable[[Painter, int, int], None]
TitleBlock = Callable[[str], Piece]
Warn = Callable[[str], None]


def make_logo(path: str | None) -> Callable[[Painter, Rect], None] | None:
    """A drawing function for the client's logo, scaled into a box keeping its aspect."""
    if not path:
        return None
    try:
        with open(path, "rb") as file:
            data = file.read()
        iw, ih = ImageReader(io.BytesIO(data)).getSize()
    except Exception as exc:  # reportlab raises several types for unreadable images
        raise ExportError(
            f"The logo {path} could not be read as an image; choose a PNG or JPEG file."
        ) from exc
    return _image_drawer(data, iw, ih)


def _image_drawer(data: bytes, iw: int, ih: int) -> Callable[[Painter, Rect], None]:
    """Draws an encoded ``iw`` x ``ih`` image as large as fits its box, top left."""

    def draw(painter: Painter, box: Rect) -> None:
        scale = min(box.w / iw, box.h / ih)
        painter.image(data, Rect(box.x, box.y, iw * scale, ih * scale))

    return draw


def _page_heading(
    pen: Painter, title: str, subtitle: str, x: float, y: float, width: float, accent: str
) -> float:
    draw_label(pen, x, y + 18, title, 18, bold=True)
    draw_label(pen, x, y + 34, subtitle, 10, fill="#555555")
    pen.rect(Rect(x, y + 42, width, 2), fill=accent)
    return y + 54


def footer(
    pen: Painter, block: TitleBlock, number: int, total: int, pw: float, ph: float, m: float
) -> float:
    """Draw the title block bottom right; returns the y above which content must stay."""
    tb = block(f"{number} of {total}")
    tb.draw(pen, pw - m - tb.w, ph - m - tb.h)
    return ph - m - tb.h - 8


def _sorted_opportunities(bundle: MapBundle) -> list[Opportunity]:
    def key(opp: Opportunity) -> tuple[int, int, str]:
        return (QUADRANT_ORDER.index(quadrant(opp)), -(opp.impact or 0), opp.title)

    return sorted(bundle.opportunities.values(), key=key)


# -- action plan ------------------------------------------------------------------------
_COLUMNS = (
    ("Opportunity", 0.27),
    ("Priority", 0.09),
    ("Owner", 0.12),
    ("Metric", 0.14),
    ("Baseline \u2192 target", 0.14),
    ("Due", 0.08),
    ("Status", 0.08),
    ("Impact x feas.", 0.08),
)


def _action_cells(opp: Opportunity) -> list[str]:
    text = opp.title + (f"\n{opp.description}" if opp.description else "")
    span = f"{opp.baseline or '?'} \u2192 {opp.target or '?'}" if opp.baseline or opp.target else ""
    score = f"{opp.impact or '?'} x {opp.feasibility or '?'}"
    return [
        text,
        quadrant(opp) or "unscored",
        opp.owner or "\u2013 none \u2013",
        opp.metric or "\u2013",
        span or "\u2013",
        opp.due_date.isoformat() if opp.due_date else "\u2013",
        opp.status.label,
        score,
    ]


def action_pages(
    bundle: MapBundle, pw: float, ph: float, m: float, accent: str, block: TitleBlock
) -> list[PageFn]:
    width = pw - 2 * m
    size, lh = 8.0, 10.5
    widths = [width * share for _n, share in _COLUMNS]
    rows = []
    for opp in _sorted_opportunities(bundle):
        texts = _action_cells(opp)
        cells = [wrap(text, size, w - 8) for text, w in zip(texts, widths, strict=True)]
        rows.append((cells, max(len(c) for c in cells) * lh + 8))
    probe = block("0 of 0")
    top, bottom = m + 54 + 18, ph - m - probe.h - 8
    chunks: list[list[tuple[list[list[str]], float]]] = [[]]
    y = top
    for row in rows:
        if chunks[-1] and y + row[1] > bottom:
            chunks.append([])
            y = top
        chunks[-1].append(row)
        y += row[1]

    def page(chunk: list[tuple[list[list[str]], float]], part: int) -> PageFn:
        def draw(pen: Painter, number: int, total: int) -> None:
            suffix = f" (continued, part {part + 1})" if part else ""
            _page_heading(pen, "Action plan" + suffix, bundle.map.title, m, m, width, accent)
            footer(pen, block, number, total, pw, ph, m)
            x = m
            head_fill, head_text = accent, text_colour_on(accent)
            pen.rect(Rect(m, top - 18, width, 18), fill=head_fill)
            for (name, _share), w in zip(_COLUMNS, widths, strict=True):
                draw_label(pen, x + 4, top - 6, name, 8, bold=True, fill=head_text)
                x += w
            y = top
            for i, (cells, h) in enumerate(chunk):
                if i % 2:
                    pen.rect(Rect(m, y, width, h), fill="#F3F3F3")
                x = m
                for j, (lines, w) in enumerate(zip(cells, widths, strict=True)):
                    for k, line in enumerate(lines):
                        bold = j == 0 and k == 0
                        draw_label(pen, x + 4, y + 4 + (k + 1) * lh - 2.5, line, size, bold=bold)
                    x += w
                pen.line(m, y + h, m + width, y + h, "#C4C4C4", 0.5)
                y += h
            if not chunk:
                draw_label(
                    pen, m, top + 14, "No opportunities on this map yet.", 10, fill="#555555"
                )

        return draw

    return [page(chunk, i) for i, chunk in enumerate(chunks)]


# -- priority matrix --------------------------------------------------------------------
def _axis(score: int, side: float) -> float:
    """Position of a 1-5 score along a matrix axis, inside the half its quadrant owns."""
    half = side / 2
    if score >= HIGH:
        return half + (min(score, 5) - HIGH + 0.5) / (6 - HIGH) * half
    return (max(score, 1) - 0.5) / (HIGH - 1) * half


def matrix_page(
    bundle: MapBundle, pw: float, ph: float, m: float, accent: str, block: TitleBlock
) -> PageFn:
    def draw(pen: Painter, number: int, total: int) -> None:
        width = pw - 2 * m
        top = _page_heading(
            pen,
            "Priority matrix",
            f"{bundle.map.title} \u2013 impact x feasibility",
            m,
            m,
            width,
            accent,
        )
        bottom = footer(pen, block, number, total, pw, ph, m)
        opps = [
            o
            for o in _sorted_opportunities(bundle)
            if o.impact is not None and o.feasibility is not None
        ]
        key_w = min(width * 0.38, 110 * MM)
        side = min(width - key_w - 40, bottom - top - 30)
        gx, gy = m + 26, top + 4
        quads = (
            (QUICK_WIN, 1, 0, OKABE_ITO["bluish_green"]),
            (BIG_BET, 0, 0, OKABE_ITO["blue"]),
            (FILL_IN, 1, 1, OKABE_ITO["sky_blue"]),
            (MONEY_PIT, 0, 1, OKABE_ITO["vermillion"]),
        )
        half = side / 2
        for name, qx, qy, col in quads:
            r = Rect(gx + qx * half, gy + qy * half, half, half)
            pen.rect(r, fill="#FAFAFA", stroke=col, width=1.2)
            draw_label(pen, r.x + 6, r.y + 14, name, 11, bold=True)
        draw_label(
            pen,
            gx + side / 2,
            gy + side + 16,
            "Feasibility \u2192 (1 hard \u2013 5 easy)",
            8,
            align="center",
        )
        pen.save()
        pen.translate(gx - 10, gy + side / 2)
        pen.rotate(-90)
        draw_label(pen, 0, 0, "Impact \u2192 (1 low \u2013 5 high)", 8, align="center")
        pen.restore()
        placed: dict[tuple[int, int], int] = {}
        for i, opp in enumerate(opps, start=1):
            cell = (opp.feasibility or 0, opp.impact or 0)
            k = placed.get(cell, 0)
            placed[cell] = k + 1
            x = gx + _axis(cell[0], side) + (k % 3) * 14 - 14
            y = gy + side - _axis(cell[1], side) + (k // 3) * 14 - 7
            pen.ellipse(x, y, 6.5, accent, "#1A1A1A", 0.5)
            draw_label(
                pen, x, y + 2.8, str(i), 7, bold=True, fill=text_colour_on(accent), align="center"
            )
        kx = gx + side + 30
        ky = gy + 10
        for i, opp in enumerate(opps, start=1):
            lines = wrap(
                f"{i}. {opp.title} \u2013 {quadrant(opp)}; owner {opp.owner or 'none'}",
                8,
                key_w - 10,
            )
            if ky + len(lines) * 10.5 > bottom:
                draw_label(
                    pen,
                    kx,
                    ky + 8,
                    f"\u2026 and {len(opps) - i + 1} more in the action plan",
                    8,
                    fill="#555555",
                )
                break
            for line in lines:
                draw_label(pen, kx, ky + 8, line, 8)
                ky += 10.5
            ky += 3
        unscored = len(bundle.opportunities) - len(opps)
        if unscored:
            draw_label(
                pen,
                kx,
                min(ky + 14, bottom),
                f"{unscored} opportunities have no impact or feasibility score yet.",
                8,
                fill="#555555",
            )

    return draw


# -- persona ----------------------------------------------------------------------------
def persona_page(
    bundle: MapBundle,
    pw: float,
    ph: float,
    m: float,
    accent: str,
    block: TitleBlock,
    warn: Warn,
) -> PageFn:
    persona = bundle.personas.get(bundle.map.primary_persona_id or "")
    photo = _persona_photo(persona.name, persona.photo, warn) if persona else None

    def draw(pen: Painter, number: int, total: int) -> None:
        width = pw - 2 * m
        name = persona.name if persona else "No persona chosen"
        top = _page_heading(
            pen, name, persona_line(bundle) if persona else bundle.map.title, m, m, width, accent
        )
        bottom = footer(pen, block, number, total, pw, ph, m)
        if persona is None:
            return
        x = m
        if photo is not None:
            photo(pen, Rect(m, top, 45 * MM, 45 * MM))
            x = m + 50 * MM
        sections: list[tuple[str, Sequence[str]]] = [
            ("About", [persona.description] if persona.description else []),
            ("Quote", [f"\u201c{persona.quote}\u201d"] if persona.quote else []),
            ("Goals", persona.goals),
            ("Needs", persona.needs),
            ("Pain points", persona.pain_points),
            (
                "Preferred channels",
                [", ".join(c.label for c in persona.preferred_channels)]
                if persona.preferred_channels
                else [],
            ),
            (
                "Basis",
                [
                    "Research-based"
                    if persona.research_based
                    else "Assumption \u2013 not yet validated by research"
                ],
            ),
        ]
        col_w = (pw - m - x - 20) / 2
        y, col = top, 0
        for heading, items in sections:
            if not items:
                continue
            lines = [
                ln
                for item in items
                for ln in wrap(("\u2022 " if len(items) > 1 else "") + item, 9, col_w)
            ]
            need = 16 + len(lines) * 12 + 8
            if y + need > bottom and col == 0:
                col, y = 1, top
            cx = x + col * (col_w + 20)
            draw_label(pen, cx, y + 11, heading, 10, bold=True)
            y += 16
            for line in lines:
                if y + 12 > bottom:
                    break
                draw_label(pen, cx, y + 9, line, 9)
                y += 12
            y += 8

    return draw


def _persona_photo(name: str, photo: str, warn: Warn) -> Callable[[Painter, Rect], None] | None:
    """The persona's photo drawer, or None (with a warning) if it cannot be decoded."""
    if not photo:
        return None
    try:
        data = base64.b64decode(photo)
        image = ImageReader(io.BytesIO(data))
        iw, ih = image.getSize()
        image.getRGBData()  # decodes every pixel: a truncated file fails here, not mid-page
    except Exception:  # reportlab and PIL raise several types for undecodable images
        warn(
            f"The photo of the persona \u201c{name}\u201d could not be read as an image, so "
            "the persona page has none; choose the photo again in the Personas panel."
        )
        return None
    return _image_drawer(data, iw, ih)


def extra_pages(
    bundle: MapBundle,
    kinds: Sequence[str],
    pw: float,
    ph: float,
    m: float,
    accent: str,
    style: Style,
    block: TitleBlock,
    warn: Warn,
) -> list[PageFn]:
    """The extra pages in ``kinds``; problems that do not stop the export go to ``warn``."""
    del style  # the extra pages use fixed print sizes, not the map's tokens
    pages: list[PageFn] = []
    for kind in kinds:
        if kind == "actions":
            pages.extend(action_pages(bundle, pw, ph, m, accent, block))
        elif kind == "matrix":
            pages.append(matrix_page(bundle, pw, ph, m, accent, block))
        elif kind == "persona":
            pages.append(persona_page(bundle, pw, ph, m, accent, block, warn))
    return pages


__all__ = ["extra_pages", "make_logo", "text_width"]
