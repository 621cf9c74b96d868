"""What a merge did (or, in a dry run, would do), as sentences and as JSON (docs/merge.md).

The command line prints :meth:`MergeReport.lines` or :meth:`MergeReport.as_json`;
the editor shows the same lines in its report dialog, so both front ends say
the same thing about every map.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Output format version of ``jmapper merge --json`` (docs/merge.md).
MERGE_JSON_VERSION = 1

#: At most this many conflicts are named per map; the rest are counted.
SHOWN_CONFLICTS = 12

ADDED, MERGED, UPDATED, UNCHANGED, KEPT_TWICE = (
    "added",
    "merged",
    "updated",
    "unchanged",
    "kept_twice",
)


@dataclass(frozen=True)
class MapOutcome:
    """What happened to one map of a source.

    ``how``: ``added`` (new to the library), ``merged`` (three ways, edits of
    both sides), ``updated`` (only the source had edits since a shared
    version), ``unchanged`` (nothing new in the source), ``kept_twice`` (the
    source's version stored beside the library's as ``copy_title``).
    """

    how: str
    title: str
    map_id: str
    source: str
    base: str | None = None
    from_source: int = 0
    from_target: int = 0
    copy_title: str | None = None
    copy_id: str | None = None
    reason: str = ""
    conflicts: tuple[str, ...] = ()

    def sentence(self) -> str:
        """One line for the text report: the title, then what happened to it."""
        name = f"\u201c{self.title}\u201d"
        if self.how == ADDED:
            return f"{name} from {self.source}."
        if self.how == KEPT_TWICE:
            return (
                f"{name} and {self.source}'s version as \u201c{self.copy_title}\u201d: "
                f"{self.reason}"
            )
        detail = self.detail()
        if self.how == UPDATED:  # "Took ..." reads as "“Title”: took ..." after the title
            detail = detail[:1].lower() + detail[1:]
        return f"{name}: {detail}"

    def detail(self) -> str:
        """What happened, without the title (the editor shows it under the title)."""
        if self.how == ADDED:
            return f"New, from {self.source}."
        if self.how == UPDATED:
            return f"Took {self.source}'s edits made since \u201c{self.base}\u201d."
        if self.how == MERGED:
            return (
                f"{_n(self.from_source, 'change')} from {self.source} and "
                f"{_n(self.from_target, 'change')} of this library, merged against "
                f"\u201c{self.base}\u201d."
            )
        if self.how == UNCHANGED:
            return f"{self.source} has nothing newer."
        return self.reason[:1].upper() + self.reason[1:]

    def as_json(self, *, dry_run: bool) -> dict[str, Any]:
        data: dict[str, Any] = {"title": self.title, "id": self.map_id, "source": self.source}
        if self.how in (MERGED, UPDATED):
            data.update(how=self.how, base=self.base)
            data.update(from_source=self.from_source, from_target=self.from_target)
        if self.how == KEPT_TWICE:
            data.update(copy_title=self.copy_title, copy_id=None if dry_run else self.copy_id)
            data.update(reason=self.reason, conflicts=list(self.conflicts))
        return data


@dataclass
class MergeReport:
    """Every map's outcome, the personas reused or added, versions copied, the backup made."""

    target: Path
    sources: list[str]
    dry_run: bool
    maps: list[MapOutcome] = field(default_factory=list)
    personas_reused: list[str] = field(default_factory=list)
    personas_added: list[str] = field(default_factory=list)
    personas_differing: list[str] = field(default_factory=list)
    versions_added: int = 0
    backup: Path | None = None
    warnings: list[str] = field(default_factory=list)

    def of(self, *hows: str) -> list[MapOutcome]:
        return [outcome for outcome in self.maps if outcome.how in hows]

    @property
    def changes_anything(self) -> bool:
        return bool(
            self.of(ADDED, MERGED, UPDATED, KEPT_TWICE)
            or self.personas_added
            or self.versions_added
        )

    def headline(self) -> str:
        sources = ", ".join(self.sources)
        if self.dry_run:
            return f"Dry run: merging {sources} into {self.target.name} would give the following."
        if not self.changes_anything:
            return f"{self.target.name} already holds everything in {sources}; nothing changed."
        return f"Merged {sources} into {self.target.name}."

    def lines(self) -> list[str]:
        """The report as lines of text: a headline, one section per outcome, then the rest."""
        lines = [self.headline()]
        sections = (
            ("Added", self.of(ADDED)),
            ("Merged", self.of(MERGED, UPDATED)),
            ("Kept twice", self.of(KEPT_TWICE)),
            ("Unchanged", self.of(UNCHANGED)),
        )
        for heading, outcomes in sections:
            if not outcomes:
                continue
            lines.append(f"{heading} ({len(outcomes)}):")
            for outcome in outcomes:
                lines.append(f"  {outcome.sentence()}")
                shown = outcome.conflicts[:SHOWN_CONFLICTS]
                lines.extend(f"    - {conflict}" for conflict in shown)
                hidden = len(outcome.conflicts) - len(shown)
                if hidden > 0:
                    lines.append(f"    - and {_n(hidden, 'more conflict')}.")
        people = []
        if self.personas_reused:
            people.append("reused " + ", ".join(self.personas_reused))
        if self.personas_added:
            people.append("added " + ", ".join(self.personas_added))
        if people:
            lines.append(f"Personas: {'; '.join(people)}.")
        lines.extend(
            f"Persona \u201c{name}\u201d differs in the other library; this library's was kept."
            for name in self.personas_differing
        )
        if self.versions_added:
            lines.append(f"Versions copied: {self.versions_added}.")
        lines.extend(self.warnings)
        if self.dry_run:
            lines.append("Nothing was changed (dry run).")
        elif self.backup is not None:
            lines.append(f"The library as it was before the merge is kept as {self.backup}.")
        return lines

    def as_json(self) -> dict[str, Any]:
        def maps(*hows: str) -> list[dict[str, Any]]:
            return [o.as_json(dry_run=self.dry_run) for o in self.of(*hows)]

        return {
            "version": MERGE_JSON_VERSION,
            "target": str(self.target),
            "sources": list(self.sources),
            "dry_run": self.dry_run,
            "backup": None if self.backup is None else str(self.backup),
            "added": maps(ADDED),
            "merged": maps(MERGED, UPDATED),
            "kept_twice": maps(KEPT_TWICE),
            "unchanged": maps(UNCHANGED),
            "personas": {
                "reused": list(self.personas_reused),
                "added": list(self.personas_added),
                "differing": list(self.personas_differing),
            },
            "versions_added": self.versions_added,
            "warnings": list(self.warnings),
        }


def _n(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
