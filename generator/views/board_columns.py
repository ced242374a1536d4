"""Score columns of a leaderboard (each split of each metric) and what they say of its rows:
the value of a row in a column, the order of the rows, the best value of each column."""

from __future__ import annotations

from dataclasses import dataclass

from generator.database.assemble import LeaderboardRow
from generator.models import Leaderboard
from generator.models.leaderboard import Metric


@dataclass(frozen=True)
class MetricView:
    name: str
    unit: str
    higher_is_better: bool

    @property
    def label(self) -> str:
        """'mIoU (%)'."""
        return f"{self.name} ({self.unit})" if self.unit else self.name


@dataclass(frozen=True)
class ColumnView:
    """A column of scores: one split of one metric."""

    split: str
    metric: MetricView
    heading: str
    """'val' on a one-metric leaderboard, 'PQ val' on one with several."""
    metric_key: str
    """The metric's name on a leaderboard with several metrics, '' on a one-metric one."""


def metric_view(metric: Metric) -> MetricView:
    """What a page shows of a metric."""
    return MetricView(metric.name, metric.unit or "", metric.higher_is_better)


def score_columns(board: Leaderboard) -> tuple[ColumnView, ...]:
    """Each split of the first metric, then of the next: the score columns of `board`."""
    several = len(board.all_metrics) > 1
    return tuple(
        ColumnView(split, metric_view(metric), f"{metric.name} {split}" if several else split,
                   metric.name if several else "")
        for metric in board.all_metrics for split in board.splits
    )


def score(entry: LeaderboardRow, column: ColumnView) -> float | None:
    """The row's value in `column`; None when the paper does not report it."""
    return entry.row.score(column.split, column.metric.name)


def better(higher_is_better: bool, first: float, second: float) -> bool:
    """True when `first` beats `second` on a leaderboard."""
    return first > second if higher_is_better else first < second


def rank_key(columns: tuple[ColumnView, ...], entry: LeaderboardRow) -> tuple:
    """Sort key of a row: best first by the first column, then the next; unreported last."""
    key: list = []
    for column in columns:
        value = score(entry, column)
        sign = -1 if column.metric.higher_is_better else 1
        key += [value is None, sign * value if value is not None else 0.0]
    return (*key, entry.paper.id, entry.index)


def ranks(first: ColumnView, entries: list[LeaderboardRow]) -> list[int | None]:
    """Rank of each of the sorted `entries` by the `first` column, ties sharing a rank."""
    ranks: list[int | None] = []
    previous: float | None = None
    for position, entry in enumerate(entries, start=1):
        value = score(entry, first)
        if value is None:
            ranks.append(None)
            continue
        ranks.append(ranks[-1] if value == previous else position)
        previous = value
    return ranks


def best_values(columns: tuple[ColumnView, ...], entries: list[LeaderboardRow]) -> dict[int, float]:
    """Best value of each column (by its index) that has any."""
    best: dict[int, float] = {}
    for index, column in enumerate(columns):
        for entry in entries:
            value = score(entry, column)
            if value is None:  # not reported
                continue
            if index not in best or better(column.metric.higher_is_better, value, best[index]):
                best[index] = value
    return best


def decimals(entries: list[LeaderboardRow], metric: str) -> int:
    """Show every value of `metric` with as many decimals as its most precise one (at most 3)."""
    most = 0
    for entry in entries:
        for split in entry.row.values:
            value = entry.row.score(split, metric)
            if value is None:  # not reported
                continue
            text = repr(float(value))
            if "e" not in text:
                most = max(most, len(text.split(".")[1].rstrip("0")))
    return min(most, 3)


def format_value(value: float, decimals: int) -> str:
    """`value` with `decimals` digits after the point."""
    return f"{value:.{decimals}f}"


def direction(higher_is_better: bool) -> str:
    """'higher is better' or 'lower is better'."""
    return "higher is better" if higher_is_better else "lower is better"
