"""The personas the sample maps use.

Personas live in the library and are reused by maps, so samples about the same
customer share one :class:`Persona` object (and id); :func:`build_samples`
makes one set and hands it to every sample.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jmapper.model.entities import Persona
from jmapper.model.enums import Channel


def _dana() -> Persona:
    return Persona(
        name="Dana Whitfield",
        role="Home-working broadband customer",
        description=(
            "41, project manager working from home four days a week on a 500 Mb fibre plan. "
            "Three years with the provider; pays for the top tier because her job depends on "
            "video calls. Not technical, but has already rebooted the router more times than she "
            "can count."
        ),
        goals=[
            "A connection that stays up through her working day",
            "Fix problems in one contact, at a time that suits her",
        ],
        needs=[
            "Know whether a fault is hers or the network's",
            "An honest time to fix",
            "Not to repeat her story",
        ],
        pain_points=[
            "Drops during client calls",
            "Long IVR menus",
            "Being told to reboot the router again",
        ],
        preferred_channels=[Channel.CHAT, Channel.APP, Channel.SMS],
        quote="I don't need it to be perfect. I need to know what's going on.",
        colour="#0072B2",
        research_based=True,
    )


def _ray() -> Persona:
    return Persona(
        name="Ray Donnelly",
        role="Retired customer, phone first",
        description=(
            "72, lives alone, uses broadband for video calls with grandchildren and online "
            "banking. Avoids chat; always phones and expects to speak to a person."
        ),
        goals=["Talk to someone who can sort it"],
        needs=["Short phone menus", "Plain language", "A named person to call back"],
        pain_points=["Menus that assume he knows the fault type", "Being sent to the website"],
        preferred_channels=[Channel.PHONE, Channel.MAIL],
        quote="Just let me speak to a person, love.",
        colour="#E69F00",
        research_based=True,
    )


def _priya() -> Persona:
    return Persona(
        name="Priya Sharma",
        role="First-time home buyer",
        description=(
            "29, nurse on shift work, buying a two-bedroom flat with her partner. Has an agreed "
            "offer on a property and a seller who wants to exchange within eight weeks."
        ),
        goals=[
            "Get a mortgage decision before the seller loses patience",
            "Understand what she is signing",
        ],
        needs=[
            "Status she can check between shifts",
            "A clear list of documents up front",
            "A realistic decision date",
        ],
        pain_points=["Silence after submitting", "Document requests arriving one at a time"],
        preferred_channels=[Channel.APP, Channel.EMAIL, Channel.SMS],
        quote="Every day without news I assume the answer is no.",
        colour="#009E73",
        research_based=True,
    )


def _marcus() -> Persona:
    return Persona(
        name="Marcus Bell",
        role="Self-employed applicant",
        description=(
            "38, runs a two-person joinery business. Two years of accounts; income varies by "
            "season, so affordability checks take longer and ask for more."
        ),
        goals=["Be assessed fairly on irregular income"],
        needs=["To know early which documents prove his income"],
        pain_points=["Being asked for the same accounts twice"],
        preferred_channels=[Channel.PHONE, Channel.EMAIL],
        quote="I sent my accounts on day one. Why are they asking again?",
        colour="#CC79A7",
        research_based=False,
    )


def _alvarez() -> Persona:
    return Persona(
        name="Sofia Alvarez",
        role="Parent on a family day out",
        description=(
            "36, visiting with her partner and two children (6 and 10) on a pre-booked day ticket "
            "in the school holidays. The trip was a birthday present and cost more than a week's "
            "food shop, so she wants to get the most out of the day."
        ),
        goals=[
            "A day the children remember for the right reasons",
            "Ride the big attractions without wasting the day in queues",
        ],
        needs=[
            "Know the wait before joining a queue",
            "Food and toilets near the queues",
            "Plan around the younger child's height limits",
        ],
        pain_points=[
            "Queues with no wait time shown",
            "Overpriced, slow food",
            "The app map not matching the park",
        ],
        preferred_channels=[Channel.APP, Channel.IN_PERSON],
        quote="If I'd known it was ninety minutes I'd never have joined that queue.",
        colour="#D55E00",
        research_based=True,
    )


@dataclass
class SamplePersonas:
    """One fresh set of the sample personas; samples share these objects."""

    dana: Persona = field(default_factory=_dana)
    ray: Persona = field(default_factory=_ray)
    priya: Persona = field(default_factory=_priya)
    marcus: Persona = field(default_factory=_marcus)
    sofia: Persona = field(default_factory=_alvarez)


__all__ = ["SamplePersonas"]
