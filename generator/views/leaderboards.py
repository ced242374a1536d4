"""What a leaderboard page needs: ranked rows, best value per score column (a split of a
metric), state of the art by year."""

from __future__ import annotations

from dataclasses import dataclass

from generator.database.assemble import Database, LeaderboardRow
from generator.models import Leaderboard, Paper
from generator.views import paths
from generator.views.board_columns import (
    ColumnView,
    MetricView,
    best_values,
    decimals,
    direction,
    format_value,
    metric_view,
    rank_key,
    ranks,
    score,
    score_columns,
)
from generator.views.papers import LinkView, PaperRefView, code_label


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
    listed: int = 0
    """How many of the first rows the page's HTML holds (`site.leaderboard_page_rows`); the
    script loads the others."""
    chart_marks: int = 0
    """Results a chart draws as marks with a tooltip (`site.leaderboard_chart_marks`)."""

    @property
    def listed_rows(self) -> tuple[LeaderboardRowView, ...]:
        """The rows the page's HTML holds."""
        return self.rows[:self.listed]

    @property
    def more_rows(self) -> tuple[LeaderboardRowView, ...]:
        """The rows loaded on demand, after the listed ones."""
        return self.rows[self.listed:]

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
            return f"{' and '.join(m.label for m in self.metrics)}, {direction(directions.pop())}"
        return "; ".join(f"{m.label}, {direction(m.higher_is_better)}" for m in self.metrics)


def leaderboard_views(database: Database, refs: dict[str, PaperRefView]) -> list[LeaderboardView]:
    """A view of every leaderboard, in file-name order."""
    return [leaderboard_view(database, board, refs) for board in database.leaderboards.values()]


def leaderboard_view(
    database: Database, board: Leaderboard, refs: dict[str, PaperRefView]
) -> LeaderboardView:
    columns = score_columns(board)
    entries = sorted(database.rows_of(board.id), key=lambda entry: rank_key(columns, entry))
    best = best_values(columns, entries)
    row_ranks = ranks(columns[0], entries)
    places = {metric.name: decimals(entries, metric.name) for metric in board.all_metrics}
    tag_titles = {tag.id: tag.title for group in database.config.tag_groups for tag in group.tags}
    rows = tuple(
        _row_view(board, columns, entry, refs[entry.paper.id], rank, best, places, tag_titles)
        for entry, rank in zip(entries, row_ranks, strict=True)
    )
    topics = database.topics()
    return LeaderboardView(
        id=board.id, page=paths.leaderboard_page(board.id), title=board.title,
        dataset=board.dataset, task=board.task,
        metrics=tuple(metric_view(metric) for metric in board.all_metrics),
        splits=tuple(board.splits), columns=columns,
        description=board.description, rows=rows,
        best=tuple(
            _best_view(index, column, best, places, rows)
            for index, column in enumerate(columns) if index in best
        ),
        topics=tuple((topics[t].title, paths.topic_anchor(t)) for t in board.topics if t in topics),
        supervisions=_supervision_counts(rows),
        extra_data_rows=sum(1 for row in rows if row.extra_data),
        listed=min(len(rows), database.config.site.leaderboard_page_rows),
        chart_marks=database.config.site.leaderboard_chart_marks,
    )


def _supervision_counts(rows: tuple[LeaderboardRowView, ...]) -> tuple[FacetValueView, ...]:
    counts: dict[str, int] = {}
    labels: dict[str, str] = {}
    for row in rows:
        key = row.supervision.id if row.supervision else ""
        counts[key] = counts.get(key, 0) + 1
        labels[key] = row.supervision.label if row.supervision else "not stated"
    ordered = sorted(counts, key=lambda key: (-counts[key], key == "", key))
    return tuple(FacetValueView(key, labels[key], counts[key]) for key in ordered)


def _row_view(
    board: Leaderboard, columns: tuple[ColumnView, ...], entry: LeaderboardRow, ref: PaperRefView,
    rank: int | None, best: dict[int, float], decimals: dict[str, int], tag_titles: dict[str, str],
) -> LeaderboardRowView:
    row = entry.row
    values = []
    for index, column in enumerate(columns):
        value = score(entry, column)
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
