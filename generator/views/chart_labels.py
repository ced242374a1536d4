"""Where the names of record holders go on a chart: next to their dot, over nothing else."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

FONT_SIZE = 12
CHARACTER_WIDTH = 7.2
"""Upper bound of one character's advance at 12 px in the semi-bold UI fonts we draw with."""
LINE_HEIGHT = 15
DOT_RADIUS = 6
LINE_CLEARANCE = 2
OFFSETS = ((8, -8), (8, 18), (-8, -8), (-8, 18), (8, -22), (8, 32), (-8, -22), (-8, 32),
           (14, 4), (-14, 4), (8, -36), (8, 46))
"""(dx, dy) of the label's baseline start from its dot, nearest first; negative dx puts the
label's end there (text-anchor end)."""

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Mark:
    """A dot that wants its name written beside it."""

    x: float
    y: float
    text: str
    color: str


@dataclass(frozen=True)
class LabelView:
    """A name placed on the chart; `anchor` is SVG's text-anchor ('start' or 'end')."""

    x: float
    y: float
    text: str
    color: str
    anchor: str


def place_labels(
    marks: Sequence[Mark], dots: Sequence[tuple[float, float]],
    segments: Sequence[tuple[float, float, float, float]], plot: Box,
) -> tuple[tuple[LabelView, ...], tuple[str, ...]]:
    """Labels that overlap no dot, line or other label and stay inside `plot` (left, top,
    right, bottom); the texts of marks that found no such place."""
    taken: list[Box] = [_dot_box(x, y) for x, y in dots]
    taken += [_segment_box(*segment) for segment in segments]
    labels: list[LabelView] = []
    unplaced: list[str] = []
    for mark in marks:
        placed = _first_free_place(mark, taken, plot)
        if placed is None:
            unplaced.append(mark.text)
            continue
        label, box = placed
        labels.append(label)
        taken.append(box)
    return tuple(labels), tuple(unplaced)


def _first_free_place(mark: Mark, taken: list[Box], plot: Box) -> tuple[LabelView, Box] | None:
    width = len(mark.text) * CHARACTER_WIDTH
    for dx, dy in OFFSETS:
        x, y = mark.x + dx, mark.y + dy
        left = x if dx >= 0 else x - width
        box = (left, y - FONT_SIZE, left + width, y + LINE_HEIGHT - FONT_SIZE)
        if _inside(box, plot) and not any(_overlap(box, other) for other in taken):
            anchor = "start" if dx >= 0 else "end"
            return LabelView(round(x, 1), round(y, 1), mark.text, mark.color, anchor), box
    return None


def _dot_box(x: float, y: float) -> Box:
    return (x - DOT_RADIUS, y - DOT_RADIUS, x + DOT_RADIUS, y + DOT_RADIUS)


def _segment_box(x1: float, y1: float, x2: float, y2: float) -> Box:
    return (min(x1, x2) - LINE_CLEARANCE, min(y1, y2) - LINE_CLEARANCE,
            max(x1, x2) + LINE_CLEARANCE, max(y1, y2) + LINE_CLEARANCE)


def _inside(box: Box, plot: Box) -> bool:
    return box[0] >= plot[0] and box[1] >= plot[1] - 20 and box[2] <= plot[2] and box[3] <= plot[3]


def _overlap(first: Box, second: Box) -> bool:
    return first[0] < second[2] and second[0] < first[2] and first[1] < second[3] and second[1] < first[3]
