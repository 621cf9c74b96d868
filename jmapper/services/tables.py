"""The action plan (opportunity register) and the metrics of a map as tables for spreadsheets.

The same facts the PDF's action plan page and ``jmapper metrics`` show, one
row per opportunity or per metric value, with every score as a number so a
spreadsheet can sort and filter them.  ``jmapper export --table`` and the
Export dialog write them through :func:`export_table`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from jmapper.interchange.tables import TABLE_FORMATS, Cell, write_table
from jmapper.services.errors import ServiceError
from jmapper.services.files import check_output_path, write_atomically

if TYPE_CHECKING:
    from jmapper.model.bundle import MapBundle
    from jmapper.model.entities import Opportunity
    from jmapper.storage import LibraryStore

#: The tables a map can be exported as (``--table``).
TABLES = ("action-plan", "metrics")

ACTION_PLAN_HEADER: tuple[str, ...] = (
    "Rank",
    "Opportunity",
    "Description",
    "Priority",
    "Impact",
    "Feasibility",
    "Impact x feasibility",
    "Reach",
    "Confidence",
    "Effort (person-months)",
    "RICE",
    "Volume",
    "Severity",
    "Volume x severity",
    "Owner",
    "Metric",
    "Baseline",
    "Target",
    "Due date",
    "Status",
    "Votes",
    "Where",
    "Pain points addressed",
)

METRICS_HEADER: tuple[str, ...] = (
    "Metric",
    "Kind",
    "Reported as",
    "Unit",
    "Scope",
    "Role",
    "Period",
    "Sample size",
    "Source",
    "Score",
    "Computed from raw counts",
    "Raw counts",
    "Baseline",
    "Target",
    "Change since baseline",
)


def action_plan_rows(bundle: MapBundle) -> list[list[Cell]]:
    """One row per opportunity, in the action plan's order: quadrant, then impact x feasibility."""
    from jmapper.analysis.opportunity_scores import map_scores
    from jmapper.analysis.priority import Quadrant, quadrant

    order = list(Quadrant)

    def key(opp: Opportunity) -> tuple[int, int, int, str]:
        found = quadrant(opp)
        product = (opp.impact or 0) * (opp.feasibility or 0)
        place = order.index(found) if found is not None else len(order)
        return (place, -product, -(opp.impact or 0), opp.title)

    opps = sorted(bundle.opportunities.values(), key=key)
    scores = map_scores(opps)
    rows: list[list[Cell]] = []
    for rank, opp in enumerate(opps, start=1):
        score = scores[opp.id]
        pains = [bundle.cards[c].title for c in opp.pain_card_ids if c in bundle.cards]
        rows.append(
            [
                rank,
                opp.title,
                opp.description,
                score.quadrant.label if score.quadrant else "unscored",
                opp.impact,
                opp.feasibility,
                _n(score.impact_feasibility.value),
                opp.reach,
                _n(opp.confidence),
                _n(opp.effort),
                _n(score.rice.value),
                opp.volume,
                opp.severity,
                _n(score.volume_severity.value),
                opp.owner,
                opp.metric,
                opp.baseline,
                opp.target,
                opp.due_date.isoformat() if opp.due_date else None,
                opp.status.label,
                opp.votes,
                _where(bundle, opp.stage_id, opp.step_id),
                "; ".join(pains),
            ]
        )
    return rows


def _n(value: float | None) -> float | int | None:
    """A number as a spreadsheet should show it: whole numbers whole, others to 2 decimals."""
    if value is None:
        return None
    rounded = round(float(value), 2)
    return int(rounded) if rounded.is_integer() else rounded


def _where(bundle: MapBundle, stage_id: str | None, step_id: str | None) -> str:
    stage = bundle.stages.get(stage_id or "")
    step = bundle.steps.get(step_id or "")
    return " / ".join(part.name for part in (stage, step) if part is not None)


def metric_rows(bundle: MapBundle) -> list[list[Cell]]:
    """One row per metric value, scored and compared as ``jmapper metrics`` does."""
    from jmapper.analysis.metric_text import format_change, format_counts
    from jmapper.services.metrics import map_metrics

    rows: list[list[Cell]] = []
    for metric in map_metrics(bundle).metrics:
        definition = metric.definition
        for row in metric.values:
            value = row.value
            rows.append(
                [
                    definition.name or definition.kind.label,
                    definition.kind.label,
                    metric.mode,
                    definition.unit,
                    row.scope_name,
                    value.role.value,
                    value.period,
                    row.sample_size,
                    value.source.value,
                    _n(row.score),
                    "yes" if row.computed else "no",
                    format_counts(dict(value.raw_counts)),
                    _n(row.baseline),
                    _n(row.target),
                    format_change(row.change) if row.change else None,
                ]
            )
    return rows


def export_table(store: LibraryStore, map_id: str, table: str, out: str | Path, fmt: str) -> int:
    """Write the map's ``table`` as ``fmt`` (csv or xlsx) to ``out``; the number of rows."""
    if table not in TABLES:
        raise ServiceError(f"There is no table \u201c{table}\u201d; choose {' or '.join(TABLES)}.")
    if fmt not in TABLE_FORMATS:
        raise ServiceError(
            f"The {table} table is written as CSV or XLSX, not \u201c{fmt}\u201d; "
            "use --format csv or --format xlsx."
        )
    check_output_path(out)
    from jmapper.model.text import clean_bundle

    bundle = clean_bundle(store.load_map(map_id))
    if table == "action-plan":
        header, rows, sheet = ACTION_PLAN_HEADER, action_plan_rows(bundle), "Action plan"
    else:
        header, rows, sheet = METRICS_HEADER, metric_rows(bundle), "Metrics"
    write_atomically(out, write_table(fmt, header, rows, sheet=sheet))
    return len(rows)
