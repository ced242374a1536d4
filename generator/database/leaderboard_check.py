"""Checks of a leaderboard's metrics and of the rows papers report on it: every split and
metric named, none unknown, each value in the form its leaderboard asks for."""

from __future__ import annotations

from generator.database.yamlsource import FieldPath, SourceRecord, format_field_path
from generator.models import Leaderboard
from generator.models.paper import ResultRow
from generator.problems import Problem, closest, shown

EXAMPLE_METRICS = "metrics: [{name: PQ, unit: '%'}, {name: mIoU, unit: '%'}]"


def _at(source: SourceRecord, path: FieldPath, message: str) -> Problem:
    return Problem(source.path, source.line_of(path), format_field_path(path), message)


def check_metrics(source: SourceRecord, board: Leaderboard) -> list[Problem]:
    """A leaderboard names its metric once: `metric` for one, `metrics` for several, each once."""
    if board.metric is None and not board.metrics:
        return [_at(source, ("metric",), "no metric declared; write metric: mIoU (with unit and "
                    f"higher_is_better) for one metric, or {EXAMPLE_METRICS} for several")]
    if not board.metrics:
        return []
    problems = []
    if board.metric is not None:
        problems.append(_at(source, ("metric",), f"write either metric (one metric) or metrics "
                            f"(several), not both; add {{name: {board.metric}}} to metrics instead"))
    problems += [
        _at(source, (name,), f"'{name}' belongs to each entry of metrics when a leaderboard has "
            f"them, e.g. {EXAMPLE_METRICS}")
        for name in ("unit", "higher_is_better") if name in board.model_fields_set
    ]
    first_index: dict[str, int] = {}
    for index, metric in enumerate(board.metrics):
        key = metric.name.lower()
        if key in first_index:
            first = source.line_of(("metrics", first_index[key], "name"))
            problems.append(_at(source, ("metrics", index, "name"),
                                f"duplicate metric {shown(metric.name)} (first on line {first})"))
        else:
            first_index[key] = index
    return problems


def check_row(source: SourceRecord, index: int, row: ResultRow, board: Leaderboard) -> list[Problem]:
    """Every split of `board` in the row, no other; on a board with `metrics`, a score (or
    null) for each of them on each split."""
    path: FieldPath = ("results", index, "values")
    problems = []
    for split in row.values:
        if split not in board.splits:
            problems.append(_at(
                source, (*path, split),
                f"leaderboard '{board.id}' has no split {shown(split)}; "
                f"its splits are: {', '.join(board.splits)}",
            ))
        else:
            problems += _check_split(source, (*path, split), row, board)
    missing = [split for split in board.splits if split not in row.values]
    if missing and row.values:
        problems.append(_at(source, path, _missing_message("split", missing, "", board)))
    return problems


def _check_split(source: SourceRecord, path: FieldPath, row: ResultRow, board: Leaderboard) -> list[Problem]:
    split = str(path[-1])
    value = row.values[split]
    names = [metric.name for metric in board.metrics]
    if not names:
        if isinstance(value, dict):
            return [_at(source, path, (
                f"leaderboard '{board.id}' declares no metrics, only metric '{board.metric}': "
                f"write {split}: 61.4 (one number, or null), or declare metrics in the "
                f"leaderboard's file: {EXAMPLE_METRICS}"))]
        return []
    if not isinstance(value, dict):
        if value is None:  # the paper reports none of the metrics on this split
            return []
        scores = ", ".join(f"{name}: {value if at == 0 else 'null'}" for at, name in enumerate(names))
        return [_at(source, path, (
            f"leaderboard '{board.id}' has several metrics ({', '.join(names)}): write a score "
            f"for each, e.g. {split}: {{{scores}}}"))]
    problems = []
    for name in value:
        if name not in names:
            close = closest(name, names)
            hint = f"; did you mean '{close}'?" if close else ""
            problems.append(_at(source, (*path, name), (
                f"leaderboard '{board.id}' has no metric {shown(name)}{hint} "
                f"(its metrics are: {', '.join(names)})")))
    missing = [name for name in names if name not in value]
    if missing:
        problems.append(_at(source, path, _missing_message("metric", missing, f" on split '{split}'", board)))
    return problems


def _missing_message(what: str, missing: list[str], where: str, board: Leaderboard) -> str:
    several = len(missing) > 1
    listed = " and ".join(f"'{name}'" for name in missing)
    return (
        f"no value for {what}{'s' if several else ''} {listed}{where} of leaderboard '{board.id}'; "
        f"write {', '.join(f'{name}: null' for name in missing)} "
        f"when the paper does not report {'them' if several else 'it'}"
    )

