"""Map > Start Review and Review Report in the editor, and the PDF "Review" page."""

from __future__ import annotations

from datetime import date

import pypdfium2

from jmapper.analysis.health.review import add_months
from jmapper.services.export import export_map_file
from jmapper.ui import action_names as names
from jmapper.ui.dialogs.report_view import ReportDialog


def _worsen_first_step(document) -> str:
    """Lower the primary curve's first value by one (or raise it at the bottom); its label."""
    bundle = document.bundle
    column = bundle.columns()[0]
    point = next(
        p
        for p in bundle.emotion_points.values()
        if (p.stage_id, p.step_id) == (column.stage_id, column.step_id)
        and p.persona_id in (None, bundle.map.primary_persona_id)
        and p.series.value == "as_is"
    )
    low = bundle.map.emotion_scale.minimum
    document.set_emotion(
        column.stage_id, column.step_id, point.value - 1 if point.value > low else point.value + 1
    )
    return (
        bundle.steps[column.step_id].name if column.step_id else bundle.stages[column.stage_id].name
    )


def test_start_review_then_the_report_shows_the_changes(window, qtbot, message_boxes, render_dir):
    document = window.document
    window.named_actions[names.REVIEW_REPORT].trigger()  # no review yet: one sentence
    assert any("has no review yet" in text for text in message_boxes.texts)
    window.named_actions[names.START_REVIEW].trigger()
    today = date.today()
    assert document.bundle.map.last_reviewed == today
    assert document.bundle.map.next_review == add_months(today, 3)
    first = document.snapshots()[0]
    assert first.name.startswith(f"Review {today.year}-Q")
    step = _worsen_first_step(document)
    window.named_actions[names.REVIEW_REPORT].trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, ReportDialog)
    (shifted,) = [s for s in dialog.view.report.sections if s.heading == "Emotion per step"]
    (line,) = shifted.lines
    assert step in line.text and line.word == "shifted"
    dialog.resize(1100, 820)
    qtbot.wait(50)
    dialog.grab().save(str(render_dir / "review-report.png"))
    dialog.close()


def test_the_pdf_review_page(window, tmp_path, render_dir):
    document = window.document
    document.start_review(date.today())
    _worsen_first_step(document)
    out = tmp_path / "review.pdf"
    export_map_file(window.library, document.map_id, out, "pdf", {"pages": ("review",)})
    pdf = pypdfium2.PdfDocument(str(out))
    assert len(pdf) == 1
    text = pdf[0].get_textpage().get_text_range()
    assert "Review: what changed since Review" in text and "shifted" in text
    pdf[0].render(scale=1.5).to_pil().save(str(render_dir / "review-page.png"))


def test_the_review_cadence_is_set_in_the_inspector_and_drives_start_review(window, qtbot):
    from PySide6.QtCore import Qt

    document = window.document
    window.canvas.select("", "")
    spin = window.inspector.form.editors["review_cadence_months"].spin
    assert spin.value() == spin.minimum()  # none: a quarter
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "6")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert document.bundle.map.review_cadence_months == 6
    window.named_actions[names.START_REVIEW].trigger()
    assert document.bundle.map.next_review == add_months(date.today(), 6)
