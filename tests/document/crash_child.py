"""Child process for the crash test: edits a map until killed.

After each edit returns (it is then stored), prints ``done N CARD_ID TITLE``.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication  # noqa: E402

from jmapper.document import JourneyDocument  # noqa: E402
from jmapper.model.entities import Card  # noqa: E402
from jmapper.storage import LibraryStore  # noqa: E402


def main(path: str, first: int) -> None:
    app = QGuiApplication([])  # noqa: F841 (keeps Qt alive for the document)
    store = LibraryStore.open(path)
    (map_id,) = store.map_ids()
    doc = JourneyDocument(store.load_map(map_id), store)
    lane = doc.bundle.ordered_lanes()[0]
    column = doc.bundle.columns()[0]
    last_card = None
    n = first
    while True:
        title = f"edit-{n}"
        if last_card is not None and n % 3 == 2:
            doc.edit("card", last_card, title=title)
        else:
            card = doc.add_card(
                Card(lane_id=lane.id, stage_id=column.stage_id, step_id=column.step_id, title=title)
            )
            last_card = card.id
        print(f"done {n} {last_card} {title}", flush=True)
        n += 1


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
