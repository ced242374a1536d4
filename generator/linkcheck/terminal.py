"""What a person at a terminal sees: a progress bar while checking, a summary table after."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from generator.linkcheck.report import Run
from generator.linkcheck.results import Result, Verdict

_STYLE = {
    Verdict.OK: "green", Verdict.REDIRECTED: "cyan", Verdict.BROKEN: "bold red",
    Verdict.ERROR: "red", Verdict.BLOCKED: "yellow", Verdict.EXCLUDED: "dim",
}

Hooks = tuple[Callable[[int], None], Callable[[Result], None]]


@contextmanager
def progress_bar(stream: TextIO) -> Iterator[Hooks]:
    """Hooks (on_start, on_result) that drive a progress bar on `stream` while in the block."""
    progress = Progress(
        TextColumn("checking links"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=Console(file=stream), transient=True,
    )
    task = progress.add_task("links", total=None)
    with progress:
        yield (
            lambda total: progress.update(task, total=total),
            lambda _result: progress.advance(task),
        )


def print_summary_table(run: Run, stream: TextIO) -> None:
    """A table of verdict counts, coloured."""
    table = Table(title="link check", show_edge=False)
    table.add_column("verdict")
    table.add_column("links", justify="right")
    for verdict in Verdict:
        table.add_row(f"[{_STYLE[verdict]}]{verdict.value}[/]", str(run.count(verdict)))
    Console(file=stream).print(table)
