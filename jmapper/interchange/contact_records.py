"""Contact-centre exports (contacts, survey answers) summed per place on the map, streaming.

A contact-centre platform exports one row per contact or survey response:
date, channel, contact reason, CSAT 1-5, NPS 0-10, CES 1-7, a repeat-contact
flag, handle time.  :class:`ColumnMapping` says which column is which and which
contact reasons (or channels) belong to which step, stage or touchpoint card;
:func:`summarise` reads the rows once, keeping only counts per place, so a file
of a million rows needs no more memory than one of ten (docs/contact-centre.md).

The counts are the raw counts :mod:`jmapper.analysis.metrics` scores: CSAT
"1".."5", NPS "0".."10", CES "1".."7", repeat "repeat_contacts"/"contacts",
AHT "talk"/"contacts" (handle time summed as talk time, in the metric's unit).
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from jmapper.interchange.errors import InterchangeError

#: The columns a mapping can name, and what each holds.
COLUMNS = {
    "date": "the date of the contact or response",
    "channel": "the channel (phone, chat, email, ...)",
    "reason": "the contact reason",
    "csat": "CSAT answer, 1 to 5",
    "nps": "NPS answer, 0 to 10",
    "ces": "CES answer, 1 to 7",
    "repeat": "repeat-contact flag (yes/no, true/false, 1/0)",
    "handle_time": "handle time of the contact",
}
_YES = frozenset({"yes", "y", "true", "1", "ja", "oui", "si", "x"})
_NO = frozenset({"no", "n", "false", "0", "nein", "non", "nee", ""})
_DATE_PATTERNS = (
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})"), "ymd"),
    (re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})"), "ymd"),
    (re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})"), "dmy"),
)


@dataclass(frozen=True)
class ColumnMapping:
    """Which column holds what, and where on the map each contact reason or channel belongs."""

    columns: dict[str, str]
    places: dict[str, str] = field(default_factory=dict)
    channels: dict[str, str] = field(default_factory=dict)
    period: str = ""
    source: str = "telephony"
    day_first: bool = True

    @classmethod
    def from_json(cls, text: str) -> ColumnMapping:
        """A mapping from its JSON form (docs/contact-centre.md); a sentence when it is wrong."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise InterchangeError(
                f"The mapping is not valid JSON (line {error.lineno}, column {error.colno})."
            ) from None
        if not isinstance(data, dict):
            raise InterchangeError("The mapping must be a JSON object with a 'columns' object.")
        unknown = sorted(
            set(data) - {"columns", "places", "channels", "period", "source", "day_first"}
        )
        if unknown:
            raise InterchangeError(f"The mapping has an unknown field '{unknown[0]}'.")
        columns = _text_dict(data.get("columns"), "columns")
        wrong = sorted(set(columns) - set(COLUMNS))
        if wrong:
            raise InterchangeError(
                f"The mapping names a column '{wrong[0]}' jmapper does not read; use "
                f"{', '.join(COLUMNS)}."
            )
        if "reason" not in columns and "channel" not in columns:
            raise InterchangeError(
                "The mapping names neither a 'reason' nor a 'channel' column, so no row can be "
                "placed on the map."
            )
        places = _text_dict(data.get("places", {}), "places")
        channels = _text_dict(data.get("channels", {}), "channels")
        if not places and not channels:
            raise InterchangeError(
                "The mapping places no contact reason or channel on the map; add 'places' "
                '(for example {"Billing question": "Pay the bill"}).'
            )
        period = data.get("period", "")
        source = data.get("source", "telephony")
        day_first = data.get("day_first", True)
        if not isinstance(period, str) or not isinstance(source, str):
            raise InterchangeError("The mapping's 'period' and 'source' must be text.")
        if not isinstance(day_first, bool):
            raise InterchangeError("The mapping's 'day_first' must be true or false.")
        return cls(
            columns=columns,
            places={_key(k): v for k, v in places.items()},
            channels={_key(k): v for k, v in channels.items()},
            period=period.strip(),
            source=source.strip(),
            day_first=day_first,
        )

    def to_json(self) -> str:
        return json.dumps(
            {
                "columns": self.columns,
                "places": self.places,
                "channels": self.channels,
                "period": self.period,
                "source": self.source,
                "day_first": self.day_first,
            },
            indent=2,
            ensure_ascii=False,
        )


def _text_dict(value: Any, name: str) -> dict[str, str]:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise InterchangeError(f"The mapping's '{name}' must be an object of text to text.")
    return {k.strip(): v.strip() for k, v in value.items()}


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass
class Tally:
    """The counts of one place: contacts, answers per score, repeats, handle time."""

    contacts: int = 0
    # Answers per score, indexed by the score (lists: the hot loop's cheapest counter).
    csat: list[int] = field(default_factory=lambda: [0] * 6)
    nps: list[int] = field(default_factory=lambda: [0] * 11)
    ces: list[int] = field(default_factory=lambda: [0] * 8)
    repeats: int = 0
    repeat_known: int = 0
    handle_total: float = 0.0
    handled: int = 0


@dataclass
class ContactSummary:
    """What a file adds up to: a tally per place (the mapping's place text), and what was odd."""

    tallies: dict[str, Tally]
    rows: int = 0
    unplaced: Counter[str] = field(default_factory=Counter)
    bad: dict[str, tuple[int, int, str]] = field(
        default_factory=dict
    )  # column: (count, line, text)
    first_date: date | None = None
    last_date: date | None = None

    def warnings(self) -> list[str]:
        found = []
        if self.unplaced:
            top = ", ".join(f"\u201c{r}\u201d ({n:,})" for r, n in self.unplaced.most_common(3))
            total = sum(self.unplaced.values())
            found.append(
                f"{total:,} row(s) have a contact reason or channel the mapping does not place "
                f"on the map and were left out, most often {top}."
            )
        for column, (count, line, text) in sorted(self.bad.items()):
            found.append(
                f"{count:,} value(s) in the {column} column could not be read and were left out "
                f"(the first on line {line:,}: \u201c{text[:30]}\u201d)."
            )
        return found

    def period(self) -> str:
        """The period the dates cover: a month, a quarter, a year, or first..last."""
        first, last = self.first_date, self.last_date
        if first is None or last is None:
            return ""
        if (first.year, first.month) == (last.year, last.month):
            return f"{first.year}-{first.month:02d}"
        if first.year == last.year and (first.month - 1) // 3 == (last.month - 1) // 3:
            return f"{first.year}-Q{(first.month - 1) // 3 + 1}"
        if first.year == last.year and (first.month, last.month) == (1, 12):
            return str(first.year)
        return f"{first.isoformat()}..{last.isoformat()}"


def header_index(header: list[str], mapping: ColumnMapping) -> dict[str, int]:
    """Column role -> index in the header; InterchangeError naming a mapped column not there."""
    positions = {_key(_clean(name)): i for i, name in enumerate(header)}
    found = {}
    for role, name in mapping.columns.items():
        index = positions.get(_key(name))
        if index is None:
            shown = ", ".join(f"\u201c{_clean(h)}\u201d" for h in header[:12])
            raise InterchangeError(
                f"The column \u201c{name}\u201d the mapping names for {role} is not in the "
                f"header on line 1; the header has {shown}."
            )
        found[role] = index
    return found


def _clean(text: str) -> str:
    """A cell as Excel meant it: ="00123" is 00123, a BOM or spaces around are dropped."""
    text = text.strip().lstrip("\ufeff")
    if text[:2] == '="' and text[-1:] == '"':
        return text[2:-1].replace('""', '"')
    return text


def summarise(rows: Iterator[list[str]], mapping: ColumnMapping) -> ContactSummary:
    """Add up the rows (the header first) into a tally per place, reading each row once.

    The loop is the hot path of a million-row import: every text it meets is
    turned into a number once and cached (scores, flags, dates, reasons), so
    a row costs a few dictionary lookups.
    """
    try:
        header = next(rows)
    except StopIteration:
        raise InterchangeError("The file is empty: there is no header row.") from None
    except csv.Error as error:
        raise InterchangeError(f"On line 1, the file cannot be read as CSV ({error}).") from None
    index = header_index(header, mapping)
    summary = ContactSummary(tallies={})
    try:
        _add_up(rows, index, mapping, summary)
    except csv.Error as error:
        line = getattr(rows, "line_num", 0)
        raise InterchangeError(
            f"On line {line:,}, the file cannot be read as CSV ({error})."
        ) from None
    return summary


def _add_up(
    rows: Iterator[list[str]],
    index: dict[str, int],
    mapping: ColumnMapping,
    summary: ContactSummary,
) -> None:
    place_of: dict[tuple[str, str], str | None] = {}
    seen: dict[str, Any] = {}
    bad = summary.bad
    tallies = summary.tallies
    unplaced = summary.unplaced
    reason_i, channel_i = index.get("reason"), index.get("channel")
    date_i, repeat_i, handle_i = index.get("date"), index.get("repeat"), index.get("handle_time")
    csat_i, nps_i, ces_i = index.get("csat"), index.get("nps"), index.get("ces")
    csat_seen: dict[str, int | None] = {}
    nps_seen: dict[str, int | None] = {}
    ces_seen: dict[str, int | None] = {}
    flags: dict[str, int] = {}
    handles: dict[str, float | None] = {}
    days: dict[str, date | None] = {}
    width = max(index.values()) + 1
    line = 1
    for row in rows:
        line += 1
        if len(row) < width:
            if not any(cell.strip() for cell in row):
                continue
            row = row + [""] * (width - len(row))
        raw = row[reason_i] if reason_i is not None else ""
        key = (raw, row[channel_i] if channel_i is not None else "")
        place = place_of.get(key, "")
        if place == "":
            if not (raw or key[1]) and not any(cell.strip() for cell in row):
                continue  # a blank row, as exports have
            place = _place(mapping, row, reason_i, channel_i)
            place_of[key] = place
        summary.rows += 1
        if place is None:
            unplaced[_clean(raw or key[1]) or "(blank)"] += 1
            continue
        tally = tallies.get(place)
        if tally is None:
            tally = tallies[place] = Tally()
        tally.contacts += 1
        if csat_i is not None and (text := row[csat_i]):
            score = csat_seen.get(text, -1)
            if score == -1:
                score = csat_seen[text] = _score(text, 1, 5)
            if score is None:
                if text.strip():
                    _bad(bad, "csat", line, text)
            else:
                tally.csat[score] += 1
        if nps_i is not None and (text := row[nps_i]):
            score = nps_seen.get(text, -1)
            if score == -1:
                score = nps_seen[text] = _score(text, 0, 10)
            if score is None:
                if text.strip():
                    _bad(bad, "nps", line, text)
            else:
                tally.nps[score] += 1
        if ces_i is not None and (text := row[ces_i]):
            score = ces_seen.get(text, -1)
            if score == -1:
                score = ces_seen[text] = _score(text, 1, 7)
            if score is None:
                if text.strip():
                    _bad(bad, "ces", line, text)
            else:
                tally.ces[score] += 1
        if repeat_i is not None:
            text = row[repeat_i]
            flag = flags.get(text)
            if flag is None:
                word = _clean(text).casefold()
                flag = flags[text] = 1 if word in _YES else (0 if word in _NO else -1)
            if flag == 1:
                tally.repeats += 1
                tally.repeat_known += 1
            elif flag == 0:
                tally.repeat_known += bool(text.strip())
            else:
                _bad(bad, "repeat", line, text)
        if handle_i is not None and (text := row[handle_i]):
            handle = handles.get(text, -1.0)
            if handle == -1.0:
                handle = _number(text)
                if len(handles) < 200_000:
                    handles[text] = handle
            if handle is None:
                if text.strip():
                    _bad(bad, "handle_time", line, text)
            else:
                tally.handle_total += handle
                tally.handled += 1
        if date_i is not None and (text := row[date_i]):
            day = days.get(text, seen)
            if day is seen:
                day = days[text] = _day(text, mapping.day_first)
            if day is None and text.strip():
                _bad(bad, "date", line, text)
    known = [day for day in days.values() if day is not None]
    if known:
        summary.first_date, summary.last_date = min(known), max(known)


def _number(text: str) -> float | None:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        try:
            return float(_clean(text).replace(",", "."))
        except ValueError:
            return None


def _place(
    mapping: ColumnMapping, row: list[str], reason_i: int | None, channel_i: int | None
) -> str | None:
    if reason_i is not None:
        place = mapping.places.get(_key(_clean(row[reason_i])))
        if place:
            return place
    if channel_i is not None:
        place = mapping.channels.get(_key(_clean(row[channel_i])))
        if place:
            return place
    return None


def _score(text: str, low: int, high: int) -> int | None:
    text = _clean(text).replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        return None
    if not number.is_integer() or not low <= number <= high:
        return None
    return int(number)


def _day(text: str, day_first: bool) -> date | None:
    text = _clean(text)
    for pattern, order in _DATE_PATTERNS:
        found = pattern.match(text)
        if not found:
            continue
        a, b, c = (int(g) for g in found.groups())
        if order == "ymd":
            year, month, day = a, b, c
        else:
            day, month, year = (a, b, c) if day_first else (b, a, c)
        try:
            return date(year, month, day)
        except ValueError:
            return None
    return None


def _bad(bad: dict[str, tuple[int, int, str]], column: str, line: int, text: str) -> None:
    count, first, sample = bad.get(column, (0, line, text))
    bad[column] = (count + 1, first, sample)


def rows_of(lines: Iterable[str], delimiter: str) -> Iterator[list[str]]:
    """csv rows from an open text file (:func:`summarise` names the line of a bad quote)."""
    return csv.reader(lines, delimiter=delimiter)
