"""A realistic contact-centre export for tests and benchmarks, with the quirks real ones have.

``write_export`` writes what a European contact-centre platform exports: a
UTF-8 byte-order mark, semicolons, decimal commas, dates in three formats,
blank cells, Excel's formula-looking text cells (="..."), repeat flags spelt
several ways and contact reasons no mapping places.  It returns the records it
wrote, so a test can work the expected figures out by hand from them.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

#: Contact reasons and where the mapping puts them (None: not placed).
REASONS = {
    "Connection drops": "Connection keeps dropping",
    "Billing question": "Contact initiation / Calls the support line",
    "Line fault": "IVR menus and queue",
    "Engineer visit": "Remote line test",
    "Other": None,
}
CHANNELS = ("Phone", "Chat", "Email")
MAPPING = {
    "columns": {
        "date": "Date",
        "channel": "Channel",
        "reason": "Contact reason",
        "csat": "CSAT",
        "nps": "NPS",
        "ces": "CES",
        "repeat": "Repeat contact",
        "handle_time": "Handle time (s)",
    },
    "places": {reason: place for reason, place in REASONS.items() if place},
    "source": "telephony",
}


@dataclass(frozen=True)
class Record:
    day: date
    channel: str
    reason: str
    csat: int | None
    nps: int | None
    ces: int | None
    repeat: bool | None
    handle: float | None


def records(count: int, seed: int = 7, start: date = date(2025, 4, 1)) -> list[Record]:
    return list(iter_records(count, seed, start))


def iter_records(count: int, seed: int = 7, start: date = date(2025, 4, 1)) -> Iterator[Record]:
    """``count`` records one at a time, so a benchmark can write a million without holding them."""
    rng = random.Random(seed)
    for _ in range(count):
        surveyed = rng.random() < 0.3
        yield (
            Record(
                day=start + timedelta(days=rng.randrange(90)),  # within one quarter
                channel=rng.choice(CHANNELS),
                reason=rng.choice(list(REASONS)),
                csat=rng.randint(1, 5) if surveyed else None,
                nps=rng.randint(0, 10) if surveyed and rng.random() < 0.8 else None,
                ces=rng.randint(1, 7) if surveyed and rng.random() < 0.6 else None,
                repeat=None if rng.random() < 0.05 else rng.random() < 0.2,
                handle=round(rng.uniform(60, 1200), 1) if rng.random() < 0.9 else None,
            )
        )


def _date_text(day: date, rng: random.Random) -> str:
    style = rng.randrange(3)
    if style == 0:
        return day.isoformat()
    if style == 1:
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    return f"{day.day}.{day.month}.{day.year} 09:{rng.randrange(60):02d}"


def _flag(value: bool | None, rng: random.Random) -> str:
    if value is None:
        return ""
    return rng.choice(("yes", "Y", "1", "TRUE") if value else ("no", "N", "0", "false"))


def _cell(text: str, rng: random.Random) -> str:
    """Now and then, Excel's formula-looking way of keeping a text cell as text."""
    return f'="{text}"' if rng.random() < 0.1 else text


def write_export(path: Path, rows: Iterable[Record], seed: int = 11) -> None:
    rng = random.Random(seed)
    header = ["Contact id", *MAPPING["columns"].values()]
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        out.write(";".join(header) + "\r\n")
        for number, r in enumerate(rows, start=1):
            cells = [
                _cell(f"{number:08d}", rng),
                _date_text(r.day, rng),
                r.channel,
                _cell(r.reason, rng),
                "" if r.csat is None else str(r.csat),
                "" if r.nps is None else _cell(str(r.nps), rng),
                "" if r.ces is None else str(r.ces),
                _flag(r.repeat, rng),
                "" if r.handle is None else f"{r.handle:.1f}".replace(".", ","),
            ]
            out.write(";".join(cells) + "\r\n")
            if rng.random() < 0.01:
                out.write(";;;;;;;;\r\n")  # a blank row, as exports have
