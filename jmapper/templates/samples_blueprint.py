"""Sample service blueprint of the broadband support request.

Shows what a line-fault contact needs behind the scenes: chatbot and agent
frontstage, ticketing and diagnostics backstage, CRM, network operations and
engineer scheduling as support processes, with hand-offs drawn as arrows and
the failure points that research found.
"""

from __future__ import annotations

from datetime import date

from jmapper.model.bundle import MapBundle
from jmapper.model.enums import (
    BlueprintZone,
    Channel,
    CsatMode,
    EvidenceKind,
    EvidenceLevel,
    LaneKind,
    LinkDirection,
    LinkType,
    MapStatus,
    MapType,
    MetricKind,
    MetricRole,
    MetricSource,
)
from jmapper.templates.builder import MapBuilder
from jmapper.templates.factory import new_map
from jmapper.templates.sample_personas import SamplePersonas
from jmapper.templates.samples_support import AUTHOR, ORGANISATION, SCENARIO

Q = EvidenceLevel.QUANTITATIVE
QL = EvidenceLevel.QUALITATIVE


def support_blueprint(personas: SamplePersonas | None = None) -> MapBundle:
    """Service blueprint of the support request: what happens behind a line-fault contact."""
    people = personas or SamplePersonas()
    dana = people.dana
    bundle = new_map(
        "Broadband line fault — service blueprint",
        MapType.SERVICE_BLUEPRINT,
        stage_preset="support_interaction",
        persona=dana,
    )
    m = bundle.map
    m.scenario = SCENARIO
    m.expectations = "Reach someone who can test the line, and get a confirmed engineer slot."
    m.goal = "Get the line fault diagnosed and fixed with one contact."
    m.scope_start = "Checking the service status page"
    m.scope_end = "Answering the outcome survey"
    m.status = MapStatus.IN_REVIEW
    m.version_label = "0.9"
    m.author, m.organisation = AUTHOR, ORGANISATION
    m.last_reviewed, m.next_review = date(2025, 6, 10), date(2025, 9, 10)

    b = MapBuilder(bundle)
    b.append_lane("Metrics", LaneKind.METRICS)
    emotion_lane = b.insert_lane(0, "Customer emotion", LaneKind.EMOTIONS)
    assert emotion_lane.zone is BlueprintZone.NONE
    pre = b.describe_stage(
        b.stage("Pre-contact"),
        "Checking whether the fault is known.",
        "Web analytics: status page",
        "Interviews",
    )
    init = b.describe_stage(
        b.stage("Contact initiation"),
        "Reaching support in the app.",
        "Chatbot logs",
        "App analytics",
    )
    during = b.describe_stage(
        b.stage("During the interaction"),
        "Diagnosis and booking an engineer.",
        "Call recordings",
        "Diagnostics logs",
        "Agent shadowing",
    )
    post = b.describe_stage(
        b.stage("Post-contact"),
        "Confirmation, visit and survey.",
        "Field service data",
        "Ticket data",
        "Outcome survey",
    )
    s_status = b.step(pre, "Checks status page", "5 min")
    s_chat = b.step(init, "Opens chat in the app", "3 min")
    s_person = b.step(init, "Asks for a person", "12 min")
    s_explain = b.step(during, "Explains the fault to the agent", "9 min")
    s_book = b.step(during, "Agrees an engineer visit", "4 min")
    s_confirm = b.step(post, "Receives booking confirmation", "10 min")
    s_visit = b.step(post, "Engineer visit", "2 days later, 1 h")
    s_survey = b.step(post, "Answers outcome survey", "3 days later, 2 min")

    PE, CA = LaneKind.PHYSICAL_EVIDENCE, LaneKind.CUSTOMER_ACTIONS
    FS, BS, SP = LaneKind.FRONTSTAGE, LaneKind.BACKSTAGE, LaneKind.SUPPORT_PROCESSES
    e_status = b.card(
        PE,
        s_status,
        "Status page: 'All services running'",
        "National view only; local line faults never show.",
        channel=Channel.WEB,
        failure_point=True,
        pain_severity=2,
        pain_volume=8600,
        pain_volume_period="month",
        evidence_level=Q,
        data_source="Web analytics",
    )
    b.card(PE, s_chat, "App chat window", channel=Channel.APP)
    b.card(PE, s_confirm, "SMS and email with slot and reference", channel=Channel.SMS)
    b.card(PE, s_visit, "Engineer in branded van, ID badge", channel=Channel.IN_PERSON)
    e_survey = b.card(PE, s_survey, "Survey SMS", channel=Channel.SMS)

    c_status = b.card(CA, s_status, "Checks whether there's an outage")
    c_chat = b.card(CA, s_chat, "Types 'internet keeps dropping'")
    c_person = b.card(CA, s_person, "Types 'agent' three times")
    c_explain = b.card(CA, s_explain, "Describes drops, times, what she has tried")
    c_book = b.card(CA, s_book, "Picks Thursday morning slot")
    c_confirm = b.card(CA, s_confirm, "Reads confirmation, adds to calendar")
    c_visit = b.card(CA, s_visit, "Lets engineer in, tests connection with him")
    b.card(CA, s_survey, "Rates the outcome 4/5")

    f_bot = b.card(
        FS,
        s_chat,
        "Chatbot asks account number and fault type",
        "Bot offers reboot steps from the help centre before anything else.",
        channel=Channel.CHAT,
    )
    f_handover = b.card(
        FS,
        s_person,
        "Chatbot hands over to live agent",
        "Handover drops the bot transcript: the agent opens with 'How can I "
        "help?' and Dana starts again. Agents see only the account number; "
        "the fault type, the reboot steps already tried and the bot's line "
        "check result stay in the bot platform, which is not linked to CRM.",
        channel=Channel.CHAT,
        failure_point=True,
        pain_severity=3,
        pain_volume=3900,
        pain_volume_period="month",
        evidence_level=Q,
        data_source="Chat transcripts",
    )
    f_agent = b.card(
        FS,
        s_explain,
        "Agent reviews history, runs line test",
        "Technical agent (tier 2) confirms identity and starts the remote test "
        "while Dana describes the pattern.",
        channel=Channel.CHAT,
    )
    f_offer = b.card(FS, s_book, "Agent offers engineer slots", channel=Channel.CHAT)
    f_engineer = b.card(
        FS, s_visit, "Field engineer replaces faulty line card", channel=Channel.IN_PERSON
    )

    k_ticket = b.card(
        BS,
        s_chat,
        "Ticket created in service desk",
        "Auto-created from the bot session, category 'connectivity'.",
    )
    k_diag = b.card(
        BS,
        s_explain,
        "Remote diagnostics: line test and sync history",
        "Shows 46 resyncs in 7 days and high error counts on the cabinet port.",
    )
    k_hold = b.card(
        BS,
        s_book,
        "Slot held while the customer decides",
        "Slot is held for only 2 minutes; in busy weeks it is lost and the agent has to re-offer.",
        failure_point=True,
        pain_severity=2,
        pain_volume=900,
        pain_volume_period="month",
        evidence_level=QL,
        data_source="Agent shadowing",
    )
    k_close = b.card(BS, s_survey, "Ticket closed; survey triggered after 72 h stable")

    u_crm = b.card(SP, s_chat, "CRM: customer record and contact history")
    u_noc = b.card(SP, s_explain, "Network operations: outage and cabinet fault data")
    u_wfm = b.card(SP, s_book, "Field engineer scheduling (workforce management)")
    u_msg = b.card(SP, s_confirm, "Notification service sends SMS and email")

    b.link(c_status, e_status, label="checks")
    b.link(c_chat, f_bot, label="starts chat")
    b.link(f_bot, f_handover, label="escalates")
    b.link(c_person, f_handover, label="requests a person")
    b.link(c_explain, f_agent, LinkDirection.TWO_WAY, LinkType.DEPENDENCY, "conversation")
    b.link(f_bot, k_ticket, link_type=LinkType.TRIGGER, label="creates ticket")
    b.link(k_ticket, u_crm, LinkDirection.TWO_WAY, LinkType.DATA, "syncs record")
    b.link(f_agent, k_diag, LinkDirection.TWO_WAY, LinkType.DEPENDENCY, "runs test")
    b.link(k_diag, u_noc, LinkDirection.TWO_WAY, LinkType.DATA, "fault data")
    b.link(f_offer, k_hold, label="holds slot")
    b.link(k_hold, u_wfm, LinkDirection.TWO_WAY, LinkType.DEPENDENCY, "availability")
    b.link(c_book, f_offer, LinkDirection.TWO_WAY, label="chooses slot")
    b.link(u_msg, c_confirm, link_type=LinkType.TRIGGER, label="confirmation")
    b.link(u_wfm, f_engineer, label="dispatch")
    b.link(f_engineer, c_visit, LinkDirection.TWO_WAY, label="visit")
    b.link(k_close, e_survey, link_type=LinkType.TRIGGER, label="sends survey")

    b.emotions(
        dana,
        [-1, -1, -2, 0, 1, 1, 1, 2],
        notes={0: "Status page says all fine", 2: "Has to start again"},
    )
    b.moment(
        s_explain,
        "An agent who can test the line",
        "Being taken seriously here decides whether the rest of the journey is trusted.",
    )
    b.opportunity(
        "Show local line status on the status page",
        where=s_status,
        pains=(e_status,),
        owner="Lena Fischer, Head of Network Operations",
        metric="Status page to call rate",
        baseline="38%",
        target="20%",
        due_date=date(2025, 12, 15),
        impact=4,
        feasibility=3,
        reach=42000,
        confidence=0.6,
        effort=3.0,
    )
    b.opportunity(
        "Pass bot transcript to the agent",
        where=s_person,
        pains=(f_handover,),
        owner="Aisha Karim, Digital Care Lead",
        metric="Handover CSAT (top-2-box)",
        baseline="41%",
        target="70%",
        due_date=date(2025, 10, 31),
        impact=4,
        feasibility=5,
        reach=47000,
        confidence=0.8,
        effort=1.0,
    )
    b.opportunity(
        "Hold engineer slots for 10 minutes",
        where=s_book,
        pains=(k_hold,),
        owner="Gareth Price, Field Service Planning Lead",
        metric="Re-offered bookings",
        baseline="900 / month",
        target="150 / month",
        due_date=date(2025, 9, 30),
        impact=2,
        feasibility=5,
        reach=9000,
        confidence=0.9,
        effort=0.5,
    )
    csat = b.metric(MetricKind.CSAT, "Chat handover CSAT", "%", csat_mode=CsatMode.TOP_2_BOX)
    fcr = b.metric(MetricKind.FCR, "First contact resolution", "%")
    aht = b.metric(MetricKind.AHT, "Average handling time (chat)", "min")
    b.csat(
        csat,
        (190, 160, 140, 220, 120),
        role=MetricRole.BASELINE,
        period="2025-Q1",
        source=MetricSource.SURVEY,
        scope=f_handover,
    )
    b.csat(
        csat,
        (170, 150, 150, 240, 130),
        role=MetricRole.ACTUAL,
        period="2025-Q2",
        source=MetricSource.SURVEY,
        scope=f_handover,
    )
    b.value(
        csat,
        70.0,
        role=MetricRole.TARGET,
        period="2025-Q4",
        source=MetricSource.MANUAL,
        scope=f_handover,
    )
    b.value(
        fcr,
        58.0,
        role=MetricRole.BASELINE,
        period="2025-Q1",
        sample_size=47000,
        source=MetricSource.CRM,
        raw_counts={"resolved_first_contact": 27260, "contacts": 47000},
    )
    b.value(
        fcr,
        61.0,
        role=MetricRole.ACTUAL,
        period="2025-Q2",
        sample_size=45800,
        source=MetricSource.CRM,
        raw_counts={"resolved_first_contact": 27938, "contacts": 45800},
    )
    b.value(fcr, 72.0, role=MetricRole.TARGET, period="2026-Q1", source=MetricSource.MANUAL)
    b.value(
        aht,
        21.5,
        role=MetricRole.ACTUAL,
        period="2025-Q2",
        sample_size=12800,
        source=MetricSource.ANALYTICS,
        scope=during,
        raw_counts={"talk": 201000, "hold": 31200, "wrap": 43000, "contacts": 12800},
    )
    for stage, kind, title in (
        (pre, EvidenceKind.ANALYTICS, "Status page visits followed by contact"),
        (init, EvidenceKind.OTHER, "Chatbot session logs, May 2025"),
        (during, EvidenceKind.OBSERVATION, "Shadowing 6 tier-2 agents"),
        (post, EvidenceKind.TICKETS, "Field service job data and ticket closure codes"),
    ):
        b.evidence(kind, title, "Service design team", stage)
    b.comment(
        k_hold,
        "Gareth Price",
        "WFM can hold for 10 min from the September release.",
        "2025-06-11T14:02:00",
    )
    return bundle


__all__ = ["support_blueprint"]
