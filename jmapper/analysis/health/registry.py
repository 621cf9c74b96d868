"""Every health rule by id, and the one entry point that runs them.

Rules are pure functions of the map and the date, so the editor can run them
after every edit, the command line over a folder of maps, and tests with a
fixed "today".
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from jmapper.analysis.health import (
    blueprint,
    emotions,
    evidence,
    opportunities,
    people,
    review,
    silence,
    touchpoints,
    voice,
)
from jmapper.analysis.health.findings import Finding, Rule
from jmapper.model.bundle import MapBundle

#: The rules by id, in the order findings are reported.
RULES: dict[str, Rule] = {
    rule.id: rule
    for module in (
        people,
        emotions,
        evidence,
        opportunities,
        review,
        touchpoints,
        silence,
        voice,
        blueprint,
    )
    for rule in module.RULES
}


def select_rules(ids: Iterable[str] | None = None) -> list[Rule]:
    """The rules with ``ids`` (all when None); a ValueError names any unknown id."""
    if ids is None:
        return list(RULES.values())
    wanted = list(ids)
    unknown = [rule_id for rule_id in wanted if rule_id not in RULES]
    if unknown:
        raise ValueError(
            f"There is no health rule called {', '.join(unknown)}; choose from {', '.join(RULES)}."
        )
    return [RULES[rule_id] for rule_id in dict.fromkeys(wanted)]


def run_checks(bundle: MapBundle, today: date, rules: Iterable[str] | None = None) -> list[Finding]:
    """The findings of ``rules`` (ids; all when None) on ``bundle`` as of ``today``."""
    return [
        Finding(rule.id, rule.severity, problem.message, problem.target)
        for rule in select_rules(rules)
        for problem in rule.check(bundle, today)
    ]


__all__ = ["RULES", "run_checks", "select_rules"]
