"""Map templates: map types and their lanes, stage presets, new maps and sample maps.

Qt-free (stdlib and :mod:`jmapper.model` only), so the CLI, services and the
UI all start maps the same way.
"""

from __future__ import annotations

from typing import Any

from jmapper.templates.builder import MapBuilder
from jmapper.templates.factory import (
    derive_future_state,
    duplicate_map,
    emotion_series,
    new_map,
    personas_of,
)
from jmapper.templates.map_types import MAP_TYPES, LaneSpec, LineSpec, MapTypeInfo, map_type_info
from jmapper.templates.presets import (
    CONTACT_CENTRE_TOUCHPOINTS,
    STAGE_PRESETS,
    StagePreset,
    TouchpointTemplate,
    stage_preset,
)
from jmapper.templates.sample_personas import SamplePersonas
from jmapper.templates.samples import SAMPLES, SampleInfo, build_sample, build_samples


def describe_templates() -> dict[str, Any]:
    """Everything a user can start from, as plain JSON-ready data (``jmapper templates``)."""
    return {
        "map_types": [
            {
                "key": info.key,
                "label": info.label,
                "purpose": info.purpose,
                "default_stage_preset": info.default_stage_preset,
                "note": info.note,
                "lanes": [
                    {"name": lane.name, "kind": lane.kind.value, "zone": lane.zone.value}
                    for lane in info.lanes
                ],
                "lines": [
                    {"kind": line.kind.value, "label": line.label, "after_lanes": line.after_lanes}
                    for line in info.lines
                ],
            }
            for info in MAP_TYPES.values()
        ],
        "stage_presets": [
            {
                "key": preset.key,
                "name": preset.name,
                "description": preset.description,
                "stages": list(preset.stages),
            }
            for preset in STAGE_PRESETS.values()
        ],
        "touchpoints": [
            {
                "key": t.key,
                "title": t.title,
                "description": t.description,
                "channel": t.channel.value,
                "stage": t.stage,
            }
            for t in CONTACT_CENTRE_TOUCHPOINTS.values()
        ],
        "samples": [
            {
                "key": info.key,
                "title": info.title,
                "map_type": info.map_type.value,
                "description": info.description,
            }
            for info in SAMPLES.values()
        ],
    }


__all__ = [
    "CONTACT_CENTRE_TOUCHPOINTS",
    "MAP_TYPES",
    "SAMPLES",
    "STAGE_PRESETS",
    "LaneSpec",
    "LineSpec",
    "MapBuilder",
    "MapTypeInfo",
    "SampleInfo",
    "SamplePersonas",
    "StagePreset",
    "TouchpointTemplate",
    "build_sample",
    "build_samples",
    "derive_future_state",
    "describe_templates",
    "duplicate_map",
    "emotion_series",
    "map_type_info",
    "new_map",
    "personas_of",
    "stage_preset",
]
