"""Mermaid ``journey`` in and out, following Mermaid's grammar (docs/mermaid.md)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jmapper.interchange.errors import InterchangeError
from jmapper.interchange.mermaid_journey import NO_SECTION, UNTITLED, dump, read
from jmapper.layout import compute_layout
from jmapper.model.bundle import MapBundle
from jmapper.model.enums import EmotionScaleKind, LaneKind
from jmapper.model.invariants import check_bundle
from jmapper.templates import SAMPLES

#: The example of Mermaid's user-journey documentation page (docs/syntax/userJourney.md).
DOCS_EXAMPLE = """\
journey
    title My working day
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    section Go home
      Go downstairs: 5: Me
      Sit down: 5: Me
"""

#: The journeys of Mermaid's own parser tests (journey.spec.ts), which Mermaid accepts.
MERMAID_SPEC_EXAMPLES = [
    "journey\naccDescr: A user journey for family shopping\n"
    "title Adding journey diagram functionality to mermaid\nsection Order from website",
    "journey\naccDescr {\n        A user journey for\n        family shopping\n      }"
    "title Adding journey diagram functionality to mermaid\n"
    "accTitle: Adding acc journey diagram functionality to mermaid\nsection Order from website",
    "journey\n    accTitle: The title\n    section Order from website",
    "journey\ntitle Adding journey diagram functionality to mermaid\nsection Order from website",
    "journey\ntitle Adding gantt diagram functionality to mermaid\n"
    "section Line1<br>Line2<br/>Line3</br />Line4<br\t/>Line5",
    "journey\ntitle Adding journey diagram functionality to mermaid\nsection Documentation\n"
    "A task: 5: Alice, Bob, Charlie\nB task: 3:Bob, Charlie\nC task: 5\nD task: 5: Charlie, Alice\n"
    "E task: 5:\nsection Another section\nP task: 5:\nQ task: 5:\nR task: 5:",
]


def one_map(text: str) -> tuple[MapBundle, list[str]]:
    reading = read(text.encode("utf-8"))
    (bundle,) = reading.document.bundles
    check_bundle(bundle)
    return bundle, reading.warnings


def steps(bundle: MapBundle) -> list[tuple[str, str]]:
    return [
        (stage.name, step.name)
        for stage in bundle.ordered_stages()
        for step in bundle.ordered_steps(stage.id)
    ]


def curves(bundle: MapBundle) -> dict[str, list[tuple[str, int]]]:
    """Per actor name (the map's persona for None), the (step name, value) pairs in step order."""
    primary = bundle.map.primary_persona_id
    order = {c.step_id: c.index for c in bundle.columns()}
    names = {p.id: p.name for p in bundle.personas.values()}
    found: dict[str, list[tuple[int, str, int]]] = {}
    for point in bundle.emotion_points.values():
        owner = names.get(point.persona_id or primary or "", "")
        step = bundle.steps[point.step_id]
        found.setdefault(owner, []).append((order[point.step_id], step.name, point.value))
    return {k: [(n, v) for _, n, v in sorted(items)] for k, items in found.items()}


def test_the_documentation_example_becomes_a_map_with_two_personas():
    bundle, warnings = one_map(DOCS_EXAMPLE)
    assert warnings == []
    assert bundle.map.title == "My working day"
    assert bundle.map.emotion_scale.kind is EmotionScaleKind.ONE_TO_FIVE
    assert steps(bundle) == [
        ("Go to work", "Make tea"),
        ("Go to work", "Go upstairs"),
        ("Go to work", "Do work"),
        ("Go home", "Go downstairs"),
        ("Go home", "Sit down"),
    ]
    actions = [lane for lane in bundle.lanes.values() if lane.kind is LaneKind.CUSTOMER_ACTIONS]
    assert sorted(c.title for c in bundle.cards.values() if c.lane_id == actions[0].id) == sorted(
        ["Make tea", "Go upstairs", "Do work", "Go downstairs", "Sit down"]
    )
    me = bundle.personas[bundle.map.primary_persona_id]
    (cat_id,) = bundle.map.overlay_persona_ids
    assert (me.name, bundle.personas[cat_id].name) == ("Me", "Cat")
    assert curves(bundle) == {
        "Me": [
            ("Make tea", 5),
            ("Go upstairs", 3),
            ("Do work", 1),
            ("Go downstairs", 5),
            ("Sit down", 5),
        ],
        "Cat": [("Do work", 1)],
    }
    (lane,) = compute_layout(bundle).emotion
    assert sorted(curve.persona_name for curve in lane.curves) == ["Cat", "Me"]


def test_export_of_the_documentation_example_gives_the_same_text():
    bundle, _ = one_map(DOCS_EXAMPLE)
    assert dump(bundle) == (DOCS_EXAMPLE, [])


@pytest.mark.parametrize("text", MERMAID_SPEC_EXAMPLES)
def test_every_journey_mermaid_accepts_in_its_own_tests_imports(text):
    bundle, _ = one_map(text)
    assert bundle.stages


def test_accessibility_title_and_multi_line_description():
    bundle, _ = one_map(MERMAID_SPEC_EXAMPLES[1])
    assert bundle.map.title == "Adding journey diagram functionality to mermaid"
    assert bundle.map.scenario == "A user journey for\nfamily shopping"
    titled, _ = one_map(MERMAID_SPEC_EXAMPLES[2])
    assert titled.map.title == "The title"
    untitled, _ = one_map("journey\nsection A\nB: 3")
    assert untitled.map.title == UNTITLED


def test_tasks_with_blank_or_no_actors_and_the_specs_scores():
    bundle, warnings = one_map(MERMAID_SPEC_EXAMPLES[5])
    assert warnings == []
    assert [s for _, s in steps(bundle)] == [
        "A task", "B task", "C task", "D task", "E task", "P task", "Q task", "R task",
    ]  # fmt: skip
    assert sorted(p.name for p in bundle.personas.values()) == ["Alice", "Bob", "Charlie"]
    found = curves(bundle)
    # A task with no actor scores the map's main curve: the first actor's (Alice).
    assert found["Alice"] == [
        (t, 5) for t in ("A", "C", "D", "E", "P", "Q", "R") for t in [f"{t} task"]
    ]
    assert found["Bob"] == [("A task", 5), ("B task", 3)]
    assert found["Charlie"] == [("A task", 5), ("B task", 3), ("D task", 5)]


def test_keywords_in_any_case_comments_directives_and_entity_codes():
    text = (
        "%%{init: {'theme': 'forest'}}%%\n"
        "%% a comment line\n"
        "JOURNEY\n"
        "  TITLE Order #35;1 # a comment after the title\n"
        "  Section Buy\n"
        "    Pay #amp; go: 4: Me # paid by card\n"
    )
    bundle, warnings = one_map(text)
    assert warnings == []
    assert bundle.map.title == "Order #1"
    assert steps(bundle) == [("Buy", "Pay & go")]


def test_tasks_before_any_section_and_text_after_a_third_colon():
    bundle, _ = one_map("journey\nWake up: 2: Me: the alarm rang twice\nsection Work\nType: 3: Me")
    assert steps(bundle) == [(NO_SECTION, "Wake up"), ("Work", "Type")]
    wake = next(s for s in bundle.steps.values() if s.name == "Wake up")
    assert wake.description == "the alarm rang twice"


def test_missing_odd_and_non_numeric_scores_warn_with_the_line():
    text = "journey\nsection A\nOne: : Me\nTwo: high: Me\nThree: 3.6: Me\nFour: 9: Me\nFive: 0: Me"
    bundle, warnings = one_map(text)
    assert warnings == [
        "On line 3, the score of \u201cOne\u201d is missing, so the step has no emotion value.",
        "On line 4, the score of \u201cTwo\u201d (\u201chigh\u201d) is not a number, so the "
        "step has no emotion value.",
        "On line 5, the score of \u201cThree\u201d (3.6) is not a whole number; it is read as 4.",
        "On line 6, the score of \u201cFour\u201d (9) is off the 1 to 5 scale; it is read as 5.",
    ]
    assert bundle.map.emotion_scale.kind is EmotionScaleKind.ZERO_TO_FIVE  # a 0 was seen
    assert curves(bundle)["Me"] == [("Three", 4), ("Four", 5), ("Five", 0)]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("flowchart LR\nA --> B", ["line 1", "not a Mermaid user journey"]),
        ("journey\nsection A\nMake tea", ["line 3", "\u201cMake tea\u201d", "name: score"]),
        ("journey\nsection A: 5\nB: 3", ["line 2", "section name cannot contain"]),
        ("journey\nsection A\nB: 3; C: 4", ["line 3", "\u201c;\u201d"]),
        ("journey\nsection A\n: 3: Me", ["line 3", "no name"]),
        ("journey\naccDescr {\nnever closed", ["line 2", "never closed"]),
        ("---\ntitle: x\njourney", ["line 1", "front matter"]),
        ("journey\ntitle Only a title", ["no sections or tasks"]),
        ("", ["no Mermaid journey"]),
        ("journey\nsection A\njourney", ["line 3", "second time"]),
    ],
)
def test_what_mermaid_refuses_is_one_sentence_naming_the_line(text, words):
    with pytest.raises(InterchangeError) as caught:
        read(text.encode("utf-8"))
    message = str(caught.value)
    assert "\n" not in message
    for word in words:
        assert word.lower() in message.lower(), message


def test_a_journey_inside_markdown_and_front_matter_titles():
    page = (
        "# Notes\n\nSome text.\n\n```mermaid\n---\ntitle: From front matter\n---\n"
        "journey\n  section A\n    B: 4: Me\n```\n"
    )
    bundle, _ = one_map(page)
    assert bundle.map.title == "From front matter"
    assert steps(bundle) == [("A", "B")]


def test_many_actors_each_get_a_persona_and_a_curve():
    actors = ", ".join(f"P{i}" for i in range(7))
    bundle, _ = one_map(f"journey\nsection A\nTogether: 4: {actors}\nAlone: 2: P6")
    assert len(bundle.personas) == 7
    assert len(bundle.map.overlay_persona_ids) == 4
    (lane,) = compute_layout(bundle).emotion
    assert len(lane.curves) == 7


def test_personas_who_feel_differently_at_one_step_go_out_as_lines_and_come_back_as_one():
    text = "journey\n    title T\n    section A\n      Pay: 4: Me\n      Pay: 2: Cat\n"
    bundle, _ = one_map(text)
    assert steps(bundle) == [("A", "Pay")]
    assert curves(bundle) == {"Me": [("Pay", 4)], "Cat": [("Pay", 2)]}
    assert dump(bundle)[0] == text


@pytest.mark.parametrize("key", sorted(SAMPLES))
def test_export_then_import_gives_the_same_map(key):
    sample = SAMPLES[key].build()
    text, _ = dump(sample)
    first, _ = one_map(text)
    again, _ = one_map(dump(first)[0])
    assert dump(again)[0] == dump(first)[0]
    assert first.map.title == sample.map.title
    assert steps(again) == steps(first)
    assert curves(again) == curves(first)
    assert [s.name for s in first.ordered_stages()] == [s.name for s in sample.ordered_stages()]


def test_export_says_what_mermaid_cannot_hold():
    sample = SAMPLES["support_request"].build()
    first = sample.columns()[0]
    for point in list(sample.emotion_points.values()):
        if (point.stage_id, point.step_id) == (first.stage_id, first.step_id):
            sample.put("emotion_point", point.id, None)
    text, warnings = dump(sample)
    assert any("no emotion value and were written with the neutral score" in w for w in warnings)
    assert sample.map.emotion_scale.minimum == -2
    assert "neutral" not in text  # the file itself is plain Mermaid


_LINES = st.one_of(
    st.sampled_from(
        ["journey", "title T", "section S", "accTitle: a", "accDescr {", "}", "%% c", "---", "#"]
    ),
    st.builds(
        lambda name, score, actors, rest: f"{name}:{score}:{actors}{rest}",
        st.text(max_size=8),
        st.one_of(st.integers(-3, 9).map(str), st.text(max_size=4)),
        st.text(max_size=10),
        st.sampled_from(["", ": more", ":x:y"]),
    ),
    st.text(max_size=20),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINES, max_size=12), st.booleans())
def test_any_input_gives_a_documented_error_or_a_valid_map(lines, lead):
    text = "\n".join((["journey"] if lead else []) + lines)
    try:
        reading = read(text.encode("utf-8"))
    except InterchangeError as error:
        assert str(error) and "\n" not in str(error)
        return
    (bundle,) = reading.document.bundles
    check_bundle(bundle)
    dump(bundle)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_give_a_documented_error_or_a_valid_map(data):
    try:
        reading = read(data)
    except InterchangeError:
        return
    check_bundle(reading.document.bundles[0])


@pytest.mark.parametrize(
    "name",
    [
        "journey",
        "title of the deed",
        "section 2 form",
        "accTitle: x",
        "accDescr {x",
        "%%note",
        "50%% off",
    ],
)
def test_a_step_named_like_a_keyword_or_comment_comes_back_as_that_step(name):
    sample = SAMPLES["support_request"].build()
    step = sample.ordered_steps(sample.ordered_stages()[0].id)[0]
    sample.put("step", step.id, replace(step, name=name))
    sample.put("map", sample.map.id, replace(sample.map, title=f"Plan %% {name}"))
    text, _ = dump(sample)
    assert "%%" not in text  # Mermaid drops the rest of a line from "%%" on
    first, _ = one_map(text)
    assert steps(first)[0][1] == name
    assert first.map.title == f"Plan %% {name}"
