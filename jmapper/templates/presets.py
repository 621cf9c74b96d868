"""Stage presets and the contact-centre touchpoint set.

Presets are the stage lists users expect to pick from rather than type; keys
are stable because settings and the CLI refer to them.  The touchpoints are
the contact-centre essentials from docs/domain.md as card templates, so a support
map can start with the moments that research says matter most.
"""

from __future__ import annotations

from dataclasses import dataclass

from jmapper.model.entities import Card
from jmapper.model.enums import Channel


@dataclass(frozen=True)
class StagePreset:
    """A named, ordered list of stage names."""

    key: str
    name: str
    description: str
    stages: tuple[str, ...]


@dataclass(frozen=True)
class TouchpointTemplate:
    """A touchpoint card to offer on a support map, with its usual channel.

    ``stage`` names the support-interaction stage it normally falls in, so a
    map built on that preset can place it without asking.
    """

    key: str
    title: str
    description: str
    channel: Channel
    stage: str

    def to_card(self, map_id: str, lane_id: str, stage_id: str, step_id: str | None = None) -> Card:
        """A new touchpoint card from this template in the given cell."""
        return Card(
            map_id=map_id,
            lane_id=lane_id,
            stage_id=stage_id,
            step_id=step_id,
            title=self.title,
            description=self.description,
            channel=self.channel,
        )


_PRESET_LIST: tuple[StagePreset, ...] = (
    StagePreset(
        "lifecycle",
        "Customer lifecycle",
        "The whole relationship, from first hearing of you to leaving or recommending you.",
        (
            "Awareness",
            "Consideration",
            "Purchase / Onboarding",
            "Use",
            "Support",
            "Renewal / Expansion",
            "Churn or Advocacy",
        ),
    ),
    StagePreset(
        "short_lifecycle",
        "Short lifecycle",
        "A five-stage lifecycle for a first, high-level map.",
        ("Awareness", "Consideration", "Purchase", "Retention", "Loyalty"),
    ),
    StagePreset(
        "support_interaction",
        "Support interaction",
        "One contact with customer service, from the problem to the follow-up.",
        ("Pre-contact", "Contact initiation", "During the interaction", "Post-contact"),
    ),
    StagePreset(
        "day_in_the_life",
        "Day in the life",
        "The actor's day in four parts, including moments away from your service.",
        ("Morning", "Midday", "Afternoon", "Evening"),
    ),
    StagePreset(
        "buyers_journey",
        "Buyer's journey",
        "Pre-purchase only: from recognising a need to choosing a supplier.",
        ("Awareness", "Consideration", "Decision"),
    ),
)

#: Stage presets by key, in menu order.
STAGE_PRESETS: dict[str, StagePreset] = {preset.key: preset for preset in _PRESET_LIST}

_TOUCHPOINT_LIST: tuple[TouchpointTemplate, ...] = (
    TouchpointTemplate(
        "contact_route",
        "Finding the contact route",
        "How easily the customer finds the right number, chat or form for their problem.",
        Channel.WEB,
        "Pre-contact",
    ),
    TouchpointTemplate(
        "wait_and_access",
        "Wait time and accessibility",
        "IVR menus, queue time and whether the route works for this customer's needs.",
        Channel.PHONE,
        "Contact initiation",
    ),
    TouchpointTemplate(
        "first_contact",
        "First point of contact",
        "The first person or bot the customer reaches, and whether they can help.",
        Channel.PHONE,
        "During the interaction",
    ),
    TouchpointTemplate(
        "channel_choice",
        "Channel choice and switch",
        "Being moved between chat, phone and email, and repeating the story each time.",
        Channel.CHAT,
        "During the interaction",
    ),
    TouchpointTemplate(
        "repeat_contact",
        "Repeat contact",
        "Having to come back because the first contact did not resolve the issue.",
        Channel.PHONE,
        "Post-contact",
    ),
    TouchpointTemplate(
        "follow_up",
        "Follow-up confirmation",
        "The confirmation of what was agreed and what happens next.",
        Channel.EMAIL,
        "Post-contact",
    ),
    TouchpointTemplate(
        "resolution_survey",
        "Evaluation of the resolution",
        "The survey or check-in asking whether the problem is really solved.",
        Channel.SMS,
        "Post-contact",
    ),
)

#: The contact-centre touchpoint set by key, in journey order.
CONTACT_CENTRE_TOUCHPOINTS: dict[str, TouchpointTemplate] = {t.key: t for t in _TOUCHPOINT_LIST}


def stage_preset(key: str) -> StagePreset:
    """The preset with ``key``; a ValueError names the valid keys otherwise."""
    try:
        return STAGE_PRESETS[key]
    except KeyError:
        valid = ", ".join(STAGE_PRESETS)
        message = f"There is no stage preset called {key!r}; choose one of {valid}."
        raise ValueError(message) from None


__all__ = [
    "CONTACT_CENTRE_TOUCHPOINTS",
    "STAGE_PRESETS",
    "StagePreset",
    "TouchpointTemplate",
    "stage_preset",
]
