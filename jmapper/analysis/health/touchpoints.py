"""Rules about touchpoints a journey cannot do without.

A support journey needs the contact-centre essentials (docs/domain.md); any
journey with touchpoints needs the operational ones (confirmations, status
updates, notifications) that tell the customer where they stand.  Touchpoints
are recognised by words in their title or description, since users retitle
the template cards; the keywords are listed here, once.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from jmapper.analysis.health.findings import Problem, Rule, Severity, Target
from jmapper.analysis.touchpoints import (
    TOUCHPOINT_LANES,
    card_text,
    has_touchpoint_lane,
    mentions,
    touchpoint_cards,
)
from jmapper.model.bundle import MapBundle

#: The support-interaction stage preset; a map using two of its stages is a support journey.
SUPPORT_STAGES = frozenset(
    {"pre-contact", "contact initiation", "during the interaction", "post-contact"}
)

#: Words in a map's title or scenario that make it a support journey.
SUPPORT_WORDS = (
    "support",
    "helpline",
    "help desk",
    "helpdesk",
    "contact centre",
    "contact center",
    "call centre",
    "call center",
    "customer service",
)

#: The contact-centre essentials and the words that recognise each as a touchpoint.
CONTACT_ESSENTIALS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "findability of the contact route",
        ("contact route", "find", "contact us", "help centre", "help center", "status page"),
    ),
    ("wait time and accessibility", ("wait", "queue", "ivr", "accessib", "on hold", "fast lane")),
    ("first point of contact", ("first point", "first contact", "agent", "advisor", "chatbot")),
    ("channel choice", ("channel", "switch", "transfer", "hand over", "hands over", "handover")),
    ("repeat contact", ("repeat", "calls back", "call back", "contacts again", "chase")),
    ("follow-up confirmation", ("follow-up", "follow up", "confirmation", "confirms")),
    ("evaluation of the resolution", ("survey", "evaluation", "feedback", "rating", "csat")),
)

#: Words that recognise an operational touchpoint.
OPERATIONAL_WORDS = (
    "confirm",
    "status",
    "notif",
    "update",
    "receipt",
    "invoice",
    "remind",
    "alert",
    "error",
    "tracker",
    "tracking",
)


def is_support_journey(bundle: MapBundle) -> bool:
    stages = {stage.name.strip().lower() for stage in bundle.stages.values()}
    if len(stages & SUPPORT_STAGES) >= 2:
        return True
    return mentions(f"{bundle.map.title}\n{bundle.map.scenario}".lower(), SUPPORT_WORDS)


def _touchpoint_place(bundle: MapBundle) -> Target:
    """The topmost touchpoint lane, else the map."""
    lane = next((ln for ln in bundle.ordered_lanes() if ln.kind in TOUCHPOINT_LANES), None)
    return Target("lane", lane.id) if lane is not None else Target("map", bundle.map.id)


def missing_contact_touchpoints(bundle: MapBundle, today: date) -> Iterator[Problem]:
    if not is_support_journey(bundle):
        return
    texts = [card_text(card) for card in touchpoint_cards(bundle)]
    missing = [
        name for name, words in CONTACT_ESSENTIALS if not any(mentions(t, words) for t in texts)
    ]
    if missing:
        yield Problem(
            _touchpoint_place(bundle),
            f"This support journey has no touchpoint for {', '.join(missing)}; add "
            f"{'it' if len(missing) == 1 else 'them'} (the contact-centre touchpoints cover each).",
        )


def missing_operational_touchpoints(bundle: MapBundle, today: date) -> Iterator[Problem]:
    if not has_touchpoint_lane(bundle):
        return
    texts = [card_text(card) for card in touchpoint_cards(bundle)]
    if not any(mentions(text, OPERATIONAL_WORDS) for text in texts):
        yield Problem(
            _touchpoint_place(bundle),
            "The journey has no confirmation, status update or notification touchpoint; add "
            "the messages that tell the customer where they stand.",
        )


RULES = (
    Rule(
        "missing-contact-touchpoints",
        Severity.WARNING,
        "A support journey lacks one of the contact-centre essential touchpoints.",
        missing_contact_touchpoints,
    ),
    Rule(
        "missing-operational-touchpoints",
        Severity.WARNING,
        "No confirmation, status or notification touchpoint.",
        missing_operational_touchpoints,
    ),
)
