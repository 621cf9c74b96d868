"""Metric scores from the raw counts stored on a value (docs/domain.md, "Metrics").

A :class:`~jmapper.model.entities.MetricValue` keeps the figure a user typed
(``value``) and, where the data allows, the counts behind it (``raw_counts``,
text keys to whole numbers).  Recomputing from the counts is what keeps a
CSAT or NPS honest when a survey export is pasted in, so the formulas live
here once.  The keys each kind reads:

=====================  =====================================================
kind                   raw-count keys
=====================  =====================================================
CSAT                   ``"1"`` .. ``"5"``: responses per score
NPS                    ``"0"`` .. ``"10"``: responses per score, or
                       ``"promoters"``, ``"passives"``, ``"detractors"``
CES                    ``"1"`` .. ``"7"``: responses per score
FCR                    ``"resolved_first_contact"``, ``"contacts"``
AHT                    ``"talk"``, ``"hold"``, ``"wrap"`` (time in the
                       metric's unit, summed over contacts), ``"contacts"``
repeat-contact rate    ``"repeat_contacts"`` (within the window),
                       ``"contacts"``
=====================  =====================================================

Every formula returns ``None`` when there is nothing to divide by, never a
ZeroDivisionError: an empty survey has no score.
"""

from __future__ import annotations

from collections.abc import Mapping

from jmapper.model.entities import MetricDefinition, MetricValue
from jmapper.model.enums import CsatMode, MetricKind

Counts = Mapping[str, int]

#: The repeat-contact window when a definition does not set one (docs/domain.md).
DEFAULT_REPEAT_WINDOW_DAYS = 7


def _score_counts(counts: Counts, low: int, high: int) -> dict[int, int]:
    """Responses per score on a ``low``..``high`` scale; other keys are not scores."""
    return {score: counts.get(str(score), 0) for score in range(low, high + 1)}


def _mean(counts: Counts, low: int, high: int) -> float | None:
    per_score = _score_counts(counts, low, high)
    total = sum(per_score.values())
    if total == 0:
        return None
    return sum(score * n for score, n in per_score.items()) / total


def _percent(part: int, whole: int) -> float | None:
    return None if whole == 0 else 100 * part / whole


def csat_top_2_box(counts: Counts) -> float | None:
    """Share of 4s and 5s among the 1-5 responses, in percent (0..100)."""
    per_score = _score_counts(counts, 1, 5)
    return _percent(per_score[4] + per_score[5], sum(per_score.values()))


def csat_mean(counts: Counts) -> float | None:
    """The mean of the 1-5 responses."""
    return _mean(counts, 1, 5)


def nps(counts: Counts) -> float | None:
    """%promoters (9-10) minus %detractors (0-6), from -100 to 100.

    Per-score counts ("0".."10") win over the grouped ones when both are given,
    since the grouping can always be recomputed from them but not the reverse.
    """
    per_score = _score_counts(counts, 0, 10)
    if any(per_score.values()):
        promoters = per_score[9] + per_score[10]
        detractors = sum(per_score[score] for score in range(0, 7))
        total = sum(per_score.values())
    else:
        promoters = counts.get("promoters", 0)
        detractors = counts.get("detractors", 0)
        total = promoters + counts.get("passives", 0) + detractors
    if total == 0:
        return None
    return 100 * (promoters - detractors) / total


def ces_mean(counts: Counts) -> float | None:
    """The mean of the 1-7 answers to "the company made it easy"."""
    return _mean(counts, 1, 7)


def fcr(counts: Counts) -> float | None:
    """Share of contacts resolved on the first contact, in percent."""
    return _percent(counts.get("resolved_first_contact", 0), counts.get("contacts", 0))


def aht(counts: Counts) -> float | None:
    """(talk + hold + wrap-up) / contacts, in the unit the times are counted in."""
    contacts = counts.get("contacts", 0)
    if contacts == 0:
        return None
    handling = counts.get("talk", 0) + counts.get("hold", 0) + counts.get("wrap", 0)
    return handling / contacts


def repeat_contact_rate(counts: Counts) -> float | None:
    """Contacts repeated within the window / contacts, in percent."""
    return _percent(counts.get("repeat_contacts", 0), counts.get("contacts", 0))


def repeat_window_days(definition: MetricDefinition) -> int:
    """The window a repeat-contact rate counts repeats in (7 days unless the metric says)."""
    return definition.repeat_window_days or DEFAULT_REPEAT_WINDOW_DAYS


def csat_mode(definition: MetricDefinition) -> CsatMode:
    """How a CSAT is reported: as stored on the metric, top-2-box when it says nothing."""
    return definition.csat_mode or CsatMode.TOP_2_BOX


def computed_value(definition: MetricDefinition, value: MetricValue) -> float | None:
    """The score the value's raw counts give, or None (no formula, no counts, no responses)."""
    counts = value.raw_counts
    if not counts:
        return None
    kind = definition.kind
    if kind is MetricKind.CSAT:
        if csat_mode(definition) is CsatMode.MEAN:
            return csat_mean(counts)
        return csat_top_2_box(counts)
    formulas = {
        MetricKind.NPS: nps,
        MetricKind.CES: ces_mean,
        MetricKind.FCR: fcr,
        MetricKind.AHT: aht,
        MetricKind.REPEAT_CONTACT_RATE: repeat_contact_rate,
    }
    formula = formulas.get(kind)
    return None if formula is None else formula(counts)


def responses(definition: MetricDefinition, value: MetricValue) -> int | None:
    """How many answers or contacts the raw counts hold (None when they hold none).

    This is the sample size the counts themselves show, for a value whose
    ``sample_size`` was left empty: survey kinds count responses on their scale,
    the contact kinds count ``contacts``.
    """
    counts = value.raw_counts
    kind = definition.kind
    if kind is MetricKind.CSAT:
        total = sum(_score_counts(counts, 1, 5).values())
    elif kind is MetricKind.CES:
        total = sum(_score_counts(counts, 1, 7).values())
    elif kind is MetricKind.NPS:
        total = sum(_score_counts(counts, 0, 10).values()) or sum(
            counts.get(group, 0) for group in ("promoters", "passives", "detractors")
        )
    elif kind in (MetricKind.FCR, MetricKind.AHT, MetricKind.REPEAT_CONTACT_RATE):
        total = counts.get("contacts", 0)
    else:
        return None
    return total or None


def score(definition: MetricDefinition, value: MetricValue) -> float | None:
    """The figure to show: computed from the raw counts when they give one, else as typed."""
    computed = computed_value(definition, value)
    return computed if computed is not None else value.value


__all__ = [
    "DEFAULT_REPEAT_WINDOW_DAYS",
    "aht",
    "ces_mean",
    "computed_value",
    "csat_mean",
    "csat_mode",
    "csat_top_2_box",
    "fcr",
    "nps",
    "repeat_contact_rate",
    "repeat_window_days",
    "responses",
    "score",
]
