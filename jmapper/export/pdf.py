"""export_pdf: the map (fit or tiled), the optional extra pages, written atomically.

A page is a closure that draws itself given its number and the total, so
"sheet n of N" is known before anything is drawn.  A tiled poster is drawn
once into a Form XObject (map, header, legend, title block) that every sheet
places with a translation and a clip, and the constant sheet furniture (crop
marks, the empty assembly diagram) is a form too: the file and the time grow
with the map, not with the map times the number of sheets.  The file is written
where the caller says; ``jmapper.services.export`` passes a temporary path and
renames it over the target only when complete (``services.files.atomic_output``),
so a failed export never damages the previous PDF.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from jmapper.drawing import draw_map
from jmapper.drawing.report import Report
from jmapper.drawing.text import draw_label
from jmapper.export.fit import FitPlan, map_smallest_text, plan_fit, readable_paper, sheet_size
from jmapper.export.fonts import register_fonts
from jmapper.export.furniture import (
    Piece,
    build_header,
    build_legend,
    build_page_footer,
    build_title_block,
    today,
)
from jmapper.export.handout import handout_pages
from jmapper.export.handout_plan import (
    HANDOUT_MARGIN_MM,
    HANDOUT_PAPER,
    HandoutPlan,
    plan_handout,
)
from jmapper.export.options import MM, ExportError, ExportOptions, ExportResult, page_size
from jmapper.export.pages import extra_pages, make_logo
from jmapper.export.pdf_painter import PdfPainter
from jmapper.export.report_pages import report_pages
from jmapper.export.tile_margins import margin_lane_labels, margin_stage_names
from jmapper.export.tiles import place_key, tile_grid
from jmapper.layout import DEFAULT_STYLE, MapLayout, Rect, Style, compute_layout
from jmapper.model.bundle import MapBundle

PageFn = Callable[[PdfPainter, int, int], None]
_POSTER, _MARKS = "jmPoster", "jmSheetMarks"


class _Job:
    def __init__(
        self,
        bundle: MapBundle,
        options: ExportOptions,
        style: Style,
        reports: Sequence[Report] = (),
    ) -> None:
        self.bundle = bundle
        self.reports = reports
        self.options = options
        self.style = style
        self.layout: MapLayout = compute_layout(bundle, style)
        self.margin = options.margin_mm * MM
        self.accent = options.accent
        self.map_text = map_smallest_text(self.layout, style, self.accent)
        self.fit_plan: FitPlan | None = None
        self.organisation = (
            options.organisation if options.organisation is not None else bundle.map.organisation
        )
        self.printed = options.date or today()
        self.logo = make_logo(options.logo_path)
        self.warnings: list[str] = []
        self.tiles: list[tuple[float, float, float, float]] = []
        self.grid = (1, 1)
        self.scale = 1.0
        self.smallest_pt = 0.0
        self.handout: HandoutPlan | None = None
        self.key_places = (-1, -1)  # tile mode: sheets of the title block and the legend
        self.origin = (0.0, 0.0)
        # Form XObjects to define before the first page, given the page count.
        self.forms: list[Callable[[PdfPainter, int], None]] = []
        self.paper, self.pw, self.ph = self._paper()

    def _paper(self) -> tuple[str, float, float]:
        """The chosen sheet; with none named, fit takes the smallest readable A size."""
        options = self.options
        if options.paper is None and options.custom_mm is None and options.mode == "handout":
            return (HANDOUT_PAPER, *sheet_size(HANDOUT_PAPER, options.orientation))
        if options.paper is None and options.custom_mm is None and options.mode == "fit":
            name, plan = readable_paper(
                self.bundle, self.layout, self.style, options, self.title_block, self.map_text
            )
            self.fit_plan = plan
            return (name, *sheet_size(name, options.orientation))
        return page_size(options, len(self.layout.columns))

    def title_block(self, sheet: str) -> Piece:
        return build_title_block(
            self.bundle,
            sheet=sheet,
            prepared_by=self.options.organisation or "",
            accent=self.accent,
            printed=self.printed,
            logo=self.logo,
            vendor_mark=self.options.show_vendor_mark,
            style=self.style,
        )

    def page_footer(self, sheet: str, width: float) -> Piece:
        """The one-line footer of the extra pages (the title block's facts)."""
        return build_page_footer(
            self.bundle,
            sheet=sheet,
            prepared_by=self.options.organisation or "",
            printed=self.printed,
            width=width,
            style=self.style,
        )

    # -- fit: the whole map on one sheet ----------------------------------------------
    def fit_page(self) -> PageFn:
        pw, ph, m = self.pw, self.ph, self.margin
        plan = self.fit_plan or plan_fit(
            self.bundle,
            self.layout,
            self.style,
            (pw, ph),
            m,
            self.accent,
            self.title_block,
            self.map_text,
        )
        f, header, legend, scale = plan.furniture_scale, plan.header, plan.legend, plan.map_scale
        map_x, map_y = plan.map_xy
        self.scale = scale
        smallest = plan.smallest
        self.smallest_pt = smallest.size
        if smallest.size < self.options.min_readable_pt:
            what = f" (\u201c{_clip(smallest.text)}\u201d)" if smallest.text else ""
            floor = math.floor(smallest.size * 10) / 10  # never quote more than is printed
            self.warnings.append(
                f"On {self.paper} the smallest text prints at {floor:.1f} pt{what}, "
                f"below the readable {self.options.min_readable_pt:g} pt; choose a larger "
                "paper, a handout or tile mode."
            )
        self.origin = (map_x, map_y)

        def draw(pen: PdfPainter, number: int, total: int) -> None:
            header.draw(pen, m, m, f)
            tb = self.title_block(f"{number} of {total}")
            tb.draw(pen, *plan.block_xy, f)
            legend.draw(pen, *plan.legend_xy, f)
            self._draw_map(pen, map_x, map_y, scale)

        return draw

    # -- handout: readable pages, a group of stages each --------------------------------
    def handout_pages(self) -> list[PageFn]:
        size = (self.pw, self.ph)
        margin = min(self.margin, HANDOUT_MARGIN_MM * MM)
        plan = plan_handout(
            self.bundle,
            self.layout,
            self.style,
            size,
            margin,
            self.accent,
            self.title_block,
            self.map_text,
        )
        self.scale = plan.scale
        self.origin = (margin + self.layout.grid.x * plan.scale, plan.map_top)
        self.handout = plan
        pages = handout_pages(
            self.bundle,
            self.layout,
            self.style,
            plan,
            size,
            margin,
            self.accent,
            self.title_block,
        )
        return list(pages)

    def prepare(self, pen: PdfPainter, total: int) -> None:
        """Define the forms the pages place (``total`` is the final page count)."""
        for define in self.forms:
            define(pen, total)
            pen.reset()

    def _draw_map(self, pen: PdfPainter, x: float, y: float, scale: float) -> None:
        pen.save()
        pen.translate(x, y)
        pen.scale(scale)
        draw_map(pen, self.layout, self.style, self.accent)
        pen.restore()

    # -- tile: true scale over several sheets ------------------------------------------
    def tile_pages(self) -> list[PageFn]:
        pw, ph, m = self.pw, self.ph, self.margin
        L = self.layout
        header = build_header(self.bundle, L.width, self.accent, self.style)
        map_y = header.h + 12
        self.origin = (m, m + map_y)
        poster_w, poster_h = L.width, map_y + L.height
        overlap = self.options.overlap_mm * MM
        grid = tile_grid(poster_w, poster_h, pw - 2 * m, ph - 2 * m, overlap)
        rows, cols = grid.rows, grid.cols
        self.grid = (rows, cols)
        block = self.title_block("")
        block_at, legend_at, legend = place_key(
            grid,
            poster_w,
            poster_h,
            block,
            lambda width: build_legend(self.bundle, L, width, self.style),
        )
        key_sheet = block_at is None or (legend_at is None and bool(legend.ops))
        if key_sheet:  # a sheet of its own for whatever found no room on the grid
            legend = build_legend(self.bundle, L, pw - 2 * m - block.w - 24, self.style)
        self.key_places = (
            -1 if block_at is None else block_at.sheet,
            -1 if legend_at is None or not legend.ops else legend_at.sheet,
        )

        def key_label(total: int) -> str:
            return f"{rows} x {cols} sheets, {total} pages in all"

        def define_poster(pen: PdfPainter, total: int) -> None:
            # The header and the map once, at y-down coordinates (form y = -layout y).
            c_ = pen.c
            c_.beginForm(_POSTER, -2, -poster_h - 2, poster_w + 2, 2)
            pen.reset()
            header.draw(pen, 0, 0)
            self._draw_map(pen, 0, map_y, 1.0)
            c_.endForm()

        self.forms += [define_poster, lambda pen, _total: self._define_sheet_forms(pen)]
        pages: list[PageFn] = []
        for r in range(rows):
            for c in range(cols):
                tile = grid.tile(r, c)
                self.tiles.append((tile.x, tile.y, tile.w, tile.h))
                sheet = r * cols + c
                # Key pieces are drawn on their own sheet's page, never in the shared poster,
                # so each is printed (and found by a text search) on exactly one sheet.
                pieces: list[tuple[Callable[[int], Piece], float, float]] = []
                if block_at is not None and block_at.sheet == sheet:
                    pieces.append(
                        (lambda total: self.title_block(key_label(total)), block_at.x, block_at.y)
                    )
                if legend_at is not None and legend_at.sheet == sheet and legend.ops:
                    pieces.append((lambda _total: legend, legend_at.x, legend_at.y))
                pages.append(self._tile_page(tile, r, c, rows, cols, pieces, map_y))
        if key_sheet:
            pages.append(self._key_sheet(block_at is None, legend if legend_at is None else None))
        return pages

    def _key_sheet(self, with_block: bool, legend: Piece | None) -> PageFn:
        """The legend and/or title block on a sheet of their own (not part of the assembly)."""
        pw, ph, m = self.pw, self.ph, self.margin
        rows, cols = self.grid

        def draw(pen: PdfPainter, number: int, total: int) -> None:
            if legend is not None and legend.ops:
                legend.draw(pen, m, m)
            if with_block:
                tb = self.title_block(f"{rows} x {cols} sheets, {total} pages in all")
                tb.draw(pen, pw - m - tb.w, ph - m - tb.h)
            draw_label(
                pen,
                m,
                ph - m + 1.5 * MM + 8,
                f"{self.bundle.map.title} \u2013 key sheet (not part of the assembly) "
                f"\u2013 page {number} of {total}",
                min(7.0, (m - 3 * MM) * 0.8),
                fill="#333333",
            )

        return draw

    def _tile_page(
        self,
        tile: Rect,
        r: int,
        c: int,
        rows: int,
        cols: int,
        pieces: list[tuple[Callable[[int], Piece], float, float]],
        map_y: float,
    ) -> PageFn:
        m = self.margin
        tx, ty, tw, th = tile.x, tile.y, tile.w, tile.h

        def draw(pen: PdfPainter, number: int, total: int) -> None:
            pen.save()
            pen.clip(Rect(m, m, tw, th))
            pen.translate(m - tx, m - ty)
            pen.c.doForm(_POSTER)
            for piece, x, y in pieces:  # poster points, like the map
                piece(total).draw(pen, x, y)
            pen.restore()
            # What the sheet cuts off is named in its margins (trimmed away on assembly).
            if c > 0:
                margin_lane_labels(pen, self.layout, self.style, tile, map_y, m)
            if r > 0:
                margin_stage_names(pen, self.layout, self.style, self.accent, tile, m)
            self._sheet_marks(pen, r, c, rows, cols, number, total)

        return draw

    def _assembly_cell(self, rows: int, cols: int) -> tuple[float, float, float]:
        """Cell size and top left corner of the assembly diagram, top right of each sheet."""
        m = self.margin
        cell = min(3 * MM, (m - 4 * MM) / rows, 50 * MM / cols)
        return cell, self.pw - m - 10 * MM - cols * cell, self.ph - m + 2 * MM

    def _define_sheet_forms(self, pen: PdfPainter) -> None:
        """Crop marks and the empty assembly diagram: the same on every sheet."""
        pw, ph, m = self.pw, self.ph, self.margin
        rows, cols = self.grid
        x0, y0, x1, y1 = m, m, pw - m, ph - m
        gap, length = 1.5 * MM, min(6 * MM, m - 2 * MM)
        pen.c.beginForm(_MARKS, 0, -ph, pw, 0)
        pen.reset()
        for x, sx in ((x0, -1), (x1, 1)):
            for y, sy in ((y0, -1), (y1, 1)):
                pen.line(x + sx * gap, y, x + sx * (gap + length), y, "#000000", 0.4)
                pen.line(x, y + sy * gap, x, y + sy * (gap + length), "#000000", 0.4)
        cell, ax, ay = self._assembly_cell(rows, cols)
        for rr in range(rows):
            for cc in range(cols):
                pen.rect(
                    Rect(ax + cc * cell, ay + rr * cell, cell, cell),
                    fill="#FFFFFF",
                    stroke="#555555",
                    width=0.3,
                )
        pen.c.endForm()
        pen.reset()

    def _sheet_marks(
        self, pen: PdfPainter, r: int, c: int, rows: int, cols: int, number: int, total: int
    ) -> None:
        """Crop marks, overlap guides, the sheet label and the assembly diagram."""
        pw, ph, m = self.pw, self.ph, self.margin
        x0, y0, x1, y1 = m, m, pw - m, ph - m
        gap = 1.5 * MM
        pen.c.doForm(_MARKS)
        overlap = self.options.overlap_mm * MM
        guides = []
        if c > 0:
            guides.append(("v", x0 + overlap))
        if c < cols - 1:
            guides.append(("v", x1 - overlap))
        if r > 0:
            guides.append(("h", y0 + overlap))
        if r < rows - 1:
            guides.append(("h", y1 - overlap))
        for kind, at in guides:
            if kind == "v":
                pen.line(at, y0 - gap, at, y0 - gap - 3 * MM, "#0072B2", 0.4, (1, 1))
                pen.line(at, y1 + gap, at, y1 + gap + 3 * MM, "#0072B2", 0.4, (1, 1))
            else:
                pen.line(x0 - gap, at, x0 - gap - 3 * MM, at, "#0072B2", 0.4, (1, 1))
                pen.line(x1 + gap, at, x1 + gap + 3 * MM, at, "#0072B2", 0.4, (1, 1))
        label = (
            # "sheet 3 of 4: row 2, column 1": the count is of sheets, never of columns.
            f"{self.bundle.map.title} \u2013 sheet {r * cols + c + 1} of {rows * cols}: "
            f"row {r + 1}, column {c + 1} "
            f"({rows} rows x {cols} columns, {self.options.overlap_mm:g} mm overlap) "
            f"\u2013 page {number} of {total}"
        )
        size = min(7.0, (m - 3 * MM) * 0.8)
        # Left-aligned clear of the overlap guide at x0 + overlap.
        draw_label(
            pen,
            x0 + max(10 * MM, overlap + 3 * MM),
            ph - m + gap + size + 1,
            label,
            size,
            fill="#333333",
        )
        cell, ax, ay = self._assembly_cell(rows, cols)
        pen.rect(
            Rect(ax + c * cell, ay + r * cell, cell, cell),
            fill=self.accent,
            stroke="#555555",
            width=0.3,
        )

    def pages(self) -> list[PageFn]:
        out: list[PageFn] = []
        if "map" in self.options.pages:
            if self.options.mode == "fit":
                out.append(self.fit_page())
            elif self.options.mode == "handout":
                out.extend(self.handout_pages())
            else:
                out.extend(self.tile_pages())
        # Extra pages are laid out for the sheet at A3 type sizes; larger sheets scale them
        # up, like the furniture, and smaller ones never down: their 6 pt labels stay 6 pt.
        f = min(max(min(self.pw, self.ph) / (297 * MM), 1.0), 3.0)
        for page in extra_pages(
            self.bundle,
            self.options.pages,
            self.pw / f,
            self.ph / f,
            self.margin / f,
            self.accent,
            self.style,
            lambda sheet: self.page_footer(sheet, (self.pw - 2 * self.margin) / f),
            self.warnings.append,
        ):
            out.append(_scaled(page, f))
        for report in self.reports:
            for page in report_pages(
                report, self.pw / f, self.ph / f, self.margin / f, self.accent, self.title_block
            ):
                out.append(_scaled(page, f))
        return out


def _clip(text: str, limit: int = 24) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _scaled(page: PageFn, factor: float) -> PageFn:
    def draw(pen: PdfPainter, number: int, total: int) -> None:
        pen.c.saveState()
        pen.c.scale(factor, factor)
        pen.reset()
        page(pen, number, total)
        pen.c.restoreState()
        pen.reset()

    return draw


def export_pdf(
    bundle: MapBundle,
    out_path: str | os.PathLike[str],
    options: ExportOptions | None = None,
    style: Style = DEFAULT_STYLE,
    reports: Sequence[Report] = (),
) -> ExportResult:
    """Write the map as a print-ready PDF to ``out_path``.

    An unusable option raises ExportError with a sentence before anything is
    written; a failed write raises the OSError (the caller names the target).
    """
    options = options or ExportOptions()
    options.validate()
    target = Path(out_path)
    job = _Job(bundle, options, style, reports)
    pages = job.pages()
    if not pages:
        raise ExportError(
            "Nothing to export: choose at least one page (map, actions, matrix, persona or review)."
        )
    register_fonts()
    canvas = Canvas(
        str(target),
        pagesize=(job.pw, job.ph),
        pageCompression=1,
        initialFontName="JM-Sans",
        initialFontSize=8,
    )
    canvas.setTitle(bundle.map.title)
    canvas.setAuthor(bundle.map.author or job.organisation)
    canvas.setSubject(bundle.map.scenario)
    canvas.setCreator(job.organisation or "")
    pen = PdfPainter(canvas)
    total = len(pages)
    job.prepare(pen, total)
    for number, page in enumerate(pages, start=1):
        canvas.translate(0, job.ph)
        pen.reset()
        page(pen, number, total)
        canvas.showPage()
        pen.reset()
    canvas.save()
    return ExportResult(
        pages=total,
        warnings=tuple(job.warnings),
        paper=job.paper,
        page_size_pt=(job.pw, job.ph),
        tiles=tuple(job.tiles),
        tile_grid=job.grid,
        map_scale=job.scale,
        map_origin=job.origin,
        smallest_text_pt=job.smallest_pt,
        tile_key_sheets=job.key_places,
        handout_windows=tuple(
            (w.first_column, w.last_column, w.first_lane, w.last_lane)
            for w in (job.handout.windows if job.handout else ())
        ),
    )
