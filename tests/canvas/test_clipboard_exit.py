"""Quitting after copying cards must not crash the interpreter."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from jmapper.model.entities import Card
    from jmapper.ui.canvas.clipboard import copy_cards, pasted_cards, release_clipboard

    app = QApplication([])
    app.aboutToQuit.connect(release_clipboard)
    copy_cards([Card(title="Call the helpline", description="twice")])
    assert [c.title for c in pasted_cards()] == ["Call the helpline"]
    QTimer.singleShot(0, app.quit)
    app.exec()
    print("clean exit")
    """
)


def test_quitting_with_cards_on_the_clipboard_exits_cleanly():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "clean exit"
