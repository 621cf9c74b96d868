"""Which fields each entity kind shows in the inspector, and the form that shows them.

The specs are data: one line per editable field of every kind the canvas can
select (and the library's personas).  Ids and positions are left out on
purpose: they change through the canvas (drag, insert, reorder), not by
typing numbers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QSizePolicy, QWidget

from jmapper.model.enums import (
    BlueprintZone,
    Channel,
    EmotionSeries,
    EvidenceKind,
    EvidenceLevel,
    LaneKind,
    LinkDirection,
    LinkType,
    MapStatus,
    MapType,
    MetricRole,
    MetricSource,
    OpportunityStatus,
    PainPersistence,
)
from jmapper.ui.docks.counts_editor import CountsEditor
from jmapper.ui.docks.editors import (
    BoolEditor,
    ColourEditor,
    DateEditor,
    EmotionScaleEditor,
    EnumEditor,
    EnumSetEditor,
    FieldEditor,
    FloatEditor,
    IntEditor,
    LineEditor,
    LinesEditor,
    TextEditor,
)


@dataclass(frozen=True)
class FieldSpec:
    """One editable field: model attribute, form label, and how to make its editor."""

    name: str
    label: str
    make: Callable[[], FieldEditor]
    tooltip: str = ""


def _line(name: str, label: str, tip: str = "") -> FieldSpec:
    return FieldSpec(name, label, LineEditor, tip)


def _text(name: str, label: str, tip: str = "") -> FieldSpec:
    return FieldSpec(name, label, TextEditor, tip)


def _lines(name: str, label: str, tip: str = "") -> FieldSpec:
    return FieldSpec(name, label, LinesEditor, tip or "One per line")


def _enum(name: str, label: str, enum: Any, optional: bool = False) -> FieldSpec:
    return FieldSpec(name, label, lambda: EnumEditor(enum, optional))


def _int(
    name: str, label: str, lo: int, hi: int, optional: bool = True, tip: str = ""
) -> FieldSpec:
    return FieldSpec(name, label, lambda: IntEditor(lo, hi, optional), tip)


def _float(name: str, label: str, lo: float, hi: float, decimals: int, tip: str = "") -> FieldSpec:
    return FieldSpec(name, label, lambda: FloatEditor(lo, hi, decimals, True), tip)


def _bool(name: str, label: str, tip: str = "") -> FieldSpec:
    return FieldSpec(name, "", lambda: BoolEditor(label), tip)


def _date(name: str, label: str) -> FieldSpec:
    return FieldSpec(name, label, DateEditor, "Pick a date, or \u00d7 for none")


def _colour(name: str, label: str, optional: bool) -> FieldSpec:
    return FieldSpec(name, label, lambda: ColourEditor(optional))


_BIG = 1_000_000_000

SPECS: dict[str, tuple[FieldSpec, ...]] = {
    "map": (
        _line("title", "Title"),
        _enum("map_type", "Type", MapType),
        FieldSpec(
            "emotion_scale",
            "Emotion scale",
            EmotionScaleEditor,
            "Changing the scale moves every emotion value onto it (one undo step)",
        ),
        _text("scenario", "Scenario", "The one situation this map follows"),
        _text("goal", "Goal", "What the persona is trying to achieve"),
        _text("expectations", "Expectations"),
        _line("scope_start", "Starts when"),
        _line("scope_end", "Ends when"),
        _enum("status", "Status", MapStatus),
        _line("version_label", "Version"),
        _line("author", "Author"),
        _line("organisation", "Organisation"),
        _date("last_reviewed", "Last reviewed"),
        _date("next_review", "Next review"),
        _int(
            "review_cadence_months",
            "Review every",
            1,
            24,
            tip="Months between reviews; \u2014 means a quarter (3 months)",
        ),
    ),
    "stage": (
        _line("name", "Name"),
        _text("description", "Description"),
        _lines("data_sources", "Data sources", "Where this stage's findings come from, one a line"),
    ),
    "step": (
        _line("name", "Name"),
        _text("description", "Description"),
        _line("duration", "Time per step", "As you would say it, e.g. \u201c2 days\u201d"),
    ),
    "lane": (
        _line("name", "Name"),
        _enum("kind", "Kind", LaneKind),
        _enum("zone", "Blueprint zone", BlueprintZone),
        _bool("visible", "Visible on the map"),
    ),
    "blueprint_line": (
        _line("label", "Label", "Empty: the line's own name; drag the line, or Alt+Up/Down"),
    ),
    "card": (
        _line("title", "Title"),
        _text("description", "Description"),
        _enum("channel", "Channel", Channel, optional=True),
        _int("span", "Spans steps", 1, 99, optional=False),
        _line("owner", "Owner"),
        _enum("evidence_level", "Evidence", EvidenceLevel, optional=True),
        _line("data_source", "Data source"),
        _text("quote", "Quote"),
        _bool("failure_point", "Failure point"),
        _int("pain_severity", "Pain severity", 0, 4, tip="0 (none) to 4 (catastrophe), Nielsen"),
        _int("pain_volume", "Pain volume", 0, _BIG, tip="How many customers, per period"),
        _line("pain_volume_period", "Volume period", "e.g. \u201cper month\u201d"),
        _enum("pain_persistence", "Persistence", PainPersistence, optional=True),
        _colour("colour", "Colour", optional=True),
    ),
    "emotion_point": (
        _int("value", "Value", -100, 100, optional=False),
        _enum("series", "Series", EmotionSeries),
        _text("note", "Note"),
    ),
    "card_link": (
        _enum("direction", "Direction", LinkDirection),
        _enum("link_type", "Type", LinkType),
        _line("label", "Label"),
    ),
    "opportunity": (
        _line("title", "Title"),
        _text("description", "Description"),
        _line("owner", "Owner", "Every priority gap needs a named owner"),
        _line("metric", "Metric", "How you will know it worked"),
        _line("baseline", "Baseline"),
        _line("target", "Target"),
        _date("due_date", "Due date"),
        _enum("status", "Status", OpportunityStatus),
        _int("impact", "Impact", 1, 5, tip="1 (low) to 5 (high)"),
        _int("feasibility", "Feasibility", 1, 5, tip="1 (hard) to 5 (easy)"),
        _int("severity", "Severity", 0, 4),
        _int("volume", "Volume", 0, _BIG),
        _int("reach", "Reach", 0, _BIG, tip="RICE: people affected per period"),
        _float("confidence", "Confidence", 0.0, 1.0, 2, "RICE: 0 to 1"),
        _float("effort", "Effort", 0.0, 1000.0, 1, "RICE: person-months"),
    ),
    "moment_of_truth": (
        _line("title", "Title"),
        _text("description", "Description"),
    ),
    "metric_value": (
        _enum("role", "Role", MetricRole),
        _line("period", "Period", "e.g. 2025-Q2"),
        _int("sample_size", "Sample size", 0, _BIG, tip="Empty: the counts' total"),
        _enum("source", "Source", MetricSource),
        _float("value", "Value", -_BIG, _BIG, 2, "The figure; raw counts, when given, win"),
        FieldSpec(
            "raw_counts",
            "Raw counts",
            CountsEditor,
            "key: number pairs, e.g. 4: 25, 5: 15 (docs/metrics.md); Enter applies",
        ),
    ),
    "evidence_item": (
        _line("title", "Title"),
        _enum("kind", "Kind", EvidenceKind),
        _enum("level", "Level", EvidenceLevel, optional=True),
        _line("source", "Source"),
        _line("url", "Link or file"),
        _text("notes", "Note"),
        _date("collected", "Collected"),
    ),
    "comment": (
        _line("author", "Author"),
        _text("text", "Text"),
        _bool("resolved", "Resolved"),
    ),
    "persona": (
        _line("name", "Name"),
        _line("role", "Role"),
        _text("description", "Description"),
        _lines("goals", "Goals"),
        _lines("needs", "Needs"),
        _lines("pain_points", "Pain points"),
        FieldSpec("preferred_channels", "Channels", lambda: EnumSetEditor(Channel)),
        _text("quote", "Quote"),
        _colour("colour", "Colour", optional=False),
        _bool("research_based", "Based on research (not an assumption)"),
    ),
}


class EntityForm(QWidget):
    """The editors of one kind's fields; shows an entity and reports user edits."""

    # the user edited a field; arguments: field name, new value, whether it is continuous typing
    field_edited = Signal(str, object, bool)

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.editors: dict[str, FieldEditor] = {}
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.setContentsMargins(6, 6, 6, 6)
        for spec in SPECS[kind]:
            editor = spec.make()
            editor.setObjectName(f"field_{spec.name}")
            # Rows keep their natural height; spare room goes below the last row.
            policy = editor.sizePolicy()
            policy.setVerticalPolicy(QSizePolicy.Policy.Fixed)
            editor.setSizePolicy(policy)
            if spec.tooltip:
                editor.setToolTip(spec.tooltip)
            editor.edited.connect(
                lambda value, name=spec.name, ed=editor: self.field_edited.emit(
                    name, value, ed.continuous
                )
            )
            self.editors[spec.name] = editor
            if spec.label:
                label = QLabel(spec.label, self)
                label.setBuddy(editor)
                layout.addRow(label, editor)
            else:
                layout.addRow(editor)

    def show_entity(self, entity: Any) -> None:
        """Show ``entity``'s values; editors the user is typing in keep their cursor."""
        for name, editor in self.editors.items():
            editor.set_value(getattr(entity, name))

    def configure_emotion_scale(self, minimum: int, maximum: int) -> None:
        """Limit the emotion value to the map's scale."""
        editor = self.editors.get("value")
        if isinstance(editor, IntEditor):
            editor.spin.setRange(minimum, maximum)
