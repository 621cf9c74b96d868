"""Hypothesis strategies that generate valid journey maps.

``bundles()`` draws a complete :class:`MapBundle` that passes
:func:`jmapper.model.invariants.check_bundle` (and the strict blueprint-zone
check): stages with and without steps, lanes including blueprint lanes between
lines in their order, cards with spans inside the grid, emotion values on the
scale, opportunities, metrics, arrows, evidence and comments that point only at
things on the map.  Text mixes CJK, emoji, markup-like ``<b>&amp;``, quotes and
newlines; optional fields are sometimes None; dates are real dates.

Sizes stay small by default (at most 5 stages, 4 lanes, 15 cards) so property
tests run fast.  Ids are derived from one drawn uuid per map, so they are
unique within a map, and across maps whose ids differ.

Use ``libraries()`` for several maps sharing one persona pool.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any, TypeVar

from hypothesis import strategies as st

from jmapper.model.bundle import Column, MapBundle
from jmapper.model.entities import (
    BlueprintLine,
    Card,
    CardLink,
    Comment,
    EmotionPoint,
    EmotionScale,
    EvidenceItem,
    JourneyMap,
    Lane,
    MetricDefinition,
    MetricValue,
    MomentOfTruth,
    Opportunity,
    Persona,
    Stage,
    Step,
)
from jmapper.model.enums import (
    BLUEPRINT_LINE_ORDER,
    BlueprintZone,
    Channel,
    CsatMode,
    EmotionScaleKind,
    EmotionSeries,
    EvidenceKind,
    EvidenceLevel,
    LaneKind,
    LinkDirection,
    LinkType,
    MapStatus,
    MapType,
    MetricKind,
    MetricRole,
    MetricScope,
    MetricSource,
    OpportunityStatus,
    PainPersistence,
    TargetKind,
)
from jmapper.model.text import clean_text

T = TypeVar("T")
Draw = Callable[[st.SearchStrategy[Any]], Any]

#: Text that has broken exporters before: markup, entities, quotes, CJK, emoji, newlines.
TRICKY_TEXT: tuple[str, ...] = (
    "Call helpdesk",
    "<b>&amp;</b> & <i>",
    'He said "it\'s fine" \u2018twice\u2019',
    "\u9810\u7d04\u3092\u78ba\u8a8d\u3059\u308b",  # Japanese
    "\ud55c\uad6d\uc5b4 \ud14d\uc2a4\ud2b8",  # Korean
    "\U0001f600\U0001f44d\U0001f3fd \U0001f468\u200d\U0001f469\u200d\U0001f467",
    "line one\nline two\n\nline three",
    "tab\tseparated\\backslash",
    "Caf\u00e9 \u00fcber na\u00efve",
    "\u0645\u0631\u062d\u0628\u0627",  # Arabic, right to left
    "  padded  ",
    '{"json": [1, 2]}',
)

#: The start of a base64 PNG: photos are opaque text to the format.
_PHOTO = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4"

_BANDS = (
    BlueprintZone.CUSTOMER,
    BlueprintZone.FRONTSTAGE,
    BlueprintZone.BACKSTAGE,
    BlueprintZone.SUPPORT,
)


def texts(max_size: int = 24) -> st.SearchStrategy[str]:
    """Any text the model holds, often one of the tricky samples.

    No lone surrogates, and no control characters other than tab and newline:
    the model never holds them (``jmapper.model.text``, tested in tests/model/test_text.py).
    """
    free = st.text(max_size=max_size).map(clean_text)
    return st.one_of(st.sampled_from(("",) + TRICKY_TEXT), free)


def names(max_size: int = 24) -> st.SearchStrategy[str]:
    """Text that is not blank (titles and names the model requires)."""
    return texts(max_size).map(lambda s: s if s.strip() else s + "Name")


def _maybe(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.one_of(st.none(), strategy)


_dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
_timestamps = st.one_of(
    st.just(""),
    st.datetimes(min_value=datetime(2000, 1, 1)).map(lambda d: d.isoformat(timespec="seconds")),
)
_colours = st.one_of(
    st.just(""), st.sampled_from(("#E69F00", "#56B4E9", "#009E73", "#D55E00", "#cc79a7"))
)
_fractions = st.floats(min_value=0, max_value=1, allow_nan=False)


@st.composite
def personas(draw: Draw, persona_id: str | None = None) -> Persona:
    """A library persona with any mix of optional details."""
    return Persona(
        id=persona_id or draw(st.uuids(version=4)).hex,
        name=draw(names()),
        role=draw(texts()),
        description=draw(texts(60)),
        goals=draw(st.lists(texts(), max_size=3)),
        needs=draw(st.lists(texts(), max_size=3)),
        pain_points=draw(st.lists(texts(), max_size=3)),
        preferred_channels=draw(st.lists(st.sampled_from(Channel), max_size=3, unique=True)),
        quote=draw(texts()),
        photo=draw(st.sampled_from(("", _PHOTO))),
        colour=draw(st.sampled_from(("#0072B2", "#E69F00", "#CC79A7"))),
        research_based=draw(st.booleans()),
    )


def _scales() -> st.SearchStrategy[EmotionScale]:
    @st.composite
    def custom(draw: Draw) -> EmotionScale:
        low = draw(st.integers(-5, 5))
        high = draw(st.integers(low + 1, low + 10))
        labels = draw(
            st.one_of(
                st.just([]), st.lists(texts(8), min_size=high - low + 1, max_size=high - low + 1)
            )
        )
        return EmotionScale(EmotionScaleKind.CUSTOM, low, high, labels)

    presets = st.sampled_from(
        [EmotionScaleKind.MINUS2_PLUS2, EmotionScaleKind.ONE_TO_FIVE, EmotionScaleKind.ZERO_TO_FIVE]
    ).map(EmotionScale.preset)
    return st.one_of(presets, custom())


class _Ids:
    """Ids unique within one map: uuid5 of the map's own (drawn) uuid and a counter."""

    def __init__(self, namespace: uuid.UUID) -> None:
        self.namespace = namespace
        self.count = 0

    def __call__(self) -> str:
        self.count += 1
        return uuid.uuid5(self.namespace, str(self.count)).hex


def _subset(draw: Draw, items: Sequence[T], max_size: int) -> list[T]:
    if not items:
        return []
    indexes = draw(st.lists(st.integers(0, len(items) - 1), max_size=max_size, unique=True))
    return [items[i] for i in indexes]


@st.composite
def bundles(
    draw: Draw,
    persona_pool: Sequence[Persona] | None = None,
    max_stages: int = 5,
    max_lanes: int = 4,
    max_cards: int = 15,
    derived_from_choices: Sequence[str] = (),
) -> MapBundle:
    """A valid map bundle whose ``personas`` are exactly the personas it uses.

    ``persona_pool``: personas to choose from (a shared library); by default
    the map draws its own.  ``derived_from_choices``: map ids it may derive from.
    """
    namespace = draw(st.uuids(version=4))
    ids = _Ids(namespace)
    pool = (
        list(persona_pool)
        if persona_pool is not None
        else [draw(personas(persona_id=ids())) for _ in range(draw(st.integers(0, 3)))]
    )
    scale = draw(_scales())
    journey_map = _draw_map(draw, namespace.hex, pool, scale, derived_from_choices)
    bundle = MapBundle(map=journey_map)
    m = journey_map.id

    for position in range(draw(st.integers(0, max_stages))):
        stage = Stage(
            id=ids(),
            map_id=m,
            name=draw(names()),
            description=draw(texts()),
            position=position,
            data_sources=draw(st.lists(texts(12), max_size=2)),
        )
        bundle.add(stage)
        for step_position in range(draw(st.integers(0, 3))):
            bundle.add(
                Step(
                    id=ids(),
                    map_id=m,
                    stage_id=stage.id,
                    name=draw(texts()),
                    description=draw(texts()),
                    position=step_position,
                    duration=draw(st.sampled_from(("", "2 days", "5 min", "\u534a\u5929"))),
                )
            )
    lanes = _draw_lanes(draw, bundle, ids, max_lanes)
    columns = bundle.columns()
    cards = _draw_cards(draw, bundle, ids, lanes, columns, max_cards)
    _draw_emotions(draw, bundle, ids, columns, pool)
    for _ in range(draw(st.integers(0, 2)) if columns else 0):
        column = draw(st.sampled_from(columns))
        bundle.add(
            MomentOfTruth(
                id=ids(),
                map_id=m,
                stage_id=column.stage_id,
                step_id=column.step_id,
                title=draw(texts()),
                description=draw(texts()),
            )
        )
    _draw_opportunities(draw, bundle, ids, lanes, columns, cards)
    _draw_metrics(draw, bundle, ids, cards)
    _draw_links(draw, bundle, ids, cards)
    _draw_attachments(draw, bundle, ids)

    used = {journey_map.primary_persona_id, *journey_map.overlay_persona_ids}
    used |= {p.persona_id for p in bundle.emotion_points.values()}
    bundle.personas = {p.id: p for p in pool if p.id in used}
    return bundle


def _draw_map(
    draw: Draw,
    map_id: str,
    pool: list[Persona],
    scale: EmotionScale,
    derived_from_choices: Sequence[str],
) -> JourneyMap:
    chosen = _subset(draw, [p.id for p in pool], 5)
    primary = chosen[0] if chosen and draw(st.booleans()) else None
    overlays = [p for p in chosen if p != primary][:4]
    derived = [c for c in derived_from_choices if c != map_id]
    derived_from = draw(
        _maybe(st.sampled_from(derived) if derived else st.uuids(version=4).map(lambda u: u.hex))
    )
    return JourneyMap(
        id=map_id,
        title=draw(names()),
        map_type=draw(st.sampled_from(MapType)),
        scenario=draw(texts(60)),
        expectations=draw(texts()),
        goal=draw(texts()),
        scope_start=draw(texts()),
        scope_end=draw(texts()),
        status=draw(st.sampled_from(MapStatus)),
        version_label=draw(st.sampled_from(("", "v1", "2.0-rc"))),
        author=draw(texts()),
        organisation=draw(texts()),
        last_reviewed=draw(_maybe(_dates)),
        next_review=draw(_maybe(_dates)),
        derived_from_id=derived_from,
        primary_persona_id=primary,
        overlay_persona_ids=overlays,
        emotion_scale=scale,
        created=draw(_timestamps),
    )


def _draw_lanes(draw: Draw, bundle: MapBundle, ids: _Ids, max_lanes: int) -> list[Lane]:
    """Lanes, then blueprint lines among them; lane zones respect the lines' bands."""
    count = draw(st.integers(0, max_lanes))
    kinds = [k for k in BLUEPRINT_LINE_ORDER if draw(st.booleans())][: count + 1]
    slots = sorted(
        draw(st.lists(st.integers(0, count), min_size=len(kinds), max_size=len(kinds), unique=True))
    )
    lines = dict(zip(kinds, slots, strict=True))
    for kind, position in lines.items():
        bundle.add(
            BlueprintLine(
                id=ids(),
                map_id=bundle.map.id,
                kind=kind,
                position=position,
                label=draw(st.sampled_from(("", kind.label, "\u53ef\u8996\u7dda"))),
            )
        )
    lanes = []
    for position in range(count):
        # The band below the last line above this lane (0 = above every line).
        band = max(
            (
                i + 1
                for i, k in enumerate(BLUEPRINT_LINE_ORDER)
                if k in lines and lines[k] <= position
            ),
            default=0,
        )
        zone = draw(st.sampled_from((BlueprintZone.NONE, _BANDS[band])))
        lane = Lane(
            id=ids(),
            map_id=bundle.map.id,
            name=draw(texts()),
            kind=draw(st.sampled_from(LaneKind)),
            zone=zone,
            visible=draw(st.booleans()),
            position=position,
        )
        bundle.add(lane)
        lanes.append(lane)
    return lanes


def _draw_cards(
    draw: Draw,
    bundle: MapBundle,
    ids: _Ids,
    lanes: list[Lane],
    columns: list[Column],
    max_cards: int,
) -> list[Card]:
    if not lanes or not columns:
        return []
    cards: list[Card] = []
    in_cell: dict[tuple[str, int], int] = {}
    for _ in range(draw(st.integers(0, max_cards))):
        lane = draw(st.sampled_from(lanes))
        column = draw(st.sampled_from(columns))
        span = draw(st.integers(1, len(columns) - column.index))
        position = in_cell.get((lane.id, column.index), 0)
        in_cell[(lane.id, column.index)] = position + 1
        card = Card(
            id=ids(),
            map_id=bundle.map.id,
            lane_id=lane.id,
            stage_id=column.stage_id,
            step_id=column.step_id,
            span=span,
            position=position,
            title=draw(texts()),
            description=draw(texts(60)),
            channel=draw(_maybe(st.sampled_from(Channel))),
            owner=draw(texts(12)),
            evidence_level=draw(_maybe(st.sampled_from(EvidenceLevel))),
            data_source=draw(texts(12)),
            quote=draw(texts()),
            failure_point=draw(st.booleans()),
            pain_severity=draw(_maybe(st.integers(0, 4))),
            pain_volume=draw(_maybe(st.integers(0, 10**9))),
            pain_volume_period=draw(st.sampled_from(("", "per month", "/week"))),
            pain_persistence=draw(_maybe(st.sampled_from(PainPersistence))),
            colour=draw(_colours),
        )
        bundle.add(card)
        cards.append(card)
    return cards


def _draw_emotions(
    draw: Draw, bundle: MapBundle, ids: _Ids, columns: list[Column], pool: list[Persona]
) -> None:
    """At most one value per column, persona and series (as the editor keeps them)."""
    persona_ids: list[str | None] = [None, *(p.id for p in pool)]
    scale = bundle.map.emotion_scale
    places = [(c, p, s) for c in columns for p in persona_ids for s in EmotionSeries]
    for column, persona_id, series in _subset(draw, places, 6):
        bundle.add(
            EmotionPoint(
                id=ids(),
                map_id=bundle.map.id,
                stage_id=column.stage_id,
                step_id=column.step_id,
                persona_id=persona_id,
                series=series,
                value=draw(st.integers(scale.minimum, scale.maximum)),
                note=draw(texts()),
            )
        )


def _draw_opportunities(
    draw: Draw,
    bundle: MapBundle,
    ids: _Ids,
    lanes: list[Lane],
    columns: list[Column],
    cards: list[Card],
) -> None:
    steps = [c.step_id for c in columns if c.step_id is not None]
    for _ in range(draw(st.integers(0, 3))):
        column = draw(_maybe(st.sampled_from(columns))) if columns else None
        lane = draw(_maybe(st.sampled_from(lanes))) if lanes else None
        bundle.add(
            Opportunity(
                id=ids(),
                map_id=bundle.map.id,
                title=draw(texts()),
                description=draw(texts(60)),
                lane_id=lane.id if lane else None,
                stage_id=column.stage_id if column else None,
                step_id=column.step_id if column else None,
                pain_card_ids=[c.id for c in _subset(draw, cards, 3)],
                step_ids=_subset(draw, steps, 3),
                impact=draw(_maybe(st.integers(1, 5))),
                feasibility=draw(_maybe(st.integers(1, 5))),
                effort=draw(_maybe(st.floats(min_value=0.1, max_value=100, allow_nan=False))),
                volume=draw(_maybe(st.integers(0, 10**6))),
                severity=draw(_maybe(st.integers(0, 4))),
                reach=draw(_maybe(st.integers(0, 10**6))),
                confidence=draw(_maybe(_fractions)),
                owner=draw(texts(12)),
                metric=draw(texts(12)),
                baseline=draw(texts(8)),
                target=draw(texts(8)),
                due_date=draw(_maybe(_dates)),
                status=draw(st.sampled_from(OpportunityStatus)),
            )
        )


def _draw_metrics(draw: Draw, bundle: MapBundle, ids: _Ids, cards: list[Card]) -> None:
    definitions = []
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(MetricKind))
        definition = MetricDefinition(
            id=ids(),
            map_id=bundle.map.id,
            kind=kind,
            name=draw(texts(12)),
            unit=draw(st.sampled_from(("", "%", "s", "\u4ef6"))),
            description=draw(texts()),
            csat_mode=draw(_maybe(st.sampled_from(CsatMode))),
            repeat_window_days=draw(_maybe(st.integers(1, 90))),
        )
        bundle.add(definition)
        definitions.append(definition)
    scopes: dict[MetricScope, list[str | None]] = {
        MetricScope.MAP: [None, bundle.map.id],
        MetricScope.STAGE: list(bundle.stages),
        MetricScope.STEP: list(bundle.steps),
        MetricScope.CARD: [c.id for c in cards],
    }
    usable = [scope for scope, targets in scopes.items() if targets]
    for _ in range(draw(st.integers(0, 4)) if definitions else 0):
        scope = draw(st.sampled_from(usable))
        bundle.add(
            MetricValue(
                id=ids(),
                map_id=bundle.map.id,
                metric_id=draw(st.sampled_from(definitions)).id,
                scope=scope,
                scope_id=draw(st.sampled_from(scopes[scope])),
                period=draw(st.sampled_from(("", "2024-Q1", "March 2025"))),
                sample_size=draw(_maybe(st.integers(0, 10**6))),
                source=draw(st.sampled_from(MetricSource)),
                role=draw(st.sampled_from(MetricRole)),
                value=draw(_maybe(st.floats(-1e6, 1e6, allow_nan=False))),
                raw_counts=draw(
                    st.dictionaries(
                        st.sampled_from(
                            ("promoters", "passives", "detractors", "9", "\u6e80\u8db3")
                        ),
                        st.integers(0, 10**6),
                        max_size=3,
                    )
                ),
            )
        )


def _draw_links(draw: Draw, bundle: MapBundle, ids: _Ids, cards: list[Card]) -> None:
    if len(cards) < 2:
        return
    for _ in range(draw(st.integers(0, 4))):
        pair = st.lists(st.sampled_from(cards), min_size=2, max_size=2, unique_by=lambda c: c.id)
        source, target = draw(pair)
        bundle.add(
            CardLink(
                id=ids(),
                map_id=bundle.map.id,
                source_card_id=source.id,
                target_card_id=target.id,
                direction=draw(st.sampled_from(LinkDirection)),
                link_type=draw(st.sampled_from(LinkType)),
                label=draw(texts(12)),
            )
        )


def _draw_attachments(draw: Draw, bundle: MapBundle, ids: _Ids) -> None:
    """Evidence items and comments, each on the map or on one of its entities."""
    targets: list[tuple[TargetKind, str | None]] = [
        (TargetKind.MAP, None),
        (TargetKind.MAP, bundle.map.id),
    ]
    for target_kind, kind in (
        (TargetKind.STAGE, "stage"),
        (TargetKind.STEP, "step"),
        (TargetKind.LANE, "lane"),
        (TargetKind.CARD, "card"),
        (TargetKind.OPPORTUNITY, "opportunity"),
    ):
        targets += [(target_kind, entity_id) for entity_id in bundle.collection(kind)]
    for _ in range(draw(st.integers(0, 3))):
        target_kind, target_id = draw(st.sampled_from(targets))
        bundle.add(
            EvidenceItem(
                id=ids(),
                map_id=bundle.map.id,
                kind=draw(st.sampled_from(EvidenceKind)),
                title=draw(texts()),
                source=draw(texts(12)),
                url=draw(st.sampled_from(("", "https://example.org/a?b=1&c=\u00e9"))),
                notes=draw(texts(60)),
                collected=draw(_maybe(_dates)),
                target_kind=target_kind,
                target_id=target_id,
            )
        )
    for _ in range(draw(st.integers(0, 3))):
        target_kind, target_id = draw(st.sampled_from(targets))
        bundle.add(
            Comment(
                id=ids(),
                map_id=bundle.map.id,
                target_kind=target_kind,
                target_id=target_id,
                author=draw(texts(12)),
                text=draw(texts(60)),
                created=draw(_timestamps),
                resolved=draw(st.booleans()),
            )
        )


@st.composite
def libraries(draw: Draw, max_maps: int = 3) -> tuple[list[MapBundle], list[Persona]]:
    """Several maps sharing one persona pool; some maps derive from others.

    Returns (bundles, library personas); the personas include some no map uses.
    """
    pool = draw(st.lists(personas(), max_size=4, unique_by=lambda p: p.id))
    map_ids: list[str] = []
    maps: list[MapBundle] = []
    for _ in range(draw(st.integers(0, max_maps))):
        bundle = draw(
            bundles(persona_pool=pool, max_stages=3, max_cards=6, derived_from_choices=map_ids)
        )
        if bundle.map.id in map_ids:
            continue
        map_ids.append(bundle.map.id)
        maps.append(bundle)
    return maps, pool


__all__ = ["TRICKY_TEXT", "bundles", "libraries", "names", "personas", "texts"]
