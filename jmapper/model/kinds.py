"""The entity-kind registry: what each kind is called and which ids it holds.

One entry per kind of entity (``"card"``, ``"card_link"``, ...), in the
dependency order of :data:`jmapper.model.entities.ENTITY_KINDS`: its display
label, plural and noun (for messages and the inspector) and its references,
the attributes holding ids of other entities.  The reverse of references, the
*dependents* of a kind, is computed here too.  Edits, invariants, storage's
foreign keys, the interchange formats, copying maps and the inspector all
read this table, so a new kind or a new reference is one entry here.
"""

from __future__ import annotations

from dataclasses import dataclass

from jmapper.model.entities import ENTITY_KINDS


@dataclass(frozen=True)
class Reference:
    """An attribute holding the id of another entity (or a list of ids, ``many``).

    ``target`` is the kind it names, or None when another attribute says
    which kind (a metric value's scope, the target of evidence or a comment).
    ``foreign_key`` references are also enforced by SQLite in the library file.
    """

    attribute: str
    target: str | None
    many: bool = False
    foreign_key: bool = False


@dataclass(frozen=True)
class EntityKind:
    name: str
    cls: type
    #: How messages and the inspector name one: "Card", "Arrow", "Emotion value".
    label: str
    #: How messages name several: "cards", "arrows".
    plural: str
    #: With its article, inside a sentence: "a card", "an opportunity".
    noun: str
    references: tuple[Reference, ...] = ()
    #: Evidence, comments and dismissed findings about it go when it goes.
    attachable: bool = False
    #: It is itself attached to another entity of any kind through ``target_id``.
    attachment: bool = False


def _ref(attribute: str, target: str | None, *, many: bool = False) -> Reference:
    return Reference(attribute, target, many=many)


def _fk(attribute: str, target: str) -> Reference:
    return Reference(attribute, target, foreign_key=True)


def _kind(
    name: str,
    label: str,
    plural: str,
    noun: str,
    *references: Reference,
    attachable: bool = False,
    attachment: bool = False,
) -> EntityKind:
    return EntityKind(
        name, ENTITY_KINDS[name], label, plural, noun, references, attachable, attachment
    )


_STAGE, _STEP = _fk("stage_id", "stage"), _fk("step_id", "step")
_TARGET = _ref("target_id", None)

_ENTRIES = (
    _kind("persona", "Persona", "personas", "a persona"),
    _kind(
        "map",
        "Map",
        "maps",
        "a map",
        _ref("derived_from_id", "map"),
        _ref("primary_persona_id", "persona"),
        _ref("overlay_persona_ids", "persona", many=True),
        attachable=True,
    ),
    _kind("stage", "Stage", "stages", "a stage", attachable=True),
    _kind("step", "Step", "steps", "a step", _STAGE, attachable=True),
    _kind("lane", "Lane", "lanes", "a lane", attachable=True),
    _kind("blueprint_line", "Blueprint line", "blueprint lines", "a blueprint line"),
    _kind(
        "card", "Card", "cards", "a card", _fk("lane_id", "lane"), _STAGE, _STEP, attachable=True
    ),
    _kind(
        "emotion_point",
        "Emotion value",
        "emotion values",
        "an emotion value",
        _STAGE,
        _STEP,
        _ref("persona_id", "persona"),
        attachable=True,
    ),
    _kind(
        "moment_of_truth",
        "Moment of truth",
        "moments of truth",
        "a moment of truth",
        _ref("stage_id", "stage"),
        _ref("step_id", "step"),
        attachable=True,
    ),
    _kind(
        "opportunity",
        "Opportunity",
        "opportunities",
        "an opportunity",
        _ref("lane_id", "lane"),
        _ref("stage_id", "stage"),
        _ref("step_id", "step"),
        _ref("pain_card_ids", "card", many=True),
        _ref("step_ids", "step", many=True),
        attachable=True,
    ),
    _kind("metric_definition", "Metric", "metrics", "a metric"),
    _kind(
        "metric_value",
        "Metric value",
        "metric values",
        "a metric value",
        _fk("metric_id", "metric_definition"),
        _ref("scope_id", None),
    ),
    _kind(
        "card_link",
        "Arrow",
        "arrows",
        "an arrow",
        _fk("source_card_id", "card"),
        _fk("target_card_id", "card"),
    ),
    _kind(
        "evidence_item",
        "Evidence item",
        "evidence items",
        "an evidence item",
        _TARGET,
        attachment=True,
    ),
    _kind("comment", "Comment", "comments", "a comment", _TARGET, attachment=True),
    _kind(
        "dismissal",
        "Dismissed finding",
        "dismissed findings",
        "a dismissed finding",
        _TARGET,
        attachment=True,
    ),
)

#: Every kind, in the dependency order of ENTITY_KINDS (parents before children).
_BY_NAME = {entry.name: entry for entry in _ENTRIES}
KINDS: dict[str, EntityKind] = {name: _BY_NAME[name] for name in ENTITY_KINDS if name in _BY_NAME}
if len(KINDS) != len(_ENTRIES) or set(KINDS) != set(ENTITY_KINDS):
    raise RuntimeError("jmapper.model.kinds must describe each kind of ENTITY_KINDS once")

#: The kinds attached to any entity through ``target_id`` (evidence, comments, dismissals).
ATTACHMENT_KINDS: tuple[str, ...] = tuple(k.name for k in KINDS.values() if k.attachment)


def label(kind: str) -> str:
    """The display label of ``kind``; the name itself for something that is not a kind."""
    entry = KINDS.get(kind)
    return entry.label if entry is not None else kind


def references(kind: str) -> tuple[Reference, ...]:
    """The id-holding attributes of ``kind`` (none for an unknown kind)."""
    entry = KINDS.get(kind)
    return entry.references if entry is not None else ()


def dependents(kind: str) -> tuple[tuple[str, Reference], ...]:
    """(kind, reference) pairs, in dependency order, of references that name a ``kind``."""
    return _DEPENDENTS.get(kind, ())


def _dependents() -> dict[str, tuple[tuple[str, Reference], ...]]:
    found: dict[str, list[tuple[str, Reference]]] = {}
    for entry in KINDS.values():
        for reference in entry.references:
            if reference.target is not None:
                found.setdefault(reference.target, []).append((entry.name, reference))
    return {target: tuple(pairs) for target, pairs in found.items()}


_DEPENDENTS = _dependents()
