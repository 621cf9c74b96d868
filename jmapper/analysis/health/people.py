"""Rules about whom and what the map follows: one actor, one scenario."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from jmapper.analysis.health.findings import Problem, Rule, Severity, Target
from jmapper.model.bundle import MapBundle

#: More overlays than this and the emotion lane stops being readable (the model caps it too).
MAX_OVERLAYS = 4


def _map(bundle: MapBundle) -> Target:
    return Target("map", bundle.map.id)


def no_persona(bundle: MapBundle, today: date) -> Iterator[Problem]:
    persona_id = bundle.map.primary_persona_id
    if persona_id is None or persona_id not in bundle.personas:
        yield Problem(
            _map(bundle),
            "The map follows no persona; choose the primary persona whose journey this is.",
        )


def too_many_personas(bundle: MapBundle, today: date) -> Iterator[Problem]:
    """Over four overlays, or emotion values of personas the map does not show.

    The model already holds one primary persona and caps overlays, so a second
    "primary" shows up as emotion values kept for a persona that is neither.
    """
    overlays = bundle.map.overlay_persona_ids
    if len(overlays) > MAX_OVERLAYS:
        yield Problem(
            _map(bundle),
            f"The map overlays {len(overlays)} personas; keep at most {MAX_OVERLAYS} and make "
            "a separate map for the others.",
        )
    shown = {bundle.map.primary_persona_id, *overlays, None}
    extra = {p.persona_id for p in bundle.emotion_points.values()} - shown
    if extra:
        names = sorted(
            bundle.personas[p].name if p in bundle.personas else "an unknown persona"
            for p in extra
            if p is not None
        )
        yield Problem(
            _map(bundle),
            f"The map holds emotion values for {', '.join(names)}, who "
            f"{'is' if len(names) == 1 else 'are'} neither its primary persona nor an overlay; "
            "overlay them or give them a map of their own.",
        )


def no_scenario(bundle: MapBundle, today: date) -> Iterator[Problem]:
    if not bundle.map.scenario.strip():
        yield Problem(
            _map(bundle),
            "The map has no scenario; describe the situation and goal the persona's journey "
            "follows.",
        )


RULES = (
    Rule("no-persona", Severity.ERROR, "The map follows no primary persona.", no_persona),
    Rule(
        "too-many-personas",
        Severity.WARNING,
        "More than four overlays, or emotion values of personas the map does not show.",
        too_many_personas,
    ),
    Rule("no-scenario", Severity.ERROR, "The map has no scenario.", no_scenario),
)
