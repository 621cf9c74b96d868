"""What a health rule reports: a finding with a severity and a place to jump to."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from enum import Enum

from jmapper.model.bundle import MapBundle


class Severity(Enum):
    """How much a finding matters; ``jmapper check`` fails only on errors."""

    ERROR = "error"
    WARNING = "warning"
    ADVICE = "advice"


@dataclass(frozen=True)
class Target:
    """The entity a finding is about: its kind ('map', 'stage', 'card', ...) and id."""

    kind: str
    id: str


@dataclass(frozen=True)
class Problem:
    """One thing a rule found: where, and a sentence saying what is wrong and what to do."""

    target: Target
    message: str


@dataclass(frozen=True)
class Finding:
    """A problem stamped with the rule that found it."""

    rule_id: str
    severity: Severity
    message: str
    target: Target

    @property
    def key(self) -> str:
        """Stable identity ('rule:kind:id') for dismissing a finding and finding it again."""
        return f"{self.rule_id}:{self.target.kind}:{self.target.id}"


Check = Callable[[MapBundle, date], Iterable[Problem]]


@dataclass(frozen=True)
class Rule:
    """A health rule: stable id, severity, one-line summary and the check itself."""

    id: str
    severity: Severity
    summary: str
    check: Check


__all__ = ["Check", "Finding", "Problem", "Rule", "Severity", "Target"]
