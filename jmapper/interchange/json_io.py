"""The JSON format as a registry module: ``read`` and ``write_map`` over :mod:`json_format`."""

from __future__ import annotations

from jmapper.interchange.errors import InterchangeError
from jmapper.interchange.json_format import dump_map, parse
from jmapper.interchange.reading import MapCheck, Reading
from jmapper.model.bundle import MapBundle


def read(data: bytes, *, check_map: MapCheck | None = None, name: str = "") -> Reading:
    """A jmapper JSON file (``name``, the file's name, is not needed: the file has titles)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InterchangeError(
            f"The file is not UTF-8 text (byte {error.start + 1} cannot be read); "
            "choose a jmapper JSON file."
        ) from None
    return Reading(parse(text, check_map=check_map), "json")


def write_map(bundle: MapBundle) -> tuple[bytes, list[str]]:
    return dump_map(bundle).encode("utf-8"), []
