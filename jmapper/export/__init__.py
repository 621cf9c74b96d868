"""Print-grade export: vector PDF with reportlab, drawn from the shared layout.

reportlab is imported only inside this package (and only when an export
runs), so the rest of jmapper starts without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jmapper.export.options import (
    PAPER_SIZES,
    ExportError,
    ExportOptions,
    ExportResult,
    default_paper,
    page_size,
)

if TYPE_CHECKING:
    from jmapper.export.pdf import export_pdf as export_pdf


def __getattr__(name: str) -> Any:
    # Lazy: importing jmapper.export (for options, in a dialog) must not load reportlab.
    if name == "export_pdf":
        from jmapper.export.pdf import export_pdf

        return export_pdf
    raise AttributeError(name)


__all__ = [
    "PAPER_SIZES",
    "ExportError",
    "ExportOptions",
    "ExportResult",
    "default_paper",
    "export_pdf",
    "page_size",
]
