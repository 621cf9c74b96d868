"""A map as a CSV file laid out like the map (the layout: jmapper/interchange/grid.py).

Reading copes with what spreadsheet programs write: a UTF-8 byte-order mark,
UTF-16 ("Unicode text"), Windows-1252 from older Excel, a semicolon or tab
delimiter (European locales, pasted tables; found with :class:`csv.Sniffer`),
and Excel's formula-looking cells (``="00123"``).  Writing gives UTF-8 with a
byte-order mark and commas, which Excel, LibreOffice and Google Sheets open
as they are; a cell that a spreadsheet would run as a formula (starting with
``=``, ``+``, ``-`` or ``@``) is written behind an apostrophe, which reading
removes again.
"""

from __future__ import annotations

import csv
import io

from jmapper.interchange.errors import InterchangeError
from jmapper.interchange.grid import read_grid, write_grid
from jmapper.interchange.reading import MapCheck, Reading, single_map
from jmapper.model.bundle import MapBundle

#: Bytes of the file the delimiter is guessed from.
_SAMPLE = 64 * 1024
_DELIMITERS = ",;\t|"


def read(data: bytes, *, check_map: MapCheck | None = None, name: str = "") -> Reading:
    text, warnings = decode(data)
    rows = parse_rows(text)
    grid = read_grid(rows, name=name)
    return single_map(grid.bundle, "csv", warnings + grid.warnings, check_map)


def decode(data: bytes) -> tuple[str, list[str]]:
    """The file's text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError:
            raise InterchangeError(
                "The file starts like UTF-16 text but is damaged; save it again as CSV UTF-8."
            ) from None
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InterchangeError(
            f"On line {line}, the file is neither UTF-8 nor Windows text; save it as "
            "\u201cCSV UTF-8\u201d and import it again."
        ) from None
    return text, ["The file is not UTF-8; it was read as Windows-1252 (Western European) text."]


def delimiter(text: str) -> str:
    """The delimiter the file uses, as csv.Sniffer sees it in the first lines."""
    sample = text[:_SAMPLE]
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        first = sample.split("\n", 1)[0]
        counts = {d: first.count(d) for d in _DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def parse_rows(text: str) -> list[list[str]]:
    if "\x00" in text:
        raise InterchangeError("The file holds NUL characters, so it is not a CSV text file.")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(text), strict=True)
    rows = []
    try:
        for row in reader:
            rows.append(row)
    except csv.Error as error:
        raise InterchangeError(
            f"On line {reader.line_num}, the CSV cannot be read ({error}); check the quotes "
            "around that cell."
        ) from None
    return rows


def write_map(bundle: MapBundle) -> tuple[bytes, list[str]]:
    writing = write_grid(bundle)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    for row in writing.rows:
        writer.writerow([_guard(value) for value in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8"), writing.warnings


def _guard(value: str | int) -> str:
    """Text a spreadsheet would run as a formula, behind an apostrophe (numbers stay numbers)."""
    if isinstance(value, int):
        return str(value)
    if value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value
