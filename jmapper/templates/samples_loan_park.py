"""Two current-state samples: a mortgage application and a theme-park visit.

Each shows a classic journey-map finding.  The mortgage's emotional low is the
silence after submission (step durations make the gap visible); the theme
park's is queueing without knowing the wait.
"""

from __future__ import annotations

from datetime import date

from jmapper.model.bundle import MapBundle
from jmapper.model.enums import (
    Channel,
    CsatMode,
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
from jmapper.templates.factory import new_map
from jmapper.templates.sample_personas import SamplePersonas

A = LaneKind.CUSTOMER_ACTIONS
T = LaneKind.TOUCHPOINTS
TH = LaneKind.THOUGHTS
P = LaneKind.PAIN_POINTS
Q = EvidenceLevel.QUANTITATIVE
QL = EvidenceLevel.QUALITATIVE
SURVEY, CRM, MANUAL = MetricSource.SURVEY, MetricSource.CRM, MetricSource.MANUAL
BASE, ACT, TGT = MetricRole.BASELINE, MetricRole.ACTUAL, MetricRole.TARGET


def loan_application(personas: SamplePersonas | None = None) -> MapBundle:
    """Current state: a first-time buyer's mortgage application and the silent wait."""
    people = personas or SamplePersonas()
    priya, marcus = people.priya, people.marcus
    bundle = new_map("Mortgage application — current state", MapType.CURRENT_STATE, persona=priya)
    m = bundle.map
    m.scenario = (
        "Priya has an accepted offer on a flat and applies for her first mortgage "
        "through the bank's app, with the seller pressing for exchange in 8 weeks."
    )
    m.expectations = "A decision within a week and a clear view of progress while she waits."
    m.goal = "A mortgage offer in time to exchange contracts."
    m.scope_start, m.scope_end = "Comparing mortgage rates", "Funds released at completion"
    m.status, m.version_label = MapStatus.APPROVED, "2.0"
    m.author, m.organisation = "Tomás Herrera", "Harbour Building Society"
    m.last_reviewed, m.next_review = date(2025, 4, 2), date(2025, 7, 2)
    bundle.personas[marcus.id] = marcus
    m.overlay_persona_ids = [marcus.id]

    b = MapBuilder(bundle)
    b.append_lane("Metrics", LaneKind.METRICS)
    research, apply, wait, offer, complete = b.replace_stages(
        "Research", "Application", "Waiting for a decision", "Offer", "Completion"
    )
    b.describe_stage(
        research,
        "Comparing lenders and getting an agreement in principle.",
        "Customer interviews (n=12)",
        "Web analytics",
    )
    b.describe_stage(
        apply,
        "The full application and documents.",
        "App analytics: application funnel",
        "Usability tests (n=6)",
    )
    b.describe_stage(
        wait,
        "From submission to a decision: underwriting and valuation.",
        "Case management timestamps",
        "Diary study (n=9)",
        "Contact reasons",
    )
    b.describe_stage(offer, "Receiving and accepting the offer.", "Offer-stage survey")
    b.describe_stage(complete, "Conveyancing to completion.", "Broker feedback panel")
    compare = b.step(research, "Compares rates online", "1 week")
    aip = b.step(research, "Gets agreement in principle", "20 min")
    form = b.step(apply, "Fills in the application", "1 h 10 min")
    docs = b.step(apply, "Uploads documents", "2 days")
    silence = b.step(
        wait,
        "Submitted: no status update",
        "3-5 days",
        "Nothing reaches the customer while the case waits for an underwriter.",
    )
    extra = b.step(wait, "Extra documents requested", "1 day")
    valuation = b.step(wait, "Valuation", "5-8 days")
    receive = b.step(offer, "Receives the offer", "1 day")
    review = b.step(offer, "Reviews and accepts", "2 days")
    funds = b.step(complete, "Funds released at completion", "4-6 weeks")

    b.card(A, compare, "Reads comparison sites and the bank's rates page")
    b.card(A, aip, "Gets an agreement in principle in the app")
    b.card(
        A,
        form,
        "Enters income, outgoings, property details",
        "Saves and returns twice between shifts; re-enters her partner's employer both times.",
    )
    b.card(A, docs, "Photographs payslips and bank statements")
    b.card(
        A,
        silence,
        "Checks the app and email several times a day",
        "Logs in on breaks; the status reads 'Submitted' for five days. Calls on day four.",
    )
    b.card(A, extra, "Sends another bank statement")
    b.card(A, valuation, "Arranges access with the estate agent")
    b.card(A, receive, "Downloads the 24-page offer")
    b.card(A, review, "Asks her solicitor about the early repayment charges")
    b.card(A, funds, "Signs, exchanges and completes")

    b.card(T, compare, "Rates page and mortgage calculator", channel=Channel.WEB)
    b.card(T, aip, "Agreement in principle certificate", channel=Channel.APP)
    b.card(T, form, "Application form (11 sections)", channel=Channel.APP)
    b.card(
        T,
        docs,
        "Document upload",
        "Max 5 MB per file; PDF statements often rejected.",
        channel=Channel.APP,
    )
    b.card(
        T,
        silence,
        "Submission confirmation email",
        "'Thank you for your application.' No timeline, no reference to quote.",
        channel=Channel.EMAIL,
    )
    b.card(
        T,
        silence,
        "Mortgage helpline",
        "Agent can see 'awaiting underwriter' but no date; tells Priya 'usually a few days'.",
        channel=Channel.PHONE,
    )
    b.card(
        T,
        extra,
        "Document request letter",
        "Asks for 3 months of statements; Priya sent 3 months already, but from the joint account.",
        channel=Channel.MAIL,
    )
    b.card(T, valuation, "Valuer appointment SMS", channel=Channel.SMS)
    b.card(T, receive, "Mortgage offer (PDF)", channel=Channel.EMAIL)
    b.card(T, funds, "Completion statement from solicitor", channel=Channel.EMAIL)

    b.card(
        TH,
        aip,
        "\u201cOkay, this might actually happen.\u201d",
        quote="Okay, this might actually happen.",
        evidence_level=QL,
    )
    b.card(
        TH,
        silence,
        "\u201cEvery day without news I assume the answer is no.\u201d",
        "From the diary study: 7 of 9 participants wrote the word 'limbo' during this stage.",
        quote="Every day without news I assume the answer is no.",
        evidence_level=QL,
    )
    b.card(TH, extra, "Why didn't they ask for this on day one?")
    b.card(
        TH,
        receive,
        "\u201cRelief. Then: what does all this mean?\u201d",
        quote="Relief. Then: what does all this mean?",
        evidence_level=QL,
    )

    p_form = b.card(
        P,
        form,
        "Form loses partner details on resume",
        pain_severity=2,
        pain_volume=1400,
        pain_volume_period="month",
        evidence_level=Q,
        data_source="App analytics",
        pain_persistence=PainPersistence.PERSISTENT,
    )
    p_upload = b.card(
        P,
        docs,
        "Uploads rejected without a reason",
        "22% of upload attempts fail on size or format; the error just says 'Upload failed'.",
        pain_severity=2,
        pain_volume=3100,
        pain_volume_period="month",
        evidence_level=Q,
        data_source="App logs",
    )
    p_gap = b.card(
        P,
        silence,
        "3-5 days of silence after submission",
        "The case sits in the underwriting queue with no customer-facing status. "
        "41% of applicants call or email during this gap; the helpline cannot give "
        "a date, and anxiety peaks. Applicants who contact us in the gap are twice "
        "as likely to apply elsewhere in parallel.",
        pain_severity=4,
        pain_volume=2600,
        pain_volume_period="month",
        pain_persistence=PainPersistence.RECURRING,
        evidence_level=EvidenceLevel.VALIDATED,
        data_source="Case timestamps + contact reasons",
    )
    p_extra = b.card(
        P,
        extra,
        "Documents requested one at a time",
        "Underwriters raise requests as they find gaps; 1 in 3 cases gets two or "
        "more separate requests.",
        pain_severity=3,
        pain_volume=900,
        pain_volume_period="month",
        evidence_level=Q,
        data_source="Case management",
    )
    p_offer = b.card(
        P,
        receive,
        "Offer document hard to understand",
        pain_severity=1,
        evidence_level=EvidenceLevel.ANECDOTAL,
    )

    b.emotions(priya, [0, 1, -1, -1, -2, -2, -1, 2, 1, 2], notes={4: "Limbo", 7: "Relief"})
    b.emotions(marcus, [0, 0, -1, -2, -2, -2, -1, 1, 1, 2], notes={5: "Accounts requested again"})
    b.moment(
        silence,
        "Wait, or apply elsewhere",
        "In the silent days applicants start a parallel application with another lender.",
    )
    b.moment(receive, "The offer arrives", "Speed here is remembered and recommended.")

    b.opportunity(
        "Live application tracker with expected decision date",
        where=silence,
        pains=(p_gap,),
        description="Show each underwriting stage in the app with an "
        "expected date, and push a message whenever the case moves or stalls.",
        owner="Hannah Osei, Head of Mortgage Servicing",
        metric="'Where is my application?' contacts per 100 applications",
        baseline="41",
        target="15",
        due_date=date(2025, 11, 30),
        impact=5,
        feasibility=3,
        reach=31000,
        confidence=0.7,
        effort=5.0,
        volume=2600,
        severity=4,
        status=OpportunityStatus.PLANNED,
    )
    b.opportunity(
        "Complete document checklist at submission",
        where=docs,
        pains=(p_extra, p_upload),
        description="Ask for everything the case type needs up front (self-employed: 2 years "
        "of accounts and SA302s), and validate uploads with clear messages.",
        owner="Raj Patel, Underwriting Operations Manager",
        metric="Cases with 2+ document requests",
        baseline="33%",
        target="10%",
        due_date=date(2025, 9, 30),
        impact=4,
        feasibility=4,
        reach=11000,
        confidence=0.8,
        effort=2.0,
        volume=900,
        severity=3,
    )
    b.opportunity(
        "Fix save-and-resume on the application form",
        where=form,
        pains=(p_form,),
        owner="Elif Demir, Digital Product Owner",
        metric="Application completion rate",
        baseline="64%",
        target="75%",
        due_date=date(2025, 8, 15),
        impact=3,
        feasibility=5,
        reach=17000,
        confidence=0.9,
        effort=0.5,
        volume=1400,
        severity=2,
        status=OpportunityStatus.IN_PROGRESS,
    )
    b.opportunity(
        "Plain-language offer summary",
        where=receive,
        pains=(p_offer,),
        owner="Hannah Osei, Head of Mortgage Servicing",
        metric="Offer-stage CSAT",
        baseline="71%",
        target="85%",
        due_date=date(2026, 1, 31),
        # Low impact and, with legal sign-off on every wording, hard: the map's money pit.
        impact=2,
        feasibility=2,
        reach=9000,
        confidence=0.5,
        effort=1.0,
    )

    nps = b.metric(MetricKind.NPS, "New-borrower NPS")
    csat = b.metric(MetricKind.CSAT, "Offer-stage CSAT", "%", csat_mode=CsatMode.TOP_2_BOX)
    ces = b.metric(MetricKind.CES, "Application effort", "1-7")
    drop = b.metric(MetricKind.DROP_OFF, "Application abandonment", "%")
    wismo = b.metric(MetricKind.CONTACT_VOLUME, "Status-chasing contacts", "per month")
    days = b.metric(MetricKind.CUSTOM, "Submission to decision", "working days")
    b.nps(nps, 180, 210, 150, role=BASE, period="2024-H2", source=SURVEY)
    b.nps(nps, 195, 220, 130, role=ACT, period="2025-H1", source=SURVEY)
    b.value(nps, 25.0, role=TGT, period="2026-H1", source=MANUAL)
    b.csat(csat, (20, 35, 60, 160, 130), role=ACT, period="2025-Q1", source=SURVEY, scope=offer)
    b.value(csat, 85.0, role=TGT, period="2026-Q1", source=MANUAL, scope=offer)
    b.value(
        ces,
        4.2,
        role=ACT,
        period="2025-Q1",
        sample_size=410,
        source=SURVEY,
        scope=apply,
        raw_counts={"1": 30, "2": 45, "3": 60, "4": 98, "5": 72, "6": 65, "7": 40},
    )
    b.value(
        drop,
        36.0,
        role=BASE,
        period="2024-Q4",
        sample_size=17500,
        source=MetricSource.ANALYTICS,
        scope=form,
    )
    b.value(
        drop,
        33.5,
        role=ACT,
        period="2025-Q1",
        sample_size=16900,
        source=MetricSource.ANALYTICS,
        scope=form,
    )
    b.value(drop, 25.0, role=TGT, period="2025-Q4", source=MANUAL, scope=form)
    b.value(wismo, 2600, role=ACT, period="2025-03", source=CRM, scope=p_gap)
    b.value(days, 6.5, role=BASE, period="2024-Q4", sample_size=8200, source=CRM, scope=wait)
    b.value(days, 4.0, role=TGT, period="2025-Q4", source=MANUAL, scope=wait)

    b.evidence(
        EvidenceKind.INTERVIEW,
        "12 interviews with recent first-time buyers",
        "Research ops",
        research,
        collected=date(2025, 2, 18),
    )
    b.evidence(EvidenceKind.ANALYTICS, "Application funnel, Q4 2024", "App analytics", apply)
    b.evidence(
        EvidenceKind.OTHER,
        "Diary study: 9 applicants over 6 weeks",
        "Research ops",
        wait,
        notes="Daily entries; 'limbo' used by 7 of 9.",
    )
    b.evidence(EvidenceKind.TICKETS, "Contact reasons during underwriting", "CRM", p_gap)
    b.evidence(EvidenceKind.SURVEY, "Offer-stage survey", "Qualtrics", offer)
    b.evidence(EvidenceKind.EMPLOYEE_INSIGHT, "Broker panel feedback", "Broker team", complete)
    b.comment(
        p_gap,
        "Raj Patel",
        "Underwriting can expose queue position today; an expected "
        "date needs the capacity model first.",
        "2025-03-27T10:15:00",
    )
    b.comment(
        None,
        "Tomás Herrera",
        "Marcus's curve is an assumption until the self-employed interviews in June.",
        "2025-04-02T15:40:00",
    )
    return bundle


def theme_park_visit(personas: SamplePersonas | None = None) -> MapBundle:
    """Current state: a family day at a theme park, where unknown queue times ruin the day."""
    people = personas or SamplePersonas()
    sofia = people.sofia
    bundle = new_map("Theme-park family day — current state", MapType.CURRENT_STATE, persona=sofia)
    m = bundle.map
    m.scenario = (
        "Sofia takes her partner and two children (6 and 10) to the park for a "
        "birthday treat on a busy school-holiday Saturday."
    )
    m.expectations = "The big rides, no more than 30 minutes in any queue, and a decent lunch."
    m.goal = "A great family day that feels worth the money."
    m.scope_start, m.scope_end = "Buying tickets online", "Driving home"
    m.status, m.version_label = MapStatus.IN_REVIEW, "1.1"
    m.author, m.organisation = "Jonas Weber", "Lakeside Adventure Park"
    m.last_reviewed, m.next_review = date(2025, 6, 20), date(2025, 9, 20)

    b = MapBuilder(bundle)
    b.append_lane("Metrics", LaneKind.METRICS)
    plan, arrive, park, queues, food, leave = b.replace_stages(
        "Plan & book", "Arrival", "Exploring", "Queues & rides", "Food & breaks", "Leaving"
    )
    b.describe_stage(
        plan, "Choosing a date, buying tickets, getting the app.", "Web analytics", "Booking data"
    )
    b.describe_stage(arrive, "Car park to the first ride.", "Gate scan data", "Observation")
    b.describe_stage(park, "Finding the way around.", "App analytics", "Intercept interviews")
    b.describe_stage(
        queues,
        "Choosing a ride, queueing, riding.",
        "Queue sensor data",
        "Intercept interviews (n=48)",
        "Guest survey",
    )
    b.describe_stage(food, "Lunch and breaks.", "Till data", "Guest survey")
    b.describe_stage(leave, "Shop, photos and the drive home.", "Post-visit survey (NPS)")
    buy = b.step(plan, "Buys tickets online", "30 min")
    app = b.step(plan, "Downloads the park app", "10 min")
    gate = b.step(arrive, "Car park, bag check and gate", "45 min")
    wayfind = b.step(park, "Finds the way with the app map", "20 min")
    join = b.step(queues, "Queues for the big coaster", "75 min, no wait time shown")
    ride = b.step(queues, "Rides", "3 min")
    kids = b.step(queues, "Queues for the kids' ride", "40 min")
    lunch = b.step(food, "Lunch", "50 min")
    shop = b.step(leave, "Photos and gift shop", "25 min")
    home = b.step(leave, "Drives home", "1 h 30 min")

    b.card(A, buy, "Buys an online-saver family ticket")
    b.card(A, app, "Installs the app and adds tickets")
    b.card(A, gate, "Queues at bag check with a buggy")
    b.card(A, wayfind, "Tries to find the coaster on the app map")
    b.card(
        A,
        join,
        "Joins the coaster queue on a guess",
        "The sign at the entrance is blank; the app says 'Wait time unavailable'. Sofia "
        "joins hoping for 30 minutes; the queue snakes indoors and she cannot see its "
        "length. After 40 minutes leaving feels like wasting the time already spent.",
    )
    b.card(A, ride, "Rides with the 10-year-old; partner waits with the 6-year-old")
    b.card(A, kids, "Queues again for a ride both children can go on")
    b.card(A, lunch, "Queues for lunch, eats standing up")
    b.card(A, shop, "Looks at ride photos, buys one")
    b.card(A, home, "Children asleep in the back")

    b.card(T, buy, "Ticket website", channel=Channel.WEB)
    b.card(T, app, "Park app", channel=Channel.APP)
    b.card(T, gate, "Gate staff and ticket scanner", channel=Channel.IN_PERSON)
    b.card(
        T,
        wayfind,
        "App map and signposts",
        "App map is a static image; signposts use land names the family doesn't know.",
        channel=Channel.APP,
    )
    b.card(T, join, "Queue-entrance wait-time sign (blank)", channel=Channel.IN_PERSON)
    b.card(
        T,
        join,
        "App wait-time list",
        "'Unavailable' for 6 of 12 major rides when sensors lose signal.",
        channel=Channel.APP,
    )
    b.card(T, lunch, "Food court", channel=Channel.IN_PERSON)
    b.card(T, shop, "Photo kiosk", channel=Channel.IN_PERSON)
    b.card(T, home, "Post-visit email survey", channel=Channel.EMAIL)

    b.card(
        TH,
        gate,
        "\u201cWe've been here an hour and done nothing.\u201d",
        quote="We've been here an hour and done nothing.",
        evidence_level=QL,
    )
    b.card(
        TH,
        join,
        "\u201cIf I'd known it was ninety minutes I'd never have joined.\u201d",
        quote="If I'd known it was ninety minutes I'd never have joined that queue.",
        evidence_level=QL,
    )
    b.card(TH, ride, "Worth it, just about.")
    b.card(TH, lunch, "£48 for this?")

    p_gate = b.card(
        P,
        gate,
        "Single bag-check lane at opening",
        pain_severity=2,
        pain_volume=9000,
        pain_volume_period="month",
        evidence_level=Q,
        data_source="Gate scan data",
    )
    p_map = b.card(
        P,
        wayfind,
        "App map doesn't match the park",
        pain_severity=2,
        evidence_level=QL,
        data_source="Intercept interviews",
    )
    p_wait = b.card(
        P,
        join,
        "No wait time when it matters",
        "Wait times are missing on 6 of 12 major rides at peak; posted times "
        "are 20-35 minutes under the real wait when shown. Guests can't plan, "
        "commit to the wrong queue and feel trapped by sunk time.",
        pain_severity=4,
        pain_volume=52000,
        pain_volume_period="month",
        pain_persistence=PainPersistence.RECURRING,
        evidence_level=EvidenceLevel.VALIDATED,
        data_source="Queue sensor data",
    )
    p_height = b.card(
        P,
        kids,
        "Height limits found only at the ride entrance",
        pain_severity=2,
        pain_volume=4000,
        pain_volume_period="month",
        evidence_level=QL,
        data_source="Guest survey comments",
    )
    p_food = b.card(
        P,
        lunch,
        "Slow, expensive lunch, nowhere to sit",
        pain_severity=3,
        pain_volume=21000,
        pain_volume_period="month",
        evidence_level=Q,
        data_source="Till data + guest survey",
    )

    b.emotions(
        sofia,
        [2, 1, 0, -1, -2, 2, -1, -1, 1, 1],
        notes={4: "Trapped in the queue", 5: "The ride itself is great"},
    )
    b.moment(
        join,
        "Joining a queue blind",
        "A long unexpected wait here colours the whole day and the review she writes.",
    )
    b.moment(home, "Would we come back?", "Decided in the car: the NPS question is answered here.")

    b.opportunity(
        "Reliable live wait times on signs and in the app",
        where=join,
        pains=(p_wait,),
        description="Fix sensor coverage, show a range ('45-60 min') and an alert when a "
        "queue drops below 20 minutes.",
        owner="Marta Kowalski, Head of Park Operations",
        metric="Rides with a wait time shown at peak",
        baseline="50%",
        target="100%",
        due_date=date(2026, 3, 31),
        impact=5,
        feasibility=3,
        reach=210000,
        confidence=0.8,
        effort=6.0,
        volume=52000,
        severity=4,
        status=OpportunityStatus.PLANNED,
    )
    b.opportunity(
        "Height-limit filter in the app",
        where=wayfind,
        pains=(p_height, p_map),
        owner="Dev Chauhan, Digital Guest Experience Lead",
        metric="App CES",
        baseline="4.1",
        target="5.5",
        due_date=date(2025, 10, 31),
        impact=3,
        feasibility=5,
        reach=90000,
        confidence=0.7,
        effort=1.0,
        volume=4000,
        severity=2,
    )
    b.opportunity(
        "Order-ahead lunch with pick-up slots",
        where=lunch,
        pains=(p_food,),
        owner="Grace Mensah, Food & Beverage Manager",
        metric="Lunch CSAT (mean)",
        baseline="2.9",
        target="3.8",
        due_date=date(2026, 5, 1),
        impact=4,
        feasibility=2,
        reach=120000,
        confidence=0.5,
        effort=8.0,
        volume=21000,
        severity=3,
    )
    b.opportunity(
        "Second bag-check lane at opening",
        where=gate,
        pains=(p_gate,),
        owner="Marta Kowalski, Head of Park Operations",
        metric="Gate wait at 10:00 (min)",
        baseline="28",
        target="10",
        due_date=date(2025, 7, 31),
        impact=2,
        feasibility=5,
        reach=60000,
        confidence=0.9,
        effort=0.3,
        volume=9000,
        severity=2,
        status=OpportunityStatus.DONE,
    )

    nps = b.metric(MetricKind.NPS, "Post-visit NPS")
    csat = b.metric(MetricKind.CSAT, "Lunch CSAT", "1-5", csat_mode=CsatMode.MEAN)
    ces = b.metric(MetricKind.CES, "App ease", "1-7")
    wait = b.metric(MetricKind.CUSTOM, "Actual minus posted wait", "min")
    conv = b.metric(MetricKind.CONVERSION, "App download rate", "%")
    b.nps(nps, 1450, 1300, 1250, role=BASE, period="2024 season", source=SURVEY)
    b.nps(nps, 1380, 1290, 1330, role=ACT, period="2025 June", source=SURVEY)
    b.value(nps, 30.0, role=TGT, period="2026 season", source=MANUAL)
    b.csat(
        csat, (310, 420, 510, 380, 180), role=ACT, period="2025 June", source=SURVEY, scope=lunch
    )
    b.value(csat, 3.8, role=TGT, period="2026 season", source=MANUAL, scope=lunch)
    b.value(
        ces,
        4.1,
        role=ACT,
        period="2025 June",
        sample_size=640,
        source=SURVEY,
        scope=wayfind,
        raw_counts={"1": 40, "2": 60, "3": 100, "4": 236, "5": 54, "6": 100, "7": 50},
    )
    b.value(
        wait,
        27.0,
        role=BASE,
        period="2024 season",
        sample_size=1800,
        source=MetricSource.ANALYTICS,
        scope=p_wait,
    )
    b.value(
        wait,
        24.0,
        role=ACT,
        period="2025 June",
        sample_size=2100,
        source=MetricSource.ANALYTICS,
        scope=p_wait,
    )
    b.value(wait, 5.0, role=TGT, period="2026 season", source=MANUAL, scope=p_wait)
    b.value(
        conv,
        52.0,
        role=BASE,
        period="2024 season",
        sample_size=39000,
        source=MetricSource.ANALYTICS,
        scope=app,
    )
    b.value(conv, 70.0, role=TGT, period="2026 season", source=MANUAL, scope=app)
    b.value(
        conv,
        58.0,
        role=ACT,
        period="2025 June",
        sample_size=41000,
        source=MetricSource.ANALYTICS,
        scope=app,
    )

    b.evidence(EvidenceKind.ANALYTICS, "Booking and ticket data", "Ticketing system", plan)
    b.evidence(EvidenceKind.OBSERVATION, "Gate observation, 3 Saturdays", "CX team", arrive)
    b.evidence(EvidenceKind.INTERVIEW, "Intercept interviews on the main path", "CX team", park)
    b.evidence(
        EvidenceKind.ANALYTICS,
        "Queue sensor vs. posted waits",
        "Operations",
        queues,
        notes="Sensors drop out in covered queue lines.",
        collected=date(2025, 6, 14),
    )
    b.evidence(EvidenceKind.SURVEY, "Guest survey: food and breaks", "Survey panel", food)
    b.evidence(EvidenceKind.SURVEY, "Post-visit NPS survey", "Email survey", leave)
    b.comment(
        p_wait,
        "Marta Kowalski",
        "Sensor upgrade is budgeted for the winter closure.",
        "2025-06-20T12:30:00",
    )
    return bundle


__all__ = ["loan_application", "theme_park_visit"]
