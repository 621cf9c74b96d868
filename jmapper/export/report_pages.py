"""PDF pages of a change report: the "Review" page and the comparison page.

The drawing is :mod:`jmapper.drawing.report`'s, the same the editor shows;
this module only cuts the report into pages of the sheet and adds the title
block, like the other extra pages.
"""

from __future__ import annotations

from jmapper.drawing.painter import Painter
from jmapper.drawing.report import Report, draw_report_page, layout_report
from jmapper.export.pages import PageFn, TitleBlock, footer


def report_pages(
    report: Report, pw: float, ph: float, m: float, accent: str, block: TitleBlock
) -> list[PageFn]:
    """The report's pages at ``pw`` x ``ph`` points with margin ``m``."""
    width = pw - 2 * m
    probe = block("0 of 0")
    height = ph - 2 * m - probe.h - 8
    chunks = layout_report(report, width, height)

    def page(part: int) -> PageFn:
        def draw(pen: Painter, number: int, total: int) -> None:
            draw_report_page(pen, report, chunks[part], part, m, m, width, accent)
            footer(pen, block, number, total, pw, ph, m)

        return draw

    return [page(i) for i in range(len(chunks))]


__all__ = ["report_pages"]
