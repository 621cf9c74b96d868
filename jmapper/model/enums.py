"""Enumerations of the journey-mapping vocabulary (see docs/domain.md).

Values are stable lowercase strings: they are what SQLite and the JSON
interchange format store, so renaming a member's *value* is a format change.
"""

from __future__ import annotations

import enum
from enum import Enum


class StrEnum(enum.StrEnum):
    """A string enum whose ``str()`` is its value (stored form), with a label."""

    @property
    def label(self) -> str:
        """Human-readable label for menus and printed legends."""
        return _LABELS.get(self, self.value.replace("_", " ").capitalize())


class MapType(StrEnum):
    CURRENT_STATE = "current_state"
    FUTURE_STATE = "future_state"
    DAY_IN_THE_LIFE = "day_in_the_life"
    SERVICE_BLUEPRINT = "service_blueprint"
    BUYERS_JOURNEY = "buyers_journey"


class MapStatus(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    ARCHIVED = "archived"


class LaneKind(StrEnum):
    CUSTOMER_ACTIONS = "customer_actions"
    GOALS_NEEDS = "goals_needs"
    TOUCHPOINTS = "touchpoints"
    THOUGHTS = "thoughts"
    EMOTIONS = "emotions"
    PAIN_POINTS = "pain_points"
    OPPORTUNITIES = "opportunities"
    METRICS = "metrics"
    MOMENTS_OF_TRUTH = "moments_of_truth"
    TEXT = "text"
    STORYBOARD = "storyboard"
    EVIDENCE = "evidence"
    CHANNELS = "channels"
    PHYSICAL_EVIDENCE = "physical_evidence"
    FRONTSTAGE = "frontstage"
    BACKSTAGE = "backstage"
    SUPPORT_PROCESSES = "support_processes"
    TIME = "time"
    POLICIES = "policies"
    CONTEXT = "context"
    OTHER_PROVIDERS = "other_providers"
    UNMET_NEEDS = "unmet_needs"
    BUYER_QUESTIONS = "buyer_questions"
    BARRIERS = "barriers"


class BlueprintZone(StrEnum):
    """Where a lane sits relative to the blueprint lines.

    NONE means the lane is not constrained by the lines (journey-map lanes,
    time rows, emotion rows).
    """

    NONE = "none"
    CUSTOMER = "customer"
    FRONTSTAGE = "frontstage"
    BACKSTAGE = "backstage"
    SUPPORT = "support"


class BlueprintLineKind(StrEnum):
    INTERACTION = "interaction"
    VISIBILITY = "visibility"
    INTERNAL_INTERACTION = "internal_interaction"


#: Top-to-bottom order of the blueprint lines: an invariant of every blueprint.
BLUEPRINT_LINE_ORDER: tuple[BlueprintLineKind, ...] = (
    BlueprintLineKind.INTERACTION,
    BlueprintLineKind.VISIBILITY,
    BlueprintLineKind.INTERNAL_INTERACTION,
)


class Channel(StrEnum):
    WEB = "web"
    APP = "app"
    EMAIL = "email"
    PHONE = "phone"
    CHAT = "chat"
    SMS = "sms"
    SOCIAL = "social"
    IN_PERSON = "in_person"
    MAIL = "mail"
    WORD_OF_MOUTH = "word_of_mouth"
    OTHER = "other"


class EvidenceLevel(StrEnum):
    """How well a card is backed by research, weakest first."""

    ASSUMPTION = "assumption"
    ANECDOTAL = "anecdotal"
    QUALITATIVE = "qualitative"
    QUANTITATIVE = "quantitative"
    VALIDATED = "validated"


class PainPersistence(StrEnum):
    ONE_OFF = "one_off"
    RECURRING = "recurring"
    PERSISTENT = "persistent"


class EmotionSeries(StrEnum):
    AS_IS = "as_is"
    TO_BE = "to_be"
    EMPLOYEE = "employee"


class EmotionScaleKind(StrEnum):
    MINUS2_PLUS2 = "minus2_plus2"
    ONE_TO_FIVE = "one_to_five"
    ZERO_TO_FIVE = "zero_to_five"
    CUSTOM = "custom"


class OpportunityStatus(StrEnum):
    IDEA = "idea"
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


class MetricKind(StrEnum):
    CSAT = "csat"
    CES = "ces"
    NPS = "nps"
    CONTACT_VOLUME = "contact_volume"
    REPEAT_CONTACT_RATE = "repeat_contact_rate"
    FCR = "fcr"
    AHT = "aht"
    DROP_OFF = "drop_off"
    CONVERSION = "conversion"
    CUSTOM = "custom"


class CsatMode(StrEnum):
    TOP_2_BOX = "top_2_box"
    MEAN = "mean"


class MetricScope(StrEnum):
    MAP = "map"
    STAGE = "stage"
    STEP = "step"
    CARD = "card"


class MetricSource(StrEnum):
    SURVEY = "survey"
    CRM = "crm"
    TELEPHONY = "telephony"
    ANALYTICS = "analytics"
    MANUAL = "manual"


class MetricRole(StrEnum):
    BASELINE = "baseline"
    ACTUAL = "actual"
    TARGET = "target"


class LinkDirection(StrEnum):
    ONE_WAY = "one_way"
    TWO_WAY = "two_way"


class LinkType(StrEnum):
    HANDOFF = "handoff"
    DEPENDENCY = "dependency"
    DATA = "data"
    TRIGGER = "trigger"
    OTHER = "other"


class EvidenceKind(StrEnum):
    INTERVIEW = "interview"
    SURVEY = "survey"
    TICKETS = "tickets"
    CALL_RECORDING = "call_recording"
    ANALYTICS = "analytics"
    EMPLOYEE_INSIGHT = "employee_insight"
    OBSERVATION = "observation"
    OTHER = "other"


class TargetKind(StrEnum):
    """What an evidence item or comment is attached to."""

    MAP = "map"
    STAGE = "stage"
    STEP = "step"
    LANE = "lane"
    CARD = "card"
    OPPORTUNITY = "opportunity"


_LABELS: dict[Enum, str] = {
    MapType.CURRENT_STATE: "Current state",
    MapType.FUTURE_STATE: "Future state",
    MapType.DAY_IN_THE_LIFE: "Day in the life",
    MapType.SERVICE_BLUEPRINT: "Service blueprint",
    MapType.BUYERS_JOURNEY: "Buyer's journey",
    LaneKind.GOALS_NEEDS: "Goals / needs",
    LaneKind.STORYBOARD: "Storyboard",
    LaneKind.EVIDENCE: "Evidence / research",
    LaneKind.TIME: "Time per step",
    LaneKind.POLICIES: "Policies / regulations",
    LaneKind.OTHER_PROVIDERS: "Other providers and tools",
    Channel.SMS: "WhatsApp / SMS",
    Channel.IN_PERSON: "In person",
    Channel.WORD_OF_MOUTH: "Word of mouth",
    BlueprintLineKind.INTERACTION: "Line of interaction",
    BlueprintLineKind.VISIBILITY: "Line of visibility",
    BlueprintLineKind.INTERNAL_INTERACTION: "Line of internal interaction",
    EmotionSeries.AS_IS: "As-is",
    EmotionSeries.TO_BE: "To-be",
    EmotionScaleKind.MINUS2_PLUS2: "-2 to +2",
    EmotionScaleKind.ONE_TO_FIVE: "1 to 5",
    EmotionScaleKind.ZERO_TO_FIVE: "0 to 5",
    MetricKind.CSAT: "CSAT",
    MetricKind.CES: "CES",
    MetricKind.NPS: "NPS",
    MetricKind.FCR: "FCR",
    MetricKind.AHT: "AHT",
    MetricKind.DROP_OFF: "Drop-off",
    MetricSource.CRM: "CRM",
    CsatMode.TOP_2_BOX: "Top-2-box %",
}
