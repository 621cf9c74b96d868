"""Which emotion curve the keyboard and the mouse edit: a persona and a series.

A map holds one value per step per persona per series (as-is, to-be,
employee; docs/domain.md, "Emotion").  The picker (a combo on the main
toolbar) names every curve the map can hold: the primary persona's three
series and each overlay persona's.  "+" / "-" in the emotions lane and a
double-click in its plot edit the chosen curve, creating its point in that
column when there is none; choosing a face on the canvas makes its curve the
chosen one, so dragging and then nudging stay on one curve.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from jmapper.model.bundle import MapBundle
from jmapper.model.enums import EmotionSeries


class EmotionTarget(NamedTuple):
    """A curve: ``persona_id`` None for the map's primary persona, and a series."""

    persona_id: str | None
    series: EmotionSeries


PRIMARY_AS_IS = EmotionTarget(None, EmotionSeries.AS_IS)


def curve_targets(bundle: MapBundle | None) -> list[tuple[EmotionTarget, str]]:
    """Every curve the map can hold, with its label, primary persona first."""
    if bundle is None:
        return [(EmotionTarget(None, s), s.label) for s in EmotionSeries]
    primary = bundle.personas.get(bundle.map.primary_persona_id or "")
    out = [
        (EmotionTarget(None, s), f"{primary.name} \u2013 {s.label}" if primary else s.label)
        for s in EmotionSeries
    ]
    for persona_id in bundle.map.overlay_persona_ids:
        persona = bundle.personas.get(persona_id)
        if persona is None or persona_id == bundle.map.primary_persona_id:
            continue
        out.extend(
            (EmotionTarget(persona_id, s), f"{persona.name} \u2013 {s.label}")
            for s in EmotionSeries
        )
    return out


def point_target(bundle: MapBundle, point_id: str) -> EmotionTarget | None:
    """The curve an emotion point belongs to."""
    point = bundle.emotion_points.get(point_id)
    if point is None:
        return None
    primary = bundle.map.primary_persona_id
    persona = point.persona_id if point.persona_id != primary else None
    return EmotionTarget(persona, point.series)


class EmotionSeriesPicker(QComboBox):
    # the chosen curve changed: the EmotionTarget
    target_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emotionSeriesCombo")
        self.setToolTip("The emotion curve that + / - and a double-click in the emotions lane edit")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._targets: list[tuple[EmotionTarget, str]] = []
        self.currentIndexChanged.connect(lambda _i: self.target_changed.emit(self.target()))
        self.refresh(None)

    def refresh(self, bundle: MapBundle | None) -> None:
        """Offer the map's curves; the chosen one stays chosen while the map still has it."""
        targets = curve_targets(bundle)
        if targets == self._targets:
            return
        keep = self.target()
        self._targets = targets
        self.blockSignals(True)
        self.clear()
        for target, label in targets:
            self.addItem(label, target)
        self.blockSignals(False)
        if not self.select(keep):
            self.setCurrentIndex(0)

    def target(self) -> EmotionTarget:
        data = self.currentData()
        return data if isinstance(data, EmotionTarget) else PRIMARY_AS_IS

    def select(self, target: EmotionTarget) -> bool:
        """Choose ``target`` if the map has it; whether it did."""
        for index, (candidate, _label) in enumerate(self._targets):
            if candidate == target:
                self.setCurrentIndex(index)
                return True
        return False


__all__ = [
    "PRIMARY_AS_IS",
    "EmotionSeriesPicker",
    "EmotionTarget",
    "curve_targets",
    "point_target",
]
