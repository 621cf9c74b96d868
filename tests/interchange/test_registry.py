"""Choosing a reader: by the name the user gives, by content, by extension, else CSV."""

from __future__ import annotations

import pytest

from jmapper.interchange import registry
from jmapper.interchange.errors import InterchangeError


def test_a_named_format_wins_over_content_and_extension():
    assert registry.detect("map.csv", b'{"format": "jmapper-map"}', "json").name == "json"


def test_json_is_told_by_its_content_whatever_the_file_is_called():
    assert registry.detect("export.txt", b'\xef\xbb\xbf  {"format": 1}', None).name == "json"
    assert registry.detect("export", b"{}", None).name == "json"


def test_the_extension_decides_when_the_content_does_not_tell():
    assert registry.by_extension("Map.JSON") is registry.FORMATS["json"]
    assert registry.by_extension("map.unknown") is None


def test_an_unknown_format_name_lists_the_choices():
    with pytest.raises(InterchangeError, match="choose one of json"):
        registry.get("docx")


def test_a_binary_file_of_no_known_kind_is_refused_with_a_sentence():
    with pytest.raises(InterchangeError, match="cannot tell what kind of file .photo.bin."):
        registry.detect("photo.bin", b"\x89PNG\r\n\x1a\n\x00\x00", None)


def test_every_format_module_has_what_its_entry_promises():
    for fmt in registry.FORMATS.values():
        module = fmt.load()
        assert callable(getattr(module, "read", None)) == fmt.reads
        assert callable(getattr(module, "write_map", None)) == fmt.writes
        assert fmt.extension.startswith(".")


def test_a_mermaid_journey_is_told_by_its_first_statement_or_its_fence():
    head = b"---\ntitle: x\n---\n%% my day\nJourney\n  title T\n"
    assert registry.detect("day.txt", head, None).name == "mermaid"
    page = b"# Notes\n\n```mermaid\njourney\n  section A\n```\n"
    assert registry.detect("notes.md", page, None).name == "mermaid"
    assert registry.detect("day.mmd", b"", None).name == "mermaid"


def test_a_library_given_to_import_points_at_merge():
    with pytest.raises(InterchangeError, match="It is a jmapper library.*jmapper merge"):
        registry.detect("other.jmapper", b"SQLite format 3\x00\x10\x00", None)
