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

from jmapper.analysis.priority import Method, score
from jmapper.drawing.painter import Painter
from jmapper.drawing.text import draw_label
from jmapper.export.furniture import Piece, fit_line
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
from jmapper.model.entities import Opportunity, Persona
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
    """Draw the page footer (its block) at the foot; returns the y content must stay above."""
    tb = block(f"{number} of {total}")
    tb.draw(pen, pw - m - tb.w, ph - m - tb.h)
    return ph - m - tb.h - 8


def _sorted_opportunities(bundle: MapBundle) -> list[Opportunity]:
    def key(opp: Opportunity) -> tuple[int, int, int, str]:
        product = (opp.impact or 0) * (opp.feasibility or 0)
        return (QUADRANT_ORDER.index(quadrant(opp)), -product, -(opp.impact or 0), opp.title)

    return sorted(bundle.opportunities.values(), key=key)


# -- action plan ------------------------------------------------------------------------
_COLUMNS = (
    ("#", 0.035),
    ("Opportunity", 0.255),
    ("Priority", 0.08),
    ("Owner", 0.12),
    ("Metric: baseline \u2192 target", 0.18),
    ("Due", 0.08),
    ("Status", 0.08),
    ("Scores", 0.17),
)
#: Table text sizes tried, largest first, at A3 design size: the plan fills its page.
_TABLE_SIZES = (12.0, 11.5, 11.0, 10.5, 10.0, 9.5, 9.0, 8.5, 8.0)


#: A table row: each cell's lines, the row's height, how many lines the bold title takes.
_Row = tuple[list[list[str]], float, int]


def _scores(opp: Opportunity) -> str:
    """The room's votes, then every score the opportunity has inputs for, one per line."""
    lines = []
    if opp.impact is not None or opp.feasibility is not None:
        i, f = opp.impact, opp.feasibility
        total = f" = {i * f}" if i is not None and f is not None else ""
        lines.append(f"Impact x feas. {i or '?'} x {f or '?'}{total}")
    rice = score(opp, Method.RICE)
    if rice is not None:
        lines.append(f"RICE {rice:,.0f}" if rice >= 100 else f"RICE {rice:.3g}")
    volume = score(opp, Method.VOLUME_SEVERITY)
    if volume is not None:
        lines.append(f"Volume x severity {volume:,.0f}")
    votes = [f"{opp.votes} vote{'' if opp.votes == 1 else 's'}"] if opp.votes else []
    return "\n".join(votes + (lines or ["not scored"]))


def _action_cells(index: int, opp: Opportunity) -> list[str]:
    text = opp.title + (f"\n{opp.description}" if opp.description else "")
    span = f"{opp.baseline or '?'} \u2192 {opp.target or '?'}" if opp.baseline or opp.target else ""
    metric = "\n".join(part for part in (opp.metric, span) if part) or "\u2013"
    return [
        str(index),
        text,
        quadrant(opp) or "unscored",
        opp.owner or "\u2013 none \u2013",
        metric,
        opp.due_date.isoformat() if opp.due_date else "\u2013",
        opp.status.label,
        _scores(opp),
    ]


def _wrap_cell(text: str, size: float, width: float, bold_first: bool = False) -> list[str]:
    """A cell's lines; its first paragraph in bold when ``bold_first`` (a title)."""
    return [
        line
        for n, part in enumerate(text.split("\n"))
        for line in (wrap(part, size, width, bold_first and n == 0) or [""])
    ]


def action_pages(
    bundle: MapBundle, pw: float, ph: float, m: float, accent: str, block: TitleBlock
) -> list[PageFn]:
    """The action plan across the page, sorted by priority, as large as fits one page."""
    width = pw - 2 * m
    widths = [width * share for _n, share in _COLUMNS]
    probe = block("0 of 0")
    opps = _sorted_opportunities(bundle)
    texts = [_action_cells(i, opp) for i, opp in enumerate(opps, start=1)]

    def rows_at(size: float) -> tuple[float, list[_Row]]:
        lh = size * 1.3
        rows = []
        for cells_text in texts:
            cells = [
                _wrap_cell(text, size, w - 8, j == 1)
                for j, (text, w) in enumerate(zip(cells_text, widths, strict=True))
            ]
            # The title's lines, bold when drawn, are counted apart from the description's.
            titled = len(_wrap_cell(cells_text[1].split("\n")[0], size, widths[1] - 8, True))
            rows.append((cells, max(len(c) for c in cells) * lh + size, titled))
        return lh, rows

    head_h = 0.0
    top = bottom = 0.0
    for size in _TABLE_SIZES:
        lh, rows = rows_at(size)
        head_h = size + 10
        top, bottom = m + 54 + head_h, ph - m - probe.h - 10
        # Short values (number, priority, date, status) must stay on one line.
        tokens_fit = all(len(cells[j]) == 1 for cells, _h, _t in rows for j in (0, 2, 5, 6))
        if tokens_fit and sum(row[1] for row in rows) <= bottom - top:
            break
    chunks: list[list[_Row]] = [[]]
    y = top
    for row in rows:
        if chunks[-1] and y + row[1] > bottom:
            chunks.append([])
            y = top
        chunks[-1].append(row)
        y += row[1]

    def page(chunk: list[_Row], part: int) -> PageFn:
        def draw(pen: Painter, number: int, total: int) -> None:
            suffix = f" (continued, part {part + 1})" if part else ""
            subtitle = f"{bundle.map.title} \u2013 sorted by priority, quick wins first"
            _page_heading(pen, "Action plan" + suffix, subtitle, m, m, width, accent)
            footer(pen, block, number, total, pw, ph, m)
            x = m
            head_fill, head_text = accent, text_colour_on(accent)
            pen.rect(Rect(m, top - head_h, width, head_h), fill=head_fill)
            for (name, _share), w in zip(_COLUMNS, widths, strict=True):
                label = fit_line(name, size, w - 8, True)
                draw_label(
                    pen,
                    x + 4,
                    top - head_h / 2 + size * 0.35,
                    label,
                    size,
                    bold=True,
                    fill=head_text,
                )
                x += w
            y = top
            for i, (cells, h, titled) in enumerate(chunk):
                if i % 2:
                    pen.rect(Rect(m, y, width, h), fill="#F3F3F3")
                x = m
                for j, (lines, w) in enumerate(zip(cells, widths, strict=True)):
                    for k, line in enumerate(lines):
                        bold = j == 1 and k < titled
                        draw_label(
                            pen,
                            x + 4,
                            y + size * 0.5 + (k + 1) * lh - size * 0.3,
                            line,
                            size,
                            bold=bold,
                        )
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


#: Key text sizes tried, largest first: every opportunity is named if any size allows.
_KEY_SIZES = (11.0, 10.0, 9.0, 8.0, 7.0)
_DOT_R = 10.0


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
        key_w = width * 0.4
        side = min(width - key_w - 70, bottom - top - 70)
        gx, gy = m + 34, top + 26
        quads = (
            (QUICK_WIN, 1, 0, OKABE_ITO["bluish_green"]),
            (BIG_BET, 0, 0, OKABE_ITO["blue"]),
            (FILL_IN, 1, 1, OKABE_ITO["sky_blue"]),
            (MONEY_PIT, 0, 1, OKABE_ITO["vermillion"]),
        )
        half = side / 2
        for name, qx, qy, col in quads:
            r = Rect(gx + qx * half, gy + qy * half, half, half)
            pen.rect(r, fill="#FAFAFA", stroke=col, width=1.5)
            # Names outside the square, above the top and below the bottom quadrants, so
            # no dot ever sits on one.
            baseline = r.y - 7 if qy == 0 else r.bottom + 17
            draw_label(pen, r.x + half / 2, baseline, name, 14, bold=True, align="center")
        draw_label(
            pen,
            gx + side / 2,
            gy + side + 38,
            "Feasibility \u2192 (1 hard \u2013 5 easy)",
            11,
            align="center",
        )
        pen.save()
        pen.translate(gx - 14, gy + side / 2)
        pen.rotate(-90)
        draw_label(pen, 0, 0, "Impact \u2192 (1 low \u2013 5 high)", 11, align="center")
        pen.restore()
        placed: dict[tuple[int, int], int] = {}
        step = 2 * _DOT_R + 4
        for i, opp in enumerate(opps, start=1):
            cell = (opp.feasibility or 0, opp.impact or 0)
            k = placed.get(cell, 0)
            placed[cell] = k + 1
            x = gx + _axis(cell[0], side) + (k % 3 - 1) * step
            y = gy + side - _axis(cell[1], side) + (k // 3) * step
            pen.ellipse(x, y, _DOT_R, accent, "#1A1A1A", 0.6)
            draw_label(
                pen, x, y + 3.6, str(i), 10, bold=True, fill=text_colour_on(accent), align="center"
            )
        kx, ky0 = gx + side + 40, gy + 4
        entries = [
            f"{i}. {opp.title} \u2013 {quadrant(opp)} (impact {opp.impact}, feasibility "
            f"{opp.feasibility}); owner {opp.owner or 'none'}"
            for i, opp in enumerate(opps, start=1)
        ]
        room = bottom - ky0 - 24
        for size in _KEY_SIZES:
            wrapped = [wrap(entry, size, pw - m - kx) for entry in entries]
            if sum(len(lines) * size * 1.3 + size * 0.5 for lines in wrapped) <= room:
                break
        ky = ky0
        for i, lines in enumerate(wrapped, start=1):
            if ky + len(lines) * size * 1.3 > bottom - 20:
                draw_label(
                    pen,
                    kx,
                    ky + size,
                    f"\u2026 and {len(opps) - i + 1} more in the action plan",
                    size,
                    fill="#555555",
                )
                break
            for line in lines:
                draw_label(pen, kx, ky + size, line, size)
                ky += size * 1.3
            ky += size * 0.5
        unscored = len(bundle.opportunities) - len(opps)
        if unscored:
            draw_label(
                pen,
                kx,
                min(ky + 18, bottom),
                f"{unscored} opportunities have no impact or feasibility score yet.",
                10,
                fill="#555555",
            )

    return draw


# -- persona ----------------------------------------------------------------------------
#: Persona text sizes tried, largest first: the profile fills its page.
_PERSONA_SIZES = (13.0, 12.0, 11.0, 10.0, 9.0)
_PHOTO = 70 * MM


def persona_pages(
    bundle: MapBundle,
    pw: float,
    ph: float,
    m: float,
    accent: str,
    block: TitleBlock,
    warn: Warn,
) -> list[PageFn]:
    """One page per persona on the map: the primary first, then each overlay."""
    ids = [bundle.map.primary_persona_id, *bundle.map.overlay_persona_ids]
    personas = [bundle.personas[i] for i in dict.fromkeys(ids) if i and i in bundle.personas]
    if not personas:
        return [_persona_page(bundle, None, "", pw, ph, m, accent, block, warn)]
    return [
        _persona_page(
            bundle,
            persona,
            "Primary persona" if persona.id == bundle.map.primary_persona_id else "Overlay persona",
            pw,
            ph,
            m,
            accent,
            block,
            warn,
        )
        for persona in personas
    ]


def _persona_page(
    bundle: MapBundle,
    persona: Persona | None,
    role: str,
    pw: float,
    ph: float,
    m: float,
    accent: str,
    block: TitleBlock,
    warn: Warn,
) -> PageFn:
    photo = _persona_photo(persona.name, persona.photo, warn) if persona else None

    def draw(pen: Painter, number: int, total: int) -> None:
        width = pw - 2 * m
        if persona is None:
            _page_heading(pen, "No persona chosen", bundle.map.title, m, m, width, accent)
            footer(pen, block, number, total, pw, ph, m)
            return
        line = f"{role} \u2013 {persona.role}" if persona.role else role
        top = _page_heading(
            pen, persona.name, f"{line} \u2013 {bundle.map.title}", m, m, width, accent
        )
        bottom = footer(pen, block, number, total, pw, ph, m)
        box = Rect(m, top, _PHOTO, _PHOTO)
        if photo is not None:
            photo(pen, box)
        else:
            _initials(pen, persona.name, box, accent)
        x = m + _PHOTO + 12 * MM
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
        # The largest size at which every section fits the two columns.
        for size in _PERSONA_SIZES:
            layout = _persona_columns(sections, size, col_w, top, bottom)
            if layout is not None:
                break
        else:
            size = _PERSONA_SIZES[-1]
            layout = _persona_columns(sections, size, col_w, top, 1e9) or []
        lh = size * 1.3
        for col, y, heading, lines in layout:
            cx = x + col * (col_w + 20)
            draw_label(pen, cx, y + size + 2, heading, size + 1, bold=True)
            y += size * 1.9
            for text in lines:
                if y + lh > bottom:
                    break
                draw_label(pen, cx, y + size, text, size)
                y += lh

    return draw


def _persona_columns(
    sections: list[tuple[str, Sequence[str]]], size: float, col_w: float, top: float, bottom: float
) -> list[tuple[int, float, str, list[str]]] | None:
    """(column, y, heading, lines) for each section, or None if they overflow two columns."""
    lh = size * 1.3
    out: list[tuple[int, float, str, list[str]]] = []
    y, col = top, 0
    blocks = []
    for heading, items in sections:
        if not items:
            continue
        lines = [
            ln
            for item in items
            for ln in wrap(("\u2022 " if len(items) > 1 else "") + item, size, col_w)
        ]
        blocks.append((heading, lines, size * 1.9 + len(lines) * lh + size))
    half = sum(need for _h, _l, need in blocks) / 2
    for heading, lines, need in blocks:
        # Balanced columns: the second starts once the first holds about half.
        balanced = col == 0 and bool(out) and y - top + need / 2 > half
        if y + need > bottom or balanced:
            if col == 1:
                return None
            col, y = 1, top
            if y + need > bottom:
                return None
        out.append((col, y, heading, lines))
        y += need
    return out


def _initials(pen: Painter, name: str, box: Rect, accent: str) -> None:
    """A round badge with the persona's initials where a photo would be, saying there is none."""
    r = box.w / 2 - 4
    cx, cy = box.x + box.w / 2, box.y + r + 2
    pen.ellipse(cx, cy, r, "#EFEFEF", accent, 2.0)
    initials = "".join(part[0] for part in name.split()[:2]).upper() or "?"
    draw_label(pen, cx, cy + r * 0.28, initials, r * 0.8, bold=True, fill="#555555", align="center")
    draw_label(pen, cx, box.y + 2 * r + 18, "No photo yet", 9, fill="#555555", align="center")


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
            pages.extend(persona_pages(bundle, pw, ph, m, accent, block, warn))
    return pages


__all__ = ["extra_pages", "make_logo", "text_width"]
