"""The entity-kind registry describes the dataclasses as they are."""

from __future__ import annotations

import dataclasses
import typing

from jmapper.model.entities import ENTITY_KINDS
from jmapper.model.kinds import ATTACHMENT_KINDS, KINDS, dependents, label


def test_every_kind_is_described_once_in_dependency_order():
    assert list(KINDS) == list(ENTITY_KINDS)
    assert all(KINDS[name].cls is cls for name, cls in ENTITY_KINDS.items())
    labels = [kind.label for kind in KINDS.values()]
    assert len(set(labels)) == len(labels)
    assert label("not_a_kind") == "not_a_kind"


def test_references_name_real_fields_of_the_right_shape():
    for kind in KINDS.values():
        hints = typing.get_type_hints(kind.cls)
        fields = {f.name for f in dataclasses.fields(kind.cls)}
        for ref in kind.references:
            assert ref.attribute in fields, (kind.name, ref.attribute)
            is_list = typing.get_origin(hints[ref.attribute]) is list
            assert is_list == ref.many, (kind.name, ref.attribute)
            assert ref.target is None or ref.target in KINDS
            # A reference whose kind another attribute names cannot be a foreign key.
            assert not (ref.foreign_key and (ref.target is None or ref.many))


def test_dependents_are_the_references_read_backwards():
    pairs = {
        (kind.name, ref.attribute, ref.target) for kind in KINDS.values() for ref in kind.references
    }
    backwards = {
        (child, ref.attribute, target) for target in KINDS for child, ref in dependents(target)
    }
    assert backwards == {p for p in pairs if p[2] is not None}
    for name in ATTACHMENT_KINDS:
        assert any(ref.attribute == "target_id" for ref in KINDS[name].references)
