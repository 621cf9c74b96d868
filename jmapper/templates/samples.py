"""The sample maps: a registry for the UI and CLI, and one call to build them all.

Samples let a new user see a finished map (and consultants show clients what
good looks like).  :func:`build_samples` shares one persona set across all of
them, so a persona appears once in the library however many samples use it,
and the future state is derived from the support request built alongside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Protocol

from jmapper.model.bundle import MapBundle
from jmapper.model.enums import MapType
from jmapper.templates.sample_dates import date_relative
from jmapper.templates.sample_personas import SamplePersonas
from jmapper.templates.samples_blueprint import support_blueprint
from jmapper.templates.samples_loan_park import loan_application, theme_park_visit
from jmapper.templates.samples_support import future_support_request, support_request


class SampleBuild(Protocol):
    def __call__(self, personas: SamplePersonas | None = None) -> MapBundle: ...


@dataclass(frozen=True)
class SampleInfo:
    """One sample map: stable key, title, what it shows, and how to build it."""

    key: str
    title: str
    description: str
    map_type: MapType
    build: SampleBuild


def _future(personas: SamplePersonas | None = None) -> MapBundle:
    return future_support_request(personas)


#: The samples by key, in the order a user should open them.
SAMPLES: dict[str, SampleInfo] = {
    info.key: info
    for info in (
        SampleInfo(
            "support_request",
            "Broadband support request — current state",
            "A home worker's dropping connection through IVR, channel switch and repeat "
            "contact, built on the contact-centre touchpoints; it teaches the long-silence health "
            "rule (weeks of trouble before the first contact).",
            MapType.CURRENT_STATE,
            support_request,
        ),
        SampleInfo(
            "support_request_future",
            "Broadband support request — future state",
            "Derived from the support request: proactive SMS, a fast lane and warm transfers, "
            "with the to-be emotion curve beside the as-is one.",
            MapType.FUTURE_STATE,
            _future,
        ),
        SampleInfo(
            "support_blueprint",
            "Broadband line fault — service blueprint",
            "What happens behind a line-fault contact: chatbot, agent, ticketing, diagnostics, "
            "CRM, network operations and engineer scheduling, with failure points.",
            MapType.SERVICE_BLUEPRINT,
            support_blueprint,
        ),
        SampleInfo(
            "loan_application",
            "Mortgage application — current state",
            "A first-time buyer's mortgage, where the low point is days of silence after "
            "submitting the application: it teaches the long-silence health rule.",
            MapType.CURRENT_STATE,
            loan_application,
        ),
        SampleInfo(
            "theme_park_visit",
            "Theme-park family day — current state",
            "A family day out, where the low point is queueing without knowing the wait: it "
            "teaches the missing-operational-touchpoints health rule.",
            MapType.CURRENT_STATE,
            theme_park_visit,
        ),
    )
}


def build_sample(
    key: str, personas: SamplePersonas | None = None, today: date | None = None
) -> MapBundle:
    """Build one sample by key, dated as reviewed a month before ``today`` (default: the
    real today; sample_dates.py says why); a ValueError names the valid keys otherwise."""
    info = SAMPLES.get(key)
    if info is None:
        valid = ", ".join(SAMPLES)
        raise ValueError(f"There is no sample called {key!r}; choose one of {valid}.")
    return date_relative(info.build(personas), today or date.today())


def build_samples(today: date | None = None) -> list[MapBundle]:
    """Every sample, in registry order, sharing personas; sources come before derived maps.

    Each is dated as reviewed a month before ``today`` (default: the real today), so
    no sample is overdue for review or for an opportunity (sample_dates.py)."""
    personas = SamplePersonas()
    built: dict[str, MapBundle] = {}
    for key, info in SAMPLES.items():
        if key == "support_request_future":
            built[key] = future_support_request(personas, built["support_request"])
        else:
            built[key] = info.build(personas)
    day = today or date.today()
    return [date_relative(bundle, day) for bundle in built.values()]


__all__ = ["SAMPLES", "SampleBuild", "SampleInfo", "build_sample", "build_samples"]
