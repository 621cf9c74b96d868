"""The map's health check: small pure rules, each with a stable id and a severity.

``run_checks(bundle, today)`` returns :class:`Finding` objects saying what is
wrong, how to fix it and where (the entity to jump to).  The rules and what
triggers them are documented in docs/health-rules.md.
"""

from jmapper.analysis.health.dismissals import Sorted, sort_dismissed
from jmapper.analysis.health.findings import Finding, Problem, Rule, Severity, Target
from jmapper.analysis.health.registry import RULES, run_checks, select_rules

__all__ = [
    "RULES",
    "Finding",
    "Problem",
    "Rule",
    "Severity",
    "Sorted",
    "Target",
    "run_checks",
    "select_rules",
    "sort_dismissed",
]
