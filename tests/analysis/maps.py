"""A small map that passes every health rule, for tests to break one rule at a time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from jmapper.model.bundle import MapBundle
from jmapper.model.entities import Card, Opportunity, Persona, Stage, Step
from jmapper.model.enums import Channel, LaneKind, MapStatus, OpportunityStatus
from jmapper.model.invariants import check_bundle
from jmapper.templates import MapBuilder, new_map

TODAY = date(2026, 12, 1)


@dataclass
class Healthy:
    """The map and the parts tests reach for."""

    bundle: MapBundle
    order: Stage
    delivery: Stage
    places: Step
    confirmed: Step
    waits: Step
    receives: Step
    confirmation: Card
    status: Card
    pain: Card
    opportunity: Opportunity


def healthy_map() -> Healthy:
    """Two stages of a parcel delivery, reviewed last month, with one agreed priority."""
    persona = Persona(name="Priya", role="Online shopper")
    bundle = new_map("Parcel delivery", persona=persona)
    m = bundle.map
    m.scenario = "Priya orders a birthday present online and needs it by Saturday."
    m.status = MapStatus.APPROVED
    m.last_reviewed, m.next_review = date(2026, 11, 1), date(2027, 2, 1)
    b = MapBuilder(bundle)
    order, delivery = b.replace_stages("Order", "Delivery")
    b.describe_stage(order, "Choosing and paying.", "Web analytics")
    b.describe_stage(delivery, "From dispatch to the door.", "Carrier scan data")
    places = b.step(order, "Places the order", "10 min")
    confirmed = b.step(order, "Gets a confirmation", "1 min")
    waits = b.step(delivery, "Waits for the parcel", "2 days")
    receives = b.step(delivery, "Receives the parcel", "5 min")
    a, t, p = LaneKind.CUSTOMER_ACTIONS, LaneKind.TOUCHPOINTS, LaneKind.PAIN_POINTS
    b.card(a, places, "Orders a gift")
    b.card(a, confirmed, "Reads the email")
    b.card(a, waits, "Checks the tracking link")
    b.card(a, receives, "Opens the door to the courier")
    b.card(t, places, "Checkout page", channel=Channel.WEB)
    confirmation = b.card(t, confirmed, "Order confirmation email", channel=Channel.EMAIL)
    status = b.card(t, waits, "Dispatch status update", channel=Channel.SMS)
    b.card(t, receives, "Courier at the door", channel=Channel.IN_PERSON)
    pain = b.card(p, waits, "Delivery window too vague", pain_severity=3)
    b.emotions(persona, [1, 2, -1, 2])
    opportunity = b.opportunity(
        "Two-hour delivery window",
        where=waits,
        pains=(pain,),
        owner="Sam Lee, Delivery Lead",
        metric="Where-is-my-parcel contacts",
        due_date=date(2027, 3, 1),
        impact=4,
        feasibility=3,
        status=OpportunityStatus.PLANNED,
    )
    check_bundle(bundle)
    return Healthy(
        bundle,
        order,
        delivery,
        places,
        confirmed,
        waits,
        receives,
        confirmation,
        status,
        pain,
        opportunity,
    )
