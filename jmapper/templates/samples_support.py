"""Sample maps about one broadband support request: current state, future state, blueprint.

Written as a CX consultant would after a discovery sprint: the persona and
numbers are invented but internally consistent (the NPS and CSAT values agree
with their raw counts, every stage cites its data sources).
"""

from __future__ import annotations

from datetime import date

from jmapper.model.bundle import MapBundle
from jmapper.model.entities import Card
from jmapper.model.enums import (
    Channel,
    CsatMode,
    EmotionSeries,
    EvidenceKind,
    EvidenceLevel,
    LaneKind,
    MapStatus,
    MapType,
    MetricKind,
    MetricRole,
    MetricSource,
    OpportunityStatus,
    PainPersistence,
)
from jmapper.templates.builder import MapBuilder
from jmapper.templates.factory import derive_future_state, emotion_series, new_map
from jmapper.templates.presets import CONTACT_CENTRE_TOUCHPOINTS as TP
from jmapper.templates.sample_personas import SamplePersonas

AUTHOR = "Maya Lindqvist"
ORGANISATION = "Northwind Broadband"
SCENARIO = (
    "Dana's fibre connection has dropped several times a day for three weeks; after a failed "
    "video call with a client she contacts support to get it fixed for good."
)

A = LaneKind.CUSTOMER_ACTIONS
T = LaneKind.TOUCHPOINTS
TH = LaneKind.THOUGHTS
P = LaneKind.PAIN_POINTS
Q = EvidenceLevel.QUANTITATIVE
QL = EvidenceLevel.QUALITATIVE


def support_request(personas: SamplePersonas | None = None) -> MapBundle:
    """Current state: a broadband customer whose internet keeps dropping contacts support."""
    people = personas or SamplePersonas()
    dana, ray = people.dana, people.ray
    bundle = new_map(
        "Broadband support request — current state",
        MapType.CURRENT_STATE,
        stage_preset="support_interaction",
        persona=dana,
    )
    m = bundle.map
    m.scenario = SCENARIO
    m.expectations = (
        "One contact, an honest explanation of the fault and a fix date; no repeated reboots."
    )
    m.goal = "Get a stable connection back before her next client call."
    m.scope_start = "First noticing the connection drop"
    m.scope_end = "Answering the resolution survey"
    m.status = MapStatus.APPROVED
    m.version_label = "1.2"
    m.author, m.organisation = AUTHOR, ORGANISATION
    m.last_reviewed, m.next_review = date(2025, 5, 14), date(2025, 8, 14)
    bundle.personas[ray.id] = ray
    m.overlay_persona_ids = [ray.id]

    b = MapBuilder(bundle)
    b.append_lane("Metrics", LaneKind.METRICS)
    pre = b.describe_stage(
        b.stage("Pre-contact"),
        "From the first drop to deciding to contact support.",
        "Customer interviews (n=14)",
        "Web analytics: help centre",
        "Router telemetry",
    )
    init = b.describe_stage(
        b.stage("Contact initiation"),
        "Finding a way in and waiting to reach someone.",
        "Telephony IVR logs",
        "Post-call survey (CES)",
    )
    during = b.describe_stage(
        b.stage("During the interaction"),
        "Explaining the fault, diagnosis and the proposed fix.",
        "Call recordings (40 sampled)",
        "Chat transcripts",
        "Agent focus group",
    )
    post = b.describe_stage(
        b.stage("Post-contact"),
        "What happens after the call: confirmation, relapse and the survey.",
        "CRM contact history",
        "Resolution survey (CSAT)",
        "Ticket data",
    )
    drop = b.step(pre, "Connection keeps dropping", "3 weeks, on and off")
    selfhelp = b.step(pre, "Tries self-help", "45 min")
    route = b.step(pre, "Looks for a way to contact", "10 min")
    dial = b.step(init, "Calls the support line", "2 min")
    queue = b.step(init, "IVR menus and queue", "24 min")
    explain = b.step(during, "Explains the problem", "8 min")
    switch = b.step(during, "Moved to technical chat", "15 min")
    test = b.step(during, "Remote line test", "10 min")
    confirm = b.step(post, "Waits for confirmation email", "1 day")
    again = b.step(post, "Drops again; calls back", "4 days later")
    survey = b.step(post, "Resolution survey", "2 min")

    # Customer actions
    b.card(
        A,
        drop,
        "Loses connection mid-call",
        "Video call with a client freezes, then drops. Tethers to her phone to finish the meeting.",
    )
    b.card(
        A,
        selfhelp,
        "Reboots router, reads help articles",
        "Follows the 'Slow or dropping connection' article: reboot, move the router, check "
        "cables. The drops continue.",
    )
    b.card(
        A,
        route,
        "Searches for a phone number",
        "Cannot find a number on the help pages, searches Google for one instead.",
    )
    b.card(A, dial, "Calls 0800 support line on her lunch break")
    b.card(A, queue, "Listens to four menu levels, then holds")
    b.card(A, explain, "Explains the three weeks of drops from the start")
    b.card(
        A,
        switch,
        "Is asked to continue in web chat",
        "The phone agent says line faults "
        "are handled by the technical team on chat. Dana opens chat on her laptop - on "
        "the unstable connection.",
    )
    b.card(A, test, "Waits while the line is tested")
    b.card(A, confirm, "Checks inbox for the promised email")
    b.card(A, again, "Calls again after another drop")
    b.card(A, survey, "Answers the SMS survey")

    # Touchpoints: the contact-centre set, with channels
    b.card(
        T,
        selfhelp,
        "Help centre article",
        "Generic troubleshooting; no line check.",
        channel=Channel.WEB,
    )
    b.card(
        T,
        route,
        TP["contact_route"].title,
        "'Contact us' sits under Help > Account > More; the page pushes the chatbot first.",
        channel=TP["contact_route"].channel,
    )
    b.card(
        T,
        queue,
        TP["wait_and_access"].title,
        "IVR with 4 levels and no 'line fault' option; 24 min average wait at lunchtime.",
        channel=TP["wait_and_access"].channel,
    )
    b.card(
        T,
        explain,
        TP["first_contact"].title,
        "Tier-1 agent in billing & general queue; cannot run line tests.",
        channel=TP["first_contact"].channel,
    )
    b.card(
        T,
        switch,
        TP["channel_choice"].title,
        "Cold transfer from phone to technical "
        "chat: no case notes pass across. The chat agent asks for the account number, the "
        "fault and what she has tried, all of which she gave on the phone ten minutes "
        "earlier; when her connection drops mid-chat the session is lost and she starts "
        "a third time.",
        channel=TP["channel_choice"].channel,
    )
    b.card(
        T,
        confirm,
        TP["follow_up"].title,
        "Arrives the next day; says 'we are looking into it' with no reference or date.",
        channel=TP["follow_up"].channel,
    )
    b.card(
        T,
        again,
        TP["repeat_contact"].title,
        "Second call, new agent, story told a third time.",
        channel=TP["repeat_contact"].channel,
    )
    b.card(
        T,
        survey,
        TP["resolution_survey"].title,
        "SMS: 'How satisfied were you with your "
        "recent contact? Reply 1-5'. Sent before the fault is fixed.",
        channel=TP["resolution_survey"].channel,
    )

    # Thoughts: verbatims from interviews
    b.card(
        TH,
        drop,
        "\u201cNot again. Not in front of a client.\u201d",
        quote="Not again. Not in front of a client.",
        evidence_level=QL,
    )
    b.card(
        TH,
        route,
        "\u201cWhy do they hide the number?\u201d",
        quote="Why do they hide the number? It's like they don't want me to call.",
        evidence_level=QL,
    )
    b.card(TH, queue, "Is 'technical issue' option 2 or option 3?")
    b.card(
        TH,
        switch,
        "\u201cI'm on chat over the connection that keeps dropping.\u201d",
        quote="You want me on chat? Over the connection that keeps dropping?",
        evidence_level=QL,
    )
    b.card(
        TH,
        again,
        "\u201cI'm done. I'm looking at other providers tonight.\u201d",
        quote="That's it, I'm looking at other providers tonight.",
        evidence_level=QL,
    )

    # Pain points with Nielsen severity, volume and evidence
    p_selfhelp = b.card(
        P,
        selfhelp,
        "Self-help can't see the line",
        "Articles only suggest router fixes; no automated line check, so "
        "customers cannot tell a network fault from a home one.",
        pain_severity=2,
        pain_volume=8600,
        pain_volume_period="month",
        pain_persistence=PainPersistence.PERSISTENT,
        evidence_level=Q,
        data_source="Help centre analytics",
    )
    p_route = b.card(
        P,
        route,
        "Contact route hard to find",
        "38% of help-centre sessions that end in a call include a search for 'phone number'.",
        pain_severity=2,
        pain_volume=5100,
        pain_volume_period="month",
        evidence_level=Q,
        data_source="Web analytics",
    )
    p_queue = b.card(
        P,
        queue,
        "Long IVR and lunchtime queue",
        "24 min mean wait 12:00-14:00; 19% abandon. No line-fault option, so "
        "calls land with tier-1.",
        pain_severity=3,
        pain_volume=11200,
        pain_volume_period="month",
        pain_persistence=PainPersistence.RECURRING,
        evidence_level=EvidenceLevel.VALIDATED,
        data_source="Telephony IVR logs",
    )
    p_switch = b.card(
        P,
        switch,
        "Cold transfer: story repeated",
        "Phone-to-chat transfer loses all context. In 40 sampled calls the "
        "customer re-explained the fault 2.3 times on average.",
        pain_severity=3,
        pain_volume=3900,
        pain_volume_period="month",
        evidence_level=Q,
        data_source="Call recordings",
    )
    p_silence = b.card(
        P,
        confirm,
        "Follow-up says nothing",
        "No ticket reference, no next step, no date. Customers call to ask what is happening.",
        pain_severity=2,
        pain_volume=6400,
        pain_volume_period="month",
        evidence_level=QL,
        data_source="Interviews",
    )
    p_repeat = b.card(
        P,
        again,
        "Repeat contact within 7 days",
        "31% of line-fault contacts repeat within 7 days; repeaters are 3x "
        "more likely to churn within 90 days.",
        pain_severity=4,
        pain_volume=3500,
        pain_volume_period="month",
        pain_persistence=PainPersistence.RECURRING,
        evidence_level=EvidenceLevel.VALIDATED,
        data_source="CRM contact history",
    )
    p_survey = b.card(
        P,
        survey,
        "Survey sent before the fix",
        "CSAT measures the call, not the outcome; scores are read as 'fine'.",
        pain_severity=1,
        evidence_level=EvidenceLevel.ANECDOTAL,
    )

    b.emotions(
        dana,
        [-1, -1, -2, -1, -2, 0, -2, 0, -1, -2, -1],
        notes={2: "Number hidden", 4: "Lunch break gone", 9: "Considering leaving"},
    )
    b.emotions(
        ray,
        [-1, 0, -1, 0, -2, 1, -2, 0, -1, -2, 0],
        notes={6: "Does not use chat: asks for a call back"},
    )

    b.moment(
        explain,
        "Does the first agent own the problem?",
        "Customers who are told 'I'll take it from here' rate the contact 4.1 vs 2.6.",
    )
    b.moment(
        again,
        "Stay or switch provider",
        "The second drop after contact is when customers start comparing providers.",
    )

    b.opportunity(
        "Proactive line-fault SMS with status link",
        where=drop,
        pains=(p_selfhelp, p_repeat),
        description="Use router telemetry to detect repeated drops and text the customer "
        "before they call, with a live status page for their line.",
        owner="Lena Fischer, Head of Network Operations",
        metric="Repeat-contact rate (7 days)",
        baseline="31%",
        target="18%",
        due_date=date(2025, 12, 31),
        impact=5,
        feasibility=3,
        reach=42000,
        confidence=0.7,
        effort=6.0,
        volume=3500,
        severity=4,
        status=OpportunityStatus.PLANNED,
    )
    b.opportunity(
        "Line-fault option at the top of the IVR",
        where=queue,
        pains=(p_queue, p_route),
        description="Route known-fault callers straight to technical tier, and show the "
        "number on every help article.",
        owner="Tom Reyes, Contact Centre Operations Manager",
        metric="Average wait (min)",
        baseline="24 min",
        target="6 min",
        due_date=date(2025, 9, 30),
        impact=4,
        feasibility=5,
        reach=134000,
        confidence=0.8,
        effort=1.5,
        volume=11200,
        severity=3,
        status=OpportunityStatus.IN_PROGRESS,
    )
    b.opportunity(
        "Warm transfer with case notes",
        where=switch,
        pains=(p_switch,),
        description="Keep line faults on the phone; if a transfer is needed, the next person "
        "sees the notes and greets the customer by the fault.",
        owner="Aisha Karim, Digital Care Lead",
        metric="First contact resolution",
        baseline="58%",
        target="72%",
        due_date=date(2026, 3, 31),
        impact=4,
        feasibility=3,
        reach=47000,
        confidence=0.6,
        effort=4.0,
        volume=3900,
        severity=3,
    )
    b.opportunity(
        "Follow-up email with reference, next step and date",
        where=confirm,
        pains=(p_silence,),
        owner="Ben Cole, CRM Manager",
        metric="CSAT of follow-up email",
        baseline="52%",
        target="75%",
        due_date=date(2025, 8, 29),
        impact=3,
        feasibility=5,
        reach=76000,
        confidence=0.9,
        effort=0.5,
        volume=6400,
        severity=2,
    )

    csat = b.metric(
        MetricKind.CSAT,
        "Resolution CSAT",
        "%",
        "Post-contact SMS survey, 1-5.",
        csat_mode=CsatMode.TOP_2_BOX,
    )
    nps = b.metric(MetricKind.NPS, "Relationship NPS", "", "Quarterly relationship survey.")
    ces = b.metric(
        MetricKind.CES,
        "Customer effort (reaching someone)",
        "1-7",
        "'The company made it easy to reach the right person.'",
    )
    fcr = b.metric(MetricKind.FCR, "First contact resolution", "%")
    aht = b.metric(
        MetricKind.AHT,
        "Average handling time",
        "min",
        "(talk + hold + wrap-up) / contacts, line-fault calls only.",
    )
    rcr = b.metric(
        MetricKind.REPEAT_CONTACT_RATE,
        "Repeat-contact rate",
        "%",
        "Line-fault contacts repeated within the window.",
        repeat_window_days=7,
    )
    vol = b.metric(MetricKind.CONTACT_VOLUME, "Line-fault contacts", "per month")

    b.csat(
        csat,
        (310, 220, 260, 410, 300),
        role=MetricRole.BASELINE,
        period="2025-Q1",
        source=MetricSource.SURVEY,
    )
    b.csat(
        csat,
        (280, 230, 250, 450, 330),
        role=MetricRole.ACTUAL,
        period="2025-Q2",
        source=MetricSource.SURVEY,
    )
    b.value(csat, 70.0, role=MetricRole.TARGET, period="2025-Q4", source=MetricSource.MANUAL)
    b.nps(
        nps, 420, 610, 770, role=MetricRole.BASELINE, period="2025-Q1", source=MetricSource.SURVEY
    )
    b.nps(nps, 450, 640, 720, role=MetricRole.ACTUAL, period="2025-Q2", source=MetricSource.SURVEY)
    b.value(nps, 5.0, role=MetricRole.TARGET, period="2025-Q4", source=MetricSource.MANUAL)
    b.value(
        ces,
        3.1,
        role=MetricRole.ACTUAL,
        period="2025-Q2",
        sample_size=940,
        source=MetricSource.SURVEY,
        scope=queue,
        raw_counts={"1": 220, "2": 200, "3": 170, "4": 116, "5": 124, "6": 70, "7": 40},
    )
    b.value(
        ces, 5.5, role=MetricRole.TARGET, period="2025-Q4", source=MetricSource.MANUAL, scope=queue
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
        14.6,
        role=MetricRole.ACTUAL,
        period="2025-Q2",
        sample_size=45800,
        source=MetricSource.TELEPHONY,
        scope=during,
        raw_counts={"talk": 520000, "hold": 68000, "wrap": 80680, "contacts": 45800},
    )
    b.value(
        rcr,
        31.0,
        role=MetricRole.BASELINE,
        period="2025-Q1",
        sample_size=47000,
        source=MetricSource.CRM,
        raw_counts={"repeat_contacts": 14570, "contacts": 47000},
    )
    b.value(
        rcr,
        29.0,
        role=MetricRole.ACTUAL,
        period="2025-Q2",
        sample_size=45800,
        source=MetricSource.CRM,
        raw_counts={"repeat_contacts": 13282, "contacts": 45800},
    )
    b.value(rcr, 18.0, role=MetricRole.TARGET, period="2025-Q4", source=MetricSource.MANUAL)
    b.value(vol, 15600, role=MetricRole.ACTUAL, period="2025-06", source=MetricSource.CRM)

    b.evidence(
        EvidenceKind.INTERVIEW,
        "14 in-home interviews with line-fault callers",
        "Discovery sprint, April 2025",
        pre,
        collected=date(2025, 4, 10),
    )
    b.evidence(
        EvidenceKind.ANALYTICS,
        "Help-centre search and exit paths",
        "Web analytics, Jan-Mar 2025",
        pre,
    )
    b.evidence(
        EvidenceKind.CALL_RECORDING,
        "IVR path analysis",
        "Telephony platform export",
        init,
        notes="Median 3 min 40 s in menus before the queue.",
    )
    b.evidence(
        EvidenceKind.CALL_RECORDING,
        "40 sampled line-fault calls",
        "QA team",
        during,
        collected=date(2025, 4, 22),
    )
    b.evidence(
        EvidenceKind.EMPLOYEE_INSIGHT,
        "Tier-1 agent focus group",
        "Contact centre, Leeds site",
        during,
        notes="Agents cannot run line tests and feel they 'pass the parcel'.",
    )
    b.evidence(EvidenceKind.TICKETS, "Repeat-contact cohort analysis", "CRM", post)
    b.evidence(EvidenceKind.SURVEY, "Post-contact CSAT verbatims", "SMS survey", p_survey)

    b.comment(
        p_repeat,
        "Tom Reyes",
        "Is the 3x churn figure line faults only or all "
        "contacts? Worth checking before the exec readout.",
        "2025-05-12T09:41:00",
    )
    b.comment(
        None,
        AUTHOR,
        "Approved at the 14 May review. Next review after the IVR change goes live.",
        "2025-05-14T16:05:00",
        resolved=True,
    )
    return bundle


def future_support_request(
    personas: SamplePersonas | None = None, source: MapBundle | None = None
) -> MapBundle:
    """Future state derived from the support request: proactive, one contact, owned fix.

    Pass the current-state ``source`` so ``derived_from_id`` names a map that
    exists; :func:`build_samples` does.
    """
    source = source or support_request(personas)
    bundle = derive_future_state(source, "Broadband support request — future state")
    m = bundle.map
    m.status = MapStatus.IN_REVIEW
    m.version_label = "0.3"
    m.expectations = "The provider tells her first, fixes it in one contact and confirms it."
    m.last_reviewed, m.next_review = date(2025, 6, 3), date(2025, 9, 3)
    b = MapBuilder(bundle)
    dana = source.personas[m.primary_persona_id or ""]
    cards = {card.title: card for card in bundle.cards.values()}

    # Redesign the touchpoints that caused the lows.
    _rewrite(
        cards["Help centre article"],
        "Proactive line-fault SMS",
        "Router telemetry spots repeated drops; Dana gets a text with a link to her "
        "line's live status and a one-tap 'call me back' button.",
        Channel.SMS,
    )
    _rewrite(
        cards[TP["wait_and_access"].title],
        "Line-fault fast lane",
        "Known-fault callers are recognised by number and skip the menus; target wait "
        "under 6 minutes.",
        Channel.PHONE,
    )
    _rewrite(
        cards[TP["channel_choice"].title],
        "Warm transfer with case notes",
        "If a specialist is needed they call Dana back with the notes already open.",
        Channel.PHONE,
    )
    _rewrite(
        cards[TP["follow_up"].title],
        "Confirmation with reference and date",
        "Sent within 10 minutes: ticket reference, what was found, what happens next and by when.",
        Channel.EMAIL,
    )
    _rewrite(
        cards[TP["resolution_survey"].title],
        "Survey after the fix is confirmed",
        "Sent 72 hours after the line has been stable, asking about the outcome.",
        Channel.SMS,
    )
    for title, severity in (
        ("Long IVR and lunchtime queue", 1),
        ("Cold transfer: story repeated", 1),
        ("Repeat contact within 7 days", 2),
    ):
        cards[title].pain_severity = severity
        cards[title].description = "Residual risk after the redesign. " + cards[title].description

    to_be = emotion_series(bundle, dana.id, EmotionSeries.TO_BE)
    improved = [-1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 2]
    for column, value in zip(bundle.columns(), improved, strict=True):
        to_be[(column.stage_id, column.step_id)].value = value

    stages = {stage.name: stage for stage in bundle.stages.values()}
    steps = {step.name: step for step in bundle.steps.values()}
    pains = {c.title: c for c in bundle.cards.values() if c.pain_severity is not None}
    b.opportunity(
        "Pilot proactive SMS in two exchanges",
        where=steps["Connection keeps dropping"],
        pains=(pains["Self-help can't see the line"], pains["Repeat contact within 7 days"]),
        owner="Lena Fischer, Head of Network Operations",
        metric="Repeat-contact rate (7 days)",
        baseline="31%",
        target="18%",
        due_date=date(2025, 10, 31),
        impact=5,
        feasibility=3,
        reach=6000,
        confidence=0.6,
        effort=3.0,
        status=OpportunityStatus.IN_PROGRESS,
    )
    b.opportunity(
        "Fast lane for recognised line-fault callers",
        where=steps["IVR menus and queue"],
        pains=(pains["Long IVR and lunchtime queue"],),
        owner="Tom Reyes, Contact Centre Operations Manager",
        metric="Average wait (min)",
        baseline="24 min",
        target="6 min",
        due_date=date(2025, 9, 30),
        impact=4,
        feasibility=4,
        reach=134000,
        confidence=0.8,
        effort=1.5,
        status=OpportunityStatus.PLANNED,
    )
    b.opportunity(
        "Outcome survey 72 hours after a stable line",
        where=steps["Resolution survey"],
        pains=(pains["Survey sent before the fix"],),
        owner="Ben Cole, CRM Manager",
        metric="Resolution CSAT (top-2-box)",
        baseline="51%",
        target="70%",
        due_date=date(2025, 11, 28),
        impact=2,
        feasibility=5,
        reach=76000,
        confidence=0.9,
        effort=0.5,
    )
    pilot = next(d for d in bundle.metric_definitions.values() if d.kind is MetricKind.FCR)
    b.value(
        pilot,
        69.0,
        role=MetricRole.ACTUAL,
        period="Pilot, Aug 2025",
        sample_size=1850,
        source=MetricSource.CRM,
    )
    rcr = next(
        d for d in bundle.metric_definitions.values() if d.kind is MetricKind.REPEAT_CONTACT_RATE
    )
    b.value(
        rcr,
        21.0,
        role=MetricRole.ACTUAL,
        period="Pilot, Aug 2025",
        sample_size=1850,
        source=MetricSource.CRM,
    )
    b.moment(
        steps["Connection keeps dropping"],
        "We told her first",
        "A proactive message turns the first drop from a reason to leave into proof of care.",
    )
    b.evidence(
        EvidenceKind.EMPLOYEE_INSIGHT,
        "Co-design workshop with NOC and care teams",
        "Workshop, 28 May 2025",
        stages["Pre-contact"],
        collected=date(2025, 5, 28),
    )
    b.comment(
        None,
        "Aisha Karim",
        "Can we keep the chat option for customers who prefer it, "
        "as long as notes travel with them?",
        "2025-06-03T11:20:00",
    )
    return bundle


def _rewrite(card: Card, title: str, description: str, channel: Channel) -> None:
    card.title, card.description, card.channel = title, description, channel


__all__ = ["future_support_request", "support_request"]
