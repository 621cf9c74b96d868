"""Importing contact-centre data as metric values of a map (``jmapper import --as metrics``).

The file is read once, streaming (:mod:`jmapper.interchange.contact_records`),
into counts per place; the places are resolved against the map (a step, a
stage, or a touchpoint card, by name); a preview says per place what would be
written (contacts, CSAT, NPS, CES, repeat-contact rate, AHT, each with its
sample size); the write is one change set of metric values that carry their
raw counts, period and source, so a later period adds to the history and
before/after comparisons work.  The column mapping is remembered per library.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from jmapper.interchange.contact_records import (
    ColumnMapping,
    ContactSummary,
    Tally,
    rows_of,
    summarise,
)
from jmapper.interchange.errors import InterchangeError
from jmapper.model.changes import ChangeSet, EntityChange
from jmapper.model.entities import MetricDefinition, MetricValue, Step
from jmapper.model.enums import (
    CsatMode,
    LaneKind,
    MetricKind,
    MetricRole,
    MetricScope,
    MetricSource,
)
from jmapper.services.errors import ServiceError

if TYPE_CHECKING:
    from jmapper.model.bundle import MapBundle
    from jmapper.storage import LibraryStore

#: The library setting that remembers the last mapping used.
MAPPING_SETTING = "contact_import/mapping"
_SAMPLE = 64 * 1024

#: Metric kinds written, with the name and unit of a definition made for them.
_DEFINITIONS = {
    MetricKind.CONTACT_VOLUME: ("Contact volume", "contacts"),
    MetricKind.CSAT: ("CSAT", "%"),
    MetricKind.NPS: ("NPS", ""),
    MetricKind.CES: ("CES", "1-7"),
    MetricKind.REPEAT_CONTACT_RATE: ("Repeat-contact rate", "%"),
    MetricKind.AHT: ("Average handling time", "s"),
}


def read_mapping(path: str | Path) -> ColumnMapping:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as error:
        raise ServiceError(
            f"Cannot read the mapping \u201c{path}\u201d: {error.strerror or error}."
        ) from error
    try:
        return ColumnMapping.from_json(text)
    except InterchangeError as error:
        raise ServiceError(
            f"The mapping \u201c{Path(path).name}\u201d is refused: {error}"
        ) from error


def summarise_file(path: str | Path, mapping: ColumnMapping) -> ContactSummary:
    """Read the file once, streaming; its encoding (BOM, UTF-8, Windows) and delimiter detected."""
    path = Path(path)
    try:
        with path.open("rb") as probe:
            head = probe.read(_SAMPLE)
    except FileNotFoundError as error:
        raise ServiceError(f"There is no file \u201c{path}\u201d to import.") from error
    except OSError as error:
        raise ServiceError(f"Cannot read \u201c{path}\u201d: {error.strerror or error}.") from error
    if head.startswith(b"PK\x03\x04"):
        try:
            with _workbook_rows(path) as rows:
                return summarise(rows, mapping)
        except InterchangeError as error:
            raise ServiceError(f"Cannot import \u201c{path.name}\u201d: {error}") from error
    encoding = _encoding(head)
    sample = head.decode(encoding, errors="replace")
    try:
        delimiter = csv.Sniffer().sniff(sample.split("\n", 1)[0], delimiters=",;\t|").delimiter
    except csv.Error:
        delimiter = ","
    try:
        with path.open(encoding=encoding, newline="", errors="strict") as handle:
            return summarise(rows_of(handle, delimiter), mapping)
    except UnicodeDecodeError:
        raise ServiceError(
            f"Cannot import \u201c{path.name}\u201d: it is not UTF-8 text throughout; save it as "
            "\u201cCSV UTF-8\u201d and import it again."
        ) from None
    except InterchangeError as error:
        raise ServiceError(f"Cannot import \u201c{path.name}\u201d: {error}") from error


@contextlib.contextmanager
def _workbook_rows(path: Path) -> Iterator[Iterator[list[str]]]:
    """The first sheet's rows as text, streamed by openpyxl's read-only mode (loaded lazily)."""
    import zipfile

    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise InterchangeError(
            f"it is not an Excel workbook jmapper can read ({type(error).__name__}); save it as "
            ".xlsx or CSV."
        ) from None
    try:
        sheet = workbook.worksheets[0]
        yield ([_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True))
    finally:
        workbook.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _encoding(head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 4:
            return "cp1252"
    return "utf-8"


@dataclass(frozen=True)
class Scope:
    kind: MetricScope
    id: str
    name: str


def resolve_places(bundle: MapBundle, summary: ContactSummary) -> dict[str, Scope]:
    """Each place text of the mapping as a step, stage or touchpoint card of the map.

    "Stage / Step" names a step of a stage; a bare name is looked up among the
    steps, then the stages, then the touchpoint cards (ignoring case).
    """
    steps: dict[str, Step] = {}
    for stage in bundle.ordered_stages():
        for step in bundle.ordered_steps(stage.id):
            steps.setdefault(step.name.casefold(), step)
            steps.setdefault(f"{stage.name} / {step.name}".casefold(), step)
    stages = {s.name.casefold(): s for s in bundle.stages.values()}
    touch = {lane.id for lane in bundle.lanes.values() if lane.kind is LaneKind.TOUCHPOINTS}
    cards = {c.title.casefold(): c for c in bundle.cards.values() if c.lane_id in touch}
    found = {}
    for place in summary.tallies:
        key = " ".join(place.split()).casefold()
        if key in steps:
            found[place] = Scope(MetricScope.STEP, steps[key].id, steps[key].name)
        elif key in stages:
            found[place] = Scope(MetricScope.STAGE, stages[key].id, stages[key].name)
        elif key in cards:
            found[place] = Scope(MetricScope.CARD, cards[key].id, cards[key].title)
        else:
            raise ServiceError(
                f"The mapping places contacts on \u201c{place}\u201d, which is no step, stage or "
                f"touchpoint card of \u201c{bundle.map.title}\u201d; correct the mapping."
            )
    return found


@dataclass(frozen=True)
class PreviewRow:
    """What one place gets: each figure with its sample size (None: no data)."""

    place: str
    contacts: int
    csat: float | None
    csat_n: int
    nps: float | None
    nps_n: int
    ces: float | None
    ces_n: int
    repeat_rate: float | None
    repeat_n: int
    aht: float | None
    aht_n: int


def preview(bundle: MapBundle, summary: ContactSummary) -> list[PreviewRow]:
    from jmapper.analysis.metrics import aht, ces_mean, csat_top_2_box, nps, repeat_contact_rate

    places = resolve_places(bundle, summary)
    rows = []
    for place, tally in summary.tallies.items():
        counts = _counts(tally)
        rows.append(
            PreviewRow(
                place=places[place].name,
                contacts=tally.contacts,
                csat=csat_top_2_box(counts[MetricKind.CSAT]),
                csat_n=sum(tally.csat),
                nps=nps(counts[MetricKind.NPS]),
                nps_n=sum(tally.nps),
                ces=ces_mean(counts[MetricKind.CES]),
                ces_n=sum(tally.ces),
                repeat_rate=repeat_contact_rate(counts[MetricKind.REPEAT_CONTACT_RATE]),
                repeat_n=tally.repeat_known,
                aht=aht(counts[MetricKind.AHT]),
                aht_n=tally.handled,
            )
        )
    return rows


def _counts(tally: Tally) -> dict[MetricKind, dict[str, int]]:
    return {
        MetricKind.CONTACT_VOLUME: {"contacts": tally.contacts},
        MetricKind.CSAT: _per_score(tally.csat, 1),
        MetricKind.NPS: _per_score(tally.nps, 0),
        MetricKind.CES: _per_score(tally.ces, 1),
        MetricKind.REPEAT_CONTACT_RATE: (
            {"repeat_contacts": tally.repeats, "contacts": tally.repeat_known}
            if tally.repeat_known
            else {}
        ),
        MetricKind.AHT: (
            {"talk": round(tally.handle_total), "contacts": tally.handled} if tally.handled else {}
        ),
    }


def _per_score(counts: list[int], low: int) -> dict[str, int]:
    return {str(score): n for score, n in enumerate(counts) if score >= low and n}


def metric_changes(
    bundle: MapBundle, summary: ContactSummary, mapping: ColumnMapping
) -> tuple[ChangeSet, int]:
    """The metric definitions (made when the map lacks one of a kind) and values to write.

    A value for the same metric, place, period and source as one already on the
    map replaces it (importing a period again corrects it); another period adds
    a value, so the history grows.  Returns the change set and the values written.
    """
    places = resolve_places(bundle, summary)
    period = mapping.period or summary.period()
    try:
        source = MetricSource(mapping.source.casefold())
    except ValueError:
        choices = ", ".join(s.value for s in MetricSource)
        raise ServiceError(
            f"The mapping's source \u201c{mapping.source}\u201d is not one of {choices}."
        ) from None
    m = bundle.map.id
    changes: list[EntityChange] = []
    definitions: dict[MetricKind, MetricDefinition] = {}
    for definition in sorted(bundle.metric_definitions.values(), key=lambda d: d.id):
        definitions.setdefault(definition.kind, definition)
    existing = {
        (v.metric_id, v.scope_id, v.period, v.source, v.role): v
        for v in bundle.metric_values.values()
    }
    written = 0
    for place, tally in summary.tallies.items():
        scope = places[place]
        for kind, counts in _counts(tally).items():
            if not counts or not any(counts.values()):
                continue
            found = definitions.get(kind)
            if found is None:
                name, unit = _DEFINITIONS[kind]
                found = MetricDefinition(
                    map_id=m,
                    kind=kind,
                    name=name,
                    unit=unit,
                    csat_mode=CsatMode.TOP_2_BOX if kind is MetricKind.CSAT else None,
                    description="Imported from contact-centre data.",
                )
                definitions[kind] = found
                changes.append(EntityChange("metric_definition", found.id, None, found))
            definition = found
            sample = tally.contacts if kind is MetricKind.CONTACT_VOLUME else None
            value = MetricValue(
                map_id=m,
                metric_id=definition.id,
                scope=scope.kind,
                scope_id=scope.id,
                period=period,
                sample_size=sample,
                source=source,
                role=MetricRole.ACTUAL,
                value=float(tally.contacts) if kind is MetricKind.CONTACT_VOLUME else None,
                raw_counts=dict(counts),
            )
            old = existing.get((definition.id, scope.id, period, source, MetricRole.ACTUAL))
            if old is not None:
                value.id = old.id
                changes.append(EntityChange("metric_value", old.id, old, value))
            else:
                changes.append(EntityChange("metric_value", value.id, None, value))
            written += 1
    return ChangeSet(f"Import contact data ({period or 'no period'})", changes), written


@dataclass(frozen=True)
class ContactImport:
    """What an import of contact data found and did (nothing written when ``dry_run``)."""

    title: str
    period: str
    rows: int
    preview: list[PreviewRow]
    written: int
    warnings: list[str]


def plan_contacts(
    bundle: MapBundle, source: str | Path, mapping: ColumnMapping
) -> tuple[ChangeSet, ContactImport]:
    """Read ``source`` for ``bundle``: the change set to apply (one edit) and what it holds.

    The editor applies the change set through its document (one undo step);
    :func:`import_contacts` writes it straight to the library.
    """
    summary = summarise_file(source, mapping)
    rows = preview(bundle, summary)
    changeset, written = metric_changes(bundle, summary, mapping)
    result = ContactImport(
        bundle.map.title,
        mapping.period or summary.period(),
        summary.rows,
        rows,
        written,
        summary.warnings(),
    )
    return changeset, result


def read_header(source: str | Path) -> list[str]:
    """The first row of a contact export, for choosing which column is which."""
    path = Path(source)
    try:
        with path.open("rb") as probe:
            head = probe.read(_SAMPLE)
    except OSError as error:
        raise ServiceError(f"Cannot read \u201c{path}\u201d: {error.strerror or error}.") from error
    if head.startswith(b"PK\x03\x04"):
        try:
            with _workbook_rows(path) as rows:
                return [cell.strip() for cell in next(rows, [])]
        except InterchangeError as error:
            raise ServiceError(f"Cannot import \u201c{path.name}\u201d: {error}") from error
    text = head.decode(_encoding(head), errors="replace")
    first = text.split("\n", 1)[0].rstrip("\r")
    try:
        delimiter = csv.Sniffer().sniff(first, delimiters=",;\t|").delimiter
    except csv.Error:
        delimiter = ","
    row = next(csv.reader([first], delimiter=delimiter), [])
    return [cell.strip().lstrip("\ufeff") for cell in row]


def distinct_values(source: str | Path, column: str, limit: int = 200) -> list[tuple[str, int]]:
    """The most common values of one column (contact reasons, channels), with their counts."""
    from collections import Counter

    mapping = ColumnMapping(columns={"reason": column}, places={"\x00": "\x00"})
    summary = summarise_file(source, mapping)
    counts: Counter[str] = Counter(summary.unplaced)
    return counts.most_common(limit)


def import_contacts(
    store: LibraryStore,
    map_id: str,
    source: str | Path,
    mapping: ColumnMapping | None,
    *,
    dry_run: bool = False,
) -> ContactImport:
    """Read ``source`` into the map's metrics (one transaction), or only preview it.

    Without ``mapping`` the library's remembered one is used; after a real
    import the mapping is remembered for the next.
    """
    from jmapper.model.errors import DomainError
    from jmapper.model.invariants import check_bundle

    if mapping is None:
        remembered = store.get_setting(MAPPING_SETTING)
        if not remembered:
            raise ServiceError(
                "This library has no remembered column mapping yet; name one with --mapping "
                "FILE (see docs/contact-centre.md)."
            )
        mapping = ColumnMapping.from_json(remembered)
    bundle = store.load_map(map_id)
    changeset, result = plan_contacts(bundle, source, mapping)
    if dry_run:
        return dataclasses.replace(result, written=0)
    if not changeset:
        return result
    trial = bundle.copy()
    trial.apply(changeset.changes)
    try:
        check_bundle(trial)
    except DomainError as error:
        raise ServiceError(f"The contact data cannot be stored on this map: {error}") from error
    store.apply(changeset.changes)
    store.set_setting(MAPPING_SETTING, mapping.to_json())
    return result
