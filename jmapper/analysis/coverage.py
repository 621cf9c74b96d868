"""Which stages are backed by data: the per-stage indicator and the health rule share it.

A stage rests on data when it cites a data source itself, or when an
evidence item is attached to it, to one of its steps or to a card in it.
"""

from __future__ import annotations

from jmapper.model.bundle import MapBundle
from jmapper.model.enums import TargetKind


def stages_backed_by_data(bundle: MapBundle) -> set[str]:
    """Ids of the stages that cite a data source or carry an evidence item."""
    backed = {s.id for s in bundle.stages.values() if any(src.strip() for src in s.data_sources)}
    for item in bundle.evidence_items.values():
        stage_id = stage_of(bundle, item.target_kind, item.target_id)
        if stage_id is not None:
            backed.add(stage_id)
    return backed


def stage_evidence_counts(bundle: MapBundle) -> dict[str, int]:
    """Per stage: the data sources it cites plus the evidence items on it, its steps and cards.

    A stage missing from the result (or at 0) rests on no data.
    """
    counts = {s.id: sum(1 for src in s.data_sources if src.strip()) for s in bundle.stages.values()}
    for item in bundle.evidence_items.values():
        stage_id = stage_of(bundle, item.target_kind, item.target_id)
        if stage_id is not None:
            counts[stage_id] = counts.get(stage_id, 0) + 1
    return counts


def stage_of(bundle: MapBundle, kind: TargetKind, target_id: str | None) -> str | None:
    if target_id is None:
        return None
    if kind is TargetKind.STAGE:
        return target_id if target_id in bundle.stages else None
    if kind is TargetKind.STEP:
        step = bundle.steps.get(target_id)
        return None if step is None else step.stage_id
    if kind is TargetKind.CARD:
        card = bundle.cards.get(target_id)
        return None if card is None else card.stage_id
    return None


__all__ = ["stage_evidence_counts", "stage_of", "stages_backed_by_data"]
