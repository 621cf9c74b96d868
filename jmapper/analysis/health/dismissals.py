"""Findings the team dismissed (with a reason) set apart from those still open.

A dismissal is stored with the map (:class:`jmapper.model.entities.Dismissal`)
and names a finding by its key, so it keeps matching the same problem after
edits, and a new problem of the same rule elsewhere is still reported.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from jmapper.analysis.health.findings import Finding
from jmapper.model.bundle import MapBundle
from jmapper.model.entities import Dismissal


@dataclass
class Sorted:
    """The open findings, and the dismissed ones with their dismissals."""

    open: list[Finding] = field(default_factory=list)
    dismissed: list[tuple[Finding, Dismissal]] = field(default_factory=list)


def sort_dismissed(bundle: MapBundle, findings: Iterable[Finding]) -> Sorted:
    """Split ``findings`` into those still open and those the map's dismissals cover."""
    by_key = {d.key: d for d in bundle.dismissals.values()}
    result = Sorted()
    for finding in findings:
        dismissal = by_key.get(finding.key)
        if dismissal is None:
            result.open.append(finding)
        else:
            result.dismissed.append((finding, dismissal))
    return result


__all__ = ["Sorted", "sort_dismissed"]
