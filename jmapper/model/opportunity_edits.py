"""Edits of opportunities that are gestures, not typing: each is its own undo step.

Typing in an inspector field merges into one step (:func:`edits.edit_fields`
gives it a merge key).  Linking a pain point, ticking a step, a vote, a dot
dropped on the priority matrix or agreeing the priorities are single
decisions, so each change set here has no merge key and is one step of its
own, however quickly the next one follows.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from jmapper.model.bundle import MapBundle
from jmapper.model.changes import ChangeSet
from jmapper.model.edits import edit_fields
from jmapper.model.entities import Card, Opportunity
from jmapper.model.enums import LaneKind, OpportunityStatus
from jmapper.model.errors import DomainError


def _single(changeset: ChangeSet, text: str) -> ChangeSet:
    return replace(changeset, text=text, merge_key=None)


def _opportunity(bundle: MapBundle, opportunity_id: str) -> Opportunity:
    opp = bundle.opportunities.get(opportunity_id)
    if opp is None:
        raise DomainError("That opportunity no longer exists.")
    return opp


def is_pain_card(bundle: MapBundle, card: Card) -> bool:
    """A pain point: a card in a pain-points lane, or any card given a pain severity."""
    lane = bundle.lanes.get(card.lane_id)
    return card.pain_severity is not None or (
        lane is not None and lane.kind is LaneKind.PAIN_POINTS
    )


def toggle_pain_link(bundle: MapBundle, opportunity_id: str, card_id: str) -> ChangeSet:
    """Link a pain point to the opportunity, or unlink it if it is linked."""
    opp = _opportunity(bundle, opportunity_id)
    card = bundle.cards.get(card_id)
    if card is None:
        raise DomainError("That card no longer exists.")
    if card_id in opp.pain_card_ids:
        ids = [c for c in opp.pain_card_ids if c != card_id]
        text = "Unlink pain point"
    else:
        if not is_pain_card(bundle, card):
            raise DomainError(
                f"\u201c{card.title}\u201d is not a pain point; click a card in the Pain points"
                " lane (or give this card a pain severity first)."
            )
        ids = [*opp.pain_card_ids, card_id]
        text = "Link pain point"
    return _single(edit_fields(bundle, "opportunity", opportunity_id, pain_card_ids=ids), text)


def set_covered_steps(bundle: MapBundle, opportunity_id: str, step_ids: list[str]) -> ChangeSet:
    """The steps the opportunity acts on, in the map's column order."""
    _opportunity(bundle, opportunity_id)
    unknown = [s for s in step_ids if s not in bundle.steps]
    if unknown:
        raise DomainError("One of those steps no longer exists; pick the steps again.")
    order = [c.step_id for c in bundle.columns() if c.step_id is not None]
    ordered = [s for s in order if s in set(step_ids)]
    changeset = edit_fields(bundle, "opportunity", opportunity_id, step_ids=ordered)
    return _single(changeset, "Change the steps an opportunity covers")


def set_fields_once(bundle: MapBundle, opportunity_id: str, text: str, **fields: Any) -> ChangeSet:
    """Several fields in one undo step of its own (a matrix drop, a dialog's answers)."""
    _opportunity(bundle, opportunity_id)
    return _single(edit_fields(bundle, "opportunity", opportunity_id, **fields), text)


def change_votes(bundle: MapBundle, opportunity_id: str, delta: int) -> ChangeSet:
    """Add (delta > 0) or take away dot votes; never below zero (then nothing changes)."""
    opp = _opportunity(bundle, opportunity_id)
    votes = max(0, opp.votes + delta)
    changeset = edit_fields(bundle, "opportunity", opportunity_id, votes=votes)
    return _single(changeset, "Add a vote" if delta > 0 else "Remove a vote")


#: What every priority needs (docs/domain.md): a named owner, a metric and a due date.
COMMITMENTS = ("owner", "metric", "due_date")


def agree_priorities(bundle: MapBundle, answers: dict[str, dict[str, Any]]) -> ChangeSet:
    """Make the chosen opportunities priorities (status ``planned``) in one undo step.

    ``answers`` maps each opportunity id to the owner, metric and due date the room
    agreed (empty values keep what is stored).  Every one must end up with all three,
    or the whole edit is refused, naming what is missing.  An opportunity already in
    progress keeps its status.
    """
    from jmapper.model.edits import _Builder

    builder = _Builder(bundle)
    lacking: list[str] = []
    for opportunity_id, given in answers.items():
        opp = _opportunity(bundle, opportunity_id)
        fields = {name: value for name, value in given.items() if value not in (None, "")}
        merged = replace(opp, **fields)
        missing = [
            name.replace("_", " ")
            for name in COMMITMENTS
            if getattr(merged, name) in (None, "") or not str(getattr(merged, name)).strip()
        ]
        if missing:
            lacking.append(f"\u201c{opp.title}\u201d needs {_and(missing)}")
            continue
        if merged.status is not OpportunityStatus.IN_PROGRESS:
            merged = replace(merged, status=OpportunityStatus.PLANNED)
        builder.set("opportunity", opportunity_id, merged)
    if lacking:
        raise DomainError(
            "Not agreed: "
            + "; ".join(lacking)
            + ". A priority needs a named owner, a metric and a due date; fill them in first."
        )
    count = len(answers)
    return builder.build(f"Agree {count} priorit{'y' if count == 1 else 'ies'}")


def _and(words: list[str]) -> str:
    named = [f"a {w}" if w != "owner" else "an owner" for w in words]
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
