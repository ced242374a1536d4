"""What a leaderboard page needs: ranked rows, best value per split, state of the art by year."""

from __future__ import annotations

from dataclasses import dataclass

from generator.database.assemble import Database, LeaderboardRow
from generator.models import Leaderboard, Paper
from generator.views import paths
from generator.views.papers import LinkView, PaperRefView, code_label


@dataclass(frozen=True)
class ValueView:
    """One split's value in a row."""

    text: str
    """Formatted for the table, '' when the row has no value for the split."""
    value: float | None
    best: bool


@dataclass(frozen=True)
class LeaderboardRowView:
    rank: int | None
    """Rank by the first split (ties share a rank); None without a value for it."""
    method: str
    paper: PaperRefView
    values: tuple[ValueView, ...]
    backbone: str | None
    extra_data: str | None
    code: LinkView | None
    notes: str | None
    highlight: bool


@dataclass(frozen=True)
class BestView:
    split: str
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
    metric: str
    unit: str
    higher_is_better: bool
    splits: tuple[str, ...]
    description: str | None
    rows: tuple[LeaderboardRowView, ...]
    best: tuple[BestView, ...]
    topics: tuple[tuple[str, str], ...]
    """(title, link target) of each topic the leaderboard belongs to."""

    @property
    def metric_label(self) -> str:
        return f"{self.metric} ({self.unit})" if self.unit else self.metric


def leaderboard_views(database: Database, refs: dict[str, PaperRefView]) -> list[LeaderboardView]:
    """A view of every leaderboard, in file-name order."""
    return [leaderboard_view(database, board, refs) for board in database.leaderboards.values()]


def leaderboard_view(
    database: Database, board: Leaderboard, refs: dict[str, PaperRefView]
) -> LeaderboardView:
    entries = sorted(database.rows_of(board.id), key=lambda entry: _rank_key(board, entry))
    decimals = _decimals(entries)
    best = _best_values(board, entries)
    ranks = _ranks(board, entries)
    rows = tuple(
        _row_view(board, entry, refs[entry.paper.id], rank, best, decimals)
        for entry, rank in zip(entries, ranks, strict=True)
    )
    topics = database.topics()
    return LeaderboardView(
        id=board.id, page=paths.leaderboard_page(board.id), title=board.title,
        dataset=board.dataset, task=board.task, metric=board.metric, unit=board.unit or "",
        higher_is_better=board.higher_is_better, splits=tuple(board.splits),
        description=board.description, rows=rows,
        best=tuple(
            _best_view(board, split, best, decimals, rows) for split in board.splits if split in best
        ),
        topics=tuple((topics[t].title, paths.topic_anchor(t)) for t in board.topics if t in topics),
    )


def better(higher_is_better: bool, first: float, second: float) -> bool:
    """True when `first` beats `second` on a leaderboard."""
    return first > second if higher_is_better else first < second


def _rank_key(board: Leaderboard, entry: LeaderboardRow) -> tuple:
    sign = -1 if board.higher_is_better else 1
    key: list = []
    for split in board.splits:
        value = entry.row.values.get(split)
        key += [value is None, sign * value if value is not None else 0.0]
    return (*key, entry.paper.id, entry.index)


def _ranks(board: Leaderboard, entries: list[LeaderboardRow]) -> list[int | None]:
    first = board.splits[0]
    ranks: list[int | None] = []
    previous: float | None = None
    for position, entry in enumerate(entries, start=1):
        value = entry.row.values.get(first)
        if value is None:
            ranks.append(None)
            continue
        ranks.append(ranks[-1] if value == previous else position)
        previous = value
    return ranks


def _best_values(board: Leaderboard, entries: list[LeaderboardRow]) -> dict[str, float]:
    best: dict[str, float] = {}
    for entry in entries:
        for split, value in entry.row.values.items():
            if split not in best or better(board.higher_is_better, value, best[split]):
                best[split] = value
    return best


def _decimals(entries: list[LeaderboardRow]) -> int:
    """Show every value with as many decimals as the most precise one (at most 3)."""
    most = 0
    for entry in entries:
        for value in entry.row.values.values():
            text = repr(float(value))
            if "e" not in text:
                most = max(most, len(text.split(".")[1].rstrip("0")))
    return min(most, 3)


def format_value(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}"


def _row_view(
    board: Leaderboard, entry: LeaderboardRow, ref: PaperRefView, rank: int | None,
    best: dict[str, float], decimals: int,
) -> LeaderboardRowView:
    row = entry.row
    values = []
    for split in board.splits:
        value = row.values.get(split)
        text = format_value(value, decimals) if value is not None else ""
        values.append(ValueView(text, value, value is not None and value == best.get(split)))
    return LeaderboardRowView(
        rank=rank, method=row.method or ref.label, paper=ref, values=tuple(values),
        backbone=row.backbone, extra_data=row.extra_data, code=_code_link(entry.paper, row.url),
        notes=row.notes, highlight=row.highlight,
    )


def _code_link(paper: Paper, row_url: str | None) -> LinkView | None:
    if paper.links.code:
        code = paper.links.code[0]
        return LinkView(code_label(code.label, code.framework, code.official), code.url)
    return LinkView("link", row_url) if row_url else None


def _best_view(
    board: Leaderboard, split: str, best: dict[str, float], decimals: int,
    rows: tuple[LeaderboardRowView, ...],
) -> BestView:
    column = board.splits.index(split)
    row = next(row for row in rows if row.values[column].best)
    return BestView(split, format_value(best[split], decimals), row.method, row.paper)
