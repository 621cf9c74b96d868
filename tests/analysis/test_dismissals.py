"""Dismissed health findings: the edit, its rules, and how findings are set apart."""

from __future__ import annotations

import pytest

from jmapper.analysis.health import run_checks, sort_dismissed
from jmapper.interchange.errors import InterchangeError
from jmapper.interchange.json_format import dump_map, parse
from jmapper.model import edits
from jmapper.model.errors import DomainError
from jmapper.model.invariants import check_changes
from tests.analysis.maps import TODAY, Healthy, healthy_map


@pytest.fixture
def h() -> Healthy:
    h = healthy_map()
    h.delivery.data_sources = []
    h.order.data_sources = []
    return h


def _apply(bundle, changeset) -> None:
    bundle.apply(changeset.changes)
    check_changes(bundle, changeset.changes)


def test_a_dismissed_finding_is_set_apart_and_others_of_its_rule_stay_open(h: Healthy) -> None:
    findings = run_checks(h.bundle, TODAY, ["stage-without-evidence"])
    assert {f.target.id for f in findings} == {h.order.id, h.delivery.id}
    changeset, dismissal = edits.dismiss_finding(
        h.bundle, "stage-without-evidence", "stage", h.order.id, "  Covered by the study ", "t"
    )
    _apply(h.bundle, changeset)
    assert dismissal.reason == "Covered by the study"
    found = sort_dismissed(h.bundle, run_checks(h.bundle, TODAY))
    assert [f.target.id for f in found.open] == [h.delivery.id]
    ((finding, by),) = found.dismissed
    assert finding.target.id == h.order.id and by.id == dismissal.id


def test_a_dismissal_needs_a_reason_and_dismisses_a_finding_once(h: Healthy) -> None:
    blank, _ = edits.dismiss_finding(h.bundle, "no-scenario", "map", h.bundle.map.id, "  ", "t")
    with pytest.raises(DomainError, match="needs a reason"):
        _apply(h.bundle, blank)
    h.bundle.apply(blank.changes, backwards=True)
    first, _ = edits.dismiss_finding(h.bundle, "no-scenario", "map", h.bundle.map.id, "Why", "t")
    _apply(h.bundle, first)
    again, _ = edits.dismiss_finding(h.bundle, "no-scenario", "map", h.bundle.map.id, "Why", "t")
    with pytest.raises(DomainError, match="already dismissed"):
        _apply(h.bundle, again)


def test_removing_the_entity_removes_its_dismissal_and_restore_takes_it_back(h: Healthy) -> None:
    changeset, dismissal = edits.dismiss_finding(
        h.bundle, "stage-without-evidence", "stage", h.order.id, "Covered", "t"
    )
    _apply(h.bundle, changeset)
    removal = edits.remove_stage(h.bundle, h.order.id)
    assert ("dismissal", dismissal.id) in {(c.kind, c.id) for c in removal.changes}
    restore = edits.restore_finding(h.bundle, dismissal.id)
    assert [(c.kind, c.after) for c in restore.changes] == [("dismissal", None)]
    with pytest.raises(DomainError):
        edits.restore_finding(h.bundle, "no-such-id")


def test_dismissals_travel_in_the_json_format_and_a_bad_target_is_refused(h: Healthy) -> None:
    changeset, dismissal = edits.dismiss_finding(
        h.bundle, "stage-without-evidence", "stage", h.order.id, "Covered", "2026-12-01T09:00:00"
    )
    _apply(h.bundle, changeset)
    text = dump_map(h.bundle)
    (back,) = parse(text).bundles
    assert back.dismissals == {dismissal.id: dismissal}
    with pytest.raises(InterchangeError, match="Dismissed finding .* refers to a stage"):
        parse(text.replace(f'"target_id": "{h.order.id}"', '"target_id": "' + "e" * 32 + '"'))
    with pytest.raises(InterchangeError, match="not something a map holds"):
        parse(text.replace('"target_kind": "stage"', '"target_kind": "galaxy"'))
