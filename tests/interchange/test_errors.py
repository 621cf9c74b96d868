"""Every way a file can be wrong gives one sentence saying what and where, never a traceback."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jmapper.interchange.json_format import InterchangeError, dump_library, dump_map, parse
from jmapper.model.entities import MetricDefinition, MetricValue
from jmapper.model.invariants import check_bundle
from tests.builders import small_map
from tests.strategies import bundles


def _document(title: str = "Trip") -> dict[str, Any]:
    return json.loads(dump_map(small_map(title)))


def _error(document: dict[str, Any] | str) -> str:
    text = document if isinstance(document, str) else json.dumps(document)
    with pytest.raises(InterchangeError) as caught:
        parse(text)
    return str(caught.value)


def test_not_json_names_line_and_column() -> None:
    assert _error('{\n  "format": "jmapper-map",\n    oops\n}') == (
        "The file is not valid JSON (line 3, column 5)."
    )


def test_empty_file() -> None:
    assert _error("  \n") == "The file is empty; there is no jmapper map in it."


def test_not_an_object() -> None:
    assert _error("[1, 2]") == "This is not a jmapper file: it does not hold a JSON object."


def test_format_missing() -> None:
    document = _document()
    del document["format"]
    assert _error(document) == "This is not a jmapper file: the 'format' field is missing."


def test_wrong_format() -> None:
    document = _document()
    document["format"] = "miro-board"
    assert _error(document) == (
        "This is not a jmapper file: its format is 'miro-board', "
        "not 'jmapper-map' or 'jmapper-library'."
    )


def test_newer_version_is_refused() -> None:
    document = _document()
    document["format_version"] = 7
    assert _error(document) == (
        "This file was written by a newer jmapper (format version 7); update jmapper to import it."
    )


def test_newer_version_wins_over_its_unknown_fields() -> None:
    document = _document()
    document["format_version"] = 2
    document["swimlanes"] = []
    assert "newer jmapper (format version 2)" in _error(document)


@pytest.mark.parametrize("version", [0, "1", 1.5, True, None])
def test_invalid_version(version: Any) -> None:
    document = _document()
    document["format_version"] = version
    assert _error(document).startswith("This jmapper file has an invalid format version (")


def test_missing_version() -> None:
    document = _document()
    del document["format_version"]
    assert _error(document) == (
        "This jmapper file has no 'format_version' field, so it cannot be read safely."
    )


def test_unknown_top_level_field() -> None:
    document = _document()
    document["swimlanes"] = []
    assert _error(document) == "The file has an unknown field 'swimlanes'."


def test_unknown_field_names_the_card_by_number() -> None:
    document = _document()
    assert len(document["cards"]) >= 3
    document["cards"][2]["colr"] = "#ff0000"
    assert _error(document) == "Card 3 in the file has an unknown field 'colr'."


def test_unknown_field_of_the_map() -> None:
    document = _document()
    document["map"]["titel"] = "x"
    assert _error(document) == "The map in the file has an unknown field 'titel'."


def test_unknown_field_of_the_emotion_scale() -> None:
    document = _document()
    document["map"]["emotion_scale"]["step"] = 1
    assert _error(document) == (
        "The map in the file has an invalid value for 'emotion_scale': "
        "it has an unknown field 'step'."
    )


def test_map_missing() -> None:
    document = _document()
    del document["map"]
    assert _error(document) == "The map in the file has no 'map' field."


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("title", 5, "expected text"),
        ("span", "2", "expected a whole number"),
        ("span", 2.0, "expected a whole number"),
        ("span", True, "expected a whole number"),
        ("failure_point", 1, "expected true or false"),
        (
            "channel",
            "fax",
            "'fax' is not one of web, app, email, phone, chat, sms, social, "
            "in_person, mail, word_of_mouth, other",
        ),
        ("position", None, "it cannot be null"),
        ("pain_volume", 2**70, "the number is too large"),
        ("title", "\ud800", "the text holds characters that are not valid Unicode"),
    ],
)
def test_wrong_types_name_the_field(field: str, value: Any, problem: str) -> None:
    document = _document()
    document["cards"][0][field] = value
    assert _error(document) == f"Card 1 in the file has an invalid value for '{field}': {problem}."


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("29/02/2024", "expected a date written YYYY-MM-DD"),
        ("2023-02-29", "'2023-02-29' is not a date of the calendar"),
        ("2024-02-29T10:00:00", "expected a date written YYYY-MM-DD"),
    ],
)
def test_bad_dates(value: str, problem: str) -> None:
    document = _document()
    document["map"]["last_reviewed"] = value
    assert _error(document) == (
        f"The map in the file has an invalid value for 'last_reviewed': {problem}."
    )


def test_entity_that_is_not_an_object() -> None:
    document = _document()
    document["stages"].append("Support")
    assert _error(document) == "Stage 3 in the file is not a JSON object."


def test_section_that_is_not_a_list() -> None:
    document = _document()
    document["cards"] = {}
    assert _error(document) == "The 'cards' field of the file must be a list."


def test_reference_to_a_missing_lane_names_the_card() -> None:
    document = _document()
    card = document["cards"][0]
    card["title"] = "Call helpdesk"
    card["lane_id"] = "0" * 32
    assert (
        _error(document)
        == "Card \u201cCall helpdesk\u201d refers to a lane that is not in the file."
    )


def test_reference_of_an_untitled_entity_uses_its_number() -> None:
    document = _document()
    document["cards"][1]["title"] = "   "
    document["cards"][1]["stage_id"] = "nope"
    assert _error(document) == "Card 2 refers to a stage that is not in the file."


def test_missing_persona() -> None:
    document = _document()
    document["personas"] = []
    assert _error(document) == (
        "The map \u201cTrip\u201d refers to a persona that is not in the file."
    )


def test_card_of_another_map() -> None:
    document = _document()
    document["cards"][0]["map_id"] = "f" * 32
    assert _error(document) == (
        "Card 1 in the file belongs to another map: its 'map_id' is not the map's id."
    )


def test_duplicate_ids() -> None:
    document = _document()
    document["cards"][1]["id"] = document["cards"][0]["id"]
    assert _error(document) == (
        f"Two cards in the file have the same id '{document['cards'][0]['id']}'."
    )


def test_attachment_to_a_missing_card() -> None:
    document = _document()
    document["comments"] = [
        {"id": "c1", "text": "Check this", "target_kind": "card", "target_id": "gone"}
    ]
    assert _error(document) == "Comment 1 refers to a card that is not in the file."


def test_metric_value_of_another_map() -> None:
    document = _document()
    document["metric_definitions"] = [{"id": "m1", "kind": "nps", "name": "NPS"}]
    document["metric_values"] = [{"id": "v1", "metric_id": "m1", "scope_id": "other-map"}]
    assert _error(document) == ("Metric value 1 refers to a map other than the one it belongs to.")


def test_a_broken_rule_names_the_map() -> None:
    document = _document()
    document["cards"][0]["span"] = 99
    assert _error(document) == (
        "The map \u201cTrip\u201d in the file cannot be imported: "
        "a card cannot span past the last step of the map."
    )


def test_out_of_order_positions_name_the_map() -> None:
    document = _document()
    document["stages"][0]["position"] = 5
    assert _error(document).startswith(
        "The map \u201cTrip\u201d in the file cannot be imported: the stages are out of order"
    )


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_non_numbers_are_refused(constant: str) -> None:
    text = dump_map(small_map()).replace('"position": 0', f'"position": {constant}', 1)
    assert _error(text) == (
        f"The file is not valid JSON: it holds {constant}, which is not a number JSON allows."
    )


def test_huge_float_is_refused() -> None:
    document = _document()
    document["opportunities"] = [{"id": "o1", "title": "Big", "effort": 1}]
    text = json.dumps(document).replace('"effort": 1', '"effort": 1e999')
    assert _error(text) == (
        "Opportunity 1 in the file has an invalid value for 'effort': the number is too large."
    )


def test_deep_nesting_is_refused() -> None:
    assert _error("[" * 100_000 + "]" * 100_000) in (
        "The file is not valid JSON: it is nested too deeply.",
        "This is not a jmapper file: it does not hold a JSON object.",
    )


def test_library_errors_name_the_map() -> None:
    document = json.loads(dump_library([small_map("Trip"), small_map("Visit")], []))
    index = next(i for i, m in enumerate(document["maps"]) if m["map"]["title"] == "Visit")
    document["maps"][index]["cards"][0]["title"] = "Call helpdesk"
    document["maps"][index]["cards"][0]["lane_id"] = "gone"
    assert _error(document) == (
        "Card \u201cCall helpdesk\u201d on the map \u201cVisit\u201d refers to a lane that is "
        "not on that map."
    )
    document["maps"][index]["cards"][0]["colr"] = "red"
    assert _error(document) == (
        "Card 1 of the map \u201cVisit\u201d in the file has an unknown field 'colr'."
    )
    document["maps"][index]["notes"] = ""
    assert _error(document) == f"Map {index + 1} in the file has an unknown field 'notes'."


def test_library_with_a_map_twice() -> None:
    bundle = small_map("Trip")
    document = json.loads(dump_library([bundle], []))
    document["maps"].append(document["maps"][0])
    # The second copy's entities clash first: ids must be unique in the whole file.
    assert _error(document).startswith("Two stages in the file have the same id")


def test_library_missing_persona() -> None:
    document = json.loads(dump_library([small_map("Trip")], []))
    document["personas"] = []
    assert _error(document) == (
        "The map \u201cTrip\u201d refers to a persona that is not in the file."
    )


# -- never a traceback ---------------------------------------------------------------------

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=5,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bundles(max_stages=3, max_cards=5), st.data())
def test_any_damage_gives_a_sentence_or_a_valid_map(bundle: Any, data: st.DataObject) -> None:
    document = json.loads(dump_map(bundle))
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(_paths(document)[1:]))
        parent = document
        for step in path[:-1]:
            parent = parent[step]
        if data.draw(st.booleans()) and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = data.draw(_json_values)
        if not _paths(document)[1:]:
            break
    try:
        parsed = parse(json.dumps(document))
    except InterchangeError as error:
        message = str(error)
        assert message.endswith(".") and "\n" not in message
        assert not message.startswith("The file could not be read"), "an unforeseen failure"
        return
    for result in parsed.bundles:
        check_bundle(result)


def test_writing_a_number_json_cannot_hold_is_a_sentence() -> None:
    bundle = small_map("Trip")
    bundle.add(MetricDefinition(map_id=bundle.map.id, id="m1"))
    bundle.add(MetricValue(map_id=bundle.map.id, metric_id="m1", value=float("nan")))
    with pytest.raises(InterchangeError) as caught:
        dump_map(bundle)
    assert str(caught.value) == (
        "The map \u201cTrip\u201d holds a number that JSON cannot store (not a number, or "
        "infinite); correct it and export again."
    )
    with pytest.raises(InterchangeError, match="^The library holds a number"):
        dump_library([bundle], [])
