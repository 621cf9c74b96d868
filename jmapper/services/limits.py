"""The documented limits of jmapper, and the checks that apply them (docs/limits.md).

Each limit was chosen from measurement (``tests/bench/bench_limits.py``) and is
checked before the work it protects starts: an import file's size before it is
read, a map's card count after parsing and before anything is written, a
stored map's card count before the editor builds it, a picture's pixel count
before it is decoded.  A refusal is one sentence that names the limit, so the
user knows what to change instead of watching a process grow without end.
"""

from __future__ import annotations

import base64
import io
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from jmapper.model.entities import Persona
from jmapper.services.errors import ServiceError

#: Cards in one map: the editor first paints 20,000 cards after about 4 s at
#: about 230 MB; 50,000 take 12 s and 420 MB, 100,000 take 29 s and 725 MB.
MAX_CARDS_PER_MAP = 20_000
#: Bytes in one JSON file to import: about 90,000 cards, imported in about 6 s
#: at about 240 MB peak (a 214 MB file took 35 s and 1.45 GB).
MAX_IMPORT_BYTES = 64 * 1024 * 1024
#: Pixels of a logo or persona photo: 50 megapixels decode to 200 MB.
MAX_IMAGE_PIXELS = 50_000_000


def _count(number: int) -> str:
    return f"{number:,}"


def check_import_file(path: Path) -> None:
    """Refuse a file larger than :data:`MAX_IMPORT_BYTES`, before reading it."""
    try:
        size = path.stat().st_size
    except OSError:
        return  # reading it will say what is wrong
    if size > MAX_IMPORT_BYTES:
        raise ServiceError(
            f"\u201c{path.name}\u201d is {size / 2**20:,.0f} MB, more than the "
            f"{MAX_IMPORT_BYTES // 2**20} MB jmapper imports at once; "
            "export the maps in smaller files and import them one by one."
        )


def map_cards_refusal(title: str, cards: int) -> str | None:
    """The sentence refusing a map of more than :data:`MAX_CARDS_PER_MAP` cards, or None."""
    if cards <= MAX_CARDS_PER_MAP:
        return None
    return (
        f"The map \u201c{title}\u201d has {_count(cards)} cards, more than the "
        f"{_count(MAX_CARDS_PER_MAP)} cards a map can hold; split it into smaller maps."
    )


def check_map_cards(title: str, cards: int) -> None:
    """Refuse a map of more than :data:`MAX_CARDS_PER_MAP` cards, before building it."""
    refusal = map_cards_refusal(title, cards)
    if refusal is not None:
        raise ServiceError(refusal)


def check_image_pixels(name: str, width: int, height: int) -> None:
    """Refuse a picture of more than :data:`MAX_IMAGE_PIXELS`."""
    if width * height > MAX_IMAGE_PIXELS:
        raise ServiceError(_image_refusal(name, f"is {width:,} x {height:,} pixels,"))


def _image_refusal(name: str, size: str) -> str:
    return (
        f"The picture \u201c{name}\u201d {size} more than the "
        f"{MAX_IMAGE_PIXELS // 1_000_000} megapixels jmapper accepts; choose a smaller picture."
    )


def check_image_file(path: Path) -> None:
    """Refuse a picture file of more than :data:`MAX_IMAGE_PIXELS`, reading only its header."""
    try:
        handle = path.open("rb")
    except OSError:
        return  # reading it will say what is wrong
    with handle:
        _check_image_header(path.name, handle)


def check_persona_photos(personas: Iterable[Persona]) -> None:
    """Refuse a persona photo (base64 image data) of more than :data:`MAX_IMAGE_PIXELS`."""
    for persona in personas:
        if persona.photo:
            try:
                data = base64.b64decode(persona.photo)
            except ValueError:
                continue  # not a picture at all: whoever shows it says so
            _check_image_header(f"photo of {persona.name}", io.BytesIO(data))


def _check_image_header(name: str, handle: BinaryIO) -> None:
    """Pillow reads the size from the header; a file it cannot read is left to its user."""
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(handle) as image:
                width, height = image.size
    except Image.DecompressionBombError:  # Pillow's own limit, larger than ours
        raise ServiceError(_image_refusal(name, "has")) from None
    except (OSError, UnidentifiedImageError, ValueError):
        return
    check_image_pixels(name, width, height)
