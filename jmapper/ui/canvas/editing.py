"""Keyboard and action editing on the canvas: fast capture, navigation, clipboard, find.

The workshop loop is: select a cell, type, Enter; Tab commits and starts the
next cell.  Every handler here turns into at most one controller call, so each
key press or action is one undo step, and a cancelled inline edit is none.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QKeyEvent

from jmapper.model.enums import LaneKind
from jmapper.ui.canvas import actions as names
from jmapper.ui.canvas.block_paste import block_cells, selection_block
from jmapper.ui.canvas.cells import Cell, cell_rect, neighbour
from jmapper.ui.canvas.clipboard import copy_cards, pasted_block, pasted_cards
from jmapper.ui.canvas.inline_editor import NEXT, PREVIOUS
from jmapper.ui.canvas.lane_visibility import hide_selected_lane
from jmapper.ui.canvas.moments import toggle_moment_of_truth
from jmapper.ui.canvas.projection import emotion_point_index
from jmapper.ui.canvas.research import CanvasResearch

if TYPE_CHECKING:
    from jmapper.layout.boxes import CardBox
    from jmapper.ui.canvas.host import CanvasHost


class CanvasEditing:
    """Handlers for the canvas actions and keys; reads view state, edits via the controller."""

    def __init__(self, canvas: CanvasHost) -> None:
        self.canvas = canvas
        self.research = CanvasResearch(canvas)

    @property
    def controller(self):
        return self.canvas.controller

    def handlers(self) -> dict[str, Callable[[], None]]:
        c = self.canvas
        return {
            names.ADD_CARD: self.add_card,
            names.ADD_OPPORTUNITY: self.add_opportunity,
            names.EDIT_CARD: self.edit_selected,
            names.DELETE: self.delete,
            names.COPY: self.copy,
            names.PASTE: self.paste,
            names.DUPLICATE: self.duplicate,
            names.ZOOM_IN: lambda: c.zoom_by(1.25),
            names.ZOOM_OUT: lambda: c.zoom_by(0.8),
            names.ZOOM_FIT: c.zoom_fit,
            names.ZOOM_100: lambda: c.set_zoom(1.0),
            names.FIND: c.find_bar.open_bar,
            names.INSERT_STAGE_BEFORE: lambda: self.insert_stage(0),
            names.INSERT_STAGE_AFTER: lambda: self.insert_stage(1),
            names.INSERT_STEP_BEFORE: lambda: self.insert_step(0),
            names.INSERT_STEP_AFTER: lambda: self.insert_step(1),
            names.INSERT_LANE_ABOVE: lambda: self.insert_lane(0),
            names.INSERT_LANE_BELOW: lambda: self.insert_lane(1),
            names.EMOTION_UP: lambda: self.plus_minus(1),
            names.EMOTION_DOWN: lambda: self.plus_minus(-1),
            names.ADD_METRIC: self.research.add_metric,
            names.TOGGLE_MOMENT_OF_TRUTH: lambda: toggle_moment_of_truth(c),
            names.ADD_EVIDENCE: self.research.add_evidence,
            names.ADD_COMMENT: self.research.add_comment,
            names.HIDE_LANE: lambda: hide_selected_lane(c),
            names.SELECT_LINE: self.select_next_line,
            names.MOVE_LINE_UP: lambda: self.step_line(-1),
            names.MOVE_LINE_DOWN: lambda: self.step_line(1),
        }

    def select_next_line(self) -> None:
        """Ctrl+L: select the first blueprint line, or the one below the selected line.

        So a keyboard user reaches a line without the mouse; it wraps to the top.
        """
        layout = self.canvas.projection.layout
        lines = [box.line_id for box in layout.blueprint_lines] if layout is not None else []
        if not lines:
            self.controller.edit_refused.emit("This map has no blueprint lines.")
            return
        kind, entity_id = self.canvas.primary_selection()
        at = lines.index(entity_id) + 1 if kind == "blueprint_line" and entity_id in lines else 0
        self.canvas.select("blueprint_line", lines[at % len(lines)])

    def step_line(self, step: int) -> None:
        """Up / Down (or Alt+Up / Alt+Down): the selected blueprint line one shown lane up or down.

        One undo step; the lanes it passes change side, and a move past another line
        is refused with the sentence (jmapper/model/blueprint_edits.py).
        """
        kind, line_id = self.canvas.primary_selection()
        if kind == "blueprint_line" and self.controller.step_blueprint_line(line_id, step):
            self.canvas.select("blueprint_line", line_id)

    # -- keys ---------------------------------------------------------------------------
    def key(self, event: QKeyEvent) -> bool:
        """Handle a key the actions did not take; False lets the view have it."""
        key = Qt.Key(event.key())
        moves = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self._move_selected_line(event):
            return True
        if key in moves and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.navigate(*moves[key])
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter()
            return True
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            step = -1 if key == Qt.Key.Key_Backtab else 1
            cell = self.canvas.current_cell
            layout = self.canvas.projection.layout
            if cell is not None and layout is not None:
                self.go_to_cell(neighbour(layout, cell, step, 0, wrap=True))
            return True
        return False

    def _move_selected_line(self, event: QKeyEvent) -> bool:
        """Up / Down (or Alt+Up / Alt+Down) move a selected blueprint line one lane."""
        kind, line_id = self.canvas.primary_selection()
        extra = event.modifiers() & ~(
            Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.AltModifier
        )
        if kind != "blueprint_line" or extra:
            return False
        self.step_line(-1 if Qt.Key(event.key()) == Qt.Key.Key_Up else 1)
        return True

    def cards_in_cell(self, cell: Cell) -> list[CardBox]:
        layout = self.canvas.projection.layout
        if layout is None:
            return []
        return sorted(
            (
                b
                for b in layout.cards.values()
                if b.lane_id == cell.lane_id and self.canvas.card_column(b.card_id) == cell.column
            ),
            key=lambda b: b.rect.y,
        )

    def navigate(self, dx: int, dy: int) -> None:
        """Arrows: up/down walk the cards of a cell first, then the cells."""
        canvas = self.canvas
        layout = canvas.projection.layout
        cell = canvas.current_cell
        if layout is None:
            return
        if cell is None:
            if layout.lanes and layout.columns:
                self.go_to_cell(Cell(layout.lanes[0].lane_id, 0))
            return
        kind, entity_id = canvas.primary_selection()
        if dy and kind == "card":
            ids = [b.card_id for b in self.cards_in_cell(cell)]
            if entity_id in ids:
                index = ids.index(entity_id) + dy
                if 0 <= index < len(ids):
                    canvas.select("card", ids[index])
                    return
        self.go_to_cell(neighbour(layout, cell, dx, dy), from_below=dy < 0)

    def go_to_cell(self, cell: Cell, from_below: bool = False) -> None:
        """Make ``cell`` current and select its first card (last when coming from below)."""
        canvas = self.canvas
        canvas.set_current_cell(cell)
        cards = self.cards_in_cell(cell)
        if cards:
            canvas.select("card", cards[-1 if from_below else 0].card_id)
        else:
            canvas.clear_selection()
            canvas.set_current_cell(cell)

    def enter(self) -> None:
        kind, entity_id = self.canvas.primary_selection()
        if kind == "card":
            self.edit_card_inline(entity_id)
        elif kind in ("stage", "step", "lane"):
            self.rename_inline(kind, entity_id)
        elif kind == "opportunity":
            self.retitle_opportunity(entity_id)
        elif self.canvas.current_cell is not None:
            self.start_new_card(self.canvas.current_cell)

    # -- inline editing ------------------------------------------------------------------
    def _open_editor(self, scene_rect: QRectF, text: str, on_commit, placeholder: str) -> None:
        canvas = self.canvas
        canvas.ensureVisible(scene_rect, 20, 20)
        geometry = canvas.mapFromScene(scene_rect).boundingRect()
        scale = canvas.transform().m11()
        font = QFont(canvas.editor.font())
        font.setPixelSize(max(12, round(canvas.map_style.title_size * scale)))
        canvas.editor.setFont(font)
        geometry.setHeight(max(geometry.height(), canvas.editor.sizeHint().height()))
        canvas.editor.open(geometry, text, on_commit, placeholder)

    def start_new_card(self, cell: Cell) -> None:
        """Open the editor at the bottom of ``cell``; the card exists only once committed."""
        canvas = self.canvas
        layout = canvas.projection.layout
        rect = cell_rect(layout, cell) if layout is not None else None
        if layout is None or rect is None or canvas.current_document() is None:
            return
        s = canvas.map_style
        cards = self.cards_in_cell(cell)
        top = cards[-1].rect.bottom + s.card_gap if cards else rect.top() + s.cell_padding
        top = min(top, rect.bottom() - 10)
        column = layout.columns[cell.column]
        box = QRectF(
            rect.left() + s.cell_padding, top, rect.width() - 2 * s.cell_padding, s.title_size * 2.6
        )

        opportunity = self._is_opportunity_lane(cell.lane_id)

        def commit(text: str, how: str) -> None:
            if text.strip():
                add = self.controller.add_opportunity if opportunity else self.controller.add_card
                new_id = add(cell.lane_id, column.stage_id, column.step_id, text.strip())
                if new_id is not None:
                    canvas.select("opportunity" if opportunity else "card", new_id, scroll=False)
            self._continue(cell, how)

        hint = "New opportunity: type its title" if opportunity else "Type"
        self._open_editor(box, "", commit, f"{hint}, then Enter (Tab: next cell, Esc: cancel)")

    def _is_opportunity_lane(self, lane_id: str) -> bool:
        """In the Opportunities lane, Enter and double-click make opportunities, not cards."""
        bundle = self.canvas.document_bundle()
        lane = bundle.lanes.get(lane_id) if bundle is not None else None
        return lane is not None and lane.kind is LaneKind.OPPORTUNITIES

    def _continue(self, cell: Cell, how: str) -> None:
        layout = self.canvas.projection.layout
        if how in (NEXT, PREVIOUS) and layout is not None:
            target = neighbour(layout, cell, 1 if how == NEXT else -1, 0, wrap=True)
            self.canvas.clear_selection()
            self.canvas.set_current_cell(target)
            self.start_new_card(target)
        else:
            self.canvas.setFocus()

    def edit_card_inline(self, card_id: str) -> None:
        canvas = self.canvas
        bundle = canvas.document_bundle()
        layout = canvas.projection.layout
        if bundle is None or layout is None or card_id not in layout.cards:
            return
        card = bundle.cards[card_id]
        box = layout.cards[card_id].title.rect
        rect = QRectF(
            box.x - 2, box.y - 2, box.w + 4, max(box.h + 4, canvas.map_style.title_size * 2)
        )
        cell = canvas.current_cell

        def commit(text: str, how: str) -> None:
            current = bundle.cards.get(card_id)
            if current is not None and text.strip() and text.strip() != current.title:
                self.controller.edit("card", card_id, title=text.strip())
            if cell is not None:
                self._continue(cell, how)

        self._open_editor(rect, card.title, commit, "Card title")

    def rename_inline(self, kind: str, entity_id: str) -> None:
        canvas = self.canvas
        bundle = canvas.document_bundle()
        item = canvas.projection.item(kind, entity_id)
        entity = bundle.get(kind, entity_id) if bundle is not None else None
        if bundle is None or item is None or entity is None:
            return

        def commit(text: str, _how: str) -> None:
            current = bundle.get(kind, entity_id)
            if current is not None and text.strip() and text.strip() != current.name:
                self.controller.edit(kind, entity_id, name=text.strip())
            canvas.setFocus()

        self._open_editor(item.sceneBoundingRect(), entity.name, commit, f"{kind.title()} name")

    def retitle_opportunity(self, opportunity_id: str) -> None:
        """Enter on an opportunity edits its title in place (the inspector has the rest)."""
        canvas = self.canvas
        bundle = canvas.document_bundle()
        item = canvas.projection.item("opportunity", opportunity_id)
        opp = bundle.opportunities.get(opportunity_id) if bundle is not None else None
        if item is None or opp is None:
            return

        def commit(text: str, _how: str) -> None:
            if text.strip() and text.strip() != opp.title:
                self.controller.edit("opportunity", opportunity_id, title=text.strip())
            canvas.setFocus()

        self._open_editor(item.sceneBoundingRect(), opp.title, commit, "Opportunity title")

    def edit_selected(self) -> None:
        self.enter()

    def add_card(self) -> None:
        if self.canvas.current_cell is not None:
            self.start_new_card(self.canvas.current_cell)

    def add_opportunity(self) -> None:
        """Type a new opportunity in the Opportunities lane, in the current column."""
        canvas = self.canvas
        layout = canvas.projection.layout
        bundle = canvas.document_bundle()
        if layout is None or bundle is None:
            return
        lane = next((b.lane_id for b in layout.lanes if self._is_opportunity_lane(b.lane_id)), None)
        if lane is None:
            self.controller.edit_refused.emit(
                "This map shows no Opportunities lane. Add one (Insert Lane) or show it, then"
                " add the opportunity there."
            )
            return
        column = canvas.current_cell.column if canvas.current_cell is not None else 0
        cell = Cell(lane, column)
        canvas.set_current_cell(cell, scroll=True)
        self.start_new_card(cell)

    # -- delete, clipboard ----------------------------------------------------------------
    def delete(self) -> None:
        canvas = self.canvas
        cards = canvas.selected_card_ids()
        if cards:
            cell = canvas.current_cell
            if self.controller.remove_cards(cards) and cell is not None:
                canvas.set_current_cell(cell, scroll=False)
            return
        kind, entity_id = canvas.primary_selection()
        if kind and kind != "map":
            self.controller.remove("moment_of_truth" if kind == "moment_note" else kind, entity_id)

    def copy(self) -> None:
        bundle = self.canvas.document_bundle()
        layout = self.canvas.projection.layout
        ids = self.canvas.selected_card_ids()
        if bundle is not None and layout is not None and ids:
            cards = [bundle.cards[i] for i in ids]
            copy_cards(cards, selection_block(bundle, layout, cards))

    def paste(self) -> None:
        canvas = self.canvas
        cell = canvas.current_cell
        layout = canvas.projection.layout
        block = pasted_block()
        if block is not None and cell is not None and layout is not None:
            ids = self.controller.paste_block(block_cells(layout, cell, block))
            if ids:
                canvas.select_many("card", ids)
            return
        cards = pasted_cards()
        if cell is None or layout is None or not cards:
            return
        column = layout.columns[cell.column]
        ids = self.controller.paste(cards, cell.lane_id, column.stage_id, column.step_id)
        if ids:
            canvas.select_many("card", ids)

    def duplicate(self) -> None:
        ids = self.controller.duplicate(self.canvas.selected_card_ids())
        if ids:
            self.canvas.select_many("card", ids)

    # -- structure -----------------------------------------------------------------------
    def _context_column(self):
        canvas = self.canvas
        layout = canvas.projection.layout
        bundle = canvas.document_bundle()
        if layout is None or bundle is None:
            return None
        kind, entity_id = canvas.primary_selection()
        if kind == "stage":
            return next((c for c in layout.columns if c.stage_id == entity_id), None)
        if kind == "step":
            return next((c for c in layout.columns if c.step_id == entity_id), None)
        if canvas.current_cell is not None:
            return layout.columns[canvas.current_cell.column]
        return layout.columns[0] if layout.columns else None

    def insert_stage(self, after: int) -> None:
        bundle = self.canvas.document_bundle()
        column = self._context_column()
        position = (
            0
            if column is None or bundle is None
            else (bundle.stages[column.stage_id].position + after)
        )
        stage_id = self.controller.insert_stage(position)
        if stage_id is not None:
            self.canvas.select("stage", stage_id)
            self.rename_inline("stage", stage_id)

    def insert_step(self, after: int) -> None:
        bundle = self.canvas.document_bundle()
        column = self._context_column()
        if column is None or bundle is None:
            return
        position = 0
        if column.step_id is not None:
            position = bundle.steps[column.step_id].position + after
        step_id = self.controller.insert_step(column.stage_id, position)
        if step_id is not None:
            self.canvas.select("step", step_id)
            self.rename_inline("step", step_id)

    def insert_lane(self, below: int) -> None:
        canvas = self.canvas
        bundle = canvas.document_bundle()
        if bundle is None:
            return
        kind, entity_id = canvas.primary_selection()
        lane_id = (
            entity_id
            if kind == "lane"
            else (canvas.current_cell.lane_id if canvas.current_cell is not None else None)
        )
        lane = bundle.lanes.get(lane_id or "")
        position = lane.position + below if lane is not None else len(bundle.lanes)
        new_id = self.controller.insert_lane(position, lane_id)
        if new_id is not None:
            canvas.select("lane", new_id)
            self.rename_inline("lane", new_id)

    # -- emotion -------------------------------------------------------------------------
    def set_emotion_in_column(self, column_index: int, value: int) -> None:
        """Give the chosen curve (the toolbar's emotion picker) ``value`` in a column."""
        canvas = self.canvas
        bundle = canvas.document_bundle()
        layout = canvas.projection.layout
        if bundle is None or layout is None or column_index >= len(layout.columns):
            return
        scale = bundle.map.emotion_scale
        value = max(scale.minimum, min(scale.maximum, value))
        target = canvas.emotion_picker.target()
        point_id = emotion_point_index(bundle).get((column_index, target.persona_id, target.series))
        if point_id is not None:
            self.controller.set_emotion_point(point_id, value)
            return
        column = layout.columns[column_index]
        self.controller.set_emotion_at(
            column.stage_id, column.step_id, value, target.series, target.persona_id
        )

    def emotion_at(self, cell: Cell, scene_y: float) -> bool:
        """A double-click in an emotions lane: the chosen curve takes the value nearest ``y``."""
        layout = self.canvas.projection.layout
        if layout is None:
            return False
        lane = next((e for e in layout.emotion if e.lane_id == cell.lane_id), None)
        if lane is None or not lane.ticks:
            return False
        value = min(lane.ticks, key=lambda tick: abs(tick[1] - scene_y))[0]
        self.set_emotion_in_column(cell.column, value)
        return True

    def plus_minus(self, delta: int) -> None:
        """+ and -: a vote in vote mode, else the emotion nudge."""
        if not self.canvas.voting.vote(delta):
            self.nudge_emotion(delta)

    def nudge_emotion(self, delta: int) -> None:
        """+/-: the selected face, or the current column of an emotions lane, by one."""
        canvas = self.canvas
        bundle = canvas.document_bundle()
        layout = canvas.projection.layout
        if bundle is None or layout is None:
            return
        scale = bundle.map.emotion_scale
        kind, entity_id = canvas.primary_selection()
        if kind != "emotion_point":
            cell = canvas.current_cell
            lane = bundle.lanes.get(cell.lane_id) if cell is not None else None
            if cell is None or lane is None or lane.kind is not LaneKind.EMOTIONS:
                return
            target = canvas.emotion_picker.target()
            entity_id = emotion_point_index(bundle).get(
                (cell.column, target.persona_id, target.series), ""
            )
            if not entity_id:
                value = round(scale.neutral) + delta
                self.set_emotion_in_column(cell.column, value)
                return
        point = bundle.emotion_points.get(entity_id)
        if point is None:
            return
        value = max(scale.minimum, min(scale.maximum, point.value + delta))
        if self.controller.set_emotion_point(entity_id, value):
            canvas.select("emotion_point", entity_id, scroll=False)

    # -- find ------------------------------------------------------------------------------
    def find_next(self, text: str, forward: bool = True) -> None:
        """Select the next card (in reading order) whose text contains ``text``."""
        canvas = self.canvas
        bundle = canvas.document_bundle()
        layout = canvas.projection.layout
        needle = text.strip().casefold()
        if bundle is None or layout is None or not needle:
            canvas.find_bar.show_status("")
            return
        lanes = {lane.lane_id: i for i, lane in enumerate(layout.lanes)}
        matches = sorted(
            (
                b.card_id
                for b in layout.cards.values()
                if needle
                in " ".join(
                    (
                        bundle.cards[b.card_id].title,
                        bundle.cards[b.card_id].description,
                        bundle.cards[b.card_id].quote,
                    )
                ).casefold()
            ),
            key=lambda i: (
                canvas.card_column(i) or 0,
                lanes.get(layout.cards[i].lane_id, 0),
                layout.cards[i].rect.y,
            ),
        )
        if not matches:
            canvas.find_bar.show_status(f"No card contains \u201c{text.strip()}\u201d")
            return
        kind, current = canvas.primary_selection()
        if kind == "card" and current in matches:
            index = (matches.index(current) + (1 if forward else -1)) % len(matches)
        else:
            index = 0 if forward else len(matches) - 1
        canvas.select("card", matches[index], scroll=False)
        item = canvas.projection.item("card", matches[index])
        if item is not None:
            canvas.centerOn(item.sceneBoundingRect().center())
        canvas.find_bar.show_status(f"{index + 1} of {len(matches)}")
