"""Export benchmark (a plain script): python tests/bench/bench_export.py

Builds a 2,000-card map (20 stages x 1 step, 10 lanes, 10 cards per cell)
and a 10,000-card one (50 per cell), exports each to one A0 page and tiled
A3, and times that against a bare reportlab script drawing the same number
of rectangles and wrapped text runs (wrapped with reportlab's simpleSplit),
side by side in one run.  Goals: ratio <= 1.5, size < 1.5x bare, 10k/2k <= 5.5.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reportlab.lib.utils import simpleSplit  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from jmapper.export import ExportOptions, export_pdf, page_size  # noqa: E402
from jmapper.export.fonts import register_fonts  # noqa: E402
from jmapper.layout import compute_layout  # noqa: E402
from jmapper.model.bundle import MapBundle  # noqa: E402
from jmapper.model.entities import Card, JourneyMap, Lane, Stage, Step  # noqa: E402
from jmapper.model.enums import LaneKind  # noqa: E402


def big_map(per_cell: int) -> MapBundle:
    jm = JourneyMap(title=f"Bench {per_cell * 200} cards")
    bundle = MapBundle(map=jm)
    stages = []
    for i in range(20):
        stage = Stage(map_id=jm.id, name=f"Stage {i + 1}", position=i)
        bundle.add(stage)
        step = Step(map_id=jm.id, stage_id=stage.id, name=f"Step {i + 1}", position=0)
        bundle.add(step)
        stages.append((stage, step))
    kinds = [
        LaneKind.CUSTOMER_ACTIONS,
        LaneKind.TOUCHPOINTS,
        LaneKind.THOUGHTS,
        LaneKind.PAIN_POINTS,
        LaneKind.GOALS_NEEDS,
        LaneKind.FRONTSTAGE,
        LaneKind.BACKSTAGE,
        LaneKind.SUPPORT_PROCESSES,
        LaneKind.METRICS,
        LaneKind.TEXT,
    ]
    for li, kind in enumerate(kinds):
        lane = Lane(map_id=jm.id, name=kind.label, kind=kind, position=li)
        bundle.add(lane)
        for stage, step in stages:
            for k in range(per_cell):
                bundle.add(
                    Card(
                        map_id=jm.id,
                        lane_id=lane.id,
                        stage_id=stage.id,
                        step_id=step.id,
                        position=k,
                        title=f"Card {li}-{k} {stage.name}",
                        description="The customer waits for a reply and checks the "
                        "status page again.",
                    )
                )
    return bundle


def bare(bundle: MapBundle, path: str, options: ExportOptions) -> float:
    """Same rectangles and wrapped text runs, no layout engine, no furniture."""
    register_fonts()
    t0 = time.perf_counter()
    layout = compute_layout(bundle)  # positions only: a bare script needs them too
    rects = [(b.rect, b.card_id) for b in layout.cards.values()]
    cards = bundle.cards
    _name, pw, ph = page_size(options, 20)
    c = Canvas(path, pagesize=(pw, ph), pageCompression=1, initialFontName="JM-Sans")
    if options.mode == "fit":
        scale = min(pw / layout.width, ph / layout.height)
        tiles = [(0.0, 0.0, layout.width, layout.height, scale)]
    else:
        step_w, step_h = pw - 80, ph - 80
        tiles = [
            (x * step_w, y * step_h, pw, ph, 1.0)
            for y in range(int(layout.height // step_h) + 1)
            for x in range(int(layout.width // step_w) + 1)
        ]
    for tx, ty, tw, th, scale in tiles:
        c.translate(0, ph)
        c.scale(scale, scale)
        c.translate(-tx, ty)
        for r, card_id in rects:
            if r.x > tx + tw or r.right < tx or r.y > ty + th or r.bottom < ty:
                continue
            c.rect(r.x, -r.bottom, r.w, r.h, stroke=1, fill=1)
            card = cards[card_id]
            y = -r.y - 12
            c.setFont("JM-Sans-Bold", 9)
            for line in simpleSplit(card.title, "JM-Sans-Bold", 9, r.w - 12):
                c.drawString(r.x + 6, y, line)
                y -= 11
            c.setFont("JM-Sans", 8)
            for line in simpleSplit(card.description, "JM-Sans", 8, r.w - 12):
                c.drawString(r.x + 6, y, line)
                y -= 10
        c.showPage()
    c.save()
    return time.perf_counter() - t0


def ours(bundle: MapBundle, path: str, options: ExportOptions) -> tuple[float, int]:
    t0 = time.perf_counter()
    result = export_pdf(bundle, path, options)
    return time.perf_counter() - t0, result.pages


def main() -> None:
    register_fonts()
    maps = {2000: big_map(10), 10000: big_map(50)}
    cases = {
        "A0 fit": ExportOptions(paper="A0"),
        "A3 tiled": ExportOptions(paper="A3", mode="tile"),
    }
    times: dict[tuple[int, str], float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n, bundle in maps.items():
            for name, options in cases.items():
                a, b = os.path.join(tmp, "ours.pdf"), os.path.join(tmp, "bare.pdf")
                t_ours, pages = ours(bundle, a, options)
                t_bare = bare(bundle, b, options)
                size_ours, size_bare = os.path.getsize(a), os.path.getsize(b)
                times[(n, name)] = t_ours
                print(
                    f"{n:>6} cards {name:<9} pages {pages:>4}  ours {t_ours:6.2f}s  "
                    f"bare {t_bare:6.2f}s  ratio {t_ours / t_bare:4.2f}  "
                    f"size {size_ours / 1e6:6.2f} MB vs {size_bare / 1e6:6.2f} MB "
                    f"({size_ours / size_bare:4.2f}x)"
                )
    for name in cases:
        print(f"10k / 2k time, {name}: {times[(10000, name)] / times[(2000, name)]:.2f}x")


if __name__ == "__main__":
    main()
