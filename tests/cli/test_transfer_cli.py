"""The real ``jmapper`` process importing and exporting with --format, --dry-run and --all-maps."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from jmapper.interchange.json_format import dump_map
from jmapper.services.library import create_map, open_library
from tests.builders import small_map
from tests.cli.test_import_cli import assert_one_error_line, jmapper, map_count


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def two_maps(tmp_path) -> Path:
    library = tmp_path / "two.jmapper"
    store = open_library(library, create=True)
    create_map(store, "Support", from_sample="support_request")
    create_map(store, "Park", from_sample="theme_park_visit")
    store.close()
    return library


def test_dry_run_prints_what_would_be_added_and_makes_no_library(tmp_path):
    source = tmp_path / "commute.json"
    source.write_text(dump_map(small_map("Commute")), encoding="utf-8")
    library = tmp_path / "new.jmapper"
    result = jmapper(tmp_path, "import", str(library), str(source), "--dry-run")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Would add \u201cCommute\u201d (2 stages, 2 steps, 3 lanes, 4 cards, 0 emotion values; "
        "new personas Priya).",
        "Nothing was changed (--dry-run).",
    ]
    assert not library.exists()


def test_dry_run_on_an_existing_library_changes_no_byte(tmp_path, two_maps):
    source = tmp_path / "commute.json"
    source.write_text(dump_map(small_map("Commute")), encoding="utf-8")
    before = digest(two_maps)
    result = jmapper(tmp_path, "import", str(two_maps), str(source), "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "Would add \u201cCommute\u201d" in result.stdout
    assert digest(two_maps) == before


def test_all_maps_into_a_json_file_then_import_gives_every_map_back(tmp_path, two_maps):
    out = tmp_path / "library.json"
    exported = jmapper(
        tmp_path, "export", str(two_maps), "--all-maps", "--format", "json", "-o", str(out)
    )
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.strip() == str(out)
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["format"] == "jmapper-library"
    assert sorted(m["map"]["title"] for m in document["maps"]) == ["Park", "Support"]
    target = tmp_path / "target.jmapper"
    imported = jmapper(tmp_path, "import", str(target), str(out), "--format", "json")
    assert imported.returncode == 0, imported.stderr
    assert map_count(target) == 2


def test_import_with_a_format_that_does_not_fit_the_file_says_which_line(tmp_path):
    source = tmp_path / "notes.json"
    source.write_text('{"format": "jmapper-map",\n "format_version": 1,\n oops}\n')
    library = tmp_path / "lib.jmapper"
    result = jmapper(tmp_path, "import", str(library), str(source))
    assert_one_error_line(result, "Cannot import \u201cnotes.json\u201d", "line 3")
    assert not library.exists()


def test_import_with_an_unknown_format_name_is_a_usage_error(tmp_path):
    source = tmp_path / "a.json"
    source.write_text("{}")
    result = jmapper(
        tmp_path, "import", str(tmp_path / "lib.jmapper"), str(source), "--format", "docx"
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "invalid choice: 'docx'" in result.stderr


def test_a_file_of_no_known_kind_is_refused_in_one_line(tmp_path):
    source = tmp_path / "photo.bin"
    source.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    result = jmapper(tmp_path, "import", str(tmp_path / "lib.jmapper"), str(source))
    assert_one_error_line(result, "cannot tell what kind of file", "--format")


def test_importing_another_library_points_at_merge_and_changes_neither(tmp_path):
    target, other = tmp_path / "lib.jmapper", tmp_path / "other.jmapper"
    for path in (target, other):
        created = jmapper(tmp_path, "new", str(path), "--title", "T")
        assert created.returncode == 0, created.stderr
    before = {p: p.read_bytes() for p in (target, other)}
    result = jmapper(tmp_path, "import", str(target), str(other))
    assert_one_error_line(result, "other.jmapper”: It is a jmapper library", "jmapper merge")
    assert {p: p.read_bytes() for p in (target, other)} == before


JOURNEY = """\
journey
    title My working day
    section Go to work
      Make tea: 5: Me
      Do work: 1: Me, Cat
    section Go home
      Sit down: high: Me
"""


def test_a_mermaid_journey_imports_and_exports_back(tmp_path):
    source = tmp_path / "day.mmd"
    source.write_text(JOURNEY, encoding="utf-8")
    library = tmp_path / "lib.jmapper"
    imported = jmapper(tmp_path, "import", str(library), str(source))
    assert imported.returncode == 0, imported.stderr
    assert "My working day  (imported)" in imported.stdout
    assert imported.stderr.strip() == (
        "jmapper: warning: On line 7, the score of \u201cSit down\u201d (\u201chigh\u201d) is "
        "not a number, so the step has no emotion value."
    )
    out = tmp_path / "again.mmd"
    exported = jmapper(
        tmp_path, "export", str(library), "--map", "My working day", "--format", "mermaid",
        "-o", str(out),
    )  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("journey\n    title My working day\n    section Go to work\n")
    assert "      Do work: 1: Me, Cat\n" in text
    assert "neutral score" in exported.stderr


def test_a_broken_journey_is_refused_naming_the_line_and_the_library_is_unchanged(
    tmp_path, two_maps
):
    source = tmp_path / "day.mmd"
    source.write_text("journey\n  section Morning\n  Make tea\n", encoding="utf-8")
    before = digest(two_maps)
    result = jmapper(tmp_path, "import", str(two_maps), str(source))
    assert_one_error_line(result, "Cannot import \u201cday.mmd\u201d", "On line 3", "Make tea")
    assert digest(two_maps) == before


SHEET = (
    "\ufeffCommute;Plan;;Travel\n;Search;Compare;\n"
    "Customer actions;Search the web;Compare prices;Take the train\n"
)


def test_a_spreadsheet_csv_dry_run_then_import_then_export_as_xlsx(tmp_path):
    source = tmp_path / "commute.csv"
    source.write_text(SHEET, encoding="utf-8")
    library = tmp_path / "lib.jmapper"
    planned = jmapper(tmp_path, "import", str(library), str(source), "--dry-run")
    assert planned.returncode == 0, planned.stderr
    assert planned.stdout.startswith(
        "Would add \u201cCommute\u201d (2 stages, 2 steps, 1 lane, 3 cards, 0 emotion values)."
    )
    assert not library.exists()
    imported = jmapper(tmp_path, "import", str(library), str(source), "--format", "csv")
    assert imported.returncode == 0, imported.stderr
    out = tmp_path / "commute.xlsx"
    exported = jmapper(
        tmp_path, "export", str(library), "--map", "Commute", "--format", "xlsx", "-o", str(out)
    )
    assert exported.returncode == 0, exported.stderr
    assert out.read_bytes().startswith(b"PK\x03\x04")
    again = jmapper(tmp_path, "import", str(library), str(out), "--dry-run")
    assert "Would add as a copy" not in again.stdout  # a sheet has no ids: a new map
    assert "\u201cCommute\u201d (2 stages, 2 steps, 1 lane, 3 cards" in again.stdout


def test_a_refused_sheet_names_the_cell_and_changes_nothing(tmp_path, two_maps):
    bad = tmp_path / "bad.csv"
    bad.write_text("Map,A,B\nEmotions,2,happy\n", encoding="utf-8")
    before = digest(two_maps)
    result = jmapper(tmp_path, "import", str(two_maps), str(bad))
    assert_one_error_line(result, "Cannot import \u201cbad.csv\u201d", "cell C2", "happy")
    assert digest(two_maps) == before


def test_the_action_plan_as_csv_and_a_table_in_pdf_is_a_usage_error(tmp_path, two_maps):
    out = tmp_path / "plan.csv"
    result = jmapper(
        tmp_path, "export", str(two_maps), "--map", "Support", "--format", "csv",
        "--table", "action-plan", "-o", str(out),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8-sig").startswith("Rank,Opportunity,Description,Priority")
    refused = jmapper(
        tmp_path, "export", str(two_maps), "--map", "Support", "--format", "pdf",
        "--table", "metrics", "-o", str(tmp_path / "m.pdf"),
    )  # fmt: skip
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "--table writes one map's table as CSV or XLSX" in refused.stderr
    assert not (tmp_path / "m.pdf").exists()


def test_contact_data_preview_then_import_and_a_bad_mapping_in_one_line(tmp_path, two_maps):
    from tests.contact_centre_data import MAPPING, records, write_export

    source = tmp_path / "contacts.csv"
    write_export(source, records(500))
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps(MAPPING), encoding="utf-8")
    before = digest(two_maps)
    args = ["import", str(two_maps), str(source), "--as", "metrics", "--map", "Support"]
    preview = jmapper(tmp_path, *args, "--mapping", str(mapping), "--dry-run")
    assert preview.returncode == 0, preview.stderr
    assert "Support: 500 rows, period 2025-Q2" in preview.stdout
    assert "Connection keeps dropping" in preview.stdout
    assert preview.stdout.rstrip().endswith("Nothing was changed (--dry-run).")
    assert digest(two_maps) == before
    stored = jmapper(tmp_path, *args, "--mapping", str(mapping))
    assert stored.returncode == 0, stored.stderr
    assert "Stored 24 metric value(s) with their raw counts." in stored.stdout
    again = jmapper(tmp_path, *args)  # the mapping is remembered by the library
    assert again.returncode == 0, again.stderr
    broken = tmp_path / "broken.json"
    broken.write_text('{"columns": {"reason": "Reason"}, "places": {"A": "B"}}', encoding="utf-8")
    after = digest(two_maps)
    refused = jmapper(tmp_path, *args, "--mapping", str(broken))
    assert_one_error_line(refused, "\u201cReason\u201d", "header on line 1")
    assert digest(two_maps) == after
    usage = jmapper(tmp_path, "import", str(two_maps), str(source), "--as", "metrics")
    assert usage.returncode == 2 and "--as metrics adds to one map's metrics" in usage.stderr
