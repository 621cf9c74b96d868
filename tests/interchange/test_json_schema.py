"""The published JSON Schema: in step with the model, and every export validates against it."""

from __future__ import annotations

import json

import jsonschema
import pytest

from jmapper.interchange.json_format import dump_library, dump_map
from jmapper.templates import SAMPLES, build_samples
from tests.builders import small_map
from tests.interchange.schema_from_model import SCHEMA_PATH, derived_schema


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_the_published_schema_is_the_one_the_model_implies():
    published = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert published == derived_schema(), (
        "the model changed: run python -m tests.interchange.schema_from_model"
    )


@pytest.mark.parametrize("key", sorted(SAMPLES))
def test_every_sample_map_export_validates(validator, key):
    bundle = SAMPLES[key].build()
    document = json.loads(dump_map(bundle))
    errors = list(validator.iter_errors(document))
    assert errors == []


def test_a_library_export_validates(validator):
    bundles = build_samples() + [small_map()]
    personas = [p for b in bundles for p in b.personas.values()]
    document = json.loads(dump_library(bundles, personas))
    assert document["format"] == "jmapper-library"
    assert list(validator.iter_errors(document)) == []


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("cards", 0, "span"), "two"),
        (("cards", 0, "colr"), "#FFFFFF"),
        (("stages", 0, "position"), 1.5),
        (("map", "status"), "finished"),
        (("map", "last_reviewed"), "12/03/2024"),
        (("format",), "jmapper-mop"),
    ],
)
def test_a_document_with_a_wrong_value_does_not_validate(validator, path, value):
    document = json.loads(dump_map(small_map()))
    target = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert not validator.is_valid(document)
