"""What a leaderboard page needs: ranked rows, best value per score column (a split of a
metric), state of the art by year."""

from __future__ import annotations

from dataclasses import dataclass

from generator.database.assemble import Database, LeaderboardRow
from generator.models import Leaderboard, Paper
from generator.models.leaderboard import Metric
from generator.views import paths
from generator.views.papers import LinkView, PaperRefView, code_label


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


@dataclass(frozen=True)
class ValueView:
    """One column's value in a row."""

    text: str
    """Formatted for the table, '' when the row has no value for the split."""
    value: float | None
    best: bool


@dataclass(frozen=True)
class LeaderboardRowView:
    key: str
    """Stable identity of the row on its page: '<paper id>-<index in the paper's results>'."""
    rank: int | None
    """Rank by the first column (ties share a rank); None without a value for it."""
    method: str
    paper: PaperRefView
    values: tuple[ValueView, ...]
    """One per column of the leaderboard, in column order."""
    backbone: str | None
    extra_data: str | None
    supervision: FacetValueView | None
    """The row's supervision (its own, else the leaderboard's); None when neither says."""
    code: LinkView | None
    """The paper's code, never a link to the paper itself."""
    source: str | None
    """Where the paper reports the number, e.g. 'Table 3'."""
    source_url: str | None
    """Link to the number's source when the row names one."""
    notes: str | None
    highlight: bool


@dataclass(frozen=True)
class FacetValueView:
    """One value readers can filter rows by, with how many rows carry it."""

    id: str
    label: str
    count: int = 0


@dataclass(frozen=True)
class BestView:
    column: str
    """Heading of the column: 'val', or 'PQ val' on a leaderboard with several metrics."""
    text: str
    method: str
    paper: PaperRefView


@dataclass(frozen=True)
class LeaderboardView:
    id: str
    page: str
    title: str
    dataset: str
    task: str
    metrics: tuple[MetricView, ...]
    splits: tuple[str, ...]
    columns: tuple[ColumnView, ...]
    """Score columns: each split of the first metric, then of the next."""
    description: str | None
    rows: tuple[LeaderboardRowView, ...]
    best: tuple[BestView, ...]
    topics: tuple[tuple[str, str], ...]
    """(title, link target) of each topic the leaderboard belongs to."""
    supervisions: tuple[FacetValueView, ...] = ()
    """Supervision values of the rows, most common first ('' for rows that name none)."""
    extra_data_rows: int = 0
    """How many rows used training data beyond the benchmark's own."""

    def has(self, column: str) -> bool:
        """Whether any row has a value for `column` (a row attribute; 'source' counts links):
        columns no row fills are left out of the table."""
        if column == "source":
            return any(row.source or row.source_url for row in self.rows)
        return any(getattr(row, column) for row in self.rows)

    @property
    def filterable(self) -> bool:
        """Whether readers get controls: a metric to chart, or toggles because rows differ in
        supervision or use extra data."""
        return len(self.metrics) > 1 or len(self.supervisions) > 1 or self.extra_data_rows > 0

    @property
    def metric_label(self) -> str:
        """'mIoU (%)', or 'PQ (%), mIoU (%)' for several metrics."""
        return ", ".join(metric.label for metric in self.metrics)

    @property
    def metric_summary(self) -> str:
        """'mIoU (%), higher is better'; 'PQ (%), higher is better; RMSE, lower is better'."""
        directions = {metric.higher_is_better for metric in self.metrics}
        if len(directions) == 1:
            return f"{' and '.join(m.label for m in self.metrics)}, {_direction(directions.pop())}"
        return "; ".join(f"{m.label}, {_direction(m.higher_is_better)}" for m in self.metrics)


def _direction(higher_is_better: bool) -> str:
    return "higher is better" if higher_is_better else "lower is better"


def leaderboard_views(database: Database, refs: dict[str, PaperRefView]) -> list[LeaderboardView]:
    """A view of every leaderboard, in file-name order."""
    return [leaderboard_view(database, board, refs) for board in database.leaderboards.values()]


def leaderboard_view(
    database: Database, board: Leaderboard, refs: dict[str, PaperRefView]
) -> LeaderboardView:
    columns = _columns(board)
    entries = sorted(database.rows_of(board.id), key=lambda entry: _rank_key(columns, entry))
    best = _best_values(columns, entries)
    ranks = _ranks(columns[0], entries)
    decimals = {metric.name: _decimals(entries, metric.name) for metric in board.all_metrics}
    tag_titles = {tag.id: tag.title for group in database.config.tag_groups for tag in group.tags}
    rows = tuple(
        _row_view(board, columns, entry, refs[entry.paper.id], rank, best, decimals, tag_titles)
        for entry, rank in zip(entries, ranks, strict=True)
    )
    topics = database.topics()
    return LeaderboardView(
        id=board.id, page=paths.leaderboard_page(board.id), title=board.title,
        dataset=board.dataset, task=board.task,
        metrics=tuple(_metric_view(metric) for metric in board.all_metrics),
        splits=tuple(board.splits), columns=columns,
        description=board.description, rows=rows,
        best=tuple(
            _best_view(index, column, best, decimals, rows)
            for index, column in enumerate(columns) if index in best
        ),
        topics=tuple((topics[t].title, paths.topic_anchor(t)) for t in board.topics if t in topics),
        supervisions=_supervision_counts(rows),
        extra_data_rows=sum(1 for row in rows if row.extra_data),
    )


def _metric_view(metric: Metric) -> MetricView:
    return MetricView(metric.name, metric.unit or "", metric.higher_is_better)


def _columns(board: Leaderboard) -> tuple[ColumnView, ...]:
    several = len(board.all_metrics) > 1
    return tuple(
        ColumnView(split, _metric_view(metric), f"{metric.name} {split}" if several else split,
                   metric.name if several else "")
        for metric in board.all_metrics for split in board.splits
    )


def _score(entry: LeaderboardRow, column: ColumnView) -> float | None:
    return entry.row.score(column.split, column.metric.name)


def _supervision_counts(rows: tuple[LeaderboardRowView, ...]) -> tuple[FacetValueView, ...]:
    counts: dict[str, int] = {}
    labels: dict[str, str] = {}
    for row in rows:
        key = row.supervision.id if row.supervision else ""
        counts[key] = counts.get(key, 0) + 1
        labels[key] = row.supervision.label if row.supervision else "not stated"
    ordered = sorted(counts, key=lambda key: (-counts[key], key == "", key))
    return tuple(FacetValueView(key, labels[key], counts[key]) for key in ordered)


def better(higher_is_better: bool, first: float, second: float) -> bool:
    """True when `first` beats `second` on a leaderboard."""
    return first > second if higher_is_better else first < second


def _rank_key(columns: tuple[ColumnView, ...], entry: LeaderboardRow) -> tuple:
    key: list = []
    for column in columns:
        value = _score(entry, column)
        sign = -1 if column.metric.higher_is_better else 1
        key += [value is None, sign * value if value is not None else 0.0]
    return (*key, entry.paper.id, entry.index)


def _ranks(first: ColumnView, entries: list[LeaderboardRow]) -> list[int | None]:
    ranks: list[int | None] = []
    previous: float | None = None
    for position, entry in enumerate(entries, start=1):
        value = _score(entry, first)
        if value is None:
            ranks.append(None)
            continue
        ranks.append(ranks[-1] if value == previous else position)
        previous = value
    return ranks


def _best_values(columns: tuple[ColumnView, ...], entries: list[LeaderboardRow]) -> dict[int, float]:
    """Best value of each column (by its index) that has any."""
    best: dict[int, float] = {}
    for index, column in enumerate(columns):
        for entry in entries:
            value = _score(entry, column)
            if value is None:  # not reported
                continue
            if index not in best or better(column.metric.higher_is_better, value, best[index]):
                best[index] = value
    return best


def _decimals(entries: list[LeaderboardRow], metric: str) -> int:
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
    return f"{value:.{decimals}f}"


def _row_view(
    board: Leaderboard, columns: tuple[ColumnView, ...], entry: LeaderboardRow, ref: PaperRefView,
    rank: int | None, best: dict[int, float], decimals: dict[str, int], tag_titles: dict[str, str],
) -> LeaderboardRowView:
    row = entry.row
    values = []
    for index, column in enumerate(columns):
        value = _score(entry, column)
        text = format_value(value, decimals[column.metric.name]) if value is not None else ""
        values.append(ValueView(text, value, value is not None and value == best.get(index)))
    supervision = row.supervision or board.supervision
    return LeaderboardRowView(
        key=f"{entry.paper.id}-{entry.index}", rank=rank, method=row.method or ref.label,
        paper=ref, values=tuple(values), backbone=row.backbone, extra_data=row.extra_data,
        supervision=FacetValueView(supervision, tag_titles.get(supervision, supervision))
        if supervision else None,
        code=_code_link(entry.paper), source=row.source, source_url=row.url,
        notes=row.notes, highlight=row.highlight,
    )


def _code_link(paper: Paper) -> LinkView | None:
    if not paper.links.code:
        return None
    code = paper.links.code[0]
    return LinkView(code_label(code.label, code.framework, code.official), code.url)


def _best_view(
    index: int, column: ColumnView, best: dict[int, float], decimals: dict[str, int],
    rows: tuple[LeaderboardRowView, ...],
) -> BestView:
    row = next(row for row in rows if row.values[index].best)
    return BestView(column.heading, format_value(best[index], decimals[column.metric.name]),
                    row.method, row.paper)
