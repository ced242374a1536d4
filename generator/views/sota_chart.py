"""Geometry of the state-of-the-art chart: the best result over the years, one line per split,
one chart per metric."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from generator.views.board_columns import ColumnView, MetricView, better
from generator.views.chart_labels import LabelView, Mark, place_labels
from generator.views.leaderboards import LeaderboardRowView, LeaderboardView

WIDTH, HEIGHT = 760, 320
LEFT, RIGHT, TOP, BOTTOM = 56, 24, 28, 44
SPREAD = 7
"""Horizontal gap between results of the same year, in pixels."""
PALETTE = ("#3f51b5", "#e91e63", "#009688", "#ff9800", "#795548", "#607d8b")


@dataclass(frozen=True)
class TickView:
    position: float
    label: str


@dataclass(frozen=True)
class PointView:
    x: float
    y: float
    tooltip: str
    record: bool
    """True when this result set a new state of the art."""
    name: str
    extra_data: bool
    """The result used extra training data (drawn as a square)."""


@dataclass(frozen=True)
class SeriesView:
    split: str
    label: str
    """What the line shows: the split, or 'PQ val' on a leaderboard with several metrics."""
    color: str
    index: int
    step_path: str
    """SVG path `d` of the best-so-far step line."""
    points: tuple[PointView, ...]
    """Every result of the series, drawn as a mark unless it is in `dots` or `squares`."""
    dots: str = ""
    """On a chart of many results: SVG path `d` of a zero-length stroke at each result that
    set no record and used no extra data (drawn as a plain ring, without a tooltip)."""
    squares: str = ""
    """Likewise for the results that set no record and used extra training data."""

    @property
    def marks(self) -> tuple[PointView, ...]:
        """The results drawn one by one, with a tooltip."""
        if not (self.dots or self.squares):
            return self.points
        return tuple(point for point in self.points if point.record)


@dataclass(frozen=True)
class ChartView:
    title: str
    metric_label: str
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    x_ticks: tuple[TickView, ...]
    y_ticks: tuple[TickView, ...]
    series: tuple[SeriesView, ...]
    labels: tuple[LabelView, ...]
    unlabelled: tuple[str, ...]
    """Record holders whose name found no free place on the chart (named in the caption)."""
    undated: int
    """Rows left out of the chart because their paper has no year."""
    latest_year: int

    @property
    def has_extra_data_marks(self) -> bool:
        return any(point.extra_data for series in self.series for point in series.points)


@dataclass(frozen=True)
class ChartVariantView:
    """The chart of the rows one setting of the reader's filters leaves."""

    keys: tuple[str, ...]
    """Filter settings showing this chart, as '<supervision or *>|<with or without>'."""
    chart: ChartView
    metric: str = ""
    """The metric charted, on a leaderboard with several ('' on a one-metric one)."""


ALL_ROWS = "*|with"
"""The filter setting of a page opened afresh: every row."""


def shown_first(board: LeaderboardView, variant: ChartVariantView) -> bool:
    """Whether `variant` is the chart a page opened afresh shows: every row, first metric."""
    return ALL_ROWS in variant.keys and variant.metric in ("", board.metrics[0].name)


def chart_variants(board: LeaderboardView) -> list[ChartVariantView]:
    """For each metric, one chart per distinct set of rows the reader's filters can leave,
    all rows first."""
    supervisions = ["*", *(facet.id for facet in board.supervisions)] \
        if len(board.supervisions) > 1 else ["*"]
    extra_settings = ["with", "without"] if board.extra_data_rows else ["with"]
    keys_by_rows: dict[tuple[str, ...], list[str]] = {}
    for supervision in supervisions:
        for extra in extra_settings:
            rows = tuple(row.key for row in board.rows
                         if _shown(row, supervision, extra == "with"))
            keys_by_rows.setdefault(rows, []).append(f"{supervision}|{extra}")
    several = len(board.metrics) > 1
    variants = []
    for metric in board.metrics:
        for row_keys, keys in keys_by_rows.items():
            wanted = set(row_keys)
            chart = sota_chart(board, [row for row in board.rows if row.key in wanted], metric)
            if chart is not None:
                variants.append(ChartVariantView(tuple(keys), chart, metric.name if several else ""))
    return variants


def _shown(row: LeaderboardRowView, supervision: str, with_extra_data: bool) -> bool:
    row_supervision = row.supervision.id if row.supervision else ""
    return (supervision in ("*", row_supervision)) and (with_extra_data or not row.extra_data)


def sota_chart(
    board: LeaderboardView, rows: Sequence[LeaderboardRowView] | None = None,
    metric: MetricView | None = None,
) -> ChartView | None:
    """The chart of `board`'s `metric` (its first by default) for all its rows or some of them;
    None when no dated row has a value."""
    rows = board.rows if rows is None else rows
    metric = metric or board.metrics[0]
    columns = [(index, column) for index, column in enumerate(board.columns) if column.metric == metric]
    dated = [row for row in rows if row.paper.year is not None]
    values = [v for row in dated for index, _ in columns if (v := row.values[index].value) is not None]
    if not values:
        return None
    years = [row.paper.year for row in dated if row.paper.year is not None]
    first_year, last_year = min(years), max(years)
    low, high, step = _nice_range(min(values), max(values))
    x_of = _scale(first_year - 0.5, last_year + 0.5, LEFT, WIDTH - RIGHT)
    y_of = _scale(low, high, HEIGHT - BOTTOM, TOP)
    series = tuple(
        s for s in (_series(color, index, column, dated, x_of, y_of)
                    for color, (index, column) in enumerate(columns)) if s.points
    )
    if sum(len(s.points) for s in series) > board.chart_marks:
        series = tuple(_lightened(s) for s in series)
    labels, unlabelled = place_labels(
        [Mark(p.x, p.y, p.name, s.color) for s in series for p in s.points if p.record],
        [(p.x, p.y) for s in series for p in s.points],
        [segment for s in series for segment in _segments(s.step_path)],
        (LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM),
    )
    return ChartView(
        title=f"State of the art on {board.title} by year"
        + (f": {metric.name}" if len(board.metrics) > 1 else ""),
        metric_label=metric.label, width=WIDTH, height=HEIGHT,
        left=LEFT, right=WIDTH - RIGHT, top=TOP, bottom=HEIGHT - BOTTOM,
        x_ticks=tuple(TickView(x_of(year), str(year)) for year in range(first_year, last_year + 1)),
        y_ticks=tuple(TickView(y_of(v), _tick_label(v, step)) for v in _ticks(low, high, step)),
        series=series, labels=labels, unlabelled=unlabelled,
        undated=len(rows) - len(dated), latest_year=last_year,
    )


def _series(
    color: int, column_index: int, column: ColumnView, rows: list, x_of, y_of
) -> SeriesView:
    higher_is_better = column.metric.higher_is_better
    results = sorted(
        ((row.paper.year, row.values[column_index].value, row) for row in rows
         if row.values[column_index].value is not None),
        key=lambda item: (item[0], -item[1] if higher_is_better else item[1]),
    )
    points, steps, best = [], [], None
    band = x_of(1) - x_of(0)
    others_in_year: dict[int, int] = {}
    for year, value, row in results:
        record = best is None or better(higher_is_better, value, best)
        x = x_of(year)
        if record:
            best = value
            steps.append((year, value))
        else:  # spread the year's other results sideways so they do not hide each other
            rank = others_in_year[year] = others_in_year.get(year, 0) + 1
            side = 1 if rank % 2 else -1
            x = round(x + side * min(SPREAD * ((rank + 1) // 2), band * 0.4), 1)
        tooltip = f"{row.method} ({row.paper.venue_year}): {row.values[column_index].text} {column.heading}"
        points.append(PointView(x, y_of(value), tooltip, record, row.method, bool(row.extra_data)))
    paint = PALETTE[color % len(PALETTE)]
    if not results:
        return SeriesView(column.split, column.heading, paint, color, "", ())
    last_year = max(year for year, _, _ in results)
    return SeriesView(column.split, column.heading, paint, color,
                      _step_path(steps, last_year, x_of, y_of), tuple(points))


def _lightened(series: SeriesView) -> SeriesView:
    """`series` with the results that set no record drawn as dots of one path each."""
    def path(extra_data: bool) -> str:
        return "".join(f"M{point.x:g},{point.y:g}h0" for point in series.points
                       if not point.record and point.extra_data == extra_data)
    return replace(series, dots=path(False), squares=path(True))


def _step_path(steps, last_year, x_of, y_of) -> str:
    """Step line: flat while the record stands, up (or down) when a result beats it."""
    first_year, first_value = steps[0]
    commands = [f"M{x_of(first_year):.1f},{y_of(first_value):.1f}"]
    commands += [f"H{x_of(year):.1f}V{y_of(value):.1f}" for year, value in steps[1:]]
    commands.append(f"H{x_of(last_year):.1f}")
    return "".join(commands)


def _segments(step_path: str) -> list[tuple[float, float, float, float]]:
    """The straight pieces (x1, y1, x2, y2) of a step path written by `_step_path`."""
    segments = []
    x = y = 0.0
    for command, number in re.findall(r"([MHV])([-\d.]+(?:,[-\d.]+)?)", step_path):
        if command == "M":
            x, y = (float(part) for part in number.split(","))
            continue
        target = float(number)
        if command == "H":
            segments.append((x, y, target, y))
            x = target
        else:
            segments.append((x, y, x, target))
            y = target
    return segments


def _scale(domain_low: float, domain_high: float, range_low: float, range_high: float):
    span = (domain_high - domain_low) or 1.0

    def scale(value: float) -> float:
        return round(range_low + (value - domain_low) / span * (range_high - range_low), 1)

    return scale


def _nice_range(low: float, high: float) -> tuple[float, float, float]:
    """Round bounds and a tick step (1, 2 or 5 times a power of ten) around the values."""
    if high == low:
        low, high = low - 1, high + 1
    raw_step = (high - low) / 5
    magnitude = 10 ** math.floor(math.log10(raw_step))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw_step)
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


def _ticks(low: float, high: float, step: float) -> list[float]:
    count = round((high - low) / step)
    return [low + index * step for index in range(count + 1)]


def _tick_label(value: float, step: float) -> str:
    decimals = max(0, -math.floor(math.log10(step))) if step < 1 else 0
    return f"{value:.{decimals}f}"
