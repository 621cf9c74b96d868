"""Plain tables (a header row and data rows) as CSV or XLSX: the action plan and the metrics.

A cell is text, a number or None (empty).  CSV gets UTF-8 with a byte-order
mark and a guard apostrophe before text a spreadsheet would run as a formula,
as the map layout does (:mod:`jmapper.interchange.csv_grid`); XLSX gets a bold,
frozen header, filters and column widths.  openpyxl loads only for XLSX.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

Cell = str | int | float | None

#: Formats a table can be written in.
TABLE_FORMATS = ("csv", "xlsx")


def write_table(
    fmt: str, header: Sequence[str], rows: Sequence[Sequence[Cell]], *, sheet: str = "Table"
) -> bytes:
    if fmt == "csv":
        return _csv(header, rows)
    if fmt == "xlsx":
        return _xlsx(header, rows, sheet)
    raise ValueError(f"no table format {fmt!r}")


def _guard(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, int | float):
        return repr(value) if isinstance(value, float) else str(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def _csv(header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([_guard(h) for h in header])
    for row in rows:
        writer.writerow([_guard(value) for value in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _xlsx(header: Sequence[str], rows: Sequence[Sequence[Cell]], title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.properties.creator = "jmapper"
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append(list(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            if value is None or value == "":
                continue
            cell = sheet.cell(row=r, column=c, value=value)
            if isinstance(value, str):
                if value.startswith("="):
                    cell.data_type = "s"  # text, never a formula
                cell.alignment = wrap
    for c, name in enumerate(header, start=1):
        longest = max([len(name)] + [len(_guard(row[c - 1])) for row in rows if c - 1 < len(row)])
        sheet.column_dimensions[get_column_letter(c)].width = min(max(longest + 2, 8), 50)
    sheet.freeze_panes = "A2"
    if rows:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
