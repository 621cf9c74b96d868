"""What every reader returns: the maps read, and warnings about what was read loosely."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from jmapper.interchange.errors import InterchangeError
from jmapper.interchange.json_format import ParsedDocument
from jmapper.model.bundle import MapBundle
from jmapper.model.errors import DomainError
from jmapper.model.invariants import check_bundle

#: A limit on a map being read: given its title and card count it returns the
#: sentence that refuses the map, or None (see jmapper.services.limits).
MapCheck = Callable[[str, int], "str | None"]


@dataclass
class Reading:
    """A read file: checked bundles (as a JSON file would give) and sentences to show.

    ``warnings`` say what the reader had to guess or leave out ("Line 7: the
    score “high” is not a number, so the step has no emotion value."); an
    import shows them but goes ahead.
    """

    document: ParsedDocument
    format: str
    warnings: list[str] = field(default_factory=list)


def single_map(
    bundle: MapBundle, fmt: str, warnings: list[str], check_map: MapCheck | None
) -> Reading:
    """A reading of one map built by a reader: limits applied, the model's rules checked."""
    if check_map is not None:
        refusal = check_map(bundle.map.title, len(bundle.cards))
        if refusal is not None:
            raise InterchangeError(refusal)
    try:
        check_bundle(bundle)
    except DomainError as error:  # a reader bug, never the user's: say so plainly
        raise InterchangeError(f"The file gives a map jmapper cannot hold: {error}") from None
    document = ParsedDocument("map", [bundle], list(bundle.personas.values()), 1, fmt)
    return Reading(document, fmt, warnings)
